"""`quotestance inspect`: every quote in its paragraph with speaker, cue, stance, probabilities and
explanation, checked against the library's own answers; the HTML page; bad input."""
from __future__ import annotations

import json
import os
import re
from collections import Counter
from html import escape

import pytest
from typer.testing import CliRunner

from conftest import ARTICLES, article
from quotestance.cli.app import app
from quotestance.cli.cmd_inspect import quote_report
from quotestance.model.explain import explain
from quotestance.model.record import STANCES, Quote
from quotestance.model.stance import StanceModel
from quotestance.model.tagger import tag_text
from quotestance.model.target import Target

runner = CliRunner(env={"COLUMNS": "100"})  # the report wraps to the terminal, at most 100 columns
REAL = ["c02.txt", "000_7e3b9d3d92a42027.txt"]
HANDMADE = (
    'Ann Smith, the mayor, said: "We back Peter Mandelson fully."\n'
    "\n"
    '"He is a good man and a loyal friend."\n'
    "\n"
    'The report called the affair "a disgrace <b>&amp;</b> a scandal" last week.\n'
)


@pytest.fixture(scope="module")
def model() -> StanceModel:
    return StanceModel.load()


def flat(s: str) -> str:
    """Whitespace collapsed, so wrapped lines compare with the text they came from."""
    return " ".join(s.split())


def pct(p: float) -> str:
    return f"{p:.1%}"


def words(items) -> str:
    return ", ".join(f"{w} {c:+.3f}" for w, c in items) or "\u2014"


def check_report(stdout: str, quotes: list[Quote], pipeline, target: str) -> None:
    """One block per quote, in order, each naming the quote, speaker, cue, stance, the three
    probabilities and the explanation that the library gives for it."""
    blocks = stdout.rstrip("\n").split("\n\n")
    assert len(blocks) == len(quotes) > 0
    for i, (block, q) in enumerate(zip(blocks, quotes)):
        lines = block.splitlines()
        assert lines[0] == f"quote {i + 1} of {len(quotes)} \u00b7 paragraph {q.paragraph + 1} \u00b7 characters {q.start}\u2013{q.end}"
        assert f"\u00bb{flat(q.quote)}\u00ab" in flat(block)
        a, b = q.start - q.context_start, q.end - q.context_start
        assert flat(f"{q.context[:a]}\u00bb{q.context[a:b]}\u00ab{q.context[b:]}") in flat(block)
        assert f"  speaker   {q.speaker or '(unattributed)'}" in lines
        if q.mention:
            assert f"  named by  \u201c{q.mention}\u201d, cue: {q.cue}" in lines
        elif q.cue:
            assert f"  named by  no cue: {q.cue}" in lines
        else:
            assert "  named by  no cue found" in lines
        assert f"  stance    {q.stance} {pct(q.confidence)} toward {target}" in lines
        probs = " \u00b7 ".join(f"{s} {pct(q.probabilities[s])}" for s in STANCES)
        assert f"            {probs}" in lines
        why = explain(pipeline, q, q.stance)
        text = flat(block)
        assert f"toward {words(why['toward'])}" in text
        assert f"away {words(why['away'])}" in text


@pytest.mark.parametrize("name", REAL)
def test_real_article_shows_every_quote_with_speaker_stance_and_why(name, model):
    path = str(ARTICLES / name)
    result = runner.invoke(app, ["inspect", path])
    assert result.exit_code == 0, result.stderr
    quotes = tag_text(article(name), path, model)
    check_report(result.stdout, quotes, model.pipeline, "Peter Mandelson")
    assert result.stderr == f"{len(quotes)} quotes in {path}, stance toward Peter Mandelson\n"


def test_stdin_handmade_text_with_continuation_and_no_cue(model):
    result = runner.invoke(app, ["inspect", "-"], input=HANDMADE)
    assert result.exit_code == 0, result.stderr
    quotes = tag_text(HANDMADE, "-", model)
    assert [(q.speaker, q.cue) for q in quotes] == [
        ("Ann Smith", "said"), ("Ann Smith", "continues previous quote"), (None, None),
    ]
    check_report(result.stdout, quotes, model.pipeline, "Peter Mandelson")
    assert "  named by  no cue: continues previous quote" in result.stdout.splitlines()
    assert "  speaker   (unattributed)" in result.stdout.splitlines()
    assert result.stderr == "3 quotes in stdin, stance toward Peter Mandelson\n"


def test_other_target_uses_the_retargeted_pipeline(model):
    name = "000_7e3b9d3d92a42027.txt"
    path = str(ARTICLES / name)
    who = Target("Keir Starmer", ("Starmer", "the prime minister"))
    result = runner.invoke(app, ["inspect", path, "--target", "Keir Starmer", "--alias", "Starmer",
                                 "--alias", "the prime minister"])
    assert result.exit_code == 0, result.stderr
    quotes = tag_text(article(name), path, model, who)
    check_report(result.stdout, quotes, model.pipeline_for(who), "Keir Starmer")
    assert result.stderr.endswith("stance toward Keir Starmer\n")


def test_target_never_named_says_why_instead_of_features():
    result = runner.invoke(app, ["inspect", str(ARTICLES / "c02.txt"), "--target", "Zzyzx Qwerty"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines.count("  stance    neutral 100.0% toward Zzyzx Qwerty") == 3
    assert sum(line.startswith("  why       the article never names Zzyzx Qwerty (nor an alias)") for line in lines) == 3
    assert not any(line.startswith(("  toward", "  away")) for line in lines)


def test_explanations_show_masked_names_readably(model):
    """The features see "TARGETX" for the target and "PERSONX" for other names; a person reads
    them as ‹target› and ‹name›, never as words the article does not hold."""
    words = []
    for name in ("c02.txt", "c05.txt", "c13.txt", "c16.txt"):
        for q in tag_text(article(name), name, model):
            why = explain(model.pipeline, q, q.stance)
            words += [w for w, _ in why["toward"] + why["away"]]
    assert not any("targetx" in w or "personx" in w for w in words)
    assert any("‹target›" in w for w in words) and any("‹name›" in w for w in words)


def test_pipeline_for_is_the_model_own_or_a_retargeted_copy(model):
    assert model.pipeline_for(None) is model.pipeline
    assert model.pipeline_for(model.target) is model.pipeline
    other = model.pipeline_for(Target("Keir Starmer", ("Starmer",)))
    assert other is not model.pipeline
    assert list(other.classes_) == list(model.pipeline.classes_)


def test_quote_report_exact_lines():
    context = 'Ann said: "we win" today.'
    q = Quote(doc="d", start=111, end=117, quote="we win", paragraph=2, context=context, context_start=100,
              speaker=None, mention="the aide", cue="said", stance="neutral", confidence=0.5,
              probabilities={"supporting": 0.25, "criticising": 0.25, "neutral": 0.5})
    why = {"toward": [("win", 0.4), ("(paragraph) today", 0.1)], "away": []}
    assert quote_report(q, 0, 3, "Zed", why) == [
        "quote 1 of 3 \u00b7 paragraph 3 \u00b7 characters 111\u2013117",
        '  Ann said: "\u00bbwe win\u00ab" today.',
        "  speaker   (unattributed)",
        "  named by  \u201cthe aide\u201d, cue: said (not resolved to a name)",
        "  stance    neutral 50.0% toward Zed",
        "            supporting 25.0% \u00b7 criticising 25.0% \u00b7 neutral 50.0%",
        "  toward    win +0.400, (paragraph) today +0.100",
        "  away      \u2014",
    ]
    bold = quote_report(q, 0, 1, "Zed", why, bold=True)
    assert bold[1] == '  Ann said: "\033[1mwe win\033[0m" today.'


def test_quote_report_wraps_without_splitting_an_explanation_item():
    q = Quote(doc="d", start=0, end=5, quote="hello", context="hello " + "word " * 40, speaker="Al",
              cue="continues previous quote", stance="supporting", confidence=0.9,
              probabilities={"supporting": 0.9, "criticising": 0.05, "neutral": 0.05})
    why = {"toward": [(f"(paragraph) w{i}", 0.1) for i in range(12)], "away": []}
    lines = quote_report(q, 0, 1, "Zed", why, width=60)
    assert all(len(line) <= 60 for line in lines)
    assert "  named by  no cue: continues previous quote" in lines
    for i in range(12):
        assert sum(f"(paragraph) w{i} +0.100" in line for line in lines) == 1


def test_html_page_has_every_quote_escaped_and_the_speaker_table(tmp_path, model):
    name = "000_7e3b9d3d92a42027.txt"
    path = str(ARTICLES / name)
    out = tmp_path / "page.html"
    result = runner.invoke(app, ["inspect", path, "--html", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == f"wrote {out}"
    assert os.listdir(tmp_path) == ["page.html"]  # no temporary file left behind
    page = out.read_text(encoding="utf-8")
    quotes = tag_text(article(name), path, model)
    data = json.loads(re.search(r'<script type="application/json" id="qs-data">(.*?)</script>', page, re.S).group(1))
    assert [d["quote"] for d in data] == [q.quote for q in quotes]
    for q, d in zip(quotes, data):
        assert escape(q.quote) in page
        assert f'data-q="{d["index"]}"' in page
        why = explain(model.pipeline, q, q.stance)
        assert ["Toward", ", ".join(w for w, _ in why["toward"]) or "\u2014"] in d["rows"]
    counts = Counter((q.speaker or "(unattributed)", q.stance) for q in quotes)
    for speaker in {q.speaker or "(unattributed)" for q in quotes}:
        row = [counts[speaker, s] for s in STANCES]
        cells = "".join(f'<td class="n">{n}</td>' for n in [*row, sum(row)])
        assert f"<tr><td>{escape(speaker)}</td>{cells}</tr>" in page
    assert f"{len(quotes)} quotes</p>" in page


def test_html_from_stdin_escapes_markup_and_replaces_an_old_page(tmp_path, model):
    out = tmp_path / "page.html"
    out.write_text("old page", encoding="utf-8")
    out.chmod(0o640)
    result = runner.invoke(app, ["inspect", "-", "--html", str(out)], input=HANDMADE)
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "old page" not in page and page.rstrip().endswith("</html>")
    assert "<b>" not in page
    assert "a disgrace &lt;b&gt;&amp;amp;&lt;/b&gt; a scandal" in page
    assert "<h1>(stdin)</h1>" in page
    assert out.stat().st_mode & 0o777 == 0o640
    assert sorted(os.listdir(tmp_path)) == ["page.html"]


def test_html_into_a_missing_folder_fails_before_work(tmp_path):
    out = tmp_path / "nope" / "page.html"
    result = runner.invoke(app, ["inspect", str(ARTICLES / "c02.txt"), "--html", str(out)])
    assert result.exit_code == 1
    assert result.stderr == f"quotestance: error: {out}: no such folder {out.parent}\n"
    assert not out.parent.exists()


def bad_inputs(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n")
    (tmp_path / "binary.txt").write_bytes(b"PK\x03\x04\x00\x00 said \"hi\"")
    (tmp_path / "latin1.txt").write_bytes('Ann said "caf\u00e9".\n'.encode("latin-1"))
    return {
        "missing": (str(tmp_path / "missing.txt"), "no such file or folder"),
        "empty": (str(tmp_path / "empty.txt"), "empty file"),
        "blank": (str(tmp_path / "blank.txt"), "empty file"),
        "binary": (str(tmp_path / "binary.txt"), "binary file, not an article"),
        "latin1": (str(tmp_path / "latin1.txt"), "not UTF-8 text (byte 13)"),
    }


@pytest.mark.parametrize("case", ["missing", "empty", "blank", "binary", "latin1"])
def test_bad_input_is_one_error_line_and_exit_1(tmp_path, case):
    path, message = bad_inputs(tmp_path)[case]
    result = runner.invoke(app, ["inspect", path])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"quotestance: error: {path}: {message}\n"


@pytest.mark.parametrize("data, message", [
    (b"", "-: empty file"),
    (b"\x00\x01\x02", "-: binary file, not an article"),
    (b"caf\xe9", "-: not UTF-8 text (byte 3)"),
])
def test_bad_stdin_is_one_error_line_and_exit_1(data, message):
    result = runner.invoke(app, ["inspect", "-"], input=data)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"quotestance: error: {message}\n"


@pytest.mark.parametrize("args, message, code", [
    ([str(ARTICLES)], f"{ARTICLES}: a folder; inspect reads one article (`quotestance tag` reads folders)", 1),
    ([str(ARTICLES / "c02.txt"), "--alias", "Starmer"], "--alias needs --target", 2),  # usage errors: 2
    ([str(ARTICLES / "c02.txt"), "--target", " "], "--target needs a name", 2),
])
def test_bad_options_are_one_error_line_and_exit_1_or_2(args, message, code):
    result = runner.invoke(app, ["inspect", *args])
    assert result.exit_code == code
    assert result.stderr == f"quotestance: error: {message}\n"


def test_two_paths_is_a_usage_error():
    result = runner.invoke(app, ["inspect", str(ARTICLES / "c02.txt"), str(ARTICLES / "c03.txt")])
    assert result.exit_code == 2


@pytest.mark.parametrize("name", ["c02.txt", "c11.txt", "c20.txt"])
def test_the_group_sums_add_up_to_the_models_push_toward_its_label(model, name):
    """"by group" is the whole decision bar the intercept: each quote's group sums add up to its
    class score less the mean over classes, intercepts set aside (so nothing is left out)."""
    clf = model.pipeline.named_steps["clf"]
    for q in tag_text(article(name), name, model):
        why = explain(model.pipeline, q, q.stance)
        k = list(clf.classes_).index(q.stance)
        scores = model.pipeline.decision_function([q])[0]
        push = (scores[k] - scores.mean()) - (clf.intercept_[k] - clf.intercept_.mean())
        assert {g for g, _ in why["groups"]} == {"quote words", "character n-grams", "paragraph words", "cues"}
        assert sum(c for _, c in why["groups"]) == pytest.approx(push, abs=0.003)  # each sum rounded to 0.001
        assert [abs(c) for _, c in why["groups"]] == sorted((abs(c) for _, c in why["groups"]), reverse=True)
    shown = runner.invoke(app, ["inspect", str(ARTICLES / name)], env={"COLUMNS": "120"}).stdout
    assert shown.count("  by group  ") == len(tag_text(article(name), name, model))
