"""An invented report (no name, agency or sentence from the corpus), extracted by the real pipeline,
and review files written the way review.html writes them."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.cli import main as cli_main
from pipeline.review_apply import extraction_fingerprint, text_sha256
from pipeline.review_tables import REVIEWED_TABLES, read_tables, row_keys

REPORT = (
    "綠谷市政府觀光處處長林小雨表示，今年共有逾300位志工參與活動，較去年增加兩成。\n"
    "她建議各單位應加強宣導，並鼓勵青年投入地方服務。\n"
    "河濱文化協會理事長陳大山也出席座談，並與周明遠教授交流。\n"
)


def extract(tmp: Path, text: str = REPORT, doc_id: str = "greenvale") -> Path:
    """tmp/raw/<doc_id>.txt extracted into tmp/out; returns the report folder."""
    raw = tmp / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    (raw / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    assert cli_main(["extract", "--raw", str(raw), "--out", str(tmp / "out"), "--quiet"]) == 0
    return tmp / "out" / doc_id




def review_of(d: Path, accept_all: bool = False) -> dict:
    """An empty review file for report folder d (every row accepted when accept_all)."""
    text = (d / "text.txt").read_text(encoding="utf-8")
    rev = {"doc_id": d.name, "fingerprint": extraction_fingerprint(d), "text_sha256": text_sha256(text),
           "decisions": {}, "added": [], "bounds": []}
    if accept_all:
        tables = read_tables(d)
        for t in REVIEWED_TABLES:
            for k, r in zip(row_keys(t, tables[t]), tables[t]):
                rev["decisions"][k] = decision(t, r, "accepted")
    return rev


def decision(table: str, row: dict, status: str, **edits) -> dict:
    from pipeline.review_tables import IDENTITY

    return {"status": status, "edits": edits, "row": {c: row[c] for c in IDENTITY[table]}}


def row(d: Path, table: str, **match) -> tuple[str, dict]:
    """(key, row) of the first row of a table with the given values."""
    tables = read_tables(d)
    for k, r in zip(row_keys(table, tables[table]), tables[table]):
        if all(r[c] == v for c, v in match.items()):
            return k, r
    raise AssertionError(f"no {table} row with {match}")


def write_review(path: Path, review: dict) -> Path:
    path.write_text(json.dumps(review, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
