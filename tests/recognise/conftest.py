"""Components of the recognition stage built over one invented sentence, segmented and tagged by the
real pipeline (ingest, the segmenter, the learned tagger) but not yet recognised: each test then runs
only the steps it is about, so a finding can be traced to the component that made it."""

from __future__ import annotations

import pytest

from pipeline.ingest import ingest
from pipeline.nlp import make_doc
from pipeline.recognise import build_components
from pipeline.recognise.learned import report_learned_entities


@pytest.fixture
def build(tmp_path, monkeypatch):
    """build(text, tagger="lac") → the Components over that text, nothing found yet."""

    def _build(text: str, tagger: str = "lac"):
        monkeypatch.setenv("PIPELINE_LEARNED_TAGGER", tagger)
        path = tmp_path / "report.txt"
        path.write_text(text, encoding="utf-8")
        return build_components(report_learned_entities(make_doc(ingest(path))))

    return _build


def written(c, spans) -> list[str]:
    """The spans as written in the report, in the order given."""
    return [c.text.a[i:j] for i, j in spans]


def person_names(c) -> set[str]:
    """Every person mention found so far, as written."""
    return {c.text.a[m.start : m.end] for m in c.findings.mentions if m.label == "PERSON"}


def span_of(c, word: str, nth: int = 0) -> tuple[int, int]:
    """Where the nth occurrence of word stands in the analysis text."""
    i = -1
    for _ in range(nth + 1):
        i = c.text.a.index(word, i + 1)
    return i, i + len(word)
