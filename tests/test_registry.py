"""Across reports (pipeline/registry/): three invented dated reports — one person moving from 副司長 to
司長, one name written 臺 in one report and 台 in another, one agency written in full and abbreviated —
give one person with a timeline, one agency with its variants, stable keys, a DuckDB database, a query
command and the people/agencies pages; a removed report leaves no row anywhere."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, read_csv

A = "時間：2023年5月10日\n經濟部國際貿易署王小明副司長表示，將加強出口合作。\n"
B = "2024年6月1日\n經濟部國際貿易署王小明司長出席會議，並建議加強合作。臺北市政府陳臺生局長致詞。\n"
C = "（記者張美玲／台北15日電）中華民國114年3月舉辦的論壇今（15）日登場，經濟部國貿署王小明司長表示將擴大參與。台北市政府陳台生局長也出席。\n"
# same name, same date as B, a post that cannot be the same person's: a warning, still one row
D = "2024年6月1日\n國立東岸科技大學王小明教授表示，研究成果將公開。\n"


def cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    base = tmp_path_factory.mktemp("registry")
    raw, out = base / "raw", base / "out"
    raw.mkdir()
    for name, text in (("a", A), ("b", B), ("c", C)):
        (raw / f"{name}.txt").write_text(text, encoding="utf-8")
    res = cli("extract", "--raw", str(raw), "--out", str(out), "--quiet")
    assert res.returncode == 0, res.stderr
    return raw, out


def person(out: Path, name: str) -> dict:
    rows = [r for r in read_csv(out / "registry" / "people.csv") if r["name"] == name or name in r["aliases"].split("|")]
    assert len(rows) == 1, rows
    return rows[0]


def test_one_person_with_a_timeline_of_posts(corpus):
    _, out = corpus
    p = person(out, "王小明")
    assert (p["report_count"], p["first_date"], p["last_date"]) == ("3", "2023-05-10", "2025-03-15")
    posts = [r for r in read_csv(out / "registry" / "positions.csv") if r["person_key"] == p["person_key"]]
    assert [(r["date"], r["title"], r["doc_id"]) for r in posts] == [
        ("2023-05-10", "副司長", "a"), ("2024-06-01", "司長", "b"), ("2025-03-15", "司長", "c")]
    for r in posts:  # grounded: the offsets are those of the mention in that report's text.txt
        span = (out / r["doc_id"] / "text.txt").read_text(encoding="utf-8")[int(r["start"]) : int(r["end"])]
        assert "王小明" in span and r["title"] in span


def test_tai_and_tai_variant_is_one_person_and_one_agency(corpus):
    _, out = corpus
    p = person(out, "陳臺生")
    assert {p["name"], *p["aliases"].split("|")} == {"陳臺生", "陳台生"} and p["report_count"] == "2"
    city = [a for a in read_csv(out / "registry" / "agencies.csv") if "市政府" in a["name"]]
    assert len(city) == 1 and {city[0]["name"], *city[0]["variants"].split("|")} == {"臺北市政府", "台北市政府"}


def test_an_agency_in_full_and_abbreviated_is_one_agency(corpus):
    _, out = corpus
    rows = [a for a in read_csv(out / "registry" / "agencies.csv") if a["name"].startswith("經濟部")]
    assert len(rows) == 1
    a = rows[0]
    assert a["name"] == "經濟部國際貿易署" and a["variants"] == "經濟部國貿署"
    assert (a["report_count"], a["people_count"]) == ("3", "1")
    held = [r for r in read_csv(out / "registry" / "agency_people.csv") if r["agency_key"] == a["agency_key"]]
    assert [(r["title"], r["doc_id"]) for r in held] == [("副司長", "a"), ("司長", "b"), ("司長", "c")]
    written = {(r["doc_id"], r["name"]) for r in read_csv(out / "registry" / "agency_reports.csv") if r["agency_key"] == a["agency_key"]}
    assert written == {("a", "經濟部國際貿易署"), ("b", "經濟部國際貿易署"), ("c", "經濟部國貿署")}


def test_report_dates_in_reports_csv(corpus):
    _, out = corpus
    rows = {r["doc_id"]: r for r in read_csv(out / "reports.csv")}
    assert {d: r["date"] for d, r in rows.items()} == {"a": "2023-05-10", "b": "2024-06-01", "c": "2025-03-15"}
    for d, r in rows.items():
        text = (out / d / "text.txt").read_text(encoding="utf-8")
        assert text[int(r["date_start"]) : int(r["date_start"]) + len(r["date_text"])] == r["date_text"]
        assert r["source"] == f"{d}.txt" and len(r["sha256"]) == 64 and r["chars"] == str(len(text))
        assert read_csv(out / d / "report.csv") == [r]


def test_database_holds_every_table_and_the_registry(corpus):
    import duckdb

    _, out = corpus
    con = duckdb.connect(str(out / "extraction.duckdb"), read_only=True)
    try:
        tables = {(s, t) for s, t in con.execute("SELECT schema_name, table_name FROM duckdb_tables()").fetchall()}
        for t in ("mentions", "people", "agencies", "statistics", "recommendations", "sessions", "roles", "warnings", "reports"):
            assert ("main", t) in tables
        for t in ("people", "positions", "agencies", "agency_people", "agency_reports", "warnings"):
            assert ("registry", t) in tables
        assert con.execute("SELECT count(*) FROM people").fetchone()[0] == len(read_csv(out / "people.csv"))
        assert con.execute("SELECT typeof(start) FROM mentions LIMIT 1").fetchone()[0] == "BIGINT"
    finally:
        con.close()
    assert not [p.name for p in out.iterdir() if ".tmp" in p.name]


def test_query_prints_an_aligned_table_or_csv(corpus):
    _, out = corpus
    sql = "SELECT name, title, date FROM registry.positions WHERE name = '王小明' ORDER BY date"
    res = cli("query", "--out", str(out), sql)
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert lines[0].split() == ["name", "|", "title", "|", "date"] and set(lines[1]) <= {"-", "+"}
    assert "副司長" in lines[2] and lines[-1] == "(3 rows)"
    assert len({line.index("|") for line in lines[2:5]}) == 1  # CJK cells aligned (two columns each)
    res = cli("query", "--out", str(out), "--csv", sql)
    assert res.returncode == 0 and res.stdout.splitlines() == [
        "name,title,date", "王小明,副司長,2023-05-10", "王小明,司長,2024-06-01", "王小明,司長,2025-03-15"]


def test_query_bad_sql_and_missing_database(corpus, tmp_path):
    _, out = corpus
    res = cli("query", "--out", str(out), "SELEC name FROM nowhere")
    assert res.returncode == 2 and res.stdout == ""
    assert len(res.stderr.strip().splitlines()) == 1 and res.stderr.startswith("error: bad SQL:")
    res = cli("query", "--out", str(tmp_path), "SELECT 1")
    assert res.returncode == 2 and "run `make extract` first" in res.stderr


def test_database_is_replaced_atomically(corpus, tmp_path, monkeypatch):
    import duckdb

    from pipeline.registry import database

    out = tmp_path / "out"
    shutil.copytree(corpus[1], out)
    final = out / "extraction.duckdb"
    before = final.read_bytes()
    replaced = []
    real_replace = database.os.replace

    def replace(src, dst):  # at the swap the new file is complete and beside the old one
        con = duckdb.connect(str(src), read_only=True)
        replaced.append(con.execute("SELECT count(*) FROM duckdb_tables()").fetchone()[0])
        con.close()
        assert Path(src).parent == Path(dst).parent and Path(dst) == final and final.read_bytes() == before
        real_replace(src, dst)

    monkeypatch.setattr(database.os, "replace", replace)
    database.build_database(out)
    assert replaced and replaced[0] >= 15
    # a build that fails half-way leaves the old file as it was and no temporary file
    monkeypatch.setattr(database, "_load", lambda *a: (_ for _ in ()).throw(RuntimeError("disk full")))
    after = final.read_bytes()
    with pytest.raises(RuntimeError):
        database.build_database(out)
    assert final.read_bytes() == after
    assert not [p.name for p in out.iterdir() if p.name.startswith(".extraction")]


def test_pages_list_people_and_agencies_and_link_review_pages(corpus, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(corpus[1], out)
    res = cli("review", "--out", str(out), "--gold", str(tmp_path / "no-gold"))
    assert res.returncode == 0, res.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="people.html"' in index and 'href="agencies.html"' in index
    people = (out / "people.html").read_text(encoding="utf-8")
    agencies = (out / "agencies.html").read_text(encoding="utf-8")
    assert "王小明" in people and "經濟部國際貿易署" in agencies and "<script" not in people
    import re

    links = re.findall(r'href="([^"#]+/review\.html)\?autotest=mentions%3A(M\d+)"', people + agencies)
    assert links
    for page, mention_id in links:
        assert (out / page).exists()
        ids = {r["mention_id"] for r in read_csv(out / page.split("/")[0] / "mentions.csv")}
        assert mention_id in ids


def test_adding_and_removing_reports(corpus, tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(corpus[0], raw)
    shutil.copytree(corpus[1], out)
    keys = {r["name"]: r["person_key"] for r in read_csv(out / "registry" / "people.csv")}
    agency_keys = {r["name"]: r["agency_key"] for r in read_csv(out / "registry" / "agencies.csv")}
    (raw / "d.txt").write_text(D, encoding="utf-8")
    res = cli("extract", "--raw", str(raw), "--out", str(out), "--quiet")
    assert res.returncode == 0, res.stderr
    assert "1 built, 3 up to date" in res.stderr  # the others are not rebuilt
    now = {r["name"]: r["person_key"] for r in read_csv(out / "registry" / "people.csv")}
    assert all(now[n] == k for n, k in keys.items())  # keys are stable: nobody is renumbered
    now_agencies = {r["name"]: r["agency_key"] for r in read_csv(out / "registry" / "agencies.csv")}
    assert all(now_agencies[n] == k for n, k in agency_keys.items())
    assert person(out, "王小明")["report_count"] == "4"
    warnings = read_csv(out / "registry" / "warnings.csv")
    assert [(w["kind"], w["name"], w["doc_ids"]) for w in warnings] == [("same_name_two_posts", "王小明", "b|d")]
    # removing reports from RAW removes their rows from reports.csv, the registry and the database
    (raw / "d.txt").unlink()
    (raw / "b.txt").unlink()
    res = cli("extract", "--raw", str(raw), "--out", str(out), "--quiet")
    assert res.returncode == 0, res.stderr
    assert {r["doc_id"] for r in read_csv(out / "reports.csv")} == {"a", "c"}
    assert {r["doc_id"] for r in read_csv(out / "registry" / "positions.csv")} == {"a", "c"}
    assert read_csv(out / "registry" / "warnings.csv") == []
    res = cli("query", "--out", str(out), "--csv", "SELECT DISTINCT doc_id FROM registry.agency_people UNION SELECT doc_id FROM reports ORDER BY 1")
    assert res.stdout.splitlines() == ["doc_id", "a", "c"]


def test_a_failing_registry_keeps_the_report_folders_and_exits_non_zero(corpus, tmp_path, monkeypatch, capsys):
    from pipeline import cli
    from pipeline.registry import build

    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(corpus[0], raw)
    shutil.copytree(corpus[1], out)
    (out / "extraction.duckdb").unlink()  # nothing to rebuild, but the database is missing

    def broken(out):
        raise OSError("no space left on device")

    monkeypatch.setattr(build, "write_registry", broken)
    rc = cli.main(["extract", "--raw", str(raw), "--out", str(out), "--quiet"])
    err = capsys.readouterr().err
    assert rc == 1
    assert "error: registry and database not rebuilt (OSError: no space left on device" in err
    assert {p.name for p in out.iterdir() if p.is_dir() and (p / "text.txt").exists()} == {"a", "b", "c"}
    assert (out / "people.csv").exists() and not (out / "extraction.duckdb").exists()


def test_registry_is_a_reserved_name(tmp_path):
    from pipeline.runner import doc_id_problem

    for name in ("registry", "reports.csv", "extraction.duckdb", "people.html", "agencies.html"):
        assert "taken by a file the run writes" in doc_id_problem(name, tmp_path)


def test_a_killed_database_build_leaves_nothing_behind(tmp_path):
    from pipeline.write import clean_leftovers

    (tmp_path / ".extraction.duckdb.tmp-99999").write_bytes(b"half a database")
    (tmp_path / "extraction.duckdb").write_bytes(b"the old one")
    clean_leftovers(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["extraction.duckdb"]


def test_a_name_written_in_simplified_characters_is_the_same_person(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "t.txt").write_text("2024年6月1日\n經濟部林美華次長表示，將加強出口合作。\n", encoding="utf-8")
    (raw / "s.txt").write_text("2025年1月2日\n经济部林美华次长表示，将加强出口合作。\n", encoding="utf-8")
    res = cli("extract", "--raw", str(raw), "--out", str(out), "--quiet")
    assert res.returncode == 0, res.stderr
    p = person(out, "林美華")
    assert {p["name"], *p["aliases"].split("|")} == {"林美華", "林美华"}
    assert (p["report_count"], p["first_date"], p["last_date"]) == ("2", "2024-06-01", "2025-01-02")


def _readme_queries() -> list[tuple[str, list[str]]]:
    """(SQL, the lines the README shows it printing) for every `make query` example in the README."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```text\n(.*?)```", text, re.S):
        for m in re.finditer(r'^\$ make query SQL="(.*)"\n((?:.+\n)+)', block, re.M):
            found.append((m.group(1), m.group(2).rstrip("\n").split("\n")))
    return found


def test_the_readme_queries_print_what_the_readme_shows(extracted_raw):
    queries = _readme_queries()
    assert len(queries) >= 3
    for sql, shown in queries:
        res = cli("query", "--out", str(extracted_raw), sql)
        assert res.returncode == 0, res.stderr
        assert res.stdout.rstrip("\n").split("\n") == shown, sql
