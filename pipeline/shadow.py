"""Same-length shadows of the analysis text in the other script, character for character.

Segmenters and their dictionaries are trained on simplified text. We convert each distinct character
on its own with OpenCC (t2s) and keep only one-to-one conversions, so index i of the shadow is
index i of the analysis text, and every span keeps the report's own characters.
"""

from __future__ import annotations

from functools import lru_cache

_table: dict[int, str] = {}
_seen: set[str] = set()


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def simplify(text: str) -> str:
    """Return the same-length simplified shadow of text."""
    new = set(text) - _seen
    if new:
        conv = _converter()
        chars = sorted(new)
        # one call for all new characters, one per line; fall back per character if lengths differ
        converted = conv.convert("\n".join(chars)).split("\n")
        if len(converted) != len(chars):
            converted = [conv.convert(c) for c in chars]
        for src, dst in zip(chars, converted):
            if len(dst) == 1 and dst != src and len(src) == 1:
                _table[ord(src)] = dst
        _seen.update(new)
    out = text.translate(_table)
    assert len(out) == len(text)
    return out


_trad_table: dict[int, str] = {}
_trad_seen: set[str] = set()


@lru_cache(maxsize=1)
def _to_traditional():
    import opencc

    return opencc.OpenCC("s2t")


def is_simplified(text: str) -> bool:
    """More characters only Simplified writes (约, 议) than characters only Traditional writes (約, 議)."""
    simplified = simplify(text)
    trad_only = sum(1 for a, b in zip(text, simplified) if a != b)
    table = _trad_table_for(text)
    simp_only = sum(1 for ch in text if ord(ch) in table)
    return simp_only > trad_only


def traditionalise(text: str) -> str:
    """Return the same-length Traditional shadow of a Simplified report, so that the project's
    Traditional lexicons of numbers, qualifiers and cues read it (约 → 約, 建议 → 建議). A Traditional
    report is returned as it is: characters both scripts write (里, 后, 余) are not touched there."""
    if not is_simplified(text):
        return text
    out = text.translate(_trad_table_for(text))
    assert len(out) == len(text)
    return out


def _trad_table_for(text: str) -> dict[int, str]:
    new = set(text) - _trad_seen
    if new:
        conv = _to_traditional()
        chars = sorted(new)
        converted = conv.convert("\n".join(chars)).split("\n")
        if len(converted) != len(chars):
            converted = [conv.convert(c) for c in chars]
        for src, dst in zip(chars, converted):
            if len(dst) == 1 and dst != src and len(src) == 1:
                _trad_table[ord(src)] = dst
        _trad_seen.update(new)
    return _trad_table
