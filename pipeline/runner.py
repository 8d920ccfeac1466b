"""Run the pipeline over a folder of reports: only changed reports, one bad report never stops the
others, failures listed in errors.csv, and the exit status says whether anything failed."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

from .config import CONFIG_DIR, ROOT
from .errors import ReportError
from .readers import SUPPORTED

PIPELINE_DIR = Path(__file__).resolve().parent


@dataclass
class Job:
    path: Path
    doc_id: str


@dataclass
class Outcome:
    doc_id: str
    path: str
    ok: bool
    message: str = ""
    skipped: bool = False


def code_fingerprint() -> str:
    """Hash of everything that changes the output: code, configs, pinned dependencies, and the
    segmenter and learned tagger chosen for this run (PIPELINE_SEGMENTER and PIPELINE_LEARNED_TAGGER
    override configs/pipeline.yml)."""
    h = hashlib.sha256()
    h.update(os.environ.get("PIPELINE_SEGMENTER", "").encode())
    h.update(os.environ.get("PIPELINE_LEARNED_TAGGER", "").encode())
    files = sorted(PIPELINE_DIR.rglob("*.py")) + sorted(CONFIG_DIR.glob("*"))
    lock = ROOT / "requirements.lock"
    if lock.exists():
        files.append(lock)
    for f in files:
        if f.is_file():
            h.update(str(f.relative_to(ROOT)).encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


_UNSAFE = re.compile(r"[\x00-\x1f/\\]")


def _printable(s: str, bad: str = "_") -> str:
    """File names need not be valid UTF-8 on Linux: undecodable bytes (surrogate escapes) become `bad`,
    or a visible escape such as \\xff when bad is None, so the name can be written and printed."""
    raw = s.encode("utf-8", "surrogateescape")
    if bad is None:
        return raw.decode("utf-8", "backslashreplace")
    return raw.decode("utf-8", "replace").replace("\ufffd", bad)


def doc_id_for(path: Path) -> str:
    """doc_id is the file stem, made safe: it can never name a path outside the output folder."""
    stem = _printable(path.stem)
    stem = _UNSAFE.sub("_", stem).strip()
    stem = stem.lstrip(".") or "_"
    return stem


# files the run itself writes into OUT: a report folder with one of these names would clash with them
RESERVED_NAMES = {"errors.csv", "evaluation.csv", "evaluation.md", "evaluation.html", "reports.csv", "registry",
                  "extraction.duckdb", "index.html", "people.html", "agencies.html"}
MAX_DOC_ID_BYTES = 200  # leaves room for the ".tmp-<doc_id>-<pid>" folder within the 255-byte name limit


def doc_id_problem(doc_id: str, out: Path) -> str | None:
    """Why doc_id cannot name a folder in OUT, or None."""
    from .write import TABLES

    reserved = RESERVED_NAMES | {f"{name}.csv" for name in TABLES}
    if doc_id in reserved or ((out / doc_id).exists() and not (out / doc_id).is_dir()):
        return f"the name {doc_id!r} is taken by a file the run writes into {out}; rename the report"
    if len(doc_id.encode("utf-8", "surrogateescape")) > MAX_DOC_ID_BYTES:
        return f"the file name is too long for an output folder (over {MAX_DOC_ID_BYTES} bytes); shorten it"
    return None


def list_reports(raw: Path) -> list[Path]:
    if raw.is_file():
        return [raw]
    if not raw.is_dir():
        raise ReportError(raw, "input folder does not exist")
    return sorted(p for p in raw.iterdir() if not p.name.startswith(".") and (p.is_file() or p.is_symlink()))


def plan(raw: Path, out: Path, force: bool = False) -> tuple[list[Job], list[Outcome], str]:
    """Which reports need work. Cheap: no NLP imports, just hashes."""
    code = code_fingerprint()
    jobs, done = [], []
    seen: dict[str, Path] = {}
    for path in list_reports(raw):
        doc_id = doc_id_for(path)
        if doc_id in seen:
            done.append(Outcome(doc_id, str(path), False, f"{path}: same doc_id as {seen[doc_id].name}; rename one of them"))
            continue
        seen[doc_id] = path
        problem = doc_id_problem(doc_id, out)
        if problem:
            done.append(Outcome(doc_id, str(path), False, f"{path}: {problem}"))
            continue
        if path.suffix.lower() not in SUPPORTED:
            done.append(Outcome(doc_id, str(path), False, f"{path}: unsupported file type {path.suffix!r}"))
            continue
        if not force and _up_to_date(path, out / doc_id, code):
            done.append(Outcome(doc_id, str(path), True, skipped=True))
            continue
        jobs.append(Job(path, doc_id))
    return jobs, done, code


def _source_hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _up_to_date(path: Path, folder: Path, code: str) -> bool:
    fp = folder / ".fingerprint.json"
    if not fp.exists():
        return False
    try:
        data = json.loads(fp.read_text())
    except (OSError, ValueError):
        return False
    if data.get("code") != code:
        return False
    try:
        st = path.stat()
    except OSError:  # a broken link or a vanished file: let the job report it
        return False
    if data.get("size") == st.st_size and data.get("mtime_ns") == st.st_mtime_ns:
        return True
    return data.get("source") == _source_hash(path)


def analyse(path: Path, doc_id: str, data: bytes | None = None) -> tuple[dict[str, bytes], str]:
    """Ingest → segment → recognise → link → extract → render for one report: its output files and its
    warnings. Raises ReportError naming the file (`data`: the bytes, when read elsewhere)."""
    from .ingest import ingest
    from .nlp import process
    from .write import render

    report = ingest(path, doc_id, data)
    files = render(process(report))
    return files, "; ".join(m for _, m in report.warnings)


def failure_message(path, err: BaseException) -> str:
    """What a failed report's row in errors.csv says: the file and the problem, never a traceback."""
    if isinstance(err, ReportError):
        return str(err)
    if isinstance(err, MemoryError):
        return f"{path}: out of memory"
    tb = traceback.extract_tb(err.__traceback__)[-1] if err.__traceback__ else None
    where = f" ({Path(tb.filename).name}:{tb.lineno})" if tb else ""
    return f"{path}: internal error {type(err).__name__}: {err}{where}"


def source_fingerprint(path: Path, code: str, data: bytes | None = None) -> dict:
    """What .fingerprint.json records, so that an unchanged report is skipped next time."""
    st = path.stat()
    source = hashlib.sha256(data).hexdigest() if data is not None else _source_hash(path)
    return {"code": code, "source": source, "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def process_job(job: Job, out: Path, code: str) -> Outcome:
    """Analyse one report and swap its folder into OUT; never raises (one bad report never stops the others)."""
    from .write import write_report_dir

    try:
        files, warn = analyse(job.path, job.doc_id)
        write_report_dir(out, job.doc_id, files, source_fingerprint(job.path, code))
        return Outcome(job.doc_id, str(job.path), True, warn)
    except Exception as err:
        return Outcome(job.doc_id, str(job.path), False, failure_message(job.path, err))


def run(raw: Path, out: Path, workers: int = 1, force: bool = False, progress: bool | None = None,
        engine: str = "local", scheduler: str | None = None) -> list[Outcome]:
    """Extract every new or changed report of RAW into OUT. `engine` runs the jobs: "local" (this machine,
    `workers` processes) or "dask" (a dask.distributed cluster at `scheduler`, or a LocalCluster of
    `workers` processes); whichever runs them, this process plans the run and writes OUT."""
    from .engines import execute
    from .write import clean_leftovers

    out.mkdir(parents=True, exist_ok=True)
    clean_leftovers(out)
    jobs, outcomes, code = plan(raw, out, force)
    # a folder of reports is mirrored; a single report file given as RAW leaves the others alone
    removed = remove_stale(out, {j.doc_id for j in jobs} | {o.doc_id for o in outcomes}) if raw.is_dir() else []
    if progress is None:
        progress = sys.stderr.isatty()
    if jobs:
        from tqdm import tqdm

        bar = tqdm(total=len(jobs), unit="report", disable=not progress or len(jobs) < 2, file=sys.stderr)
        for o in execute(engine, jobs, out, code, workers=workers, scheduler=scheduler):
            outcomes.append(o)
            bar.update()
        bar.close()
    for o in outcomes:  # undecodable bytes in file names must not stop errors.csv or the report to the user
        o.path, o.message = _printable(o.path, None), _printable(o.message, None)
    outcomes.sort(key=lambda o: o.doc_id)
    write_errors(out, outcomes)
    # a report that fails now keeps no rows from an earlier version
    removed += [d for d in (_drop_folder(out, o.doc_id) for o in outcomes if not o.ok) if d]
    rebuilt = [o.doc_id for o in outcomes if o.ok and not o.skipped]
    if jobs:
        from .memory import release_models

        release_models()  # the corpus-wide steps below reuse the models' memory: the peak stays flat
    # corpus tables change only when a report folder was (re)built or removed
    if rebuilt or removed or not (out / "mentions.csv").exists():
        from .corpus import write_corpus_tables

        write_corpus_tables(out)
    if rebuilt or removed or not (out / "extraction.duckdb").exists() or not (out / "registry").is_dir():
        failure = build_across_reports(out)
        if failure:
            outcomes.append(failure)
    if (rebuilt or removed) and (out / "index.html").exists():
        from .review import refresh_review

        refresh_review(out, rebuilt)  # the index never links a review page that is gone
    if any(o.ok and not o.skipped for o in outcomes):
        os.sync()  # one flush for the run: folders are swapped in atomically, this makes them durable
    return outcomes


def build_across_reports(out: Path) -> Outcome | None:
    """The registry and the database, from the report folders already written. A failure here never
    touches those folders: it is reported (the run exits non-zero) and the next run tries again."""
    try:
        from .registry.build import write_registry
        from .registry.database import build_database

        write_registry(out)
        build_database(out)
        return None
    except Exception as err:  # the per-report outputs stay; only the corpus-wide views are stale
        db = out / "extraction.duckdb"
        if db.exists():
            db.unlink()  # never leave a database that disagrees with the report folders
        tb = traceback.extract_tb(err.__traceback__)[-1]
        return Outcome("registry", str(out / "registry"), False,
                       f"registry and database not rebuilt ({type(err).__name__}: {err}, {Path(tb.filename).name}:{tb.lineno}); "
                       "the report folders and corpus tables are complete")


def _drop_folder(out: Path, doc_id: str) -> str | None:
    """Remove OUT/doc_id if the pipeline wrote it (it has a fingerprint); return doc_id if removed."""
    folder = out / doc_id
    if folder.is_dir() and (folder / ".fingerprint.json").exists():
        shutil.rmtree(folder)
        return doc_id
    return None


def remove_stale(out: Path, current: set[str]) -> list[str]:
    """Report folders whose report is no longer in RAW are removed, with a message: OUT mirrors RAW."""
    removed = []
    for folder in sorted(p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if folder.name not in current and _drop_folder(out, folder.name):
            print(f"removed {folder}: its report is no longer in the input folder", file=sys.stderr)
            removed.append(folder.name)
    return removed


def write_errors(out: Path, outcomes: list[Outcome]) -> None:
    from .write import csv_bytes

    rows = [{"doc_id": o.doc_id, "file": o.path, "error": o.message} for o in outcomes if not o.ok]
    data = csv_bytes(["doc_id", "file", "error"], rows)
    tmp = out / ".errors.csv.tmp"
    tmp.write_bytes(data)
    os.replace(tmp, out / "errors.csv")
