"""Named or described: whether the words before an organisation suffix name one organisation
(青松資訊公司, 中華隊) or describe a kind of one (一些石油公司, 食品公司, 第二大銀行, 考大學), and where a
name starts after the words that describe it (主辦單位|某協會, 衛冕冠軍|印尼男隊). The lists are data
in configs/organisations.yml (appositive_nouns, class_suffixes, verb_objects, named_only_suffixes)."""

from __future__ import annotations

import re

from ..lexicon import is_common_word
from .context import ReportText
from .text import CJK_NUMERALS

_RANK = re.compile(f"(?:第[{CJK_NUMERALS}0-9]+|[{CJK_NUMERALS}0-9]+|最)大")  # 第二大, 兩大, 最大


class OrganisationNaming:
    """Reads one report (ReportText) for the organisation rules; holds no state of its own."""

    def __init__(self, text: ReportText):
        self.text, self.s, self.lex, self.tokens = text, text.s, text.lex, text.tokens

    def start_after_appositive(self, start: int, ss: int) -> int:
        """A noun saying what the organisation is before its name (製造商某公司, 主辦單位某協會, 母校某大學,
        configs/organisations.yml appositive_nouns): the name starts after the last such word, when two
        characters or more remain before the suffix. (A person's role noun is no such sign: 議員懇談會.)"""
        best = start
        first = self.tokens.covering(start)
        tokens = ([first] if first and first[0] < start < first[1] <= ss - 2 else []) + list(self.tokens.inside(start, ss - 2))
        for a, b, _ in tokens:
            word = self.s[max(a, start) : b]  # (主辦|單位: the scan may have cut the token's front off)
            if word in self.lex.appositive_nouns:
                best = b
        return best

    def start_after_rank(self, start: int, ss: int) -> int | None:
        """A rank before a kind of organisation (第二大銀行, 兩大電信公司, 最大…公司) describes, it does not
        name: the name starts after the kind when one follows (比利時第二大銀行|某某銀行), else there is
        none (None)."""
        rank = None
        for m in _RANK.finditer(self.s, start, ss):
            rank = m
        if rank is None:
            return start
        kind = self.lex.suffix_re.search(self.s, rank.end(), ss)
        return kind.end() if kind and ss - kind.end() >= 2 else None

    def _known_or_learned(self, start: int, se: int) -> bool:
        """The gazetteer knows the span, or the learned tagger reads an organisation over part of it."""
        return (start, se) in self.text.known_name_spans or any(k in self.text.learned_org_cover for k in range(start, se))

    def described(self, start: int, ss: int, se: int) -> bool:
        """A kind of organisation described, not one named (一些石油公司, 大銀行, 食品公司): the words before
        the suffix open with an adjective, a pronoun or a quantity, or the suffix is a kind of institution
        (configs/organisations.yml class_suffixes: 公司, 銀行…); all of them are common dictionary words,
        none is tagged a name, place or organisation, and the learned tagger reads no organisation there.
        (A subject before a unit's suffix is no such sign: 經濟系, 賑災基金會.)"""
        if self._known_or_learned(start, se):
            return False
        if start > 0 and self.s[start - 1] in "“「『\"":
            return False  # a name in quotes is a name: “傳統基金會”
        words = list(self.tokens.inside(start, ss))
        if not words or words[0][0] != start or words[-1][1] != ss:
            return False
        # a kind of institution (公司, 銀行…) after common words is described; a unit (系, 基金會) is named so
        opens_with_kind = words[0][2].startswith(("a", "r", "m", "q", "b")) or self.s[ss:se] in self.lex.class_suffixes
        return opens_with_kind and all(is_common_word(self.s[a:b]) and not tag.startswith(("nr", "ns", "nt", "nz")) for a, b, tag in words)

    def object_of_verb(self, start: int, se: int) -> bool:
        """A generic word for an institution that a verb governs (考大學, 送進醫院, 辦公司, 從嚴治黨;
        configs/organisations.yml verb_objects): no name, unless the gazetteer or the learned tagger reads
        an organisation there (實踐大學). Units named by an activity keep their verb (賑災基金會)."""
        if self._known_or_learned(start, se):
            return False
        for k in range(max(start + 1, se - 4), se):
            if self.s[k:se] in self.lex.verb_objects:
                tok = self.tokens.ending_at(k)
                return tok is not None and tok[0] >= start and tok[1].startswith("v")
        return False

    def start_at_place(self, start: int, ss: int, suffix: str) -> int:
        """A team named by its country or place starts there (衛冕冠軍印尼男隊, 逼平巴西隊 → 印尼男隊, 巴西隊):
        what comes before the last run of places is the sentence, not the name. Places written
        together are one run (中國香港隊)."""
        if "place" not in self.lex.named_only_suffixes.get(suffix, ()):
            return start
        runs: list[list[int]] = []
        k = start
        while k < ss - 1:
            e = next((e for e in range(min(ss, k + 6), k + 1, -1) if self.text.is_place(k, e)), None)
            if e is None:
                k += 1
                continue
            if runs and runs[-1][1] == k:
                runs[-1][1] = e
            else:
                runs.append([k, e])
            k = e
        return runs[-1][0] if runs else start

    def named(self, start: int, end: int, suffix: str) -> bool:
        """A team, a works and the like is an organisation only when named, in the ways
        configs/organisations.yml allows for its suffix: a country or place opens it (中華隊, 德國女隊),
        its name is no dictionary word (某某隊), or the learned tagger reads an organisation ending there;
        for a works, a place opening it names a plant (台南市白河廠), not a firm."""
        ways = self.lex.named_only_suffixes[suffix]
        name = self.s[start : end - len(suffix)]
        after_place = any(self.text.is_place(start, k) for k in range(start + 2, min(end - len(suffix), start + 6) + 1))
        if after_place and "not_after_place" in ways:
            return False
        if after_place and "place" in ways:
            return True
        if "name" in ways and not is_common_word(name) and not is_common_word(name[-2:]):
            return True
        if "name" in ways and len(name) >= 3 and (m := self.lex.suffix_end_re.search(name)) and m.start() >= 1:
            return True  # 經合組織總部: an organisation's name before it (公司總部 alone is none)
        return "learned" in ways and end in self.text.learned_org_ends
