"""One language at a time, one name for one thing. After a working session in one language the user
switches to the other (视图 ▸ 语言): no string of the first language is left in any window (title,
menus, panels, headers, status bar, undo entries), in any dialog, or in the headers of an export.
What the project holds (report text, place names, themes, titles, file names) is data, not
interface, and may be in any language. The county that was not identified has one name everywhere.
"""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabBar,
    QWidget,
)

from reader.core import messages
from reader.core.export import FORMATS, export
from reader.core.search import search
from reader.core.store.documents import list_units, unit_text
from reader.core.store.outline_tree import section_tree
from reader.core.store.passages import list_passages
from reader.core.store.themes import list_themes
from reader.ui import i18n
from tests.ui.driving import (
    activate,
    char_point,
    choose_in_menu,
    choose_menu_entry,
    drag_select,
    open_menu,
    press,
)
from tests.ui.helpers import choose_section, utf16

HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff]+")
WORD = re.compile(r"[A-Za-z]{2,}")
TAG = re.compile(r"<[^>]+>")
# English that stays English in the Chinese interface: names of formats, programs and keys
ENGLISH_NAMES = {
    "CSV", "Excel", "Word", "REFI", "QDA", "QDPX", "QDC", "PDF", "HTML", "JSON", "Markdown", "MAXQDA", "ATLAS",
    "ti", "NVivo", "QualCoder", "LF", "CRLF", "OCR", "Ctrl", "Shift", "Alt", "Del", "Esc", "Enter", "Tab", "PgUp",
    "PgDown", "Home", "End", "Backspace", "Ins", "txt", "md", "docx", "html", "htm", "pdf", "qdpx", "qdc", "xlsx",
    "csv", "json", "renda", "UTF", "GB", "Unicode", "SQLite", "Qt", "Renda", "Reader", "reader", "Backtab",
    "Space", "Up", "Down", "Left", "Right", "Zoom", "In", "Out", "Help", "Undo", "Redo", "Find", "Copy",
    "English",  # the language menu names each language in itself
}
CHINESE_NAMES = {"中文"}


def corpus(project) -> str:
    """Everything the project holds that is data: report texts, places, titles, themes, files, notes."""
    parts = [project.path.stem, project.path.name]
    for u in list_units(project):
        places = [u.province or "", u.prefecture or "", u.county or ""]
        parts += ["".join(places), "".join(places[:2]), "".join(places[1:])]
        parts += [unit_text(project, u.id), u.county or "", u.prefecture or "", u.province or "", u.title or "",
                  u.source or "", u.source_path or "", u.author or "", str(u.year or "")]
        parts += [s.heading for top in section_tree(project, u.id) for s in top.walk()]
    for t in list_themes(project):
        parts += [t.name, t.path, t.description or "", *t.keywords]
    parts += [p.note for p in list_passages(project)]
    parts += [p.coder or "" for p in list_passages(project)]  # coders' names (the user's name by default)
    from reader.core.store.coders import current_coder

    parts.append(current_coder())
    return "\n".join(parts)


def other_language(text: str, lang: str, data: str) -> list[str]:
    """The pieces of `text` in the language that is not `lang` (data aside)."""
    text = html.unescape(TAG.sub(" ", text))
    if lang == i18n.EN:
        return [run for run in HAN.findall(text) if run not in data and run not in CHINESE_NAMES]
    words = [w for w in WORD.findall(text) if w not in ENGLISH_NAMES and w not in data]
    return words


def model_texts(model: QAbstractItemModel, rows: int = 40) -> list[str]:
    root = QModelIndex()
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)
    out = []
    for c in range(columns):
        out.append(str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
    for r in range(min(rows, model.rowCount(root))):
        for c in range(columns):
            ix = model.index(r, c)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                v = model.data(ix, role)
                if isinstance(v, str):
                    out.append(v)
    return out


def menu_texts(menu: QMenu, seen: set) -> list[tuple[str, str]]:
    if id(menu) in seen:
        return []
    seen.add(id(menu))
    menu.aboutToShow.emit()  # menus filled when opened (recent projects, tag as)
    out = [(f"menu {menu.objectName()}", menu.title())]
    for a in menu.actions():
        out += [(f"action {a.objectName()}", a.text()), (f"tooltip {a.objectName()}", a.toolTip() if a.toolTip() != a.text().replace("&", "") else "")]
        if a.menu() is not None:
            out += menu_texts(a.menu(), seen)
    return out


def window_texts(root: QWidget) -> list[tuple[str, str]]:
    """Every interface string of a window or dialog: title, labels, buttons, fields, lists, tabs,
    docks, menus, tooltips, table headers and cells, status bar."""
    out = [("title", root.windowTitle())]
    seen: set = set()
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and not isinstance(w, QMenu):
            continue
        name = f"{type(w).__name__} {w.objectName()}"
        if w.toolTip():
            out.append((f"tooltip {name}", w.toolTip()))
        if isinstance(w, QLabel):
            out.append((name, w.text()))
        elif isinstance(w, QAbstractButton):
            out.append((name, w.text()))
        elif isinstance(w, QLineEdit):
            out.append((name, w.placeholderText()))
        elif isinstance(w, QComboBox):
            out += [(name, w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QTabBar):
            out += [(name, w.tabText(i)) for i in range(w.count())] + [(name, w.tabToolTip(i)) for i in range(w.count())]
        elif isinstance(w, QDockWidget):
            out.append((name, w.windowTitle()))
        elif isinstance(w, QMenu):
            out += menu_texts(w, seen)
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            out += [(name, t) for t in model_texts(w.model())]
    if isinstance(root, QMainWindow):
        out.append(("status", root.statusBar().currentMessage()))
    return [(where, t) for where, t in out if t]


def left_over(texts: list[tuple[str, str]], lang: str, data: str) -> list[tuple[str, str, list[str]]]:
    found = []
    for where, text in texts:
        pieces = other_language(text, lang, data)
        if pieces:
            found.append((where, text[:80], pieces))
    return found


def switch_language(qtbot, window, lang: str) -> None:
    """视图 ▸ 语言 ▸ English / 中文: Alt+V, L, then a click on the language."""
    activate(qtbot, window)
    menu = open_menu(qtbot, window, "view")
    sub = window.language_menu
    choose_in_menu(qtbot, menu, sub.menuAction())
    qtbot.waitUntil(sub.isVisible, timeout=3000)
    choose_menu_entry(sub, window.language_actions[lang].text())
    qtbot.waitUntil(lambda: i18n.current() == lang, timeout=3000)
    qtbot.wait(50)  # Qt posts LanguageChange to every window
    activate(qtbot, window)


def work_a_little(qtbot, window) -> None:
    """Part of the afternoon: a tagged passage clicked, the matrix counted, a search, the comparison
    view opened, a place chosen."""
    activate(qtbot, window)
    unit, section, text = choose_section(qtbot, window, "新绛县", 0)
    shown = text[section.start : section.end]
    i = shown.index("党史学习教育")
    pane = window.text_pane
    drag_select(pane, utf16(shown, i), utf16(shown, i + 6))
    qtbot.keyClick(pane, Qt.Key.Key_1)
    drag_select(pane, utf16(shown, i + 8), utf16(shown, i + 14))
    qtbot.keyClick(pane, Qt.Key.Key_2)
    from tests.ui.driving import click

    click(pane.viewport(), char_point(pane, utf16(shown, i + 2)))  # the passage strip (no note)
    press(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    window.search_box.setFocus()
    qtbot.keyClicks(window.search_box, "daibiao")
    window.search_project("代表")
    window.compare.show()
    activate(qtbot, window)


@pytest.mark.parametrize("start, then", [(i18n.ZH, i18n.EN), (i18n.EN, i18n.ZH)])
def test_switching_language_leaves_nothing_of_the_other(make_window, sample_project_path, qtbot, start, then):
    window = make_window(sample_project_path, lang=start)
    work_a_little(qtbot, window)
    data = corpus(window.project) + "\ndaibiao\n代表"
    switch_language(qtbot, window, then)
    assert window.undo_stack.count() == 2
    compare = window.compare.view
    texts = window_texts(window) + window_texts(compare)
    texts.append(("display name, added to titles by Qt", QApplication.applicationDisplayName()))
    found = left_over(texts, then, data)
    # context menus, built when asked for
    menus = [window.text_pane.build_context_menu(window.text_pane.viewport().rect().center())]
    node = window.outline_panel.current_node()
    menus.append(window.outline_panel.build_menu(node))
    lst = window.passage_list
    if lst.model.rowCount():
        menus.append(lst.build_menu(lst.model.index(0, 2)))
    for m in menus:
        found += left_over(menu_texts(m, set()), then, data)
    assert not found, "\n".join(f"{w}: {t!r} {p}" for w, t, p in found)
    # and the words of the new language fit: no drop-down list keeps the width of the old words
    narrow = []
    for root in (window, compare):
        for box in root.findChildren(QComboBox):
            if box.isVisibleTo(root) and box.currentText():
                need = box.fontMetrics().horizontalAdvance(box.currentText()) + 20
                if box.width() < need:
                    narrow.append((box.objectName(), box.currentText(), box.width(), need))
    assert not narrow, narrow


@pytest.mark.parametrize("lang", [i18n.ZH, i18n.EN])
def test_every_dialog_speaks_one_language(qtbot, sample_project, lang):
    from tests.ui.test_dialogs import dialogs

    i18n.install(lang)
    parent = QWidget()
    qtbot.addWidget(parent)
    data = corpus(sample_project) + "\n代表 监督\n代表工作\n代表联络站\n依法监督\n吉县\n离石区\n临汾市\n吕梁市\n南京市鼓楼区\n文件 ▸ 导入文档"  # the tests' examples
    found = []
    for dialog, _titles in dialogs(parent, sample_project):
        dialog.show()
        found += left_over(window_texts(dialog), lang, data)
        dialog.close()
    assert not found, "\n".join(f"{w}: {t!r} {p}" for w, t, p in found)


def _export_texts(path: Path) -> list[str]:
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig") as f:
            return next(csv.reader(f))
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True)
        out = []
        for ws in wb.worksheets:
            out.append(ws.title)
            for row in ws.iter_rows(max_row=3, values_only=True):
                out += [str(v) for v in row if v is not None]
        return out
    if path.suffix == ".docx":
        from docx import Document

        return [p.text for p in Document(str(path)).paragraphs]
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"<style>.*?</style>", " ", text, flags=re.S)  # the page's CSS is not a header
    return TAG.sub(" ", text).splitlines()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_export_headers_speak_one_language(sample_project, tmp_path, lang):
    from reader.core.store.passages import tag

    units = list_units(sample_project)
    theme = list_themes(sample_project)[0].id
    for u in units:
        text = unit_text(sample_project, u.id)
        tag(sample_project, u.id, 10, 30, [theme], note="")
        assert text
    data = corpus(sample_project)
    ui_lang = i18n.EN if lang == "en" else i18n.ZH
    found = []
    for name, spec in FORMATS.items():
        if spec.suffix in (".json", ".qdpx", ".qdc"):
            continue  # machine formats: their keys are fixed by the format
        path = tmp_path / f"{name}-{lang}{spec.suffix}"
        export(sample_project, name, path, lang=lang)
        for text in _export_texts(path):
            pieces = other_language(text, ui_lang, data)
            if pieces:
                found.append((name, text[:80], pieces))
    assert not found, "\n".join(f"{w}: {t!r} {p}" for w, t, p in found)


def test_the_unknown_county_has_one_name_everywhere(make_window, sample_project_path, qtbot, tmp_path):
    """The sample without a county: the outline, the breadcrumb, the passage list, the search hits,
    the matrix, the exports and the command line all call it the same."""
    window = make_window(sample_project_path)
    unknown = next(u for u in list_units(window.project) if not u.county)
    from reader.core.store.passages import tag

    theme = list_themes(window.project)[0].id
    tag(window.project, unknown.id, 10, 30, [theme])
    for lang, ui in (("zh", i18n.ZH), ("en", i18n.EN)):
        window.set_language(ui)
        name = messages.unknown_county(lang)
        window.load_project_views()
        names = set()
        top = window.outline_model.root.children[-1]
        names.add(window.outline_model.display_name(top))
        window.open_location(unknown.id)
        names.add(window.breadcrumb.parts[0][1])
        window.refresh_passage_list()
        window.show_place(top)
        rec = window.passage_list.model
        names.add(rec.data(rec.index(0, 0)))
        hits = search(window.project, "人大", 50)
        window.search_panel.set_result(hits)
        hm = window.search_panel.model
        names |= {hm.data(hm.index(r, 0)) for r in range(hm.rowCount()) if hits.hits[r].county is None}
        window.refresh_matrix("county")
        mm = window.matrix_view.model
        names |= {mm.headerData(r, Qt.Orientation.Vertical) for r in range(mm.rowCount()) if mm.matrix.rows[r].label is None}
        path = tmp_path / f"x-{lang}.csv"
        export(window.project, "csv", path, lang=lang)
        names |= {row[next(k for k, h in enumerate(rows[0]) if h in ("县区", "county"))] for rows in
                  [list(csv.reader(path.open(encoding="utf-8-sig")))] for row in rows[1:] if name in row}
        assert names == {name}, names
    QApplication.processEvents()


def test_every_literal_given_to_tr_is_in_the_catalogue():
    """pyside6-lupdate does not see tr('…') inside an f-string: such a string stays English in the
    Chinese interface ("no note")."""
    import xml.etree.ElementTree as ET

    from tests.conftest import ROOT

    sources = {m.findtext("source") for m in ET.parse(i18n.ts_path(i18n.ZH)).iter("message")}
    call = re.compile(r"""\btr\(\s*(["'])((?:(?!\1).)+)\1\s*[,)]""")
    missing = []
    for path in sorted((ROOT / "reader" / "ui").rglob("*.py")):
        for m in call.finditer(path.read_text(encoding="utf-8")):
            text = m.group(2).encode().decode("unicode_escape") if "\\" in m.group(2) else m.group(2)
            if text not in sources:
                missing.append(f"{path.relative_to(ROOT)}: {text}")
    assert not missing, missing
