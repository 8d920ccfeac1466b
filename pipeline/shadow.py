"""Same-length shadows of the analysis text in the other script, character for character.

Segmenters and their dictionaries are trained on simplified text; the lexicons of numbers, qualifiers
and cues are written in Traditional characters. We convert each distinct character on its own with
OpenCC and keep only one-to-one conversions, so index i of a shadow is index i of the analysis text,
and every span keeps the report's own characters.
"""

from __future__ import annotations


class _CharTable:
    """One-to-one character conversions of one OpenCC configuration, learnt as characters are seen."""

    def __init__(self, config: str):
        self.config = config
        self.table: dict[int, str] = {}
        self.seen: set[str] = set()
        self._opencc = None

    def _converter(self):
        if self._opencc is None:
            import opencc

            self._opencc = opencc.OpenCC(self.config)
        return self._opencc

    def for_text(self, text: str) -> dict[int, str]:
        new = set(text) - self.seen
        if new:
            conv = self._converter()
            chars = sorted(new)
            # one call for all new characters, one per line; fall back per character if lengths differ
            converted = conv.convert("\n".join(chars)).split("\n")
            if len(converted) != len(chars):
                converted = [conv.convert(c) for c in chars]
            for src, dst in zip(chars, converted):
                if len(dst) == 1 and dst != src and len(src) == 1:
                    self.table[ord(src)] = dst
            self.seen.update(new)
        return self.table

    def convert(self, text: str) -> str:
        out = text.translate(self.for_text(text))
        assert len(out) == len(text)
        return out


_TO_SIMPLIFIED = _CharTable("t2s")
_TO_TRADITIONAL = _CharTable("s2t")


def simplify(text: str) -> str:
    """Return the same-length simplified shadow of text."""
    return _TO_SIMPLIFIED.convert(text)


def is_simplified(text: str) -> bool:
    """More characters only Simplified writes (约, 议) than characters only Traditional writes (約, 議)."""
    trad_only = sum(1 for a, b in zip(text, simplify(text)) if a != b)
    table = _TO_TRADITIONAL.for_text(text)
    simp_only = sum(1 for ch in text if ord(ch) in table)
    return simp_only > trad_only


def traditionalise(text: str) -> str:
    """Return the same-length Traditional shadow of a Simplified report, so that the project's
    Traditional lexicons of numbers, qualifiers and cues read it (约 → 約, 建议 → 建議). A Traditional
    report is returned as it is: characters both scripts write (里, 后, 余) are not touched there."""
    return _TO_TRADITIONAL.convert(text) if is_simplified(text) else text
