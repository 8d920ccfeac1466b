"""The corpus-wide steps after the reports (corpus tables, registry, database) run with the models
released (pipeline.memory.release_models), so their rows reuse the models' memory and the peak does not
grow with the corpus; a later report loads the models again and gets the same rows."""

from __future__ import annotations

import shutil

from helpers import ROOT, read_csv

import pipeline.corpus
from pipeline import jieba_dictionary, lac_tagger, nlp, runner


def _loaded() -> dict[str, int]:
    return {"spacy pipeline": nlp.get_nlp.cache_info().currsize, "LAC": lac_tagger.get_lac.cache_info().currsize,
            "jieba dictionary": jieba_dictionary.dictionary.cache_info().currsize}


def test_models_are_released_before_the_corpus_steps(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(ROOT / "raw" / "apec_workshop_2025.txt", raw)
    seen = []
    write_tables = pipeline.corpus.write_corpus_tables

    def watched(out):
        seen.append(_loaded())
        return write_tables(out)

    monkeypatch.setattr(pipeline.corpus, "write_corpus_tables", watched)
    outcomes = runner.run(raw, tmp_path / "out", progress=False)
    assert [o.ok for o in outcomes] == [True]
    assert seen == [{"spacy pipeline": 0, "LAC": 0, "jieba dictionary": 0}]

    first = read_csv(tmp_path / "out" / "people.csv")
    runner.run(raw, tmp_path / "out", force=True, progress=False)  # the models load again
    assert read_csv(tmp_path / "out" / "people.csv") == first and len(first) > 10
