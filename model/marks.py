"""Quotation marks: which characters they are, and whether one can open or close a quote here."""
from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE = "double"
SINGLE = "single"

# The marks ANNOTATION.md names: straight and curly double and single marks, and guillemets.
MARK_KIND = {
    '"': DOUBLE, "\u201c": DOUBLE, "\u201d": DOUBLE, "\u00ab": DOUBLE, "\u00bb": DOUBLE,
    "\u201e": DOUBLE,  # „ low opening mark, seen in copy pasted from German-style typesetting
    "'": SINGLE, "\u2018": SINGLE, "\u2019": SINGLE,
}
OPEN_ONLY = "\u201c\u00ab\u201e\u2018"
CLOSE_ONLY = "\u201d\u00bb"
MARK_RE = re.compile("[" + re.escape("".join(MARK_KIND)) + "]")

# What may stand right before an opening mark / right after a closing mark.
_BEFORE_OPEN = set(" \t([{<\u2013\u2014-/:;,\u00a0\u2026") | set(OPEN_ONLY) | {'"', "'"}
_AFTER_CLOSE = set(" \t.,;:!?)]}>\u2013\u2014-/\u00a0\u2026*") | set(CLOSE_ONLY) | {'"', "'", "\u2019"}
# Elisions written with a leading apostrophe: ’90s, '80s, 'em, 'til, 'n'.
_ELISION = re.compile(r"(?:\d\d?s?\b|em\b|til\b|cause\b|n\b|tis\b)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Mark:
    """A quotation-mark character at ``pos`` that can open and/or close a quote."""

    pos: int
    char: str
    kind: str
    can_open: bool
    can_close: bool


def classify(text: str, pos: int, lo: int, hi: int) -> Mark | None:
    """The mark at ``text[pos]`` within paragraph ``[lo, hi)``, or None for an apostrophe."""
    ch = text[pos]
    kind = MARK_KIND[ch]
    prev = text[pos - 1] if pos > lo else " "
    nxt = text[pos + 1] if pos + 1 < hi else " "
    if kind == SINGLE:
        if prev.isalnum() and nxt.isalnum():  # don’t, Epstein’s, BBC‘s
            return None
        if ch != "\u2018" and not prev.isalnum() and _ELISION.match(text, pos + 1, hi):
            return None  # ’90s
    if ch in OPEN_ONLY:
        return Mark(pos, ch, kind, True, False)
    if ch in CLOSE_ONLY:
        return Mark(pos, ch, kind, False, not prev.isspace() or pos + 1 >= hi)
    # Straight marks and ’: decided by their neighbours.
    can_open = (prev in _BEFORE_OPEN or prev.isspace()) and not nxt.isspace()
    can_close = (nxt in _AFTER_CLOSE or nxt.isspace()) and not prev.isspace()
    if ch == "\u2019" and can_open and not can_close:
        can_open = prev.isspace() or pos == lo  # ’ used as an opener (rare, sloppy copy)
    if not (can_open or can_close):
        if kind == DOUBLE and not prev.isspace() and not nxt.isspace():
            return Mark(pos, ch, kind, True, True)  # word"word: let the pairing decide
        return None
    return Mark(pos, ch, kind, can_open, can_close)


def marks_in(text: str, lo: int, hi: int) -> list[Mark]:
    """Every quotation mark (not apostrophe) in paragraph ``[lo, hi)``."""
    out = []
    for m in MARK_RE.finditer(text, lo, hi):
        mark = classify(text, m.start(), lo, hi)
        if mark is not None:
            out.append(mark)
    return out
