"""Every lexicon and cue applies to both scripts: Simplified copies of all annotated reports (each
character converted with OpenCC, so gold offsets stay valid) score within 0.02 of the originals on
every table, and the output keeps the report's own (Simplified) characters."""

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.shadow import is_simplified, simplify, traditionalise

ROOT = Path(__file__).resolve().parent.parent
TABLES = ["people", "affiliation", "agencies", "mentions", "statistics", "recommendations", "sessions", "roles"]


def _simplified_copy(gold: Path, dest: Path) -> None:
    for d in sorted(p for p in gold.iterdir() if (p / "text.txt").is_file()):
        out = dest / "gold" / d.name
        out.mkdir(parents=True)
        text = simplify((d / "text.txt").read_text(encoding="utf-8"))
        (out / "text.txt").write_text(text, encoding="utf-8", newline="")
        (dest / "raw").mkdir(exist_ok=True)
        (dest / "raw" / f"{d.name}.txt").write_text(text, encoding="utf-8", newline="")
        for f in d.glob("*.csv"):
            rows = list(csv.reader(io.StringIO(f.read_text(encoding="utf-8-sig"), newline="")))
            buf = io.StringIO()
            csv.writer(buf, lineterminator="\n").writerows([rows[0]] + [[simplify(c) for c in r] for r in rows[1:]])
            (out / f.name).write_bytes(buf.getvalue().encode("utf-8-sig"))


def _scores(raw: Path, gold: Path, out: Path) -> dict[tuple[str, str], float]:
    for args in (["extract", "--raw", str(raw), "--out", str(out), "--quiet"], ["evaluate", "--gold", str(gold), "--out", str(out)]):
        res = subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT, capture_output=True, text=True, timeout=900)
        assert res.returncode == 0, res.stderr
    with (out / "evaluation.csv").open(encoding="utf-8-sig", newline="") as fh:
        return {(r["table"], r["label"]): float(r["f1"]) for r in csv.DictReader(fh) if r["doc_id"] == "ALL"}


@pytest.mark.slow
def test_simplified_copies_score_like_the_originals(tmp_path):
    _simplified_copy(ROOT / "gold", tmp_path / "simp")
    original = _scores(ROOT / "raw", ROOT / "gold", tmp_path / "out")
    simplified = _scores(tmp_path / "simp" / "raw", tmp_path / "simp" / "gold", tmp_path / "simp" / "out")
    assert {t for t, _ in original} >= set(TABLES)
    for key, f1 in original.items():
        assert simplified[key] == pytest.approx(f1, abs=0.02), key
    people = (tmp_path / "simp" / "out" / "people.csv").read_text(encoding="utf-8-sig")
    assert people and people == simplify(people)  # names and titles in the report's own characters


def test_the_traditional_shadow_leaves_traditional_text_alone():
    text = "里長與公里數，后來的余先生說約有三百人。"
    assert not is_simplified(text) and traditionalise(text) == text
    simp = "约有300人参加，他建议应该加强。"
    assert is_simplified(simp) and traditionalise(simp) == "約有300人參加，他建議應該加強。"
