"""Adding to ``labels/``: articles, answers about quote spans, and what to label or re-check next.

No terminal I/O here; ``cli/cmd_label.py`` asks the questions. Every answer is one JSON line
appended with a single ``os.write`` and made durable with ``fsync`` before the next question, so
quitting, a crash or a kill after any answer loses nothing and the files stay valid JSON Lines.

Two files take answers:

* ``quotes.jsonl``: labelled quote spans, in the format of ``labels/README.md`` (the only file
  ``training/labels.py`` reads and checks);
* ``not_quotes.jsonl``: spans the extraction offered that are not quotes (titles, scare quotes,
  nicknames), as ``{"doc", "start", "end", "quote"}``, so that the span is not asked about again
  and extraction can learn from them later.

Each span is answered once: a new answer may not overlap a span already in either file (the check
rejects overlapping labels; a span that is both a quote and not one makes no sense). To change an
answer, edit the file by hand and run ``quotestance labels check``.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from quotestance.model.record import STANCES, Quote
from quotestance.model.text import crosses_break
from quotestance.training.labels import ARTICLES_DIR, NOT_QUOTES_FILE, QUOTES_FILE, LabelSet

try:  # POSIX: serialise concurrent appenders (two `quotestance label` sessions on one folder)
    import fcntl
except ImportError:  # pragma: no cover - Windows: single-writer only
    fcntl = None

# A labelled stance that the cross-validated model contradicts with at least this probability is
# worth a second look: at 0.7 the model's calibration (ECE about 0.07) makes it right more often
# than not, and the list stays short enough to read (about one label in fifteen on labels/).
REVIEW_THRESHOLD = 0.7

_ID = re.compile(r"^(?P<prefix>.+):(?P<n>\d+)$")


# ---------------------------------------------------------------- articles

def stored_name(name: str) -> str:
    """The file name an article gets in ``articles/``: its own name, ``.html``/``.htm`` as ``.txt``."""
    base = Path(name).name
    stem = base[: -len(Path(base).suffix)] if Path(base).suffix.lower() in (".txt", ".html", ".htm") else base
    if not stem or stem in (".", "..", "-") or stem.startswith("."):
        raise ValueError(f"{name!r}: not a usable article file name")
    return stem + ".txt"


def add_article(labels_root: str | Path, name: str, text: str) -> str:
    """Copy an article's text into ``labels_root/articles/`` and return the name it is stored under.

    ``name`` is the article's path or file name; the file keeps its name (HTML, already reduced
    to text by the caller, is stored as ``<stem>.txt``). ``text`` is written as UTF-8 with no
    newline translation, so label offsets index it exactly as the tagger did. If an article of
    that name is already there with the same text it is reused; with a different text this
    raises ValueError rather than overwrite the text that existing labels point into.
    The write is atomic: a temporary file in the same folder, fsync'ed, then ``os.replace``.
    """
    root = Path(labels_root)
    if not root.is_dir():
        raise ValueError(f"{root}: no such labels folder")
    if not text.strip():
        raise ValueError(f"{name}: empty article")
    doc = stored_name(name)
    folder = root / ARTICLES_DIR
    folder.mkdir(exist_ok=True)
    dest = folder / doc
    data = text.encode("utf-8")
    if dest.exists():
        if dest.read_bytes() == data:
            return doc
        raise ValueError(f"{dest}: a different article with this name is already labelled; "
                         f"rename the new file (e.g. {Path(doc).stem}_2{Path(doc).suffix}) and try again")
    # The temporary name ends in .tmp, so neither read_articles (*.txt) nor a crash leaves an article.
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{doc}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if dest.exists():  # appeared meanwhile (another session): same rule as above
            if dest.read_bytes() != data:
                raise ValueError(f"{dest}: a different article with this name is already labelled")
            os.unlink(tmp)
            return doc
        os.replace(tmp, dest)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    _fsync_dir(folder)
    return doc


# ---------------------------------------------------------------- appending answers

def append_label(labels_root: str | Path, quote: Quote, note: str | None = None) -> str:
    """Append one labelled span to ``quotes.jsonl`` and return its new id.

    The record has the fields of labels/README.md: ``id`` continues the article's numbering
    (``<prefix>:<nnn>``, the prefix its existing ids use, else the file's stem; the next number
    after the highest used), then ``doc``, ``start``, ``end``, ``quote``, ``speaker``, ``stance``
    and ``note`` when given. Raises ValueError, writing nothing, when the record would fail
    ``quotestance labels check``: unknown stance, article missing from ``articles/``, offsets
    that do not give ``quote``, a span across a paragraph break, or a span overlapping one
    already answered (in quotes.jsonl or not_quotes.jsonl).
    """
    root = Path(labels_root)
    if quote.stance not in STANCES:
        raise ValueError(f"unknown stance {quote.stance!r} (expected one of {', '.join(STANCES)})")
    if quote.speaker is not None and (not isinstance(quote.speaker, str) or not quote.speaker.strip()):
        raise ValueError("speaker should be a name or None")
    _check_span(root, quote)

    def record(existing: list[dict]) -> dict:
        _refuse_overlap(quote, existing + _read_jsonl(root / NOT_QUOTES_FILE))
        rec = {"id": _next_id(existing, quote.doc), "doc": quote.doc, "start": quote.start, "end": quote.end,
               "quote": quote.quote, "speaker": quote.speaker, "stance": quote.stance}
        if note:
            rec["note"] = note
        return rec

    return _append(root / QUOTES_FILE, record)["id"]


def append_not_quote(labels_root: str | Path, quote: Quote) -> None:
    """Append ``{"doc", "start", "end", "quote"}`` to ``not_quotes.jsonl``: the span is not a quote.

    Same guarantees and the same refusals (bad span, overlap with any answered span) as
    ``append_label``.
    """
    root = Path(labels_root)
    _check_span(root, quote)

    def record(existing: list[dict]) -> dict:
        _refuse_overlap(quote, existing + _read_jsonl(root / QUOTES_FILE))
        return {"doc": quote.doc, "start": quote.start, "end": quote.end, "quote": quote.quote}

    _append(root / NOT_QUOTES_FILE, record)


def repair_tail(path: str | Path) -> bytes:
    """Make ``path`` end with a newline again after a crash mid-write; return the bytes removed.

    A writer killed during its ``os.write`` (or a power cut before the data reached the disk)
    can leave a last line without its ``\\n``. Appending after it would glue the next record
    onto that fragment and make both unreadable, so before every append:

    * a last line that is a complete JSON object (say, a file edited by hand and saved without
      a final newline) is kept and given its ``\\n``;
    * anything else after the last ``\\n`` is a partial record and is truncated away. Only an
      answer that was never completely written is lost; that answer's question is asked again
      the next time, since its span is not in the file.

    A missing or empty file is left as it is. Returns the removed fragment (``b""`` if none),
    so a caller can say what was repaired.
    """
    path = Path(path)
    if not path.exists():
        return b""
    fd = os.open(path, os.O_RDWR | os.O_APPEND)
    try:
        with _locked(fd):
            return _repair_fd(fd)
    finally:
        os.close(fd)


def _append(path: Path, make_record) -> dict:
    """Lock, repair, read, build the record from what is there, write it in one ``os.write``, fsync."""
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        with _locked(fd):
            _repair_fd(fd)
            rec = make_record(_parse_lines(_read_all(fd)))
            line = (json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8")
            size = os.fstat(fd).st_size
            written = os.write(fd, line)
            if written != len(line):  # disk full and the like: take the fragment back out
                os.ftruncate(fd, size)
                raise OSError(f"{path}: short write ({written} of {len(line)} bytes); nothing recorded")
            os.fsync(fd)
    finally:
        os.close(fd)
    return rec


def _repair_fd(fd: int) -> bytes:
    size = os.fstat(fd).st_size
    if size == 0 or os.pread(fd, 1, size - 1) == b"\n":
        return b""
    # Find the last newline, reading backwards in blocks.
    pos, cut = size, 0
    while pos > 0:
        n = min(pos, 1 << 16)
        block = os.pread(fd, n, pos - n)
        i = block.rfind(b"\n")
        if i >= 0:
            cut = pos - n + i + 1
            break
        pos -= n
    tail = os.pread(fd, size - cut, cut)
    try:
        complete = isinstance(json.loads(tail.decode("utf-8")), dict)
    except (UnicodeDecodeError, json.JSONDecodeError):
        complete = False
    if complete:
        os.write(fd, b"\n")
        os.fsync(fd)
        return b""
    os.ftruncate(fd, cut)
    os.fsync(fd)
    return tail


def _read_all(fd: int) -> bytes:
    size = os.fstat(fd).st_size
    chunks, off = [], 0
    while off < size:
        b = os.pread(fd, min(size - off, 1 << 20), off)
        if not b:
            break
        chunks.append(b)
        off += len(b)
    return b"".join(chunks)


class _locked:
    """An exclusive ``flock`` on ``fd`` for the duration (no-op where fcntl is missing)."""

    def __init__(self, fd: int):
        self.fd = fd

    def __enter__(self):
        if fcntl is not None:
            fcntl.flock(self.fd, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        if fcntl is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
        return False


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


# ---------------------------------------------------------------- reading answers

def _parse_lines(data: bytes) -> list[dict]:
    """The JSON objects in JSON Lines bytes; lines that are not objects are skipped (the check reports them)."""
    out = []
    # Lines end at "\n" only: the records are written with ensure_ascii=False, so a quote's U+2028,
    # U+2029 or U+0085 stands raw inside its line, and str.splitlines() would break the line there.
    for raw in data.decode("utf-8", errors="replace").split("\n"):
        if not raw.strip():
            continue
        try:
            rec = json.loads(raw)
        except json.JSONDecodeError:
            continue
        if isinstance(rec, dict):
            out.append(rec)
    return out


def _read_jsonl(path: Path) -> list[dict]:
    return _parse_lines(path.read_bytes()) if path.is_file() else []


def _spans(recs: list[dict], doc: str) -> set[tuple[int, int]]:
    return {(r["start"], r["end"]) for r in recs
            if r.get("doc") == doc and isinstance(r.get("start"), int) and isinstance(r.get("end"), int)}


def already_labelled(labels_root: str | Path, doc: str) -> set[tuple[int, int]]:
    """``(start, end)`` of every span of ``doc`` already answered, in quotes.jsonl or not_quotes.jsonl."""
    return answered_spans(labels_root).get(doc, set())


def answered_spans(labels_root: str | Path) -> dict[str, set[tuple[int, int]]]:
    """Per article, ``(start, end)`` of every span answered in quotes.jsonl or not_quotes.jsonl."""
    root = Path(labels_root)
    out: dict[str, set[tuple[int, int]]] = {}
    for r in _read_jsonl(root / QUOTES_FILE) + _read_jsonl(root / NOT_QUOTES_FILE):
        if isinstance(r.get("doc"), str) and isinstance(r.get("start"), int) and isinstance(r.get("end"), int):
            out.setdefault(r["doc"], set()).add((r["start"], r["end"]))
    return out


def overlaps(span: tuple[int, int], answered: set[tuple[int, int]]) -> bool:
    """True when ``span`` shares at least one character with an answered span."""
    s, e = span
    return any(s < ae and as_ < e for as_, ae in answered)


def _check_span(root: Path, quote: Quote) -> None:
    path = root / ARTICLES_DIR / quote.doc
    if Path(quote.doc).name != quote.doc or not quote.doc.endswith(".txt") or not path.is_file():
        raise ValueError(f"article {quote.doc!r} not found in {root / ARTICLES_DIR}; add it first")
    text = path.read_bytes().decode("utf-8")
    if not 0 <= quote.start < quote.end <= len(text) or text[quote.start:quote.end] != quote.quote:
        raise ValueError(f"{quote.doc}: offsets {quote.start}:{quote.end} do not give the quote {quote.quote!r}")
    if crosses_break(quote.quote):
        raise ValueError(f"{quote.doc}: span {quote.start}:{quote.end} crosses a paragraph break")


def _refuse_overlap(quote: Quote, recs: list[dict]) -> None:
    for s, e in sorted(_spans(recs, quote.doc)):
        if quote.start < e and s < quote.end:
            raise ValueError(f"{quote.doc}: span {quote.start}:{quote.end} overlaps span {s}:{e} already answered")


def _next_id(recs: list[dict], doc: str) -> str:
    """``<prefix>:<nnn>`` after the highest number the article's prefix has used."""
    prefixes = [m["prefix"] for r in recs if r.get("doc") == doc and isinstance(r.get("id"), str)
                for m in [_ID.match(r["id"])] if m]
    prefix = max(set(prefixes), key=prefixes.count) if prefixes else Path(doc).stem
    used = {r.get("id") for r in recs}
    n = max((int(m["n"]) for r in recs if isinstance(r.get("id"), str)
             for m in [_ID.match(r["id"])] if m and m["prefix"] == prefix), default=0) + 1
    while f"{prefix}:{n:03d}" in used:  # pragma: no cover - only with hand-made gaps and clashes
        n += 1
    return f"{prefix}:{n:03d}"


# ---------------------------------------------------------------- what to label, what to re-check

def margin(q: Quote) -> float:
    """Top probability minus the second: how sure the model is of its stance (0 = a coin toss)."""
    if not q.probabilities:
        raise ValueError(f"{q.doc}:{q.start}: quote has no stance probabilities")
    top = sorted(q.probabilities.values(), reverse=True)
    return top[0] - (top[1] if len(top) > 1 else 0.0)


def least_sure(quotes: list[Quote]) -> list[Quote]:
    """The quotes, least sure first: by margin between the two likeliest stances, then doc and start."""
    return sorted(quotes, key=lambda q: (round(margin(q), 12), q.doc, q.start))


@dataclass(frozen=True)
class Contradiction:
    """A labelled quote whose stance the cross-validated model predicts otherwise, confidently."""

    id: str
    doc: str
    start: int
    end: int
    quote: str
    speaker: str | None
    label: str
    predicted: str
    probability: float  # the model's probability for ``predicted``
    probabilities: dict[str, float]


def review(labels: LabelSet, threshold: float = REVIEW_THRESHOLD, target=None, estimator=None,
           invented: LabelSet | None = None) -> list[Contradiction]:
    """Labels the model contradicts with probability >= ``threshold``, most confident first.

    Each quote is predicted by a model fitted without its article (training/evaluate.py's
    leave-one-article-out ``grouped_predictions``), so a label is never judged by a model that
    learned it. ``estimator``: the unfitted pipeline to cross-validate; default, the full feature
    set at C=1. The CLI passes the shipped model's settings, which were chosen on all articles:
    only that choice of feature groups and C has seen the judged article. ``invented``: labelled
    invented articles added to every fit, as the shipped model was when its card says so.
    Ties are broken by id.
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold {threshold} should be above 0 and at most 1")
    if not labels.quotes:
        return []
    import numpy as np
    from threadpoolctl import threadpool_limits

    from quotestance.model.target import MANDELSON
    from quotestance.training.evaluate import extra_quotes, grouped_predictions, with_cues
    from quotestance.training.pipeline import stance_pipeline

    target = target or MANDELSON
    quotes = with_cues(labels, target)
    X = np.array(quotes, dtype=object)
    y = np.array([q.stance for q in quotes])
    groups = np.array([q.doc for q in quotes])
    for doc in sorted(set(groups)):  # each fold's model must have seen every stance
        missing = [s for s in STANCES if s not in set(y[groups != doc])]
        if missing:
            raise ValueError(f"review holds out one article at a time; without {doc} no label is "
                             f"{' or '.join(missing)}, so label more articles first")
    # Many small fits: BLAS threads only contend with each other here (several times slower).
    with threadpool_limits(limits=1):
        _, probs = grouped_predictions(estimator if estimator is not None else stance_pipeline(target),
                                       X, y, groups, proba=True, extra=extra_quotes(invented, quotes, target))
    out = []
    for q, p in zip(quotes, probs):
        i = int(np.argmax(p))
        predicted, prob = STANCES[i], float(p[i])
        if predicted != q.stance and prob >= threshold:
            out.append(Contradiction(q.id, q.doc, q.start, q.end, q.quote, q.speaker, q.stance, predicted,
                                     round(prob, 4), {c: round(float(v), 4) for c, v in zip(STANCES, p)}))
    return sorted(out, key=lambda c: (-c.probability, c.id))


def unanswered(labels: LabelSet) -> dict[str, int]:
    """Per article, the spans the extraction finds that overlap no span answered in quotes.jsonl or
    not_quotes.jsonl: what `label` would still ask (a session left before the end); only articles
    with some. Extraction scores such spans as false positives, and stance never sees them."""
    from quotestance.model.extract import extract_quotes

    answered_by_doc = answered_spans(labels.root)
    out = {}
    for doc, text in labels.articles.items():
        answered = answered_by_doc.get(doc, set())
        n = sum(not overlaps((q.start, q.end), answered) for q in extract_quotes(text, doc))  # as `label` asks
        if n:
            out[doc] = n
    return out
