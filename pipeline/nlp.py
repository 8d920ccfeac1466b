"""The spaCy pipeline: a blank Chinese Language whose tokenizer segments the simplified shadow,
followed by the registered components of each stage. Built once per process (per worker)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from . import extract_components, link, recognise  # noqa: F401  (registers the components)
from .ingest import Report
from .segment import blank_nlp

COMPONENTS = [
    ("recognise", "report_learned_entities"),
    ("recognise", "report_recogniser"),
    ("link", "report_linker"),
    ("extract", "report_statistics"),
    ("extract", "report_sessions"),
    ("extract", "report_recommendations"),
]
STAGES = ["ingest", "segment", "recognise", "link", "extract", "write"]


@lru_cache(maxsize=None)
def get_nlp(segmenter: str | None = None):
    nlp = blank_nlp(segmenter)
    for _, factory in COMPONENTS:
        nlp.add_pipe(factory)
    return nlp


def make_doc(report: Report, segmenter: str | None = None) -> Doc:
    """Stage 2: the Doc over the analysis text, carrying what later stages need in user_data."""
    nlp = get_nlp(segmenter)
    doc = nlp.make_doc(report.analysis)
    doc.user_data.update({
        "doc_id": report.doc_id,
        "source": report.source,
        "sha256": report.sha256,
        "source_text": report.text,
        "alignment": report.alignment.to_json(),
        "blocks": [(b.start, b.end, b.kind) for b in report.blocks],
        "warnings": [{"kind": k, "message": m, "start": None, "end": None} for k, m in report.warnings],
    })
    return doc


def run_components(doc: Doc, stages: set[str] | None = None, segmenter: str | None = None) -> Doc:
    nlp = get_nlp(segmenter)
    for (stage, _), (_, proc) in zip(COMPONENTS, nlp.pipeline):
        if stages is None or stage in stages:
            doc = proc(doc)
    return doc


def process(report: Report, segmenter: str | None = None) -> Doc:
    return run_components(make_doc(report, segmenter), None, segmenter)
