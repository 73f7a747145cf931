"""Plain-text renderings for the terminal."""
from __future__ import annotations

import typer


def print_counts(labels) -> None:
    """Spans in total, per stance, per article and per speaker."""
    counts = labels.counts()
    typer.echo(f"{len(labels.quotes)} spans in {len(labels.articles)} articles: labels OK")
    for title, key in (("stance", "stance"), ("article", "article"), ("speaker", "speaker")):
        typer.echo(f"\nper {title}:")
        items = counts[key].most_common() if key != "article" else sorted(counts[key].items())
        if key == "article":
            items += [(a, 0) for a in sorted(labels.articles) if a not in counts[key]]
        for name, n in items:
            typer.echo(f"  {n:4d}  {name}")
