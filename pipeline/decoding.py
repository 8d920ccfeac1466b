"""Bytes → str for text reports: BOMs, UTF-8, UTF-16, Big5/CP950 and GB18030, with clear refusals."""

from __future__ import annotations

import codecs
import re

from .errors import ReportError

_CJK_ENCODINGS = ["cp950", "big5hkscs", "gb18030"]


_CONTROL_BYTES = bytes(b for b in range(1, 32) if b not in (9, 10, 12, 13, 27))
_BAD_RUN = re.compile("\ufffd+")


def _looks_binary(data: bytes) -> bool:
    """Many NUL bytes, or more than 5% other control bytes: images, archives, executables.
    NULs or control characters here and there inside real text do not make it binary."""
    sample = data[:65536]
    if not sample:
        return False
    if b"\x00" in sample and _utf16_pattern(sample):
        return False  # UTF-16 text has NULs on every other byte
    if sample.count(b"\x00") / len(sample) > 0.3:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > 0.05


def _utf16_pattern(sample: bytes) -> bool:
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = max(1, len(sample) // 2)
    return max(even, odd) / half > 0.3 and min(even, odd) / half < 0.05


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _plausible(ch: str) -> bool:
    return (
        ch.isprintable() and not ("\ue000" <= ch <= "\uf8ff")
        and (ch < "\u0250" or "\u2000" <= ch <= "\u30ff" or "\u3400" <= ch <= "\u9fff"
             or "\uf900" <= ch <= "\ufaff" or "\ufe30" <= ch <= "\uffef" or ch >= "\U00010000")
    ) or ch in "\n\r\t"


def _sniff_utf16(data: bytes):
    """UTF-16 without a BOM and mostly CJK (so few NUL bytes): accept a decode that reads as text."""
    if len(data) % 2 or len(data) < 4:
        return None
    sample = data[: 65536 - 65536 % 2]
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(enc, errors="strict") if len(sample) == len(data) else sample.decode(enc, errors="ignore")
        except UnicodeDecodeError:
            continue
        if text and sum(map(_plausible, text)) / len(text) > 0.95 and _cjk_share(text) > 0.2:
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                return None
    return None


def _cjk_share(text: str) -> float:
    if not text:
        return 0.0
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return cjk / len(text)


def decode(data: bytes, path) -> tuple[str, str]:
    """Return (text, encoding name). Raises ReportError naming the file when it is not text."""
    if data.startswith(codecs.BOM_UTF8):
        return _lenient(data[3:], "utf-8", "utf-8-sig", path)
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _lenient(data, "utf-16", "utf-16", path)
    if _utf16_pattern(data[:65536]) and len(data) >= 4:
        enc = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        sample = data[:65536].decode(enc, errors="replace")
        if sum(map(_plausible, sample)) / max(1, len(sample)) < 0.9:
            raise ReportError(path, "binary file, not text (NUL bytes throughout, but not UTF-16 text either)")
        return _lenient(data, enc, enc, path)
    if b"\x00" in data[:65536] and not _valid_utf8(data):
        sniffed = _sniff_utf16(data)
        if sniffed is not None:
            return sniffed
    if _looks_binary(data):
        raise ReportError(path, "binary file, not text (control bytes or NUL bytes throughout)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        utf8_error = err
    # Mostly UTF-8 with a few broken bytes: keep the text, mark each bad spot with U+FFFD. Checked before
    # the legacy encodings, which would happily mis-decode UTF-8 bytes, but only when plenty of valid
    # multi-byte UTF-8 surrounds the bad spots (Big5/GB text decoded as UTF-8 is errors nearly throughout).
    replaced = data.decode("utf-8", errors="replace")
    bad = len(_BAD_RUN.findall(replaced))
    few_bad = bad <= max(3, len(replaced) // 200)
    good_multibyte = sum(1 for ch in replaced if ch > "\x7f") - replaced.count("\ufffd")
    if few_bad and good_multibyte >= 10 * bad:
        return replaced, "utf-8 (with replaced invalid bytes)"
    candidates = []
    seen = set()
    for enc in _CJK_ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if text in seen:  # cp950 and big5hkscs agree: keep the first name
            continue
        seen.add(text)
        candidates.append((_cjk_share(text), enc, text))
    if candidates:
        best = _best_guess(data, candidates)
        if best is not None:
            return best
    if few_bad:
        return replaced, "utf-8 (with replaced invalid bytes)"
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


def _lenient(data: bytes, encoding: str, name: str, path) -> tuple[str, str]:
    """The encoding is known (BOM or UTF-16 byte pattern): a few bad spots become U+FFFD, many are an error."""
    try:
        return data.decode(encoding), name
    except UnicodeDecodeError as err:
        first_error = err
    text = data.decode(encoding, errors="replace")
    if len(_BAD_RUN.findall(text)) <= max(3, len(text) // 200):
        return text, f"{name} (with replaced invalid bytes)"
    raise ReportError(path, f"invalid {encoding} byte at offset {first_error.start}") from None


def _strict(data: bytes, encoding: str, path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise ReportError(path, f"invalid {encoding} byte at offset {err.start}") from None
