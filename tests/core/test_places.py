from __future__ import annotations

import pytest

from reader.core.places import find_names, place_by_name, resolve_county


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
