"""Statistics: every stated quantity in a report, with value, range, qualifier, unit, subject and kind.

``find_statistics(text)`` returns :class:`Statistic` rows (docs/CONTRACT.md §3 STATISTIC). Pure Python:
all lexicons live in ``configs/statistics.yml`` and are compiled into a handful of regular expressions once
per process; the text is scanned with them as a whole (no per-character Python loop), so a report of a
million characters is fine.

How it works
------------
1. The text is folded one character to one character (full-width digits and signs to ASCII, 爲→為, 臺→台,
   万→萬 …) so that offsets into the folded "shadow" are offsets into the original.
2. Spans that can never hold a statistic are masked: dates and date ranges, clock times, relative days
   (今(26)日), codes and versions (SOM2, 1F, COVID-19, 5.0.1), phone numbers and the set phrases of the
   config (一起, 百工百業 …).
3. One regular expression finds candidates: optional qualifier, optional currency or 百分之, a number
   (Arabic with separators/decimals, Chinese numerals, mixed 3萬/1.5億), an optional range end, an optional
   餘/多 and an optional unit. Each candidate is then checked against context rules (ordinals, years,
   dates given as 日, 一 as an article, names such as 研究八所 …) and completed with its subject, read
   from the character runs around it (pipeline/statistic_runs.py).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import cn2an

from .config import CONFIG_DIR, load
from .shadow import traditionalise
from .statistic_runs import (_Words, _ends_with_any, _is_cjk, _money_topic, _noun_after_clause,
                             _run_after, _run_after_loose, _run_before, _starts_with_any, _weak_topic)

CONFIG_PATH = CONFIG_DIR / "statistics.yml"

QUALIFIERS = ("exact", "over", "at_least", "under", "at_most", "about")
KINDS = ("count", "money", "percent", "duration", "age", "other")


@dataclass(frozen=True)
class Statistic:
    start: int
    end: int
    text: str
    value: float
    value_max: float | None
    qualifier: str  # exact|over|at_least|under|at_most|about
    unit: str  # counter/unit as written, '' if none
    subject: str  # counted noun or topic, '' if none
    kind: str  # count|money|percent|duration|age|other
    currency: str  # ISO code for money, else ''
    subject_start: int | None = None  # where the subject starts in the text (not an output column)


# ---------------------------------------------------------------------------------------------------------
# Character folding (1:1, so offsets are preserved)

def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for i in range(10):
        table[0xFF10 + i] = chr(0x30 + i)
    for i in range(26):
        table[0xFF21 + i] = chr(0x41 + i)
        table[0xFF41 + i] = chr(0x61 + i)
    pairs = {
        "％": "%", "﹪": "%", "．": ".", "～": "~", "〜": "~", "－": "-", "–": "-", "—": "-", "‐": "-",
        "−": "-", "（": "(", "）": ")", "＄": "$", "＃": "#", "＿": "_", "／": "/", "：": ":", "＋": "+",
        "\u3000": " ", "\xa0": " ", "\t": " ",
        "爲": "為", "臺": "台", "裏": "裡", "万": "萬", "亿": "億", "两": "兩", "个": "個", "岁": "歲",
        "○": "〇",
    }
    # CJK compatibility ideographs and Kangxi radicals that stand in for ordinary characters (⼀ → 一)
    for lo, hi in ((0xF900, 0xFB00), (0x2F00, 0x2FE0), (0x2E80, 0x2F00)):
        for cp in range(lo, hi):
            n = unicodedata.normalize("NFKC", chr(cp))
            if len(n) == 1 and n != chr(cp):
                table[cp] = n
    for a, b in pairs.items():
        table[ord(a)] = b
    return table


FOLD = _fold_table()


def fold(text: str) -> str:
    """The matching shadow of ``text``: same length, variant characters unified."""
    return text.translate(FOLD)


# ---------------------------------------------------------------------------------------------------------
# Compiled lexicon

CN_DIGITS = "零〇一二三四五六七八九十百千萬億兆兩廿卅"
# The tenths digit after 成 (七成五 = 75 %), and what makes 多 after 成 the start of a word (多數, 多元).
_TENTHS = {c: k for k, c in enumerate("零一二三四五六七八九")} | {str(k): k for k in range(10)}
_MANY_WORD_ENDS = set("元數数樣样項项種种個个次位名家國国方重半少")
CN_PLAIN_DIGITS = "零〇一二三四五六七八九兩"
MULTS = "十百千萬億兆"
# thousands separators, also with a stray space after the comma (4, 010億元) or inside the group of
# three (1,3 05家) as copied web text has
AR = r"[0-9]+(?:[,，][ ]?(?:[0-9]{3}|[0-9][ ][0-9]{2}|[0-9]{2}[ ][0-9])(?![0-9]))*(?:\.[0-9]+)?"
# 3千多億: 多/餘 between two multipliers (over 3000億)
INNER_OVER_RE = re.compile(r"[十百千][多餘][萬億兆]")
MIXED = AR + r"(?:(?:[十百千](?:[多餘](?=[萬億兆]))?|[ ]?[萬億兆])[十百千萬億兆]*(?:零?[0-9]+(?:[,，][0-9]{3}(?![0-9]))*(?:\.[0-9]+)?[十百千萬億]*)*)?"
CN = "[" + CN_DIGITS + "]+"
NUM = f"(?:{MIXED}|{CN})"
NUMX = r"(?:[0-9]+|[零〇一二三四五六七八九十百廿卅兩]+)"  # for dates and clock times
SP = r"[ ]?"
CJK = "\u4e00-\u9fff\u3400-\u4dbf"
RUN_CHARS = f"[{CJK}A-Za-z]"


_ORDINAL_LIST_RE = re.compile(rf"第[ ]?[0-9{CN_DIGITS}]+[ ]?[、,，及與和至到~\-][ ]?(?:第[ ]?)?$")


def _alt(words) -> str:
    words = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in words)


def _f(word: str) -> str:
    return fold(str(word))


def _fl(words) -> list[str]:
    return [_f(w) for w in (words or [])]


class _Lexicon:
    def __init__(self, cfg: dict):
        u = cfg["units"]
        self.unit_kind: dict[str, str] = {}
        for kind in ("count", "duration", "age", "percent", "other"):
            for w in _fl(u.get(kind)):
                self.unit_kind.setdefault(w, kind)
        cur = cfg["currencies"]
        self.default_currency = cur.get("default_currency", "TWD")
        self.cur_prefix = {_f(k): v for k, v in (cur.get("prefix") or {}).items()}
        self.cur_suffix = {_f(k): (v or "") for k, v in (cur.get("suffix") or {}).items()}
        self.non_stat = set(_fl(cfg.get("non_statistic_units")))
        self.blockers = {_f(k): set(_f(v)) for k, v in (cfg.get("unit_blockers") or {}).items()}

        unit_words = set(self.unit_kind) | set(self.cur_suffix) | self.non_stat
        self.unit_words = _Words(unit_words)
        pieces = []
        for w in sorted(unit_words, key=lambda w: (-len(w), w)):
            if w.startswith("個") and len(w) > 1 and self.unit_kind.get(w) == "duration":
                pieces.append("個[多餘半]?" + re.escape(w[1:]))
            else:
                pieces.append(re.escape(w))
        unit_alt = "|".join(pieces)

        q = cfg["qualifiers"]
        self.pre_q: dict[str, str] = {}
        for qual, words in (q.get("pre") or {}).items():
            for w in _fl(words):
                self.pre_q[w] = qual
        self.round_only = set(_fl(q.get("round_only")))
        self.several = _f(q.get("several_word", "數"))
        self.several_noun_before = set(_f(q.get("several_noun_before", "")))
        self.mid_q = {_f(k): v for k, v in (q.get("mid") or {}).items()}
        self.post_q = {_f(k): v for k, v in (q.get("post") or {}).items()}
        self.post_words = _Words(self.post_q)
        self.limit_followers = _Words(set(_fl(q.get("limit_followers"))))
        self.invalid_preceders = {_f(k): set(_f(v)) for k, v in (q.get("invalid_preceders") or {}).items()}
        self.round_about = set(_fl(q.get("round_about")))
        self.round_needs_q = set(_fl(q.get("round_needs_qualifier")))

        self.pct_prefix = _f(cfg.get("percent_prefix", "百分之"))
        self.pct_unit = cfg.get("percent_prefix_unit", "%")

        pre_alt = _alt(list(self.pre_q) + list(self.round_only))
        link_alt = _alt(_fl(q.get("link")))
        cur_alt = _alt(self.cur_prefix)
        mid_alt = "".join(re.escape(c) for c in self.mid_q if len(c) == 1)
        self.main = re.compile(
            rf"(?:(?P<pre>{pre_alt})(?:{SP}(?P<link>{link_alt}))?{SP})?"
            rf"(?:(?P<cur>{cur_alt}){SP}|(?P<pct>{re.escape(self.pct_prefix)}))?"
            rf"(?P<n1>{NUM})"
            rf"(?:(?P<u1>{unit_alt})?{SP}(?P<sep>[-~到至]){SP}(?:{re.escape(self.pct_prefix)})?(?P<n2>{NUM}))?"
            rf"(?P<mid>[{mid_alt}])?"
            rf"(?P<mult>(?<=[多餘])[萬億兆])?"  # 3百多萬, 2千多億: a multiplier after the 多 scales the rough number
            rf"{SP}(?P<unit>{unit_alt})?"
        )

        self.span_cues = _Words(set(_fl(cfg.get("span_cues"))))
        self.span_followers = _Words(set(_fl(cfg.get("span_followers"))))
        self.relative_followers = _Words(set(_fl(cfg.get("relative_followers"))))
        self.year_min = float(cfg.get("year_min_value", 50))
        self.era_words = _Words(set(_fl(cfg.get("era_words"))))
        self.time_point_words = _Words(set(_fl(cfg.get("time_point_words"))))
        self.ordinal_re = re.compile(r"(?:" + _alt(_fl(cfg.get("ordinal_prefixes"))) + r")[ ]*$")
        self.one_article = set(_fl(cfg.get("one_article_units")))
        self.negated_one = _Words(set(_fl(cfg.get("negated_one_before"))))
        self.one_not_span = set(_fl(cfg.get("one_not_span_followers")))
        self.name_counters = set(_fl(cfg.get("name_counters")))
        self.name_ok_before = set(_f(cfg.get("name_counter_ok_before", "")))

        en = cfg.get("enumerations") or {}
        self.enum_marker = _f(en.get("marker", "大"))
        self.enum_marker_blockers = set(_f(en.get("marker_blockers", "")))
        self.enum_max = float(en.get("max_value", 12))
        self.enum_nouns = _Words(set(_fl(en.get("nouns"))))
        self.vague_prefixes = _Words(set(_fl(cfg.get("vague_prefixes"))))
        self.bare_topics = _Words(set(_fl(cfg.get("bare_number_topics"))))
        self.bare_count_nouns = sorted(set(_fl(cfg.get("bare_count_nouns"))), key=len, reverse=True)

        s = cfg.get("subject") or {}
        self.subj_max = int(s.get("max_len", 7))
        self.subj_before_max = int(s.get("before_max_len", 4))
        self.topic_max_len = int(s.get("topic_max_len", 10))
        self.subj_min_before = int(s.get("min_before_len", 2))
        self.scan_len = int(s.get("scan_len", 12))
        self.stop_chars = set(_f(s.get("stop_chars", "")))
        self.initial_ok = set(_f(s.get("initial_ok", "")))
        self.before_stop_chars = set(_f(s.get("before_stop_chars", s.get("stop_chars", ""))))
        self.ambiguous = {
            _f(k): (set(_f((v or {}).get("after", ""))), set(_f((v or {}).get("before", ""))))
            for k, v in (s.get("ambiguous_chars") or {}).items()
        }
        self.no_after_units = set(_fl(s.get("no_after_subject_units")))
        self.event_counters = set(_fl(s.get("event_counters")))
        self.predicate_verb_kinds = set(s.get("predicate_verb_kinds") or [])
        self.object_verbs = _Words(set(_fl(s.get("object_verbs"))))
        self.after_kinds = set(s.get("after_kinds") or [])
        stop_words = _fl(s.get("stop_words"))
        self.stop_word_re = re.compile(_alt(stop_words)) if stop_words else None
        self.before_skip = _Words(set(_fl(s.get("before_skip"))))
        self.after_link_chars = set(_f(s.get("after_link_chars", "")))
        self.relative_starts = _Words(set(_fl(s.get("relative_clause_starts"))))
        self.coordinators = set(_f(s.get("coordinators", "")))
        self.after_post_kinds = set(s.get("after_post_qualifier_kinds") or [])
        self.of_noun_kinds = set(s.get("of_noun_kinds") or ["percent"])
        self.initial_ok_words = _Words(set(_fl(s.get("initial_ok_words"))))
        self.final_ok_words = set(_fl(s.get("final_ok_words")))
        self.skip_across_comma = set(_fl(s.get("before_skip_across_comma")))
        self.change_to_ends = set(_f(s.get("change_to_ends", "")))
        self.change_to_words = _Words({w for w in _fl(s.get("before_skip")) if len(w) >= 2 and w[-1] in self.change_to_ends})
        self.distributive = _f(s.get("distributive_marker", "每"))
        self.change_verbs = _Words(set(_fl(s.get("change_verbs"))))
        self.share_markers = list(_f(s.get("share_markers", "")))
        self.share_verbs = sorted(_fl(s.get("share_verbs_of_whole")), key=len, reverse=True)
        self.comparison_markers = list(_f(s.get("comparison_markers", "")))
        self.before_initial_ok = set(_f(s.get("before_initial_ok", "")))
        self.money_topics = _Words(set(_fl(s.get("money_topics"))))
        self.topic_scope_words = set(_fl(s.get("topic_scope_words")))
        self.list_ends = _fl(s.get("list_end_words") or ["等"])
        self.list_scan_len = int(s.get("list_scan_len", 30))
        self.list_max_items = int(s.get("list_max_items", 5))
        self.place_suffixes = set(_f(s.get("place_suffixes") or ""))
        self.topic_locative_endings = set(_f(s.get("topic_locative_endings") or ""))
        self.time_clause_chars = set(_f(s.get("time_clause_chars") or ""))
        self.predicate_chars = set(_f(s.get("predicate_chars") or ""))
        self.doubled_every = set(_f(s.get("doubled_every_chars") or ""))
        self.attributive_time_words = set(_fl(s.get("attributive_time_words")))
        self.noun_suffixes = set(_f(s.get("noun_suffixes", "")))
        self.topic_scope_suffixes = set(_f(s.get("topic_scope_suffixes", "")))
        self.before_kinds = set(s.get("before_kinds") or [])
        self.before_adjacent_kinds = set(s.get("before_adjacent_kinds") or [])
        self.noun_only_adjacent_kinds = set(s.get("noun_only_adjacent_kinds") or [])
        self.run_re = re.compile(rf"(?:(?![{CN_DIGITS}]){RUN_CHARS}){{1,{self.scan_len}}}")
        self.run_tail_re = re.compile(rf"(?:(?![{CN_DIGITS}]){RUN_CHARS})+$")

        self.mask_res = self._mask_patterns(cfg)

    @staticmethod
    def _mask_patterns(cfg: dict) -> list[re.Pattern]:
        sep = r"[ ]?[-~至到][ ]?"
        day = rf"{NUMX}[ ]?[日號]"
        month = rf"{NUMX}[ ]?月"
        year = rf"{NUMX}[ ]?年"
        pats = [
            # full dates and date ranges: 2025年4月10日, 5月24日至26日, 7月26日至8月15日, 3至5月
            rf"(?:{year}[ ]?)?{month}(?:[ ]?{day})?(?:{sep}(?:{year}[ ]?)?(?:{month}[ ]?)?(?:{day})?)?",
            rf"{NUMX}{sep}{month}",
            rf"(?:本|上|下|同|該|當|次|每|今|隔|翌|是)[ ]?月[ ]?{NUMX}(?:{sep}{NUMX})?[ ]?[日號]",
            # relative days and bracketed years: 今(26)日, 昨(26)日, (2010)年
            rf"[今昨明前本去]?[ ]?\([ ]?{NUMX}[ ]?\)[ ]?[日年月]",
            # clock times
            rf"(?:上午|下午|中午|晚上|早上|凌晨|清晨|傍晚|晚間|早晨|午後|夜間)[ ]?{NUMX}[ ]?[時點](?:[ ]?{NUMX}[ ]?分)?(?:[ ]?{NUMX}[ ]?秒)?",
            rf"{NUMX}[ ]?時(?:[ ]?{NUMX}[ ]?分)?(?:[ ]?{NUMX}[ ]?秒)?",
            rf"{NUMX}[ ]?點[ ]?(?:{NUMX}[ ]?分|半|鐘)",
            r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?",
            # fractions other than 百分之: 三分之一
            rf"(?<!百)(?!百分之){NUMX}[ ]?分之[ ]?{NUMX}",
            # phone numbers
            r"\(0[0-9]{1,3}\)[ ]?[0-9]{3,4}[- ]?[0-9]{3,4}",
            r"(?<![0-9])0[0-9]{1,3}-[0-9]{3,4}-?[0-9]{3,4}",
            r"(?<![0-9])09[0-9]{2}-?[0-9]{3}-?[0-9]{3}",
            r"\+[0-9]{1,3}[- ]?[0-9][0-9 \-]{6,}",
            # codes and versions: SOM2, COVID-19, G20, 1F, 5G, 5.0.1, v2.0
            r"[A-Za-z]+[-_]?[0-9][0-9A-Za-z.\-]*",
            r"(?<![0-9.,])[0-9]+[A-Za-z]+[0-9A-Za-z]*",
            # years written with the letter O for zero: 二OO八年
            r"(?=[一二三四五六七八九〇零Oo]*[Oo])[一二三四五六七八九〇零Oo]{3,4}[ ]?年",
            r"[0-9]+(?:\.[0-9]+){2,}",
            r"[0-9]+/[0-9]+(?:/[0-9]+)?",
        ]
        ranks = cfg.get("ranks") or {}
        if ranks.get("prefixes") and ranks.get("counters"):  # 前八名, 前四強: the top eight is a rank
            pats.append(rf"(?:{_alt(_fl(ranks['prefixes']))})[ ]?{NUMX}[ ]?(?:{_alt(_fl(ranks['counters']))})")
        idioms = _fl(cfg.get("not_statistics"))
        lead_num = [w for w in idioms if w[0] in CN_DIGITS]
        other = [w for w in idioms if w[0] not in CN_DIGITS]
        if lead_num:
            pats.append(rf"(?<![0-9{CN_DIGITS}])(?:{_alt(lead_num)})")
        if other:
            pats.append(f"(?:{_alt(other)})")
        return [re.compile(p) for p in pats]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    return _Lexicon(load(CONFIG_PATH.stem))


# ---------------------------------------------------------------------------------------------------------
# Numbers

@lru_cache(maxsize=4096)
def parse_number(s: str) -> float | None:
    """Value of one number as written (Arabic, Chinese or mixed), or None when it is not a plain number."""
    t = s.replace(",", "").replace("，", "").replace(" ", "")
    if INNER_OVER_RE.search(t):
        t = re.sub(r"(?<=[十百千])[多餘](?=[萬億兆])", "", t)
    if not t:
        return None
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", t):
        if len(t.split(".")[0]) > 15:
            return None
        return float(t)
    if len(t) > 20:
        return None
    if all(c in "零〇" for c in t):
        return None
    # a run of plain digits without 十百千萬億 (一一五, 二〇二五, 三四) is a code, a year or a rough range
    if all(c in CN_PLAIN_DIGITS for c in t) and len(t) > 1:
        return None
    if "兆" in t:  # cn2an stops at 億: 1兆9153億 = 1 × 10^12 + 9153 × 10^8
        head, _, tail = t.partition("兆")
        hv = parse_number(head or "一")
        tv = parse_number(tail) if tail else 0.0
        return None if hv is None or tv is None else hv * 1e12 + tv
    t = t.replace("卅", "三十").replace("廿", "二十")
    if t[0] in "百千萬億":
        t = "一" + t
    try:
        v = cn2an.cn2an(t, "smart")
    except Exception:  # cn2an raises ValueError (and occasionally others) on malformed numerals
        return None
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def _rough_range(s: str) -> tuple[float, float] | None:
    """三四 → (3, 4), 五六十 → (50, 60), 一兩百 → (100, 200): adjacent Chinese digits as a rough range."""
    digits = "一二三四五六七八九"
    t = s.replace("兩", "二")
    if len(t) < 2 or t[0] not in digits or t[1] not in digits:
        return None
    if digits.index(t[1]) != digits.index(t[0]) + 1:
        return None
    rest = t[2:]
    if rest and not all(c in MULTS for c in rest):
        return None
    mult = parse_number("一" + rest) if rest else 1.0
    if not mult:
        return None
    return (digits.index(t[0]) + 1) * mult, (digits.index(t[1]) + 1) * mult


def _is_chinese(num: str) -> bool:
    return not re.search(r"[0-9]", num)


def _fmt_ok(v: float) -> bool:
    return v == v and v not in (float("inf"), float("-inf"))


def _mask(S: str, lex: _Lexicon) -> bytearray:
    mask = bytearray(len(S))
    for rx in lex.mask_res:
        for m in rx.finditer(S):
            a, b = m.span()
            if b > a:
                mask[a:b] = b"\x01" * (b - a)
    return mask


def _masked(mask: bytearray, a: int, b: int) -> bool:
    return mask.find(1, a, b) != -1


# ---------------------------------------------------------------------------------------------------------
# Candidate evaluation

class _Cand:
    __slots__ = ("start", "end", "core_end", "value", "value_max", "qualifier", "unit", "subject",
                 "subj_start", "subj_at", "kind", "currency")

    def __init__(self, **kw):
        for k in self.__slots__:
            setattr(self, k, kw.get(k))


def _evaluate(m: re.Match, S: str, text: str, mask: bytearray, lex: _Lexicon) -> _Cand | None:
    n1, n2 = m.group("n1"), m.group("n2")
    n1s, n1e = m.span("n1")
    if _masked(mask, n1s, n1e) or (n2 and _masked(mask, *m.span("n2"))):
        return None

    pre, cur, pct = m.group("pre"), m.group("cur"), m.group("pct")
    mid, unit_raw, u1 = m.group("mid"), m.group("unit"), m.group("u1")

    # --- qualifier before the number ---------------------------------------------------------------
    pre_q = None
    if pre:
        ps = m.start("pre")
        prev = S[ps - 1] if ps > 0 else ""
        if prev and prev in lex.invalid_preceders.get(pre, ()):
            pre = None
        elif pre in lex.round_only:
            if n1 and n1[0] in MULTS and all(c in MULTS for c in n1):
                pre_q = "about"
            elif pre == lex.several and n1[0].isdigit() and prev not in lex.several_noun_before:
                pre_q = "about"
            else:
                pre = None
        else:
            pre_q = lex.pre_q.get(pre)
    if pre:
        left = m.start("pre")
    elif cur:
        left = m.start("cur")
    elif pct:
        left = m.start("pct")
    else:
        left = n1s
    before = S[max(0, left - 12):left]
    if _ends_with_any(S[max(0, n1s - 4):n1s], lex.vague_prefixes) and not pre_q:
        return None

    # --- ordinals, codes, Latin neighbours ----------------------------------------------------------
    if lex.ordinal_re.search(before) or lex.ordinal_re.search(S[max(0, n1s - 12):n1s]):
        return None
    if _ORDINAL_LIST_RE.search(S[max(0, left - 16):left]):
        return None  # 第1、2屆: the second number of an ordinal list
    if not cur:
        prev = S[n1s - 1] if n1s > 0 else ""
        if prev.isascii() and prev.isalpha():
            return None
        if prev and prev in "-_/." and n1s > 1 and S[n1s - 2].isascii() and S[n1s - 2].isalnum():
            return None
        if prev.isascii() and prev.isdigit():
            return None
        if prev and prev in MULTS and n1s > 1 and S[n1s - 2].isdigit():
            return None

    # --- values ---------------------------------------------------------------------------------------
    value_max = None
    rough = None
    v1 = parse_number(n1)
    if v1 is None:
        rough = _rough_range(n1) if not n2 else None
        if rough is None:
            return None
        v1, value_max = rough
    if n2:
        v2 = parse_number(n2)
        if v2 is None or v2 <= v1:
            return None
        value_max = v2
    if m.group("mult"):
        v1 *= parse_number("一" + m.group("mult"))
    if not _fmt_ok(v1):
        return None
    sign = _sign_before(text, left) if not (pre or cur or pct) else 0
    if sign:
        left -= sign  # 成長率為-1.5%, 負2.3%, 零下5度: the sign is part of the quantity
        v1 = -v1
        if value_max is not None:
            value_max = -value_max
            v1, value_max = min(v1, value_max), max(v1, value_max)

    # --- unit -----------------------------------------------------------------------------------------
    nend = m.end("n2") if n2 else n1e
    pos = m.end("mult") if m.group("mult") else m.end("mid") if mid else nend
    unit_norm = None
    inner = None
    if unit_raw:
        us, ue = m.span("unit")
        unit_norm = unit_raw
        if unit_raw.startswith("個") and len(unit_raw) >= 3 and unit_raw[1] in "多餘半":
            inner = unit_raw[1]
            unit_norm = "個" + unit_raw[2:]
        nxt = S[ue] if ue < len(S) else ""
        if nxt and nxt in lex.blockers.get(unit_norm, ()):
            unit_raw = unit_norm = None
        else:
            pos = ue
    if u1 and (not unit_norm or _strip_inner(u1) != unit_norm):
        return None
    if unit_norm in lex.non_stat:
        return None

    kind = ""
    currency = ""
    unit_out = ""
    if pct:
        kind, unit_out = "percent", lex.pct_unit
        if unit_norm:
            return None
    elif cur:
        currency = lex.cur_prefix[cur]
        if unit_norm is None:
            unit_out = unicodedata.normalize("NFKC", text[m.start("cur"):m.end("cur")])
        elif unit_norm in lex.cur_suffix:
            unit_out = _written(text, m, unit_norm, inner)
            currency = lex.cur_suffix[unit_norm] or currency
            if lex.cur_suffix[unit_norm] and lex.cur_suffix[unit_norm] != lex.cur_prefix[cur]:
                currency = lex.cur_prefix[cur]
        else:
            return None
        kind = "money"
    elif unit_norm in lex.cur_suffix:
        kind = "money"
        currency = lex.cur_suffix[unit_norm] or lex.default_currency
        unit_out = _written(text, m, unit_norm, inner)
    elif unit_norm:
        kind = lex.unit_kind.get(unit_norm, "other")
        unit_out = _written(text, m, unit_norm, inner)

    qual_mid = lex.mid_q.get(mid) if mid else None
    if INNER_OVER_RE.search(n1):
        qual_mid = "over"
    if inner in ("多", "餘"):
        qual_mid = "over"
    if inner == "半" and value_max is None:
        v1 += 0.5

    end = pos
    subject = ""
    subj_start = None
    subj_end = 0
    core_end = None

    # --- numbers without a unit: enumerations, 450萬人口, 學分128 ------------------------------------
    if not kind:
        mult = m.group("mult")
        if (mid and not mult) or rough:
            return None
        # an amount ending in a multiplier (450萬, 3千多億) may stand without a unit
        ends_in_multiplier = bool(mult) or bool(re.fullmatch(MIXED, n1) and n1[-1] in "萬億兆")
        nxt = S[pos] if pos < len(S) else ""
        if nxt and nxt.isascii() and (nxt.isalnum() or nxt in ".-_"):
            return None
        noun_at = None  # where the counted noun starts, for the three forms that name one after the number
        bare_end = _bare_count_noun(S, pos, lex) if not n2 and v1 >= 2 else 0
        if bare_end:
            # 12企業, 八部落: a count written without a counter; the 大 of 4大廠商 is no part of the noun
            marked = nxt == lex.enum_marker and S[pos + 1 : bare_end] in lex.bare_count_nouns
            noun_at = pos + 1 if marked else pos
            subject, end = S[noun_at:bare_end], bare_end
            subj_start, subj_end, core_end, kind = noun_at, bare_end, pos, "count"
            noun_at = None
        elif nxt == lex.enum_marker and 1 < v1 <= lex.enum_max and not n2 and "." not in n1:
            after = S[pos + 1] if pos + 1 < len(S) else ""
            if not after or after in lex.enum_marker_blockers:
                return None
            noun_at = pos + 1  # 三大要素
        elif _starts_with_any(S, pos, lex.enum_nouns) and v1 != 1 and not n2:
            noun_at = pos  # 兩步驟
        elif ends_in_multiplier and _is_cjk(nxt) and nxt not in lex.stop_chars:
            noun_at = pos  # 450萬人口
        if kind:
            pass
        elif noun_at is None and ends_in_multiplier and (not _is_cjk(nxt) or nxt in lex.stop_chars):
            # 再舉債3500億，/ 斥資60億在…: an amount whose unit is left unsaid (no counted noun after it)
            kind = "count"
            subj_start = pos
            subject, subj_end = _money_topic(S, left, lex)
        elif noun_at is not None:
            subject, end = _run_after(S, noun_at, lex)
            if not subject:
                return None
            subj_start = core_end = noun_at
            subj_end = end
            kind = "count"
        elif kind:
            pass
        elif re.fullmatch(AR, n1) and not n2 and not pre:
            topic_end = left
            w = _ends_with_any(S[max(0, topic_end - 6):topic_end], lex.bare_topics)
            if not w:
                return None
            kind = "count"
            subject, subj_end = _run_before(S, topic_end, lex, allow_tail=True)
        else:
            return None

    # --- 一 as an article, round numerals, names with numerals -----------------------------------------
    cue = _ends_with_any(before.rstrip(" "), lex.span_cues)
    has_q = bool(pre_q) or bool(cue)
    if n1 == "一" and not n2 and not pre_q and _ends_with_any(before.rstrip(" "), lex.negated_one):
        return None  # 沒有一個人, 沒有一種技術: "none", no count
    if n1 == "一" and not n2 and not has_q:
        if unit_norm in lex.one_article:
            return None
        follower = _starts_with_any(S, end, lex.span_followers)
        if kind == "duration" and not inner and (not follower or follower in lex.one_not_span):
            # 一年來的成果 is "this past year", an article; 近一年來 and 三年來 are spans
            return None
    if n1 in lex.round_needs_q and not pre_q:
        return None
    if unit_norm in lex.name_counters and _is_chinese(n1) and not pre and not cur:
        prev = S[n1s - 1] if n1s > 0 else ""
        if _is_cjk(prev) and prev not in lex.name_ok_before and not _bare_count_noun(S, end, lex):
            return None  # 研究八所 is a name; 六所國小 counts schools

    # --- after the unit: 半 / 多 on time units, post qualifiers, relative dates --------------------------
    qual_post = None
    if kind == "duration":
        nxt = S[end] if end < len(S) else ""
        if nxt == "半" and value_max is None and inner is None:
            v1 += 0.5
            end += 1
        elif nxt in ("多", "餘") and not qual_mid and not _starts_with_any(S, end, lex.post_words):
            qual_mid = "over"
            end += 1
        if _starts_with_any(S, end, lex.relative_followers):
            return None
    if unit_norm == _f("成") and value_max is None:
        nxt, after = S[end : end + 1], S[end + 1 : end + 2]
        tenth = _TENTHS.get(nxt)
        if tenth is not None and not (after.isdigit() or after in CN_DIGITS or after in "成%.．") and not _starts_with_any(S, end + 1, lex.unit_words):
            v1 += tenth / 10  # 七成五, 8成3: 75 %, 83 %
            end += 1
        elif nxt in ("多", "餘") and not qual_mid and after not in _MANY_WORD_ENDS:
            qual_mid = "over"  # 三成多 (but 兩成|多數…: 多 starts a word)
            end += 1
    unit_end = end  # where the quantity ends before a post qualifier (2年內: 內 shows a span of years)
    if kind and kind != "count" or unit_norm:
        pw = _starts_with_any(S, end, lex.post_words)
        if pw:
            qual_post = lex.post_q[pw]
            end += len(pw)
        elif _starts_with_any(S, end, lex.limit_followers):
            qual_post = "at_most"  # 每戶以5口為限: a limit, the span stays on the quantity

    # --- calendar years and days -------------------------------------------------------------------------
    if unit_norm == "年":
        if _is_year(S, before, unit_end, v1, value_max, pre_q, cue, lex):
            return None
    if unit_norm == "日":
        follows = _starts_with_any(S, unit_end, lex.span_followers)
        if not (pre_q or cue or follows):
            return None

    # --- subject -------------------------------------------------------------------------------------------
    if core_end is None:
        core_end = end
    if kind == "money" and not subject:
        subject, subj_end = _money_topic(S, left, lex)  # 投資210億元: what follows is no counted noun
    if not subject and unit_norm and unit_norm not in lex.no_after_units and kind == "count":
        subject, subj_end = _noun_after_clause(S, end, lex)  # 40位來自全國的大學生: the noun after 的
    if (not subject and unit_norm and (qual_post is None or kind in lex.after_post_kinds) and kind in lex.after_kinds
            and unit_norm not in lex.no_after_units):
        subject, s_end = _run_after(S, end, lex)
        if subject:
            subj_start = end
            end = subj_end = s_end
        elif kind == "percent" and S.startswith("的", end):
            subject, subj_end = _run_after_loose(S, end + 1, lex)  # 55%的在台美商
    if n1 == "一" and not n2 and not has_q and subj_start is None and kind == "count":
        return None  # 一 + counter with no counted noun after it is an article (一位來自…)
    if not subject and kind in lex.before_kinds and subj_start is None:
        subject, subj_end = _run_before(S, left, lex, adjacent_ok=kind in lex.before_adjacent_kinds,
                                        linked=bool(pre_q), noun_only=kind in lex.noun_only_adjacent_kinds)
    of_noun = kind in lex.of_noun_kinds and subj_start is None and S.startswith("的", end)
    if of_noun and (not subject or subj_end == left and _weak_topic(subject, lex)):
        # 8萬平方公尺的產業空間, 200元的學費; 創造|8萬平方公尺的產業空間: a verb before is the predicate
        subject, subj_end = _run_after_loose(S, end + 1, lex)

    # --- qualifier -----------------------------------------------------------------------------------------
    qualifier = pre_q or qual_mid or qual_post
    if not qualifier and n1 in lex.round_about and not n2:
        qualifier = "about"
    qualifier = qualifier or "exact"

    return _Cand(start=left, end=end, core_end=core_end, value=float(v1), value_max=value_max,
                 qualifier=qualifier, unit=unit_out,
                 subject=text[subj_end - len(subject):subj_end] if subject else "",
                 subj_at=subj_end - len(subject) if subject else None,
                 subj_start=subj_start, kind=kind, currency=currency if kind == "money" else "")


def _sign_before(S: str, pos: int) -> int:
    """Length of a minus sign written right before the number (−, -, 負, 零下), else 0. A hyphen
    after a letter or digit joins a code (A-1, 2-3), 負 after 正/勝/擔 is part of another word.
    Read on the report's own characters: a dash (—) is no sign."""
    prev = S[pos - 1] if pos > 0 else ""
    prev2 = S[pos - 2] if pos > 1 else ""
    if prev in "-−－" and not (prev2.isascii() and prev2.isalnum()) and prev2 not in "-−－~～":
        return 1
    if prev == "負" and not (prev2 and prev2 in "正勝抱擔自欠背"):
        return 1
    if S[max(0, pos - 2) : pos] == "零下":
        return 2
    return 0


def _bare_count_noun(S: str, pos: int, lex: "_Lexicon") -> int:
    """End of a listed countable noun (企業, 部落, 姊妹校) right after ``pos``, or after a modifier of
    up to three characters (5海外姊妹校); 0 when there is none."""
    window = S[pos : pos + 9]
    arabic = pos > 0 and S[pos - 1].isdigit()
    for w in lex.bare_count_nouns:
        k = window.find(w)
        if k == 0 or (arabic and 0 < k <= 3 and all(_is_cjk(c) for c in window[:k])):
            return pos + k + len(w)
    return 0


def _strip_inner(u: str) -> str:
    if u.startswith("個") and len(u) >= 3 and u[1] in "多餘半":
        return "個" + u[2:]
    return u


def _written(text: str, m: re.Match, unit_norm: str, inner: str | None) -> str:
    us, ue = m.span("unit")
    w = text[us:ue]
    if inner:
        w = w[0] + w[2:]
    return unicodedata.normalize("NFKC", w)


def _is_year(S, before, end, v1, value_max, pre_q, cue, lex) -> bool:
    """Is this N年 a calendar year (2025年, 107年, 民國99年, 於99年) rather than a span of years?"""
    if pre_q:
        return False
    if _starts_with_any(S, end, lex.relative_followers):
        return True
    if v1 >= 1000 or (value_max is not None and value_max >= 1000):
        return True
    b = before.rstrip(" ")
    if _ends_with_any(b, lex.era_words):
        return True
    follows = _starts_with_any(S, end, lex.span_followers)
    if cue or follows:
        return False
    if v1 >= lex.year_min:
        return True
    if _ends_with_any(b, lex.time_point_words):
        return True
    return False


# ---------------------------------------------------------------------------------------------------------
# Public API

def find_statistics(text: str) -> list[Statistic]:
    """Every quantity stated in ``text``, sorted by start, non-overlapping (see module docstring)."""
    if not text:
        return []
    lex = _lexicon()
    S = fold(traditionalise(text))  # the lexicons are Traditional; a Simplified report is read through its shadow
    mask = _mask(S, lex)
    cands: list[_Cand] = []
    for m in lex.main.finditer(S):
        c = _evaluate(m, S, text, mask, lex)
        if c is not None and c.end > c.start:
            cands.append(c)
    cands.sort(key=lambda c: (c.start, -c.end))
    kept: list[_Cand] = []
    for c in cands:
        if kept and c.start < kept[-1].end:
            last = kept[-1]
            if c.start >= last.core_end:
                # the overlap is only in the previous row's counted noun: shorten it
                last.end = c.start
                if last.subj_start is not None:
                    seg = text[last.subj_start:c.start]
                    last.subject = seg[-lex.subj_max:] if len(seg) > lex.subj_max else seg
                    last.subj_at = c.start - len(last.subject)
                    if not seg:
                        last.subj_start = last.subj_at = None
            else:
                continue
        kept.append(c)
    return [
        Statistic(start=c.start, end=c.end, text=text[c.start:c.end], value=c.value, value_max=c.value_max,
                  qualifier=c.qualifier, unit=c.unit, subject=c.subject, kind=c.kind, currency=c.currency,
                  subject_start=c.subj_at)
        for c in kept
    ]


__all__ = ["Statistic", "find_statistics", "parse_number", "fold", "CONFIG_PATH"]
