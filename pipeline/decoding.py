"""Bytes → str for text reports: BOMs, UTF-8, UTF-16, Big5/CP950 and GB18030, with clear refusals."""

from __future__ import annotations

import codecs

from .errors import ReportError

_CJK_ENCODINGS = ["cp950", "big5hkscs", "gb18030"]


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        # UTF-16 text has NULs on every other byte; anything else with many NULs is binary
        nul = sample.count(b"\x00") / len(sample)
        return nul > 0.3 and not _utf16_pattern(sample)
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / max(1, len(sample)) > 0.05


def _utf16_pattern(sample: bytes) -> bool:
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = max(1, len(sample) // 2)
    return max(even, odd) / half > 0.3 and min(even, odd) / half < 0.05


def _cjk_share(text: str) -> float:
    if not text:
        return 0.0
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return cjk / len(text)


def decode(data: bytes, path) -> tuple[str, str]:
    """Return (text, encoding name). Raises ReportError naming the file when it is not text."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data, "utf-16", path), "utf-16"
    if _utf16_pattern(data[:65536]) and len(data) >= 4:
        enc = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        return _strict(data, enc, path), enc
    if _looks_binary(data):
        raise ReportError(path, "binary file, not text (control bytes or NUL bytes throughout)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        utf8_error = err
    candidates = []
    for enc in _CJK_ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_cjk_share(text), enc, text))
    if candidates:
        best = _best_guess(data, candidates)
        if best is not None:
            return best
    # Mostly UTF-8 with a few broken bytes: keep the text, mark the bad bytes with U+FFFD.
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad <= max(3, len(text) // 200):
        return text, "utf-8 (with replaced invalid bytes)"
    raise ReportError(
        path,
        f"cannot decode as UTF-8, UTF-16, Big5/CP950 or GB18030 (invalid byte at offset {utf8_error.start})",
    )


def _best_guess(data: bytes, candidates):
    """Among strict decodes, let charset-normalizer arbitrate Big5 against GB18030."""
    if len(candidates) == 1:
        share, enc, text = candidates[0]
        return (text, enc) if share > 0.2 else None
    from charset_normalizer import from_bytes

    guess = from_bytes(data, cp_isolation=[c[1] for c in candidates]).best()
    if guess is not None:
        for share, enc, text in candidates:
            if codecs.lookup(enc).name == codecs.lookup(guess.encoding).name:
                return text, enc
    share, enc, text = max(candidates)
    return (text, enc) if share > 0.2 else None


def _strict(data: bytes, encoding: str, path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise ReportError(path, f"invalid {encoding} byte at offset {err.start}") from None
