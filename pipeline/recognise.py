"""Stage 3 — recognise PERSON, TITLE and AGENCY mentions with generic lexicons and genre patterns.

The genre names people in a few fixed shapes: ORG + NAME + TITLE, ORG + TITLE + NAME, SURNAME + TITLE +
GIVEN NAME, lists of names, bylines. Titles are the anchor: we find them first, then the name on the
side the shape allows, then the organisation in the same chunk. Matching runs on the simplified
shadow `s` (same length as the analysis text `a`), so offsets are shared.

Output: doc.spans["PERSON"|"TITLE"|"AGENCY"] and doc.user_data["recognise"] with the affiliation
facts (person, title, agency, former) that the link stage turns into tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from .lexicon import Lexicon, is_common_word, lexicon, word_freq, word_tag
from .segment import set_span_groups
from .shadow import simplify

_CJK_CHARS = "\u3400-\u9fff\uf900-\ufaff"
_CJK = re.compile(f"[{_CJK_CHARS}]")
_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_LOW = "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżž"
_LATIN_WORD = f"[{_UP}][{_LOW}]+"
_LATIN_NAME = re.compile(f"{_LATIN_WORD}(?:[ \\-]{_LATIN_WORD}){{1,2}}")
_DOTTED = re.compile(f"[{_CJK_CHARS}]{{1,6}}[.．·‧•・][{_CJK_CHARS}]{{1,6}}")
_QUOTES = "”\"」』’“「『‘"
_DATELINE_OUTLET = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:电视台|新闻网|社|报|网)(?=[\u4e00-\u9fff]{0,4}\d{1,2}(?:月\d{1,2}日|日)电)")
_DECLARED = re.compile(r"[（(](?:以下)?(?:简称|下称|简称为)[「“\"]?([^）)」”\"，,]{2,12})[」”\"]?[）)]")
_NAME_GAP = re.compile(r"[”\"」』’:：]?")
_LIST_SEP = re.compile(r"、|及|和|與|以及|暨")
_ITEM = f"[{_CJK_CHARS}．·.•・()（）左右0-9 ]"
# possessive and anchored on the left so a long run without 、 is scanned once (no backtracking)
_ENUMERATION = re.compile(f"(?<!{_ITEM}){_ITEM}++(?:、{_ITEM}++)+")
_SPEECH_AFTER_PRONOUN = ("指出", "表示", "說", "建議", "鼓勵", "提醒", "也", "強調", "認為", "分享", "以", "在", "則", "更", "同時")


def is_cjk(ch: str) -> bool:
    return bool(ch) and bool(_CJK.match(ch))


@dataclass
class Mention:
    label: str
    start: int
    end: int
    entity: str = ""  # person key or agency key


@dataclass
class Fact:
    person: str  # person key (full name, simplified)
    title: tuple[int, int] | None
    agency: tuple[int, int] | None
    former: bool = False
    order: int = 0


@dataclass
class Person:
    key: str  # simplified full name
    start: int  # first written full form (analysis offsets)
    end: int
    surname: str
    given: str
    name: str = ""  # as first written, in the report's characters
    titles: list[str] = field(default_factory=list)  # simplified base titles
    forms: list[tuple[int, int]] = field(default_factory=list)


class Recogniser:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.a = doc.text
        self.s = simplify(self.a)
        self.lex: Lexicon = lexicon()
        self._token_spans = [(t.idx, t.idx + len(t), t.tag_) for t in doc]  # one pass over the Doc
        self._token_starts_sorted = [t[0] for t in self._token_spans]
        self.tok_starts = set(self._token_starts_sorted)
        self.tok_ends = {e for _, e, _ in self._token_spans}
        self.nr_tokens = [(s, e) for s, e, tag in self._token_spans if tag.startswith("nr")]
        self.tok_by_end = {e: (s, tag) for s, e, tag in self._token_spans}
        self.tag_at = {s: tag for s, _, tag in self._token_spans}
        self.persons: dict[str, Person] = {}
        self.mentions: list[Mention] = []
        self.facts: list[Fact] = []
        self.agencies: list[tuple[int, int]] = []
        self.agency_by_end: dict[int, tuple[int, int]] = {}
        self.titles: list[tuple[int, int]] = []
        self.all_title_ends: set[int] = set()
        self.title_by_start: dict[int, tuple[int, int]] = {}
        self.title_by_end: dict[int, tuple[int, int]] = {}
        self.kept_titles: set[tuple[int, int]] = set()
        self.aliases: dict[str, list[str]] = {}
        self.agency_aliases: dict[str, str] = {}  # short form → the agency it abbreviates (both as written)

    # ------------------------------------------------------------------ helpers
    def starts_with_word(self, pos: int, words) -> str | None:
        for w in words:
            if self.s.startswith(w, pos):
                return w
        return None

    def is_boundary_before(self, i: int) -> bool:
        """True when a chunk (organisation or name) may start at i: after punctuation, a boundary
        word (由, 邀請, 包括 …) or a verb, preposition, conjunction, adverb or pronoun token."""
        if i <= 0:
            return True
        prev = self.s[i - 1]
        if not (is_cjk(prev) or prev.isalpha()) or prev.isdigit():
            return True
        tok = self.tok_by_end.get(i)
        if tok is not None:
            word = self.s[tok[0] : i]
            # 及/和 between two Latin acronyms stays inside a name (…研究院WTO及RTA中心)
            if word in ("及", "和", "與") and i < len(self.s) and self.s[i].isascii() and self.s[i].isupper() and tok[0] > 0 and self.s[tok[0] - 1].isascii() and self.s[tok[0] - 1].isupper():
                return False
            if word in ("及", "暨", "与") and self._conjunction_inside_name(tok[0], i):
                return False
            if word in self.lex.boundary_words:
                return True
            if tok[1] == "m" and (re.search(r"[0-9个余多几数]", word)):
                return True
            if word in self.lex.single_suffixes:
                return False
            tag = tok[1].split("_")[0]
            if tag in self.lex.stop_tags and word not in self.lex.org_internal_words:
                if tag.startswith("v") and (len(word) < 2 or word_freq(word) < self.lex.verb_stop_min_freq):
                    return False  # one-character or rare 'verbs' are mostly segmentation slips inside names
                return True
        if i in self.tok_ends:
            for n in self.lex.boundary_lengths:
                if n > 1 and self.s[i - n : i] in self.lex.boundary_set:
                    return True
        return False

    def _conjunction_inside_name(self, cs: int, ce: int) -> bool:
        """及/暨/與 joining two nouns inside one unit's name (勞動條件及就業平等司, 外交及國防委員會),
        not two organisations or people in a list: the word before it is a plain noun, not the end of
        an organisation, a title or a name, and the name after it is short."""
        if cs <= 0 or not is_cjk(self.s[cs - 1]):
            return False
        prev = self.tok_by_end.get(cs)
        if prev is None:
            return False
        word = self.s[prev[0] : cs]
        if word[-1] in self.lex.single_suffixes or self.lex.suffix_re.fullmatch(word) or cs in self.all_title_ends:
            return False
        if prev[1].startswith(("nr", "v", "m", "r", "p", "c", "d", "u")) or word in self.lex.boundary_words:
            return False
        if self.s[cs:ce] == "与" and self._scan_limit_right(ce) > 8:
            return False
        return True

    def _scan_limit_right(self, pos: int) -> int:
        m = self.lex.suffix_re.search(self.s, pos, pos + 20)
        return (m.end() - pos) if m else 99

    def scan_left(self, end: int, limit: int = 30) -> int:
        """Leftmost start of the chunk that ends at `end` (organisation names extend to a boundary)."""
        i = end
        while i > 0 and end - i < limit:
            prev = self.s[i - 1]
            if prev in "”」』\"" and i < end:
                # a quoted name inside an organisation's name: “國策研究院”文教基金會
                opening = max(self.s.rfind(q, max(0, i - 14), i - 1) for q in "“「『\"")
                if opening != -1 and "\n" not in self.s[opening:i] and self.lex.suffix_re.search(self.s, opening, i):
                    i = opening
                    continue
                break
            if self.is_boundary_before(i):
                break
            if prev in "(（" or prev in _QUOTES:
                break
            i -= 1
        return i

    def name_given_ok(self, given: str) -> bool:
        return bool(given) and all(is_cjk(c) and c not in self.lex.not_given for c in given)

    def surname_len(self, pos: int) -> int:
        """Length of the surname at pos: compound (歐陽, 令狐), with a Vietnamese middle (阮氏), single."""
        if self.s[pos : pos + 2] in self.lex.compound_surnames:
            return 2
        if self.s[pos : pos + 1] in self.lex.surnames:
            if self.s[pos + 1 : pos + 2] in self.lex.name_middles and is_cjk(self.s[pos + 2 : pos + 3]):
                return 2
            return 1
        return 0

    def valid_full_name(self, i: int, j: int) -> bool:
        """A Chinese full name at [i, j): surname + 1–2 given characters, not a dictionary word.
        Vietnamese names carry 氏 after the surname (阮氏秋恒)."""
        if i < 0 or j > len(self.s) or not 2 <= j - i <= 4:
            return False
        sl = self.surname_len(i)
        if not sl or not 1 <= (j - i - sl) <= 2:
            return False
        if not self.name_given_ok(self.s[i + sl : j]):
            return False
        name = self.s[i:j]
        if is_common_word(name) or name in self.lex.not_agency:
            return False
        head_tag = word_tag(name[:2]) or ""
        if j - i >= 3 and sl == 1 and is_common_word(name[:2]) and word_freq(name[:2]) >= (40 if head_tag.startswith(("v", "d", "c", "p")) else 200):
            return False  # 包括吳…, 陸續退…: the 'surname' starts an ordinary word
        if i > 0 and is_cjk(self.s[i - 1]) and is_common_word(self.s[i - 1 : i + 1]) and word_freq(self.s[i - 1 : i + 1]) >= 200:
            return False  # 非常重視: the 'surname' ends an ordinary word
        if self.lex.title_re.fullmatch(name) or self.lex.title_re.match(self.s, i + sl, j):
            return False
        return True

    def agency_ending_at(self, pos: int) -> tuple[int, int] | None:
        return self.agency_by_end.get(pos)

    def set_agencies(self, spans) -> None:
        self.agencies = list(spans)
        self.agency_by_end = {a[1]: a for a in self.agencies}

    def add_agency(self, span, replace=None) -> None:
        if replace is not None and replace in self.agencies:
            self.agencies.remove(replace)
            self.agency_by_end.pop(replace[1], None)
        if self.agency_by_end.get(span[1]) != span:
            self.agencies.append(span)
            self.agency_by_end[span[1]] = span

    # ------------------------------------------------------------------ titles
    def find_titles(self):
        for m in self.lex.title_re.finditer(self.s):
            ts, te = m.span()
            self.all_title_ends.add(te)
            if any(self.s.endswith(g, 0, ts) for g in self.lex.title_generic_before):
                continue
            after_org = ts > 0 and (self.s[ts - 1].isalnum() or is_cjk(self.s[ts - 1]) or re.search(r"[(（][A-Z]{2,}[)）]$", self.s[max(0, ts - 12) : ts]))
            if m.group() in self.lex.role_only_titles and not after_org:
                continue  # 主席：… is the chair of the sitting, not a position
            self.titles.append((ts, te))
            self.title_by_start[ts] = (ts, te)
            self.title_by_end[te] = (ts, te)

    # ------------------------------------------------------------------ agencies
    def find_agencies(self):
        title_cover = set()
        for ts, te in self.titles:
            title_cover.update(range(ts, te))
        cands: list[tuple[int, int]] = []
        for m in self.lex.gazetteer_re.finditer(self.s):
            cands.append(m.span())
        for m in self.lex.suffix_re.finditer(self.s):
            ss, se = m.span()
            if ss in title_cover:
                continue
            suffix = m.group()
            if se < len(self.s) and is_cjk(self.s[se]) and se not in self.tok_ends and not self._name_follows(se):
                continue
            if len(suffix) == 1 and ((suffix == "所" and self._verb_follows(se)) or self._suffix_is_function_word(ss, se)):
                continue
            if se < len(self.s) and self.starts_with_word(se, self.lex.event_heads):
                continue
            start = self.scan_left(ss)
            start = self._trim_generic(start, ss)
            if start is None:
                continue
            if not self._valid_agency(start, se, suffix):
                continue
            cands.append((start, se))
        # fused agency + title: 外交部長 → 外交部 + 部長; 國際處處長 → 國際處 + 處長
        cand_ends = {c[1] for c in cands}
        for ts, te in self.titles:
            if ts > 0 and self.s[ts - 1] == self.s[ts] and self.s[ts] in self.lex.fused:
                start = self._trim_generic(self.scan_left(ts - 1), ts - 1)
                if start is not None and ts - start >= 3 and self._valid_agency(start, ts, self.s[ts - 1]):
                    cands.append((start, ts))
                continue
            head = self.s[ts]
            if self.s[ts:te] in self.lex.fused.get(head, ()) and ts > 0 and is_cjk(self.s[ts - 1]) and not self._plain_name_before(ts) and ts not in cand_ends:
                start = self._trim_generic(self.scan_left(ts), ts)
                if start is not None and ts + 1 - start >= 3 and self.s[start : ts + 1] not in self.lex.not_agency:
                    cands.append((start, ts + 1))
        for m in re.finditer(r"[A-Z]{2,8}", self.s):
            if m.group() in self.lex.acronyms and not self._inside_latin_word(m.start(), m.end()) and self._acronym_acts(m.end()):
                cands.append(m.span())
        spans = self._extend_brackets(_maximal(cands))
        self.set_agencies(sp for sp in spans if not self._names_event(*sp))

    def _names_event(self, i: int, j: int) -> bool:
        """The organisation's name is the start of an event's name (…協會（ASEAN）領袖峰會)."""
        m = re.match(f"[{_CJK_CHARS}]{{0,6}}?(?:{'|'.join(map(re.escape, self.lex.event_heads))})", self.s[j : j + 10])
        return bool(m) and not self.lex.title_re.match(self.s, j)

    def _suffix_is_function_word(self, ss: int, se: int) -> bool:
        """所 as a particle (…中心所主辦), 組 inside a verb (重組): the token says so."""
        tok = self.tok_by_end.get(se)
        if tok is None:
            return False
        word = self.s[tok[0] : se]
        tag = tok[1]
        if len(word) == 1:
            if tag not in ("c", "u", "uj", "p", "d", "r"):
                return False
            nxt = self.s[se : se + 1]
            follows_ok = not nxt or not is_cjk(nxt) or self.lex.title_re.match(self.s, se) or self._name_follows(se)
            return not follows_ok
        return word in self.lex.non_org_words or (tag in ("v", "vn", "a", "d") and word not in self.lex.org_internal_words and word_tag(word) is not None and word[-1] == self.s[se - 1] and len(word) == 2)

    def _verb_follows(self, pos: int) -> bool:
        tag = self.tag_at.get(pos)
        return tag in ("v", "vd", "vn") and not self.lex.title_re.match(self.s, pos)

    def _plain_name_before(self, ts: int) -> bool:
        return any(self.valid_full_name(ts - n, ts) and not self.crosses_place(ts - n, ts) for n in (3, 2))

    def _name_follows(self, pos: int) -> bool:
        """An organisation suffix is followed directly by NAME + TITLE (外交部國際組織司張三副司長)."""
        for n in (3, 2, 4):
            if self.valid_full_name(pos, pos + n) and self.lex.title_re.match(self.s, pos + n):
                return True
        return False

    def _inside_latin_word(self, i: int, j: int) -> bool:
        """Part of a longer Latin word or phrase (China-ASEAN Free Trade Area), or of a bracketed acronym."""
        before = self.s[max(0, i - 2) : i]
        after = self.s[j : j + 2]
        return bool(re.search(r"[A-Za-z\-]$|[A-Za-z] $|[(（]$", before) or re.match(r"^[A-Za-z\-]|^ [A-Za-z]|^[)）]", after))

    def _acronym_acts(self, j: int) -> bool:
        """A bare acronym names the organisation when it acts (APEC特別重視 …) or holds a title (ABAC代表)."""
        if self.lex.title_re.match(self.s, j):
            return True
        tag = self.tag_at.get(j)
        if tag is None or self.starts_with_word(j, self.lex.event_heads):
            return False
        if self.starts_with_word(j, ("为", "所", "作为", "做为", "是", "已", "也", "将", "亦", "应", "特别", "过去")):
            return True
        tag = tag.split("_")[0]
        if tag == "d":
            return True
        i = j - 1
        while i > 0 and self.s[i - 1].isascii() and self.s[i - 1].isalpha():
            i -= 1
        return tag in ("v", "vd") and (i == 0 or not (is_cjk(self.s[i - 1]) or self.s[i - 1].isalnum()))

    def _trim_generic(self, start: int, limit: int) -> int | None:
        """Drop leading digits and generic determiners; None when nothing specific remains."""
        while start < limit and not (is_cjk(self.s[start]) or self.s[start].isalpha() or self.s[start] in "“「『\""):
            start += 1
        for g in self.lex.generic_prefixes:
            if self.s.startswith(g, start):
                if start + len(g) >= limit:
                    return None
                if g in ("各", "本", "該", "此", "其", "全", "跨", "貴", "兩", "多", "諸", "某", "每个"):
                    return None
        return start

    def _valid_agency(self, start: int, end: int, suffix: str) -> bool:
        whole = self.s[start:end]
        if whole in self.lex.not_agency or len(whole) < 2:
            return False
        tok = self.tok_by_end.get(end)
        if tok is not None and tok[0] > start:
            word = self.s[tok[0] : end]
            if word in self.lex.not_agency and any(word.startswith(g) for g in self.lex.generic_prefixes):
                return False  # 地點本院, 集本中心: the name ends in a generic self-reference
        if any(whole.endswith(v) for v in self.lex.venues):
            return False
        prefix_len = end - len(suffix) - start
        if len(suffix) == 1 and prefix_len < self.lex.min_prefix_single:
            return False
        if start > 0 and (self.s[start - 1].isdigit() or self.s[start - 1] in "一二两三四五六七八九十百几数多")  \
                and (prefix_len <= 1 or self.s[start] in self.lex.counter_chars):
            return False  # 5所大學, 87所大專校院, 4成住院: a counter, not a name
        if prefix_len <= 0:
            return False
        prefix_text = self.s[start : end - len(suffix)]
        if prefix_text and prefix_text[-1] in "本该各此其贵" and not (len(prefix_text) >= 2 and is_common_word(prefix_text[-2:])):
            return False  # 集本中心: "this centre", a self-reference (but 日本…, 資本… are words)
        need = self.lex.suffix_needs_place.get(suffix)
        if need and not any(self.s.endswith(x, start, end - len(suffix)) for x in need) and whole not in self.lex.gazetteer:
            return False
        # the word that carries the suffix must not be a known non-organisation word (關係, 局勢 …)
        for n in self.lex.non_org_lengths:
            if len(suffix) < n <= len(whole) and whole[-n:] in self.lex.non_org_words:
                if not any(whole.endswith(g) for g in self.lex.gazetteer):
                    return False
        return True

    def _extend_brackets(self, spans):
        out = []
        for i, j in spans:
            m = re.match(r"[(（]([A-Za-z][A-Za-z0-9&\- ]{0,15})[)）]", self.s[j : j + 20])
            if m:
                j += m.end()
            out.append((i, j))
        return out

    # ------------------------------------------------------------------ people
    def add_person(self, key_start: int, key_end: int, mention: tuple[int, int], key: str | None = None, name: str | None = None) -> str:
        key = key or self.s[key_start:key_end]
        p = self.persons.get(key)
        if p is None:
            sl = self.surname_len(key_start) if is_cjk(self.s[key_start]) else 0
            p = Person(key, mention[0], mention[1], key[:sl], key[sl:], name=name or self.a[key_start:key_end])
            self.persons[key] = p
        p.forms.append(mention)
        self.mentions.append(Mention("PERSON", mention[0], mention[1], key))
        return key

    def name_before_title(self, ts: int) -> tuple[int, int] | None:
        # Latin name directly before the title
        m = re.search(f"({_LATIN_NAME.pattern})[ ]?$", self.s[max(0, ts - 40) : ts])
        if m and self._latin_ok(m.group(1)):
            end = ts - (len(m.group(0)) - len(m.group(1)))
            return end - len(m.group(1)), end
        m = re.search(f"[{_CJK_CHARS}]{{1,6}}[.．·‧•・][{_CJK_CHARS}]{{1,6}}$", self.s[max(0, ts - 14) : ts])
        if m:
            return self._trim_dotted(ts - len(m.group()), ts)
        if self.agency_ending_at(ts):
            return None
        options = []
        for n in (3, 4, 2):
            i = ts - n
            if i < 0:
                continue
            if n == 3 and self.s[i] in self.lex.single_suffixes and self.valid_full_name(i + 1, ts) and self.surname_len(i) != 2:
                continue  # 組織司連澤 + 專門委員: the 司 closes the organisation (but 司馬 is a surname)
            if self.valid_full_name(i, ts) and not self.crosses_place(i, ts):
                options.append((i, ts))
        if not options:
            return None
        i, j = options[0]
        if j - i == 2 and not (self.is_boundary_before(i) or self.agency_ending_at(i) or self._suffix_before(i)):
            return None
        return i, j

    def token_at(self, pos: int):
        """(start, end, tag) of the segmenter token covering character pos."""
        import bisect

        k = bisect.bisect_right(self._token_starts_sorted, pos) - 1
        return self._token_spans[k] if k >= 0 else None

    def crosses_place(self, i: int, j: int) -> bool:
        """A place or organisation token runs across the candidate's end (高雄|市長 read as 高雄市)."""
        t = self.token_at(j - 1)
        return t is not None and t[1] > j and t[2] in ("ns", "nt")

    def _suffix_before(self, i: int) -> bool:
        return i > 0 and self.s[i - 1] in self.lex.single_suffixes

    def name_after_title(self, te: int) -> tuple[int, int] | None:
        gap = _NAME_GAP.match(self.s, te)
        p = gap.end() if gap else te
        if gap and gap.group() in (":", "：") and re.match(r"\S{2,4}[ \u3000]+\S", self.a[p : p + 12]):
            return None  # 出席委員：甲 乙 丙 — a list header, not each person's title
        m = _LATIN_NAME.match(self.s, p)
        if m and self._latin_ok(m.group()):
            return m.span()
        sl = self.surname_len(p)
        if not sl:
            return None
        long_, short = (p, p + sl + 2), (p, p + sl + 1)
        title_starts = {t[0] for t in self.titles}
        follower_after_short = self.starts_with_word(short[1], self.lex.name_followers)
        long_ok = self.valid_full_name(*long_) and not any(k in title_starts for k in range(p + 1, long_[1]))
        strong = self.s[short[1] : short[1] + 1] in self.lex.strong_followers
        if long_ok and follower_after_short and (strong or not any(a == p and b == long_[1] for a, b in self.nr_tokens)):
            long_ok = False  # 代表張明因須…: the third character begins the next word
        glued = self.s[long_[1] - 1 : long_[1] + 1]
        after = self.s[long_[1] : long_[1] + 2]
        if (long_ok and len(glued) == 2 and is_common_word(glued) and word_freq(glued) >= 1000
                and not (word_tag(glued) or "").startswith(("m", "q")) and not is_common_word(after)):
            long_ok = False  # 總理李強今天…: the third character starts 今天
        if long_ok:
            return long_
        if self.valid_full_name(*short) and not any(k in title_starts for k in range(p + 1, short[1])):
            nxt = self.s[short[1] : short[1] + 1]
            if not nxt or not is_cjk(nxt) or follower_after_short or (p in self.tok_starts and short[1] in self.tok_ends):
                return short
        return None

    def _latin_ok(self, name: str) -> bool:
        return not any(w in self.lex.latin_not_name for w in re.split(r"[ \-]", name))

    def _dateline_outlet(self, ts: int, te: int):
        """記者 in a news dateline: the outlet that opens it (中央社…台北15日電(記者 X))."""
        if self.s[ts:te] != "记者":
            return None
        base = max(self.s.rfind("\n", 0, ts) + 1, ts - 40)
        found = list(_DATELINE_OUTLET.finditer(self.s, base, ts))
        if not found:
            return None
        span = found[-1].span()  # the outlet nearest the byline
        self.add_agency(span)
        return span

    def chunk_agency(self, end: int, title: str = "") -> tuple[int, int] | None:
        """The organisation written before a name or title in the same chunk (ORG + NAME + TITLE)."""
        known = self.agency_ending_at(end)
        if end <= 0 or not (is_cjk(self.s[end - 1]) or self.s[end - 1].isalnum()):
            return known
        if not known and end >= 2 and self.s[end - 1] in self.lex.surnames and self.s[end - 2] in self.lex.single_suffixes:
            end -= 1  # 經濟組蔡組長: ORG + SURNAME + TITLE, the surname is not part of the organisation
            known = self.agency_ending_at(end)
        start = self._trim_generic(self.scan_left(end), end)
        if known and (start is None or start >= known[0] or known[0] - start < 2):
            return known
        if start is None or end - start < 2:
            return None
        text = self.s[start:end]
        tag = word_tag(text)
        local = title.endswith(("市长", "县长", "议长", "议员", "乡长", "镇长"))
        if text in self.lex.not_agency or self.lex.title_re.fullmatch(text) or (tag is not None and tag not in ("nt", "nz", "j") and not (local and tag == "ns")):
            return None
        if any(w in text for w in ("本场", "场次", "主持人", "与谈人")) or self.lex.title_re.search(text) or text.endswith("人"):
            return None  # …人 is a person noun (與談人, 負責人), not an organisation
        if (self._is_place_only(start, end) and not local) or (text.startswith("驻") and self._is_place_only(start + 1, end)):
            return None
        span = (start, end)
        self.add_agency(span, replace=known)
        return span

    def _is_place_only(self, start: int, end: int) -> bool:
        """A country or city name alone (美國, 台北) is not an organisation; jieba tags places ns."""
        tok = self.tok_by_end.get(end)
        if tok is not None and tok[0] == start and tok[1] == "ns":
            return True
        return word_tag(self.s[start:end]) == "ns"

    def is_former(self, start: int) -> bool:
        i = start
        while i > 0 and self.s[i - 1] in _QUOTES:
            i -= 1
        return i > 0 and self.s[i - 1] == "前"

    def find_people(self):
        used_titles: set[tuple[int, int]] = set()
        order = 0
        for ts, te in self.titles:
            order += 1
            # SURNAME + TITLE + GIVEN NAME (王執行長雪虹)
            split = self._split_name(ts, te)
            if split:
                (ss, se), (gs, ge) = split
                key = self.s[ss:se] + self.s[gs:ge]
                self.add_person(ss, se, (ss, ge), key=key, name=self.a[ss:se] + self.a[gs:ge])
                self.facts.append(Fact(key, (ts, te), self.chunk_agency(ss) if ss > 0 else None, self.is_former(ss), order))
                used_titles.add((ts, te))
                continue
            before = self.name_before_title(ts)
            if before:
                key = self.add_person(*before, before)
                agency = self.chunk_agency(before[0])
                former = self.is_former(agency[0] if agency else before[0])
                self.facts.append(Fact(key, (ts, te), agency, former, order))
                used_titles.add((ts, te))
                self._compound_titles(key, te, agency, former, used_titles, order)
                continue
            after = self.name_after_title(te)
            if after:
                key = self.add_person(*after, after)
                first = ts
                while first > 1 and self.s[first - 1] in "兼暨":
                    prev = self.title_by_end.get(first - 1)
                    if not prev:
                        break
                    first = prev[0]
                agency = self._fused_agency(ts) or self.chunk_agency(first, self.s[ts:te]) or self._dateline_outlet(ts, te)
                former = self.is_former(agency[0] if agency else ts)
                self.facts.append(Fact(key, (ts, te), agency, former, order))
                used_titles.add((ts, te))
                # compound title before the name: 教授兼系主任林某 — the first title shares the person
                self._shared_titles_before(key, ts, agency, former, used_titles, order)
        self.kept_titles |= used_titles

    def _fused_agency(self, ts: int):
        a = self.agency_by_end.get(ts + 1)
        return a if a is not None and self.s[ts] in self.lex.fused else None

    def _split_name(self, ts: int, te: int):
        sl = 2 if ts >= 2 and self.s[ts - 2 : ts] in self.lex.compound_surnames else (1 if ts >= 1 and self.s[ts - 1] in self.lex.surnames else 0)
        if not sl:
            return None
        ss = ts - sl
        given = self.s[te : te + 2]
        nr_signal = (self.tag_at.get(ss, "").startswith("nr") and (ss + sl) in self.tok_starts) or (
            self.tag_at.get(te, "").startswith("nr") and (te + 2) in self.tok_ends)
        if not (self.is_boundary_before(ss) or ss in self.tok_starts and (self._after_chunk_end(ss) or nr_signal)):
            return None
        gtag = word_tag(given) or ""
        if len(given) < 2 or not self.name_given_ok(given) or (is_common_word(given) and word_freq(given) >= (100 if gtag.startswith(("v", "nz", "ns")) else 50)):
            return None  # 張副司長期盼…: the 'given name' is an ordinary word
        if (is_common_word(self.s[te : te + 3]) and word_freq(self.s[te : te + 3]) >= 50) or (
                is_common_word(self.s[te + 1 : te + 3]) and word_freq(self.s[te + 1 : te + 3]) >= 50):
            return None
        nxt = self.s[te + 2 : te + 3]
        if nxt and is_cjk(nxt) and not self.starts_with_word(te + 2, self.lex.name_followers):
            return None
        return (ss, ts), (te, te + 2)

    def _after_chunk_end(self, i: int) -> bool:
        """The character before i ends an organisation or a title (本會王執行長雪虹, 主席羅委員致政)."""
        return i in self.agency_by_end or i in self.all_title_ends or (
            i > 0 and self.s[i - 1] in self.lex.single_suffixes
        )

    def _compound_titles(self, key, te, agency, former, used, order):
        pos = te
        while pos < len(self.s) and self.s[pos] in "兼暨及":
            nxt = self.title_by_start.get(pos + 1)
            if not nxt:
                break
            self.facts.append(Fact(key, nxt, agency, former, order))
            used.add(nxt)
            pos = nxt[1]

    def _shared_titles_before(self, key, ts, agency, former, used, order):
        pos = ts
        while pos > 0 and self.s[pos - 1] in "兼暨":
            prev = self.title_by_end.get(pos - 1)
            if not prev:
                break
            self.facts.append(Fact(key, prev, agency, former, order))
            used.add(prev)
            pos = prev[0]

    def find_listed_people(self):
        """Names listed without titles: enumerations (甲、乙及丙), spaced minutes lists, dotted names, credits."""
        taken = self._person_cover()
        for m in _DOTTED.finditer(self.s):
            i, j = self._trim_dotted(*m.span())
            if not any(k in taken for k in range(i, j)) and not re.search(r"\d", self.s[i:j]):
                self.add_person(i, j, (i, j))
                taken.update(range(i, j))
        # enumerations: at least two items that are valid names make the others names too
        for seg in _ENUMERATION.finditer(self.s):
            self._list_items(seg.start(), seg.end(), taken)
        # minutes lists separated by spaces
        for line in re.finditer(r"[^\n]+", self.a):
            items = list(re.finditer(r"[^\s:：]+", line.group()))
            if len(items) >= 3:
                names = [it for it in items if self.valid_full_name(line.start() + it.start(), line.start() + it.end())]
                if len(names) >= 3 and len(names) >= 0.6 * len(items):
                    for it in names:
                        span = (line.start() + it.start(), line.start() + it.end())
                        if not any(k in taken for k in range(*span)):
                            self.add_person(*span, span)
                            taken.update(range(*span))
        # a full name with an honorific (吳秀蘭女士): a person without a title
        for h in self.lex.honorifics_after_name:
            for m in re.finditer(re.escape(h), self.s):
                for n in (3, 4, 2):
                    i, j = m.start() - n, m.start()
                    if i >= 0 and self.valid_full_name(i, j) and (self.is_boundary_before(i) or self.starts_with_word(i - 2 if i >= 2 else 0, ("的",)) or i in self.tok_starts) and not any(k in taken for k in range(i, j)):
                        self.add_person(i, j, (i, j))
                        taken.update(range(i, j))
                        break
        # photo credits: (… 某某攝)
        for m in re.finditer(r"(?<=[\s(（記者社])([^\s(（)）]{2,4})攝[)）]", self.s):
            i, j = m.span(1)
            if self.valid_full_name(i, j) and not any(k in taken for k in range(i, j)):
                self.add_person(i, j, (i, j))
                taken.update(range(i, j))

    def _trim_dotted(self, i: int, j: int) -> tuple[int, int]:
        """A dotted name (布農.大立) without the organisation before it or the title after it."""
        dot = i + re.search(r"[.．·‧•・]", self.s[i:j]).start()
        for k in range(i + 1, dot):
            if (self.is_boundary_before(k) or k in self.all_title_ends or self.s[k - 1] in self.lex.single_suffixes
                    or any(self.s.endswith(w, 0, k) for w in self.lex.boundary_words if len(w) > 1)):
                i = k
            elif k in self.tok_ends and k in self.tok_starts:
                prev = self.tok_by_end.get(k)
                word = self.s[prev[0] : k] if prev else ""
                if prev and prev[0] >= i and len(word) >= 2 and prev[1].startswith(("n", "vn")) \
                        and not prev[1].startswith("nr") and word_freq(word) >= 100:
                    i = k  # 德國專家漢斯·布勞爾: an ordinary noun is not part of the name
        for k in range(dot + 2, j):
            if k in self.title_by_start or self.lex.title_re.match(self.s, k):
                return i, k
            if k in self.tok_starts and self.tag_at.get(k, "").startswith(("v", "p", "c", "d", "u")) and k - dot > 2:
                return i, k  # 漢斯·布勞爾協助…: the name ends where a verb starts
        return i, j

    def _list_items(self, start: int, end: int, taken: set):
        person_spans = {(m.start, m.end) for m in self.mentions if m.label == "PERSON" and m.start >= start - 8 and m.end <= end + 8}
        pieces = []
        pos = start
        for part in re.split(r"(、)", self.s[start:end]):
            if part != "、":
                pieces.append((pos, pos + len(part)))
            pos += len(part)
        # the last piece may be "乙及丙…": split once at a conjunction
        expanded = []
        for k, (i, j) in enumerate(pieces):
            if k == len(pieces) - 1:
                m = re.match(f"([{_CJK_CHARS}．·.•・]{{2,8}}?)(?:及|和|與|以及)([{_CJK_CHARS}．·.•・]{{2,8}})", self.s[i:j])
                if m:
                    expanded.append((i + m.start(1), i + m.end(1)))
                    expanded.append((i + m.start(2), i + m.end(2)))
                    continue
            expanded.append((i, j))
        items = []
        for k, (i, j) in enumerate(expanded):
            core = re.match(f"[{_CJK_CHARS}．·.•・]+", self.s[i:j])
            if not core:
                continue
            i2, j2 = i, i + core.end()
            while j2 - i2 > 2 and self.s[j2 - 1] in "及和與等":
                j2 -= 1  # 丙及 / 丁等: the conjunction or 等 belongs to the list, not the name
            if k > 0 and j2 - i2 > 4 and not re.search(r"[.．·‧•・]", self.s[i2:j2]):
                # the last item may run on into the sentence (丙分享心得): keep the name at its start
                n = next((n for n in (4, 3, 2) if self.valid_full_name(i2, i2 + n)), 0)
                if n and (self.starts_with_word(i2 + n, self.lex.name_followers + _SPEECH_AFTER_PRONOUN)
                          or is_common_word(self.s[i2 + n : i2 + n + 2])):
                    j2 = i2 + n
            if k == 0:  # the first item may carry the words that introduce the list
                for n in (4, 3, 2):
                    if self.valid_full_name(j2 - n, j2) or (j2 - n, j2) in person_spans:
                        i2 = j2 - n
                        break
                else:
                    continue
            items.append((i2, j2))
        if len(items) < 2:
            return
        namey = [it for it in items if it in person_spans or self.valid_full_name(*it)]
        if len(namey) < 2 or len(namey) < 0.5 * len(items):
            return
        for i, j in items:
            text = self.s[i:j]
            if any(k in taken for k in range(i, j)) or not 2 <= j - i <= 7:
                continue
            if is_common_word(text) or self.lex.title_re.search(text) or self.lex.suffix_re.search(text[-3:]):
                continue
            self.add_person(i, j, (i, j))
            taken.update(range(i, j))

    def _person_cover(self) -> set:
        cover = set()
        for m in self.mentions:
            if m.label == "PERSON":
                cover.update(range(m.start, m.end))
        return cover

    def find_bilingual_people(self):
        """A Chinese rendering followed by the Latin name in brackets (or the reverse): one person,
        the other form an alias — 史密斯（John Smith）, John Smith（史密斯）."""
        taken = self._person_cover()
        title_ends = {t[1] for t in self.titles}
        pat = re.compile(f"([{_CJK_CHARS}．·‧•・]{{2,10}})[（(]({_LATIN_NAME.pattern})[）)]")
        for m in pat.finditer(self.s):
            latin = m.group(2)
            if not self._latin_ok(latin):
                continue
            i, j = m.span(1)
            # the Chinese form starts after a title or a boundary inside the run
            for k in range(i, j - 1):
                if k in title_ends or (k > i and self.is_boundary_before(k)):
                    i = k
            if j - i < 2 or self.lex.title_re.fullmatch(self.s[i:j]) or self.lex.suffix_re.search(self.s[j - 1 : j]):
                continue
            existing = next((mm for mm in self.mentions if mm.label == "PERSON" and mm.start == i and mm.end == j), None)
            key = existing.entity if existing else None
            if key is None:
                if any(x in taken for x in range(i, j)):
                    continue
                key = self.add_person(i, j, (i, j))
            ls, le = m.span(2)
            if not any(x in taken for x in range(ls, le)):
                self.add_person(ls, le, (ls, le), key=key)
            self.aliases.setdefault(key, []).append(self.a[ls:le])
            taken.update(range(i, le))
        pat2 = re.compile(f"({_LATIN_NAME.pattern})[（(]([{_CJK_CHARS}．·‧•・]{{2,8}})[）)]")
        for m in pat2.finditer(self.s):
            if not self._latin_ok(m.group(1)) or any(x in taken for x in range(m.start(), m.end())):
                continue
            key = self.add_person(*m.span(1), m.span(1))
            self.add_person(*m.span(2), m.span(2), key=key)
            self.aliases.setdefault(key, []).append(self.a[m.start(2) : m.end(2)])
            taken.update(range(m.start(), m.end()))

    def find_latin_people(self):
        taken = self._person_cover()
        known = {p.key: p.key for p in self.persons.values()}
        for key, forms in self.aliases.items():
            for f in forms:
                known.setdefault(simplify(f), key)
        for m in _LATIN_NAME.finditer(self.s):
            name = m.group()
            if name in known and not any(k in taken for k in range(*m.span())):
                self.add_person(*m.span(), m.span(), key=known[name])
                taken.update(range(*m.span()))

    def find_repeated_names(self):
        """Every later occurrence of a full name found by a pattern is a mention of that person."""
        taken = self._person_cover()
        agency_cover = set()
        for a in self.agencies:
            agency_cover.update(range(*a))
        keys = sorted((k for k in self.persons if len(k) >= 2), key=len, reverse=True)
        if not keys:
            return
        for m in re.finditer("|".join(map(re.escape, keys)), self.s):
            i, j = m.span()
            if any(k in taken or k in agency_cover for k in range(i, j)):
                continue
            self.add_person(i, j, (i, j), key=m.group())
            taken.update(range(i, j))

    def find_nr_people(self):
        """jieba's nr tag as a signal: a surname-initial three-character token that then speaks."""
        taken = self._person_cover()
        for i, j in self.nr_tokens:
            if j - i != 3 or any(k in taken for k in range(i, j)) or not self.valid_full_name(i, j):
                continue
            if self.starts_with_word(j, ("表示", "指出", "說", "認為", "強調", "致詞", "提到")):
                self.add_person(i, j, (i, j))
                taken.update(range(i, j))

    def find_short_forms(self):
        """SURNAME + TITLE (張副司長) → the full-name person with that surname, preferring the title."""
        taken = self._person_cover()
        by_surname: dict[str, list[Person]] = {}
        for p in self.persons.values():
            if p.surname:
                by_surname.setdefault(p.surname, []).append(p)
        person_titles = self._person_title_texts()
        for ts, te in self.titles:
            for sl in (2, 1):
                ss = ts - sl
                if ss < 0 or any(k in taken for k in range(ss, te)):
                    continue
                sur = self.s[ss:ts]
                if sur not in by_surname:
                    continue
                if not (self.is_boundary_before(ss) or ss in self.tok_starts or self._after_chunk_end(ss)
                        or any(self.s.endswith(w, 0, ss) for w in self.lex.boundary_words)):
                    continue
                cands = by_surname[sur]
                title = self.s[ts:te]
                best = [p for p in cands if any(t == title or t.endswith(title) or title.endswith(t) for t in person_titles.get(p.key, ()))]
                pool = best or cands
                # most recently introduced before this point, else the first
                before = [p for p in pool if p.start < ss]
                chosen = max(before, key=lambda p: max(f[0] for f in p.forms if f[0] < ss) if any(f[0] < ss for f in p.forms) else -1) if before else pool[0]
                self.mentions.append(Mention("PERSON", ss, te, chosen.key))
                chosen.forms.append((ss, te))
                self.kept_titles.add((ts, te))
                taken.update(range(ss, te))
                break

    def _person_title_texts(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for f in self.facts:
            if f.title:
                out.setdefault(f.person, []).append(self.s[f.title[0] : f.title[1]])
        return out

    def find_pronouns(self):
        taken = self._person_cover()
        people = sorted((m for m in self.mentions if m.label == "PERSON"), key=lambda m: m.start)
        if not people:
            return
        starts = [m.start for m in people]
        import bisect

        for pron in self.lex.pronouns:
            for m in re.finditer(re.escape(pron), self.s):
                i, j = m.span()
                if i in taken:
                    continue
                if len(pron) == 1:
                    if j < len(self.s) and self.s[j] in self.lex.pronoun_not_before:
                        continue
                    if i > 0 and self.s[i - 1] in self.lex.pronoun_not_after:
                        continue
                    if not (self.is_boundary_before(i) or self.starts_with_word(j, _SPEECH_AFTER_PRONOUN)):
                        continue
                k = bisect.bisect_left(starts, i)
                if k == 0:
                    continue
                ref = people[k - 1].entity
                self.mentions.append(Mention("PERSON", i, j, ref))

    # ------------------------------------------------------------------ titles kept
    def keep_titles(self):
        """A title is kept when attached to a person, fused with or directly after an organisation,
        or when it refers back to a position that a named person holds in the report."""
        agency_ends = {a[1] for a in self.agencies}
        fused_ends = {a[1] - 1 for a in self.agencies}
        held = {self.s[t[0] : t[1]] for t in self.kept_titles}
        for ts, te in self.titles:
            if (ts, te) in self.kept_titles:
                continue
            title = self.s[ts:te]
            if ts in agency_ends or ts in fused_ends or ((title in held or self.lex.bare_titles_count) and self._bare_ok(ts, te)):
                self.kept_titles.add((ts, te))
            elif re.search(r"駐[^\s，。、]{1,8}$", self.a[max(0, ts - 9) : ts]):
                self.kept_titles.add((ts, te))

    def _bare_ok(self, ts: int, te: int) -> bool:
        surname_before = ts > 0 and self.s[ts - 1] in self.lex.surnames and self.is_boundary_before(ts - 1)
        if ts > 0 and is_cjk(self.s[ts - 1]) and not (self.is_boundary_before(ts) or self.s[ts - 1] in self.lex.single_suffixes or surname_before):
            return False  # 青年代表: part of a longer noun
        nxt = self.s[te : te + 1]
        return not nxt or not is_cjk(nxt) or bool(self.starts_with_word(te, self.lex.name_followers + _SPEECH_AFTER_PRONOUN))

    # ------------------------------------------------------------------ run
    def find_declared_agency_forms(self):
        """Forms a report introduces for an organisation — 國家發展委員會（以下簡稱國發會）, a bracketed
        acronym 東亞研究中心（EARC） — name it wherever they stand alone later."""
        declared: dict[str, tuple[int, int]] = {}
        for i, j in list(self.agencies):
            m = _DECLARED.match(self.s, j)
            if m:
                declared[m.group(1)] = (i, j)
                self.add_agency(m.span(1))
            m = re.search(r"[(（]([A-Z][A-Za-z0-9&\-]{1,15})[)）]$", self.s[i:j])
            if m:
                declared[m.group(1)] = (i, j)
        if not declared:
            return
        cover = set()
        for a in self.agencies:
            cover.update(range(*a))
        for m in self.mentions:
            cover.update(range(m.start, m.end))
        pat = re.compile("|".join(map(re.escape, sorted(declared, key=len, reverse=True))))
        for m in pat.finditer(self.s):
            i, j = m.span()
            if any(k in cover for k in range(i, j)) or self._inside_latin_word(i, j) and m.group().isascii():
                continue
            self.add_agency((i, j))
            cover.update(range(i, j))
        for form, (i, j) in declared.items():
            self.agency_aliases[self.a[self.s.find(form) : self.s.find(form) + len(form)]] = self.a[i:j]
        self.set_agencies(sorted(self.agencies))

    def drop_agencies_over_people(self):
        """An 'organisation' that swallowed a name or a title was a scanning error: drop it."""
        import bisect

        cover = set()
        for m in self.mentions:
            if m.label == "PERSON":
                cover.update(range(m.start, m.end))
        kept = sorted(self.kept_titles)
        kept_starts = [t[0] for t in kept]
        keep = []
        for i, j in self.agencies:
            if any(k in cover for k in range(i, j)):
                continue
            k = bisect.bisect_left(kept_starts, i)
            if k < len(kept) and kept[k][1] <= j:
                continue
            keep.append((i, j))
        self.set_agencies(_maximal(keep))

    def run(self):
        self.find_titles()
        self.find_agencies()
        self.find_people()
        self.find_listed_people()
        self.find_bilingual_people()
        self.find_latin_people()
        self.find_nr_people()
        self.find_repeated_names()
        self.find_short_forms()
        self.find_pronouns()
        self.drop_agencies_over_people()
        self.find_declared_agency_forms()
        self.keep_titles()
        return self


def _maximal(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep the longest of overlapping spans (earliest first on ties)."""
    out: list[tuple[int, int]] = []
    for i, j in sorted(set(spans), key=lambda x: (-(x[1] - x[0]), x[0])):
        if all(j <= a or i >= b for a, b in out):
            out.append((i, j))
    return sorted(out)


def recognise(doc: Doc) -> Doc:
    r = Recogniser(doc).run()
    mentions = _dedupe(r.mentions)
    doc = set_span_groups(doc, {
        "PERSON": [(m.start, m.end, "PERSON") for m in mentions],
        "TITLE": [(i, j, "TITLE") for i, j in sorted(r.kept_titles)],
        "AGENCY": [(i, j, "AGENCY") for i, j in r.agencies],
    })
    doc.user_data["recognise"] = {
        "mentions": [(m.label, m.start, m.end, m.entity) for m in mentions],
        "titles": sorted(r.kept_titles),
        "agencies": r.agencies,
        "facts": [(f.person, f.title, f.agency, f.former, f.order) for f in r.facts],
        "persons": {k: (p.name, p.start, p.end, p.surname) for k, p in r.persons.items()},
        "aliases": r.aliases,
        "agency_aliases": r.agency_aliases,
    }
    return doc


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen = {}
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if any(not (m.end <= o.start or m.start >= o.end) for o in seen.values()):
            continue
        seen[(m.start, m.end)] = m
    return list(seen.values())


@Language.component("report_recogniser")
def report_recogniser(doc: Doc) -> Doc:
    return recognise(doc)
