"""Where the segmenter's tokens start and end, and their tags, looked up by character offset.

The rules ask these questions millions of times on a long report, so the answers are precomputed; they
are kept as byte masks and typed arrays (a few bytes per character) rather than Python sets and dicts of
tuples, which cost some 400 bytes per token: 190 MB for a report of a million characters."""

from __future__ import annotations

import bisect
from array import array

import numpy as np

from spacy.attrs import IDX, LENGTH, TAG
from spacy.tokens import Doc


class Positions:
    """A set of character offsets (`pos in positions`), stored as a byte mask over the text."""

    def __init__(self, mask: bytearray):
        self._mask = mask

    def __contains__(self, pos) -> bool:
        return 0 <= pos < len(self._mask) and self._mask[pos] == 1


class TokenIndex:
    """The tokens of one Doc by character offset. When two tokens share an edge (which spaCy does not
    produce), the later one answers, as a dict built in token order would."""

    def __init__(self, doc: Doc, length: int):
        rows = doc.to_array([IDX, LENGTH, TAG]).reshape(-1, 3) if len(doc) else np.zeros((0, 3), dtype=np.uint64)
        starts = rows[:, 0].astype(np.int64)
        ends = starts + rows[:, 1].astype(np.int64)
        hashes, tag_ids = np.unique(rows[:, 2], return_inverse=True)
        self.tags: list[str] = [doc.vocab.strings[int(h)] if h else "" for h in hashes]
        self.starts, self.ends = _ints(starts), _ints(ends)
        self.tag_ids = _ints(tag_ids)
        order = np.arange(len(starts), dtype=np.int64)
        start_of_end = np.full(length + 1, -1, dtype=np.int64)
        start_of_end[ends] = order
        token_at_start = np.full(length + 1, -1, dtype=np.int64)
        token_at_start[starts] = order
        self._start_of_end, self._token_at_start = _ints(start_of_end), _ints(token_at_start)
        self.token_starts = Positions(bytearray((token_at_start >= 0).astype(np.uint8).tobytes()))
        self.token_ends = Positions(bytearray((start_of_end >= 0).astype(np.uint8).tobytes()))

    def span(self, k: int) -> tuple[int, int, str]:
        return self.starts[k], self.ends[k], self.tags[self.tag_ids[k]]

    def ending_at(self, pos: int, default=None):
        """(start, tag) of the token that ends at pos."""
        k = self._start_of_end[pos] if 0 <= pos < len(self._start_of_end) else -1
        return default if k < 0 else (self.starts[k], self.tags[self.tag_ids[k]])

    def tag_at(self, pos: int, default=None):
        """The tag of the token that starts at pos."""
        k = self._token_at_start[pos] if 0 <= pos < len(self._token_at_start) else -1
        return default if k < 0 else self.tags[self.tag_ids[k]]

    def covering(self, pos: int) -> tuple[int, int, str] | None:
        """(start, end, tag) of the token covering pos (the last one starting at or before it)."""
        k = bisect.bisect_right(self.starts, pos) - 1
        return self.span(k) if k >= 0 else None

    def inside(self, start: int, end: int):
        """(start, end, tag) of each token lying within [start, end), in order."""
        k = bisect.bisect_left(self.starts, start)
        while k < len(self.starts) and self.ends[k] <= end:
            yield self.span(k)
            k += 1

    def with_tag_prefix(self, prefix: str) -> list[tuple[int, int]]:
        wanted = {i for i, t in enumerate(self.tags) if t.startswith(prefix)}
        return [(s, e) for s, e, t in zip(self.starts, self.ends, self.tag_ids) if t in wanted]


def _ints(values: np.ndarray) -> array:
    """A numpy vector as a compact array of Python-int items (offsets must not leak numpy types)."""
    out = array("q")
    out.frombytes(np.ascontiguousarray(values, dtype=np.int64).tobytes())
    return out
