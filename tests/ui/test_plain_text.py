"""Names users type and text from documents are shown literally everywhere in the window: a theme
named "<b>粗 <img src=x>", a report titled "<b>标题</b>", a file named "<i>报告</i>.txt" never turn
into bold text or an image in a label, a message box, a tooltip or a menu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QTableView, QToolTip

from reader.core.ingest import unit_edits as units
from reader.core.store import themes
from reader.core.store.documents import list_units
from reader.ui import errors
from reader.ui.dialogs.confirm import ConfirmDialog
from reader.ui.dialogs.theme import ThemeDialog
from reader.ui.dialogs.unitfield import UnitFieldDialog
from reader.ui.plain import guard_tooltips, plain_tooltip

PRESENT = errors.ErrorBox.present  # the real one (the fixtures record messages instead)
THEME = "<b>粗 <img src=x>"
TITLE = "<b>标题</b><img src=x>"


def _labels_plain(widget) -> list[QLabel]:
    labels = [lb for lb in widget.findChildren(QLabel) if lb.text()]
    assert labels
    return [lb for lb in labels if lb.textFormat() != Qt.TextFormat.PlainText]


def test_error_box_shows_a_file_name_as_typed(qapp, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self) or 0)
    PRESENT(None, "文件没有文字内容：<b>报告</b><img src=x>.txt")
    (box,) = shown
    assert box.text().endswith("<b>报告</b><img src=x>.txt") and _labels_plain(box) == []


def test_confirm_dialog_question_and_detail_are_plain(qapp):
    dialog = ConfirmDialog(None, "删除主题", f"删除主题“{THEME}”吗？", "删除", detail="<i>子主题</i>也会删除")
    assert _labels_plain(dialog) == []
    texts = [lb.text() for lb in dialog.findChildren(QLabel)]
    assert f"删除主题“{THEME}”吗？" in texts and "<i>子主题</i>也会删除" in texts


def test_dialog_labels_with_names_are_plain(qapp):
    dialog = ThemeDialog(None, title="新建主题", parent_name=THEME)
    assert any(lb.text() == THEME and lb.textFormat() == Qt.TextFormat.PlainText for lb in dialog.findChildren(QLabel))
    field = UnitFieldDialog(None, "title", TITLE, f"{TITLE}（某县）")
    assert any(lb.text() == f"{TITLE}（某县）" and lb.textFormat() == Qt.TextFormat.PlainText
               for lb in field.findChildren(QLabel))


def _tooltip_event(widget, pos: QPoint) -> None:
    QToolTip.hideText()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)


@pytest.fixture
def guarded(qapp):
    guard_tooltips(qapp)
    yield
    QToolTip.hideText()


def test_tooltips_of_cells_headers_and_widgets_are_literal(qtbot, guarded):
    model = QStandardItemModel(1, 1)
    item = QStandardItem("x")
    item.setToolTip(THEME)
    model.setItem(0, 0, item)
    header = QStandardItem("列")
    header.setToolTip(TITLE)
    model.setHorizontalHeaderItem(0, header)
    view = QTableView()
    view.setModel(model)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    _tooltip_event(view.viewport(), view.visualRect(model.index(0, 0)).center())
    assert QToolTip.text() == plain_tooltip(THEME)
    hh = view.horizontalHeader()
    _tooltip_event(hh.viewport(), QPoint(hh.sectionViewportPosition(0) + 5, 5))
    assert QToolTip.text() == plain_tooltip(TITLE)
    button = QPushButton("b")
    button.setToolTip("<img src=x>")
    qtbot.addWidget(button)
    button.show()
    _tooltip_event(button, QPoint(2, 2))
    assert QToolTip.text() == plain_tooltip("<img src=x>")
    button.setToolTip("普通提示")  # not rich text: left to Qt as it is
    _tooltip_event(button, QPoint(2, 2))
    assert QToolTip.text() == "普通提示"


def test_the_window_shows_theme_and_report_names_literally(window, qtbot, guarded):
    project = window.project
    tid = themes.add_theme(project, THEME).theme_id
    themes.add_theme(project, "A&B")
    unit = list_units(project)[0]
    units.set_title(project, unit.id, TITLE)
    window.reload_themes()
    window.outline_panel.reload()
    window.show_unit(unit.id)
    # the breadcrumb is built as HTML on purpose: the title is escaped in it, and its tooltip is literal
    crumb = window.breadcrumb
    assert "&lt;b&gt;标题&lt;/b&gt;&lt;img src=x&gt;" in crumb.text() and "<img" not in crumb.text()
    assert crumb.toolTip() == plain_tooltip(crumb.plain()) and TITLE in crumb.plain()
    # the theme's row in the codebook: its tooltip reaches the screen literally
    view = window.theme_panel.view
    model = view.model()
    index = next(ix for ix in _indexes(model) if ix.data() == THEME)
    view.scrollTo(index)
    _tooltip_event(view.viewport(), view.visualRect(index).center())
    assert QToolTip.text().startswith("<qt>&lt;b&gt;粗 &lt;img src=x&gt;")
    # labels that show names are plain text
    assert window.passage_list.scope_label.textFormat() == Qt.TextFormat.PlainText
    assert window.search_panel.summary.textFormat() == Qt.TextFormat.PlainText
    # in menus, & is a character of the name, not a shortcut marker
    window.fill_tag_menu()
    texts = [a.text().strip() for a in window.tag_theme_menu.actions()]
    assert "A&&B" in texts and THEME in texts
    assert tid


def _indexes(model, parent=None):
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    for r in range(model.rowCount(parent)):
        ix = model.index(r, 0, parent)
        yield ix
        yield from _indexes(model, ix)
