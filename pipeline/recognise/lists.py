"""Names without a title beside them: enumerations, minutes lists, dotted names, credits,
bilingual pairs, Latin names, repeated names and the segmenter's nr signal."""

from __future__ import annotations

import bisect
import re

from ..lexicon import is_common_word, word_freq, word_tag
from ..shadow import simplify
from .text import BRACKETED_LATIN_NAME, CJK_CHARS, LATIN_HONORIFIC, LATIN_NAME, DOTTED, ENUMERATION, NAME_DOTS, SPEECH_AFTER_PRONOUN, is_cjk
from .context import Findings, ReportText, cover_of
from .facts import Fact
from .names import NameShapes

# A label naming people at the start of a line (講者：, 與談人：, 出席人員：, 貴賓：): the Latin names listed
# after it are people.
_PERSON_LABEL = re.compile(f"(?:^|\n)[ \t\u3000]*[{CJK_CHARS}]{{0,6}}[人者賓員][ \t\u3000]*[：:][ \t\u3000]*")
_HONORIFIC_BEFORE = re.compile(LATIN_HONORIFIC.pattern + "$")


class ListedNames:
    """Proposes people named without a title beside them, by the shape of the text around them
    (a list, a credit, a bracketed Latin form, an earlier mention)."""

    def __init__(self, text: ReportText, findings: Findings, names: NameShapes):
        self.text, self.findings, self.names = text, findings, names
        self.a, self.s, self.lex = text.a, text.s, text.lex
        self.tok_starts = text.tok_starts

    def _named_organisation(self, last_dot: int, j: int, end: int) -> bool:
        """An organisation suffix of two or more characters (大學, 集團) ends the dotted run or follows the
        name (…·塔奇諮詢集團), where no title does (約翰·史密斯部長)."""
        if j in self.findings.title_by_start or self.lex.title_re.match(self.s, j):
            return False
        found = (self.lex.suffix_re.match(self.s, k) for k in range(last_dot + 2, max(j, end) + 1))
        return any(m is not None and len(m.group()) >= 2 for m in found)

    def _words_joined(self, i: int, j: int) -> bool:
        """Dictionary words on both sides of the first dot (大展·當代): a title's parts, not a name's."""
        dot = i + re.search(f"[{NAME_DOTS}]", self.s[i:j]).start()
        before, after = self.text.tokens.ending_at(dot), self.text.tokens.covering(dot + 1)
        if before is None or after is None or after[0] != dot + 1:
            return False
        left, right = self.s[before[0] : dot], self.s[dot + 1 : after[1]]
        return all(len(w) >= 2 and is_common_word(w) and word_freq(w) >= 100 for w in (left, right))

    def _in_work_title(self, i: int, j: int) -> bool:
        """Inside 《…》 (a book, film or exhibition): its dotted parts name no one."""
        return self.text.open_work_title(i, 40) != -1 and "》" in self.s[j : j + 40]

    def find_listed_people(self):
        """Names listed without titles: enumerations (甲、乙及丙), spaced minutes lists, dotted names, credits."""
        taken = self.findings.person_cover()
        places = self.text.learned_spans["LOC"] + self.text.learned_spans["ORG"]
        pos = 0
        while m := DOTTED.search(self.s, pos):
            i, j = self.names.trim_dotted(*m.span())
            # 甲·乙和丙·丁 is matched as one run: after the first name, look again from where it ends
            pos = j if any(d in self.s[j : m.end()] for d in NAME_DOTS) else m.end()
            last_dot = max(self.s.rfind(d, i, j) for d in NAME_DOTS)
            tail = self.s[last_dot : j + 3]
            if (any(a < j and i < b and (a < i or b > j) for a, b in places) or any(h in tail for h in self.lex.named_after_heads)
                    or self._named_organisation(last_dot, j, m.end())):
                continue  # 雅克·卡蒂埃大橋, 西蒙·玻利瓦爾大學: a place or an organisation named after someone
            if self._in_work_title(i, j) or self._words_joined(i, j):
                continue  # 《花季·雨季》, 週刊·讀者之友: the parts of a work's title, words joined by a dot
            if not any(k in taken for k in range(i, j)) and not re.search(r"\d", self.s[i:j]):
                self.findings.add_person(i, j, (i, j), why="dotted name")
                taken.update(range(i, j))
        # enumerations: at least two items that are valid names make the others names too
        spans = sorted((m.start, m.end) for m in self.findings.mentions if m.label == "PERSON")
        agency_cover = cover_of(self.findings.agencies)
        for seg in ENUMERATION.finditer(self.s):
            self._list_items(seg.start(), seg.end(), taken, spans, agency_cover)
        # minutes lists separated by spaces
        for line in re.finditer(r"[^\n]+", self.a):
            items = [(line.start() + it.start(), line.start() + it.end()) for it in re.finditer(r"[^\s:：]+", line.group())]
            if len(items) >= 3:
                names = [it for it in items if self.names.valid_full_name(*it)]
                latin_words = [it for it in items if re.fullmatch(r"[A-Za-z.．·‧]+", self.s[it[0] : it[1]])]
                pairs = {it: pair for it in items if (pair := self._indigenous_pair(*it)) is not None}
                named = len(names) + len(pairs)
                if len(names) >= 3 and named >= 0.6 * (len(items) - len(latin_words)):
                    # in such a list, the other surname-initial items are names too, and a surname and
                    # one character spaced apart (余 天) are one name
                    listed = self._spaced_pairs(items) + [it for it in items if it in names or self._listed_name_ok(*it)
                                                          or self._married_name(*it)]
                    for span in sorted(set(listed)):
                        if not any(k in taken for k in range(*span)):
                            self.findings.add_person(*span, span, name=self.a[span[0] : span[1]], why="minutes list")
                            taken.update(range(*span))
                    for k, (i, j) in enumerate(items):
                        if (i, j) in pairs:
                            self._listed_with_indigenous_name(pairs[(i, j)], j, items[k + 1 : k + 3], taken)
        # a full name with an honorific (吳秀蘭女士): a person without a title
        for h in self.lex.honorifics_after_name:
            for m in re.finditer(re.escape(h), self.s):
                for n in (3, 4, 2):
                    i, j = m.start() - n, m.start()
                    if i >= 0 and self.names.valid_full_name(i, j) and (self.text.is_boundary_before(i) or self.text.starts_with_word(i - 2 if i >= 2 else 0, ("的",)) or i in self.tok_starts) and not any(k in taken for k in range(i, j)):
                        self.findings.add_person(i, j, (i, j), why="name + honorific")
                        taken.update(range(i, j))
                        break
        # photo credits: (… 某某攝)
        for m in re.finditer(r"(?<=[\s(（記者社])([^\s(（)）]{2,4})攝[)）]", self.s):
            i, j = m.span(1)
            if self.names.valid_full_name(i, j) and not any(k in taken for k in range(i, j)):
                self.findings.add_person(i, j, (i, j), why="photo credit")
                taken.update(range(i, j))

    def _organisation_goes_on(self, j: int) -> bool:
        """國發|會主委: the characters after the 'name' continue an organisation's name — unless they
        start a verb (李志明報導: 報 is a suffix of newspapers, 報導 the byline's verb)."""
        if (word_tag(self.s[j : j + 2]) or "").startswith("v"):
            return False
        return bool(self.lex.suffix_re.match(self.s, j)) or self.s[j : j + 1] in self.lex.single_suffixes or self.s[j : j + 1] == "会"

    def _listed_name_ok(self, i: int, j: int) -> bool:
        sl = self.names.surname_len(i)
        text = self.s[i:j]
        return bool(sl) and 1 <= j - i - sl <= 2 and all(is_cjk(c) for c in text) and not (
            is_common_word(text) or self.lex.title_re.search(text) or self.lex.suffix_re.search(text[-1:]))

    def _married_name(self, i: int, j: int) -> bool:
        """高林美玉 in a list of names: a husband's surname before the woman's own full name (冠夫姓)."""
        return (j - i == 4 and self.names.surname_len(i) == 1 and self.s[i + 1] in self.lex.surnames
                and self.s[i + 1 : i + 2] != self.s[i] and self._listed_name_ok(i + 1, j) and self.names.valid_full_name(i + 1, j))

    def _indigenous_pair(self, i: int, j: int) -> tuple[int, int] | None:
        """The Chinese name's span in an item of a Chinese name and a Latin one (陳文伍Saidai), else None."""
        m = re.match(f"([{CJK_CHARS}]{{2,4}})([A-Z][a-z]+(?:[.．·‧][A-Z][a-z]+)?)$", self.s[i:j])
        if not m or not (self.names.valid_full_name(i, i + m.end(1)) or self._listed_name_ok(i, i + m.end(1))):
            return None
        return i, i + m.end(1)

    def _listed_with_indigenous_name(self, pair: tuple[int, int], j: int, rest: list[tuple[int, int]], taken: set) -> None:
        """陳文伍Saidai Tanova, 廖國樑Sufin.Siluka in a list of names: a Chinese name (pair, in the item
        ending at j) and the indigenous name written after it in Latin letters, one person with two names."""
        ci, cj = pair
        le = j
        for k, e in rest:  # the Latin name's other words (up to two), each an item of its own
            if k - le > 1 or not re.fullmatch(r"[A-Z][a-z]+", self.s[k:e]):
                break
            le = e
        if any(x in taken for x in range(ci, le)):
            return
        key = self.findings.add_person(ci, cj, (ci, cj), why="minutes list (with an indigenous name)")
        self.findings.add_person(cj, le, (cj, le), key=key, why="minutes list (with an indigenous name)")
        self.findings.aliases.setdefault(key, []).append(self.a[cj:le])
        taken.update(range(ci, le))

    def _spaced_pairs(self, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
        pairs = []
        for (i, j), (k, m) in zip(items, items[1:]):
            if j - i == 1 and m - k == 1 and self.names.surname_len(i) == 1 and is_cjk(self.s[k]) and k - j <= 2:
                pairs.append((i, m))
        return pairs

    def _list_items(self, start: int, end: int, taken: set, spans: list[tuple[int, int]], agency_cover: set):
        """One enumeration's names. spans: the person mentions so far, sorted (kept so as each list is
        added to it: the lists of a long report are looked up, not rescanned)."""
        lo, hi = bisect.bisect_left(spans, (start - 8, -1)), bisect.bisect_right(spans, (end + 8, end + 9))
        person_spans = {sp for sp in spans[lo:hi] if sp[1] <= end + 8}
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
                m = re.match(f"([{CJK_CHARS}．·.•・]{{2,8}}?)(?:及|和|與|以及)([{CJK_CHARS}．·.•・]{{2,8}})", self.s[i:j])
                if m:
                    expanded.append((i + m.start(1), i + m.end(1)))
                    expanded.append((i + m.start(2), i + m.end(2)))
                    continue
            expanded.append((i, j))
        items, unread = [], 0
        for k, (i, j) in enumerate(expanded):
            core = re.match(f"[{CJK_CHARS}．·.•・]+", self.s[i:j])
            if not core:
                continue
            i2, j2 = i, i + core.end()
            closing = self.s.find("等", i2 + 2, j2)
            if closing != -1:
                j2 = closing  # 丁等人, 丁等三人: 等 closes the list; no given name holds it
            while j2 - i2 > 2 and self.s[j2 - 1] in "及和與等":
                j2 -= 1  # 丙及 / 丁等: the conjunction or 等 belongs to the list, not the name
            if k > 0 and j2 - i2 > 4 and not re.search(r"[.．·‧•・]", self.s[i2:j2]):
                # the last item may run on into the sentence (丙分享心得): keep the name at its start
                n = next((n for n in (4, 3, 2) if self.names.valid_full_name(i2, i2 + n) and not self._organisation_goes_on(i2 + n)), 0)
                if n == 3 and self.s[i2 + 2] in self.lex.strong_followers and self.names.valid_full_name(i2, i2 + 2):
                    n = 2  # 丁松、李菊均在…: 均 ('all') begins the predicate, no third character
                learned = self.text.learned_per_start.get(i2)
                if n and (self.text.starts_with_word(i2 + n, self.lex.name_followers + SPEECH_AFTER_PRONOUN)
                          or is_common_word(self.s[i2 + n : i2 + n + 2])):
                    j2 = i2 + n
                elif learned and learned[1] <= j2:
                    j2 = learned[1]  # 丙各進一球: the learned tagger's name ends where the sentence goes on
                elif not (i2, j2) in person_spans:
                    unread += 1
                    continue  # no name can be told from the words after it (it still counts as an item)
            if k == 0:  # the first item may carry the words that introduce the list
                for n in (4, 3, 2):
                    if self.names.valid_full_name(j2 - n, j2) or (j2 - n, j2) in person_spans:
                        i2 = j2 - n
                        break
                else:
                    continue
            items.append((i2, j2))
        if len(items) < 2:
            return
        namey = [it for it in items if it in person_spans or self.names.valid_full_name(*it)]
        if len(namey) < 2 or len(namey) < 0.5 * (len(items) + unread):
            return
        for i, j in items:
            i = self._after_role_word(i, j)
            text = self.s[i:j]
            if any(k in taken or k in agency_cover for k in range(i, j)) or not 2 <= j - i <= 7:
                continue
            if is_common_word(text) or self.lex.title_re.search(text) or self.lex.suffix_re.search(text[-3:]):
                continue
            if re.match(r"[\d０-９一二三四五六七八九十兩]", text) and not self.names.surname_len(i):
                continue  # 甲為第一、二、三單打: a numeral opens an item that is no name
            self.findings.add_person(i, j, (i, j), why="enumerated list")
            bisect.insort(spans, (i, j))
            taken.update(range(i, j))

    def _after_role_word(self, i: int, j: int) -> int:
        """導演甲、主演乙: an item that is no name itself but ends in one the learned tagger reads,
        after an ordinary word (a role in a credit list), starts where the name starts."""
        if self.names.valid_full_name(i, j):
            return i
        a, _ = self.text.learned_per_end.get(j, (i, j))
        return a if i < a and j - a >= 2 and is_common_word(self.s[i:a]) else i

    def find_bilingual_people(self):
        """A Chinese rendering followed by the Latin name in brackets (or the reverse): one person,
        the other form an alias — 史密斯（John Smith）, John Smith（史密斯）."""
        taken = self.findings.person_cover()
        title_ends = {t[1] for t in self.findings.titles}
        pat = re.compile(f"([{CJK_CHARS}．·‧•・]{{2,10}})(?={BRACKETED_LATIN_NAME.pattern})")
        for m in pat.finditer(self.s):
            bracket = BRACKETED_LATIN_NAME.match(self.s, m.end())
            latin = bracket.group(1)
            one_word = not re.search(r"[ \-]", latin)
            if not self.names.latin_ok(latin):
                continue
            i, j = m.span(1)
            # the Chinese form starts after a title or a boundary inside the run
            for k in range(i, j - 1):
                suffix = self.lex.suffix_end_re.search(self.s, i, k) if k - i >= 3 else None
                ends_org = suffix is not None and len(suffix.group()) >= 2  # 議會 + a name
                if k in title_ends or k in self.findings.agency_by_end or ends_org or (k > i and self.text.is_boundary_before(k)):
                    i = k  # 議會史都華（…）: the Chinese form starts after a title or an organisation
            t = self.lex.title_re.search(self.s, max(i, j - 6), j)
            trailing_title = None
            if t and t.end() == j and t.start() - i >= 2:
                j = t.start()  # 施密特團長（Hans Schmidt）: the title after the name is no part of it
                trailing_title = t.span()
            if j - i < 2 or self.lex.title_re.fullmatch(self.s[i:j]) or self.lex.suffix_re.search(self.s[j - 1 : j]):
                continue
            existing = next((mm for mm in self.findings.mentions if mm.label == "PERSON" and mm.end == j and m.start(1) <= mm.start), None)
            key = existing.entity if existing else None
            if key is None and one_word:
                continue  # 台灣(Taiwan): one Latin word names a person only after a name found on other evidence (某某羅(Diallo))
            if key is None:
                if any(x in taken for x in range(i, j)):
                    continue
                key = self.findings.add_person(i, j, (i, j), why="bilingual pair")
            ls, le = bracket.span(1)
            if not any(x in taken for x in range(ls, le)):
                self.findings.add_person(ls, le, (ls, le), key=key, why="bilingual pair")
            self.findings.aliases.setdefault(key, []).append(self.a[ls:le])
            taken.update(range(i, le))
            if trailing_title and trailing_title not in self.findings.kept_titles:
                self.findings.facts.append(Fact(key, trailing_title, self.findings.agency_ending_at(i), self.text.is_former(i), 0))
                self.findings.kept_titles.add(trailing_title)
        pat2 = re.compile(f"({LATIN_NAME.pattern})[（(]([{CJK_CHARS}．·‧•・]{{2,8}})[）)]")
        for m in pat2.finditer(self.s):
            if not self.names.latin_ok(m.group(1)) or any(x in taken for x in range(m.start(), m.end())):
                continue
            if self.lex.title_re.search(m.group(2)) or any(a < m.end(2) and m.start(2) < b for a, b in self.findings.agencies):
                continue  # John Smith（某銀行處長）: the bracket gives the office, not a Chinese form of the name
            key = self.findings.add_person(*m.span(1), m.span(1), why="bilingual pair")
            self.findings.add_person(*m.span(2), m.span(2), key=key, why="bilingual pair")
            self.findings.aliases.setdefault(key, []).append(self.a[m.start(2) : m.end(2)])
            taken.update(range(m.start(), m.end()))

    def find_latin_people(self):
        taken = self.findings.person_cover()
        known = {p.key: p.key for p in self.findings.persons.values()}
        for key, forms in self.findings.aliases.items():
            for f in forms:
                known.setdefault(simplify(f), key)
        listed = self._latin_names_after_person_labels()
        for m in LATIN_NAME.finditer(self.s):
            name = m.group()
            if any(k in taken for k in range(*m.span())):
                continue
            why = "Latin name seen before" if name in known else self._latin_person_evidence(m.start(), m.end(), listed)
            if why and (name in known or self.names.latin_ok(name)):
                self.findings.add_person(*m.span(), m.span(), key=known.get(name), why=why)
                taken.update(range(*m.span()))

    def _latin_names_after_person_labels(self) -> set[int]:
        """Starts of the Latin names listed right after a label naming people (講者：Dr. A B、C D)."""
        starts = set()
        for label in _PERSON_LABEL.finditer(self.s):
            pos = label.end()
            while m := LATIN_NAME.match(self.s, (h.end() if (h := LATIN_HONORIFIC.match(self.s, pos)) else pos)):
                starts.add(m.start())
                sep = re.match(r"\s*(?:[、，,;；]|and\b|及|與|和)\s*", self.s[m.end() : m.end() + 6])
                if not sep:
                    break
                pos = m.end() + sep.end()
        return starts

    def _latin_person_evidence(self, i: int, j: int, listed: set[int]) -> str | None:
        """Why the Latin words at [i, j) name a person, or None: an honorific before them (Dr., Mr.), a
        label naming people before them, or their office in brackets after them (A B（某銀行處長））."""
        if _HONORIFIC_BEFORE.search(self.s, max(0, i - 20), i):
            return "Latin name after an honorific"
        if i in listed:
            return "Latin name after a label naming people"
        bracket = re.match(r"\s*[(（]([^()（）\n]{2,40})[)）]", self.s[j : j + 44])
        if bracket and self.lex.title_re.search(bracket.group(1)):
            return "Latin name before its office in brackets"
        return None

    def find_repeated_names(self):
        """Every later occurrence of a full name found by a pattern is a mention of that person."""
        taken = self.findings.person_cover()
        agency_cover = cover_of(self.findings.agencies)
        keys = sorted((k for k in self.findings.persons if len(k) >= 2), key=len, reverse=True)
        if not keys:
            return
        for m in re.finditer("|".join(map(re.escape, keys)), self.s):
            i, j = m.span()
            if any(k in taken or k in agency_cover for k in range(i, j)):
                continue
            self.findings.add_person(i, j, (i, j), key=m.group(), why="repeated name")
            taken.update(range(i, j))

    def find_nr_people(self):
        """jieba's nr tag as a signal: a surname-initial three-character token that then speaks."""
        taken = self.findings.person_cover()
        for i, j in self.text.nr_tokens:
            if j - i != 3 or any(k in taken for k in range(i, j)) or not self.names.valid_full_name(i, j):
                continue
            if self.text.starts_with_word(j, ("表示", "指出", "說", "認為", "強調", "致詞", "提到")):
                self.findings.add_person(i, j, (i, j), why="segmenter nr tag + speech verb")
                taken.update(range(i, j))
