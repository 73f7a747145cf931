"""The HTML report: view structure, escaping, no network, speaker summary, edge cases."""
from __future__ import annotations

import json
import re

from quotestance.cli.html import render, to_view
from quotestance.model.record import Quote

PAYLOAD = "<script>alert(1)</script> & \"dq\" 'sq' </script><!--"


def quote(text: str, span: str, speaker: str | None, stance: str, *, nth: int = 0, **kw) -> Quote:
    """A Quote over the ``nth`` occurrence of ``span`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(span, start + 1)
    return Quote(doc="d.txt", start=start, end=start + len(span), quote=span, speaker=speaker,
                 stance=stance, **kw)


TEXT = 'Ann said "we win" today.\n\nBob said "no".\n'


def test_view_segments_for_two_paragraphs_with_two_quotes():
    quotes = [quote(TEXT, "no", "Bob", "criticising"), quote(TEXT, "we win", "Ann", "supporting")]
    view = to_view("d.txt", TEXT, quotes, "Zed")
    assert view["doc"] == "d.txt" and view["target"] == "Zed"
    assert view["paragraphs"] == [
        {"segments": [
            {"text": 'Ann said "', "quote": None},
            {"text": "we win", "quote": 1},
            {"text": '" today.', "quote": None},
        ]},
        {"segments": [
            {"text": 'Bob said "', "quote": None},
            {"text": "no", "quote": 0},
            {"text": '".', "quote": None},
        ]},
    ]
    assert [(q["index"], q["start"], q["end"], q["quote"]) for q in view["quotes"]] == [
        (0, 36, 38, "no"), (1, 10, 16, "we win"),
    ]
    json.dumps(view)  # a plain, serialisable dict


def test_view_quote_fields_and_explanations():
    q = quote(TEXT, "we win", "Ann", "supporting", cue="said", mention="Ann", confidence=0.7,
              probabilities={"supporting": 0.7, "criticising": 0.1, "neutral": 0.2})
    view = to_view("d.txt", TEXT, [q], "Zed", {0: {"toward": [("win", 0.9)], "away": [("today", -0.2)],
                                                   "groups": [("cues", 1.25), ("quote words", -0.5)]}})
    assert view["quotes"] == [{
        "index": 0, "start": 10, "end": 16, "quote": "we win", "speaker": "Ann", "cue": "said",
        "mention": "Ann", "stance": "supporting", "confidence": 0.7,
        "probabilities": {"supporting": 0.7, "criticising": 0.1, "neutral": 0.2},
        "toward": ["win"], "away": ["today"], "why": None, "groups": ["cues +1.25", "quote words -0.50"],
    }]
    page = render(view)
    assert 'title="Speaker: Ann\nCue: said\nMention: Ann\nStance: supporting (70%)\n' \
        'Supporting: 70%\nCriticising: 10%\nNeutral: 20%\nToward: win\nAway: today\n' \
        'By group: cues +1.25, quote words -0.50"' in page


def test_everything_is_escaped():
    text = f"Intro {PAYLOAD} line.\nSecond {PAYLOAD} end."
    q = quote(text, PAYLOAD, PAYLOAD, "neutral", nth=1, cue=PAYLOAD, mention=PAYLOAD,
              probabilities={"supporting": 0.2, "criticising": 0.2, "neutral": 0.6})
    page = render(to_view(PAYLOAD, text, [q], PAYLOAD, {0: {"toward": [(PAYLOAD, 1.0)], "away": []}}))
    assert "<script>alert(1)</script>" not in page
    assert "alert(1)</script>" not in page
    assert "<!--" not in page
    assert page.count("<script") == 2 and page.count("</script>") == 2  # only the page's own two
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;dq&quot; &#x27;sq&#x27; &lt;/script&gt;&lt;!--"
    assert f"<title>{escaped} \u2014 stance toward {escaped} \u00b7 quotestance</title>" in page
    assert f"<h1>{escaped}</h1>" in page
    assert f"Intro {escaped} line." in page  # unquoted text
    assert f"{escaped}<span class=\"spk\">{escaped}</span></mark>" in page  # quote and speaker label
    assert f"<tr><td>{escaped}</td>" in page  # summary table
    assert f"Cue: {escaped}\nMention: {escaped}" in page  # title attribute
    # The embedded JSON is inert in HTML yet reads back to the original text.
    data = re.search(r'<script type="application/json" id="qs-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in data and ">" not in data and "&" not in data
    (item,) = json.loads(data)
    assert item["quote"] == PAYLOAD
    assert ["Speaker", PAYLOAD] in item["rows"] and ["Toward", PAYLOAD] in item["rows"]


def test_no_external_resources():
    quotes = [quote(TEXT, "we win", "Ann", "supporting"), quote(TEXT, "no", None, "neutral")]
    page = render(to_view("d.txt", TEXT, quotes, "Zed"))
    assert "http://" not in page and "https://" not in page
    assert re.findall(r"\b(?:src|href)\s*=", page) == []
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page


def test_speaker_summary_counts_and_order():
    text = "a b c d e f g\n"
    quotes = [
        quote(text, "a", "Cy", "supporting"),
        quote(text, "b", "Bo", "criticising"),
        quote(text, "c", "Cy", "criticising"),
        quote(text, "d", "Al", "neutral"),
        quote(text, "e", "Cy", "supporting"),
        quote(text, "f", "Bo", "neutral"),
        quote(text, "g", "Dee", "supporting"),
    ]
    view = to_view("d.txt", text, quotes, "Zed")
    assert view["speakers"] == [
        {"speaker": "Cy", "supporting": 2, "criticising": 1, "neutral": 0, "total": 3},
        {"speaker": "Bo", "supporting": 0, "criticising": 1, "neutral": 1, "total": 2},
        {"speaker": "Al", "supporting": 0, "criticising": 0, "neutral": 1, "total": 1},
        {"speaker": "Dee", "supporting": 1, "criticising": 0, "neutral": 0, "total": 1},
    ]
    page = render(view)
    assert re.findall(r"<tr><td>(\w+)</td>" + r'<td class="n">(\d+)</td>' * 4, page) == [
        ("Cy", "2", "1", "0", "3"), ("Bo", "0", "1", "1", "2"),
        ("Al", "0", "0", "1", "1"), ("Dee", "1", "0", "0", "1"),
    ]


def test_missing_speaker_is_unattributed():
    quotes = [quote(TEXT, "we win", None, "supporting"), quote(TEXT, "no", None, "criticising")]
    view = to_view("d.txt", TEXT, quotes, "Zed")
    assert [q["speaker"] for q in view["quotes"]] == ["(unattributed)", "(unattributed)"]
    assert view["speakers"] == [
        {"speaker": "(unattributed)", "supporting": 1, "criticising": 1, "neutral": 0, "total": 2},
    ]
    page = render(view)
    assert page.count('<span class="spk">(unattributed)</span>') == 2
    assert "<tr><td>(unattributed)</td>" in page
    assert "None" not in page


def test_stance_classes_and_legend():
    quotes = [quote(TEXT, "we win", "Ann", "supporting"), quote(TEXT, "no", "Bob", "criticising")]
    page = render(to_view("d.txt", TEXT, quotes, "Zed"))
    assert '<mark class="q s-supporting" data-q="0"' in page
    assert '<mark class="q s-criticising" data-q="1"' in page
    for s in ("supporting", "criticising", "neutral"):
        assert f'<span class="key s-{s}">{s}</span>' in page


def test_text_without_quotes():
    text = "First line.\n\n  \nSecond & last.\r\n"
    view = to_view("empty.txt", text, [], "Zed")
    assert view["paragraphs"] == [
        {"segments": [{"text": "First line.", "quote": None}]},
        {"segments": [{"text": "Second & last.", "quote": None}]},
    ]
    assert view["quotes"] == [] and view["speakers"] == []
    page = render(view)
    assert page.rstrip().endswith("</html>")
    assert '<p class="para">First line.</p>' in page
    assert '<p class="para">Second &amp; last.</p>' in page
    assert "<mark" not in page and "No quotes." in page


def test_narrow_screens_stack_the_article_and_the_details():
    page = render(to_view("d.txt", TEXT, [quote(TEXT, "no", "Bob", "neutral")], "Zed"))
    narrow = re.search(r"@media \(max-width: [\d.]+rem\) \{(.*?)\n\}", page, re.S)
    assert narrow, "no narrow-screen rules"
    assert ".layout { flex-direction: column;" in narrow.group(1)
    assert ".summary { overflow-x: auto; }" in narrow.group(1)


def test_a_never_named_target_shows_why_not_features():
    q = quote(TEXT, "we win", "Ann", "neutral", confidence=1.0,
              probabilities={"supporting": 0.0, "criticising": 0.0, "neutral": 1.0})
    view = to_view("d.txt", TEXT, [q], "Zed", {0: {"note": "the article never names Zed"}})
    page = render(view)
    assert "Neutral: 100%\nWhy: the article never names Zed\"" in page
    assert "Toward:" not in page and "Away:" not in page


def test_paragraphs_are_those_extraction_numbers_unicode_separators_included():
    from quotestance.model.text import paragraphs

    text = 'Ann said "we win" today.\u2029Bob said "no".\r\nCal: "maybe"\u2028end\n'
    view = to_view("d.txt", text, [], "Zed")
    assert ["".join(s["text"] for s in p["segments"]) for p in view["paragraphs"]] == \
        [text[a:b] for a, b in paragraphs(text)] == ['Ann said "we win" today.', 'Bob said "no".', 'Cal: "maybe"', "end"]
