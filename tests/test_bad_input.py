"""Bad input, and never losing or corrupting output (issue 7). Every case runs the real pipeline:
correct output, or an error naming the file and the reason; the other reports complete; the exit
status says whether anything failed; errors.csv lists the failures."""

from __future__ import annotations

import csv
import io
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline import cli  # noqa: E402
from pipeline.errors import ReportError  # noqa: E402
from pipeline.write import TABLES  # noqa: E402

GOOD = "外交部長王小明今天表示，約有三百人參加研習營。\n他建議各部會應加強合作。\n臺灣大學教授陳大文指出，逾40個部會參與。\n"
SENTENCES = [
    "外交部長王小明今天表示，約有三百人參加研習營。",
    "他建議各部會應加強合作，並鼓勵青年多參與國際事務。",
    "臺灣大學教授陳大文指出，逾40個部會參與，比例約15%。",
    "經濟部次長林美玲呼籲企業務必重視人才培育。",
    "本次活動共有十二場次，吸引超過500人次參加。",
    "主持人張志明提醒與會者準時出席。",
    "記者黃小華攝",
]


# ------------------------------------------------------------------------------------------ helpers
def extract(raw: Path, out: Path, *extra: str, capsys=None) -> tuple[int, str]:
    """`python -m pipeline extract` in this process (models stay loaded): (exit status, stderr)."""
    if capsys is not None:
        capsys.readouterr()
    rc = cli.main(["extract", "--raw", str(raw), "--out", str(out), "--quiet", *extra])
    err = capsys.readouterr().err if capsys is not None else ""
    return rc, err


def extract_subprocess(raw: Path, out: Path, *extra: str, timeout: float = 300, **kw) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "pipeline", "extract", "--raw", str(raw), "--out", str(out), "--quiet", *extra]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout, **kw)


def read_csv(path: Path) -> list[dict]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), f"{path} has no UTF-8 BOM"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def csv_header(path: Path) -> list[str]:
    return next(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def cell_matches(cell: str, got: str) -> bool:
    # a cell starting with = + - @ is written with a leading apostrophe (CONTRACT §1)
    return got == cell or (cell.startswith("'") and got == cell[1:] and got[:1] in ("=", "+", "-", "@", "\t", "\r"))


def check_report_folder(folder: Path) -> str:
    """The folder is complete (text.txt and every table, each parsing with its header) and every row with
    start,end,text slices text.txt exactly. Returns text.txt."""
    text = (folder / "text.txt").read_bytes().decode("utf-8")
    for name, columns in TABLES.items():
        f = folder / f"{name}.csv"
        assert f.is_file(), f"{f} missing"
        assert csv_header(f) == columns, f
        for row in read_csv(f):
            if {"start", "end", "text"} <= row.keys() and row["start"] != "":
                s, e = int(row["start"]), int(row["end"])
                assert 0 <= s <= e <= len(text), (f, row)
                assert cell_matches(row["text"], text[s:e]), (f.name, row, text[s:e])
    return text


def check_tables_offsets(tables: dict[str, list[dict]], text: str) -> None:
    for name, rows in tables.items():
        for row in rows:
            if "start" in row and "text" in row and row["start"] not in ("", None):
                assert text[row["start"] : row["end"]] == row["text"], (name, row)


def report_dirs(out: Path) -> list[Path]:
    return sorted(p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".") and p.name != "registry")  # registry/: the corpus-wide tables


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def mentions(folder: Path, label: str | None = None) -> list[dict]:
    return [r for r in read_csv(folder / "mentions.csv") if label is None or r["label"] == label]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def errors_csv(out: Path) -> list[dict]:
    return read_csv(out / "errors.csv")


# ------------------------------------------------------------------------------------ empty reports
def test_empty_and_whitespace_only_reports(tmp_path, capsys):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    write(raw / "empty.txt", "")
    write(raw / "blank.txt", "  \n\t\n\u3000\u3000\r\n\n")
    write(raw / "good.txt", GOOD)
    rc, err = extract(raw, out, capsys=capsys)
    assert rc == 0, err
    for doc_id in ("empty", "blank"):
        folder = out / doc_id
        check_report_folder(folder)
        for name in TABLES:
            if name not in ("warnings", "report"):  # report.csv: one row about the report itself
                assert read_csv(folder / f"{name}.csv") == [], (doc_id, name)
        assert [r["chars"] for r in read_csv(folder / "report.csv")] == [str(len((folder / "text.txt").read_text()))]
        warnings = read_csv(folder / "warnings.csv")
        assert [w["kind"] for w in warnings] == ["empty_report"]
        assert f"warning: {raw / doc_id}.txt: the report has no text" in err
    assert (out / "empty" / "text.txt").read_bytes() == b""
    assert (out / "blank" / "text.txt").read_bytes().decode() == "  \n\t\n\u3000\u3000\n\n"
    assert mentions(out / "good", "PERSON")
    assert errors_csv(out) == []
    assert "3 built, 0 up to date, 0 failed" in err


# ----------------------------------------------------------------------------------- binary as .txt
def test_binary_file_with_text_extension(tmp_path, capsys):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    rnd = random.Random(1)
    (raw / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(rnd.randrange(256) for _ in range(5000)))
    (raw / "noise.txt").write_bytes(bytes(rnd.randrange(256) for _ in range(3000)))
    (raw / "zeros.txt").write_bytes(b"\x00" * 1000)
    write(raw / "good.txt", GOOD)
    rc, err = extract(raw, out, capsys=capsys)
    assert rc == 1
    failed = {r["doc_id"]: r for r in errors_csv(out)}
    assert set(failed) == {"image", "noise", "zeros"}
    for doc_id, row in failed.items():
        path = str(raw / f"{doc_id}.txt")
        assert row["file"] == path
        assert row["error"].startswith(f"{path}: binary file, not text")
        assert f"error: {path}: binary file, not text" in err
        assert not (out / doc_id).exists()
    assert "PNG image" in failed["image"]["error"]
    check_report_folder(out / "good")
    assert "1 built, 0 up to date, 3 failed" in err
    assert [p.name for p in report_dirs(out)] == ["good"]


def test_other_files_with_a_text_extension_name_what_they_are(tmp_path, capsys):
    import zlib

    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "doc.txt").write_bytes(b"PK\x03\x04" + zlib.compress(os.urandom(3000)))
    write(raw / "good.txt", GOOD)
    rc, err = extract(raw, out, capsys=capsys)
    assert rc == 1
    assert "zip package such as a .docx" in errors_csv(out)[0]["error"]


# ------------------------------------------------------------------------------- odd bytes in text
def test_nul_bytes_inside_text(tmp_path, capsys):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    text = "開幕\x00式上，\x00\x00外交部長王小明今天表示，約有三百人參加。\x00\n他建議各部會應加強合作。\x01\x02\n"
    write(raw / "nul.txt", text)
    rc, err = extract(raw, out, capsys=capsys)
    assert rc == 0, err
    got = check_report_folder(out / "nul")
    assert got == text  # text.txt is the decoded report, nothing else changed
    people = mentions(out / "nul", "PERSON")
    assert any(m["text"] == "王小明" and int(m["start"]) == text.index("王小明") for m in people), people


def test_invalid_bytes_in_the_middle_of_utf8(tmp_path, capsys):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    head = "研習營今天開幕，".encode()
    tail = "外交部長王小明今天表示，約有三百人參加。\n他建議各部會應加強合作。\n".encode()
    (raw / "broken.txt").write_bytes(head + b"\xff\xfe" + "部".encode()[:2] + tail)
    (raw / "broken_bom.txt").write_bytes(b"\xef\xbb\xbf" + head + b"\x80" + tail)
    rc, err = extract(raw, out, capsys=capsys)
    assert rc == 0, err
    for doc_id in ("broken", "broken_bom"):
        text = check_report_folder(out / doc_id)
        assert text.startswith("研習營今天開幕，\ufffd") and text.endswith(tail.decode())
        assert "invalid_bytes" in [w["kind"] for w in read_csv(out / doc_id / "warnings.csv")]
        people = mentions(out / doc_id, "PERSON")
        assert any(m["text"] == "王小明" and int(m["start"]) == text.index("王小明") for m in people), people
    assert "could not be decoded and were replaced by U+FFFD" in err


def test_text_that_is_mostly_garbage_is_refused(tmp_path, capsys):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    rnd = random.Random(3)
    data = bytearray("外交部長王小明今天表示。".encode() * 20)
    for i in range(0, len(data), 7):
        data[i] = rnd.choice([0x80, 0xff, 0xfe, 0xc0])
    (raw / "garbled.txt").write_bytes(bytes(data))
    rc, err = extract(raw, out, capsys=capsys)
    assert rc == 1
    assert f"{raw / 'garbled.txt'}: cannot decode" in err
    assert not (out / "garbled").exists()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "gb18030"])
def test_characters_outside_the_bmp_before_entities(tmp_path, capsys, encoding):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    # emoji (U+1F600…), CJK Extension B (𠀋 U+2000B, 𡃁 U+210C1, 𪚥 U+2A6A5); two UTF-16 code units each
    text = (
        "😀🎉👍🏽 𠀋𡃁𪚥研習營報導\n"
        "🇹🇼外交部長王小明今天表示，約有三百人參加。😀\n"
        "𠀋臺灣大學教授陳大文指出，逾40個部會參與。👩‍👩‍👧\n"
        "他建議各部會應加強合作。🎉\n"
    )
    write(raw / "emoji.txt", text, encoding)
    rc, err = extract(raw, out, capsys=capsys)
    assert rc == 0, err
    got = check_report_folder(out / "emoji")
    assert got == text
    found = {(m["label"], m["text"], int(m["start"])) for m in mentions(out / "emoji")}
    assert ("PERSON", "王小明", text.index("王小明")) in found
    assert ("PERSON", "陳大文", text.index("陳大文")) in found
    stats = read_csv(out / "emoji" / "statistics.csv")
    assert any(s["text"].startswith("逾40") and int(s["start"]) == text.index("逾40") for s in stats), stats
    recs = read_csv(out / "emoji" / "recommendations.csv")
    assert any(int(r["start"]) == text.index("他建議") for r in recs), recs


# -------------------------------------------------------------------------------------- big inputs
def _long_line(n: int) -> str:
    """One line of n characters, no punctuation at all: names, titles, numbers and plain words."""
    words = ["外交部長王小明", "今天表示", "約有三百人參加", "臺灣大學教授陳大文", "指出", "各部會應加強合作",
             "經濟部", "研究員", "林美玲", "二十五個", "國際事務", "青年", "建議", "會議", "百分之十"]
    rnd = random.Random(100)
    parts, size = [], 0
    while size < n:
        w = rnd.choice(words)
        parts.append(w)
        size += len(w)
    return "".join(parts)[:n]


def _run_report_in_subprocess(tmp_path: Path, text: str, timeout: float) -> tuple[float, subprocess.CompletedProcess]:
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    write(raw / "big.txt", text)
    t0 = time.monotonic()
    try:
        proc = extract_subprocess(raw, out, timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"a report of {len(text):,} characters did not finish within {timeout:.0f} s")
    took = time.monotonic() - t0
    assert proc.returncode == 0, proc.stderr
    assert check_report_folder(out / "big") == text
    return took, proc


@pytest.mark.slow
def test_one_line_of_100000_characters_without_punctuation(tmp_path):
    text = _long_line(100_000)
    took, _ = _run_report_in_subprocess(tmp_path, text, timeout=60)
    assert took < 60


@pytest.mark.slow
def test_one_line_of_10000_characters_without_punctuation(tmp_path, capsys):
    """The same shape at a tenth of the size completes (guards the fix of the case above)."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    text = _long_line(10_000)
    write(raw / "line.txt", text)
    rc, err = extract(raw, out, capsys=capsys)
    assert rc == 0, err
    assert check_report_folder(out / "line") == text
    assert mentions(out / "line", "PERSON")


def _million_character_report() -> str:
    rnd = random.Random(5)
    paras, size = [], 0
    while size < 1_000_000:
        p = "".join(rnd.choice(SENTENCES) for _ in range(rnd.randint(3, 9)))
        paras.append(p)
        size += len(p) + 1
    return "\n".join(paras)[:1_000_000] + "\n"


@pytest.mark.slow
def test_a_report_of_a_million_characters(tmp_path):
    text = _million_character_report()
    assert len(text) > 1_000_000
    _run_report_in_subprocess(tmp_path, text, timeout=300)


# ------------------------------------------------------------------------ script and language mixes
def test_simplified_chinese_and_mixed_english_reports(tmp_path, capsys):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    simplified = (
        "国务院总理李强今天表示，约有三百人参加会议。\n"
        "外交部长王毅建议各部门应加强合作，推动经济发展。\n"
        "记者张小明报道\n"
    )
    mixed = (
        "APEC Secretariat Executive Director Maria Gonzalez said on Monday that over 20 economies joined.\n"
        "外交部長王小明與ABAC代表John Smith會面，雙方同意加強合作。\n"
        "Dr. Lee建議 Taiwan應該 increase investment by 15%.\n"
        "臺灣大學教授陳大文指出，逾40個部會參與。\n"
    )
    write(raw / "simplified_utf8.txt", simplified)
    write(raw / "simplified_gb.txt", simplified, "gb18030")
    write(raw / "mixed.txt", mixed)
    rc, err = extract(raw, out, capsys=capsys)
    assert rc == 0, err
    for doc_id in ("simplified_utf8", "simplified_gb"):
        # output stays in the report's own script: never the traditional form, never the shadow
        assert check_report_folder(out / doc_id) == simplified
        names = {m["text"] for m in mentions(out / doc_id, "PERSON")}
        assert {"王毅", "张小明"} <= names, names
    assert check_report_folder(out / "mixed") == mixed
    names = {m["text"] for m in mentions(out / "mixed", "PERSON")}
    assert "王小明" in names and "陳大文" in names, names


# -------------------------------------------------------------------------------------- file names
def test_file_names_with_spaces_cjk_and_shell_metacharacters(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    names = ["a b.txt", "報告 (1).txt", "x;rm -rf y$(z).txt", "it's `ls` & <b>|\"q\".txt", "-rf.txt", "*.txt"]
    for n in names:
        write(raw / n, GOOD)
    before = set(os.listdir(tmp_path))
    proc = extract_subprocess(raw, out, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert set(os.listdir(tmp_path)) == before | {"out"}  # nothing ran, nothing appeared beside OUT
    assert sorted(p.name for p in report_dirs(out)) == sorted(n[: -len(".txt")] for n in names)
    for n in names:
        folder = out / n[: -len(".txt")]
        assert check_report_folder(folder) == GOOD
        # "-rf" is written as "'-rf": a cell starting with - is neutralised for spreadsheets
        assert all(cell_matches(r["doc_id"], folder.name) for r in mentions(folder))
    corpus = {r["doc_id"] for r in read_csv(out / "mentions.csv")}
    assert corpus == {n[: -len(".txt")] for n in names} - {"-rf"} | {"'-rf"}


def test_file_name_that_is_not_valid_utf8(tmp_path, capsys):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    bad = os.fsdecode(b"r\xff\xfe report.txt")
    write(raw / bad, GOOD)
    rnd = random.Random(2)
    # fails: its error row, naming an undecodable file name, must still be writable
    (raw / "binary\udcff.txt").write_bytes(bytes(rnd.randrange(256) for _ in range(2000)))
    (raw / "pairs.txt").write_bytes(b"\x00\x01\x02\x03" * 100)  # NULs in a UTF-16 pattern, but not text
    rc, err = extract(raw, out, capsys=capsys)
    assert rc == 1
    assert check_report_folder(out / "r__ report") == GOOD
    rows = errors_csv(out)
    assert [r["doc_id"] for r in rows] == ["binary_", "pairs"]
    assert all("binary file" in r["error"] for r in rows)
    assert rows[0]["file"] == str(raw) + "/binary\\xff.txt"  # the undecodable byte, visibly escaped


# -------------------------------------------------------------------------------- unreadable files
def test_unreadable_files(tmp_path, capsys):
    """Broken links and folders posing as reports fail with a reason; the others complete. (A chmod 000
    file is covered by the next test: tests run as root here, and root reads it anyway.)"""
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    write(raw / "good.txt", GOOD)
    (raw / "dangling.txt").symlink_to(tmp_path / "does-not-exist.txt")
    (tmp_path / "folder").mkdir()
    (raw / "folder.txt").symlink_to(tmp_path / "folder")
    os.mkfifo(tmp_path / "fifo")
    (raw / "pipe.txt").symlink_to(tmp_path / "fifo")  # reading it would block forever
    locked = write(raw / "locked.txt", GOOD)
    locked.chmod(0)
    rc, err = extract(raw, out, capsys=capsys)
    assert rc == 1
    failed = {r["doc_id"]: r["error"] for r in errors_csv(out)}
    assert failed["dangling"] == f"{raw / 'dangling.txt'}: cannot read file (no such file (a broken link, or it was removed))"
    assert failed["folder"] == f"{raw / 'folder.txt'}: not a regular file (a folder)"
    assert failed["pipe"] == f"{raw / 'pipe.txt'}: not a regular file (a device, pipe or socket)"
    for doc_id, msg in failed.items():
        assert f"error: {msg}" in err
        assert not (out / doc_id).exists()
    check_report_folder(out / "good")
    if os.geteuid() != 0:
        assert failed["locked"] == f"{locked}: cannot read file (permission denied)"
    # a later run with the links fixed builds them; a link that breaks again after a build is reported
    # and its earlier output removed (OUT mirrors what RAW can give)
    (raw / "dangling.txt").unlink()
    write(raw / "dangling.txt", GOOD)
    rc, err = extract(raw, out, capsys=capsys)
    check_report_folder(out / "dangling")
    (raw / "dangling.txt").unlink()
    (raw / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    rc, err = extract(raw, out, capsys=capsys)
    assert rc == 1 and f"{raw / 'dangling.txt'}: cannot read file" in err
    assert not (out / "dangling").exists()  # a report that now fails keeps no rows from its earlier version


def _without_read_override() -> list[str] | None:
    """A command prefix under which a chmod 000 file is really unreadable, or None."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    # root reads anything through CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH: drop both for the child
    caps = "-dac_override,-dac_read_search"
    prefix = [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}"]
    probe = subprocess.run(prefix + ["true"], capture_output=True)
    return prefix if probe.returncode == 0 else None


def test_permission_denied_file(tmp_path):
    """chmod 000. Tests run as root here, and root reads it anyway: then the pipeline runs without the
    capabilities that let root ignore file permissions, so the file really is unreadable."""
    prefix = _without_read_override()
    if prefix is None:
        pytest.skip("running as root and cannot drop CAP_DAC_OVERRIDE (no setpriv)")
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    write(raw / "good.txt", GOOD)
    locked = write(raw / "locked.txt", GOOD)
    locked.chmod(0)
    cmd = prefix + [sys.executable, "-m", "pipeline", "extract", "--raw", str(raw), "--out", str(out), "--quiet"]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr
    msg = f"{locked}: cannot read file (permission denied)"
    assert f"error: {msg}" in proc.stderr
    assert [(r["doc_id"], r["error"]) for r in errors_csv(out)] == [("locked", msg)]
    assert not (out / "locked").exists()
    check_report_folder(out / "good")
    assert "1 built, 0 up to date, 1 failed" in proc.stderr


# -------------------------------------------------------------------------------- doc_id traversal
def test_doc_id_cannot_escape_the_output_folder(tmp_path, capsys):
    from pipeline.runner import doc_id_for

    assert doc_id_for(Path("..txt")) == "_"
    assert doc_id_for(Path("...txt")) == "_"
    assert doc_id_for(Path("..")) == "_"
    assert doc_id_for(Path("..hidden.txt")) == "hidden"
    assert doc_id_for(Path("a\\..\\b.txt")) == "a_.._b"
    assert doc_id_for(Path("\x01\n.txt")) == "__"
    assert doc_id_for(Path(" .. .txt")) == "_"  # stripped, then the dots

    raw, out = tmp_path / "in" / "raw", tmp_path / "in" / "out"
    raw.mkdir(parents=True)
    for n in ("..txt", "...txt", "..hidden.txt", ". .txt", "a\\..\\b.txt"):
        write(raw / n, GOOD)
    write(raw / "good.txt", GOOD)
    outside_before = sorted(str(p) for p in tmp_path.rglob("*") if out not in p.parents and p != out)
    rc, err = extract(raw, out, capsys=capsys)
    assert rc == 0, err
    # hidden files (a leading dot) are not reports; the others land inside OUT under a safe name
    assert sorted(p.name for p in report_dirs(out)) == ["a_.._b", "good"]
    # one report given directly, hidden or not, gets a safe doc_id inside OUT
    for n in ("..txt", "...txt", "..hidden.txt", ". .txt"):
        rc, err = extract(raw / n, out, capsys=capsys)
        assert rc == 0, err
    assert sorted(p.name for p in report_dirs(out)) == ["_", "a_.._b", "good", "hidden"]
    for folder in report_dirs(out):
        assert folder.resolve().parent == out.resolve()
        check_report_folder(folder)
    outside_after = sorted(str(p) for p in tmp_path.rglob("*") if out not in p.parents and p != out)
    assert outside_after == outside_before


def test_doc_id_that_would_clash_with_the_run_s_own_files(tmp_path, capsys):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    for n in ("errors.csv.txt", "mentions.csv.txt", "good.txt"):
        write(raw / n, GOOD)
    write(raw / ("長" * 80 + ".txt"), GOOD)  # 240 bytes: a legal file name, too long for the temp folder name
    rc, err = extract(raw, out, capsys=capsys)
    assert rc == 1
    failed = {r["doc_id"]: r["error"] for r in errors_csv(out)}
    assert set(failed) == {"errors.csv", "mentions.csv", "長" * 80}
    assert "is taken by a file the run writes" in failed["errors.csv"]
    assert "too long" in failed["長" * 80]
    assert (out / "errors.csv").is_file() and (out / "mentions.csv").is_file()
    check_report_folder(out / "good")


# ------------------------------------------------------------------------- never lose or corrupt
def _kill_corpus(raw: Path, version: int) -> None:
    rnd = random.Random(version)
    for i in range(6):
        paras = ["".join(rnd.choice(SENTENCES) for _ in range(6)) for _ in range(6)]
        write(raw / f"r{i}.txt", f"第{version}版報告{i}\n" + "\n".join(paras) + "\n")


@pytest.mark.slow
def test_killing_a_run_at_any_moment_leaves_old_or_new_folders(tmp_path):
    raw_old, raw_new = tmp_path / "raw_old", tmp_path / "raw_new"
    raw_old.mkdir()
    raw_new.mkdir()
    _kill_corpus(raw_old, 1)
    _kill_corpus(raw_new, 2)
    out_old, out_new, out = tmp_path / "out_old", tmp_path / "out_new", tmp_path / "out"
    assert extract_subprocess(raw_old, out_old).returncode == 0
    t0 = time.monotonic()
    assert extract_subprocess(raw_new, out_new).returncode == 0
    full = time.monotonic() - t0
    old = {p.name: snapshot(p) for p in report_dirs(out_old)}
    new = {p.name: snapshot(p) for p in report_dirs(out_new)}
    assert set(old) == set(new) == {f"r{i}" for i in range(6)}
    for doc_id in old:  # fingerprints name the source file's path and mtime: compare the tables
        old[doc_id].pop(".fingerprint.json")
        new[doc_id].pop(".fingerprint.json")
    subprocess.run(["cp", "-a", str(out_old), str(out)], check=True)

    rnd = random.Random(11)
    # the first ~half of a run is start-up (imports, dictionaries); reports are written after that
    delays = sorted([full * f for f in (0.4, 0.6, 0.75, 0.9)] + [rnd.uniform(0.5, 1.0) * full for _ in range(3)])
    delays.append(None)  # last: kill right after the first report folder was swapped in
    seen = {"old": 0, "new": 0}
    for delay in delays:
        cmd = [sys.executable, "-m", "pipeline", "extract", "--raw", str(raw_new), "--out", str(out), "--quiet", "--force"]
        stamps = {f: f.stat().st_mtime_ns for f in out.glob("*/.fingerprint.json")}
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if delay is None:
            def swapped():
                try:  # a new fingerprint in place: that report's folder was swapped in whole
                    return any(f.stat().st_mtime_ns != t for f, t in stamps.items() if f.exists())
                except FileNotFoundError:
                    return False
            deadline = time.monotonic() + 10 * full
            while proc.poll() is None and not swapped() and time.monotonic() < deadline:
                time.sleep(0.002)
            delay = -1.0
        else:
            time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        dirs = report_dirs(out)
        assert {p.name for p in dirs} == set(old), f"killed after {delay:.2f}s: {sorted(p.name for p in dirs)}"
        for folder in dirs:
            check_report_folder(folder)
            snap = snapshot(folder)
            snap.pop(".fingerprint.json", None)
            if snap == old[folder.name]:
                seen["old"] += 1
            elif snap == new[folder.name]:
                seen["new"] += 1
            else:
                pytest.fail(f"killed after {delay:.2f}s: {folder} is neither the old nor the new version")
        for name in list(TABLES) + ["errors"]:
            if (out / f"{name}.csv").exists():
                read_csv(out / f"{name}.csv")  # corpus tables are replaced atomically too
    # the next run cleans up what the killed runs left and finishes the job
    proc = extract_subprocess(raw_new, out)
    assert proc.returncode == 0, proc.stderr
    assert not [p.name for p in out.iterdir() if p.name.startswith((".tmp-", ".old-"))]
    for folder in report_dirs(out):
        snap = snapshot(folder)
        snap.pop(".fingerprint.json")
        assert snap == new[folder.name]
    assert seen["new"] > 0  # some kills landed after reports were replaced


def test_interrupted_swap_is_repaired_by_the_next_run(tmp_path, capsys):
    """Killed between the two renames of the fallback swap: only .old-<doc_id>-<pid> is left; the next
    run puts the old version back, then rebuilds."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    write(raw / "r.txt", GOOD)
    assert extract(raw, out, capsys=capsys)[0] == 0
    before = snapshot(out / "r")
    os.rename(out / "r", out / ".old-r-99999")
    (out / ".tmp-r-99999").mkdir()
    (out / ".tmp-r-99999" / "text.txt").write_text("half")
    from pipeline.write import clean_leftovers

    clean_leftovers(out)
    assert snapshot(out / "r") == before
    assert not (out / ".tmp-r-99999").exists()


def stable_snapshot(out: Path) -> dict[str, bytes]:
    """snapshot(out), the DuckDB file compared by its contents: its bytes carry a fresh header on
    every write, its tables and rows must be the same."""
    import duckdb

    snap = snapshot(out)
    if "extraction.duckdb" in snap:
        con = duckdb.connect(str(out / "extraction.duckdb"), read_only=True)
        try:
            names = con.execute("SELECT schema_name, table_name FROM duckdb_tables() ORDER BY 1, 2").fetchall()
            snap["extraction.duckdb"] = repr([(n, sorted(map(repr, con.execute(f'SELECT * FROM "{n[0]}"."{n[1]}"').fetchall())))
                                              for n in names]).encode()
        finally:
            con.close()
    return snap


def test_reruns_are_byte_identical_and_unchanged_input_does_no_work(tmp_path, capsys):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    _kill_corpus(raw, 3)
    write(raw / "emoji.txt", "😀𠀋外交部長王小明今天表示，約有三百人參加。\n")
    write(raw / "big5.txt", GOOD, "cp950")
    (raw / "bad.txt").write_bytes(bytes(range(256)) * 4)
    rc, err = extract(raw, out, "--force", capsys=capsys)
    assert rc == 1 and "8 built, 0 up to date, 1 failed" in err
    first = stable_snapshot(out)
    rc, err = extract(raw, out, "--force", capsys=capsys)
    assert rc == 1 and "8 built, 0 up to date, 1 failed" in err
    assert stable_snapshot(out) == first
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    time.sleep(0.01)
    rc, err = extract(raw, out, capsys=capsys)
    assert "0 built, 8 up to date, 1 failed" in err
    # no report folder and no corpus table is rewritten (errors.csv is: it lists this run's failures)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.name != "errors.csv"} == {
        p: t for p, t in stamps.items() if p.name != "errors.csv"
    }
    assert stable_snapshot(out) == first
    # the CLI too, in a fresh process
    proc = extract_subprocess(raw, out)
    assert "0 built, 8 up to date, 1 failed" in proc.stderr and proc.returncode == 1
    assert stable_snapshot(out) == first


# ------------------------------------------------------------------------------- property test
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_FRAGMENTS = [
    "王小明", "陳大文", "林美玲", "歐陽志明", "Maria Gonzalez", "布興.大立", "張", "李",
    "部長", "教授", "局長", "記者", "董事長", "副司長", "執行長", "立法委員", "計畫主持人", "主持人", "前",
    "外交部", "臺灣大學", "經濟部國際貿易署", "台經院", "APEC", "ABAC", "本中心",
    "0", "3", "15", "40", "2025", "1,200", "3.5", "三", "百", "十餘", "兩", "四", "萬", "億", "零",
    "個", "位", "人次", "場", "%", "成", "美元", "年", "歲", "逾", "約", "超過", "以上", "不到", "近", "到", "-",
    "建議", "呼籲", "鼓勵", "提醒", "應", "務必", "表示", "指出", "說", "他", "她", "本人", "兼", "暨", "及", "、",
    "。", "，", "！", "？", "；", "：", "「", "」", "（", "）", "(", ")", "…", "■", ".", "=", "+", "@",
    "\n", "\n\n", "\r\n", " ", "\u3000", "\t",
    "😀", "🇹🇼", "👩‍👩‍👧", "𠀋", "𪚥", "\x00", "\ufeff", "\ufffd", "é",
]
_text = st.lists(
    st.one_of(st.sampled_from(_FRAGMENTS), st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), max_size=3)),
    max_size=60,
).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None, derandomize=True)
@given(_text)
def test_property_offsets_slice_to_text(text):
    from pipeline.ingest import ingest
    from pipeline.nlp import process
    from pipeline.write import render, tables_from_doc

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "gen.txt"
        path.write_bytes(text.encode("utf-8"))
        try:
            report = ingest(path, "gen")
        except ReportError as err:
            # only text made mostly of NUL/control characters may be refused, and then as binary
            data = text.encode("utf-8")
            controls = sum(1 for b in data if b < 32 and b not in (9, 10, 13))
            assert "binary file" in err.reason and controls / len(data) > 0.05, err
            return
        expected = text[1:] if text.startswith("\ufeff") else text  # a leading U+FEFF is read as the BOM
        assert report.text == expected.replace("\r\n", "\n").replace("\r", "\n")
        doc = process(report)
        tables = tables_from_doc(doc)
        check_tables_offsets(tables, report.text)
        files = render(doc)
        assert files["text.txt"].decode("utf-8") == report.text
        for name in TABLES:
            assert f"{name}.csv" in files


# ------------------------------------------------------------------------------------- no network
def test_pipeline_runs_with_network_blocked(tmp_path, monkeypatch):
    from pipeline.ingest import ingest
    from pipeline.nlp import get_nlp, process
    from pipeline.write import render

    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    get_nlp.cache_clear()  # build the models again with the network blocked
    try:
        path = write(tmp_path / "r.txt", GOOD)
        doc = process(ingest(path, "r"))
        files = render(doc)
        assert "王小明".encode() in files["people.csv"]
    finally:
        get_nlp.cache_clear()


def test_cli_runs_with_network_blocked_from_the_start(tmp_path):
    """A fresh process whose sockets refuse to connect before anything of the pipeline is imported."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    write(raw / "r.txt", GOOD)
    code = (
        "import socket, sys, runpy\n"
        "def refuse(*a, **k):\n"
        "    raise OSError('network access attempted: %r' % (a,))\n"
        "socket.socket.connect = refuse\nsocket.socket.connect_ex = refuse\n"
        "socket.create_connection = refuse\nsocket.getaddrinfo = refuse\n"
        f"sys.argv = ['pipeline', 'extract', '--raw', {str(raw)!r}, '--out', {str(out)!r}, '--quiet']\n"
        "runpy.run_module('pipeline', run_name='__main__')\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "network access attempted" not in proc.stderr
    check_report_folder(out / "r")
