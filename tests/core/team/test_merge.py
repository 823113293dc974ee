"""Merging a teammate's copy: reports matched by their text, themes by path (renamed and moved ones
decided before anything is written), passages under their coder, the same copy twice adds nothing,
one transaction after a backup; a .qdpx copy merges like a .renda one."""

from __future__ import annotations

import shutil

import pytest

from reader.core.errors import NotFound, ProjectReadOnly, ThemeMappingNeeded
from reader.core.export import export
from reader.core.ingest.importing import import_paths
from reader.core.store import backups, documents, passages
from reader.core.store.db import open_project
from reader.core.store.themes import find_theme, list_themes, move_theme, rename_theme
from reader.core.team import merge as mg
from reader.core.team.agreement import agreement
from reader.core.team.merge import apply_merge, merge, plan_merge
from tests.conftest import write_text

LEAD, RA = "甲", "乙"
EXTRA_REPORT = (
    "平遥县人大常委会2022年工作报告\n平遥县人大常委会主任 赵六\n一、代表工作\n"
    "建成代表联络站十二个，接待群众三百余人次，收集意见建议。\n二、监督工作\n听取和审议专项工作报告五项。\n"
)


def passages_of(project, coder=None):
    return [(r.unit, r.start, r.end, tuple(r.themes), r.coder, r.note)
            for r in passages.list_passages(project) if coder is None or r.coder == coder]


@pytest.fixture
def team(sample_project_path, tmp_path):
    """The lead's project with one passage of the lead; a copy sent to an assistant, who tags three
    passages (one on the very span the lead tagged) and writes a note."""
    with open_project(sample_project_path, create=False) as lead:
        unit = documents.list_units(lead)[0].id
        sup = find_theme(lead, "依法监督").id
        passages.tag(lead, unit, 10, 40, [sup], coder=LEAD)
    copy = tmp_path / "assistant.renda"
    shutil.copyfile(sample_project_path, copy)
    with open_project(copy, create=False) as ra:
        units = [u.id for u in documents.list_units(ra)]
        station = find_theme(ra, "代表工作/代表联络站").id
        passages.tag(ra, units[0], 10, 40, [sup], coder=RA)
        passages.tag(ra, units[0], 100, 150, [station, sup], coder=RA, note="两个主题")
        passages.tag(ra, units[1], 20, 60, [station], coder=RA)
    lead = open_project(sample_project_path, create=False)
    yield lead, copy
    lead.close()


def test_the_assistants_passages_come_in_under_their_coder(team):
    lead, copy = team
    result = merge(lead, copy)
    assert result.passages == 3 and result.by_coder == {RA: 3}
    assert result.already == 1  # the lead's own passage was in the copy too
    ra = passages_of(lead, RA)
    assert sorted((p[1], p[2], set(p[3])) for p in ra) == sorted(
        [(10, 40, {"依法监督"}), (100, 150, {"依法监督", "代表联络站"}), (20, 60, {"代表联络站"})])
    noted = next(p for p in ra if p[5])
    assert noted[5] == "两个主题" and set(noted[3]) == {"依法监督", "代表联络站"}
    # the lead's and the assistant's passages on the same span stay two passages
    same_span = [p for p in passages_of(lead) if p[1:3] == (10, 40)]
    assert sorted(p[4] for p in same_span) == sorted([LEAD, RA])
    assert result.backup is not None and result.backup.reason == backups.BEFORE_MERGE
    assert result.backup.path.exists()


def test_merging_the_same_copy_twice_adds_nothing(team):
    lead, copy = team
    merge(lead, copy)
    before = passages_of(lead)
    again = merge(lead, copy)
    assert (again.passages, again.already, again.themes_added, again.documents) == (0, 4, [], 0)
    assert passages_of(lead) == before


def test_a_theme_the_assistant_renamed_is_decided_before_anything_is_written(team):
    lead, copy = team
    with open_project(copy, create=False) as ra:
        rename_theme(ra, find_theme(ra, "代表工作").id, "代表履职")
    plan = plan_merge(lead, copy)
    assert [(c.theirs, c.ours, c.why) for c in plan.conflicts] == [("代表履职", "代表工作", mg.RENAMED)]
    assert "代表履职/代表联络站" not in plan.new_themes  # its children follow it
    before = passages_of(lead)
    with pytest.raises(ThemeMappingNeeded) as e:
        apply_merge(lead, plan)
    assert e.value.themes == "代表工作=代表履职" and passages_of(lead) == before
    assert not backups.list_backups(lead.path) or all(b.reason != backups.BEFORE_MERGE for b in backups.list_backups(lead.path))

    result = merge(lead, copy, {"代表履职": "代表工作"})
    assert result.themes_added == [] and "代表履职" not in {t.path for t in list_themes(lead)}
    station = find_theme(lead, "代表工作/代表联络站").id
    assert len(passages.list_passages(lead, theme_ids=[station], coders=(RA,))) == 2
    # the decision is remembered: the next copy of the same teammate merges without asking
    assert plan_merge(lead, copy).conflicts == []


def test_a_renamed_theme_may_be_added_as_a_new_one_with_its_children(team):
    lead, copy = team
    with open_project(copy, create=False) as ra:
        rename_theme(ra, find_theme(ra, "代表工作").id, "代表履职")
    result = merge(lead, copy, {"代表履职": None})
    assert "代表履职" in result.themes_added and "代表履职/代表联络站" in result.themes_added
    new_station = find_theme(lead, "代表履职/代表联络站").id
    assert len(passages.list_passages(lead, theme_ids=[new_station], coders=(RA,))) == 2


def test_a_moved_theme_is_a_conflict_and_a_new_one_is_simply_added(team):
    lead, copy = team
    with open_project(copy, create=False) as ra:
        move_theme(ra, find_theme(ra, "依法监督/执法检查").id, None)
        from reader.core.store.themes import add_theme

        add_theme(ra, "基层治理")
    plan = plan_merge(lead, copy)
    assert [(c.theirs, c.ours, c.why) for c in plan.conflicts] == [("执法检查", "依法监督/执法检查", mg.MOVED)]
    assert plan.new_themes == ["基层治理"]
    with pytest.raises(NotFound):
        plan_merge(lead, copy, {"没有的主题": "依法监督"})
    with pytest.raises(NotFound):
        plan_merge(lead, copy, {"执法检查": "没有/这个"})


def test_a_report_only_the_copy_has_is_offered_for_import(team, tmp_path):
    lead, copy = team
    with open_project(copy, create=False) as ra:
        report = import_paths(ra, [write_text(tmp_path / "平遥县2022.txt", EXTRA_REPORT)])
        uid = report.imported[0].units[0].id
        passages.tag_quote(ra, uid, "代表联络站十二个", [find_theme(ra, "代表工作/代表联络站").id], coder=RA)
    plan = plan_merge(lead, copy)
    assert len(plan.offered) == 1 and plan.offered[0].passages == 1
    assert plan.offered[0].reports[0][1] == "平遥县"
    left = apply_merge(lead, plan)
    assert left.left_out == 1 and left.documents == 0
    taken = merge(lead, copy, import_documents=True)
    assert taken.documents == 1 and len(taken.units) == 1 and taken.passages == 1
    unit = taken.units[0]
    text = documents.unit_text(lead, unit)
    assert text.startswith("平遥县") and documents.sections_of(lead, [unit])[unit]
    from reader.core.search import search

    assert search(lead, "代表联络站十二个").total == 1  # the imported report is searchable
    assert merge(lead, copy, import_documents=True).changed is False


def test_everything_is_one_transaction(team, monkeypatch):
    lead, copy = team
    with open_project(copy, create=False) as ra:
        from reader.core.store.themes import add_theme

        add_theme(ra, "基层治理")
    themes = {t.path for t in list_themes(lead)}
    before = passages_of(lead)

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(mg, "_add_passages", broken)
    with pytest.raises(RuntimeError):
        merge(lead, copy)
    assert {t.path for t in list_themes(lead)} == themes and passages_of(lead) == before


def test_a_read_only_project_is_not_merged_into(team):
    lead, copy = team
    lead.close()
    with open_project(lead.path, create=False, reading=True) as reading, pytest.raises(ProjectReadOnly):
        merge(reading, copy)


def test_a_qdpx_copy_merges_like_a_project_and_keeps_the_coders(team, tmp_path):
    lead, copy = team
    out = tmp_path / "assistant.qdpx"
    with open_project(copy, create=False) as ra:
        export(ra, "qdpx", out)
    result = merge(lead, out)
    assert result.by_coder == {RA: 3} and result.already == 1
    assert merge(lead, out).passages == 0
    units = [u.id for u in documents.list_units(lead)]
    figures = agreement(lead, [LEAD, RA], unit_ids=units[:1]).pairs[0]
    assert figures.themes[0].segments.matched_a == 1  # the span both tagged


def test_agreement_survives_a_round_trip_through_refi_qda(team, tmp_path):
    lead, copy = team
    merge(lead, copy)
    before = agreement(lead, [LEAD, RA]).to_json()
    out = tmp_path / "team.qdpx"
    export(lead, "qdpx", out)
    with open_project(tmp_path / "other.renda", codebook=False) as other:
        import_paths(other, [out])
        after = agreement(other, [LEAD, RA]).to_json()
    assert after["pairs"] == before["pairs"]
