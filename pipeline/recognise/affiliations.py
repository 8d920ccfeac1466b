"""The genre's affiliation shapes anchored on titles: ORG + NAME + TITLE, ORG + TITLE + NAME,
SURNAME + TITLE + GIVEN NAME; each gives a (person, title, agency) fact."""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from .facts import Fact
from .context import Findings, ReportText
from .names import NameShapes
from .organisations import OrganisationEvidence
from .text import CELL_GAP, cell_gap_before
from .titles import TitleEvidence

class _People(NamedTuple):
    """The person mentions as the appointment-verb shapes look them up."""
    at_end: dict  # end → person
    ends: list  # sorted ends
    start_at_end: dict  # end → start
    title_held_at_end: dict  # end of a title written right after its holder's name → that person
    title_starts: list  # sorted starts of every title


_LATIN_ALIAS_BEFORE = re.compile(r"[(（][A-Za-z][A-Za-z.'\- ]{1,50}[)）]$")


class AffiliationShapes:
    """Proposes the people the titles anchor, each with a (person, title, agency) fact: the names
    come from the name shapes, the organisations from the organisation evidence, compound titles
    from the title evidence."""

    def __init__(self, text: ReportText, findings: Findings, names: NameShapes, title_evidence: TitleEvidence,
                 organisations: OrganisationEvidence):
        self.text, self.findings = text, findings
        self.names, self.title_evidence, self.organisations = names, title_evidence, organisations
        self.a, self.s, self.lex = text.a, text.s, text.lex

    def find_people(self):
        used_titles: set[tuple[int, int]] = set()
        found_end: dict[int, tuple[int, str]] = {}  # end of a name found after a title → (start, person)
        order = 0
        for ts, te in self.findings.titles:
            order += 1
            # SURNAME + TITLE + GIVEN NAME (王執行長雪虹)
            split = self.names.split_name(ts, te)
            if split:
                (ss, se), (gs, ge) = split
                key = self.s[ss:se] + self.s[gs:ge]
                self.findings.add_person(ss, se, (ss, ge), key=key, name=self.a[ss:se] + self.a[gs:ge], why="surname + title + given name")
                self.findings.facts.append(Fact(key, (ts, te), self.organisations.chunk_agency(ss) if ss > 0 else None, self.text.is_former(ss), order))
                used_titles.add((ts, te))
                continue
            before = self.names.name_before_title(ts)
            if before and before[1] in found_end and found_end[before[1]][0] < before[0]:
                before = None  # 軍長切喬維奇少將: the name after the first title, not its tail 喬維奇
                key = found_end[ts][1] if ts in found_end else None
                if key:
                    self.findings.facts.append(Fact(key, (ts, te), None, self.text.is_former(ts), order))
                    used_titles.add((ts, te))
                    continue
            if before:
                key = self.findings.add_person(*before, before, why="name before a title")
                agency = self.organisations.chunk_agency(before[0])
                former = self.text.is_former(agency[0] if agency else before[0])
                self.findings.facts.append(Fact(key, (ts, te), agency, former, order))
                used_titles.add((ts, te))
                self.title_evidence.compound_titles(key, te, agency, former, used_titles, order)
                continue
            after = self.names.name_after_title(te)
            if after:
                key = self.findings.add_person(*after, after, why="name after a title")
                found_end[after[1]] = (after[0], key)
                first = ts
                while first > 1 and self.s[first - 1] in "兼暨":
                    prev = self.findings.title_by_end.get(first - 1)
                    if not prev:
                        break
                    first = prev[0]
                agency = self.organisations.fused_agency(ts) or self.organisations.chunk_agency(first, self.s[ts:te]) or self.organisations.dateline_outlet(ts, te)
                former = self.text.is_former(agency[0] if agency else ts)
                self.findings.facts.append(Fact(key, (ts, te), agency, former, order))
                used_titles.add((ts, te))
                # compound title before the name: 教授兼系主任林某 — the first title shares the person
                self.title_evidence.shared_titles_before(key, ts, agency, former, used_titles, order)
                continue
            cell = self.names.name_in_next_cell(ts, te)
            if cell:  # a table row of cells apart by spaces: 內政部␣␣部長␣␣王大明
                key = self.findings.add_person(*cell, cell, why="name in the cell after a title")
                agency = self.organisations.fused_agency(ts) or self.findings.agency_ending_at(ts) or self.organisations.agency_in_cell_before(ts)
                self.findings.facts.append(Fact(key, (ts, te), agency, self.text.is_former(agency[0] if agency else ts), order))
                used_titles.add((ts, te))
                continue
            row = self._holder_in_cells_before(ts, te)
            if row:  # 王大明␣␣處長␣␣經濟部, 王大明␣␣台灣經濟研究院␣␣研究員
                (ns, ne), agency = row
                key = self.findings.add_person(ns, ne, (ns, ne), why="name in a cell before its title's")
                self.findings.facts.append(Fact(key, (ts, te), agency, False, order))
                used_titles.add((ts, te))
        self.findings.kept_titles |= used_titles

    def _cell_before(self, pos: int) -> tuple[int, int] | None:
        """The cell that ends before the spaces ending at ``pos`` (cells of a row apart by spaces)."""
        gap = cell_gap_before(self.s, pos)
        if not gap:
            return None
        end = pos - gap
        start = max(self.s.rfind(c, 0, end) for c in " \u3000\t\n：:、，,；;") + 1
        return (start, end) if end - start >= 2 else None

    def _holder_in_cells_before(self, ts: int, te: int) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
        """A title alone in its cell with the holder's name in a cell before it, the organisation in the
        cell between them, in the one after the title or in the one before the name (NAME ORG TITLE,
        NAME TITLE ORG, ORG NAME TITLE); a list's mark ends a cell too (…研究院␣王某某␣研究員、…)."""
        if te < len(self.s) and self.s[te] not in " \u3000\t\n、，,；;。":
            return None
        prev = self._cell_before(ts)
        if prev is None:
            return None
        agency = None
        if self.findings.agency_ending_at(prev[1]) == prev:
            agency, prev = prev, self._cell_before(prev[0])
            if prev is None:
                return None
        elif (nxt := CELL_GAP.match(self.s, te)):
            cell = (nxt.end(), next((k for k in range(nxt.end(), min(len(self.s), nxt.end() + 30))
                                          if self.s[k] in " \u3000\t\n"), len(self.s)))
            agency = cell if self.findings.agency_ending_at(cell[1]) == cell else None
        if agency is None and (first := self._cell_before(prev[0])) and self.findings.agency_ending_at(first[1]) == first:
            agency = first  # 某大學經濟學系␣莊某某␣教授: ORG NAME TITLE
        return (prev, agency) if self.names.whole_name(*prev) else None

    def share_list_agencies(self):
        """ORG + TITLE + NAME、副TITLE + NAME (總統府秘書長甲、副秘書長乙): the deputy listed after the holder
        of the same office, with no organisation of their own, serves in the same one. (Another title
        after 、 belongs to no such organisation: 經濟部長甲、立委乙.)"""
        person_end = {m.end: m.entity for m in self.findings.mentions if m.label == "PERSON"}
        with_agency = {}
        for f in self.findings.facts:
            if f.title and f.agency:
                with_agency.setdefault(f.person, f)
        for f in self.findings.facts:
            if not f.title or f.agency or f.title[0] < 2 or self.s[f.title[0] - 1] not in "、及和与":
                continue
            prev = with_agency.get(person_end.get(f.title[0] - 1))
            if prev and self.s[slice(*prev.title)].removeprefix("副") == self.s[slice(*f.title)].removeprefix("副"):
                f.agency = prev.agency

    def share_list_titles(self):
        """ORG + TITLE + NAME、NAME及NAME: the names listed after the first share its title and agency
        (參議員甲、乙、丙; 市議員甲、乙及丙), unless a title of their own stands beside them."""
        by_start = {m.start: m for m in self.findings.mentions if m.label == "PERSON"}
        has_fact = {f.person for f in self.findings.facts}
        by_entity: dict[str, list] = {}
        for m in self.findings.mentions:
            if m.label == "PERSON":
                by_entity.setdefault(m.entity, []).append(m)
        for f in list(self.findings.facts):
            if not f.title:
                continue
            first = next((m for m in by_entity.get(f.person, ()) if 0 <= m.start - f.title[1] <= 1), None)
            if first is None:
                continue
            pos = first.end
            while True:
                sep = re.match(r"、|及|和|與|与|以及", self.s[pos : pos + 2])
                if not sep or (pos + sep.end()) not in by_start:
                    break
                nxt = by_start[pos + sep.end()]
                if nxt.entity in has_fact or self.lex.title_re.match(self.s, nxt.end):
                    break
                self.findings.facts.append(Fact(nxt.entity, f.title, f.agency, f.former, f.order))
                has_fact.add(nxt.entity)
                self.findings.note(nxt.start, nxt.end, "PERSON", "listed after a title")
                pos = nxt.end

    def find_titles_after_latin_names(self):
        """NAME(Latin name) + TITLE: a title right after the bracketed Latin form of a person's name is
        that person's (某議會葛某(Rhoda Grant)議員); the organisation is written before the name, or,
        for the next item of a list with the same title, before the first item (…議員、哈某(…)議員)."""
        person_end = {m.end: m for m in self.findings.mentions if m.label == "PERSON"}
        used = self.findings.kept_titles | {f.title for f in self.findings.facts if f.title}
        prev: tuple[str, tuple[int, int] | None, int] | None = None  # (title, agency, end) of the last one
        for order, (ts, te) in enumerate(self.findings.titles, 1):
            if (ts, te) in used:
                continue
            m = _LATIN_ALIAS_BEFORE.search(self.s, max(0, ts - 60), ts)
            person = person_end.get(m.start()) if m else None
            if person is None:
                continue
            title = self.s[ts:te]
            agency = self.organisations.chunk_agency(person.start) if person.start > 0 else None
            if agency is None and prev and prev[0] == title and prev[2] == person.start - 1 and self.s[prev[2]] == "、":
                agency = prev[1]  # 某議會甲(…)議員、乙(…)議員: the list of one body's members
            self.findings.facts.append(Fact(person.entity, (ts, te), agency, self.text.is_former(person.start), order))
            self.findings.kept_titles.add((ts, te))
            self.findings.note(ts, te, "TITLE", "after the Latin form of a name in brackets")
            prev = (title, agency, te)

    def find_represented_agencies(self):
        """常務次長某某稍後代表外交部致詞: a title with no organisation written beside it takes the one its
        holder acts for later in the same clause (代表 + ORG; 代表 is a title only before a name)."""
        agency_at = {a[0]: a for a in self.findings.agencies}
        person_end = {}
        for m in self.findings.mentions:
            if m.label == "PERSON":
                person_end.setdefault(m.entity, []).append(m.end)
        for k, f in enumerate(self.findings.facts):
            if f.agency is not None or f.title is None:
                continue
            ends = [e for e in person_end.get(f.person, ()) if 0 <= e - f.title[1] <= 6 or 0 <= f.title[0] - e <= 1]
            if not ends:
                continue
            start = max(ends[0], f.title[1])
            clause = re.match(r"[^，,。；;：:！？!?\n]{0,12}", self.s[start : start + 12]).group()
            at = clause.find(self.lex.acting_for)
            if at < 0:
                continue
            agency = agency_at.get(start + at + len(self.lex.acting_for))
            if agency is not None:
                self.findings.facts[k] = Fact(f.person, f.title, agency, f.former, f.order)
                self.findings.note(*agency, "AGENCY", "the organisation a person acts for (代表…)")

    def find_predicated_titles(self):
        """PERSON + 現任/曾任/為 + ORG + TITLE (甲現任某部次長, 乙為某研究院研究員; a list of offices after
        the verb shares it: 曾任某署署長、某部次長). At the start of a clause the verb's subject is the
        person last named (a bio: 甲，某大學博士。歷任…)."""
        used = self.findings.kept_titles | {f.title for f in self.findings.facts if f.title}
        person_at_end = {m.end: m.entity for m in self.findings.mentions if m.label == "PERSON"}
        people = _People(person_at_end, sorted(person_at_end),
                         {m.end: m.start for m in self.findings.mentions if m.label == "PERSON"},
                         {f.title[1]: f.person for f in self.findings.facts if f.title and f.title[0] >= 1
                          and person_at_end.get(f.title[0]) == f.person},  # NAME + TITLE: the title's end
                         sorted(ts for ts, _ in self.findings.titles))
        linked: dict[int, tuple[str, bool]] = {}  # end of a linked title → (person, former)
        chain: tuple[str, bool, int] | None = None  # the list of offices after the last verb: (person, former, end)
        for order, (ts, te) in enumerate(self.findings.titles, 1):
            if (ts, te) in used:
                continue
            agency = self.findings.agency_ending_at(ts) or self.findings.agency_by_end.get(ts + 1)  # (fused: 化學系主任)
            former_mark = agency is None and ts > 0 and self.s[ts - 1] == "前" and self.findings.agency_ending_at(ts - 1)
            if former_mark:
                agency = self.findings.agency_ending_at(ts - 1)  # 甲是某公司前資深副總經理: a former office
            head = agency[0] if agency else ts
            item = head - 1 if head > 0 and self.s[head - 1] in self.lex.owner_prefixes else head  # 、台央行理事
            if chain and item > 0 and self.s[item - 1] == "、" and not re.search(r"[，,。；;\n]", self.s[chain[2]:item]):
                owner, former = chain[0], chain[1]
            else:
                found = self._predicate_owner(head, te, people, linked)
                if found is None:
                    continue
                owner, former = found
            former = former or self.text.is_former(head) or bool(former_mark)
            self.findings.facts.append(Fact(owner, (ts, te), agency, former, order))
            self.findings.kept_titles.add((ts, te))
            self.findings.note(ts, te, "TITLE", "after an appointment verb or a copula (甲現任…, 乙為…)")
            linked[te] = (owner, former)
            chain = (owner, former, te)

    def _predicate_owner(self, head: int, te: int, people: "_People", linked: dict) -> tuple[str, bool] | None:
        """Whose office the verb before ``head`` states, and whether it is a former one."""
        person_at_end, person_ends = people.at_end, people.ends
        link = next(((w, kind) for w, kind in self.lex.predicate_links if self.s.endswith(w, 0, head)), None)
        if link is None:
            return None
        word, kind = link
        p = head - len(word)
        if p >= 2 and self.s[p - 1] in "亦也並并另" and self.s[p - 2] in "，,":
            p -= 1  # 甲現為某院研究員，亦兼任某學會理事: an adverb between the comma and the verb
        if p in person_at_end:
            owner = person_at_end[p]
        elif p in people.title_held_at_end:
            owner = people.title_held_at_end[p]  # 甲教授為某大學化學系主任: the title after the name is the person's
        elif kind == "copula" or len(word) == 1:
            return None
        elif p > 0 and self.s[p - 1] in "，," and p - 1 in person_at_end:
            owner = person_at_end[p - 1]  # 甲，現任…
        elif p > 0 and self.s[p - 1] in "，," and p - 1 in linked:
            owner = linked[p - 1][0]  # 甲現任某部次長，曾任…
        elif p > 0 and self.s[p - 1] in "，," and (opener := self._sentence_opener(p - 1, people)) is not None:
            owner = person_at_end[opener]  # 甲，某大學博士，現任…: the clauses between describe the person who opens the sentence
        elif p == 0 or self.s[p - 1] in "。；;\n":
            k = bisect.bisect_right(person_ends, p) - 1
            if k < 0 or p - person_ends[k] > self.lex.bio_subject_reach:
                return None
            owner = person_at_end[person_ends[k]]  # 甲，某大學博士。歷任…
        else:
            return None
        if kind == "copula" and te < len(self.s) and self.s[te] not in "，,。；;、兼\n）)":
            return None  # 甲是院長的朋友: the title does not end the clause
        return owner, kind == "former"

    def _sentence_opener(self, pos: int, people: "_People") -> int | None:
        """The end of the person named last before ``pos``, when that person opens the sentence (or a
        line, or follows a label's colon) within bio_subject_reach and no title stands between; else None."""
        k = bisect.bisect_right(people.ends, pos) - 1
        if k < 0 or pos - people.ends[k] > self.lex.bio_subject_reach:
            return None
        end = people.ends[k]
        t = bisect.bisect_left(people.title_starts, end)
        if re.search(r"[。；;！？!?\n]", self.s[end:pos]) or (t < len(people.title_starts) and people.title_starts[t] < pos):
            return None
        start = people.start_at_end[end]
        return end if start == 0 or self.s[start - 1] in "。；;\n：:" else None

    def find_bracketed_titles(self):
        """NAME(ORG TITLE) and NAME TITLE(兼TITLE、ORG TITLE): titles in brackets right after a person
        belong to that person (甲(協會常務理事), 乙副校長(兼教務長、研究學院院長))."""
        person_end = {m.end: m.entity for m in self.findings.mentions if m.label == "PERSON"}
        fact_title_end = {f.title[1]: f for f in self.findings.facts if f.title}
        for m in re.finditer(r"[(（]([^()（）\n]{2,40})[)）]", self.s):
            i = m.start()
            owner = person_end.get(i)
            base = None
            if owner is None and i in fact_title_end:
                base = fact_title_end[i]
                owner = base.person
            if owner is None:
                continue
            inner_start = m.start(1)
            if base is not None and base.agency is None and self.findings.agency_ending_at(m.end(1)) == (inner_start, m.end(1)):
                base.agency = (inner_start, m.end(1))  # 黃某某副教授（某大學社會工作學系）: the title's organisation
                continue
            for ts, te in self.findings.titles:
                if not (inner_start <= ts and te <= m.end(1)) or (ts, te) in self.findings.kept_titles:
                    continue
                chunk_start = max(inner_start, max((k + 1 for k in range(inner_start, ts) if self.s[k] in "、，,兼及"), default=inner_start))
                agency = self.findings.agency_ending_at(ts) if chunk_start < ts else None
                if agency is not None and agency[0] < chunk_start:
                    agency = None
                self.findings.facts.append(Fact(owner, (ts, te), agency, False, base.order if base else 0))
                self.findings.kept_titles.add((ts, te))
                self.findings.note(ts, te, "TITLE", "in brackets after a person")
