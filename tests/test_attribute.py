"""Speaker attribution on hand-made cases: cues, pronouns, roles, bodies, continuation, none."""
from __future__ import annotations

import pytest

from quotestance.model.attribute import attribute
from quotestance.model.extract import extract_quotes


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.quote, q.speaker) for q in attribute(text, list(extract_quotes(text)))]


@pytest.mark.parametrize("text, expected", [
    ("“He should resign,” said Gloria Allred.", [("He should resign,", "Gloria Allred")]),
    ("Gloria Allred spoke on the radio.\nMs Allred said: “He knows a lot.”", [("He knows a lot.", "Gloria Allred")]),
    ("Gloria Allred spoke on the radio.\n“He should go,” she said.", [("He should go,", "Gloria Allred")]),
    ('Health Secretary Wes Streeting told LBC: "He has been clear."', [("He has been clear.", "Wes Streeting")]),
    ('"He was withdrawn," a Foreign Office spokesperson said.', [("He was withdrawn,", "Foreign Office")]),
    ("Lord Mandelson's birthday message to Epstein reads: “My best pal.”", [("My best pal.", "Peter Mandelson")]),
    ("Gloria Allred told LBC: “The first paragraph.\n“The second paragraph.”",
     [("The first paragraph.", "Gloria Allred"), ("The second paragraph.", "Gloria Allred")]),
    ("“I regret it,” Lord Mandelson said, “very deeply.”",
     [("I regret it,", "Peter Mandelson"), ("very deeply.", "Peter Mandelson")]),
    ("The weather was bad.\n“It was a shock.”", [("It was a shock.", None)]),
])
def test_speakers(text, expected):
    assert speakers(text) == expected


def test_record_carries_mention_and_cue():
    q = attribute(t := "“He should resign,” said Gloria Allred.", list(extract_quotes(t)))[0]
    assert (q.speaker, q.mention, q.cue) == ("Gloria Allred", "Gloria Allred", "said (after quote)")
