"""Sessions of an event and the roles people take, on a hand-written record."""

from helpers import extract_string

RECORD = """2026年城市治理論壇紀實

本次論壇首先由台北市政府林志豪副市長開幕致詞。

智慧城市與數位治理

本場次主持人為政治大學公共行政學系吳明哲教授，由中華電信王雅琪經理、資策會陳建宏組長及交通部李美華科長擔任與談人。王雅琪經理說明智慧路燈的建置經驗。

劉志偉研究員，代理國發會黃冠宇處長主講，分享數位轉型政策。

政治大學公共行政學系吳明哲教授主持「智慧城市與數位治理」場次。

韌性城市的挑戰

本場次由臺灣大學地理系周佳蓉副教授主持，邀請內政部消防署蔡文龍科長、成功大學都市計劃學系鄭雅婷教授擔任與談人。

論壇最後由主辦單位張家豪執行長進行閉幕致詞。
"""


def test_sessions_and_roles(tmp_path):
    t = extract_string(RECORD, tmp_path)
    titles = [s["title"] for s in t["sessions"]]
    assert titles == ["開幕", "智慧城市與數位治理", "韌性城市的挑戰", "閉幕"]
    for s in t["sessions"]:
        assert int(s["start"]) < int(s["end"])
    roles = {(r["session_id"], r["name"], r["role"], r["on_behalf_of"]) for r in t["roles"]}
    assert ("S1", "林志豪", "opening_remarks", "") in roles
    assert ("S2", "吳明哲", "moderator", "") in roles
    assert ("S2", "王雅琪", "panelist", "") in roles
    assert ("S2", "陳建宏", "panelist", "") in roles
    assert ("S2", "李美華", "panelist", "") in roles
    assert ("S2", "劉志偉", "speaker", "黃冠宇") in roles
    assert ("S3", "周佳蓉", "moderator", "") in roles
    assert ("S3", "蔡文龍", "panelist", "") in roles
    assert ("S3", "鄭雅婷", "panelist", "") in roles
    assert ("S4", "張家豪", "closing_remarks", "") in roles


def test_caption_confirms_a_role_without_duplicating_it(tmp_path):
    t = extract_string(RECORD, tmp_path)
    moderators = [r for r in t["roles"] if r["name"] == "吳明哲" and r["role"] == "moderator"]
    assert len(moderators) == 1


def test_report_without_event_has_no_sessions(tmp_path):
    t = extract_string("行政院今天通過預算案，財政部長陳建國表示將撙節支出。", tmp_path)
    assert t["sessions"] == [] and t["roles"] == []


def test_a_cancelled_speaker_takes_no_role(tmp_path):
    text = ("人才論壇紀實\n\n首先由主辦單位林大同主任開幕致詞。\n\n全球攬才策略\n\n"
            "本場次原訂由科技部國際合作處吳明宏處長主講，因吳處長臨時出國，改由同處林秀美副處長代理主講。\n")
    t = extract_string(text, tmp_path)
    roles = {(r["name"], r["role"], r["on_behalf_of"]) for r in t["roles"]}
    assert ("林秀美", "speaker", "吳明宏") in roles
    assert not any(r["name"] == "吳明宏" for r in t["roles"])


def test_presiding_over_a_ceremony_is_not_moderating(tmp_path):
    t = extract_string("新竹縣長彭志明今天與議員林佩玲在轉運站主持通車典禮。", tmp_path)
    assert t["roles"] == []


def test_a_person_speaking_in_the_opening_gives_opening_remarks(tmp_path):
    text = ("青年論壇紀實\n\n本次活動開幕式出席嘉賓包括市議員王大明、青年協會李美華理事長等。\n\n"
            "青年協會李美華理事長表示，青年參與公共事務是民主的基礎。\n\n"
            "市議員王大明表示，市府將持續支持青年創業。\n")
    t = extract_string(text, tmp_path)
    roles = {(r["name"], r["role"]) for r in t["roles"]}
    assert {("李美華", "opening_remarks"), ("王大明", "opening_remarks")} <= roles


def test_minutes_item_is_not_an_opening_session(tmp_path):
    text = "諮詢委員會第4次會議紀錄\n時間：上午9時\n壹、主席致詞：（略）\n貳、報告事項：\n一、宣讀上次會議紀錄。\n"
    t = extract_string(text, tmp_path)
    assert t["sessions"] == [] and t["roles"] == []


def test_opening_remarks_written_after_the_cue(tmp_path):
    text = ("貿易研討會紀實\n\n開幕致詞由經濟部國際貿易署吳志明副署長及工業總會李美玲副秘書長共同進行。\n\n"
            "供應鏈韌性\n\n本場次由政治大學陳建宏教授主持，邀請台灣大學林怡君教授擔任與談人。\n")
    t = extract_string(text, tmp_path)
    roles = {(r["name"], r["role"]) for r in t["roles"]}
    assert {("吳志明", "opening_remarks"), ("李美玲", "opening_remarks")} <= roles


def test_a_person_who_shared_a_talk_at_a_seminar_is_a_speaker(tmp_path):
    text = ("橋梁技術研討會紀實\n\n研討會由交通部主辦。首先，某營造公司的林志明部長分享了長隧道施工的挑戰與對策。\n")
    t = extract_string(text, tmp_path)
    assert ("林志明", "speaker") in {(r["name"], r["role"]) for r in t["roles"]}


def test_the_experts_listed_as_taking_part_in_a_forum_are_panelists(tmp_path):
    text = ("產業論壇紀實\n\n論壇邀請各縣市副市長參與，包括：臺中市副市長王大同、高雄市副市長林美華。"
            "參與研討的專家學者包括海洋大學教授陳志強、研究院研究員張文華。\n")
    t = extract_string(text, tmp_path)
    roles = {(r["name"], r["role"]) for r in t["roles"]}
    assert {("王大同", "panelist"), ("林美華", "panelist"), ("陳志強", "panelist"), ("張文華", "panelist")} <= roles


def test_an_aside_in_brackets_inside_a_list_of_moderators_keeps_the_list(tmp_path):
    text = ("座談會紀實\n\n本次「產業發展座談會」由同業公會副理事長王美華(協會常務理事)、產學協會秘書長李文雄等主持。\n")
    t = extract_string(text, tmp_path)
    assert {("王美華", "moderator"), ("李文雄", "moderator")} <= {(r["name"], r["role"]) for r in t["roles"]}


def test_a_welcome_address_at_the_opening_is_opening_remarks(tmp_path):
    t = extract_string("永續論壇紀實\n\n論壇開幕式由校長張大明致歡迎詞，接著由教育部司長李明華致詞。\n", tmp_path)
    roles = {(r["name"], r["role"]) for r in t["roles"]}
    assert {("張大明", "opening_remarks"), ("李明華", "opening_remarks")} <= roles
