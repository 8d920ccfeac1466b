"""Stage 1 — ingest: read a report file, decode it, normalise newlines, and prepare the analysis text.

`text` is what offsets refer to (text.txt). The analysis text joins sentences split across page breaks
and removes spaces inside spaced-out CJK words (主  席, 科 長; not between a list's names or a table
row's cells); the Alignment maps it back.
Blocks (title, heading, paragraph, caption, end mark) are lines of the analysis text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
import hashlib
from pathlib import Path

from .alignment import Alignment, apply_deletions
from .errors import ReportError
from .readers import read_text, text_of

SENTENCE_END = "。！？!?」』”\"）)：:；;■…"
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_LINE_BREAK_RUN = re.compile(r"\n[ \t\u3000]*(?:\n[ \t\u3000]*)+")
_SPACED = re.compile(rf"(?<=[{_CJK}])[ \u3000]{{1,3}}(?=[{_CJK}])")


@dataclass
class Block:
    start: int  # analysis offsets
    end: int
    kind: str  # title | heading | paragraph | caption | list | end_mark


@dataclass
class Report:
    doc_id: str
    source: str
    text: str
    analysis: str
    alignment: Alignment
    blocks: list[Block] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    encoding: str = "utf-8"
    sha256: str = ""  # of the raw file's bytes (report.csv): which input a table came from


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def page_break_joins(text: str) -> list[tuple[int, int]]:
    """Blank-line runs that split one sentence (…風 / 險上升): the paragraph before is long, has no
    sentence-final punctuation at its end, and the text after goes on in the same script."""
    joins = []
    for m in _LINE_BREAK_RUN.finditer(text):
        before_start = text.rfind("\n", 0, m.start()) + 1
        before = text[before_start : m.start()].rstrip()
        after_end = text.find("\n", m.end())
        after = text[m.end() : after_end if after_end != -1 else len(text)].strip()
        if len(before) < 60 or not after or before[-1] in SENTENCE_END:
            continue
        if not re.match(rf"[{_CJK}A-Za-z0-9]", before[-1]) or not re.match(rf"[{_CJK}]", after[0]):
            continue
        joins.append((m.start(), m.end()))
    return joins


_TABLE_CELL = re.compile(r"[^|\n]*[^|\s][^|\n]*\|")  # one table cell per line: "行政院院長 |"


def table_row_joins(text: str) -> list[tuple[int, int]]:
    """A table copied one cell per line, each ending in "|", rows separated by a line of "|" alone
    (列席官員 | / 行政院院長 | / 王大同 | / |): the cells of one row are read as one line, so a
    position and the name in the next cell read as "行政院院長王大同", as prose writes them (the "|",
    the spaces before it and the line break between two cells of a row are dropped)."""
    joins = []
    pos = 0
    lines = text.split("\n")
    for k, line in enumerate(lines[:-1]):
        nxt = lines[k + 1]
        if _TABLE_CELL.fullmatch(line) and _TABLE_CELL.fullmatch(nxt):
            bar = pos + len(line) - 1
            space = len(line) - len(line[:-1].rstrip(" ")) - 1  # the spaces before the "|"
            joins.append((bar - space, bar + 2))  # …, the "|" and the line break after it
        pos += len(line) + 1
    return joins


def _is_name_list_line(line: str) -> bool:
    """A minutes-style list of short items separated by spaces (出席委員：甲乙丙 丁戊己 …)."""
    items = [w for w in re.split(r"[ \u3000]+", line.strip()) if w]
    short = [w for w in items if 2 <= len(w) <= 5]
    # a spaced-out two-character name (余 天) may stand among them: a few single characters are allowed
    singles = sum(1 for w in items[1:] if len(w) == 1)
    return len(items) >= 3 and len(short) >= 3 and (singles == 0 or (len(short) >= 10 and singles <= 0.2 * len(items)))


def _is_table_row(line: str) -> bool:
    """Cells of a table row written apart by spaces (王大明　台灣經濟研究院　研究員): three or more items
    of two to fifteen characters and no sentence punctuation or enumeration comma (與談人：某院 甲副院長、某院
    乙所長 is a list whose spaces stand between an organisation and a name). Their spaces separate cells."""
    items = [w for w in re.split(r"[ \u3000]+", line.strip()) if w]
    return len(items) >= 3 and all(2 <= len(w) <= 15 for w in items) and not re.search(r"[。，,；;！？!?、]", line)


def spaced_word_deletions(text: str) -> list[tuple[int, int]]:
    """Spaces between CJK characters that are not list separators: 主  席 → 主席, 記者 王 → 記者王.
    The headline keeps its spaces: there they separate phrases."""
    deletions = []
    pos = 0
    first = True
    for line in text.split("\n"):
        followed_by_blank = text[pos + len(line) : pos + len(line) + 2] == "\n\n"
        headline = first and bool(line.strip()) and len(line.strip()) <= 60 and "。" not in line and followed_by_blank
        if line.strip():
            first = False
        if not headline and not _is_name_list_line(line) and not _is_table_row(line):
            for m in _SPACED.finditer(line):
                deletions.append((pos + m.start(), pos + m.end()))
        pos += len(line) + 1
    return deletions


def null_deletions(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufeff]+", text)]


def classify_blocks(analysis: str) -> list[Block]:
    blocks: list[Block] = []
    pos = 0
    seen_text = False
    for line in analysis.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        s, e = start + lead, start + lead + len(stripped)
        blocks.append(Block(s, e, _kind(stripped, first=not seen_text)))
        seen_text = True
    return blocks


def _kind(line: str, first: bool) -> str:
    if line in {"■", "□", "（完）", "(完)", "【完】"} or (len(line) <= 3 and not re.search(rf"[{_CJK}A-Za-z0-9]", line)):
        return "end_mark"
    ends = sum(line.count(c) for c in "。！？!?")
    if first and len(line) <= 60 and ends == 0:
        return "title"
    if len(line) <= 40 and ends == 0 and not re.search(r"[，,：:、]$", line):
        return "heading"
    if len(line) <= 100 and ends == 1 and line[-1] in "。！？!?":
        return "caption"
    return "paragraph"


def ingest(path: str | Path, doc_id: str | None = None, data: bytes | None = None) -> Report:
    """Read and decode one report into a Report (raises ReportError naming the file). With `data`, the
    file's bytes were read elsewhere (a cluster worker has no access to the input folder)."""
    path = Path(path)
    raw_text, encoding = read_text(path) if data is None else text_of(data, path)
    text = normalise_newlines(raw_text)
    warnings = []
    if not text.strip():
        warnings.append(("empty_report", "the report has no text"))
    if "\ufffd" in text:
        warnings.append(("invalid_bytes", "some bytes could not be decoded and were replaced by U+FFFD"))
    deletions = page_break_joins(text) + spaced_word_deletions(text) + null_deletions(text) + table_row_joins(text)
    analysis, alignment = apply_deletions(text, deletions)
    return Report(
        doc_id=doc_id or path.stem,
        source=str(path),
        text=text,
        analysis=analysis,
        alignment=alignment,
        blocks=classify_blocks(analysis),
        warnings=warnings,
        encoding=encoding,
        sha256=_file_hash(path),
    )


def _file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def check_readable(path: Path) -> None:
    if not path.is_file():
        raise ReportError(path, "not a regular file")
