"""Shared helpers for tests: run the real pipeline on a string or a folder."""

from __future__ import annotations

import csv
from pathlib import Path

from pipeline.ingest import ingest
from pipeline.nlp import process
from pipeline.write import tables_from_doc

ROOT = Path(__file__).resolve().parent.parent


def extract_string(text: str, tmp_path: Path, name: str = "doc", segmenter: str | None = None) -> dict[str, list[dict]]:
    """Write text to a report file and return every table the pipeline extracts from it."""
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    doc = process(ingest(path), segmenter)
    tables = tables_from_doc(doc)
    tables["_text"] = doc._.source_text
    return tables


def people_rows(tables) -> set[tuple[str, str, str]]:
    return {(r["name"], r["title"], r["agency"]) for r in tables["people"]}


def mentions(tables, label: str) -> list[str]:
    return [r["text"] for r in tables["mentions"] if r["label"] == label]


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def chromium_path() -> str:
    """/usr/bin/chromium, installed by scripts/ensure_chromium.sh when missing (never skipped)."""
    import os
    import shutil
    import subprocess

    import pytest

    def find():
        return shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)

    exe = find()
    if exe is None:
        subprocess.run(["sh", str(ROOT / "scripts" / "ensure_chromium.sh")], check=False, timeout=900)
        exe = find()
    if exe is None:
        pytest.fail("Chromium is missing and scripts/ensure_chromium.sh could not install it")
    return exe
