"""Choosing the feature groups and C by nested cross-validation.

The held-out figure of a model whose settings were picked on the same folds is optimistic. So
the choice is made inside each outer fold, on that fold's training articles only (an inner
GroupKFold), and the outer fold's article is predicted by what that choice fitted. The shipped
model is chosen the same way on all articles.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold, LeaveOneGroupOut

from quotestance.model.features import remembered_features
from quotestance.model.record import STANCES
from quotestance.model.target import MANDELSON, Target
from quotestance.training.pipeline import C, FEATURE_GROUPS, proba_by_stance, stance_pipeline

# Inner folds: 3 keeps about 17 articles to fit and 9 to score in each, with 26 to split.
INNER_FOLDS = 3
# Fixed before any nested run: the full feature set and each single group left out (the
# ablation's settings), at scikit-learn's default C and a factor of 3 either side of it.
GROUP_SETS = (FEATURE_GROUPS,) + tuple(tuple(g for g in FEATURE_GROUPS if g != out) for out in FEATURE_GROUPS)
CS = (C, 0.3, 3.0)


@dataclass(frozen=True)
class Candidate:
    groups: tuple[str, ...]
    c: float
    invented: bool = False  # also fit on the invented articles (labels/invented/), never scored on them

    @property
    def label(self) -> str:
        left_out = [g for g in FEATURE_GROUPS if g not in self.groups]
        return (("all groups" if not left_out else "without " + ", ".join(left_out)) + f", C={self.c:g}"
                + (", with invented" if self.invented else ""))

    def pipeline(self, target: Target):
        return stance_pipeline(target, self.groups, self.c)


# In this order; a tie goes to the earlier one (the full set at the default C first, and every
# setting without the invented articles before the same with them).
CANDIDATES = tuple(Candidate(g, c) for c in CS for g in GROUP_SETS)
INVENTED_CANDIDATES = tuple(Candidate(c.groups, c.c, invented=True) for c in CANDIDATES)


@dataclass(frozen=True)
class Extra:
    """Quotes added to every fit and never predicted: the invented articles' labelled quotes.
    Each weighs ``n_real / n_extra`` of a labelled real quote, so that together they weigh as
    much as the real quotes of the fit, whatever their number (fixed before any run with them;
    the classifier's class_weight="balanced" then reweighs by class over both)."""
    X: np.ndarray
    y: np.ndarray
    dropped: int = 0  # invented quotes left out as repeating collected ones (training/evaluate.py)

    def __len__(self) -> int:
        return len(self.y)


def candidates(extra: Extra | None) -> tuple[Candidate, ...]:
    return CANDIDATES + (INVENTED_CANDIDATES if extra is not None and len(extra) else ())


def fit(cand: Candidate, target: Target, X, y, extra: Extra | None = None):
    """``cand``'s pipeline fitted on ``X, y``, and on ``extra`` too when the candidate uses it."""
    # a new pipeline each call: no clone needed
    return fit_with_extra(cand.pipeline(target), X, y, extra if cand.invented else None)


def fit_with_extra(estimator, X, y, extra: Extra | None = None):
    """``estimator`` (a stance pipeline) fitted on ``X, y`` and ``extra``, the extra quotes
    weighing together as much as ``X``'s (before the classifier's class balancing)."""
    if extra is None or not len(extra):
        return estimator.fit(X, y)
    weights = np.concatenate([np.ones(len(y)), np.full(len(extra), len(y) / len(extra))])
    return estimator.fit(np.concatenate([X, extra.X]), np.concatenate([y, extra.y]), clf__sample_weight=weights)


def _fit_predict(cand: Candidate, target: Target, X, y, train, test, proba: bool = False, extra: Extra | None = None):
    est = fit(cand, target, X[train], y[train], extra)
    if not proba:
        return est.predict(X[test])
    return est.predict(X[test]), proba_by_stance(est, X[test])


def choose(X: np.ndarray, y: np.ndarray, groups: np.ndarray, target: Target = MANDELSON,
           extra: Extra | None = None) -> tuple[Candidate, dict]:
    """The candidate with the best macro-F1 over inner grouped folds of these articles (the
    folds' predictions pooled), and every candidate's score. ``extra`` joins every fit of the
    candidates that use it; only these articles' quotes are scored."""
    n = min(INNER_FOLDS, len(set(groups)))
    folds = list(GroupKFold(n_splits=n).split(X, y, groups)) if n >= 2 else []
    scored = {}
    pool = candidates(extra)
    for cand in pool:
        if not folds:
            scored[cand] = 0.0
            continue
        pred = np.empty(len(y), dtype=object)
        for train, test in folds:
            pred[test] = _fit_predict(cand, target, X, y, train, test, extra=extra)
        scored[cand] = float(f1_score(y, pred, labels=list(STANCES), average="macro", zero_division=0))
    best = max(pool, key=lambda c: scored[c])  # max keeps the first of equals
    return best, {c.label: round(s, 4) for c, s in scored.items()}


def _outer_fold(X, y, groups, train, test, target: Target, extra: Extra | None = None):
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1), remembered_features():
        cand, _ = choose(X[train], y[train], groups[train], target, extra)
        pred, probs = _fit_predict(cand, target, X, y, train, test, proba=True, extra=extra)
    return cand, pred, probs


def nested_predictions(X: np.ndarray, y: np.ndarray, groups: np.ndarray, target: Target = MANDELSON, jobs: int = 1,
                       extra: Extra | None = None):
    """Leave-one-article-out predictions and probabilities, each article predicted by the
    candidate chosen without it; and how often each candidate was chosen. ``jobs`` processes
    share the outer folds (joblib); the result does not depend on it. ``extra`` is never an
    outer or inner test fold."""
    from joblib import Parallel, delayed

    folds = list(LeaveOneGroupOut().split(X, y, groups))
    # One BLAS thread per fit (inside _outer_fold): these fits are tiny, and contention slowed them.
    done = Parallel(n_jobs=jobs)(delayed(_outer_fold)(X, y, groups, train, test, target, extra)
                                 for train, test in folds)
    pred = np.empty(len(y), dtype=object)
    probs = np.zeros((len(y), len(STANCES)))
    chosen: Counter[str] = Counter()
    for (_, test), (cand, p, pr) in zip(folds, done):
        chosen[cand.label] += 1
        pred[test], probs[test] = p, pr
    return pred, probs, dict(chosen.most_common())


def choose_for_shipping(X: np.ndarray, y: np.ndarray, groups: np.ndarray, target: Target = MANDELSON,
                        extra: Extra | None = None):
    """The candidate the shipped model uses: chosen on all articles, as in each outer fold."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1), remembered_features():
        return choose(X, y, groups, target, extra)
