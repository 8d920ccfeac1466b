"""docs/review-mode.png: review mode of review.html on an invented report, taken with headless
Chromium through Playwright (the system's /usr/bin/chromium). Run: .venv/bin/python scripts/review_screenshot.py"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.cli import main as cli_main  # noqa: E402
from pipeline.review import build_review  # noqa: E402

# invented text: no name, agency or sentence from the corpus
REPORT = (
    "綠谷市政府觀光處處長林小雨表示，今年共有逾300位志工參與活動，較去年增加兩成。\n"
    "她建議各單位應加強宣導，並鼓勵青年投入地方服務。\n"
    "河濱文化協會理事長陳大山也出席座談，並與周明遠教授交流，會中約40家店家分享經驗。\n"
    "陳大山呼籲市民踴躍參與，協會將再辦理三場說明會。\n"
)


def main(dest: Path = ROOT / "docs" / "review-mode.png") -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "raw").mkdir()
        (tmp / "raw" / "greenvale_forum.txt").write_text(REPORT, encoding="utf-8")
        assert cli_main(["extract", "--raw", str(tmp / "raw"), "--out", str(tmp / "out"), "--quiet"]) == 0
        assert build_review(tmp / "out", tmp / "gold") == 0
        page_path = tmp / "out" / "greenvale_forum" / "review.html"
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            page = b.new_context(viewport={"width": 1400, "height": 760}).new_page()
            page.goto(page_path.as_uri())
            page.click("#rv-toggle")
            page.click('tr[data-k="mentions:M0001"] td')
            for key in "aaaa":
                page.keyboard.press(key)
            page.keyboard.press("r")
            page.keyboard.press("a")
            s = REPORT.index("綠谷市政府")
            page.evaluate("""([s, e]) => {
              const w = document.createTreeWalker(document.getElementById('text'), NodeFilter.SHOW_TEXT);
              let pos = 0, a = null, b = null, n;
              while ((n = w.nextNode())) {
                const l = Array.from(n.data).length;
                if (!a && pos + l > s) a = [n, s - pos];
                if (!b && pos + l >= e) b = [n, e - pos];
                pos += l;
              }
              const r = document.createRange(); r.setStart(a[0], a[1]); r.setEnd(b[0], b[1]);
              getSelection().removeAllRanges(); getSelection().addRange(r);
            }""", [s, s + 5])
            page.select_option("#rv-add-label", "AGENCY")
            page.click("#rv-add")
            page.click('#tabs button[data-tab="statistics"]')
            page.click('tr[data-k="statistics:S0001"] td')
            page.fill('#rv-edit input[data-col="value"]', "310")
            page.press('#rv-edit input[data-col="value"]', "Tab")
            page.click('#tabs button[data-tab="mentions"]')
            page.evaluate("getSelection().removeAllRanges()")
            page.screenshot(path=str(dest))
            b.close()
    print(f"wrote {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
