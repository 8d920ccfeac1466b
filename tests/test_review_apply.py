"""`review apply` (pipeline/review_apply.py): corrections applied to an invented report's tables,
offsets checked against text.txt, stale review files listed row by row, gold only from a complete
review, and `evaluate` scoring a reviewed report that has no gold."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import read_csv
from review_fixtures import REPORT, decision, extract, review_of, row, write_review

from pipeline.cli import main as cli_main
from pipeline.gold_io import validate_gold


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    return extract(tmp_path_factory.mktemp("review_apply"))


@pytest.fixture()
def report(extracted, tmp_path) -> Path:
    """A private copy of the extracted report (each test writes reviewed/ into it)."""
    out = tmp_path / "out"
    shutil.copytree(extracted.parent, out)
    return out / extracted.name


def apply(report: Path, review: dict, *extra: str) -> int:
    f = write_review(report.parent.parent / f"{report.name}.review.json", review)
    return cli_main(["review", "apply", str(f), "--out", str(report.parent), *extra])


def test_corrections_reach_the_reviewed_tables(report, capsys):
    rev = review_of(report)
    k_person, person = row(report, "mentions", label="PERSON", text="周明遠")
    k_stat, stat = row(report, "statistics", text="逾300位志工")
    rev["decisions"][k_person] = decision("mentions", person, "rejected")
    rev["decisions"][k_stat] = decision("statistics", stat, "accepted", value="310", subject="志工")
    text = (report / "text.txt").read_text(encoding="utf-8")
    s = text.index("綠谷市政府")
    n = text.index("河濱文化協會")
    rev["added"] = [{"table": "mentions", "label": "AGENCY", "start": s, "end": s + 5, "text": "綠谷市政府", "fields": {}},
                    {"table": "mentions", "label": "PERSON", "start": n, "end": n + 2, "text": "河濱", "fields": {"entity": "河濱"}}]
    rev["bounds"] = [{"row": k_stat, "start": int(stat["start"]), "end": int(stat["end"]) - 2,
                      "text": text[int(stat["start"]):int(stat["end"]) - 2]}]
    assert apply(report, rev) == 0
    out = capsys.readouterr().out
    d = report / "reviewed"
    mentions = read_csv(d / "mentions.csv")
    assert "周明遠" not in {m["text"] for m in mentions}
    # the rejected name was the only mention of its person: the person is gone, its title mention stays
    people = read_csv(d / "people.csv")
    assert "周明遠" not in {p["name"] for p in people} and "removed: no mention of it is left" in out
    assert any(m["text"] == "教授" and m["entity_id"] == "" for m in mentions)
    st = next(r for r in read_csv(d / "statistics.csv") if r["stat_id"] == stat["stat_id"])
    assert (st["value"], st["text"], st["end"]) == ("310", "逾300位", str(int(stat["end"]) - 2))
    # an added AGENCY of a new organisation and an added PERSON each get their entity's row
    added = next(m for m in mentions if m["text"] == "綠谷市政府" and m["label"] == "AGENCY")
    assert any(a["agency_id"] == added["entity_id"] and a["name"] == "綠谷市政府" for a in read_csv(d / "agencies.csv"))
    hb = next(m for m in mentions if m["text"] == "河濱" and m["label"] == "PERSON")
    assert any(p["person_id"] == hb["entity_id"] and p["name"] == "河濱" for p in people)
    # the same contract tables, every span exact
    for name in ("mentions", "statistics", "recommendations"):
        header = (d / f"{name}.csv").read_text(encoding="utf-8-sig").split("\n", 1)[0]
        assert header == (report / f"{name}.csv").read_text(encoding="utf-8-sig").split("\n", 1)[0]
        for r in read_csv(d / f"{name}.csv"):
            assert text[int(r["start"]):int(r["end"])] == r["text"]
    status = json.loads((d / "review-status.json").read_text(encoding="utf-8"))
    assert status["reviewed"] == 4 and status["remaining"] == status["rows"] - 4
    assert not [p for p in report.iterdir() if p.name.startswith(".reviewed")]  # the temp folder was renamed


def test_offset_mismatch_is_an_error_naming_the_row(report, capsys):
    rev = review_of(report)
    rev["added"] = [{"table": "mentions", "label": "PERSON", "start": 10, "end": 13, "text": "林大雨", "fields": {}}]
    assert apply(report, rev) == 1
    err = capsys.readouterr().err
    assert "added[0] PERSON" in err and "'林大雨' is not text.txt[10:13]" in err
    assert not (report / "reviewed").exists()  # nothing written

    rev = review_of(report)
    k, m = row(report, "mentions", label="PERSON", text="林小雨")
    rev["bounds"] = [{"row": k, "start": int(m["start"]), "end": int(m["end"]) + 1, "text": m["text"]}]
    assert apply(report, rev) == 1
    assert f"bounds[0] {k}" in capsys.readouterr().err


def test_partial_review_writes_no_gold_and_says_how_many_rows_remain(report, tmp_path, capsys):
    rev = review_of(report, accept_all=True)
    total = len(rev["decisions"])
    for k in list(rev["decisions"])[:3]:
        del rev["decisions"][k]
    gold = tmp_path / "gold"
    assert apply(report, rev, "--to-gold", str(gold)) == 1
    out = capsys.readouterr().out
    assert "not gold: 3 row(s) remain to be reviewed (no gold written)" in out
    assert f"{total - 3} of {total} row(s) reviewed" in out
    assert (report / "reviewed" / "mentions.csv").exists() and not (gold / report.name).exists()


def test_complete_review_is_gold_that_passes_the_check(report, tmp_path, capsys):
    rev = review_of(report, accept_all=True)
    k, m = row(report, "mentions", label="PERSON", text="周明遠")
    rev["decisions"][k]["status"] = "rejected"
    gold = tmp_path / "gold"
    assert apply(report, rev, "--to-gold", str(gold)) == 0
    assert validate_gold(gold) == []
    assert cli_main(["gold", "check", "--gold", str(gold)]) == 0
    g = gold / report.name
    assert (g / "text.txt").read_text(encoding="utf-8") == REPORT
    mentions = read_csv(g / "mentions.csv")
    assert {"doc_id", "label", "start", "end", "text", "entity"} <= set(mentions[0])
    assert next(r for r in mentions if r["text"] == "林小雨")["entity"] == "林小雨"
    assert "周明遠" not in {r["name"] for r in read_csv(g / "people.csv")}
    # a second apply replaces the gold it wrote; a hand-made gold folder is never overwritten
    assert apply(report, rev, "--to-gold", str(gold)) == 0
    (g / ".from-review.json").unlink()
    assert apply(report, rev, "--to-gold", str(gold)) == 1
    assert "--force" in capsys.readouterr().err


def test_stale_review_is_applied_where_it_still_matches_and_lists_the_rest(extracted, tmp_path, capsys):
    old = extracted
    rev = review_of(old, accept_all=True)
    k_rej, m_rej = row(old, "mentions", label="PERSON", text="陳大山")
    rev["decisions"][k_rej]["status"] = "rejected"
    k_edit, st = row(old, "statistics", text="逾300位志工")
    rev["decisions"][k_edit]["edits"] = {"value": "301"}
    # the report changes after its first two lines: their spans keep their offsets, the third line's
    # spans move
    lines = REPORT.split("\n")
    new_text = lines[0] + "\n" + lines[1] + "\n座談由河濱文化協會理事長陳大山主持。\n"
    new = extract(tmp_path / "new", new_text, doc_id=old.name)
    assert cli_main(["review", "apply", str(write_review(tmp_path / "r.json", rev)), "--out", str(new.parent)]) == 0
    out = capsys.readouterr().out
    assert "text.txt changed since the review" in out
    stale = [line for line in out.splitlines() if "stale:" in line]
    assert any(k_rej in s and "陳大山" in s for s in stale)  # its span moved: listed, not applied
    assert not any(k_edit in s for s in stale)
    n_stale = int(out.rsplit(" stale -> ", 1)[0].rsplit(", ", 1)[1])
    assert n_stale == len(stale) > 0
    # applied where the span still matches: the edited value; the moved name is still there
    st_new = next(r for r in read_csv(new / "reviewed" / "statistics.csv") if r["text"] == "逾300位志工")
    assert st_new["value"] == "301"
    assert "陳大山" in {r["text"] for r in read_csv(new / "reviewed" / "mentions.csv")}
    assert "rows remain" not in out


def test_older_extraction_of_the_same_text_is_matched_by_span(report, capsys):
    """A newer extraction renumbered its rows: decisions follow their spans, not their old ids."""
    rev = review_of(report)
    k, m = row(report, "mentions", label="PERSON", text="陳大山")
    rev["fingerprint"] = {"code": "older", "source": rev["fingerprint"]["source"]}
    rev["decisions"]["mentions:M0999"] = decision("mentions", m, "rejected")
    gone = {"label": "PERSON", "start": "1", "end": "3", "text": REPORT[1:3]}
    rev["decisions"]["mentions:M0998"] = {"status": "accepted", "edits": {}, "row": gone}
    assert apply(report, rev) == 0
    out = capsys.readouterr().out
    assert "review made against an older extraction" in out
    assert "陳大山" not in {r["text"] for r in read_csv(report / "reviewed" / "mentions.csv") if r["label"] == "PERSON"}
    assert "stale: mentions:M0998: mentions row (PERSON, 1, 3, " in out


def test_reviewed_report_without_gold_is_scored_and_shown_in_the_index(report, tmp_path, capsys):
    out = report.parent
    rev = review_of(report, accept_all=True)
    k, m = row(report, "mentions", label="PERSON", text="周明遠")
    rev["decisions"][k]["status"] = "rejected"
    assert apply(report, rev) == 0
    gold = tmp_path / "no-gold"
    assert cli_main(["evaluate", "--gold", str(gold), "--out", str(out)]) == 0
    rows = read_csv(out / "evaluation.csv")
    people = next(r for r in rows if r["doc_id"] == "REVIEWED" and r["table"] == "people")
    assert people["against"] == "reviewed" and (people["tp"], people["fp"], people["fn"]) == ("2", "1", "0")
    assert "Against reviewed tables" in capsys.readouterr().out
    assert cli_main(["review", "--out", str(out), "--gold", str(gold)]) == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "✓ reviewed" in index and "reviewed, no gold (micro)" in index and ">0.800<" in index


def test_reviewed_tables_outlive_a_new_extraction(report):
    assert apply(report, review_of(report, accept_all=True)) == 0
    raw = report.parent.parent / "raw"
    raw.mkdir(exist_ok=True)
    (raw / f"{report.name}.txt").write_text(REPORT, encoding="utf-8")
    assert cli_main(["extract", "--raw", str(raw), "--out", str(report.parent), "--quiet", "--force"]) == 0
    assert (report / "reviewed" / "mentions.csv").exists()


def test_widened_name_renames_its_person(report, capsys):
    """The extractor cut a name short; the analyst widens the mention: the person takes the full name."""
    rev = review_of(report)
    k, m = row(report, "mentions", label="PERSON", text="林小雨")
    s, e = int(m["start"]), int(m["end"])
    rev["bounds"] = [{"row": k, "start": s, "end": e - 1, "text": REPORT[s:e - 1]}]
    assert apply(report, rev) == 0
    assert f"name '林小雨' -> {REPORT[s:e - 1]!r}" in capsys.readouterr().out
    people = read_csv(report / "reviewed" / "people.csv")
    assert m["entity_id"] in {p["person_id"] for p in people if p["name"] == REPORT[s:e - 1]}
    assert next(r for r in read_csv(report / "reviewed" / "recommendations.csv"))["speaker"] == REPORT[s:e - 1]
