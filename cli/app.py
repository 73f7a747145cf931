"""The typer app. Heavy libraries (scikit-learn, nltk) are imported inside the commands that use them."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from quotestance.cli.errors import fail, handled

app = typer.Typer(
    name="quotestance",
    help="Find the direct quotes in news articles, who said them, and their stance toward a target person.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
labels_app = typer.Typer(help="Check and review the labelled quote spans in labels/.", no_args_is_help=True)
app.add_typer(labels_app, name="labels")

DEFAULT_LABELS = Path("labels")

LabelsDir = Annotated[
    Path,
    typer.Argument(help="The labels folder (articles/ and quotes.jsonl).", show_default=True),
]


@labels_app.command("check")
@handled
def labels_check(root: LabelsDir = DEFAULT_LABELS) -> None:
    """Check the labels and print their counts, or every problem found (exit 1).

    Example: quotestance labels check labels/
    """
    from quotestance.cli.render import print_counts
    from quotestance.training.labels import read_labels

    if not root.is_dir():
        fail(f"{root}: no such folder")
    labels, problems = read_labels(root)
    if problems:
        for p in problems:
            typer.echo(str(p), err=True)
        fail(f"{len(problems)} problem(s) in {root}")
    print_counts(labels)


def main() -> None:
    """Console-script entry point."""
    app()
