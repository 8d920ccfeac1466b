"""Review pages (pipeline/review.py): segment rendering of overlapping spans, escaping, the index, speed,
and a real-browser check: headless Chromium opens review.html?autotest=<row key> (the page clicks that
row on load and writes the resulting highlight state into #autotest-result), and the test reads the
dumped DOM."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.cli import main as cli_main
from pipeline.corpus import write_corpus_tables
from pipeline.review import build_page, build_review
from pipeline.write import TABLES, csv_bytes

ROOT = Path(__file__).resolve().parents[1]

# 外交部長 → AGENCY 外交部 [0,3) overlapping TITLE 部長 [2,4); 王小明 PERSON [4,7)
DEMO_TEXT = (
    "外交部長王小明表示，逾40個部會參與<b>&amp;</script>。\n"
    "他建議各部會應加強合作。\n"
    "開幕\n"
    "張副司長致詞。\n"
)


def _find(text: str, s: str, n: int = 1) -> int:
    i = -1
    for _ in range(n):
        i = text.index(s, i + 1)
    return i


def write_report(out: Path, doc_id: str, text: str, tables: dict[str, list[dict]]) -> Path:
    d = out / doc_id
    d.mkdir(parents=True)
    (d / "text.txt").write_bytes(text.encode("utf-8"))
    for name, cols in TABLES.items():
        rows = [{"doc_id": doc_id, **r} for r in tables.get(name, [])]
        (d / f"{name}.csv").write_bytes(csv_bytes(cols, rows))
    return d


def demo_tables(text: str) -> dict[str, list[dict]]:
    def m(mid, label, s, e, ent):
        return {"mention_id": mid, "label": label, "start": s, "end": e, "text": text[s:e], "entity_id": ent}

    zs = _find(text, "張副司長")
    he = _find(text, "他建議")
    rec_s, rec_e = he, text.index("。", he) + 1
    st_s = _find(text, "逾40個部會")
    open_s = _find(text, "開幕")
    return {
        "mentions": [m("M0001", "AGENCY", 0, 3, "A001"), m("M0002", "TITLE", 2, 4, "P001"), m("M0003", "PERSON", 4, 7, "P001"),
                     m("M0004", "PERSON", he, he + 1, "P001"), m("M0005", "PERSON", zs, zs + 4, "P002"),
                     m("M0006", "TITLE", zs + 1, zs + 4, "P002")],
        "people": [{"person_id": "P001", "name": "王小明", "title": "部長", "agency": "外交部", "aliases": "", "first_start": 4},
                   {"person_id": "P002", "name": "張三", "title": "副司長", "agency": "", "aliases": "", "first_start": zs}],
        "agencies": [{"agency_id": "A001", "name": "外交部", "variants": "", "mention_count": 1}],
        "statistics": [{"stat_id": "S0001", "start": st_s, "end": st_s + 6, "text": "逾40個部會", "value": 40.0,
                        "qualifier": "over", "unit": "個", "subject": "部會", "kind": "count"}],
        "recommendations": [{"rec_id": "R0001", "start": rec_s, "end": rec_e, "text": text[rec_s:rec_e], "speaker": "王小明", "cue": "建議"}],
        "sessions": [{"session_id": "S1", "title": "開幕", "start": open_s, "end": len(text)}],
        "roles": [{"session_id": "S1", "name": "張三", "role": "opening_remarks"}],
        "warnings": [{"kind": "title_without_person", "message": "title 部長 <no holder>", "start": 2, "end": 4},
                     {"kind": "report", "message": "whole-report warning", "start": "", "end": ""}],
    }


@pytest.fixture()
def demo_out(tmp_path) -> Path:
    out = tmp_path / "out"
    write_report(out, "demo", DEMO_TEXT, demo_tables(DEMO_TEXT))
    write_corpus_tables(out)
    return out


class _Segments(HTMLParser):
    """The text pane of a review page: (text, classes, data-i) per piece, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.stack: list[tuple[str, str] | None] = []
        self.pieces: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.depth == 0 and a.get("id") == "text":
            self.depth = 1
            self.stack = []
            return
        if self.depth:
            self.depth += 1
            self.stack.append((a.get("class", ""), a.get("data-i", "")) if tag == "span" else None)

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            if self.stack:
                self.stack.pop()

    def handle_data(self, data):
        if self.depth:
            top = next((x for x in reversed(self.stack) if x), ("", ""))
            self.pieces.append((data, top[0], top[1]))


def segments(page: str) -> list[tuple[str, str, str]]:
    p = _Segments()
    p.feed(page)
    return p.pieces


def page_data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="data">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


# ------------------------------------------------------------------------------------------ pages
def test_overlapping_spans_render_as_segments(demo_out):
    assert build_review(demo_out, demo_out / "no-gold") == 0
    page = (demo_out / "demo" / "review.html").read_text(encoding="utf-8")
    pieces = segments(page)
    # the text survives exactly (escaping undone by the parser)
    assert "".join(p[0] for p in pieces) == DEMO_TEXT
    by_text = [(t, set(c.split())) for t, c, _ in pieces[:4]]
    assert by_text[0] == ("外交", {"A"})
    assert by_text[1] == ("部", {"A", "T", "wn"})  # AGENCY, TITLE and the warning on 部長
    assert by_text[2] == ("長", {"T", "wn"})
    assert by_text[3] == ("王小明", {"P"})
    cls = {t: set(c.split()) for t, c, _ in pieces}
    assert "st" in cls["逾40個部會"]
    assert "rc" in cls["建議各部會應加強合作。"] and {"rc", "P"} <= cls["他"]
    # data-i points at spans whose offsets cover the segment
    data = page_data(page)
    pos = 0
    for t, _, di in pieces:
        for i in di.split():
            s, e, _ = data["spans"][int(i)]
            assert s <= pos and pos + len(t) <= e
        pos += len(t)


def test_escaping_and_self_contained(demo_out):
    build_review(demo_out, demo_out / "no-gold")
    page = (demo_out / "demo" / "review.html").read_text(encoding="utf-8")
    assert "<b>&amp;</script>" not in page
    assert "&lt;b&gt;&amp;amp;&lt;/script&gt;" in page
    assert page.count("<script") == 2 and page.count("</script>") == 2  # the data block and the code
    assert "title 部長 &lt;no holder&gt;" in page  # the warning message, escaped
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page
    assert not list(demo_out.rglob("*.tmp*"))


def test_rows_and_span_links(demo_out):
    build_review(demo_out, demo_out / "no-gold")
    data = page_data((demo_out / "demo" / "review.html").read_text(encoding="utf-8"))
    tables = {t["name"]: t for t in data["tables"]}
    assert [t["name"] for t in data["tables"]] == ["mentions", "people", "agencies", "statistics", "recommendations",
                                                   "sessions", "roles", "warnings"]
    assert "doc_id" not in tables["mentions"]["cols"]
    people_g = tables["people"]["base"]  # P001
    # a PERSON mention feeds its own row and the person's row
    m3 = next(i for i, s in enumerate(data["spans"]) if s[:2] == [4, 7])
    assert data["spanRows"][m3] == [tables["mentions"]["base"] + 2, people_g]
    # the role row points at the person's mentions inside the session
    role_g = str(tables["roles"]["base"])
    zs = _find(DEMO_TEXT, "張副司長")
    assert sorted(data["spans"][i][:2] for i in data["override"][role_g]) == [[zs, zs + 4], [zs + 1, zs + 4]]


def test_index_lists_reports_counts_and_scores(demo_out, tmp_path):
    from pipeline.evaluate import evaluate_dirs

    write_report(demo_out, "other", "另一份報告。\n", {})
    write_corpus_tables(demo_out)
    gold = tmp_path / "gold"
    g = gold / "demo"
    g.mkdir(parents=True)
    (g / "text.txt").write_bytes(DEMO_TEXT.encode("utf-8"))
    rows = [{"doc_id": "demo", "label": "AGENCY", "start": 0, "end": 3, "text": "外交部", "entity": "外交部"},
            {"doc_id": "demo", "label": "PERSON", "start": 4, "end": 7, "text": "王小明", "entity": "王小明"}]
    (g / "mentions.csv").write_bytes(csv_bytes(["doc_id", "label", "start", "end", "text", "entity"], rows))
    assert evaluate_dirs(gold, demo_out) == 0
    assert build_review(demo_out, gold) == 0
    index = (demo_out / "index.html").read_text(encoding="utf-8")
    assert 'href="demo/review.html"' in index and 'href="other/review.html"' in index
    assert "scores from evaluation.csv" in index
    # demo: 6 mentions, 2 people, 1 agency, 1 statistic; PERSON strict: 1 gold found of 3 predicted → F1 0.500
    demo_row = re.search(r'<tr><td><a href="demo/review.html">.*?</tr>', index).group(0)
    assert re.findall(r"<td class=\"num[^\"]*\">(\d+)</td>", demo_row)[1:9] == ["6", "2", "1", "1", "1", "1", "1", "2"]
    assert ">0.500<" in demo_row
    assert (demo_out / "other" / "review.html").exists()
    assert (demo_out / "extraction.xlsx").exists()
    page = (demo_out / "demo" / "review.html").read_text(encoding="utf-8")
    data = page_data(page)
    gold_t = next(t for t in data["tables"] if t["name"] == "gold")
    assert [r[-1] for r in gold_t["rows"]] == ["found", "found"]
    mentions_t = data["tables"][0]
    assert mentions_t["cols"][-1] == "gold" and [r[-1] for r in mentions_t["rows"]][:3] == ["✓", "✗", "✓"]


def test_cli_review(demo_out):
    assert cli_main(["review", "--out", str(demo_out), "--gold", str(demo_out / "none")]) == 0
    assert (demo_out / "index.html").exists() and (demo_out / "extraction.xlsx").exists()


def test_offsets_outside_text_are_reported_not_fatal(tmp_path):
    out = tmp_path / "out"
    write_report(out, "bad", "短文。", {"mentions": [{"mention_id": "M0001", "label": "PERSON", "start": 1, "end": 99,
                                                     "text": "x", "entity_id": ""}]})
    assert build_review(out, tmp_path / "gold") == 0
    page = (out / "bad" / "review.html").read_text(encoding="utf-8")
    assert "mentions:M0001: offsets [1,99) outside the text" in page


@pytest.mark.slow
def test_million_character_report_is_fast(tmp_path):
    unit = "外交部長王小明表示，逾40個部會參與。\n"
    n = 1_000_000 // len(unit)
    text = unit * n
    mentions, stats = [], []
    for k in range(0, n, 2):
        b = k * len(unit)
        mentions += [{"mention_id": f"M{3 * k:07d}", "label": "AGENCY", "start": b, "end": b + 3, "text": "外交部", "entity_id": "A1"},
                     {"mention_id": f"M{3 * k + 1:07d}", "label": "TITLE", "start": b + 2, "end": b + 4, "text": "部長", "entity_id": "P1"},
                     {"mention_id": f"M{3 * k + 2:07d}", "label": "PERSON", "start": b + 4, "end": b + 7, "text": "王小明", "entity_id": "P1"}]
        stats.append({"stat_id": f"S{k:07d}", "start": b + 10, "end": b + 16, "text": "逾40個部會", "value": 40, "qualifier": "over"})
    d = write_report(tmp_path, "big", text, {"mentions": mentions, "statistics": stats,
                                             "people": [{"person_id": "P1", "name": "王小明", "first_start": 4}]})
    t0 = time.perf_counter()
    page = build_page(d, None, None)
    took = time.perf_counter() - t0
    assert took < 30, f"review page of a 1M-character report took {took:.1f}s"
    assert page.count('<div class="blk">') > 100  # laid out in blocks the browser can skip


# ------------------------------------------------------------------------------- real extraction
@pytest.fixture(scope="module")
def real_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("extracted")
    raw = ROOT / "raw" / "d1_youth_camp_2018_nchu.txt"
    assert cli_main(["extract", "--raw", str(raw), "--out", str(out), "--quiet"]) == 0
    assert build_review(out, ROOT / "gold") == 0
    return out


def test_real_report_page(real_out):
    d = real_out / "d1_youth_camp_2018_nchu"
    page = (d / "review.html").read_text(encoding="utf-8")
    text = (d / "text.txt").read_bytes().decode("utf-8")
    pieces = segments(page)
    assert "".join(p[0] for p in pieces) == text
    data = page_data(page)
    mentions = next(t for t in data["tables"] if t["name"] == "mentions")
    c = mentions["cols"]
    spans = {tuple(s) for s in data["spans"]}
    for r in mentions["rows"]:
        s, e = int(r[c.index("start")]), int(r[c.index("end")])
        assert (s, e, {"PERSON": "P", "TITLE": "T", "AGENCY": "A"}[r[c.index("label")]]) in spans
        assert text[s:e] == r[c.index("text")]
    assert any(t["name"] == "gold" for t in data["tables"])  # gold/<doc_id> exists for this report


# ---------------------------------------------------------------------------------- real browser
def _chromium() -> str:
    exe = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
    if exe is None:
        subprocess.run(["sh", str(ROOT / "scripts" / "ensure_chromium.sh")], check=False, timeout=900)
        exe = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
    if exe is None:
        pytest.fail("Chromium is missing and scripts/ensure_chromium.sh could not install it")
    return exe


@pytest.fixture(scope="module")
def chromium() -> str:
    return _chromium()


def browser_state(chromium: str, page: Path, query: str, profile: Path) -> dict:
    """Open page?query in headless Chromium and return the JSON the page wrote into #autotest-result."""
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
           f"--user-data-dir={profile}", "--window-size=1400,900", "--dump-dom", page.as_uri() + "?" + query]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    m = re.search(r'<pre id="autotest-result">(.*?)</pre>', proc.stdout, re.S)
    assert m and m.group(1), f"no autotest result; chromium exit {proc.returncode}: {proc.stderr[-2000:]}"
    return json.loads(html.unescape(m.group(1)))


@pytest.mark.browser
def test_browser_click_row_highlights_overlapping_span(chromium, demo_out, tmp_path):
    build_review(demo_out, demo_out / "no-gold")
    page = demo_out / "demo" / "review.html"
    # TITLE 部長 [2,4) overlaps AGENCY 外交部 [0,3): both of its segments light up, nothing else
    st = browser_state(chromium, page, "autotest=mentions:M0002", tmp_path / "profile")
    assert st["rowFound"] and st["selected"] == ["mentions:M0002"] and st["tab"] == "mentions"
    assert st["activeText"] == "部長" and st["active"] == 2
    assert set(st["activeClasses"][0].split()) == {"A", "T", "wn", "active"}
    assert set(st["activeClasses"][1].split()) == {"T", "wn", "active"}
    assert st["inView"] is True
    # a person row lights up every mention of the person (王小明 and 他)
    st = browser_state(chromium, page, "autotest=people:1", tmp_path / "profile")
    assert st["tab"] == "people" and st["activeText"] == "部長王小明他"
    # clicking a span in the text lists the rows it feeds
    st = browser_state(chromium, page, "autoclick=mentions:M0003", tmp_path / "profile")
    assert st["activeText"] == "王小明"
    assert st["info"] == ["mentions:M0003", "people:1"] and st["selected"] == ["mentions:M0003"]
    # a statistic row
    st = browser_state(chromium, page, "autotest=statistics:S0001", tmp_path / "profile")
    assert st["tab"] == "statistics" and st["activeText"] == "逾40個部會"


@pytest.mark.browser
def test_browser_click_row_scrolls_long_report(chromium, real_out, tmp_path):
    d = real_out / "d1_youth_camp_2018_nchu"
    from pipeline.workbook import read_csv_dicts

    rows = read_csv_dicts(d / "mentions.csv")
    last = rows[-1]
    st = browser_state(chromium, d / "review.html", f"autotest=mentions:{last['mention_id']}", tmp_path / "profile")
    assert st["rowFound"] and st["selected"] == [f"mentions:{last['mention_id']}"]
    assert st["activeText"] == last["text"]
    assert st["inView"] is True


@pytest.mark.browser
@pytest.mark.slow
def test_browser_scrolls_far_into_a_big_report(chromium, tmp_path):
    unit = "外交部長王小明表示，逾40個部會參與。\n"
    text = unit * 4000  # 76,000 characters
    b = len(text) - len(unit)
    d = write_report(tmp_path / "out", "big", text, {"mentions": [
        {"mention_id": "M0001", "label": "AGENCY", "start": 0, "end": 3, "text": "外交部", "entity_id": ""},
        {"mention_id": "M0002", "label": "PERSON", "start": b + 4, "end": b + 7, "text": "王小明", "entity_id": ""}]})
    assert build_review(tmp_path / "out", tmp_path / "gold") == 0
    st = browser_state(chromium, d / "review.html", "autotest=mentions:M0002", tmp_path / "profile")
    assert st["activeText"] == "王小明" and st["inView"] is True and st["scrollTop"] > 10000


def test_numbers_never_wrap_and_the_index_scrolls_with_the_report_column_fixed(real_out):
    index = (real_out / "index.html").read_text(encoding="utf-8")
    assert '<div class="scroll"><table class="rows">' in index
    assert "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}" in index
    assert "position:sticky;left:0" in index
    assert 'href="evaluation.html"' in index or "evaluation report" not in index


def test_mentions_carry_their_evidence_as_a_tooltip(real_out):
    page = (real_out / "d1_youth_camp_2018_nchu" / "review.html").read_text(encoding="utf-8")
    assert 'title="PERSON: ' in page and 'title="AGENCY: ' in page


# two moderators of one session: a click on one of them lists that person's role, not the other's
PANEL_TEXT = "綜合座談\n本場由李大華與陳美玲共同主持，李大華並致詞。\n"


@pytest.fixture()
def panel_out(tmp_path) -> Path:
    text = PANEL_TEXT
    li, chen = _find(text, "李大華"), _find(text, "陳美玲")
    li2 = _find(text, "李大華", 2)

    def m(mid, s, e, ent):
        return {"mention_id": mid, "label": "PERSON", "start": s, "end": e, "text": text[s:e], "entity_id": ent}

    out = tmp_path / "out"
    write_report(out, "panel", text, {
        "mentions": [m("M0001", li, li + 3, "P001"), m("M0002", chen, chen + 3, "P002"), m("M0003", li2, li2 + 3, "P001")],
        "people": [{"person_id": "P001", "name": "李大華", "first_start": li},
                   {"person_id": "P002", "name": "陳美玲", "first_start": chen}],
        "sessions": [{"session_id": "S1", "title": "綜合座談", "start": 0, "end": len(text)}],
        "roles": [{"session_id": "S1", "name": "李大華", "role": "moderator"},
                  {"session_id": "S1", "name": "陳美玲", "role": "moderator"},
                  {"session_id": "S1", "name": "李大華", "role": "opening_remarks"}],
    })
    write_corpus_tables(out)
    assert build_review(out, tmp_path / "no-gold") == 0
    return out


def test_session_span_feeds_its_session_and_mentions_feed_their_roles(panel_out):
    data = page_data((panel_out / "panel" / "review.html").read_text(encoding="utf-8"))
    tables = {t["name"]: t for t in data["tables"]}
    rb, mb, sb = tables["roles"]["base"], tables["mentions"]["base"], tables["sessions"]["base"]
    ss = next(i for i, s in enumerate(data["spans"]) if s[2] == "ss")
    assert data["spanRows"][ss] == [sb]  # the session row only, no role of it
    li = next(i for i, s in enumerate(data["spans"]) if s[:2] == [_find(PANEL_TEXT, "李大華"), _find(PANEL_TEXT, "李大華") + 3])
    chen = next(i for i, s in enumerate(data["spans"]) if s[0] == _find(PANEL_TEXT, "陳美玲"))
    assert data["spanRows"][li] == [mb, tables["people"]["base"], rb, rb + 2]
    assert data["spanRows"][chen] == [mb + 1, tables["people"]["base"] + 1, rb + 1]


@pytest.mark.browser
def test_browser_click_person_lists_only_their_roles(chromium, panel_out, tmp_path):
    page = panel_out / "panel" / "review.html"
    st = browser_state(chromium, page, "autoclick=mentions:M0002", tmp_path / "profile")
    assert st["activeText"] == "陳美玲"
    assert st["info"] == ["mentions:M0002", "people:2", "roles:2"]
    st = browser_state(chromium, page, "autoclick=mentions:M0001", tmp_path / "profile")
    assert st["info"] == ["mentions:M0001", "people:1", "roles:1", "roles:3"]
    assert "roles:2" not in st["hits"] and "sessions:S1" not in st["info"]
    # the session's own text (its heading) lists the session row, not the roles of the session
    st = browser_state(chromium, page, "autoclick=sessions:S1", tmp_path / "profile")
    assert st["activeText"] == PANEL_TEXT and st["info"] == ["sessions:S1"]
