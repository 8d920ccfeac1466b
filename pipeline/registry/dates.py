"""The date of a report, read from its text, so people's posts can be put on a timeline.

Every candidate keeps the exact characters it was read from and their offset in text.txt. Which one is
"the" date follows one readable rule (README, "Across reports"):

1. a date labelled as the meeting's or the item's date (時間：…, 日期：…);
2. else the first date with a day in the header lines (headline, byline, dateline);
3. else the first full date (year, month, day written together) anywhere;
4. else the first month-day or day (今（15）日, a dateline 15日電) anywhere that can be completed from
   the report (a year of the report, a year-month of another date);
5. else the first year-month;
6. else the event's year: a year at the start of the title or of a quoted name (「2025…」, 「113年度…」)
   or written as 今(2025)年.
A file name with a date is a fallback only (date_source `file_name`, no date_text).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..config import load
from ..shadow import simplify

_FULLWIDTH_DIGITS = {ord(c): ord("0") + i for i, c in enumerate("０１２３４５６７８９")}
_SP = r"[ \u3000]*"
_CNUM = "〇○零一二三四五六七八九十百"


@dataclass
class DateHit:
    """A date read from the text: ISO value (YYYY, YYYY-MM or YYYY-MM-DD), its characters and offset."""

    value: str
    text: str
    start: int
    kind: str  # full | ym | md | day | year


@dataclass
class ReportDate:
    date: str = ""
    date_text: str = ""
    date_start: int | str = ""
    date_source: str = ""  # text | file_name | empty when nothing was found


def _cfg() -> dict:
    return load("dates")


def _number(s: str) -> int | None:
    """An Arabic or Chinese number as written in a date (15, 十五, 二〇二五, 一百一十四)."""
    s = s.strip()
    if s.isdigit():
        return int(s)
    digits = _cfg()["digits"]
    if s and all(c in digits for c in s):  # digit by digit: 二〇二五
        return int("".join(str(digits[c]) for c in s))
    total, cur = 0, 0
    for c in s:
        if c in digits:
            cur = digits[c]
        elif c == "十":
            total += (cur or 1) * 10
            cur = 0
        elif c == "百":
            total += (cur or 1) * 100
            cur = 0
        else:
            return None
    return total + cur


def _year(raw: str, roc_mark: bool, with_month: bool) -> int | None:
    """Western year, reading a ROC year when it is marked or is a 2–3 digit year before a month."""
    y = _number(raw)
    if y is None:
        return None
    cfg = _cfg()
    lo, hi = cfg["western_year"]
    digits = len(raw.strip()) if raw.strip().isdigit() else None
    if roc_mark or (digits in (2, 3) and with_month) or (digits is None and y < 200):
        y += cfg["roc_offset"]
    elif digits == 3 and cfg["roc_bare_year"][0] <= y <= cfg["roc_bare_year"][1]:
        y += cfg["roc_offset"]
    return y if lo <= y <= hi else None


def _valid(y: int, m: int | None = None, d: int | None = None) -> bool:
    try:
        dt.date(y, m or 1, d or 1)
        return True
    except (ValueError, TypeError):
        return False


def _iso(y: int, m: int | None = None, d: int | None = None) -> str:
    return f"{y:04d}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if d else "")


def _both_scripts(words) -> list[str]:
    """The words as configured and in Simplified characters (中華民國, 中华民国), longest first."""
    return sorted({w for word in words for w in (word, simplify(word))}, key=lambda w: (-len(w), w))


def _relative_years() -> dict[str, int]:
    return {w: off for word, off in _cfg()["relative_years"].items() for w in (word, simplify(word))}


def _patterns() -> dict[str, re.Pattern]:
    cfg = _cfg()
    roc = "|".join(map(re.escape, _both_scripts(cfg["roc_marks"])))
    rel = "|".join(map(re.escape, _both_scripts(cfg["relative_years"])))
    num = rf"[0-9]{{1,2}}|[{_CNUM}]{{1,3}}"
    year = rf"[0-9]{{2,4}}|[〇○零一二三四五六七八九]{{4}}|[一二三四五六七八九十百]{{2,5}}"
    return {
        "full": re.compile(rf"(?P<roc>{roc})?{_SP}(?<![0-9])(?P<y>{year}){_SP}年{_SP}(?P<m>{num}){_SP}月{_SP}(?P<d>{num}){_SP}[日號号]"),
        "iso": re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})(?P<sep>[/.\-])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})(?![0-9])"),
        # a text layer that lost 年 and 月 keeps the numbers and 日 (104 10 5 日)
        "spaced": re.compile(r"(?<![0-9])(?P<y>[0-9]{2,3}) (?P<m>[0-9]{1,2}) (?P<d>[0-9]{1,2}) ?日"),
        "ym": re.compile(rf"(?P<roc>{roc})?{_SP}(?<![0-9])(?P<y>{year}){_SP}年{_SP}(?P<m>{num}){_SP}月"),
        "md": re.compile(rf"(?:(?P<rel>{rel})|(?<![0-9年]))(?P<m>{num}){_SP}月{_SP}(?P<d>{num}){_SP}[日號号]"),
        "day": re.compile(rf"(?:今|本月)[（(]?{_SP}(?P<d>[0-9]{{1,2}}){_SP}[)）]?日|(?<![0-9月])(?P<dd>[0-9]{{1,2}})日[電电]"),
        "this_year": re.compile(r"今[（(](?P<y>(?:19|20)[0-9]{2})[)）]年"),
        "event_year": re.compile(rf"(?P<open>「)?(?P<roc>{roc})?(?P<y>(?:19|20)[0-9]{{2}}|1[0-9]{{2}}|[0-9]{{2,3}}(?=年))(?P<nian>年)?(?![0-9])"),
    }


_PAT: dict | None = None


def _pat() -> dict[str, re.Pattern]:
    global _PAT
    if _PAT is None:
        _PAT = _patterns()
    return _PAT


def _overlaps(s: int, e: int, taken: list[tuple[int, int]]) -> bool:
    return any(s < b and a < e for a, b in taken)


def candidates(text: str) -> tuple[list[DateHit], list[DateHit], list[DateHit]]:
    """(complete hits, hits still needing a year or month, event-year hits), each in text order."""
    t = text.translate(_FULLWIDTH_DIGITS)  # same length: offsets stay those of text.txt
    p = _pat()
    complete, partial, taken = [], [], []

    def hit(m, value, kind, lst):
        s = m.start() + (len(m.group(0)) - len(m.group(0).lstrip(" \u3000")))
        taken.append((m.start(), m.end()))
        lst.append(DateHit(value, text[s : m.end()], s, kind))

    for name in ("full", "iso", "spaced"):
        for m in p[name].finditer(t):
            if _overlaps(m.start(), m.end(), taken):
                continue
            y = _year(m.group("y"), bool(m.groupdict().get("roc")), True)
            mo, d = _number(m.group("m")), _number(m.group("d"))
            if y and _valid(y, mo, d):
                hit(m, _iso(y, mo, d), "full", complete)
    for m in p["ym"].finditer(t):
        if not _overlaps(m.start(), m.end(), taken):
            y, mo = _year(m.group("y"), bool(m.group("roc")), True), _number(m.group("m"))
            if y and _valid(y, mo):
                hit(m, _iso(y, mo), "ym", complete)
    for m in p["md"].finditer(t):
        mo, d = _number(m.group("m")), _number(m.group("d"))
        if not _overlaps(m.start(), m.end(), taken) and _valid(2000, mo, d):
            hit(m, f"{m.group('rel') or ''}|{mo}|{d}", "md", partial)
    for m in p["day"].finditer(t):
        d = int(m.group("d") or m.group("dd"))
        if not _overlaps(m.start(), m.end(), taken) and 1 <= d <= 31:
            hit(m, f"||{d}", "day", partial)
    years = []
    for m in p["this_year"].finditer(t):
        years.append(DateHit(m.group("y"), text[m.start() : m.end()], m.start(), "year"))
    title_start = len(t) - len(t.lstrip())
    starts = [title_start] + [m.start() for m in re.finditer("「", t)]
    for m in (p["event_year"].match(t, i) for i in starts):
        if not m or (m.start() != title_start and not m.group("open")):
            continue
        y = _year(m.group("y"), bool(m.group("roc")), False)
        if y:
            s = m.start() + (1 if t[m.start()] == "「" else 0)
            years.append(DateHit(str(y), text[s : m.end()], s, "year"))
    years.sort(key=lambda h: h.start)
    partial.sort(key=lambda h: h.start)
    complete.sort(key=lambda h: h.start)
    return complete, partial, years


def _complete(h: DateHit, complete: list[DateHit], years: list[DateHit]) -> DateHit | None:
    """A month-day or day completed from the report's other dates (the relative word moves the year)."""
    rel, mo, d = h.value.split("|")
    offset = _relative_years().get(rel, 0) if rel else 0
    explicit = [y for y in years if y.text.startswith("今")]
    base = (explicit or [c for c in complete] or years or [None])[0]
    if base is None:
        return None
    y = int(base.value[:4]) + offset
    if mo:
        m = int(mo)
    else:
        months = [c for c in complete if len(c.value) >= 7]
        if not months:
            return None
        y, m = int(months[0].value[:4]) + offset, int(months[0].value[5:7])
    if not _valid(y, m, int(d)):
        return None
    return DateHit(_iso(y, m, int(d)), h.text, h.start, h.kind)


def _header_end(text: str, n: int) -> int:
    seen, pos = 0, 0
    for line in text.split("\n"):
        pos += len(line) + 1
        if line.strip():
            seen += 1
            if seen >= n:
                break
    return pos


def _labelled(text: str, h: DateHit) -> bool:
    before = text[max(0, h.start - 12) : h.start].rstrip(" \u3000:：︰")
    flat = simplify(re.sub(r"[ \u3000]", "", before))
    return any(flat.endswith(simplify(label)) for label in _cfg()["labels"])


def report_date(text: str) -> ReportDate:
    """The report's date by the rule in the module docstring, or an empty ReportDate."""
    complete, partial, years = candidates(text)
    resolved = sorted(complete + [r for r in (_complete(h, complete, years) for h in partial) if r], key=lambda h: h.start)
    header = _header_end(text, _cfg()["header_lines"])
    with_day = [h for h in resolved if len(h.value) == 10]
    choice = (
        next((h for h in resolved if _labelled(text, h)), None)
        or next((h for h in with_day if h.start < header), None)
        or next((h for h in complete if h.kind == "full"), None)
        or next((h for h in with_day), None)
        or next((h for h in complete if h.kind == "ym"), None)
        or (years[0] if years else None)
    )
    if choice is None:
        return ReportDate()
    return ReportDate(choice.value, choice.text, choice.start, "text")


_NAME_PATTERNS = [
    re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})[-_.]?(0[1-9]|1[0-2])[-_.]?([0-3][0-9])(?![0-9])"),
    re.compile(r"(?:^|[_\-. ])((?:19|20)[0-9]{2})(?=$|[_\-. ])"),
]


def file_name_date(stem: str) -> str:
    """A date in the file name (20210415, 2021-04-15, _2021): the fallback when the text gives none."""
    for pat in _NAME_PATTERNS:
        for m in pat.finditer(stem):
            parts = [int(g) for g in m.groups()]
            if _valid(*parts):
                return _iso(*parts)
    return ""


def date_of(text: str, stem: str) -> ReportDate:
    found = report_date(text)
    if found.date:
        return found
    fallback = file_name_date(stem)
    return ReportDate(fallback, "", "", "file_name") if fallback else ReportDate()
