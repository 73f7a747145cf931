"""The word-cached character n-gram TF-IDF gives scikit-learn's matrix bit for bit."""
from __future__ import annotations

import pickle

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer

from quotestance.model import char_ngrams
from quotestance.model.char_ngrams import WordCachedCharTfidf
from quotestance.training.labels import load_labels

from conftest import LABELS

SETTINGS = dict(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)  # the shipped group's


def _pair(train):
    return TfidfVectorizer(**SETTINGS).fit(train), WordCachedCharTfidf(**SETTINGS).fit(train)


def _same(a, b) -> bool:
    """The same sparse matrix, bit for bit: the same sums in the same order."""
    return (a.shape == b.shape and np.array_equal(a.indptr, b.indptr) and np.array_equal(a.indices, b.indices)
            and np.array_equal(a.data, b.data))


QUOTES = [q.quote for q in load_labels(LABELS).quotes]
PARAGRAPHS = [p for f in sorted((LABELS / "articles").glob("*.txt"))
              for p in f.read_text(encoding="utf-8").split("\n") if p.strip()]


def test_same_matrix_as_scikit_learn_on_real_text():
    sk, ours = _pair(QUOTES[:150])
    tricky = ["", "   ", "a", "I", "É  ÉCOLE\tx\u00a0y", "İstanbul ǅungla", "don’t’ '90s Lords'", "a\u2028b"]
    for docs in (QUOTES, PARAGRAPHS, tricky, QUOTES):  # QUOTES again: now from the cache
        assert _same(sk.transform(docs), ours.transform(docs))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=40), min_size=1, max_size=8))
def test_same_matrix_as_scikit_learn_on_any_text(docs):
    sk, ours = _pair(QUOTES[:80])
    assert _same(sk.transform(docs), ours.transform(docs))


def test_same_fit_and_other_settings_fall_back():
    sk, ours = _pair(QUOTES)
    assert ours.vocabulary_ == sk.vocabulary_
    words = WordCachedCharTfidf(analyzer="word", ngram_range=(1, 2)).fit(QUOTES)
    assert _same(TfidfVectorizer(analyzer="word", ngram_range=(1, 2)).fit(QUOTES).transform(PARAGRAPHS),
          words.transform(PARAGRAPHS))


def test_cache_is_bounded_and_not_pickled(monkeypatch):
    monkeypatch.setattr(char_ngrams, "CACHE_WORDS", 50)
    _, ours = _pair(QUOTES[:150])
    sk = TfidfVectorizer(**SETTINGS).fit(QUOTES[:150])
    for i in range(0, 200, 20):
        assert _same(sk.transform(PARAGRAPHS[i:i + 20]), ours.transform(PARAGRAPHS[i:i + 20]))
        assert len(ours._word_ngrams) <= 50 + len(" ".join(PARAGRAPHS[i:i + 20]).split())
    assert "_word_ngrams" not in pickle.loads(pickle.dumps(ours)).__dict__
