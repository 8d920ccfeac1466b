"""TitleEvidence on its own: which matches of the title lexicon become titles, and which bare
titles are kept."""

import re

from conftest import span_of, written


def test_a_title_in_the_lexicon_is_proposed_with_its_evidence(build):
    c = build("綠能發展協會理事長王建華致詞。")
    c.titles.find_titles()
    title = span_of(c, "理事長")
    assert c.findings.titles == [title]
    assert c.findings.title_by_start[title[0]] == title and c.findings.title_by_end[title[1]] == title
    assert c.findings.evidence[(*title, "TITLE")] == ["title lexicon"]


def test_the_chair_of_a_sitting_is_no_position(build):
    c = build("主席：今天的會議開始。")
    c.titles.find_titles()
    assert span_of(c, "主席") in c.text.title_matches  # the lexicon matches it …
    assert c.findings.titles == []  # … but nothing before it makes it a position


def test_a_title_used_as_a_verb_is_no_title(build):
    c = build("他代表致贈紀念品給來賓。")
    c.titles.find_titles()
    assert c.findings.titles == []


def test_a_title_after_an_organisation_is_kept_without_a_person(build):
    c = build("會議由綠能發展協會理事長主持。")
    c.titles.find_titles()
    c.organisations.find_agencies()
    assert c.findings.kept_titles == set()
    c.titles.keep_titles()
    assert written(c, c.findings.kept_titles) == ["理事長"]


def test_titles_joined_by_jian_after_a_name_belong_to_that_name(build):
    c = build("王建華教授兼系主任出席。")
    c.titles.find_titles()
    first, second = span_of(c, "教授"), span_of(c, "系主任")
    used = set()
    c.titles.compound_titles("王建华", first[1], None, False, used, 1)
    assert used == {second}
    assert [(f.person, f.title) for f in c.findings.facts] == [("王建华", second)]


def test_a_title_does_not_take_the_last_character_of_a_known_name(build):
    c = build("商總理事長林小華出席。國務總理陳大同訪台。")
    c.titles.find_titles()
    assert written(c, c.findings.titles) == ["理事長", "國務總理"]  # not 總理事長: 商總 is a known name


def test_a_project_title_is_one_title(build):
    c = build("包括APEC秘書處計畫主任Carlos Kuriyama等人。")
    c.titles.find_titles()
    c.organisations.find_agencies()
    c.affiliations.find_people()
    a = c.text.a
    assert {(f.person, a[f.title[0]:f.title[1]], a[f.agency[0]:f.agency[1]]) for f in c.findings.facts} == {
        ("Carlos Kuriyama", "計畫主任", "APEC秘書處")}


def test_a_field_makes_a_compound_title_with_the_bases_it_belongs_to_only(build):
    c = build("學術副校長林大明與經濟顧問王小明出席，經濟部長陳志強致詞。")
    c.titles.find_titles()
    assert written(c, c.findings.titles) == ["學術副校長", "經濟顧問", "部長"]  # not 經濟部長: 經濟部 + 部長


def test_a_bare_title_after_a_verb_or_before_a_preposition_refers_to_its_holder(build):
    c = build("次長王大明陪同訪賓晉見總統。總統對訪賓表示歡迎。")
    c.titles.find_titles()
    c.organisations.find_agencies()
    c.titles.keep_titles()
    first, second = [m.start() for m in re.finditer("總統", c.text.a)]
    assert {(first, first + 2), (second, second + 2)} <= c.findings.kept_titles
