"""Character n-gram TF-IDF that transforms by words it has seen before.

scikit-learn's ``char_wb`` analyzer makes the n-grams of each whitespace-separated word, padded
with one space each side, so a text's n-gram counts are the sum of its words' counts. At predict
time this vectorizer looks each word's in-vocabulary n-grams up once, keeps them, and adds them
up with one sparse product per call: the same matrix as scikit-learn's ``transform`` (checked
bit for bit in tests/test_char_ngrams.py), at a fraction of the cost on news text, whose words
repeat. Fitting is scikit-learn's own.
"""
from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.validation import check_is_fitted

# Words kept between calls. A word's entry is two tuples of about 30 numbers; 50,000 words is
# about 25 MB, more distinct words than 5,000 labelled-like articles hold (benchmarks/bench.py),
# so memory stays flat however long the batch: past it, the cache starts again.
CACHE_WORDS = 50_000


class WordCachedCharTfidf(TfidfVectorizer):
    """``TfidfVectorizer(analyzer="char_wb", ...)`` with a faster, identical ``transform``.

    Any other analyzer, a custom preprocessor, accent stripping or ``binary`` falls back to
    scikit-learn's transform.
    """

    def transform(self, raw_documents):
        if (self.analyzer != "char_wb" or self.preprocessor is not None or self.strip_accents
                or self.binary or self.input != "content" or isinstance(raw_documents, str)):
            return super().transform(raw_documents)
        check_is_fitted(self, msg="The TF-IDF vectorizer is not fitted")
        return self._tfidf.transform(self._counts(raw_documents), copy=False)

    def _counts(self, docs) -> sp.csr_array:
        """Document-term counts over ``vocabulary_``: (documents x words) @ (words x n-grams)."""
        cache = self.__dict__.get("_word_ngrams")
        if cache is None or len(cache) > CACHE_WORDS:
            cache = self.__dict__["_word_ngrams"] = {}
        columns: dict[str, int] = {}  # this call's distinct words, in order of first use
        d_indices: list[int] = []
        d_indptr = [0]
        for doc in docs:
            if self.lowercase:
                doc = doc.lower()
            for w in doc.split():
                j = columns.get(w)
                if j is None:
                    j = columns[w] = len(columns)
                d_indices.append(j)
            d_indptr.append(len(d_indices))
        d = sp.csr_array((np.ones(len(d_indices)), np.asarray(d_indices, dtype=np.int64),
                          np.asarray(d_indptr, dtype=np.int64)), shape=(len(d_indptr) - 1, len(columns)))
        d.sum_duplicates()
        w_indices: list[int] = []
        w_data: list[int] = []
        w_indptr = [0]
        for w in columns:
            entry = cache.get(w)
            if entry is None:
                entry = cache[w] = self._word_ngrams_of(w)
            w_indices.extend(entry[0])
            w_data.extend(entry[1])
            w_indptr.append(len(w_indices))
        w = sp.csr_array((np.asarray(w_data, dtype=np.float64), np.asarray(w_indices, dtype=np.int64),
                          np.asarray(w_indptr, dtype=np.int64)), shape=(len(columns), len(self.vocabulary_)))
        x = sp.csr_array(d @ w)
        x.sort_indices()
        x.indices = x.indices.astype(np.int32, copy=False)
        x.indptr = x.indptr.astype(np.int32, copy=False)
        return x

    def _word_ngrams_of(self, word: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """The in-vocabulary n-grams of one word, as ``char_wb`` makes them: (columns, counts)."""
        vocab = self.vocabulary_
        counts: dict[int, int] = {}
        w = " " + word + " "
        min_n, max_n = self.ngram_range
        for n in range(min_n, max_n + 1):
            last = max(len(w) - n, 0)  # a word shorter than n is one n-gram, then no longer ones
            for offset in range(last + 1):
                j = vocab.get(w[offset:offset + n])
                if j is not None:
                    counts[j] = counts.get(j, 0) + 1
            if last == 0:
                break
        return tuple(counts), tuple(counts.values())

    def __getstate__(self):  # the cache is rebuilt as words come; it is not part of the model
        state = super().__getstate__()
        state.pop("_word_ngrams", None)
        return state
