"""The word-by-word sentiment lexicon against VADER itself, on hand-made and real quotes."""
from __future__ import annotations

import numpy as np
import pytest

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
