"""Sentence units of the analysis text: split at 。！？!? and line breaks, never inside 「」 quotes, and
never at ；. Leading spaces and list bullets stay outside the span, so a span never starts with a
character a spreadsheet would read as a formula."""

from __future__ import annotations

import re

_END = set("。！？!?")
_OPEN = {"「": "」", "『": "』", "“": "”"}
_LEAD = re.compile(r"[\s\-–—=+@*•·●○◎■□▪◆◇※→>＞]+")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    end = len(text) if end is None else end
    out = []
    s = start
    depth: list[str] = []
    i = start
    while i < end:
        ch = text[i]
        if ch in _OPEN:
            depth.append(_OPEN[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
            if not depth and i > start and text[i - 1] in _END:
                _emit(text, s, i + 1, out)  # 「…。」 closes the sentence
                s = i + 1
        elif ch == "\n":
            depth.clear()
            _emit(text, s, i, out)
            s = i + 1
        elif ch in _END and not depth:
            j = i + 1
            while j < end and text[j] in "」』”）)":
                j += 1
            _emit(text, s, j, out)
            s = j
            i = j
            continue
        i += 1
    _emit(text, s, end, out)
    return out


def _emit(text: str, s: int, e: int, out: list):
    m = _LEAD.match(text, s, e)
    if m:
        s = m.end()
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))
