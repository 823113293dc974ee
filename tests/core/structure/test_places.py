from __future__ import annotations

import pytest

from reader.core.structure.places import (
    congress_place,
    find_names,
    place_by_name,
    resolve_county,
    resolve_place,
)


def test_byline_decides_first():
    d = resolve_county(byline="新绛县人大常委会主任姚文生", body="吉县 吉县 吉县人大常委会")
    assert (d.place.county, d.place.province, d.place.prefecture, d.method) == ("新绛县", "山西省", "运城市", "byline")


def test_short_name_in_title_needs_its_prefecture_in_context():
    d = resolve_county(title="洛阳人大工作巡礼丨新安：谋创新之举", body="新安经济社会发展")
    assert d.place.county == "新安县" and d.method == "title"
    assert resolve_county(title="巡礼丨新安：谋创新之举", body="正文").place is None


def test_own_institution_beats_plain_mentions():
    body = "离石区离石区离石区都去学习了。孝义市人大常委会召开会议。"
    d = resolve_county(body=body)
    assert d.place.county == "孝义市" and d.method == "institution"


@pytest.mark.parametrize("hidden", ["XX县人大常委会", "×县人大", "某县人大常委会召开会议"])
def test_hidden_names_stay_unknown(hidden):
    assert resolve_county(body=hidden * 3).place is None


@pytest.mark.parametrize(
    ("name", "context", "expected"),
    [("朝阳区", "北京市朝阳区", "北京市"), ("朝阳区", "吉林省长春市", "吉林省"), ("鼓楼区", "江苏南京", "江苏省")],
)
def test_ambiguous_names_are_settled_by_context(name, context, expected):
    assert place_by_name(name, context).province == expected


def test_ambiguous_name_without_context_is_not_guessed():
    assert place_by_name("朝阳区", "没有线索") is None


def test_generic_words_are_not_places():
    assert find_names("城区建设和郊区发展") == []


@pytest.mark.parametrize(
    ("body", "county"),
    [
        ("——2018年2月27日在巴林左旗第十七届人民代表大会第二次会议上\n各位代表：全旗上下。", "巴林左旗"),
        ("本次会议是长岭县第十八届人民代表大会第三次会议。全县人民。", "长岭县"),
    ],
)
def test_a_session_of_the_own_congress_names_the_place(body, county):
    d = resolve_county(body=body)
    assert d.place.county == county and d.method == "institution"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("呼和浩特市新城区人民代表大会常务委员会工作报告", ["新城区"]),
        ("兰州城关区人大常委会", ["城关区"]),
        ("城关区人大常委会召开第十次会议", ["城关区"]),
        ("推进新城区建设和老城区改造", []),
    ],
)
def test_generic_names_count_with_their_prefecture_or_their_institution(text, names):
    assert find_names(text) == names


def test_a_generic_name_is_settled_by_its_prefecture():
    d = resolve_county(title="呼和浩特市新城区人民代表大会常务委员会工作报告", body="新城区人大常委会依法履职。")
    assert (d.place.county, d.place.prefecture) == ("新城区", "呼和浩特市")


@pytest.mark.parametrize(
    ("name", "short"),
    [("长阳土家族自治县", "长阳"), ("琼中黎族苗族自治县", "琼中"), ("鄂温克族自治旗", "鄂温克"), ("新绛县", "新绛"), ("巴林左旗", "巴林左")],
)
def test_short_forms(name, short):
    from reader.core.structure.places import _short

    assert _short(name) == short


@pytest.mark.parametrize(
    ("body", "county"),
    [
        ("全县人大代表以推进远安经济社会发展为主线，县人大常委会认真履职。", "远安县"),
        ("为奋力谱写长阳篇章贡献力量，全县各族人民，县人大常委会。", "长阳土家族自治县"),
        ("全区上下推动乡村振兴发展大局，区委、区人大常委会。", None),  # 振兴 is no place here
        ("全区推进富裕经济发展，区人大。", None),  # 富裕县 is a 县, this text speaks of a 区
        ("推进XX经济社会发展，全县人民。", None),
    ],
)
def test_a_short_name_in_running_text_is_the_last_resort(body, county):
    d = resolve_county(body=body)
    assert (d.place.county if d.place else None) == county
    if county:
        assert d.method == "short"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("新绛县和绛县", ["新绛县", "绛县"]),  # longest at each place, as a regex alternation would
        ("中共绛县县委", ["绛县"]),
        ("鄂温克族自治旗人大常委会", ["鄂温克族自治旗"]),
        ("XX县与×区", []),
    ],
)
def test_names_are_found_leftmost_longest(text, names):
    assert find_names(text) == names


# -- places at every level (issue 12) ---------------------------------------------------------------



def test_a_provincial_report_takes_its_province_and_no_county_it_mentions():
    body = "全省各地协同发展，城关区、和县、康县、礼县、礼县、康县的项目加快建设。全省经济稳中有进。"
    d = resolve_place(title="2026年甘肃省政府工作报告", byline="甘肃省省长", body=body)
    assert (d.place.province, d.place.prefecture, d.place.county, d.method) == ("甘肃省", None, None, "title")
    assert d.place.level == "province" and d.place.name == "甘肃省" and d.place.code == "62"


def test_the_congress_in_the_subtitle_names_the_place():
    subtitles = ["——2026年1月26日在宁夏回族自治区第十三届", "人民代表大会第四次会议上"]  # wrapped over two lines
    assert congress_place(subtitles) == ("宁夏回族自治区", False)
    d = resolve_place(title="政府工作报告", byline="自治区人民政府主席", subtitles=subtitles, body="全区……银川市……")
    assert (d.place.province, d.place.county, d.method) == ("宁夏回族自治区", None, "subtitle")


def test_a_prefecture_report_is_its_prefectures():
    d = resolve_place(title="2024年洛阳市政府工作报告", body="新安县、宜阳县、新安县项目建设提速。")
    assert (d.place.province, d.place.prefecture, d.place.county) == ("河南省", "洛阳市", None)
    assert d.place.level == "prefecture"


def test_a_county_in_the_front_is_still_a_county():
    d = resolve_place(title="政府工作报告", subtitles=["——2024年1月在新绛县第十七届人民代表大会第三次会议上"], body="全县……")
    assert (d.place.county, d.place.province, d.method) == ("新绛县", "山西省", "subtitle")


def test_a_national_report_has_no_place():
    d = resolve_place(title="政府工作报告", byline="国务院总理", subtitles=["——在第十四届全国人民代表大会第二次会议上"],
                      body="北京市朝阳区、上海市浦东新区、浦东新区的开放")
    assert d.place is None and d.method == "national"
