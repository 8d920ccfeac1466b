"""Format readers: every supported input format becomes one Unicode string with paragraph breaks."""

from __future__ import annotations

from pathlib import Path

from .decoding import decode
from .errors import ReportError

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
SUPPORTED = TEXT_SUFFIXES | {".docx", ".pdf", ".html", ".htm"}


def read_text(path: Path) -> tuple[str, str]:
    """Return (text, how it was read)."""
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ReportError(path, f"cannot read file ({err.strerror or err})") from None
    if suffix in TEXT_SUFFIXES:
        return decode(data, path)
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
