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

# What the segment stage hands on about the report itself (the DocBin between stages keeps them)
REPORT_EXTENSIONS = ("doc_id", "source", "sha256", "source_text", "alignment", "blocks", "warnings")
for _name in REPORT_EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@lru_cache(maxsize=None)
def get_nlp(segmenter: str | None = None):
    nlp = blank_nlp(segmenter)
    for _, factory in COMPONENTS:
        nlp.add_pipe(factory)
    return nlp


def make_doc(report: Report, segmenter: str | None = None) -> Doc:
    """Stage 2: the Doc over the analysis text, carrying what later stages need in Doc extensions."""
    nlp = get_nlp(segmenter)
    doc = nlp.make_doc(report.analysis)
    doc._.doc_id = report.doc_id
    doc._.source = report.source
    doc._.sha256 = report.sha256
    doc._.source_text = report.text
    doc._.alignment = report.alignment.to_json()
    doc._.blocks = [(b.start, b.end, b.kind) for b in report.blocks]
    doc._.warnings = [{"kind": k, "message": m, "start": None, "end": None} for k, m in report.warnings]
    return doc


def run_components(doc: Doc, stages: set[str] | None = None, segmenter: str | None = None) -> Doc:
    nlp = get_nlp(segmenter)
    for (stage, _), (_, proc) in zip(COMPONENTS, nlp.pipeline):
        if stages is None or stage in stages:
            doc = proc(doc)
    return doc


def process(report: Report, segmenter: str | None = None) -> Doc:
    return run_components(make_doc(report, segmenter), None, segmenter)
