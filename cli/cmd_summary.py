"""`quotestance summary`: who said what about the target, per speaker across articles."""
from __future__ import annotations

import csv
import json
from typing import IO

import typer

from quotestance.cli.app import (AliasOpt, ArticlesArg, FormatOpt, ModelOpt, TargetOpt, app, check_format, chosen_target,
                                 load_model, target_from_options)
from quotestance.cli.errors import handled

FIELDS = ("speaker", "supporting", "criticising", "neutral", "total", "example")
UNATTRIBUTED = "(unattributed)"
EXAMPLE_CHARS = 70
SPEAKER_WIDTH = 28


@app.command()
@handled
def summary(
    paths: ArticlesArg,
    fmt: FormatOpt = "table",
    model: ModelOpt = None,
    target: TargetOpt = None,
    alias: AliasOpt = None,
) -> None:
    """Count each speaker's supporting, criticising and neutral quotes.

    One row per speaker across all the articles, most quotes first, with
    the most confident quote of the speaker's most frequent stance as an
    example. Quotes with no speaker found count as (unattributed); in jsonl
    and csv their speaker is null (empty), and the example is in full.

    Examples:
      quotestance summary news/
      quotestance summary a.txt b.txt --format csv > speakers.csv
      quotestance summary news/ --target "Keir Starmer" --alias Starmer
    """
    import sys

    from quotestance.cli.articles import expand, read_article
    from quotestance.model.summary import summarise
    from quotestance.model.tagger import tag_texts

    check_format(fmt)
    who = target_from_options(target, alias)
    names = expand(paths)
    stance_model = load_model(model)
    who = chosen_target(who, stance_model)
    quotes = [q for per_article in tag_texts(((n, read_article(n)) for n in names), stance_model, who)
              for q in per_article]
    rows = summarise(quotes)
    write_rows(rows, fmt, sys.stdout)
    typer.echo(f"{_n(len(quotes), 'quote')} from {_n(len(rows), 'speaker')} in {_n(len(names), 'article')}, "
               f"stance toward {who.name}", err=True)


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def record(row) -> dict:
    """The JSON object for one speaker's row; the example quote in full."""
    return {"speaker": row.speaker, "supporting": row.supporting, "criticising": row.criticising,
            "neutral": row.neutral, "total": row.total, "example": row.example.quote}


def write_rows(rows, fmt: str, out: IO[str]) -> None:
    """The rows in one of the output formats (table, jsonl, csv)."""
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(record(r), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        w = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow(record(r))
    else:
        width = min(SPEAKER_WIDTH, max([len("speaker")] + [len(r.speaker or UNATTRIBUTED) for r in rows]))
        out.write(f"{'speaker':{width}.{width}s}  supporting  criticising  neutral  total  example\n")
        for r in rows:
            out.write(f"{shorten(r.speaker or UNATTRIBUTED, width):{width}s}  {r.supporting:10d}  "
                      f"{r.criticising:11d}  {r.neutral:7d}  {r.total:5d}  \u201c{shorten(r.example.quote)}\u201d\n")


def shorten(text: str, limit: int = EXAMPLE_CHARS) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.\u2013\u2014-") + "\u2026"
