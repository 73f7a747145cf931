"""The labels loader and check: the real labels pass; every kind of bad record is caught with its line."""
from __future__ import annotations


import pytest

from conftest import ARTICLES, LABELS, write_jsonl
from quotestance.model.record import STANCES
from quotestance.training.labels import LabelsInvalid, load_labels, read_labels


def test_real_labels_pass_and_cover_every_article():
    labels, problems = read_labels(LABELS)
    assert problems == []
    assert sorted(labels.articles) == sorted(p.name for p in ARTICLES.glob("*.txt"))
    assert len(labels.articles) == 27
    per_article = labels.counts()["article"]
    assert all(per_article[name] > 0 for name in labels.articles), "an article has no labelled quote"
    for q in labels.quotes:
        text = labels.articles[q.doc]
        assert text[q.start:q.end] == q.quote
        assert q.stance in STANCES
        assert q.context_start <= q.start and q.end <= q.context_start + len(q.context)


def test_real_labels_include_the_guides_examples():
    labels = load_labels(LABELS)
    by_quote = {(q.doc, q.quote): q for q in labels.quotes}
    resign = by_quote[("000_7e3b9d3d92a42027.txt", "should resign")]
    assert (resign.speaker, resign.stance) == ("Gloria Allred", "criticising")
    regret = [q for q in labels.quotes if q.quote.startswith("I regret very, very deeply indeed")]
    assert regret and all(q.stance == "neutral" and q.speaker == "Peter Mandelson" for q in regret)


def _problems(root):
    _, problems = read_labels(root)
    return [(p.line, p.message) for p in problems]


def test_copy_of_real_labels_is_clean(labels_copy):
    root, recs = labels_copy
    assert recs and _problems(root) == []


@pytest.mark.parametrize(
    "mutate, line, fragment",
    [
        (lambda r: r.update(start=r["start"] + 1), 2, "offsets do not match the text"),
        (lambda r: r.update(stance="hostile"), 2, "unknown stance 'hostile'"),
        (lambda r: r.update(doc="missing.txt"), 2, "article 'missing.txt' not found"),
        (lambda r: r.pop("end"), 2, "missing field 'end'"),
        (lambda r: r.update(start="12"), 2, "field 'start' should be int"),
        (lambda r: r.update(end=10**6), 2, "outside the article"),
    ],
)
def test_each_bad_record_is_reported_with_its_line(labels_copy, mutate, line, fragment):
    root, recs = labels_copy
    mutate(recs[1])
    write_jsonl(root / "quotes.jsonl", recs)
    problems = _problems(root)
    assert len(problems) == 1, problems
    assert problems[0][0] == line and fragment in problems[0][1]


def test_malformed_json_duplicate_id_and_overlap_all_reported_at_once(labels_copy):
    root, recs = labels_copy
    dup = dict(recs[2], id=recs[0]["id"])
    overlap = dict(recs[3], id="extra:1", start=recs[3]["start"] + 1, quote=recs[3]["quote"][1:])
    write_jsonl(root / "quotes.jsonl", recs[:2] + ['{"id": "x", "doc": ', dup, recs[3], overlap] + recs[4:])
    problems = _problems(root)
    assert (3, "malformed JSON: Expecting value at column 20") in problems
    assert any(n == 4 and f"duplicate id {recs[0]['id']!r} (first on line 1)" in m for n, m in problems)
    assert any(n == 6 and "overlaps line 5" in m for n, m in problems)
    assert len(problems) == 3


def test_span_crossing_a_paragraph_break(labels_copy):
    root, recs = labels_copy
    text = (root / "articles" / recs[0]["doc"]).read_text(encoding="utf-8")
    brk = text.index("\n")
    recs[0].update(start=brk - 3, end=brk + 3, quote=text[brk - 3:brk + 3])
    write_jsonl(root / "quotes.jsonl", recs)
    assert _problems(root)[0] == (1, "span crosses a paragraph break")


def test_load_raises_with_every_problem(labels_copy):
    root, recs = labels_copy
    recs[0]["stance"] = "?"
    recs[1]["quote"] = "not the text"
    write_jsonl(root / "quotes.jsonl", recs)
    with pytest.raises(LabelsInvalid) as e:
        load_labels(root)
    assert [p.line for p in e.value.problems] == [1, 2]


def test_missing_quotes_file_and_empty_articles(tmp_path):
    (tmp_path / "articles").mkdir()
    msgs = [m for _, m in _problems(tmp_path)]
    assert msgs == ["no articles (*.txt) found", "file not found"]
