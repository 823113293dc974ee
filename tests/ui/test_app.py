"""Starting the window: create_window on a project, the demo project on first run, the screenshot."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QTextEdit, QTreeView, QWidget

from reader import app
from reader.core import paths
from reader.core.store.documents import list_units


def test_window_has_the_named_parts(window):
    assert "人大报告对读" in window.windowTitle()
    for name, cls in (("outlineView", QTreeView), ("textPane", QTextEdit), ("themePanel", QWidget),
                      ("passageList", QWidget), ("searchBox", QLineEdit)):
        assert window.findChild(cls, name) is not None, name
    pane = window.findChild(QTextEdit, "textPane")
    assert pane.isReadOnly()


def test_opens_on_the_first_report_with_places_shown(window):
    model = window.outline_model
    top = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert top[:2] == ["山西省", "河南省"] and top[-1] == "（县区未识别）"
    # a new user sees counties at once: provinces and prefectures are expanded
    shanxi = model.index(0, 0)
    assert window.outline_view.isExpanded(shanxi)
    assert window.outline_view.isExpanded(model.index(0, 0, shanxi))
    assert window.text_pane.content is not None and window.text_pane.toPlainText()


def test_create_window_does_not_show(qtbot, sample_project_path):
    w = app.create_window(sample_project_path, lang="zh_CN")
    qtbot.addWidget(w)
    assert not w.isVisible()
    w.close()


def test_first_run_builds_the_demo_project(qtbot, reader_home):
    assert paths.last_project() is None
    w = app.create_window(None, lang="zh_CN")
    qtbot.addWidget(w)
    assert w.project.path == paths.demo_project_path()
    assert len(list_units(w.project)) >= 5
    w.close()


def test_screenshot_in_process(tmp_path, sample_project_path):
    png = app.screenshot(tmp_path / "w.png", sample_project_path, select="离石区/监督", lang="en")
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_screenshot_select_from_the_command_line(tmp_path, sample_project_path, capsys):
    from reader.cli import main

    png = tmp_path / "s.png"
    assert main(["--screenshot", str(png), "--project", str(sample_project_path), "--select", "离石区/监督"]) == 0
    assert png.read_bytes()[:4] == b"\x89PNG"
    assert main(["--screenshot", str(png), "--project", str(sample_project_path), "--select", "没有县/监督",
                 "--lang", "zh"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "没有县" in err[0]


def test_select_needs_screenshot(capsys):
    import pytest

    from reader.cli import main

    with pytest.raises(SystemExit) as e:
        main(["--select", "离石区"])
    assert e.value.code == 2


def test_a_last_project_that_cannot_be_opened_falls_back_to_the_demo(qtbot, tmp_path):
    from reader.core.errors import ProjectTooNew
    from reader.core.store.db import open_project

    last = tmp_path / "newer.renda"
    with open_project(last) as p:
        p.db.execute("UPDATE reader_meta SET value = '99' WHERE key = 'schema_version'")
        p.db.conn.commit()
    paths.remember_project(last)
    w, problem = app.start_window(None)
    qtbot.addWidget(w)
    assert w.project.path == paths.demo_project_path() and isinstance(problem, ProjectTooNew)
    w.close()
    w, problem = app.start_window(tmp_path / "missing-is-new.renda")  # named: created, as before
    qtbot.addWidget(w)
    assert problem is None and w.project.created
    w.close()
