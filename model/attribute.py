"""Name the speaker of each quote: reporting-verb cues before and after it, pronouns and
descriptions resolved to the article's names, and continuation of the previous speaker."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import cached_property, lru_cache

from quotestance.model.constants import (
    FEMALE_FIRST_NAMES, FIRST_NAMES, HOME_COUNTRIES, HONORIFICS, LEADING_TITLES, MALE_FIRST_NAMES, NATIONALITIES, NOT_NAMES,
    OFFICE_HOLDERS, ORG_HEADS, PRONOUNS, ROLE_WORDS, SKIP_BETWEEN, SPEAKER_NOUNS, SPEECH_VERBS, TEXT_NOUNS,
)
from quotestance.model.names import (
    CAP_RUN, RELATION_OF, SOURCE_AT, Mention, canonical_names, classify_phrase, person_names, relation_phrase,
    strip_titles,
)
from quotestance.model.record import Quote
from quotestance.model.target import MANDELSON, Target
from quotestance.model.text import RE_IGNORECASE_EXTRAS, plain_breaks

_TOKEN = re.compile(r"[\w’'\-]+|[^\w\s]")
_SENTENCE_END = re.compile(r"[.!?][\"”’']*(?=\s+[\"“‘'A-Z0-9])")
# A quote with no cue continues the previous speaker only if that quote is this close.
CONTINUATION_PARAGRAPHS = 2
# A pronoun may refer to a quote's speaker this many paragraphs back.
RECENT_PARAGRAPHS = 3
# Offices held by one person: "the health secretary", "the lawyer" refer back to a named subject.
PERSON_ROLE_TITLES = frozenset("Secretary Minister Chancellor Leader Speaker Ambassador Commissioner Chair "
                               "Chairman Mayor Governor Director Lawyer MP President".split())
PERSON_ROLES = frozenset("secretary minister lawyer leader chancellor president mp peer ambassador "
                         "chair chairman chairwoman commissioner mayor governor director campaigner".split())
MASK = "_"


# Cues that take the first capitalised words of a sentence as its speaker; a capital there
# ("Insisting", "Update") is a speaker only if it is a person the article names.
SUBJECT_CUE = "subject of the sentence"
DASH_CUE = "dash after the sentence's subject"
COLON_CUE = "colon after the speaker"
_SUBJECT_ONLY_CUES = frozenset((SUBJECT_CUE, DASH_CUE, COLON_CUE))


def attribute(text: str, quotes: list[Quote], target: Target = MANDELSON) -> list[Quote]:
    """The quotes of one article with ``speaker``, ``mention`` and ``cue`` filled in."""
    masked = _mask(plain_breaks(text), quotes)
    ctx = _ArticleContext(masked, target)
    out: list[Quote] = []
    for q in quotes:
        lo, hi = _sentence(masked, q)
        post, pre = masked[q.end + 1:hi], masked[lo:max(lo, q.start - 1)]
        found = _it_cue(pre, post) or _possessive_fragment(pre) or _after_cue(post, q.quote, pre) or _tail_cue(post) or _fronted_participle(pre, post) or _passive_by(pre) or _before_cue(pre) \
            or _according_after(post) \
            or _colon_lead(pre, headline=q.paragraph == 0) or _manner_colon(pre) or _dash_lead(pre) or _clause_subject(pre) \
            or _colon_paragraph_before(masked, q, pre)
        if found and found[1] in _SUBJECT_ONLY_CUES and found[0].kind == "name" \
                and ctx.canonical(found[0].text) not in ctx.people:
            found = None  # "Insisting", "Pressed": a capital at a sentence start, not a person
        if _TEASER.match(q.context) and (not found or found[1].startswith("revealed")):
            # "Read more: ‘A dark day for British diplomacy’", "Read more: … ‘best pal’ Epstein
            # revealed": another story's headline, nobody's words here (rule 31); never a
            # continuation of the quote before it.
            out.append(replace(q, speaker=None, cue="teaser line", mention=None))
            continue
        asked = _ASKED.match(pre)  # "Asked whether the target was now “dead in the water”, the spokesperson said"
        if asked and not any(t.lower() in SPEECH_VERBS for t in _tokens(pre)[1:]):
            found = (classify_phrase(asked.group(1)), "question put by") if asked.group(1) else None
            found = found if found and found[0] else None
        speaker = cue = mention = None
        if found:
            found_mention, cue = found
            mention = found_mention.text
            at = q.start
            if found_mention.kind == "pronoun":  # antecedents precede the pronoun, not just the quote
                hits = list(re.finditer(rf"\b{mention}\b", pre, re.IGNORECASE))
                at = lo + hits[-1].start() if hits else q.start
            speaker = ctx.resolve(found_mention, at, out)
        else:
            prev = next((p for p in reversed(out) if not _FURNITURE.fullmatch(p.context.strip())), None)
            if prev and prev.speaker and _paragraphs_between(masked, prev, q) <= CONTINUATION_PARAGRAPHS \
                    and _continues(masked, q, prev):
                speaker, cue = prev.speaker, "continues previous quote"
        out.append(replace(q, speaker=speaker, cue=cue, mention=mention))
    return _echoes(out, frozenset(ctx.people))


# The quote sits inside a fronted question clause: the asker's words (rule 31), not the answerer's.
_ASKED = re.compile(r"\s*Asked(?:\s+by\s+([^,]+?))?\s+(?:whether|if|about|why|how|what|when|to)\b[^,;:]*\Z")


# A plural group as speaker ("Survivors", "Opposition leaders", "Labour MPs"): rule 27 gives its
# words to the person the article later shows saying them. Only these group nouns, so that no
# surname ending in -ers or -ies ("Bernie Sanders", "Hakeem Jeffries") is taken for a group.
_GROUP_NOUNS_PLURAL = ("campaigners|survivors|victims|critics|leaders|allies|MPs|peers|members|families|residents|"
                       "protesters|opponents|activists|supporters|officials|sources|ministers|lawyers|experts|"
                       "economists|analysts|parents|unions|backbenchers|councillors|colleagues")
_GROUP_SPEAKER = re.compile(rf"(?:[A-Z][a-z]+ |[a-z]+ )?(?i:{_GROUP_NOUNS_PLURAL})")
# Words a speaker uses to quote others back: "what my colleague calls a gift to billionaires",
# "some people call it a waste of money". Their words are not the group's source.
_QUOTED_BACK = re.compile(r"\b(?:call|calls|called|calling|say|says|said|describe|describes|described|claim|claims|"
                          r"so-called)\b(?:\s+\w+){0,3}\s*\Z")


def _echoes(quotes: list[Quote], people: frozenset[str] = frozenset()) -> list[Quote]:
    """A quote with no speaker whose words another quote of the article repeats with a speaker
    takes that speaker: a headline's "best pal" is the words the body later credits
    (labels/README.md rules 2 and 27); so does a group's fragment ("Survivors urge …") that a
    person is later shown saying, and a headline's quote whose words open a person's quote in the
    body ("Bank agrees … settlement: ‘No amount of money can undo the harm’")."""
    said = [(_words(q.quote), q) for q in quotes if q.speaker and not _GROUP_SPEAKER.fullmatch(q.speaker)]
    headline = quotes[0].context.strip() if quotes and quotes[0].paragraph == 0 else ""
    is_headline = bool(headline) and len(headline) < 160 and not headline.endswith(".")
    out = []
    for q in quotes:
        group = q.speaker is not None and bool(_GROUP_SPEAKER.fullmatch(q.speaker)) and q.speaker not in people
        headline_body = is_headline and q.paragraph == 0 and q.speaker and people and q.speaker not in people
        if (q.speaker is None or group or headline_body) and (mine := _words(q.quote)):
            for words, other in said:
                if other is q:
                    continue
                if headline_body and not group and q.speaker is not None:
                    # the headline's words open the person's quote, three words or more
                    ok = other.speaker in people and len(mine.split()) >= 3 and f" {words} ".startswith(f" {mine} ")
                elif group:  # a person saying the group's words, not quoting them back
                    at = f" {words} ".find(f" {mine} ")
                    ok = other.speaker in people and at >= 0 and not _QUOTED_BACK.search(words[:at])
                else:
                    ok = f" {mine} " in f" {words} " or len(mine) > 3 * len(words) > 30 and f" {words} " in f" {mine} "
                if ok:
                    q = replace(q, speaker=other.speaker, mention=other.mention, cue="same words quoted elsewhere")
                    break
        out.append(q)
    return out


def _words(s: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", s.lower().replace("’", "'")))


# A line pointing to another story: its quotes are that story's headline, nobody's here (rule 31).
_TEASER = re.compile(r"\s*(?:read more|related|more on this story|see also|watch|listen)\s*:", re.IGNORECASE)
# Page furniture between paragraphs of one statement: not paragraphs of the story.
_FURNITURE = re.compile(r"(?:read more|related|advertisement|image|photo|video|watch|send push|listen)\b.*|\W*",
                        re.IGNORECASE)


def _paragraphs_between(masked: str, prev: Quote, q: Quote) -> int:
    """Paragraphs from ``prev`` to ``q``, not counting furniture lines ("READ MORE: ...", "image")."""
    lines = masked[prev.end:q.start].split("\n")
    if len(lines) == 1:
        return 0
    return 1 + sum(1 for ln in lines[1:-1] if ln.strip() and not _FURNITURE.fullmatch(ln.strip()))


_BREAK_RUN = re.compile(r"[\r\n]+")


def _mask(text: str, quotes: list[Quote]) -> str:
    chars = list(text)
    for q in quotes:
        chars[q.start:q.end] = MASK * (q.end - q.start)
    if any(a in text for a in _ABBREVIATION_HINTS):
        for m in _ABBREVIATION.finditer(text):  # "Sen. Ruth Abernathy, D-Kan., said": no sentence ends
            chars[m.end() - 1] = " "
    return "".join(chars)


# Abbreviated titles and US party-state tags whose full stop ends no sentence (AP style).
_ABBREVIATIONS = "Sen Rep Gov Lt Sgt Det Supt Insp Col Gen Capt Cllr Prof Rev Atty Amb".split()
_ABBREVIATION = re.compile(rf"\b(?:{'|'.join(_ABBREVIATIONS)})\.(?= [A-Z])|\b[DRI]-[A-Z][a-z]{{1,4}}\.(?=,)")
# A tag after a name that names no one: AP's party and state ("D-Calif."), an age ("Alan Brough, 74").
_PARTY_STATE_END = re.compile(r",\s*(?:[DRI]-[A-Z][a-z]{1,4}\.?|\d{1,3})\s*\Z")
_ABBREVIATION_HINTS = tuple(a + ". " for a in _ABBREVIATIONS) + ("D-", "R-", "I-")


def _sentence(masked: str, q: Quote) -> tuple[int, int]:
    """Bounds of the sentence holding the quote, within its paragraph; quotes are masked."""
    lo, hi = q.context_start, q.context_start + len(q.context)
    start = lo
    for m in _SENTENCE_END.finditer(masked, lo, q.start):
        start = m.end()
    m = _SENTENCE_END.search(masked, q.end, hi)
    return start, (m.end() if m else hi)


def _continues(masked: str, q: Quote, prev: Quote) -> bool:
    """A quote with no cue continues ``prev`` when it opens its paragraph or shares prev's sentence."""
    para_head = masked[q.context_start:q.start - 1].strip()
    return q.paragraph == prev.paragraph or para_head == "" or para_head.endswith(":")


def _tokens(s: str) -> list[str]:
    return _TOKEN.findall(s)


# After a quote: a description, then the name between commas, then the verb. The description
# must not be of someone else ("a friend of the peer, Peter Mandelson, said").
_POINTING = r"\b(?:of|for|to|from|by|with|close)\b"
_DESC_NAME_VERB = re.compile(r"((?:[Tt]he|[Aa]n?)\s+[^,.;:“”\"]{2,50}),\s+"
                             r"([A-Z][^,.;:“”\"]{2,40}),\s+(?:(?:has|had|also|then)\s+)?([a-z]+)\b")
_OF_SOMEONE_RE = re.compile(_POINTING + r"\s+(.*)$")


def _head_noun(desc: str) -> str:
    """The noun a description is about, lower-cased: "friend" in "close friend of Lord Mandelson",
    else its last word ("senior Labour MP" -> "mp")."""
    m = RELATION_OF.fullmatch(desc)
    return m.group("noun").lower() if m else desc.lower().split()[-1]


def _points_at_someone(desc: str) -> bool:
    """Whether a description points at another person ("a friend of the peer", "the lawyer for
    Epstein"): then the name after it is that person's. A body, a place, a plural or a group
    after "of" points at no one: "the chief constable of Northumbria Police, Vanessa Hurst," is
    Vanessa Hurst; so is "the chief inspector of prisons, …" and "the chair of the panel, …"."""
    desc = desc.rsplit(",", 1)[-1]  # the description next to the name, not "In a letter to MPs,"
    for m in _OF_SOMEONE_RE.finditer(desc):
        rest = m.group(1).strip()
        office = desc[:m.start()].split()[-1:]
        if m.group(0).startswith(("to", "of")) and office and office[0].lower() in _OFFICES_TOWARD_PLACES \
                and _PLACE_OF.fullmatch(rest):
            continue  # "The US ambassador to London, Warren Stephens,", "The mayor of London, Sadiq Khan,"
        what = classify_phrase(rest)
        if what and what.kind == "name" and RELATION_OF.search(desc):
            continue  # "An aide to Kemi Badenoch, James Smith, said": Badenoch is named; the name is the aide's
        plural = re.fullmatch(r"(?:[\w’'\-]+\s+){0,2}[a-z][\w\-]*[^s’'\s]s", rest)
        group = what and what.kind == "anaphor" and what.text.split()[-1] in _GROUP_NOUNS
        if not (what and what.kind == "body") and not _is_place(rest) and not plural and not group:
            return True
    return False


_PLACE_OF = re.compile(r"(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?")
# Offices held toward a place ("the US ambassador to London", "the mayor of London").
_OFFICES_TOWARD_PLACES = PERSON_ROLES | {"envoy", "representative"}


def _is_place(phrase: str) -> bool:
    """A capitalised phrase after "of" that is no person the sentence could mean: "the chief
    executive of Barclays", "the mayor of Greater Manchester" (one or two words, no title)."""
    return bool(_PLACE_OF.fullmatch(phrase)) and not any(w in HONORIFICS for w in phrase.split()) \
        and classify_phrase(phrase) is None


_PREPOSITIONS = frozenset("to of for from with about over into against".split())
# Words after a quote that open another clause, with its own subject and verb.
_NEW_CLAUSE = frozenset("while whereas but although though and".split())


def _after_cue(post: str, quote: str, pre: str) -> tuple[Mention, str] | None:
    """`“…,” she said` / `“…,” said Ms Allred` / `“…” – Gloria Allred` right after the quote."""
    m = re.match(r"[\s,.!?;:”’\"']*", post)
    rest = post[m.end():]
    last = (quote + post[:m.end()]).rstrip("”’\"' ")[-1:]  # the quote's last mark before its close
    dash = re.match(r"[–—-]\s*([A-Z][^,.;:()]{2,60}?)(?:,[^.;:()“”\"]*)?\s*$", rest) \
        or re.match(r"[–—-]\s*([A-Z][^,.;:()]{2,60}?)(?:,\s*(?:[a-z]+ing|the|an?)\b[^,.;:()“”\"]*)?[.!]\s*$", rest)
    # "– Lucy Harrow, general secretary of …"; "— Nigel Farage, speaking in Clacton on Friday."
    if dash and (mention := classify_phrase(dash.group(1))):
        return mention, "dash attribution"
    named = _DESC_NAME_VERB.match(rest)  # “…,” the Conservative leader, Kemi Badenoch, said.
    if named and named.group(3).lower() in SPEECH_VERBS and not _points_at_someone(named.group(1)) \
            and (mention := classify_phrase(named.group(2))) and mention.kind == "name":
        return mention, f"{named.group(3)} (after quote)"
    toks = _tokens(rest)[:12]
    if not toks or toks[0].lower() in _NEW_CLAUSE | _CLAUSE_WORDS or toks[0].lower() in _PREPOSITIONS | {"in", "on", "at", "by"}:
        return None  # “a disgrace”, while Ed Davey said …; ‘full confidence’ in Mandelson as Badenoch demands …
    if toks[0] in SPEECH_VERBS:  # said Ms Allred
        closed = last in ",.!?…:;–—-"
        inside = bool(pre.strip(" \t“‘\"'"))  # the writer's words before it in the sentence
        if inside and not closed and (toks[0].endswith("ing") or toks[0].lower() in _NOUN_OR_VERB):
            return None  # regretted “very deeply” continuing his friendship with …; ‘assessing’ claims that …
        after = rest[rest.lower().find(toks[0].lower()) + len(toks[0]):]
        phrase = _phrase_after(after)
        mention = classify_phrase(phrase) if phrase else None
        if mention is None and " of " in phrase:  # said Fiona Gallagher of the investment firm Arden Capital
            mention = classify_phrase(phrase.split(" of ")[0])
        if phrase and (mention is None or mention.kind in ("description", "anaphor")):
            # said the committee’s chair, Emily Thornberry. / said its chief executive, Julia Thorne.
            named = re.match(r"\s*,\s*([A-Z][^,.;:“”\"]{2,40}?)\s*(?:[,.]|$)", after[after.find(phrase) + len(phrase):])
            person = classify_phrase(named.group(1)) if named and not _points_at_someone(phrase) else None
            if person and person.kind == "name":
                mention = person
        return (mention, f"{toks[0]} (after quote)") if mention else None
    for i in range(1, min(len(toks), 8)):
        if toks[i] in SPEECH_VERBS:
            j = i
            while j > 0 and toks[j - 1].lower() in SKIP_BETWEEN:
                j -= 1
            subject = toks[:j]
            for k, t in enumerate(subject):
                if t.lower() in TEXT_NOUNS:  # a text's words are its author's (rule 12)
                    if k + 2 < len(subject) and subject[k + 1] in ("from", "by"):  # "a letter from Emily Thornberry"
                        mention = classify_phrase(" ".join(subject[k + 2:]))
                    elif k > 0 and re.search(r"[’']s$", subject[k - 1]):  # "Emily Thornberry’s letter"
                        mention = classify_phrase(re.sub(r"[’']s$", "", " ".join(subject[:k])))
                    else:  # "‘best pal’ letter to Epstein revealed": no author given
                        mention = None
                    ok = mention and mention.kind in ("name", "body")
                    return (mention, f"{toks[i]} (text's author)") if ok else None
            mention = classify_phrase(" ".join(subject))
            if mention and mention.kind == "name" and any(
                    t in _PREPOSITIONS and k > 0 and subject[k - 1][:1].islower() for k, t in enumerate(subject)):
                return None  # "a friend of Lord Mandelson said": the name is not the speaker
                # ("Secretary of State Wes Streeting", "Lord Falconer of Thoroton" keep theirs)
            return (mention, f"{toks[i]} (after quote)") if mention else None
        if toks[i] in ",;:“”\"" or toks[i] == MASK or toks[i].lower() in _CLAUSE_WORDS:
            break
    named = _NAME_APPOSITIVE_VERB.match(rest)  # “…,” Rep. Thomas Massie, the Kentucky Republican who …, told reporters
    same_sentence = last == ","  # “…,” Name, the …, said
    if named and same_sentence and named.group(2).lower() in SPEECH_VERBS \
            and (mention := classify_phrase(named.group(1))) and mention.kind == "name":
        return mention, f"{named.group(2)} (after quote)"
    return None


# Speech verbs that are also plural nouns: after a fragment that closes no clause they are the
# noun ("‘assessing’ claims that …"), not "…,” claims Ms Allred".
_NOUN_OR_VERB = frozenset("claims comments remarks reports notes warnings statements".split())
_CLAUSE_WORDS = frozenset("as while when after before because since if but".split())  # not "and": "Competition and Markets Authority"
_NAME_APPOSITIVE_VERB = re.compile(r"([A-Z][^,.;:“”\"]{2,40}),\s+(?:the|a|an)\s+[^,.;:“”\"]{2,80},\s+(?:(?:has|had|also)\s+)?([a-z]+)\b")


# What follows an unnamed source's noun: "a source close to the inquiry", "an official familiar with".
_SOURCE_QUALIFIER = re.compile(r"\s+(?:close\s+to|familiar\s+with|with\s+knowledge\s+of|who|in|at)\b")


def _according_after(post: str) -> tuple[Mention, str] | None:
    """“…,” according to X / to a source close to Y: tried after the cues before the quote, so
    "Badenoch said it was “weak”, according to the Times" stays Badenoch's."""
    m = re.match(r"[\s,.!?;:”’\"']*[Aa]ccording\s+to\s+([^,.;:()“”\"]{2,60})", post)
    mention = _source_phrase(m.group(1)) if m else None
    return (mention, "according to (after quote)") if mention else None


def _source_phrase(who: str) -> Mention | None:
    """Who "according to ..." names: "a source close to Mandelson" is a source, not Mandelson."""
    head = _SOURCE_QUALIFIER.split(who)[0]
    return (classify_phrase(head) if head != who else None) or classify_phrase(who)


# When or where words were said, after the verb that ends a sentence: "…, a former civil servant
# claimed last night." (the common forms in UK and US copy).
_WHEN_SAID = (r"(?:last\s+(?:night|week|month)|yesterday|today|tonight|this\s+(?:morning|afternoon|evening|week)|"
              r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|in\s+a\s+statement|in\s+an\s+interview)")
_TAIL_APPOSITIVE = re.compile(r",\s+((?:the|a|an|its|his|her|their)\s+[^,.;:“”\"]{2,60}),\s+([A-Z][^,.;:“”\"]{2,40}),\s+"
                              r"(?:has\s+|have\s+|had\s+)?([a-z]+)\s*[.!]?\s*$")


def _tail_cue(post: str) -> tuple[Mention, str] | None:
    """A sentence that ends in its attribution: "Mandelson 'lied repeatedly' to my team,
    Starmer says" (headlines), or a headline quote then a colon and its speaker's verb
    ("'Your friends love you': Lord Mandelson comforts ...")."""
    m = _TAIL_APPOSITIVE.search(post)  # ", the chief inspector of prisons, Charlotte Nwosu, has warned."
    if m and m.group(3) in SPEECH_VERBS and MASK not in m.group(0) and not _points_at_someone(m.group(1)) \
            and (mention := classify_phrase(m.group(2))) and mention.kind == "name":
        return mention, f"{m.group(3)} (end of sentence)"
    m = re.search(rf",\s+((?:[\w’'\-]+\s+){{0,5}}?[\w’'\-]+)\s+(?:has\s+|have\s+|had\s+)?(says|said|claims|claimed|admits|admitted|"
                  rf"warns|warned|insists|insisted|tells\s+\w+|told\s+\w+)(?:\s+{_WHEN_SAID})?\s*[.!]?\s*$", post)
    if m and MASK not in m.group(1) and (mention := classify_phrase(m.group(1))):
        return mention, f"{m.group(2)} (end of sentence)"
    m = re.search(r",\s+(says|said)\s+((?:[\w’'\-]+\s*){1,6})[.!]?\s*$", post)
    if m and MASK not in m.group(2) and (mention := classify_phrase(_phrase_after(" " + m.group(2)))):
        return mention, f"{m.group(1)} (end of sentence)"
    m = re.match(r"[”’\"']?\s*:\s*((?:[A-Z][\w’'\-]*\s+){1,4})([a-z]+s)\b", post)
    if m and (mention := classify_phrase(m.group(1))):
        return mention, f"{m.group(2)} (headline)"
    return None


def _fronted_participle(pre: str, post: str) -> tuple[Mention, str] | None:
    """A sentence that opens with a reporting participle holding the quote names its speaker
    after the clause: 'Insisting that he has a "sense of sympathy" for ..., Mandelson said'."""
    m = re.match(r"\s*([A-Z][a-z]+ing)\b", pre)
    if not m or m.group(1).lower() not in SPEECH_VERBS:
        return None
    after = re.search(r",\s+((?:[A-Z][\w’'\-]*\s+){0,3}[A-Z][\w’'\-]*|he|she|they)\s+[a-z]", post)
    mention = classify_phrase(after.group(1)) if after and MASK not in after.group(1) else None
    return (mention, f"{m.group(1).lower()} (opening the sentence)") if mention else None


def _sentence_subject(s: str) -> Mention | None:
    """The subject opening ``s`` (a clause with its verb later): name, pronoun, body or description,
    past a leading adverbial ("For example, he ...")."""
    s = re.sub(r"^\s*(?:(?:For example|However|Meanwhile|Instead|Indeed|But|And|Yet|So|Then|Now|Earlier|Later),?\s+)+",
               "", s)
    toks = re.findall(r"[\w’'\-]+|[,]", s)
    for n in range(min(5, len(toks)), 0, -1):
        phrase = " ".join(toks[:n])
        if "," in phrase or MASK in phrase:
            continue
        mention = classify_phrase(phrase)
        if mention:
            return mention
    return None


def _clause_subject(pre: str) -> tuple[Mention, str] | None:
    """No reporting verb: the subject of the clause holding the quote speaks (fragments such as
    'Mandelson has confessed to carrying on his friendship "for far longer ..."')."""
    parts = re.split(r"([;:]|\b(?:after|because|although|while|when|as)\b|,\s+(?:and|but)\b)", pre)
    k = len(parts) - 1
    # "X has been trying ..., and has apologised for ... "quote"": a clause with no subject of
    # its own shares the one before it.
    while k >= 2 and parts[k - 1].startswith(",") and re.match(r"\s*(?:[a-z]|$)", parts[k]):
        k -= 2
    m = _WRITTEN_BY.match(parts[k])
    if m:  # "A 2023 report by JPMorgan Chase into Epstein detailed the “…”" (002)
        mention = classify_phrase(m.group(2))
        if mention and mention.kind in ("name", "body"):
            return mention, f"{m.group(1)} by its author"
    mention = _leading_subject(parts[k])
    return (mention, SUBJECT_CUE) if mention else None


def _leading_subject(text: str) -> Mention | None:
    """The name or pronoun that opens ``text`` (the longest of its first five words, no comma)."""
    toks = re.findall(r"[\w’'\-]+|[,]", text)
    for n in range(min(5, len(toks)), 0, -1):
        phrase = " ".join(toks[:n])
        if "," in phrase or MASK in phrase:
            continue
        mention = classify_phrase(phrase)
        if mention and mention.kind == "description" and n > 1:
            return None  # "Reeves allies ‘furious’": the allies, not Reeves
        if mention and (mention.kind in ("name", "pronoun") or mention.kind == "body" and n < len(toks)
                        and _RELATIVE_AFTER.match(text, text.find(toks[n - 1]) + len(toks[n - 1]))):
            return mention  # a body only before its relative clause: "The Ohio Democratic Party, which …"
    return None


_RELATIVE_AFTER = re.compile(r"\s*,\s*(?:which|who)\b")


# A written text as the subject, with its author: "A 2023 report by JPMorgan Chase", "a letter from Gordon Brown".
_WRITTEN_BY = re.compile(rf"\s*(?:(?:[Aa]n?|[Tt]he)\s+)?(?:\d{{4}}\s+)?(report|review|statement|letter|memo|email|note)\s+"
                         rf"(?:by|from)\s+(?:the\s+)?({CAP_RUN.pattern})")


# A sentence must say its subject speaks or holds a view before a dash hands it a quote.
_OPINION_VERBS = SPEECH_VERBS | frozenset("think thinks believe feel feels suggest suggests suggested "
                                          "seem seems seemed".split())


_IT_AFTER = re.compile(r"[\s,.!?;:”’\"']*it\s+(?:has\s+|also\s+)?(said|added|says|adds|stated|insisted|warned)\b")
_IT_BEFORE = re.compile(r"\s*It\s+(?:has\s+|also\s+)?(said|added|says|adds|stated|insisted|warned)\b[^“”\"]{0,60}$")


def _it_cue(pre: str, post: str) -> tuple[Mention, str] | None:
    """“…,” it said / It added: “…” — a body spoke (a person is he or she)."""
    m = _IT_AFTER.match(post) or _IT_BEFORE.match(pre)
    return (Mention("it", "pronoun", "n"), m.group(1)) if m else None


def _possessive_fragment(pre: str) -> tuple[Mention, str] | None:
    """A fragment after "his"/"her" inside a subordinate clause is the words of that clause's
    subject: 'Streeting has defended Mandelson after the US ambassador appeared to refer to
    Epstein as his “best pal”' (c02; rule 14: the person whose words they are)."""
    if not re.search(r"\b(?:his|her|their)\s*$", pre):
        return None
    # The last subordinate clause with a subject and a verb of its own ("as his" has none).
    for clause in reversed(list(re.finditer(r"\b(?:after|when|because|while|since|as|where)\s+", pre))):
        for subject in _CLAUSE_SUBJECTS:  # shortest first: "the US ambassador" before "… appeared"
            m = subject.match(pre, clause.end())
            if m and MASK not in m.group() and _VERBISH.match(pre, m.end()):
                mention = classify_phrase(m.group())
                return (mention, "subject of the clause holding the quote") if mention else None
    return None


# "the email from Mandelson": a written text and its author.
_TEXT_FROM = re.compile(rf"\b(?:{'|'.join(sorted(TEXT_NOUNS))})\s+(?:from|by)\s+((?:the\s+)?(?:[\w’'\-]+\s+){{0,3}}[\w’'\-]+)")
# Who issues the text that the next paragraph holds: "X issued the following statement today:".
_ON_BEHALF = re.compile(r"\b(?:on\s+behalf\s+of|from)\s+([^:“”\"]{2,80}?)\s*:\s*\Z")
_ISSUED = re.compile(r"\s*(.+?)\s+(?:has\s+|have\s+)?(issued|released|put\s+out|published)\s+"
                     r"(?:the\s+following|this|a|an|her|his|their|its)\b[^:“”\"]*:\s*\Z")


_IN_A_TEXT = re.compile(r"^\s*(?:In|Through|Via)\s+(?:a|an|her|his|their|its)\s+(?:[\w\-]+\s+)?(?:statement|post|letter|"
                        r"email|message|video|tweet)\b[^,]*,\s*")


def _colon_paragraph_before(masked: str, q: Quote, pre: str) -> tuple[Mention, str] | None:
    """A quote opening a paragraph after one that ends in a colon: "Lord Mandelson said:" then
    the quote on its own line. The speaker is who that colon's sentence names."""
    if pre.strip(" \t\"“‘'"):
        return None
    para_start = masked.rfind("\n", 0, q.start)
    if para_start <= 0:
        return None
    before = masked[:para_start].rstrip()
    if not before.endswith(":"):
        return None
    sentence = re.split(r"(?<=[.!?])\s+|\n", before)[-1]
    text = _TEXT_FROM.search(sentence)
    if text:  # "Badenoch read out the email from Mandelson to Epstein:" (rule 12: its author's words)
        author = classify_phrase(_phrase_after(" " + text.group(1)))
        return (author, "written by (paragraph before)") if author else None
    issued = _ISSUED.match(sentence)  # "Gloria Allred, who represents …, issued the following statement today:"
    if issued:
        behalf = _ON_BEHALF.search(sentence, issued.end(2))  # "Police released a statement on behalf of the family:"
        author = classify_phrase(_phrase_after(" " + behalf.group(1))) if behalf else _subject_before(issued.group(1))
        if author and (behalf or author.kind != "anaphor"):
            return author, f"{issued.group(2)} (paragraph before)"
        return None
    sentence = _IN_A_TEXT.sub("", sentence)  # "In a statement released through their lawyer, his mother said:"
    if any(w.lower() in TEXT_NOUNS for w in re.findall(r"[\w’']+", sentence)):
        return None  # a text read out, author not given
    found = _before_cue(sentence) or _colon_lead(sentence)
    return (found[0], f"{found[1]} (paragraph before)") if found else None


_HEADLINE_VERB_COLON = re.compile(r"\s*((?:[A-Z][\w’'\-]*\s+){0,3}[A-Z][\w’'\-]*)\s+(?:[a-z]+s)\b[^:“”\"]{0,60}:\s*\Z")


def _colon_lead(pre: str, headline: bool = False) -> tuple[Mention, str] | None:
    """A headline's "Badenoch: “He must go”": a name or body alone before a colon speaks; in
    the headline itself, also before a clause ("Starmer: Mandelson ‘lied repeatedly’")."""
    m = re.fullmatch(r"\s*((?:[A-Z][\w’'\-]*\s+){0,3}[A-Z][\w’'\-]*)\s*:\s*" + (r"[^:“”\"]*" if headline else ""), pre)
    mention = classify_phrase(m.group(1)) if m else None
    if mention is None and headline and (v := _HEADLINE_VERB_COLON.match(pre)):
        mention = classify_phrase(v.group(1))  # "Mandelson breaks silence: ‘I was taken in by his lies’"
    return (mention, COLON_CUE) if mention and mention.kind in ("name", "body") else None


# "Another Labour MP, speaking on condition of anonymity, was blunter:": a sentence that says how
# its subject spoke, ended by a colon, hands the subject the quote after it.
_MANNER_COLON = re.compile(r"\s*([^,:;“”\"]{2,60}?)(?:,([^:;“”\"]{2,80}),)?\s+(?:was|is|were|are|has\s+been|had\s+been)\s+"
                           r"(?:(?:more|less|even|rather|far|much|equally|just\s+as)\s+){0,2}"
                           r"(?:blunter|blunt|direct|defiant|unrepentant|scathing|clear|adamant|emphatic|forthright|"
                           r"candid|frank|succinct|unequivocal|diplomatic|cautious|circumspect|measured|withering|"
                           r"damning|brief|terse|brutal|scornful|dismissive|robust|firm)\s*:\s*$")


def _manner_colon(pre: str) -> tuple[Mention, str] | None:
    m = _MANNER_COLON.fullmatch(pre)
    if not m or MASK in m.group(0):
        return None
    named = classify_phrase(m.group(2).strip()) if m.group(2) else None
    if named and named.kind == "name":  # "The Education Secretary, Bridget Phillipson, was more cautious:"
        return named, COLON_CUE
    mention = classify_phrase(m.group(1))
    if mention and mention.kind == "description" and not (mention.indefinite or _speaker_noun(mention.text)) \
            or re.search(r"\b[a-z]+ing\b", m.group(1)):
        return None  # "The choice facing MPs is clear:" is no speaker
    return (mention, COLON_CUE) if mention and mention.kind in ("name", "body", "description", "pronoun") else None


def _speaker_noun(desc: str) -> bool:
    head = desc.lower().split()[-1]
    return head in SPEAKER_NOUNS or head in PERSON_ROLES


def _dash_lead(pre: str) -> tuple[Mention, str] | None:
    """A quote opened right after a dash, with no reporting verb: the subject of the sentence
    before the dash says it ("he seems to think that ... – “All the time I was ...”", c06)."""
    if not re.search(r"\s[–—]\s*$", pre) or not any(w.lower() in _OPINION_VERBS for w in re.findall(r"[a-z]+", pre)):
        return None  # "he was sacked – “a humiliating end”": the quote is not his
    mention = _leading_subject(re.sub(r"^\s*[A-Z][\w’']*(?:\s+[\w’']+){0,2},\s*", "", pre))  # "For example, he ..."
    return (mention, DASH_CUE) if mention else None


def _phrase_after(s: str) -> str:
    """The noun phrase after an inverted verb: "a spokesperson for Lord Mandelson", "lawyer X"."""
    s = re.split(r"[,.;:!?“”\"()]|\s[–—-]\s", s, maxsplit=1)[0].strip()
    m = re.match(r"(.*?\b(?:spokesperson|spokesman|spokeswoman)\s+for\s+(?:the\s+)?[A-Z][\w’'. -]*)", s)
    if m:
        return m.group(1)
    return re.split(r"\s(?:for|to|in|on|at|who|which|that|after|before|as|from|about|when|while|if|because)\s", s,
                    maxsplit=1)[0]


# "X is understood to have told", "X was quoted as saying": the subject of the report is the
# speaker, as if the words between were not there.
_REPORTED = re.compile(r"\b(?:is|was|are|were|has\s+been|have\s+been|had\s+been)\s+(?:understood|said|reported|"
                       r"thought|believed|known|alleged|quoted)\s+(?:to\s+have|as)\s+(?=[a-z])")
# "The prime minister was accused by the Green MP Ruth Ansell of “…”": the agent speaks.
_PASSIVE_BY = re.compile(r"\b(?:is|was|are|were|been|being)\s+(?:also\s+|later\s+|then\s+)?(accused|criticised|criticized|"
                         r"condemned|praised|described|called|branded|labelled|urged|attacked|slammed|blasted|dubbed|"
                         r"told|warned|asked)\s+by\s+((?:the\s+)?[^,.;:“”\"]{2,60}?)\s+(?:of|as|to|that|for)\b[^.;“”\"]*$")


def _passive_by(pre: str) -> tuple[Mention, str] | None:
    m = _PASSIVE_BY.search(pre)
    if not m or MASK in m.group(2) or _RELATIVE_BEFORE.search(pre, 0, m.start() + 1) \
            or any(t.lower() in SPEECH_VERBS for t in _tokens(pre[m.end(2):])):
        return None  # "Smith, who was criticised by the Tories …, said": Smith speaks
    mention = classify_phrase(m.group(2))
    return (mention, f"{m.group(1)} by") if mention else None


_RELATIVE_BEFORE = re.compile(r"\b(?:who|which|whom|that)\s+(?:has\s+|had\s+|have\s+)?\S*\s*\Z")


# A reporting verb, then a plural description as the subject of a reported clause.
_SAYS = "said|says|added|warned|claimed|insisted"
_REPORTED_CLAUSE = re.compile(rf"\b(?:{_SAYS}|told|tells)(?:[ \t]+that)?[ \t]+"
                              r"(?:(?:the|its|their|his|her|many|some|most)[ \t]+)?(?:[\w\-]+[ \t]+){0,2}[a-z][\w\-]*s[ \t]*\Z")


# "… from the back benches": a noun phrase inside a prepositional phrase, not a subject.
_AFTER_PREPOSITION = re.compile(r"\b(?:from|in|at|on|with|of|by|for|behind|near|outside|inside)[ \t]+the[ \t]+"
                                r"(?:[\w\-]+[ \t]+){0,2}[\w\-]+[ \t]*,?[ \t]*\Z")
_REPORTED_THING = re.compile(rf"\b(?:{_SAYS}|told[ \t]+\w+|tells[ \t]+\w+)(?:[ \t]+that)?[ \t]+"
                             r"(?:the|its|their|his|her|this|that)[ \t]+(?:[\w\-]+[ \t]+){0,2}[a-z][\w\-]*[ \t]*\Z")


def _before_cue(pre: str) -> tuple[Mention, str] | None:
    """The subject of the last reporting verb before the quote in its sentence."""
    pre = _REPORTED.sub(lambda m: " " * len(m.group()), pre)  # same length: offsets stay
    words = list(re.finditer(r"[\w’'\-]+|[,:;–—(]", pre))
    shared = shared_verb = None
    for k in range(len(words) - 1, -1, -1):
        verb = words[k].group()
        if verb.lower() not in SPEECH_VERBS or verb[0].isupper() and k > 0:
            continue
        j = k
        while j > 0 and words[j - 1].group().lower() in SKIP_BETWEEN:
            j -= 1
        if j == 0:
            continue
        if words[j - 1].group() in ("and", "but") or words[j - 1].group() == "," and verb.endswith("ing"):
            # "She pointed out ..., and then asked whether ..."; "The White House disputed it,
            # stating ...": the verb shares the subject of the clause before it, unless an
            # earlier reporting verb governs the sentence ("Allred said he should ... and tell").
            shared = shared or _nearest_subject(pre[:words[j - 1].start()])
            if shared:
                shared_verb = shared_verb or verb
            continue
        if words[j - 1].group() == "," and not _appositive(words, j):
            continue
        author = _author_of_text(pre[:words[j - 1].end()])
        if author:
            return author, f"{verb} (text's author)"
        end = words[j - 1].end()
        close = re.match(r"\s*\)", pre[end:])  # "Peter Mandelson (pictured) said"
        if close:
            end += close.end()
        mention = _subject_before(pre[:end])
        if mention is None and j == k and (owner := words[j - 1].group().lower()) in ("his", "her") \
                and not verb.endswith(("ed", "s")):
            mention = Mention(words[j - 1].group(), "pronoun", "m" if owner == "his" else "f")  # "His claim that …"
        if mention is None or mention.kind == "anaphor" and _AFTER_PREPOSITION.search(pre, 0, end):
            opener = _UNNAMED_SUBJECT.match(pre)  # "One Labour MP watching from the back benches said"
            unnamed = classify_phrase(opener.group(1)) if opener and opener.end() < end else None
            if unnamed and unnamed.kind == "description":
                mention = unnamed
        if mention and mention.kind == "description" and _REPORTED_CLAUSE.search(pre, 0, end):
            continue  # "Pryce said members felt “…”": whose feelings, in the words of who said it
        if mention and mention.kind == "anaphor" and _REPORTED_THING.search(pre, 0, end):
            continue  # "Farrant said the fine showed …": a thing "shows", the one who said it speaks
        if mention:
            return mention, verb
    if shared:
        return shared, shared_verb
    m = re.search(r"\b(?:[Aa]ccording to|[Ii]n the words of) ([^,.;:]+)", pre)
    if m and (mention := _source_phrase(m.group(1))):
        return mention, "according to"
    return None


# A subject: a capitalised run, a pronoun, or a determiner and up to three words.
_SUBJECT = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b|\b(?:[Tt]he|[Aa]n?)[ \t]+(?:[a-z][\w’'\-]*[ \t]+){0,2}[a-z][\w’'\-]*|"
                      + CAP_RUN.pattern)
# Words that open a subordinate clause whose subject is not the sentence's ("before he was").
_SUBORDINATORS = frozenset("before after when because if while as since until whether although of to "
                           "for with by from on in at about".split())
# A subordinate clause's subject: a determiner, up to two modifiers of any case and a noun ("the
# US ambassador"), shortest first; else _SUBJECT.
_CLAUSE_SUBJECTS = tuple(re.compile(rf"(?:[Tt]he|[Aa]n?)[ \t]+(?:[\w’'\-]+[ \t]+){{{n}}}[a-z][\w’'\-]*\b")
                         for n in range(3)) + (_SUBJECT,)


def _nearest_subject(pre: str) -> Mention | None:
    """The last speaker phrase in ``pre`` standing as a subject (right before a verb, not inside an
    adverbial clause): what "and asked" or ", stating" shares ("The Prime Minister deflected
    questions ..., saying")."""
    found = None
    for m in _SUBJECT.finditer(pre):
        if MASK in m.group() or not _VERBISH.match(pre, m.end()):
            continue
        before = re.search(r"([A-Za-z’']+)[ \t]*$", pre[:m.start()])
        if before and before.group(1).lower() in _SUBORDINATORS:
            continue
        mention = classify_phrase(m.group())
        if mention:
            found = mention
    return found


def _appositive(words, j: int) -> bool:
    return j > 1 and words[j - 1].group() == ","


# Where a subject phrase cannot reach past: punctuation, and words that start a clause.
_CHUNK_STOP = re.compile(r"[,:;()\[\]“”\".!?]|\s[–—-]\s|\b(?:that|to|of|in|on|by|with|from|after|before|about|"
                         r"when|while|which|who|whom|because|if|but|and|or)\b(?=\s)|" + MASK)


# Characters before a verb that a subject phrase can span ("One senior executive at a FTSE 100
# company, who did not wish to be named," is about 70).
SUBJECT_REACH = 160
# A participial or prepositional clause between commas: "speaking to reporters in Toledo".
_ADVERBIAL = re.compile(r"\s*(?:[a-z]+ing|in|at|on|after|before|during|outside|inside|from|with|for|by)\b")
_REFLEXIVE = re.compile(r"\s+(?:himself|herself|themselves|itself)\s*\Z")
# An office held toward a place: "the UK’s ambassador to Washington", "the mayor of Bristol".
_OFFICE_OF_PLACE = re.compile(rf"((?:(?:[Tt]he|[Aa]n?)[ \t]+)?(?:[\w’'\-]+[ \t]+){{0,2}}(?:{'|'.join(sorted(PERSON_ROLES))}))"
                              r"[ \t]+(?:to|of|in|for)[ \t]+(?:the[ \t]+)?[A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*)?[ \t]*\Z")
_SOURCE_AT_END = re.compile(SOURCE_AT.pattern + r"[^,.;:“”\"]*\Z")


_RELATION_AT_END = re.compile(rf"(?<![\w’'])(?:{RELATION_OF.pattern})\s*\Z")


def _subject_before(s: str) -> Mention | None:
    """The speaker phrase ending ``s``: a name, pronoun, body or description, past an appositive."""
    s = _PARTY_STATE_END.sub("", s.rstrip())  # "Rep. Robert Garcia, D-Calif., the top Democrat …,"
    tail = max(0, len(s) - SUBJECT_REACH)  # a subject phrase ends the text: look at its end only
    source = _SOURCE_AT_END.search(s, tail)  # "A source close to the chancellor said": the source
    if source:
        return classify_phrase(s[source.start():])
    relation = _RELATION_AT_END.search(s, tail)  # "An aide to Kemi Badenoch said": the aide
    if relation:
        return classify_phrase(s[relation.start():])
    if s.endswith((",", ")", "—", "–")):  # "Gloria Allred, who represents 27 victims, has told"
        inner = s[:-1]
        cut = max(inner.rfind(","), inner.rfind("("), inner.rfind("—"), inner.rfind("–"))
        if cut > 0 and _ADVERBIAL.match(inner, cut + 1):
            # "Beaumont himself, speaking to reporters in Toledo, said": the clause between the
            # commas names no one; the subject is before it.
            return _subject_before(_REFLEXIVE.sub("", inner[:cut]))
        if cut > 0:
            found = _subject_before(inner[:cut])
            if found and found.kind == "name":
                return found
            # "Epstein’s victims’ lawyer, Gloria Allred, said": the name between the commas, unless
            # it names what the description is of ("A friend of the peer, Peter Mandelson, said").
            named = classify_phrase(inner[cut + 1:].strip())
            if named and named.kind == "name" and not _points_at_someone(inner[:cut]):
                return named
            if named and named.kind == "body" and found and found.kind == "anaphor":
                return named  # "The developer, Calloway Homes, said"
            if found:
                return found
        return None
    s = _REFLEXIVE.sub("", s)
    end_part = s[-100:]
    office = _OFFICE_OF_PLACE.search(end_part) if any(f" {w} " in end_part for w in ("to", "of", "in", "for")) \
        and any(r in end_part for r in PERSON_ROLES) else None  # "the UK’s ambassador to Washington"
    if office and not set(office.group(0).split()) & FIRST_NAMES \
            and (mention := classify_phrase(office.group(1))) and mention.kind == "description":
        return mention
    stops = list(_CHUNK_STOP.finditer(s))
    chunk = s[stops[-1].end():] if stops else s
    # "spokesperson for X" and "House of Commons" cross a stop word: allow one; a body's name
    # crosses "and" as well ("Department of Health and Social Care").
    if len(stops) >= 1 and stops[-1].group().strip() in ("for", "of"):
        prev_start = stops[-2].end() if len(stops) > 1 else 0
        mention = classify_phrase(s[prev_start:])
        if mention:
            return mention
    k = len(stops) - 1
    longest = None  # the longest body: "Department of Health and Social Care", not "Health and Social Care"
    while k >= 0 and stops[k].group().strip() in ("for", "of", "and"):
        mention = classify_phrase(s[stops[k - 1].end() if k > 0 else 0:])
        if mention and mention.kind == "body":
            longest = mention
        k -= 1
    if longest:
        return longest
    toks = chunk.split()
    for n in range(min(8, len(toks)), 0, -1):
        mention = classify_phrase(" ".join(toks[-n:]))
        if mention:
            return mention
    # "Lawyer for Epstein victims says": the description before "for" or "of".
    head = classify_phrase(re.split(r"\s+(?:for|of)\s+", chunk.strip(), maxsplit=1)[0])
    return head if head and head.kind == "description" else None


def _author_of_text(s: str) -> Mention | None:
    """"Lord Mandelson's birthday message to Epstein" / "His message" -> the author."""
    m = re.search(r"((?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w\-]*|[Hh]is|[Hh]er|[Tt]heir)[’']s?\s+(?:[\w\-]+\s+){0,2}(\w+)(?:\s+(?:to|for)\s+[\w ]+)?\s*$", s)
    if not m or m.group(2).lower() not in TEXT_NOUNS:
        return None
    who = m.group(1)
    pron = {"his": "he", "her": "she", "their": "they"}.get(who.lower())
    return classify_phrase(pron or who)


_KNIGHTED = re.compile(r"(?:Sir|Dame)\s")


# A sentence opened by a body ("The Foreign Office issued …") or by a text ("The report was …").
_BODY_HEAD = re.compile(rf"(?:The\s+)?({CAP_RUN.pattern})")
_TEXT_HEAD = re.compile(r"(?:The|This|That|Its|His|Her)\s+(?:\w+\s+)?(\w+)")
_TEXT_SUBJECTS = TEXT_NOUNS | {"report"}


class _ArticleContext:
    """What attribution knows of one article: its names, their genders, roles and the target."""

    def __init__(self, masked: str, target: Target):
        self.target = target
        self.names = person_names(masked)
        surname = target.name.split()[-1]
        found = [n for _, n, _ in self.names]
        # names are listed at the start of their capitalised run, title included: "Sir Keir"
        knighted = frozenset(n for i, n, _ in self.names if " " not in n and _KNIGHTED.match(masked, i))
        self.canon = canonical_names(found, knighted)
        for n in found:
            if _same_surname(n.split()[-1], surname):
                self.canon[n] = target.name
        self.masked = masked
        self.people = set(self.canon.values()) | {target.name}

    # Genders, roles and sentence subjects are worked out on first use: most articles' quotes
    # are resolved by a name in their cue, without them (a third of attribution's time before).

    @cached_property
    def gender(self) -> dict[str, str]:
        gender: dict[str, str] = {}
        for _, n, g in self.names:
            if g:
                gender.setdefault(self.canon[n], g)
        for n in self.canon.values():  # a given name says more than the pronouns near a name
            first = n.split()[0] if " " in n else None
            g = "f" if first in FEMALE_FIRST_NAMES else "m" if first in MALE_FIRST_NAMES else None
            if g:
                gender.setdefault(n, g)
        for n, g in _pronoun_genders(self.masked, self.names, self.canonical).items():
            gender.setdefault(n, g)
        return gender

    @cached_property
    def roles(self) -> list[tuple[int, str, str]]:
        return _roles(self.masked, self.canon)

    @cached_property
    def subjects(self) -> list[tuple[int, str, str | None]]:
        return [(i, n, g) for i, n, g in self.names if _subject_position(self.masked, i, n)]

    @cached_property
    def _break_starts(self) -> list[int]:
        return [m.start() for m in _BREAK_RUN.finditer(self.masked)]

    def _breaks(self, a: int, b: int) -> int:
        """Paragraph breaks between offsets ``a`` and ``b`` (a run of line breaks is one), by
        bisection: _salient asks once per earlier quote, for each quote, and counting them in the
        text each time was cubic in the quotes of one paragraph (a page of 1,200 took minutes)."""
        if b <= a:
            return 0
        starts = self._break_starts
        inside_run = self.masked[a] in "\r\n" and a > 0 and self.masked[a - 1] in "\r\n"
        return bisect_left(starts, b) - bisect_left(starts, a) + inside_run

    @cached_property
    def target_aliases(self) -> set[str]:
        target = self.target
        return {a.lower() for a in target.aliases if a[:1].islower() or a.lower().startswith("the ")}

    def canonical(self, name: str) -> str:
        if name in self.canon:
            return self.canon[name]
        last = name.split()[-1]
        if _same_surname(last, self.target.name.split()[-1]):
            return self.target.name
        for n, c in self.canon.items():
            if n.split()[-1] == last:
                return c
        return name

    def resolve(self, mention: Mention, offset: int, done: list[Quote]) -> str | None:
        if mention.kind == "name":
            name = self.canonical(mention.text)
            if name not in self.people:  # "the Ohio Republican": no person of the article by that name
                found = _person_introduced_as(self._reach(self._sentence_start(offset)), mention.text.lower())
                if not found and self.masked.find("\n", 0, offset) < 0:  # a headline's "Coroner warns …"
                    found = _person_introduced_as(self._reach_after(offset), mention.text.lower(), first=True)
                if found and self.canonical(found) in self.people:
                    return self.canonical(found)
            return name
        if mention.kind == "body":
            if mention.text == "Met" and _POLICE_WORDS.search(self.masked):
                return "Metropolitan Police"  # not the Met Museum or the Met Opera
            if mention.text in ORG_HEADS:  # "the Bank said" after "the Bank of England"
                fuller = _fuller_body(self._reach(offset), mention.text)
                if fuller:
                    return fuller
            if mention.text in self.canon and _SPOKES.search(self.masked, max(0, offset - 300), offset + 300) and (
                    " " in self.canon[mention.text] and self.canon[mention.text] in self.gender
                    or re.search(rf"{_HONORIFIC}{re.escape(mention.text)}\b", self.masked)):
                return f"spokesperson for {self.canon[mention.text]}"  # "a Starmer spokesman", "a Trump spokesman"
            return mention.text
        if mention.kind == "pronoun" and mention.gender == "n":
            return self._body_before(offset, done)
        if mention.kind == "pronoun":
            return self._antecedent(mention.gender, offset, done)
        if mention.kind == "anaphor":
            return self._anaphor(mention.text, offset, done)
        if mention.indefinite and self._prose_paragraphs_before(offset) >= 1:
            # "a former cabinet minister told …" in the body: unnamed (rule 11), whoever else is a
            # minister. In the headline or lede ("…, a cabinet minister has said.") the story names
            # its source next, so the lede's description is resolved as any other.
            return mention.text
        found = self._description(mention.text, offset, done)
        if mention.indefinite:
            para_start = self.masked.rfind("\n", 0, offset) + 1
            para_end = self.masked.find("\n", offset)
            para_end = len(self.masked) if para_end < 0 else para_end
            if found in self.people and any(para_start <= i < para_end and self.canonical(n) == found for i, n, _ in self.names):
                found = None  # "… his friendship with Jeffrey Epstein, a former civil servant claimed": someone new
            if found is None:
                found = mention.text
        return found

    def _reach(self, end: int) -> str:
        """The text a description looks back through for whom it refers to: the last
        INTRODUCTION_REACH characters before ``end``, so that long articles stay linear."""
        return self.masked[max(0, end - INTRODUCTION_REACH):end]

    def _reach_after(self, start: int) -> str:
        """The text a headline's or lede's description looks ahead through for whom the story
        introduces so: the INTRODUCTION_REACH characters from ``start``."""
        return self.masked[start:start + INTRODUCTION_REACH]

    def _sentence_start(self, offset: int) -> int:
        """Where the sentence holding ``offset`` starts (at its ". " or line break; 0 for the first)."""
        return max(self.masked.rfind(". ", 0, offset), self.masked.rfind("\n", 0, offset), 0)

    def _paragraphs_before(self, offset: int) -> int:
        """Non-empty paragraphs (lines) before the one holding ``offset``: 0 in the headline."""
        return sum(1 for ln in self.masked[:offset].split("\n")[:-1] if ln.strip())

    def _prose_paragraphs_before(self, offset: int) -> int:
        """Paragraphs before the one holding ``offset`` that are prose (a sentence of a dozen
        words or more, ended): 0 in the headline, standfirst, byline and lede."""
        return sum(1 for ln in self.masked[:offset].split("\n")[:-1]
                   if len(ln.split()) >= PROSE_MIN_WORDS and ln.rstrip()[-1:] in ".!?”\"’")

    def _spokes_phrases_before(self, offset: int):
        """``(start, phrase)`` of the last SPOKES_LOOKBACK "…spokesperson" phrases before
        ``offset``, nearest first."""
        at = offset
        for _ in range(SPOKES_LOOKBACK):
            last = _last_spokes_phrase(self.masked, at)
            if not last:
                return
            at = self.masked.rfind(last, 0, at)
            yield at, last

    def _anaphor(self, desc: str, offset: int, done: list[Quote]) -> str | None:
        """Who "the billionaire", "the 72-year-old", "the charity’s founder" or "the force"
        refers to: the person the article introduced with those words, the body of that kind
        named last, or (an age never given) the person in subject position last; else None."""
        low = desc.lower()
        if "the " + low in self.target_aliases:
            return self.target.name
        age = re.fullmatch(r"(\d+)-year-old(?:\s+\w+)?", low)
        if age:
            found = _person_with_age(self._reach(offset), age.group(1))
            person = classify_phrase(found) if found else None
            if person and person.kind == "name":
                return self.canonical(person.text)
            return self._salient(lambda n: n in self.people, offset, done)
        head = low.split()[-1]
        for q in reversed(done[-3:]):  # "one Labour councillor said …. “…,” the councillor said."
            if q.speaker and q.speaker not in self.people and q.speaker.lower().endswith(" " + head):
                return q.speaker
        if desc in NATIONALITIES:  # "Kolarova, who …, said …. “…,” the Czech said": the paragraph's subject
            found = _person_introduced_as(self._reach(offset), low)
            return self.canonical(found) if found else self._salient(lambda n: n in self.people, offset, done)
        # Only sentences before this one introduce: "On Monday, the senator said" names no Monday.
        before = self._reach(self._sentence_start(offset))
        found = _person_introduced_as(before, head)
        if found and self.canonical(found) in self.people:
            return self.canonical(found)
        body = _body_of_kind(before, head, lambda n: self.canonical(n) in self.people)
        if body is None and (head in _UNNAMED_PEOPLE or head in _BODY_KINDS):
            return desc  # "the family said", "the union said" with no union named: as described (rule 11)
        return body

    def _body_before(self, offset: int, done: list[Quote]) -> str | None:
        """What "it said" refers to: the body that spoke just before, else the last body named
        in this paragraph or the one before it."""
        if done and done[-1].speaker and done[-1].speaker not in self.people \
                and self._breaks(done[-1].end, offset) <= 1:
            return done[-1].speaker
        # Else the subject of one of the two sentences before: a body, or a text ("The report
        # was damning. “…,” it said": the report's words, author unknown).
        start = self.masked.rfind("\n", 0, max(0, self.masked.rfind("\n", 0, offset))) + 1
        sentences = [m for m in _SENTENCE.finditer(self.masked, start, offset) if m.group().strip()]
        for sent in reversed(sentences[-3:]):
            text = sent.group().strip(" \t\"“‘'")
            head = _BODY_HEAD.match(text)
            mention = classify_phrase(head.group(1)) if head else None
            if mention and mention.kind == "body":
                return mention.text
            written = _TEXT_HEAD.match(text)
            if written and written.group(1) in _TEXT_SUBJECTS:
                return None
        return None

    def _antecedent(self, gender: str | None, offset: int, done: list[Quote]) -> str | None:
        """Who "he"/"she" before ``offset`` refers to: the most salient compatible person
        (known gender equal, or unknown)."""
        fits = lambda n: gender is None or self.gender.get(n) in (None, gender)
        # An unnamed person opening a sentence of this paragraph ("One witness, who asked not to
        # be named, said she saw ...") is "she" when no named subject comes after it.
        para_start = self.masked.rfind("\n", 0, offset) + 1
        unnamed = None
        for m in _UNNAMED_SUBJECT.finditer(self.masked, max(para_start, offset - INTRODUCTION_REACH), offset):
            unnamed = m
        if unnamed and not any(unnamed.start() < i < offset for i, _, _ in self.subjects):
            mention = classify_phrase(unnamed.group(1))
            if mention and mention.kind == "description":  # (classify_phrase refuses "A week later")
                return mention.text
        return self._salient(fits, offset, done)

    def _salient(self, fits, offset: int, done: list[Quote]) -> str | None:
        """By salience: a subject named earlier in the same paragraph, then a recent quote's
        speaker, then an earlier subject, then any name."""
        ok = lambda n: n is not None and fits(n)
        para_start = self.masked.rfind("\n", 0, offset) + 1
        here = [self.canonical(n) for i, n, _ in self.subjects if para_start <= i < offset]
        here = [n for n in here if ok(n)]
        if here:
            return here[-1]
        if done and done[-1].speaker and done[-1].speaker not in self.people \
                and self._breaks(done[-1].end, offset) <= 1 and fits(done[-1].speaker) \
                and (_PERSON_FOR_BODY.search(done[-1].mention or "") or _describes_person(done[-1].mention)):
            return done[-1].speaker  # "the spokesperson said ... He added that ..." (not "the RDG said")
        for q in reversed(done):  # paragraph breaks only grow going back: stop past the reach
            if self._breaks(q.end, offset) > RECENT_PARAGRAPHS:
                break
            if q.speaker in self.people and ok(q.speaker):
                return q.speaker
        earlier = [self.canonical(n) for i, n, _ in self.subjects if i < offset and ok(self.canonical(n))]
        if earlier:
            return earlier[-1]
        near = [self.canonical(n) for i, n, _ in self.names if i < offset and ok(self.canonical(n))]
        return near[-1] if near else None

    def _description(self, desc: str, offset: int, done: list[Quote]) -> str | None:
        desc = _HOME_OWNER.sub("", desc)  # "the UK’s ambassador" is the ambassador, not a foreign one
        low = desc.lower()
        head = low.split()[-1]
        heads = _SAME_PERSON_NOUNS.get(head, (head,)) if not _SPOKES.search(low) and head not in PRONOUNS else ()
        for q in reversed(done[-3:]):  # "One senior Labour MP told Sky News …. “…,” the MP said."
            if heads and q.speaker and q.speaker not in self.people and q.speaker.lower().split()[-1] in heads \
                    and " " in q.speaker:
                return q.speaker
        para_start = self.masked.rfind("\n", 0, offset) + 1
        for m in (_UNNAMED_SUBJECT.finditer(self.masked, max(para_start, offset - INTRODUCTION_REACH), offset) if heads else ()):
            # "One Conservative peer, who asked not to be named, …. “…,” the peer said."
            opener = classify_phrase(m.group(1))
            if opener and opener.kind == "description" and _head_noun(opener.text) in heads:
                return opener.text
        if self.masked.find("\n", 0, offset) < 0 and "\n" in self.masked:
            # A headline's "Riverton mayor signs …", "CEO admits …": whom the story introduces so.
            body = self._reach_after(self.masked.index("\n"))
            for role in (low, low.split()[-1]):
                found = _person_introduced_as(body, role, first=True)
                if found and self.canonical(found) in self.people:
                    return self.canonical(found)
        if "the " + low in self.target_aliases or low in self.target_aliases:
            return self.target.name
        m = re.match(r"(?:official\s+)?(?:spokesperson|spokesman|spokeswoman)\s+for\s+(?:the\s+)?(.+)", desc)
        if m and m.group(1).lower() in PRONOUNS:  # "a spokesperson for him": him, before this sentence
            sentence_start = max(self.masked.rfind(". ", 0, offset) + 1, self.masked.rfind("\n", 0, offset) + 1)
            who = self._antecedent(PRONOUNS[m.group(1).lower()], sentence_start, done)
            return f"spokesperson for {who}" if who else desc
        if m:
            who = strip_titles(m.group(1))
            return "spokesperson for " + self.canonical(who) if who else desc
        if re.search(r"prime minister[’']s (?:official )?spokes", low):
            return "Downing Street"
        low = re.split(r"\s+(?:to|of|for|in|at)\s+", low)[0]  # "ambassador to the US" -> "ambassador"
        if "the " + low in self.target_aliases:
            return self.target.name
        # "the French president", "America’s ambassador", "Mandelson’s lawyer": a nation or an
        # owner says it is not the article's president, ambassador or lawyer.
        owned = "’s " in desc or "'s " in desc or any(w in NATIONALITIES for w in desc.split()[:-1])
        # A capitalised modifier ("the Lib Dem leader", "the EU ambassador") must be part of the
        # role as the article gave it ("Conservative leader Kemi Badenoch"): the head noun alone
        # would hand one party's leader's words to another's.
        exact = any(w[:1].isupper() for w in desc.split()[:-1])
        low = _PARTY_SYNONYMS.sub(lambda m: _PARTY_SYNONYMS_MAP[m.group()], low)
        fits = (lambda role: low == _party_canon(role)) if exact else \
            (lambda role: low == _party_canon(role) or low.endswith(" " + _party_canon(role)))
        named = [] if owned else \
            [n for i, role, n in self.roles if fits(role) and i < offset] or [n for i, role, n in self.roles if fits(role)]
        if named:
            return named[-1]
        holders = [n for n in OFFICE_HOLDERS.get(re.sub(r"^(?:the|former)\s+", "", low), ()) if n in self.people]
        if len(holders) == 1 and not low.startswith("former"):
            return holders[0]  # "the Tory leader" in an article that names Kemi Badenoch but not her office
        head = low.split()[-1]
        if not owned and self._paragraphs_before(offset) <= 1:
            # Headline and lede ("Coroner warns …", "A coroner has warned …"): whom the story
            # introduces next with that word ("the senior coroner, Kathryn Doyle,").
            found = _person_introduced_as(self._reach_after(offset), head, first=True)
            if found and self.canonical(found) in self.people:
                return self.canonical(found)
        if head in TEXT_NOUNS and done and done[-1].speaker:  # "the statement read"
            return done[-1].speaker
        if head in PERSON_ROLES and desc[:1].islower() and not owned and not exact:
            # "the health secretary" after "Wes Streeting also backed ...": a person named
            # before this sentence (names inside it are someone else, e.g. an appositive).
            sentence_start = max(self.masked.rfind(". ", 0, offset), self.masked.rfind("\n", 0, offset))
            # A person, never a body ("the Prime Minister told" after a Cabinet Office quote).
            found = None
            if self.masked.find("\n", 0, offset) < 0:
                # A headline's "says lawyer": the first person the story puts in subject position
                # (names in the headline itself are who it is about: "Lawyer for Epstein victims").
                later = [n for i, n, _ in self.subjects if i > offset and self.canonical(n) != self.target.name]
                found = self.canonical(later[0]) if later else None
            if found is None:  # not the target: its own descriptions are the profile's aliases, checked above
                found = self._salient(lambda n: n in self.people and n != self.target.name, sentence_start, done)
            return found or desc
        if head in ("spokesperson", "spokesman", "spokeswoman") and (len(low.split()) == 1 or low == "official " + head):
            if low.startswith("official") and "prime minister" in self.masked[max(0, offset - 400):offset].lower():
                return "Downing Street"  # "his official spokesperson" after "the prime minister" (rule 10)
            # "the prime minister’s official spokesperson" … "the spokesperson said"
            for at, last in self._spokes_phrases_before(offset):
                whose = _SPOKES_FOR.match(self.masked, at + len(last))  # "A spokesperson for Rowlands said"
                if whose:
                    last += whose.group()
                owner = _OWNER_PRONOUN.match(last)
                if owner:  # "…, his spokesman has confirmed": whose, before that phrase
                    who = self._antecedent("m" if owner.group(1).lower() == "his" else "f", at, done)
                    if who in self.people and not any((m := classify_phrase(p.strip())) and m.kind == "body"
                                                      for _, p in self._spokes_phrases_before(at)):
                        return f"spokesperson for {who}"
                    continue  # an earlier "A Downing Street spokesman" is who "his spokesman" was
                fuller = classify_phrase(last.strip())
                if fuller and fuller.text.lower() != low:
                    return self.resolve(fuller, offset, done)
            body = self._body_before(offset, done)  # "The Scotland Office said … “…,” a spokesperson said."
            if body and body not in self.people:
                return body
        kind = re.fullmatch(r"(department|party|company|force|council|club|union|ministry|firm)\s+(?:spokesperson|spokesman|spokeswoman)", low)
        if kind:  # "a department spokesperson": the department the article named last
            before = self._reach(self._sentence_start(offset))
            body = _body_of_kind(before, kind.group(1), lambda n: self.canonical(n) in self.people)
            if body:
                return body
        if not owned and head not in SPEAKER_NOUNS_UNNAMED:
            # "the Ohio Republican" after "Senator Mark Delaney, the Ohio Republican who chairs …"
            found = _person_introduced_as(self._reach(self._sentence_start(offset)), low)
            if found and self.canonical(found) in self.people:
                return self.canonical(found)
        return desc


# Words that make a bare "Met" London's police (rule 9: one name for the force, its fullest).
_POLICE_WORDS = re.compile(r"\b(?:[Pp]olice|Scotland Yard|[Dd]etectives?|[Oo]fficers|[Ii]nvestigation|[Cc]ommissioner)\b")


# Unnamed sources stay as described (labels/README.md rule 11): never looked for as a person.
SPEAKER_NOUNS_UNNAMED = frozenset("source sources insider insiders official officials aide aides ally allies friend "
                                  "friends figure figures colleague colleagues critic critics member members".split())
# One party, two names: "the Tory leader" is the article's "Conservative leader Helen Marsh".
_PARTY_SYNONYMS_MAP = {"tory": "conservative", "tories": "conservatives", "lib dem": "liberal democrat"}
_PARTY_SYNONYMS = re.compile(r"\b(?:tory|tories|lib dem)\b")


def _party_canon(role: str) -> str:
    return _PARTY_SYNONYMS.sub(lambda m: _PARTY_SYNONYMS_MAP[m.group()], role)


# How far back (characters) a description looks for the person or body it refers to, and how
# far ahead a headline's looks: about ten paragraphs of news copy, so long articles stay linear.
INTRODUCTION_REACH = 4000
_NAME_WORDS = r"[A-Z][\w\-’']+(?:[ \t]+[A-Z][\w\-’']+){0,2}"
_TITLE = r"(?:(?:Sir|Lord|Dame|Lady|Ms|Mr|Mrs|Dr|Senator|Governor|Judge)[ \t]+)?"


_VERB_ALT = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))


@lru_cache(maxsize=256)
def _introductions(head: str) -> tuple[re.Pattern, ...]:
    """The shapes that introduce a person with ``head``: "Tech billionaire Carl Ingram",
    "Dana Whitley, a former prosecutor from Atlanta,", "chief executive, Paul Grainger,"."""
    h = re.escape(head)
    # Lower-case words between the head and the name only after an adjective of nationality
    # ("Italian manager Marco Ferri"); "Family friend John Harris" is no family.
    gap = (rf"(?:[ \t]+(?!(?:from|of|in|at|for|to|with|by|and|or|the|an?|on|{_VERB_ALT})\b)[a-z][\w\-]*(?<!ed)){{0,2}}"
           if head.capitalize() in NATIONALITIES else "")
    return (re.compile(rf"(?i:\b{h}){gap}[ \t]+{_TITLE}({_NAME_WORDS})"),
            # "Dana Whitley, a former prosecutor from Atlanta": the head before any of/for/to
            # ("Mark Evans, the lawyer for the family," is no family).
            re.compile(rf"({_NAME_WORDS}),[ \t]+(?:the|a|an)[ \t]+(?:(?!\b(?:of|for|to|with|from|at|in|by)\b)[^,.;:“”\"]){{0,40}}?"
                       rf"(?i:\b{h})\b"),
            re.compile(rf"(?i:\b{h}),[ \t]+{_TITLE}({_NAME_WORDS}),"))


def _person_with_age(text: str, age: str) -> str | None:
    """The last person given this age before: "Frank Ballard, 72," or "Frank Ballard (72)"."""
    found = None
    for m in re.finditer(rf"{_TITLE}({_NAME_WORDS})(?:,[ \t]+|[ \t]+\(){age}\b", text):
        found = m.group(1)
    return found


def _person_introduced_as(text: str, head: str, first: bool = False) -> str | None:
    """The last person the text introduced with this noun: "Tech billionaire Carl Ingram",
    "Tessa Grayling, the founder of …,", "Dana Whitley, a former prosecutor from Atlanta",
    "chief executive, Paul Grainger,"."""
    if head.lower() not in text.lower():
        return None
    found = sorted((m.start(), m.group(1)) for p in _introductions(head) for m in p.finditer(text))
    for _, name in (found if first else reversed(found)):
        mention = classify_phrase(name)
        if mention and mention.kind == "name":
            return mention.text
    return None


# The article's own country as an owner: "the UK’s ambassador to Washington".
_HOME_OWNER = re.compile(rf"^(?:the\s+)?(?:{'|'.join(sorted(HOME_COUNTRIES))})[’']s\s+", re.IGNORECASE)
# Nouns a story uses for the same unnamed person: "One Conservative backbencher … the MP said".
_SAME_PERSON_NOUNS = {"mp": ("mp", "backbencher"), "backbencher": ("mp", "backbencher"),
                      "peer": ("peer",), "minister": ("minister",)}
# Unnamed people and groups a story refers back to as "the …": their description is the speaker.
_UNNAMED_PEOPLE = frozenset("family families couple victim victims parents mother father widow widower witness "
                            "witnesses neighbour neighbours passenger passengers resident residents campaigners "
                            "protesters organisers survivors relatives".split())


# What "the force", "the company" or "the union" refers to: the last body named before with a
# name of that kind (from hand-made probes of UK news copy, not from the labelled articles).
_BODY_KINDS = {
    "force": ("Police", "Constabulary"), "police": ("Police", "Constabulary"),  # never "the Police Federation"
    "company": None, "firm": None, "group": None, "business": None, "bank": None,
    "club": ("FC", "United", "City", "Rovers", "Albion", "Town", "Athletic", "Wanderers", "Villa", "Hotspur",
             "County", "Club", "Rangers", "Celtic", "Argyle", "Orient", "Wednesday", "Forest"),
    "charity": None, "organisation": None, "organization": None, "union": None,
    "party": ("Party", "Labour", "Conservatives", "Tories", "Democrats", "Dems", "SNP", "UK", "Cymru"),
    "council": ("Council",), "department": ("Department", "Ministry", "Office"), "ministry": ("Ministry", "Department"), "regulator": None, "watchdog": None,
    "trust": ("Trust",), "board": ("Board",), "commission": ("Commission",), "committee": ("Committee",),
}


def _fuller_body(text: str, word: str) -> str | None:
    """The last body named in ``text`` whose name starts with ``word``: "Bank of England"."""
    found = None
    for m in re.finditer(rf"\b{re.escape(word)}[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*)*", text):
        mention = classify_phrase(m.group())
        if mention and mention.kind == "body":
            found = mention.text
    return found


def _body_of_kind(text: str, head: str, is_person) -> str | None:
    """The last body named in ``text`` that "the <head>" can mean: one whose name ends in a word
    of that kind, or for a company, club or charity any body or one-word name no person has
    ("Calverd"); never a bare organisation word ("Union") or the government's own offices."""
    if head not in _BODY_KINDS:
        return None
    ends = _BODY_KINDS[head]
    found = word = None  # the last body named; the last one-word name no person has
    for m in CAP_RUN.finditer(text):
        run = re.sub(r"^The\s+", "", m.group())
        mention = classify_phrase(run)
        words = mention.text.split() if mention else []
        if not mention or run in ("Downing Street", "No 10") or (ends and words[-1] not in ends and words[0] not in ends):
            continue
        if mention.kind == "body" and len(words) > 1 and not (ends is None and words[-1] in _PUBLIC_BODY_ENDS):
            found = mention.text  # a company is no regulator, court or government department
        elif head in ("company", "firm", "charity", "business") and mention.kind == "name" \
                and len(run.split()) == 1 and run not in NOT_NAMES and not is_person(run) \
                and _VERBISH.match(text, m.end()):
            word = mention.text  # "Boohoo said …": a one-word name standing as a subject
    return found or word


# Nouns for bodies and groups, never one person: "the chair of the panel, Susan Marr,".
_GROUP_NOUNS = frozenset("panel committee inquiry board trust council club company union charity group bank firm "
                         "party force court commission authority department ministry review team".split())


# Last words of public bodies that "the company" or "the firm" never means.
_PUBLIC_BODY_ENDS = frozenset("Authority Commission Association Federation Council Department Ministry Office "
                              "Police Court Parliament Government Committee Treasury Agency Service Regulator "
                              "Institute Union Party Palace House Street Trust".split()) | {"England"}


_SPOKES = re.compile(r"\b(?:spokesperson|spokesman|spokeswoman)\b")
# A title before a name: "President Trump", "Mr Hunt".
_HONORIFIC = rf"\b(?:{'|'.join(sorted(HONORIFICS))})\.?[ \t]+"


def _describes_person(mention: str | None) -> bool:
    """"the health secretary", "a senior Labour MP": a description of one unnamed person."""
    m = classify_phrase(mention) if mention else None
    return bool(m) and m.kind in ("description", "anaphor") and m.text.split()[-1].lower() not in _GROUP_NOUNS


# Mentions of a person who speaks for a body: "he"/"she" may continue them.
_PERSON_FOR_BODY = re.compile(r"spokes|source|official|insider|aide|representative|\bhe\b|\bshe\b", re.IGNORECASE)
_SPOKES_FOR = re.compile(r"\s+for\s+(?:the\s+)?[A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*){0,3}")
_PHRASE_CHARS = re.compile(r"[\w’' ]")


# Earlier "…spokesperson" phrases looked at for the one a bare "the spokesperson" continues.
SPOKES_LOOKBACK = 3
_OWNER_PRONOUN = re.compile(r"\s*(his|her)\s+(?:official\s+)?(?:spokesperson|spokesman|spokeswoman)\Z", re.IGNORECASE)


def _last_spokes_phrase(masked: str, offset: int) -> str | None:
    r"""The last "…spokesperson" before ``offset`` with up to 40 word characters and spaces
    before it: what the last match of ``([\w’' ]{0,40}?)\b(?:spokes…)\b`` over
    ``masked[:offset]`` gives, without that pattern's scan of the whole text before it (which
    made long articles quadratic)."""
    heads = list(_SPOKES.finditer(masked, 0, offset))
    if not heads:
        return None
    h = heads[-1].start()
    # Matches do not overlap: the last one starts after the one before it ends.
    start = max(heads[-2].end() if len(heads) > 1 else 0, h - 40)
    p = h
    while p > start and _PHRASE_CHARS.match(masked, p - 1):
        p -= 1
    return masked[p:heads[-1].end()]


def _same_surname(a: str, b: str) -> bool:
    """Equal, or a misspelling of a long surname by one swap of neighbouring letters
    ("Mandleson" for "Mandelson", seen in c09)."""
    if a == b:
        return True
    if len(a) != len(b) or len(a) < 6 or a[0] != b[0]:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


# A sentence's opening word or phrase before its subject: "However, a Whitehall source said".
_SENTENCE_OPENER = r"(?:(?:However|But|And|Yet|Meanwhile|Separately|Earlier|Later|Last night|On [A-Z][a-z]+day),?[ \t]+)"
# A sentence opened by an unnamed person: "One witness, who …, said", "A neighbour told", "However,
# a Whitehall source said".
# The subject is a bare description ("A neighbour told"), or one of RELATION_NOUNS with whom they
# stand near ("A senior ally of Donald Trump defended him"); only the second may take any verb in
# -ed, as "A report published on Tuesday found" or "A man arrested at the scene" are no speakers.
_DETERMINER = r"(?:One|A|An|Another|one|a|an|another)[ \t]+"
_UNNAMED_SUBJECT = re.compile(r"(?:^|(?<=[.!?\n])[ \t]*)(?:" + _SENTENCE_OPENER + r"(?=[a-z]))?("
                              + _DETERMINER + relation_phrase(r"[ \t]") +
                              r"(?=,|[ \t]+(?:who|said|says|told|tells|added|has|had|was|[a-z]+ing|[a-z]+ed)\b)"
                              r"|" + _DETERMINER + r"(?:[\w\-]+[ \t]+){0,2}?(?:[a-z][\w\-]*|MP)"
                              r"(?=,|[ \t]+(?:who|said|says|told|tells|added|has|had|was|[a-z]+ing)\b))", re.MULTILINE)
_VERBISH = re.compile(r"[ \t]*(?:,[^,.]{0,80},[ \t]*|,[ \t]*)?(?:(?:also|then|later|immediately|previously|reportedly|still|again|"
                      r"has|had|have|was|is|were|would|will|did|does|not)\b[ \t]*)*(?:[a-z]+ed|said|says|told|tells|wrote|writes|"
                      r"went|goes|felt|has|had|was|is|adds|insists|claims|admits|argues|warns|thinks|believes|"
                      r"spoke|gave|took|made|came|sat|stood|met|sent|left|won|lost|led|ran|saw|knew|thought|began|"
                      r"became|held|kept|broke|struck|paid|sold|brought|fought|sought|got|flew|drew|grew|spent|"
                      r"heard|read|(?<=did not )[a-z]+|(?<=does not )[a-z]+|(?<=would not )[a-z]+)\b")


_SENTENCE = re.compile(r"[^.!?\n]+")
# Fewer words than this make a headline, standfirst or byline line, not the story's prose
# (a headline rarely ends in a full stop; a lede is a long sentence that does).
PROSE_MIN_WORDS = 12
_HE_WORDS = re.compile(r"\b(?:his|himself|he)\b", re.IGNORECASE)
_SHE_WORDS = re.compile(r"\b(?:her|herself|she)\b", re.IGNORECASE)


def _pronoun_genders(masked: str, names, canonical) -> dict[str, str]:
    """Gender of people from the article's own pronouns: a name in subject position at a
    sentence start, or the only person in its sentence, gets a vote from each he/his/himself
    or she/her/herself after it in that sentence ("Kemi Badenoch learned from her mistakes")."""
    votes: dict[str, list[int]] = {}
    starts = [i for i, _, _ in names]  # person_names lists names in text order
    for sent in _SENTENCE.finditer(masked):
        lo, hi = bisect_left(starts, sent.start()), bisect_left(starts, sent.end())
        if lo == hi:
            continue
        inside = [(i, canonical(n)) for i, n, _ in names[lo:hi]]
        i, n = inside[0]
        lead = masked[sent.start():i].strip(" \t\"“‘'")
        if len({x for _, x in inside}) != 1 and lead not in ("", "But", "And", "Yet", "So"):
            continue
        rest = masked[i:sent.end()]
        v = votes.setdefault(n, [0, 0])
        v[0] += len(_HE_WORDS.findall(rest))
        v[1] += len(_SHE_WORDS.findall(rest))
    return {n: ("m" if m > f else "f") for n, (m, f) in votes.items() if m != f}


# Lower-case words after which a name can still open a clause ("and Starmer said").
_CLAUSE_OPENERS = frozenset("and but that while as when after before because so yet then".split())


_WORD_THEN_SPACE = re.compile(r"([A-Za-z’']+)[ \t]+$")


# Lower-case words of a title before a name at a sentence start: "Opposition leader", "The former
# cabinet secretary" (three: a review's article, where two left Lord O'Donnell no subject).
TITLE_WORDS = 3


def _title_at_start(masked: str, i: int) -> list[str] | None:
    """The one to TITLE_WORDS lower-case words before offset ``i`` when only they and up to two
    capitalised words stand between a sentence start and ``i`` ("Opposition leader |")."""
    lo = max(0, i - 60)
    cut = max(masked.rfind(c, lo, i) for c in ".!?\n,")  # ", commuter Helen Barker, 36, said"
    if cut < 0 and lo > 0:
        return None
    words = masked[cut + 1:i].strip(" \t“‘\"'").split()
    caps = 0
    while caps < min(2, len(words)) and words[caps][:1].isupper():
        caps += 1
    rest = words[caps:]
    return rest if 1 <= len(rest) <= TITLE_WORDS and all(w[:1].islower() and w.replace("-", "").isalpha() and w not in _DETERMINERS
                                               for w in rest) else None


_DETERMINERS = frozenset("the a an his her its their our my your this that these those".split())


def _subject_position(masked: str, i: int, name: str) -> bool:
    """A name standing as a clause's subject: at a sentence start, or right before a verb and
    not right after a verb or preposition ("to get Peter Mandelson fired" is no subject)."""
    before = _WORD_THEN_SPACE.search(masked, max(0, i - 30), i)
    if before and before.group(1).islower() and before.group(1) not in _CLAUSE_OPENERS:
        # ... unless those lower-case words are the name's title at a sentence start:
        # "Opposition leader Gary Fenn was unmoved", "Tech billionaire Carl Ingram has threatened".
        lead = _title_at_start(masked, i)
        if not lead or any(w in _SUBORDINATORS or w in SPEECH_VERBS for w in lead):
            return False
    j = i - 1
    while j >= 0 and masked[j] in " \t":
        j -= 1
    k = masked.find(name.split()[-1], i)
    after = masked[k + len(name.split()[-1]):k + len(name.split()[-1]) + 100] if k >= 0 else ""
    return j < 0 or masked[j] in ".!?\n:" or bool(_VERBISH.match(after))


_HEADS = "|".join(sorted(PERSON_ROLES))
_ROLE_THEN_NAME = re.compile(rf"\b(?i:{_HEADS})()[ \t]+(?:(?:Sir|Lord|Dame|Lady|Ms|Mr|Mrs|Dr)[ \t]+)?"
                             r"([A-Z][\w\-]+(?:[ \t][A-Z][\w\-]+){0,2})\b")
_WORD_BEFORE = re.compile(r"\b[A-Za-z][\w\-]*[ \t]+\Z")
_QUALIFIER_BEFORE = re.compile(r"\b(?i:shadow|former|deputy|acting)[ \t]+\Z")


def _finditer_from_heads(pattern: re.Pattern, text: str):
    """``pattern.finditer(text)`` for a pattern that can only match where a PERSON_ROLES head
    begins, in any case: the same matches, with the pattern tried only at those places (found
    by str.find, several times faster than the regex trying every word boundary)."""
    low = text.lower()
    if len(low) != len(text) or any(c in text for c in RE_IGNORECASE_EXTRAS):
        yield from pattern.finditer(text)
        return
    starts = set()
    for head in PERSON_ROLES:
        i = low.find(head)
        while i >= 0:
            starts.add(i)
            i = low.find(head, i + 1)
    end = 0
    for i in sorted(starts):
        if i >= end:
            m = pattern.match(text, i)
            if m:
                yield m
                end = m.end()


def _roles(masked: str, canon: dict[str, str]) -> list[tuple[int, str, str]]:
    """Offices named next to a person in the article, as ``(offset, role, name)``:
    "Prime Minister Sir Keir Starmer", "Conservative leader Kemi Badenoch",
    "Gloria Allred, the lawyer,". Each role is also listed by its head noun ("minister")."""
    roles: list[tuple[int, str, str]] = []

    def add(at: int, role: str, name: str) -> None:
        mention = classify_phrase(name)
        if mention is None or mention.kind != "name":
            return
        name = canon.get(mention.text, mention.text)
        role = role.lower().strip()
        roles.append((at, role, name))
        if " " in role and role.split()[0] not in ("shadow", "former", "ex", "deputy", "vice", "acting"):
            roles.append((at, role.split()[-1], name))  # not "minister" for a former minister

    for m in CAP_RUN.finditer(masked):
        words = m.group().split()
        lead = []
        while words and (words[0] in ROLE_WORDS or words[0] in HONORIFICS or words[0] in LEADING_TITLES):
            w = words.pop(0)
            if w not in HONORIFICS:
                lead.append(w)
        if lead and 1 <= len(words) <= 3 and words[0][:1].isupper() and any(w in PERSON_ROLE_TITLES for w in lead):
            # ("Lawyer for Epstein": the run's "for" makes Epstein no lawyer)
            add(m.start(), " ".join(lead), " ".join(words))
    last_end = 0
    for m in _finditer_from_heads(_ROLE_THEN_NAME, masked):
        # The head noun is found first (scanning for an optional word before every head is five
        # times slower); a word right before it joins the role: "Conservative leader".
        start = m.start()
        before = _WORD_BEFORE.search(masked, max(last_end, start - 60), start)
        if before:
            start = before.start()
            qualifier = _QUALIFIER_BEFORE.search(masked, max(last_end, start - 30), start)
            if qualifier:  # "Shadow health secretary Stuart Andrew": the shadow one
                start = qualifier.start()
        last_end = m.end()
        if m.group(2).split()[0] not in ROLE_WORDS:
            add(start, masked[start:m.end(1)], m.group(2))
    heads = _HEADS
    for m in re.finditer(rf"([A-Z][\w\-]+(?:[ \t][A-Z][\w\-]+){{0,2}}),\s+(?:the|a)\s+([\w\- ]{{0,30}}?\b(?:{heads}))\b(?=,)", masked):
        add(m.start(), m.group(2), m.group(1))
    for m in re.finditer(rf"\b(?:the|a)\s+((?i:(?:[a-z][\w\-]*[ \t]+)?(?:{heads}))),\s+([A-Z][\w\-]+(?:[ \t][A-Z][\w\-]+){{0,2}}),", masked):
        add(m.start(), m.group(1), m.group(2))
    return sorted(roles)
