"""Per-speaker stance counts over tagged quotes: the numbers behind `quotestance summary`."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from quotestance.model.record import STANCES, Quote


@dataclass(frozen=True, slots=True)
class SpeakerSummary:
    """One speaker's quotes toward the target: a count per stance, the total, and one example.

    ``speaker`` is None for the quotes no speaker was found for. ``total`` counts every quote,
    including any without a stance (so it can exceed the sum of the three counts).
    ``example`` is the most confident quote of the speaker's most frequent stance.
    """

    speaker: str | None
    supporting: int
    criticising: int
    neutral: int
    total: int
    example: Quote

    @property
    def stance(self) -> str | None:
        """The speaker's most frequent stance (the example's), or None when no quote has one."""
        return self.example.stance if self.example.stance in STANCES else None


def summarise(quotes: Iterable[Quote]) -> list[SpeakerSummary]:
    """One row per speaker, most quotes first, then by name; unattributed quotes last among equals.

    A tie between stances for the most frequent goes to the first in ``STANCES`` order
    (supporting, criticising, neutral); a tie in confidence to the earliest quote.
    """
    by_speaker: dict[str | None, list[Quote]] = {}
    for q in quotes:
        by_speaker.setdefault(q.speaker, []).append(q)
    rows = []
    for speaker, qs in by_speaker.items():
        counts = {s: sum(q.stance == s for q in qs) for s in STANCES}
        rows.append(SpeakerSummary(speaker, counts["supporting"], counts["criticising"], counts["neutral"],
                                   len(qs), _example(qs, counts)))
    return sorted(rows, key=lambda r: (-r.total, r.speaker is None, (r.speaker or "").casefold(), r.speaker or ""))


def _example(qs: list[Quote], counts: dict[str, int]) -> Quote:
    """The most confident quote of the most frequent stance; the first quote when none has a stance."""
    top = max(STANCES, key=lambda s: (counts[s], -STANCES.index(s)))
    pool = [q for q in qs if q.stance == top] if counts[top] else qs
    best = max(range(len(pool)), key=lambda i: (pool[i].confidence if pool[i].confidence is not None else -1.0, -i))
    return pool[best]
