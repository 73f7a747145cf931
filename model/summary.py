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
    quotes = list(quotes)
    fuller = fuller_names({q.speaker for q in quotes if q.speaker})
    by_speaker: dict[str | None, list[Quote]] = {}
    for q in quotes:
        by_speaker.setdefault(fuller.get(q.speaker, q.speaker), []).append(q)
    rows = []
    for speaker, qs in by_speaker.items():
        counts = {s: sum(q.stance == s for q in qs) for s in STANCES}
        rows.append(SpeakerSummary(speaker, counts["supporting"], counts["criticising"], counts["neutral"],
                                   len(qs), _example(qs, counts)))
    return sorted(rows, key=lambda r: (-r.total, r.speaker is None, (r.speaker or "").casefold(), r.speaker or ""))


def fuller_names(speakers: set[str]) -> dict[str, str]:
    """A surname given alone in one article -> the one full name other articles give it:
    "Starmer" -> "Keir Starmer" when no other speaker's name ends in "Starmer". Each article
    names its speakers as fully as it does (ANNOTATION.md), so across articles one person may
    appear both ways. Bodies ("Labour", "Scottish Labour") are left apart."""
    from quotestance.model.constants import KNOWN_BODIES, ORG_HEADS

    people = [s for s in speakers if 2 <= len(s.split()) <= 3 and all(w[:1].isupper() for w in s.split())
              and s.split()[-1] not in ORG_HEADS and s not in KNOWN_BODIES]
    out = {}
    for s in speakers:
        if " " in s or not s[:1].isupper() or s in ORG_HEADS or s in KNOWN_BODIES:
            continue
        full = [p for p in people if p.split()[-1] == s]
        if len(full) == 1:
            out[s] = full[0]
    return out


def _example(qs: list[Quote], counts: dict[str, int]) -> Quote:
    """The most confident quote of the most frequent stance; the first quote when none has a stance."""
    top = max(STANCES, key=lambda s: (counts[s], -STANCES.index(s)))
    pool = [q for q in qs if q.stance == top] if counts[top] else qs
    best = max(range(len(pool)), key=lambda i: (pool[i].confidence if pool[i].confidence is not None else -1.0, -i))
    return pool[best]
