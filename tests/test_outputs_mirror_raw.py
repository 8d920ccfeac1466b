"""OUT mirrors RAW: a report removed from RAW loses its folder and rows, a report that now fails keeps
no rows from its earlier version and is listed in errors.csv, and the index never links a review page
that is gone."""

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import read_csv

ROOT = Path(__file__).resolve().parent.parent
GOOD = "外交部國際組織司王大明副司長表示，約有三百人參加研習。\n"
OTHER = "經濟部工業局林小華局長出席會議，並建議加強合作。\n"


def extract(raw: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", "extract", "--raw", str(raw), "--out", str(out), "--quiet"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def review(out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", "review", "--out", str(out), "--gold", str(out / "no-gold")],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.fixture
def two_reports(tmp_path):
    """RAW with reports a and b, extracted once into OUT."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "a.txt").write_text(GOOD, encoding="utf-8")
    (raw / "b.txt").write_text(OTHER, encoding="utf-8")
    assert extract(raw, out).returncode == 0
    return raw, out


def test_a_removed_report_leaves_no_folder_and_no_rows(two_reports):
    raw, out = two_reports
    assert {r["doc_id"] for r in read_csv(out / "people.csv")} == {"a", "b"}
    assert review(out).returncode == 0
    (raw / "b.txt").unlink()
    res = extract(raw, out)
    assert res.returncode == 0
    assert "removed" in res.stderr and "b" in res.stderr
    assert not (out / "b").exists()
    for table in ("people", "mentions", "agencies", "reports", "registry/positions", "registry/agency_people"):
        assert {r["doc_id"] for r in read_csv(out / f"{table}.csv")} <= {"a"}
    assert {r["name"] for r in read_csv(out / "registry" / "people.csv")} == {"王大明"}
    import duckdb

    con = duckdb.connect(str(out / "extraction.duckdb"), read_only=True)
    try:
        for table in ("people", "mentions", "reports", "registry.positions"):
            assert {d for (d,) in con.execute(f"SELECT DISTINCT doc_id FROM {table}").fetchall()} <= {"a"}, table
    finally:
        con.close()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "b/review.html" not in index and "a/review.html" in index


def test_a_report_that_now_fails_keeps_no_rows(two_reports):
    raw, out = two_reports
    (raw / "b.txt").write_bytes(bytes(range(256)) * 4)
    res = extract(raw, out)
    assert res.returncode == 1
    assert not (out / "b").exists()
    assert "b" not in {r["doc_id"] for r in read_csv(out / "people.csv")}
    assert [r["doc_id"] for r in read_csv(out / "errors.csv")] == ["b"]


def test_a_rebuilt_report_gets_its_review_page_again(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "a.txt").write_text(GOOD, encoding="utf-8")
    assert extract(raw, out).returncode == 0
    assert review(out).returncode == 0
    (raw / "a.txt").write_text(OTHER, encoding="utf-8")
    assert extract(raw, out).returncode == 0
    page = (out / "a" / "review.html").read_text(encoding="utf-8")
    assert "林小華" in page


def test_a_single_report_file_leaves_the_other_folders(two_reports):
    raw, out = two_reports
    assert extract(raw / "a.txt", out).returncode == 0
    assert (out / "b").is_dir()
