"""Tell a quotation (someone's words) from a title, nickname or scare quote in marks.

Rules written from the development articles (seeds and c01-c16, see README: extraction
figures); the examples named here come from them.
"""
from __future__ import annotations

import re

# Words right before the marks that announce a name, not words spoken: 'titled "The First Fifty
# Years"', 'so-called "Prince of Darkness"', 'an alleged "birthday book"'.
NAMING_CUES = frozenset("titled entitled dubbed nicknamed so-called alleged headlined codenamed branded".split())
NAMING_PHRASES = ("known as", "referred to as", "a book called", "album called")
# A short quoted phrase ending in one of these names a document: "birthday book".
DOCUMENT_NOUNS = frozenset("book album report dossier files file list memo diary".split())
# Lower-case words that stay small inside a title: "Prince of Darkness".
TITLE_SMALL_WORDS = frozenset("a an and at by for in of on or the to with".split())
_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def is_quotation(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, found between marks, reproduces someone's words."""
    span = text[start:end]
    words = _WORD.findall(span)
    if not words:
        return False
    if len(words) > 6 or re.search(r"[.!?…,;:]\s*$|[.!?;:]\s", span):
        return True
    before = text[max(0, start - 40):start - 1].lower().split()
    if before and before[-1].strip(",") in NAMING_CUES:
        return False
    if any(" ".join(before[-3:]).endswith(p) for p in NAMING_PHRASES):
        return False
    if words[-1].lower() in DOCUMENT_NOUNS and len(words) <= 3:
        return False
    if _title_case(words) and not _sentence_start(text, start - 1):
        return False
    return True


def _title_case(words: list[str]) -> bool:
    big = [w for w in words if w.lower() not in TITLE_SMALL_WORDS]
    return bool(big) and all(w[0].isupper() for w in big) and not any(w in ("I", "I'm", "I’m") for w in words)


def _sentence_start(text: str, mark: int) -> bool:
    """True when the opening mark at ``mark`` starts a sentence or a paragraph."""
    i = mark - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in ".!?:\n\r"
