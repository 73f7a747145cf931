"""The person whose stance quotes are tagged toward: a name and its aliases."""
from __future__ import annotations

import re
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
        """A regex matching any surface form as whole words, case-sensitive for names."""
        alts = "|".join(re.escape(f) for f in self.surface_forms())
        return re.compile(rf"(?<![\w’'])(?:{alts})(?:[’']s)?(?![\w])", re.IGNORECASE)

    def is_named_in(self, text: str) -> bool:
        """Whether ``text`` names the target by any surface form."""
        return _pattern(self).search(text) is not None

    def to_dict(self) -> dict:
        return {"name": self.name, "aliases": list(self.aliases)}

    @classmethod
    def from_dict(cls, d: dict) -> "Target":
        return cls(d["name"], tuple(d.get("aliases", ())))


@lru_cache(maxsize=8)
def _pattern(target: Target) -> re.Pattern:
    return target.pattern()


# The default target, with the references ANNOTATION.md lists for him.
MANDELSON = Target(
    "Peter Mandelson",
    ("Mandelson", "Lord Mandelson", "Mr Mandelson", "Lord Peter Mandelson", "the ambassador",
     "the US ambassador", "the British ambassador", "the UK ambassador", "the former ambassador",
     "the Labour grandee", "the peer", "Petie"),
)
