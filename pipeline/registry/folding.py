"""One folded form per name, so the same person or agency written 臺/台, in Traditional or Simplified
characters, or with full-width letters is recognised across reports; and keys derived from it, so a
new report never renumbers the others."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from ..shadow import simplify


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """NFKC, 臺→台, Simplified characters, no whitespace or middle-dot variants, casefolded (cached: a
    corpus repeats its names in every table)."""
    t = unicodedata.normalize("NFKC", name or "").replace("臺", "台")
    t = re.sub(r"\s+", "", t)
    t = re.sub(r"[‧・·•．.]", "·", t)
    return simplify(t).casefold() if t else ""


def stable_key(prefix: str, folded: str) -> str:
    """A key from the folded name alone (not from row order): P3f2a9c1b0d."""
    return prefix + hashlib.sha1(folded.encode("utf-8")).hexdigest()[:10]


def is_abbreviation(short: str, full: str) -> bool:
    """short abbreviates full: same first and last character, its characters in full's order but not
    as one piece (a parent written inside its unit's name is no abbreviation of it), shorter
    (北農會 ~ 北方農業協會, 經濟部國貿署 ~ 經濟部國際貿易署); both folded."""
    if not (2 <= len(short) < len(full)) or short[0] != full[0] or short[-1] != full[-1] or short in full:
        return False
    it = iter(full)
    return all(c in it for c in short)


def bracketed_in(short: str, full: str) -> bool:
    """short is written in brackets inside full: an acronym declared with the name (…小組(ABC))."""
    return bool(short) and f"({short})" in full


class UnionFind:
    """Groups of folded names that name one person or one agency."""

    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for x in list(self.parent):
            out.setdefault(self.find(x), []).append(x)
        return out
