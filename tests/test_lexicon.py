"""The word-by-word sentiment lexicon against VADER itself, on hand-made and real quotes."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotestance.model.lexicon import lexicon, lexicon_scores
from quotestance.training.labels import load_labels
from quotestance.training.pipeline import vader_scores

from conftest import LABELS


def test_lexicon_is_vaders_file():
    lex = lexicon()
    assert len(lex) > 7000
    assert lex["good"] == pytest.approx(1.9) and lex["betrayal"] < 0


@pytest.mark.parametrize("text", [
    "He is a good man and I support him.",
    "This is not good at all.",
    "a disgraceful betrayal",
    "I regret ever meeting him",
])
def test_plain_sentences_score_as_vader_does(text):
    assert lexicon_scores(text)[0] == pytest.approx(vader_scores(text)["compound"], abs=1e-3)


def test_negation_within_three_words_flips_and_shrinks():
    good = lexicon_scores("it was good")[0]
    assert good > 0
    assert lexicon_scores("it was not good")[0] < 0
    assert lexicon_scores("not that it was ever good")[0] > 0  # four words back: out of reach


def test_straight_quote_marks_around_a_word_keep_its_valence():
    assert lexicon_scores("it was 'terrible'") == lexicon_scores("it was terrible")
    assert lexicon_scores("it was 'terrible'")[0] == pytest.approx(vader_scores("it was 'terrible'")["compound"], abs=1e-3)
    assert lexicon_scores("they don't 'like' it")[0] < 0  # the apostrophe inside a word stays


def test_no_words_and_no_valence():
    assert lexicon_scores("") == (0.0, 0.0, 0.0)
    assert lexicon_scores("the ambassador in Washington") == (0.0, 0.0, 0.0)


def test_agrees_with_vader_on_the_labelled_quotes():
    quotes = [q.quote for q in load_labels(LABELS).quotes]
    ours = np.array([lexicon_scores(q)[0] for q in quotes])
    vader = np.array([vader_scores(q)["compound"] for q in quotes])
    assert np.corrcoef(ours, vader)[0, 1] > 0.9
    assert (np.sign(ours) == np.sign(vader)).mean() > 0.85


def _plain_lexicon_scores(text):
    """The scorer as first written (one pass over a word list, negators looked up per window):
    the memoised, one-pass ``lexicon_scores`` must give exactly its numbers."""
    import math
    import re

    from quotestance.model.lexicon import ALPHA, NEGATION_REACH, NEGATION_SCALAR, is_negation

    lex = lexicon()
    words = [w for w in (t.lower().replace("’", "'").strip("'") for t in re.findall(r"[\w’'\-]+", text)) if w]
    pos = neg = 0.0
    plain = 0
    for i, w in enumerate(words):
        v = lex.get(w)
        if v is None:
            plain += 1
            continue
        if any(is_negation(p) for p in words[max(0, i - NEGATION_REACH):i]):
            v *= NEGATION_SCALAR
        if v > 0:
            pos += v
        else:
            neg -= v
    total = pos - neg
    mass = pos + neg + plain
    return total / math.sqrt(total * total + ALPHA), (pos / mass if mass else 0.0), (neg / mass if mass else 0.0)


def test_one_pass_scorer_equals_the_plain_one_on_real_paragraphs():
    from conftest import LABELS as labels_dir

    texts = [p for f in sorted((labels_dir / "articles").glob("*.txt"))
             for p in f.read_text(encoding="utf-8").split("\n") if p.strip()]
    texts += ["not not good", "no ' ' good", "isn't it 'not' bad", "NEVER-ending joy", "don’t love it"]
    assert len(texts) > 300
    for t in texts:
        assert lexicon_scores(t) == _plain_lexicon_scores(t), t


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["good", "bad", "not", "never", "'", "’", "can't", "no", "the", "terrible",
                                 "'great'", "love", "hate", "-", "don’t", "x"]), max_size=12))
def test_one_pass_scorer_equals_the_plain_one_on_word_salad(words):
    text = " ".join(words)
    assert lexicon_scores(text) == _plain_lexicon_scores(text)
