"""One row about the report itself (report.csv): title, date, source file and its hash, so tables from
many reports can be ordered in time and traced back to the exact input file."""

from __future__ import annotations

from pathlib import Path

from .registry.dates import date_of

COLUMNS = ["doc_id", "title", "date", "date_text", "date_start", "date_source", "source", "sha256", "chars"]


def _printable(name: str) -> str:
    """A file name that is not valid UTF-8 keeps its undecodable bytes as visible escapes (\\xff)."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def title_of(text: str) -> str:
    return next((line.strip() for line in text.split("\n") if line.strip()), "")


def report_row(doc_id: str, source: str, sha256: str, text: str) -> dict:
    """The report.csv row; date_start is an offset into text.txt (text[date_start:][:len(date_text)])."""
    d = date_of(text, Path(source).stem if source else doc_id)
    return {"doc_id": doc_id, "title": title_of(text), "date": d.date, "date_text": d.date_text,
            "date_start": d.date_start, "date_source": d.date_source, "source": _printable(Path(source).name) if source else "",
            "sha256": sha256, "chars": len(text)}
