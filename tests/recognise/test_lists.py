"""ListedNames: people named without a title beside them — enumerations, minutes lists, names
with an honorific, bilingual pairs, Latin names and names repeated later."""

import pytest

from conftest import person_names, span_of


def why(c, word, nth=0):
    return c.findings.evidence.get((*span_of(c, word, nth), "PERSON"))


def test_an_enumeration_of_names_makes_each_item_a_person(build):
    c = build("出席者有王柏宏、林志豪及陳佳穎。")
    c.lists.find_listed_people()
    assert person_names(c) == {"王柏宏", "林志豪", "陳佳穎"}
    assert why(c, "林志豪") == ["enumerated list"]


def test_a_spaced_minutes_list_is_a_list_of_people(build):
    c = build("出席委員 張志明 李淑芬 王建華 陳美惠")
    c.titles.find_titles()
    c.lists.find_listed_people()
    assert person_names(c) == {"張志明", "李淑芬", "王建華", "陳美惠"}
    assert why(c, "陳美惠") == ["minutes list"]


def test_an_honorific_marks_a_person_without_a_title(build):
    c = build("會後吳秀蘭女士接受訪問。")
    c.lists.find_listed_people()
    assert person_names(c) == {"吳秀蘭"}
    assert why(c, "吳秀蘭") == ["name + honorific"]


def test_words_in_a_list_are_not_people(build):
    c = build("議程包括交通、教育及環境。")
    c.lists.find_listed_people()
    assert person_names(c) == set()


def test_a_latin_name_in_brackets_is_an_alias_of_the_chinese_one(build):
    c = build("史密斯（John Smith）昨天抵達。")
    c.lists.find_bilingual_people()
    assert person_names(c) == {"史密斯", "John Smith"}
    assert c.findings.aliases == {"史密斯": ["John Smith"]}
    assert {m.entity for m in c.findings.mentions} == {"史密斯"}


@pytest.mark.parametrize("latin, name", [
    ("H. E. Lorenzo M. Ncuba", "Lorenzo M. Ncuba"),  # an honorific before it, an initial inside
    ("Dr. Anna-Lena Strack-Berg", "Anna-Lena Strack-Berg"),  # hyphenated parts
    ("Sir Tobias Selwyn", "Tobias Selwyn"),
    ("Silvia Lopes Moreno de Abreu", "Silvia Lopes Moreno de Abreu"),  # a particle
])
def test_a_latin_name_in_brackets_keeps_initials_particles_and_hyphens_not_honorifics(build, latin, name):
    c = build(f"議長史密斯({latin})昨天抵達。")
    c.titles.find_titles()
    c.affiliations.find_people()
    c.lists.find_bilingual_people()
    assert person_names(c) == {"史密斯", name}


def test_one_latin_word_in_brackets_is_an_alias_only_of_a_name_found_otherwise(build):
    c = build("部長狄亞諾(Dialano)來自馬利(Mali)。")
    c.titles.find_titles()
    c.affiliations.find_people()
    c.lists.find_bilingual_people()
    assert person_names(c) == {"狄亞諾", "Dialano"}


def test_a_latin_name_seen_in_a_pair_is_that_person_later(build):
    c = build("史密斯（John Smith）昨天抵達，John Smith表示很高興。")
    c.lists.find_bilingual_people()
    c.lists.find_latin_people()
    assert why(c, "John Smith", 1) == ["Latin name seen before"]
    assert [m.entity for m in c.findings.mentions] == ["史密斯", "史密斯", "史密斯"]


def test_a_name_found_once_is_found_again_later(build):
    c = build("教授陳怡君出席。陳怡君認為應加強合作。", tagger="none")
    c.titles.find_titles()
    c.organisations.find_agencies()
    c.affiliations.find_people()
    assert len(c.findings.mentions) == 1
    c.lists.find_repeated_names()
    assert [c.text.a[m.start : m.end] for m in c.findings.mentions] == ["陳怡君", "陳怡君"]
    assert why(c, "陳怡君", 1) == ["repeated name"]


def test_a_minutes_list_holds_married_names_and_chinese_names_with_an_indigenous_one(build):
    c = build("出席委員 王大明 李小華 高林美玉 張志強 陳文伍Saidai Tanova 林國華 黃明德 吳思華 "
              "鄭天明 賴志明 廖國樑Sufin.Siluka 林思明 蔡明哲 許文龍", tagger="none")
    c.lists.find_listed_people()
    names = person_names(c)
    assert {"高林美玉", "陳文伍", "Saidai Tanova", "廖國樑", "Sufin.Siluka"} <= names
    assert ["Saidai Tanova"] in c.findings.aliases.values()
