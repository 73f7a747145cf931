"""Why the stance model said what it said: the features that pushed toward and away from it."""
from __future__ import annotations

import numpy as np

from quotestance.model.features import PERSON_TOKEN, TARGET_TOKEN
from quotestance.model.record import Quote

# Groups shown to a person; character n-grams are left out as unreadable fragments.
READABLE_GROUPS = ("quote_words", "context_words", "cues")


def _names(union) -> list[str]:
    names = []
    for group, sub in union.transformer_list:
        vec = sub.steps[-1][1]
        inner = vec.get_feature_names_out() if hasattr(vec, "get_feature_names_out") else vec.feature_names_
        names.extend(f"{group}:{n}" for n in inner)
    return names


def explain(pipeline, quote: Quote, label: str, most: int = 6) -> dict[str, list[tuple[str, float]]]:
    """Top features pushing ``quote`` toward ``label`` and away from it (feature value × weight
    for that class, minus the mean over classes), readable groups only."""
    union, clf = pipeline.named_steps["features"], pipeline.named_steps["clf"]
    x = union.transform([quote])
    x = x.toarray()[0] if hasattr(x, "toarray") else np.asarray(x)[0]
    coef = clf.coef_
    k = list(clf.classes_).index(label)
    w = coef[k] - coef.mean(axis=0)
    contrib = x * w
    names = _names(union)
    scored = [(names[j], float(contrib[j])) for j in np.flatnonzero(x)
              if names[j].split(":", 1)[0] in READABLE_GROUPS]
    pretty = [(_pretty(n), c) for n, c in scored]
    toward = sorted((p for p in pretty if p[1] > 0), key=lambda p: -p[1])[:most]
    away = sorted((p for p in pretty if p[1] < 0), key=lambda p: p[1])[:most]
    return {"toward": [(n, round(c, 3)) for n, c in toward], "away": [(n, round(c, 3)) for n, c in away]}


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
