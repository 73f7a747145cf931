"""`quotestance tag`: formats, inputs (file, folder, HTML, stdin), target options, bad input."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from conftest import ARTICLES, article
from quotestance.cli.app import app
from quotestance.model.record import STANCES
from quotestance.model.stance import StanceModel
from quotestance.model.tagger import tag_text, tag_texts
from quotestance.model.target import Target

runner = CliRunner()


@pytest.fixture(scope="module")
def model():
    return StanceModel.load()


def test_jsonl_is_exactly_the_library_records(model):
    path = str(ARTICLES / "c03.txt")
    result = runner.invoke(app, ["tag", path, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    expected = tag_text(article("c03.txt"), path, model)
    assert len(rows) == len(expected) > 0
    text = article("c03.txt")
    for row, q in zip(rows, expected):
        assert list(row) == ["doc", "start", "end", "quote", "speaker", "mention", "cue", "paragraph",
                             "stance", "confidence", "probabilities"]
        assert (row["doc"], row["start"], row["end"], row["quote"], row["speaker"], row["stance"]) == \
               (path, q.start, q.end, q.quote, q.speaker, q.stance)
        assert text[row["start"]:row["end"]] == row["quote"]
        assert set(row["probabilities"]) == set(STANCES)
        assert row["confidence"] == max(row["probabilities"].values())
    assert result.stderr == f"{len(rows)} quotes in 1 article(s)\n"


def test_csv_matches_jsonl():
    path = str(ARTICLES / "c02.txt")
    as_csv = list(csv.DictReader(io.StringIO(runner.invoke(app, ["tag", path, "-f", "csv"]).stdout)))
    as_jsonl = [json.loads(x) for x in runner.invoke(app, ["tag", path, "-f", "jsonl"]).stdout.splitlines()]
    assert [r["quote"] for r in as_csv] == [r["quote"] for r in as_jsonl]
    assert [float(r["p_neutral"]) for r in as_csv] == [r["probabilities"]["neutral"] for r in as_jsonl]
    assert list(as_csv[0]) == ["doc", "start", "end", "quote", "speaker", "mention", "cue", "paragraph", "stance",
                               "confidence", "p_supporting", "p_criticising", "p_neutral"]


def test_table_has_a_row_per_quote(model):
    path = str(ARTICLES / "c02.txt")
    lines = runner.invoke(app, ["tag", path]).stdout.splitlines()
    expected = tag_text(article("c02.txt"), path, model)
    assert lines[0].split() == ["doc", "speaker", "stance", "quote"]
    assert len(lines) == 1 + len(expected)
    for line, q in zip(lines[1:], expected):
        assert line.startswith("c02.txt") and q.speaker in line and f"{q.stance} {q.confidence:.0%}" in line


def test_table_marks_every_cut_with_an_ellipsis(tmp_path):
    """A cut speaker read as a whole name ("spokesperson for Peter"), and doc names that differ
    only at the end were all cut to "mandelson-2025"."""
    text = article("c02.txt")
    for day in ("10", "11"):
        (tmp_path / f"mandelson-2025-09-{day}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text("A spokesperson for Lord Mandelson said: “We do not comment on leaked documents.”\n",
                                    encoding="utf-8")
    lines = runner.invoke(app, ["tag", str(tmp_path)], env={"COLUMNS": "200"}).stdout.splitlines()
    assert [line[:15] for line in lines[1:]] == ["b.txt          "] + ["…025-09-10.txt "] * 3 + ["…025-09-11.txt "] * 3
    assert lines[1][15:38] == "spokesperson for Pete… "  # the speaker is "spokesperson for Peter Mandelson"
    assert lines[2][15:38] == "Peter Mandelson        "
    assert lines[1].endswith("“We do not comment on leaked documents.”")


def test_fit_never_exceeds_its_width():
    from quotestance.cli.output import fit

    for width in range(0, 8):
        for s in ("", "ab", "abcdefgh"):
            for keep_end in (False, True):
                got = fit(s, width, keep_end=keep_end)
                assert len(got) == max(width, len(s)) if len(s) <= width else len(got) == width
    assert fit("abcdef", 4) == "abc…" and fit("abcdef", 4, keep_end=True) == "…def" and fit("ab", 4, pad=False) == "ab"


def test_stdin_doc_is_dash(model):
    text = article("c05.txt")
    result = runner.invoke(app, ["tag", "-", "-f", "jsonl"], input=text.encode("utf-8"))
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    assert result.exit_code == 0
    assert rows and all(r["doc"] == "-" for r in rows)
    assert [r["quote"] for r in rows] == [q.quote for q in tag_text(text, "-", model)]


def test_folder_tags_txt_and_html_in_name_order(tmp_path):
    (tmp_path / "b.txt").write_text(article("c02.txt"), encoding="utf-8")
    (tmp_path / "a.html").write_text(
        "<html><head><style>p{}</style><script>var x = '“no”';</script></head><body>"
        "<p>Gloria Allred said: “He should resign.”</p><p>Other &amp; text</p></body></html>", encoding="utf-8")
    (tmp_path / "notes.md").write_text("“ignored”", encoding="utf-8")
    result = runner.invoke(app, ["tag", str(tmp_path), "-f", "jsonl"])
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    assert result.exit_code == 0
    assert rows[0]["doc"].endswith("a.html") and rows[0]["quote"] == "He should resign."
    assert rows[0]["speaker"] == "Gloria Allred"
    assert {r["doc"].rsplit("/", 1)[-1] for r in rows} == {"a.html", "b.txt"}


PAGE = ("<!DOCTYPE html>\n<html><head><title>Row</title><script>var s = \"“not a quote at all”\";</script></head>"
        "<body><p>Gloria Allred said: &ldquo;He should resign.&rdquo;</p>"
        "<p>“I’ve never met him, <i>honestly</i>,” a neighbour said.</p></body></html>\n")


@pytest.mark.parametrize("page", [PAGE, "  <!-- saved page -->\n" + PAGE, "\ufeff" + PAGE,
                                  "<!---->" * 30 + PAGE, "<h1>Row</h1>" + PAGE.split("<body>")[1].replace("</body></html>", ""),
                                  PAGE.split("<body>")[1].replace("</body></html>", "")])
def test_html_on_stdin_is_read_as_html(tmp_path, page):
    f = tmp_path / "page.html"
    f.write_text(page, encoding="utf-8")
    by_name = [json.loads(x) for x in runner.invoke(app, ["tag", str(f), "-f", "jsonl"]).stdout.splitlines()]
    piped = [json.loads(x) for x in runner.invoke(app, ["tag", "-", "-f", "jsonl"], input=page).stdout.splitlines()]
    assert [r["quote"] for r in piped] == ["He should resign.", "I’ve never met him, honestly,"]
    assert [dict(r, doc=None) for r in piped] == [dict(r, doc=None) for r in by_name]


@pytest.mark.parametrize("text, quote", [
    ("The site said: “Use <p> for paragraphs,” Lord Mandelson said.\n", "Use <p> for paragraphs,"),
    ("<P. Smith told us: “He must go now,” and left.\n", "He must go now,"),
    ("<3 “best pal” Mandelson\n", "best pal"),
])
def test_text_on_stdin_not_starting_with_a_page_tag_is_text(text, quote):
    rows = [json.loads(x) for x in runner.invoke(app, ["tag", "-", "-f", "jsonl"], input=text).stdout.splitlines()]
    assert [r["quote"] for r in rows] == [quote]


def test_other_target_changes_probabilities(model):
    path = str(ARTICLES / "c16.txt")
    base = [json.loads(x) for x in runner.invoke(app, ["tag", path, "-f", "jsonl"]).stdout.splitlines()]
    other = runner.invoke(app, ["tag", path, "-f", "jsonl", "--target", "Keir Starmer", "--alias", "Starmer",
                                "--alias", "the prime minister"])
    assert other.exit_code == 0
    rows = [json.loads(x) for x in other.stdout.splitlines()]
    expected = tag_text(article("c16.txt"), path, model, Target("Keir Starmer", ("Starmer", "the prime minister")))
    assert [r["stance"] for r in rows] == [q.stance for q in expected]
    assert [r["probabilities"] for r in rows] != [r["probabilities"] for r in base]


def test_target_the_article_never_names_gets_neutral_for_sure(model):
    """A made-up target: the model, trained on Mandelson stories, would read the story's
    sentiment as stance toward them (Streeting's defence of Mandelson came out supporting 83%)."""
    path = str(ARTICLES / "c02.txt")
    result = runner.invoke(app, ["tag", path, "-f", "jsonl", "--target", "Zzyzx Qwerty"])
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    assert result.exit_code == 0 and len(rows) == 3
    assert [(r["stance"], r["confidence"]) for r in rows] == [("neutral", 1.0)] * 3
    assert rows[1]["probabilities"] == {"supporting": 0.0, "criticising": 0.0, "neutral": 1.0}
    # Named once, anywhere in the article (here in a last line), the model decides again.
    text = article("c02.txt") + "\nZzyzx Qwerty was not available for comment.\n"
    named = tag_text(text, path, model, Target("Zzyzx Qwerty"))
    assert any(q.confidence < 1.0 for q in named)


@pytest.mark.parametrize("name, text", [
    ("Conor O'Brien", "“He has been a disaster and must resign,” Jane Smith said of Conor O’Brien."),
    ("Conor O’Brien", "“He has been a disaster and must resign,” Jane Smith said of Conor O'Brien."),
    ("Jean-Luc Picard", "“He has been a disaster and must resign,” Jane Smith said of Jean\u2011Luc Picard."),
    ("José Ruiz", "“He has been a disaster and must resign,” Jane Smith said of Jose\u0301 Ruiz."),  # decomposed é
])
def test_a_target_typed_otherwise_is_still_named(model, name, text):
    """The rule must not say "never named" for a name spelt with other typography."""
    (q,) = tag_text(text + "\n", "-", model, Target(name))
    assert q.confidence < 1.0


def test_article_not_about_the_default_target_is_neutral(model):
    text = ("Resident doctors will strike next month, the BMA said.\n"
            "Health Secretary Wes Streeting said: “This strike is a disgrace and they have let patients down.”\n"
            "Dr Priya Anand replied: “He has done a wonderful job of ignoring us.”\n")
    quotes = tag_text(text, "-", model)
    assert [(q.speaker, q.stance, q.confidence) for q in quotes] == [
        ("Wes Streeting", "neutral", 1.0), ("Priya Anand", "neutral", 1.0)]
    about = tag_text(text.replace("ignoring us", "ignoring us, like Lord Mandelson"), "-", model)
    assert about[1].confidence < 1.0


def test_batches_mixing_named_and_unnamed_articles_match_one_by_one(model):
    other = "The minister said: “This is a disgrace and he must go.”\n"
    items = [("c02.txt", article("c02.txt")), ("other", other), ("c03.txt", article("c03.txt"))]
    batched = list(tag_texts(items, model, batch=2))
    assert batched == [tag_text(text, doc, model) for doc, text in items]
    assert [q.stance for q in batched[1]] == ["neutral"] and batched[1][0].confidence == 1.0


def test_target_named_as_the_models_own_keeps_its_aliases(model):
    """`--target "Peter Mandelson"` is the default target, aliases ("the US ambassador") included."""
    path = str(ARTICLES / "c02.txt")
    default = runner.invoke(app, ["tag", path, "-f", "jsonl"])
    for spelled in ("peter mandelson", "Peter  Mandelson", " Peter\tMandelson "):
        named = runner.invoke(app, ["tag", path, "-f", "jsonl", "--target", spelled])
        assert named.exit_code == 0 and named.stdout == default.stdout, spelled
    assert json.loads(named.stdout.splitlines()[0])["speaker"] == "Peter Mandelson"  # via "the US ambassador"
    own = runner.invoke(app, ["tag", path, "-f", "jsonl", "--target", "Peter Mandelson", "--alias", "Mandelson"])
    assert json.loads(own.stdout.splitlines()[0])["speaker"] == "US ambassador"  # aliases given: those only


@pytest.mark.parametrize("args, message, code", [
    (["tag", "missing.txt"], "quotestance: error: missing.txt: no such file or folder\n", 1),
    (["tag", str(ARTICLES / "c02.txt"), "-f", "xml"], "quotestance: error: unknown format 'xml' (choose one of table, jsonl, csv)\n", 2),
    (["tag", str(ARTICLES / "c02.txt"), "--alias", "X"], "quotestance: error: --alias needs --target\n", 2),
])
def test_bad_arguments(args, message, code):
    result = runner.invoke(app, args)
    assert result.exit_code == code  # 1 for bad input, 2 for a bad command line
    assert result.stdout == "" and result.stderr == message


@pytest.mark.parametrize("content, message", [
    (b"", "empty file"),
    (b"   \n\n", "empty file"),
    (b"\x00\x01\x02binary\x00", "binary file, not an article"),
    ("Caf\u00e9 “quoted”".encode("latin-1", "replace"), "not UTF-8 text (byte 3)"),
])
def test_bad_files(tmp_path, content, message):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    result = runner.invoke(app, ["tag", str(f)])
    assert result.exit_code == 1
    assert result.stderr == f"quotestance: error: {f}: {message}\n"


def test_folder_without_articles(tmp_path):
    (tmp_path / "readme.md").write_text("x")
    result = runner.invoke(app, ["tag", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == f"quotestance: error: {tmp_path}: no articles (.txt, .html) in this folder\n"


def test_a_broken_link_in_a_folder_is_an_error_not_silence(tmp_path):
    (tmp_path / "a.txt").write_text(article("c02.txt"), encoding="utf-8")
    (tmp_path / "b.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    result = runner.invoke(app, ["tag", str(tmp_path), "-f", "jsonl"])
    assert result.exit_code == 1 and len(result.stdout.splitlines()) == 3  # a.txt's quotes, then the error
    assert result.stderr == f"quotestance: error: {tmp_path / 'b.txt'}: No such file or directory\n"
    skipped = runner.invoke(app, ["tag", str(tmp_path), "-f", "jsonl", "--skip-bad"])
    assert skipped.exit_code == 0 and len(skipped.stdout.splitlines()) == 3
    assert skipped.stderr.splitlines()[:2] == [
        f"quotestance: warning: {tmp_path / 'b.txt'}: No such file or directory; skipped",
        f"quotestance: warning: {tmp_path / 'loop.txt'}: Too many levels of symbolic links; skipped"]
    assert skipped.stderr.splitlines()[-1] == "3 quotes in 1 article(s); 2 file(s) skipped"


def _news_page(text: str, headline_in_article: bool = False, article_tag: bool = True) -> str:
    """A labelled article as a news site serves it: the headline in <h1> and repeated in <title>,
    navigation, a byline, an advert, related stories, a share bar and a footer, each holding quotes."""
    from html import escape

    head, *paras = [p for p in text.splitlines() if p.strip()]
    h1 = f"<h1>{escape(head)}</h1>"
    body = "".join(f"<p>{escape(p)}</p>" + ("<div class=\"ad-slot\"><p>Advertisement “Buy now”</p></div>" if i == 1 else "")
                   for i, p in enumerate(paras))
    story = (h1 if headline_in_article else "") + '<div class="share-bar"><a>Share “this”</a></div>' + body
    story = f"<article>{story}</article>" if article_tag else story
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
            f"<title>{escape(head)} | The Courier</title><script>var q = \"“no”\";</script></head><body>"
            "<nav><a href=\"/\">Home</a> | <a>Politics</a> <a>“Best of” 2025</a></nav>"
            + ("" if headline_in_article else f"<header>{h1}</header>")
            + story
            + "<aside><h2>Related</h2><p>Starmer says he has “full confidence” in the ambassador</p></aside>"
            + "<footer><p>© 2025 The Courier. “Journalism you can trust”</p></footer></body></html>")


@pytest.mark.parametrize("name", ["c02.txt", "c08.txt", "c17.txt"])
@pytest.mark.parametrize("headline_in_article, article_tag", [(False, True), (True, True), (True, False)])
def test_a_news_page_gives_the_quotes_of_its_story_and_none_of_its_furniture(tmp_path, model, name,
                                                                              headline_in_article, article_tag):
    from quotestance.cli.articles import html_to_text

    text = article(name)
    page = tmp_path / "page.html"
    page.write_text(_news_page(text, headline_in_article, article_tag), encoding="utf-8")
    plain = "\n".join(" ".join(p.split()) for p in text.splitlines() if p.strip()) + "\n"
    assert html_to_text(page.read_text(encoding="utf-8")) == plain
    result = runner.invoke(app, ["tag", str(page), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    want = tag_text(plain, str(page), model)
    assert want  # every chosen article has quotes
    assert [(r["quote"], r["speaker"], r["stance"]) for r in rows] == [(q.quote, q.speaker, q.stance) for q in want]


def test_a_page_without_a_headline_element_keeps_its_title():
    from quotestance.cli.articles import html_to_text

    page = ("<html><head><title>Starmer ‘has full confidence’ in ambassador</title></head>"
            "<body><nav>Home</nav><p>The prime minister said: “I have confidence in him.”</p></body></html>")
    assert html_to_text(page) == "Starmer ‘has full confidence’ in ambassador\nThe prime minister said: “I have confidence in him.”\n"


def test_an_article_named_twice_or_also_through_its_folder_is_tagged_once(tmp_path):
    for name in ("c02.txt", "c03.txt"):
        (tmp_path / name).write_text(article(name), encoding="utf-8")
    once = runner.invoke(app, ["tag", str(tmp_path), "-f", "jsonl"])
    twice = runner.invoke(app, ["tag", str(tmp_path / "c03.txt"), str(tmp_path), str(tmp_path / "c03.txt"), "-f", "jsonl"])
    assert once.exit_code == twice.exit_code == 0
    docs = [json.loads(x)["doc"].rsplit("/", 1)[-1] for x in twice.stdout.splitlines()]
    assert docs == sorted(docs, key=lambda d: d != "c03.txt")  # c03 where first named, then c02
    assert sorted(once.stdout.splitlines()) == sorted(twice.stdout.splitlines())
    assert twice.stderr.endswith("in 2 article(s)\n")


@pytest.mark.parametrize("page, text", [
    # Furniture words on the page's own elements, or on an element whose end tag may be left out,
    # never hide the story (a review found each of these read as an empty page).
    ('<body class="home cookies-not-set"><p>"We will fight on," said Ann Smith.</p></body>',
     '"We will fight on," said Ann Smith.\n'),
    ('<html class="js ad-free"><body><p>"We will fight on," said Ann Smith.</p></body></html>',
     '"We will fight on," said Ann Smith.\n'),
    ('<article class="story has-share-tools"><p>"We will fight on," said Ann Smith.</p></article>',
     '"We will fight on," said Ann Smith.\n'),
    ('<p class="ad-label">Advertisement<p>"I did nothing wrong at all," Bob Smith said.',
     '"I did nothing wrong at all," Bob Smith said.\n'),  # the open <p> left out ends at the next one
    ('<body><form id="aspnetForm"><h1>Head</h1><p>"Quote here is long enough," said Bob Smith.</p></form></body>',
     'Head\n"Quote here is long enough," said Bob Smith.\n'),
    # A teaser <article> smaller than the story does not make the story furniture.
    ('<h1>Story</h1><p>"Main quote," said Ann.</p><div class="more"><article><h2>Teaser</h2></article></div>',
     'Story\n"Main quote," said Ann.\nTeaser\n'),
    # An <h1> holding the site's name leaves the title as the headline.
    ('<html><head><title>Starmer ‘has full confidence’ in ambassador | The Courier</title></head><body><header>'
     '<h1>The Courier</h1></header><p>The prime minister said: “I have confidence in him.”</p></body></html>',
     'Starmer ‘has full confidence’ in ambassador | The Courier\nThe Courier\n'
     'The prime minister said: “I have confidence in him.”\n'),
    # A skipped element left open takes the rest of the page: then the page is read whole.
    ('<div class="promo"><p>“Read this,” said Ann.</p>', '“Read this,” said Ann.\n'),
    # A second review: teaser <article>s classed as promos, longer than the story, are left out;
    ('<main><h1>Minister denies claims over donation</h1><div class="article-body"><p>"I have done nothing wrong," '
     'said Jane Smith.</p></div><section class="more-stories"><article class="promo"><h3>‘We were betrayed’, say '
     'steelworkers</h3><p>' + "Steelworkers said they had been betrayed by managers and ministers alike. " * 3 +
     '</p></article></section></main>',
     'Minister denies claims over donation\n"I have done nothing wrong," said Jane Smith.\n'),
    # a short story in <article> beside long lists of headlines is still the story;
    ('<header><a>BBC News</a></header><main><article><h1>Minister resigns over row</h1><p>The minister quit.</p>'
     '<p>"I have done nothing wrong," said Jane Smith.</p></article><section><h2>Top stories</h2><ul>'
     + "<li><a>Story says ‘shock’ as things happen across the country today</a></li>" * 8 + '</ul></section></main>',
     'Minister resigns over row\nThe minister quit.\n"I have done nothing wrong," said Jane Smith.\n'),
    # a wrapper classed "has-ads" or "no-ads" names the page's state, not an advert;
    ('<title>Minister denies claims | Example</title><div id="page" class="site-wrapper has-ads"><h1>Minister denies '
     'claims over donation</h1><p>"I have done nothing wrong," said Jane Smith.</p></div>',
     'Minister denies claims over donation\n"I have done nothing wrong," said Jane Smith.\n'),
    # any <h1> but the site's name is the headline, and the title restating it is left out;
    ('<title>Starmer: ‘Full confidence’ in envoy | The Courier</title><h1>Starmer backs envoy</h1>'
     '<p>The prime minister said he had ‘full confidence’ in the envoy.</p>',
     'Starmer backs envoy\nThe prime minister said he had ‘full confidence’ in the envoy.\n'),
    # related links as list items (left open), paragraphs or AMP elements are left out.
    ('<p>"Main," said Ann.</p><ul><li class="related-story">Read ‘x’<li class="related-story">Read ‘y’</ul>'
     '<p class="related-link">Read more: ‘I will not resign’, says Bob Jones</p>'
     '<amp-carousel class="related-carousel"><div>‘z’ says</div></amp-carousel><p>End.</p>',
     '"Main," said Ann.\nEnd.\n'),
])
def test_page_furniture_rules_never_hide_the_story(page, text):
    from quotestance.cli.articles import html_to_text

    assert html_to_text(page) == text


def test_thousands_of_unclosed_elements_give_their_text():
    """Unclosed <li> and <h1> by the ten thousand (valid or near-valid HTML) give their text, and a
    nav of them is left out whole. (How the time grows is benchmarks/bench.py's row.)"""
    from quotestance.cli.articles import html_to_text

    assert html_to_text("<ul>" + "<li><a href=#>x</a>" * 80_000 + "</ul>") == "x\n" * 80_000
    assert html_to_text("<h1>x" * 80_000) == "x\n" * 80_000
    assert html_to_text("<nav>" + "<li>x" * 80_000 + "</nav><p>“Hi there,” said Bob.</p>") == "“Hi there,” said Bob.\n"
