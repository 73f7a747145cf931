"""`quotestance train`, `evaluate` and `labels check`: the retraining job."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from quotestance.cli.app import (DEFAULT_LABELS, LabelsDir, LabelsOpt, app, check_jobs, checked_labels,
                                 invented_labels, labels_app)
from quotestance.cli.errors import fail, handled

InventedOpt = Annotated[bool, typer.Option(
    "--invented/--no-invented",
    help="Let the model selection add the labelled invented articles in LABELS/invented/ to every fit (never scored).")]

# As in `tag`: worker processes for the nested cross-validation's outer folds.
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", help="Processes for cross-validation; -1 for one per CPU. The report does not depend on it.")]


@labels_app.command("check")
@handled
def labels_check(root: LabelsDir = DEFAULT_LABELS) -> None:
    """Check the labels and print their counts, or every problem found (exit 1).

    Example: quotestance labels check labels/
    """
    from quotestance.cli.render import print_counts

    labels = checked_labels(root)
    print_counts(labels)
    warn_unanswered(labels)


def warn_unanswered(labels) -> None:
    """One warning line per article with quotes found but not yet answered (a `label` session
    left before the end): not an error, but extraction scores them as misses and stance skips them."""
    from quotestance.training.labelling import unanswered

    for doc, n in sorted(unanswered(labels).items()):
        typer.echo(f"quotestance: warning: {doc}: {n} quote(s) found but not answered yet; "
                   f"`quotestance label --labels {labels.root} {labels.root / 'articles' / doc}` asks them", err=True)


@app.command()
@handled
def evaluate(labels: LabelsOpt = DEFAULT_LABELS,
             extraction_only: Annotated[bool, typer.Option("--extraction-only", help="Only span and speaker figures.")] = False,
             attributed_speakers: Annotated[bool, typer.Option(
                 "--attributed-speakers",
                 help="Stance from the speakers attribution finds, as on a new article, not the labelled ones.")] = False,
             jobs: JobsOpt = 1, invented: InventedOpt = True) -> None:
    """Measure extraction, attribution and stance against the labels, by article.

    Spans and speakers are scored on the development articles and, separately, on the
    articles kept unseen while the rules were written; stance by leave-one-article-out
    cross-validation next to the baselines.

    Example: quotestance evaluate --labels labels/
    """
    from quotestance.training.evaluate import evaluate as run, format_report
    from quotestance.training.spans import extraction_report

    check_jobs(jobs)
    data = checked_labels(labels)
    typer.echo(extraction_report(data))
    if not extraction_only:
        from quotestance.model.target import MANDELSON

        typer.echo(f"\nstance toward {MANDELSON.name}")
        from quotestance.training.evaluate import with_cues

        quotes = with_cues(data, MANDELSON, attributed_speakers=attributed_speakers)
        if attributed_speakers:
            typer.echo("(speakers and cues from attribution, as on a new article)")
        typer.echo(format_report(run(data, quotes=quotes, jobs=jobs, invented=invented_labels(labels, invented))))


@app.command()
@handled
def train(labels: LabelsOpt = DEFAULT_LABELS,
          out: Annotated[Optional[Path], typer.Option("--out", help="Where to write the model; default: the shipped model.")] = None,
          jobs: JobsOpt = 1, invented: InventedOpt = True) -> None:
    """Retrain the stance model from the labels and show whether it improved.

    Refuses labels with problems (see `quotestance labels check`). The new model and its
    card replace the old ones atomically; the old pair is kept as *.previous.

    Example: quotestance train --labels labels/
    """
    from quotestance.model.stance import DATA, MODEL_FILE, previous_pair
    from quotestance.training.compare import comparison, has_figures
    from quotestance.training.evaluate import format_report
    from quotestance.training.train import train as fit

    check_jobs(jobs)
    data = checked_labels(labels)
    warn_unanswered(data)
    path = out or DATA / MODEL_FILE
    _check_writable(path)  # before minutes of training, not after
    old, what = _earlier_card(path)
    with_quotes = len({q.doc for q in data.quotes})
    typer.echo(f"training on {len(data.quotes)} quotes from {with_quotes} article{'s' * (with_quotes != 1)}"
               + (f" ({len(data.articles) - with_quotes} more have none)" if with_quotes < len(data.articles) else "")
               + " ...", err=True)
    card = fit(data, path, jobs=jobs, invented=invented_labels(labels, invented))
    typer.echo(format_report(card["evaluation"]))
    if old and has_figures(old):
        typer.echo("\n" + comparison(old, card, what))
    elif old:
        typer.echo(f"\n{what} has no held-out figures on its card to compare with")
    typer.echo(f"wrote {path} and its card", err=True)
    if old and what == "the previous model":
        prev, _ = previous_pair(path)
        typer.echo(f"the previous model is kept as {prev.name}; `--model {prev}` still uses it", err=True)


def _earlier_card(path: Path) -> tuple[dict | None, str]:
    """The card to compare a new model with: the model being replaced at ``path``, else the shipped
    one (a first ``--out`` elsewhere), else none. Only cards whose model verifies are used."""
    from quotestance.model.stance import DATA, MODEL_FILE, verify

    for candidate, what in ((path, "the previous model"), (DATA / MODEL_FILE, "the shipped model")):
        try:
            return verify(candidate), what
        except ValueError:
            continue
    return None, ""


def _check_writable(path: Path) -> None:
    """Exit 1 with one line unless a file can be made in ``path``'s folder, and ``path`` is no folder."""
    import tempfile

    from quotestance.model.stance import MODEL_FILE, card_path

    if path.is_dir():
        fail(f"{path}: is a folder; --out takes the model's file name (e.g. {path / MODEL_FILE})")
    if card_path(path).is_dir():
        fail(f"{card_path(path)}: is a folder, where the model's card would go; choose another --out")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path.parent):
            pass
    except OSError as e:
        fail(f"{path}: cannot write the model there ({(e.strerror or str(e)).lower()})")
