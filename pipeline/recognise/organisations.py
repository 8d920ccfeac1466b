"""Organisations from suffixes, the gazetteer, fused forms (外交部長), acronyms and declared
short forms; the boundary rules that keep verbs and counters out of their names."""

from __future__ import annotations

import re

from ..lexicon import is_common_word, word_freq, word_tag
from .text import CJK_CHARS, CJK_NUMERALS, DATELINE_OUTLET, DECLARED, cell_gap_before, is_cjk
from .context import Findings, ReportText, cover_of
from .names import NameShapes
from .org_naming import OrganisationNaming
from .resolver import maximal

_COMMON_TAGS = {"n", "vn", "a", "ad", "d", "l", "i", "t"}  # ordinary words, not names of places, bodies or people
_CLOSING_QUOTES = "”」』\"'’"  # scare quotes around a name (台“外交部”)
_OPENING_QUOTES = "“「『‘"  # … or around a title after its organisation (國民黨“立委”)


_QUOTE_CLOSES = re.compile(r"[^」』”\n]{0,40}?(?=[」』”])")  # the rest of a quoted name, up to its closing mark

class OrganisationEvidence:
    """Proposes organisations (suffixes, the gazetteer, fused with a title, acronyms, declared short
    forms) and finds the organisation written before a name or a title for the affiliation shapes.

    The gazetteer stays a regular expression over the shadow rather than spaCy's PhraseMatcher: its
    entries sit inside segmenter tokens (外交部長 is one token), so a token-level matcher misses them.
    A PhraseMatcher over a Doc of one token per character finds the same spans (longest, leftmost,
    not overlapping) but measured 45 ms against the regex's 6 ms on 53,000 characters, most of it
    building that Doc, which for a report of a million characters is a Doc of a million tokens."""

    def __init__(self, text: ReportText, findings: Findings, names: NameShapes):
        self.text, self.findings, self.names = text, findings, names
        self.a, self.s, self.lex, self.tokens = text.a, text.s, text.lex, text.tokens
        self.tok_ends = text.tok_ends
        self.naming = OrganisationNaming(text)
        self._place_lengths = sorted({len(p) for p in self.lex.taiwan_places})
        # 'this ministry', 'that council' (本部, 該會: generic_org_words): a unit named after one belongs to it
        self._own_bodies = sorted((w for w in self.lex.not_agency if len(w) >= 2 and w[0] in "本该贵" and self.lex.suffix_re.fullmatch(w[1:])), key=len, reverse=True)

    def find_agencies(self):
        title_cover = cover_of(self.findings.titles)
        cands: list[tuple[int, int]] = []
        origin: dict[tuple[int, int], str] = {}
        for span in self.text.known_names:
            cands.append(span)
            origin[span] = "gazetteer"
        for m in self._suffix_matches():
            ss, se = m.span()
            if ss in title_cover:
                continue
            suffix = m.group()
            if se < len(self.s) and is_cjk(self.s[se]) and se not in self.tok_ends and not self._name_follows(se) \
                    and se not in self.findings.title_by_start and se not in self.text.glued_conjunction_ends:
                continue  # the suffix ends inside a word (but ORG + TITLE may be one word to the segmenter)
            if len(suffix) == 1 and ((suffix == "所" and self.text.verb_follows(se)) or self._suffix_is_function_word(ss, se)
                                     or self._suffix_ends_place(ss, se) or self._suffix_starts_word(se)):
                continue
            if se < len(self.s) and self.text.starts_with_word(se, self.lex.event_heads):
                continue
            start = self.text.scan_left(ss)
            start = self._trim_generic(self._past_split_prefix(start, ss), ss, office=bool(self.lex.title_re.match(self.s, se)))
            if start is None:
                continue
            start = self._past_glued_word(start, ss, se)
            start = self.naming.start_after_appositive(start, ss)
            start = self.naming.start_after_rank(start, ss)
            if start is None:
                continue
            start = self.naming.start_at_place(start, ss, suffix)
            start = self._from_legal_form(start, ss)
            start = self._from_known_name_across(start, ss)
            if self._verb_before_generic(start, se):
                continue
            if not self._valid_agency(start, se, suffix):
                continue
            if self.naming.described(start, ss, se) or self.naming.object_of_verb(start, se):
                continue
            if len(suffix) == 1 and se in self.findings.title_by_start and se - start >= 4 \
                    and self.names.surname_len(se - 4) == 2 and self.names.valid_full_name(se - 4, se):
                continue  # 古川健司眾議員: a name (two-character surname) ending in a suffix character, before its title
            cands.append((start, se))
            origin.setdefault((start, se), "organisation suffix")
        # fused agency + title: 外交部長 → 外交部 + 部長; 國際處處長 → 國際處 + 處長
        cand_ends = {c[1] for c in cands}
        for ts, te in self.findings.titles:
            if ts > 0 and self.s[ts - 1] == self.s[ts] and self.s[ts] in self.lex.fused:
                start = self._office_start(ts - 1)
                if start is not None and ts - start >= 3 and self._valid_agency(start, ts, self.s[ts - 1]):
                    cands.append((start, ts))
                    origin.setdefault((start, ts), "fused with a title")
                continue
            if self._branch_title(ts, te):
                start = self._office_start(ts)
                if start is not None and ts - start >= 2:
                    cands.append((start, ts + 2))
                    origin.setdefault((start, ts + 2), "fused with a title (…高雄分處 + 分處長)")
                continue
            head = self.s[ts]
            if ts in self.text.learned_per_end:
                continue  # 佐田健太部長: a name the learned tagger reads ends before the title, no organisation
            named_after_org = any(ts - n in cand_ends and self.names.valid_full_name(ts - n, ts) for n in (3, 2))
            link = self.text.ends_with_word(ts, self.lex.agency_links)
            if named_after_org or (link and ts - len(link) in cand_ends):
                continue  # 某司孫某某司長, 外交部派司長: ORG + NAME + TITLE, ORG + 派 + TITLE
            surname_after_org = ts >= 2 and self.s[ts - 1] in self.lex.surnames and (ts - 1) in cand_ends  # 理學院林|院長大成
            own_suffix = self.lex.suffix_end_re.search(self.s, max(0, ts - 4), ts)
            if own_suffix and len(own_suffix.group()) >= 2:
                continue  # 某某研究院|所長: a name that ends in a suffix of its own before the title, not 研究院所 + 長
            if self.s[ts:te] in self.lex.fused.get(head, ()) and ts > 0 and is_cjk(self.s[ts - 1]) and not self._plain_name_before(ts) \
                    and ts not in cand_ends and not surname_after_org:
                start = self._office_start(ts)
                if start is not None and ts + 1 - start >= 3 and self.s[start : ts + 1] not in self.lex.not_agency:
                    cands.append((start, ts + 1))
                    origin.setdefault((start, ts + 1), "fused with a title")
        for m in re.finditer(r"[A-Z]{2,8}", self.s):
            if m.group() in self.lex.acronyms and not self.text.inside_latin_word(m.start(), m.end()) and self._acronym_acts(m.end()):
                cands.append(m.span())
                origin.setdefault(m.span(), "known acronym")
        chosen = maximal(cands)
        spans = self._extend_brackets(chosen)
        for (i, j), span in zip(chosen, spans):
            self.findings.note(*span, "AGENCY", origin.get((i, j), "rule"))
        self.findings.set_agencies(sp for sp in spans if not self._names_event(*sp))

    def _suffix_matches(self):
        """The organisation suffixes of the report, also one that begins inside another and ends after
        it (漢諾威中國|中心: 國中 'junior high' would hide 中心)."""
        pos, last_end = 0, -1
        while m := self.lex.suffix_re.search(self.s, pos):
            if m.end() > last_end:
                yield m
                last_end = m.end()
            pos = m.start() + 1

    def drop_owner_prefixes(self):
        """台外交部, 台央行, 陸國台辦: a one-character owner before a gazetteer name is left out of it,
        unless the whole is a name of its own (台北市政府)."""
        gazetteer, spans = self.lex.gazetteer, []
        for i, j in self.findings.agencies:
            if j - i >= 3 and self.s[i] in self.lex.owner_prefixes and self.s[i + 1:j] in gazetteer \
                    and self.s[i:j] not in gazetteer:
                self.findings.note(i + 1, j, "AGENCY", "gazetteer name after its owner's one-character prefix (台外交部)")
                i += 1
            spans.append((i, j))
        if spans != self.findings.agencies:
            self.findings.set_agencies(spans)

    def inside_law_name(self, i: int, j: int) -> bool:
        """The name of a law, not an organisation: 大學法, 《…組織法》, 修正…條例."""
        if self.s.startswith(("法", "条例", "组织法", "施行细则"), j):
            nxt = self.s[j + 1 : j + 2] if self.s[j] == "法" else ""
            if self.s[j] != "法" or not nxt or not is_cjk(nxt) or self.s.startswith(("法修正", "法第", "法草案", "法》", "法」"), j):
                return True
        return self.text.open_work_title(i + 1, 31) != -1 and bool(re.match(r"[^》\n]{0,30}?(?:法|条例|规则|办法)》", self.s[j : j + 32]))

    def _names_event(self, i: int, j: int) -> bool:
        """The organisation's name is the start of an event's name (…協會（ASEAN）領袖峰會)."""
        m = re.match(f"[{CJK_CHARS}]{{0,6}}?(?:{'|'.join(map(re.escape, self.lex.event_heads))})", self.s[j : j + 10])
        return bool(m) and not self.lex.title_re.match(self.s, j) or self._inside_quoted_event(i, j)

    def _inside_quoted_event(self, i: int, j: int) -> bool:
        """Inside the quoted name of an event (「2025某部某部長與業界座談會」): the event is named, not
        the organisation, however far its head is."""
        opened = max(self.s.rfind(q, max(0, i - 30), i) for q in "「『“")
        if opened == -1 or any(c in self.s[opened + 1 : i] for c in "」』”\n"):
            return False
        close = _QUOTE_CLOSES.match(self.s, j)
        return bool(close) and self.s.endswith(self.lex.event_heads, j, close.end())

    def _suffix_is_function_word(self, ss: int, se: int) -> bool:
        """所 as a particle (…中心所主辦), 組 inside a verb (重組): the token says so."""
        tok = self.tokens.ending_at(se)
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

    def _suffix_starts_word(self, se: int) -> bool:
        """美國聯|邦眾議員, 資訊系|統: a one-character suffix that makes a frequent plain word with the
        next character (聯邦, 系統, 部落) is no suffix, though the segmenter cut the word there; a title
        or a name after it (外交部長, 某處王某) leaves it one."""
        word = self.s[se - 1 : se + 1]
        if len(word) < 2 or not is_common_word(word) or word_freq(word) < 1000:
            return False
        if se in self.findings.title_by_start or self.lex.title_re.match(self.s, se) or self._name_follows(se):
            return False
        return (word_tag(word) or "").split("_")[0] not in ("nt", "nr", "ns", "j")

    def _suffix_ends_place(self, ss: int, se: int) -> bool:
        """科 in 莫斯科: the last character of a place name of three characters or more that the
        dictionary knows is no organisation suffix, unless what stands before it is a word of its own
        (丹麥|隊, a place's team). The segmenter's guesses are no help: it tags 某某隊 ns too."""
        tok = self.tokens.ending_at(se)
        if tok is None or tok[0] >= ss or se - tok[0] < 3 or tok[1] != "ns" or word_tag(self.s[tok[0] : se]) is None:
            return False
        return word_tag(self.s[tok[0] : ss]) is None and not self.text.is_place(tok[0], ss)

    def _plain_name_before(self, ts: int) -> bool:
        return any(self.names.valid_full_name(ts - n, ts) and not self.text.crosses_place(ts - n, ts) for n in (3, 2))

    def _name_follows(self, pos: int) -> bool:
        """An organisation suffix is followed directly by NAME + TITLE (外交部國際組織司張三副司長)."""
        for n in (3, 2, 4):
            if self.names.valid_full_name(pos, pos + n) and self.lex.title_re.match(self.s, pos + n):
                return True
        return False

    def _acronym_acts(self, j: int) -> bool:
        """A bare acronym names the organisation when it acts (APEC特別重視 …) or holds a title (ABAC代表)."""
        if self.lex.title_re.match(self.s, j):
            return True
        tag = self.tokens.tag_at(j)
        if tag is None or self.text.starts_with_word(j, self.lex.event_heads):
            return False
        if self.text.starts_with_word(j, ("为", "所", "作为", "做为", "是", "已", "也", "将", "亦", "应", "特别", "过去")):
            return True
        tag = tag.split("_")[0]
        if tag == "d":
            return True
        i = j - 1
        while i > 0 and self.s[i - 1].isascii() and self.s[i - 1].isalpha():
            i -= 1
        return tag in ("v", "vd") and (i == 0 or not (is_cjk(self.s[i - 1]) or self.s[i - 1].isalnum()))

    def _past_split_prefix(self, start: int, limit: int) -> int:
        """A generic prefix the boundary split (在|地醫療院所: 在地 'local'): the name starts after it."""
        for g in self.lex.generic_prefixes:
            for k in range(1, len(g)):
                if start - k >= 0 and self.s.startswith(g, start - k) and start - k + len(g) < limit:
                    return start - k + len(g)
        return start

    def _past_glued_word(self, start: int, ss: int, se: int) -> int:
        """A boundary word or a verb the segmenter glued to the front of a name (主管機關教育局,
        前衛生福利部, 執行行政院): the name starts after it. A word of two or more characters is
        dropped when a name of two characters or more remains before the suffix; a single boundary
        character or a verb of two only when what remains is a known name, so the verbs inside names
        (駐…, 行政執行署) stay."""
        for n in self.lex.boundary_lengths:
            if n > 1 and self.s[start : start + n] in self.lex.boundary_set and ss - (start + n) >= 2:
                return start + n
        for k in range(start + 1, ss + 1):
            if self.s[k:se] in self.lex.gazetteer:
                word = self.s[start:k]
                tag = word_tag(word) or ""
                if word in self.lex.boundary_set or (tag.startswith("v") and len(word) >= 2):
                    return k
                if tag in _COMMON_TAGS and len(word) >= 2 and word_freq(word) >= 100 and word not in self.lex.org_internal_words:
                    return k  # 傳聞|央行: a common word of the sentence before a known name
                if len(word) >= 3 and (word_tag(word[-2:]) or "").startswith("v") and word_freq(word[-2:]) >= 100:
                    return k  # 率團|拜會|立法院, read 率|團拜會: the word ends in the verb whose object the name is
                break
        return start

    def _from_known_name_across(self, start: int, ss: int) -> int:
        """美國在|台協會台北辦事處: the scan stopped inside a name the gazetteer knows (at 在, a boundary
        word); the organisation starts where that name does."""
        known = self.text.known_name_inside.get(start)
        return known[0] if known and known[1] <= ss else start

    def _from_legal_form(self, start: int, ss: int) -> int:
        """A legal form (財團法人, 社團法人) opens the name it stands in: what the scan took before it
        is another organisation or the verb phrase between the two (衛生福利部督導所轄公設財團法人…)."""
        best = start
        for form in self.lex.legal_forms:
            k = self.s.find(form, start + 1, ss)
            if k > best:
                best = k
        return best

    def _verb_before_generic(self, start: int, se: int) -> bool:
        """One verb character before a generic organisation word (促政黨合作 'urge the parties', 占商會
        'make up of the chamber'): a verb and its object, no name."""
        if se - start < 3 or self.s[start + 1 : se] not in self.lex.not_agency:
            return False
        c = self.s[start]
        return c in self.lex.boundary_set or (word_tag(c) or "").startswith("v")

    def _trim_generic(self, start: int, limit: int, office: bool = False) -> int | None:
        """Drop leading digits and generic determiners; None when nothing specific remains. Before a
        title (office), a leading 前 is 'former', no part of the name."""
        while start < limit and not (is_cjk(self.s[start]) or self.s[start].isalpha() or self.s[start] in "“「『\""):
            start += 1
        for g in self.lex.generic_prefixes:
            if self.s.startswith(g, start):
                if start + len(g) >= limit:
                    return None
                own = next((w for w in self._own_bodies if self.s.startswith(w, start)), "")
                if own and limit - start - len(own) >= 2 and self.s[start + len(own)] not in self.lex.single_suffixes:
                    return self._trim_generic(start + len(own), limit, office)  # 本部|法制處, 本會|法規會: a unit of 'this ministry'
                if g in ("各", "本", "该", "此", "其", "全", "跨", "贵", "两", "多", "诸", "某", "每个") \
                        and (word_tag(self.s[start : start + 2]) or "")[:2] not in ("ns", "nr", "nt"):  # (貴陽, 兩廣: places)
                    return None
        if office and self.s[start : start + 1] == "前" and limit - start >= 3 and word_tag(self.s[start : start + 2]) != "ns" \
                and not any(self.s[start : start + n] in self.lex.taiwan_places for n in self._place_lengths):
            return start + 1  # 前|衛生署(長): 'former' before the office is no part of its name (前鎮區 is a place)
        return start

    def _valid_agency(self, start: int, end: int, suffix: str) -> bool:
        whole = self.s[start:end]
        if whole in self.lex.not_agency or len(whole) < 2:
            return False
        if self.inside_law_name(start, end):
            return False
        head = whole[: len(whole) - len(suffix)]
        if suffix in self.lex.counter_chars | {"部"} and re.search(r"[0-9一二两三四五六七八九十百几数多这那哪每]$", head):
            return False  # 花蓮縣六所, 單一部, 作者這部: a numeral or demonstrative and its classifier, not a name
        if len(suffix) == 1:
            label = re.search(f"(?:[0-9A-Za-z]+|[{CJK_NUMERALS}几数多余]+)$", head)
            if label and not self.lex.suffix_end_re.search(head[: label.start()].removesuffix("第")):
                return False  # 第三局, 失一局, A組, 多處: a count or a label; 鐵道部十四局 keeps its parent
        if re.search("各(?:地|级|县市|界)", head[1:]):
            return False  # 日本各地某某協會: the associations of every place, not one named body
        if len(suffix) == 1 and self.s[end - 1 : end + 1] in self.lex.verbs_from_suffix:
            return False  # 綜合報|導: the suffix character starts a verb with the next one (報導, 處理)
        if head.endswith("副") or re.search(r"[0-9一二两三四五六七八九十百几数多][个所家间位名座]", head):
            return False  # 由某副部(長), 花蓮縣六所國小: a title's modifier or a count, not a name
        tok = self.tokens.ending_at(end)
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
        if start >= 2 and self.s[start - 1] in self.lex.counter_chars and re.match(f"[0-9{CJK_NUMERALS}几数多余]", self.s[start - 2]) \
                and (prefix_len <= 1 or is_common_word(self.s[start : end - len(suffix)])):
            return False  # 12家大銀行, 3家保險公司: counted things, not a name
        if suffix == "组织" and (self.lex.suffix_end_re.search(whole[: -len(suffix)]) or self._adverb_before(end - 2, end)):
            return False  # 某協會組織的活動, 會員們積極組織: 組織 is the verb after an organisation or an adverb
        if prefix_len <= 0:
            return False
        if len(suffix) == 1 and end in self.text.learned_per_end and self.text.learned_per_end[end][0] >= start:
            return False  # 基里延科, 總理王國科: the learned tagger reads a person's name that ends in 科 or 處
        prefix_text = self.s[start : end - len(suffix)]
        if prefix_text and prefix_text[-1] in "本该各此其贵" and not (len(prefix_text) >= 2 and is_common_word(prefix_text[-2:])):
            return False  # 集本中心: "this centre", a self-reference (but 日本…, 資本… are words)
        if suffix in self.lex.named_only_suffixes and not self.naming.named(start, end, suffix):
            return False
        need = self.lex.suffix_needs_place.get(suffix)
        if need and not any(self.s.endswith(x, start, end - len(suffix)) for x in need) and whole not in self.lex.gazetteer:
            return False
        # the word that carries the suffix must not be a known non-organisation word (關係, 局勢 …)
        last = self.tokens.ending_at(end)
        for n in self.lex.non_org_lengths:
            if len(suffix) < n <= len(whole) and whole[-n:] in self.lex.non_org_words:
                inside_word = (last is not None and start <= last[0] < end - n and suffix in self.lex.named_only_suffixes
                               and self.s[last[0] : end] not in self.lex.not_agency)  # 美國足球隊: 球隊 inside 足球隊
                if not any(whole.endswith(g) for g in self.lex.gazetteer) and not self._organisation_word(end - n, end) \
                        and not inside_word:
                    return False
        return True

    def _adverb_before(self, pos: int, end: int) -> bool:
        """An adverb ends at pos and the word from pos to end is a verb with an object after it
        (積極|組織|活動), not a name's last word (非洲統一組織|剛…)."""
        tok = self.tokens.ending_at(pos)
        return tok is not None and tok[1] in ("d", "ad") and (self.tokens.tag_at(pos) or "").startswith("v") \
            and (self.tokens.tag_at(end) or "x")[0] in "nvafm"

    def _organisation_word(self, i: int, end: int) -> bool:
        """The dictionary knows the characters from before i to end as one organisation word (聯合國安理會:
        理會 'heed' is inside it, not its last word); the segmenter's own guesses are not enough (印尼政局)."""
        tok = self.tokens.ending_at(end)
        return tok is not None and tok[0] < i and tok[1] == "nt" and word_tag(self.s[tok[0] : end]) == "nt"

    def _extend_brackets(self, spans):
        out = []
        for i, j in spans:
            m = re.match(r"[(（]([A-Za-z][A-Za-z0-9&\- ]{0,15})[)）]", self.s[j : j + 20])
            if m:
                j += m.end()
            out.append((i, j))
        return out

    def chunk_agency(self, end: int, title: str = "") -> tuple[int, int] | None:
        """The organisation written before a name or title in the same chunk (ORG + NAME + TITLE)."""
        known = self.findings.agency_ending_at(end)
        if known is None and end >= 2 and self.s[end - 1] in ("的", "籍") and self.findings.agency_ending_at(end - 1):
            return self.findings.agency_ending_at(end - 1)  # ORG + 的 + NAME + TITLE: 某公司的王大明經理; 某黨籍立委: a member of the party
        if known is None and end >= 2 and self.s[end - 1] in _CLOSING_QUOTES + _OPENING_QUOTES and self.findings.agency_ending_at(end - 1):
            return self.findings.agency_ending_at(end - 1)  # 台“外交部”發言人, 國民黨“立委”: an organisation or a title in quotation marks
        if known is None and end >= 2 and self.s[end - 1] in ")）":
            opening = max(self.s.rfind("（", max(0, end - 12), end - 1), self.s.rfind("(", max(0, end - 12), end - 1))
            if opening > 0 and is_cjk(self.s[opening + 1]) and (before := self.findings.agency_ending_at(opening)):
                return before  # 某某同業公會（電電公會）理事長: the organisation's short form in brackets
        if known is None and end >= 2 and self.s[end - 1] in " \u3000" and self.s[end - 2] not in " \u3000" \
                and self.findings.agency_ending_at(end - 1):
            return self.findings.agency_ending_at(end - 1)  # 某大學經濟學系 莊某某 教授: one space apart in a programme line
        link = self.text.ends_with_word(end, self.lex.agency_links) if known is None else None
        if link and (sender := self.findings.agency_ending_at(end - len(link))):
            return sender  # 某代表處由副代表某某出席: the body sends its own
        if end <= 0 or not (is_cjk(self.s[end - 1]) or self.s[end - 1].isalnum()):
            return known
        if not known and end >= 2 and self.s[end - 1] in self.lex.surnames and self.s[end - 2] in self.lex.single_suffixes \
                and end not in self.text.all_title_ends:  # (…所所長 + NAME: 長 ends the title, it is no surname)
            end -= 1  # 經濟組蔡組長: ORG + SURNAME + TITLE, the surname is not part of the organisation
            known = self.findings.agency_ending_at(end)
        start = self._trim_generic(self.text.scan_left(end), end, office=True)
        if start is not None:
            start = self.naming.start_after_appositive(self._past_glued_word(start, end, end), end)
        if known and (start is None or start >= known[0] or known[0] - start < 2):
            return known
        if start is None or end - start < 2:
            return None
        text = self.s[start:end]
        if self._known_then_common_word(start, end):
            return None
        tag = word_tag(text)
        # a local council or government is named by its place (臺北市 + 市議員), a country is not (日本 + 眾議員)
        local = title.endswith(("市长", "县长", "议长", "议员", "乡长", "镇长")) and text[-1:] in ("市", "县", "乡", "镇", "区")

        if text in self.lex.not_agency or self.lex.title_re.fullmatch(text) or (tag is not None and tag not in ("nt", "nz", "j") and not (local and tag == "ns")):
            return None
        if any(w in text for w in ("本场", "场次", "主持人", "与谈人")) or self.lex.title_re.search(text) or text.endswith("人"):
            return None  # …人 is a person noun (與談人, 負責人), not an organisation
        posted = text.rfind("驻")
        if (self._is_place_only(start, end) and not local) or (posted != -1 and self._is_place_only(start + posted + 1, end)):
            return None  # (甲國)駐乙國 + 大使: a posting to a country, no organisation's name
        span = (start, end)
        self.findings.add_agency(span, replace=known, why="organisation before a name or title")
        return span

    def _office_start(self, end: int) -> int | None:
        """Where the organisation fused with a title starts (外交部長, 某某署署長), after any noun saying what
        it is (主辦單位|某某局局長, 指導單位|某某署署長); None when only generic words precede."""
        start = self._trim_generic(self.text.scan_left(end), end, office=True)
        return None if start is None else self.naming.start_after_appositive(start, end)

    def _known_then_common_word(self, start: int, end: int) -> bool:
        """A found organisation followed by one plain noun or verb (外交部晚宴 + guest: 外交部 hosts a
        dinner for): the chunk is the organisation and what it does, not a longer name."""
        for i, j in self.findings.agencies:
            if i == start and start < j <= end - 2 and j in self.tok_ends:
                tail = self.s[j:end]
                return (word_tag(tail) or "").split("_")[0] in ("n", "v", "vn", "vd") and not self.lex.suffix_re.search(tail)
        return False

    def _is_place_only(self, start: int, end: int) -> bool:
        """A country or city name alone (美國, 台北, 帛琉共和國, 美國聯邦) is not an organisation; jieba tags places
        ns, and the country list (configs/places.yml) holds those it does not know."""
        name = self.s[start:end]
        if name in self.lex.countries or name.endswith("联邦") and name[:-2] in self.lex.countries:
            return True  # (美國聯邦 + 眾議員: the country's federation is the country)
        tok = self.tokens.ending_at(end)
        if tok is not None and tok[0] == start and tok[1] == "ns":
            return True
        return word_tag(self.s[start:end]) == "ns"

    def dateline_outlet(self, ts: int, te: int):
        """記者 in a news dateline: the outlet that opens it (中央社…台北15日電(記者 X))."""
        if self.s[ts:te] != "记者":
            return None
        base = max(self.s.rfind("\n", 0, ts) + 1, ts - 40)
        found = list(DATELINE_OUTLET.finditer(self.s, base, ts))
        if not found:
            return None
        span = found[-1].span()  # the outlet nearest the byline
        if self.s[span[0]] in "本该":
            return None  # 本報…電: "this paper", a self-reference
        self.findings.add_agency(span, why="dateline outlet")
        return span

    def agency_in_cell_before(self, ts: int) -> tuple[int, int] | None:
        """The organisation alone in the cell before a title's cell (內政部  部長  王大明)."""
        gap = cell_gap_before(self.s, ts)
        return self.findings.agency_ending_at(ts - gap) if gap else None

    def _branch_title(self, ts: int, te: int) -> bool:
        """分處長, 分局長: the head of a branch (分 + an office's last character + 長) after its place; the
        branch's name ends inside the title (…高雄分處 + 分處長), as 外交部 does in 外交部長."""
        return (te - ts == 3 and self.s[ts] == "分" and self.s[ts + 1] in self.lex.fused and self.s[ts + 2] == "长"
                and ts > 0 and is_cjk(self.s[ts - 1]))

    def fused_agency(self, ts: int):
        a = self.findings.agency_by_end.get(ts + 1)
        if a is not None and self.s[ts] in self.lex.fused:
            return a
        a = self.findings.agency_by_end.get(ts + 2)
        return a if a is not None and self._branch_title(ts, ts + 3) else None

    def find_declared_agency_forms(self):
        """Forms a report introduces for an organisation — 國家發展委員會（以下簡稱國發會）, a bracketed
        acronym 東亞研究中心（EARC） — name it wherever they stand alone later."""
        declared: dict[str, tuple[int, int]] = {}
        for i, j in list(self.findings.agencies):
            m = DECLARED.match(self.s, j)
            if m:
                declared[m.group(1)] = (i, j)
                self.findings.add_agency(m.span(1), why="declared short form")
            m = re.search(r"[(（]([A-Z][A-Za-z0-9&\-]{1,15})[)）]$", self.s[i:j])
            if m:
                declared[m.group(1)] = (i, j)
        if not declared:
            return
        cover = cover_of(self.findings.agencies) | cover_of((m.start, m.end) for m in self.findings.mentions)
        pat = re.compile("|".join(map(re.escape, sorted(declared, key=len, reverse=True))))
        for m in pat.finditer(self.s):
            i, j = m.span()
            if any(k in cover for k in range(i, j)) or self.text.inside_latin_word(i, j) and m.group().isascii():
                continue
            self.findings.add_agency((i, j), why="declared short form")
            cover.update(range(i, j))
        for form, (i, j) in declared.items():
            self.findings.agency_aliases[self.a[self.s.find(form) : self.s.find(form) + len(form)]] = self.a[i:j]
        self.findings.set_agencies(sorted(self.findings.agencies))
