"""The person whose stance quotes are tagged toward: a name and its aliases."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Target:
    """A target profile. ``name`` is the canonical full name; ``aliases`` the other ways the
    news refers to them (surname, titles, offices, nicknames)."""

    name: str
    aliases: tuple[str, ...] = ()

    def surface_forms(self) -> list[str]:
        """Every form, longest first, so "Lord Mandelson" wins over "Mandelson"."""
        forms = {self.name, *self.aliases, self.name.split()[-1]}
        return sorted((f for f in forms if f), key=len, reverse=True)

    def pattern(self) -> re.Pattern:
        """A regex matching any surface form as whole words, in any case."""
        alts = "|".join(re.escape(f) for f in self.surface_forms())
        return re.compile(rf"(?<![\w’'])(?:{alts})(?:[’']s)?(?![\w])", re.IGNORECASE)

    def is_named_in(self, text: str) -> bool:
        """Whether ``text`` names the target by any surface form, however its apostrophes,
        hyphens and accents are typed ("Conor O'Brien" is named in "Conor O’Brien said")."""
        if compiled_pattern(self).search(text):  # as typed: the usual case, a hundred times quicker than folding
            return True
        return compiled_pattern(_folded(self)).search(_fold(text)) is not None

    def to_dict(self) -> dict:
        return {"name": self.name, "aliases": list(self.aliases)}

    @classmethod
    def from_dict(cls, d: dict) -> "Target":
        return cls(d["name"], tuple(d.get("aliases", ())))


@lru_cache(maxsize=8)
def compiled_pattern(target: Target) -> re.Pattern:
    """``target.pattern()``, compiled once per target."""
    return target.pattern()


# Typography that varies between spellings of one name: apostrophes, hyphens, a soft hyphen.
_TYPOGRAPHY = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-",
                             "\u2012": "-", "\u2013": "-", "\u00ad": None})


def _fold(text: str) -> str:
    """``text`` composed (NFC) with one apostrophe and one hyphen: for finding a name, not for offsets."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text.translate(_TYPOGRAPHY)


@lru_cache(maxsize=8)
def _folded(target: Target) -> Target:
    return Target(_fold(target.name), tuple(_fold(a) for a in target.aliases))


# The default target, with the references ANNOTATION.md lists for him.
MANDELSON = Target(
    "Peter Mandelson",
    ("Mandelson", "Lord Mandelson", "Mr Mandelson", "Lord Peter Mandelson", "the ambassador",
     "the US ambassador", "the British ambassador", "the UK ambassador", "the former ambassador",
     "the Labour grandee", "the peer", "Petie"),
)
