"""The hand-annotated statistics of plain news (bench/news_statistics/) are well formed: offsets into
their text, a qualifier of the contract, numeric values, a subject written in the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ROOT, read_csv

DOCS = sorted((ROOT / "bench" / "news_statistics").glob("*/*/statistics.csv"))
QUALIFIERS = {"exact", "over", "at_least", "under", "at_most", "about"}


def test_both_sets_are_there():
    assert {p.parent.parent.name for p in DOCS} == {"tuned", "blind"} and len(DOCS) == 9


@pytest.mark.parametrize("path", DOCS, ids=[f"{p.parent.parent.name}/{p.parent.name}" for p in DOCS])
def test_rows_map_back_to_the_text(path: Path):
    text = (path.parent / "text.txt").read_text(encoding="utf-8")
    rows = read_csv(path)
    assert rows, path
    for r in rows:
        where = f"{path}: {r}"
        assert r["doc_id"] == path.parent.name, where
        assert text[int(r["start"]) : int(r["end"])] == r["text"], where
        assert r["qualifier"] in QUALIFIERS, where
        float(r["value"])
        if r["value_max"]:
            assert float(r["value_max"]) >= float(r["value"]), where
        assert r["subject"] in text, where
    assert [int(r["start"]) for r in rows] == sorted(int(r["start"]) for r in rows), path
