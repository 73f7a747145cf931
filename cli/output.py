"""Output formats for tagged quotes: a table for people, JSON Lines and CSV for pipelines."""
from __future__ import annotations

import csv
import json
import shutil
from typing import IO

from quotestance.model.record import STANCES, Quote

FORMATS = ("table", "jsonl", "csv")
FIELDS = ("doc", "start", "end", "quote", "speaker", "mention", "cue", "paragraph", "stance", "confidence")
CSV_FIELDS = FIELDS + tuple(f"p_{s}" for s in STANCES)


def record(q: Quote) -> dict:
    """The JSON object for one quote."""
    d = {k: getattr(q, k) for k in FIELDS}
    d["probabilities"] = q.probabilities
    return d


class Writer:
    """Writes quotes as they come, in one format, to one stream."""

    def __init__(self, fmt: str, out: IO[str]):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r} (choose one of {', '.join(FORMATS)})")
        self.fmt, self.out = fmt, out
        self.rows = 0
        if fmt == "csv":
            self.csv = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
            self.csv.writeheader()
        self.width = max(60, shutil.get_terminal_size((120, 20)).columns)

    def write(self, quotes: list[Quote]) -> None:
        for q in quotes:
            self.rows += 1
            if self.fmt == "jsonl":
                self.out.write(json.dumps(record(q), ensure_ascii=False) + "\n")
            elif self.fmt == "csv":
                row = {k: getattr(q, k) for k in FIELDS}
                row.update({f"p_{s}": (q.probabilities or {}).get(s) for s in STANCES})
                self.csv.writerow(row)
            else:
                self._table_row(q)

    def _table_row(self, q: Quote) -> None:
        if self.rows == 1:
            self.out.write(f"{'doc':14.14s} {'speaker':22.22s} {'stance':17.17s} quote\n")
        stance = f"{q.stance} {q.confidence:.0%}" if q.stance else "-"
        room = max(20, self.width - 57)
        doc = fit(q.doc.rsplit("/", 1)[-1], 14, keep_end=True)  # "…025-09-10.txt": names differ at the end
        self.out.write(f"{doc} {fit(q.speaker or '(unknown)', 22)} {stance:17.17s} “{fit(q.quote, room, pad=False)}”\n")


def fit(s: str, width: int, keep_end: bool = False, pad: bool = True) -> str:
    """``s`` padded to ``width`` (if ``pad``), or cut to it with "…" where the cut is."""
    if len(s) <= width:
        return s.ljust(width) if pad else s
    if width < 2:
        return "…"[:max(width, 0)]
    return "…" + s[len(s) - width + 1:] if keep_end else s[:width - 1] + "…"
