"""`quotestance labels check`: counts on good labels, every problem and exit 1 on bad ones."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from conftest import LABELS, write_jsonl
from quotestance.cli.app import app

runner = CliRunner()


def test_labels_check_on_real_labels_prints_counts():
    result = runner.invoke(app, ["labels", "check", str(LABELS)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].endswith("spans in 27 articles: labels OK")
    assert "per stance:" in lines and "per article:" in lines and "per speaker:" in lines
    assert any(line.split() == ["12", "Gloria", "Allred"] for line in lines)


def test_labels_check_small_copy_exact_output(labels_copy):
    root, recs = labels_copy
    result = runner.invoke(app, ["labels", "check", str(root)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == [f"{len(recs)} spans in 2 articles: labels OK", ""]


def test_labels_check_reports_problems_on_stderr_and_exits_1(labels_copy):
    root, recs = labels_copy
    recs[1]["stance"] = "angry"
    write_jsonl(root / "quotes.jsonl", recs[:1] + ["not json"] + recs[1:])
    result = runner.invoke(app, ["labels", "check", str(root)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{root / 'quotes.jsonl'}:2: malformed JSON: Expecting value at column 1",
        f"{root / 'quotes.jsonl'}:3: unknown stance 'angry' (expected one of supporting, criticising, neutral)",
        f"quotestance: error: 2 problem(s) in {root}",
    ]


def test_labels_check_missing_folder(tmp_path):
    result = runner.invoke(app, ["labels", "check", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert result.stderr == f"quotestance: error: {tmp_path / 'nope'}: no such folder\n"


def test_labels_given_as_a_file_or_missing_say_so(tmp_path):
    for args in (["labels", "check"], ["evaluate", "--extraction-only", "--labels"], ["train", "--labels"]):
        result = runner.invoke(app, [*args, str(LABELS / "quotes.jsonl")])
        assert result.exit_code == 1
        assert result.stderr == (f"quotestance: error: {LABELS / 'quotes.jsonl'}: a file; give the labels folder "
                                 "(the one holding articles/ and quotes.jsonl)\n")
        result = runner.invoke(app, [*args, str(tmp_path / "nope")])
        assert result.stderr == f"quotestance: error: {tmp_path / 'nope'}: no such folder\n"


def test_a_cut_last_line_is_reported_plainly(labels_copy):
    root, recs = labels_copy
    (root / "quotes.jsonl").write_text((root / "quotes.jsonl").read_text(encoding="utf-8") + '{"id": "c0', encoding="utf-8")
    result = runner.invoke(app, ["labels", "check", str(root)])
    assert result.stderr.splitlines()[0] == (f"{root / 'quotes.jsonl'}:{len(recs) + 1}: malformed JSON: "
                                             "Unterminated string starting at column 8")


def test_evaluate_leaves_out_a_group_with_no_articles(labels_copy):
    root, recs = labels_copy  # c02 and c03: development articles only
    result = runner.invoke(app, ["evaluate", "--extraction-only", "--labels", str(root)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines[1:-1]] == ["development"]
    assert lines[1].endswith(f"({len(recs)})")
    assert lines[-1].startswith("(none of the unseen articles, c17.txt,")


def test_train_refuses_invalid_labels_and_writes_nothing(labels_copy, tmp_path):
    root, recs = labels_copy
    recs[0]["stance"] = "angry"
    write_jsonl(root / "quotes.jsonl", recs)
    out = tmp_path / "model" / "stance.joblib"
    result = runner.invoke(app, ["train", "--labels", str(root), "--out", str(out)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{root / 'quotes.jsonl'}:1: unknown stance 'angry' (expected one of supporting, criticising, neutral)",
        f"quotestance: error: 1 problem(s) in {root}",
    ]
    assert not out.parent.exists()


def test_train_and_evaluate_refuse_zero_jobs(labels_copy, tmp_path):
    root, _ = labels_copy
    out = tmp_path / "model" / "stance.joblib"
    for args in (["train", "--out", str(out)], ["evaluate"]):
        result = runner.invoke(app, [*args, "--labels", str(root), "--jobs", "0"])
        assert result.exit_code == 2  # a usage error
        assert result.stderr == "quotestance: error: --jobs must be 1 or more, or -1 for one per CPU (got 0)\n"
    assert not out.parent.exists()


def test_train_with_two_jobs_writes_a_model_that_tags(labels_copy, tmp_path):
    from quotestance.model.stance import StanceModel
    from quotestance.model.tagger import find_quotes

    root, recs = labels_copy
    out = tmp_path / "model" / "stance.joblib"
    result = runner.invoke(app, ["train", "--labels", str(root), "--out", str(out), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert "settings chosen in the outer folds:" in result.stdout
    model = StanceModel.load(out)
    assert model.card["labels"]["quotes"] == len(recs)
    assert model.card["selection"]["chosen"] in {c for c in model.card["selection"]["inner_macro_f1"]}
    text = (root / "articles" / "c02.txt").read_text(encoding="utf-8")
    tagged = model.predict(find_quotes(text, "c02.txt", model.target))
    assert tagged and all(q.stance in ("supporting", "criticising", "neutral") for q in tagged)
    # A first model at a new path is set beside the shipped one, and the report says the figures
    # are not like for like (other labels, no invented articles here).
    assert "against the shipped model:" in result.stdout
    assert "not like for like: the labels differ" in result.stdout
    assert "one used the invented articles and the other did not" in result.stdout

    # Again on the same labels: set beside the model it replaces, like for like; the replaced
    # model is kept and loads by the name train gives for it.
    again = runner.invoke(app, ["train", "--labels", str(root), "--out", str(out), "--jobs", "2"])
    assert again.exit_code == 0, again.output
    assert "against the previous model:" in again.stdout
    assert "like for like: same labels, options and target" in again.stdout
    assert "change     +0.000" in again.stdout  # training is deterministic
    kept = out.with_name("stance.joblib.previous")
    assert f"the previous model is kept as {kept.name}" in again.stderr
    assert StanceModel.load(kept).card["labels"] == model.card["labels"]
    tagged_kept = runner.invoke(app, ["tag", str(root / "articles" / "c02.txt"), "--model", str(kept), "-f", "jsonl"])
    assert tagged_kept.exit_code == 0, tagged_kept.output

    # A card edited by hand (it still verifies: the hash covers the model) with no figures: not
    # compared, said in one line, and the new model is written as usual.
    import json

    card = out.with_name("stance.card.json")
    card.write_text(json.dumps({k: v for k, v in json.loads(card.read_text(encoding="utf-8")).items() if k != "evaluation"}),
                    encoding="utf-8")
    third = runner.invoke(app, ["train", "--labels", str(root), "--out", str(out), "--jobs", "2"])
    assert third.exit_code == 0, third.output
    assert "the previous model has no held-out figures on its card to compare with" in third.stdout
    assert "evaluation" in json.loads(card.read_text(encoding="utf-8"))


def test_a_labelled_span_across_a_unicode_paragraph_separator_is_a_problem(labels_copy):
    root, recs = labels_copy
    text = "Jane Smith said: “It was fine.\u2029And then it was not,” on Tuesday.\n"
    (root / "articles" / "u.txt").write_text(text, encoding="utf-8")
    span = "It was fine.\u2029And then it was not,"
    start = text.index(span)
    write_jsonl(root / "quotes.jsonl", recs + [{"id": "u:001", "doc": "u.txt", "start": start, "end": start + len(span),
                                               "quote": span, "speaker": "Jane Smith", "stance": "neutral"}])
    result = runner.invoke(app, ["labels", "check", str(root)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"{root / 'quotes.jsonl'}:{len(recs) + 1}: span crosses a paragraph break"


def test_train_on_one_article_says_it_needs_two_and_writes_nothing(labels_copy, tmp_path):
    from conftest import write_jsonl

    root, recs = labels_copy
    write_jsonl(root / "quotes.jsonl", [r for r in recs if r["doc"] == "c03.txt"])
    out = tmp_path / "model" / "stance.joblib"
    result = runner.invoke(app, ["train", "--labels", str(root), "--out", str(out)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("quotestance: warning: c02.txt: ")  # its quotes are no longer answered
    assert lines[1] == "training on %d quotes from 1 article (1 more have none) ..." % sum(r["doc"] == "c03.txt" for r in recs)
    assert result.stderr.splitlines()[-1] == (
        "quotestance: error: stance is scored on articles it was not trained on, so it needs labelled quotes from "
        f"at least 2 articles; {root} has them from 1 (c03.txt)")
    assert not out.exists()


def test_labels_check_reads_not_quotes_too(labels_copy):
    root, recs = labels_copy
    text = (root / "articles" / "c03.txt").read_text(encoding="utf-8")
    labelled = next(r for r in recs if r["doc"] == "c03.txt")
    word = "Mandelson"
    at = text.index(word)
    assert not any(r["doc"] == "c03.txt" and r["start"] < at + len(word) and at < r["end"] for r in recs)
    good = {"doc": "c03.txt", "start": at, "end": at + len(word), "quote": word}
    lines = [good,
             "{not json",
             dict(good, quote="Mandelsen"),
             {"doc": "c03.txt", "start": labelled["start"], "end": labelled["end"], "quote": labelled["quote"]},
             good,
             dict(good, doc="nowhere.txt")]
    write_jsonl(root / "not_quotes.jsonl", lines)
    result = runner.invoke(app, ["labels", "check", str(root)])
    assert result.exit_code == 1
    nq = root / "not_quotes.jsonl"
    assert result.stderr.splitlines() == [
        f"{nq}:2: malformed JSON: Expecting property name enclosed in double quotes at column 2",
        f"{nq}:3: offsets do not match the text: text[{at}:{at + len(word)}] is 'Mandelson', quote is 'Mandelsen'",
        f"{nq}:4: span {labelled['start']}:{labelled['end']} in c03.txt is labelled as a quote on "
        f"{root / 'quotes.jsonl'}:{recs.index(labelled) + 1}",
        f"{nq}:5: span {at}:{at + len(word)} in c03.txt already on line 1",
        f"{nq}:6: article 'nowhere.txt' not found in articles/",
        f"quotestance: error: 5 problem(s) in {root}",
    ]
    write_jsonl(root / "not_quotes.jsonl", [good])
    assert runner.invoke(app, ["labels", "check", str(root)]).exit_code == 0


def test_the_shipped_not_quotes_are_valid_and_not_offered_again():
    from quotestance.cli.articles import read_article
    from quotestance.training.labelling import already_labelled

    result = runner.invoke(app, ["labels", "check", str(LABELS)])
    assert result.exit_code == 0, result.output
    # The scare quotes and section name the extraction finds in the labelled articles are answered.
    for doc, quote in (("c05.txt", "friends"), ("c06.txt", "see")):
        text = read_article(str(LABELS / "articles" / doc))
        start = text.index(f"“{quote}”") + 1
        assert (start, start + len(quote)) in already_labelled(LABELS, doc)


@pytest.mark.parametrize("speaker", ["Sharon Grahm\u001b[D\u001b[Da", "Ann\tSmith"])
def test_a_speaker_with_control_characters_is_a_problem(labels_copy, speaker):
    root, recs = labels_copy
    recs[0]["speaker"] = speaker
    write_jsonl(root / "quotes.jsonl", recs)
    result = runner.invoke(app, ["labels", "check", str(root)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{root / 'quotes.jsonl'}:1: field 'speaker' holds control characters: {speaker!r} "
        "(arrow keys typed at a prompt?)")


def test_labels_check_warns_of_an_article_left_half_labelled(labels_copy):
    root, recs = labels_copy
    c03 = [r for r in recs if r["doc"] == "c03.txt"]
    write_jsonl(root / "quotes.jsonl", [r for r in recs if r not in c03[-2:]])  # a session left two before the end
    result = runner.invoke(app, ["labels", "check", str(root)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"quotestance: warning: c03.txt: 2 quote(s) found but not answered yet; "
        f"`quotestance label --labels {root} {root / 'articles' / 'c03.txt'}` asks them"]
    write_jsonl(root / "quotes.jsonl", recs)
    assert runner.invoke(app, ["labels", "check", str(root)]).stderr == ""
