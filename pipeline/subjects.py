"""A statistic's subject is a whole noun phrase or nothing, never a fragment cut inside a word.

The statistics grammar reads a run of characters after the counter (13個經濟體) or before the number
(參與人數已超過300位). This pass bounds that run with the segmenter's words over the whole report:
a subject ends where a verb, preposition or particle word starts (40個班級動態展演 → 班級), it does
not end or start inside a word (會總人數 → 商會總人數; 前瞻計畫特別 → 前瞻計畫特別預算), and when
nothing of it is left it is empty. A subject after the counter is part of the span, so the span moves
with it.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from .statistics import Statistic

# words that end a noun phrase (jieba's and LAC's tags): verbs, prepositions, conjunctions, pronouns,
# numerals — of two characters or more; a one-character word never cuts on its own (與談人, 面向)
_STOP = ("v", "p", "c", "r", "m", "q")
_NOUN_VERB = ("vn",)  # 管理, 投資 used as nouns
_MAX_EXTEND = 4


class Words:
    """The segmenter's words as (start, end, tag), searchable by offset."""

    def __init__(self, tokens: list[tuple[int, int, str]]):
        self.tokens = tokens
        self.starts = [t[0] for t in tokens]

    def at(self, pos: int) -> tuple[int, int, str] | None:
        k = bisect.bisect_right(self.starts, pos) - 1
        if k >= 0 and self.tokens[k][0] <= pos < self.tokens[k][1]:
            return self.tokens[k]
        return None

    def within(self, i: int, j: int):
        k = bisect.bisect_left(self.starts, i)
        while k < len(self.tokens) and self.tokens[k][0] < j:
            yield self.tokens[k]
            k += 1


def _stops(word: tuple[int, int, str]) -> bool:
    return word[1] - word[0] >= 2 and word[2].startswith(_STOP) and not word[2].startswith(_NOUN_VERB)


def _nounish(tag: str) -> bool:
    return tag.startswith(("n", "vn", "j", "l")) or tag in ("X", "x", "")


def bound_after(st: Statistic, text: str, words: Words) -> Statistic:
    """A subject after the counter: cut at the first stop word, end on a word boundary."""
    s0 = st.end - len(st.subject)
    end = st.end
    for w in words.within(s0 + 1, end):
        if _stops(w) and w[0] > s0:
            end = w[0]
            break
    last = words.at(end - 1) if end > s0 else None
    if last and last[1] > end:  # the subject ends inside a word
        if _nounish(last[2]) and last[1] - end <= _MAX_EXTEND and "\n" not in text[end : last[1]]:
            end = last[1]
        else:
            end = last[0]
    if end <= s0:
        return replace(st, end=s0, text=text[st.start : s0], subject="")
    return replace(st, end=end, text=text[st.start : end], subject=text[s0:end])


def bound_before(st: Statistic, text: str, words: Words) -> Statistic:
    """A subject before the number: it starts on a word boundary (a noun word is taken whole)."""
    k = text.rfind(st.subject, max(0, st.start - 16), st.start + len(st.subject))
    if k == -1:
        return st
    first = words.at(k)
    if first and first[0] < k:
        if _nounish(first[2]) and k - first[0] <= _MAX_EXTEND:
            return replace(st, subject=text[first[0] : k + len(st.subject)])
        start = first[1]
        return replace(st, subject=text[start : k + len(st.subject)] if start < k + len(st.subject) else "")
    return st


def bound_subjects(stats: list[Statistic], text: str, tokens: list[tuple[int, int, str]]) -> list[Statistic]:
    words = Words(tokens)
    out = []
    for st in stats:
        if st.subject and text.endswith(st.subject, st.start, st.end):
            st = bound_after(st, text, words)
        elif st.subject:
            st = bound_before(st, text, words)
        out.append(st)
    return out
