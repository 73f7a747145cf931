"""`quotestance summary` and model.summary: per-speaker stance counts, checked on hand-made quotes
with exact rows and on real articles against tag_text; formats; bad input."""
from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from conftest import ARTICLES, article
from quotestance.cli.app import app
from quotestance.cli.articles import expand, read_article
from quotestance.cli.cmd_summary import shorten
from quotestance.model.record import STANCES, Quote
from quotestance.model.stance import StanceModel
from quotestance.model.summary import SpeakerSummary, fuller_names, summarise
from quotestance.model.tagger import tag_text
from quotestance.model.target import Target

runner = CliRunner()
REAL = ["c02.txt", "000_7e3b9d3d92a42027.txt"]


@pytest.fixture(scope="module")
def model() -> StanceModel:
    return StanceModel.load()


def q(speaker: str | None, stance: str | None, confidence: float | None, text: str = "x", doc: str = "d") -> Quote:
    return Quote(doc=doc, start=0, end=len(text), quote=text, speaker=speaker, stance=stance, confidence=confidence)


def rows_of(summary: list[SpeakerSummary]) -> list[tuple]:
    return [(r.speaker, r.supporting, r.criticising, r.neutral, r.total, r.example.quote) for r in summary]


# --- the aggregation, on hand-made quotes ---------------------------------------------------

def test_summarise_counts_order_and_examples():
    quotes = [
        q("Bo", "criticising", 0.6, "bo crit low"),
        q("Al", "neutral", 0.9, "al neutral"),
        q("Bo", "criticising", 0.8, "bo crit high"),
        q("Bo", "supporting", 0.99, "bo supp very sure"),
        q(None, "criticising", 0.7, "nobody crit"),
        q("Cy", "supporting", 0.55, "cy supp"),
        q("Cy", "neutral", 0.95, "cy neutral"),
        q("al", "supporting", 0.5, "lower-case al"),
    ]
    assert rows_of(summarise(quotes)) == [
        ("Bo", 1, 2, 0, 3, "bo crit high"),  # most frequent stance wins over a surer quote of another
        ("Cy", 1, 0, 1, 2, "cy supp"),  # a tie between stances goes to the first of STANCES
        ("Al", 0, 0, 1, 1, "al neutral"),  # equal totals: by name, case-insensitively, then exactly
        ("al", 1, 0, 0, 1, "lower-case al"),
        (None, 0, 1, 0, 1, "nobody crit"),  # unattributed last among equals
    ]


def test_summarise_ties_in_confidence_go_to_the_earliest_and_missing_stance_counts_in_total():
    quotes = [
        q("Al", "neutral", 0.7, "first"),
        q("Al", "neutral", 0.7, "second"),
        q("Al", None, None, "no stance"),
        q("Dee", None, None, "only unstanced"),
        q("Dee", None, None, "another"),
    ]
    rows = summarise(quotes)
    assert rows_of(rows) == [
        ("Al", 0, 0, 2, 3, "first"),
        ("Dee", 0, 0, 0, 2, "only unstanced"),
    ]
    assert [r.stance for r in rows] == ["neutral", None]


def test_summarise_nothing_and_one_speaker_many_articles():
    assert summarise([]) == []
    quotes = [q("Al", "supporting", 0.6, "a", doc="one.txt"), q("Al", "supporting", 0.8, "b", doc="two.txt")]
    (row,) = summarise(iter(quotes))
    assert row == SpeakerSummary("Al", 2, 0, 0, 2, quotes[1])


def test_a_surname_alone_joins_the_one_full_name_other_articles_give():
    quotes = [
        q("Keir Starmer", "supporting", 0.6, "a", doc="one.txt"),
        q("Starmer", "criticising", 0.8, "b", doc="two.txt"),  # an article that only says "Starmer"
        q("Labour", "neutral", 0.7, "c"), q("Scottish Labour", "neutral", 0.7, "d"),  # bodies stay apart
        q("Smith", "neutral", 0.7, "e"), q("Ann Smith", "neutral", 0.7, "f"), q("Bob Smith", "neutral", 0.7, "g"),
        q("Foreign Office", "neutral", 0.7, "h"), q("Office", "neutral", 0.7, "i"),
    ]
    rows = {r.speaker: (r.supporting, r.criticising, r.neutral) for r in summarise(quotes)}
    assert rows["Keir Starmer"] == (1, 1, 0) and "Starmer" not in rows
    assert {"Labour", "Scottish Labour", "Smith", "Ann Smith", "Bob Smith", "Foreign Office", "Office"} <= set(rows)


def test_shorten_to_seventy_characters_at_a_word():
    assert shorten("short quote") == "short quote"
    assert shorten("a  b\n c") == "a b c"
    long = "I think the issue is that because I was a gay man, in his eyes, he trusted me a great deal more."
    cut = shorten(long)
    assert cut == "I think the issue is that because I was a gay man, in his eyes, he\u2026"
    assert len(cut) <= 70
    assert len(shorten("x" * 200)) == 70


# --- the command, on real articles and stdin ------------------------------------------------

def expected_counts(quotes: list[Quote]) -> dict:
    """Counts per speaker straight from the tagged quotes (no use of summarise)."""
    by = Counter((x.speaker, x.stance) for x in quotes)
    totals = Counter(x.speaker for x in quotes)
    return {sp: ({s: by[sp, s] for s in STANCES}, totals[sp]) for sp in totals}


def check_rows(objs: list[dict], quotes: list[Quote]) -> None:
    # a surname alone counts with the one full name other articles give (tested above)
    fuller = fuller_names({x.speaker for x in quotes if x.speaker})
    quotes = [replace(x, speaker=fuller.get(x.speaker, x.speaker)) for x in quotes]
    expected = expected_counts(quotes)
    assert len(objs) == len(expected)
    for o in objs:
        counts, total = expected[o["speaker"]]
        assert {s: o[s] for s in STANCES} == counts
        assert o["total"] == total
        mine = [x for x in quotes if x.speaker == o["speaker"]]
        # the example is the surest quote of a stance with the speaker's highest count
        top = max(counts.values())
        assert any(x.quote == o["example"] and counts[x.stance] == top
                   and x.confidence == max(y.confidence for y in mine if y.stance == x.stance) for x in mine)
    keys = [(-o["total"], o["speaker"] is None, (o["speaker"] or "").casefold()) for o in objs]
    assert keys == sorted(keys)
    assert sum(o["total"] for o in objs) == len(quotes)


def test_jsonl_over_the_labels_folder_matches_tag_text(model):
    result = runner.invoke(app, ["summary", str(ARTICLES), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    names = expand([str(ARTICLES)])
    assert len(names) == 27
    quotes = [x for name in names for x in tag_text(read_article(name), name, model)]
    objs = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(list(o) == ["speaker", "supporting", "criticising", "neutral", "total", "example"] for o in objs)
    check_rows(objs, quotes)
    assert result.stderr == (f"{len(quotes)} quotes from {len(objs)} speakers in {len(names)} articles, "
                             "stance toward Peter Mandelson\n")


def test_table_over_two_articles_matches_tag_text(model):
    paths = [str(ARTICLES / n) for n in REAL]
    result = runner.invoke(app, ["summary", *paths])
    assert result.exit_code == 0, result.stderr
    quotes = [x for n, p in zip(REAL, paths) for x in tag_text(article(n), p, model)]
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["speaker", "supporting", "criticising", "neutral", "total", "example"]
    expected = expected_counts(quotes)
    assert len(lines) == 1 + len(expected)
    for line, row in zip(lines[1:], summarise(quotes)):
        name = row.speaker or "(unattributed)"
        counts, total = expected[row.speaker]
        assert line.startswith(name + " ")
        assert line[len(name):].split()[:4] == [str(counts[s]) for s in STANCES] + [str(total)]
        example = line.split("\u201c", 1)[1]
        assert example.endswith("\u201d") and len(example) <= 72
        assert example[:-1] == shorten(row.example.quote)


def test_csv_has_the_jsonl_rows(model):
    path = str(ARTICLES / "c02.txt")
    as_csv = runner.invoke(app, ["summary", path, "-f", "csv"])
    as_jsonl = runner.invoke(app, ["summary", path, "-f", "jsonl"])
    assert as_csv.exit_code == as_jsonl.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    objs = [json.loads(line) for line in as_jsonl.stdout.splitlines()]
    assert rows == [{k: "" if v is None else str(v) for k, v in o.items()} for o in objs]
    check_rows(objs, tag_text(article("c02.txt"), path, model))


def test_stdin_handmade_text_and_another_target(model):
    text = ('Ann Smith said: "Keir Starmer must resign today."\n'
            '"He has failed the country," Ann Smith added.\n'
            'Bob Jones said: "Starmer is doing a fine job."\n'
            'The paper called it "a farce".\n')
    who = Target("Keir Starmer", ("Starmer",))
    result = runner.invoke(app, ["summary", "-", "-f", "jsonl", "--target", "Keir Starmer", "--alias", "Starmer"],
                           input=text)
    assert result.exit_code == 0, result.stderr
    quotes = tag_text(text, "-", model, who)
    assert {x.speaker for x in quotes} == {"Ann Smith", "Bob Jones", None}
    objs = [json.loads(line) for line in result.stdout.splitlines()]
    check_rows(objs, quotes)
    assert [o["speaker"] for o in objs] == ["Ann Smith", "Bob Jones", None]
    assert result.stderr.endswith("in 1 article, stance toward Keir Starmer\n")


@pytest.mark.parametrize("content, message", [
    (None, "no such file or folder"),
    (b"", "empty file"),
    (b"\x00\x01binary", "binary file, not an article"),
    (b"caf\xe9", "not UTF-8 text (byte 3)"),
])
def test_bad_file_is_one_error_line_and_exit_1(tmp_path, content, message):
    path = tmp_path / "a.txt"
    if content is not None:
        path.write_bytes(content)
    result = runner.invoke(app, ["summary", str(ARTICLES / "c02.txt"), str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"quotestance: error: {path}: {message}\n"


@pytest.mark.parametrize("args, message", [
    (["-f", "xml"], "unknown format 'xml' (choose one of table, jsonl, csv)"),
    (["--alias", "Starmer"], "--alias needs --target"),
])
def test_bad_options_are_one_error_line_and_exit_2(args, message):
    result = runner.invoke(app, ["summary", str(ARTICLES / "c02.txt"), *args])
    assert result.exit_code == 2  # a usage error
    assert result.stderr == f"quotestance: error: {message}\n"


def test_empty_folder_and_empty_stdin(tmp_path):
    result = runner.invoke(app, ["summary", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == f"quotestance: error: {tmp_path}: no articles (.txt, .html) in this folder\n"
    result = runner.invoke(app, ["summary", "-"], input="")
    assert result.exit_code == 1
    assert result.stderr == "quotestance: error: -: empty file\n"
