"""Name shapes: what a Chinese, Latin or dotted full name looks like, and where a name sits
beside a title (before it, after it, split by it)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon import holds_common_word, is_common_word, word_freq, word_tag
from .text import CELL_GAP, CJK_CHARS, DOTTED, LATIN_HONORIFIC, LATIN_NAME, NAME_DOTS, NAME_GAP, is_cjk

# a transliteration and, in brackets, the Latin name of two words or more (佛訥(Edwin J. Feulner))
_NAME_BEFORE_LATIN = re.compile(rf"([{CJK_CHARS}]{{2,5}})[（(][A-Z][a-z]+\.?(?:[ \-][A-Z][a-z]*\.?){{1,3}}[）)]")

if TYPE_CHECKING:
    from .context import Findings, ReportText


def surname_len(s: str, lex, pos: int) -> int:
    """Length of the surname at pos: compound (歐陽, 令狐), with a Vietnamese middle (阮氏), single."""
    if s[pos : pos + 2] in lex.compound_surnames:
        return 2
    if s[pos : pos + 1] in lex.surnames:
        if s[pos + 1 : pos + 2] in lex.name_middles and is_cjk(s[pos + 2 : pos + 3]):
            return 2
        return 1
    return 0


class NameShapes:
    """Checks of name shapes over the report's text, consulting the findings (an organisation or a
    title beside a name bounds it). They add no span: the components that call them do; they only
    note when the learned tagger bounded the name they return."""

    def __init__(self, text: ReportText, findings: Findings):
        self.text, self.findings = text, findings
        self.a, self.s, self.lex, self.tokens = text.a, text.s, text.lex, text.tokens
        self.tok_starts, self.tok_ends = text.tok_starts, text.tok_ends
        self._nr_set: frozenset | None = None  # the segmenter's person-name tokens, built on first use

    def name_given_ok(self, given: str) -> bool:
        return bool(given) and all(is_cjk(c) and c not in self.lex.not_given for c in given)

    def _dictionary_name_read(self, i: int, j: int) -> bool:
        """The dictionary holds the word, but both models read a person's name there (橋本龍太郎): a
        public figure's name, not an ordinary word (two- and three-character words are too often
        read so: 金星, 田頭)."""
        return j - i >= 4 and self.text.learned_per_start.get(i) == (i, j) and self.tokens_read_as_name(i, j)

    def _given_after_compound_ok(self, given: str) -> bool:
        """After a two-character surname a given name may hold 和, 也, 由 (片山和之, 某某達也)."""
        return all(is_cjk(c) and (c not in self.lex.not_given or c in self.lex.given_after_compound) for c in given)

    def surname_len(self, pos: int) -> int:
        return surname_len(self.s, self.lex, pos)

    def valid_full_name(self, i: int, j: int) -> bool:
        """A Chinese full name at [i, j): surname + 1–2 given characters, not a dictionary word.
        Vietnamese names carry 氏 after the surname (阮氏秋恒)."""
        if i < 0 or j > len(self.s) or not 2 <= j - i <= 5:
            return False
        sl = self.surname_len(i)
        if not sl or not 1 <= (j - i - sl) <= 2 and not (sl == 2 and j - i == 5 and self.text.learned_per_start.get(i) == (i, j)):
            return False  # (a Japanese given name of three characters where the learned tagger reads it: 橋本龍太郎)
        given = self.s[i + sl : j]
        if not self.name_given_ok(given) and not (sl == 2 and self._given_after_compound_ok(given)):
            return False
        name = self.s[i:j]
        if is_common_word(name) and not self._dictionary_name_read(i, j) or name in self.lex.not_agency:
            return False
        if self.function_word_start(i) and self.text.learned_per_start.get(i) is None:
            return False  # 總統和夫人: the conjunction, not the surname 和
        if sl == 1 and j - i >= 3 and self.s[i + 1] == self.s[i]:
            return False  # 謝謝賴 + 委員: a doubled character (謝謝, 常常) starts a word, not a surname and its name
        if given in self.lex.honorifics_after_name or given in self.lex.address_terms:
            return False  # 高女士, 陳老師, 林某: a surname and an honorific or a term of address
        if len(given) == 2 and word_freq(given) >= self.lex.given_max_word_freq:
            return False  # 蔡政府, 李文化: a very frequent word is no given name
        if word_tag(name) == "ns" or self.text.is_place(i, j) and not self._learned_place_after_title(i, j):
            return False  # 高雄 + 市長: a place (in the dictionary, a place token or a learned LOC), not a name
        if any(self.s[i : i + n] in self.lex.countries for n in range(j - i + 1, 7)):
            return False  # 總理巴基斯|坦: the start of a country's name
        head_tag = word_tag(name[:2]) or ""
        if j - i >= 3 and sl == 1 and is_common_word(name[:2]) and word_freq(name[:2]) >= (40 if head_tag.startswith(("v", "d", "c", "p")) else 200):
            return False  # 包括吳…, 陸續退…: the 'surname' starts an ordinary word
        if i > 0 and is_cjk(self.s[i - 1]) and is_common_word(self.s[i - 1 : i + 1]) and word_freq(self.s[i - 1 : i + 1]) >= 200 \
                and not (i in self.text.all_title_ends and i in self.tok_starts and not is_common_word(name[:2])):
            return False  # 非常重視: the 'surname' ends an ordinary word (not 次長|江某某: a title ends there)
        if self._cut_by_tokens(i, j, sl):
            return False
        if self.lex.title_re.fullmatch(name) or self.lex.title_re.match(self.s, i + sl, j):
            return False
        return True

    def _cut_by_tokens(self, i: int, j: int, sl: int) -> bool:
        """What the segmenter reads here says no name starts at i: a place token of three characters or
        more runs on from before it, or a name token ends inside it (克|林某|當 + 總統; not 高|金某某, one
        name with a husband's surname before it), the 'surname' is a function word of
        its own (都|來|找 + 主任), or the first two characters are a verb token (陳述|同中國). The
        learned tagger reading a name at i overrides it."""
        if self.text.learned_per_start.get(i) is not None:
            return False
        tok = self.tokens.covering(i)
        if tok is None:
            return False
        start, end, tag = tok
        if start < i and end - start >= 3 and all(is_cjk(c) for c in self.s[start:i]) and (
                tag.startswith("ns") and not self._title_tail(start, i) or tag.startswith("nr") and end < j):
            return True
        if start == i and sl == 1 and end == i + 1 and tag in ("d", "p", "c") and i > 0 and is_cjk(self.s[i - 1]):
            return True
        return start == i and end == i + 2 and j - i >= 3 and sl == 1 and tag == "v" and word_freq(self.s[i:end]) >= 40

    def _title_tail(self, start: int, i: int) -> bool:
        """署|長莊某某 read as a place: the token begins with the end of a title that ends at i."""
        return i in self.text.all_title_ends and i - start <= 2

    def _learned_place_after_title(self, i: int, j: int) -> bool:
        """發言人歐江安: three characters of a surname shape right after a title that only the learned
        tagger reads as a place (no dictionary word, country or county) name the title's holder; so
        does a listed two-character surname with its given name (代表片山和也)."""
        if i not in self.text.all_title_ends or self.s[i:j] in self.lex.countries or self.s[i:j] in self.lex.taiwan_places:
            return False
        if self.surname_len(i) == 2 and 3 <= j - i <= 4 and self.s[i + 2 : j] and word_tag(self.s[i:j]) is None:
            return True  # 代表片山|和也: a listed two-character (Japanese) surname the models read as a place
        return j - i == 3 and word_tag(self.s[i:j]) is None

    def function_word_start(self, i: int) -> bool:
        """The 'surname' at i is a conjunction or preposition after another character (大使和來賓)."""
        return self.s[i : i + 1] in self.lex.function_surnames and i > 0 and is_cjk(self.s[i - 1])

    def _short_name_agreed(self, i: int, j: int) -> bool:
        """A two-character name (surname + one character) is as often the start of a word (院長施政,
        晉見): where the learned tagger runs, it must read a name there too."""
        if not self.text.has_learned_tagger:
            return True  # no learned tagger configured: the shapes decide alone
        return any(a <= i and j <= b for a, b in self.text.learned_spans["PER"]) or self.text.learned_per_start.get(i) is not None

    def punctuation_bounded_name(self, i: int, j: int) -> bool:
        """SURNAME + two given characters closed by a list separator or punctuation: there no date or
        ordinal can be meant, so characters excluded from given names in running text (年, 其) are
        allowed (王柏年、, 林其昌，)."""
        if j >= len(self.s) or self.s[j] not in "、，,。；;）)（(" or self.s[j - 1] in self.lex.learned_name_trailers:
            return False  # (記者李明攝）: a credit, not a third character)
        sl = self.surname_len(i)
        given = self.s[i + sl : j]
        if not sl or len(given) != 2 or not all(is_cjk(c) for c in given):
            return False
        if any(c in self.lex.not_given and c not in self.lex.given_in_bounded_names for c in given):
            return False
        name = self.s[i:j]
        return not (is_common_word(name) or self.lex.title_re.search(name) or self.lex.suffix_re.search(name[-1:]))

    def transliterated_name_ok(self, i: int, j: int) -> bool:
        """A learned-tagger name beside a title without a Chinese surname shape (佐田健太, 莫拉雷斯, 席爾瓦):
        two to six CJK characters, no title, organisation suffix or ordinary word inside. A place word or a
        rare word of the dictionary that the tagger reads as a name here is one (秘書長安南: no learned
        place there; 館長賽伯);
        so is a name that ends in a suffix character after syllables that hold no word (盧卡申科)."""
        text = self.s[i:j]
        if not 2 <= j - i <= 6 or not all(is_cjk(c) for c in text) or self.text.is_place(i, j):
            return False
        read_as_name = self.text.learned_per_start.get(i) == (i, j)
        word_read_as_name = read_as_name and (word_tag(text) == "ns" or word_freq(text) <= self.lex.rare_word_max_freq)
        if (is_common_word(text) or word_tag(text) == "ns") and not word_read_as_name:
            return False
        if self.lex.title_re.search(text) or text in self.lex.not_agency:
            return False
        if (j - i == 4 and self.surname_len(i) == 1 and self.valid_full_name(i, j - 1)
                and is_common_word(self.s[j - 1 : j + 1]) and word_freq(self.s[j - 1 : j + 1]) >= 100):
            return False  # 賴某明|質詢: a Chinese name and the first character of the verb after it, no transliteration
        if read_as_name and j - i >= 3 and self.tokens_read_as_name(i, j):
            return True  # 阿部健, 岡部健: both models read a name, though it holds the suffix character 部 (司馬 + title is a short form)
        head = text[:-1] if j - i >= 4 and text[-1] in self.lex.single_suffixes and not holds_common_word(text[:-1]) else text
        return not self.lex.suffix_re.search(head)

    def tokens_read_as_name(self, i: int, j: int) -> bool:
        """The segmenter reads [i, j) as one person-name token too."""
        if self._nr_set is None:
            self._nr_set = frozenset(self.text.nr_tokens)
        return (i, j) in self._nr_set

    def _name_starts_chunk(self, i: int) -> bool:
        return self.text.is_boundary_before(i) or bool(self.findings.agency_ending_at(i)) or self.s[i - 1 : i] in ("的", "、") or i in self.text.all_title_ends

    def _name_ends_chunk(self, j: int) -> bool:
        nxt = self.s[j : j + 1]
        return (not nxt or not is_cjk(nxt) or nxt in "、及和与等" or j in self.tok_ends or bool(self.lex.title_re.match(self.s, j))
                or bool(self.text.starts_with_word(j, self.lex.honorifics_after_name)))

    def latin_ok(self, name: str) -> bool:
        return not any(w in self.lex.latin_not_name for w in re.split(r"[ \-]", name))

    def name_before_title(self, ts: int) -> tuple[int, int] | None:
        # Latin name directly before the title
        m = re.search(f"({LATIN_NAME.pattern})[ ]?$", self.s[max(0, ts - 40) : ts])
        if m and self.latin_ok(m.group(1)):
            end = ts - (len(m.group(0)) - len(m.group(1)))
            return end - len(m.group(1)), end
        m = re.search(f"{DOTTED.pattern}$", self.s[max(0, ts - 30) : ts])
        if m:
            return self.trim_dotted(ts - len(m.group()), ts)
        if self.findings.agency_ending_at(ts):
            return None
        fused = self.findings.agency_by_end.get(ts + 1)
        if fused and fused[0] < ts and self.s[ts] in self.lex.fused:
            return None  # 向行政院長: the characters before the title end an organisation fused with it
        options = []
        for n in (3, 4, 2):
            i = ts - n
            if i < 0:
                continue
            if n == 3 and self.s[i] in self.lex.single_suffixes and self.valid_full_name(i + 1, ts) and self.surname_len(i) != 2:
                continue  # 組織司連澤 + 專門委員: the 司 closes the organisation (but 司馬 is a surname)
            if self.valid_full_name(i, ts) and not self.text.crosses_place(i, ts):
                options.append((i, ts))
        lac = self.text.learned_per_end.get(ts)
        foreign = self.transliteration_before(ts)
        if foreign and not (lac and lac[0] <= foreign[0]) and (not options or foreign[0] < min(i for i, _ in options)):
            return foreign  # longer than a Chinese name (拉赫某夫 is no 莫 + 某夫), or no model reads it
        if not options:
            return lac if lac and self.transliterated_name_ok(*lac) and self._name_starts_chunk(lac[0]) else None
        if lac in options or (lac and (self.valid_full_name(*lac) or self.transliterated_name_ok(*lac)) and self._name_starts_chunk(lac[0])):
            self.findings.note(*lac, "PERSON", "bounded by learned PER (LAC)")
            return lac  # the learned tagger agrees with one of the shapes, or bounds a name they cannot read
        i, j = options[0]
        if j - i == 2 and not (self.text.is_boundary_before(i) or self.findings.agency_ending_at(i) or self.text.suffix_before(i)):
            return None
        org_before = (self.findings.agency_ending_at(i) or self.text.suffix_before(i)) and not word_freq(self.s[i:j])
        if j - i == 2 and not org_before and not self._short_name_agreed(i, j):
            return None  # (ORG + NAME + TITLE is shape enough for a non-word: 某司林澤專門委員; not for 晉見)
        return i, j

    def name_after_title(self, te: int) -> tuple[int, int] | None:
        gap = NAME_GAP.match(self.s, te)
        p = gap.end() if gap else te
        if gap and gap.group() in (":", "：") and re.match(r"\S{2,4}[ \u3000]+\S", self.a[p : p + 12]):
            return None  # 出席委員：甲 乙 丙 — a list header, not each person's title
        if any(self.findings.agency_by_end.get(p + n, (-1,))[0] == p for n in range(2, 13)):
            return None  # 發言人：衛福部 曾次長: an organisation follows the title, not its holder's name
        honorific = LATIN_HONORIFIC.match(self.s, p)
        m = LATIN_NAME.match(self.s, honorific.end() if honorific else p)
        if m and self.latin_ok(m.group()):
            return m.span()
        m = DOTTED.match(self.s, p)
        if m and not re.search(r"\d", m.group()):
            return self.trim_dotted(*m.span())  # 代表黛薇‧卡蒂卡: a dotted name after its title
        sl = self.surname_len(p)
        lac = self.text.learned_per_start.get(p)
        title_starts = self.findings.title_starts()
        if sl and self.punctuation_bounded_name(p, p + sl + 2) and not any(k in title_starts for k in range(p + 1, p + sl + 2)):
            return p, p + sl + 2  # 經理林水生、…: the given name runs to the punctuation (before the model's cut)
        whole = (p, p + sl + 2)
        if sl and lac and lac[1] == whole[1] - 1 and self.s[whole[0] : whole[1]] in self.text.learned_names \
                and self.valid_full_name(*whole) and not any(k in title_starts for k in range(p + 1, whole[1])):
            self.findings.note(*whole, "PERSON", "the name as the learned tagger reads it elsewhere in the report")
            return whole  # 藍委黃雅|徽質詢 cut short here, 黃雅徽 read whole in another sentence
        if sl and lac and lac[1] == whole[1] - 1 and self._segmenter_keeps_third(p, sl, whole) \
                and self.valid_full_name(*whole) and not any(k in title_starts for k in range(p + 1, whole[1])):
            self.findings.note(*whole, "PERSON", "the segmenter reads the third character as part of the name")
            return whole
        foreign = self.transliteration_at(p)
        if foreign and foreign[1] - foreign[0] >= 4 and not (lac and lac[1] >= foreign[1]):
            return foreign  # longer than a Chinese name (康斯坦丁內斯庫 is no 康 + 斯坦), or longer than the model read
        if lac and not any(k in title_starts for k in range(p + 1, lac[1])) and self._name_ends_chunk(lac[1]):
            if (sl and self.valid_full_name(*lac)) or self.transliterated_name_ok(*lac):
                self.findings.note(*lac, "PERSON", "bounded by learned PER (LAC)")
                return lac  # the learned tagger bounds the name (王大明教授, not 王大; 參議員莫拉雷斯)
        if not sl:
            return self._name_before_latin(p) or foreign
        long_, short = (p, p + sl + 2), (p, p + sl + 1)
        if lac and lac[1] in (long_[1], short[1]) and self.valid_full_name(*lac) and not any(k in title_starts for k in range(p + 1, lac[1])):
            return lac
        follower_after_short = self.text.starts_with_word(short[1], self.lex.name_followers)
        long_ok = self.valid_full_name(*long_) and not any(k in title_starts for k in range(p + 1, long_[1]))
        strong = self.s[short[1] : short[1] + 1] in self.lex.strong_followers
        japanese_given = sl == 2 and self.s[short[1] : short[1] + 1] in self.lex.given_after_compound  # 片山和|也 is 和也
        if long_ok and follower_after_short and not japanese_given and (strong or not any(a == p and b == long_[1] for a, b in self.text.nr_tokens)):
            long_ok = False  # 代表張明因須…: the third character begins the next word
        glued = self.s[long_[1] - 1 : long_[1] + 1]
        after = self.s[long_[1] : long_[1] + 2]
        if (long_ok and len(glued) == 2 and is_common_word(glued) and word_freq(glued) >= 1000
                and not (word_tag(glued) or "").startswith(("m", "q")) and not is_common_word(after)):
            long_ok = False  # 總理李強今天…: the third character starts 今天
        if long_ok:
            return long_
        if self.valid_full_name(*short) and not any(k in title_starts for k in range(p + 1, short[1])) and self._short_name_agreed(*short):
            nxt = self.s[short[1] : short[1] + 1]
            if not nxt or not is_cjk(nxt) or follower_after_short or (p in self.tok_starts and short[1] in self.tok_ends):
                return short
        return None

    def _segmenter_keeps_third(self, p: int, sl: int, whole: tuple[int, int]) -> bool:
        """The learned tagger cut the name before its last character (魏某|家今（5）日, 王某|全主持): the
        segmenter reads the whole as one name token, or the last character as a token of its own that is
        no word following names, right before a verb or a time word."""
        i, j = whole
        if self.s[j - 1] in self.lex.learned_name_trailers:
            return False  # (記者周某攝: a credit mark, not a third character)
        if self.tokens_read_as_name(i, j):
            return True
        last, nxt = self.tokens.covering(j - 1), self.tokens.covering(j)
        c = self.s[j - 1]
        if last is None or last[:2] != (j - 1, j) or nxt is None or nxt[0] != j:
            return False
        if c in self.lex.strong_followers or c in self.lex.name_single_followers or self.text.starts_with_word(j - 1, self.lex.name_followers):
            return False
        return (nxt[2].startswith("v") and not nxt[2].startswith("vn") and nxt[1] - nxt[0] >= 2) or nxt[2].startswith("t") or (
            nxt[2].startswith("ns") and self._date_at(nxt[1]))  # 記者吳某|豪|台北|3日電: a dateline follows

    def _date_at(self, k: int) -> bool:
        """A date or time word starts at ``k`` (the dateline of a byline: 台北3日電)."""
        tok = self.tokens.covering(k)
        return tok is not None and tok[0] == k and (tok[2].startswith("t") or self.s[k : k + 1].isdigit())

    def transliteration_at(self, p: int) -> tuple[int, int] | None:
        """總理內塔尼亞胡，, 總統康斯坦丁內斯庫批准: right after a title, three to ten syllables used in
        transliterations that make no dictionary word, place or country and end where a word ends are a
        foreign name, though no model reads it (they split or miss such names)."""
        j, syllables = p, self.lex.transliteration_syllables
        while j < len(self.s) and self.s[j] in syllables and j - p < 10:
            j += 1
        if j - p < 3 or not self._name_ends_chunk(j) or self.s[j : j + 1] in syllables or not self._foreign_run_ok(p, j, after_title=True):
            return None
        self.findings.note(p, j, "PERSON", "transliterated syllables after a title")
        return p, j

    def transliteration_before(self, ts: int) -> tuple[int, int] | None:
        """某約亞總統, 以拉赫某夫總統為首: three to ten transliteration syllables right before a title, after
        a character that is none, are the foreign name of its holder on the same terms as after a title."""
        i, syllables = ts, self.lex.transliteration_syllables
        title_ends = self.text.all_title_ends
        while i > 0 and self.s[i - 1] in syllables and ts - i < 10 and i not in title_ends:
            i -= 1
        if ts - i < 3 or (i > 0 and self.s[i - 1] in syllables and i not in title_ends) or not self._foreign_run_ok(i, ts, after_title=False):
            return None
        if any(k in self.text.learned_org_cover for k in range(i, ts)):
            return None  # 歐某克秘書長: the learned tagger reads an organisation there
        self.findings.note(i, ts, "PERSON", "transliterated syllables before a title")
        return i, ts

    def _foreign_run_ok(self, i: int, j: int, after_title: bool) -> bool:
        """Syllables [i, j) that make no dictionary word (except a proper noun), hold no frequent one
        (謝謝|某 + 署長), and make no title, place or country. After a title, a place only the learned
        tagger reads there, no dictionary word, is no veto: it tags foreign names as places (主席阿某法特);
        before a title it stays one (a country or city before its head of state or mayor is the rule)."""
        run = self.s[i:j]
        if is_common_word(run) and not (word_tag(run) or "").startswith(("nr", "nz")) or self.lex.title_re.search(run):
            return False  # (the dictionary holds some foreign names as proper nouns)
        if not (word_tag(run) or "").startswith("nr") and any(
                word_freq(run[x:y]) >= 1000 for x in range(len(run)) for y in range(x + 2, len(run) + 1)):
            return False
        if any(run.startswith(c) or run.endswith(c) for c in self.lex.countries) or run in self.lex.taiwan_places:
            return False  # 總理|巴基斯坦: countries are transliterations too
        learned_only = after_title and (i, j) in self.text.places and not is_common_word(run)
        covering_place = any((a, b) in self.text.places for a in range(max(0, i - 8), i + 1) for b in range(j, j + 9))
        return learned_only or not covering_place

    def whole_name(self, i: int, j: int) -> bool:
        """[i, j) is one person's name: a Chinese full name, or the learned tagger's name there."""
        return self.valid_full_name(i, j) or self.text.learned_per_start.get(i) == (i, j)

    def _name_before_latin(self, p: int) -> tuple[int, int] | None:
        """創辦人佛訥(Edwin Feulner): a transliteration right after the title that the same name in Latin
        letters follows in brackets is the person, though no model reads it."""
        m = _NAME_BEFORE_LATIN.match(self.s, p)
        if not m or not self.transliterated_name_ok(*m.span(1)) or is_common_word(m.group(1)):
            return None
        self.findings.note(*m.span(1), "PERSON", "a name after its title, its Latin form in brackets")
        return m.span(1)

    def name_in_next_cell(self, ts: int, te: int) -> tuple[int, int] | None:
        """A title alone in its cell of a table row, or after the organisation in its cell, the cells
        apart by spaces (內政部  部長  王大明, 經濟部部長  王大明): the next cell, when it is a whole name,
        is its holder."""
        before = self.s[ts - 1 : ts]
        gap = CELL_GAP.match(self.s, te)
        fused = self.findings.agency_by_end.get(ts + 1) if self.s[ts : ts + 1] in self.lex.fused else None
        if not gap or (before and before not in " \u3000\t\n" and not self.findings.agency_ending_at(ts) and not fused):
            return None
        p = gap.end()
        cell = re.match(r"[^\s，。、；：,;:]{2,12}", self.s[p : p + 12])
        if not cell:
            return None
        i, j = p, p + cell.end()
        nxt = self.s[j : j + 1]
        if nxt and nxt not in " \u3000\t\n，。、；,;":
            return None
        if self.valid_full_name(i, j) or self.text.learned_per_start.get(i) == (i, j) or self.punctuation_bounded_name(i, j):
            return i, j
        dotted = DOTTED.fullmatch(self.s, i, j)
        return (i, j) if dotted else None

    def split_name(self, ts: int, te: int):
        sl = 2 if ts >= 2 and self.s[ts - 2 : ts] in self.lex.compound_surnames else (1 if ts >= 1 and self.s[ts - 1] in self.lex.surnames else 0)
        if not sl:
            return None
        ss = ts - sl
        given = self.s[te : te + 2]
        if sl == 1 and self.s[ss] in self.lex.function_surnames:
            return None  # 甲和副主席某某: a conjunction before the title, no surname
        nr_signal = (self.tokens.tag_at(ss, "").startswith("nr") and (ss + sl) in self.tok_starts) or (
            self.tokens.tag_at(te, "").startswith("nr") and (te + 2) in self.tok_ends)
        if not (self.text.is_boundary_before(ss) or ss in self.findings.agency_by_end  # (工業局|林: the segmenter's 局林)
                or ss in self.tok_starts and (self.findings.after_chunk_end(ss) or nr_signal)):
            return None
        gtag = word_tag(given) or ""
        learned_given = self.text.learned_per_start.get(te) == (te, te + 2)  # 林副局長俊秀: the tagger reads the given name apart
        if len(given) < 2 or not self.name_given_ok(given) or (is_common_word(given) and not learned_given
                                                               and word_freq(given) >= (100 if gtag.startswith(("v", "nz", "ns")) else 50)):
            return None  # 張副司長期盼…: the 'given name' is an ordinary word
        if te + 3 <= len(self.s) and (is_common_word(self.s[te : te + 3]) and word_freq(self.s[te : te + 3]) >= 50 or (
                is_common_word(self.s[te + 1 : te + 3]) and word_freq(self.s[te + 1 : te + 3]) >= 50)):  # (not the text's end: 強 alone)
            return None
        nxt = self.s[te + 2 : te + 3]
        if nxt and is_cjk(nxt) and not self.text.starts_with_word(te + 2, self.lex.name_followers + self.lex.honorifics_after_name):
            return None  # (李總統登輝先生: an honorific may follow)
        return (ss, ts), (te, te + 2)

    def _syllables_before(self, i: int, k: int) -> bool:
        """和|弗拉季|米爾·…: two or three characters before the learned name, after a boundary, holding
        no dictionary word or title, are its first syllables."""
        part = self.s[i:k]
        if len(part) == 1 and i in self.text.all_title_ends and self.tokens.covering(i) == (i, k, "nr"):
            return True  # 主教練科|薩諾維奇·…: a syllable the segmenter reads as a name, right after the title
        return (2 <= len(part) <= 3 and all(is_cjk(c) for c in part) and self.text.is_boundary_before(i)
                and not holds_common_word(part)
                and not any(x in self.text.all_title_ends for x in range(i + 1, k + 1)))

    def _syllables_after(self, k: int, j: int) -> int:
        """桑巴|約、: one or two characters after the learned name, before punctuation or a function word,
        that are no word of their own and no word that follows names, are its last syllables; 0 if none."""
        for n in (1, 2):
            part = self.s[k : k + n]
            if k + n > j or not all(is_cjk(c) for c in part) or any(c in NAME_DOTS for c in part):
                return 0
            if any(c in self.lex.strong_followers or c in self.lex.name_single_followers for c in part) or n > 1 and is_common_word(part):
                return 0
            if self._last_syllable(k + n - 1):
                return n
        return 0

    def _last_syllable(self, k: int) -> bool:
        """塞薩爾·桑巴約、, 普拉西多甚至: a one-character 'adverb' right before punctuation or another
        function word is the name's last syllable — unless it is a word that follows names (說, 等)."""
        tok = self.tokens.covering(k)
        if tok is None or tok[1] - k != 1:
            return False
        c = self.s[k]
        if c in self.lex.name_single_followers or c in self.lex.strong_followers or c in self.lex.name_followers:
            return False
        if c == "地" and self.tokens.tag_at(k, "").startswith("u"):
            return True  # 居來提·土爾地決心…: the adverbial particle 地 never follows a person's name
        nxt = self.tokens.covering(k + 1)
        after = self.s[k + 1 : k + 2]
        return (not after or after in "、，,。；;：:）)」』”\n " or nxt is not None and nxt[0] == k + 1 and nxt[1] - nxt[0] >= 2
                and nxt[2].startswith(("d", "v", "p", "c")) and is_common_word(self.s[k + 1 : nxt[1]]))

    def _frequent_word_at(self, k: int) -> bool:
        """A frequent dictionary word of two or more characters starts at k (成功, 生前, 日記)."""
        tok = self.tokens.covering(k)
        return (tok is not None and tok[0] == k and tok[1] - k >= 2 and not tok[2].startswith("nr")
                and word_freq(self.s[k : tok[1]]) >= 1000)

    def trim_dotted(self, i: int, j: int) -> tuple[int, int]:
        """A dotted name (布農.大立) without the organisation (found, or ending in a suffix) before it or
        the title after it."""
        dot = i + re.search(r"[.．·‧•・]", self.s[i:j]).start()
        for k in range(i + 1, dot):
            if (self.text.is_boundary_before(k) or k in self.text.all_title_ends or (self.s[k - 1] in self.lex.single_suffixes and k - 1 > i)
                    or k in self.findings.agency_by_end or self.text.is_place(i, k)
                    or any(self.s.endswith(w, i, k) for w in self.lex.person_nouns)
                    or any(self.s.endswith(w, 0, k) for w in self.lex.boundary_words if len(w) > 1)):
                i = k
            elif k in self.tok_ends and k in self.tok_starts:
                prev = self.tokens.ending_at(k)
                word = self.s[prev[0] : k] if prev else ""
                if prev and prev[0] >= i and len(word) >= 2 and prev[1].startswith(("n", "vn")) \
                        and not prev[1].startswith("nr") and word_freq(word) >= 100:
                    i = k  # 德國專家漢斯·布勞爾: an ordinary noun is not part of the name
        starts = self.text.learned_per_start
        lac = next((starts[a] for a in range(i, dot) if a in starts and starts[a][1] > dot), None)
        if lac:
            if not self._syllables_before(i, lac[0]):
                i = lac[0]  # 讀約翰·拉貝日記: the learned tagger's name starts after the verb (弗拉季|米爾·… goes on)
            rest = starts.get(lac[1])
            if rest and rest[1] == j and not any(c in NAME_DOTS for c in self.s[rest[0] : j]):
                pass  # 詹某·哈茨|費某德: the tagger split the last part into two names that end the dotted run
            elif lac[1] < j and self.s[lac[1] : lac[1] + 1] not in NAME_DOTS:
                j = lac[1] + self._syllables_after(lac[1], j)  # … and ends before the noun (桑巴|約、 goes on)
        if self.s[i] in self.lex.function_surnames and dot - i >= 2:
            i += 1  # 甲和澤·羅伯特: the conjunction before the name
        last_dot = max(self.s.rfind(d, i, j) for d in NAME_DOTS)
        for k in range(dot + 2, j):
            if k > last_dot + 1 and (self.s[k] in ("的", "是") or self.text.starts_with_word(k, self.lex.honorifics_after_name)
                                     or self._frequent_word_at(k)):
                return i, k  # 凡·高的作品, 某·某先生, 某·某成功登頂: the name ends before them
            if k in self.findings.title_by_start or self.lex.title_re.match(self.s, k):
                return i, k
            if (k in self.tok_starts and self.tokens.tag_at(k, "").startswith(("v", "p", "c", "d", "u")) and k - last_dot > 2
                    and not self._last_syllable(k)):
                return i, k  # 漢斯·布勞爾協助…: the name ends where a verb starts
            follower = self.text.starts_with_word(k, self.lex.name_followers) or ""
            if k > last_dot + 1 and len(follower) >= 2:
                return i, k  # 漢斯·布勞爾近日…: a word that follows names
        return i, j
