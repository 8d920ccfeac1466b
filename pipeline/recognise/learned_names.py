"""Whether a name the learned tagger reads is a person where it stands: the name's shape, and what
stands beside it — a title, a list, a noun for a role, an honorific, a verb of saying, a repetition —
with the tagger's usual slips mended (a name cut before its third character, a credit mark or a title
glued to it). Used by `learned.LearnedEvidence`; it proposes nothing itself."""

from __future__ import annotations

import re

from ..lexicon import is_common_word, word_freq, word_tag
from .context import Findings, ReportText
from .names import NameShapes
from .text import CJK_CHARS, LATIN_NAME, is_cjk

_TRANSLITERATION = re.compile(f"[{CJK_CHARS}]{{2,8}}")


class LearnedNameReading:
    """Reads one learned PER span in its context: the span to keep as a person, or None."""

    def __init__(self, text: ReportText, findings: Findings, names: NameShapes):
        self.text, self.findings, self.names = text, findings, names
        self.s, self.lex = text.s, text.lex

    def span(self, i: int, j: int, counts: dict) -> tuple[int, int] | None:
        """The person span to keep for the learned PER at [i, j) (counts: how often the tagger reads
        each name in the report), or None when nothing beside it confirms a name."""
        i, j = self.completed(i, j)
        text = self.s[i:j]
        if self._inside_country(i, j):
            return None  # 吐|瓦魯|總理: part of a country's name the tagger reads as a person
        if LATIN_NAME.fullmatch(text):
            return (i, j) if self.names.latin_ok(text) else None
        if re.search(r"[.．·‧•・]", text):
            return self.names.trim_dotted(i, j) if re.fullmatch(f"[{CJK_CHARS}.．·‧•・]+", text) else None
        if not _TRANSLITERATION.fullmatch(text):
            return None
        if self._word_after_glued_surname(i, j):
            return None
        if text in self.lex.currency_words and not (self.lex.title_re.match(self.s, j) or i in self.text.all_title_ends):
            return None  # 盧比與美元的匯率, 3億馬克: a currency the tagger reads as a name (執行長馬克 is one)
        if any(self.s.endswith(w, 0, i) for w in self.lex.words_before_place) and not self.lex.title_re.match(self.s, j):
            return None  # 首都某某, 抵達某某: a place the tagger reads as a name
        if self.text.starts_with_word(j, self.lex.named_after_heads):
            return None  # 某某水庫, 某某大橋: a place or a building named after someone or somewhere
        if self.names.valid_full_name(i, j):
            if j - i == 2 and counts.get(text, 0) < 2 and not (self._context(i, j) or self._introduced(i) or self._paired(i, j)
                                                                or self._no_word(i, j)):
                return None  # a two-character 'name' alone in running text is as often a word (明文)
            return i, j
        if self._dictionary_name(i, j):
            self.findings.note(i, j, "PERSON", "learned PER (LAC), a person's name in the dictionary or a name before its title")
            return i, j
        if self._word_shaped(i, j) and (counts.get(text, 0) >= 2 or self._context(i, j)):
            self.findings.note(i, j, "PERSON", "learned PER (LAC), a name that is also a word")
            return i, j
        # a name without a Chinese surname (a transliteration): a title, list or repetition beside it
        beside_title = bool(self.lex.title_re.match(self.s, j)) or j in self.findings.title_by_start or i in self.text.all_title_ends
        rare_word_ok = j - i >= 3 and word_freq(text) < 200 and (beside_title or self._introduced(i))
        if j - i < 2 or self.text.is_place(i, j) or (is_common_word(text) and not rare_word_ok):
            return None  # (國務卿基辛格, 11號西爾瓦: a rare dictionary word the tagger reads as a name, after a title or a role)
        sl = self.names.surname_len(i)
        if sl and self.names.function_word_start(i):
            return None  # 大使和來賓: a conjunction before a word, read by the tagger as a surname
        if sl and (text[sl:] in self.lex.honorifics_after_name or text[sl:] in self.lex.address_terms):
            return None  # 高女士, 李大媽 (see NameShapes.valid_full_name)
        if sl and (j - i - sl >= 2 and word_freq(text[sl:]) >= self.lex.given_max_word_freq or self.lex.title_re.fullmatch(text, sl)):
            return None  # 蔡政府 said three times, 魏常委: a surname before a frequent word or a title is no transliteration
        in_list = self.s[j : j + 1] == "、" or self.s[i - 1 : i] == "、" or self._numbered_option(i, j)
        alone = self.s[i - 1 : i] in ("", "\n") and self.s[j : j + 1] in ("", "\n")  # a byline on its own line
        listed_pair = self.s[i - 1 : i] == "、" and self.s[j : j + 1] in ("、", "等")  # 甲、漢斯、乙: a short name inside a list
        opening = j - i >= 3 and self._opens_sentence(i) and bool(
            self.text.starts_with_word(j, self.lex.name_followers) or self._dated(j))  # 基裡延科28日同…, 西伯特在…
        honoured = bool(self.text.starts_with_word(j, self.lex.honorifics_after_name)) or (
            j - i >= 3 and bool(self.text.starts_with_word(j, self.lex.address_after_full_name)))  # 德馬雷先生, 井某某老師
        bracketed_latin = bool(re.match(r"[（(][A-Z]", self.s[j : j + 2]))
        spoken = j - i >= 3 and bool(self.text.starts_with_word(j, self.lex.speech_verbs))  # 蘇格拉底說過
        authored = bool(self.text.starts_with_word(j, self.lex.works_after_name))  # 某某的《…》, 某某的小說
        if (beside_title or bracketed_latin or honoured or spoken or authored or self._introduced(i) or self._paired(i, j)
                or (in_list and j - i >= 3) or listed_pair or opening or alone or counts.get(text, 0) >= 2):
            return i, j
        return None

    def _inside_country(self, i: int, j: int) -> bool:
        """[i, j) lies within a country's name written there (configs/places.yml countries)."""
        countries = self.lex.countries
        return any(self.s[a:b] in countries for a in range(max(0, i - 6), i + 1) for b in range(j, min(len(self.s), j + 6) + 1)
                   if b - a >= 2)

    def _dictionary_name(self, i: int, j: int) -> bool:
        """克林頓, 周恩來總理: a surname and one or two given characters that the dictionary knows as a
        person's name (both sources agree), or that stand right before their title, though the
        dictionary holds them as a word. (Its person tags on transliterations are no evidence: it tags
        places such as 斯德哥爾摩 so.)"""
        text = self.s[i:j]
        sl = self.names.surname_len(i)
        given = text[sl:]
        if not sl or not 1 <= len(given) <= 2 or not self.names.name_given_ok(given) or self.text.is_place(i, j):
            return False
        if given in self.lex.honorifics_after_name or given in self.lex.address_terms or self.names.function_word_start(i):
            return False  # 周先生, 劉老師
        before_title = bool(self.lex.title_re.match(self.s, j)) or j in self.findings.title_by_start
        return before_title or (word_tag(text) or "").startswith("nr")

    def completed(self, i: int, j: int) -> tuple[int, int]:
        """劉永|好等, 傅全|有上將: the tagger cuts a surname and two given characters before the third
        when that character is also a word of its own. Read whole when the three make a name that ends
        the chunk (punctuation, a title, 等, a word that follows names) and the third character starts
        no word with the next."""
        if j - i != 2 or self.names.surname_len(i) != 1 or j + 1 > len(self.s) or not is_cjk(self.s[j]):
            return i, j
        third, nxt = self.s[j], self.s[j + 1 : j + 2]
        if third in self.lex.strong_followers or third in self.lex.learned_name_trailers or self.text.starts_with_word(j, self.lex.name_followers):
            return i, j
        # 孫勇|軍報道: a follower after the third character (報道) explains the word it makes with it (軍報)
        closed = len(self.text.starts_with_word(j + 1, self.lex.name_followers) or "") >= 2
        if not self.names.valid_full_name(i, j + 1) or is_common_word(self.s[j : j + 2]) and not closed:
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

    def _word_after_glued_surname(self, i: int, j: int) -> bool:
        """內塔尼亞|胡當天, 內塔尼亞|胡立即: the 'surname' is the last syllable of the word before it (no
        boundary, title or organisation ends there) and the 'given name' is a common time word, adverb,
        verb or conjunction: the tagger cut a longer name and the word after it."""
        sl = self.names.surname_len(i)
        given = self.s[i + sl : j]
        if not sl or len(given) != 2 or i == 0 or not is_cjk(self.s[i - 1]):
            return False
        if self.text.is_boundary_before(i) or i in self.text.all_title_ends or self.findings.agency_ending_at(i):
            return False
        tag = (word_tag(given) or "").split("_")[0]
        return tag in ("t", "d", "ad", "c", "p", "v") and word_freq(given) >= 50

    def _context(self, i: int, j: int) -> bool:
        """A list separator, punctuation closing the name, a speech verb, works or a title beside the name."""
        before, after = self.s[i - 1 : i], self.s[j : j + 1]
        bracketed = before in ("（", "(") and after in ("）", ")")  # （王大明）: a credit or an aside that names someone
        return (before in ("、", " ", "\n", "") or after in ("、", " ", "（", "(", "，", "。", "；", "：", "」", "』", "”") or self._numbered_option(i, j)
                or bracketed or self._dated(j)
                or bool(self.text.starts_with_word(j, self.lex.name_followers) or self.text.starts_with_word(j, self.lex.works_after_name))
                or j in self.findings.title_by_start or i in self.text.all_title_ends)

    def _no_word(self, i: int, j: int) -> bool:
        """A two-character name the dictionary does not know, joined to no word on either side and
        closed by a word of its own (戴韞出戰, 吳彪要請): nothing but a name reads it. (Where the next
        character may be a third given one, 劉士|超興建, the tagger's cut is not trusted.)"""
        if word_freq(self.s[i:j]) or is_common_word(self.s[i + 1 : j + 1]) or is_common_word(self.s[i - 1 : i + 1]):
            return False
        nxt = self.s[j : j + 1]
        if not nxt or not is_cjk(nxt) or nxt in self.lex.strong_followers or nxt in self.lex.name_single_followers:
            return True
        tok = self.text.tokens.covering(j)
        return tok is not None and tok[0] == j and tok[1] - j >= 2 and is_common_word(self.s[j : tok[1]])

    def _opens_sentence(self, i: int) -> bool:
        return self.s[i - 1 : i] in ("", "\n", "。", "！", "？", "；", "」", "”") or self.s[i - 2 : i] in ("。”", "。」")

    def _dated(self, j: int) -> bool:
        """A day or month right after the name (王大明3日表示, 某某28日同…)."""
        return bool(re.match(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日月]", self.s[j : j + 4]))

    def _numbered_option(self, i: int, j: int) -> bool:
        """（1）甲（2）乙, ①甲②乙: items numbered one after another."""
        before, after = self.s[max(0, i - 3) : i], self.s[j : j + 3]
        opened = re.search(r"(?:[(（]\d{1,2}[)）]|[①-⑳])$", before)
        closed = re.match(r"(?:[(（]\d{1,2}[)）]|[①-⑳]|\s|$)", after)
        return bool(opened and closed)

    def _introduced(self, i: int) -> bool:
        """A noun for a person's role stands right before the name (外援卡洛斯, 守門員某), a player's number
        (8號), or a country, place or team and 的 (俄羅斯的某, 甲隊的某)."""
        s = self.s
        if any(s.endswith(w, 0, i) for w in self.lex.person_nouns) or re.search(r"\d{1,3}号$", s[max(0, i - 4) : i]):
            return True
        if re.search(f"(?:\\d{{1,3}}|[一二三四五六七八九十]{{1,3}})(?:周)?岁的?[{CJK_CHARS}]{{0,2}}$", s[max(0, i - 9) : i]):
            return True  # 31歲的某某, 75歲的老婦某某: a person's age
        if any(self._role_noun(k, i) for k in range(max(0, i - 4), i - 1)):
            return True
        if self.findings.agency_ending_at(i) or (s[i - 1 : i] == "的" and self.findings.agency_ending_at(i - 1)):
            return True  # 瑞典隊某某, 某公司某某, 某俱樂部的某某: a member named after the organisation
        return s[i - 1 : i] == "的" and (s[i - 2 : i - 1] in self.lex.group_heads
                                         or any(self.text.is_place(k, i - 1) for k in range(max(0, i - 9), i - 2)))

    def _role_noun(self, k: int, i: int) -> bool:
        """s[k:i] is a dictionary noun ending in a character for a person (守門員, 經濟師, 女王)."""
        word = self.s[k:i]
        tag = word_tag(word) or ""
        return any(word.endswith(e) for e in self.lex.person_noun_endings) and tag.startswith("n") and not tag.startswith(("nr", "ns", "nt"))

    def _paired(self, i: int, j: int) -> bool:
        """Two names joined by a slash (a doubles pair: 甲／乙) or by 和/與/及 when the tagger reads a
        name on the other side too."""
        if self.s[j : j + 1] in ("／", "/") or self.s[i - 1 : i] in ("／", "/"):
            return True
        after = self.s[j : j + 1] in self.lex.function_surnames and (j + 1) in self.text.learned_per_start
        before = self.s[i - 1 : i] in self.lex.function_surnames and (i - 1) in self.text.learned_per_end
        return after or before

    def _word_shaped(self, i: int, j: int) -> bool:
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
