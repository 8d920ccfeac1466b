"""The segmenter's words over a report, and what their tags say about a noun phrase's edges.

Shared by the two subject passes: after the counter (pipeline/subjects.py) and before the number
(pipeline/topics.py).
"""

from __future__ import annotations

import bisect

from .statistics import CN_DIGITS

# words that end a noun phrase (jieba's and LAC's tags): verbs, prepositions, conjunctions, pronouns,
# numerals, adverbs (重新, 已經) — of two characters or more; a one-character word never cuts on its own
# (與談人, 面向)
STOP = ("v", "p", "c", "r", "m", "q", "d")
NOUN_VERB = ("vn",)  # 管理, 投資 used as nouns
VERB = ("v", "vd")
MAX_EXTEND = 4
# tags of words a topic's noun phrase is built from (nouns, names of places and bodies, verb-nouns,
# adjectives such as 總, 重要): the look-back extends over them
PHRASE = ("n", "vn", "an", "a", "j", "l", "s", "LOC", "ORG")
PROPER = ("nr", "ns", "nt", "PER", "LOC", "ORG")
PLACE = ("ns", "LOC", "s", "f")  # 在|臺, 於|美: a one-character place after a preposition
COUNTER = ("q", "m")  # 每|名|學生: a counter after 每 belongs to it, not to the topic


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


def stops(word: tuple[int, int, str]) -> bool:
    return word[1] - word[0] >= 2 and word[2].startswith(STOP) and not word[2].startswith(NOUN_VERB)


def nounish(tag: str) -> bool:
    return tag.startswith(("n", "vn", "j", "l")) or tag in ("X", "x", "")


def time_word(w: tuple[int, int, str], text: str) -> bool:
    """A word that places the statement in time (目前, 今年, 上週), not one that qualifies a noun
    (日間照顧中心, 夜間課程)."""
    from .statistics import _lexicon

    return w[2] in ("t", "TIME") and text[w[0]:w[1]] not in _lexicon().attributive_time_words


def is_verb(tag: str) -> bool:
    return tag in VERB


def letters(s: str) -> bool:
    """Only CJK characters or Latin letters (no digits, numerals, spaces or punctuation)."""
    return bool(s) and all(("\u4e00" <= c <= "\u9fff" or c.isascii() and c.isalpha()) and c not in CN_DIGITS
                           for c in s)
