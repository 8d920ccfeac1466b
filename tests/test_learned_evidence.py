"""The learned tagger (LAC) as a source of evidence, each component on its own invented examples:
bounded pieces, names the rules cannot see, names the model bounds, titles shared down a list,
organisations the model confirms, and the evidence column that says why a span was chosen."""

import pytest

from helpers import extract_string, mentions, people_rows
from pipeline.lac_tagger import MAX_PIECE, get_lac, pieces
from pipeline.segment import blank_nlp


@pytest.fixture
def run(tmp_path, monkeypatch):
    def _run(text, tagger="lac", segmenter=None):
        monkeypatch.setenv("PIPELINE_LEARNED_TAGGER", tagger)
        return extract_string(text, tmp_path, segmenter=segmenter)
    return _run


def test_pieces_are_bounded_and_cover_a_line_without_punctuation():
    line = "甲乙丙丁" * 25_000  # 100,000 characters, no punctuation
    ps = pieces(line)
    assert "".join(p for _, p in ps) == line
    assert max(len(p) for _, p in ps) <= MAX_PIECE
    assert [o for o, _ in ps] == [sum(len(p) for _, p in ps[:k]) for k in range(len(ps))]


def test_pieces_cut_at_sentence_ends_first():
    ps = pieces("今天開會。明天放假！後天呢？")
    assert [p for _, p in ps] == ["今天開會。", "明天放假！", "後天呢？"]


def test_entities_never_cross_a_space():
    ents = get_lac().entities("出席委员 张美玲 林志豪 陈佳颖 黄建国 吴承翰")
    text = "出席委员 张美玲 林志豪 陈佳颖 黄建国 吴承翰"
    assert ents and all(" " not in text[i:j] for i, j, _ in ents)


def test_lac_segmenter_covers_the_text_in_original_script():
    text = "臺灣經濟研究院舉辦國際研討會，邀請專家學者與談。\n第二行文字。"
    doc = blank_nlp("lac").make_doc(text)
    assert "".join(t.text for t in doc) == text
    assert all(t.tag_ for t in doc)


def test_a_bare_name_needs_the_learned_tagger(run):
    text = "會議由周雅婷主持，吳承翰、鄭宇軒也在現場。"
    assert "周雅婷" not in {n for n, _, _ in people_rows(run(text, "none"))}
    t = run(text)
    assert ("周雅婷", "", "") in people_rows(t)
    ev = {r["text"]: r["evidence"] for r in t["mentions"] if r["label"] == "PERSON"}
    assert "learned PER (LAC)" in ev["周雅婷"]


def test_a_name_in_running_text_without_title(run):
    text = "陳佩珊與黃建國都到場關心。"
    assert not run(text, "none")["people"]
    assert "黃建國" in {n for n, _, _ in people_rows(run(text))}


def test_the_model_bounds_a_three_character_name_before_a_verb(run):
    text = "南分院副執行長林柏年說明計畫內容。"
    assert ("林柏", "副執行長", "南分院") in people_rows(run(text, "none", "jieba"))  # the rules alone cut it
    t = run(text, segmenter="jieba")
    assert ("林柏年", "副執行長", "南分院") in people_rows(t)
    ev = {r["text"]: r["evidence"] for r in t["mentions"] if r["label"] == "PERSON"}
    assert "bounded by learned PER (LAC)" in ev["林柏年"]


def test_a_title_is_shared_down_the_list_it_introduces(run):
    t = run("市議員方永和、蔡秋月、謝明凡到場。")
    rows = people_rows(t)
    assert {("方永和", "市議員", ""), ("蔡秋月", "市議員", ""), ("謝明凡", "市議員", "")} <= rows


def test_a_listed_name_with_its_own_title_keeps_it(run):
    rows = people_rows(run("教授王大明、副教授林美華出席。"))
    assert ("林美華", "副教授", "") in rows and ("林美華", "教授", "") not in rows


def test_a_country_is_not_the_agency_of_a_title(run):
    rows = people_rows(run("日本眾議員古川圭與臺北市議員林大同會面。"))
    assert all(agency != "日本" for _, _, agency in rows)


def test_every_mention_says_why_it_was_chosen(run):
    t = run("內政部移民署王大明副署長出席今天的記者會，陳佩珊與黃建國也到場。")
    assert t["mentions"] and all(r["evidence"] for r in t["mentions"])
    assert "organisation" in next(r["evidence"] for r in t["mentions"] if r["text"] == "內政部移民署")
    assert "title lexicon" in next(r["evidence"] for r in t["mentions"] if r["label"] == "TITLE")


def test_the_tagger_can_be_switched_off(run):
    t = run("陳佩珊與黃建國都到場關心。", "none")
    assert all("LAC" not in r["evidence"] for r in t["mentions"])
    with pytest.raises(ValueError, match="learned_tagger"):
        run("文字。", "crf")


def test_agencies_from_the_model_need_a_title_or_a_repetition(run):
    assert "遠東紡織" in mentions(run("昨天到訪的有遠東紡織的董事長林大同。"), "AGENCY")
    assert "遠東紡織" not in mentions(run("昨天到訪的有遠東紡織。", "lac"), "AGENCY")


def test_a_name_closed_by_punctuation_keeps_its_third_character(run):
    rows = people_rows(run("公會總召集人台積電經理楊水年、國網中心陳俊平出席。"))
    assert ("楊水年", "經理", "台積電") in rows or any(n == "楊水年" for n, _, _ in rows)


def test_a_two_character_name_needs_the_model_to_agree(run):
    t = run("行政院院長施政報告繼續質詢。")
    assert not t["people"]


def test_a_title_between_a_name_and_its_latin_form_is_no_part_of_it(run):
    t = run("德國國會議員訪團包括施密特團長（Hans Schmidt）與英國威爾斯議會史都華（Ian Stewart）。")
    names = {r["name"] for r in t["people"]}
    assert {"施密特", "史都華"} <= names and not any("團長" in n or "議會" in n for n in names)
