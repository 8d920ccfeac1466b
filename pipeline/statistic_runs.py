"""The character runs a statistic's subject is read from (pipeline/statistics.py): the counted noun after
the counter, the topic before the number (across link words, a distributive 每, a comparison, a share's
占, a list closed by 等), the noun after 的, a spending word before an amount. They work on the folded
shadow with the lexicons of configs/statistics.yml; pipeline/subjects.py and pipeline/topics.py then put
what they find on the segmenter's words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .statistics import _Lexicon


class _Words:
    """A word list with longest-first prefix/suffix look-ups in a few set probes."""

    __slots__ = ("by_len",)

    def __init__(self, words):
        groups: dict[int, set[str]] = {}
        for w in words or ():
            if w:
                groups.setdefault(len(w), set()).add(w)
        self.by_len = sorted(groups.items(), reverse=True)

    def __iter__(self):
        for _, ws in self.by_len:
            yield from sorted(ws)


def _ends_with_any(s: str, words: _Words) -> str | None:
    for n, ws in words.by_len:
        if len(s) >= n and s[-n:] in ws:
            return s[-n:]
    return None


def _starts_with_any(s: str, pos: int, words: _Words) -> str | None:
    for n, ws in words.by_len:
        w = s[pos:pos + n]
        if len(w) == n and w in ws:
            return w
    return None


def _is_cjk(ch: str) -> bool:
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")


def _cut_run(seg: str, lex: _Lexicon) -> str:
    """Cut a run of letters at its first stop character or stop word."""
    cut = len(seg)
    lead = _starts_with_any(seg, 0, lex.initial_ok_words) or ""  # 在台美商: 在 starts the noun
    for i, ch in enumerate(seg):
        if i < len(lead):
            continue
        if ch in lex.coordinators and 0 < i < len(seg) - 1 and seg[i + 1] not in lex.stop_chars:
            continue  # 學者及官員: two nouns joined are one subject
        if ch in lex.stop_chars and not (i == 0 and ch in lex.initial_ok):
            cut = i
            break
        if ch in lex.ambiguous and i > 0 and i + 1 < len(seg):
            after, before = lex.ambiguous[ch]
            if seg[i - 1] not in after and seg[i + 1] not in before and seg[i + 1] not in lex.stop_chars:
                cut = i
                break
    if lex.stop_word_re is not None:
        m = lex.stop_word_re.search(seg, 0, cut + 2 if cut < len(seg) else cut)
        if m and m.start() < cut:
            cut = m.start()
    return seg[:cut]




def _leading_nouns(seg: str, lex: _Lexicon) -> str:
    """Cut a run where its predicate starts: at the first word of two or more characters that the
    segmenter tags as a verb, or a one-character 獲/遭/受, once the noun has two characters
    (5所大學開設夜間課程 → 大學; 14案地方創生計畫獲…核定 → 地方創生計畫). Single-character
    words never cut on their own (區域會報, 與談人 stay whole)."""
    if len(seg) <= 2:
        return seg
    from .jieba_dictionary import dictionary
    from .shadow import simplify

    out = 0
    for word, flag in dictionary().cut(simplify(seg)):
        verb = flag in ("v", "vd", "vi", "vg") and len(word) >= 2
        if out >= 2 and (verb or word in lex.predicate_chars or flag == "f"):
            break
        out += len(word)
    return seg[:out]


def _weak_topic(seg: str, lex: _Lexicon, places: bool = True) -> bool:
    """The last word of ``seg`` is a verb of two characters or more (預計將創造) or a place name
    (大明村): before a number whose noun follows after 的, that noun is the subject."""
    from .jieba_dictionary import dictionary
    from .shadow import simplify

    words = list(dictionary().cut(simplify(seg)))
    particle = len(words) >= 2 and words[-1][1].startswith("u")  # 籌|得, 募|了: a verb with its particle
    if particle:
        words.pop()
    if not words:
        return False
    word, flag = words[-1]
    if particle and flag.startswith("v"):
        return True
    place = places and (flag == "ns" or len(seg) >= 3 and seg[-1] in lex.place_suffixes)
    return flag in ("v", "vd", "vi") and len(word) >= 2 or place


def _run_after(S: str, pos: int, lex: _Lexicon) -> tuple[str, int]:
    """The counted noun right after ``pos``: (subject, end of the noun in the text)."""
    m = lex.run_re.match(S, pos)
    if not m or _starts_with_any(S, pos, lex.change_verbs) or _starts_with_any(S, pos, lex.change_to_words):
        return "", pos  # 由3.8%|降至…, 從10萬元|提高到…: a verb of change follows, no counted noun
    seg = _cut_run(m.group(), lex)
    if len(seg) > 2:
        seg = _leading_nouns(seg, lex)
    if not seg or seg in lex.after_link_chars and not _is_cjk(S[pos + 1 : pos + 2]) or seg in lex.initial_ok:
        return "", pos  # 8團共41位: a one-character link word before the next number is no noun
    seg = seg[: lex.subj_max]  # a run this long holds more than the noun: keep its start
    return seg, pos + len(seg)


# 由/從 + the old value, before the verb of change that leads to the new one (每戶補助由5,000元|提高至1萬元)
_FROM_VALUE = re.compile(r"[由從从]原?(?:[^，,。；;：:\n由從从]|(?<=\d),(?=\d)){0,16}?[0-9〇一二三四五六七八九十百千萬万億亿]"
                         r"[^，,。；;：:\n由從从]{0,4}$")


def _run_before(S: str, pos: int, lex: _Lexicon, adjacent_ok: bool = True,
                allow_tail: bool = False, linked: bool = False, noun_only: bool = False) -> tuple[str, int]:
    """The topic right before ``pos`` (參與人數已超過300位 → 參與人數).

    A topic separated from the number by a link word (已, 達, 為, 的 …) or a distributive 每 + counter
    (慰問金每人20萬元), or by a qualifier (``linked``: 賑助期間最多為6個月), is taken for any kind; one written right against the number (出席委員11人,
    燃氣50%) only when ``adjacent_ok`` (and, when ``noun_only``, when it does not end in a verb). A total may follow its topic across one
    comma (各國訪賓，共計56團). Returns (subject, its end offset in ``S``).
    """
    w0 = max(0, pos - lex.scan_len - 6)
    window = S[w0:pos]
    of_whole = window.rstrip(" ").endswith("的")  # 總資產的60%: a share of a whole
    skipped = linked
    distributive, distributive_end = "", 0
    for _ in range(6):
        window = window.rstrip(" ")
        w = _ends_with_any(window, lex.before_skip)
        if w:
            window = window[: -len(w)]
            skipped = True
            if w in lex.skip_across_comma and window[-1:] in ("，", ","):
                window = window[:-1]
            if w[-1:] in lex.change_to_ends and (start := _FROM_VALUE.search(window)):
                window = window[: start.start()]  # 補助由5,000元提高至|1萬元: the new value is of the topic before 由
            continue
        change = _ends_with_any(window, lex.change_verbs)
        if not change and window.endswith("了") and (done := _ends_with_any(window[:-1], lex.change_verbs)):
            change = done + "了"  # 學生人數減少了|3成: the change with its aspect particle
        if change:
            clause = re.split(r"[，,。；;：:、\n]", window[: -len(change)])[-1]
            at = max(clause.rfind(c) for c in lex.comparison_markers) if lex.comparison_markers else -1
            if at > 0:  # 違規件數較去年同期下降約3成: the topic stands before the comparison
                window = window[: len(window) - len(change) - len(clause) + at]
                skipped = True
                continue
            if at == -1 and len(clause) >= 2 and _is_cjk(clause[-1]):  # 出口值年減5.2%: the change is stated of the noun
                window = window[: -len(change)]
                skipped = True
                continue
        n = next((n for n in (2, 3) if len(window) >= n and window[-n] == lex.distributive
                  and all(_is_cjk(c) for c in window[-n + 1:])), 0)
        if n:  # 每人, 每戶, 每節, 每學期 (the one nearest the number is the fallback topic)
            if not distributive:
                distributive, distributive_end = window[-n:], w0 + len(window)
            window = window[:-n]
            skipped = True
            continue
        break
    if window.endswith(tuple(lex.list_ends)):
        listed = _list_before(S, w0 + len(window) - 1, lex)
        if listed[0]:
            return listed  # 研究人員、國內相關學者專家等共7人: the people listed are counted
    if not skipped and not adjacent_ok:
        return "", 0
    part = _part_before_share(S, window, w0, lex, of_whole)
    if part[0]:
        return part
    seg, seg_end = _topic_tail(window, w0, lex, skipped or allow_tail, adjacent=not skipped)
    if seg and not skipped and noun_only and not _ends_with_any(seg, lex.money_topics) and _weak_topic(seg, lex, places=False):
        return "", 0  # 編列|300萬元, 籌得|100萬: a verb right against an amount is its predicate
    if not seg and distributive:
        return distributive, distributive_end
    return seg, seg_end


def _list_before(S: str, pos: int, lex: _Lexicon) -> tuple[str, int]:
    """The items listed before 等 at ``pos`` (甲、乙等共7人 → 甲、乙): runs of letters joined by 、,
    the first starting after the last stop character of its clause."""
    clause = S[max(0, pos - lex.list_scan_len):pos]
    clause = re.split(r"[，,。；;：:\n（()）「」]", clause)[-1]
    items = clause.split("、")
    if len(items) > lex.list_max_items or not all(2 <= len(i) and _letters_only(i) for i in items[1:]):
        return "", 0
    first = items[0]
    cut = max((i for i, ch in enumerate(first) if ch in lex.before_stop_chars), default=-1)
    first = first[cut + 1:]
    if len(first) < 2 or not _letters_only(first):
        return "", 0
    seg = "、".join([first] + items[1:])
    return seg, pos


def _letters_only(s: str) -> bool:
    return all(_is_cjk(c) or c.isascii() and c.isalpha() for c in s)


def _part_before_share(S: str, window: str, w0: int, lex: _Lexicon, of_whole: bool = False) -> tuple[str, int]:
    """X占Y(的)N%: the share is of the part X (製造業移工占產業移工近7成 → 製造業移工); the whole Y is
    the topic only when no part stands before 占 in the clause (…，占商會總人數的51%). With 的 before
    the number (``of_whole``) a verb of comparison marks the share too (X已超過Y的60%)."""
    clause_start = max(window.rfind(c) for c in "，,。；;：:、\n") + 1
    markers = lex.share_markers + (lex.share_verbs if of_whole else [])
    at = max((window.rfind(c, clause_start) for c in markers), default=-1)
    if at <= clause_start or _starts_noun(window[at : at + 2]):
        return "", 0  # (發電占比為9.5%: 占比 'share' is the noun, not 占 'accounts for')
    return _run_before(S, w0 + at, lex, adjacent_ok=True, linked=True)


def _starts_noun(pair: str) -> bool:
    from .lexicon import word_tag
    from .shadow import simplify

    return len(pair) == 2 and (word_tag(simplify(pair)) or "") == "n"


def _noun_after_clause(S: str, pos: int, lex: _Lexicon) -> tuple[str, int]:
    """A counter, a relative clause that starts with one of ``relative_clause_starts`` and ends in 的,
    then the counted noun (3位來自日本的學者 → 學者). It does not follow directly: not in the span."""
    w = _starts_with_any(S, pos, lex.relative_starts)
    if not w:
        return "", pos
    m = lex.run_re.match(S, pos + len(w))
    k = m.group().find("的") if m else -1
    if k < 1:
        return "", pos
    noun, end = _run_after(S, pos + len(w) + k + 1, lex)
    return (noun, end) if len(noun) >= 2 else ("", pos)


def _money_topic(S: str, pos: int, lex: _Lexicon) -> tuple[str, int]:
    """A spending or funding word right before an amount (投資210億元, 舉債將達到5千億元), else ''."""
    end = pos
    for _ in range(3):
        while end > 0 and S[end - 1] == " ":
            end -= 1
        w = _ends_with_any(S[max(0, end - 6):end], lex.before_skip)
        if not w:
            break
        end -= len(w)
    w = _ends_with_any(S[max(0, end - 6):end], lex.money_topics)
    return (w, end) if w else ("", 0)


def _topic_tail(window: str, w0: int, lex: _Lexicon, long_ok: bool, adjacent: bool = False) -> tuple[str, int]:
    """The run of letters that ends ``window``, from after its last stop character."""
    m = lex.run_tail_re.search(window)
    if not m:
        return "", 0
    seg_end = w0 + len(window)
    seg = m.group()
    # keep what follows the last stop character (a determiner such as 各 starts the phrase)
    last = -1
    inside = _inside_words(seg)
    for i, ch in enumerate(seg):
        if ch in lex.coordinators and 0 < i < len(seg) - 1:
            continue  # 產業及社福移工
        if ch in lex.before_stop_chars and not _starts_with_any(seg, i, lex.initial_ok_words) and i not in inside:
            last = i
    if last >= 0 and seg[last] in lex.before_initial_ok and last + 1 < len(seg):
        last -= 1
    seg = seg[last + 1:]
    if len(seg) < lex.subj_min_before:
        return "", 0
    if len(seg) > lex.subj_before_max and adjacent:
        # a long run right against the number: its noun phrase (全村水果產量1900噸), unless it ends in
        # a verb, which makes it a clause (訪問團走訪14國, 公司營收成長3到4成)
        # (its last characters: pipeline/topics.py grows them back over whole noun words)
        return ("", 0) if _weak_topic(seg, lex, places=False) else (seg[-lex.subj_before_max:], seg_end)
    if len(seg) > lex.subj_before_max:
        return ("", 0) if not long_ok else (seg[-lex.subj_before_max:], seg_end)
    return seg, seg_end


def _inside_words(seg: str) -> set[int]:
    """Positions of seg that lie inside a noun of the dictionary after its first character (海洛|因|,
    反|對|者): a stop character there is part of the noun, not a boundary (inside a verb it still is one:
    達|到|燃氣, 擁|有|股份)."""
    from .jieba_dictionary import dictionary
    from .shadow import simplify

    out, pos = set(), 0
    cut = list(dictionary().cut(simplify(seg)))
    for k, (word, flag) in enumerate(cut):
        if flag.startswith("n") and not flag.startswith("ns"):  # (the dictionary tags 波及 as a place)
            head = k > 0 and k == len(cut) - 1 and len(word) >= 2  # 發電|占比: the phrase's last noun, whole
            out.update(range(pos + (0 if head else 1), pos + len(word)))
        pos += len(word)
    return out


def _run_after_loose(S: str, pos: int, lex: _Lexicon) -> tuple[str, int]:
    """Like _run_after but a stop character in first position is tolerated (55%的在台美商)."""
    m = lex.run_re.match(S, pos)
    if not m:
        return "", pos
    seg = m.group()
    head, rest = seg[:1], _cut_run(seg[1:], lex)
    if head in lex.stop_chars and head == "的":
        return "", pos
    seg = head + rest
    if len(seg) > 2:
        seg = _leading_nouns(seg, lex)
    return (seg[-lex.subj_max:] if len(seg) > lex.subj_max else seg), pos + len(seg)
