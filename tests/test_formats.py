"""Every input format becomes text.txt with paragraph breaks: .txt in several encodings, .docx, .pdf,
.html/.htm and .md (issue 7, "Formats"). Inputs are built here, in tmp_path."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.errors import ReportError  # noqa: E402
from pipeline.formats import docx_text, html_text, pdf_text  # noqa: E402
from pipeline.readers import read_text  # noqa: E402

TRAD = "外交部長王小明今天表示，約有三百人參加研習營。\n他建議各部會應加強合作，並鼓勵青年多參與國際事務。\n記者陳大文攝"
SIMP = "国务院总理李强今天表示，约有三百人参加会议。\n他建议各部门应加强合作，推动经济发展。\n记者王小明报道"


# ----------------------------------------------------------------------------------------- builders
def make_docx(build) -> bytes:
    import docx

    d = docx.Document()
    build(d)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def make_pdf(pages: list[list[str] | None]) -> bytes:
    """A minimal PDF. Each page is a list of text lines, or None for a page without a content stream
    (what a scan without OCR looks like to a text extractor). Text is drawn with a Type0 font whose
    ToUnicode CMap maps each glyph id to its character, so CJK text has a real text layer."""
    chars = sorted({ch for p in pages if p for line in p for ch in line})
    cid = {ch: i + 1 for i, ch in enumerate(chars)}
    objs: dict[int, bytes] = {}
    page_ids, contents = [], {}
    next_id = 6
    for p in pages:
        page_ids.append(next_id)
        next_id += 1
        if p is not None:
            contents[page_ids[-1]] = next_id
            next_id += 1
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[2] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % i for i in page_ids) + b"] /Count %d >>" % len(pages)
    objs[3] = (b"<< /Type /Font /Subtype /Type0 /BaseFont /TestCJK /Encoding /Identity-H "
               b"/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>")
    objs[4] = (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestCJK "
               b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>")
    bf = [f"<{c:04X}> <{ch.encode('utf-16-be').hex().upper()}>" for ch, c in cid.items()]
    body = "".join(f"{len(bf[i:i + 100])} beginbfchar\n" + "\n".join(bf[i:i + 100]) + "\nendbfchar\n" for i in range(0, len(bf), 100))
    cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" + body
            + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").encode()
    objs[5] = b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream"
    for p, pid in zip(pages, page_ids):
        d = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
        if p is not None:
            d += b" /Contents %d 0 R" % contents[pid]
            ops = ["BT", "/F1 12 Tf", "14 TL", "50 800 Td"]
            ops += ["<" + "".join(f"{cid[ch]:04X}" for ch in line) + "> Tj T*" for line in p]
            ops.append("ET")
            stream = "\n".join(ops).encode()
            objs[contents[pid]] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        objs[pid] = d + b" >>"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for i in sorted(objs):
        offsets[i] = len(out)
        out += b"%d 0 obj\n" % i + objs[i] + b"\nendobj\n"
    xref = len(out)
    size = max(objs) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for i in range(1, size):
        out += b"%010d 00000 n \n" % offsets[i]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def encrypt_pdf(data: bytes, user: str, owner: str) -> bytes:
    from pypdf import PdfWriter

    w = PdfWriter(clone_from=io.BytesIO(data))
    w.encrypt(user, owner_password=owner, algorithm="RC4-128")  # RC4 needs no extra crypto package
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


# --------------------------------------------------------------------------------------- text files
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "big5", "cp950"])
def test_traditional_text_in_every_encoding(tmp_path, encoding):
    p = tmp_path / "r.txt"
    p.write_bytes(TRAD.encode(encoding))
    text, how = read_text(p)
    assert text == TRAD, how


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16"])
def test_simplified_text_in_every_encoding(tmp_path, encoding):
    p = tmp_path / "r.txt"
    p.write_bytes(SIMP.encode(encoding))
    text, _ = read_text(p)
    assert text == SIMP


def test_cp950_only_characters(tmp_path):
    # 碁 and 銹 are in CP950 (Microsoft's Big5) but not in every strict Big5 table
    s = "圍棋碁士與鋼銹問題的報告。"
    p = tmp_path / "r.txt"
    p.write_bytes(s.encode("cp950"))
    assert read_text(p)[0] == s


def test_markdown_is_text(tmp_path):
    s = "# 研習營紀要\n\n外交部長王小明致詞。\n\n- 第一點\n- 第二點\n"
    p = tmp_path / "notes.md"
    p.write_text(s, encoding="utf-8")
    assert read_text(p) == (s, "utf-8")


# --------------------------------------------------------------------------------------------- docx
def test_docx_paragraphs_tables_and_breaks():
    def build(d):
        d.add_heading("國際事務研習營", 1)
        d.add_paragraph("外交部長王小明今天表示，約有三百人參加。")
        d.add_paragraph("")
        p = d.add_paragraph("他建議各部會應加強合作。")
        p.add_run().add_break()
        p.add_run("第二行文字。")
        t = d.add_table(rows=2, cols=3)
        for j, s in enumerate(["姓名", "職稱", "單位"]):
            t.cell(0, j).text = s
        for j, s in enumerate(["陳大文", "教授", "臺灣大學"]):
            t.cell(1, j).text = s
        t2 = d.add_table(rows=1, cols=2)
        t2.cell(0, 0).text = "第一段"
        t2.cell(0, 0).add_paragraph("第二段")
        t2.cell(0, 1).text = "右欄"
        t3 = d.add_table(rows=1, cols=3)
        merged = t3.cell(0, 0).merge(t3.cell(0, 1))
        merged.text = "合併儲存格"
        t3.cell(0, 2).text = "尾"
        d.add_paragraph("結語。")

    text = docx_text(make_docx(build), "a.docx")
    assert text == (
        "國際事務研習營\n外交部長王小明今天表示，約有三百人參加。\n\n他建議各部會應加強合作。\n第二行文字。\n"
        "姓名\t職稱\t單位\n陳大文\t教授\t臺灣大學\n第一段\n第二段\n右欄\n合併儲存格\t尾\n結語。"
    )


def test_docx_empty_document():
    assert docx_text(make_docx(lambda d: None), "e.docx") == ""


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"this is not a zip", "not a valid .docx"),
        (b"PK\x03\x04broken zip", "not a valid .docx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old Word .doc"),
    ],
)
def test_docx_broken(data, reason):
    with pytest.raises(ReportError) as e:
        docx_text(data, "bad.docx")
    assert reason in e.value.reason and "bad.docx" in str(e.value)


def test_docx_zip_without_document():
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "x")
    with pytest.raises(ReportError, match="not a valid .docx"):
        docx_text(buf.getvalue(), "z.docx")


# ---------------------------------------------------------------------------------------------- pdf
def test_pdf_text_layer_pages_joined_by_blank_line():
    data = make_pdf([["外交部長王小明今天表示，約有三百人參加。", "他建議各部會應加強合作。"], ["Page two: APEC 2025."]])
    assert pdf_text(data, "a.pdf") == "外交部長王小明今天表示，約有三百人參加。\n他建議各部會應加強合作。\n\nPage two: APEC 2025."


def test_pdf_blank_page_in_the_middle_is_skipped():
    data = make_pdf([["第一頁。"], None, ["第三頁。"]])
    assert pdf_text(data, "a.pdf") == "第一頁。\n\n第三頁。"


def test_pdf_without_text_layer_is_a_clear_error():
    with pytest.raises(ReportError) as e:
        pdf_text(make_pdf([None, None]), "scan.pdf")
    assert e.value.reason == "scanned PDF with no text layer: run OCR first"
    assert str(e.value).startswith("scan.pdf: ")


@pytest.mark.parametrize("data", [b"%PDF-1.4\nnothing else", make_pdf([["abc"]])[:200], b"GIF89a not a pdf"])
def test_pdf_broken(data):
    with pytest.raises(ReportError) as e:
        pdf_text(data, "broken.pdf")
    assert "PDF" in e.value.reason and "broken.pdf" in str(e.value)


def test_pdf_encrypted_with_password_is_refused():
    data = encrypt_pdf(make_pdf([["機密文件。"]]), user="secret", owner="owner")
    with pytest.raises(ReportError) as e:
        pdf_text(data, "locked.pdf")
    assert "encrypted PDF" in e.value.reason and "password" in e.value.reason


def test_pdf_encrypted_with_empty_user_password_opens():
    data = encrypt_pdf(make_pdf([["公開文件。"]]), user="", owner="owner")
    assert pdf_text(data, "open.pdf") == "公開文件。"


# --------------------------------------------------------------------------------------------- html
PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>網站名稱 | 新聞</title>
<style>p {{ color: red }}</style><script>var x = "不要這段";</script></head>
<body class="page has-sidebar">
<header class="site"><a href="/">首頁</a> 關於我們</header>
<nav><ul><li>選單一</li><li>選單二</li></ul></nav>
<div class="breadcrumb">首頁 &gt; 新聞稿</div>
<div id="mainMenu">主選單</div>
<main>
<article>
<header><h1>外交部舉辦研習營</h1><p class="byline">記者林美玲／台北報導</p></header>
<p>外交部長王小明今天表示，約有
三百人參加。</p>
<p>他<b>建議</b>各部會應加強合作。<br>第二行&nbsp;文字</p>
<table><tr><th>姓名</th><th>職稱</th></tr><tr><td>陳大文</td><td>教授</td></tr></table>
<ul><li>項目一</li><li>項目二</li></ul>
<div class="social-share">分享到社群</div>
<!-- 註解不要 -->
<form><input value="搜尋"></form>
<noscript>請開啟腳本</noscript>
<div style="display:none">隱藏文字</div>
</article>
<aside>相關新聞</aside>
</main>
<div class="sidebar">熱門文章</div>
<div id="siteFooter">版權所有</div>
<footer>聯絡我們</footer>
</body></html>"""

PAGE_TEXT = (
    "外交部舉辦研習營\n記者林美玲／台北報導\n外交部長王小明今天表示，約有三百人參加。\n他建議各部會應加強合作。\n"
    "第二行\xa0文字\n姓名\t職稱\n陳大文\t教授\n項目一\n項目二"
)


@pytest.mark.parametrize("charset, codec", [("utf-8", "utf-8"), ("big5", "cp950"), ("Big5", "big5"), ("UTF-8", "utf-8")])
def test_html_boilerplate_removed_and_paragraphs_kept(charset, codec):
    data = PAGE.format(charset=charset).encode(codec)
    expected = PAGE_TEXT
    if codec == "big5":
        # Python's strict Big5 table puts ／ at A241, which CP950 (what Taiwanese Windows tools write, and
        # what a declared "big5" is read as) maps to ∕; the byte is the same, only the table differs
        expected = expected.replace("／", "∕")
    assert html_text(data, "p.html") == expected


def test_html_gb2312_declared_page_with_gbk_characters():
    html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>国务院总理李强表示。</p><p>镕基</p></body></html>'
    assert html_text(html.encode("gb18030"), "s.htm") == "国务院总理李强表示。\n镕基"


def test_html_without_declared_charset_is_detected():
    html = "<html><body><div><p>外交部長王小明今天表示，約有三百人參加研習營。</p><p>他建議各部會應加強合作，並鼓勵青年多參與國際事務。</p></div></body></html>"
    for codec in ("utf-8", "utf-8-sig", "utf-16", "cp950"):
        assert html_text(html.encode(codec), "d.html") == (
            "外交部長王小明今天表示，約有三百人參加研習營。\n他建議各部會應加強合作，並鼓勵青年多參與國際事務。"
        ), codec


def test_html_wrong_declared_charset_falls_back_to_detection():
    html = '<html><head><meta charset="big5"></head><body><p>外交部長王小明今天表示，約有三百人參加研習營。</p><p>記者陳大文攝</p></body></html>'
    assert html_text(html.encode("utf-8"), "w.html") == "外交部長王小明今天表示，約有三百人參加研習營。\n記者陳大文攝"


def test_html_prefers_the_longest_article_without_main():
    html = """<html><body><div class="header">網站標題</div>
    <article><p>相關短文。</p></article>
    <article><h2>主要報導</h2><p>臺灣大學教授陳大文指出，超過五百人參與。</p><p>他呼籲政府應及早因應。</p></article>
    <div>頁尾雜訊</div></body></html>"""
    assert html_text(html.encode(), "a.html") == "主要報導\n臺灣大學教授陳大文指出，超過五百人參與。\n他呼籲政府應及早因應。"


def test_html_without_article_uses_body_and_pre_keeps_lines():
    html = "<html><body><h1>標題</h1><div>第一段<div>巢狀段落</div>尾巴</div><pre>第一行\n  第二行</pre><p>a<br><br>b</p></body></html>"
    assert html_text(html.encode(), "b.html") == "標題\n第一段\n巢狀段落\n尾巴\n第一行\n  第二行\na\n\nb"


def test_html_source_line_break_between_latin_words_is_a_space():
    html = "<p>Maria\nGonzalez and 王小明\n討論</p>"
    assert html_text(html.encode(), "c.html") == "Maria Gonzalez and 王小明討論"


def test_html_nested_deeper_than_python_recursion():
    html = "<div>" * 5000 + "深層文字" + "</div>" * 5000
    assert html_text(html.encode(), "deep.html") == "深層文字"


def test_html_empty_and_tag_only():
    assert html_text(b"", "e.html") == ""
    assert html_text(b"<html><body><script>x()</script></body></html>", "e.html") == ""


def test_html_binary_is_refused():
    import random

    rnd = random.Random(7)
    data = bytes(rnd.randrange(256) for _ in range(4000))
    with pytest.raises(ReportError, match="binary"):
        html_text(data, "junk.html")


# ----------------------------------------------------------------------------- formats, end to end
def _check_offsets(folder: Path) -> None:
    text = (folder / "text.txt").read_bytes().decode("utf-8")
    for f in folder.glob("*.csv"):
        rows = list(csv.DictReader(io.StringIO(f.read_bytes().decode("utf-8-sig"), newline="")))
        for r in rows:
            if {"start", "end", "text"} <= r.keys() and r["start"] != "":
                cell = r["text"]
                got = text[int(r["start"]) : int(r["end"])]
                assert got == cell or (cell.startswith("'") and got == cell[1:]), (f.name, r)


def test_every_format_through_the_pipeline(tmp_path):
    from pipeline.runner import run
    from pipeline.write import TABLES

    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    paras = TRAD.split("\n")

    def build(d):
        for p in paras:
            d.add_paragraph(p)

    (raw / "w.docx").write_bytes(make_docx(build))
    (raw / "p.pdf").write_bytes(make_pdf([paras[:2], paras[2:]]))
    (raw / "h.html").write_bytes(("<html><body><nav>選單</nav><article>" + "".join(f"<p>{p}</p>" for p in paras) + "</article></body></html>").encode("cp950"))
    (raw / "m.md").write_text("# 紀要\n\n" + TRAD + "\n", encoding="utf-8")
    (raw / "t.txt").write_bytes(TRAD.replace("\n", "\r\n").encode("utf-16"))
    (raw / "scan.pdf").write_bytes(make_pdf([None]))
    outcomes = {o.doc_id: o for o in run(raw, out)}
    assert not outcomes["scan"].ok and "scanned PDF with no text layer: run OCR first" in outcomes["scan"].message
    assert not (out / "scan").exists()
    expected = {"w": TRAD, "p": TRAD.replace("\n記者", "\n\n記者"), "h": TRAD, "m": "# 紀要\n\n" + TRAD + "\n", "t": TRAD}
    for doc_id, text in expected.items():
        assert outcomes[doc_id].ok, outcomes[doc_id].message
        folder = out / doc_id
        assert (folder / "text.txt").read_bytes().decode("utf-8") == text
        for name in TABLES:
            assert (folder / f"{name}.csv").exists()
        _check_offsets(folder)
        people = (folder / "people.csv").read_bytes().decode("utf-8-sig")
        assert "王小明" in people, doc_id
    errors = (out / "errors.csv").read_bytes().decode("utf-8-sig")
    assert "scan.pdf" in errors and "OCR" in errors
