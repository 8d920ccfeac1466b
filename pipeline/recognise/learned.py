"""The learned tagger (LAC) as evidence. Its PER and ORG words become candidates that the rules
confirm or bound: a PER needs a name's shape (surname + given name, a Latin or dotted name) or, for a
transliterated name, a title, a list, a bracketed Latin form or a repetition beside it; an ORG is kept
when a title (or a name and a title) follows it, it does not start inside a word or after a numeral,
is no place on its own and no generic phrase; where the model's organisation and the rules' share an
end, the model bounds the start (a glued verb dropped, a cut name extended to the maximal one)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..config import settings
from ..lexicon import is_common_word, word_freq, word_tag
from ..memory import give_back, is_huge
from ..shadow import simplify
from .context import Findings, ReportText, cover_of
from .names import NameShapes
from .text import CJK_CHARS, LATIN_NAME, is_cjk

if not Doc.has_extension("learned_entities"):
    Doc.set_extension("learned_entities", default=None)

_TRANSLITERATION = re.compile(f"[{CJK_CHARS}]{{2,8}}")


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

    # ------------------------------------------------------------------ organisations
    def find_learned_agencies(self):
        """LAC organisations the rules did not find, kept when they pass the organisation checks."""
        cover = cover_of(self.findings.agencies)
        title_cover = cover_of(self.findings.titles)
        added = []
        for i, j in self.text.learned_spans["ORG"]:
            if any(k in cover for k in range(i, j)):
                continue
            if not self._learned_org_ok(i, j, title_cover):
                continue
            if not self._affiliation_follows(j):
                continue  # the model alone over-generates (measured: repetition alone adds more errors than names)
            j = self._end_at_last_suffix(i, j)
            added.append((i, j))
            cover.update(range(i, j))
            self.findings.note(i, j, "AGENCY", "learned ORG (LAC)")
        if added:
            self.findings.set_agencies(sorted(self.findings.agencies + added))

    def _end_at_last_suffix(self, i: int, j: int) -> int:
        """經濟部午宴: a learned organisation that runs past its last organisation suffix by a short
        tail without one ends at that suffix (a name with no suffix at all is kept: 大同建設)."""
        ends = [m.end() for m in self.lex.suffix_re.finditer(self.s, i, j)]
        if ends and ends[-1] < j and j - ends[-1] <= 3 and ends[-1] - i >= 2:
            return ends[-1]
        return j

    def _affiliation_follows(self, j: int) -> bool:
        """ORG + TITLE or ORG + NAME + TITLE right after the organisation (的 may stand between)."""
        if self.s[j : j + 1] == "的":
            j += 1
        if j in self.findings.title_by_start or self.lex.title_re.match(self.s, j):
            return True
        name = self.text.learned_per_start.get(j)
        return bool(name) and bool(self.lex.title_re.match(self.s, name[1]))

    def bound_agencies_by_learned(self):
        """A verb or preposition glued onto the front of an organisation (協助經濟部…, 由某基金會):
        when the learned tagger's organisation ends where the rule's does and starts after such a
        word, the organisation starts where the model says."""
        by_end: dict[int, list[int]] = {}
        for i, j in self.text.learned_spans["ORG"]:
            by_end.setdefault(j, []).append(i)
        title_cover = cover_of(self.findings.titles)
        changed = []
        for i, j in self.findings.agencies:
            start = i
            if (i, j) in self.text.known_name_spans:
                changed.append((i, j))  # a name the gazetteer knows whole (美國在台協會) keeps its start
                continue
            for a in sorted(by_end.get(j, ())):
                if i < a < j - 1 and a - i <= 4:
                    tok = self.tokens.ending_at(a)
                    if tok is not None and tok[1].startswith(("v", "p")) and a - tok[0] <= 2 and self.s[tok[0] : a] not in self.lex.org_internal_words:
                        start = a  # 儀式由某基金會, 協助經濟部…: the glued word is not part of the name
                        break
                elif a < i and not re.search(r"[^\w]", self.s[a:i]) and self._learned_org_ok(a, j, title_cover):
                    start = a  # the rules stopped inside the name (成功大學微奈米中心)
                    break
            if start != i:
                self.findings.note(start, j, "AGENCY", "start bounded by learned ORG (LAC)")
            changed.append((start, j))
        if changed != self.findings.agencies:
            self.findings.set_agencies(changed)

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
        if is_common_word(text) and word_freq(text) >= 2000:
            return False
        return True

    # ------------------------------------------------------------------ people
    def find_learned_people(self):
        """LAC names in any context — bare names in lists, bylines, public figures named without a title."""
        taken = self.findings.person_cover()
        blocked = cover_of(self.findings.agencies) | cover_of(self.findings.kept_titles | set(self.findings.titles))
        surnames_before_title = {p.surname for p in self.findings.persons.values() if p.surname}
        per = self.text.learned_spans["PER"] + self._people_read_as_organisations()
        counts: dict[str, int] = {}
        for i, j in per:
            counts[self.s[i:j]] = counts.get(self.s[i:j], 0) + 1
        for i, j in per:
            if any(k in taken or k in blocked for k in range(i, j)):
                continue
            if self.s[i:j] in surnames_before_title and (j in self.findings.title_by_start or self.lex.title_re.match(self.s, j)):
                continue  # 司馬 + 人資長: a short form of a person already named, resolved by short_forms
            span = self._learned_name_span(i, j, counts)
            if span is None or any(k in taken or k in blocked for k in range(*span)):
                continue
            i, j = span
            self.findings.add_person(i, j, (i, j))
            self.findings.note(i, j, "PERSON", "learned PER (LAC)")
            taken.update(range(i, j))

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

    def _word_shaped_name(self, i: int, j: int) -> bool:
        """袁和平, 馮統一: a surname and two given characters the tagger reads as a name, which the
        shape rules refuse only because the given name, or the whole, is also a dictionary word."""
        if j - i != 3 or self.names.surname_len(i) != 1 or self.names.function_word_start(i):
            return False
        name, given = self.s[i:j], self.s[i + 1 : j]
        if not self.names.name_given_ok(given) or given in self.lex.honorifics_after_name or given in self.lex.address_terms:
            return False
        if (is_common_word(name) and word_freq(name) >= 200) or self.lex.title_re.search(name) or self.lex.suffix_re.search(name):
            return False
        return not self.text.is_place(i, j) and not (self.s[j - 1 : j] in self.lex.single_suffixes)

    def _numbered_option(self, i: int, j: int) -> bool:
        """（1）甲（2）乙, ①甲②乙: items numbered one after another."""
        before, after = self.s[max(0, i - 3) : i], self.s[j : j + 3]
        opened = re.search(r"(?:[(（]\d{1,2}[)）]|[①-⑳])$", before)
        closed = re.match(r"(?:[(（]\d{1,2}[)）]|[①-⑳]|\s|$)", after)
        return bool(opened and closed)

    def _name_context(self, i: int, j: int) -> bool:
        """A list separator, punctuation closing the name, a speech verb or a title beside the name."""
        before, after = self.s[i - 1 : i], self.s[j : j + 1]
        return (before in ("、", " ", "\n", "") or after in ("、", " ", "（", "(", "，", "。", "；", "：", "」", "』", "”") or self._numbered_option(i, j)
                or bool(self.text.starts_with_word(j, self.lex.name_followers)) or j in self.findings.title_by_start or i in self.text.all_title_ends)

    def _completed_name(self, i: int, j: int) -> tuple[int, int]:
        """劉永|好等, 傅全|有上將: the tagger cuts a surname and two given characters before the third
        when that character is also a word of its own. Read whole when the three make a name that ends
        the chunk (punctuation, a title, 等, a word that follows names) and the third character starts
        no word with the next."""
        if j - i != 2 or self.names.surname_len(i) != 1 or j + 1 > len(self.s) or not is_cjk(self.s[j]):
            return i, j
        third, nxt = self.s[j], self.s[j + 1 : j + 2]
        if third in self.lex.strong_followers or third in self.lex.learned_name_trailers or self.text.starts_with_word(j, self.lex.name_followers):
            return i, j
        if not self.names.valid_full_name(i, j + 1) or is_common_word(self.s[j : j + 2]):
            return i, j
        ends = (not nxt or not is_cjk(nxt) or nxt in self.lex.learned_name_trailers or nxt in self.lex.strong_followers
                or self.text.starts_with_word(j + 1, self.lex.name_followers) or bool(self.lex.title_re.match(self.s, j + 1)))
        if not ends:
            return i, j
        strong_end = (not nxt or nxt in "，。、；：！？（）()「」『』“”\"' \n" or nxt in self.lex.learned_name_trailers
                      or bool(self.lex.title_re.match(self.s, j + 1) or re.match(r"\d{1,4}[年月日]", self.s[j + 1 : j + 6])))  # (王大明3日表示)
        if (word_tag(third) or "").startswith(("v", "d", "p", "c", "f", "u", "r", "zg")) and not strong_end:
            return i, j  # 黃送|去的, 巴金|仍在: a verb or adverb of its own, unless punctuation or a title closes the three
        self.findings.note(i, j + 1, "PERSON", "learned PER (LAC) completed to three characters")
        return i, j + 1

    def _learned_name_span(self, i: int, j: int, counts: dict) -> tuple[int, int] | None:
        i, j = self._completed_name(i, j)
        text = self.s[i:j]
        if LATIN_NAME.fullmatch(text):
            return (i, j) if self.names.latin_ok(text) else None
        if re.search(r"[.．·‧•・]", text):
            return self.names.trim_dotted(i, j) if re.fullmatch(f"[{CJK_CHARS}.．·‧•・]+", text) else None
        if not _TRANSLITERATION.fullmatch(text):
            return None
        if self.names.valid_full_name(i, j):
            if j - i == 2 and counts.get(text, 0) < 2 and not (self._name_context(i, j) or self._introduced(i) or self._paired(i, j)):
                return None  # a two-character 'name' alone in running text is as often a word (明文)
            return i, j
        if self._word_shaped_name(i, j) and (counts.get(text, 0) >= 2 or self._name_context(i, j)):
            self.findings.note(i, j, "PERSON", "learned PER (LAC), a name that is also a word")
            return i, j
        # a name without a Chinese surname (a transliteration): a title, list or repetition beside it
        beside_title = bool(self.lex.title_re.match(self.s, j)) or j in self.findings.title_by_start or i in self.text.all_title_ends
        if j - i < 2 or self.text.is_place(i, j) or (is_common_word(text) and not (beside_title and j - i >= 3 and word_freq(text) < 200)):
            return None  # (國務卿基辛格: a rare dictionary word the tagger reads as a name, after a title)
        sl = self.names.surname_len(i)
        if sl and self.names.function_word_start(i):
            return None  # 大使和來賓: a conjunction before a word, read by the tagger as a surname
        if sl and (text[sl:] in self.lex.honorifics_after_name or text[sl:] in self.lex.address_terms):
            return None  # 高女士, 李大媽 (see NameShapes.valid_full_name)
        if sl and (j - i - sl >= 2 and word_freq(text[sl:]) >= self.lex.given_max_word_freq or self.lex.title_re.fullmatch(text, sl)):
            return None  # 蔡政府 said three times, 魏常委: a surname before a frequent word or a title is no transliteration
        in_list = self.s[j : j + 1] == "、" or self.s[i - 1 : i] == "、" or self._numbered_option(i, j)
        honoured = bool(self.text.starts_with_word(j, self.lex.honorifics_after_name))  # 德馬雷先生
        bracketed_latin = bool(re.match(r"[（(][A-Z]", self.s[j : j + 2]))
        spoken = j - i >= 3 and bool(self.text.starts_with_word(j, self.lex.speech_verbs))  # 蘇格拉底說過
        if (beside_title or bracketed_latin or honoured or spoken or self._introduced(i) or self._paired(i, j)
                or (in_list and j - i >= 3) or counts.get(text, 0) >= 2):
            return i, j
        return None

    def _introduced(self, i: int) -> bool:
        """A noun for a person's role stands right before the name (外援卡洛斯), or a player's number (8號)."""
        return any(self.s.endswith(w, 0, i) for w in self.lex.person_nouns) or bool(re.search(r"\d{1,3}号$", self.s[max(0, i - 4) : i]))

    def _paired(self, i: int, j: int) -> bool:
        """Two names joined by a slash (a doubles pair: 甲／乙) or by 和/與/及 when the tagger reads a
        name on the other side too."""
        if self.s[j : j + 1] in ("／", "/") or self.s[i - 1 : i] in ("／", "/"):
            return True
        after = self.s[j : j + 1] in self.lex.function_surnames and (j + 1) in self.text.learned_per_start
        before = self.s[i - 1 : i] in self.lex.function_surnames and (i - 1) in self.text.learned_per_end
        return after or before
