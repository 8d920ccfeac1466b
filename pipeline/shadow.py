"""A simplified-character shadow of the analysis text, the same length, character for character.

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
