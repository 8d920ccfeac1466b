"""ListedOrganisations: the bare items of a list of organisations closed by 等 + a class noun."""

from conftest import written


def run_rules_before(c):
    c.titles.find_titles()
    c.organisations.find_agencies()
    c.learned.bound_agencies_by_learned()
    c.learned.find_learned_agencies()


def test_bare_firms_listed_with_a_known_one_are_organisations(build):
    c = build("包括綠河窯、藍海生技、山嵐坊等廠商參展。")
    run_rules_before(c)
    assert written(c, c.findings.agencies) == ["藍海生技"]
    c.listed_organisations.find_listed_agencies()
    assert sorted(written(c, c.findings.agencies)) == sorted(["綠河窯", "藍海生技", "山嵐坊"])
    assert any("listed with organisations" in w for w in c.findings.evidence[(2, 5, "AGENCY")])


def test_a_list_without_a_known_organisation_proposes_nothing(build):
    c = build("包括綠河、藍海、山嵐等團體參加。")
    run_rules_before(c)
    before = list(c.findings.agencies)
    c.listed_organisations.find_listed_agencies()
    assert c.findings.agencies == before


def test_clauses_apart_by_commas_are_no_list(build):
    c = build("廠房預計明年8月完工，過半空間已被瑞儀光電、高雄晶傑等廠商進駐。")
    run_rules_before(c)
    c.listed_organisations.find_listed_agencies()
    assert not any(w.endswith("完工") for w in written(c, c.findings.agencies))


def test_how_many_or_which_may_stand_between_the_list_and_its_class_noun(build):
    c = build("除綠河窯、山嵐坊和藍海生技等少數企業外，多數虧損。")
    run_rules_before(c)
    c.listed_organisations.find_listed_agencies()
    assert sorted(written(c, c.findings.agencies)) == sorted(["綠河窯", "山嵐坊", "藍海生技"])
