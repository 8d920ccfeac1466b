"""Every form of issue 3, on small hand-written examples (none copied from the corpus)."""

import pytest

from helpers import extract_string, mentions, people_rows


@pytest.fixture
def run(tmp_path):
    return lambda text: extract_string(text, tmp_path)


def test_org_name_title(run):
    t = run("內政部移民署王大明副署長出席今天的記者會。")
    assert ("王大明", "副署長", "內政部移民署") in people_rows(t)
    assert "內政部移民署" in mentions(t, "AGENCY")


def test_org_title_name(run):
    t = run("國家發展委員會主任委員劉文華表示，明年將推動新計畫。")
    assert ("劉文華", "主任委員", "國家發展委員會") in people_rows(t)


def test_surname_title_given_name(run):
    t = run("本會李理事長美玲出席年會並致詞。")
    rows = people_rows(t)
    assert ("李美玲", "理事長", "") in rows
    assert "李理事長美玲" in mentions(t, "PERSON")
    assert "理事長" in mentions(t, "TITLE")


def test_title_name_without_agency(run):
    t = run("總統林志明今天出席典禮，教授陳怡君則在會中發表演說。")
    rows = people_rows(t)
    assert ("林志明", "總統", "") in rows
    assert ("陳怡君", "教授", "") in rows


@pytest.mark.parametrize(
    "text, agency, title, name",
    [
        ("內政部長黃建國昨天表示，將檢討相關法規。", "內政部", "部長", "黃建國"),
        ("高雄市長吳明德宣布新的交通政策。", "高雄市", "市長", "吳明德"),
        ("國家安全局長鄭志豪列席報告。", "國家安全局", "局長", "鄭志豪"),
        ("立法院長周正雄主持院會。", "立法院", "院長", "周正雄"),
        # the head of a branch: the branch's name ends inside the title (…分處 + 分處長)
        ("由加工處高雄分處長吳小川代表簽約。", "加工處高雄分處", "分處長", "吳小川"),
        ("臺北市政府警察局大安分局長陳建國表示，將加強巡邏。", "臺北市政府警察局大安分局", "分局長", "陳建國"),
        # a department, a district, a township (司長, 區長, 鄉長)
        ("出席的有北美司長陳立國與發言人。", "北美司", "司長", "陳立國"),
        ("會場上，青松區長林耿文與市議員致詞。", "青松區", "區長", "林耿文"),
    ],
)
def test_fused_agency_and_title(run, text, agency, title, name):
    t = run(text)
    assert (name, title, agency) in people_rows(t)
    assert agency in mentions(t, "AGENCY")
    assert title in mentions(t, "TITLE")


def test_list_sharing_a_verb(run):
    t = run("本場次由東海大學政治學系黃文彬教授、中華電信吳雅琪經理及交通部航港局林建宏科長擔任與談人。")
    rows = people_rows(t)
    assert ("黃文彬", "教授", "東海大學政治學系") in rows
    assert ("吳雅琪", "經理", "中華電信") in rows
    assert ("林建宏", "科長", "交通部航港局") in rows


def test_minutes_list_separated_by_spaces(run):
    t = run("出席委員：王小明 李大華 陳志強 林美惠\n主  席：周委員文德\n")
    names = {r["name"] for r in t["people"]}
    assert {"王小明", "李大華", "陳志強", "林美惠", "周文德"} <= names
    assert ("王小明", "委員", "") not in people_rows(t)  # 出席委員 heads the list, it is no one's title


def test_compound_titles_give_one_row_each(run):
    t = run("逢甲大學經濟學系教授兼系主任周文彬指出，產業轉型刻不容緩。")
    rows = people_rows(t)
    assert ("周文彬", "教授", "逢甲大學經濟學系") in rows
    assert ("周文彬", "系主任", "逢甲大學經濟學系") in rows


def test_latin_name_with_title(run):
    t = run("亞洲開發銀行執行長John Smith表示，區域合作仍是重點。John Smith也強調人才培育。")
    assert ("John Smith", "執行長", "亞洲開發銀行") in people_rows(t)
    assert mentions(t, "PERSON").count("John Smith") == 2


def test_chinese_rendering_with_latin_name_in_brackets(run):
    t = run("美國國務院發言人史密斯（John Smith）表示，雙方將加強合作。")
    person = next(r for r in t["people"] if r["name"] == "史密斯")
    assert person["aliases"] == "John Smith"
    assert person["title"] == "發言人"


def test_indigenous_name_with_dot(run):
    t = run("出席貴賓包括阿洛.卡力、王美華及陳建志。")
    names = {r["name"] for r in t["people"]}
    assert {"阿洛.卡力", "王美華", "陳建志"} <= names


def test_byline_and_photo_credit(run):
    t = run("（中央社記者吳佳蓉台北5日電）行政院今天召開會議。\n會議現場。（記者陳冠宇攝）")
    rows = people_rows(t)
    assert ("吳佳蓉", "記者", "中央社") in rows
    assert "陳冠宇" in {r["name"] for r in t["people"]}


def test_names_without_title_in_a_list(run):
    t = run("出席的顧問包括張文豪、林雅婷、黃志偉及陳美玲，外交部次長吳正宏陪同。")
    names = {r["name"] for r in t["people"]}
    assert {"張文豪", "林雅婷", "黃志偉", "陳美玲", "吳正宏"} <= names
    assert {r["title"] for r in t["people"] if r["name"] == "張文豪"} == {""}


def test_former_office_is_not_part_of_the_title(run):
    t = run("前財政部長劉建志今天出席論壇。")
    row = next(r for r in t["people"] if r["name"] == "劉建志")
    assert (row["title"], row["agency"], row["former"]) == ("部長", "財政部", "true")
    assert "前" not in "".join(mentions(t, "TITLE"))


def test_honorific_is_not_a_title(run):
    t = run("王大同先生與李美華小姐一同出席。")
    assert "先生" not in mentions(t, "TITLE")
    assert "小姐" not in mentions(t, "TITLE")


def test_short_forms_and_pronouns_resolve_to_the_full_name(run):
    text = "交通部公路局林雅婷科長說明計畫進度。林科長建議加快審查。她也提醒各單位留意時程。"
    t = run(text)
    pid = {r["name"]: r["person_id"] for r in t["people"]}["林雅婷"]
    person_mentions = {r["text"]: r["entity_id"] for r in t["mentions"] if r["label"] == "PERSON"}
    assert person_mentions["林科長"] == pid
    assert person_mentions["她"] == pid
    assert {r["name"] for r in t["people"]} == {"林雅婷"}  # a short form never becomes a person


def test_short_form_without_full_name_is_not_a_person(run):
    t = run("張處長表示，明年預算將增加。")
    assert t["people"] == []
    assert "處長" in mentions(t, "TITLE")


def test_maximal_agency_with_parent(run):
    t = run("外交部北美司吳志豪司長接見訪問團。")
    assert "外交部北美司" in mentions(t, "AGENCY")


def test_agency_abbreviation_and_bracketed_part(run):
    t = run("政大國關中心主任李明哲與世界貿易組織(WTO)秘書處代表會談。")
    agencies = mentions(t, "AGENCY")
    assert "政大國關中心" in agencies
    assert any(a.startswith("世界貿易組織(WTO)") for a in agencies)


def test_tai_variants_merge_into_one_agency_row(run):
    t = run("國立臺灣大學陳志明教授與國立台灣大學李美玲副教授共同發表研究。")
    rows = [r for r in t["agencies"] if "灣大學" in r["name"]]
    assert len(rows) == 1
    assert rows[0]["variants"] in ("國立台灣大學", "國立臺灣大學")
    assert rows[0]["mention_count"] == 2


def test_generic_phrases_are_not_agencies(run):
    t = run("各部會應配合辦理，本中心將持續追蹤，相關單位也會協助。")
    assert mentions(t, "AGENCY") == []


def test_warning_for_same_surname_and_title_with_two_given_names(run):
    t = run("研究中心吳建成副主任主持會議。會後由吳建城副主任總結。")
    kinds = [w["kind"] for w in t["warnings"]]
    assert "name_variant" in kinds


def test_warning_for_agency_written_two_ways(run):
    t = run("國立臺灣大學陳志明教授與國立台灣大學李美玲副教授共同發表研究。")
    assert any(w["kind"] == "agency_variants" for w in t["warnings"])


def test_abbreviation_declared_in_brackets_is_a_variant(run):
    t = run("國家發展委員會（以下簡稱國發會）今天發布報告。國發會指出，人口結構正在改變。")
    row = next(r for r in t["agencies"] if r["name"] == "國家發展委員會")
    assert row["variants"] == "國發會" and row["mention_count"] == 3


def test_bracketed_acronym_used_alone_later(run):
    t = run("訪問團拜會東亞研究中心（EARC）。EARC表示將擴大合作。")
    assert mentions(t, "AGENCY").count("EARC") == 1
    assert len(t["agencies"]) == 1


def test_unit_written_without_its_parent_joins_the_full_name(run):
    t = run("內政部移民署吳志明科長說明新制。移民署也將加開服務櫃檯。")
    row = next(r for r in t["agencies"] if r["name"] == "內政部移民署")
    assert row["variants"] == "移民署"


def test_conjunction_inside_a_unit_name(run):
    t = run("勞動部勞動條件及就業平等司黃美玲科長列席說明。")
    assert ("黃美玲", "科長", "勞動部勞動條件及就業平等司") in people_rows(t)


def test_two_agencies_joined_by_a_conjunction_stay_two(run):
    t = run("本活動由亞洲青年協會及中華經濟研究院共同主辦。")
    assert {"亞洲青年協會", "中華經濟研究院"} <= set(mentions(t, "AGENCY"))


def test_counter_before_an_organisation_word_is_not_an_agency(run):
    t = run("市府已結合轄內5所大學開設課程。")
    assert mentions(t, "AGENCY") == []


def test_compound_surname_with_one_given_character(run):
    t = run("精密工業公司司馬芸人資長分享招募經驗。司馬人資長也提醒應重視職場彈性。")
    assert ("司馬芸", "人資長", "精密工業公司") in people_rows(t)
    assert {r["name"] for r in t["people"]} == {"司馬芸"}


def test_vietnamese_name_with_middle_marker(run):
    t = run("記者會邀請阮氏秋恒、黎氏蘭及陳美鳳分享心得。阮氏秋恒說，她來臺十年。")
    names = {r["name"] for r in t["people"]}
    assert {"阮氏秋恒", "黎氏蘭", "陳美鳳"} <= names


def test_dotted_name_between_an_organisation_and_a_title(run):
    t = run("東華大學民族發展學系巴奈.伊斯坦大助理教授分享田野觀察。")
    assert ("巴奈.伊斯坦大", "助理教授", "東華大學民族發展學系") in people_rows(t)


def test_organisation_surname_title_keeps_the_surname_out(run):
    t = run("駐泰國台北經濟貿易辦事處經濟組蔡組長簡報產業概況。")
    assert "駐泰國台北經濟貿易辦事處經濟組" in mentions(t, "AGENCY")


def test_latin_names_with_diacritics(run):
    t = run("斯洛伐克經濟部國務秘書Tomáš Novák表示樂觀。Tomáš Novák也指出合作重點。")
    assert ("Tomáš Novák", "國務秘書", "斯洛伐克經濟部") in people_rows(t)
    assert mentions(t, "PERSON").count("Tomáš Novák") == 2


def test_city_councillor_is_a_fused_title(run):
    t = run("縣長與新竹市議員林佩玲一同出席。")
    assert ("林佩玲", "市議員", "新竹市") in people_rows(t)


def test_full_name_with_honorific_is_a_person_without_title(run):
    t = run("家住竹北的吳秀美女士也參加試乘。")
    assert ("吳秀美", "", "") in people_rows(t)
    assert "女士" not in mentions(t, "TITLE")


def test_list_ending_with_a_latin_name(run):
    t = run("研究團隊成員許哲安、蘇芷涵及Anna Novak等人也分享經驗。")
    assert {"許哲安", "蘇芷涵"} <= {r["name"] for r in t["people"]}


def test_three_character_reading_that_swallows_the_next_word(run):
    t = run("國務院總理李強今天表示將擴大內需。")
    assert ("李強", "總理", "國務院") in people_rows(t)


def test_abbreviation_written_as_a_subsequence_joins_the_full_name(run):
    t = run("衛生福利部疾病管制署林怡君副署長說明疫情。疾管署也將加強監測。")
    row = next(r for r in t["agencies"] if r["name"] == "衛生福利部疾病管制署")
    assert row["variants"] == "疾管署"


def test_counter_after_a_numeral_does_not_start_an_organisation(run):
    t = run("全國87所大專校院參賽，可減少約4成住院風險，第12屆大賽圓滿落幕。")
    assert mentions(t, "AGENCY") == []


def test_dotted_name_ends_where_a_verb_starts(run):
    t = run("德國專家漢斯·布勞爾協助團隊調整演算法。")
    assert "漢斯·布勞爾" in {r["name"] for r in t["people"]}


@pytest.mark.parametrize("text, agencies", [
    ("研討會吸引逾300位產官學界代表出席。", []),
    ("立委提案修大學法，引發討論。", []),
    ("本案由安心照護股份有限公司承辦。", ["安心照護股份有限公司"]),
    ("衛生福利部長期照顧司司長出席說明。", ["衛生福利部長期照顧司"]),
])
def test_no_invented_entities(run, text, agencies):
    """No person or organisation starts or ends inside a word, after a numeral and classifier, or
    inside a law's name; a generic group (產官學界代表) is nobody."""
    t = run(text)
    assert not t["people"]
    assert mentions(t, "AGENCY") == agencies
    assert "部長" not in mentions(t, "TITLE")


def test_companies_and_associations_named_by_their_trade(run):
    t = run("新廠房已被宏遠光電、大成生技等廠商預約。明信金控董事長王大明與旅日同鄉會會長林小華出席。")
    assert {"宏遠光電", "大成生技", "明信金控", "旅日同鄉會"} <= set(mentions(t, "AGENCY"))
    assert ("王大明", "董事長", "明信金控") in people_rows(t)


def test_an_infrastructure_word_is_no_company(run):
    t = run("政府將推動前瞻基礎建設與公路建設，並補助生技產業。")
    assert not mentions(t, "AGENCY")


def test_a_known_abbreviation_is_a_variant_of_the_full_name_in_the_same_report(run):
    t = run("中華民國全國工業總會今天發表白皮書，並表示工總支持。立法院應儘速審議，立院將於下週表決。")
    rows = {r["name"]: r["variants"] for r in t["agencies"]}
    assert rows.get("中華民國全國工業總會") == "工總" and rows.get("立法院") == "立院"


def test_a_known_abbreviation_alone_is_an_agency_of_its_own(run):
    t = run("台積電今天宣布擴大投資，經濟部表示歡迎。")
    assert {r["name"] for r in t["agencies"]} == {"台積電", "經濟部"}


def test_compound_and_local_titles_are_read_whole(run):
    t = run("本校學務主任王大明、候補理事林小華、村長陳美玲及國策顧問張志強出席。")
    assert {("王大明", "學務主任", ""), ("林小華", "候補理事", ""), ("陳美玲", "村長", ""),
            ("張志強", "國策顧問", "")} <= people_rows(t)


def test_a_caucus_convener_is_a_title_of_the_caucus(run):
    t = run("立法院民眾黨團總召黃國強表示反對。")
    assert ("黃國強", "總召", "立法院民眾黨團") in people_rows(t)


def test_a_table_of_positions_and_names_one_cell_per_line(run):
    t = run("列席官員 |\n行政院院長 |\n王大同 |\n|\n內政部部長 |\n林小華 |\n|\n")
    assert {("王大同", "院長", "行政院"), ("林小華", "部長", "內政部")} <= people_rows(t)


def test_a_known_abbreviation_names_the_agency_of_the_title_after_it(run):
    t = run("中華民國全國工業總會今天發表白皮書。工總理事長王大明表示支持。")
    assert ("王大明", "理事長", "工總") in people_rows(t)


def test_thanks_before_a_surname_and_title_is_no_name(run):
    t = run("謝謝賴委員的提問，也謝謝林部長的說明。")
    assert not any(r["name"].startswith("謝謝") for r in t["people"])


def test_a_quoted_name_before_an_organisation_suffix_is_part_of_the_organisation(run):
    t = run("「台灣數位轉型」協會理事長王大明致詞。")
    assert ("王大明", "理事長", "「台灣數位轉型」協會") in people_rows(t)


def test_bodies_the_press_names_bare_are_agencies(run):
    t = run("慈濟志工今天前往災區，國台辦也發表聲明，東協各國表示關切。")
    assert {"慈濟", "國台辦", "東協"} <= set(mentions(t, "AGENCY"))


def test_a_venue_that_shares_a_short_form_is_no_agency(run):
    t = run("展覽在世貿一館舉行，財經部會首長出席。")
    assert not any(a in ("世貿", "經部") for a in mentions(t, "AGENCY"))


def test_a_table_row_of_cells_apart_by_spaces(run):
    t = run("列席人員：\n內政部  部長  王大明\n交通部  政務次長  李小華\n")
    assert {("王大明", "部長", "內政部"), ("李小華", "政務次長", "交通部")} <= people_rows(t)
    assert "name in the cell after a title" in {r["evidence"] for r in t["mentions"] if r["text"] == "王大明"}


@pytest.mark.parametrize("text, row", [
    # ORG + NAME + TITLE is not read as a fused title (…司 + 孫某某 + 司長)
    ("並邀請外交部國際組織司孫儉文司長給予學員勉勵。", ("孫儉文", "司長", "外交部國際組織司")),
    # an organisation in quotation marks before a title
    ("台“外交部”發言人李憲文今天上午表示，將加強合作。", ("李憲文", "發言人", "外交部")),
])
def test_the_organisation_before_a_name_or_in_quotes_is_the_persons(run, text, row):
    assert row in people_rows(run(text))


@pytest.mark.parametrize("text, row", [
    ("駐青松代表處由副代表張大文出席。", ("張大文", "副代表", "駐青松代表處")),  # the body sends its own
    ("外交部派司長王大文前往。", ("王大文", "司長", "外交部")),  # 派司長 is no 派司 + 司長
])
def test_an_organisation_that_sends_someone_by_title_is_theirs(run, text, row):
    assert row in people_rows(run(text))


def test_a_transliteration_after_its_title_with_its_latin_form_in_brackets_is_the_person(run):
    t = run("美國青松基金會創辦人佛訥(Edwin J. Feulner)也出席。")
    assert ("佛訥", "創辦人", "美國青松基金會") in people_rows(t)


@pytest.mark.parametrize("text, row", [
    ("泰國駐日本大使王大明在會中發言。", ("王大明", "大使", "")),  # a posting to a country names no organisation
    ("我國駐日本代表謝志明表示歡迎。", ("謝志明", "代表", "")),
])
def test_a_posting_to_a_country_is_no_organisation(run, text, row):
    t = run(text)
    assert [(r["name"], r["title"], r["agency"]) for r in t["people"]] == [row]
    assert t["agencies"] == []


def test_representing_a_number_of_countries_is_acting_for_them_not_a_title(run):
    t = run("會後，財政部副部長林大明代表七國發言。")
    assert [(r["name"], r["title"], r["agency"]) for r in t["people"]] == [("林大明", "副部長", "財政部")]


def test_a_list_of_offices_joined_by_ji_keeps_each_organisation_to_its_holder(run):
    t = run("經濟部次長陳志明、國發會副主委高桂花及外交部亞東太平洋司司長劉大立出席。")
    assert [(r["name"], r["title"], r["agency"]) for r in t["people"]] == [
        ("陳志明", "次長", "經濟部"), ("高桂花", "副主委", "國發會"), ("劉大立", "司長", "外交部亞東太平洋司")]


@pytest.mark.parametrize("text, name", [
    ("本場由研究院副院長王健全主持。", "王健全"),  # the third character before a verb
    ("該公司董事長魏哲家今（5）日表示，需求強勁。", "魏哲家"),  # … before 今（5）日
])
def test_a_name_the_learned_tagger_cuts_before_its_third_character_is_read_whole(run, text, name):
    assert [r["name"] for r in run(text)["people"]] == [name]


def test_a_committee_convener_is_a_title(run):
    t = run("立法院經濟委員會召委王大明說。")
    assert [(r["name"], r["title"], r["agency"]) for r in t["people"]] == [("王大明", "召委", "立法院經濟委員會")]


@pytest.mark.parametrize("text, row", [
    ("台大教授、前衛生署長李明亮說。", ("李明亮", "署長", "衛生署")),  # 前 'former' is no part of the name
    ("前鎮區公所區長王大明說。", ("王大明", "區長", "前鎮區公所")),  # … of a place that starts with it, it is
])
def test_former_before_an_office_stays_out_of_its_name(run, text, row):
    assert (row[0], row[1], row[2]) in {(r["name"], r["title"], r["agency"]) for r in run(text)["people"]}


def test_titles_joined_by_jian_before_a_name_keep_each_its_own_organisation(run):
    t = run("行政院政務委員兼科技會報執行秘書吳志忠表示，政府將持續推動。")
    assert sorted((r["name"], r["title"], r["agency"]) for r in t["people"]) == [
        ("吳志忠", "執行秘書", "科技會報"), ("吳志忠", "政務委員", "行政院")]


@pytest.mark.parametrize("text, rows, agencies", [
    ("國民黨籍立委王大明說。", [("王大明", "立委", "國民黨")], ["國民黨"]),  # 籍 marks the party's member
    ("中興大學政治研究所所長王大明教授指出。", [("王大明", "所長", "中興大學政治研究所"), ("王大明", "教授", "")],
     ["中興大學政治研究所"]),  # the 長 of 所長 is no surname: no organisation 研究所所
])
def test_no_organisation_swallows_a_membership_mark_or_the_end_of_a_title(run, text, rows, agencies):
    t = run(text)
    assert [(r["name"], r["title"], r["agency"]) for r in t["people"]] == rows
    assert [r["name"] for r in t["agencies"]] == agencies


def test_a_byline_that_ends_in_zonghe_baodao_names_no_newspaper(run):
    t = run("本報記者王大明、李小華/綜合報導")
    assert [(r["name"], r["title"]) for r in t["people"]] == [("王大明", "記者"), ("李小華", "記者")]
    assert t["agencies"] == []


def test_a_name_the_learned_tagger_cuts_before_a_byline_dateline_is_read_whole(run):
    t = run("（中央社記者吳家豪台北3日電）行政院今天宣布。")
    assert [(r["name"], r["title"], r["agency"]) for r in t["people"]] == [("吳家豪", "記者", "中央社")]  # not 吳家


@pytest.mark.parametrize("text, row", [
    ("監事長蘇美惠表示，將續辦。", ("蘇美惠", "監事長", "")),
    ("創會理事長洪志晏說，", ("洪志晏", "創會理事長", "")),  # 創會 'founding' is part of the title, no organisation
])
def test_association_officers_are_titles(run, text, row):
    t = run(text)
    assert [(r["name"], r["title"], r["agency"]) for r in t["people"]] == [row]
    assert t["agencies"] == []


@pytest.mark.parametrize("text", ["帛琉總統惠明仁訪台。", "帛琉共和國總統惠明仁訪台。"])
def test_a_country_before_its_head_of_state_is_no_organisation(run, text):
    t = run(text)
    assert [(r["name"], r["title"], r["agency"]) for r in t["people"]] == [("惠明仁", "總統", "")]
    assert t["agencies"] == []


def test_a_title_after_a_university_is_kept_when_its_last_character_and_the_name_make_a_word(run):
    t = run("淡江大學校長葛煥明出席。")  # 校長|葛煥明, though 長葛 is a word (a city)
    assert [(r["name"], r["title"], r["agency"]) for r in t["people"]] == [("葛煥明", "校長", "淡江大學")]


def test_a_verb_the_segmenter_reads_into_a_noun_before_a_known_body_stays_out_of_its_name(run):
    t = run("日本眾議院議員古屋明司率團拜會立法院。")  # 率團|拜會|立法院, not 率|團拜會立法院
    assert [r["name"] for r in t["agencies"]] == ["日本眾議院", "立法院"]


@pytest.mark.parametrize("text, row", [
    ("法務部調查局洗錢防制處處長王文明說。", ("王文明", "處長", "法務部調查局洗錢防制處")),
    ("內政部警政署反詐騙中心主任李大同說。", ("李大同", "主任", "內政部警政署反詐騙中心")),
])
def test_a_unit_named_after_the_crime_it_fights_is_inside_its_parents_name(run, text, row):
    assert [(r["name"], r["title"], r["agency"]) for r in run(text)["people"]] == [row]


def test_a_field_before_an_analyst_is_part_of_the_title(run):
    t = run("資策會MIC資深產業分析師楊淳明說。")
    assert [(r["name"], r["title"], r["agency"]) for r in t["people"]] == [("楊淳明", "資深產業分析師", "資策會MIC")]


def test_a_list_of_panelists_with_a_space_between_organisation_and_name_keeps_each_organisation(run):
    t = run("與談人：中華經濟研究院 王健明副院長、台灣經濟研究院 孫明志所長\n")
    assert [(r["name"], r["title"], r["agency"]) for r in t["people"]] == [
        ("王健明", "副院長", "中華經濟研究院"), ("孫明志", "所長", "台灣經濟研究院")]


@pytest.mark.parametrize("text, agencies", [
    ("本案由世界銀行、OECD及IMF共同研議。", ["世界銀行", "OECD", "IMF"]),
    ("經濟部與OECD合作辦理。", ["經濟部", "OECD"]),
    ("外交部與APEC會議代表團會談。", ["外交部"]),  # before an event word the acronym names the event
])
def test_a_known_acronym_joined_to_an_organisation_is_one(run, text, agencies):
    assert [r["name"] for r in run(text)["agencies"]] == agencies


def test_a_company_with_its_latin_name_in_brackets_before_a_title_is_the_holders_organisation(run):
    t = run("輝達（NVIDIA）執行長黃仁明說，需求強勁。")
    assert [(r["name"], r["title"], r["agency"]) for r in t["people"]] == [("黃仁明", "執行長", "輝達（NVIDIA）")]


def test_a_title_after_the_latin_form_of_a_name_is_that_persons(run):
    t = run("訪賓包括英國蘇格蘭議會葛蘭明(Rhoda Grant)議員、哈里森(Alison Harris)議員等。")
    assert {(r["name"], r["title"], r["agency"]) for r in t["people"]} == {
        ("葛蘭明", "議員", "英國蘇格蘭議會"), ("哈里森", "議員", "英國蘇格蘭議會")}


@pytest.mark.parametrize("text, row", [
    ("美國聯邦眾議員迪亞斯巴拉特表示歡迎。", ("迪亞斯巴拉特", "眾議員", "")),  # the federation is the country
    ("Google台灣董事總經理林之明表示，", ("林之明", "董事總經理", "Google台灣")),
])
def test_federal_and_managing_titles(run, text, row):
    assert [(r["name"], r["title"], r["agency"]) for r in run(text)["people"]] == [row]


def test_a_former_office_joined_by_ji_after_a_title_keeps_each_its_own_organisation(run):
    t = run("亞洲大學講座教授暨前教育部長吳清明致詞。")
    assert sorted((r["name"], r["title"], r["agency"], r["former"]) for r in t["people"]) == [
        ("吳清明", "講座教授", "亞洲大學", "false"), ("吳清明", "部長", "教育部", "true")]


@pytest.mark.parametrize("text, row", [
    ("台灣區電機電子工業同業公會（電電公會）理事長李詩明說。", ("李詩明", "理事長", "台灣區電機電子工業同業公會")),
    ("外交部國際合作及經濟事務司（國經司）司長王大同說。", ("王大同", "司長", "外交部國際合作及經濟事務司")),
])
def test_a_short_form_in_brackets_between_organisation_and_title_keeps_the_organisation(run, text, row):
    assert [(r["name"], r["title"], r["agency"]) for r in run(text)["people"]] == [row]


@pytest.mark.parametrize("text, agency", [
    ("活動由大安區公所主辦。", "大安區公所"),  # (所 before a verb is a particle, 公所 is an office)
    ("松山戶政事務所主任說。", "松山戶政事務所"),
])
def test_local_government_offices_are_organisations(run, text, agency):
    assert [r["name"] for r in run(text)["agencies"]] == [agency]


def test_a_district_office_named_by_its_kind_alone_is_generic(run):
    assert run("區公所延長服務時間。")["agencies"] == []


def test_an_organisation_after_a_title_and_a_colon_is_no_holders_name(run):
    t = run("發言人：衛福部 曾次長\n")
    assert t["people"] == [] and [r["name"] for r in t["agencies"]] == ["衛福部"]


def test_an_office_of_a_known_body_whose_name_holds_a_boundary_word_keeps_the_whole_name(run):
    t = run("美國在台協會台北辦事處處長谷立明（Raymond Greene）致詞。")  # 在 inside 美國在台協會
    assert [(r["name"], r["title"], r["agency"]) for r in t["people"]] == [("谷立明", "處長", "美國在台協會台北辦事處")]


@pytest.mark.parametrize("text, rows, agencies", [
    ("本校電機系林教授志明團隊榮獲獎項。", [("林志明", "教授", "電機系")], ["電機系"]),  # a name before 團隊
    ("頒獎人為教育部高等教育司司長朱俊明。", [("朱俊明", "司長", "教育部高等教育司")], ["教育部高等教育司"]),
    ("理學院林院長志明表示，", [("林志明", "院長", "理學院")], ["理學院"]),  # ORG + surname + 院長, no 理學院林院
])
def test_university_news_forms(run, text, rows, agencies):
    t = run(text)
    assert [(r["name"], r["title"], r["agency"]) for r in t["people"]] == rows
    assert [r["name"] for r in t["agencies"]] == agencies


@pytest.mark.parametrize("text, row", [
    ("ABAC主席Dato' Rohana Mahmood致詞時指出，", ("Rohana Mahmood", "主席", "ABAC")),
    ("APEC秘書處執行主任Dr. Rebecca Sta Maria表示，", ("Rebecca Sta Maria", "執行主任", "APEC秘書處")),
])
def test_an_honorific_before_a_latin_name_after_its_title_stays_out_of_the_name(run, text, row):
    assert [(r["name"], r["title"], r["agency"]) for r in run(text)["people"]] == [row]


def test_a_title_in_scare_quotes_after_its_organisation_keeps_it(run):
    t = run("國民黨“立委”賴士明質詢時說，")
    assert [(r["name"], r["title"], r["agency"]) for r in t["people"]] == [("賴士明", "立委", "國民黨")]


@pytest.mark.parametrize("text, rows", [
    ("王大同，美國哈佛大學經濟學博士，現任國立政治大學經濟學系教授，曾任行政院主計總處主計長。",
     [("王大同", "主計長", "行政院主計總處", "true"), ("王大同", "教授", "國立政治大學經濟學系", "false")]),
    ("李美華現為台灣經濟研究院研究員，亦兼任中華民國經濟學會理事。",
     [("李美華", "理事", "中華民國經濟學會", "false"), ("李美華", "研究員", "台灣經濟研究院", "false")]),
])
def test_a_bio_states_the_offices_of_the_person_it_opens_with(run, text, rows):
    assert sorted((r["name"], r["title"], r["agency"], r["former"]) for r in run(text)["people"]) == rows


@pytest.mark.parametrize("text, rows", [
    ("主講人：林志明\n現職：國立臺灣大學經濟學系教授\n經歷：中央研究院經濟研究所研究員\n",
     [("林志明", "教授", "國立臺灣大學經濟學系", "false"), ("林志明", "研究員", "中央研究院經濟研究所", "true")]),
    ("陳美華教授為國立清華大學化學系主任，專長為有機化學。",
     [("陳美華", "教授", "", "false"), ("陳美華", "系主任", "國立清華大學化學系", "false")]),
    ("張大同是台積電前資深副總經理。", [("張大同", "資深副總經理", "台積電", "true")]),
])
def test_bio_lines_and_copulas_after_a_title_state_offices(run, text, rows):
    assert sorted((r["name"], r["title"], r["agency"], r["former"]) for r in run(text)["people"]) == rows


@pytest.mark.parametrize("text, rows", [
    ("由本會理事長、台大教授王大同主持。", [("王大同", "教授", "台大", "false"), ("王大同", "理事長", "", "false")]),
    ("中央研究院院士、前副總統陳建明今日致詞。", [("陳建明", "副總統", "", "true"), ("陳建明", "院士", "中央研究院", "false")]),
    ("邀請前駐法代表呂慶明大使、台灣青年協會秘書長邱達明演講。",  # the title before 、 is its own holder's
     [("呂慶明", "代表", "", "true"), ("呂慶明", "大使", "", "false"), ("邱達明", "秘書長", "台灣青年協會", "false")]),
])
def test_titles_listed_with_an_enumeration_comma_before_a_name_are_that_persons(run, text, rows):
    assert sorted((r["name"], r["title"], r["agency"], r["former"]) for r in run(text)["people"]) == rows


def test_a_surname_after_a_title_that_makes_a_word_with_the_titles_last_character_starts_a_name(run):
    t = run("經濟部部長郭智明、次長江文若出席。")  # 次長|江文若, though 長江 is a word
    assert [(r["name"], r["title"]) for r in t["people"]] == [("郭智明", "部長"), ("江文若", "次長")]


@pytest.mark.parametrize("text, row", [
    ("考試院考試委員陳慈明說，", ("陳慈明", "考試委員", "考試院")),
    ("行政院參事委員高惠明出席。", ("高惠明", "參事委員", "行政院")),
])
def test_a_field_before_committee_member_makes_one_title(run, text, row):
    assert [(r["name"], r["title"], r["agency"]) for r in run(text)["people"]] == [row]


def test_part_of_a_countrys_name_is_no_person(run):
    t = run("吐瓦魯總理戴斐明抵台訪問。")  # the tagger reads 瓦魯 as a name once 吐瓦魯 is no organisation
    assert [(r["name"], r["title"]) for r in t["people"]] == [("戴斐明", "總理")]


@pytest.mark.parametrize("text, rows", [
    ("主教練科薩諾夫·米羅拉德表示，他很滿意。", [("科薩諾夫·米羅拉德", "主教練")]),  # 科 is also a unit's suffix
    ("出獄後的艾山·托爾地決心重新做人。", [("艾山·托爾地", "")]),  # the particle 地 never follows a name
    ("缺少了德瓦斯、諾蒂、平圖塞維奇等眾多名將。", [("平圖塞維奇", ""), ("德瓦斯", ""), ("諾蒂", "")]),
])
def test_transliterated_names_keep_their_first_and_last_syllables(run, text, rows):
    assert sorted((r["name"], r["title"]) for r in run(text)["people"]) == sorted(rows)


def test_an_item_opened_by_a_numeral_is_no_name_in_a_list_of_names(run):
    t = run("本隊以王志豪、林建宏、陳冠宇為第一、二、三單打。")
    assert sorted(r["name"] for r in t["people"]) == ["林建宏", "王志豪", "陳冠宇"]


def test_less_common_surnames_are_surnames(run):
    assert [r["name"] for r in run("隊員包括申思、朱琪等人。")["people"]] == ["申思", "朱琪"]


def test_a_place_token_that_starts_inside_a_title_does_not_hide_the_name_after_it(run):
    t = run("衛福部次長林靜華、疾管署署長莊人傑共同主持記者會。")  # the segmenter reads 長莊人傑 as a place
    assert [(r["name"], r["title"], r["agency"]) for r in t["people"]] == [
        ("林靜華", "次長", "衛福部"), ("莊人傑", "署長", "疾管署")]


def test_an_organisation_ending_in_a_suffix_of_its_own_takes_the_whole_title_after_it(run):
    t = run("財團法人資訊工業策進會數位轉型研究院所長陳信明指出。")  # 研究院 + 所長, not 研究院所 + 長; 數位 is no count
    assert [(r["name"], r["title"], r["agency"]) for r in t["people"]] == [
        ("陳信明", "所長", "財團法人資訊工業策進會數位轉型研究院")]


def test_a_split_name_at_the_very_end_of_the_text_is_read(run):
    t = run("出席人員：王主任委員志遠、李副主任委員小華、陳委員志強")
    assert [r["name"] for r in t["people"]] == ["王志遠", "李小華", "陳志強"]


@pytest.mark.parametrize("text, rows", [
    ("與談人：John Smith、Mary Jones\n", [("John Smith", "", ""), ("Mary Jones", "", "")]),
    ("本場由Dr. Mary Jones主講。", [("Mary Jones", "", "")]),
    ("Mr. Peter Chen表示，合作將持續。", [("Peter Chen", "", "")]),
    ("講者：John Smith（亞洲開發銀行處長）", [("John Smith", "處長", "亞洲開發銀行")]),
    ("主題：Green Energy Transition\n地點：Grand Hyatt Taipei\n", []),
])
def test_latin_names_after_an_honorific_a_label_naming_people_or_before_their_office(run, text, rows):
    t = run(text)
    assert [(r["name"], r["title"], r["agency"]) for r in t["people"]] == rows
    assert {r["agency"] for r in t["people"] if r["agency"]} <= {r["name"] for r in t["agencies"]}


@pytest.mark.parametrize("text, row", [
    ("英國在台辦事處代表約翰．史密斯致詞。", ("約翰．史密斯", "代表", "英國在台辦事處")),  # 在台 inside a foreign body's name
    ("日本台灣交流協會台北事務所代表片山和也拜會外交部。", ("片山和也", "代表", "日本台灣交流協會台北事務所")),
    ("美國國務院副助卿孫曉明今天抵台。", ("孫曉明", "副助卿", "美國國務院")),
])
def test_foreign_offices_and_their_envoys(run, text, row):
    assert [(r["name"], r["title"], r["agency"]) for r in run(text)["people"]] == [row]


def test_a_foreign_body_in_taiwan_is_one_organisation(run):
    assert [r["name"] for r in run("英國在台辦事處表示，將持續推動交流。")["agencies"]] == ["英國在台辦事處"]


def test_a_suffix_that_begins_inside_another_still_ends_an_organisation(run):
    t = run("水平考試由某大學協辦，漢諾威中國中心主辦。")  # 國中 ('junior high') would hide 中心
    assert "漢諾威中國中心" in [r["name"] for r in t["agencies"]]


def test_a_title_after_a_schools_suffix_is_not_read_across_it(run):
    t = run("台北市立大安國中校長王志明表示，")  # 國中 + 校長, not 國 + 中校 (a rank) + 長
    assert [(r["name"], r["title"], r["agency"]) for r in t["people"]] == [("王志明", "校長", "台北市立大安國中")]


@pytest.mark.parametrize("text, rows", [
    # a noun saying what the body is, before an office fused with its title (主辦單位|某局局長)
    ("主辦單位臺北市政府社會局局長姚美文致歡迎詞。", [("姚美文", "局長", "臺北市政府社會局")]),
    ("指導單位教育部國民及學前教育署署長彭志源出席。", [("彭志源", "署長", "教育部國民及學前教育署")]),
    # 系 + 系主任, as 部 + 部長
    ("承辦單位國立中山大學社會學系主任王宏明說明。", [("王宏明", "系主任", "國立中山大學社會學系")]),
    # a unit of 'this ministry': 本部|法制處
    ("本部法制處處長林秀蘭說明修正重點。", [("林秀蘭", "處長", "法制處")]),
])
def test_the_organisation_before_an_office_starts_after_what_describes_it(run, text, rows):
    t = run(text)
    assert [(r["name"], r["title"], r["agency"]) for r in t["people"]] == rows
    assert {r["agency"] for r in t["people"]} <= {r["name"] for r in t["agencies"]}


@pytest.mark.parametrize("text, rows", [
    # the given name an ordinary word (俊秀 'handsome'), read apart by the learned tagger; 工業局|林 one token to jieba
    ("出席人員：經濟部工業局林副局長俊秀、交通部觀光署周署長永輝",
     [("林俊秀", "副局長", "經濟部工業局"), ("周永輝", "署長", "交通部觀光署")]),
    ("本次會議由行政院王主任委員大明主持。", [("王大明", "主任委員", "行政院")]),
    ("張副司長期盼各界支持。", []),  # 期盼 'hope' is no given name
])
def test_split_names_with_a_given_name_that_is_also_a_word(run, text, rows):
    assert [(r["name"], r["title"], r["agency"]) for r in run(text)["people"]] == rows


def test_a_place_after_a_generic_determiner_keeps_its_organisation(run):
    t = run("比賽結束後，貴陽市委副書記辛維明向選手祝賀。")  # 貴陽 a place, not 貴 'your'
    assert "貴陽市委" in [r["name"] for r in t["agencies"]]


@pytest.mark.parametrize("text, rows", [
    # programme lines: ORG␣NAME␣TITLE, a list of them, NAME␣TITLE（ORG）
    ("主持人：國立政治大學經濟學系 莊志琦 教授", [("莊志琦", "教授", "國立政治大學經濟學系")]),
    ("與談人：台灣經濟研究院 王小明 研究員、中華經濟研究院 李大同 副研究員",
     [("王小明", "研究員", "台灣經濟研究院"), ("李大同", "副研究員", "中華經濟研究院")]),
    ("引言人：黃美玲 副教授（輔仁大學社會工作學系）", [("黃美玲", "副教授", "輔仁大學社會工作學系")]),
    ("引言人：黃美玲副教授（輔仁大學社會工作學系）、陳大文教授（東吳大學）",
     [("黃美玲", "副教授", "輔仁大學社會工作學系"), ("陳大文", "教授", "東吳大學")]),
])
def test_programme_lines_give_each_speaker_their_organisation(run, text, rows):
    assert [(r["name"], r["title"], r["agency"]) for r in run(text)["people"]] == rows


def test_deputy_listed_after_the_holder_shares_the_office(run):
    rows = people_rows(run("總統府秘書長潘大明、副秘書長何小華今天陪同出席典禮。"))
    assert ("潘大明", "秘書長", "總統府") in rows
    assert ("何小華", "副秘書長", "總統府") in rows


def test_another_office_after_the_list_mark_keeps_no_organisation(run):
    rows = people_rows(run("經濟部長王大明、立委賴小華今天一同出席典禮。"))
    assert ("王大明", "部長", "經濟部") in rows
    assert ("賴小華", "立委", "") in rows
