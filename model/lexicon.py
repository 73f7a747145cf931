"""Sentiment from VADER's lexicon, looked up word by word.

VADER's valences and its negation rule, without its other rules (boosters, "but", capitals,
punctuation): those run as many small Python calls per word and made VADER half of the stance
step's time. The VADER baseline still runs VADER itself (``training.pipeline.vader_scores``).
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

# From vaderSentiment.vaderSentiment: a valence after a negator is scaled by N_SCALAR, a negator
# reaches back three words, and the compound is normalised with alpha = 15.
NEGATION_SCALAR = -0.74
NEGATION_REACH = 3
ALPHA = 15
# Negators from VADER's NEGATE list, trimmed to the common ones.
NEGATIONS = frozenset("not no never nothing nobody none nor neither cannot can't don't doesn't didn't "
                      "isn't wasn't won't wouldn't shouldn't couldn't hasn't haven't aren't n't".split())
_WORD = re.compile(r"[\w’'\-]+")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    """VADER's word -> mean valence (-4 .. 4), from the file the vaderSentiment package ships."""
    from importlib.resources import files

    text = files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            out[parts[0]] = float(parts[1])
    return out


def is_negation(word: str) -> bool:
    return word in NEGATIONS or word.endswith("n't")


def lexicon_scores(text: str) -> tuple[float, float, float]:
    """``(compound, positive share, negative share)`` of ``text``: the sum of its words'
    valences (negated ones scaled), normalised as VADER's compound; the shares are the positive
    and negative valence mass over that mass plus one per word without valence."""
    get = _TOKENS.get
    pos = neg = 0.0
    plain = 0
    i = 0  # index among the words (tokens that are not only quote marks)
    last_negation = -NEGATION_REACH - 1
    for t in _WORD.findall(text):
        info = get(t)
        if info is None:
            info = _token(t)
        if info is _NOT_A_WORD:
            continue
        v, negator = info
        if v is None:
            plain += 1
        else:
            if i - last_negation <= NEGATION_REACH:  # a negator among the three words before
                v *= NEGATION_SCALAR
            if v > 0:
                pos += v
            else:
                neg -= v
        if negator:
            last_negation = i
        i += 1
    total = pos - neg
    mass = pos + neg + plain
    return total / math.sqrt(total * total + ALPHA), (pos / mass if mass else 0.0), (neg / mass if mass else 0.0)


# Token as found -> (valence or None, is a negator); bounded, as a batch may hold any number
# of distinct tokens (about 20,000 in 5,000 labelled-like articles).
_TOKENS: dict[str, tuple[float | None, bool] | tuple[()]] = {}
_TOKENS_MAX = 100_000
_NOT_A_WORD = ()


def _token(t: str):
    # Straight quote marks around a word are not part of it ('terrible'), as VADER strips them.
    w = t.lower().replace("’", "'").strip("'")
    info = (lexicon().get(w), is_negation(w)) if w else _NOT_A_WORD
    if len(_TOKENS) >= _TOKENS_MAX:
        _TOKENS.clear()
    _TOKENS[t] = info
    return info
