"""A topic before the number is the whole noun phrase there, or nothing.

The statistics grammar finds a run of characters before the number (參與人數已超過300位 → 參與人數,
慰問金每人20萬元 → 慰問金); this pass puts it on the segmenter's words: it starts on a word boundary
(會總人數 → 商會總人數), grows back over noun words to a boundary (各國|重要訪賓), leaves out the
scope and time of the statement (全國, 雲林縣, 目前), and is empty when only a verb or a place and a
verb are left. A count written right after another (56團416人) shares its topic.
"""

from __future__ import annotations

import re

from dataclasses import replace

from .statistic_runs import _ends_with_any
from .statistics import Statistic, _lexicon, fold
from .subject_words import COUNTER, MAX_EXTEND, PHRASE, PLACE, PROPER, Words, is_verb, letters, nounish, time_word

def _topic_start(k: int, e: int, text: str, words: Words, kind: str = "") -> int:
    """Where a topic that the character rules start at ``k`` starts on the segmenter's words. Before
    an amount of money a noun in front of a verb is the giver (基金會|賑助每人40萬元), not the topic."""
    lex = _lexicon()
    first = words.at(k)
    if first and first[0] < k:
        after = words.at(first[1]) if first[1] < e else None
        agent = kind == "money" and after is not None and is_verb(after[2])
        common = nounish(first[2]) and not first[2].startswith(PROPER)
        # 占商會: a one-character verb or preposition glued to the noun by the segmenter
        glued = text[first[0]] in lex.before_stop_chars and first[2].startswith(("v", "p"))
        if common and not agent and k - first[0] <= MAX_EXTEND:
            k = first[0]
        elif glued and not agent and k - first[0] - 1 <= MAX_EXTEND:
            k = first[0] + 1
        else:
            k = first[1]
    return _drop_leading_scope(k, e, text, words)


def _drop_leading_scope(k: int, e: int, text: str, words: Words) -> int:
    """A topic does not start with a time word (目前學生), the scope of the count (全國, 本市,
    雲林縣), or a lone character left after a preposition (在|臺|外籍人士)."""
    for w in list(words.within(k, e)):
        if time_word(w, text) and w[1] <= e - 2:
            k = w[1]  # 系|目前|學生: what stands before a time word is another phrase
    while k < e:
        w = words.at(k)
        if w is None or w[0] != k or e - w[1] < 2 or not _outside_topic(w, text):
            return k
        k = w[1]
    return k


def _outside_topic(w: tuple[int, int, str], text: str) -> bool:
    """A word that a topic neither starts with nor grows over: a time word, a scope word or a county
    or city name, a lone character after a preposition or a bracket."""
    lex = _lexicon()
    piece = text[w[0]:w[1]]
    if time_word(w, text) or piece in lex.topic_scope_words:
        return True
    if w[2] == "s" and len(piece) >= 2 and fold(piece[-1]) in lex.topic_locative_endings:
        return True  # 家裡|負債: a place word says where, not what
    if w[2] == "d" and len(piece) == 1:
        return True  # 就|收入: an adverb before the topic belongs to the predicate
    if w[2].startswith(("ns", "LOC")) and piece[-1:] in lex.topic_scope_suffixes and len(piece) >= 3:
        return True
    before = text[w[0] - 1 : w[0]]
    if w[1] - w[0] != 1 or not before:
        return False
    return before in ")）」』" or before in lex.before_stop_chars and w[2].startswith(PLACE + COUNTER)


def _scope_ends_at(pos: int, text: str) -> bool:
    """A scope word ends at ``pos`` even when the segmenter split it (我|國)."""
    return any(text.endswith(w, 0, pos) for w in _lexicon().topic_scope_words)


def _extend_topic(k: int, e: int, text: str, words: Words) -> int:
    """Take the whole noun phrase back to a boundary (punctuation, a verb, 的 …): 各國|重要訪賓,
    日本|各地協會團體. A topic that starts with a verb is not extended (what precedes is its agent)."""
    lex = _lexicon()
    head = words.at(k)
    if head is None or is_verb(head[2]):
        return k
    while True:
        prev = words.ending_at(k)
        if prev is not None and text[prev[0]:prev[1]] in lex.coordinators and prev[1] - prev[0] == 1:
            first = words.ending_at(prev[0])  # 產業|及|社福移工: two nouns joined are one phrase
            if first is None or not first[2].startswith("n") or first[2].startswith(PROPER):
                return k
            prev = (first[0], k, first[2])
        if prev is None or prev[2].startswith(("nr", "PER")):
            return k
        prev = _dictionary_noun(prev, text)
        if not prev[2].startswith(PHRASE) and text[prev[0]:prev[1]] not in lex.attributive_time_words:
            return k
        if e - prev[0] > lex.topic_max_len or not letters(text[prev[0]:k]):
            return k
        if any(c in lex.before_stop_chars and c not in lex.before_initial_ok and c not in lex.coordinators
               for c in text[prev[0]:k]) and fold(text[prev[0]:prev[1]]) not in lex.final_ok_words:
            return k
        if _outside_topic(prev, text) or _scope_ends_at(prev[1], text):
            return k  # 全國|就診人數, 我|國|農業人口, （2）月|新生兒總數
        if prev[1] - prev[0] == 1 and text[prev[0] - 1 : prev[0]] in lex.before_stop_chars - {"的", "之"}:
            return k  # 在|地|社區工作者: a lone character after a preposition is not grown over (的|年營收 is)
        k = prev[0]


def _verb_place_start(k: int, e: int, text: str, words: Words) -> int:
    """來|台|旅客人次, 赴|日|觀光人數: a one-character place opening the topic after a one-character verb of
    motion is its modifier with that verb (來台旅客), never a topic's first word on its own."""
    first, prev = words.at(k), words.ending_at(k)
    if not first or first[0] != k or first[1] - first[0] != 1 or not first[2].startswith(("ns", "nt", "LOC", "ORG")) \
            or e - first[1] < 2:
        return k
    if prev and prev[1] - prev[0] == 1 and is_verb(prev[2]) and text[prev[0]] not in _lexicon().before_stop_chars:
        return prev[0]
    return k


def _dictionary_noun(word: tuple[int, int, str], text: str) -> tuple[int, int, str]:
    """A word the segmenter tags a verb that the dictionary knows only as a noun (長照 'long-term
    care', configs/taiwan_words.txt) is a noun in a topic."""
    from .lexicon import word_tag
    from .shadow import simplify

    if is_verb(word[2]) and word[1] - word[0] >= 2 and word_tag(simplify(text[word[0] : word[1]])) == "n":
        return (word[0], word[1], "n")
    return word


def bound_before(st: Statistic, text: str, words: Words) -> Statistic:
    """A subject before the number: it starts on a word boundary and is the whole noun phrase, looked
    for where the grammar found it (Statistic.subject_start)."""
    k = st.subject_start
    if k is None or not text.startswith(st.subject, k):
        k = text.rfind(st.subject, max(0, st.start - 24), st.start + len(st.subject))
    if k == -1:
        return st
    e = k + len(st.subject)
    if "、" in st.subject:  # a list of items (甲、乙等7人): only its first item's start moves to a word boundary
        comma = text.index("、", k)
        first = _topic_start(k, comma, text, words, st.kind)
        return replace(st, subject=text[first:e] if first < comma else text[comma + 1 : e])
    k = _topic_start(k, e, text, words, st.kind)
    if k >= e:
        return replace(st, subject="")
    k = _extend_topic(k, e, text, words)
    k = _verb_place_start(_whole_word_start(k, e, text, words), e, text, words)
    e = _drop_final_verb(k, e, text, words, st.kind)
    e = _drop_final_time(k, e, text, words)
    if _ends_with_any(fold(text[k:e]), _lexicon().change_verbs) == fold(text[k:e]):
        return replace(st, subject="")  # ，年增42.5%: a change alone names no topic
    if _ends_in_object_verb(k, e, text, words):
        return replace(st, subject="")  # 活動吸引|逾千人: the count is the verb's object, the noun its agent
    if e - k < _lexicon().subj_min_before:
        return replace(st, subject="")
    whole = words.at(k)
    if whole and whole[0] == k and whole[1] == e and time_word(whole, text):
        return replace(st, subject="")  # 當前約佔78%: a time word alone names no topic
    if text[k:e] in _lexicon().topic_scope_words:
        return replace(st, subject="")  # 占全國約36%: a scope alone names no topic
    parts = list(words.within(k, e))
    if (all(w[2].startswith(("v", "d", "ad", "u", "p")) and not w[2].startswith("vn") for w in parts)
            and any(w[2] in ("d", "ad", "u") for w in parts)):
        return replace(st, subject="")  # 順利地連闖三關: an adverb and a verb are a predicate, no topic
    if _place_and_verb(k, e, words):
        return replace(st, subject="")  # 在臺北展開為期三日: a place and a verb are a predicate
    head = words.at(k)
    if head and head[0] == k and head[1] == e and is_verb(head[2]) and not (
            st.kind in ("money", "count") and text[k:e] in _lexicon().money_topics):
        return replace(st, subject="")  # 斥資逾150億元, 已核發超過1萬張: a verb alone is no topic
    return replace(st, subject=text[k:e] if e > k else "")


def _ends_in_object_verb(k: int, e: int, text: str, words: Words) -> bool:
    """The run ends in a verb that takes the count as its object (configs/statistics.yml object_verbs),
    whatever the segmenter glued to it (可|節省, 吸引|逾)."""
    last = words.at(e - 1)
    return bool(last) and is_verb(last[2]) and bool(_ends_with_any(fold(text[max(k, e - 4) : e]), _lexicon().object_verbs))


def _place_and_verb(k: int, e: int, words: Words) -> bool:
    parts = list(words.within(k, e))
    return (len(parts) == 2 and parts[0][0] == k and parts[1][1] == e and parts[0][2].startswith(("ns", "LOC"))
            and is_verb(parts[1][2]))


def _drop_final_verb(k: int, e: int, text: str, words: Words, kind: str = "") -> int:
    """疫苗共採購約650萬劑 → 疫苗: an adverb (共, 已, 再) before the verb that ends the run marks
    that verb as the predicate; the topic is the noun phrase before them. Without one the verb is
    part of a heading-like topic (委員出席 111人, 線上觀看累計超過3,500人次)."""
    last = words.at(e - 1)
    if not last or last[1] != e or last[0] <= k or not is_verb(last[2]) or last[1] - last[0] < 2:
        return e
    before = words.ending_at(last[0])
    if kind in _lexicon().predicate_verb_kinds and last[0] - k >= 2 and before and nounish(before[2]):
        return last[0]  # 中國隊領先12分: a score or a measure is stated of the noun, the verb is its predicate
    adverb = words.at(last[0] - 1)
    if not (adverb and adverb[1] == last[0] and adverb[2] == "d" and adverb[0] > k):
        return e
    return adverb[0] if adverb[0] - k >= 2 else e


def _whole_word_start(k: int, e: int, text: str, words: Words) -> int:
    """租|屋慰助金 → 租屋慰助金: a topic does not start inside a dictionary word that the segmenter split
    off as a one-character word before it."""
    from .lexicon import word_freq
    from .shadow import simplify

    prev, first = words.ending_at(k), words.at(k)
    if not prev or not first or prev[1] - prev[0] != 1 or first[0] != k or text[prev[0]] in _lexicon().before_stop_chars:
        return _noun_across_start(k, e, text)
    joined = simplify(text[prev[0] : min(first[1], e)])
    return prev[0] if word_freq(joined) > 0 and letters(joined) else _noun_across_start(k, e, text)


def _noun_across_start(k: int, e: int, text: str) -> int:
    """再生|能源發電占比 → 再生能源發電占比: a dictionary noun that the segmenter cut in two, its second
    half opening the topic, is taken whole (the longest such word)."""
    from .lexicon import word_freq, word_tag
    from .shadow import simplify

    for n in (4, 3):
        for d in range(1, n - 1):
            i = k - d
            if i < 0 or i + n > e:
                continue
            word = simplify(text[i : i + n])
            if letters(word) and word_freq(word) > 0 and (word_tag(word) or "")[:1] in ("n", "l") \
                    and not (word_tag(word) or "").startswith(("nr", "ns", "nt")):
                return i
    return k


def _drop_final_time(k: int, e: int, text: str, words: Words) -> int:
    """爸今年49歲: a time word between the topic and the number dates the statement; the topic is
    the noun phrase before it."""
    last = words.at(e - 1)
    if last and last[1] == e and last[0] > k and time_word(last, text):
        return last[0]
    return e


# between a quantity and the same one converted or restated in brackets: 1660億馬克（約合920億美元）
_RESTATED = re.compile(r"[（(](?:約合|约合|折合|合|約|约|相當於|相当于|即)?")
# a clause that goes on with the same measure at another time: 1991年是238美元，1997年只需3.42美元
_LATER_CLAUSE = re.compile(r"[，,；;]\s*(?:\d{2,4}年|今年|去年|明年|前年|當前|当前|目前|現在|现在|如今)[^，,。；;！？\n]{0,4}")


def share_compound_topics(stats: list[Statistic], text: str) -> list[Statistic]:
    """56團416人, 37團280人: a count written right after another, with no topic of its own, counts
    the same topic (the people of those groups). So does the same quantity restated in brackets, and
    the same measure (unit and kind) in the next clause when that clause only says when."""
    out: list[Statistic] = []
    for st in stats:
        prev = out[-1] if out else None
        if (prev and not st.subject and prev.subject and st.start == prev.end and st.kind == prev.kind == "count"
                and not text.endswith(prev.subject, prev.start, prev.end)):
            st = replace(st, subject=prev.subject)
        elif prev and not st.subject and prev.subject and st.kind == prev.kind and st.kind in ("money", "percent"):
            between = text[prev.end : st.start]
            if _RESTATED.fullmatch(between) or (st.unit == prev.unit and _LATER_CLAUSE.fullmatch(between)):
                st = replace(st, subject=prev.subject)
        out.append(st)
    return out
