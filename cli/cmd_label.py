"""`quotestance label` (one article, question by question, or --suggest what to label first) and
`quotestance labels review` (labels the cross-validated model confidently disagrees with)."""
from __future__ import annotations

import importlib
import shutil
import sys
import textwrap
from pathlib import Path
from typing import Annotated, Optional

import typer

from quotestance.cli.app import (DEFAULT_LABELS, LabelsOpt, ModelOpt, app, checked_labels, invented_labels, labels_app,
                                 load_model)
from quotestance.cli.errors import fail, handled, usage

KEYS = {"s": "supporting", "c": "criticising", "n": "neutral"}
HELP_LINE = "Enter=accept  s/c/n=supporting/criticising/neutral  p=fix speaker  x=not a quote  k=skip  q=quit"


@app.command()
@handled
def label(
    paths: Annotated[Optional[list[str]], typer.Argument(
        help="The article to label (.txt or .html); with --suggest, articles, folders or - to rank.",
        show_default=False)] = None,
    suggest: Annotated[Optional[int], typer.Option(
        "--suggest", metavar="N", help="Print the N quotes the model is least sure of, to label first; asks nothing.")] = None,
    labels: LabelsOpt = DEFAULT_LABELS,
    model: ModelOpt = None,
) -> None:
    """Label an article's quotes one by one, starting from the model's guesses.

    The article is copied into LABELS/articles/; each quote not yet answered is shown in its paragraph, with the guessed speaker and stance.
    Every answer is saved at once: quitting loses nothing, and a re-run asks only what is left.

    Answers, one line each:
      Enter    accept the guess
      s/c/n    supporting / criticising / neutral, with the guessed speaker
      p        fix the speaker (empty: none), then the stance
      x        not a quote (kept in not_quotes.jsonl, not asked again)
      k        skip for now
      q        quit (so does the end of input)

    With --suggest N, nothing is asked: the N quotes the model is least sure of are listed, to label first.

    Examples:
      quotestance label news/mandelson-resigns.txt --labels labels/
      quotestance label --suggest 10 news/
    """
    if suggest is not None:
        if suggest < 1:
            usage("--suggest needs a number of quotes, 1 or more")
        if not paths:
            usage("--suggest needs the articles to rank (files, folders or -)")
        if not labels.is_dir():  # else every labelled quote would be suggested as new
            fail(f"{labels}: no such folder (--labels: the labels whose answered quotes are left out)")
        _suggest(paths, suggest, labels, model)
        return
    if not paths or len(paths) != 1:
        usage("label takes exactly one article (or --suggest N with several)")
    _session(paths[0], labels, model)


def _session(path: str, root: Path, model_path: Path | None) -> None:
    from quotestance.cli.articles import expand, read_article
    from quotestance.model.tagger import tag_text
    from quotestance.training.labelling import (NOT_QUOTES_FILE, QUOTES_FILE, add_article, already_labelled,
                                                 append_label, append_not_quote, overlaps, repair_tail,
                                                 stored_name)

    if path == "-":
        usage("label reads its answers from stdin; give the article as a file")
    if Path(path).is_dir():
        fail(f"{path}: a folder; label takes one article file (rank a folder with --suggest N)")
    if not root.is_dir():
        fail(f"{root}: no such folder")
    expand([path])  # a missing file fails here, with the same message as `tag`
    stance_model = load_model(model_path)
    text = read_article(path)
    doc = stored_name(path)
    quotes = tag_text(text, doc, stance_model)
    doc = add_article(root, path, text)
    for name in (QUOTES_FILE, NOT_QUOTES_FILE):
        cut = repair_tail(root / name)
        if cut:
            typer.echo(f"repaired {root / name}: removed a partial last line ({len(cut)} bytes)", err=True)

    answered = already_labelled(root, doc)
    todo = [q for q in quotes if not overlaps((q.start, q.end), answered)]
    done = len(quotes) - len(todo)
    typer.echo(f"{doc}: {len(quotes)} quotes found, {done} already answered, {len(todo)} to go "
               f"(labels in {root / QUOTES_FILE})")
    if todo:
        typer.echo(f"answers: {HELP_LINE}")
    n_label = n_not = n_skip = 0
    seen = 0  # quotes of todo dealt with: answered, skipped, or covered by an earlier answer
    try:
        for i, q in enumerate(todo, 1):
            if overlaps((q.start, q.end), answered):  # covered by a span answered meanwhile
                seen += 1
                continue
            _show(q, i, len(todo))
            answer = _answer(q)
            if answer is None:
                break
            seen += 1
            if answer == "skip":
                n_skip += 1
                typer.echo("  skipped")
                continue
            if answer == "not":
                append_not_quote(root, q)
                n_not += 1
                typer.echo(f"  not a quote (saved in {NOT_QUOTES_FILE})")
            else:
                speaker, stance = answer
                new_id = append_label(root, _labelled(q, speaker, stance))
                n_label += 1
                typer.echo(f"  saved {new_id}: {stance}, speaker {speaker or '(none)'}")
            answered.add((q.start, q.end))
    except KeyboardInterrupt:
        typer.echo("")
        _summary(n_label, n_not, n_skip, len(todo) - seen)
        raise typer.Exit(130) from None
    _summary(n_label, n_not, n_skip, len(todo) - seen)


def _summary(n_label: int, n_not: int, n_skip: int, left: int) -> None:
    typer.echo(f"{n_label} labelled, {n_not} not quotes, {n_skip} skipped, {max(0, left)} not asked", err=True)


def _labelled(q, speaker: str | None, stance: str):
    from quotestance.model.record import Quote

    return Quote(doc=q.doc, start=q.start, end=q.end, quote=q.quote, speaker=speaker, stance=stance)


def _show(q, i: int, n: int) -> None:
    """The quote's paragraph with the span marked, and the model's guesses."""
    from quotestance.model.record import STANCES

    width = min(100, max(40, shutil.get_terminal_size((100, 20)).columns)) - 4
    a, b = q.start - q.context_start, q.end - q.context_start
    marked = q.context[:a] + "[[" + q.context[a:b] + "]]" + q.context[b:]
    typer.echo(f"\n[{i}/{n}] {q.doc} {q.start}:{q.end} (paragraph {q.paragraph + 1})")
    typer.echo(textwrap.fill(marked, width=width, initial_indent="    ", subsequent_indent="    ",
                             break_long_words=False, break_on_hyphens=False))
    how = f" ({q.mention!r}, {q.cue})" if q.mention or q.cue else ""
    probs = ", ".join(f"{s} {q.probabilities[s]:.0%}" for s in STANCES)
    typer.echo(f"  speaker: {q.speaker or '(none)'}{how}")
    typer.echo(f"  stance:  {q.stance} {q.confidence:.0%}   ({probs})")


def _read(prompt: str) -> str | None:
    """One line from stdin (works with pipes and CliRunner input); None at end of input. At a
    terminal the line can be edited (arrow keys, backspace) where Python has readline."""
    if sys.stdin.isatty() and sys.stdout.isatty():
        try:
            importlib.import_module("readline")  # loaded, it gives input() line editing
        except ImportError:
            pass
        try:
            return input(prompt)
        except EOFError:
            typer.echo("(end of input)")
            return None
    typer.echo(prompt, nl=False)
    line = sys.stdin.readline()
    if not line:
        typer.echo("(end of input)")
        return None
    line = line.rstrip("\r\n")
    if not sys.stdin.isatty():  # piped answers: show them, so the transcript reads like a session
        typer.echo(line)
    return line


def _answer(q):
    """("speaker", "stance"), "not", "skip", or None to quit."""
    from quotestance.training.labels import has_control_characters

    while True:
        raw = _read("  answer [Enter/s/c/n/p/x/k/q, ? for help]: ")
        if raw is None:
            return None
        key = raw.strip().lower()
        if key == "":
            return (q.speaker, q.stance)
        if key in KEYS:
            return (q.speaker, KEYS[key])
        if key == "x":
            return "not"
        if key == "k":
            return "skip"
        if key == "q":
            return None
        if key in ("?", "h", "help"):
            typer.echo(f"  {HELP_LINE}")
            continue
        if key == "p":
            while True:
                name = _read(f"  speaker (Enter = none; guess was {q.speaker or '(none)'}): ")
                if name is None:
                    return None
                name = " ".join(name.split())  # a tab is a space here
                if not has_control_characters(name):
                    break
                typer.echo("  that name holds control characters (arrow keys or escape codes); type it again")
            speaker = name or None
            while True:
                raw = _read(f"  stance for {speaker or '(none)'} [Enter = {q.stance}, s/c/n, k=skip, q=quit]: ")
                if raw is None:
                    return None
                key = raw.strip().lower()
                if key == "":
                    return (speaker, q.stance)
                if key in KEYS:
                    return (speaker, KEYS[key])
                if key == "k":
                    return "skip"
                if key == "q":
                    return None
                typer.echo(f"  unknown answer {raw.strip()!r}")
        typer.echo(f"  unknown answer {raw.strip()!r}; {HELP_LINE}")


def _suggest(paths: list[str], n: int, root: Path, model_path: Path | None) -> None:
    from quotestance.cli.articles import expand, read_article
    from quotestance.cli.output import fit
    from quotestance.model.record import STANCES
    from quotestance.model.tagger import tag_text
    from quotestance.training.labelling import already_labelled, least_sure, margin, overlaps, stored_name

    names = expand(paths)
    stance_model = load_model(model_path)
    pool = []
    for name in names:
        text = read_article(name)
        quotes = tag_text(text, name, stance_model)
        answered = _answered_copy(root, name, text, stored_name, already_labelled)
        pool.extend(q for q in quotes if not overlaps((q.start, q.end), answered))
    chosen = least_sure(pool)[:n]
    docs = [q.doc.rsplit("/", 1)[-1] for q in chosen]
    dw = min(30, max([3] + [len(d) for d in docs]))
    width = max(60, shutil.get_terminal_size((120, 20)).columns)
    room = max(20, width - dw - 66)
    if chosen:
        typer.echo(f"{'doc':{dw}.{dw}s} {'span':>11s} {'margin':>6s}  {'speaker':22.22s} "
                   + " ".join(f"{s[:4]:>4s}" for s in STANCES) + "  quote")
    for doc, q in zip(docs, chosen):
        typer.echo(f"{fit(doc, dw, keep_end=True)} {f'{q.start}:{q.end}':>11s} {margin(q):6.2f}  "
                   f"{fit(q.speaker or '(unknown)', 22)} "
                   + " ".join(f"{q.probabilities[s]:4.2f}" for s in STANCES) + f"  “{fit(q.quote, room, pad=False)}”")
    typer.echo(f"{len(chosen)} of {len(pool)} unanswered quotes in {len(names)} article(s), least sure first", err=True)


def _answered_copy(root: Path, name: str, text: str, stored_name, already_labelled) -> set:
    """Spans already answered when this very article (same name, same text) is in the labels."""
    if name == "-" or not root.is_dir():
        return set()
    try:
        doc = stored_name(name)
    except ValueError:
        return set()
    copy = root / "articles" / doc
    if not copy.is_file() or copy.read_bytes() != text.encode("utf-8"):
        return set()
    return already_labelled(root, doc)


@labels_app.command("review")
@handled
def labels_review(
    labels: LabelsOpt = DEFAULT_LABELS,
    threshold: Annotated[float, typer.Option(
        "--threshold", help="Show labels the model contradicts with at least this probability (0-1].")] = 0.7,
) -> None:
    """List labels the cross-validated model contradicts with high confidence, to re-check.

    Each quote is predicted by a model fitted without its article (leave-one-article-out) with the shipped model's settings, so no label is judged by a model that learned it.
    A row is a label worth a second look, not necessarily a wrong one: id, label, predicted stance, its probability and the quote, most confident first.

    Example: quotestance labels review --labels labels/ --threshold 0.8
    """
    from quotestance.training.labelling import review

    if not 0 < threshold <= 1:
        usage(f"--threshold {threshold}: should be above 0 and at most 1")
    from sklearn.base import clone

    from quotestance.model.stance import ModelError

    data = checked_labels(labels)
    invented = None
    try:  # the settings of the model that tags, refitted per fold
        model = load_model()
        estimator, settings = clone(model.pipeline), model.card.get("selection", {}).get("chosen", "the shipped model's")
        invented = invented_labels(labels, model.card.get("invented", {}).get("in_the_fit", False))  # as the model was
    except ModelError:
        estimator, settings = None, "default"
    typer.echo(f"cross-validating ({settings} settings) on {len(data.quotes)} quotes from {len(data.articles)} articles ...",
               err=True)
    rows = review(data, threshold, estimator=estimator, invented=invented)
    width = max(60, shutil.get_terminal_size((120, 20)).columns)
    room = max(20, width - 54)
    if rows:
        typer.echo(f"{'id':10s} {'label':12s} {'predicted':12s} {'prob':>5s}  quote")
    for r in rows:
        text = r.quote if len(r.quote) <= room else r.quote[: room - 1] + "…"
        typer.echo(f"{r.id:10s} {r.label:12s} {r.predicted:12s} {r.probability:5.3f}  “{text}”")
    typer.echo(f"{len(rows)} of {len(data.quotes)} labels contradicted with probability >= {threshold:g}", err=True)
