"""Paragraphs and text decoding: the layout facts every other module relies on."""
from __future__ import annotations

import bisect
import re

# A paragraph is a line: articles are stored one paragraph per line, blank lines optional. Besides
# "\n" and "\r", Unicode's NEXT LINE, LINE SEPARATOR and PARAGRAPH SEPARATOR end a line (some
# publishing systems export paragraphs with them, and str.splitlines() agrees).
_OTHER_BREAKS = "\x85\u2028\u2029"
LINE_BREAKS = "\r\n" + _OTHER_BREAKS
_PARAGRAPH = re.compile(rf"[^{LINE_BREAKS}]+")
_TO_NEWLINE = str.maketrans(dict.fromkeys(_OTHER_BREAKS, "\n"))


def crosses_break(span: str) -> bool:
    """Whether ``span`` holds a line break, so leaves its paragraph."""
    return any(c in span for c in LINE_BREAKS)


def plain_breaks(text: str) -> str:
    """``text`` with the other line breaks as "\n": one character for one, so offsets hold, for
    the rules that look for "\n"."""
    return text.translate(_TO_NEWLINE) if any(c in text for c in _OTHER_BREAKS) else text


class ArticleError(ValueError):
    """The input is not an article we can read (empty, binary, not UTF-8)."""


# How much of its paragraph a quote carries as ``context``, either side of it. The longest paragraph
# in the labelled, invented and probe articles is 1,286 characters, so every quote there carries
# its whole paragraph; a page that is one huge paragraph with thousands of quotes costs time and
# memory in proportion to its quotes, not to their number times its length (benchmarks/bench.py).
CONTEXT_CHARS = 2_000


def context_span(lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """The part of paragraph ``[lo, hi)`` a quote ``[start, end)`` carries as its context."""
    return max(lo, start - CONTEXT_CHARS), min(hi, end + CONTEXT_CHARS)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-blank paragraph, in order."""
    return [m.span() for m in _PARAGRAPH.finditer(text) if not m.group().isspace()]


def decode_article(data: bytes, name: str = "-") -> str:
    """Decode an article's bytes as UTF-8 with no newline translation, or raise ArticleError."""
    if not data.strip():
        raise ArticleError(f"{name}: empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16's byte-order marks (UTF-32's start alike)
        raise ArticleError(f"{name}: UTF-16 text, not UTF-8 (save it as UTF-8)")
    if b"\x00" in data[:8192]:
        raise ArticleError(f"{name}: binary file, not an article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ArticleError(f"{name}: not UTF-8 text (byte {e.start})") from None
    return text


def paragraph_index(paras: list[tuple[int, int]], offset: int) -> int:
    """Index of the paragraph in ``paras`` that holds ``offset``, or -1."""
    i = bisect.bisect_right(paras, (offset, float("inf"))) - 1
    return i if i >= 0 and paras[i][0] <= offset < paras[i][1] else -1


# Characters that Python's case-insensitive matching equates with an ASCII letter although
# str.lower() does not make them one (found by trying every code point against a-z).
RE_IGNORECASE_EXTRAS = "\u0130\u0131\u017f\u212a"


def may_match_ignorecase(text: str, phrases: tuple[str, ...]) -> bool:
    """False only where no ASCII, lower-case ``phrase`` can match ``text`` under re.IGNORECASE:
    none is in the lower-cased text (a quick test before a slow case-insensitive regex)."""
    if not text.isascii() and any(c in text for c in RE_IGNORECASE_EXTRAS):
        return True
    low = text.lower()
    return any(p in low for p in phrases)
