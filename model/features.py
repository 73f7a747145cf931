"""Features for stance toward a target: masked quote words, its paragraph, and cues.

Everything here is stateless per quote except the fitted vectorizers, which live in the one
Pipeline that cross-validation refits per fold (see training/pipeline.py).
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from sklearn.base import BaseEstimator, TransformerMixin

from quotestance.model.lexicon import is_negation, lexicon_scores
from quotestance.model.record import Quote
from quotestance.model.target import MANDELSON, Target, compiled_pattern
from quotestance.model.text import may_match_ignorecase

TARGET_TOKEN = "TARGETX"  # what every mention of the target becomes, so no story's names are learned
PERSON_TOKEN = "PERSONX"  # what every other capitalised name becomes, for the same reason
_WORD = re.compile(r"[\w’']+")
_HE = re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE)


def mask_target(text: str, target: Target) -> str:
    """Replace every mention of the target with TARGET_TOKEN, and every other run of two or
    more capitalised words (a name: "Wes Streeting", "Keir Starmer") with PERSON_TOKEN."""
    if _may_name(text, target):
        text = compiled_pattern(target).sub(TARGET_TOKEN, text)
    return _NAME_RUN.sub(PERSON_TOKEN, text)


# Two or more capitalised words in a row, optionally after a title: names, not sentence starts.
# Every match starts with a capital; the leading (?=[A-Z]) says so first, which halves the scan.
_NAME_RUN = re.compile(r"(?=[A-Z])\b(?!(?:The|A|An|In|On|At|But|And|It|This|That|He|She|We|I|If|As|So)\b)(?:(?:Sir|Lord|Lady|Dame|Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+)+\b")


@lru_cache(maxsize=8)
def _lower_forms(target: Target) -> tuple[str, ...] | None:
    forms = tuple(f.lower() for f in target.surface_forms())
    return forms if all(f.isascii() for f in forms) else None


def _may_name(text: str, target: Target) -> bool:
    """False only where the target's pattern cannot match: no surface form in the lower-cased
    text. Ten times quicker than the pattern's search, and most quotes and paragraphs fail it."""
    forms = _lower_forms(target)
    return forms is None or may_match_ignorecase(text, forms)


def _names_target(text: str, target: Target) -> bool:
    """Whether ``mask_target(text, target)`` holds TARGET_TOKEN, without masking: the name-run
    pattern cannot make the all-capitals token, so only a target mention (or the token itself) can."""
    return TARGET_TOKEN in text or (_may_name(text, target) and compiled_pattern(target).search(text) is not None)


def cue_features(q: Quote, target: Target) -> dict[str, float]:
    """Hand-made features of one quote: target reference, speaker, cue verb, negation, sentiment."""
    rel = q.start - q.context_start
    around = q.context[:max(0, rel - 1)] + " " + q.context[rel + len(q.quote) + 1:]
    words = [w.lower() for w in _WORD.findall(q.quote)]
    compound, pos, neg = lexicon_scores(q.quote)
    cue = (q.cue or "none").split()[0].lower()
    feats = {
        "quote_names_target": float(_names_target(q.quote, target)),
        "paragraph_names_target": float(_names_target(around, target)),
        "quote_he_pronoun": float(bool(_HE.search(q.quote))),
        "speaker_is_target": float(q.speaker == target.name),
        "speaker_unknown": float(q.speaker is None),
        "negations": float(sum(is_negation(w) for w in words)),
        "question": float("?" in q.quote),
        "first_person": float(any(w in ("i", "i'm", "i’m", "me", "my") for w in words)),
        "short_fragment": float(len(words) <= 4),
        "lexicon_compound": compound,
        "lexicon_pos": pos,
        "lexicon_neg": neg,
        "lexicon_paragraph": lexicon_scores(around)[0],
        f"cue={cue}": 1.0,
    }
    return feats


# While training, the same quotes are transformed once per fold and candidate; what a quote
# becomes does not depend on the fold (nothing here is fitted), so it is remembered there.
# A context variable, not a global: each thread (Dask's threaded workers) has its own.
_MEMO: ContextVar[dict | None] = ContextVar("quotestance_feature_memo", default=None)


@contextmanager
def remembered_features():
    """Within this block, QuoteFeatures computes each (quote, part, target) once (quotes are
    keyed by identity and held until the block ends)."""
    memo = _MEMO.get()
    token = _MEMO.set({} if memo is None else memo)
    try:
        yield
    finally:
        _MEMO.reset(token)


class QuoteFeatures(BaseEstimator, TransformerMixin):
    """Quote records -> dicts of text fields and cue features for the vectorizers downstream.

    ``part`` picks what to emit: "quote" (masked quote text), "raw" (the quote as written, for
    the baseline), "context" (masked paragraph
    around the quote) or "cues" (a feature dict).
    """

    def __init__(self, part: str = "quote", target: Target = MANDELSON):
        self.part = part
        self.target = target

    def fit(self, X, y=None):
        return self

    def transform(self, X):
        memo = _MEMO.get()
        if memo is None:
            return self._transform(X)
        keys = [(id(q), self.part, self.target) for q in X]
        # Each entry keeps its quote, so an id is never reused for another quote while remembered.
        out = [memo[k][1] if k in memo else None for k in keys]
        todo = [i for i, v in enumerate(out) if v is None]
        for i, v in zip(todo, self._transform([X[i] for i in todo])):
            memo[keys[i]] = (X[i], v)
            out[i] = v
        return out

    def _transform(self, X):
        if self.part == "quote":
            return [mask_target(q.quote, self.target) for q in X]
        if self.part == "raw":
            return [q.quote for q in X]
        if self.part == "context":
            out = []
            for q in X:
                rel = q.start - q.context_start
                around = q.context[:max(0, rel - 1)] + " QUOTE " + q.context[rel + len(q.quote) + 1:]
                out.append(mask_target(around, self.target))
            return out
        if self.part == "cues":
            return [cue_features(q, self.target) for q in X]
        raise ValueError(f"unknown part {self.part!r}")
