"""Character classes and patterns shared by the recognisers (on the simplified shadow)."""

from __future__ import annotations

import re

CJK_CHARS = "\u3400-\u9fff\uf900-\ufaff"
CJK = re.compile(f"[{CJK_CHARS}]")
_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_LOW = "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżž"
_LATIN_WORD = f"[{_UP}][{_LOW}]+"
LATIN_NAME = re.compile(f"{_LATIN_WORD}(?:[ \\-]{_LATIN_WORD}){{1,2}}")
# A full Latin name as a bracket after its Chinese rendering gives it: initials, particles and
# hyphenated parts inside (Edwin J. Feulner, Silvana Lopez Moreira de Abdo, Anna-Lena Strack-Berg),
# the honorifics before it outside the name (H. E., Dr., Sir).
_PART = f"{_LATIN_WORD}(?:-{_LATIN_WORD})?"
BRACKETED_LATIN_NAME = re.compile(
    r"[（(]\s*(?:(?:H\.\s?E\.|Dr\.|Sir|Mr\.|Mrs\.|Ms\.|Prof\.|Hon\.|Amb\.|Rev\.|Gen\.)\s+)*"
    f"({_PART}(?:\\s+(?:{_PART}|[{_UP}]\\.|de|da|do|dos|del|della|di|du|van|von|der|den|la|le|bin|al|y))*?\\s+{_PART}|{_PART})"
    r"\s*[）)]"
)
# An honorific written before a Latin name after its title (ABAC主席Dato' Rohana Mahmood): outside the name.
LATIN_HONORIFIC = re.compile(r"(?:(?:H\.\s?E\.|Dr\.|Sir|Mr\.|Mrs\.|Ms\.|Prof\.|Hon\.|Amb\.|Dato['’]?|Datuk|Datin|Tan Sri|Puan|Tun)\s+)+")
NAME_DOTS = ".．·‧•・"
DOTTED = re.compile(f"[{CJK_CHARS}]{{1,6}}(?:[{NAME_DOTS}][{CJK_CHARS}]{{1,6}})+")  # 布農.大立, 埃米利奧·萊沃洛·卡斯特
CJK_NUMERALS = "〇零一二两三四五六七八九十百千万"  # digits of a Chinese numeral (simplified shadow)
QUOTES = "”\"」』’“「『‘"
DATELINE_OUTLET = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:电视台|新闻网|社|报|网)(?=[\u4e00-\u9fff]{0,4}\d{1,2}(?:月\d{1,2}日|日)电)")
DECLARED = re.compile(r"[（(](?:以下)?(?:简称|下称|简称为)[「“\"]?([^）)」”\"，,]{2,12})[」”\"]?[）)]")
NAME_GAP = re.compile(r"[”\"」』’:：]?")
CELL_GAP = re.compile(r"[ \u3000\t]{1,6}")  # spaces between the cells of a table row
CELL_GAP_BEFORE = re.compile(r"[ \u3000\t]{1,6}$")


def cell_gap_before(s: str, pos: int) -> int:
    """How many spaces between two cells end at ``pos`` (0 where none)."""
    m = CELL_GAP_BEFORE.search(s, max(0, pos - 6), pos)
    return len(m.group()) if m else 0
_ITEM = f"[{CJK_CHARS}．·.•・()（）左右0-9 ]"
ENUMERATION = re.compile(f"(?<!{_ITEM}){_ITEM}++(?:、{_ITEM}++)+")
SPEECH_AFTER_PRONOUN = ("指出", "表示", "說", "建議", "鼓勵", "提醒", "也", "強調", "認為", "分享", "以", "在", "則", "更", "同時")


def is_cjk(ch: str) -> bool:
    return bool(ch) and bool(CJK.match(ch))
