"""The minimal window opens on a project (offscreen) with the outline and the text pane."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QTreeView

from reader import app
from reader.core.store import documents
from reader.core.store.db import open_project


def test_window_shows_outline_and_text(qtbot, sample_project_path):
    window = app.create_window(sample_project_path)
    qtbot.addWidget(window)
    assert "人大报告对读" in window.windowTitle()
    tree = window.findChild(QTreeView, "outlineView")
    pane = window.findChild(QPlainTextEdit, "textPane")
    assert tree is not None and pane is not None and pane.isReadOnly()
    model = tree.model()
    counties = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "新绛县" in counties and "离石区" in counties
    county = model.index(counties.index("新绛县"), 0)
    unit = model.index(0, 0, county)
    tree.clicked.emit(unit)
    with open_project(sample_project_path, create=False) as p:
        first = next(u for u in documents.outline(p) if u.county == "新绛县")
        text = documents.unit_text(p, first.id)
    assert pane.toPlainText() == text
    section = model.index(0, 0, unit)
    tree.setCurrentIndex(section)
    s = first.sections[0]
    assert pane.toPlainText() == text[s.start : s.end]
    assert pane.toPlainText().startswith(s.heading[:6])


def test_window_on_an_empty_project(qtbot, tmp_path):
    window = app.create_window(tmp_path / "empty.renda")
    qtbot.addWidget(window)
    assert window.findChild(QTreeView, "outlineView").model().rowCount() == 0
    window.close()


def test_screenshot_in_process(qtbot, tmp_path, sample_project_path):
    png = app.screenshot(tmp_path / "w.png", sample_project_path)
    assert png.read_bytes()[:4] == b"\x89PNG"
