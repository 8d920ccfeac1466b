"""The learned tagger (LAC) as evidence. Its PER and ORG words become candidates that the rules
confirm or bound: a PER needs a name's shape (surname + given name, a Latin or dotted name) or, for a
transliterated name, a title, a list, a role noun, a bracketed Latin form or a repetition beside it
(`learned_names.LearnedNameReading` reads each one in its context); an ORG is kept
when a title (or a name and a title) follows it or the dictionary knows it as one organisation word
(and then it replaces the shorter names the rules found inside it), it does not start inside a word or after a numeral,
is no place on its own and no generic phrase; where the model's organisation and the rules' share an
end, the model bounds the start (a glued verb dropped, a cut name extended to the maximal one)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..config import settings
from ..lexicon import holds_common_word, is_common_word, word_freq, word_tag
from ..memory import give_back, is_huge
from ..shadow import simplify
from .context import Findings, ReportText, cover_of
from .learned_names import LearnedNameReading
from .names import NameShapes
from .text import DOTTED, NAME_DOTS, is_cjk

_BRACKETED_LATIN_WORD = re.compile(r"[(（][A-Za-z][A-Za-z0-9&.\-]{1,20}[)）]")

if not Doc.has_extension("learned_entities"):
    Doc.set_extension("learned_entities", default=None)

def learned_tagger_name() -> str:
    import os

    return os.environ.get("PIPELINE_LEARNED_TAGGER") or settings().get("learned_tagger", "lac")


@Language.component("report_learned_entities")
def report_learned_entities(doc: Doc) -> Doc:
    """Stage 2b: PER / ORG / LOC / TIME spans from the learned tagger, on the analysis text."""
    name = learned_tagger_name()
    if name == "none":
        doc._.learned_entities = None  # no learned evidence (an empty list: the tagger ran and found none)
        return doc
    if name != "lac":
        raise ValueError(f"unknown learned_tagger {name!r} in configs/pipeline.yml (lac | none)")
    from ..lac_tagger import get_lac, release_lac

    lac = get_lac()
    doc._.learned_entities = [list(e) for e in lac.entities(simplify(doc._.text))]
    lac.forget()  # the segmenter and this component share one pass per report, never across reports
    if is_huge(len(doc._.text)):
        del lac
        release_lac()  # a huge report: its later stages get the model's memory (configs/pipeline.yml)
        give_back()
    return doc


class LearnedEvidence:
    """Proposes the learned tagger's organisations and names that the rules confirm, and lets its
    organisations bound the start of the rules' ones."""

    def __init__(self, text: ReportText, findings: Findings, names: NameShapes):
        self.text, self.findings, self.names = text, findings, names
        self.s, self.lex, self.tokens = text.s, text.lex, text.tokens
        self.tok_starts, self.tok_ends = text.tok_starts, text.tok_ends
        self.reading = LearnedNameReading(text, findings, names)

    # ------------------------------------------------------------------ organisations
    def find_learned_agencies(self):
        """LAC organisations the rules did not find, kept when they pass the organisation checks."""
        cover = cover_of(self.findings.agencies)
        title_cover = cover_of(self.findings.titles)
        added = []
        replaced = set()
        for i, j in self.text.learned_spans["ORG"]:
            known = self._known_organisation_word(i, j)
            inside = [a for a in self.findings.agencies if i <= a[0] and a[1] <= j and a != (i, j)]
            if known and inside and not any(k in cover for k in (i - 1, j)) and self._learned_org_ok(i, j, title_cover):
                replaced.update(inside)  # 聯合國|安理會: the gazetteer's name inside the whole one
                added.append((i, j))
                self.findings.note(i, j, "AGENCY", "learned ORG (LAC) and a dictionary organisation word")
                continue
            if any(k in cover for k in range(i, j)):
                continue
            if not self._learned_org_ok(i, j, title_cover):
                continue
            if not known and not self._affiliation_follows(j) and not self._company_name(i, j):
                continue  # the model alone over-generates (measured: repetition alone adds more errors than names)
            j = j if self._company_name(i, j) else self._end_at_last_suffix(i, j)
            j = self._latin_name_after(j)  # 輝達（NVIDIA）: a bracketed Latin name directly attached is part of it
            added.append((i, j))
            cover.update(range(i, j))
            self.findings.note(i, j, "AGENCY", "learned ORG (LAC)" + ("" if not known else " and a dictionary organisation word"))
        if added:
            self.findings.set_agencies(sorted([a for a in self.findings.agencies if a not in replaced] + added))

    def _known_organisation_word(self, i: int, j: int) -> bool:
        """The dictionary knows the learned organisation's characters as one organisation word
        (新華社, 聯合國安理會): two sources agree on the name, no title needs to follow."""
        text = self.s[i:j]
        if j - i < 3 or word_tag(text) != "nt":
            return False
        for suffix, places in self.lex.suffix_needs_place.items():
            if text.endswith(suffix) and not text[: -len(suffix)].endswith(tuple(places)):
                return False  # 美國政府: a country's government is named by the rules' conventions (a county's 縣政府 is)
        return True

    def _company_name(self, i: int, j: int) -> bool:
        """聯亞科技, 聯華氣體: a name of two to four characters before a word that ends companies' names; the
        name is no dictionary word, or one the dictionary knows as a proper noun."""
        text = self.s[i:j]
        head = next((h for h in self.lex.industry_heads if text.endswith(h)), None)
        if head is None or not 2 <= len(text) - len(head) <= 4 or is_common_word(text):
            return False
        name = text[: -len(head)]
        return not is_common_word(name) or (word_tag(name) or "").startswith(("nz", "nr"))  # not 宣傳|科技, 美中|科技

    def _end_at_last_suffix(self, i: int, j: int) -> int:
        """經濟部午宴: a learned organisation that runs past its last organisation suffix by a short
        tail without one ends at that suffix (a name with no suffix at all is kept: 大同建設)."""
        ends = [m.end() for m in self.lex.suffix_re.finditer(self.s, i, j)]
        if ends and ends[-1] < j and j - ends[-1] <= 3 and ends[-1] - i >= 2:
            return ends[-1]
        return j

    def _affiliation_follows(self, j: int) -> bool:
        """ORG + TITLE or ORG + NAME + TITLE right after the organisation (的 or its Latin name in
        brackets may stand between: 輝達（NVIDIA）執行長)."""
        j = self._latin_name_after(j)
        if self.s[j : j + 1] == "的":
            j += 1
        if j in self.findings.title_by_start or self.lex.title_re.match(self.s, j):
            return True
        name = self.text.learned_per_start.get(j)
        return bool(name) and bool(self.lex.title_re.match(self.s, name[1]))

    def _latin_name_after(self, j: int) -> int:
        """The end of a one-word Latin name in brackets right after ``j`` (its English name or
        acronym), else ``j``; two words or more in brackets are more often a person's name."""
        m = _BRACKETED_LATIN_WORD.match(self.s, j)
        return m.end() if m else j

    def bound_agencies_by_learned(self):
        """A verb or preposition glued onto the front of an organisation (協助經濟部…, 由某基金會):
        when the learned tagger's organisation ends where the rule's does and starts after such a
        word, the organisation starts where the model says."""
        by_end: dict[int, list[int]] = {}
        for i, j in self.text.learned_spans["ORG"]:
            by_end.setdefault(j, []).append(i)
        title_cover = cover_of(self.findings.titles)
        inside_known = self.text.known_name_inside
        changed = []
        for i, j in self.findings.agencies:
            start = i
            if (i, j) in self.text.known_name_spans:
                changed.append((i, j))  # a name the gazetteer knows whole (美國在台協會) keeps its start
                continue
            for a in sorted(by_end.get(j, ())):
                if a in inside_known:
                    continue  # 美國在|台協會台北辦事處: the model starts inside a name the gazetteer knows
                if i < a < j - 1 and a - i <= 4:
                    tok = self.tokens.ending_at(a)
                    if (tok is not None and tok[1].startswith(("v", "p")) and a - tok[0] <= 2 and self.s[tok[0] : a] not in self.lex.org_internal_words
                            and not self.text.in_taiwan_link(tok[0])):
                        start = a  # 儀式由某基金會, 協助經濟部…: the glued word is not part of the name
                        break
                elif a < i and not re.search(r"[^\w]", self.s[a:i]) and self.s[a:i] not in self.lex.boundary_set \
                        and self._learned_org_ok(a, j, title_cover):  # (…7日電|國際…聯合會: 電 closes the dateline)
                    start = a  # the rules stopped inside the name (成功大學微奈米中心)
                    break
            if start == i:
                start = self._past_glued_word(i, j, by_end.get(j, ()), title_cover, inside_known)
            if start != i:
                self.findings.note(start, j, "AGENCY", "start bounded by learned ORG (LAC)")
            changed.append((start, j))
        if changed != self.findings.agencies:
            self.findings.set_agencies(changed)

    def _past_glued_word(self, i: int, j: int, learned_starts, title_cover: set, inside_known: dict) -> int:
        """上週末|美國財政部, 也是|某協會, 這架|某公司: where the learned tagger's organisation or the
        segmenter's organisation word ends where the rule's does and starts later, right after a time
        word, a classifier, a numeral, a verb, an adverb or a pronoun, that word is glued on and the name
        starts where the model says."""
        tok = self.tokens.ending_at(j)
        starts = set(learned_starts) | ({tok[0]} if tok is not None and tok[1] == "nt" else set())
        for a in sorted(starts):
            if not i < a < j - 1 or a in inside_known:
                continue
            before = self.tokens.ending_at(a)
            if before is not None and self._noun_before_named_place(a, j, before, learned_starts, tok, title_cover):
                return a
            if before is None or before[1].split("_")[0] not in self.lex.glued_tags:
                continue
            word = self.s[before[0] : a]
            if word in self.lex.org_internal_words or word[-1] in self.lex.single_suffixes or self.text.in_taiwan_link(before[0]):
                continue
            if self._learned_org_ok(a, j, title_cover):
                return a
        return i

    def _noun_before_named_place(self, a: int, j: int, before, learned_starts, tok, title_cover: set) -> bool:
        """證券公司|美國美林公司, 市場傳聞|日本央行: where both models start the organisation at a country
        or place and a common noun stands before it, the noun describes or precedes the name; it is no
        part of it (世界台灣商會, which the models read whole, stays)."""
        if a not in learned_starts or tok is None or tok[0] != a or tok[1] != "nt":
            return False
        if not any(self.text.is_place(a, e) for e in range(a + 2, min(j, a + 6) + 1)):
            return False
        return (before[1] == "n" and a - before[0] >= 2 and self.s[before[0] : a] not in self.lex.org_internal_words
                and self._learned_org_ok(a, j, title_cover))

    def _learned_org_ok(self, i: int, j: int, title_cover: set) -> bool:
        text = self.s[i:j]
        if j - i < 2 or text in self.lex.not_agency or any(k in title_cover for k in range(i, j)):
            return False
        if self.lex.title_re.fullmatch(text) or self.lex.title_re.search(text[-3:]):
            return False  # 数位部长: a title, not an organisation
        if any(text.startswith(g) for g in self.lex.generic_prefixes):
            return False
        if re.fullmatch(r"[A-Za-z]+", text):
            # a bare Latin word: an organisation only when it is a known acronym or written all capitals
            return text.isupper() and 2 <= len(text) <= 8 and not self.text.inside_latin_word(i, j)
        if not is_cjk(text[0]) and not text[0].isalpha():
            return False
        if i > 0 and (self.s[i - 1].isdigit() or self.s[i - 1] in "一二两三四五六七八九十百千万几数多余"):
            return False  # after a numeral: 5所大學
        if i > 0 and is_cjk(self.s[i - 1]) and i not in self.tok_starts and not self.text.is_boundary_before(i):
            return False  # starts inside a word
        if j < len(self.s) and is_cjk(self.s[j]) and j not in self.tok_ends:
            return False  # ends inside a word
        if is_common_word(text) and word_freq(text) >= 2000 and not self._known_organisation_word(i, j):
            return False  # (國務院, 外交部: a frequent word the dictionary knows as an organisation is one)
        return True

    # ------------------------------------------------------------------ people
    def find_learned_people(self):
        """LAC names in any context — bare names in lists, bylines, public figures named without a title."""
        taken = self.findings.person_cover()
        blocked = cover_of(self.findings.agencies) | cover_of(self.findings.kept_titles | set(self.findings.titles))
        surnames_before_title = {p.surname for p in self.findings.persons.values() if p.surname}
        per = self._joined_transliterations(self.text.learned_spans["PER"]) + self._people_read_as_organisations()
        counts: dict[str, int] = {}
        for i, j in per:
            counts[self.s[i:j]] = counts.get(self.s[i:j], 0) + 1
        for i, j in per:
            if any(k in taken or k in blocked for k in range(i, j)):
                continue
            if self.s[i:j] in surnames_before_title and (j in self.findings.title_by_start or self.lex.title_re.match(self.s, j)):
                continue  # 司馬 + 人資長: a short form of a person already named, resolved by short_forms
            span = self.reading.span(i, j, counts)
            if span is None or any(k in taken or k in blocked for k in range(*span)):
                continue
            i, j = span
            self.findings.add_person(i, j, (i, j))
            self.findings.note(i, j, "PERSON", "learned PER (LAC)")
            taken.update(range(i, j))

    def _joined_transliterations(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """羅森|施廷格爾, 平圖|塞維奇: the tagger splits a long transliterated name in two, or stops before
        its last syllables. Two names that touch are one when they hold a character used only in
        transliterations (configs/names.yml) and neither is a Chinese name (the first may read as one when
        the second is a foreign name of three characters or more: 平圖 + 塞維奇); a foreign name goes on over
        such characters."""
        out: list[tuple[int, int]] = []
        for i, j in sorted(spans):
            if (out and out[-1][1] == i and self._foreign(out[-1][0], j) and not self.names.valid_full_name(i, j)
                    and not (self.names.valid_full_name(*out[-1]) and not (j - i >= 3 and self._foreign(i, j)))):
                i = out.pop()[0]
            if not self.names.valid_full_name(i, j) and (not self.names.surname_len(i) or self._foreign(i, j)):
                while j < len(self.s) and self.s[j] in self.lex.transliteration_chars and j - i < 10:
                    j += 1  # (a Chinese name never runs on: 王大明維持…)
            out.append(self._whole_dotted(i, j))
        return out

    def _whole_dotted(self, i: int, j: int) -> tuple[int, int]:
        """塞薩爾·桑巴|約、, 弗拉季|米爾·薩姆索諾夫: a dotted name the tagger cut inside a part is read
        over its whole dotted run, bounded as a dotted name is (NameShapes.trim_dotted)."""
        if not any(d in self.s[i:j] for d in NAME_DOTS):
            return i, j
        m = next((m for m in DOTTED.finditer(self.s, max(0, i - 6), min(len(self.s), j + 6)) if m.start() <= i and m.end() >= j), None)
        if m is None:
            return i, j
        a, b = self.names.trim_dotted(*m.span())
        if not (a <= i and b >= j):
            return i, j
        if a < i and (i - a > 4 or holds_common_word(self.s[a:i])):
            a = i  # 國腳|伊·薩莫拉諾: a role noun or title before the name is not taken in
        if b > j and (b - j > 2 or any(d in self.s[j:b] for d in NAME_DOTS) or holds_common_word(self.s[j:b])):
            b = j  # …和澤·羅伯特, …等人: another name or a word after it is not taken in
        return a, b

    def _foreign(self, i: int, j: int) -> bool:
        return any(c in self.lex.transliteration_chars for c in self.s[i:j])

    def _people_read_as_organisations(self) -> list[tuple[int, int]]:
        """The tagger's organisations that are a person saying something (王明泰在會中表示): a
        surname and two given characters, no word of the dictionary, no organisation suffix, no name
        the gazetteer knows, and a verb of saying later in the same clause."""
        out = []
        for i, j in self.text.learned_spans["ORG"]:
            name = self.s[i:j]
            if j - i != 3 or (i, j) in self.text.known_name_spans or is_common_word(name) or self.lex.suffix_end_re.search(name):
                continue
            if self.names.surname_len(i) != 1 or not self.names.valid_full_name(i, j):
                continue
            clause = re.match(r"[^，。；：！？,;:!?\n]{0,8}", self.s[j : j + 8]).group()
            if any(v in clause for v in self.lex.speech_verbs):
                out.append((i, j))
        return out
