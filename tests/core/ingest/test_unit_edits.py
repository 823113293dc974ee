"""Correcting a report's county, year and title; deleting it and restoring it with the same ids;
damaged spans and the original of a span."""

from __future__ import annotations

import pytest

from reader.core import search
from reader.core.errors import AmbiguousName, InvalidInput, NotFound
from reader.core.ingest import unit_edits as units
from reader.core.store.documents import get_unit, list_documents, list_units, sections_of, unit_text
from reader.core.store.passages import get_passage, tag
from reader.core.store.themes import find_theme


def _unit(project, county):
    return next(u for u in list_units(project) if u.county == county)


def test_set_county_by_full_name_with_prefecture(sample_project):
    u = _unit(sample_project, "离石区")
    change = units.set_county(sample_project, u.id, "运城市新绛县")
    after = get_unit(sample_project, u.id)
    assert (after.county, after.prefecture, after.province) == ("新绛县", "运城市", "山西省")
    assert after.method == "manual" and change.moved
    assert change.before["county"] == "离石区"
    units.update_unit(sample_project, u.id, **change.before)  # undo
    assert get_unit(sample_project, u.id).county == "离石区"


def test_set_county_by_short_name(sample_project):
    u = _unit(sample_project, "离石区")
    units.set_county(sample_project, u.id, "新绛")
    assert get_unit(sample_project, u.id).county == "新绛县"


def test_shared_name_needs_its_prefecture(sample_project):
    u = _unit(sample_project, "离石区")
    with pytest.raises(AmbiguousName) as e:
        units.set_county(sample_project, u.id, "鼓楼区")
    assert e.value.count > 1
    units.set_county(sample_project, u.id, "南京市鼓楼区")
    assert get_unit(sample_project, u.id).prefecture == "南京市"
    with pytest.raises(NotFound):
        units.set_county(sample_project, u.id, "不存在县")


def test_clear_county(sample_project):
    u = _unit(sample_project, "离石区")
    units.set_county(sample_project, u.id, "")
    after = get_unit(sample_project, u.id)
    assert after.county is None and after.province is None and after.method == "manual"


def test_year_and_title(sample_project):
    u = _unit(sample_project, "离石区")
    change = units.set_year(sample_project, u.id, "2020年")
    assert get_unit(sample_project, u.id).year == 2020 and change.before == {"year": 2021}
    for bad in ("二〇二〇", "1800", "abc"):
        with pytest.raises(InvalidInput):
            units.set_year(sample_project, u.id, bad)
    units.set_title(sample_project, u.id, "  新标题  ")
    assert get_unit(sample_project, u.id).title == "新标题"
    with pytest.raises(InvalidInput):
        units.update_unit(sample_project, u.id, start=3)
    with pytest.raises(NotFound):
        units.set_year(sample_project, 999, 2020)


def test_delete_and_restore_a_unit_of_a_shared_document(sample_project):
    u = _unit(sample_project, "离石区")
    theme = find_theme(sample_project, "代表工作").id
    p = tag(sample_project, u.id, 10, 20, [theme], note="n")
    before_sections = sections_of(sample_project, [u.id])[u.id]
    docs = len(list_documents(sample_project))
    assert search.search(sample_project, "离石").hits
    deleted = units.delete_unit(sample_project, u.id)
    assert not deleted.document_removed and deleted.passages == 1
    assert u.id not in [x.id for x in list_units(sample_project)]
    assert len(list_documents(sample_project)) == docs
    assert all(h.unit != u.id for h in search.search(sample_project, "人大").hits)
    units.restore_unit(sample_project, deleted)
    assert get_unit(sample_project, u.id).county == "离石区"
    assert get_passage(sample_project, p.id).theme_ids == [theme]
    assert sections_of(sample_project, [u.id])[u.id] == before_sections
    assert any(h.unit == u.id for h in search.search(sample_project, "人大", limit=None).hits)


def test_deleting_the_only_unit_removes_the_document(sample_project):
    u = _unit(sample_project, "新绛县")
    docs = {d.id for d in list_documents(sample_project)}
    deleted = units.delete_unit(sample_project, u.id)
    assert deleted.document_removed
    assert u.document_id not in {d.id for d in list_documents(sample_project)}
    units.restore_unit(sample_project, deleted)
    assert {d.id for d in list_documents(sample_project)} == docs
    assert unit_text(sample_project, u.id)


def test_restore_refuses_taken_ids(sample_project):
    u = _unit(sample_project, "离石区")
    deleted = units.delete_unit(sample_project, u.id)
    sample_project.db.execute(
        "INSERT INTO units (id, document_id, position, start, \"end\") VALUES (?, ?, 99, 0, 1)", [u.id, u.document_id]
    )
    with pytest.raises(InvalidInput):
        units.restore_unit(sample_project, deleted)


def test_damaged_spans_are_relative_to_the_unit(sample_project):
    doc = next(d for d in list_documents(sample_project) if d.damaged)
    u = next(x for x in list_units(sample_project) if x.document_id == doc.id)
    spans = units.damaged_spans(sample_project, u.id)
    text = unit_text(sample_project, u.id)
    assert spans and all(0 <= s < e <= len(text) for s, e in spans)
    assert all(doc.damaged[0][0] - u.start <= s for s, _ in spans)


def test_original_of_a_span(sample_project):
    u = _unit(sample_project, "离石区")
    text = unit_text(sample_project, u.id)
    original = units.original_of(sample_project, u.id, 0, len(text))
    assert original and original[:2] == text[:2]
