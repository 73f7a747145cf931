"""The stance pipeline and the baselines it is measured against, all scikit-learn estimators."""
from __future__ import annotations

from functools import lru_cache

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline, make_pipeline

from quotestance.model.char_ngrams import WordCachedCharTfidf
from quotestance.model.features import QuoteFeatures
from quotestance.model.record import STANCES
from quotestance.model.target import MANDELSON, Target

# Feature groups of the model; each can be left out to measure what it adds.
FEATURE_GROUPS = ("quote_words", "quote_chars", "context_words", "cues")
# scikit-learn's default C; balanced classes (supporting is the rarest stance, about one quote
# in seven). The shipped model's C and groups are chosen by nested CV (training/select.py).
C = 1.0
RANDOM_STATE = 0


def stance_pipeline(target: Target = MANDELSON, groups: tuple[str, ...] = FEATURE_GROUPS, c: float = C) -> Pipeline:
    """Quote records in, stance out; every fitted step inside, so CV refits it all per fold."""
    parts = {
        "quote_words": make_pipeline(QuoteFeatures("quote", target),
                                     TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)),
        "quote_chars": make_pipeline(QuoteFeatures("quote", target),
                                     WordCachedCharTfidf(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)),
        "context_words": make_pipeline(QuoteFeatures("context", target),
                                       TfidfVectorizer(ngram_range=(1, 1), sublinear_tf=True, min_df=2)),
        "cues": make_pipeline(QuoteFeatures("cues", target), DictVectorizer()),
    }
    union = FeatureUnion([(g, parts[g]) for g in groups])
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=2000, random_state=RANDOM_STATE)
    return Pipeline([("features", union), ("clf", clf)])


def tfidf_baseline() -> Pipeline:
    """Plain word+char TF-IDF and logistic regression on the raw quote text."""
    union = FeatureUnion([
        ("words", make_pipeline(QuoteFeatures("raw"), TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True))),
        ("chars", make_pipeline(QuoteFeatures("raw"), TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True))),
    ])
    return Pipeline([("features", union),
                     ("clf", LogisticRegression(max_iter=2000, random_state=RANDOM_STATE))])


def proba_by_stance(estimator, X) -> np.ndarray:
    """``estimator.predict_proba(X)`` with columns in STANCES order; a stance absent from the
    estimator's training labels gets probability 0."""
    p = estimator.predict_proba(X)
    classes = list(estimator.classes_)
    out = np.zeros((len(X), len(STANCES)))
    for j, s in enumerate(STANCES):
        if s in classes:
            out[:, j] = p[:, classes.index(s)]
    return out


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def vader_scores(text: str) -> dict[str, float]:
    """VADER's neg/neu/pos/compound for a text (lexicon shipped in the vaderSentiment package)."""
    return _vader().polarity_scores(text)


class ConstantBaseline(BaseEstimator, ClassifierMixin):
    """Always predicts one stance (neutral: what a user assumes of an unread quote)."""

    def __init__(self, label: str = "neutral"):
        self.label = label

    def fit(self, X, y):
        self.classes_ = np.array(STANCES)
        return self

    def predict(self, X):
        return np.array([self.label] * len(X))


class VaderBaseline(BaseEstimator, ClassifierMixin):
    """VADER's compound score on the quote: >= 0.05 supporting, <= -0.05 criticising
    (the thresholds VADER's authors recommend), neutral between."""

    def fit(self, X, y):
        self.classes_ = np.array(STANCES)
        return self

    def predict(self, X):
        out = []
        for q in X:
            c = vader_scores(q.quote)["compound"]
            out.append("supporting" if c >= 0.05 else "criticising" if c <= -0.05 else "neutral")
        return np.array(out)
