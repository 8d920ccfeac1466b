"""Both segmenters: words concatenate to the text and keep the report's own (Traditional) characters."""

import pytest

from pipeline.segment import PkusegSegmenter, blank_nlp, get_segmenter
from pipeline.shadow import simplify

TEXT = "臺灣經濟研究院舉辦國際研討會，邀請專家學者與談。\n第二行文字。"


@pytest.mark.parametrize("name", ["jieba", "pkuseg", "lac"])
def test_tokens_cover_the_text_in_original_script(name):
    nlp = blank_nlp(name)
    doc = nlp.make_doc(TEXT)
    assert "".join(t.text for t in doc) == TEXT
    assert any("臺" in t.text for t in doc)
    assert len(doc) > 5


def test_pkuseg_model_is_loaded_from_the_fetched_folder():
    seg = get_segmenter("pkuseg")
    assert isinstance(seg, PkusegSegmenter)
    words = [w for w, _ in seg.segment(simplify("經濟研究院"))]
    assert "".join(words) == simplify("經濟研究院")


def test_jieba_gives_part_of_speech_tags():
    doc = blank_nlp("jieba").make_doc("外交部長表示")
    assert all(t.tag_ for t in doc)


def test_shadow_is_same_length_and_simplified():
    s = simplify(TEXT)
    assert len(s) == len(TEXT)
    assert "台湾" in s


@pytest.mark.parametrize("segmenter", ["jieba", "pkuseg", "lac"])
@pytest.mark.parametrize("tagger", ["lac", "none"])
def test_every_tagger_path_extracts_the_anchored_shapes(tmp_path, monkeypatch, segmenter, tagger):
    """Each segmenter with and without the learned tagger keeps the title-anchored shapes."""
    from helpers import extract_string, people_rows

    monkeypatch.setenv("PIPELINE_LEARNED_TAGGER", tagger)
    t = extract_string("內政部移民署王大明副署長出席，國家發展委員會主任委員劉文華表示支持。", tmp_path, segmenter=segmenter)
    assert {("王大明", "副署長", "內政部移民署"), ("劉文華", "主任委員", "國家發展委員會")} <= people_rows(t)


def test_lac_runs_with_one_thread():
    from pipeline.lac_tagger import get_lac

    opts = get_lac()._lac._session.get_session_options()
    assert opts.intra_op_num_threads == 1 and opts.inter_op_num_threads == 1
