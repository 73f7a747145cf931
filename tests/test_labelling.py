"""training/labelling.py: adding articles and answers to a copy of labels/, what to label next,
and which labels the cross-validated model disputes. Never touches the real labels/."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import ARTICLES, LABELS, article, write_jsonl
from quotestance.model.record import STANCES, Quote
from quotestance.training.labelling import (NOT_QUOTES_FILE, REVIEW_THRESHOLD, add_article, already_labelled,
                                             append_label, append_not_quote, least_sure, margin, repair_tail,
                                             review)
from quotestance.training.labels import load_labels, read_labels

NEW = "c05.txt"  # a real article, added to the copy under a new name as "the new article"


def lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def real_labels(doc: str) -> list[dict]:
    return [r for r in lines(LABELS / "quotes.jsonl") if r["doc"] == doc]


def span(doc: str, n: int) -> Quote:
    """The n-th labelled span of a real article (its real offsets), as an unlabelled Quote."""
    r = real_labels(NEW)[n]
    return Quote(doc=doc, start=r["start"], end=r["end"], quote=r["quote"])


@pytest.fixture
def with_new(labels_copy):
    """The labels copy with c05's text added as fresh.txt (no labels for it yet)."""
    root, recs = labels_copy
    assert add_article(root, "somewhere/fresh.txt", article(NEW)) == "fresh.txt"
    return root, recs


# ---------------------------------------------------------------- add_article

def test_add_article_copies_byte_for_byte_and_reuses_identical(labels_copy, tmp_path):
    root, _ = labels_copy
    text = article(NEW)
    assert add_article(root, str(tmp_path / "fresh.txt"), text) == "fresh.txt"
    assert (root / "articles" / "fresh.txt").read_bytes() == (ARTICLES / NEW).read_bytes()
    assert add_article(root, "fresh.txt", text) == "fresh.txt"  # same text: reused, no error
    assert sorted(p.name for p in (root / "articles").iterdir()) == ["c02.txt", "c03.txt", "fresh.txt"]  # no temp left


def test_add_article_refuses_a_different_article_with_the_same_name(labels_copy):
    root, _ = labels_copy
    before = (root / "articles" / "c02.txt").read_bytes()
    with pytest.raises(ValueError, match="different article with this name"):
        add_article(root, "elsewhere/c02.txt", article(NEW))
    assert (root / "articles" / "c02.txt").read_bytes() == before


def test_add_article_html_is_stored_as_txt(labels_copy):
    root, _ = labels_copy
    assert add_article(root, "news/page.html", "He said “hello”.\n") == "page.txt"
    assert (root / "articles" / "page.txt").read_text(encoding="utf-8") == "He said “hello”.\n"


def test_add_article_bad_input(labels_copy, tmp_path):
    root, _ = labels_copy
    with pytest.raises(ValueError, match="empty"):
        add_article(root, "x.txt", "  \n")
    with pytest.raises(ValueError, match="no such labels folder"):
        add_article(tmp_path / "nope", "x.txt", "text")
    with pytest.raises(ValueError, match="file name"):
        add_article(root, "-", "text")


# ---------------------------------------------------------------- append_label / append_not_quote

def test_append_label_writes_the_readme_format_and_numbers_on(with_new):
    root, recs = with_new
    a, b = span("fresh.txt", 0), span("fresh.txt", 3)
    assert append_label(root, Quote(**{**_fields(a), "speaker": "Keir Starmer", "stance": "supporting"})) == "fresh:001"
    assert append_label(root, Quote(**{**_fields(b), "speaker": None, "stance": "neutral"}), note="rule 16") == "fresh:002"
    got = lines(root / "quotes.jsonl")
    assert got[:len(recs)] == recs  # earlier lines untouched
    assert got[len(recs):] == [
        {"id": "fresh:001", "doc": "fresh.txt", "start": a.start, "end": a.end, "quote": a.quote,
         "speaker": "Keir Starmer", "stance": "supporting"},
        {"id": "fresh:002", "doc": "fresh.txt", "start": b.start, "end": b.end, "quote": b.quote,
         "speaker": None, "stance": "neutral", "note": "rule 16"},
    ]
    assert load_labels(root).quotes[-1].id == "fresh:002"  # the check passes


@pytest.mark.parametrize("brk", ["\u2028", "\u2029", "\x85"])
def test_a_record_holding_a_unicode_line_break_is_read_back_as_one(with_new, brk):
    """Records are written raw (ensure_ascii=False); a speaker or note typed with U+2028 in it
    once split its line, so the answer was asked again and saved under the same id."""
    root, recs = with_new
    a, b = span("fresh.txt", 0), span("fresh.txt", 3)
    append_label(root, Quote(**{**_fields(a), "speaker": f"Keir{brk}Starmer", "stance": "supporting"}), note=f"a{brk}b")
    assert (root / "quotes.jsonl").read_text(encoding="utf-8").count(brk) == 2  # raw, inside one line
    assert already_labelled(root, "fresh.txt") == {(a.start, a.end)}
    assert append_label(root, Quote(**{**_fields(b), "speaker": None, "stance": "neutral"})) == "fresh:002"


def test_append_label_continues_an_articles_own_id_prefix(tmp_path):
    # The seed articles' ids use a short prefix ("000:…"), not the file stem.
    doc = "000_7e3b9d3d92a42027.txt"
    root = tmp_path / "labels"
    (root / "articles").mkdir(parents=True)
    shutil.copy(ARTICLES / doc, root / "articles" / doc)
    recs = real_labels(doc)
    write_jsonl(root / "quotes.jsonl", recs[:-1])
    last = recs[-1]
    new_id = append_label(root, Quote(doc=doc, start=last["start"], end=last["end"], quote=last["quote"],
                                      speaker=last["speaker"], stance=last["stance"]))
    assert new_id == last["id"]  # the numbering continues: the removed last id comes back
    assert read_labels(root)[1] == []


@pytest.mark.parametrize("change, message", [
    ({"stance": "angry"}, "unknown stance"),
    ({"end": 10_000}, "do not give the quote"),
    ({"quote": "something else"}, "do not give the quote"),
    ({"doc": "missing.txt"}, "not found"),
])
def test_append_label_refuses_what_the_check_would_reject(with_new, change, message):
    root, _ = with_new
    before = (root / "quotes.jsonl").read_bytes()
    q = Quote(**{**_fields(span("fresh.txt", 0)), "stance": "neutral", **change})
    with pytest.raises(ValueError, match=message):
        append_label(root, q)
    assert (root / "quotes.jsonl").read_bytes() == before


def test_each_span_is_answered_once(with_new):
    root, recs = with_new
    r = recs[0]  # an existing c02 label: the same or an overlapping span is refused in both files
    inner = Quote(doc=r["doc"], start=r["start"] + 1, end=r["end"], quote=r["quote"][1:], stance="neutral")
    with pytest.raises(ValueError, match="overlaps"):
        append_label(root, inner)
    with pytest.raises(ValueError, match="overlaps"):
        append_not_quote(root, inner)
    q = span("fresh.txt", 2)
    append_not_quote(root, q)
    with pytest.raises(ValueError, match="overlaps"):
        append_label(root, Quote(**{**_fields(q), "stance": "neutral"}))


def test_not_quotes_go_to_their_own_file_and_leave_the_check_alone(with_new):
    root, recs = with_new
    q = span("fresh.txt", 2)
    append_not_quote(root, q)
    assert lines(root / NOT_QUOTES_FILE) == [{"doc": "fresh.txt", "start": q.start, "end": q.end, "quote": q.quote}]
    assert lines(root / "quotes.jsonl") == recs
    labels, problems = read_labels(root)
    assert problems == [] and len(labels.quotes) == len(recs)


def test_already_labelled_covers_both_files(with_new):
    root, recs = with_new
    a, b = span("fresh.txt", 0), span("fresh.txt", 1)
    assert already_labelled(root, "fresh.txt") == set()
    append_label(root, Quote(**{**_fields(a), "stance": "neutral"}))
    append_not_quote(root, b)
    assert already_labelled(root, "fresh.txt") == {(a.start, a.end), (b.start, b.end)}
    assert already_labelled(root, "c02.txt") == {(r["start"], r["end"]) for r in recs if r["doc"] == "c02.txt"}


# ---------------------------------------------------------------- crash safety

def test_a_partial_last_line_is_cut_before_the_next_append(with_new):
    root, recs = with_new
    path = root / "quotes.jsonl"
    half = '{"id": "fresh:001", "doc": "fresh.txt", "sta'
    path.write_bytes(path.read_bytes() + half.encode())  # a writer killed mid-line
    assert read_labels(root)[1] != []  # the check fails on the fragment
    q = span("fresh.txt", 0)
    assert append_label(root, Quote(**{**_fields(q), "stance": "criticising"})) == "fresh:001"
    got = lines(path)
    assert got[:-1] == recs and got[-1]["start"] == q.start and got[-1]["stance"] == "criticising"
    assert read_labels(root)[1] == []


def test_repair_keeps_a_complete_last_line_without_newline(with_new):
    root, recs = with_new
    path = root / "quotes.jsonl"
    path.write_bytes(path.read_bytes().rstrip(b"\n"))  # saved by an editor without the final newline
    assert repair_tail(path) == b""
    assert path.read_bytes().endswith(b"\n") and lines(path) == recs
    path.write_bytes(path.read_bytes() + b'{"id": "x')
    assert repair_tail(path) == b'{"id": "x'
    assert lines(path) == recs
    assert repair_tail(root / "absent.jsonl") == b""


# ---------------------------------------------------------------- least_sure

def _q(doc, start, probs):
    return Quote(doc=doc, start=start, end=start + 1, quote="x", probabilities=dict(zip(STANCES, probs)))


def test_least_sure_orders_by_margin_then_doc_and_start():
    qs = [_q("b.txt", 5, (0.9, 0.05, 0.05)), _q("b.txt", 9, (0.4, 0.35, 0.25)), _q("a.txt", 7, (0.35, 0.4, 0.25)),
          _q("a.txt", 3, (0.5, 0.5, 0.0)), _q("a.txt", 1, (0.6, 0.1, 0.3))]
    out = least_sure(qs)
    assert [(q.doc, q.start) for q in out] == [("a.txt", 3), ("a.txt", 7), ("b.txt", 9), ("a.txt", 1), ("b.txt", 5)]
    assert [round(margin(q), 2) for q in out] == [0.0, 0.05, 0.05, 0.3, 0.85]
    with pytest.raises(ValueError):
        margin(Quote(doc="a", start=0, end=1, quote="x"))


# ---------------------------------------------------------------- review

def test_review_lists_confident_contradictions_most_confident_first(tmp_path):
    root = tmp_path / "labels"
    (root / "articles").mkdir(parents=True)
    keep = ("c04.txt", "c08.txt", "c13.txt", "c14.txt")  # every stance in each
    for doc in keep:
        shutil.copy(ARTICLES / doc, root / "articles" / doc)
    write_jsonl(root / "quotes.jsonl", [r for d in keep for r in real_labels(d)])
    labels = load_labels(root)
    by_id = {q.id: q for q in labels.quotes}
    everything = review(labels, threshold=1e-9)  # every label the model gets wrong
    for r in everything:
        assert r.label == by_id[r.id].stance and r.quote == by_id[r.id].quote
        assert r.predicted in STANCES and r.predicted != r.label
        assert r.probability == max(r.probabilities.values()) == r.probabilities[r.predicted]
    assert [r.probability for r in everything] == sorted((r.probability for r in everything), reverse=True)
    assert everything  # four folds of a few dozen quotes: the model gets some wrong
    assert review(labels, threshold=0.5) == [r for r in everything if r.probability >= 0.5]
    assert review(labels) == [r for r in everything if r.probability >= REVIEW_THRESHOLD]
    with pytest.raises(ValueError, match="threshold"):
        review(labels, threshold=0)


def test_review_fits_with_the_invented_articles_when_given(tmp_path, monkeypatch):
    """The shipped model was fitted with the invented articles: review's folds can be too, and
    the invented quotes are then in every fit and never judged."""
    from quotestance.training import evaluate as ev

    root = tmp_path / "labels"
    (root / "articles").mkdir(parents=True)
    keep = ("c04.txt", "c08.txt", "c13.txt", "c14.txt")
    for doc in keep:
        shutil.copy(ARTICLES / doc, root / "articles" / doc)
    write_jsonl(root / "quotes.jsonl", [r for d in keep for r in real_labels(d)])
    labels = load_labels(root)
    invented = load_labels(LABELS / "invented")
    seen = []
    real_grouped = ev.grouped_predictions
    monkeypatch.setattr(ev, "grouped_predictions",
                        lambda *a, **kw: seen.append(kw.get("extra")) or real_grouped(*a, **kw))
    with_inv = review(labels, threshold=1e-9, invented=invented)
    without = review(labels, threshold=1e-9)
    assert seen[0] is not None and len(seen[0]) > 500 and seen[1] is None
    ids = {q.id for q in labels.quotes}
    assert {r.id for r in with_inv} <= ids  # only real labels are judged
    assert [(r.id, r.probability) for r in with_inv] != [(r.id, r.probability) for r in without]


def test_review_needs_every_stance_outside_each_article(labels_copy):
    root, _ = labels_copy  # c02 and c03: no criticising label at all
    with pytest.raises(ValueError, match="no label is criticising"):
        review(load_labels(root))


def _fields(q: Quote) -> dict:
    return {"doc": q.doc, "start": q.start, "end": q.end, "quote": q.quote}
