"""`quotestance label`, `label --suggest` and `labels review`, on temporary copies of real labels
with a real article added as the new one. Guesses are read from the shipped model at test time,
so the tests hold when the model is retrained."""
from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ARTICLES, LABELS, article
from quotestance.cli.app import app
from quotestance.model.record import STANCES
from quotestance.model.stance import StanceModel
from quotestance.model.tagger import tag_text
from quotestance.training.labelling import margin

runner = CliRunner()
NEW = "c05.txt"  # copied under a new name as the article being labelled


@pytest.fixture(scope="module")
def guesses():
    """What the shipped model says about the new article, in the order `label` asks."""
    return tag_text(article(NEW), "fresh.txt", StanceModel.load())


@pytest.fixture
def setup(labels_copy, tmp_path):
    root, recs = labels_copy
    news = tmp_path / "news"
    news.mkdir()
    shutil.copy(ARTICLES / NEW, news / "fresh.txt")
    return root, recs, news / "fresh.txt"


def label(path, root, answers: str):
    return runner.invoke(app, ["label", str(path), "--labels", str(root)], input=answers)


def lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def rec(q, n, speaker, stance):
    return {"id": f"fresh:{n:03d}", "doc": "fresh.txt", "start": q.start, "end": q.end, "quote": q.quote,
            "speaker": speaker, "stance": stance}


def check_passes(root):
    result = runner.invoke(app, ["labels", "check", str(root)])
    assert result.exit_code == 0, result.stderr
    return result


def test_answers_are_saved_as_given_and_quitting_keeps_them(setup, guesses):
    root, recs, path = setup
    g = guesses
    assert len(g) >= 6
    # Enter, s, p+name+c, x, k, then q halfway through.
    result = label(path, root, "\ns\np\nJane  Doe\nc\nx\nk\nq\n")
    assert result.exit_code == 0, result.output
    assert (root / "articles" / "fresh.txt").read_bytes() == (ARTICLES / NEW).read_bytes()
    assert lines(root / "quotes.jsonl") == recs + [
        rec(g[0], 1, g[0].speaker, g[0].stance),  # Enter: the guess as it is
        rec(g[1], 2, g[1].speaker, "supporting"),  # s: guessed speaker, stance from the key
        rec(g[2], 3, "Jane Doe", "criticising"),  # p: the speaker typed, then c
    ]
    assert lines(root / "not_quotes.jsonl") == [{"doc": "fresh.txt", "start": g[3].start, "end": g[3].end,
                                                 "quote": g[3].quote}]
    assert result.stderr.splitlines()[-1] == f"3 labelled, 1 not quotes, 1 skipped, {len(g) - 5} not asked"
    # The paragraph is shown with the quote marked, and the guesses with their probabilities.
    assert f"[[{g[0].quote}]]" in result.stdout.replace("\n    ", " ")
    assert f"{g[0].stance} {g[0].confidence:.0%}" in result.stdout
    assert all(f"{s} {g[0].probabilities[s]:.0%}" in result.stdout for s in STANCES)
    assert check_passes(root).stdout.startswith(f"{len(recs) + 3} spans in 3 articles: labels OK")


def test_rerun_asks_only_what_is_not_answered(setup, guesses):
    root, recs, path = setup
    g = guesses
    label(path, root, "\nx\nk\nq\n")
    result = label(path, root, "n\n")  # then end of input: like q
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == f"fresh.txt: {len(g)} quotes found, 2 already answered, {len(g) - 2} to go " \
                                           f"(labels in {root / 'quotes.jsonl'})"
    shown = [line.split()[2] for line in result.stdout.splitlines() if line.startswith("[")]
    assert shown == [f"{g[2].start}:{g[2].end}", f"{g[3].start}:{g[3].end}"]  # skipped one asked again, then EOF
    assert lines(root / "quotes.jsonl")[len(recs):] == [rec(g[0], 1, g[0].speaker, g[0].stance),
                                                       rec(g[2], 2, g[2].speaker, "neutral")]
    assert result.stderr.splitlines()[-1] == f"1 labelled, 0 not quotes, 0 skipped, {len(g) - 3} not asked"
    check_passes(root)


def test_unknown_answer_is_asked_again_and_p_can_clear_the_speaker(setup, guesses):
    root, recs, path = setup
    result = label(path, root, "zz\np\n\n\nq\n")
    assert result.exit_code == 0
    assert "unknown answer 'zz'" in result.stdout
    assert lines(root / "quotes.jsonl")[len(recs):] == [rec(guesses[0], 1, None, guesses[0].stance)]


def test_a_speaker_typed_with_arrow_keys_is_asked_again(setup, guesses):
    root, recs, path = setup
    result = label(path, root, "p\nSharon Grahm\x1b[D\x1b[Da\nSharon Graham\nc\nq\n")
    assert result.exit_code == 0, result.output
    assert "that name holds control characters (arrow keys or escape codes); type it again" in result.stdout
    assert lines(root / "quotes.jsonl")[len(recs):] == [rec(guesses[0], 1, "Sharon Graham", "criticising")]
    check_passes(root)


def test_a_tab_typed_in_a_speaker_is_a_space(setup, guesses):
    root, recs, path = setup
    result = label(path, root, "p\nAnn\tSmith\nc\nq\n")
    assert result.exit_code == 0, result.output
    assert "control characters" not in result.stdout
    assert lines(root / "quotes.jsonl")[len(recs):] == [rec(guesses[0], 1, "Ann Smith", "criticising")]


def test_a_partial_trailing_line_is_repaired_on_the_next_answer(setup, guesses):
    root, recs, path = setup
    with open(root / "quotes.jsonl", "ab") as f:
        f.write(b'{"id": "fresh:001", "doc": "fresh.txt", "start": 7')  # a crash mid-write
    assert runner.invoke(app, ["labels", "check", str(root)]).exit_code == 1
    result = label(path, root, "c\nq\n")
    assert result.exit_code == 0, result.output
    assert f"repaired {root / 'quotes.jsonl'}: removed a partial last line" in result.stderr
    assert lines(root / "quotes.jsonl") == recs + [rec(guesses[0], 1, guesses[0].speaker, "criticising")]
    check_passes(root)


def test_killed_session_keeps_every_answer_given(setup, guesses):
    root, recs, path = setup
    cmd = [sys.executable, "-c", "from quotestance.cli.app import main; main()",
           "label", str(path), "--labels", str(root)]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        proc.stdin.write(b"\ns\n")  # two answers; the third question then waits for input
        proc.stdin.flush()
        deadline = time.monotonic() + 120
        while len(lines(root / "quotes.jsonl")) < len(recs) + 2:
            assert proc.poll() is None and time.monotonic() < deadline, "label did not record two answers"
            time.sleep(0.1)
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert lines(root / "quotes.jsonl") == recs + [rec(guesses[0], 1, guesses[0].speaker, guesses[0].stance),
                                                   rec(guesses[1], 2, guesses[1].speaker, "supporting")]
    check_passes(root)


def test_suggest_lists_the_least_sure_quotes_by_margin(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    for name in ("c05.txt", "c13.txt"):
        shutil.copy(ARTICLES / name, news / f"new_{name}")
    (tmp_path / "empty").mkdir()  # labels with nothing answered yet
    result = runner.invoke(app, ["label", "--suggest", "3", str(news), "--labels", str(tmp_path / "empty")])
    assert result.exit_code == 0, result.output
    head, *rows = result.stdout.splitlines()
    assert head.split() == ["doc", "span", "margin", "speaker", "supp", "crit", "neut", "quote"]
    assert len(rows) == 3
    model = StanceModel.load()
    everything = [q for name in ("new_c05.txt", "new_c13.txt")
                  for q in tag_text(article(name[4:]), name, model)]
    smallest = sorted(everything, key=lambda q: (margin(q), q.doc, q.start))[:3]
    assert [(r.split()[0], r.split()[1]) for r in rows] == [(q.doc, f"{q.start}:{q.end}") for q in smallest]
    margins = [float(r.split()[2]) for r in rows]
    assert margins == sorted(margins)
    assert result.stderr.strip() == f"3 of {len(everything)} unanswered quotes in 2 article(s), least sure first"


def test_suggest_leaves_out_spans_already_labelled(labels_copy):
    root, recs = labels_copy
    result = runner.invoke(app, ["label", "--suggest", "50", str(root / "articles"), "--labels", str(root)])
    assert result.exit_code == 0, result.output
    done = {(r["doc"], r["start"], r["end"]) for r in recs}
    for row in result.stdout.splitlines()[1:]:
        doc, sp = row.split()[:2]
        s, e = map(int, sp.split(":"))
        assert not any(d == doc and s < de and ds < e for d, ds, de in done)


def _planted_mislabel(root: Path, threshold: float = 0.7):
    """Relabel, in the labels copy at ``root``, one quote the cross-validated model agrees with
    confidently: the model fitted without its article (and with the invented articles, as the
    shipped model was, with the shipped model's settings) gives its labelled stance probability
    >= ``threshold`` + 0.05 (clear of it whatever the rounding). That model never sees the quote's label, so after the relabelling it still
    predicts the old stance with the same probability: a contradiction review has to report.
    Returns (id, new label, predicted stance, probability)."""
    import numpy as np
    from sklearn.base import clone

    from quotestance.training.evaluate import extra_quotes, with_cues
    from quotestance.training.labels import load_labels
    from quotestance.training.pipeline import proba_by_stance
    from quotestance.training.select import fit_with_extra

    shipped = StanceModel.load()
    invented = load_labels(root / "invented") if shipped.card.get("invented", {}).get("in_the_fit") else None
    quotes = with_cues(load_labels(root))
    X = np.array(quotes, dtype=object)
    y = np.array([q.stance for q in quotes])
    docs = np.array([q.doc for q in quotes])
    extra = extra_quotes(invented, quotes)
    for doc in sorted(set(docs)):  # the first article with a confidently agreed label; one fit each
        held = docs == doc
        probs = proba_by_stance(fit_with_extra(clone(shipped.pipeline), X[~held], y[~held], extra), X[held])
        agreed = [(max(p), q, p) for q, p in zip(X[held], probs)
                  if STANCES[int(np.argmax(p))] == q.stance and max(p) >= threshold + 0.05]
        if agreed:
            prob, q, p = max(agreed, key=lambda a: a[0])
            break
    else:
        raise AssertionError("the model agrees confidently with no label at all")
    wrong = STANCES[int(np.argmin(p))]
    path = root / "quotes.jsonl"
    out = []
    for line in path.read_text(encoding="utf-8").split("\n"):  # not splitlines(): a quote may hold U+2028
        if not line.strip():
            continue
        r = json.loads(line)
        if r["id"] == q.id:
            assert r["stance"] == q.stance != wrong
            line = json.dumps({**r, "stance": wrong}, ensure_ascii=False)
        out.append(line + "\n")
    path.write_text("".join(out), encoding="utf-8")
    return q.id, wrong, q.stance, float(prob)


def test_labels_review_on_the_real_labels_reports_a_planted_mislabel(tmp_path):
    """A copy of the real labels (and invented articles) with one label made wrong on purpose:
    review must list it, along with whatever real labels the model disputes."""
    root = tmp_path / "labels"
    shutil.copytree(LABELS, root)
    planted_id, planted_label, planted_pred, planted_prob = _planted_mislabel(root)
    result = runner.invoke(app, ["labels", "review", "--labels", str(root)])
    assert result.exit_code == 0, result.output
    labelled = {r["id"]: r for r in lines(root / "quotes.jsonl")}
    assert labelled[planted_id]["stance"] == planted_label
    out = result.stdout.splitlines()
    assert len(out) >= 2, f"review listed nothing: {result.stdout!r}, {result.stderr!r}"
    rows = out[1:]
    assert out[0].split() == ["id", "label", "predicted", "prob", "quote"]
    probs = []
    found = {}
    for row in rows:
        rid, lab, pred, prob = row.split()[:4]
        assert labelled[rid]["stance"] == lab and pred in STANCES and pred != lab
        assert float(prob) >= 0.7
        probs.append(float(prob))
        found[rid] = (lab, pred, float(prob))
    assert probs == sorted(probs, reverse=True)
    assert planted_id in found, result.stdout
    assert found[planted_id][:2] == (planted_label, planted_pred)
    assert found[planted_id][2] == pytest.approx(planted_prob, abs=0.001)
    assert result.stderr.splitlines()[-1] == f"{len(rows)} of {len(labelled)} labels contradicted with probability >= 0.7"
    # The folds refit the shipped model's own settings, not the defaults.
    chosen = StanceModel.load().card["selection"]["chosen"]
    assert result.stderr.splitlines()[0].startswith(f"cross-validating ({chosen} settings) on {len(labelled)} quotes")


def test_labels_review_refuses_invalid_labels(labels_copy):
    root, recs = labels_copy
    with open(root / "quotes.jsonl", "a", encoding="utf-8") as f:
        f.write("not json\n")
    result = runner.invoke(app, ["labels", "review", "--labels", str(root)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"{root / 'quotes.jsonl'}:{len(recs) + 1}: malformed JSON: Expecting value at column 1",
                                          f"quotestance: error: 1 problem(s) in {root}"]


def _one_error_line(result):
    assert result.exit_code == 1, result.output
    lines_ = result.stderr.splitlines()
    assert len(lines_) == 1 and lines_[0].startswith("quotestance: error: "), result.stderr
    return lines_[0]


@pytest.mark.parametrize("kind, content, message", [
    ("missing", None, "no such file or folder"),
    ("empty", b"", "empty file"),
    ("binary", b"\x00\x01\x02" * 50, "binary file"),
    ("latin1", "Mandelson said “caf\xe9”".encode("latin-1", errors="replace"), "not UTF-8 text"),
])
def test_bad_articles_give_one_error_line_and_write_nothing(setup, tmp_path, kind, content, message):
    root, recs, _ = setup
    bad = tmp_path / f"{kind}.txt"
    if content is not None:
        bad.write_bytes(content)
    for args in (["label", str(bad), "--labels", str(root)], ["label", "--suggest", "2", str(bad), "--labels", str(root)]):
        line = _one_error_line(runner.invoke(app, args, input="\n"))
        assert line.startswith(f"quotestance: error: {bad}: {message}"), line
    assert sorted(p.name for p in (root / "articles").iterdir()) == ["c02.txt", "c03.txt"]
    assert lines(root / "quotes.jsonl") == recs and not (root / "not_quotes.jsonl").exists()


def test_label_takes_a_file_not_a_folder(setup):
    root, _, path = setup
    line = _one_error_line(label(path.parent, root, "\n"))
    assert line == f"quotestance: error: {path.parent}: a folder; label takes one article file (rank a folder with --suggest N)"


@pytest.mark.parametrize("args, message", [
    (["label"], "label takes exactly one article"),
    (["label", "a.txt", "b.txt"], "label takes exactly one article"),
    (["label", "-"], "give the article as a file"),
    (["label", "--suggest", "0", "x.txt"], "--suggest needs a number"),
    (["label", "--suggest", "3"], "--suggest needs the articles"),
    (["label", "--suggest", "3", str(ARTICLES / "c02.txt"), "--labels", "no-such-labels"],
     "no-such-labels: no such folder (--labels: the labels whose answered quotes are left out)"),
    (["labels", "review", "--threshold", "1.5"], "--threshold 1.5"),
])
def test_bad_usage_gives_one_error_line(args, message):
    result = runner.invoke(app, args)
    if "no such folder" in message:  # bad input, not a bad command line
        assert message in _one_error_line(result)
    else:
        assert result.exit_code == 2, result.output
        assert result.stderr.count("\n") == 1 and message in result.stderr


def test_label_refuses_a_different_article_under_a_taken_name(setup, tmp_path):
    root, recs, _ = setup
    other = tmp_path / "c02.txt"
    shutil.copy(ARTICLES / NEW, other)
    line = _one_error_line(label(other, root, "\n"))
    assert "a different article with this name is already labelled" in line
    assert lines(root / "quotes.jsonl") == recs


def test_label_needs_an_existing_labels_folder(setup, tmp_path):
    _, _, path = setup
    assert _one_error_line(label(path, tmp_path / "nope", "\n")) == f"quotestance: error: {tmp_path / 'nope'}: no such folder"


def test_help_has_examples():
    for args in (["label", "--help"], ["labels", "review", "--help"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0 and "Example" in result.stdout
    assert "--suggest" in runner.invoke(app, ["label", "--help"]).stdout
