"""Review mode end to end in headless Chromium (Playwright, the system's /usr/bin/chromium, nothing
downloaded): an analyst rejects a row, edits a value, adds a mention by selecting text, accepts the
rest with the keyboard and saves; `review apply` turns the saved file into reviewed tables and gold
that `gold check` passes, and `evaluate` scores the original extraction against it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import chromium_path, read_csv
from review_fixtures import extract

from pipeline.cli import main as cli_main
from pipeline.review import build_review

pytestmark = pytest.mark.browser

# selects text.txt[s:e] by walking the text nodes of #text in code points: independent of the
# data-s attributes the page itself reads offsets from
SELECT = """([s, e]) => {
  const w = document.createTreeWalker(document.getElementById('text'), NodeFilter.SHOW_TEXT);
  let pos = 0, a = null, b = null, n;
  while ((n = w.nextNode())) {
    const cps = Array.from(n.data);
    let u = 0;
    for (let k = 0; k <= cps.length; k++) {
      if (pos + k === s && !a) a = [n, u];
      if (pos + k === e && !b) b = [n, u];
      if (k < cps.length) u += cps[k].length;
    }
    pos += cps.length;
  }
  const r = document.createRange(); r.setStart(a[0], a[1]); r.setEnd(b[0], b[1]);
  const sel = getSelection(); sel.removeAllRanges(); sel.addRange(r);
}"""


@pytest.fixture()
def browser():
    from playwright.sync_api import sync_playwright

    exe = chromium_path()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


def open_page(browser, page_path: Path):
    ctx = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 900})
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(page_path.as_uri())
    return page, errors


def test_review_a_report_end_to_end(browser, tmp_path, capsys):
    d = extract(tmp_path)
    out = d.parent
    assert build_review(out, tmp_path / "gold") == 0
    text = (d / "text.txt").read_text(encoding="utf-8")
    mentions = read_csv(d / "mentions.csv")
    stats = read_csv(d / "statistics.csv")
    page, errors = open_page(browser, d / "review.html")

    # without review mode the page is the plain review page
    assert page.is_hidden("#rv-panel")
    page.click("#rv-toggle")
    assert page.is_visible("#rv-panel")
    n_rows = sum(len(read_csv(d / f"{t}.csv")) for t in ("mentions", "people", "agencies", "statistics",
                                                          "recommendations", "sessions", "roles"))
    assert page.inner_text("#rv-progress") == f"0 / {n_rows} rows reviewed"

    # reject a mention with the keyboard: click its row, press r
    wrong = next(m for m in mentions if m["text"] == "周明遠")
    page.click(f'tr[data-k="mentions:{wrong["mention_id"]}"] td')
    page.keyboard.press("r")
    assert page.get_attribute(f'tr[data-k="mentions:{wrong["mention_id"]}"]', "class").split().count("rv-rej") == 1

    # edit a statistic's value
    st = stats[0]
    page.click(f'#tabs button[data-tab="statistics"]')
    page.click(f'tr[data-k="statistics:{st["stat_id"]}"] td')
    page.fill('#rv-edit input[data-col="value"]', "301")
    page.press('#rv-edit input[data-col="value"]', "Tab")
    assert "rv-changed" in page.get_attribute(f'tr[data-k="statistics:{st["stat_id"]}"] td:nth-child(5)', "class")

    # add a missing AGENCY by selecting text that starts inside one segment and ends inside another
    s = text.index("綠谷市政府")
    e = s + len("綠谷市政府")
    page.evaluate(SELECT, [s, e])
    assert page.evaluate("window.ReviewMode.selection()") == {"start": s, "end": e, "text": "綠谷市政府"}
    page.wait_for_function("document.getElementById('rv-sel').textContent.startsWith('[')")
    page.select_option("#rv-add-label", "AGENCY")
    page.click("#rv-add")
    assert page.locator("#rv-added li").count() == 1

    # accept every other row: j to the first row, then a (accept and go on) until all are reviewed
    page.click('#tabs button[data-tab="mentions"]')
    page.click('tr[data-k="mentions:M0001"] td')
    for _ in range(n_rows + 2):
        key = page.evaluate("window.ReviewPage.keyOf(window.ReviewPage.current())")
        decided = page.evaluate("k => k in window.ReviewMode.json().decisions", key)
        if not decided:
            page.keyboard.press("a")
        else:
            page.keyboard.press("j")
    assert page.inner_text("#rv-progress") == f"{n_rows + 1} / {n_rows + 1} rows reviewed (1 added)"

    # the corrections survive a reload (localStorage, keyed by doc_id and fingerprint)
    page.reload()
    page.click("#rv-toggle")
    assert page.inner_text("#rv-progress").startswith(f"{n_rows + 1} / {n_rows + 1}")

    with page.expect_download() as dl:
        page.click("#rv-save")
    assert dl.value.suggested_filename == f"{d.name}.review.json"
    reviews = tmp_path / "reviews"
    reviews.mkdir()
    saved = reviews / dl.value.suggested_filename
    dl.value.save_as(saved)
    review = json.loads(saved.read_text(encoding="utf-8"))
    fp = json.loads((d / ".fingerprint.json").read_text(encoding="utf-8"))
    assert review["fingerprint"] == {"code": fp["code"], "source": fp["source"]}
    assert review["decisions"][f"mentions:{wrong['mention_id']}"]["status"] == "rejected"
    assert review["decisions"][f"statistics:{st['stat_id']}"]["edits"] == {"value": "301"}
    assert review["added"] == [{"table": "mentions", "label": "AGENCY", "start": s, "end": e, "text": "綠谷市政府",
                                "fields": {"entity": "綠谷市政府"}}]
    assert errors == []

    # review apply: reviewed tables and gold; gold check passes; evaluate scores the extraction
    gold = tmp_path / "gold"
    assert cli_main(["review", "apply", str(saved), "--out", str(out), "--to-gold", str(gold)]) == 0
    rv = d / "reviewed"
    assert "周明遠" not in {m["text"] for m in read_csv(rv / "mentions.csv")}
    assert any(m["text"] == "綠谷市政府" and m["label"] == "AGENCY" for m in read_csv(rv / "mentions.csv"))
    assert next(r for r in read_csv(rv / "statistics.csv") if r["stat_id"] == st["stat_id"])["value"] == "301"
    assert cli_main(["gold", "check", "--gold", str(gold)]) == 0
    capsys.readouterr()
    assert cli_main(["evaluate", "--gold", str(gold), "--out", str(out)]) == 0
    ev = {(r["table"], r["label"]): r for r in read_csv(out / "evaluation.csv") if r["doc_id"] == "ALL"}
    assert (ev[("people", "")]["fp"], ev[("agencies", "")]["fn"], ev[("statistics", "")]["fp"]) == ("1", "1", "1")
    # without that gold folder the same report is scored against its reviewed tables
    assert cli_main(["evaluate", "--gold", str(tmp_path / "none"), "--out", str(out)]) == 0
    rows = read_csv(out / "evaluation.csv")
    assert {r["against"] for r in rows} == {"reviewed"} and any(r["doc_id"] == "REVIEWED" for r in rows)


def test_selection_offsets_are_exact_past_wide_characters_and_blocks(browser, tmp_path):
    """Characters outside the BMP count one (Python) offset, not two (UTF-16); a selection across
    text blocks and unhighlighted text still gives text.txt offsets."""
    from pipeline import review as review_mod

    text = "𠀋𠀌記者林小雨報導。\n" + "河濱文化協會舉辦活動。\n" * 30
    d = extract(tmp_path, text, doc_id="wide")
    old = review_mod.BLOCK_SIZE
    review_mod.BLOCK_SIZE = 50  # several text blocks in a short report
    try:
        assert build_review(d.parent, tmp_path / "gold") == 0
    finally:
        review_mod.BLOCK_SIZE = old
    page, errors = open_page(browser, d / "review.html")
    page.click("#rv-toggle")
    for s, e in ((2, 4), (0, 7), (5, 120), (len(text) - 12, len(text) - 1)):
        page.evaluate(SELECT, [s, e])
        sel = page.evaluate("window.ReviewMode.selection()")
        want = text[s:e].strip()
        lead = len(text[s:e]) - len(text[s:e].lstrip())
        assert sel == {"start": s + lead, "end": s + lead + len(want), "text": want}, (s, e)
    assert errors == []


def test_open_a_saved_review_file_matches_rows_by_span(browser, tmp_path):
    """A review file of an older extraction (renumbered rows, one span gone) opened in the page:
    rows found by their values are taken over, the rest is listed."""
    from review_fixtures import decision, review_of, row, write_review

    d = extract(tmp_path)
    assert build_review(d.parent, tmp_path / "gold") == 0
    rev = review_of(d)
    k, m = row(d, "mentions", label="PERSON", text="周明遠")
    rev["decisions"]["mentions:M0999"] = decision("mentions", m, "rejected")
    rev["decisions"]["mentions:M0998"] = {"status": "accepted", "edits": {},
                                          "row": {"label": "PERSON", "start": "1", "end": "3", "text": "xx"}}
    f = write_review(tmp_path / f"{d.name}.review.json", rev)
    page, errors = open_page(browser, d / "review.html")
    page.click("#rv-toggle")
    page.set_input_files("#rv-open", str(f))
    page.wait_for_function("!document.getElementById('rv-msg').hidden")
    msg = page.inner_text("#rv-msg")
    assert msg.startswith("1 correction(s) taken over; 1 no longer match") and "mentions:M0998" in msg
    assert page.evaluate("window.ReviewMode.json().decisions")[k]["status"] == "rejected"
    assert "rv-rej" in page.get_attribute(f'tr[data-k="{k}"]', "class")
    assert errors == []
