"""Find quote spans in an article: pair the marks paragraph by paragraph, then drop non-quotes."""
from __future__ import annotations

import re
from typing import Iterator

from quotestance.model.marks import DOUBLE, SINGLE, Mark, marks_in
from quotestance.model.record import Quote
from quotestance.model.text import context_span, paragraphs, plain_breaks
from quotestance.model.titles import is_quotation


def candidate_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """``(start, end)`` of every quoted stretch in paragraph ``[lo, hi)``, marks excluded.

    Marks pair by kind; while a quote is open, marks of the other kind are nested and
    ignored. A double quote left open runs to the paragraph's end (a quote continued in the
    next paragraph, or cut off). A single mark opens only when a closing one follows, so a
    stray apostrophe never swallows the paragraph, with one exception: a paragraph that opens
    with a single mark, never closes it and is followed by a paragraph opening with the same
    mark runs to its end (a statement over several paragraphs, _single_runs_on).
    """
    marks = marks_in(text, lo, hi)
    if marks and _single_runs_on(text, marks, lo, hi):
        return [(marks[0].pos + 1, _rstrip(text, marks[0].pos + 1, hi))]
    spans: list[tuple[int, int]] = []
    opened: Mark | None = None
    # Index of the paragraph's last single mark that can close: "a closer follows mark i" is then
    # one comparison, not a scan of the marks after i (quadratic on a page of stray marks).
    last_closer = max((i for i, m in enumerate(marks) if m.kind == SINGLE and m.can_close), default=-1)
    for i, m in enumerate(marks):
        if opened is None:
            if m.can_open and (m.kind == DOUBLE or last_closer > i):
                opened = m
            continue
        if m.kind != opened.kind:
            continue
        if m.can_close and m.kind == SINGLE and _plural_possessive(text, m, hi) and last_closer > i:
            continue  # "four months’ severance": an apostrophe, the quote closes later
        if m.can_close:
            spans.append((opened.pos + 1, m.pos))
            opened = None
        elif m.kind == DOUBLE:  # a second opener: the first was never closed
            spans.append((opened.pos + 1, _rstrip(text, opened.pos + 1, m.pos)))
            opened = m
    if opened is not None and opened.kind == DOUBLE:
        spans.append((opened.pos + 1, _rstrip(text, opened.pos + 1, hi)))
    return [(s, e) for s, e in spans if e > s and not text[s:e].isspace()]


def _single_runs_on(text: str, marks: list[Mark], lo: int, hi: int) -> bool:
    """A paragraph of a statement in single marks that runs on (ANNOTATION.md: each paragraph
    reopens the quote, only the last closes it): it opens with a single mark, does not end with
    one, and the next paragraph opens with the same mark. Its marks inside are apostrophes
    ("four months’ severance") or nested quotes. ``marks`` are the paragraph's."""
    first = marks[0]
    if first.kind != SINGLE or not first.can_open or text[lo:first.pos].strip():
        return False
    end = _rstrip(text, lo, hi)
    if text[end - 1] in "’'":
        return False
    if any(m.kind == SINGLE and m.can_close and not _plural_possessive(text, m, hi) for m in marks):
        return False  # "‘Best pal’ letter": the quote closed in its paragraph
    nxt = hi
    while nxt < len(text) and text[nxt].isspace():
        nxt += 1
    return nxt < len(text) and text[nxt] == first.char and text[hi:nxt].count("\n") >= 1


# "s’" is an apostrophe, not a closing mark, after a number of time units ("four months’
# severance", "two weeks’ notice") or before a noun such possessives usually take ("taxpayers’
# money"). Anything else after "s’" ("‘an insult to nurses’ yesterday") closes the quote.
_TIME_UNITS = re.compile(r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|"
                         r"many|48|24)[ \t]+(?:seconds|minutes|hours|days|weeks|months|years)\Z", re.IGNORECASE)
_POSSESSED = frozenset("notice severance pay money salary salaries wages worth time leave work delay rent holiday "
                       "families rights lives homes union groups association".split())
_NEXT_WORD = re.compile(r" ([a-z][\w\-]*)")


def _plural_possessive(text: str, m: Mark, hi: int) -> bool:
    """A single mark after "s" that is an apostrophe: "four months’ severance", "taxpayers’ money"."""
    if m.pos < 1 or text[m.pos - 1] != "s":
        return False
    w = _NEXT_WORD.match(text, m.pos + 1, hi)
    return bool(w) and (w.group(1) in _POSSESSED or bool(_TIME_UNITS.search(text, max(0, m.pos - 30), m.pos)))


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def extract_quotes(text: str, doc: str = "-") -> Iterator[Quote]:
    """Every quote span in ``text``, in order, with its paragraph; speakers not yet assigned."""
    text = plain_breaks(text)  # spans and paragraphs hold no line break, so they read the same
    for i, (lo, hi) in enumerate(paragraphs(text)):
        whole = text[lo:hi]  # one string for all the paragraph's quotes that carry all of it
        for s, e in candidate_spans(text, lo, hi):
            if is_quotation(text, s, e):
                a, b = context_span(lo, hi, s, e)
                yield Quote(doc=doc, start=s, end=e, quote=text[s:e], paragraph=i,
                            context=whole if (a, b) == (lo, hi) else text[a:b], context_start=a)
