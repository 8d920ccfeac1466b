"""Gold round trips (pipeline/gold_io.py) on the real gold, edits coming back from the tools, and validation."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main as cli_main
from pipeline.gold_io import check_dir, export, import_, validate_gold

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "gold"
FORMATS = ["doccano", "label-studio"]


def gold_files(gold: Path) -> dict[str, bytes]:
    return {str(p.relative_to(gold)): p.read_bytes() for p in sorted(gold.glob("*/*")) if p.is_file()}


@pytest.fixture()
def gold_copy(tmp_path) -> Path:
    dest = tmp_path / "gold"
    shutil.copytree(GOLD, dest)
    return dest


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_is_byte_identical(fmt, tmp_path):
    dest = tmp_path / ("gold.jsonl" if fmt == "doccano" else "gold.json")
    assert export(GOLD, dest, fmt) == 0
    fresh = tmp_path / "fresh"
    assert import_(dest, fresh, fmt) == 0
    before, after = gold_files(GOLD), gold_files(fresh)
    assert before and sorted(after) == sorted(before)
    for name in before:
        assert after[name] == before[name], name


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_through_the_cli(fmt, tmp_path):
    dest = tmp_path / "export.json"
    assert cli_main(["gold", "export", "--format", fmt, "--gold", str(GOLD), "--dest", str(dest)]) == 0
    assert cli_main(["gold", "import", "--format", fmt, "--source", str(dest), "--gold", str(tmp_path / "g")]) == 0
    assert gold_files(tmp_path / "g") == gold_files(GOLD)


def test_export_formats(tmp_path):
    export(GOLD, tmp_path / "d.jsonl", "doccano")
    lines = (tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()
    docs = [json.loads(x) for x in lines]
    assert len(docs) == len([p for p in GOLD.iterdir() if (p / "text.txt").exists()])
    d = next(x for x in docs if x["id"] == "d1_youth_camp_2018_nchu")
    assert d["text"] == (GOLD / d["id"] / "text.txt").read_text(encoding="utf-8")
    for s, e, label in d["label"]:
        assert label in ("PERSON", "TITLE", "AGENCY", "STAT", "REC") and 0 <= s < e <= len(d["text"])
    assert set(d["meta"]["tables"]) == {"people", "agencies", "statistics", "recommendations", "sessions", "roles", "report"}

    export(GOLD, tmp_path / "ls.json", "label-studio")
    tasks = json.loads((tmp_path / "ls.json").read_text(encoding="utf-8"))
    t = next(x for x in tasks if x["data"]["doc_id"] == "d1_youth_camp_2018_nchu")
    res = t["annotations"][0]["result"]
    regions = [r for r in res if r["type"] == "labels"]
    assert len({r["id"] for r in regions}) == len(regions) == len(d["label"])
    for r in regions:
        v = r["value"]
        assert t["data"]["text"][v["start"] : v["end"]] == v["text"]
    ids = {r["id"] for r in regions}
    for r in res:  # the rest are per-region attributes of those regions
        assert r["type"] == "labels" or (r["type"] in ("textarea", "choices") and r["id"] in ids)
    assert (tmp_path / "ls.label_config.xml").read_text(encoding="utf-8").count("<Label ") == 5


def test_edits_from_doccano_come_back(gold_copy, tmp_path):
    doc = "d1_youth_camp_2018_nchu"
    src = tmp_path / "d.jsonl"
    export(gold_copy, src, "doccano")
    docs = [json.loads(x) for x in src.read_text(encoding="utf-8").splitlines()]
    d = next(x for x in docs if x["id"] == doc)
    removed = d["label"].pop(0)
    text = d["text"]
    s = text.index("外交部")
    d["label"] = [x for x in d["label"] if not (x[0] == s and x[1] == s + 3)]  # drop, then re-add: entity must come back
    d["label"].append([s, s + 3, "AGENCY"])
    src.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in docs), encoding="utf-8")
    before = gold_files(gold_copy)
    assert import_(src, gold_copy, "doccano") == 0
    after = gold_files(gold_copy)
    for name in before:
        if name != f"{doc}/mentions.csv":
            assert after[name] == before[name], name
    rows = after[f"{doc}/mentions.csv"].decode("utf-8-sig").splitlines()
    old_rows = before[f"{doc}/mentions.csv"].decode("utf-8-sig").splitlines()
    assert len(rows) == len(old_rows) - 1
    assert f"{doc},{removed[2]},{removed[0]},{removed[1]}," not in "\n".join(rows)
    assert f"{doc},AGENCY,{s},{s + 3},外交部,外交部" in rows
    assert check_dir(gold_copy) == 0


def test_new_span_gets_sorted_and_entity_defaults(gold_copy, tmp_path):
    doc = "d1_youth_camp_2018_nchu"
    src = tmp_path / "ls.json"
    export(gold_copy, src, "label-studio")
    tasks = json.loads(src.read_text(encoding="utf-8"))
    t = next(x for x in tasks if x["data"]["doc_id"] == doc)
    text = t["data"]["text"]
    s = text.index("中興大學")
    t["annotations"][0]["result"] = [r for r in t["annotations"][0]["result"] if r["value"]["start"] != s]
    t["annotations"][0]["result"].append({"id": "new1", "from_name": "label", "to_name": "text", "type": "labels",
                                          "value": {"start": s, "end": s + 4, "text": "中興大學", "labels": ["AGENCY"]}})
    src.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    before = (gold_copy / doc / "mentions.csv").read_bytes()
    assert import_(src, gold_copy, "label-studio") == 0
    assert (gold_copy / doc / "mentions.csv").read_bytes() == before  # same row, same place, entity = the agency name


def test_label_studio_utf16_offsets(tmp_path):
    gold = tmp_path / "gold"
    text = "𠀋𠀋外交部長\n"  # two characters outside the BMP: JavaScript counts them twice
    tasks = [{"data": {"text": text, "doc_id": "astral"}, "annotations": [{"result": [
        {"id": "a", "type": "labels", "from_name": "label", "to_name": "text",
         "value": {"start": 4, "end": 7, "text": "外交部", "labels": ["AGENCY"]}},  # UTF-16 offsets
        {"id": "b", "type": "labels", "from_name": "label", "to_name": "text",
         "value": {"start": 4, "end": 6, "text": "部長", "labels": ["TITLE"]}}]}]}]  # code point offsets
    (tmp_path / "ls.json").write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    assert import_(tmp_path / "ls.json", gold, "label-studio") == 0
    rows = (gold / "astral" / "mentions.csv").read_bytes().decode("utf-8-sig").splitlines()
    assert rows == ["doc_id,label,start,end,text,entity", "astral,AGENCY,2,5,外交部,外交部", "astral,TITLE,4,6,部長,"]
    assert (gold / "astral" / "text.txt").read_bytes() == text.encode("utf-8")


def test_doccano_entities_format_and_flattened_meta(tmp_path):
    export(GOLD, tmp_path / "d.jsonl", "doccano")
    docs = [json.loads(x) for x in (tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()]
    out = []
    for n, d in enumerate(docs, start=1):  # what doccano >= 1.6 exports: integer id, meta flattened, entities
        rec = {"id": n, "text": d["text"], **d["meta"],
               "entities": [{"id": k, "start_offset": s, "end_offset": e, "label": lab} for k, (s, e, lab) in enumerate(d["label"])]}
        out.append(json.dumps(rec, ensure_ascii=False))
    (tmp_path / "x.jsonl").write_text("\n".join(out) + "\n", encoding="utf-8")
    assert import_(tmp_path / "x.jsonl", tmp_path / "g", "doccano") == 0
    assert gold_files(tmp_path / "g") == gold_files(GOLD)


def test_import_rejects_other_text_and_bad_spans(gold_copy, tmp_path, capsys):
    doc = "d1_youth_camp_2018_nchu"
    src = tmp_path / "d.jsonl"
    export(gold_copy, src, "doccano")
    docs = [json.loads(x) for x in src.read_text(encoding="utf-8").splitlines()]
    d = next(x for x in docs if x["id"] == doc)
    d["text"] = "X" + d["text"]
    e = next(x for x in docs if x["id"] != doc)
    e["label"].append([0, 10**6, "PERSON"])
    src.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in docs), encoding="utf-8")
    before = gold_files(gold_copy)
    assert import_(src, gold_copy, "doccano") == 1
    err = capsys.readouterr().err
    assert f"{doc}: the imported text differs" in err and f"{e['id']}: span [0,1000000) PERSON: outside the text" in err
    assert gold_files(gold_copy) == before


# ---------------------------------------------------------------------------------- validation
def test_real_gold_is_valid(capsys):
    assert validate_gold(GOLD) == []
    assert check_dir(GOLD) == 0
    assert "OK" in capsys.readouterr().out


def _edit(path: Path, line_no: int, fn) -> None:
    lines = path.read_bytes().decode("utf-8-sig").split("\n")
    cells = lines[line_no - 1].split(",")
    fn(cells)
    lines[line_no - 1] = ",".join(cells)
    path.write_bytes(("\n".join(lines)).encode("utf-8-sig"))


def test_wrong_offset_is_rejected_with_its_row(gold_copy, capsys):
    f = gold_copy / "d1_youth_camp_2018_nchu" / "mentions.csv"

    def shift(c):
        c[2] = str(int(c[2]) + 1)
        c[3] = str(int(c[3]) + 1)

    _edit(f, 4, shift)  # line 4 = data row 3
    errors = validate_gold(gold_copy)
    assert len(errors) == 1
    assert f"{f} row 3 (line 4): text " in errors[0] and "!= text.txt[" in errors[0]
    assert check_dir(gold_copy) == 1
    out = capsys.readouterr().out
    assert "mentions.csv row 3 (line 4)" in out


def test_offsets_outside_the_text(gold_copy):
    f = gold_copy / "d2_model_apec_2022_taiwanngo" / "statistics.csv"
    _edit(f, 2, lambda c: c.__setitem__(2, "999999"))  # end
    errors = validate_gold(gold_copy)
    assert any(f"{f} row 1 (line 2): span [" in e and "outside text.txt" in e for e in errors)


def test_vocabularies_and_duplicates(gold_copy):
    d = gold_copy / "d1_youth_camp_2018_nchu"
    _edit(d / "mentions.csv", 2, lambda c: c.__setitem__(1, "ORG"))
    _edit(d / "statistics.csv", 2, lambda c: c.__setitem__(6, "roughly"))
    _edit(d / "roles.csv", 2, lambda c: c.__setitem__(3, "host"))
    rows = (d / "people.csv").read_bytes()
    first = rows.decode("utf-8-sig").split("\n")[1]
    (d / "people.csv").write_bytes(rows + (first + "\n").encode("utf-8"))
    errors = "\n".join(validate_gold(gold_copy))
    assert f"{d / 'mentions.csv'} row 1 (line 2): label 'ORG' not in PERSON/TITLE/AGENCY" in errors
    assert f"{d / 'statistics.csv'} row 1 (line 2): qualifier 'roughly' not in" in errors
    assert f"{d / 'roles.csv'} row 1 (line 2): role 'host' not in" in errors
    n = len((d / "people.csv").read_bytes().decode("utf-8-sig").strip("\n").split("\n")) - 1
    assert f"{d / 'people.csv'} row {n} (line {n + 1}): duplicate of row 1" in errors


# ------------------------------------------------------------------ statistics and recommendations
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_gold_table_round_trips_through_the_tool_spans(fmt, tmp_path):
    """statistics and recommendations travel as STAT/REC spans (not as meta rows) and come back as
    the same rows, with mentions, people and agencies, for every real gold folder."""
    from pipeline.gold_io import _read_rows

    dest = tmp_path / ("gold.jsonl" if fmt == "doccano" else "gold.json")
    assert export(GOLD, dest, fmt) == 0
    if fmt == "doccano":
        docs = {x["id"]: (x["meta"], [lab for _, _, lab in x["label"]]) for x in map(json.loads, dest.read_text(encoding="utf-8").splitlines())}
    else:
        docs = {t["data"]["doc_id"]: (t["data"]["meta"], [r["value"]["labels"][0] for r in t["annotations"][0]["result"]
                                                           if r["type"] == "labels"]) for t in json.loads(dest.read_text(encoding="utf-8"))}
    fresh = tmp_path / "fresh"
    assert import_(dest, fresh, fmt) == 0
    dirs = [p for p in sorted(GOLD.iterdir()) if (p / "text.txt").exists()]
    assert dirs and sorted(docs) == [p.name for p in dirs]
    for d in dirs:
        meta, labels = docs[d.name]
        for table, label in (("statistics", "STAT"), ("recommendations", "REC")):
            rows = _read_rows(d / f"{table}.csv")
            assert "rows" not in meta["tables"][table] and meta["tables"][table]["columns"] == rows[0]
            assert labels.count(label) == len(rows) - 1, (d.name, table)
        for table in ("mentions", "statistics", "recommendations", "people", "agencies"):
            assert (fresh / d.name / f"{table}.csv").read_bytes() == (d / f"{table}.csv").read_bytes(), (d.name, table)


# an invented report (not from the corpus)
INV_TEXT = "本會邀請約30位青年參加。林小芳建議各校應加強交流。\n"


def _invented_gold(root: Path) -> Path:
    from pipeline.write import csv_bytes

    gold = root / "gold"
    d = gold / "inv"
    d.mkdir(parents=True)
    t = INV_TEXT
    (d / "text.txt").write_bytes(t.encode("utf-8"))
    st, rec_s = t.index("約30位青年"), t.index("林小芳")
    rec_e = t.index("。", rec_s) + 1
    li = t.index("林小芳")
    tables = {
        "mentions": [{"label": "AGENCY", "start": 0, "end": 2, "text": "本會", "entity": "本會"},
                     {"label": "PERSON", "start": li, "end": li + 3, "text": "林小芳", "entity": "林小芳"}],
        "people": [{"name": "林小芳", "title": "", "agency": "", "aliases": "", "former": ""}],
        "agencies": [{"name": "本會", "variants": ""}],
        "statistics": [{"start": st, "end": st + 6, "text": "約30位青年", "value": "30", "value_max": "", "qualifier": "about",
                        "unit": "位", "subject": "青年"}],
        "recommendations": [{"start": rec_s, "end": rec_e, "text": t[rec_s:rec_e], "speaker": "林小芳", "cue": "建議",
                             "optional": "", "items": "各校應加強交流"}],
    }
    from pipeline.gold_io import GOLD_TABLES

    for name, rows in tables.items():
        cols = GOLD_TABLES[name] + (["items"] if name == "recommendations" else [])
        (d / f"{name}.csv").write_bytes(csv_bytes(cols, [{"doc_id": "inv", **r} for r in rows]))
    assert validate_gold(gold) == []
    return gold


def _csv(path: Path) -> list[list[str]]:
    from pipeline.gold_io import _read_rows

    return _read_rows(path)


def test_label_studio_attribute_edits_new_stat_and_new_person(tmp_path, capsys):
    gold = _invented_gold(tmp_path)
    src = tmp_path / "ls.json"
    assert export(gold, src, "label-studio") == 0
    tasks = json.loads(src.read_text(encoding="utf-8"))
    res = tasks[0]["annotations"][0]["result"]
    stat_id = next(r["id"] for r in res if r["type"] == "labels" and r["value"]["labels"] == ["STAT"])
    for r in res:  # the annotator changes the qualifier and the speaker's cue
        if r["id"] == stat_id and r["from_name"] == "qualifier":
            r["value"]["choices"] = ["at_least"]
        if r["from_name"] == "cue":
            r["value"]["text"] = ["應"]
    s = INV_TEXT.index("各校")
    pos = {"start": s, "end": s + 2}
    res += [{"id": "new1", "from_name": "label", "to_name": "text", "type": "labels", "value": {**pos, "text": "各校", "labels": ["STAT"]}},
            {"id": "new1", "from_name": "value", "to_name": "text", "type": "textarea", "value": {**pos, "text": ["2"]}},
            {"id": "new1", "from_name": "qualifier", "to_name": "text", "type": "choices", "value": {**pos, "choices": ["exact"]}}]
    j = INV_TEXT.index("青年")
    res += [{"id": "new2", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": j, "end": j + 2, "text": "青年", "labels": ["PERSON"]}},
            {"id": "new2", "from_name": "entity", "to_name": "text", "type": "textarea", "value": {"start": j, "end": j + 2, "text": ["青年甲"]}}]
    src.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    assert import_(src, gold, "label-studio") == 0
    out = capsys.readouterr().out
    assert "inv: created people.csv row name='青年甲'" in out
    stats = _csv(gold / "inv" / "statistics.csv")
    assert stats[1][stats[0].index("qualifier")] == "at_least"
    assert stats[2][1:] == [str(s), str(s + 2), "各校", "2", "", "exact", "", ""]
    recs = _csv(gold / "inv" / "recommendations.csv")
    assert recs[1][recs[0].index("cue")] == "應" and recs[1][recs[0].index("speaker")] == "林小芳"
    assert _csv(gold / "inv" / "people.csv")[-1] == ["inv", "青年甲", "", "", "", ""]
    assert ["inv", "PERSON", str(j), str(j + 2), "青年", "青年甲"] in _csv(gold / "inv" / "mentions.csv")
    assert validate_gold(gold) == []


def test_doccano_attribute_edits_and_new_agency(tmp_path, capsys):
    gold = _invented_gold(tmp_path)
    src = tmp_path / "d.jsonl"
    assert export(gold, src, "doccano") == 0
    d = json.loads(src.read_text(encoding="utf-8"))
    stat = next(a for a in d["meta"]["attributes"] if a["label"] == "STAT")
    stat["value_max"] = "40"
    s = INV_TEXT.index("各校")
    d["label"].append([s, s + 2, "AGENCY"])
    d["meta"]["attributes"].append({"label": "AGENCY", "start": s, "end": s + 2, "text": "各校", "entity": "各校聯盟"})
    src.write_text(json.dumps(d, ensure_ascii=False) + "\n", encoding="utf-8")
    assert import_(src, gold, "doccano") == 0
    assert "inv: created agencies.csv row name='各校聯盟'" in capsys.readouterr().out
    stats = _csv(gold / "inv" / "statistics.csv")
    assert stats[1][stats[0].index("value_max")] == "40" and len(stats) == 2
    assert _csv(gold / "inv" / "agencies.csv")[-1] == ["inv", "各校聯盟", ""]
    assert validate_gold(gold) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_span_text_disagreeing_with_offsets_is_an_error_naming_the_row(fmt, tmp_path, capsys):
    gold = _invented_gold(tmp_path)
    src = tmp_path / "x.json"
    assert export(gold, src, fmt) == 0
    if fmt == "doccano":
        d = json.loads(src.read_text(encoding="utf-8"))
        k = next(n for n, a in enumerate(d["meta"]["attributes"], start=1) if a["label"] == "REC")
        d["meta"]["attributes"][k - 1]["text"] = "另一句話。"
        src.write_text(json.dumps(d, ensure_ascii=False) + "\n", encoding="utf-8")
        where = f"inv (line 1) meta.attributes row {k}: REC"
    else:
        tasks = json.loads(src.read_text(encoding="utf-8"))
        r = next(r for r in tasks[0]["annotations"][0]["result"] if r["type"] == "labels" and r["value"]["labels"] == ["STAT"])
        r["value"]["end"] += 1
        src.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
        where = f"task 1 (inv) region {r['id']}: STAT"
    before = gold_files(gold)
    fresh = tmp_path / "fresh"
    assert import_(src, fresh, fmt) == 2 and not fresh.exists()
    assert import_(src, gold, fmt) == 2
    err = capsys.readouterr().err
    assert where in err and "!= text.txt[" in err and "nothing written" in err
    assert gold_files(gold) == before


def test_label_studio_config_file_is_the_one_the_importer_reads(tmp_path):
    import xml.etree.ElementTree as ET

    from pipeline.gold_formats import ATTRS, LABELS, label_config
    from pipeline.gold_io import GOLD_TABLES, QUALIFIERS

    doc = ROOT / "docs" / "label-studio-config.xml"
    assert doc.read_text(encoding="utf-8") == label_config(), "regenerate: python -m pipeline.gold_formats > docs/label-studio-config.xml"
    view = ET.fromstring(label_config())
    assert [lab.get("value") for lab in view.iter("Label")] == list(LABELS)
    controls = {c.get("name"): c for c in view.iter() if c.tag in ("TextArea", "Choices")}
    assert set(controls) == set(ATTRS) and all(c.get("perRegion") == "true" for c in controls.values())
    heads = {t: GOLD_TABLES[t] for t in ("statistics", "recommendations")}
    for t, cols in heads.items():
        for c in cols:
            assert c in ("doc_id", "start", "end", "text") or c in controls, (t, c)
    assert [c.get("value") for c in controls["qualifier"]] == list(QUALIFIERS)
    assert export(GOLD, tmp_path / "ls.json", "labelstudio") == 0  # the alias of label-studio
    assert (tmp_path / "ls.label_config.xml").read_text(encoding="utf-8") == label_config()
