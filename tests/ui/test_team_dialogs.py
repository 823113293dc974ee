"""The team dialogs and the agreement window open in Chinese and in English, with no untranslated
text in the Chinese ones (as tests/ui/test_dialogs.py checks the others)."""

from __future__ import annotations

import re
import shutil

import pytest
from PySide6.QtWidgets import QWidget

from reader.core.store import documents, passages
from reader.core.store.db import open_project
from reader.core.store.themes import find_theme, rename_theme
from reader.core.team.merge import plan_merge
from reader.ui import i18n
from reader.ui.dialogs.coder import CoderDialog
from reader.ui.dialogs.merge import MergeDialog
from tests.ui.test_dialogs import HAN, texts


@pytest.fixture
def plan(sample_project_path, tmp_path):
    """A plan with a renamed theme, a report only the copy has and passages of a teammate."""
    copy = tmp_path / "copy.renda"
    shutil.copyfile(sample_project_path, copy)
    with open_project(copy, create=False) as ra:
        rename_theme(ra, find_theme(ra, "代表工作").id, "代表履职")
        unit = documents.list_units(ra)[0].id
        passages.tag(ra, unit, 10, 40, [find_theme(ra, "依法监督").id], coder="乙")
        doc = documents.list_documents(ra)[-1].id
        ra.db.execute("UPDATE documents SET sha256 = 'other', cleaned_text = cleaned_text || '。' WHERE id = ?", [doc])
        ra.db.execute('UPDATE units SET "end" = "end" + 1 WHERE document_id = ? AND position = '
                      "(SELECT max(position) FROM units WHERE document_id = ?)", [doc, doc])
    with open_project(sample_project_path, create=False) as lead:
        return plan_merge(lead, copy)


@pytest.mark.parametrize("lang", [i18n.ZH, i18n.EN])
def test_team_dialogs_open_in_both_languages(qtbot, lang, plan, window):
    i18n.install(lang)
    window.set_language(lang)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert plan.conflicts and plan.offered and plan.passages
    made = [
        (CoderDialog(parent, "甲", ["甲", "乙"]), ("标注人", "Coder")),
        (MergeDialog(parent, plan, ["依法监督", "代表工作"]), ("合并项目", "Merge a project")),
        (window.team.show_agreement(), ("编码一致性 — sample", "Coder agreement — sample")),
    ]
    for dialog, (zh, en) in made:
        dialog.show()
        assert dialog.windowTitle() == (zh if lang == i18n.ZH else en)
        shown = [t for t in texts(dialog) if re.search(r"[A-Za-z]{3,}", t)]
        if lang == i18n.ZH:
            assert all(HAN.search(t) for t in shown), (dialog.objectName(), shown)
        else:
            assert any(re.search(r"[A-Za-z]{3,}", t) for t in texts(dialog)), dialog.objectName()
        dialog.close()


def test_the_merge_dialog_answers_what_was_chosen(qtbot, plan):
    parent = QWidget()
    qtbot.addWidget(parent)
    d = MergeDialog(parent, plan, ["依法监督", "代表工作"])
    assert d.answer().mapping == {"代表履职": "代表工作"}  # our theme it seems to be, chosen first
    assert d.answer().documents == [o.key for o in plan.offered]
    d.choices[0].setCurrentIndex(d.choices[0].findData("依法监督"))
    d.offered.topLevelItem(0).setCheckState(0, d.offered.topLevelItem(0).checkState(0).Unchecked)
    assert d.answer().mapping == {"代表履职": "依法监督"} and d.answer().documents == []
