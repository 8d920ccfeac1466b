"""LearnedEvidence: the learned tagger's organisations and names, kept when the rules confirm them."""

from conftest import person_names, span_of, written


def run_rules_before_learned(c):
    c.titles.find_titles()
    c.organisations.find_agencies()


def test_a_learned_organisation_followed_by_a_title_is_kept(build):
    c = build("綠光科技董事長李志豪表示，今年營收成長。")
    run_rules_before_learned(c)
    assert c.findings.agencies == []
    c.learned.find_learned_agencies()
    [(i, j)] = c.findings.agencies
    assert i == span_of(c, "綠光科技")[0]
    assert c.findings.evidence[(i, j, "AGENCY")] == ["learned ORG (LAC)"]


def test_a_learned_organisation_alone_is_not_kept(build):
    c = build("綠光科技今年營收成長。")
    assert c.text.learned_spans["ORG"] == [span_of(c, "綠光科技")]
    run_rules_before_learned(c)
    c.learned.find_learned_agencies()
    assert c.findings.agencies == []


def test_the_learned_organisation_extends_a_name_the_rules_cut_short(build):
    c = build("清水大學微奈米中心主任王建華致詞。")
    run_rules_before_learned(c)
    c.findings.set_agencies([span_of(c, "微奈米中心")])  # as if the rules had stopped inside the name
    c.learned.bound_agencies_by_learned()
    assert written(c, c.findings.agencies) == ["清水大學微奈米中心"]
    assert "start bounded by learned ORG (LAC)" in c.findings.evidence[(*span_of(c, "清水大學微奈米中心"), "AGENCY")]


def test_a_learned_name_in_running_text_is_a_person(build):
    c = build("會中由林志豪發表演說，與會者反應熱烈。")
    run_rules_before_learned(c)
    c.learned.find_learned_people()
    assert person_names(c) == {"林志豪"}
    assert c.findings.evidence[(*span_of(c, "林志豪"), "PERSON")] == ["learned PER (LAC)"]


def test_without_the_learned_tagger_there_is_no_learned_evidence(build):
    c = build("會中由林志豪發表演說，與會者反應熱烈。", tagger="none")
    assert not c.text.has_learned_tagger
    run_rules_before_learned(c)
    c.learned.find_learned_people()
    c.learned.find_learned_agencies()
    assert person_names(c) == set() and c.findings.agencies == []


def test_a_name_the_gazetteer_knows_whole_keeps_its_start(build):
    c = build("美國在台協會處長谷立言致詞。")
    c.titles.find_titles()
    c.organisations.find_agencies()
    c.learned.bound_agencies_by_learned()
    assert written(c, c.findings.agencies) == ["美國在台協會"]


def test_a_learned_organisation_with_a_name_and_a_verb_of_saying_is_a_person(build):
    c = build("行政院今天召開會議，卓明泰在會中表示，政府將持續推動改革。台積電表示將擴大投資。")
    assert (c.text.a.index("卓明泰"), c.text.a.index("卓明泰") + 3) in c.text.learned_spans["ORG"]  # the tagger's reading
    c.titles.find_titles()
    c.organisations.find_agencies()
    c.learned.find_learned_people()
    assert person_names(c) == {"卓明泰"}  # 台積電 says something too, but is a known name


def test_a_third_character_that_is_a_verb_of_its_own_does_not_complete_a_cut_name(build):
    c = build("老村長給黃送去一袋大米。")
    [(i, j)] = c.text.learned_spans["PER"]
    assert written(c, [(i, j)]) == ["黃送"]
    assert c.learned.reading.completed(i, j) == (i, j)  # 去 is the verb, not the name's third character


def test_a_date_after_the_third_character_closes_the_name(build):
    c = build("議員均肯定林志應5年來的表現，也請黃送去200元。")
    i = span_of(c, "林志應")[0]
    assert written(c, [c.learned.reading.completed(i, i + 2)]) == ["林志應"]  # (as if the tagger had cut 林志|應)
    k = span_of(c, "黃送")[0]
    assert c.learned.reading.completed(k, k + 2) == (k, k + 2)  # a number that is no date: 去 stays the verb


def test_a_learned_name_whose_given_name_is_also_a_word_is_kept_in_a_list(build):
    c = build("這次由馮統一、王家誠負責。")
    i, j = span_of(c, "馮統一")
    assert not c.names.valid_full_name(i, j)  # 統一 is a frequent word: the shape rules alone refuse it
    c.titles.find_titles()
    c.organisations.find_agencies()
    c.learned.find_learned_people()
    assert "馮統一" in person_names(c)
    assert "learned PER (LAC), a name that is also a word" in c.findings.evidence[(i, j, "PERSON")]


def test_a_learned_company_whose_name_ends_in_an_industry_word_is_kept_alone(build):
    c = build("聯華氣體及聯亞科技將攜手投資。")
    run_rules_before_learned(c)
    c.learned.find_learned_agencies()
    assert "聯亞科技" in written(c, c.findings.agencies)  # whole: the 科 of 科技 is no suffix that ends it
    c = build("其中一個致命弱點是輕視科技，缺乏科學精神。")  # a verb before the industry word names no company
    assert written(c, c.text.learned_spans["ORG"]) == ["輕視科技"]  # though LAC reads one
    run_rules_before_learned(c)
    c.learned.find_learned_agencies()
    assert c.findings.agencies == []


def test_a_learned_name_the_dictionary_holds_as_a_word_is_kept_before_its_title(build):
    c = build("生命垂危時，周恩來總理聞訊後指示全力搶救。")  # the dictionary holds 周恩來 as a frequent word
    run_rules_before_learned(c)
    c.affiliations.find_people()
    c.learned.find_learned_people()
    assert person_names(c) == {"周恩來"}
    c = build("我讀到了周先生對此所作的說明。")  # a surname and an honorific is no name
    run_rules_before_learned(c)
    c.learned.find_learned_people()
    assert person_names(c) == set()
