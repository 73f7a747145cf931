"""The one record type for a quote, from extraction through attribution and stance to output."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

STANCES = ("supporting", "criticising", "neutral")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quote span in an article: ``text[start:end] == quote``.

    Extraction fills the span and its paragraph; attribution adds ``speaker`` with the
    ``mention`` and ``cue`` that named it; the stance model adds ``stance``, ``confidence`` and
    ``probabilities``. Labelled spans read from ``labels/`` use the same type, with ``id``.
    """

    doc: str
    start: int
    end: int
    quote: str
    paragraph: int = -1  # index of the paragraph holding the span
    context: str = ""  # that paragraph's text (at most text.py:CONTEXT_CHARS either side of the quote)
    context_start: int = 0  # offset of the paragraph in the article
    speaker: str | None = None
    mention: str | None = None  # the words in the text that named the speaker
    cue: str | None = None  # the rule or cue that gave the speaker
    stance: str | None = None
    confidence: float | None = None
    probabilities: dict[str, float] | None = field(default=None, compare=False)
    id: str | None = None

    def to_dict(self, *, context: bool = False) -> dict:
        """The record as a plain dict for output; the paragraph text only when asked for."""
        d = asdict(self)
        if not context:
            for k in ("context", "context_start"):
                d.pop(k)
        return d
