"""The single place where analysis offsets are mapped back to text.txt offsets.

The analysis text is the report text with some characters deleted (page-break splits joined, spaces
inside spaced-out CJK words removed). Deletions only, so the map is piecewise linear: we keep, for
each deletion, the analysis offset where it happened and the total number of characters deleted so far.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass
class Alignment:
    # analysis offsets at which a deletion happened, ascending, and the cumulative deleted length there
    points: list[int] = field(default_factory=list)
    shifts: list[int] = field(default_factory=list)

    @classmethod
    def from_deletions(cls, deletions: list[tuple[int, int]]) -> "Alignment":
        """Build from original-text ranges [start, end) that the analysis text leaves out."""
        points, shifts, total = [], [], 0
        for start, end in sorted(deletions):
            if end <= start:
                continue
            points.append(start - total)
            total += end - start
            shifts.append(total)
        return cls(points, shifts)

    def to_original(self, i: int) -> int:
        """Original offset of the analysis character at index i (or of the end, for i == len)."""
        k = bisect_right(self.points, i)
        return i + (self.shifts[k - 1] if k else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map an end-exclusive analysis span to the original text; inner deletions stay inside."""
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self.to_original(start), self.to_original(end - 1) + 1

    def to_json(self) -> list[list[int]]:
        return [self.points, self.shifts]

    @classmethod
    def from_json(cls, data) -> "Alignment":
        return cls(list(data[0]), list(data[1]))


def apply_deletions(text: str, deletions: list[tuple[int, int]]) -> tuple[str, Alignment]:
    """Return (analysis text, alignment) for text with the given ranges removed."""
    parts, pos = [], 0
    merged: list[tuple[int, int]] = []
    for start, end in sorted(deletions):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        elif end > start:
            merged.append((start, end))
    for start, end in merged:
        parts.append(text[pos:start])
        pos = end
    parts.append(text[pos:])
    return "".join(parts), Alignment.from_deletions(merged)
