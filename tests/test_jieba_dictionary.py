"""The pipeline's copy of jieba's dictionary and cut (pipeline/jieba_dictionary.py) must be jieba's:
the same frequency and tag tables, the same words and tags as jieba.posseg without HMM, and a damaged
cache rebuilt rather than trusted."""

from __future__ import annotations

import jieba
import jieba.posseg
import pytest

from pipeline import jieba_dictionary
from pipeline.jieba_dictionary import dictionary
from pipeline.shadow import simplify

from helpers import ROOT

EDGES = ["", " ", "\r\n", "ABC-ROC理事辦公室", "第3屆 APEC會議於2025年10月召開，共13個經濟體", "a b1 2.5%",
         "COVID-19疫苗接種率達75.3%", "C++與C#課程", "王大明教授表示：「好」", "x.y_z&w", "１２３全形數字"]


def _report_lines() -> list[str]:
    lines = []
    for path in sorted((ROOT / "raw").glob("*.txt")):
        lines += path.read_text(encoding="utf-8").splitlines()
    return lines


def test_tables_are_jiebas_own():
    """Built from dict.txt and read back from the cache: jieba's frequencies (prefixes included) and
    posseg's tags (compared with fresh jieba objects: a user dictionary may have extended the shared ones)."""
    freq, total = jieba.Tokenizer.gen_pfdict(jieba.Tokenizer().get_dict_file())
    tags = jieba.posseg.POSTokenizer(jieba.Tokenizer()).word_tag_tab
    assert jieba_dictionary._build_tables(jieba_dictionary._dict_path()) == (freq, total, tags)
    assert jieba_dictionary._load_tables() == (freq, total, tags)


@pytest.mark.parametrize("source", ["edges", "reports"])
def test_cut_is_possegs_without_hmm(source):
    texts = EDGES if source == "edges" else [simplify(t) for t in _report_lines()]
    assert len(texts) > 10
    d = dictionary()
    for text in texts:
        ours = list(d.cut(text))
        theirs = [(p.word, p.flag) for p in jieba.posseg.dt.cut(text, HMM=False)]
        assert ours == theirs, text
        assert "".join(w for w, _ in ours) == text


def test_damaged_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setattr(jieba_dictionary, "CACHE_DIR", tmp_path)
    cache = jieba_dictionary._cache_path(jieba_dictionary._dict_path())
    assert cache.parent == tmp_path
    cache.write_bytes(b"\x00not marshal")
    tables = jieba_dictionary._load_tables()
    assert tables == jieba_dictionary._build_tables(jieba_dictionary._dict_path())
    assert jieba_dictionary._load_tables() == tables  # the rewritten cache reads back
    assert not list(tmp_path.glob("*.tmp"))


def test_taiwan_usage_is_in_the_dictionary_the_lexicon_consults():
    """計畫 simplified character by character is 计画, which the mainland dictionary lacks: without
    configs/taiwan_words.txt it reads as a surname and a given name (APEC秘書處計畫|主任)."""
    from pipeline.lexicon import is_common_word

    assert simplify("計畫") == "计画" and is_common_word("计画") and is_common_word(simplify("長照"))
    d = dictionary()
    assert [w for w, _ in d.cut(simplify("本計畫由長照中心執行"))] == ["本", "计画", "由", "长照", "中心", "执行"]
