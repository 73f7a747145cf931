"""Grouped cross-validation of the stance model and its baselines, on the same folds."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

import numpy as np
from sklearn.base import clone
from sklearn.metrics import confusion_matrix, f1_score, precision_recall_fscore_support
from sklearn.model_selection import LeaveOneGroupOut

from quotestance.model.tagger import find_quotes
from quotestance.model.record import STANCES, Quote
from quotestance.model.target import MANDELSON, Target
from quotestance.training.labels import LabelSet
from quotestance.model.features import remembered_features
from quotestance.training.pipeline import (ConstantBaseline, VaderBaseline, proba_by_stance, stance_pipeline,
                                           tfidf_baseline)
from quotestance.training.select import INNER_FOLDS, Extra, fit_with_extra, nested_predictions

CALIBRATION_BINS = 10


def with_cues(labels: LabelSet, target: Target = MANDELSON, attributed_speakers: bool = False) -> list[Quote]:
    """The labelled quotes with the cue that attribution finds for the same span.

    At tagging time the cue comes from attribution, so training sees it the same way; the
    labelled speaker is kept (it is what attribution aims at), unless ``attributed_speakers``:
    then the speaker is attribution's too, as a new article would have it (None where
    attribution finds no span over the labelled one).
    """
    cues: dict[str, list[Quote]] = {}
    for doc, text in labels.articles.items():
        cues[doc] = find_quotes(text, doc, target)
    out = []
    for q in labels.quotes:
        best = max(cues[q.doc], key=lambda p: min(p.end, q.end) - max(p.start, q.start), default=None)
        if best is None or min(best.end, q.end) - max(best.start, q.start) <= 0:
            best = None  # attribution found no span over this one
        if attributed_speakers:
            q = replace(q, speaker=best and best.speaker, cue=best and best.cue, mention=best and best.mention)
        elif best is not None:
            q = replace(q, cue=best.cue, mention=best.mention)
        out.append(q)
    return out


def scores(y_true, y_pred) -> dict:
    """Macro-F1, per-class precision/recall/F1/support and the confusion matrix (rows: truth)."""
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=list(STANCES), zero_division=0)
    return {
        "macro_f1": float(f1_score(y_true, y_pred, labels=list(STANCES), average="macro", zero_division=0)),
        "per_class": {c: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]), "support": int(s[i])}
                      for i, c in enumerate(STANCES)},
        "confusion": confusion_matrix(y_true, y_pred, labels=list(STANCES)).tolist(),
    }


def calibration(y_true, proba: np.ndarray, classes) -> dict:
    """Expected calibration error of the top probability, and the multi-class Brier score."""
    classes = list(classes)
    top = proba.max(axis=1)
    hit = np.array([classes[i] == t for i, t in zip(proba.argmax(axis=1), y_true)], dtype=float)
    bins = np.minimum((top * CALIBRATION_BINS).astype(int), CALIBRATION_BINS - 1)
    ece = sum(abs(hit[bins == b].mean() - top[bins == b].mean()) * (bins == b).mean()
              for b in range(CALIBRATION_BINS) if (bins == b).any())
    onehot = np.array([[c == t for c in classes] for t in y_true], dtype=float)
    return {"ece": float(ece), "brier": float(((proba - onehot) ** 2).sum(axis=1).mean())}


def grouped_predictions(estimator, X: np.ndarray, y: np.ndarray, groups: np.ndarray, proba: bool = False,
                        extra: Extra | None = None):
    """Leave-one-article-out predictions (and probabilities): every quote predicted by a model
    that never saw its article (fitted on ``extra`` too, when given)."""
    from threadpoolctl import threadpool_limits

    pred = np.empty(len(y), dtype=object)
    probs = np.zeros((len(y), len(STANCES))) if proba else None
    # One BLAS thread: these fits are tiny, and thread contention made them ~6x slower here.
    with threadpool_limits(1):
        for train, test in LeaveOneGroupOut().split(X, y, groups):
            est = fit_with_extra(clone(estimator), X[train], y[train], extra)
            pred[test] = est.predict(X[test])
            if proba:
                probs[test] = proba_by_stance(est, X[test])
    return (pred, probs) if proba else pred


# Invented quotes sharing this many words in a row with a collected one are dropped (see below).
OVERLAP_WORDS = 4


def extra_quotes(invented: LabelSet | None, real: list[Quote], target: Target = MANDELSON) -> Extra | None:
    """The invented articles' labelled quotes, with attribution's cues, as training-only data.

    The invented articles were written by people who knew the story and had read ANNOTATION.md,
    whose examples are quotes of the collected articles: some repeat collected quotes word for
    word. Every invented quote whose words equal a collected quote's, or share OVERLAP_WORDS
    words in a row with one, is dropped, so that no fold is scored on words it was fitted on.
    """
    if invented is None or not invented.quotes:
        return None
    real_words = [_tokens(q.quote) for q in real]
    seen_text = {" ".join(words) for words in real_words}
    seen_runs = {run for words in real_words for run in _runs(words)}
    kept = [q for q, words in ((q, _tokens(q.quote)) for q in invented.quotes)
            if " ".join(words) not in seen_text and not (_runs(words) & seen_runs)]
    if not kept:
        return None
    kept_ids = {q.id for q in kept}
    quotes = [q for q in with_cues(invented, target) if q.id in kept_ids]
    return Extra(np.array(quotes, dtype=object), np.array([q.stance for q in quotes]), dropped=len(invented.quotes) - len(kept))


def _tokens(s: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", s.lower().replace("’", "'"))


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + OVERLAP_WORDS]) for i in range(len(words) - OVERLAP_WORDS + 1)}


# Leave-one-article-out needs two articles with quotes: one to train on while the other is scored.
MIN_ARTICLES = 2


def evaluate(labels: LabelSet, target: Target = MANDELSON, quotes: list[Quote] | None = None, jobs: int = 1,
             invented: LabelSet | None = None) -> dict:
    """The full report: the model (feature groups and C chosen by nested CV, see
    training/select.py), the baselines and the fixed default settings on the same outer folds,
    and calibration. ``quotes``: ``with_cues(labels, target)`` if the caller already has it;
    ``jobs``: processes for the nested folds; ``invented``: labelled invented articles that the
    selection may add to every fit (labels/invented/), never predicted or scored."""
    quotes = quotes if quotes is not None else with_cues(labels, target)
    docs = sorted({q.doc for q in quotes})
    if len(docs) < MIN_ARTICLES:
        raise ValueError(f"stance is scored on articles it was not trained on, so it needs labelled quotes from at least "
                         f"{MIN_ARTICLES} articles; {labels.root} has them from {len(docs)}"
                         + (f" ({docs[0]})" if docs else ""))
    X = np.array(quotes, dtype=object)
    y = np.array([q.stance for q in quotes])
    groups = np.array([q.doc for q in quotes])
    extra = extra_quotes(invented, quotes, target)
    pred, probs, chosen = nested_predictions(X, y, groups, target, jobs, extra)
    baselines = {}
    with remembered_features():
        fixed = grouped_predictions(stance_pipeline(target), X, y, groups)
        if extra is not None:
            with_invented = grouped_predictions(stance_pipeline(target), X, y, groups, extra=extra)
            baselines["all groups, C=1, with invented"] = scores(y, with_invented)
    return {
        "folds": f"leave-one-article-out ({len(set(groups))} articles, {len(y)} quotes); "
                 f"model settings chosen inside each fold by {INNER_FOLDS}-fold grouped CV",
        "model": scores(y, pred),
        "calibration": calibration(y, probs, STANCES),
        "chosen_in_folds": chosen,
        "baselines": {
            "always neutral": scores(y, grouped_predictions(ConstantBaseline(), X, y, groups)),
            "VADER compound": scores(y, grouped_predictions(VaderBaseline(), X, y, groups)),
            "TF-IDF + LR": scores(y, grouped_predictions(tfidf_baseline(), X, y, groups)),
            "all groups, C=1": scores(y, fixed),
            **baselines,
        },
        **({"invented": {"quotes": len(extra), "dropped_as_overlapping": extra.dropped,
                         "per_stance": dict(Counter(extra.y.tolist()))}} if extra is not None else {}),
        "errors": _errors(quotes, pred, probs),
    }


def _errors(quotes: list[Quote], pred, probs, most: int = 15) -> list[dict]:
    """The most confident wrong predictions, for the report."""
    wrong = [(probs[i].max(), i) for i in range(len(quotes)) if pred[i] != quotes[i].stance]
    out = []
    for p, i in sorted(wrong, reverse=True)[:most]:
        q = quotes[i]
        out.append({"id": q.id, "quote": q.quote[:90], "speaker": q.speaker, "label": q.stance,
                    "predicted": pred[i], "confidence": round(float(p), 3)})
    return out


def format_report(report: dict) -> str:
    """The report as a plain-text table."""
    rows = [("model", report["model"])] + list(report["baselines"].items())
    width = max(18, *(len(name) for name, _ in rows))
    head = f"{'':{width}s} {'macro-F1':>8s}  " + "  ".join(f"{c[:4]+' P/R/F1':>16s}" for c in STANCES)
    lines = [report["folds"], head]
    if "invented" in report:
        inv = report["invented"]
        lines.insert(1, f"(candidates may add {inv['quotes']} quotes of invented articles to every fit, never scored; "
                        f"{inv.get('dropped_as_overlapping', 0)} more were dropped as repeating collected quotes' words)")
    for name, s in rows:
        cells = "  ".join(f"{s['per_class'][c]['precision']:.2f}/{s['per_class'][c]['recall']:.2f}/{s['per_class'][c]['f1']:.2f}".rjust(16)
                          for c in STANCES)
        lines.append(f"{name:{width}s} {s['macro_f1']:8.3f}  {cells}")
    m = report["model"]
    lines.append("")
    lines.append("confusion (rows: label, columns: predicted; " + ", ".join(STANCES) + ")")
    for c, row in zip(STANCES, m["confusion"]):
        lines.append(f"  {c:12s} " + " ".join(f"{n:4d}" for n in row))
    cal = report["calibration"]
    lines.append(f"calibration: ECE {cal['ece']:.3f}, Brier {cal['brier']:.3f}")
    if "chosen_in_folds" in report:
        lines.append("settings chosen in the outer folds: " +
                     "; ".join(f"{k} ({n})" for k, n in report["chosen_in_folds"].items()))
    return "\n".join(lines)
