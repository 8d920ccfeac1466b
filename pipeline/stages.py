"""Each stage on its own: `python -m pipeline stage NAME INPUT OUTPUT`.

ingest: report file → <doc>.report.json; segment: report.json → .spacy (a DocBin with the Doc
extensions each stage hands on, kept in its user data);
recognise, link, extract: .spacy → .spacy; write: .spacy → the report's folder in OUTPUT.
Chaining them gives byte-identical tables to `extract` (a test checks it).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .errors import ReportError


def _save_doc(doc, path: Path) -> None:
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=True, attrs=["ORTH", "TAG"])
    db.add(doc)
    path.write_bytes(db.to_bytes())


EXPECTS = {"segment": "a report.json written by the ingest stage", "recognise": "a .spacy file written by the segment stage",
           "link": "a .spacy file written by the recognise stage", "extract": "a .spacy file written by the link stage",
           "write": "a .spacy file written by the extract stage"}


def _load_doc(path: Path, stage: str):
    from spacy.tokens import DocBin

    from .nlp import get_nlp

    nlp = get_nlp()
    try:
        return next(DocBin().from_bytes(path.read_bytes()).get_docs(nlp.vocab))
    except (ValueError, StopIteration, OSError) as exc:
        raise ReportError(path, f"the {stage} stage expects {EXPECTS[stage]}") from exc


def run_stage(name: str, inp: Path, out: Path) -> int:
    try:
        if name == "ingest":
            from .ingest import ingest

            r = ingest(inp)
            data = {"doc_id": r.doc_id, "source": r.source, "text": r.text, "analysis": r.analysis,
                    "alignment": r.alignment.to_json(), "blocks": [(b.start, b.end, b.kind) for b in r.blocks],
                    "warnings": r.warnings, "encoding": r.encoding, "sha256": r.sha256}
            out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        elif name == "segment":
            from .alignment import Alignment
            from .ingest import Block, Report
            from .nlp import make_doc

            try:
                d = json.loads(inp.read_text(encoding="utf-8"))
                d["doc_id"], d["text"], d["analysis"]
            except (ValueError, UnicodeDecodeError, KeyError, TypeError) as exc:
                raise ReportError(inp, f"the segment stage expects {EXPECTS['segment']}") from exc
            report = Report(d["doc_id"], d["source"], d["text"], d["analysis"], Alignment.from_json(d["alignment"]),
                            [Block(*b) for b in d["blocks"]], [tuple(w) for w in d["warnings"]], d["encoding"], d.get("sha256", ""))
            _save_doc(make_doc(report), out)
        elif name in ("recognise", "link", "extract"):
            from .nlp import run_components

            _save_doc(run_components(_load_doc(inp, name), {name}), out)
        elif name == "write":
            from .write import render, write_report_dir

            doc = _load_doc(inp, "write")
            write_report_dir(out, doc._.doc_id, render(doc))
        else:
            raise ValueError(name)
    except ReportError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"{name}: {inp} -> {out}", file=sys.stderr)
    return 0
