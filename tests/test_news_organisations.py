"""Organisations in plain news (make news-ner, organisations table): counts and labels that end in a
suffix character, dates and datelines before a name, nouns in apposition, 組織 as a verb, and named
teams. Names are invented."""

from __future__ import annotations

import pytest

from helpers import extract_string, mentions


def agencies(text, tmp_path) -> list[str]:
    return mentions(extract_string(text, tmp_path), "AGENCY")


@pytest.mark.parametrize("text", [
    "她在先失一局的情況下，連勝第三局與第四局。",
    "兩隊戰成平局，難挽敗局。",
    "丹麥女隊列A組第一名，同在B組的還有兩支球隊。",
    "救難人員在山谷深處與兩縣交界處找到他們。",
    "墨西哥12家大銀行的官員遭到調查。",
])
def test_counts_labels_and_places_are_no_organisations(text, tmp_path):
    assert [a for a in agencies(text, tmp_path) if "隊" not in a] == []


def test_a_numbered_unit_keeps_its_parent(tmp_path):
    assert "交通部第十四局" in agencies("交通部第十四局今天宣布新的計畫。", tmp_path)


@pytest.mark.parametrize("text, name", [
    pytest.param("2019年青松大學授予他榮譽博士學位。", "青松大學", id="date"),
    pytest.param("新聞社台北5月7日電國際青松聯合會今天宣布新規定。", "國際青松聯合會", id="dateline"),
    pytest.param("這次活動的主辦單位青松棋藝協會宣布名單。", "青松棋藝協會", id="apposition"),
    pytest.param("全球最大的軟體製造商青松資訊公司昨天宣布。", "青松資訊公司", id="apposition-maker"),
    pytest.param("委員會將指控晶片業巨頭青松電子公司違法。", "青松電子公司", id="apposition-giant"),
    pytest.param("該集團旗下青松電子公司宣布裁員。", "青松電子公司", id="apposition-owned"),
    # both models start the name at its country: the common noun before it is no part of it
    pytest.param("全球最大的航空公司美國聯合航空公司昨天宣佈。", "美國聯合航空公司", id="noun-before-country"),
    pytest.param("市場傳聞日本央行還要降息。", "日本央行", id="noun-before-country-2"),
])
def test_the_name_starts_after_a_date_a_dateline_or_a_noun_in_apposition(text, name, tmp_path):
    assert name in agencies(text, tmp_path)


def test_this_papers_dateline_is_no_organisation(tmp_path):
    assert "本報" not in agencies("本報台北5月19日電記者王小明報導，展覽今天開幕。", tmp_path)


def test_zuzhi_ends_a_name_but_not_as_the_verb_after_one(tmp_path):
    found = agencies("由青松記者協會組織的採訪團出發。國際青松組織也派員參加。", tmp_path)
    assert "青松記者協會" in found and "國際青松組織" in found
    assert not any(a.endswith("協會組織") for a in found)


def test_named_teams_are_organisations_and_generic_ones_are_not(tmp_path):
    found = agencies("青松隊以3比0擊敗德國女隊。基金會贊助宜蘭縣七所國小的棒球隊。", tmp_path)
    assert "青松隊" in found and "德國女隊" in found
    assert "棒球隊" not in found


@pytest.mark.parametrize("text", ["於是，一些西方石油公司紛紛湧入。", "健康的競爭將給新公司更多的機會。"])
def test_a_kind_of_organisation_described_is_none_named(text, tmp_path):
    assert agencies(text, tmp_path) == []


def test_subjects_and_quoted_names_still_name_organisations(tmp_path):
    found = agencies("政治系與經濟系的老師出席。美國“傳統基金會”創辦人來訪。", tmp_path)
    assert {"政治系", "經濟系", "傳統基金會"} <= set(found)


def test_named_works_and_committees_are_organisations(tmp_path):
    found = agencies("青松機械廠去年改制。青松奧委會今天宣布名單。工廠的工人都來了。", tmp_path)
    assert "青松機械廠" in found and "青松奧委會" in found
    assert "工廠" not in found


def test_a_works_named_by_its_place_is_a_plant(tmp_path):
    assert not any(a.endswith("白河廠") for a in agencies("公司預計斥資1億元新建台南市白河廠。", tmp_path))


def test_kinds_of_institution_and_ranks_describe(tmp_path):
    assert agencies("建築公司、運輸公司和食品公司都來了。兩大電信公司合併。", tmp_path) == []
    assert agencies("他買下比利時第二大銀行青松銀行的股份。", tmp_path) == ["青松銀行"]


def test_an_institution_a_verb_takes_is_no_name(tmp_path):
    assert agencies("她的女兒要考大學，老人被送進醫院。", tmp_path) == []
    assert "青松賑災基金會" in agencies("青松賑災基金會今天捐款。", tmp_path)


def test_short_forms_of_federations_and_committees_after_a_place(tmp_path):
    found = agencies("本次比賽由中國排協、台北市體委舉辦。兩國關聯密切。", tmp_path)
    assert "中國排協" in found and "台北市體委" in found
    assert not any(a.endswith("關聯") for a in found)


def test_a_team_named_by_its_place_starts_at_the_place(tmp_path):
    found = agencies("衛冕冠軍青松男隊惜敗丹麥男隊。東道主中國香港隊獲勝。日本隊今天抵達。", tmp_path)
    assert {"丹麥男隊", "中國香港隊", "日本隊"} <= set(found)
    assert not any(a.startswith(("衛冕", "東道主")) for a in found)


def test_the_conjunction_between_two_organisations_is_in_neither(tmp_path):
    found = agencies("他們先後訪問了青松日報社和人民日報社。", tmp_path)
    assert {"青松日報社", "人民日報社"} <= set(found)
    assert not any("和" in a for a in found)


@pytest.mark.parametrize("text", [
    "這次颱風造成大規模停電，辦公室裡一臺電腦也沒有留下。",  # 造成|大規模, 一臺|電腦: no 成大, no 臺電
    "遊客在羅馬市中心附近買了一套公寓。",
    "作者這部小說寫了二十年。",
    "自協會成立以來，會員們積極組織內部訓練。",
])
def test_short_forms_inside_words_places_and_verbs_are_no_organisations(text, tmp_path):
    assert [a for a in agencies(text, tmp_path) if a != "協會"] == []


def test_a_short_form_at_the_start_of_a_word_stays(tmp_path):
    assert "東協" in agencies("雙方與東協國家在貿易上合作密切。", tmp_path)


def test_a_place_name_ending_in_a_suffix_character_closes_no_organisation(tmp_path):
    assert agencies("據青松社莫斯科3日電，俄羅斯政府今天表示將調整稅率。", tmp_path) == ["青松社"]


@pytest.mark.parametrize("text, name", [
    pytest.param("2001年底青松建築工程公司承建了這條公路。", "青松建築工程公司", id="time-word"),
    pytest.param("上週末青松國財政部長表示將注視匯市。", "青松國財政部", id="time-word-before-fused-title"),
    pytest.param("她多次去青松國駐紐約總領館洽談。", "青松國駐紐約總領館", id="one-character-verb"),
])
def test_a_word_glued_before_the_name_is_left_out(text, name, tmp_path):
    assert agencies(text, tmp_path) == [name]


def test_an_organisation_the_dictionary_knows_whole_is_kept_whole(tmp_path):
    assert agencies("1993年，聯合國大會通過第833號決議。", tmp_path) == ["聯合國大會"]


def test_an_organisation_word_keeps_a_function_word_inside_it(tmp_path):
    assert "青松統一組織" in agencies("青松統一組織剛歡度35歲生日。", tmp_path)


def test_a_transliterated_name_ending_in_a_suffix_character_is_no_organisation(tmp_path):
    t = extract_string("加拿大名將斯維利科決定不參加本次比賽。白俄羅斯總統薩維連科19日表示將繼續合作。", tmp_path)
    assert mentions(t, "AGENCY") == []
    assert {r["name"] for r in t["people"]} == {"斯維利科", "薩維連科"}


def test_a_frequent_word_the_dictionary_knows_as_an_organisation_is_one_where_the_tagger_reads_one(tmp_path):
    assert agencies("國務院今天決定改組。", tmp_path) == ["國務院"]
    assert agencies("國家機關今天決定改組。", tmp_path) == []  # a generic word is none


@pytest.mark.parametrize("text, expected", [
    ("據日本經濟企劃廳測算，經濟將復甦。", ["日本經濟企劃廳"]),  # a government department, named by its country
    ("根據觀測結果，氣象廳判斷可能發生地震。", ["氣象廳"]),  # read as an organisation by the learned tagger
    ("過去這裡有電腦室和電影廳。", []),  # a hall
    ("他買了一套兩室一廳的住房。", []),
    ("泰國內閣今天批准了新的預算。", ["泰國內閣"]),  # a country's cabinet
    ("新內閣今天宣誓就職。", []),
])
def test_a_department_or_a_cabinet_named_by_its_country_is_an_organisation(text, expected, tmp_path):
    assert agencies(text, tmp_path) == expected


@pytest.mark.parametrize("text, expected", [
    ("他們擊敗了巴西足球隊。", ["巴西足球隊"]),  # 球隊 inside 足球隊, the team named by its country
    ("學校的籃球隊今天出賽。", []),  # no name
    ("美國球隊今天出賽。", []),  # a bare 球隊 stays generic
])
def test_a_team_named_by_its_country_holds_the_word_for_its_sport(text, expected, tmp_path):
    assert agencies(text, tmp_path) == expected


@pytest.mark.parametrize("text, expected", [
    ("聯合國在紐約總部召開了一次會議。", ["聯合國"]),  # where an organisation sits
    ("公司總部共有20多個部門。", []),
    ("會議在巴黎的青松組織總部舉行。", ["青松組織總部"]),  # an organisation's headquarters
])
def test_headquarters_after_a_place_is_where_an_organisation_sits(text, expected, tmp_path):
    assert agencies(text, tmp_path) == expected
