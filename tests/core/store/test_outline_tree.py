"""The outline one level at a time: places in code order, unknown levels flattened, reports,
sections with their passage counts, the filter."""

from __future__ import annotations

from reader.core.ingest.unit_edits import set_county
from reader.core.store import outline_tree as ot
from reader.core.store.documents import list_units, outline
from reader.core.store.passages import tag
from reader.core.store.themes import find_theme


def _unit(project, county):
    return next(u for u in list_units(project) if u.county == county)


def test_root_lists_provinces_then_unknown_reports(sample_project):
    root = ot.children(sample_project)
    places = [r for r in root if isinstance(r, ot.PlaceRow)]
    units = [r for r in root if isinstance(r, ot.UnitRow)]
    assert [p.name for p in places] == ["山西省", "河南省"]  # by administrative code (14 before 41)
    assert all(p.level == 0 and p.path == (p.name,) for p in places)
    # the report whose county was not found hangs at the root, after the places
    assert len(units) == 1 and units[0].path == (None, None, None) and root[-1] is units[0]
    assert sum(p.units for p in places) + len(units) == len(list_units(sample_project))


def test_levels_down_to_sections(sample_project):
    prefectures = ot.children(sample_project, ("山西省",))
    assert {p.name for p in prefectures} == {"运城市", "临汾市", "吕梁市"}
    lvliang = next(p for p in prefectures if p.name == "吕梁市")
    counties = ot.children(sample_project, lvliang.path)
    assert "离石区" in [c.name for c in counties] and all(c.level == 2 for c in counties)
    lishi = next(c for c in counties if c.name == "离石区")
    units = ot.children(sample_project, lishi.path)
    assert len(units) == 1 and isinstance(units[0], ot.UnitRow) and units[0].year == 2021
    sections = ot.section_tree(sample_project, units[0].id)
    expected = next(u for u in outline(sample_project) if u.id == units[0].id).sections
    assert [s.heading for s in sections] == [s.heading for s in expected]
    assert [c.heading for c in sections[0].children] == [c.heading for c in expected[0].children]


def test_municipality_districts_hang_under_the_province(sample_project):
    u = _unit(sample_project, "离石区")
    set_county(sample_project, u.id, "北京市朝阳区")
    beijing = ot.children(sample_project, ("北京市",))
    assert [type(r) for r in beijing] == [ot.PlaceRow] and beijing[0].path == ("北京市", None, "朝阳区")
    assert [r.id for r in ot.children(sample_project, beijing[0].path)] == [u.id]


def test_passage_counts_at_every_level(sample_project):
    u = _unit(sample_project, "离石区")
    s = ot.section_tree(sample_project, u.id)[1]
    theme = find_theme(sample_project, "依法监督").id
    tag(sample_project, u.id, s.start + 2, s.start + 10, [theme])
    tag(sample_project, u.id, s.children[0].start, s.children[0].start + 5, [theme])
    tag(sample_project, u.id, 0, 4, [theme])  # before the first section
    shanxi = next(r for r in ot.children(sample_project) if getattr(r, "name", None) == "山西省")
    assert shanxi.passages == 3
    lvliang = next(p for p in ot.children(sample_project, ("山西省",)) if p.name == "吕梁市")
    assert lvliang.passages == 3
    assert ot.unit_row(sample_project, u.id).passages == 3
    tree = ot.section_tree(sample_project, u.id)
    assert [t.passages for t in tree] == [0, 2, 0]
    assert tree[1].children[0].passages == 1
    assert ot.place_counts(sample_project, 2)[("山西省", "吕梁市", "离石区")] == 3
    assert ot.place_count(sample_project, ("山西省", "吕梁市")) == 3
    assert ot.place_count(sample_project, ("河南省",)) == 0
    assert ot.unit_counts(sample_project, [u.id, u.id + 100]) == {u.id: 3, u.id + 100: 0}
    assert ot.totals(sample_project)[2] == 3


def test_filter_by_place_title_or_heading(sample_project):
    assert [r.name for r in ot.children(sample_project, (), "河南") if isinstance(r, ot.PlaceRow)] == ["河南省"]
    # a heading inside one report finds just that report
    u = _unit(sample_project, "离石区")
    heading = ot.section_tree(sample_project, u.id)[0].heading
    root = ot.children(sample_project, (), heading[:8])
    assert [r.name for r in root] == ["山西省"]
    counties = ot.children(sample_project, ("山西省", "吕梁市"), heading[:8])
    assert [c.name for c in counties] == ["离石区"]
    assert ot.children(sample_project, (), "没有这样的字串") == []
    # LIKE wildcards are taken literally
    assert ot.children(sample_project, (), "%") == []


def test_filter_by_year(sample_project):
    units = ot.children(sample_project, ("山西省", "吕梁市"), "2021")
    assert [c.name for c in units] == ["离石区"]


def test_locate_county_and_heading(sample_project):
    import pytest

    from reader.core.errors import NotFound

    u = _unit(sample_project, "离石区")
    sections = ot.section_tree(sample_project, u.id)
    uid, sid = ot.locate(sample_project, "离石区/" + sections[1].heading[2:9])
    assert (uid, sid) == (u.id, sections[1].id)
    assert ot.locate(sample_project, "离石") == (u.id, None)  # the short name is a prefix
    with pytest.raises(NotFound):
        ot.locate(sample_project, "不存在县/x")
    with pytest.raises(NotFound):
        ot.locate(sample_project, "离石区/没有这样的标题")
