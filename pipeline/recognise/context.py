"""What every source of evidence reads and writes, split in two: `ReportText`, a read-only view of
one report (its text, simplified shadow, lexicon, tokens, the learned tagger's spans and the boundary
helpers that only look at those), and `Findings`, the spans found so far, which the sources add to in
the resolver's order."""

from __future__ import annotations

import re
from spacy.tokens import Doc

from ..lexicon import Lexicon, lexicon, word_freq, word_tag
from ..shadow import simplify
from .facts import Fact, Mention, Person
from .names import surname_len
from .text import CJK_NUMERALS, NAME_DOTS, QUOTES, is_cjk
from .tokens import Positions, TokenIndex

_CONJUNCTIONS = "和与及暨"
_DATE_BEFORE = re.compile(f"[0-9{CJK_NUMERALS}][年月日号](?:电|讯)?$")


class ReportText:
    """One report as the recognisers see it; nothing here changes once built, so any component may
    hold it. Where the title lexicon matches is a fact of the text too (every match, before any is
    set aside), and the boundary rules need it, so it is computed here."""

    def __init__(self, doc: Doc):
        self.a = doc._.text
        self.s = simplify(self.a)
        self.lex: Lexicon = lexicon()
        self.tokens = TokenIndex(doc, len(self.a))
        self.tok_starts, self.tok_ends = self.tokens.token_starts, self.tokens.token_ends
        self.nr_tokens = self.tokens.with_tag_prefix("nr")
        self.known_names: list[tuple[int, int]] = [m.span() for m in self.lex.gazetteer_re.finditer(self.s)
                                                   if not self._short_form_inside_words(*m.span())]
        self.known_name_spans = frozenset(self.known_names)  # where the gazetteer's names stand, for look-ups
        # every position strictly inside one of them → that name (the matches do not overlap): no
        # organisation starts there
        self.known_name_inside: dict[int, tuple[int, int]] = {k: (ks, ke) for ks, ke in self.known_names for k in range(ks + 1, ke)}
        self.title_matches: list[tuple[int, int]] = self._titles_after_known_names(
            [m.span() for m in self.lex.title_re.finditer(self.s)])
        self.all_title_ends: set[int] = {te for _, te in self.title_matches}
        self.all_title_starts: set[int] = {ts for ts, _ in self.title_matches}
        self.has_learned_tagger = doc._.learned_entities is not None
        learned = [tuple(e) for e in (doc._.learned_entities or [])]
        self.learned_spans = {lab: [(i, j) for i, j, x in learned if x == lab] for lab in ("PER", "ORG", "LOC", "TIME")}
        title_starts_by_end: dict[int, list[int]] = {}
        for ts, te in self.title_matches:
            title_starts_by_end.setdefault(te, []).append(ts)
        self.learned_spans["PER"] = [self._without_trailer(i, j, title_starts_by_end) for i, j in self.learned_spans["PER"]]
        # the tagger glues the conjunction before the next organisation to the first (經濟日報社和|人民日報社)
        self.glued_conjunction_ends = {j - 1 for i, j in self.learned_spans["ORG"] if j - i >= 3 and self.s[j - 1] in _CONJUNCTIONS}
        self.learned_spans["ORG"] = [(i, j - 1) if j - 1 in self.glued_conjunction_ends else (i, j) for i, j in self.learned_spans["ORG"]]
        # where the tagger's organisations stand and end, looked up per suffix match (not scanned: a report
        # of a million characters has tens of thousands of both)
        org_mask = bytearray(len(self.s) + 1)
        for i, j in self.learned_spans["ORG"]:
            org_mask[i:j] = b"\x01" * (j - i)
        self.learned_org_cover = Positions(org_mask)
        self.learned_org_ends = frozenset(j for _, j in self.learned_spans["ORG"])
        self.learned_per_start = {i: (i, j) for i, j in self.learned_spans["PER"]}
        self.learned_per_end = {j: (i, j) for i, j in self.learned_spans["PER"]}
        self._learned_org_starts = {i for i, _ in self.learned_spans["ORG"]}
        self.learned_names = {self.s[i:j] for i, j in self.learned_spans["PER"]}  # every name the tagger read whole
        self.places = set(self.learned_spans["LOC"])  # the learned tagger's places (jieba's ns guesses foreign names)

    def _short_form_inside_words(self, i: int, j: int) -> bool:
        """A short form of two characters that the segmenter reads as parts of two other words
        (一臺|電腦, 造成|大規模, 以北|約): a match of the characters, not the name. At the start of one
        word it stays (東協國家, 臺大醫院)."""
        if j - i > 2:
            return False
        if i not in self.tok_starts:
            return True
        last = self.tokens.covering(j - 1)
        return j not in self.tok_ends and last is not None and last[0] > i

    def _without_trailer(self, i: int, j: int, title_starts_by_end: dict[int, list[int]]) -> tuple[int, int]:
        """李明攝, 王大明等, 威爾遜州長, 蒙博托·, 賽伯先生: the tagger glues a credit or list marker that
        never ends a name, the title or honorific after it, or the dot of a name it cuts, to the name."""
        honorific = next((h for h in self.lex.honorifics_after_name if self.s.endswith(h, i, j) and j - i - len(h) >= 2), "")
        j -= len(honorific)
        while j - i > 1 and self.s[j - 1] in NAME_DOTS:
            j -= 1
        while j - i > 1 and self.s[i] in NAME_DOTS:
            i += 1
        if j - i >= 3 and self.s[j - 1] in self.lex.learned_name_trailers:
            return i, j - 1
        tail = self.s[j - 2 : j]
        if j - i >= 5 and (word_tag(tail) or "").split("_")[0] in self.lex.trailing_word_tags and word_freq(tail) >= self.lex.trailing_word_min_freq:
            return i, j - 2  # 某某尼亞胡|當天, 某某胡|應當: a long transliteration runs on over a time word or adverb
        ts = next((ts for ts in title_starts_by_end.get(j, ()) if i + 2 <= ts), None)
        return (i, ts) if ts is not None else (i, j)

    def is_place(self, i: int, j: int) -> bool:
        """A place at [i, j): the learned tagger's LOC there, a country or a Taiwan county or city (configs/places.yml)."""
        return (i, j) in self.places or self.s[i:j] in self.lex.countries or self.s[i:j] in self.lex.taiwan_places

    def _titles_after_known_names(self, matches: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """A title whose modifier is the last character of a known name (商總|理事長 read as 總理事長)
        starts after the name, when what is left is a title itself; a title that begins with the last
        character of an organisation suffix gives way to a longer one right after it (國中|校長)."""
        ends = {ge: gs for gs, ge in self.known_names}
        out = []
        for ts, te in matches:
            cut = next((k for k in range(ts + 1, min(te - 1, ts + 3)) if k in ends and ends[k] < ts), None)
            if cut is not None and self.lex.title_re.fullmatch(self.s, cut, te):
                ts = cut
            elif (later := self.lex.title_re.match(self.s, ts + 1)) and later.end() > te \
                    and self.lex.suffix_end_re.search(self.s, max(0, ts - 3), ts + 1):
                ts, te = later.span()  # 大安國|中校|長: the title after the organisation's suffix (國中 + 校長), not 中校
            out.append((ts, te))
        return out

    def open_work_title(self, pos: int, reach: int) -> int:
        """Where the 《 stands that is still open at pos (a work's or a law's title), looking back at most
        reach characters; -1 when none is."""
        opening = self.s.rfind("《", max(0, pos - reach), pos)
        return opening if opening != -1 and "》" not in self.s[opening:pos] else -1

    def starts_with_word(self, pos: int, words) -> str | None:
        for w in words:
            if self.s.startswith(w, pos):
                return w
        return None

    def ends_with_word(self, pos: int, words) -> str | None:
        for w in words:
            if self.s.endswith(w, 0, pos):
                return w
        return None

    def is_boundary_before(self, i: int) -> bool:
        """True when a chunk (organisation or name) may start at i: after punctuation, a boundary
        word (由, 邀請, 包括 …) or a verb, preposition, conjunction, adverb or pronoun token."""
        if i <= 0:
            return True
        prev = self.s[i - 1]
        if prev in "-–" and i >= 2 and self.s[i - 2].isascii() and self.s[i - 2].isupper() and self.s[i : i + 1].isupper():
            return False  # a hyphen between two acronyms stays inside the name (ABC-ROC理事辦公室)
        if not (is_cjk(prev) or prev.isalpha()) or prev.isdigit():
            return True
        if i - 1 in self.glued_conjunction_ends:
            return True  # 經濟日報社和|人民日報社: the conjunction the tagger glued to an organisation
        if prev in "为是" and self.s[i - 2 : i - 1] == "人":
            return True  # 頒獎人為|教育部…, 負責人是|…: a person noun and a copula (the segmenter reads 人為 'man-made')
        if prev in "暨兼" and i - 1 in self.all_title_ends:
            return True  # 某大學講座教授暨|前教育部長: a second office after a title starts a chunk of its own
        if prev in "年月日号电讯" and _DATE_BEFORE.search(self.s, max(0, i - 3), i):
            return True  # a date or a dateline ends before a name: 1986年|香港大學, 5日|日本…, 7日電|國際…
        tok = self.tokens.ending_at(i)
        if tok is not None:
            word = self.s[tok[0] : i]
            # 及/和 between two Latin acronyms stays inside a name (…研究院WTO及RTA中心)
            if word in ("及", "和", "與") and i < len(self.s) and self.s[i].isascii() and self.s[i].isupper() and tok[0] > 0 and self.s[tok[0] - 1].isascii() and self.s[tok[0] - 1].isupper():
                return False
            if word in ("及", "暨", "与") and self._conjunction_inside_name(tok[0], i):
                return False
            if self.in_taiwan_link(tok[0]):
                return False  # 英國在|台辦事處: a foreign body's office 'in Taiwan' is one name
            if word in self.lex.boundary_words:
                return True
            if tok[1] == "m" and re.search(r"[0-9个余多几]|数(?![位据字学码])", word):
                return True  # a count (三個, 數十): not 數位 ('digital'), which the segmenter tags as a numeral
            if word in self.lex.single_suffixes:
                return False
            tag = tok[1].split("_")[0]
            if tag in self.lex.stop_tags and word not in self.lex.org_internal_words:
                if tag.startswith("v") and (len(word) < 2 or word_freq(word) < self.lex.verb_stop_min_freq):
                    # one-character or rare 'verbs' are mostly segmentation slips inside names, unless
                    # they end a boundary word the segmenter split (曾|任國貿署)
                    return any(n > len(word) and self.s[i - n : i] in self.lex.boundary_set for n in self.lex.boundary_lengths)
                return True
        # a boundary word of two or more characters ends a chunk even where the segmenter joined it
        # to the next word (LAC reads 新任無任所大使 as one word)
        inside = None if i in self.tok_ends else self.token_at(i - 1)
        for n in self.lex.boundary_lengths:
            if n > 1 and self.s[i - n : i] in self.lex.boundary_set and (
                    i in self.tok_ends or (inside is not None and inside[0] == i - n)):
                return True
        return False

    def _conjunction_inside_name(self, cs: int, ce: int) -> bool:
        """及/暨/與 joining two nouns inside one unit's name (勞動條件及就業平等司, 外交及國防委員會),
        not two organisations or people in a list: the word before it is a plain noun, not the end of
        an organisation, a title or a name, and the name after it is short."""
        if cs <= 0 or not is_cjk(self.s[cs - 1]):
            return False
        prev = self.tokens.ending_at(cs)
        if prev is None:
            return False
        word = self.s[prev[0] : cs]
        if word[-1] in self.lex.single_suffixes or self.lex.suffix_end_re.search(word) or cs in self.all_title_ends:
            return False
        if cs in self.learned_per_end or (ce in self._learned_org_starts and self._known_name_at(ce)):
            return False  # 副主委高某某及外交部…: a learned name ends before it, or a learned organisation starting with a known one after it
        if prev[1].startswith(("nr", "v", "m", "r", "p", "c", "d", "u")) and not (prev[1] == "vn" and word in self.lex.org_internal_words) \
                or word in self.lex.boundary_words:
            return False  # (a verb-noun that names a unit's field is a noun: 國際合作及經濟事務司)
        if self.s[cs:ce] == "与" and self._scan_limit_right(ce) > 8:
            return False
        return True

    def _known_name_at(self, pos: int) -> bool:
        """A gazetteer organisation of three characters or more starts at pos (外交部…)."""
        return any(self.s[pos : pos + n] in self.lex.gazetteer for n in range(3, 11))

    def _scan_limit_right(self, pos: int) -> int:
        m = self.lex.suffix_re.search(self.s, pos, pos + 20)
        return (m.end() - pos) if m else 99

    def scan_left(self, end: int, limit: int = 30) -> int:
        """Leftmost start of the chunk that ends at `end` (organisation names extend to a boundary)."""
        i = end
        while i > 0 and end - i < limit:
            if i < end and i in self.all_title_ends and self.s[i - 1] == "人":
                break  # 召集人某電子公司經理: a title ending in 人 closes the chunk before it
            prev = self.s[i - 1]
            if prev in "”」』\"" and i < end:
                # a quoted name inside an organisation's name: “國策研究院”文教基金會, 「數位轉型」協會
                opening = max(self.s.rfind(q, max(0, i - 14), i - 1) for q in "“「『\"")
                quoted_suffix = self.lex.suffix_re.search(self.s, opening, i) if opening != -1 else None
                name_then_suffix = opening != -1 and i - opening <= 16 and bool(self.lex.suffix_re.match(self.s, i)) \
                    and not re.search(r"[，。、；：！？,;:!?\s]", self.s[opening:i])
                if opening != -1 and "\n" not in self.s[opening:i] and (quoted_suffix or name_then_suffix):
                    i = opening
                    continue
                break
            if self.is_boundary_before(i):
                break
            if prev in "(（" or prev in QUOTES:
                break
            i -= 1
        return i

    def in_taiwan_link(self, k: int) -> bool:
        """The 在 at k links a country to 台 in a foreign body's name (英國在台辦事處, 日本在台協會)."""
        return (self.s[k : k + 1] == "在" and self.s[k + 1 : k + 2] in ("台", "臺")
                and (self.tokens.ending_at(k) or (0, ""))[1].startswith("ns"))

    def token_at(self, pos: int):
        """(start, end, tag) of the segmenter token covering character pos."""
        return self.tokens.covering(pos)

    def crosses_place(self, i: int, j: int) -> bool:
        """A place or organisation token runs across the candidate's end (高雄|市長 read as 高雄市), not
        one that ends with a whole title after it (某司孫某某司長 read as one organisation token)."""
        t = self.token_at(j - 1)
        return t is not None and t[1] > j and t[2] in ("ns", "nt") and not self.lex.title_re.fullmatch(self.s, j, t[1])

    def suffix_before(self, i: int) -> bool:
        return i > 0 and self.s[i - 1] in self.lex.single_suffixes

    def is_former(self, start: int) -> bool:
        i = start
        while i > 0 and self.s[i - 1] in QUOTES:
            i -= 1
        posted = i in self.all_title_starts and re.search(r"前驻[\u3400-\u9fff]{1,6}$", self.s[max(0, i - 8) : i])  # 前駐法代表
        return i > 0 and self.s[i - 1] == "前" or bool(posted)

    def verb_follows(self, pos: int) -> bool:
        tag = self.tokens.tag_at(pos)
        return tag in ("v", "vd", "vn") and not self.lex.title_re.match(self.s, pos)

    def inside_latin_word(self, i: int, j: int) -> bool:
        """Part of a longer Latin word or phrase (China-ASEAN Free Trade Area), or of a bracketed acronym."""
        before = self.s[max(0, i - 2) : i]
        after = self.s[j : j + 2]
        return bool(re.search(r"[A-Za-z\-]$|[A-Za-z] $|[(（]$", before) or re.match(r"^[A-Za-z\-]|^ [A-Za-z]|^[)）]", after))


class Findings:
    """The spans found so far and what they say (people, affiliation facts, aliases, evidence). The
    sources of evidence add to it one after another; the resolver decides which of them stay."""

    def __init__(self, text: ReportText):
        self.text = text
        self.persons: dict[str, Person] = {}
        self.mentions: list[Mention] = []
        self.facts: list[Fact] = []
        self.agencies: list[tuple[int, int]] = []
        self.agency_by_end: dict[int, tuple[int, int]] = {}
        self.titles: list[tuple[int, int]] = []
        self.title_by_start: dict[int, tuple[int, int]] = {}
        self.title_by_end: dict[int, tuple[int, int]] = {}
        self.kept_titles: set[tuple[int, int]] = set()
        self.aliases: dict[str, list[str]] = {}
        self.agency_aliases: dict[str, str] = {}  # short form → the agency it abbreviates (both as written)
        self.evidence: dict[tuple[int, int, str], list[str]] = {}  # (start, end, label) → why it was proposed
        self._title_starts: tuple[int, set[int]] = (-1, set())  # (how many titles, their starts)

    def agency_ending_at(self, pos: int) -> tuple[int, int] | None:
        return self.agency_by_end.get(pos)

    def set_agencies(self, spans) -> None:
        self.agencies = list(spans)
        self.agency_by_end = {a[1]: a for a in self.agencies}

    def note(self, i: int, j: int, label: str, why: str) -> None:
        """Record the evidence that proposed a span (shown in the review page)."""
        whys = self.evidence.setdefault((i, j, label), [])
        if why not in whys:
            whys.append(why)

    def evidence_table(self, mentions) -> list[list]:
        """[start, end, label, evidence] for every span kept, in the report's order."""
        spans = [(m.start, m.end, m.label) for m in mentions]
        spans += [(i, j, "TITLE") for i, j in self.kept_titles] + [(i, j, "AGENCY") for i, j in self.agencies]
        return [[i, j, lab, "; ".join(self.evidence.get((i, j, lab), ["rule"]))] for i, j, lab in sorted(set(spans))]

    def add_agency(self, span, replace=None, why: str = "") -> None:
        if why:
            self.note(*span, "AGENCY", why)
        if replace is not None and replace in self.agencies:
            self.agencies.remove(replace)
            self.agency_by_end.pop(replace[1], None)
        if self.agency_by_end.get(span[1]) != span:
            self.agencies.append(span)
            self.agency_by_end[span[1]] = span

    def add_person(self, key_start: int, key_end: int, mention: tuple[int, int], key: str | None = None, name: str | None = None, why: str = "") -> str:
        if why:
            self.note(*mention, "PERSON", why)
        s = self.text.s
        key = key or s[key_start:key_end]
        p = self.persons.get(key)
        if p is None:
            sl = surname_len(s, self.text.lex, key_start) if is_cjk(s[key_start]) else 0
            p = Person(key, mention[0], mention[1], key[:sl], key[sl:], name=name or self.text.a[key_start:key_end])
            self.persons[key] = p
        p.forms.append(mention)
        self.mentions.append(Mention("PERSON", mention[0], mention[1], key))
        return key

    def title_starts(self) -> set[int]:
        """Where the lexicon's titles start; the titles are found once, first, so this is cached."""
        if self._title_starts[0] != len(self.titles):
            self._title_starts = (len(self.titles), {t[0] for t in self.titles})
        return self._title_starts[1]

    def person_cover(self) -> set:
        return cover_of((m.start, m.end) for m in self.mentions if m.label == "PERSON")

    def after_chunk_end(self, i: int) -> bool:
        """The character before i ends an organisation or a title (本會王執行長雪虹, 主席羅委員致政)."""
        return i in self.agency_by_end or i in self.text.all_title_ends or (
            i > 0 and self.text.s[i - 1] in self.text.lex.single_suffixes
        )


def cover_of(spans) -> set[int]:
    """Every character offset inside the (start, end) spans."""
    return {k for i, j in spans for k in range(i, j)}
