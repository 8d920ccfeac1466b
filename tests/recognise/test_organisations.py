"""OrganisationEvidence: organisations from suffixes, the gazetteer, a title fused with them,
acronyms and the short forms a report declares, each with the evidence that proposed it."""

from conftest import span_of, written


def agencies_found(build, text) -> list[str]:
    """The organisations the suffix, gazetteer and fused-title rules find in text, as written."""
    c = build(text)
    c.titles.find_titles()
    c.organisations.find_agencies()
    return written(c, c.findings.agencies)


def evidence(c, word):
    return c.findings.evidence.get((*span_of(c, word), "AGENCY"))


def test_an_organisation_suffix_ends_a_name_that_runs_back_to_a_boundary(build):
    c = build("邀請綠能發展協會理事長王建華致詞。")
    c.titles.find_titles()
    c.organisations.find_agencies()
    assert written(c, c.findings.agencies) == ["綠能發展協會"]
    assert evidence(c, "綠能發展協會") == ["organisation suffix"]


def test_a_government_body_fused_with_its_title_is_split_from_it(build):
    c = build("內政部長黃建國昨天表示，將檢討相關法規。")
    c.titles.find_titles()
    c.organisations.find_agencies()
    assert written(c, c.findings.agencies) == ["內政部"]
    assert written(c, c.findings.titles) == ["部長"]


def test_a_known_acronym_that_acts_is_an_organisation(build):
    c = build("APEC特別重視數位經濟。")
    c.titles.find_titles()
    c.organisations.find_agencies()
    assert written(c, c.findings.agencies) == ["APEC"]
    assert evidence(c, "APEC") == ["known acronym"]


def test_the_name_of_a_law_is_no_organisation(build):
    c = build("立法院修正綠能發展協會組織法第三條。")
    assert c.organisations.inside_law_name(*span_of(c, "綠能發展協會"))
    assert not c.organisations.inside_law_name(*span_of(c, "立法院"))
    c.titles.find_titles()
    c.organisations.find_agencies()
    assert written(c, c.findings.agencies) == ["立法院"]


def test_the_organisation_before_a_name_is_found_for_the_affiliation(build):
    c = build("大同建設總經理李志豪表示看好市場。")
    c.titles.find_titles()
    c.organisations.find_agencies()
    assert c.findings.agencies == []  # no suffix: the chunk before the title is the evidence
    agency = c.organisations.chunk_agency(span_of(c, "總經理")[0], "总经理")
    assert agency == span_of(c, "大同建設")
    assert c.findings.agencies == [agency]
    assert evidence(c, "大同建設") == ["organisation before a name or title"]


def test_a_declared_short_form_names_the_organisation_wherever_it_stands(build):
    c = build("青年創業推廣協會（以下簡稱創推會）今天成立，創推會將舉辦講座。")
    c.titles.find_titles()
    c.organisations.find_agencies()
    c.organisations.find_declared_agency_forms()
    assert written(c, c.findings.agencies) == ["青年創業推廣協會", "創推會", "創推會"]
    assert c.findings.agency_aliases == {"創推會": "青年創業推廣協會"}
    assert evidence(c, "創推會") == ["declared short form"]


def test_a_hyphen_between_two_acronyms_stays_inside_the_name(build):
    c = build("ABC-ROC理事辦公室代表也到場。")
    c.titles.find_titles()
    c.organisations.find_agencies()
    c.learned.bound_agencies_by_learned()
    assert written(c, c.findings.agencies) == ["ABC-ROC理事辦公室"]


def test_a_boundary_word_glued_on_the_front_is_no_part_of_the_name(build):
    c = build("場面熱鬧，主管機關教育局科長林大明、區長陳小華到場。")
    c.titles.find_titles()
    c.organisations.find_agencies()
    agency = c.organisations.chunk_agency(span_of(c, "科長")[0], "科长")
    assert agency == span_of(c, "教育局")


def test_a_verb_or_former_before_a_known_name_is_dropped(build):
    assert agencies_found(build, "今年將執行行政院核定的計畫，前衛生福利部官員也出席。") == ["行政院", "衛生福利部"]


def test_one_verb_before_a_generic_organisation_word_is_no_name(build):
    assert agencies_found(build, "他呼籲各界合作,促政黨協商,穩定政局。") == []


def test_a_generic_prefix_split_by_a_boundary_is_dropped(build):
    assert agencies_found(build, "縣府將建置在地醫療院所的設施。") == []


def test_a_known_organisation_and_the_dinner_it_hosts_are_no_longer_name(build):
    c = build("次長稍後代表外交部晚宴柯林斯議長訪團。")
    c.titles.find_titles()
    c.organisations.find_agencies()
    assert written(c, c.findings.agencies) == ["外交部"]
    assert c.organisations.chunk_agency(span_of(c, "柯林斯")[0], "议长") is None
    assert written(c, c.findings.agencies) == ["外交部"]


def test_a_legal_form_opens_the_name_it_stands_in(build):
    c = build("為減輕負擔,內政部督導所轄公設財團法人防災協進基金會,將發放慰問金。")
    c.titles.find_titles()
    c.organisations.find_agencies()
    assert "財團法人防災協進基金會" in written(c, c.findings.agencies)
    assert not any(a.startswith("內政部督導") for a in written(c, c.findings.agencies))


def test_an_owners_one_character_prefix_is_left_out_of_a_known_name(build):
    c = build("林常青曾任台央行理事，台外交部則表示，台北市政府也發出聲明。")
    c.titles.find_titles()
    c.organisations.find_agencies()
    c.organisations.drop_owner_prefixes()
    assert written(c, c.findings.agencies) == ["央行", "外交部", "台北市政府"]  # 台北市政府 is a name of its own
    assert "one-character prefix" in evidence(c, "央行")[-1]


def test_an_appointment_verb_the_segmenter_split_ends_the_name_before_it(build):
    assert agencies_found(build, "王大明曾任國貿署署長。") == ["國貿署"]  # not 任國貿署 (曾|任|國貿署)


def test_a_common_word_before_a_known_name_is_not_part_of_it(build):
    assert agencies_found(build, "已經是歷史最低水平，傳聞央行又在商討降息。歐洲央行官員也表示關切。") == ["央行", "歐洲央行"]  # a place before it stays


def test_an_organisation_inside_the_quoted_name_of_an_event_is_not_named(build):
    assert agencies_found(build, "商總昨天舉行「2026行政院院長與綠能業者座談會」，經濟部也派員出席。") == ["商總", "經濟部"]  # the one that sends someone, not the event's


def test_civic_bodies_end_in_their_kind_of_association(build):
    assert agencies_found(build, "完成後，桃北農田水利會與中壢獅子會共同推動節水。") == ["桃北農田水利會", "中壢獅子會"]


def test_our_school_before_a_college_and_every_place_inside_a_name_are_no_part_of_one(build):
    assert agencies_found(build, "他說，本校理學院將邀請日本各地友好協會來訪。") == ["理學院"]  # not 校理學院, not 日本各地友好協會
