"""A statistic's subject is a whole noun phrase or nothing, never a fragment cut inside a word.

The statistics grammar reads a run of characters after the counter (13個經濟體) or before the number
(參與人數已超過300位). This pass bounds that run with the segmenter's words over the whole report:
a subject ends where a verb, preposition or particle word starts (40個班級動態展演 → 班級), it does
not end or start inside a word (會總人數 → 商會總人數; 前瞻計畫特別 → 前瞻計畫特別預算), and when
nothing of it is left it is empty. A subject after the counter is part of the span, so the span moves
with it. A topic before the number is the whole noun phrase back to a boundary (各國重要訪賓共計56團),
and a count written right after another (56團416人) shares its topic.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from .statistics import CN_DIGITS, Statistic, _lexicon

# words that end a noun phrase (jieba's and LAC's tags): verbs, prepositions, conjunctions, pronouns,
# numerals — of two characters or more; a one-character word never cuts on its own (與談人, 面向)
_STOP = ("v", "p", "c", "r", "m", "q")
_NOUN_VERB = ("vn",)  # 管理, 投資 used as nouns
_VERB = ("v", "vd")
_MAX_EXTEND = 4
# tags of words a topic's noun phrase is built from (nouns, names of places and bodies, verb-nouns,
# adjectives such as 總, 重要): the look-back extends over them
_PHRASE = ("n", "vn", "an", "a", "j", "l", "s", "LOC", "ORG")
_PROPER = ("nr", "ns", "nt", "PER", "LOC", "ORG")
_PLACE = ("ns", "LOC", "s", "f")  # 在|臺, 於|美: a one-character place after a preposition


class Words:
    """The segmenter's words as (start, end, tag), searchable by offset."""

    def __init__(self, tokens: list[tuple[int, int, str]]):
        self.tokens = tokens
        self.starts = [t[0] for t in tokens]
        self.ends = {t[1]: t for t in tokens}

    def at(self, pos: int) -> tuple[int, int, str] | None:
        k = bisect.bisect_right(self.starts, pos) - 1
        if k >= 0 and self.tokens[k][0] <= pos < self.tokens[k][1]:
            return self.tokens[k]
        return None

    def ending_at(self, pos: int) -> tuple[int, int, str] | None:
        return self.ends.get(pos)

    def within(self, i: int, j: int):
        k = bisect.bisect_left(self.starts, i)
        while k < len(self.tokens) and self.tokens[k][0] < j:
            yield self.tokens[k]
            k += 1


def _stops(word: tuple[int, int, str]) -> bool:
    return word[1] - word[0] >= 2 and word[2].startswith(_STOP) and not word[2].startswith(_NOUN_VERB)


def _nounish(tag: str) -> bool:
    return tag.startswith(("n", "vn", "j", "l")) or tag in ("X", "x", "")


def _is_verb(tag: str) -> bool:
    return tag in _VERB


def _letters(s: str) -> bool:
    """Only CJK characters or Latin letters (no digits, numerals, spaces or punctuation)."""
    return bool(s) and all(("\u4e00" <= c <= "\u9fff" or c.isascii() and c.isalpha()) and c not in CN_DIGITS
                           for c in s)


def _cut_after(s0: int, end: int, text: str, words: Words) -> int:
    """Where a subject after the counter really ends: at the first stop word, before a
    one-character verb that closes it (訪賓來參加, 班級動、靜態) or an adverb (共), on a word boundary."""
    for w in words.within(s0 + 1, end):
        if _stops(w) and w[0] > s0:
            end = w[0]
            break
        if w[1] - w[0] == 1 and w[0] - s0 >= 2 and w[0] < end and (w[2] == "d" or _is_verb(w[2]) and (
                w[1] >= end or _stops_or_verb(words.at(w[1])) or not _letters(text[w[1]:w[1] + 1]))):
            end = w[0]
            break
    last = words.at(end - 1) if end > s0 else None
    if last and last[1] > end:  # the subject ends inside a word
        if _nounish(last[2]) and last[1] - end <= _MAX_EXTEND and "\n" not in text[end : last[1]]:
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
    while (nxt := words.at(grown)) and nxt[0] == grown and nxt[2].startswith("n") and not nxt[2].startswith(_PROPER):
        if nxt[1] - s0 > lex.subj_max or not _letters(text[grown:nxt[1]]):
            break
        grown = nxt[1]
    return grown if grown > end or last[0] == s0 else last[0]


def _stops_or_verb(word) -> bool:
    return bool(word) and (_stops(word) or _is_verb(word[2]))


def bound_after(st: Statistic, text: str, words: Words) -> Statistic:
    """A subject after the counter: cut at the first stop word, end on a word boundary. After an
    amount of money a verb with its object starts a new clause (900萬元開發新系統, 80萬元予某會):
    there is no counted noun."""
    s0 = st.end - len(st.subject)
    end = _cut_after(s0, st.end, text, words)
    if end - s0 == 1 and st.end - s0 >= 3:
        end = st.end  # 獎|助金, 國|中小: a cut that leaves one character is the segmenter's error
    if st.kind == "money":
        first = words.at(s0)
        if first and _is_verb(first[2]) and first[1] < st.end:
            end = s0
    if end <= s0:
        return replace(st, end=s0, text=text[st.start : s0], subject="")
    return replace(st, end=end, text=text[st.start : end], subject=text[s0:end])


def _topic_start(k: int, e: int, text: str, words: Words, kind: str = "") -> int:
    """Where a topic that the character rules start at ``k`` starts on the segmenter's words. Before
    an amount of money a noun in front of a verb is the giver (基金會|賑助每人40萬元), not the topic."""
    lex = _lexicon()
    first = words.at(k)
    if first and first[0] < k:
        after = words.at(first[1]) if first[1] < e else None
        agent = kind == "money" and after is not None and _is_verb(after[2])
        common = _nounish(first[2]) and not first[2].startswith(_PROPER)
        # 占商會: a one-character verb or preposition glued to the noun by the segmenter
        glued = text[first[0]] in lex.before_stop_chars and first[2].startswith(("v", "p"))
        if common and not agent and k - first[0] <= _MAX_EXTEND:
            k = first[0]
        elif glued and not agent and k - first[0] - 1 <= _MAX_EXTEND:
            k = first[0] + 1
        else:
            k = first[1]
    return _drop_leading_scope(k, e, text, words)


def _drop_leading_scope(k: int, e: int, text: str, words: Words) -> int:
    """A topic does not start with a time word (目前學生), the scope of the count (全國, 本市,
    雲林縣), or a lone character left after a preposition (在|臺|外籍人士)."""
    for w in list(words.within(k, e)):
        if _time_word(w, text) and w[1] <= e - 2:
            k = w[1]  # 系|目前|學生: what stands before a time word is another phrase
    while k < e:
        w = words.at(k)
        if w is None or w[0] != k or e - w[1] < 2 or not _outside_topic(w, text):
            return k
        k = w[1]
    return k


def _time_word(w: tuple[int, int, str], text: str) -> bool:
    """A word that places the statement in time (目前, 今年, 上週), not one that qualifies a noun
    (日間照顧中心, 夜間課程)."""
    return w[2] in ("t", "TIME") and text[w[0]:w[1]] not in _lexicon().attributive_time_words


def _outside_topic(w: tuple[int, int, str], text: str) -> bool:
    """A word that a topic neither starts with nor grows over: a time word, a scope word or a county
    or city name, a lone character after a preposition or a bracket."""
    lex = _lexicon()
    piece = text[w[0]:w[1]]
    if _time_word(w, text) or piece in lex.topic_scope_words:
        return True
    if w[2].startswith(("ns", "LOC")) and piece[-1:] in lex.topic_scope_suffixes and len(piece) >= 3:
        return True
    before = text[w[0] - 1 : w[0]]
    if w[1] - w[0] != 1 or not before:
        return False
    return before in ")）」』" or before in lex.before_stop_chars and w[2].startswith(_PLACE)


def _extend_topic(k: int, e: int, text: str, words: Words) -> int:
    """Take the whole noun phrase back to a boundary (punctuation, a verb, 的 …): 各國|重要訪賓,
    日本|各地協會團體. A topic that starts with a verb is not extended (what precedes is its agent)."""
    lex = _lexicon()
    head = words.at(k)
    if head is None or _is_verb(head[2]):
        return k
    while True:
        prev = words.ending_at(k)
        if prev is not None and text[prev[0]:prev[1]] in lex.coordinators and prev[1] - prev[0] == 1:
            first = words.ending_at(prev[0])  # 產業|及|社福移工: two nouns joined are one phrase
            if first is None or not first[2].startswith("n") or first[2].startswith(_PROPER):
                return k
            prev = (first[0], k, first[2])
        if prev is None or prev[2].startswith(("nr", "PER")):
            return k
        if not prev[2].startswith(_PHRASE) and text[prev[0]:prev[1]] not in lex.attributive_time_words:
            return k
        if e - prev[0] > lex.topic_max_len or not _letters(text[prev[0]:k]):
            return k
        if any(c in lex.before_stop_chars and c not in lex.before_initial_ok and c not in lex.coordinators
               for c in text[prev[0]:k]):
            return k
        if _outside_topic(prev, text):
            return k  # 全國|就診人數, （2）月|新生兒總數
        if prev[1] - prev[0] == 1 and text[prev[0] - 1 : prev[0]] in lex.before_stop_chars - {"的", "之"}:
            return k  # 在|地|社區工作者: a lone character after a preposition is not grown over (的|年營收 is)
        k = prev[0]


def bound_before(st: Statistic, text: str, words: Words) -> Statistic:
    """A subject before the number: it starts on a word boundary and is the whole noun phrase."""
    k = text.rfind(st.subject, max(0, st.start - 24), st.start + len(st.subject))
    if k == -1:
        return st
    e = k + len(st.subject)
    k = _topic_start(k, e, text, words, st.kind)
    if k >= e:
        return replace(st, subject="")
    k = _extend_topic(k, e, text, words)
    e = _drop_final_verb(k, e, text, words)
    if text[k:e] in _lexicon().topic_scope_words:
        return replace(st, subject="")  # 占全國約36%: a scope alone names no topic
    if _place_and_verb(k, e, words):
        return replace(st, subject="")  # 在臺北展開為期三日: a place and a verb are a predicate
    head = words.at(k)
    if head and head[0] == k and head[1] == e and _is_verb(head[2]) and not (
            st.kind in ("money", "count") and text[k:e] in _lexicon().money_topics):
        return replace(st, subject="")  # 斥資逾150億元, 已核發超過1萬張: a verb alone is no topic
    return replace(st, subject=text[k:e] if e > k else "")


def _place_and_verb(k: int, e: int, words: Words) -> bool:
    parts = list(words.within(k, e))
    return (len(parts) == 2 and parts[0][0] == k and parts[1][1] == e and parts[0][2].startswith(("ns", "LOC"))
            and _is_verb(parts[1][2]))


def _drop_final_verb(k: int, e: int, text: str, words: Words) -> int:
    """疫苗共採購約650萬劑 → 疫苗: an adverb (共, 已, 再) before the verb that ends the run marks
    that verb as the predicate; the topic is the noun phrase before them. Without one the verb is
    part of a heading-like topic (委員出席 111人, 線上觀看累計超過3,500人次)."""
    last = words.at(e - 1)
    if not last or last[1] != e or last[0] <= k or not _is_verb(last[2]) or last[1] - last[0] < 2:
        return e
    adverb = words.at(last[0] - 1)
    if not (adverb and adverb[1] == last[0] and adverb[2] == "d" and adverb[0] > k):
        return e
    return adverb[0] if adverb[0] - k >= 2 else e


def share_compound_topics(stats: list[Statistic], text: str) -> list[Statistic]:
    """56團416人, 37團280人: a count written right after another, with no topic of its own, counts
    the same topic (the people of those groups)."""
    out: list[Statistic] = []
    for st in stats:
        prev = out[-1] if out else None
        if (prev and not st.subject and prev.subject and st.start == prev.end and st.kind == prev.kind == "count"
                and not text.endswith(prev.subject, prev.start, prev.end)):
            st = replace(st, subject=prev.subject)
        out.append(st)
    return out


def bound_subjects(stats: list[Statistic], text: str, tokens: list[tuple[int, int, str]]) -> list[Statistic]:
    words = Words(tokens)
    out = []
    for st in stats:
        if st.subject and text.endswith(st.subject, st.start, st.end):
            st = bound_after(st, text, words)
        elif st.subject:
            st = bound_before(st, text, words)
        out.append(st)
    return share_compound_topics(out, text)
