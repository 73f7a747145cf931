"""`quotestance tag`: the main job."""
from __future__ import annotations

from typing import Annotated

import typer

from quotestance.cli.app import AliasOpt, ModelOpt, TargetOpt, app, target_from_options
from quotestance.cli.errors import fail, handled


@app.command()
@handled
def tag(
    paths: Annotated[list[str], typer.Argument(help="Article files (.txt, .html), folders of them, or - for stdin.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, jsonl or csv.")] = "table",
    model: ModelOpt = None,
    target: TargetOpt = None,
    alias: AliasOpt = None,
) -> None:
    """Find every quote, its speaker and its stance toward the target.

    Examples:
      quotestance tag article.txt
      quotestance tag news/ --format jsonl > quotes.jsonl
      cat article.txt | quotestance tag - --format csv
      quotestance tag article.txt --target "Keir Starmer" --alias Starmer --alias "the prime minister"
    """
    import sys

    from quotestance.cli.articles import expand, read_article
    from quotestance.cli.output import FORMATS, Writer
    from quotestance.model.stance import StanceModel
    from quotestance.model.tagger import tag_text

    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r} (choose one of {', '.join(FORMATS)})")
    who = target_from_options(target, alias)
    names = expand(paths)
    stance_model = StanceModel.load(model)
    writer = Writer(fmt, sys.stdout)
    show = len(names) > 20 and sys.stderr.isatty()
    with typer.progressbar(names, label="tagging", file=sys.stderr) if show else _nullbar(names) as bar:
        for name in bar:
            writer.write(tag_text(read_article(name), name, stance_model, who))
    typer.echo(f"{writer.rows} quotes in {len(names)} article(s)", err=True)


class _nullbar:
    def __init__(self, items):
        self.items = items

    def __enter__(self):
        return self.items

    def __exit__(self, *exc):
        return False


