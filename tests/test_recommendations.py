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


@pytest.mark.parametrize("sentence, speaker, cue", [
    ("立委王大明今天表示，他促請行政院儘速提出因應方案。", "王大明", "促請"),
    ("林佳龍籲各國支持台灣參與國際組織。", "林佳龍", "籲"),
    ("陳美玲敦促政府重視長照人力短缺問題。", "陳美玲", "敦促"),
])
def test_verbs_of_urging_are_cues(recs, sentence, speaker, cue):
    rows, _ = recs(sentence)
    assert rows == [(sentence, speaker, cue)]


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


def _items(text, tmp_path):
    """The items cell of every recommendation found in `text`."""
    return [r["items"] for r in extract_string(text, tmp_path)["recommendations"]]


def test_clauses_announced_by_a_count_are_the_items(tmp_path):
    text = ("婦女權益促進會今日舉辦座談，會中提出兩大訴求，呼籲政府應從教育與職場兩方面消除性別歧視；"
            "托育體系應兼顧品質與可近性。\n")
    assert _items(text, tmp_path) == ["從教育與職場兩方面消除性別歧視|托育體系應兼顧品質與可近性"]


def test_clauses_after_for_example_lose_the_closing_purpose_clause(tmp_path):
    text = ("例如：面對數位轉型需求，可推動公私協力；面對人才外流，鼓勵企業提高薪資，並建立留才制度，"
            "藉此強化產業競爭力。\n")
    assert _items(text, tmp_path) == ["面對數位轉型需求，可推動公私協力|面對人才外流，鼓勵企業提高薪資，並建立留才制度"]


def test_numbered_clauses_lose_their_markers(tmp_path):
    text = ("經濟部國際貿易署王大明組長出席論壇。他建議政府推動三項措施：一、擴大中小企業融資；"
            "二、培訓跨國管理人才；三、建立風險通報平台。主持人林美華總結時提出兩點建議：第一，"
            "政府應整合部會資源；第二，業者宜善用公會平台。\n")
    assert _items(text, tmp_path) == ["擴大中小企業融資|培訓跨國管理人才|建立風險通報平台",
                                      "政府應整合部會資源|業者宜善用公會平台"]


def test_first_then_clauses(tmp_path):
    text = "國立成功大學林大同教授建議，首先，盤點現有資源；再依需求排定優先順序，藉此提升效率。\n"
    assert _items(text, tmp_path) == ["盤點現有資源|依需求排定優先順序"]


def test_unannounced_semicolons_are_not_a_list(tmp_path):
    text = "立法委員王志強表示，政府須重視這份報告，目標已被認為不可行；近日又重啟電廠，凸顯政策反覆。\n"
    assert _items(text, tmp_path) == [""]


def test_the_person_addressed_is_not_part_of_the_first_item(tmp_path):
    text = "外交部條約法律司李文華司長勉勵學員參與國際組織、跨部會交流與合作。\n"
    assert _items(text, tmp_path) == ["參與國際組織|跨部會交流與合作"]


def test_list_after_the_modal_of_the_next_clause(tmp_path):
    text = "國立臺灣大學陳文雄校長也建議，課程改革應該側重於回應產業需求、彈性調整學分，以利學生就業。\n"
    assert _items(text, tmp_path) == ["回應產業需求|彈性調整學分"]


def test_the_announced_count_separates_the_last_item(tmp_path):
    text = "國立中興大學李大同教授指出，地方創生應從產業、教育與交通三個面向同步推動。\n"
    assert _items(text, tmp_path) == ["產業|教育|交通"]


def test_a_list_that_is_the_subject_of_a_modal_is_no_item_list(tmp_path):
    text = "交通部公路局張建國局長建議，台北、台中等城市應率先試辦。\n"
    assert _items(text, tmp_path) == [""]


def test_numbered_lines_after_a_colon(tmp_path):
    text = "社會救助座談會紀要\n衛生福利部社會救助司張淑芬司長出席座談。她提出以下建議：\n一、擴大補助範圍。\n二、簡化申請流程。\n其他事項另案討論。\n"
    assert _items(text, tmp_path) == ["擴大補助範圍|簡化申請流程"]


def test_a_list_of_the_people_addressed_is_no_item_list(tmp_path):
    text = "疾病管制署王建民副署長呼籲孕婦、學齡前幼兒及洗腎患者儘速接種疫苗，以降低重症風險。\n"
    assert _items(text, tmp_path) == [""]


def test_the_count_after_the_list_and_its_etc_are_not_in_the_last_item(tmp_path):
    text = "中央研究院陳大文研究員建議雙方從漁業技術、觀光推廣及人才交流等三大面向建立合作機制。\n"
    assert _items(text, tmp_path) == ["漁業技術|觀光推廣|人才交流"]


def test_surname_government_is_no_speaker(recs):
    text = ("立法委員林志明質詢時表示，蔡政府的能源政策反覆，蔡政府規劃的目標已被認為不可行。"
            "近日蔡政府又重啟電廠。另外，亦需盡快調整產業結構。\n")
    rows, t = recs(text)
    assert "蔡政府" not in {r["name"] for r in t["people"]}
    assert ("另外，亦需盡快調整產業結構。", "林志明", "需") in rows


def test_a_passive_request_is_no_cue(recs):
    text = "立法委員陳美玲另提及，近年部分店家不接待兒童，更有家長外出遭白眼或被要求離開公共空間。\n"
    rows, _ = recs(text)
    assert rows == []


def test_a_hope_reached_through_the_means_is_no_advice(recs):
    text = "在節能方面，公司將設置太陽能板，提高綠電使用比例，期許藉此次投資達成經濟與環境雙贏。\n"
    rows, _ = recs(text)
    assert rows == []


def test_a_byline_heading_names_the_speaker_of_the_paragraph_below(recs):
    text = ("【座談會紀實】看高雄與海共生\n\n引言王大明(海洋文教基金會董事長)\n\n"
            "面對海岸侵蝕，地方與中央必須合作，漁會應積極協助漁民轉型。\n")
    rows, _ = recs(text)
    assert [(r[1], r[2]) for r in rows] == [("王大明", "必須")]
