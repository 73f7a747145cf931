"""Property tests: extraction and attribution on any text never raise, and every span they give
is exactly the quoted text, inside one paragraph, disjoint from the others and in order."""
from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from quotestance.model.attribute import attribute
from quotestance.model.extract import extract_quotes
from quotestance.model.target import MANDELSON, Target
from quotestance.model.text import paragraphs

MARKS = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e"]
WORDS = ["Mandelson", "Lord Mandelson", "he", "she", "said", "says", "told", "the", "ambassador", "Starmer",
         "Ms Allred", "don't", "Epstein's", "'90s", "rock 'n' roll", "best pal", "no", "I", "We", "a",
         "spokesperson for Downing Street", "according to", "–", "-", ",", ".", ":", "?", "!", "…", "(", ")",
         "2024", "é", "Ægir", "日本", "\u00a0", "\t"]
SEPARATORS = [" ", " ", " ", "", "\n", "\r\n", "\r", "\n\n", "  ", "\u2029", "\u2028", "\x85"]
# Every character that ends a paragraph (str.splitlines() agrees on these, and on few others).
LINE_BREAKS = "\n\r\x85\u2028\u2029"

# Text built from words, every kind of quotation mark, apostrophes and line breaks: stray,
# unbalanced, nested and mixed marks, which arbitrary Unicode text rarely produces.
pieces = st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS), st.sampled_from(SEPARATORS))
marked_text = st.lists(pieces, max_size=80).map("".join)
# Arbitrary Unicode, with a bias toward the marks and line breaks that matter here.
any_text = st.one_of(st.text(), st.text(alphabet=st.one_of(st.characters(), st.sampled_from(MARKS + list(LINE_BREAKS)))))

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_spans_valid(text: str, quotes) -> None:
    paras = paragraphs(text)
    prev_end = -1
    for q in quotes:
        assert text[q.start:q.end] == q.quote
        assert 0 <= q.start < q.end <= len(text)
        assert not any(c in LINE_BREAKS for c in q.quote), "a span crosses a line break"
        assert not any(c in LINE_BREAKS for c in q.context), "a context crosses a line break"
        assert q.start >= prev_end, "spans overlap or are out of order"
        prev_end = q.end
        lo, hi = paras[q.paragraph]
        assert lo <= q.start and q.end <= hi, "span leaves its paragraph"
        assert q.context == text[lo:hi] and q.context_start == lo


def assert_tags_valid(text: str, target: Target = MANDELSON) -> None:
    quotes = list(extract_quotes(text, "doc"))
    assert_spans_valid(text, quotes)
    attributed = attribute(text, quotes, target)
    assert [(q.start, q.end, q.quote) for q in attributed] == [(q.start, q.end, q.quote) for q in quotes]
    assert_spans_valid(text, attributed)
    for q in attributed:
        assert q.speaker is None or isinstance(q.speaker, str)


@SETTINGS
@given(any_text)
@example("")
@example('"')
@example("\u201c\n\u201d")
@example("'\r'")
@example('a "b\r\nc" d')
def test_any_unicode_text(text):
    assert_tags_valid(text)


@SETTINGS
@given(marked_text)
@example('He said: "We will not go \u2018back\u2019 now," and left.')
@example("\u00ab \u00bb \u201e \u201c \u201d \u2018 \u2019 ' \"")
@example("'90s rock 'n' roll said 'no' \u2019tis")
def test_text_with_stray_unbalanced_and_mixed_marks(text):
    assert_tags_valid(text)


@SETTINGS
@given(marked_text, st.sampled_from([Target("Keir Starmer", ("Starmer", "the prime minister")), Target("X")]))
def test_other_targets(text, target):
    assert_tags_valid(text, target)


# The target's forms and the characters re.IGNORECASE folds onto ASCII letters ("ſ" is an "s",
# "K" the Kelvin sign a "k", "ı" and "İ" are i's), so that case-folded spellings are generated.
FOLD_PIECES = ["Mandelson", "MANDELSON", "mandelſon", "the ambassador", "THE AMBASSADOR", "the peer", "Petie",
               "PETİE", "petıe", "Lord Mandelson's", "José Ramos", "JOSÉ", "Ambaſſador", "Keir", "KEİR"]
fold_text = st.lists(st.one_of(st.sampled_from(FOLD_PIECES), st.sampled_from(SEPARATORS), st.sampled_from(WORDS)),
                     max_size=30).map("".join)


@SETTINGS
@given(st.one_of(fold_text, any_text),
       st.sampled_from([MANDELSON, Target("José Ramos", ("Ramos", "the minister")), Target("Keir Starmer", ("Keir",))]))
@example("mandelſon", MANDELSON)
@example("PETİE", MANDELSON)
def test_quick_target_test_never_misses_a_mention(text, target):
    """features._may_name skips the target's pattern; it may say yes wrongly, never no wrongly."""
    from quotestance.model import features

    if target.pattern().search(text):
        assert features._may_name(text, target)
    assert features.mask_target(text, target) == features._NAME_RUN.sub(
        features.PERSON_TOKEN, target.pattern().sub(features.TARGET_TOKEN, text))

