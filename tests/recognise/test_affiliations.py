"""AffiliationShapes: the people the titles anchor, each with a (person, title, agency) fact."""

from conftest import person_names, span_of, written


def facts(c):
    a = c.text.a
    return {(f.person, a[f.title[0] : f.title[1]], a[f.agency[0] : f.agency[1]] if f.agency else "") for f in c.findings.facts}


def find_anchors(c):
    c.titles.find_titles()
    c.organisations.find_agencies()


def test_organisation_name_title(build):
    c = build("內政部移民署王大明副署長出席今天的記者會。")
    find_anchors(c)
    c.affiliations.find_people()
    assert facts(c) == {("王大明", "副署長", "內政部移民署")}
    assert c.findings.kept_titles == {span_of(c, "副署長")}
    assert "name before a title" in c.findings.evidence[(*span_of(c, "王大明"), "PERSON")]


def test_organisation_fused_with_the_title_before_the_name(build):
    c = build("內政部長黃建國昨天表示，將檢討相關法規。")
    find_anchors(c)
    c.affiliations.find_people()
    assert facts(c) == {("黄建国", "部長", "內政部")}  # the person key is the simplified name


def test_a_title_between_surname_and_given_name(build):
    c = build("本會李理事長美玲出席年會並致詞。")
    find_anchors(c)
    c.affiliations.find_people()
    assert person_names(c) == {"李理事長美玲"}
    assert facts(c) == {("李美玲", "理事長", "")}
    assert c.findings.persons["李美玲"].name == "李美玲"


def test_names_listed_after_a_title_share_it(build):
    c = build("市議員張志明、李淑芬及王建華出席說明會。")
    find_anchors(c)
    c.affiliations.find_people()
    c.lists.find_listed_people()
    assert facts(c) == {("张志明", "市議員", "")}
    c.affiliations.share_list_titles()
    assert facts(c) == {("张志明", "市議員", ""), ("李淑芬", "市議員", ""), ("王建华", "市議員", "")}


def test_a_title_in_brackets_after_a_person_is_theirs(build):
    c = build("王小明(綠能協會常務理事)發言。")
    find_anchors(c)
    c.affiliations.find_people()
    assert c.findings.facts == []
    c.learned.find_learned_people()
    c.affiliations.find_bracketed_titles()
    assert facts(c) == {("王小明", "常務理事", "綠能協會")}


def test_a_reporter_in_a_dateline_works_for_the_outlet_that_opens_it(build):
    c = build("大華新聞網台北15日電(記者林志豪)")
    find_anchors(c)
    c.affiliations.find_people()
    assert facts(c) == {("林志豪", "記者", "大華新聞網")}


def test_organisation_de_name_title(build):
    c = build("首先，綠能發展協會的王大明理事長分享了經驗。")
    find_anchors(c)
    c.affiliations.find_people()
    assert facts(c) == {("王大明", "理事長", "綠能發展協會")}


def predicated(c):
    """Run every step up to the appointment verbs and copulas; the facts they add, with former."""
    from pipeline.recognise.resolver import steps

    run = steps(c)
    for step in run[: run.index(c.affiliations.find_predicated_titles)]:
        step()
    before = len(c.findings.facts)
    c.affiliations.find_predicated_titles()
    a = c.text.a
    return {(f.person, a[f.title[0] : f.title[1]], a[f.agency[0] : f.agency[1]] if f.agency else "", f.former)
            for f in c.findings.facts[before:]}


def test_an_appointment_verb_gives_the_person_the_office_after_it(build):
    c = build("王大明，現任經濟部次長，曾任國貿署署長、財政部參事。")
    assert predicated(c) == {("王大明", "次長", "經濟部", False), ("王大明", "署長", "國貿署", True),
                             ("王大明", "參事", "財政部", True)}


def test_a_bio_that_opens_with_the_verb_belongs_to_the_person_last_named(build):
    c = build("陳美玲，密西根大學經濟學博士。歷任中華經濟研究院研究員、台央行理事、臺灣經濟學會理事長等。")
    assert predicated(c) == {("陈美玲", "研究員", "中華經濟研究院", False), ("陈美玲", "理事", "央行", False),
                             ("陈美玲", "理事長", "臺灣經濟學會", False)}


def test_a_copula_gives_the_title_only_when_it_ends_the_clause(build):
    assert predicated(build("主講人陳美玲為中華經濟研究院研究員。")) == {("陈美玲", "研究員", "中華經濟研究院", False)}
    assert predicated(build("陳美玲是中華經濟研究院研究員的學生。")) == set()


def test_a_verb_with_no_person_before_it_gives_no_office(build):
    assert predicated(build("本案由國貿署負責，歷任署長均表支持。")) == set()


def test_the_cells_of_a_participants_table_give_each_row_its_affiliation(build):
    c = build("出席人員：\n王大明　台灣經濟研究院　研究員\n陳美玲　科長　財政部\n列席官員：經濟部部長　林志豪\n")
    find_anchors(c)
    c.affiliations.find_people()
    assert facts(c) == {("王大明", "研究員", "台灣經濟研究院"), ("陈美玲", "科長", "財政部"), ("林志豪", "部長", "經濟部")}


def test_japanese_names_in_kanji_take_their_titles(build):
    c = build("日本台灣交流協會台北事務所代表片山和之今天拜會外交部，日華議員懇談會古屋圭司眾議員也到場。")
    find_anchors(c)
    c.affiliations.find_people()
    assert person_names(c) == {"片山和之", "古屋圭司"}  # 和 in a given name after a two-character surname
    assert "古屋圭司" not in written(c, c.findings.agencies)  # its 司 ends no organisation before the title


def test_a_name_inside_an_organisation_token_that_runs_over_the_title(build):
    c = build("外交部國際組織司孫儉元司長勉勵學員。")  # the segmenter reads 外交部國際組織司孫儉元司長 as one token
    find_anchors(c)
    c.affiliations.find_people()
    assert facts(c) == {("孙俭元", "司長", "外交部國際組織司")}


def test_a_title_without_an_organisation_takes_the_one_its_holder_acts_for(build):
    c = build("常務次長俞大維稍後代表外交部晚宴訪團。次長王大明代表總統致詞。")
    from pipeline.recognise.resolver import steps

    for step in steps(c):
        step()
    assert facts(c) == {("俞大维", "常務次長", "外交部"), ("王大明", "次長", "")}  # 代表總統: acting for, no title
