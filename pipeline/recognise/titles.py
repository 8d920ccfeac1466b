"""The title lexicon as evidence: every position title in the text, compound titles, and which
bare titles are kept.

Titles are matched by the lexicon's regular expression over the simplified shadow, not spaCy's
PhraseMatcher: a title is often inside one segmenter token (外交部長); it is up to two modifiers
before a base (首席副 + 執行長) and not followed by some characters (部長, not 部長室); and a
character-level Doc for a PhraseMatcher costs several times the scan (see organisations.py)."""

from __future__ import annotations

import re

from ..lexicon import is_common_word
from .text import DOTTED, SPEECH_AFTER_PRONOUN, is_cjk
from .facts import Fact
from .context import Findings, ReportText


class TitleEvidence:
    """Proposes the titles (from the text's title-lexicon matches), keeps the bare ones that refer to
    a position, and reads compound titles (教授兼系主任) for the affiliation shapes."""

    def __init__(self, text: ReportText, findings: Findings):
        self.text, self.findings = text, findings
        self.a, self.s, self.lex = text.a, text.s, text.lex
        self._known_starts = {i for i, _ in text.known_names}

    def find_titles(self):
        for ts, te in self.text.title_matches:
            title = self.s[ts:te]
            if any(self.s.endswith(g, 0, ts) for g in self.lex.title_generic_before):
                continue
            after_org = ts > 0 and (self.s[ts - 1].isalnum() or is_cjk(self.s[ts - 1]) or re.search(r"[(（][A-Z]{2,}[)）]$", self.s[max(0, ts - 12) : ts]))
            if title in self.lex.role_only_titles and not after_org:
                continue  # 主席：… is the chair of the sitting, not a position
            acts_for = (self.text.verb_follows(te) or bool(self.lex.title_re.match(self.s, te)) or te in self._known_starts
                        or self._represents(te))
            if title in self.lex.verb_titles and acts_for and not (te in self.text.learned_per_start or DOTTED.match(self.s, te)):
                continue  # 代表致贈, 代表總統, 代表外交部: "on behalf of", not a position (but 代表 + a name is one)
            closes = self.lex.suffix_end_re.search(self.s, max(0, ts - 4), ts + 1)
            if closes and closes.start() < ts and is_common_word(self.s[te - 1 : te + 1]) and te not in self.text.tok_starts:
                continue  # 基金|會長|期: the title's first character closes an organisation, its last starts a word
                # (淡江大學|校長|葛某: the segmenter starts a word after the title, 長葛 is no word here)
            self.findings.titles.append((ts, te))
            self.findings.note(ts, te, "TITLE", "title lexicon")
            self.findings.title_by_start[ts] = (ts, te)
            self.findings.title_by_end[te] = (ts, te)

    def _represents(self, te: int) -> bool:
        """What follows is whom one acts for: a number of them, a pronoun or a country or Taiwan place
        (代表七國發言, 代表我們, 代表台灣出賽) — no holder's name follows such a title (the segmenter's
        place tag alone is no proof: it tags Japanese surnames as places)."""
        tok = self.text.tokens.covering(te)
        tag = tok[2] if tok is not None and tok[0] == te else ""
        place = tag == "ns" and (self.s[te : tok[1]] in self.lex.countries or self.s[te : tok[1]] in self.lex.taiwan_places)
        return tag in ("m", "mq", "r") or place or bool(re.match(r"[0-9一二两三四五六七八九十几数多]", self.s[te : te + 1]))

    def keep_titles(self):
        """A title is kept when attached to a person, fused with or directly after an organisation,
        or when it refers back to a position that a named person holds in the report."""
        agency_ends = {a[1] for a in self.findings.agencies}
        fused_ends = {a[1] - 1 for a in self.findings.agencies}
        held = {self.s[t[0] : t[1]] for t in self.findings.kept_titles}
        for ts, te in self.findings.titles:
            if (ts, te) in self.findings.kept_titles:
                continue
            title = self.s[ts:te]
            if ts in agency_ends or ts in fused_ends or ((title in held or self.lex.bare_titles_count) and self._bare_ok(ts, te)):
                self.findings.kept_titles.add((ts, te))
            elif re.search(r"駐[^\s，。、]{1,8}$", self.a[max(0, ts - 9) : ts]):
                self.findings.kept_titles.add((ts, te))

    def _bare_ok(self, ts: int, te: int) -> bool:
        surname_before = ts > 0 and self.s[ts - 1] in self.lex.surnames and self.text.is_boundary_before(ts - 1)
        if ts > 0 and is_cjk(self.s[ts - 1]) and not (self.text.is_boundary_before(ts) or self.s[ts - 1] in self.lex.single_suffixes
                                                        or surname_before or self._governed(ts)):
            return False  # 青年代表: part of a longer noun
        nxt = self.s[te : te + 1]
        if not nxt or not is_cjk(nxt) or self.text.starts_with_word(te, self.lex.name_followers + SPEECH_AFTER_PRONOUN):
            return True
        if self.text.tokens.tag_at(te, "") in ("p",) and ts in self.text.tok_starts:
            return True  # 總統對訪賓…: the title is the subject before a preposition
        # 總統接見…, 總統所強調: the title is the subject of a verb (two-character verbs only: one
        # character is as often the start of a longer noun)
        tok = self.text.token_at(te)
        return tok is not None and tok[0] == te and tok[1] - tok[0] >= 2 and tok[2].startswith("v") and not tok[2].startswith("vn")

    def _governed(self, ts: int) -> bool:
        """A verb or preposition token ends right before the title (晉見|總統, 對於|總統): the title is
        its object, a noun of its own, not the end of a longer noun."""
        prev = self.text.tokens.ending_at(ts)
        return (prev is not None and prev[1].startswith(("v", "p")) and not prev[1].startswith("vn")
                and ts in self.text.tok_starts)

    def compound_titles(self, key, te, agency, former, used, order):
        """TITLE兼TITLE after a name: each title joined on is a fact of the same person."""
        pos = te
        while pos < len(self.s) and self.s[pos] in "兼暨及":
            nxt = self.findings.title_by_start.get(pos + 1)
            if not nxt:
                break
            self.findings.facts.append(Fact(key, nxt, agency, former, order))
            used.add(nxt)
            pos = nxt[1]

    def shared_titles_before(self, key, ts, agency, former, used, order):
        """TITLE兼TITLE + NAME: the titles before the one next to the name are the person's too, each
        with its own organisation where one is written before it (甲院政務委員兼乙會報執行秘書 + NAME)."""
        pos = ts
        own = self.findings.agency_ending_at(pos) or (agency if agency and agency[1] == pos + 1 else None)  # (fused: 教育部長)
        first = own[0] if own and own == agency else ts
        k = first - 1 if first > 0 and self.s[first - 1] == "前" else first  # 暨前教育部長, 、前副總統: a former office
        if k > 0 and self.s[k - 1] in "兼暨、":
            pos = k  # the second title's own organisation (or 前) stands between 兼 and it
        while pos > 0 and self.s[pos - 1] in "兼暨、":
            prev = self.findings.title_by_end.get(pos - 1)
            if not prev or prev in used:
                break  # (甲大使、某會秘書長乙: the title before 、 is the holder's before it)
            prev_agency = self.findings.agency_ending_at(prev[0]) or self.findings.agency_by_end.get(prev[0] + 1)
            prev_former = former
            if pos != ts or self.s[pos - 1] == "、":
                # (the organisation of the first title is its own, not the second's; after 、 so is 前:
                # 本會理事長、台大教授 + NAME, 院士、前副總統 + NAME)
                agency = prev_agency
                prev_former = self.text.is_former(prev_agency[0] if prev_agency else prev[0])
            self.findings.facts.append(Fact(key, prev, agency, prev_former, order))
            used.add(prev)
            pos = prev_agency[0] if prev_agency and prev_agency[1] <= prev[0] else prev[0]
