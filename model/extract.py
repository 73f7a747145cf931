"""Find quote spans in an article: pair the marks paragraph by paragraph, then drop non-quotes."""
from __future__ import annotations

from typing import Iterator

from quotestance.model.marks import DOUBLE, SINGLE, Mark, marks_in
from quotestance.model.record import Quote
from quotestance.model.text import paragraphs
from quotestance.model.titles import is_quotation


def candidate_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """``(start, end)`` of every quoted stretch in paragraph ``[lo, hi)``, marks excluded.

    Marks pair by kind; while a quote is open, marks of the other kind are nested and
    ignored. A double quote left open runs to the paragraph's end (a quote continued in the
    next paragraph, or cut off); a single mark opens only when a closing one follows, so a
    stray apostrophe never swallows the paragraph.
    """
    marks = marks_in(text, lo, hi)
    spans: list[tuple[int, int]] = []
    opened: Mark | None = None
    for i, m in enumerate(marks):
        if opened is None:
            if m.can_open and (m.kind == DOUBLE or _closer_follows(marks, i)):
                opened = m
            continue
        if m.kind != opened.kind:
            continue
        if m.can_close:
            spans.append((opened.pos + 1, m.pos))
            opened = None
        elif m.kind == DOUBLE:  # a second opener: the first was never closed
            spans.append((opened.pos + 1, _rstrip(text, opened.pos + 1, m.pos)))
            opened = m
    if opened is not None and opened.kind == DOUBLE:
        spans.append((opened.pos + 1, _rstrip(text, opened.pos + 1, hi)))
    return [(s, e) for s, e in spans if e > s and not text[s:e].isspace()]


def _closer_follows(marks: list[Mark], i: int) -> bool:
    return any(m.kind == SINGLE and m.can_close for m in marks[i + 1:])


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def extract_quotes(text: str, doc: str = "-") -> Iterator[Quote]:
    """Every quote span in ``text``, in order, with its paragraph; speakers not yet assigned."""
    for i, (lo, hi) in enumerate(paragraphs(text)):
        context = text[lo:hi]
        for s, e in candidate_spans(text, lo, hi):
            if is_quotation(text, s, e):
                yield Quote(doc=doc, start=s, end=e, quote=text[s:e], paragraph=i,
                            context=context, context_start=lo)
