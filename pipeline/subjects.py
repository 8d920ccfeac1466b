"""A statistic's subject is a whole noun phrase or nothing, never a fragment cut inside a word.

The statistics grammar reads a run of characters after the counter (13個經濟體) or before the number
(參與人數已超過300位). This pass bounds that run with the segmenter's words over the whole report:
a subject ends where a verb, preposition or particle word starts (40個班級動態展演 → 班級), it does
not end or start inside a word (會總人數 → 商會總人數; 前瞻計畫特別 → 前瞻計畫特別預算), and when
nothing of it is left it is empty. A subject after the counter is part of the span, so the span moves
with it; after an amount of money a verb starts a new clause (900萬元開發新系統: no counted noun).
A topic before the number is bounded in pipeline/topics.py; a noun read after 的 (8萬平方公尺的產業空間,
40位來自全國的大學生) is outside the span and left as the grammar read it.
"""

from __future__ import annotations

from dataclasses import replace

from .statistics import Statistic, _lexicon, fold
from .subject_words import MAX_EXTEND, PROPER, Words, is_verb, letters, nounish, stops, time_word
from .topics import bound_before, share_compound_topics

_ITEM_MAX = 4  # characters of one noun joined by 、 to a counted noun (自治區, 直轄市)


def _cut_after(s0: int, end: int, text: str, words: Words) -> int:
    """Where a subject after the counter really ends: at the first stop word, before a
    one-character verb that closes it (訪賓來參加, 班級動、靜態) or an adverb (共), on a word boundary."""
    for w in words.within(s0 + 1, end):
        if (stops(w) or time_word(w, text) or w[2].startswith(("nr", "PER"))) and w[0] > s0 and not _nominal(w, text):
            end = w[0]  # 單位|今天受到…: a time word starts the predicate; 村民|劉傑: a name is no part of it
            break
        if w[1] - w[0] == 1 and w[0] - s0 >= 2 and fold(text[w[0]]) in _lexicon().predicate_chars:
            end = w[0]  # 先進單位|受表彰
            break
        if w[1] - w[0] == 1 and w[0] - s0 >= 2 and w[0] < end and (w[2] == "d" or is_verb(w[2]) and (
                w[1] >= end or _stops_or_verb(words.at(w[1])) or not letters(text[w[1]:w[1] + 1]))):
            end = w[0]
            break
    last = words.at(end - 1) if end > s0 else None
    if last and last[1] > end:  # the subject ends inside a word
        if nounish(last[2]) and last[1] - end <= MAX_EXTEND and "\n" not in text[end : last[1]]:
            end = last[1]
        else:
            end = last[0]
    return _close_modifier(s0, end, text, words)


def _close_modifier(s0: int, end: int, text: str, words: Words) -> int:
    """A noun phrase does not end on an adjective (前瞻計畫特別|預算): take the noun words that
    follow it, or leave the adjective out when none does."""
    last = words.ending_at(end)
    if not last or last[2] != "a" or last[0] < s0 or last[1] - last[0] < 2:  # 國小, 校區大 stay
        return end
    lex = _lexicon()
    grown = end
    while (nxt := words.at(grown)) and nxt[0] == grown and nxt[2].startswith("n") and not nxt[2].startswith(PROPER):
        if nxt[1] - s0 > lex.subj_max or not letters(text[grown:nxt[1]]):
            break
        grown = nxt[1]
    return grown if grown > end or last[0] == s0 else last[0]


def _nominal(word: tuple[int, int, str], text: str) -> bool:
    """A word of three characters or more that ends in a noun suffix is a noun whatever its tag
    (看護工, 志願者, 承辦員)."""
    return word[1] - word[0] >= 3 and text[word[1] - 1] in _lexicon().noun_suffixes


def _stops_or_verb(word) -> bool:
    return bool(word) and (stops(word) or is_verb(word[2]))


def bound_after(st: Statistic, text: str, words: Words) -> Statistic:
    """A subject after the counter: cut at the first stop word, end on a word boundary. After an
    amount of money a verb or a preposition with its object starts a new clause (900萬元開發新系統,
    80萬元予某會, 50億元在台中設廠): there is no counted noun."""
    s0 = st.end - len(st.subject)
    first = words.at(s0)
    if first and first[0] == s0 and (first[2] == "r" and first[1] - first[0] == 1 or _reduplicated(first, text)) or (
            st.kind in ("age", "duration") and fold(text[s0]) in _lexicon().time_clause_chars):
        return replace(st, end=s0, text=text[st.start : s0], subject="")  # 8個|她最大, 17歲|時就, 229戶|家家建起
    end = _cut_after(s0, st.end, text, words)
    nxt = words.at(end)
    if end == st.end and nxt and nxt[0] == end and _nominal(nxt, text) and letters(text[end:nxt[1]]):
        end = nxt[1]  # 外籍|看護工: the character rules cut before a noun tagged a verb
    if end - s0 == 1 and st.end - s0 >= 3:
        end = st.end  # 獎|助金, 國|中小: a cut that leaves one character is the segmenter's error
    if st.kind == "money":
        first = words.at(s0)
        if first and (is_verb(first[2]) or first[2].startswith("p")) and first[1] < st.end:
            end = s0  # 50億元在台中興建新廠: a verb or a preposition starts a new clause
    only = words.at(s0)
    if (only and only[0] == s0 and only[1] == end and is_verb(only[2]) and not _nominal(only, text)
            and not letters(text[end : end + 1])):
        end = s0  # 32隊參賽，: a verb alone that closes the clause is its predicate (三個面向同步… is not)
    if end <= s0:
        return replace(st, end=s0, text=text[st.start : s0], subject="")
    if text.startswith("的", end) and all(w[2] in ("a", "z") for w in words.within(s0, end)):
        noun = _noun_after_of(end + 1, text, words)  # 56朵金色的葵花: the noun follows the adjective and 的
        return replace(st, end=s0, text=text[st.start : s0], subject=noun)
    end = _coordinated(end, text, words)
    return replace(st, end=end, text=text[st.start : end], subject=text[s0:end])


def _coordinated(end: int, text: str, words: Words) -> int:
    """15個國家、地區的代表, 300個公司、廠家: common nouns joined by 、 to the counted noun share its
    count, so the subject is the whole list. An item with a number, a proper name or a determiner of
    its own (15個國家、200位代表; 3個部會、各縣市) starts a new item of the sentence, and the list
    must close where the noun phrase does (punctuation, 的, 等, a verb)."""
    grown = end
    while text.startswith("、", grown):
        item, pos = grown + 1, grown + 1
        while (w := words.at(pos)) and w[0] == pos and pos - item < _ITEM_MAX and letters(text[w[0] : w[1]]) \
                and w[2].startswith(("n", "vn")) and not w[2].startswith(PROPER):
            pos = w[1]
        nxt = words.at(pos)
        closes = pos >= len(text) or text[pos] in "、，。；：,;:）)」" or text.startswith(("的", "等"), pos) or (
            nxt is not None and nxt[0] == pos and (is_verb(nxt[2]) or stops(nxt)))
        if not (2 <= pos - item <= _ITEM_MAX) or not closes:
            break
        grown = pos
    return grown


def _noun_after_of(pos: int, text: str, words: Words) -> str:
    """The noun words right after 的 at ``pos``, bounded like a counted noun ('' when none)."""
    end = pos
    while ((w := words.at(end)) and w[0] == end and nounish(w[2]) and letters(text[end : w[1]])
           and w[1] - pos <= _lexicon().subj_max):
        end = w[1]  # (a punctuation mark is tagged x, as an unknown word)
    return text[pos:end] if end - pos >= 2 and letters(text[pos:end]) else ""


def _event_after(pos: int, text: str, words: Words) -> str:
    """The event a count of times names right after it (連續10次失誤, 四次全市性的調查): common noun
    words, or one modifier and 的 before them; '' when a verb, a pronoun or a name follows. It is
    preferred to a topic before the number, which names who had the events."""
    first = words.at(pos)
    if not first or first[0] != pos:
        return ""
    if text.startswith("的", first[1]) and first[2].startswith(("n", "a", "b", "z")) and not first[2].startswith(PROPER):
        pos = first[1] + 1  # 全市性的|調查
    return _noun_after_of(pos, text, words)


def _reduplicated(word: tuple[int, int, str], text: str) -> bool:
    """家家, 人人, 戶戶: a doubled counter means "every", it is no counted noun (寶寶 is one)."""
    return word[1] - word[0] == 2 and text[word[0]] == text[word[0] + 1] and fold(text[word[0]]) in _lexicon().doubled_every


def bound_of_noun(st: Statistic, text: str, words: Words) -> Statistic:
    """A noun read after 的 (200元的學費|實在…, 506%的負債率|降到…) ends where the predicate starts."""
    s0 = st.end + 1  # (bound_subjects sends here a noun read right after 的)
    end = _cut_after(s0, s0 + len(st.subject), text, words)
    return replace(st, subject=text[s0:end] if end - s0 >= 2 else "")


def bound_subjects(stats: list[Statistic], text: str, tokens: list[tuple[int, int, str]]) -> list[Statistic]:
    words = Words(tokens)
    out = []
    for st in stats:
        if st.subject and text.endswith(st.subject, st.start, st.end):
            st = bound_after(st, text, words)
        elif st.subject and text.startswith("的", st.end) and text.startswith(st.subject, st.end + 1):
            st = bound_of_noun(st, text, words)
        elif fold(st.unit) in _lexicon().event_counters and (event := _event_after(st.end, text, words)):
            st = replace(st, subject=event)  # 該隊連續8次|失誤: the event, not who had it
        elif st.subject:
            st = bound_before(st, text, words)
        out.append(st)
    return share_compound_topics(out, text)
