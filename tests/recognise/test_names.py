"""NameShapes: pure checks of what a name looks like and where it sits beside a title."""

from conftest import person_names, span_of, written


def test_a_surname_is_compound_single_or_absent(build):
    c = build("歐陽明德與林志豪及某人")
    assert c.names.surname_len(span_of(c, "歐陽")[0]) == 2
    assert c.names.surname_len(span_of(c, "林")[0]) == 1
    assert c.names.surname_len(span_of(c, "某")[0]) == 0


def test_a_full_name_is_a_surname_and_one_or_two_given_characters_not_a_word(build):
    c = build("林志豪非常重視高雄的發展，明天出發。")
    assert c.names.valid_full_name(*span_of(c, "林志豪"))
    assert not c.names.valid_full_name(*span_of(c, "林志豪非常"))  # too long
    assert not c.names.valid_full_name(*span_of(c, "高雄"))  # a place in the dictionary
    assert not c.names.valid_full_name(*span_of(c, "明天"))  # 明 is a surname, 明天 a word


def test_the_name_after_a_title_ends_where_the_next_word_starts(build):
    c = build("教授陳怡君則在會中發表演說。")
    c.titles.find_titles()
    assert c.names.name_after_title(span_of(c, "教授")[1]) == span_of(c, "陳怡君")


def test_the_name_before_a_title_starts_after_the_organisation(build):
    c = build("內政部移民署王大明副署長出席今天的記者會。")
    c.titles.find_titles()
    c.organisations.find_agencies()
    assert c.names.name_before_title(span_of(c, "副署長")[0]) == span_of(c, "王大明")


def test_a_title_may_split_a_name_in_two(build):
    c = build("本會李理事長美玲出席年會並致詞。")
    c.titles.find_titles()
    ts, te = span_of(c, "理事長")
    assert c.names.split_name(ts, te) == (span_of(c, "李"), span_of(c, "美玲"))


def test_programme_words_are_no_latin_name(build):
    c = build("")
    assert c.names.latin_ok("John Smith")
    assert not c.names.latin_ok("Global Forum")


def test_a_dotted_name_starts_after_the_organisation_before_it(build):
    c = build("請原民會阿浪‧巴奈主任委員說明。")
    c.titles.find_titles()
    c.organisations.find_agencies()
    i = c.text.a.index("原民會")
    assert written(c, [c.names.trim_dotted(i, c.text.a.index("主任委員"))]) == ["阿浪‧巴奈"]


def test_surname_title_given_name_before_a_word_of_acting_or_time(build):
    c = build("本案由張次長國強代表列席。林處長美華今天也出席。")
    c.titles.find_titles()
    splits = [c.names.split_name(*t) for t in c.findings.titles]
    assert [(c.text.a[s[0][0]:s[0][1]] + c.text.a[s[1][0]:s[1][1]]) for s in splits if s] == ["張國強", "林美華"]


def test_a_name_the_tagger_cuts_short_after_a_title_is_read_whole_when_it_reads_it_whole_elsewhere(build):
    c = build("下午接受藍委黃雅徽質詢。黃雅徽指出，政府應加強。")
    c.titles.find_titles()
    assert {"黃雅", "黃雅徽"} <= {c.text.a[i:j] for i, j in c.text.learned_spans["PER"]}  # cut once, whole once
    name = c.names.name_after_title(c.text.a.index("藍委") + 2)
    assert written(c, [name]) == ["黃雅徽"]


def test_a_name_after_a_title_that_only_the_learned_tagger_reads_as_a_place(build):
    c = build("外交部發言人歐江安表示，會議順利。")
    assert c.text.is_place(*span_of(c, "歐江安"))  # LAC reads it as a place
    assert c.names.valid_full_name(*span_of(c, "歐江安"))  # right after the title 發言人: its holder
    c = build("會議順利，歐江安表示。")
    assert c.text.is_place(*span_of(c, "歐江安")) and not c.names.valid_full_name(*span_of(c, "歐江安"))


def test_transliterated_syllables_after_a_title_that_no_model_reads_are_a_name(build):
    c = build("以色列總理內塔尼亞胡，表示歡迎。總統康斯坦丁內斯庫批准。總理巴基斯坦之行。")
    c.titles.find_titles()
    first, second, third = (te for _, te in c.findings.titles)
    assert written(c, [c.names.name_after_title(first)]) == ["內塔尼亞胡"]  # LAC reads part of it as a place
    assert written(c, [c.names.name_after_title(second)]) == ["康斯坦丁內斯庫"]  # not 康 + 斯坦, as LAC cuts it
    assert c.names.transliteration_at(third) is None  # a country is transliterated too
    assert c.names.name_after_title(third) is None  # nor is 巴基斯 a Chinese name before 坦


def test_a_name_between_two_titles_is_one_person(build):
    c = build("這次演習由黑山軍軍長切喬維奇少將指揮。")
    c.titles.find_titles()
    c.organisations.find_agencies()
    c.affiliations.find_people()
    assert person_names(c) == {"切喬維奇"}  # not also 喬維奇 before 少將
    assert {c.text.a[f.title[0]:f.title[1]] for f in c.findings.facts if f.person == "切乔维奇"} == {"軍長", "少將"}


def test_a_name_both_models_read_may_hold_a_suffix_character(build):
    c = build("日本大學的阿部忠教授介紹了材料。")  # 部 ends organisations, but LAC and the segmenter read 阿部忠
    c.titles.find_titles()
    c.organisations.find_agencies()
    assert c.names.name_before_title(span_of(c, "教授")[0]) == span_of(c, "阿部忠")


def test_a_three_character_japanese_given_name_where_both_models_read_it(build):
    c = build("日本首相橋本龍太郎今天在首相官邸對記者說。")
    c.titles.find_titles()
    assert c.names.name_after_title(span_of(c, "首相")[1]) == span_of(c, "橋本龍太郎")


def test_after_a_title_a_place_only_the_learned_tagger_reads_is_a_transliterated_name(build):
    c = build("自治政府主席阿卡菲特的顧問指出，談判仍會繼續。")
    c.titles.find_titles()
    name = span_of(c, "阿卡菲特")
    c.text.places.add(name)  # the learned tagger's LOC there (it reads some foreign names as places)
    assert c.names.transliteration_at(name[0]) == name
    assert c.names.transliteration_before(span_of(c, "的顧問")[0] + 1) is None  # 的 is no syllable


def test_before_a_title_the_learned_taggers_place_stays_a_place(build):
    c = build("昨天烏卡菲特總統抵達。")
    c.titles.find_titles()
    ts = span_of(c, "總統")[0]
    assert c.names.transliteration_before(ts) == span_of(c, "烏卡菲特")
    c.text.places.add(span_of(c, "烏卡菲特"))  # a country or city before its head of state is the rule
    assert c.names.transliteration_before(ts) is None
