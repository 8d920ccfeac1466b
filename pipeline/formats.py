"""Word, PDF and HTML reports → one Unicode string whose line breaks are the paragraph breaks.

Whatever is returned here is what text.txt holds (after newline normalisation), so offsets refer to it.
Every failure is a ReportError that names the file and says what is wrong with it.
"""

from __future__ import annotations

import codecs
import io
import re

from .errors import ReportError

# ------------------------------------------------------------------------------------------------ docx
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def docx_text(data: bytes, path) -> str:
    """Body paragraphs and table cells in document order, one paragraph per line."""
    if not data:
        return ""
    if data.startswith(_OLE_MAGIC):
        raise ReportError(path, "not a .docx file: an old Word .doc or a password-protected document (save it as .docx without a password)")
    if not data.startswith(b"PK"):
        raise ReportError(path, "not a valid .docx file (not a zip package)")
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as err:  # pragma: no cover - dependency is pinned
        raise ReportError(path, f"cannot read .docx: {err}") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except PackageNotFoundError:
        raise ReportError(path, "not a valid .docx file (no Word document inside the zip package)") from None
    except Exception as err:  # zipfile.BadZipFile, KeyError, lxml errors …
        raise ReportError(path, f"not a valid .docx file ({type(err).__name__}: {err})") from None
    lines: list[str] = []
    try:
        _docx_blocks(document, lines)
    except Exception as err:
        raise ReportError(path, f"cannot read the .docx content ({type(err).__name__}: {err})") from None
    return "\n".join(lines).strip("\n")


def _docx_blocks(container, lines: list[str]) -> None:
    from docx.table import Table

    for item in container.iter_inner_content():
        if isinstance(item, Table):
            _docx_table(item, lines)
        else:
            lines.append(item.text)


def _docx_table(table, lines: list[str]) -> None:
    """A row of one-line cells is one line, cells separated by a tab; a cell with several
    paragraphs (or a nested table) gives its own lines so its paragraph breaks survive."""
    from docx.table import Table

    for row in table.rows:
        seen = set()
        cells = []
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is returned once per grid column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(cell)
        simple = all(
            not any(isinstance(x, Table) for x in c.iter_inner_content()) and "\n" not in c.text for c in cells
        )
        if simple:
            texts = [c.text for c in cells]
            if any(t.strip() for t in texts):
                lines.append("\t".join(texts))
        else:
            for c in cells:
                _docx_blocks(c, lines)


# ------------------------------------------------------------------------------------------------ pdf
def pdf_text(data: bytes, path) -> str:
    """Text layer of every page, pages separated by a blank line."""
    if b"%PDF-" not in data[:1024]:
        raise ReportError(path, "not a valid PDF (no %PDF header)")
    import logging

    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError, PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except DependencyError as err:
                raise ReportError(path, f"encrypted PDF: cannot decrypt it here ({err}); save an unencrypted copy") from None
            except Exception as err:
                raise ReportError(path, f"encrypted PDF: cannot decrypt it ({type(err).__name__}: {err})") from None
            if not ok:
                raise ReportError(path, "encrypted PDF: a password is needed to open it; save an unencrypted copy")
        pages = list(reader.pages)
    except ReportError:
        raise
    except FileNotDecryptedError:
        raise ReportError(path, "encrypted PDF: a password is needed to open it; save an unencrypted copy") from None
    except (PdfReadError, PyPdfError) as err:
        raise ReportError(path, f"broken PDF ({err})") from None
    except Exception as err:
        raise ReportError(path, f"broken PDF ({type(err).__name__}: {err})") from None
    if not pages:
        raise ReportError(path, "PDF has no pages")
    texts = []
    for n, page in enumerate(pages, start=1):
        try:
            t = page.extract_text() or ""
        except Exception as err:
            raise ReportError(path, f"broken PDF: cannot extract the text of page {n} ({type(err).__name__}: {err})") from None
        t = _clean_pdf_page(t)
        if t.strip():
            texts.append(t)
    text = "\n\n".join(texts)
    if not _has_real_text(text):
        raise ReportError(path, "scanned PDF with no text layer: run OCR first")
    return text


def _clean_pdf_page(t: str) -> str:
    t = t.replace("\r\n", "\n").replace("\r", "\n")
    # trailing spaces pypdf leaves at line ends carry no information
    return "\n".join(line.rstrip(" ") for line in t.split("\n")).strip("\n")


def _has_real_text(text: str) -> bool:
    """False when there is no text, or only glyph garbage (a font with no Unicode map)."""
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return False
    junk = sum(1 for ch in visible if ch == "\ufffd" or ord(ch) < 32 or "\ue000" <= ch <= "\uf8ff")
    return junk / len(visible) < 0.5


# ------------------------------------------------------------------------------------------------ html
_DROP_TAGS = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript",
              "template", "iframe", "svg", "button", "select", "textarea", "dialog"}
_BLOCK_TAGS = {
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "ul", "ol", "dl", "dt", "dd", "table",
    "thead", "tbody", "tfoot", "caption", "section", "article", "main", "blockquote", "figure", "figcaption",
    "pre", "hr", "address", "center", "details", "summary", "fieldset", "legend", "body", "html",
}
_CELL_TAGS = {"td", "th"}
_BOILERPLATE_WORD = re.compile(
    r"^(?:nav|navs|navi|navbar|navigation|menu|menus|menubar|footer|breadcrumb|breadcrumbs|sidebar|share|sharing)$"
)
_BOILERPLATE_EDGE = re.compile(r"^(?:nav|menu|footer|breadcrumb|sidebar|share)|(?:nav|menu|footer|breadcrumb|sidebar|share)$")
_NEVER_DROP = {"html", "body", "main", "article", "head"}
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.I)
# declared names that browsers (WHATWG Encoding) map to a superset
_CHARSET_ALIASES = {
    "big5": "cp950", "big5-hkscs": "big5hkscs", "x-x-big5": "cp950", "cn-big5": "cp950", "csbig5": "cp950",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "csgb2312": "gb18030",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
    "utf8": "utf-8", "unicode": "utf-16",
}
_CJK_CHAR = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")
_WS = re.compile(r"[ \t\n\r\f]+")


def decode_html(data: bytes, path) -> tuple[str, str]:
    """BOM first, then the declared charset (meta / XML declaration), then detection."""
    from .decoding import decode

    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data, path)
    head = data[:8192]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if m:
        name = m.group(1).decode("ascii", "replace").lower()
        enc = _CHARSET_ALIASES.get(name, name)
        try:
            codecs.lookup(enc)
        except LookupError:
            enc = None
        if enc and not enc.startswith("utf-16"):  # a page that declares UTF-16 but parsed as ASCII is not UTF-16
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                pass  # the declaration is wrong: detect instead
            try:
                return decode(data, path)
            except ReportError:
                text = data.decode(enc, errors="replace")
                if text.count("\ufffd") <= max(3, len(text) // 200):
                    return text, f"{enc} (with replaced invalid bytes)"
                raise
    return decode(data, path)


def html_text(data: bytes, path) -> str:
    """Readable text of a saved web page: boilerplate removed, block elements on their own lines."""
    if not data.strip():
        return ""
    text, _ = decode_html(data, path)
    from bs4 import BeautifulSoup

    try:
        soup = BeautifulSoup(text, "lxml")
    except Exception as err:
        raise ReportError(path, f"cannot parse HTML ({type(err).__name__}: {err})") from None
    _drop_boilerplate(soup)
    root = _content_root(soup)
    if root is None:
        return ""
    out = _Render()
    out.walk(root)
    return out.result()


def _drop_boilerplate(soup) -> None:
    """One top-down pass (explicit stack: pages can nest deeper than Python recurses) that collects
    whole boilerplate subtrees without descending into them, then removes them."""
    from bs4 import Comment, Declaration, Doctype, ProcessingInstruction, Tag

    body_len = len(soup.get_text()) or 1
    drop = []
    stack = [(soup, False)]  # (node, inside an <article>)
    while stack:
        node, in_article = stack.pop()
        for child in node.children:
            if isinstance(child, (Comment, Declaration, Doctype, ProcessingInstruction)):
                drop.append(child)
                continue
            if not isinstance(child, Tag):
                continue
            if _is_boilerplate(child, in_article, body_len):
                drop.append(child)
            else:
                stack.append((child, in_article or child.name == "article"))
    for node in drop:
        node.extract()


def _is_boilerplate(tag, in_article: bool, body_len: int) -> bool:
    name = tag.name
    if name in _DROP_TAGS or name in ("head", "title"):
        # an article's own header holds its headline and byline, not site navigation
        return not (name == "header" and in_article)
    if name in _NEVER_DROP:
        return False
    attrs = tag.attrs or {}
    if "hidden" in attrs or re.search(r"display\s*:\s*none", str(attrs.get("style", "")), re.I):
        return True
    if attrs.get("role") in ("navigation", "banner", "contentinfo", "complementary", "search"):
        return True
    return _says_boilerplate(attrs) and not tag.find(["article", "main"]) and len(tag.get_text()) < 0.5 * body_len


def _says_boilerplate(attrs) -> bool:
    names = attrs.get("class") or []
    if isinstance(names, str):
        names = names.split()
    names = list(names) + [str(attrs.get("id", ""))]
    for name in names:
        # split on separators and camelCase: siteFooter → site, footer; main-nav → main, nav
        for token in re.split(r"[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])", name):
            token = token.lower()
            if _BOILERPLATE_WORD.match(token) or (len(token) > 5 and _BOILERPLATE_EDGE.search(token)):
                return True
    return False


def _content_root(soup):
    """The main content: <main> or the biggest <article> when present, else the body."""
    mains = soup.find_all("main")
    articles = soup.find_all("article")

    def size(t):
        return len(t.get_text(strip=True))

    main = max(mains, key=size) if mains else None
    article = max(articles, key=size) if articles else None
    if main is not None and size(main) > 0:
        if article is not None and main in article.parents and size(article) >= 0.5 * size(main):
            return article
        return main
    if article is not None and size(article) > 0:
        return article
    return soup.body or soup


class _Render:
    """Inline text with collapsed white space; block boundaries become line breaks, <br> a hard one,
    table cells a tab. A source line break between two CJK characters is removed (CSS Text 3)."""

    def __init__(self):
        self.parts: list[str] = []  # strings and the markers "\n" (soft break) and "<br>"

    def walk(self, root) -> None:
        """Depth-first over the tree with an explicit stack (pages can nest deeper than Python recurses)."""
        from bs4 import NavigableString, Tag

        stack = [iter(root.children)]
        closers: list[str | None] = [None]
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
                closer = closers.pop()
                if closer:
                    self.parts.append(closer)
                continue
            if isinstance(child, Tag):
                name = child.name
                if name == "br":
                    self.parts.append("<br>")
                elif name in ("pre", "textarea", "listing", "plaintext"):
                    self.parts.append("\n")
                    self.parts.append(("<pre>", child.get_text()))
                    self.parts.append("\n")
                elif name == "img":
                    continue
                else:
                    if name in _BLOCK_TAGS:
                        self.parts.append("\n")
                        closers.append("\n")
                    else:
                        if name in _CELL_TAGS:
                            self.parts.append("<td>")
                        closers.append(None)
                    stack.append(iter(child.children))
            elif isinstance(child, NavigableString):
                self.parts.append(str(child))

    def result(self) -> str:
        lines: list[str] = []
        cur: list = []
        pending_soft = False

        def has_text():
            return any(isinstance(x, str) and x.strip() for x in cur)

        def flush():
            lines.append(_collapse(cur))
            cur.clear()

        for p in self.parts:
            if p == "\n":
                pending_soft = True
                continue
            if p == "<br>":
                flush()
                pending_soft = False
                continue
            if pending_soft:
                if has_text():
                    flush()
                else:
                    cur.clear()
                pending_soft = False
            if p == "<td>":
                if has_text():
                    cur.append(_TAB)
                continue
            if isinstance(p, tuple):  # preformatted text keeps its line breaks
                if has_text():
                    flush()
                cur.clear()
                pre = p[1].replace("\r\n", "\n").replace("\r", "\n").strip("\n")
                lines.extend(pre.split("\n"))
                continue
            cur.append(p)
        if has_text():
            flush()
        lines = [line.rstrip() if line.strip() else "" for line in lines]
        text = "\n".join(lines)
        text = re.sub(r"\n{3,}", "\n\n", text)
        return text.strip("\n")


_TAB = object()


def _collapse(parts: list) -> str:
    """Join inline strings; table cells (split at _TAB) are joined by a tab."""
    cells, buf = [], []
    for x in parts:
        if x is _TAB:
            cells.append("".join(buf))
            buf = []
        else:
            buf.append(x)
    cells.append("".join(buf))
    return "\t".join(_collapse_ws(c) for c in cells)


def _collapse_ws(s: str) -> str:
    def repl(m):
        ws = m.group(0)
        if "\n" in ws or "\r" in ws:
            before = s[m.start() - 1] if m.start() > 0 else ""
            after = s[m.end()] if m.end() < len(s) else ""
            if before and after and _CJK_CHAR.match(before) and _CJK_CHAR.match(after):
                return ""
        return " "

    return _WS.sub(repl, s).strip(" \t\xa0")
