"""`quotestance inspect`: one article's quotes in their paragraphs, who said them and why, and the
words that pushed each stance prediction."""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Annotated, Optional

import typer

from quotestance.cli.app import AliasOpt, ModelOpt, TargetOpt, app, chosen_target, load_model, target_from_options
from quotestance.cli.errors import fail, handled
from quotestance.model.record import STANCES

UNATTRIBUTED = "(unattributed)"
# Where the quote sits in its paragraph: these stand in while wrapping, then become marks.
_OPEN, _CLOSE = "\ue000", "\ue001"
_SPACE = "\ue002"  # a space that wrapping does not break at
MARKS = ("»", "«")
BOLD = ("\033[1m", "\033[0m")
INDENT = "  "
LABEL_WIDTH = 10


@app.command("inspect")
@handled
def inspect_article(
    path: Annotated[str, typer.Argument(help="One article (.txt, .html), or - for stdin.")],
    html: Annotated[Optional[Path], typer.Option(
        "--html", metavar="OUT", help="Write an HTML page of the article to OUT instead of printing the report.",
    )] = None,
    model: ModelOpt = None,
    target: TargetOpt = None,
    alias: AliasOpt = None,
) -> None:
    """Show one article's quotes in context, with speaker, stance and the words behind it.

    For each quote: its paragraph with the quote marked, the speaker with
    the mention and cue that named them, the stance with all three
    probabilities, and the words that pushed the prediction toward its
    label and away from it. --html writes an HTML page instead.

    Examples:
      quotestance inspect article.txt
      quotestance inspect article.txt --html report.html
      cat article.txt | quotestance inspect - --target "Keir Starmer"
    """
    from quotestance.cli.articles import expand, read_article
    from quotestance.model.explain import explain
    from quotestance.model.tagger import tag_text

    who = target_from_options(target, alias)
    if path != "-" and Path(path).is_dir():
        fail(f"{path}: a folder; inspect reads one article (`quotestance tag` reads folders)")
    if html is not None:
        _check_writable(html)
    (name,) = expand([path])
    text = read_article(name)
    stance_model = load_model(model)
    who = chosen_target(who, stance_model)
    quotes = tag_text(text, name, stance_model, who)
    pipeline = stance_model.pipeline_for(who)  # for --target, retargeted just as predict retargets
    if who.is_named_in(text):
        explanations = {i: explain(pipeline, q, q.stance) for i, q in enumerate(quotes) if q.stance}
    else:  # every quote neutral by rule (model/tagger.py:UNNAMED_TARGET): no feature pushed it
        note = f"the article never names {who.name} (nor an alias): neutral toward them, without the model"
        explanations = {i: {"note": note} for i in range(len(quotes))}

    if html is not None:
        from quotestance.cli.html import render, to_view

        doc = "(stdin)" if name == "-" else name
        write_atomic(html, render(to_view(doc, text, quotes, who.name, explanations)))
        typer.echo(f"wrote {html}", err=True)
    else:
        bold = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        width = max(40, min(100, shutil.get_terminal_size((100, 24)).columns))
        for i, q in enumerate(quotes):
            if i:
                typer.echo("")
            typer.echo("\n".join(quote_report(q, i, len(quotes), who.name, explanations.get(i), width, bold)))
    n = len(quotes)
    typer.echo(f"{n} quote{'' if n == 1 else 's'} in {'stdin' if name == '-' else name}, "
               f"stance toward {who.name}", err=True)


def quote_report(q, index: int, count: int, target: str, why: dict | None, width: int = 100,
                 bold: bool = False) -> list[str]:
    """The lines that show one quote: where it is, its paragraph with the quote marked, who said
    it and what named them, its stance and probabilities, and the words behind the stance."""
    where = [f"quote {index + 1} of {count}", f"characters {q.start}\u2013{q.end}"]
    if q.paragraph >= 0:
        where.insert(1, f"paragraph {q.paragraph + 1}")
    lines = [" \u00b7 ".join(where)]
    para = textwrap.fill(_marked(q), width=width, initial_indent=INDENT, subsequent_indent=INDENT,
                         break_long_words=False, break_on_hyphens=False)
    opening, closing = BOLD if bold else MARKS
    lines.append(para.replace(_OPEN, opening).replace(_CLOSE, closing))
    lines.append(_field("speaker", q.speaker or UNATTRIBUTED, width))
    lines.append(_field("named by", _named_by(q), width))
    if q.stance:
        probs = q.probabilities or {}
        lines.append(_field("stance", f"{q.stance} {_pct(q.confidence)} toward {target}", width))
        lines.append(_field("", " \u00b7 ".join(f"{s}{_SPACE}{_pct(probs.get(s))}" for s in STANCES), width))
        why = why or {}
        if "note" in why:
            lines.append(_field("why", why["note"], width))
        else:
            lines.append(_field("toward", _words(why.get("toward")), width))
            lines.append(_field("away", _words(why.get("away")), width))
            if why.get("groups"):
                lines.append(_field("by group", _words(why["groups"]), width))
    else:
        lines.append(_field("stance", "none predicted", width))
    return "\n".join(lines).split("\n")


def _marked(q) -> str:
    """The quote's paragraph with the quote between the stand-in marks."""
    para, a, b = q.context, q.start - q.context_start, q.end - q.context_start
    if not para or not 0 <= a <= b <= len(para) or para[a:b] != q.quote:
        para, a, b = q.quote, 0, len(q.quote)
    return para[:a] + _OPEN + para[a:b] + _CLOSE + para[b:]


def _named_by(q) -> str:
    """The words and the cue that gave the speaker, or why there is none."""
    if q.mention and q.cue:
        said = f"\u201c{q.mention}\u201d, cue: {q.cue}"
        return said if q.speaker else f"{said} (not resolved to a name)"
    if q.mention:
        return f"\u201c{q.mention}\u201d"
    if q.cue:
        return f"no cue: {q.cue}"
    return "no cue found"


def _pct(p: float | None) -> str:
    return "\u2014" if p is None else f"{p:.1%}"


def _words(items: list | None) -> str:
    """An explanation list as ``word +0.123, …`` (each item kept on one line), or a dash."""
    return ", ".join(f"{w} {weight:+.3f}".replace(" ", _SPACE) for w, weight in items or []) or "\u2014"


def _field(label: str, value: str, width: int) -> str:
    """``label`` then ``value`` wrapped beside it."""
    head = INDENT + f"{label:<{LABEL_WIDTH}}"
    text = textwrap.fill(value, width=width, initial_indent=head, subsequent_indent=" " * len(head),
                         break_long_words=False, break_on_hyphens=False) or head.rstrip()
    return text.replace(_SPACE, " ")


def _check_writable(out: Path) -> None:
    """Fail before the work if ``out`` cannot be where the page goes."""
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        fail(f"{out}: no such folder {folder}")
    if out.is_dir():
        fail(f"{out}: is a folder, not a file name for the page")


def write_atomic(out: Path, content: str) -> None:
    """Write ``content`` to ``out`` through a temporary file in the same folder and a rename, so
    ``out`` is either the old file or the whole new one, never half of it."""
    folder = out.parent if str(out.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{out.name}.", suffix=".tmp")
    except OSError as e:  # say the file the user named, not the temporary one
        raise OSError(e.errno, f"cannot write ({e.strerror.lower() if e.strerror else e})", str(out)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(content)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _mode_for(out))
        os.replace(tmp, out)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _mode_for(out: Path) -> int:
    """The existing file's permissions, or what a new file would get under the umask."""
    try:
        return out.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
