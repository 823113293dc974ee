"""Coding as a team in the real window: the coder set once and stored with what is tagged; only
chosen coders' passages shown (highlights, stripes, list, matrix, export preset); a teammate's copy
merged through 文件 ▸ 合并项目 (a renamed theme decided in the dialog); the agreement window
measuring, showing a disagreement side by side, settling it as an undoable step, exporting."""

from __future__ import annotations

import shutil

import pytest
from openpyxl import load_workbook

from reader.core import paths
from reader.core.store import backups, documents, passages
from reader.core.store.db import open_project
from reader.core.store.passages import list_passages
from reader.core.store.themes import find_theme, rename_theme
from reader.core.team.disagreements import ACCEPT_A, ACCEPT_B, decisions
from reader.ui import i18n
from reader.ui.changes import Changes
from reader.ui.dialogs.coder import CoderDialog
from reader.ui.dialogs.merge import NEW, MergeDialog
from reader.ui.team import controller
from reader.ui.team.models import CHARS_KAPPA, SEGMENTS
from tests.ui.helpers import choose_section, select_in_pane

A, B = "甲", "乙"


@pytest.fixture
def copies(sample_project_path, tmp_path):
    """甲 tagged the lead's project; a copy went to 乙, who tagged it too (one span as 甲's)."""
    with open_project(sample_project_path, create=False) as lead:
        u = [x.id for x in documents.list_units(lead)]
        sup = find_theme(lead, "依法监督").id
        passages.tag(lead, u[0], 10, 40, [sup], coder=A)
        passages.tag(lead, u[0], 100, 120, [sup], coder=A)
    copy = tmp_path / "乙.renda"
    shutil.copyfile(sample_project_path, copy)
    with open_project(copy, create=False) as ra:
        passages.tag(ra, u[0], 12, 40, [sup], coder=B)
        passages.tag(ra, u[0], 200, 240, [find_theme(ra, "代表工作").id], coder=B)
    return sample_project_path, copy, u


def merge_in(window, copy, monkeypatch, answer=None):
    monkeypatch.setattr(controller.MergeFileDialog, "ask_open", classmethod(lambda cls, parent: copy))
    asked = []

    def ask(cls, parent, plan, ours):
        asked.append(plan)
        return answer(plan) if answer else MergeDialog(parent, plan, ours).answer()

    monkeypatch.setattr(MergeDialog, "ask", classmethod(ask))
    window.actions["merge_project"].trigger()
    return asked


def test_the_coder_is_set_once_and_stored_with_what_is_tagged(window, qtbot, monkeypatch):
    monkeypatch.setattr(CoderDialog, "ask", classmethod(lambda cls, parent, current, known: "王五"))
    window.actions["coder"].trigger()
    assert paths.remembered_coder() == "王五" and "王五" in window.statusBar().currentMessage()
    unit, section, text = choose_section(qtbot, window, "新绛县", 0)
    shown = text[section.start : section.end]
    i = section.heading_end - section.start + 2
    select_in_pane(window.text_pane, shown, i, i + 8)
    window.tag_with_key("1")
    assert [p.coder for p in list_passages(window.project)] == ["王五"]


def test_merging_a_copy_from_the_file_menu(make_window, copies, monkeypatch, shown_errors):
    lead, copy, _u = copies
    window = make_window(lead)
    asked = merge_in(window, copy, monkeypatch)
    assert asked[0].passages == 2 and asked[0].already == 2
    assert sorted(p.coder for p in list_passages(window.project)) == sorted([A, A, B, B])
    assert "乙.renda" in window.statusBar().currentMessage() and not window.undo_stack.count()
    assert any(b.reason == backups.BEFORE_MERGE for b in backups.list_backups(lead))
    # merging it again: nothing to merge, no dialog
    asked.clear()
    window.actions["merge_project"].trigger()
    assert asked == [] and len(list_passages(window.project)) == 4
    assert shown_errors == []


def test_a_renamed_theme_is_decided_in_the_merge_dialog(make_window, copies, monkeypatch):
    lead, copy, _u = copies
    with open_project(copy, create=False) as ra:
        rename_theme(ra, find_theme(ra, "代表工作").id, "代表履职")
    window = make_window(lead)

    def as_new(plan):
        dialog = MergeDialog(window, plan, [])
        assert dialog.conflicts.rowCount() == 1 and dialog.conflicts.item(0, 0).text() == "代表履职"
        dialog.choices[0].setCurrentIndex(dialog.choices[0].findData(NEW))
        return dialog.answer()

    merge_in(window, copy, monkeypatch, as_new)
    assert find_theme(window.project, "代表履职").id in window.looks  # the panels know the new theme
    assert [r.coder for r in list_passages(window.project, theme_ids=[find_theme(window.project, "代表履职").id])] == [B]


@pytest.fixture
def team_window(make_window, copies, monkeypatch):
    lead, copy, u = copies
    window = make_window(lead)
    merge_in(window, copy, monkeypatch)
    return window, u


def test_showing_chosen_coders_only(team_window, qtbot, tmp_path):
    window, u = team_window
    window.open_location(u[0], 10, 40)
    pane = window.text_pane
    everyone = [p[1:3] for p in pane.content.passages]
    assert (10, 40) in everyone and (12, 40) in everyone
    sup = find_theme(window.project, "依法监督").id
    lanes = {pane.lane_of(sup, pid) for pid, _s, _e, themes in pane.content.passages if sup in themes}
    assert len(lanes) == 2  # 甲's and 乙's bars of 依法监督 side by side
    assert {pane.whose(pid) for pid, *_ in pane.content.passages} == {A, B}
    window.menus["view"].aboutToShow.emit()
    window.coders_menu.aboutToShow.emit()
    entries = [a.text() for a in window.coders_menu.actions() if a.text()]
    assert entries[0] == "全部标注人(&A)" and any(e.startswith(A) for e in entries)
    window.toggle_coder(A, False)
    assert window.coder_filter == (B,)
    assert [p[1:3] for p in pane.content.passages] == [(12, 40), (200, 240)]
    assert {r.coder for r in window.passage_list.model.records} == {B}
    assert "乙" in window.passage_list.scope_label.text()
    assert window.exchange.export_preset("csv").coders == (B,)
    window.show_matrix()
    assert sum(map(sum, window.matrix_view.model.matrix.counts)) == 2
    window.set_coder_filter(None)
    assert len(pane.content.passages) == 4


def test_the_agreement_window_measures_and_settles(team_window, qtbot, tmp_path, monkeypatch, shown_errors):
    window, u = team_window
    window.actions["agreement"].trigger()
    w = window.team.agreement_window
    assert w.isVisible() and sorted(w.chosen_coders()) == sorted([A, B])
    w.measure_button.click()
    rows = w.figures.rows
    assert [r.theme for r in rows] == ["依法监督", "代表工作", ""]
    assert w.figures.index(0, CHARS_KAPPA).data() == f"{w.result.pairs[0].themes[0].characters.kappa:.3f}"
    assert w.figures.index(0, SEGMENTS).data() == "66.7%"
    # the disagreements: 甲's [100,120) alone, 乙's 代表工作 alone
    w.tabs.setCurrentIndex(1)
    assert w.disagreements.rowCount() == 2
    w.list_view.selectRow(0)
    cluster = w.current_cluster()
    assert (cluster.start, cluster.end) == (100, 120)  # 甲's passage, which 乙 did not tag
    first = cluster.coders[0] == A  # the coders are in the order of the list: the most passages first
    mine, theirs = (w.side.a, w.side.b) if first else (w.side.b, w.side.a)
    text = documents.unit_text(window.project, u[0])
    (a0, a1), = mine.spans
    assert mine.text.toPlainText()[a0:a1] == text[100:120] and theirs.spans == []
    assert mine.title.text().endswith(A)
    w.choice_buttons[ACCEPT_A if first else ACCEPT_B].click()
    assert [(r.start, r.end) for r in list_passages(window.project, coders=("终稿",))] == [(100, 120)]
    assert w.disagreements.index(0, 3).data() == ("采纳 A 的版本" if first else "采纳 B 的版本")
    assert w.current_cluster().end == 240  # on to the next one
    window.undo_stack.undo()
    assert list_passages(window.project, coders=("终稿",)) == [] and decisions(window.project) == {}
    assert w.disagreements.index(0, 3).data() == ""
    window.undo_stack.redo()
    assert len(list_passages(window.project, coders=("终稿",))) == 1
    w.agree_button.click()
    assert len(list_passages(window.project, coders=("终稿",))) == 2
    # export
    out = tmp_path / "一致性.xlsx"
    monkeypatch.setattr(controller.AgreementFileDialog, "ask_save", classmethod(lambda cls, parent, start: out))
    w.export_button.click()
    assert load_workbook(out).sheetnames == ["一致性", "分歧"]
    assert shown_errors == []


def test_agreement_with_fewer_than_two_coders_says_what_to_do(window):
    window.team.show_agreement()
    w = window.team.agreement_window
    assert not w.measure_button.isEnabled()
    assert "合并" in w.statusBar().currentMessage()


def test_a_failed_merge_is_one_message_and_changes_nothing(window, tmp_path, monkeypatch, shown_errors):
    bad = tmp_path / "bad.renda"
    bad.write_text("not a project")
    merge_in(window, bad, monkeypatch)
    assert len(shown_errors) == 1 and "bad.renda" in shown_errors[0]
    assert list_passages(window.project) == []


@pytest.mark.parametrize("lang", [i18n.ZH, i18n.EN])
def test_team_windows_follow_the_language(team_window, lang):
    window, _u = team_window
    window.set_language(lang)
    w = window.team.show_agreement()
    title = w.windowTitle()
    assert title.startswith("编码一致性" if lang == i18n.ZH else "Coder agreement")
    window.apply_changes(Changes(passages=True))
