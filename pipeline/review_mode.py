"""Review mode of review.html: the assets (templates/review_mode.js, .css and the panel's HTML,
inlined so the page stays one file that opens from disk) and the facts the page needs to write a
review file that `review apply` can check (doc_id, extraction fingerprint, text hash, row rules)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .gold_io import LABELS, QUALIFIERS, ROLES
from .review_apply import extraction_fingerprint, text_sha256
from .review_tables import EDITABLE, IDENTITY, REVIEWED_TABLES, SPAN_TABLES

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def js() -> str:
    return _asset("review_mode.js")


def css() -> str:
    return _asset("review_mode.css")


def panel() -> str:
    return _asset("review_panel.html")


def toggle() -> str:
    return _asset("review_toggle.html")


def page_data(d: Path, text: str) -> dict:
    """The report's identity (what the review file is keyed by) and the rules review mode follows."""
    return {"doc_id": d.name, "fingerprint": extraction_fingerprint(d), "text_sha256": text_sha256(text),
            "tables": REVIEWED_TABLES, "spanTables": list(SPAN_TABLES), "editable": EDITABLE,
            "identity": {t: list(c) for t, c in IDENTITY.items()}, "labels": list(LABELS),
            "qualifiers": list(QUALIFIERS), "roles": list(ROLES)}
