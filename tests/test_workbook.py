"""OUT/extraction.xlsx (pipeline/workbook.py): a sheet per corpus table, formulas neutralised, numbers as
numbers, header bold and frozen, autofilter, sized columns. Read back with openpyxl."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from pipeline.cli import main as cli_main
from pipeline.corpus import write_corpus_tables
from pipeline.workbook import MAX_WIDTH, write_workbook
from pipeline.write import CORPUS_FILES, TABLES, csv_bytes

ROOT = Path(__file__).resolve().parents[1]
DANGEROUS = ["=1+1", "+1+1", "-1+1", "@SUM(A1:A2)", '=HYPERLINK("http://example.invalid","x")', "=cmd|' /C calc'!A0"]


def write_report(out: Path, doc_id: str, text: str, tables: dict[str, list[dict]]) -> None:
    d = out / doc_id
    d.mkdir(parents=True)
    (d / "text.txt").write_bytes(text.encode("utf-8"))
    for name, cols in TABLES.items():
        (d / f"{name}.csv").write_bytes(csv_bytes(cols, [{"doc_id": doc_id, **r} for r in tables.get(name, [])]))


@pytest.fixture()
def out(tmp_path) -> Path:
    out = tmp_path / "out"
    text = "外交部長王小明表示，逾40個部會參與，約3到4成。\n"
    write_report(out, "demo", text, {
        "mentions": [{"mention_id": "M0001", "label": "AGENCY", "start": 0, "end": 3, "text": "外交部", "entity_id": "A001"},
                     {"mention_id": "M0002", "label": "TITLE", "start": 2, "end": 4, "text": "部長", "entity_id": "P001"}],
        "people": [{"person_id": f"P{n:03d}", "name": v, "title": "部長", "agency": "外交部", "aliases": "", "first_start": n}
                   for n, v in enumerate(DANGEROUS, start=1)],
        "agencies": [{"agency_id": "A001", "name": "外交部", "variants": "外交部" * 40, "mention_count": 1}],
        "statistics": [{"stat_id": "S0001", "start": 10, "end": 16, "text": "逾40個部會", "value": 40.0, "qualifier": "over", "unit": "個"},
                       {"stat_id": "S0002", "start": 18, "end": 23, "text": "約3到4成", "value": 3.0, "value_max": 4.0, "qualifier": "about",
                        "unit": "成"},
                       {"stat_id": "S0003", "start": 18, "end": 23, "text": "0.5", "value": 0.5, "qualifier": "exact", "unit": ""}],
    })
    write_report(out, "second", "第二份。\n", {"agencies": [{"agency_id": "A001", "name": "國防部", "mention_count": 2}]})
    write_corpus_tables(out)
    return out


def test_sheets_per_corpus_table(out):
    path = write_workbook(out)
    assert path == out / "extraction.xlsx"
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[: len(TABLES)] == list(TABLES)
    for name, cols in TABLES.items():
        ws = wb[name]
        assert [c.value for c in ws[1]] == cols
        assert ws.freeze_panes == "A2"
        assert ws[1][0].font.b
    ag = wb["agencies"]
    assert [(r[0].value, r[2].value, r[4].value) for r in ag.iter_rows(min_row=2)] == [("demo", "外交部", 1), ("second", "國防部", 2)]
    assert ag.auto_filter.ref == "A1:E3"


def test_formulas_are_neutralised(out):
    wb = openpyxl.load_workbook(write_workbook(out))
    ws = wb["people"]
    names = [r[2] for r in ws.iter_rows(min_row=2)]
    assert [c.value for c in names] == DANGEROUS  # the real value, without the CSV guard apostrophe
    assert all(c.data_type == "s" for c in names)
    with zipfile.ZipFile(out / "extraction.xlsx") as z:
        for n in z.namelist():
            if n.startswith("xl/worksheets/"):
                assert "<f>" not in z.read(n).decode("utf-8")


def test_numbers_and_text(out):
    wb = openpyxl.load_workbook(write_workbook(out))
    st = wb["statistics"]
    header = [c.value for c in st[1]]
    rows = [{h: c.value for h, c in zip(header, r)} for r in st.iter_rows(min_row=2)]
    assert rows[0]["start"] == 10 and rows[0]["end"] == 16 and rows[0]["value"] == 40 and rows[0]["value_max"] is None
    assert rows[1]["value_max"] == 4 and rows[1]["unit"] == "成"
    assert rows[2]["text"] == "0.5"  # a text column stays text even when it looks like a number
    assert rows[2]["value"] == 0.5
    assert st.cell(row=2, column=header.index("stat_id") + 1).data_type == "s"


def test_columns_sized_and_capped(out):
    wb = openpyxl.load_workbook(write_workbook(out))
    ag = wb["agencies"]
    assert ag.column_dimensions["D"].width <= MAX_WIDTH + 1  # 120 CJK characters of variants, capped
    assert ag.column_dimensions["D"].width > 40
    assert ag.column_dimensions["C"].width >= 6
    assert not list(out.glob(".*tmp*"))


def test_workbook_without_corpus_files(out):
    for name in TABLES:
        (out / f"{CORPUS_FILES.get(name, name)}.csv").unlink()
    wb = openpyxl.load_workbook(write_workbook(out))
    assert wb["agencies"].max_row == 3  # rebuilt from the report folders


def test_workbook_of_real_extraction(tmp_path):
    dest = tmp_path / "extracted"
    assert cli_main(["extract", "--raw", str(ROOT / "raw" / "d4_apec_sommeeting_2025_nextapple.txt"), "--out", str(dest), "--quiet"]) == 0
    write_corpus_tables(dest)
    wb = openpyxl.load_workbook(write_workbook(dest))
    ws = wb["mentions"]
    header = [c.value for c in ws[1]]
    text = (dest / "d4_apec_sommeeting_2025_nextapple" / "text.txt").read_bytes().decode("utf-8")
    assert ws.max_row > 1
    for r in ws.iter_rows(min_row=2, values_only=True):
        row = dict(zip(header, r))
        assert isinstance(row["start"], int) and text[row["start"] : row["end"]] == row["text"]
