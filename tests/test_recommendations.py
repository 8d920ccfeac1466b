"""Recommendations and their speakers: each resolution path on small hand-written examples."""

import pytest

from helpers import extract_string


@pytest.fixture
def recs(tmp_path):
    def run(text):
        t = extract_string(text, tmp_path)
        return [(r["text"], r["speaker"], r["cue"]) for r in t["recommendations"]], t

    return run


def test_full_name_speaker(recs):
    rows, _ = recs("經濟部工業局王志明組長建議企業及早布局淨零轉型。")
    assert rows == [("經濟部工業局王志明組長建議企業及早布局淨零轉型。", "王志明", "建議")]


def test_short_form_speaker(recs):
    rows, _ = recs("文化部藝術發展司陳美君科長說明補助辦法。陳科長鼓勵團隊跨域合作。")
    assert ("陳科長鼓勵團隊跨域合作。", "陳美君", "鼓勵") in rows


def test_pronoun_speaker(recs):
    rows, _ = recs("國立中山大學張雅文教授分享研究成果。她建議政府擴大數位人才培育。")
    assert ("她建議政府擴大數位人才培育。", "張雅文", "建議") in rows


def test_paragraph_speaker_when_the_sentence_names_no_one(recs):
    text = "環境部氣候變遷署李建宏簡任技正分析排放趨勢。為達成減量目標，地方政府應盡快提出執行方案。"
    rows, _ = recs(text)
    assert ("為達成減量目標，地方政府應盡快提出執行方案。", "李建宏", "應") in rows


def test_minutes_speaker_label(recs):
    text = "主席：現在開會。\n黃委員國華：主席、各位同仁。\n政府須儘速檢討能源配比，並公開相關資料。\n謝謝。\n"
    rows, _ = recs(text)
    assert ("政府須儘速檢討能源配比，並公開相關資料。", "黃國華", "須") in rows


def test_wish_about_the_event_is_not_a_recommendation(recs):
    rows, _ = recs("台北市政府林志豪副市長期盼此論壇成為城市交流的平台。")
    assert rows == []


def test_modal_without_a_speaker_is_not_a_recommendation(recs):
    rows, _ = recs("依規定，申請文件應於月底前送達。")
    assert rows == []


def test_cue_inside_another_word_is_ignored(recs):
    rows, _ = recs("交通部航港局吳文忠科長說明因應颱風的應變措施與供應鏈需求。")
    assert rows == []


def test_items_are_split_out(tmp_path):
    t = extract_string("中華經濟研究院劉芳如研究員建議從人才培育、法規調適、資金挹注等面向推動產業升級。", tmp_path)
    rec = t["recommendations"][0]
    assert rec["items"] == "人才培育|法規調適|資金挹注"


def test_sentence_unit_ignores_semicolons_and_quotes(tmp_path):
    t = extract_string("國防部黃志偉處長提醒：「遇到問題時，請先通報。」各單位應配合；並定期檢討。", tmp_path)
    texts = [r["text"] for r in t["recommendations"]]
    assert texts[0] == "國防部黃志偉處長提醒：「遇到問題時，請先通報。」"
    for r in t["recommendations"]:
        assert t["_text"][int(r["start"]) : int(r["end"])] == r["text"]


def test_wish_about_the_event_with_a_cue_word(recs):
    rows, _ = recs("嘉南大學莊雅文院長致詞時期許本次研討會能促進學術與實務對話。")
    assert rows == []


def test_items_are_read_only_with_confidence(tmp_path):
    from helpers import extract_string

    t = extract_string("林大明局長表示，我國應聚焦智慧農業、數位轉型及永續海洋資源管理等面向。"
                       "王小華處長也建議勞動部參考英國、日本及歐盟的經驗。\n", tmp_path)
    items = [r["items"] for r in t["recommendations"]]
    assert items == ["智慧農業|數位轉型|永續海洋資源管理", ""]


def test_items_after_a_colon(tmp_path):
    from helpers import extract_string

    t = extract_string("陳大明研究員指出，提案需掌握三大要素：清楚的產出、合理的預算、與議程的關聯。\n", tmp_path)
    assert [r["items"] for r in t["recommendations"]] == ["清楚的產出|合理的預算|與議程的關聯"]
