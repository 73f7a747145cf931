"""Speakers on hand-made probe articles (tests/data/attribution_probes.jsonl).

Eleven sets of invented articles in the shapes of UK and US news copy, written by helpers who read
only ANNOTATION.md (and, from set c on, the speaker rules of labels/README.md) and never saw the
labelled articles or the code:

- a, b: 95 short articles, 275 quotes, one attribution shape each;
- c: 26 long articles, 246 quotes;
- d: 25 long UK politics articles, 265 quotes;
- e: 25 long articles, 11 on the Mandelson story, 213 quotes;
- f: 25 scraped-looking pages (bylines, captions, "Read more" lines), 18 on the story, 230 quotes;
- g: 26 scraped-looking pages, all on the Mandelson story, 226 quotes;
- h: 25 scraped-looking pages from other outlets, all on the story, 219 quotes;
- i: 30 pages of more kinds (wire, tabloid, live blog, transcript, press release, US cable news),
  all on the story, 230 quotes;
- j: 30 pages of still more kinds (regional and international outlets, Hansard-like exchanges,
  podcast transcripts, newsletters, features), all on the story, 254 quotes;
- k: 30 pages of yet more kinds (two helpers, 15 each: wire round-ups, live blogs, Q&A
  transcripts, press releases, parliamentary sketches, letters pages, fact-checks, Welsh, Scottish
  and Irish outlets), all on the story, 270 quotes.

2,428 quotes in all. 16 expected speakers were aligned with labels/README.md and the project's
tests (each says so in its "note"). Sets c to k were each scored once before any rule was
written on them (0.695, 0.823, 0.911, 0.835, 0.854, 0.849, 0.700, 0.728, 0.667; README); after
that each is development data, except k: it was written while rules were written on j, scored
before and after them (0.667, 0.678), and its errors were not read. A speaker matches as in `quotestance evaluate` (training/spans.py:same_speaker:
case and a leading "the" aside), so "Critics say" may give "Critics" for a probe's "critics".
Quotes the rules still get wrong are listed in KNOWN_WRONG with what goes wrong; they are strict
xfails, so a fix shows up as a failure to move the case out of the list.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotestance.model.tagger import find_quotes
from quotestance.training.spans import same_speaker

PROBES = [json.loads(line) for line in
          (Path(__file__).parent / "data" / "attribution_probes.jsonl").read_text(encoding="utf-8").splitlines()]

# (article id, quote index): what goes wrong.
KNOWN_WRONG: dict[tuple[str, int], str] = {
    ("a15", 1): "an unattributed quote after a narrative paragraph continues the last speaker",
    ("a41", 2): "'the former business secretary' fits two people; the other one is taken",
    ("b34", 1): "'Climate Now' is not recognised as a body ('Now' is never a name)",
    ("b34", 2): "'Climate Now' is not recognised as a body ('Now' is never a name)",
    ("b44", 1): "'The letter ... also promised': a letter's author named in an earlier sentence",
    ("c02", 0): "headline 'Brightwells boss': 'boss' is not linked to 'chief executive'",
    ("c02", 1): "'The chief executive of Brightwells, Britain’s sixth-largest …,': the body is taken",
    ("c06", 0): "'the judge describing her crimes as …': the judge is named only in the next paragraph",
    ("c06", 6): "'Evergreen Care Group' spoke through 'the company' two sentences back",
    ("c06", 7): "'Evergreen Care Group' spoke through 'the company' two sentences back",
    ("c13", 7): "a body's name with a comma inside ('Department for Environment, Food and Rural Affairs')",
    ("c19", 0): "'Skyline Airways blamed … on “…”': 'blamed' is no reporting verb",
    ("c22", 5): "'VoltRide Inc.' and 'VoltRide' are not merged",
    ("d01", 0): "headline '…, review finds': the sentence's first name is taken, not the body's speaker",
    ("d03", 6): "'a spokesperson' for a body named only by its acronym two sentences back (Ipsa)",
    ("d04", 6): "'she' between two women: the wrong one is taken",
    ("d04", 7): "'she' between two women: the wrong one is taken",
    ("d04", 8): "a body's name with a comma inside ('Ministry of Housing, Communities and …')",
    ("d04", 9): "a body's name with a comma inside ('Ministry of Housing, Communities and …')",
    ("d05", 0): "'One senior Labour MP told Sky News the chancellor faced …': the reported clause's subject",
    ("d07", 7): "'they said' after a person's spokesperson: the body (House of Commons) is not found",
    ("d10", 1): "'A coroner has warned' in the lede: named only two paragraphs later",
    ("d11", 11): "'Clean Politics Now' is not recognised as a body ('Now' is never a name)",
    ("d12", 0): "headline 'justice secretary admits': the story gives the role to someone else first",
    ("d14", 0): "'Conservative leader' in a headline: the leader is named with another title",
    ("d14", 1): "'Conservative leader' in a headline: the leader is named with another title",
    ("d17", 0): "'Scottish minister' / 'Scotland’s transport minister': owned roles are not resolved",
    ("d17", 1): "'Scottish minister' / 'Scotland’s transport minister': owned roles are not resolved",
    ("d19", 0): "'The mayor of the West Pennines': an office of a place, named elsewhere",
    ("d19", 1): "'The mayor of the West Pennines': an office of a place, named elsewhere",
    ("d19", 3): "'the mayor said': the mayor is named elsewhere in the article",
    ("d19", 4): "continues d19-3",
    ("d20", 7): "'Fair Lords': 'Lords' is an office word, not a body's name",
    # Set e: held out, scored once (0.911); the misses left after a few rules written on it.
    ("e01", 0): "headline '… vow …': the body's speaker not found",
    ("e05", 10): "'a council spokesperson' for 'Bristol City Council'",
    ("e08", 0): "headline fragment: the target as subject instead of the lawyer",
    ("e08", 1): "'the lawyer': the target's lawyer named elsewhere is not found",
    ("e18", 0): "speaker named only after the quote's sentence",
    ("e21", 5): "a reporter's question's words given to the target (rule 31)",
    # Set f (scraped-looking pages, 17 of 25 on the Mandelson story): held out, scored once
    # (0.835); the misses left after a few rules written on it.
    ("f02", 1): "'called Epstein … “…”': the object is taken for the speaker",
    # Right for a while, then lost to the second review's fixes (the headline rule now needs the
    # headline's words to open the body's quote):
    ("c08", 0): "headline '… 800 jobs as CEO admits …': the clause before the verb is taken",
    ("e23", 0): "headline '… claims': the party is taken instead of its candidate",
    ("f02", 0): "headline \"Epstein victims' lawyer says\": the lawyer named in the body is not found",
    ("f07", 1): "'emails revealed …': the text's subject taken; the minister reading the statement missed",
    ("f08", 0): "the birthday-book note's words: its author (rule 12) not found",
    ("f08", 1): "the birthday-book note's words: its author (rule 12) not found",
    ("f09", 0): "'the House' taken as the speaker of a quote told to it",
    ("f16", 3): "an email quoted after a police paragraph continues the police",
    ("f18", 5): "'Society of Motor Manufacturers and Traders': 'and' in a body's name",
    ("f19", 6): "an unnamed 'former Cabinet minister' after a named one",
    ("f21", 0): "headline fragment: the target as subject instead of the official",
    ("f21", 1): "'told the Foreign Office …': the body told is taken for the speaker",
    # Set g (26 scraped-looking pages, all on the Mandelson story): held out, scored once (0.854)
    # after all of the rules above; the misses left after a few rules written on it.
    ('g00', 0): "gives 'Keir Starmer' (via 'he', 'told')",
    ('g00', 10): "gives 'Ed Davey' (via 'he', 'said')",
    ('g03', 5): 'gives None (via None, None)',
    ('g04', 0): "gives 'senior democrat' (via 'senior democrat', 'says')",
    ('g05', 8): "gives 'Peter Mandelson' (via 'Mandelson', 'subject of the sentence')",
    ('g07', 2): "gives 'lawyer' (via 'lawyer', 'continued')",
    ('g08', 1): "gives 'government minister' (via 'government minister', 'admitted')",
    ('g08', 3): "gives 'Darren Jones' (via None, 'continues previous quote')",
    ('g08', 8): "gives 'mps' (via 'mps', 'demand (after quote)')",
    ('g12', 0): 'span not found (a headline phrase in title case)',
    ('g14', 0): "gives 'Epstein' (via 'she', 'demands (after quote)')",
    ('g14', 7): "gives 'Peter Mandelson' (via 'Mandelson', 'subject of the sentence')",
    ('g17', 3): "gives 'Sky News' (via 'Sky News', 'told (after quote)')",
    ('g19', 0): "gives 'Keir Starmer' (via 'Starmer', 'accused')",
    ('g21', 1): "gives 'Washington' (via 'Washington', 'saying')",
    ('g24', 0): 'gives None (via None, None)',
    ('g25', 0): 'gives "Starmer\'s closest aide" (via "Starmer\'s closest aide", \'says\')',
    # Set h (25 scraped-looking pages from other outlets, all on the Mandelson story): held
    # out, scored once (0.849) after all of the rules above and not worked on.
    ('h01', 8): "gives 'Downing Street' (via None, 'continues previous quote')",
    ('h02', 0): "gives 'Peter Mandelson' (via 'Mandelson', 'subject of the sentence')",
    ('h02', 1): "gives 'Ex-official' (via 'Ex-official', 'says')",
    ('h03', 1): "gives 'Backbenchers' (via 'Backbenchers', 'say')",
    ('h03', 9): 'span not found',
    ('h04', 8): "gives None (via None, 'teaser line')",
    ('h13', 3): "gives 'Jeffrey Epstein' (via 'Epstein', 'subject of the sentence')",
    ('h14', 0): 'gives None (via None, None)',
    ('h14', 3): "gives 'sacked ambassador' (via 'sacked ambassador', 'wrote')",
    ('h14', 4): "gives 'sacked ambassador' (via None, 'continues previous quote')",
    ('h16', 0): "gives 'Peter Mandelson' (via 'him', 'same words quoted elsewhere')",
    ('h16', 1): "gives 'Peter Mandelson' (via 'him', 'said')",
    ('h18', 0): 'gives "Mandelson\'s Hartlepool" (via \'Hartlepool\', \'colon after the speaker\')',
    ('h19', 3): "gives 'Peter Mandelson' (via None, 'continues previous quote')",
    ('h20', 0): "gives 'Anya Lindqvist' (via 'Yorkshire Labour MP', 'says')",
    ('h24', 0): "gives 'Peter Mandelson' (via 'Mandelson', 'subject of the sentence')",
    ('h24', 1): "gives 'Foreign Office’s most senior official' (via 'Foreign Office’s most senior official', 'admitted')",
    ('i01', 0): 'span not found',
    ('i01', 3): "gives None (via 'page', 'signed')",
    ('i04', 0): "gives 'Jeffrey Epstein' (via 'Epstein', 'subject of the sentence')",
    ('i05', 0): 'gives None (via None, None)',
    ('i05', 1): "gives 'You' (via 'You', 'called')",
    ('i05', 2): 'gives None (via None, None)',
    ('i07', 2): "gives 'even loyal backbenchers questioning what one Labour MP' (via 'even loyal backbenchers questioning what one Labour MP', 'called')",
    ('i07', 4): 'gives None (via None, None)',
    ('i07', 7): "gives 'Wes Streeting' (via None, 'continues previous quote')",
    ('i09', 3): "gives 'Peter Mandelson' (via 'he', 'said')",
    ('i10', 1): "gives 'Peter Mandelson' (via 'he', 'subject of the sentence')",
    ('i10', 3): 'gives None (via None, None)',
    ('i10', 4): 'gives None (via None, None)',
    ('i10', 7): "gives 'Keir Starmer' (via None, 'continues previous quote')",
    ('i11', 7): "gives None (via 'upper house', 'said')",
    ('i12', 0): 'gives None (via None, None)',
    ('i12', 4): 'gives None (via None, None)',
    ('i13', 0): "gives 'Peter Mandelson' (via 'Mandelson', 'subject of the sentence')",
    ('i13', 1): "gives 'teenager' (via 'teenager', 'said')",
    ('i13', 3): "gives 'Virginia Giuffre' (via 'Virginia Giuffre', 'said')",
    ('i13', 4): "gives 'Roberts' (via 'Roberts', 'told')",
    ('i14', 2): 'gives None (via None, None)',
    ('i21', 2): "gives 'official' (via 'official', 'said')",
    ('i21', 3): "gives 'official' (via 'official', 'said')",
    ('i22', 1): "gives None (via 'tariff negotiations', 'put')",
    ('i24', 1): "gives 'New Epstein' (via 'Epstein', 'replied')",
    ('i26', 0): "gives 'Foreign Office’s most senior official' (via 'Foreign Office’s most senior official', 'same words quoted elsewhere')",
    ('i26', 1): "gives 'Foreign Office’s most senior official' (via 'Foreign Office’s most senior official', 'told')",
    ('i27', 7): "gives 'Labour MP' (via None, 'continues previous quote')",
    ('i28', 0): "gives 'Ro Khanna' (via 'he', 'calls')",
    ('i28', 2): 'gives None (via None, None)',
    ('i28', 4): "gives 'Thomas Massie' (via 'he', 'wrote')",
    ('j00', 0): "gives 'Hartlepool' (via 'Hartlepool', 'reacts (headline)')",
    ('j01', 0): "gives 'Keir Starmer' (via 'he', 'urged')",
    ('j01', 3): "gives 'Stephen Doughty' (via 'prime minister', 'told')",
    ('j01', 4): 'gives None (via None, None)',
    ('j02', 2): "gives None (via 'person', 'said')",
    ('j03', 1): "gives 'Keir Starmer' (via 'he', 'replied')",
    ('j03', 5): "gives 'Labour MP' (via 'Labour MP', 'said (after quote)')",
    ('j04', 4): "gives 'Virginia Giuffre' (via 'Virginia Giuffre', 'subject of the sentence')",
    ('j04', 5): "gives 'Committee' (via 'Committee', 'told')",
    ('j04', 6): "gives 'Does the Prime Minister' (via 'Does the Prime Minister', 'agree (after quote)')",
    ('j05', 3): "gives None (via 'firing', 'showed')",
    ('j05', 5): "gives 'European diplomat' (via 'European diplomat', 'said')",
    ('j07', 6): "gives 'Roberts' (via 'Roberts', 'said')",
    ('j07', 7): "gives 'Peter Mandelson' (via 'he', 'said (after quote)')",
    ('j07', 8): "gives 'Peter Mandelson' (via None, 'continues previous quote')",
    ('j10', 6): "gives 'Whitcombe' (via 'she', 'called')",
    ('j11', 0): 'gives None (via None, None)',
    ('j11', 1): 'gives None (via None, None)',
    ('j11', 9): "gives None (via 'embassy', 'describe')",
    ('j11', 12): "gives 'Keir Starmer' (via 'he', 'said (after quote)')",
    ('j11', 13): "gives 'Keir Starmer' (via None, 'continues previous quote')",
    ('j12', 0): "gives 'former cabinet secretary' (via 'former cabinet secretary', 'put (after quote)')",
    ('j13', 0): 'gives None (via None, None)',
    ('j13', 3): 'gives None (via None, None)',
    ('j13', 7): "gives 'ally' (via 'he', 'says')",
    ('j13', 8): "gives 'ally' (via 'he', 'subject of the sentence')",
    ('j15', 0): 'gives None (via None, None)',
    ('j15', 1): 'gives None (via None, None)',
    ('j15', 2): 'gives None (via None, None)',
    ('j15', 5): 'gives None (via "firm\'s clients", \'said\')',
    ('j16', 2): "gives 'motion' (via 'motion', 'calling')",
    ('j17', 0): 'gives None (via None, None)',
    ('j17', 1): 'gives None (via None, None)',
    ('j17', 2): "gives 'Downing Street' (via 'Downing Street', 'explain')",
    ('j17', 3): "gives 'Peter Mandelson' (via 'Mandelson', 'subject of the sentence')",
    ('j17', 6): 'gives None (via None, None)',
    ('j18', 7): "gives 'spokesperson for Keir Starmer' (via 'spokesman', 'said')",
    ('j20', 0): 'gives None (via None, None)',
    ('j20', 2): 'gives None (via None, None)',
    ('j20', 4): "gives 'Fenwick' (via 'prime minister', 'told')",
    ('j20', 5): 'gives None (via None, None)',
    ('j21', 3): "gives 'Metropolitan Police' (via None, 'continues previous quote')",
    ('j21', 8): "gives 'spokesperson for Peter Mandelson' (via 'spokesperson', 'said (after quote)')",
    ('j22', 0): 'gives None (via None, None)',
    ('j22', 1): 'gives \'Mandy\' (via \'Mandy\', "revealed (text\'s author)")',
    ('j23', 8): "gives 'representative for Mandelson' (via 'representative for Mandelson', 'said')",
    ('j23', 9): "gives 'representative for Mandelson' (via 'representative for Mandelson', 'said')",
    ('j24', 0): "gives 'Westminster' (via 'Westminster', 'subject of the sentence')",
    ('j24', 1): "gives 'Peter Mandelson' (via 'Peter Mandelson', 'shows')",
    ('j25', 1): "gives 'person briefed' (via 'person briefed', 'said (after quote)')",
    ('j27', 3): 'gives None (via None, None)',
    ('j27', 4): 'gives None (via None, None)',
    ('j27', 5): 'gives None (via None, None)',
    ('j28', 0): 'gives None (via None, None)',
    ('j28', 3): "gives 'Wes Streeting' (via None, 'continues previous quote')",
    ('j28', 4): 'gives None (via None, None)',
    ('g14', 1): "gives 'Epstein survivor' (via 'Epstein survivor', 'said'); a lede's unnamed source is no longer revealed by the next paragraph (review)",
    ('h02', 2): "gives 'former senior civil servant' (via 'former senior civil servant', 'claimed (end of sentence)'); a lede's unnamed source is no longer revealed by the next paragraph (review)",
    ('h02', 3): "gives 'former senior civil servant' (via 'former senior civil servant', 'claimed (end of sentence)'); a lede's unnamed source is no longer revealed by the next paragraph (review)",
    ('h17', 0): "gives 'Epstein survivor' (via 'Epstein survivor', 'same words quoted elsewhere'); a lede's unnamed source is no longer revealed by the next paragraph (review)",
    ('h17', 1): "gives 'Epstein survivor' (via 'Epstein survivor', 'told'); a lede's unnamed source is no longer revealed by the next paragraph (review)",
    ('h20', 1): "gives 'Leeds Labour MP' (via 'Leeds Labour MP', 'warned'); a lede's unnamed source is no longer revealed by the next paragraph (review)",
    ('j11', 11): "gives 'Keir Starmer' (via 'he', 'said')",
    ('j24', 2): "gives 'Aberdeen South MP' (via 'Aberdeen South MP', 'said')",
    # Set k: held out; no rule written on it, its errors not read (listed as the final code gives them).
    ('k00', 5): "gives 'Hartlepool' (via 'he', 'called')",
    ('k00', 6): "gives 'Hartlepool' (via 'he', 'called')",
    ('k00', 0): "gives 'council leader' (via 'council leader', 'says (after quote)')",
    ('k00', 1): 'gives \'council leader\' (via "Hartlepool\'s council leader", \'said\')',
    ('k00', 2): "gives None (via '1990s', 'felt')",
    ('k00', 7): "gives 'Peter Mandelson' (via 'he', 'told (after quote)')",
    ('k00', 8): "gives 'Peter Mandelson' (via None, 'continues previous quote')",
    ('k00', 11): "gives 'Hartlepool' (via 'Hartlepool', 'subject of the sentence')",
    ('k01', 3): "gives 'ministry' (via 'ministry', 'said')",
    ('k01', 4): "gives 'ministry' (via 'ministry', 'said')",
    ('k01', 5): 'gives "UK\'s Starmer" (via \'Starmer\', \'told\')',
    ('k01', 9): "gives 'State Department' (via 'State Department', 'said')",
    ('k02', 4): 'gives None (via None, None)',
    ('k03', 0): "gives 'Peter Mandelson' (via 'Mandelson', 'showed')",
    ('k03', 1): "gives 'Peter Mandelson' (via 'Mandelson', 'showed')",
    ('k03', 2): "gives 'Priti Patel' (via 'prime minister', 'told')",
    ('k03', 3): "gives 'Peter Mandelson' (via 'Mandelson', 'subject of the sentence')",
    ('k03', 5): 'gives None (via None, None)',
    ('k03', 7): "gives 'Jeffrey Epstein' (via 'Epstein', 'subject of the sentence')",
    ('k04', 0): 'gives None (via None, None)',
    ('k04', 1): 'gives None (via None, None)',
    ('k04', 3): 'gives None (via None, None)',
    ('k04', 5): "gives 'Keir Starmer' (via 'they', 'subject of the sentence')",
    ('k07', 0): "gives 'Westminster' (via 'Westminster', 'subject of the sentence')",
    ('k07', 1): "gives 'Peter Mandelson' (via 'Mandelson', 'shows')",
    ('k07', 2): "gives 'Peter Mandelson' (via 'Mandelson', 'shows')",
    ('k07', 10): "gives 'Sarwar' (via 'Sarwar', 'insists')",
    ('k08', 3): "gives 'Wes Streeting' (via None, 'continues previous quote')",
    ('k08', 5): "gives 'Kemi Badenoch' (via 'she', 'said (after quote)')",
    ('k08', 6): "gives 'Kemi Badenoch' (via None, 'continues previous quote')",
    ('k09', 5): "gives 'Peter Mandelson' (via None, 'continues previous quote')",
    ('k09', 7): "gives 'government' (via 'he', 'said')",
    ('k10', 0): "gives 'senior Labour figure' (via 'senior Labour figure', 'same words quoted elsewhere')",
    ('k10', 2): "gives 'senior Labour figure' (via None, 'continues previous quote')",
    ('k10', 4): "gives 'Lords spokesperson' (via 'Lords spokesperson', 'said')",
    ('k10', 5): "gives 'Lords spokesperson' (via None, 'continues previous quote')",
    ('k10', 6): 'gives None (via None, None)',
    ('k10', 7): 'gives None (via None, None)',
    ('k11', 0): "gives 'person close' (via 'person close', 'said (after quote)')",
    ('k11', 1): "gives 'person close' (via None, 'continues previous quote')",
    ('k11', 5): "gives 'Castlegate Securities' (via 'Castlegate Securities', 'wrote')",
    ('k11', 6): "gives 'Chambers' (via 'Chambers', 'said')",
    ('k12', 7): 'gives None (via None, None)',
    ('k13', 0): 'gives None (via None, None)',
    ('k13', 1): "gives 'Met' (via 'Met', 'said')",
    ('k13', 3): "gives 'Cabinet Office' (via 'Cabinet Office', 'asking')",
    ('k14', 5): 'gives None (via None, None)',
    ('k15', 4): "gives 'Peter Mandelson' (via 'Mandelson', 'called')",
    ('k17', 2): 'gives None (via None, None)',
    ('k17', 3): 'gives None (via None, None)',
    ('k17', 4): 'gives None (via None, None)',
    ('k17', 9): "gives 'peer’s spokesman' (via 'peer’s spokesman', 'added (after quote)')",
    ('k18', 0): 'gives None (via None, None)',
    ('k18', 3): "gives 'Stephen Doughty' (via None, 'continues previous quote')",
    ('k18', 7): 'gives None (via None, None)',
    ('k18', 8): 'gives None (via None, None)',
    ('k19', 0): "gives None (via 'notice', 'says')",
    ('k19', 3): "gives 'year earlier a Downing Street aide' (via 'year earlier a Downing Street aide', 'telling')",
    ('k19', 5): "gives 'Lucy Harmon' (via 'she', 'same words quoted elsewhere')",
    ('k20', 4): "gives 'Peter Mandelson' (via None, 'continues previous quote')",
    ('k20', 6): 'gives None (via None, None)',
    ('k21', 0): 'gives None (via None, None)',
    ('k21', 1): 'gives None (via None, None)',
    ('k21', 2): 'gives None (via None, None)',
    ('k21', 3): "gives 'Justice Department spokesperson' (via 'Justice Department spokesperson', 'said')",
    ('k21', 4): "gives 'London' (via 'London', 'said')",
    ('k21', 5): "gives 'London' (via 'London', 'said')",
    ('k21', 7): "gives 'Epstein' (via 'she', 'said (after quote)')",
    ('k21', 9): "gives 'Keir Starmer' (via 'he', 'added (after quote)')",
    ('k21', 10): "gives 'Keir Starmer' (via 'he', 'added')",
    ('k22', 2): "gives 'MSs' (via 'MSs', 'told')",
    ('k22', 3): "gives 'MSs' (via None, 'continues previous quote')",
    ('k22', 7): 'span not found',
    ('k23', 0): "gives None (via 'managing partner', 'said (after quote)')",
    ('k23', 1): 'gives None (via None, None)',
    ('k23', 3): "gives 'Peter Mandelson' (via 'Mandelson', 'said')",
    ('k23', 4): "gives 'spokesperson for Halden' (via 'spokesperson for Halden', 'said')",
    ('k23', 5): 'gives None (via None, None)',
    ('k25', 0): "gives 'Peter Mandelson' (via 'Mandelson', 'claim')",
    ('k25', 1): "gives 'Letters' (via 'Letters', 'argues')",
    ('k25', 2): "gives 'Peter Mandelson' (via 'Mandelson', 'told')",
    ('k25', 3): 'gives None (via None, None)',
    ('k25', 4): 'gives None (via None, None)',
    ('k26', 0): 'span not found',
    ('k26', 9): "gives 'source' (via 'source', 'insisted')",
    ('k26', 10): "gives 'with a spokesman' (via 'spokesman', 'saying')",
    ('k27', 0): "gives 'Keir Starmer' (via 'Keir Starmer', 'same words quoted elsewhere')",
    ('k27', 3): 'gives None (via None, None)',
    ('k27', 4): 'gives None (via None, None)',
}


def _cases():
    for p in PROBES:
        for i, q in enumerate(p["quotes"]):
            marks = [pytest.mark.xfail(strict=True, reason=KNOWN_WRONG[(p["id"], i)])] \
                if (p["id"], i) in KNOWN_WRONG else []
            yield pytest.param(p, i, id=f"{p['id']}-{i}", marks=marks)


def test_probe_data_is_well_formed():
    assert len(PROBES) == 337 and sum(len(p["quotes"]) for p in PROBES) == 2428
    for p in PROBES:
        at = 0
        for q in p["quotes"]:  # each quote occurs in the text, in order
            at = p["text"].index(q["quote"], at) + len(q["quote"])


@pytest.mark.parametrize("probe, i", list(_cases()))
def test_probe_speaker(probe, i):
    want = probe["quotes"][i]
    got = [q for q in find_quotes(probe["text"]) if q.quote.strip() == want["quote"].strip()]
    # The i-th expected quote is the k-th of the expected quotes with these words.
    k = sum(1 for q in probe["quotes"][:i] if q["quote"].strip() == want["quote"].strip())
    assert len(got) > k, f"span not found: {want['quote']!r}"
    assert same_speaker(got[k].speaker, want["speaker"]), (got[k].speaker, want["speaker"])
