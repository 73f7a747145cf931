"""Quote extraction on hand-made tricky cases and on the real articles."""
from __future__ import annotations

import pytest

from conftest import article
from quotestance.model.extract import extract_quotes


def spans(text: str) -> list[str]:
    out = [q.quote for q in extract_quotes(text)]
    for q in extract_quotes(text):
        assert text[q.start:q.end] == q.quote
    return out


@pytest.mark.parametrize("text, expected", [
    ("He said “I regret it.” Then he left.", ["I regret it."]),
    ('She said "it is over" and left.', ["it is over"]),
    ("“It was wrong,\" she said.", ["It was wrong,"]),  # opens curly, closes straight
    ("“I regret it,” he said, “very deeply.”", ["I regret it,", "very deeply."]),  # interrupted
    ("“First paragraph of the email.\n“Second and last.”", ["First paragraph of the email.", "Second and last."]),
    ("“Once upon a time, a man they call '(illegible)' parachuted into my life.”",
     ["Once upon a time, a man they call '(illegible)' parachuted into my life."]),  # nested
    ("«Nous verrons», a-t-il dit.", ["Nous verrons"]),
    ("Mandelson ‘should resign’ if he doesn’t help, says lawyer", ["should resign"]),
    ("He called Epstein his 'best pal' in 2003.", ["best pal"]),
    # A statement in single marks over paragraphs: each reopens, only the last closes; a plural
    # possessive inside ("months’ severance") is an apostrophe, not the closing mark.
    ("Zhou wrote:\n‘We grew too fast.\n‘We’ll offer four months’ severance.\n‘I’m sorry.’\nShares rose.",
     ["We grew too fast.", "We’ll offer four months’ severance.", "I’m sorry."]),
    ("She said: ‘We’ll offer four months’ severance and healthcare.’", ["We’ll offer four months’ severance and healthcare."]),
    ("‘Best pal’ letter\n‘He said no’, she said.", ["Best pal", "He said no"]),  # closed: no run-on
    ("He called them ‘murky deals’ and then ‘a joke’.", ["murky deals", "a joke"]),  # "s’ and": a closer
    ("The union called the offer ‘an insult to nurses’ yesterday and warned of ‘further strikes’ in the new year.",
     ["an insult to nurses", "further strikes"]),  # "s’ yesterday": a closer too
    ("He said ‘taxpayers’ money was wasted’ on it.", ["taxpayers’ money was wasted"]),
    ("‘We are making progress on waiting lists’ insisted the health secretary.\n‘But there is more to do,’ she added.",
     ["We are making progress on waiting lists", "But there is more to do,"]),  # closed: no run-on
])
def test_spans(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize("text", [
    "Epstein’s friends don’t talk about the ’90s or the Lords' reform.",
    "It’s the peers' and the MPs' view, isn't it?",
    "an alleged “birthday book” given to Epstein in 2003",
    'the book, titled "The First Fifty Years", was released',
    "He was known as the “Prince of Darkness” in Westminster.",
    "No quotation marks at all here.",
    "",
])
def test_no_quote(text):
    assert spans(text) == []


def test_unclosed_quote_stops_at_its_paragraph():
    text = "He said “this never closes.\nThe next paragraph is the writer's.\nAnd “a real one” here."
    assert spans(text) == ["this never closes.", "a real one"]


def test_stray_apostrophe_does_not_swallow_the_paragraph():
    text = "The MPs' vote came after ‘a long debate’ in the chamber."
    assert spans(text) == ["a long debate"]


def test_truncated_article_last_quote_runs_to_the_end():
    text = article("c16.txt")
    assert spans(text)[-1] == "Well, Mr Speaker, he talks"


def test_seed_article_every_span_is_in_one_paragraph():
    text = article("000_7e3b9d3d92a42027.txt")
    found = list(extract_quotes(text))
    assert len(found) >= 45
    assert all("\n" not in q.quote and q.context[q.start - q.context_start:][:len(q.quote)] == q.quote for q in found)
    assert "birthday book" not in [q.quote for q in found]


@pytest.mark.parametrize("brk", ["\u2029", "\u2028", "\x85", "\r\n"])
def test_unicode_line_and_paragraph_separators_end_a_paragraph(brk):
    """Some publishing systems export paragraphs with U+2029 (or U+2028, NEL): a quote left open
    runs to its paragraph's end, never into the next paragraph's attribution."""
    from quotestance.model.tagger import find_quotes

    text = f'Ann Baker said: "We will win the vote.{brk}Bob Jones replied: "No we will not," he said.'
    quotes = find_quotes(text)
    assert [(q.quote, q.speaker, q.paragraph) for q in quotes] == [
        ("We will win the vote.", "Ann Baker", 0), ("No we will not,", "Bob Jones", 1)]
    assert all(text[q.start:q.end] == q.quote for q in quotes)
    assert quotes[1].context == 'Bob Jones replied: "No we will not," he said.'


def test_a_page_of_stray_single_marks_has_no_quotes_and_is_scanned_once():
    """40,000 opening single marks with no closer: no quote. (Finding a closer after each mark
    made this quadratic: 30 s; benchmarks/bench.py times long pages.)"""
    assert list(extract_quotes("\u2018" * 40_000 + "\n")) == []
    assert [q.quote for q in extract_quotes("\u2018" * 4_000 + "\nShe said \u2018at last\u2019 today.")] == ["at last"]


def test_a_huge_paragraph_gives_each_quote_a_bounded_context():
    from quotestance.model.text import CONTEXT_CHARS

    text = 'x "a b" ' * 2_000  # 16,000 characters, one paragraph, 2,000 quotes
    quotes = list(extract_quotes(text))
    assert len(quotes) == 2_000 and all(q.quote == "a b" for q in quotes)
    middle = quotes[1_000]
    assert middle.context_start == middle.start - CONTEXT_CHARS
    assert middle.context == text[middle.start - CONTEXT_CHARS:middle.end + CONTEXT_CHARS]
    assert quotes[0].context_start == 0 and len(quotes[0].context) == quotes[0].end + CONTEXT_CHARS
