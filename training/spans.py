"""Score extracted quote spans and speakers against the labels.

A predicted span matches a labelled one when they share at least half of the longer span,
one to one (greedy by overlap); exact matches must have the same boundaries.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from quotestance.model.record import Quote

# Articles kept out of sight while the extraction and attribution rules were written:
# chosen before any rule existed, the last eight corpus files, reported as "unseen".
UNSEEN = frozenset(f"c{n}.txt" for n in range(17, 25))
MIN_SHARED = 0.5


@dataclass
class SpanScore:
    """Counts behind span precision/recall/F1 and speaker accuracy."""

    predicted: int = 0
    gold: int = 0
    matched: int = 0
    exact: int = 0
    speaker_right: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: "SpanScore") -> None:
        for k in ("predicted", "gold", "matched", "exact", "speaker_right"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.errors.extend(other.errors)

    @staticmethod
    def _f1(hits: int, pred: int, gold: int) -> tuple[float, float, float]:
        p = hits / pred if pred else 0.0
        r = hits / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def figures(self) -> dict[str, float]:
        p, r, f = self._f1(self.matched, self.predicted, self.gold)
        ep, er, ef = self._f1(self.exact, self.predicted, self.gold)
        return {"precision": p, "recall": r, "f1": f, "exact_f1": ef,
                "speaker_accuracy": self.speaker_right / self.matched if self.matched else 0.0}


def same_speaker(a: str | None, b: str | None) -> bool:
    """Speakers agree, ignoring case and a leading 'the'."""
    return _norm(a) == _norm(b)


def _norm(s: str | None) -> str | None:
    return None if s is None else re.sub(r"^the\s+", "", s.strip().lower())


def score_article(predicted: list[Quote], gold: list[Quote]) -> SpanScore:
    """Match one article's predicted spans to its labelled ones and count."""
    score = SpanScore(predicted=len(predicted), gold=len(gold))
    pairs = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            shared = min(p.end, g.end) - max(p.start, g.start)
            if shared > 0 and shared >= MIN_SHARED * max(p.end - p.start, g.end - g.start):
                pairs.append((shared, i, j))
    used_p, used_g = set(), set()
    for _, i, j in sorted(pairs, reverse=True):
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        p, g = predicted[i], gold[j]
        score.matched += 1
        score.exact += (p.start, p.end) == (g.start, g.end)
        if same_speaker(p.speaker, g.speaker):
            score.speaker_right += 1
        else:
            score.errors.append(f"speaker {g.doc}:{g.start} {g.quote[:40]!r}: got {p.speaker!r} ({p.cue}), want {g.speaker!r}")
    for j, g in enumerate(gold):
        if j not in used_g:
            score.errors.append(f"missed  {g.doc}:{g.start} {g.quote[:60]!r}")
    for i, p in enumerate(predicted):
        if i not in used_p:
            score.errors.append(f"extra   {p.doc}:{p.start} {p.quote[:60]!r}")
    return score


def extraction_scores(labels, target=None) -> dict[str, SpanScore]:
    """Span and speaker scores over the development and the unseen articles (a group only if it has articles)."""
    from collections import defaultdict

    from quotestance.model.tagger import find_quotes
    from quotestance.model.target import MANDELSON

    gold = defaultdict(list)
    for q in labels.quotes:
        gold[q.doc].append(q)
    out: dict[str, SpanScore] = {}
    for doc, text in labels.articles.items():
        pred = find_quotes(text, doc, target or MANDELSON)
        out.setdefault("unseen" if doc in UNSEEN else "development", SpanScore()).add(score_article(pred, gold[doc]))
    return {name: out[name] for name in ("development", "unseen") if name in out}


def extraction_report(labels) -> str:
    """The span/speaker table as text."""
    lines = [f"{'spans and speakers':22s} {'P':>6s} {'R':>6s} {'F1':>6s} {'exact F1':>9s} {'speaker acc':>12s}  (labelled spans)"]
    unseen = sorted(UNSEEN & set(labels.articles))
    for name, s in extraction_scores(labels).items():
        f = s.figures()
        lines.append(f"{name:22s} {f['precision']:6.3f} {f['recall']:6.3f} {f['f1']:6.3f} {f['exact_f1']:9.3f} "
                     f"{f['speaker_accuracy']:12.3f}  ({s.gold})")
    if unseen:
        lines.append("unseen = " + ", ".join(unseen) + " (kept out of sight while the rules were written)")
    else:
        lines.append("(none of the unseen articles, " + ", ".join(sorted(UNSEEN)) + ", is in this folder)")
    return "\n".join(lines)
