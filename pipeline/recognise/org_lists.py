"""Organisations named in a list with others: 甲、乙及丙等企業 — when the list closes on a noun for a
class of organisations and one item is already an organisation, the others are organisations too,
even without a suffix (firms, shops and magazines are often named bare)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import is_common_word, word_freq
from .context import Findings, ReportText, cover_of
from .text import CJK_CHARS

_JOINERS = "、|及|和|与|暨|以及"
_ITEM = f"[{CJK_CHARS}A-Za-z0-9&＆·．.\\-]{{2,12}}"
# what may stand between 等 and the class noun: how many or which (等少數企業, 等多家公司, 等知名品牌)
_CLASS_MODIFIER = "(?:少数|多数|多家|数家|知名|大型|国内外|国内|国际|各大|[一二两三四五六七八九十几0-9]+家)?"


@lru_cache(maxsize=4)
def _list_pattern(class_nouns: tuple[str, ...]) -> re.Pattern | None:
    """甲、乙及丙等 + a class noun (built once per lexicon, not per report)."""
    heads = "|".join(map(re.escape, sorted(class_nouns, key=len, reverse=True)))
    return re.compile(f"{_ITEM}(?:、{_ITEM})*(?:、|及|和|与|以及){_ITEM}等{_CLASS_MODIFIER}(?:{heads})") if heads else None


class ListedOrganisations:
    """Proposes the bare items of a list of organisations (凱擘、台積電、鴻海等企業)."""

    def __init__(self, text: ReportText, findings: Findings):
        self.text, self.findings = text, findings
        self.s, self.lex = text.s, text.lex
        self._list_re = _list_pattern(self.lex.org_class_nouns)

    def find_listed_agencies(self):
        if self._list_re is None:
            return
        agencies = set(self.findings.agencies)
        taken = cover_of(self.findings.agencies) | self.findings.person_cover()
        for m in self._list_re.finditer(self.s):
            items = self._items(m.start(), m.end())
            if not any(span in agencies for span in items):
                continue  # no item is known to be an organisation: the list may be of anything
            for i, j in items:
                if (i, j) in agencies or any(k in taken for k in range(i, j)) or not self._bare_name_ok(i, j):
                    continue
                self.findings.add_agency((i, j), why="listed with organisations (…等企業)")
                agencies.add((i, j))
                taken.update(range(i, j))
        self._coordinated_acronyms(agencies, taken)

    def _coordinated_acronyms(self, agencies: set, taken: set) -> None:
        """世界銀行、OECD及IMF共同研議, 經濟部與WTO合作: a known acronym joined by 、/及/與 to an
        organisation is named as an actor beside it (an acronym before an event word stays out:
        部會與APEC會議)."""
        ends = {j for _, j in agencies}
        starts = {i for i, _ in agencies}
        found = []
        for m in re.finditer(r"[A-Z]{2,8}", self.s):
            i, j = m.span()
            if (m.group() not in self.lex.acronyms or (i, j) in agencies or any(k in taken for k in range(i, j))
                    or self.text.inside_latin_word(i, j) or self.text.starts_with_word(j, self.lex.event_heads)):
                continue
            before = re.search(f"(?:{_JOINERS})$", self.s[max(0, i - 2) : i])
            after = re.match(_JOINERS, self.s[j : j + 2])
            found.append((i, j, before and i - len(before.group()), after and j + len(after.group())))
        changed = True
        while changed:  # a chain of them (甲、OECD及IMF): each joins the one before it
            changed = False
            for i, j, left, right in found:
                if (i, j) not in agencies and (left in ends or right in starts):
                    self.findings.add_agency((i, j), why="a known acronym joined to an organisation (甲與WTO)")
                    agencies.add((i, j))
                    ends.add(j)
                    starts.add(i)
                    changed = True

    def _items(self, start: int, end: int) -> list[tuple[int, int]]:
        """The items' spans: the list up to 等, split at its separators, the first item after the words
        that introduce the list (包括, 如) is cut where an organisation or a boundary word ends."""
        body_end = self.s.rindex("等", start, end)
        out, pos = [], start
        for part in re.split(r"(、|及|和|与|以及)", self.s[start:body_end]):
            if part and part not in ("、", "及", "和", "与", "以及"):
                out.append((pos, pos + len(part)))
            pos += len(part)
        if out:
            i, j = out[0]
            for k in range(j - 2, i, -1):
                if self.text.is_boundary_before(k) or self.s.endswith(tuple(w for w in self.lex.boundary_words if len(w) > 1), 0, k):
                    out[0] = (k, j)
                    break
        return out

    def _bare_name_ok(self, i: int, j: int) -> bool:
        name = self.s[i:j]
        if self.text.is_place(i, j) or self.lex.title_re.search(name) or name in self.lex.not_agency:
            return False
        return not (is_common_word(name) and word_freq(name) >= 50)
