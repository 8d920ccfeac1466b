"""Stage 2 — segment: a spaCy Doc per report, tokens from jieba (default) or spacy-pkuseg run on the
simplified shadow, while the Doc's words keep the report's own characters."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.tokens import Doc

from .config import ROOT, settings
from .shadow import simplify

_LINE = re.compile(r"[^\n]+|\n")
_TEXT_KEY = "pipeline.text"


def _doc_text(doc: Doc) -> str:
    """Doc.text joins every token on each read (0.4 s for 250,000 characters); a report's text never
    changes once segmented (token splits keep it), so it is read once per Doc and carried along."""
    text = doc.user_data.get(_TEXT_KEY)
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if text is None or len(text) != length:  # (user data copied from another Doc)
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


if not Doc.has_extension("text"):
    Doc.set_extension("text", getter=_doc_text)
_SPACE = re.compile(r"\s+")


class JiebaSegmenter:
    name = "jieba"

    def __init__(self):
        import logging

        import jieba

        from .jieba_dictionary import dictionary

        jieba.setLogLevel(logging.WARNING)
        shared = dictionary()  # jieba.dt from the pipeline's faster cache, before posseg looks at it
        import jieba.posseg

        self._tok = jieba.posseg.dt
        self._tok.word_tag_tab = shared.tags  # one tag table: the user dictionary's tags reach the lexicon too
        user_dict = settings().get("jieba_user_dict")
        if user_dict:
            self._tok.tokenizer.load_userdict(str(ROOT / user_dict))

    def segment(self, line: str):
        """Yield (word, tag) over a simplified line; words concatenate to the line."""
        for pair in self._tok.cut(line):
            yield pair.word, pair.flag


class PkusegSegmenter:
    name = "pkuseg"

    def __init__(self, model_dir: str | Path | None = None):
        import spacy_pkuseg

        model_dir = Path(model_dir or ROOT / settings().get("pkuseg_model", ".models/pkuseg/default"))
        if not (model_dir / "features.pkl").exists():
            raise FileNotFoundError(
                f"pkuseg model not found in {model_dir}: run `make models` (it fetches pkuseg 0.0.25 from the package registry)"
            )
        self._seg = spacy_pkuseg.pkuseg(model_name=str(model_dir))

    def segment(self, line: str):
        # pkuseg drops whitespace: re-find each word in the line so the words still cover it
        pos = 0
        for word in self._seg.cut(line):
            at = line.find(word, pos)
            if at < 0:
                continue
            if at > pos:
                yield line[pos:at], "x"
            yield word, ""
            pos = at + len(word)
        if pos < len(line):
            yield line[pos:], "x"


class LacSegmenter:
    """Words and part-of-speech tags from LAC (the learned tagger); its entity tags are mapped to the
    segmenter tags the rules read (PER → nr, LOC → ns, ORG → nt, TIME → t)."""

    name = "lac"
    _TAGS = {"PER": "nr", "LOC": "ns", "ORG": "nt", "TIME": "t", "w": "x", "xc": "x"}

    def __init__(self):
        from .lac_tagger import get_lac

        self._get_lac = get_lac
        get_lac()  # load the model now (a huge report releases it afterwards: lac_tagger.release_lac)

    def segment(self, line: str):
        for word, tag in self._get_lac().tag(line):
            yield word, self._TAGS.get(tag, tag)


@lru_cache(maxsize=None)
def get_segmenter(name: str | None = None):
    import os

    name = name or os.environ.get("PIPELINE_SEGMENTER") or settings().get("segmenter", "jieba")
    if name == "jieba":
        return JiebaSegmenter()
    if name == "pkuseg":
        return PkusegSegmenter()
    if name == "lac":
        return LacSegmenter()
    raise ValueError(f"unknown segmenter {name!r} in configs/pipeline.yml (jieba | pkuseg | lac)")


class ShadowTokenizer:
    """spaCy tokenizer: segment the simplified shadow, keep the original characters as words."""

    def __init__(self, vocab, segmenter_name: str | None = None):
        self.vocab = vocab
        self.segmenter_name = segmenter_name

    def __call__(self, text: str) -> Doc:
        seg = get_segmenter(self.segmenter_name)
        shadow = simplify(text)
        words: list[str] = []
        tags: list[str] = []
        for m in _LINE.finditer(shadow):
            if m.group() == "\n":
                words.append("\n")
                tags.append("_SP")
                continue
            start = m.start()
            pos = start
            for word, tag in seg.segment(m.group()):
                if not word:
                    continue
                words.append(text[pos : pos + len(word)])
                tags.append("_SP" if _SPACE.fullmatch(word) else (tag or "X"))
                pos += len(word)
            if pos != m.end():  # defensive: a segmenter that lost characters
                words.append(text[pos : m.end()])
                tags.append("X")
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words), tags=tags)
        return doc

    def to_bytes(self, **kwargs):
        return b""

    def from_bytes(self, data, **kwargs):
        return self

    def to_disk(self, path, **kwargs):
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path, **kwargs):
        return self


def blank_nlp(segmenter_name: str | None = None):
    nlp = spacy.blank("zh")
    nlp.tokenizer = ShadowTokenizer(nlp.vocab, segmenter_name)
    nlp.max_length = 10**9  # no parser or NER model: spaCy's 1M-character guard does not apply
    return nlp


def with_boundaries(doc: Doc, offsets) -> Doc:
    """Return a Doc whose token boundaries include every offset in `offsets`.

    Segmenter tokens may cross entity edges (jieba joins 司 + 張芝); spans must start and end on token
    edges, so we split such tokens. Words keep their tags; user data and span groups are carried over.
    The token table is read as arrays, not a tuple per token: on a long report the old and the new Doc
    are alive together, and that moment is the run's peak memory. (spaCy's retokenizer would split in
    place, but one split at a time: hours on a report of a million characters.)
    """
    import numpy as np
    from spacy.attrs import IDX, TAG

    text = doc._.text
    n = len(text)
    rows = doc.to_array([IDX, TAG]).reshape(-1, 2)
    starts = rows[:, 0].astype(np.int64)
    cuts = np.unique(np.fromiter((o for o in offsets if 0 < o < n), dtype=np.int64))
    cuts = cuts[~np.isin(cuts, starts)]
    if not len(cuts):
        return doc
    edges = np.union1d(starts, cuts)
    owner = np.searchsorted(starts, edges, side="right") - 1  # the word each piece comes from
    bounds = edges.tolist() + [n]
    new = Doc(doc.vocab, words=[text[a:b] for a, b in zip(bounds, bounds[1:])], spaces=[False] * len(edges))
    new.from_array([TAG], np.ascontiguousarray(rows[owner, 1:2]))  # each piece keeps its word's tag
    new.user_data.update(doc.user_data)
    for name, group in doc.spans.items():
        new.spans[name] = [new.char_span(s.start_char, s.end_char, label=s.label_) for s in group]
    return new


def set_spans(doc: Doc, name: str, spans: list[tuple[int, int, str]]) -> Doc:
    """Put exact character spans into doc.spans[name], splitting tokens where an edge falls inside one."""
    return set_span_groups(doc, {name: spans})


def set_span_groups(doc: Doc, groups: dict[str, list[tuple[int, int, str]]]) -> Doc:
    """Several span groups at once: one pass that splits tokens for all of their edges."""
    doc = with_boundaries(doc, [o for spans in groups.values() for s, e, _ in spans for o in (s, e)])
    for name, spans in groups.items():
        doc.spans[name] = [doc.char_span(s, e, label=label) for s, e, label in spans]
    return doc
