"""Speaker noun phrases: find the one next to a reporting verb, and name it canonically."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from quotestance.model.constants import (
    FEMALE_HONORIFICS, HOME_COUNTRIES, FIRST_NAMES, HONORIFICS, KNOWN_BODIES, LEADING_TITLES, LOWER_BODY_HEADS, MALE_HONORIFICS,
    NATIONALITIES, NOT_NAMES, ORG_HEADS, PRONOUNS, ROLE_WORDS, SPEAKER_NOUNS, TEXT_NOUNS,
)

_CAP = r"(?:(?:Mr|Mrs|Ms|Dr|St)\.|[A-Z][\w’'\-]*|No\.? 10)"
# A run of capitalised words, with "of"/"for"/"&" inside: "Sir Keir Starmer", "House of Commons",
# "Marks & Spencer".
# Lower-case particles inside a personal name: "Rhun ap Iorwerth", "Ursula von der Leyen".
NAME_PARTICLES = ("von", "van", "der", "den", "de", "da", "du", "di", "ap", "bin", "ibn")
CAP_RUN = re.compile(rf"{_CAP}(?:[ \t\u00a0]+(?:(?:of|for|&)[ \t\u00a0]+|(?:(?:{'|'.join(NAME_PARTICLES)})[ \t\u00a0]+){{1,2}})?{_CAP})*")
# Letters after a name that are no part of it (honours, silk, "Jr").
_MEMBER_LETTERS = frozenset("MP MSP MS MEP MLA AM".split())  # after a name of two words or more
POST_NOMINALS = frozenset("KC QC OBE CBE MBE DBE KBE GBE FRS JP DL PhD".split())  # not "Jr": Donald Trump Jr
_POSSESSIVE = re.compile(r"[’']s?$")


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker phrase as written, what kind it is, and (for people) its gender if known."""

    text: str
    kind: str  # "name", "body", "pronoun", "description", "anaphor"
    gender: str | None = None
    indefinite: bool = False  # "a senior Labour MP": someone unnamed, not a person named elsewhere (rule 11)


# Phrases repeat within and across articles; both functions below are pure, so cache them.
# 4,096 entries is a few hundred KB, bounded whatever the batch size.
PHRASE_CACHE = 4096


# Capitalised words that describe a body's position rather than name it (c07: "The Opposition
# Conservative Party dubbed it ..."); stripped when more words follow.
BODY_DESCRIPTORS = ("Opposition", "Ruling", "Governing", "Rival")
_PARTY_STATE = re.compile(r"[DRI]-[A-Z][a-z]{1,4}\.?")
_COUNTRY_OWNER = re.compile(rf"(?:[Tt]he\s+)?(?:{'|'.join(sorted(HOME_COUNTRIES))})[’']s\s+(?=\S)")


# Reporting verbs as a title-case headline capitalises them; never part of a name ("Said" is one,
# as in Edward Said, so it is not listed).
_TITLE_CASE_VERB = re.compile(r"(?<=\S)\s+(?:Told|Tells|Says|Urged|Urges|Warned|Warns|Claims|Claimed|Admits|Admitted|"
                              r"Reveals|Revealed|Insists|Insisted|Denies|Denied|Wrote|Writes|Asks|Asked)\b.*\Z")
_TRAILING_ADVERB = re.compile(r"\s+(there|here|too|also|again|now|then|later|[a-z]{3,}ly)\Z")
# Lower-case words in -ly that are nouns, not adverbs.
_NOUNS_IN_LY = frozenset("family assembly rally monopoly anomaly bully folly tally supply reply daily weekly monthly "
                         "quarterly fortnightly biweekly".split())
# Texts issued in someone's name: "A Foreign Office statement", "Labour's statement", "Gloria
# Allred put out a statement" ("a statement from X" is attribution's _WRITTEN_BY and _TEXT_FROM).
_ISSUED_TEXTS = r"(?:statement|press\s+release|release|post|tweet|letter|email|message)"
_STATEMENT_OF = re.compile(
    rf"(.+?)\s+(?:put\s+out|issued|released|published|posted|sent)\s+(?:a|an|the)\s+(?:\w+\s+)?{_ISSUED_TEXTS}"
    rf"|(?:(?:[Aa]n?|[Tt]he)\s+)?(?!(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s)(.+?)([’']s)?\s+"
    rf"(?:joint\s+|brief\s+|short\s+|written\s+)?{_ISSUED_TEXTS}")
# The prime minister, whose spokesperson is Downing Street (labels/README.md rule 10).
_PRIME_MINISTER = ("prime minister", "pm")


@lru_cache(maxsize=PHRASE_CACHE)
def classify_phrase(phrase: str) -> Mention | None:
    """What a noun phrase before or after a reporting verb names, or None if it names no speaker."""
    phrase = re.sub(r"^(?:and|but|so|then|as|while|when|later|earlier|meanwhile|separately|also|yesterday|today|"
                    r"tonight|last\s+(?:night|week)|this\s+(?:morning|afternoon|evening|week))\s+", "",
                    phrase.strip(" ,;–—-"), flags=re.I)
    # "the clerk helpfully", "the veteran official there": an adverb after the speaker is not his.
    if " " in phrase and (m := _TRAILING_ADVERB.search(phrase)) and m.group(1).lower() not in _NOUNS_IN_LY:
        phrase = phrase[:m.start()]
    if not phrase:
        return None
    if (cut := _TITLE_CASE_VERB.search(phrase)) and not _TITLE_CASE_VERB.fullmatch(phrase) \
            and phrase.split()[-1] not in ORG_HEADS:
        phrase = phrase[:cut.start()]  # a title-case headline's "Mandelson Told Epstein": Mandelson
        # (not a body's name: "the Small Claims Court")
    m = _STATEMENT_OF.fullmatch(phrase)
    if m and (issuer := classify_phrase(m.group(1) or m.group(2))) \
            and (issuer.kind == "body" or issuer.kind == "name" and not (m.group(2) and not m.group(3))):
        # "A Foreign Office statement", "Gloria Allred's statement", "Gloria Allred put out a
        # statement": its issuer (rule 12). "The Epstein email" may be anyone's, to or from him.
        return issuer
    if _PARTY_STATE.fullmatch(phrase):
        return None  # "D-Calif.": a US politician's party and state, after the name
    m = _COUNTRY_OWNER.match(phrase)
    if m and (body := classify_phrase(phrase[m.end():])) and body.kind == "body":
        return body  # "Britain's Foreign Office" is the Foreign Office
    m = _ONE_OF.fullmatch(phrase)  # "One of the plaintiffs": a plaintiff, unnamed (rule 11)
    if m:
        return Mention(_singular(m.group(1)), "description", indefinite=True)
    m = SOURCE_AT.match(phrase)  # "a source at the club", "an official close to the talks": rule 11
    if m:
        text = m.group(1)
        return Mention(text.lower() if text.lower() in _BARE_SOURCES else text, "description", indefinite=True)
    low = phrase.lower()
    if low in PRONOUNS:
        return Mention(low, "pronoun", PRONOUNS[low])
    m = re.match(r"(?:(?:a|an|the|his|her|their)\s+)?((?:[\w-]+\s+)?(?:official\s+)?(?:spokesperson|spokesman|spokeswoman))\s+for\s+(.+)$", phrase, re.I)
    if m and CAP_RUN.fullmatch(m.group(2).removeprefix("the ")):
        org = m.group(2).removeprefix("the ")
        org = org[owner.end():] if (owner := _COUNTRY_OWNER.match(org)) and org[owner.end():][:1].isupper() else org
        if org.lower() in _PRIME_MINISTER:  # rule 10: the prime minister's spokesperson is Downing Street
            return Mention("Downing Street", "body")
        if org in KNOWN_BODIES or org.split()[-1] in ORG_HEADS:  # rule 10: a body's spokesperson is the body
            return Mention(KNOWN_BODIES.get(org, org), "body")
        return Mention(f"spokesperson for {org}", "description")
    m = re.fullmatch(r"(?:[Tt]he\s+)?(?:[A-Z][\w\-]*\s+){0,2}[A-Z][\w\-]*[’']s\s+((?:[a-z]+\s+)?([a-z]+))", phrase)
    if m and m.group(2) in SPEAKER_NOUNS and m.group(2) not in ("spokesperson", "spokesman", "spokeswoman"):
        return Mention(re.sub(r"^[Tt]he\s+", "", phrase), "description")  # "Mandelson's friends" are not Mandelson
    m = re.match(r"(?:[Tt]he\s+)?(.+?)[’']s\s+(?:official\s+)?(?:spokesperson|spokesman|spokeswoman)$", phrase)
    if m and m.group(1).lower() in _PRIME_MINISTER:
        return Mention("Downing Street", "body")  # rule 10: the PM's spokesman speaks for No 10
    if m and CAP_RUN.fullmatch(m.group(1)):
        return Mention(f"spokesperson for {m.group(1)}", "description")
    m = _BODY_SPOKESPERSON.fullmatch(phrase)
    if m and (body := body_name(m.group(1))):
        return Mention(body, "body")  # rule 10: a body's spokesperson is the body
    if m and CAP_RUN.fullmatch(m.group(1)) and not set(m.group(1).split()) & (HONORIFICS | ROLE_WORDS | NOT_NAMES):
        # "a Brightwells spokesperson", "a Lumora spokeswoman": a company's, unless the article
        # makes the word a person's name (attribution then says "spokesperson for" that person).
        return Mention(m.group(1), "body")
    m = re.fullmatch(rf"(?:(?:[Aa]n?|[Tt]he)\s+)?({CAP_RUN.pattern})\s+(?:representative|spokesman|spokeswoman)", phrase)
    if m and m.group(1) in KNOWN_BODIES:
        return Mention(KNOWN_BODIES[m.group(1)], "body")
    for body, canon in KNOWN_BODIES.items():
        if phrase.endswith(body) and _only_modifiers(phrase[: -len(body)]):
            return Mention(canon, "body")
    m = re.fullmatch(r"(?:[Tt]he\s+)?(.+)", phrase)
    if (body := _named_body(m.group(1))):
        return Mention(body, "body")
    if _INDEFINITE_START.match(phrase) and (unnamed := _description(phrase)):
        return unnamed  # "a senior Labour MP", "one Conservative backbencher": not their capitals
    m = RELATION_OF.fullmatch(phrase)
    if m:  # "a senior ally of Donald Trump", "an aide to Kemi Badenoch": not Trump, not Badenoch (rule 11)
        return Mention(m.group(1), "description", indefinite=phrase[:1] in "aAoO" and m.start(1) > 0)
    # A name at the end wins over what precedes it: "Conservative leader Kemi Badenoch".
    trail = _trailing_cap_run(phrase)
    if trail:
        core = re.sub(r"^The\s+", "", trail)
        lead = phrase[: len(phrase) - len(trail)].strip()
        if (lead.lower() == "the" or trail.startswith("The ")) and len(core.split()) >= 2 \
                and core.split()[-1] in _MEMBER_LETTERS:
            return Mention(core, "description")  # "the Aberdeen South MP": a seat's member, no name "Aberdeen South"
        titled = core.split(" of ")[0]
        if " of " in core and (strip_titles(titled) != titled or titled.split()[0] in FIRST_NAMES) \
                and core.split()[0] not in _PEERAGES and \
                (person := classify_phrase(titled)) and person.kind == "name":
            return person  # "Detective Constable Amy Rowe of Greater Manchester Police"
        if core.split()[-1] in ORG_HEADS and not _person_like(core):
            # "The Opposition Conservative Party" is the Conservative Party (c07).
            core = re.sub(rf"^(?:{'|'.join(BODY_DESCRIPTORS)})\s+(?=\S+\s)", "", core)
            if lead.lower() in ("", "the", "a"):
                return Mention(core, "body")
            return _description(phrase)
        core = strip_owner(core)
        name = strip_titles(core)
        if name and name.split()[-1] in NATIONALITIES and (len(name.split()) == 1 or re.search(r"[’']s$", name.split()[0])):
            if lead.lower() == "the" and len(core.split()) == 1:
                return Mention(core, "anaphor")  # "the Czech", "the Italian": who the article said
            name = ""
        if name and not any(w in NOT_NAMES or w in ROLE_WORDS or w.isupper() for w in name.split()):
            return Mention(name, "name", _gender(core))
        if lead.lower() in ("", "the") and all(w in ROLE_WORDS for w in core.split()) and not core.isupper():
            return Mention(_lower_role(core), "description")  # "the Prime Minister", "Labour MPs"
    return _description(phrase) or _anaphor(phrase)


# Words of office that keep their capitals in a description: parties, nations, acronyms.
_PROPER_ROLE_WORDS = frozenset("Labour Tory Conservative Reform Liberal Democrat Lib Dem Green Republican Democratic "
                               "US UK British American Scottish Welsh".split())


def _lower_role(core: str) -> str:
    return " ".join(w if w in _PROPER_ROLE_WORDS or w.rstrip("s").isupper() else w.lower() for w in core.split())


_ONE_OF = re.compile(r"[Oo]ne\s+of\s+(?:the|his|her|their|its)\s+((?:[a-z][\w\-]*\s+)?[a-z][\w\-]*s)")


def _singular(plural: str) -> str:
    """"plaintiffs" -> "plaintiff", "witnesses" -> "witness", "families" -> "family"."""
    if plural.endswith("ies"):
        return plural[:-3] + "y"
    if plural.endswith(("sses", "shes", "ches", "xes")):
        return plural[:-2]
    return plural[:-1]


# Plural sources may come without a determiner at a sentence's start: "People familiar with the
# talks said", "Sources close to the chancellor said".
_BARE_SOURCES = ("sources", "people", "officials", "insiders", "allies", "aides", "diplomats")
SOURCE_AT = re.compile(r"(?:(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+|(?:\A|(?<=[.!?]\s)|(?<=\n)|(?<=[“\"‘]))"
                       rf"(?=(?i:{'|'.join(_BARE_SOURCES)})\s))"
                       r"((?:[\w\-]+\s+){0,2}(?:[Ss]ource|[Ss]ources|insider|[Ii]nsiders|official|[Oo]fficials|aide|[Aa]ides|"
                       r"ally|[Aa]llies|figure|figures|executive|executives|diplomat|[Dd]iplomats|employee|employees|"
                       r"worker|workers|member|members|colleague|colleagues|banker|bankers|MP|MPs|minister|ministers|"
                       r"adviser|advisers|person|[Pp]eople))\s+(?:close\s+to|familiar\s+with|at|in|within|inside|"
                       r"with\s+(?:direct\s+)?knowledge\s+of|briefed\s+on|involved\s+in|aware\s+of|"
                       r"who\s+(?:has|had)\s+worked\s+(?:with|for|alongside))\s+\S")
# An unnamed person described by whom they stand near: "a senior ally of Donald Trump", "a close
# friend of Lord Mandelson", "an aide to Kemi Badenoch". Their words are theirs, never the named
# person's; rule 11 keeps the description whole (as "friend of the former business secretary").
RELATION_NOUNS = ("ally", "friend", "aide", "adviser", "advisor", "associate", "confidant", "confidante", "colleague",
                  "supporter", "relative", "neighbour", "neighbor")


def relation_phrase(space: str = r"\s") -> str:
    """The regex of such a description without its determiner, the relation noun as group "noun",
    with ``space`` between words (attribution's sentence subjects use ``[ \t]``, to stay on a line)."""
    s = space
    return (rf"(?:[a-z][\w\-]*{s}+){{0,2}}(?P<noun>{'|'.join(RELATION_NOUNS)}){s}+(?:of|to|close{s}+to){s}+"
            rf"(?:(?:the|his|her|their){s}+)?[A-Z][\w’'\-]*(?:{s}+[A-Z][\w’'\-]*){{0,3}}")


RELATION_OF = re.compile(rf"(?:(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+)?({relation_phrase()})")
_BODY_SPOKESPERSON = re.compile(r"(?:(?:[Aa]n?|[Tt]he)\s+)?(.+?)\s+(?:official\s+)?(?:spokesperson|spokesman|spokeswoman)")
# A body's name with "of", "for" or "and" inside: "Bank of England", "Transport for London",
# "Competition and Markets Authority", "Department of Health and Social Care".
_CONNECTED_RUN = re.compile(r"[A-Z][\w’'\-]*(?:\s+(?:(?:of|for|and|&)\s+(?:the\s+)?)?[A-Z][\w’'\-]*)*")
_BODY_FIRST_WORDS = ORG_HEADS | {"Transport", "Friends", "Office"}
# A lower-case body after capitalised adjectives: "Russian embassy", "Chinese foreign ministry".
_LOWER_BODY = re.compile(rf"(?:[A-Z][\w\-]*\s+){{1,3}}(?:[a-z]+\s+)?(?:{'|'.join(sorted(LOWER_BODY_HEADS))})")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
# Acronyms of offices held by one person: "the DCI said", "the GP said" name a person, not a body.
_ROLE_ACRONYMS = frozenset("PM DPM MP MPs MSP MEP MLA AM CEO CFO COO CTO MD VP DCI DI DS DC PC PCSO GP QC KC AG DA "
                           "DJ AOC".split())


def body_name(phrase: str) -> str | None:
    """The body a phrase without "the" names, as the article names it, or None: a known body,
    a capitalised run ending in an organisation word, an acronym ("RMT"), a run joined by
    of/for/and, or "government"."""
    if phrase in KNOWN_BODIES:
        return KNOWN_BODIES[phrase]
    if phrase.lower() == "government":
        return "government"
    if CAP_RUN.fullmatch(phrase) and phrase.split()[-1] in ORG_HEADS and phrase.split()[0] not in HONORIFICS:
        return phrase
    return _named_body(phrase)


def _named_body(phrase: str) -> str | None:
    if " & " in phrase and CAP_RUN.fullmatch(phrase) and not re.search(r"\s(?:of|for)\s", phrase):
        return phrase  # "Harrow & Finch", "Marks & Spencer"; not "Tom Hughes of Marks & Spencer"
    if _ACRONYM.fullmatch(phrase) and phrase not in ROLE_WORDS and phrase not in _ROLE_ACRONYMS:
        return phrase
    if _LOWER_BODY.fullmatch(phrase) and phrase.split()[0] not in NOT_NAMES:
        return phrase
    if _CONNECTED_RUN.fullmatch(phrase) and phrase.split()[0] not in FIRST_NAMES:
        words = phrase.split()  # (not "Tom Hughes of Lloyds Bank": a person of a body)
        joins = [i for i, w in enumerate(words) if w in ("of", "for", "and", "&")]
        if joins and not _ends_in_titled_name(words[joins[0]:]) and len(strip_titles(" ".join(words[:joins[0]])).split()) \
                == joins[0] and (
                words[joins[0] - 1] in _BODY_FIRST_WORDS or words[-1] in ORG_HEADS):
            return phrase
    if CAP_RUN.fullmatch(phrase) and len(phrase.split()) > 1 and phrase.split()[-1] == "UK":
        return phrase  # "Water UK", "Universities UK"
    words = phrase.split()
    if len(words) == 2 and _ACRONYM.fullmatch(words[0]) and words[0] not in ROLE_WORDS | _ROLE_ACRONYMS \
            and not (len(words[0]) > 2 and words[0].capitalize() in HONORIFICS) \
            and words[1][:1].isupper() and words[1] not in ROLE_WORDS:
        return phrase  # "NHS England", "BBC Scotland"
    return None


def _ends_in_titled_name(words: list[str]) -> bool:
    """Whether the words end in a title and a name ("... Governor Andrew Bailey"), not in more
    of a body's name ("of Health and Social Care", "for Transport")."""
    for i, w in enumerate(words):
        rest = words[i + 1:]
        if w in HONORIFICS and rest or (w in ROLE_WORDS and rest and not any(r in ("of", "for", "and", "&") for r in rest)
                               and rest[-1] not in ORG_HEADS):
            return True
    return False


def _trailing_cap_run(phrase: str) -> str | None:
    m = re.search(rf"{CAP_RUN.pattern}$", phrase)
    return m.group() if m else None


def _description(phrase: str) -> Mention | None:
    words = [re.sub(r"[^\w’'-]", "", w).lower() for w in phrase.split()]
    if any(w in ("said", "says", "told", "tells") for w in words):
        return None  # "director Gareth Pryce said members": a clause, not a noun phrase
    # The speaker noun ends the phrase, or is followed by what it is of or close to ("a source
    # close to him", "officials in Washington"); not "Mandelson told friends he".
    at = [i for i in range(max(0, len(words) - 3), len(words)) if words[i] in SPEAKER_NOUNS]
    if at and (at[-1] == len(words) - 1 or words[at[-1] + 1] in _NOUN_QUALIFIERS):
        desc = re.sub(r"^(?:the|a|an|one|another|its|his|her|their)\s+", "", phrase, flags=re.I)
        # A body's spokesperson is resolved through the body (rule 10), never left unnamed.
        spokes = words[at[-1]] in ("spokesperson", "spokesman", "spokeswoman")
        return Mention(desc, "description", indefinite=bool(_INDEFINITE_START.match(phrase)) and not spokes)
    # An indefinite description is a new, unnamed speaker (rule 11): "a witness", "one ticket
    # holder", "a senior SNP MSP", "a former engineer"; its head is a lower-case or all-capitals noun.
    m = _INDEFINITE.fullmatch(phrase.strip())
    if m and not any(w in _FUNCTION_WORDS or w in TEXT_NOUNS or w in TIME_WORDS or w in _NOT_MODIFIERS
                     for w in m.group(1).lower().split()):
        return Mention(m.group(1), "description", indefinite=not m.group(1).lower().endswith(("spokesperson", "spokesman", "spokeswoman")))
    return None


# "A week later, she told …": time, never a speaker.
TIME_WORDS = frozenset("second seconds minute minutes hour hours day days week weeks fortnight month months year years "
                       "decade decades moment while time later earlier ago before after".split())
_INDEFINITE_START = re.compile(r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s")
_INDEFINITE = re.compile(r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+((?:[\w\-]+\s+){0,3}(?:[a-z][\w\-]*[a-z]|[A-Z]{2,5}))")


# Words that end a noun phrase's modifiers: "a report into the scandal" is no speaker "scandal".
_NOT_MODIFIERS = frozenset("the into of for to from about over with on in at by against under after than".split())
_NOUN_QUALIFIERS = frozenset("for of close in at familiar with to from on".split())


def _only_modifiers(prefix: str) -> bool:
    return prefix.strip().lower() in ("", "the", "a", "a spokesperson for the", "a spokesman for the")


def _person_like(core: str) -> bool:
    return core.split()[0] in HONORIFICS


def _gender(phrase: str) -> str | None:
    first = phrase.split()[0]
    return "f" if first in FEMALE_HONORIFICS else "m" if first in MALE_HONORIFICS else None


@lru_cache(maxsize=PHRASE_CACHE)
def strip_titles(phrase: str) -> str:
    """"Health Secretary Wes Streeting" -> "Wes Streeting"; "Ms Allred" -> "Allred"."""
    words = [_POSSESSIVE.sub("", w) if i == len(phrase.split()) - 1 else w
             for i, w in enumerate(phrase.split())]
    while len(words) > 1 and (words[-1].rstrip(",") in POST_NOMINALS or words[-1] in _MEMBER_LETTERS and len(words) > 2
                              and words[-2] not in ROLE_WORDS and words[-2][:1].isupper()):
        words.pop()  # "Sarah Quinlan KC", "Jane Doe OBE", "Ed Davey MP" (not "Labour MP")
    if words and words[0].isupper() and len(words[0]) > 2 and words[0].capitalize() in HONORIFICS:
        words[0] = words[0].capitalize()  # a tabloid's "LORD Mandelson"
    after_of = False
    while len(words) > 1 and (words[0] in HONORIFICS or words[0] in ROLE_WORDS or words[0] in LEADING_TITLES
                              or words[0] in ORG_HEADS or words[0].isupper() or words[0] in ("of", "for", "and")):
        after_of = words.pop(0) in ("of", "for")
    if words and words[0] in HONORIFICS:
        return ""
    if after_of and len(words) == 1:
        return ""  # "Prince of Darkness", "Archbishop of Canterbury": a title, no personal name
    if after_of and len(words) >= 3:
        words = words[1:]  # "Mayor of London Sadiq Khan", "Archbishop of Canterbury Justin Welby"
    elif len(words) == 3 and words[1] in FIRST_NAMES and words[0] not in FIRST_NAMES | NOT_NAMES \
            and phrase.split()[0] not in HONORIFICS:
        words = words[1:]  # "(the mayor of) London Sadiq Khan", "(president of) Ukraine Volodymyr Zelensky"
    if "of" in words[2:] and phrase.split()[0] not in _PEERAGES:
        words = words[:words.index("of", 2)]  # "Tom Whitcombe of Montana"; not "Lord Falconer of Thoroton"
    if len(words) >= 3 and _common_noun_first(words[0]) and all(w[:1].isupper() for w in words[1:]):
        words = words[1:]  # "Pensioner Doreen Moss", "Analyst Kevin Marsh", "Vice-captain Ollie Makinde"
    # A title after words that are not one ("Assembly Speaker Rachel Voss", "US Commerce Secretary
    # Maria Gonzalez"): the name is what follows the last title word.
    titled = [i for i, w in enumerate(words[:-1]) if w in ROLE_WORDS or w in HONORIFICS or w in LEADING_TITLES]
    if titled and words[titled[-1] + 1] not in ("of", "for", "and"):
        words = words[titled[-1] + 1:]
    return " ".join(words)


# Endings of agent nouns that open a name at a sentence start ("Pensioner", "Headliner", "Analyst").
_AGENT_NOUN = re.compile(r"[A-Z][a-z]+(?:er|or|our|ist|yst|ian|ant|ent|ee|man|woman)|[A-Z][a-z]+-[a-z][\w\-]*"
                         r"|Mum|Dad|Mother|Father|Grandmother|Grandfather|Grandad|Gran|Nan|Witness|Resident|Student|Nurse")


def _common_noun_first(word: str) -> bool:
    return bool(_AGENT_NOUN.fullmatch(word)) and word not in FIRST_NAMES


# Titles whose "of" belongs to the name: "Lord Falconer of Thoroton".
_PEERAGES = frozenset("Lord Lady Baroness Baron".split())
_OWNER = re.compile(r"(?:[A-Z][\w\-]*\s+){0,2}[A-Z][\w\-]*[’']s\s+(?=[A-Z])")


def strip_owner(run: str) -> str:
    """"The SNP’s Stephen Flynn", "Labour’s Emily Thornberry" -> the name after the owner (when
    at least two words are left: "Mandelson’s Washington" is no name)."""
    owner = _OWNER.match(run)
    return run[owner.end():] if owner and len(run[owner.end():].split()) >= 2 else run


def canonical_names(names: list[str], by_first_name: frozenset[str] = frozenset()) -> dict[str, str]:
    """Map each name to the fullest form in the article that ends with the same surname; a lone
    word in ``by_first_name`` (seen after Sir or Dame) may instead be a fuller name's first name."""
    fullest: dict[str, str] = {}
    for n in names:
        key = n.split()[-1]
        if len(n.split()) > len(fullest.get(key, "").split()):
            fullest[key] = n
    # "Sir Keir" with "Keir Starmer" in the article: a lone word that is no one's surname but is
    # the first name of exactly one fuller name (knights and dames are called by first name;
    # "Lord Morgan" and "Mr Morgan" are surnames).
    firsts: dict[str, set[str]] = {}
    for full in fullest.values():
        if len(full.split()) > 1:
            firsts.setdefault(full.split()[0], set()).add(full)
    out = {}
    for n in names:
        full = fullest[n.split()[-1]]
        if full == n and n in by_first_name and len(firsts.get(n, ())) == 1:
            full = next(iter(firsts[n]))
        elif len(n.split()) > 1 and not full.endswith(" " + n) and full != n:
            full = n  # "Denise Ellis" is not "Jordan Ellis": two people with one surname
        out[n] = full
    return out


def person_names(text: str) -> list[tuple[int, str, str | None]]:
    """``(offset, name, gender)`` of the personal names in ``text``, in order.

    A name is a run of capitalised words of which at most three, after titles and office words
    are stripped, are left; runs ending in an organisation word are bodies, not names.
    """
    out = []
    runs = [(m.start(), m.group()) for m in CAP_RUN.finditer(text)]
    for start, run in runs:
        found = _name_in_run(run)
        if found:
            skip, name, gender, lone = found
            out.append((start + skip, name, gender, lone and _sentence_initial(text, start + skip)))
    # A lone capitalised word at a sentence start is a name only if the article also uses it
    # where capitals prove nothing else: mid-sentence, or as the surname of a longer name.
    # A lone word is a name only when the article also gives it with a first name or a title,
    # or uses it often (an article that only ever says "Starmer"): not "Chamber", "Congress".
    full = {n.split()[-1] for _, n, _, _ in out if len(n.split()) > 1}
    titled = {strip_titles(run) for _, run in runs if run.split()[0] in HONORIFICS}
    counts = {}
    for _, n, _, _ in out:
        counts[n] = counts.get(n, 0) + 1
    keep = lambda n: len(n.split()) > 1 or n in full or n in titled or counts[n] >= LONE_NAME_MIN_COUNT
    return [(i, n, g) for i, n, g, _ in out if keep(n)]


@lru_cache(maxsize=PHRASE_CACHE)
def _name_in_run(run: str) -> tuple[int, str, str | None, bool] | None:
    """The personal name in a run of capitalised words, if any: ``(characters before it, name,
    gender, whether it is one word standing alone)``; None for bodies and non-names."""
    first, _, rest = run.partition(" ")
    if rest and first in NOT_NAMES and first not in HONORIFICS:
        # "For Keir Starmer, the question …", "With Kemi Badenoch away": a sentence's opening word
        found = _name_in_run(rest.lstrip())
        return (found[0] + len(run) - len(rest.lstrip()), *found[1:]) if found else None
    owned = strip_owner(run)
    words = owned.split()
    if words[-1] in ORG_HEADS or words[-1].rstrip("’'s") in ORG_HEADS:
        return None
    name = strip_titles(owned)
    if not name or len(name.split()) > 3 or any(w in NOT_NAMES or w in ROLE_WORDS or w.isupper() for w in name.split()):
        return None
    if name.split()[-1] in NATIONALITIES and (len(name.split()) == 1 or re.search(r"[’']s$", name.split()[0])):
        return None  # "Albion’s Italian", "the Czech"; not "Dawn French"
    if (" of " in name or " for " in name) and words[0] not in HONORIFICS:
        return None  # "Republican of Kansas", "Democrat of Oregon"; not "Lord Falconer of Thoroton"
    return len(run) - len(owned), name, _gender(owned), len(name.split()) == 1 and len(words) == 1


# A lone capitalised word seen this often in one article is taken as a surname (c04's "Starmer").
LONE_NAME_MIN_COUNT = 3


def _sentence_initial(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t“‘\"'":
        j -= 1
    return j < 0 or text[j] in ".!?\n:"


# "the billionaire", "the 61-year-old", "the charity’s founder", "the force": a definite
# description whose head is no speaker noun. It names a speaker only through the article (a
# person introduced with it, or a body), so attribution resolves it or gives no speaker.
_ANAPHOR = re.compile(r"[Tt]he\s+((?:[\w\-]+[’']s\s+)?(?:[a-z0-9][\w\-]*\s+){0,2}[a-z0-9][\w\-]*)")
_NOT_ANAPHOR_HEADS = frozenset("report document book study inquiry review letter email statement message "
                               "post tweet note memo decision move plan deal case bill law court ruling judgment "
                               "same latter former first other".split())


_FUNCTION_WORDS = frozenset("he she it they we i you him her them us his its their our my your that which who "
                            "whom whose and or but to of in on at by for with from as than".split())


def _anaphor(phrase: str) -> Mention | None:
    m = _ANAPHOR.fullmatch(phrase)
    if not m or m.group(1).split()[-1].lower() in _NOT_ANAPHOR_HEADS:
        return None
    if any(w in _FUNCTION_WORDS or w in TEXT_NOUNS for w in m.group(1).lower().split()):
        return None  # "the comments he wrote": no noun phrase
    return Mention(m.group(1), "anaphor")
