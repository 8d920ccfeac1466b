"""End to end on the reports in raw/: the CLI writes every contract table, offsets slice to text.txt,
rows are ordered, CSVs are UTF-8 with BOM and \\n line ends, and `evaluate` scores against gold/."""

import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT, read_csv
from pipeline.write import TABLES

REQUIRED = {
    "mentions": ["doc_id", "mention_id", "label", "start", "end", "text", "entity_id"],
    "people": ["doc_id", "person_id", "name", "title", "agency", "aliases", "first_start"],
    "agencies": ["doc_id", "agency_id", "name", "variants", "mention_count"],
    "statistics": ["doc_id", "stat_id", "start", "end", "text", "value", "value_max", "qualifier", "unit", "subject"],
    "recommendations": ["doc_id", "rec_id", "start", "end", "text", "speaker", "cue"],
    "sessions": ["session_id", "title", "start", "end"],
    "roles": ["session_id", "name", "role"],
    "report": ["doc_id", "title", "date", "date_text", "date_start", "source", "sha256", "chars"],
}


def run_cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def out(extracted_raw):
    return extracted_raw


def report_dirs(out: Path):
    dirs = sorted(p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".") and p.name != "registry")  # registry/: the corpus-wide tables
    assert {d.name for d in dirs} == {p.stem for p in (ROOT / "raw").iterdir() if p.is_file()}
    return dirs


def test_every_table_has_the_contract_columns(out):
    for d in report_dirs(out):
        assert (d / "text.txt").exists()
        for table, cols in REQUIRED.items():
            raw = (d / f"{table}.csv").read_bytes()
            assert raw.startswith(b"\xef\xbb\xbf"), f"{d.name}/{table}.csv has no BOM"
            assert b"\r" not in raw
            header = raw.decode("utf-8-sig").split("\n", 1)[0].split(",")
            assert header[: len(TABLES[table])] == TABLES[table]
            assert set(cols) <= set(header)


def test_offsets_slice_to_text_in_every_table(out):
    checked = 0
    for d in report_dirs(out):
        text = (d / "text.txt").read_text(encoding="utf-8")
        for table in ("mentions", "statistics", "recommendations"):
            rows = read_csv(d / f"{table}.csv")
            starts = [int(r["start"]) for r in rows]
            assert starts == sorted(starts), f"{d.name}/{table}.csv is not ordered by start"
            for r in rows:
                assert text[int(r["start"]) : int(r["end"])] == r["text"]
                checked += 1
        for s in read_csv(d / "sessions.csv"):
            assert 0 <= int(s["start"]) < int(s["end"]) <= len(text)
    assert checked > 500


def test_text_txt_equals_the_utf8_report(out):
    for d in report_dirs(out):
        assert (d / "text.txt").read_bytes() == (ROOT / "raw" / f"{d.name}.txt").read_bytes().replace(b"\r\n", b"\n")


def test_golden_rows_of_the_seed(out):
    d = out / "apec_workshop_2025"
    people = {(r["name"], r["title"], r["agency"]) for r in read_csv(d / "people.csv")}
    assert ("張芝颯", "副司長", "外交部國際組織司") in people
    assert ("Eduardo Pedrosa", "執行長", "APEC秘書處") in people
    assert ("連澤", "專門委員", "外交部國際組織司") in people
    stats = {r["text"]: r for r in read_csv(d / "statistics.csv")}
    assert (stats["逾40個部會"]["value"], stats["逾40個部會"]["qualifier"], stats["逾40個部會"]["unit"], stats["逾40個部會"]["subject"]) == ("40", "over", "個", "部會")
    assert stats["13個經濟體"]["subject"] == "經濟體"
    recs = read_csv(d / "recommendations.csv")
    she = next(r for r in recs if r["text"].startswith("她建議可透過兩步驟"))
    assert she["speaker"] == "蔡芳宜"
    roles = {(r["name"], r["role"], r.get("on_behalf_of", "")) for r in read_csv(d / "roles.csv")}
    assert ("連科雄", "speaker", "李冠志") in roles
    assert [s["title"] for s in read_csv(d / "sessions.csv")][0] == "開幕"
    warnings = read_csv(d / "warnings.csv")
    assert any(w["kind"] == "name_variant" and "鍾錦" in w["message"] for w in warnings)


def test_rerun_with_nothing_changed_does_no_work(out):
    res = run_cli("extract", "--raw", str(ROOT / "raw"), "--out", str(out), "--quiet")
    assert res.returncode == 0
    assert " 0 built" in res.stderr and "up to date" in res.stderr


def test_corpus_tables_concatenate_reports(out):
    rows = read_csv(out / "people.csv")
    assert {r["doc_id"] for r in rows} >= {"apec_workshop_2025", "d1_youth_camp_2018_nchu"}


def test_evaluate_prints_scores_and_writes_files(out):
    res = run_cli("evaluate", "--gold", str(ROOT / "gold"), "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert "people" in res.stdout and "mentions/PERSON/strict" in res.stdout
    rows = read_csv(out / "evaluation.csv")
    assert {"doc_id", "table", "label", "tp", "fp", "fn", "precision", "recall", "f1"} <= set(rows[0])
    total = {(r["table"], r["label"]): r for r in rows if r["doc_id"] == "ALL"}
    assert float(total[("people", "")]["f1"]) >= 0.94  # all 32 annotated reports (floors per set below)
    assert (out / "evaluation.md").read_text(encoding="utf-8").count("FN") > 0
    page = (out / "evaluation.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<table>" in page and "subject" in page
    stats = total[("statistics", "")]
    assert stats["subject_accuracy"] and float(stats["subject_accuracy"]) > 0  # subject is scored


def test_report_dates_against_gold_and_offsets(out):
    from pipeline.evaluate import evaluate

    for d in report_dirs(out):
        text = (d / "text.txt").read_text(encoding="utf-8")
        (row,) = read_csv(d / "report.csv")
        assert row["doc_id"] == d.name and row["chars"] == str(len(text)) and row["source"].startswith(d.name)
        if row["date_text"]:
            start = int(row["date_start"])
            assert text[start : start + len(row["date_text"])] == row["date_text"]
        assert row["date_source"] in ("text", "file_name", "")
    assert len(read_csv(out / "reports.csv")) == len(report_dirs(out))
    totals, _ = evaluate(ROOT / "gold", out)
    right, total = totals["report/date"].attrs["date"]
    assert total == 32 and right / total >= 0.9  # exact date, measured 32/32 (README)


def test_registry_merges_people_of_several_real_reports(out):
    """Every name (folded) written in two or more reports' gold is one registry row, across reports."""
    from pipeline.registry.folding import fold

    in_gold: dict[str, set] = {}
    for d in sorted((ROOT / "gold").iterdir()):
        if (d / "people.csv").exists():
            for r in read_csv(d / "people.csv"):
                in_gold.setdefault(fold(r["name"]), set()).add(d.name)
    shared = {n: docs for n, docs in in_gold.items() if len(docs) > 1}
    assert len(shared) >= 10
    rows_of: dict[str, list] = {}
    for r in read_csv(out / "registry" / "people.csv"):
        for n in {r["name"], *filter(None, r["aliases"].split("|"))}:
            rows_of.setdefault(fold(n), []).append(r)
    assert all(len(rows) == 1 for rows in rows_of.values())  # a folded name is never split over two rows
    merged = [n for n, docs in shared.items() if n in rows_of and int(rows_of[n][0]["report_count"]) >= len(docs)]
    assert len(merged) / len(shared) >= 0.9, sorted(set(shared) - set(merged))


# regression floors (the measured scores are in README.md): the seed and the eleven dev reports the
# rules were first written on, and the twenty real dev2 reports tuned on since
FLOORS = {
    "seed+dev": {"people": 0.97, "affiliation": 0.94, "agencies": 0.89, "statistics": 0.97, "recommendations": 0.97,
                 "roles": 0.97, "sessions": 0.97, "mentions/AGENCY/strict": 0.88, "mentions/TITLE/strict": 0.95},
    "dev2": {"people": 0.93, "affiliation": 0.80, "agencies": 0.75, "statistics": 0.92, "recommendations": 0.5,
             "mentions/AGENCY/strict": 0.73, "mentions/TITLE/strict": 0.90, "mentions/PERSON/strict": 0.90},
}


@pytest.mark.parametrize("subset", sorted(FLOORS))
def test_scores_stay_above_their_floors(out, subset):
    from pipeline.evaluate import evaluate, gold_docs

    names = {d.name for d in gold_docs(ROOT / "gold") if d.name.startswith("e") == (subset == "dev2")}
    totals, _ = evaluate(ROOT / "gold", out, docs=names)
    low = {k: round(totals[k].f1, 3) for k, floor in FLOORS[subset].items() if totals[k].f1 < floor}
    assert not low, low


def test_every_command_has_help():
    for args in (["--help"], ["extract", "--help"], ["evaluate", "--help"], ["stage", "--help"], ["review", "--help"],
                 ["query", "--help"], ["gold", "--help"], ["gold", "export", "--help"], ["gold", "import", "--help"], ["gold", "check", "--help"]):
        res = run_cli(*args)
        assert res.returncode == 0 and "usage:" in res.stdout, args


def test_stages_run_on_their_own_and_chain_to_the_same_tables(out, tmp_path):
    steps = [("ingest", ROOT / "raw" / "d4_apec_sommeeting_2025_nextapple.txt", tmp_path / "r.json"),
             ("segment", tmp_path / "r.json", tmp_path / "1.spacy"),
             ("recognise", tmp_path / "1.spacy", tmp_path / "2.spacy"),
             ("link", tmp_path / "2.spacy", tmp_path / "3.spacy"),
             ("extract", tmp_path / "3.spacy", tmp_path / "4.spacy"),
             ("write", tmp_path / "4.spacy", tmp_path / "out")]
    for name, inp, outp in steps:
        res = run_cli("stage", name, str(inp), str(outp))
        assert res.returncode == 0, res.stderr
    chained = tmp_path / "out" / "d4_apec_sommeeting_2025_nextapple"
    for f in sorted(chained.iterdir()):
        assert f.read_bytes() == (out / chained.name / f.name).read_bytes(), f.name


@pytest.mark.parametrize("cell, written", [
    ("-1.5", "-1.5"), ("-1.5%", "-1.5%"), ("+3", "+3"), ("-1,000", "-1,000"),
    ("=SUM(A1)", "'=SUM(A1)"), ("-x", "'-x"), ("@foo", "'@foo"), ("+", "'+"), ("-1.5e3", "'-1.5e3"),
])
def test_plain_numbers_are_no_formulas(cell, written):
    from pipeline.write import safe_cell

    assert safe_cell(cell) == written


def test_a_negative_statistic_keeps_its_sign_in_the_csv(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "neg.txt").write_text("今年經濟成長率為-1.5%，出口年增率負2.3%。\n", encoding="utf-8")
    assert run_cli("extract", "--raw", str(raw), "--out", str(out), "--quiet").returncode == 0
    text = (out / "neg" / "text.txt").read_text(encoding="utf-8")
    rows = read_csv(out / "neg" / "statistics.csv")
    assert [(r["text"], r["value"]) for r in rows] == [("-1.5%", "-1.5"), ("負2.3%", "-2.3")]
    assert all(text[int(r["start"]):int(r["end"])] == r["text"] for r in rows)


def test_typed_columns_former_ratio_and_aliases(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "t.txt").write_text("前財政部長王大明出席。印尼農民組織代表黛薇‧卡蒂卡（Dewi Kartika）表示，51%的農民支持，三成民眾反對。\n",
                               encoding="utf-8")
    assert run_cli("extract", "--raw", str(raw), "--out", str(out), "--quiet").returncode == 0
    people = {r["name"]: r for r in read_csv(out / "t" / "people.csv")}
    assert people["王大明"]["former"] == "true" and people["黛薇‧卡蒂卡"]["former"] == "false"
    assert people["黛薇‧卡蒂卡"]["aliases"] == "Dewi Kartika"
    ratios = {r["text"]: r["ratio"] for r in read_csv(out / "t" / "statistics.csv")}
    assert ratios["51%"] == "0.51" and ratios["三成民眾"] == "0.3"


def test_every_word_list_in_the_configs_holds_words_not_yaml_booleans():
    """YAML reads a bare On, Off, Yes or No as a boolean: a word list must hold only strings."""
    import yaml

    from pipeline.config import CONFIG_DIR

    def lists(x):
        if isinstance(x, dict):
            for v in x.values():
                yield from lists(v)
        elif isinstance(x, list):
            yield x

    for f in sorted(CONFIG_DIR.glob("*.yml")):
        for words in lists(yaml.safe_load(f.read_text(encoding="utf-8"))):
            assert not [w for w in words if isinstance(w, bool) or w is None], f.name
