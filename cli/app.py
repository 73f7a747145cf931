"""The typer app. Heavy libraries (scikit-learn, nltk) are imported inside the commands that use them."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from quotestance.cli.errors import fail, usage

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
LabelsOpt = Annotated[Path, typer.Option("--labels", help="The labels folder.")]

LabelsDir = Annotated[
    Path,
    typer.Argument(help="The labels folder (articles/ and quotes.jsonl).", show_default=True),
]


ModelOpt = Annotated[Optional[Path], typer.Option("--model", help="A trained model file (its .card.json beside it); default: the shipped model.")]
TargetOpt = Annotated[Optional[str], typer.Option("--target", help="Tag stance toward this person instead of the model's target.")]
AliasOpt = Annotated[Optional[list[str]], typer.Option("--alias", help="Another name for --target (repeatable).")]


ArticlesArg = Annotated[list[str], typer.Argument(help="Article files (.txt, .html), folders of them, or - for stdin (HTML if it starts with a tag).")]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="table, jsonl or csv.")]


def check_format(fmt: str) -> None:
    """Exit 2 with one line unless ``fmt`` is an output format."""
    from quotestance.cli.output import FORMATS

    if fmt not in FORMATS:
        usage(f"unknown format {fmt!r} (choose one of {', '.join(FORMATS)})")


def target_from_options(name: str | None, aliases: list[str] | None):
    """The --target and --alias options as a Target, or None for the model's own."""
    from quotestance.model.target import Target

    if name is None:
        if aliases:
            usage("--alias needs --target")
        return None
    if not name.strip():
        usage("--target needs a name")
    words = lambda s: " ".join(s.split())  # "Peter  Mandelson" is "Peter Mandelson"
    return Target(words(name), tuple(words(a) for a in aliases or () if a.strip()))


def chosen_target(who, stance_model):
    """The target to tag toward: the model's own when --target is not given, or names the model's
    target with no --alias (its aliases, "the ambassador" and the rest, are kept), else ``who``."""
    if who is None or (who.name.casefold() == stance_model.target.name.casefold() and not who.aliases):
        return stance_model.target
    return who


def checked_labels(root: Path):
    """The labels under ``root``; otherwise every problem on stderr and exit 1."""
    from quotestance.training.labels import read_labels

    if root.is_file():
        fail(f"{root}: a file; give the labels folder (the one holding articles/ and quotes.jsonl)")
    if not root.is_dir():
        fail(f"{root}: no such folder")
    labels, problems = read_labels(root)
    if problems:
        for p in problems:
            typer.echo(str(p), err=True)
        fail(f"{len(problems)} problem(s) in {root}")
    return labels


def invented_labels(root: Path, wanted: bool = True):
    """The labelled invented articles under ROOT/invented/, checked, or None (not wanted or none)."""
    from quotestance.training.labels import INVENTED_DIR

    folder = root / INVENTED_DIR
    return checked_labels(folder) if wanted and folder.is_dir() else None


def check_jobs(jobs: int | None) -> None:
    """--jobs: 1 or more, or -1 for one per CPU (None: the command's default)."""
    if jobs is not None and jobs < 1 and jobs != -1:
        usage(f"--jobs must be 1 or more, or -1 for one per CPU (got {jobs})")


def load_model(path=None):
    """The stance model (default: the shipped one); a fallback to the verified *.previous pair is
    said in one warning line, not as a Python warning."""
    import warnings

    from quotestance.model.stance import ModelFallbackWarning, StanceModel

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ModelFallbackWarning)
        stance_model = StanceModel.load(path)
    for w in caught:
        if issubclass(w.category, ModelFallbackWarning):
            typer.echo(f"quotestance: warning: {w.message}", err=True)
        else:
            warnings.showwarning(w.message, w.category, w.filename, w.lineno)
    return stance_model


def main() -> None:
    """Console-script entry point: a usage error (unknown option, bad value, missing argument) is
    one line on stderr and exit 2, click's convention for usage errors, not typer's boxed message."""
    import sys

    try:
        code = app(standalone_mode=False)
    except typer.TyperException as e:  # typer's own click: UsageError and the rest derive from this
        ctx = getattr(e, "ctx", None)
        if type(e).__name__ == "NoArgsIsHelpError" and ctx is not None:  # bare `quotestance labels`
            typer.echo(ctx.get_help(), err=True)
        else:
            hint = f" (see `{ctx.command_path} --help`)" if ctx is not None and e.exit_code == 2 else ""
            typer.echo(f"quotestance: error: {e.format_message()}{hint}", err=True)
        sys.exit(e.exit_code)
    except typer.Abort:
        typer.echo("quotestance: aborted", err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


# Each module registers its commands on `app` when imported.
from quotestance.cli import cmd_inspect, cmd_label, cmd_summary, cmd_tag, cmd_train  # noqa: E402,F401
