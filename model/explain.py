"""Why the stance model said what it said: the features that pushed toward and away from it."""
from __future__ import annotations

import numpy as np

from quotestance.model.features import PERSON_TOKEN, TARGET_TOKEN
from quotestance.model.record import Quote

# Groups shown to a person; character n-grams are left out as unreadable fragments.
READABLE_GROUPS = ("quote_words", "context_words", "cues")
# How each feature group is named to a person, in the per-group sums.
GROUP_NAMES = {"quote_words": "quote words", "quote_chars": "character n-grams", "context_words": "paragraph words",
               "cues": "cues"}


def _names(union) -> list[str]:
    names = []
    for group, sub in union.transformer_list:
        vec = sub.steps[-1][1]
        inner = vec.get_feature_names_out() if hasattr(vec, "get_feature_names_out") else vec.feature_names_
        names.extend(f"{group}:{n}" for n in inner)
    return names


def explain(pipeline, quote: Quote, label: str, most: int = 6) -> dict[str, list[tuple[str, float]]]:
    """Top features pushing ``quote`` toward ``label`` and away from it (feature value × weight
    for that class, minus the mean over classes), readable groups only; and ``groups``: each
    feature group's summed push, character n-grams included, largest first."""
    union, clf = pipeline.named_steps["features"], pipeline.named_steps["clf"]
    x = union.transform([quote])
    x = x.toarray()[0] if hasattr(x, "toarray") else np.asarray(x)[0]
    coef = clf.coef_
    k = list(clf.classes_).index(label)
    w = coef[k] - coef.mean(axis=0)
    contrib = x * w
    names = _names(union)
    nonzero = np.flatnonzero(x)
    sums: dict[str, float] = {}
    for j in nonzero:
        group = names[j].split(":", 1)[0]
        sums[group] = sums.get(group, 0.0) + float(contrib[j])
    scored = [(names[j], float(contrib[j])) for j in nonzero if names[j].split(":", 1)[0] in READABLE_GROUPS]
    pretty = [(_pretty(n), c) for n, c in scored]
    toward = sorted((p for p in pretty if p[1] > 0), key=lambda p: -p[1])[:most]
    away = sorted((p for p in pretty if p[1] < 0), key=lambda p: p[1])[:most]
    groups = sorted(((GROUP_NAMES.get(g, g), round(c, 3)) for g, c in sums.items()), key=lambda p: -abs(p[1]))
    return {"toward": [(n, round(c, 3)) for n, c in toward], "away": [(n, round(c, 3)) for n, c in away],
            "groups": groups}


# The masks features.py puts in place of names, as the vectorizers lower-case them, and how a
# person reads them: "‹target›" is any mention of the target, "‹name›" anyone else's name.
_MASKS = {TARGET_TOKEN.lower(): "‹target›", PERSON_TOKEN.lower(): "‹name›"}


def _pretty(name: str) -> str:
    group, feat = name.split(":", 1)
    if group != "cues":
        feat = " ".join(_MASKS.get(w, w) for w in feat.split(" "))
    if group == "quote_words":
        return feat
    if group == "context_words":
        return f"(paragraph) {feat}"
    return f"[{feat}]"
