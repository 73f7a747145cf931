"""Paragraphs and text decoding: the layout facts every other module relies on."""
from __future__ import annotations

import bisect
import re

# A paragraph is a line: articles are stored one paragraph per line, blank lines optional.
_PARAGRAPH = re.compile(r"[^\r\n]+")


class ArticleError(ValueError):
    """The input is not an article we can read (empty, binary, not UTF-8)."""


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-blank paragraph, in order."""
    return [m.span() for m in _PARAGRAPH.finditer(text) if not m.group().isspace()]


def decode_article(data: bytes, name: str = "-") -> str:
    """Decode an article's bytes as UTF-8 with no newline translation, or raise ArticleError."""
    if not data.strip():
        raise ArticleError(f"{name}: empty file")
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
