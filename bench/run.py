"""Speed and memory benchmark (issue 8): `make bench`, or `.venv/bin/python bench/run.py [--quick]`.

Builds a realistic corpus from the reports in raw/ (synthetic reports assembled from runs of real
paragraphs, deterministic for a seed) at several sizes under bench/corpus/, then measures in one run:

- end to end: `python -m pipeline extract --force --quiet` as a subprocess (wall time, characters per
  second, peak RSS of that process tree through wait4), with 1 and 2 workers;
- the yardstick: jieba.posseg alone over the same text in a fresh subprocess, with and without its
  dictionary load;
- time per stage in-process (ingest, segment = nlp.make_doc, each spaCy component, write = render, and
  the atomic folder write), plus the in-process end-to-end run through pipeline.runner.run;
- a no-op rerun (nothing changed) and one new report added to a warm output folder;
- a pyinstrument profile of the in-process pipeline (top hot spots), when pyinstrument is installed.

Wall and CPU time are both recorded, with the load that other processes put on the machine, because a
shared machine makes wall times (the 2-worker speed-up above all) pessimistic. The pipeline under test is
a snapshot of pipeline/ and configs/ taken at the start (bench/corpus/code; --no-snapshot to skip), so
edits made while the benchmark runs cannot change the code fingerprint half-way. When configs/pipeline.yml
selects pkuseg, pkuseg alone is measured as well.

Writes bench/results.md (--quick: bench/corpus/results-quick.md). Numbers are ratios on this machine,
not absolute claims.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
CORPUS = BENCH / "corpus"
RAW = ROOT / "raw"
PY = sys.executable

DASK_ROUNDS = 3  # alternating runs of the local and the Dask engine with 2 workers (medians compared)

TARGETS = {
    "ratio": 2.0,  # pipeline time / jieba.posseg time
    "dask": 0.9,  # Dask engine (2-worker LocalCluster) throughput / local engine with 2 workers
    "huge_rss_mb": 600.0,  # one report of 1,000,000 characters
    "speedup": 1.7,  # 2 workers vs 1
    "rss_mb": 600.0,
    "rss_flat": 1.10,  # peak RSS at the largest size / at 100 reports
    "noop_s": 1.0,
    "one_new_s": 3.0,
}


# ----------------------------------------------------------------------------------------- corpus
def _source_paragraphs(raw: Path) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """(name, text, paragraph spans) for each report in raw/; a paragraph is a non-blank line."""
    out = []
    for f in sorted(raw.glob("*.txt")):
        text = f.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
        spans, pos = [], 0
        for line in text.split("\n"):
            if line.strip():
                spans.append((pos, pos + len(line)))
            pos += len(line) + 1
        if len(spans) >= 2:
            out.append((f.stem, text, spans))
    if not out:
        raise SystemExit(f"bench: no reports with text in {raw}")
    return out


def synth_report(rng: random.Random, sources, target_chars: int) -> str:
    """A title line from one source, then runs of 1–4 consecutive real paragraphs (with the text
    between them as written: page-break splits and spacing survive) until target_chars is reached."""
    name, text, spans = rng.choice(sources)
    parts = [text[spans[0][0] : spans[0][1]]]
    total = len(parts[0])
    while total < target_chars:
        name, text, spans = rng.choice(sources)
        if len(spans) < 2:
            continue
        i = rng.randrange(1, len(spans))
        j = min(len(spans) - 1, i + rng.randrange(0, 4))
        chunk = text[spans[i][0] : spans[j][1]]
        parts.append(chunk)
        total += len(chunk)
    return "\n\n".join(parts) + "\n"


def build_corpus(n: int, seed: int, max_chars: int | None, sources, lengths: list[int]) -> tuple[Path, int]:
    """bench/corpus/raw-<n>/r0001.txt …; returns (folder, total characters). Deterministic: the i-th
    report depends only on (seed, i), so the 100-report corpus is the first 100 of the 1,000."""
    folder = CORPUS / f"raw-{n}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    total = 0
    for i in range(1, n + 1):
        text = report_text(i, seed, max_chars, sources, lengths)
        (folder / f"r{i:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    return folder, total


def report_text(i: int, seed: int, max_chars: int | None, sources, lengths: list[int]) -> str:
    rng = random.Random(f"{seed}:{i}")
    target = int(rng.choice(lengths) * rng.uniform(0.8, 1.25))
    if max_chars:
        target = min(target, max_chars)
    return synth_report(rng, sources, target)


# ------------------------------------------------------------------------------- subprocess runs
def timed(cmd: list[str], env: dict | None = None, cwd: Path | None = None) -> dict:
    """Run cmd; wall time, exit status, peak RSS (MB) of the process and its waited-for children."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=cwd or CODE, env=env or _env())
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    return {"wall": wall, "rc": p.returncode, "rss_mb": ru.ru_maxrss / 1024, "stdout": stdout, "stderr": stderr,
            "cpu": ru.ru_utime + ru.ru_stime}


CODE = ROOT  # where the pipeline under test lives: the repo, or a snapshot of it (see snapshot_code)


def snapshot_code() -> Path:
    """Copy pipeline/, configs/ and the lock files to bench/corpus/code so that every measurement of one
    run sees the same code and configs even while the working tree is being edited (the runner's code
    fingerprint would otherwise change mid-run and turn the no-op rerun into a rebuild)."""
    dest = CORPUS / "code"
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    shutil.copytree(ROOT / "pipeline", dest / "pipeline", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copytree(ROOT / "configs", dest / "configs")
    for name in ("requirements.lock", "pyproject.toml"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, dest / name)
    if (ROOT / ".models").exists():
        os.symlink(ROOT / ".models", dest / ".models")
    return dest


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(CODE) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.setdefault("PYTHONHASHSEED", "0")
    env["TQDM_DISABLE"] = "1"
    return env


def extract(raw: Path, out: Path, workers: int = 1, force: bool = True, engine: str = "local") -> dict:
    cmd = [PY, "-m", "pipeline", "extract", "--quiet", "--raw", str(raw), "--out", str(out), "--workers", str(workers),
           "--engine", engine]
    if force:
        cmd.append("--force")
    r = timed(cmd)
    m = re.search(r"extract: (\d+) built, (\d+) up to date, (\d+) failed", r["stderr"])
    r["built"], r["skipped"], r["failed"] = (int(x) for x in m.groups()) if m else (-1, -1, -1)
    if r["rc"] not in (0, 1) or not m:
        raise SystemExit(f"bench: extract failed ({' '.join(cmd)}):\n{r['stderr'][-3000:]}")
    return r


def yardstick(raw: Path, simplified: bool = False, limit: int = 0) -> dict:
    cmd = [PY, str(Path(__file__).resolve()), "--_jieba", str(raw), "--_limit", str(limit)] + (["--_simplified"] if simplified else [])
    r = timed(cmd)
    if r["rc"] != 0:
        raise SystemExit(f"bench: jieba yardstick failed:\n{r['stderr'][-3000:]}")
    r.update(json.loads(r["stdout"].strip().splitlines()[-1]))
    return r


def helper(mode: str, raw: Path, extra: list[str] | None = None) -> dict:
    r = timed([PY, str(Path(__file__).resolve()), mode, str(raw)] + (extra or []))
    if r["rc"] != 0:
        raise SystemExit(f"bench: {mode} failed:\n{r['stderr'][-3000:]}")
    r.update(json.loads(r["stdout"].strip().splitlines()[-1]))
    return r


# ------------------------------------------------------------------- child modes (fresh processes)
def _texts(raw: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(raw.iterdir()) if p.is_file()]


def child_jieba(raw: Path, simplified: bool, limit: int = 0) -> None:
    """The yardstick: jieba.posseg alone (its default dictionary) over the same text."""
    t_start = time.perf_counter()
    texts = _texts(raw)
    if limit:
        texts = texts[:limit]
    if simplified:
        from pipeline.shadow import simplify

        texts = [simplify(t) for t in texts]
    t0 = time.perf_counter()
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.posseg.dt.tokenizer.initialize()
    t1 = time.perf_counter()
    n = 0
    for t in texts:
        for _ in jieba.posseg.cut(t):
            n += 1
    t2 = time.perf_counter()
    print(json.dumps({"load": t1 - t0, "cut": t2 - t1, "tokens": n, "chars": sum(map(len, texts)), "read": t0 - t_start}))


def child_pkuseg(raw: Path) -> None:
    """The configured segmenter alone when it is pkuseg: spacy_pkuseg over the simplified shadow."""
    texts = _texts(raw)
    from pipeline.config import ROOT as CODE_ROOT, settings
    from pipeline.shadow import simplify

    texts = [simplify(t) for t in texts]
    t0 = time.perf_counter()
    import spacy_pkuseg

    seg = spacy_pkuseg.pkuseg(model_name=str(CODE_ROOT / settings().get("pkuseg_model", ".models/pkuseg/default")))
    t1 = time.perf_counter()
    n = 0
    for t in texts:
        for line in t.split("\n"):
            if line.strip():
                n += len(seg.cut(line))
    t2 = time.perf_counter()
    print(json.dumps({"load": t1 - t0, "cut": t2 - t1, "tokens": n, "chars": sum(map(len, texts))}))


def child_stages(raw: Path, out: Path, repeats: int = 2) -> None:
    """Time each stage in-process over every report (models loaded first, outside the timings). The pass
    over the corpus is repeated and each stage keeps its smallest total, so that a burst of other load
    on the machine during one pass does not land on one stage."""
    t0 = time.perf_counter()
    from pipeline import nlp as pnlp
    from pipeline.ingest import ingest
    from pipeline.runner import code_fingerprint, doc_id_for, list_reports, run
    from pipeline.write import render, write_report_dir

    t_import = time.perf_counter() - t0
    t0 = time.perf_counter()
    nlp = pnlp.get_nlp()
    paths = list_reports(raw)
    warm = pnlp.make_doc(ingest(paths[0], "warm-up"))  # the first report once: triggers every lazy load
    for _, proc in nlp.pipeline:
        warm = proc(warm)
    render(warm)
    t_load = time.perf_counter() - t0

    names = [n for n, _ in nlp.pipeline]
    keys = ["ingest", "segment (make_doc)", "  of which simplify", "  of which segmenter cut", *names,
            "write: render", "write: folder to disk"]
    from pipeline.shadow import simplify

    try:  # the segmenter on its own, as the tokenizer calls it (skipped if that internal API changes)
        from pipeline.segment import get_segmenter

        seg = get_segmenter()
        if not hasattr(seg, "segment"):
            seg = None
    except Exception:
        seg = None
    code = code_fingerprint()
    best: dict[str, float] = {}
    for _ in range(max(1, repeats)):
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        times, chars = _stage_pass(paths, pnlp, nlp, ingest, doc_id_for, render, write_report_dir, code, out, seg, simplify, keys)
        best = {k: min(v, best.get(k, v)) for k, v in times.items()}
    times = best

    # the same reports end to end in-process through the runner (models already loaded)
    shutil.rmtree(out, ignore_errors=True)
    t = time.perf_counter()
    outcomes = run(raw, out, workers=1, force=True, progress=False)
    t_run = time.perf_counter() - t
    failed = sum(not o.ok for o in outcomes)
    print(json.dumps({"import": t_import, "load": t_load, "stages": times, "run": t_run, "chars": chars,
                      "reports": len(paths), "failed": failed, "repeats": repeats}))


def _stage_pass(paths, pnlp, nlp, ingest, doc_id_for, render, write_report_dir, code, out, seg, simplify, keys):
    times = {k: 0.0 for k in keys}
    chars = 0
    for path in paths:
        t = time.perf_counter()
        report = ingest(path, doc_id_for(path))
        times["ingest"] += time.perf_counter() - t
        chars += len(report.text)
        t = time.perf_counter()
        doc = pnlp.make_doc(report)
        times["segment (make_doc)"] += time.perf_counter() - t
        for name, proc in nlp.pipeline:
            t = time.perf_counter()
            doc = proc(doc)
            times[name] += time.perf_counter() - t
        t = time.perf_counter()
        files = render(doc)
        times["write: render"] += time.perf_counter() - t
        t = time.perf_counter()
        write_report_dir(out, doc_id_for(path), files, {"code": code})
        times["write: folder to disk"] += time.perf_counter() - t
        # the parts of the segment stage (repeated here, outside the stage timings)
        t = time.perf_counter()
        shadow = simplify(report.analysis)
        times["  of which simplify"] += time.perf_counter() - t
        if seg is not None:
            t = time.perf_counter()
            for line in shadow.split("\n"):
                if line:
                    for _ in seg.segment(line):
                        pass
            times["  of which segmenter cut"] += time.perf_counter() - t
    return times, chars


def child_corpus(out: Path) -> None:
    """Corpus-level steps that runner.run does after the reports, timed on a finished output folder:
    the corpus tables, the registry and the database (and the workbook, when the pipeline has one). Their cost grows with the corpus,
    so it decides the one-new-report time and the memory of large runs."""
    import resource

    res = {}
    from pipeline.corpus import write_corpus_tables

    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    write_corpus_tables(out)
    res["corpus tables"] = time.perf_counter() - t
    try:
        from pipeline.workbook import write_workbook
    except ImportError:
        write_workbook = None
    if write_workbook is not None:
        t = time.perf_counter()
        write_workbook(out)
        res["workbook"] = time.perf_counter() - t
    try:
        from pipeline.registry.build import write_registry
        from pipeline.registry.database import build_database
    except ImportError:
        write_registry = None
    if write_registry is not None:  # the registry and the database follow every run that changed a report
        t = time.perf_counter()
        write_registry(out)
        res["registry"] = time.perf_counter() - t
        t = time.perf_counter()
        build_database(out)
        res["database"] = time.perf_counter() - t
    grow = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024
    print(json.dumps({"steps": res, "rss_growth_mb": grow}))


def child_profile(raw: Path, out: Path, html: Path, txt: Path, top: int) -> None:
    """pyinstrument over a cold in-process run (imports and model loads included) of the runner."""
    from pyinstrument import Profiler

    prof = Profiler(interval=0.001)
    prof.start()
    from pipeline.runner import run

    run(raw, out, workers=1, force=True, progress=False)
    prof.stop()
    html.write_text(prof.output_html(), encoding="utf-8")
    txt.write_text(prof.output_text(unicode=True, color=False, show_all=False), encoding="utf-8")
    root = prof.last_session.root_frame()
    total = root.time if root else 0.0
    print(json.dumps({"total": total, **hot_spots(root, top)}))


def _frame_key(f) -> tuple[str, str]:
    path = f.file_path or ""
    if "site-packages/" in path:
        short = path.rsplit("site-packages/", 1)[1]
    elif "/pipeline/" in path:
        short = "pipeline/" + path.rsplit("/pipeline/", 1)[1]
    elif path.endswith(".pxd") or path.endswith(".pyx"):
        short = path  # Cython (spaCy) files are reported relative already
    else:
        short = Path(path).name if path else ""
    return f.function, f"{short}:{f.line_no}" if short else ""


def hot_spots(root, top: int) -> dict:
    """Self time per function, summed over every place it appears in the tree.

    Self time is what a sampling profiler attributes reliably here. Call chains are not: spaCy's Cython
    modules are compiled with profiling hooks (Python < 3.12), so under a setprofile-based profiler each
    Cython call builds a frame with no link to its caller; samples taken below one land at the root of
    the tree. So inclusive times would be wrong, and the thread root's own samples are "unattributed".
    """
    self_t: dict = {}
    unattributed = 0.0

    def own(f) -> float:
        return sum(c.time for c in f.children if c.is_synthetic) + max(0.0, f.time - sum(c.time for c in f.children))

    stack = [root] if root is not None else []
    while stack:
        f = stack.pop()
        stack.extend(f.children)
        if f.is_synthetic:
            continue
        if f is root and (f.file_path or "").startswith("<thread>") or f.function == "MainThread":
            unattributed += own(f)
            continue
        key = _frame_key(f)
        self_t[key] = self_t.get(key, 0.0) + own(f)
    by_self = sorted(self_t.items(), key=lambda kv: -kv[1])[:top]
    ours = sorted(((k, v) for k, v in self_t.items() if k[1].startswith("pipeline/")), key=lambda kv: -kv[1])[:top]
    return {"self": [[f, loc, t] for (f, loc), t in by_self], "pipeline": [[f, loc, t] for (f, loc), t in ours],
            "unattributed": unattributed}


# ------------------------------------------------------------------------------------ reporting
def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    seg = "jieba"
    cfg = ROOT / "configs" / "pipeline.yml"
    if cfg.exists():
        m = re.search(r"^segmenter:\s*([a-z]+)", cfg.read_text(encoding="utf-8"), re.M)
        if m:
            seg = m.group(1)
    vers = {}
    for pkg in ("jieba", "spacy", "OpenCC", "pyinstrument"):
        try:
            from importlib.metadata import version

            vers[pkg] = version(pkg)
        except Exception:
            vers[pkg] = "not installed"
    return {"nproc": os.cpu_count(), "cpu": cpu or platform.processor() or "?", "mem": mem or "?",
            "python": platform.python_version(), "os": f"{platform.system()} {platform.release()}",
            "segmenter": seg, "versions": vers}


def ok(flag: bool) -> str:
    return "yes" if flag else "**no**"


def fmt_s(x: float) -> str:
    return f"{x:.2f} s" if x >= 0.1 else f"{x * 1000:.0f} ms"


def write_results(path: Path, info: dict, args, res: dict) -> str:
    L: list[str] = []
    add = L.append
    m = info["machine"]
    add("# Benchmark results (issue 8)")
    add("")
    add(f"Generated by `bench/run.py{' --quick' if args.quick else ''}` on {info['date']} in {res['elapsed']:.0f} s, code "
        f"{info['git']}{' (measured on a snapshot copied at the start of the run)' if info['snapshot'] else ''}. "
        "Numbers are ratios on this machine, not absolute claims.")
    add("")
    add("## Machine")
    add("")
    add(f"- {m['nproc']} CPUs (`nproc`), {m['cpu']}, {m['mem']} memory, {m['os']}")
    add(f"- Python {m['python']}; " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()))
    add(f"- segmenter (configs/pipeline.yml): **{m['segmenter']}**")
    fc = res.get("foreign_cpu")
    add(f"- load average at start / end: {info['load_start']} / {info.get('load_end', '?')}"
        + (f"; other processes used on average {fc:.2f} of the {m['nproc']} CPUs during the run" if fc is not None else ""))
    if fc is not None and fc > 0.25:
        add("")
        add(f"**Caution:** other processes kept about {fc:.1f} CPUs busy while this ran, so wall times (most of all the "
            "2-worker speed-up) are pessimistic; rerun on an idle machine for the closing note.")
    add("")
    add("## Corpus")
    add("")
    add(f"Synthetic reports assembled from runs of 1–4 consecutive real paragraphs of the {res['n_sources']} reports in "
        f"`raw/` (the title line of one report, then paragraph runs with their original separators, so page-break splits and "
        f"spaced-out words survive), seed {args.seed}; each report's length is drawn from the real reports' lengths (×0.8–1.25). "
        "The i-th report depends only on (seed, i), so each corpus is a prefix of the larger ones. Written to "
        "`bench/corpus/raw-N/` (gitignored).")
    if args.max_chars_large:
        add(f"Reports of corpora with more than {args.large_from} reports are capped at {args.max_chars_large} characters.")
    else:
        add("All sizes use full-length reports (no cap).")
    add("")
    add("| reports | characters | mean chars/report |")
    add("|---:|---:|---:|")
    for n, c in res["corpora"].items():
        add(f"| {n} | {c:,} | {c / int(n):,.0f} |")
    add("")

    add("## Results")
    add("")
    add("*Pipeline* = `python -m pipeline extract --force --quiet --workers W` in a fresh subprocess (interpreter start, imports, "
        "model loads, every report, corpus tables). *jieba.posseg* = the yardstick: `jieba.posseg.cut` with its default "
        "dictionary over the same reports' simplified shadow (`pipeline.shadow.simplify`, computed before timing: what the "
        "pipeline's tokenizer feeds the segmenter) in a fresh subprocess; *incl. load* is that subprocess's wall time, *excl. "
        "load* only the cut loop. *Peak RSS* = `ru_maxrss` from `wait4` on the subprocess (largest single process of its tree). "
        "*No-op* = the same command again without `--force`; *+1 new* = one more report beside the up-to-date ones, same output folder.")
    add("")
    add("| reports | chars | pipeline, 1 worker | chars/s | CPU time | peak RSS | jieba.posseg incl. load | excl. load "
        "| jieba chars/s (excl.) | CPU time | pipeline / jieba, wall (CPU) | pipeline, 2 workers | speed-up | CPUs busy, 1 / 2 workers "
        "| no-op rerun | +1 new report | failed |")
    add("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, r in res["sizes"].items():
        w1, j, w2 = r["w1"], r["jieba"], r.get("w2")
        noop = fmt_s(r["noop"]["wall"]) + ("" if r["noop"]["built"] == 0 else f" (rebuilt {r['noop']['built']}!)")
        two = fmt_s(w2["wall"]) if w2 else "–"
        speed = f"{w1['wall'] / w2['wall']:.2f}" if w2 else "–"
        busy = f"{w1['cpu'] / w1['wall']:.2f} / " + (f"{w2['cpu'] / w2['wall']:.2f}" if w2 else "–")
        add(f"| {n} | {r['chars']:,} | {fmt_s(w1['wall'])} | {r['chars'] / w1['wall']:,.0f} | {fmt_s(w1['cpu'])} | {w1['rss_mb']:.0f} MB "
            f"| {fmt_s(j['wall'])} | {fmt_s(j['cut'])} | {r['chars'] / j['cut']:,.0f} | {fmt_s(j['cpu'])} "
            f"| {w1['wall'] / j['wall']:.2f} ({w1['cpu'] / j['cpu']:.2f}) "
            f"| {two} | {speed} | {busy} | {noop} | {fmt_s(r['one']['wall'])} ({fmt_s(r['one']['cpu'])} CPU) | {w1['failed']} |")
    add("")

    big = res["largest"]
    rb = res["sizes"][big]
    st = res.get("stages")
    add("### Against the targets")
    add("")
    add("| target | measured | met |")
    add("|---|---|---|")
    ratio = rb["w1"]["wall"] / rb["jieba"]["wall"]
    add(f"| pipeline time ≤ {TARGETS['ratio']:.0f} × jieba.posseg time — end to end, {big} reports, both fresh processes incl. start-up "
        f"and loads | {ratio:.2f} × | {ok(ratio <= TARGETS['ratio'])} |")
    if rb.get("pkuseg"):
        rp = rb["w1"]["wall"] / rb["pkuseg"]["wall"]
        add(f"| pipeline time ≤ {TARGETS['ratio']:.0f} × the configured segmenter (pkuseg) alone, same text and conditions "
            f"({fmt_s(rb['pkuseg']['wall'])} incl. load, {fmt_s(rb['pkuseg']['cut'])} cut) | {rp:.2f} × | {ok(rp <= TARGETS['ratio'])} |")
    ratio_cpu = rb["w1"]["cpu"] / rb["jieba"]["cpu"]
    add(f"| same, by CPU time (user + sys of each process tree: less sensitive to other load on the machine) | {ratio_cpu:.2f} × "
        f"| {ok(ratio_cpu <= TARGETS['ratio'])} |")
    ratio_x = (rb["w1"]["wall"] - st["import"] - st["load"]) / rb["jieba"]["cut"] if st else None
    if st:
        add(f"| same, with start-up excluded on both sides (pipeline wall − its import and load time measured in-process; "
            f"jieba cut loop only) | {ratio_x:.2f} × | {ok(ratio_x <= TARGETS['ratio'])} |")
        ratio_warm = st["run"] / st["jieba_cut"]
        add(f"| same, warm in-process on {st['reports']} reports (`pipeline.runner.run` with models loaded / jieba cut loop) "
            f"| {ratio_warm:.2f} × | {ok(ratio_warm <= TARGETS['ratio'])} |")
    sp_key = res.get("speedup_size")
    if sp_key:
        r2 = res["sizes"][sp_key]
        sp = r2["w1"]["wall"] / r2["w2"]["wall"]
        add(f"| 2 workers ≥ {TARGETS['speedup']} × the 1-worker throughput ({sp_key} reports, end to end) | {sp:.2f} × "
            f"(CPUs busy on average: {r2['w1']['cpu'] / r2['w1']['wall']:.2f} with 1 worker, {r2['w2']['cpu'] / r2['w2']['wall']:.2f} with 2) "
            f"| {ok(sp >= TARGETS['speedup'])} |")
        est = 2 * r2["w1"]["cpu"] / r2["w2"]["cpu"]
        add(f"| (info) the speed-up two idle cores would give, estimated from CPU time: 2 × CPU(1 worker) / CPU(2 workers) "
            f"= 2 × {fmt_s(r2['w1']['cpu'])} / {fmt_s(r2['w2']['cpu'])} (assumes the work divides evenly; an estimate, not a measurement) "
            f"| {est:.2f} × | |")
    rss_max = max(r["w1"]["rss_mb"] for r in res["sizes"].values())
    add(f"| peak RSS ≤ {TARGETS['rss_mb']:.0f} MB (1 worker, every size) | {rss_max:.0f} MB | {ok(rss_max <= TARGETS['rss_mb'])} |")
    if res.get("flat_from"):
        a, b = res["flat_from"]
        ra, rb_ = res["sizes"][a]["w1"]["rss_mb"], res["sizes"][b]["w1"]["rss_mb"]
        add(f"| peak RSS flat from {a} to {b} reports (≤ {TARGETS['rss_flat']:.2f} ×) | {ra:.0f} → {rb_:.0f} MB ({rb_ / ra:.2f} ×) "
            f"| {ok(rb_ / ra <= TARGETS['rss_flat'])} |")
    if "w2" in rb:
        add(f"| (info) peak RSS with 2 workers, {big} reports (largest single process; the workers together hold about twice) "
            f"| {rb['w2']['rss_mb']:.0f} MB | |")
    if sp_key and "dask" in res["sizes"][sp_key]:
        r2 = res["sizes"][sp_key]
        local_runs, dask_runs = r2.get("w2_runs", [r2["w2"]["wall"]]), r2.get("dask_runs", [r2["dask"]["wall"]])
        tp = statistics.median(local_runs) / statistics.median(dask_runs)
        add(f"| Dask engine (2-worker `LocalCluster`) ≥ {TARGETS['dask']} × the throughput of the local engine with 2 workers "
            f"({sp_key} reports, end to end, median of {len(dask_runs)} runs of each in alternation: "
            f"Dask {', '.join(fmt_s(x) for x in dask_runs)} against local {', '.join(fmt_s(x) for x in local_runs)}) | {tp:.2f} × "
            f"| {ok(tp >= TARGETS['dask'])} |")
        fx = res.get("fixed")
        if fx:
            n2 = int(sp_key)
            per_task = ((statistics.median(dask_runs) - fx["dask"]["wall"]) - (statistics.median(local_runs) - fx["local"]["wall"])) / max(1, n2 - 1)
            add(f"| (info) fixed cost of a run on one report, 2 workers: local {fmt_s(fx['local']['wall'])}, Dask "
                f"{fmt_s(fx['dask']['wall'])} (cluster start, workers' model loads); per-task overhead of Dask beyond that, "
                f"((Dask {sp_key} − Dask 1) − (local {sp_key} − local 1)) / {n2 - 1} | {1000 * per_task:.1f} ms per report | |")
    hg = res.get("huge")
    if hg:
        add(f"| one report of {hg['chars']:,} characters (real paragraphs, 1 worker): peak RSS ≤ {TARGETS['huge_rss_mb']:.0f} MB "
            f"({fmt_s(hg['wall'])}, {hg['failed']} failed) | {hg['rss_mb']:.0f} MB | {ok(hg['rss_mb'] <= TARGETS['huge_rss_mb'] and not hg['failed'])} |")
    add(f"| no-op `extract` < {TARGETS['noop_s']:.0f} s ({big} reports, all up to date) | {fmt_s(rb['noop']['wall'])} "
        f"| {ok(rb['noop']['wall'] < TARGETS['noop_s'] and rb['noop']['built'] == 0)} |")
    add(f"| one new report in a warm output folder < {TARGETS['one_new_s']:.0f} s ({big} up to date + 1 new) "
        f"| {fmt_s(rb['one']['wall'])} | {ok(rb['one']['wall'] < TARGETS['one_new_s'] and rb['one']['built'] == 1)} |")
    small = res["sizes"][min(res["sizes"], key=int)]
    if small.get("jieba_t"):
        jt = small["jieba_t"]
        add(f"| (info) jieba.posseg on the text **as written** (Traditional), first {args.traditional_sample or 'all'} reports of the "
            f"{min(res['sizes'], key=int)}: much slower there (unknown characters go through its HMM), so it would flatter the "
            f"pipeline; not used as the yardstick | {fmt_s(jt['cut'])} for {jt['chars']:,} chars = {jt['chars'] / jt['cut']:,.0f} "
            f"chars/s vs {small['chars'] / small['jieba']['cut']:,.0f} on the shadow | |")
    add("")
    steps = sorted({k for r in res["sizes"].values() for k in r.get("corpus", {}).get("steps", {})})
    if steps:
        add("Corpus-level steps that `runner.run` does after the reports whenever one was built (so they are part of the "
            "*+1 new report* time), timed on the finished 1-worker output folder in a fresh process:")
        add("")
        add("| reports | " + " | ".join(steps) + " | peak RSS growth while writing them |")
        add("|---:|" + "---:|" * len(steps) + "---:|")
        for n, r in res["sizes"].items():
            c = r.get("corpus", {})
            add(f"| {n} | " + " | ".join(fmt_s(c.get("steps", {}).get(k, 0.0)) for k in steps)
                + f" | {c.get('rss_growth_mb', 0.0):.0f} MB |")
        add("")
    if any(r["noop"]["built"] for r in res["sizes"].values()):
        add("**Note:** a no-op rerun rebuilt reports: the code fingerprint (pipeline/*.py, configs/, requirements.lock) changed "
            "during the benchmark, so that number is not a no-op measurement.")
        add("")
    failed = {n: r["w1"]["failed"] for n, r in res["sizes"].items() if r["w1"]["failed"]}
    if failed:
        first = next(r for r in res["sizes"].values() if r["w1"]["failed"])
        add(f"**Note:** some reports failed ({failed}); first error: `{first['w1']['stderr'].strip().splitlines()[0][:300]}`")
        add("")

    if st:
        add(f"## Time per stage (in-process, {st['reports']} reports, {st['chars']:,} characters, models loaded beforehand; "
            f"best of {st.get('repeats', 1)} passes per stage)")
        add("")
        add(f"Importing the pipeline: {fmt_s(st['import'])}; model and dictionary loads (spaCy blank zh, jieba + user "
            f"dictionary, lexicons, OpenCC) with the first report once: {fmt_s(st['load'])}.")
        add("")
        add("| stage | time | share | chars/s |")
        add("|---|---:|---:|---:|")
        main_total = sum(v for k, v in st["stages"].items() if not k.startswith("  "))
        for k, v in st["stages"].items():
            sub = k.startswith("  ")
            name = ("&nbsp;&nbsp;&nbsp;" + k.strip()) if sub else k
            add(f"| {name} | {fmt_s(v)} | {'' if sub else f'{100 * v / main_total:.1f} %'} | {st['chars'] / v:,.0f} |" if v
                else f"| {name} | 0 | | |")
        add(f"| **all stages** | **{fmt_s(main_total)}** | 100 % | {st['chars'] / main_total:,.0f} |")
        add(f"| `pipeline.runner.run` in-process, same reports (plan, fingerprints and the corpus-level steps included) | {fmt_s(st['run'])} "
            f"| | {st['chars'] / st['run']:,.0f} |")
        add(f"| yardstick: jieba.posseg alone over the same shadow (fresh process, cut loop only) | {fmt_s(st['jieba_cut'])} "
            f"| | {st['chars'] / st['jieba_cut']:,.0f} |")
        add("")
        add("*of which segmenter cut* = the configured segmenter (with the user dictionary) over the simplified shadow, line by "
            "line, as the tokenizer calls it; *of which simplify* = the OpenCC shadow; the rest of *segment* is building the Doc.")
        add("")

    pr = res.get("profile")
    if pr:
        add(f"## Profile (pyinstrument {m['versions'].get('pyinstrument')}, cold in-process `pipeline.runner.run` on "
            f"{pr['reports']} reports, imports and model loads included)")
        add("")
        add(f"pyinstrument sampled {pr['total']:.2f} s (the un-profiled run is several times faster, see below). Caveat: spaCy's "
            "Cython modules are compiled with profiling hooks on Python < 3.12, so under any setprofile-based profiler each "
            "Cython call (e.g. each `Token` made by `for t in doc` or by `doc.text`) builds a frame: such code runs several times "
            "slower than normal, and samples below it lose their callers. So the hot spots are ranked by **self time** (time in "
            "the function's own code, summed over every place it appears), which is attributed reliably; inclusive times are not, "
            f"and {fmt_s(pr['unattributed'])} of samples had no frame to attribute to. Take stage shares from the un-profiled "
            "*time per stage* table above, and use this list to see *which code* is hot.")
        add("")
        add(f"Top {len(pr['self'])} hot spots by self time:")
        add("")
        add("| # | function | where | self time | share of sampled time |")
        add("|---:|---|---|---:|---:|")
        for i, (f, loc, t) in enumerate(pr["self"], 1):
            add(f"| {i} | `{f}` | {loc} | {fmt_s(t)} | {100 * t / pr['total']:.1f} % |")
        add("")
        add("Pipeline code (`pipeline/`) by self time:")
        add("")
        add("| # | function | where | self time | share of sampled time |")
        add("|---:|---|---|---:|---:|")
        for i, (f, loc, t) in enumerate(pr["pipeline"], 1):
            add(f"| {i} | `{f}` | {loc} | {fmt_s(t)} | {100 * t / pr['total']:.1f} % |")
        add("")
        add("Full profile: `bench/corpus/profile.html` and `bench/corpus/profile.txt` (rewritten by every run).")
        add("")
    text = "\n".join(L)
    path.write_text(text, encoding="utf-8")
    return text


# ----------------------------------------------------------------------------------------- main
def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10,100,1000", help="corpus sizes in reports (default 10,100,1000)")
    ap.add_argument("--quick", action="store_true", help="small run: sizes 5,20, profile on 20")
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask engine")
    ap.add_argument("--no-huge", action="store_true", help="skip the report of a million characters")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--max-chars-large", type=int, default=0,
                    help="cap report length in corpora larger than --large-from reports (0 = no cap)")
    ap.add_argument("--large-from", type=int, default=100)
    ap.add_argument("--workers-sizes", default="", help="sizes to run with 2 workers (default: all sizes ≥ 100, or the largest)")
    ap.add_argument("--profile-size", type=int, default=0, help="corpus profiled and timed per stage (default 100, or the largest ≤ 100)")
    ap.add_argument("--no-profile", action="store_true")
    ap.add_argument("--no-snapshot", action="store_true", help="run the working tree itself, not a copy taken at the start")
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--results", default="", help="results file (default bench/results.md; --quick: bench/corpus/results-quick.md)")
    # child modes
    ap.add_argument("--_jieba", help=argparse.SUPPRESS)
    ap.add_argument("--_simplified", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--_limit", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--traditional-sample", type=int, default=2,
                    help="reports of the smallest corpus on which jieba.posseg also runs over the Traditional text (slow; info only)")
    ap.add_argument("--_stages", help=argparse.SUPPRESS)
    ap.add_argument("--_pkuseg", help=argparse.SUPPRESS)
    ap.add_argument("--_corpus", help=argparse.SUPPRESS)
    ap.add_argument("--_repeats", type=int, default=2, help=argparse.SUPPRESS)
    ap.add_argument("--_profile", help=argparse.SUPPRESS)
    ap.add_argument("--_out", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args._jieba:
        child_jieba(Path(args._jieba), args._simplified, args._limit)
        return 0
    if args._corpus:
        child_corpus(Path(args._corpus))
        return 0
    if args._pkuseg:
        child_pkuseg(Path(args._pkuseg))
        return 0
    if args._stages:
        child_stages(Path(args._stages), Path(args._out), args._repeats)
        return 0
    if args._profile:
        child_profile(Path(args._profile), Path(args._out), CORPUS / "profile.html", CORPUS / "profile.txt", args.top)
        return 0

    t_start = time.perf_counter()
    sizes = [5, 20] if args.quick else sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    if args.workers_sizes:
        w2_sizes = {int(s) for s in args.workers_sizes.split(",")}
    else:
        w2_sizes = {s for s in sizes if s >= 100} or {max(sizes)}
    prof_size = args.profile_size or max([s for s in sizes if s <= 100] or [min(sizes)])
    if prof_size not in sizes:
        sizes = sorted(set(sizes) | {prof_size})

    CORPUS.mkdir(parents=True, exist_ok=True)
    global CODE
    if not args.no_snapshot:
        CODE = snapshot_code()
    cpu0 = _cpu_busy()
    own0 = _own_cpu()
    sources = _source_paragraphs(RAW)
    lengths = [len(t) for _, t, _ in sources]
    info = {"date": _dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"), "machine": machine(), "git": _git(),
            "snapshot": not args.no_snapshot, "load_start": _loadavg()}
    res: dict = {"corpora": {}, "sizes": {}, "n_sources": len(sources)}
    log = lambda msg: print(f"[{time.perf_counter() - t_start:6.1f}s] {msg}", file=sys.stderr, flush=True)  # noqa: E731
    log(f"machine: {info['machine']['nproc']} CPUs, {info['machine']['cpu']}, segmenter {info['machine']['segmenter']}")

    new_report = CORPUS / "new" / "z_new_report.txt"
    new_report.parent.mkdir(parents=True, exist_ok=True)
    new_report.write_text(report_text(10**6, args.seed, None, sources, lengths), encoding="utf-8")

    for n in sizes:
        cap = args.max_chars_large if (args.max_chars_large and n > args.large_from) else None
        raw, chars = build_corpus(n, args.seed, cap, sources, lengths)
        res["corpora"][str(n)] = chars
        out1 = CORPUS / f"out-{n}-w1"
        shutil.rmtree(out1, ignore_errors=True)
        r: dict = {"chars": chars}
        log(f"{n} reports ({chars:,} chars): extract, 1 worker")
        r["w1"] = extract(raw, out1, 1)
        log(f"  {r['w1']['wall']:.2f} s, {r['w1']['rss_mb']:.0f} MB, {r['w1']['built']} built, {r['w1']['failed']} failed")
        if r["w1"]["failed"]:
            log(f"  WARNING: {r['w1']['failed']} reports failed: " + r["w1"]["stderr"].strip().splitlines()[0][:300])
        r["corpus"] = helper("--_corpus", out1)
        log("  corpus-level steps: " + ", ".join(f"{k} {v:.2f} s" for k, v in r["corpus"]["steps"].items())
            + f" (+{r['corpus']['rss_growth_mb']:.0f} MB)")
        r["jieba"] = yardstick(raw, simplified=True)
        log(f"  jieba.posseg on the simplified shadow: {r['jieba']['wall']:.2f} s incl. load, {r['jieba']['cut']:.2f} s cut")
        if info["machine"]["segmenter"] == "pkuseg":
            r["pkuseg"] = helper("--_pkuseg", raw)
            log(f"  pkuseg alone: {r['pkuseg']['wall']:.2f} s incl. load, {r['pkuseg']['cut']:.2f} s cut")
        if n == min(sizes):
            r["jieba_t"] = yardstick(raw, limit=args.traditional_sample)
            log(f"  jieba.posseg on the text as written: {r['jieba_t']['wall']:.2f} s incl. load, {r['jieba_t']['cut']:.2f} s cut")
        r["noop"] = extract(raw, out1, 1, force=False)
        log(f"  no-op rerun: {r['noop']['wall']:.2f} s ({r['noop']['built']} built)")
        plus = CORPUS / f"raw-{n}-plus1"
        shutil.rmtree(plus, ignore_errors=True)
        plus.mkdir()
        for p in sorted(raw.iterdir()):
            os.symlink(p, plus / p.name)
        shutil.copy2(new_report, plus / new_report.name)
        r["one"] = extract(plus, out1, 1, force=False)
        log(f"  one new report: {r['one']['wall']:.2f} s ({r['one']['built']} built)")
        shutil.rmtree(plus)
        shutil.rmtree(out1 / new_report.stem, ignore_errors=True)
        if n in w2_sizes:
            out2 = CORPUS / f"out-{n}-w2"
            shutil.rmtree(out2, ignore_errors=True)
            r["w2"] = extract(raw, out2, 2)
            log(f"  2 workers: {r['w2']['wall']:.2f} s (speed-up {r['w1']['wall'] / r['w2']['wall']:.2f})")
            shutil.rmtree(out2, ignore_errors=True)
            if not args.no_dask:
                # the two engines in alternation, DASK_ROUNDS times: one pair of runs swings by ±10 % on
                # this machine, the medians of alternating runs do not
                r["w2_runs"], r["dask_runs"] = [r["w2"]["wall"]], []
                for k in range(DASK_ROUNDS):
                    if k:
                        r["w2_runs"].append(extract(raw, out2, 2)["wall"])
                        shutil.rmtree(out2, ignore_errors=True)
                    r["dask"] = extract(raw, out2, 2, engine="dask")
                    r["dask_runs"].append(r["dask"]["wall"])
                    shutil.rmtree(out2, ignore_errors=True)
                log(f"  Dask engine, 2-worker LocalCluster: {statistics.median(r['dask_runs']):.2f} s median of "
                    f"{len(r['dask_runs'])} (throughput {statistics.median(r['w2_runs']) / statistics.median(r['dask_runs']):.2f} "
                    f"of the local engine's)")
        res["sizes"][str(n)] = r
        if n == prof_size:
            st_out = CORPUS / f"out-{n}-stages"
            shutil.rmtree(st_out, ignore_errors=True)
            log(f"  per-stage timing in-process on {n} reports")
            st = helper("--_stages", raw, ["--_out", str(st_out), "--_repeats", "1" if args.quick else "2"])
            st["jieba_cut"] = r["jieba"]["cut"]
            res["stages"] = st
            shutil.rmtree(st_out, ignore_errors=True)
            if not args.no_profile:
                try:
                    import pyinstrument  # noqa: F401
                except ImportError:
                    log("  pyinstrument is not installed (pip install pyinstrument==5.1.3): no profile")
                else:
                    log(f"  pyinstrument profile on {n} reports")
                    pr_out = CORPUS / f"out-{n}-profile"
                    shutil.rmtree(pr_out, ignore_errors=True)
                    pr = helper("--_profile", raw, ["--_out", str(pr_out), "--top", str(args.top)])
                    pr["reports"] = n
                    res["profile"] = pr
                    shutil.rmtree(pr_out, ignore_errors=True)
        if n != max(sizes):
            shutil.rmtree(out1, ignore_errors=True)

    if not args.no_dask and any("dask" in r for r in res["sizes"].values()):
        one = CORPUS / "raw-1"  # the fixed cost of a run (start-up, cluster, model loads) on one report
        shutil.rmtree(one, ignore_errors=True)
        one.mkdir()
        (one / "r.txt").write_text(report_text(0, args.seed, None, sources, lengths), encoding="utf-8")
        res["fixed"] = {e: extract(one, CORPUS / f"out-1-{e}", 2, engine=e) for e in ("local", "dask")}
        log("  one report, 2 workers: " + ", ".join(f"{e} {r['wall']:.2f} s" for e, r in res["fixed"].items()))
        for e in ("local", "dask"):
            shutil.rmtree(CORPUS / f"out-1-{e}", ignore_errors=True)
    if not args.no_huge:
        huge = CORPUS / "raw-huge"
        shutil.rmtree(huge, ignore_errors=True)
        huge.mkdir()
        text = synth_report(random.Random(args.seed), sources, 1_000_000)[:1_000_000]
        (huge / "huge.txt").write_text(text, encoding="utf-8")
        log(f"one report of {len(text):,} characters, 1 worker")
        res["huge"] = extract(huge, CORPUS / "out-huge", 1)
        res["huge"]["chars"] = len(text)
        log(f"  {res['huge']['wall']:.2f} s, peak RSS {res['huge']['rss_mb']:.0f} MB")
        shutil.rmtree(CORPUS / "out-huge", ignore_errors=True)

    res["largest"] = str(max(sizes))
    big_w2 = [s for s in sizes if s in w2_sizes]
    res["speedup_size"] = str(max(big_w2)) if big_w2 else None
    small = [s for s in sizes if s >= 100 and s < max(sizes)]
    res["flat_from"] = (str(min(small)), str(max(sizes))) if small else ((str(min(sizes)), str(max(sizes))) if len(sizes) > 1 else None)
    res["elapsed"] = time.perf_counter() - t_start
    busy = _cpu_busy() - cpu0
    own = _own_cpu() - own0
    res["foreign_cpu"] = max(0.0, busy - own) / res["elapsed"] if busy else None
    info["load_end"] = _loadavg()
    results = Path(args.results or (CORPUS / "results-quick.md" if args.quick else BENCH / "results.md"))
    text = write_results(results, info, args, res)
    (CORPUS / "results.json").write_text(json.dumps({k: v for k, v in res.items()}, default=_jsonable, indent=1), encoding="utf-8")
    print(text)
    log(f"wrote {results}")
    return 0


def _cpu_busy() -> float:
    """Busy CPU seconds of the whole machine since boot (/proc/stat), 0.0 when unavailable."""
    try:
        f = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
        user, nice, system, idle, iowait, irq, softirq, steal = (int(x) for x in f[:8])
        return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def _own_cpu() -> float:
    import resource

    a = resource.getrusage(resource.RUSAGE_SELF)
    b = resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def _git() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "pipeline", "configs"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        return f"{head}{' with uncommitted changes in pipeline/ or configs/' if dirty else ''}" if head else "not a git checkout"
    except OSError:
        return "git not available"


def _jsonable(o):
    return str(o)


if __name__ == "__main__":
    sys.exit(main())
