"""Read ``labels/`` into quote records, and check it, reporting every problem at once."""
from __future__ import annotations

import json
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from quotestance.model.record import STANCES, Quote
from quotestance.model.text import context_span, crosses_break, paragraph_index, paragraphs

QUOTES_FILE = "quotes.jsonl"
# Spans the extraction offered that a labeller answered "not a quote" (training/labelling.py).
NOT_QUOTES_FILE = "not_quotes.jsonl"
ARTICLES_DIR = "articles"
# Labelled articles written for the project, not collected: a labels folder of its own inside
# the real one, which training may add to its fits and evaluation never scores (labels/README.md).
INVENTED_DIR = "invented"
REQUIRED = {"id": str, "doc": str, "start": int, "end": int, "quote": str, "stance": str}
REQUIRED_NOT_QUOTE = {"doc": str, "start": int, "end": int, "quote": str}


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the labels, located by file and line (line 0: the file as a whole)."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


class LabelsInvalid(ValueError):
    """The labels have problems; ``problems`` lists every one."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the labels; first: {problems[0]}")


@dataclass
class LabelSet:
    """The articles (name -> text) and their labelled quote spans, in file order."""

    root: Path
    articles: dict[str, str]
    quotes: list[Quote]
    lines: list[int] = field(default_factory=list)  # line number of each quote in quotes.jsonl

    def counts(self) -> dict[str, Counter]:
        """Spans per stance, per article and per speaker."""
        return {
            "stance": Counter(q.stance for q in self.quotes),
            "article": Counter(q.doc for q in self.quotes),
            "speaker": Counter(q.speaker or "(none)" for q in self.quotes),
        }


def read_articles(root: Path) -> dict[str, str]:
    """Every ``articles/*.txt`` under ``root``, read as UTF-8 with no newline translation."""
    folder = root / ARTICLES_DIR
    if not folder.is_dir():
        return {}
    return {p.name: p.read_bytes().decode("utf-8") for p in sorted(folder.glob("*.txt"))}


def read_labels(root: str | Path) -> tuple[LabelSet, list[Problem]]:
    """Read and check ``root``; return what could be read and every problem found."""
    root = Path(root)
    qpath = root / QUOTES_FILE
    shown = str(qpath)
    problems: list[Problem] = []
    try:
        articles = read_articles(root)
    except UnicodeDecodeError as e:
        articles = {}
        problems.append(Problem(str(root / ARTICLES_DIR), 0, f"an article is not UTF-8: {e}"))
    if not articles and not problems:
        problems.append(Problem(str(root / ARTICLES_DIR), 0, "no articles (*.txt) found"))
    if not qpath.is_file():
        problems.append(Problem(shown, 0, "file not found"))
        return LabelSet(root, articles, []), problems

    paras = {name: paragraphs(text) for name, text in articles.items()}
    quotes: list[Quote] = []
    lines: list[int] = []
    seen_ids: dict[str, int] = {}
    for n, rec, messages in _checked_lines(qpath, REQUIRED, articles):
        errs = [Problem(shown, n, m) for m in messages]
        if rec is None:
            problems.extend(errs)
            continue
        if rec["id"] in seen_ids:
            errs.insert(0, Problem(shown, n, f"duplicate id {rec['id']!r} (first on line {seen_ids[rec['id']]})"))
        else:
            seen_ids[rec["id"]] = n
        problems.extend(errs)
        if errs:
            continue
        text = articles[rec["doc"]]
        p = paras[rec["doc"]]
        i = paragraph_index(p, rec["start"])
        a, b = context_span(*p[i], rec["start"], rec["end"])  # as extraction gives it
        quotes.append(Quote(
            doc=rec["doc"], start=rec["start"], end=rec["end"], quote=rec["quote"],
            paragraph=i, context=text[a:b], context_start=a,
            speaker=rec.get("speaker"), stance=rec["stance"], id=rec["id"],
        ))
        lines.append(n)
    problems.extend(_overlaps(quotes, lines, shown))
    problems.extend(_not_quote_problems(root / NOT_QUOTES_FILE, articles, quotes, lines, shown))
    return LabelSet(root, articles, quotes, lines), problems


def load_labels(root: str | Path) -> LabelSet:
    """Read ``root`` or raise LabelsInvalid listing every problem."""
    labels, problems = read_labels(root)
    if problems:
        raise LabelsInvalid(problems)
    return labels


def _not_quote_problems(path: Path, articles: dict[str, str], quotes: list[Quote], lines: list[int],
                        quotes_shown: str) -> list[Problem]:
    """What is wrong in ``not_quotes.jsonl`` (if there is one): each line a span of a labelled
    article, as in quotes.jsonl, answered once, and not also labelled as a quote."""
    if not path.is_file():
        return []
    shown = str(path)
    out: list[Problem] = []
    seen: dict[tuple, int] = {}
    for n, rec, errs in _checked_lines(path, REQUIRED_NOT_QUOTE, articles):
        out.extend(Problem(shown, n, m) for m in errs)
        if rec is None or errs:
            continue
        key = (rec["doc"], rec["start"], rec["end"])
        if key in seen:
            out.append(Problem(shown, n, f"span {key[1]}:{key[2]} in {key[0]} already on line {seen[key]}"))
        seen.setdefault(key, n)
        overlapping = [m for q, m in zip(quotes, lines) if q.doc == rec["doc"] and q.start < rec["end"] and rec["start"] < q.end]
        if overlapping:
            out.append(Problem(shown, n, f"span {key[1]}:{key[2]} in {key[0]} is labelled as a quote on "
                                         f"{quotes_shown}:{overlapping[0]}"))
    return out


def _checked_lines(path: Path, required: dict, articles: dict[str, str]) -> Iterator[tuple[int, dict | None, list[str]]]:
    """``(line number, record or None, problems)`` for each non-blank line of a JSON Lines span
    file: the record's fields (``required``), its article, and its offsets checked."""
    with path.open(encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            rec, errs = _parse(raw, required)
            if rec is not None:
                text = articles.get(rec["doc"])
                if text is None:
                    errs.append(f"article {rec['doc']!r} not found in {ARTICLES_DIR}/")
                else:
                    errs.extend(_span_errors(rec, text))
            yield n, rec, errs


def _parse(raw: str, required: dict = REQUIRED) -> tuple[dict | None, list[str]]:
    try:
        rec = json.loads(raw.rstrip("\r\n"))
    except json.JSONDecodeError as e:
        # json's "Unterminated string starting at" already ends in "at"
        return None, [f"malformed JSON: {e.msg.removesuffix(' at')} at column {e.colno}"]
    if not isinstance(rec, dict):
        return None, ["not a JSON object"]
    errs = []
    for key, typ in required.items():
        if key not in rec:
            errs.append(f"missing field {key!r}")
        elif not isinstance(rec[key], typ) or isinstance(rec[key], bool):
            errs.append(f"field {key!r} should be {typ.__name__}, got {type(rec[key]).__name__}")
    if "speaker" in rec and rec["speaker"] is not None and not isinstance(rec["speaker"], str):
        errs.append("field 'speaker' should be a string or null")
    elif isinstance(rec.get("speaker"), str) and has_control_characters(rec["speaker"]):
        errs.append(f"field 'speaker' holds control characters: {rec['speaker']!r} (arrow keys typed at a prompt?)")
    if errs:
        return None, errs
    if "stance" not in required:
        return rec, errs
    if rec["stance"] not in STANCES:
        errs.append(f"unknown stance {rec['stance']!r} (expected one of {', '.join(STANCES)})")
    return (None if errs else rec), errs


def has_control_characters(s: str) -> bool:
    """Whether ``s`` holds a control character (an escape sequence, a NUL, a tab): never part of
    a stored name, where "Ann\tSmith" would never equal "Ann Smith"."""
    return any(unicodedata.category(c) == "Cc" for c in s)


def _span_errors(rec: dict, text: str) -> list[str]:
    start, end = rec["start"], rec["end"]
    if not 0 <= start < end <= len(text):
        return [f"offsets {start}:{end} outside the article ({len(text)} characters) or empty"]
    errs = []
    if text[start:end] != rec["quote"]:
        errs.append(f"offsets do not match the text: text[{start}:{end}] is {text[start:end]!r}, quote is {rec['quote']!r}")
    if crosses_break(text[start:end]):
        errs.append("span crosses a paragraph break")
    return errs


def _overlaps(quotes: list[Quote], lines: list[int], shown: str) -> list[Problem]:
    out = []
    order = sorted(range(len(quotes)), key=lambda i: (quotes[i].doc, quotes[i].start))
    for a, b in zip(order, order[1:]):
        qa, qb = quotes[a], quotes[b]
        if qa.doc == qb.doc and qb.start < qa.end:
            out.append(Problem(shown, lines[b], f"span {qb.start}:{qb.end} overlaps line {lines[a]} ({qa.start}:{qa.end}) in {qa.doc}"))
    return out
