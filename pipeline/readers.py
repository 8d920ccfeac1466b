"""Format readers: every supported input format becomes one Unicode string with paragraph breaks."""

from __future__ import annotations

import stat
from pathlib import Path

from .decoding import decode
from .errors import ReportError

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
SUPPORTED = TEXT_SUFFIXES | {".docx", ".pdf", ".html", ".htm"}

# what a file with a text extension really is, when it is not text (for a helpful error)
_MAGIC = [
    (b"%PDF-", "a PDF document (give it the .pdf extension)"),
    (b"PK\x03\x04", "a zip package such as a .docx (give it the right extension)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document such as a .doc (save it as .docx)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"\x1f\x8b", "a gzip archive"),
]


def read_text(path: Path) -> tuple[str, str]:
    """Return (text, how it was read)."""
    return text_of(read_bytes(path), path)


def read_bytes(path: Path) -> bytes:
    """The report file's bytes (ReportError naming the file when it is not a readable regular file)."""
    path = Path(path)
    try:
        st = path.stat()
    except OSError as err:
        raise ReportError(path, f"cannot read file ({_os_reason(err)})") from None
    if not stat.S_ISREG(st.st_mode):
        kind = "a folder" if stat.S_ISDIR(st.st_mode) else "a device, pipe or socket"
        raise ReportError(path, f"not a regular file ({kind})")
    try:
        return path.read_bytes()
    except OSError as err:
        raise ReportError(path, f"cannot read file ({_os_reason(err)})") from None


def text_of(data: bytes, path: Path) -> tuple[str, str]:
    """(text, how it was read) of a report's bytes; `path` names the format (its suffix) and the file
    in messages, so bytes read on one machine can be analysed on another."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        try:
            return decode(data, path)
        except ReportError as err:
            what = next((desc for magic, desc in _MAGIC if data.startswith(magic)), None)
            if what:
                raise ReportError(path, f"{err.reason}: this looks like {what}") from None
            raise
    if suffix == ".docx":
        from .formats import docx_text

        return docx_text(data, path), "docx"
    if suffix == ".pdf":
        from .formats import pdf_text

        return pdf_text(data, path), "pdf"
    if suffix in {".html", ".htm"}:
        from .formats import html_text

        return html_text(data, path), "html"
    raise ReportError(path, f"unsupported file type {suffix!r} (supported: {', '.join(sorted(s for s in SUPPORTED if s))})")


def _os_reason(err: OSError) -> str:
    if isinstance(err, PermissionError):
        return "permission denied"
    if isinstance(err, FileNotFoundError):
        return "no such file (a broken link, or it was removed)"
    return err.strerror or str(err)
