"""Command line: `python -m pipeline extract|evaluate|stage|review|query|gold …` (each has --help)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def cmd_extract(args) -> int:
    from .runner import list_reports, run

    raw = Path(args.raw)
    if not raw.exists():
        print(f"error: {raw}: input folder does not exist (nothing was created)", file=sys.stderr)
        return 2
    if raw.is_dir() and not list_reports(raw):
        print(f"warning: {raw} holds no report: put .txt, .md, .docx, .pdf or .html files there", file=sys.stderr)
    if args.scheduler and args.engine != "dask":
        print("error: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    if args.scheduler:
        from .engines.dask_cluster import unreachable

        problem = unreachable(args.scheduler)
        if problem:  # before anything is planned or written
            print(f"error: cannot reach the Dask scheduler {args.scheduler}: {problem} (nothing was changed)", file=sys.stderr)
            return 2
    outcomes = run(raw, Path(args.out), workers=args.workers, force=args.force, progress=not args.quiet and None,
                   engine=args.engine, scheduler=args.scheduler)
    built = [o for o in outcomes if o.ok and not o.skipped]
    failed = [o for o in outcomes if not o.ok]
    for o in outcomes:
        if o.ok and o.message:
            print(f"warning: {o.path}: {o.message}", file=sys.stderr)
    for o in failed:
        print(f"error: {o.message}", file=sys.stderr)
    skipped = sum(o.skipped for o in outcomes)
    print(f"extract: {len(built)} built, {skipped} up to date, {len(failed)} failed -> {args.out}", file=sys.stderr)
    return 1 if failed else 0


def cmd_evaluate(args) -> int:
    from .evaluate import evaluate_dirs

    return evaluate_dirs(Path(args.gold), Path(args.out), docs=args.doc or None, write=not args.no_write)


def cmd_stage(args) -> int:
    from .stages import run_stage

    return run_stage(args.name, Path(args.input), Path(args.output))


def cmd_review(args) -> int:
    if getattr(args, "review_cmd", None) == "apply":
        from .review_apply import apply_files

        gold = Path(args.to_gold) if args.to_gold is not None else None
        return apply_files([Path(f) for f in args.files], Path(args.apply_out), gold, force=args.force)
    from .review import build_review

    return build_review(Path(args.out), Path(args.gold))


def cmd_query(args) -> int:
    from .registry.query import run_query

    return run_query(Path(args.out), args.sql, as_csv=args.csv)


def cmd_gold(args) -> int:
    from . import gold_io

    if args.gold_cmd == "export":
        return gold_io.export(Path(args.gold), Path(args.dest), args.format)
    if args.gold_cmd == "import":
        return gold_io.import_(Path(args.source), Path(args.gold), args.format)
    if args.gold_cmd == "check":
        return gold_io.check_dir(Path(args.gold))
    return 2


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m pipeline", description="Extract people, titles, agencies, statistics, recommendations, sessions and roles from Traditional Chinese reports.")
    sub = p.add_subparsers(dest="command", required=True)

    e = sub.add_parser("extract", help="process every report in RAW into OUT (only changed ones)")
    e.add_argument("--raw", default="raw", help="folder of reports, or one report file (default: raw)")
    e.add_argument("--out", default="extracted", help="output folder (default: extracted)")
    e.add_argument("--workers", type=int, default=1, help="parallel worker processes (default: 1; with --engine dask and no scheduler, the LocalCluster's workers)")
    e.add_argument("--engine", choices=["local", "dask"], default="local", help="local processes (default) or a Dask cluster")
    e.add_argument("--scheduler", help="address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786 (with --engine dask)")
    e.add_argument("--force", action="store_true", help="rebuild even reports that are up to date")
    e.add_argument("--quiet", action="store_true", help="no progress bar")
    e.set_defaults(func=cmd_extract)

    v = sub.add_parser("evaluate", help="score OUT against GOLD (CONTRACT §4) and write evaluation.csv/.md")
    v.add_argument("--gold", default="gold")
    v.add_argument("--out", default="extracted")
    v.add_argument("--doc", action="append", help="only this doc_id (repeatable)")
    v.add_argument("--no-write", action="store_true", help="print only; do not write evaluation files")
    v.set_defaults(func=cmd_evaluate)

    s = sub.add_parser("stage", help="run one stage on its own: ingest|segment|recognise|link|extract|write")
    s.add_argument("name", choices=["ingest", "segment", "recognise", "link", "extract", "write"])
    s.add_argument("input", help="report file (ingest) or a .spacy DocBin from the previous stage")
    s.add_argument("output", help=".spacy DocBin for the next stage, or an output folder (write)")
    s.set_defaults(func=cmd_stage)

    r = sub.add_parser("review", help="write HTML review pages into OUT")
    r.add_argument("--out", default="extracted")
    r.add_argument("--gold", default="gold")
    r.set_defaults(func=cmd_review)
    rs = r.add_subparsers(dest="review_cmd")
    ra = rs.add_parser("apply", help="apply <doc_id>.review.json files: OUT/<doc_id>/reviewed/ (and gold with --to-gold)")
    ra.add_argument("files", nargs="+", help="review files saved from review.html")
    ra.add_argument("--out", dest="apply_out", default="extracted", help="the extraction the reviews were made on (default: extracted)")
    ra.add_argument("--to-gold", nargs="?", const="gold", default=None, metavar="GOLD_DIR",
                    help="also write GOLD_DIR/<doc_id>/ (default gold) when every row was reviewed")
    ra.add_argument("--force", action="store_true", help="replace a gold folder that review apply did not write")

    q = sub.add_parser("query", help="run one SQL statement on OUT/extraction.duckdb (every table and the registry)")
    q.add_argument("sql", help='e.g. "SELECT name, title, agency, date FROM registry.positions ORDER BY date"')
    q.add_argument("--out", default="extracted", help="output folder holding extraction.duckdb (default: extracted)")
    q.add_argument("--csv", action="store_true", help="print CSV instead of an aligned table")
    q.set_defaults(func=cmd_query)

    g = sub.add_parser("gold", help="gold annotation round trips: export, import, check")
    gs = g.add_subparsers(dest="gold_cmd", required=True)
    ge = gs.add_parser("export", help="export gold to an annotation tool's format")
    ge.add_argument("--format", choices=["doccano", "label-studio", "labelstudio"], required=True)
    ge.add_argument("--gold", default="gold")
    ge.add_argument("--dest", required=True, help="output file (.jsonl for doccano, .json for label-studio)")
    gi = gs.add_parser("import", help="import annotations back into gold/")
    gi.add_argument("--format", choices=["doccano", "label-studio", "labelstudio"], required=True)
    gi.add_argument("--source", required=True)
    gi.add_argument("--gold", default="gold")
    gc = gs.add_parser("check", help="validate gold files (offsets, vocabularies, duplicates)")
    gc.add_argument("--gold", default="gold")
    g.set_defaults(func=cmd_gold)
    return p


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)
