"""Language (Chinese by default, English from the menu or the locale, live switching) and the
state restored on start (geometry, docks, splitters, font size, last project and place)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt

from reader import app
from reader.core import paths
from reader.ui import i18n
from reader.ui.settings import UiSettings
from tests.ui.helpers import choose_section


def menu_titles(window) -> list[str]:
    return [m.title() for m in window.menus.values()]


def test_chinese_by_default_and_switching_language_changes_the_menus(window):
    assert menu_titles(window) == ["文件(&F)", "编辑(&E)", "视图(&V)", "标注(&T)", "帮助(&H)"]
    assert window.actions["import_files"].text() == "导入文档(&I)…"
    assert window.outline_dock.windowTitle() == "目录"
    window.language_actions[i18n.EN].trigger()
    assert menu_titles(window) == ["&File", "&Edit", "&View", "&Tag", "&Help"]
    assert window.actions["import_files"].text() == "&Import documents…"
    assert window.outline_dock.windowTitle() == "Outline"
    assert window.outline_panel.filter_box.placeholderText().startswith("Filter")
    assert window.outline_model.headerData(0, Qt.Orientation.Horizontal) == "Outline"
    assert window.settings.language() == i18n.EN
    window.language_actions[i18n.ZH].trigger()
    assert menu_titles(window)[0] == "文件(&F)" and window.settings.language() == i18n.ZH


def test_messages_follow_the_language(window, shown_errors):
    from reader.core.errors import NotFound

    window.set_language(i18n.EN)
    window.show_error(NotFound("unit", "99"))
    window.set_language(i18n.ZH)
    window.show_error(NotFound("unit", "99"))
    assert shown_errors == ["No such unit: 99", "找不到报告：99"]
    shown_errors.clear()


def test_a_fault_from_crafted_rows_says_the_project_is_damaged(window, shown_errors):
    """Issue 14: a fault met on rows the program never writes is a damaged project, not a bug."""
    window.project.db.execute("UPDATE themes SET keywords = 'not json'")
    try:
        raise ValueError("Expecting value")
    except ValueError as e:
        window.show_error(e)
    (text,) = shown_errors
    assert "已损坏" in text and "本程序不会写入的数据" in text
    shown_errors.clear()
    window.project.db.execute("UPDATE themes SET keywords = '[]'")


def test_language_choice(monkeypatch):
    assert i18n.initial_language("en") == "en" and i18n.initial_language("zh_CN") == "zh_CN"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)))
    assert i18n.initial_language(None) == "en"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.German)))
    assert i18n.initial_language(None) == "zh_CN"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.Chinese, QLocale.Country.China)))
    assert i18n.initial_language(None) == "zh_CN"


def test_saved_language_is_used_on_start(qtbot, sample_project_path):
    UiSettings().set_language("en")
    w = app.create_window(sample_project_path)
    qtbot.addWidget(w)
    assert menu_titles(w)[0] == "&File"
    w.close()


def test_state_restored_on_start(qtbot, make_window, sample_project_path):
    w = make_window(sample_project_path)
    unit, section, _text = choose_section(qtbot, w, "离石区", 1)
    w.resize(760, 580)  # the offscreen screen is 800x800: restoreGeometry keeps windows on it
    w.right_splitter.setSizes([100, 500])
    w.actions["font_bigger"].trigger()
    w.matrix_view.set_by("year", "coverage")
    sizes = w.right_splitter.sizes()
    w.close()

    again = make_window(sample_project_path)
    assert (again.width(), again.height()) == (760, 580)
    assert all(abs(a - b) <= 2 for a, b in zip(again.right_splitter.sizes(), sizes, strict=True))
    assert again.text_pane.point_size == 14
    assert (again.shown.unit_id, again.shown.section_id) == (unit.id, section.id)
    assert again.outline_panel.current_node().section_id == section.id
    assert (again.matrix_view.by(), again.matrix_view.value()) == ("year", "coverage")


def test_settings_file_is_in_the_isolated_home(window, reader_home):
    assert str(window.settings.path).startswith(str(reader_home))


def test_last_project_is_remembered(qtbot, monkeypatch, sample_project_path):
    shown = []
    monkeypatch.setattr("PySide6.QtWidgets.QApplication.exec", lambda self=None: shown.append(1) or 0)
    monkeypatch.setattr("reader.ui.mainwindow.MainWindow.show", lambda self: shown.append(self))
    assert app.run_gui(sample_project_path) == 0
    window = shown[0]
    qtbot.addWidget(window)
    assert paths.last_project() == sample_project_path.resolve()
    assert window.settings.recent_projects()[0] == sample_project_path.resolve()
    window.close()


def test_english_counts_have_a_singular(window):
    from reader.core.store.themes import find_theme

    window.set_language(i18n.EN)
    unit = next(n for n in window.outline_model.unit_nodes())
    window.open_location(unit.key)
    window.text_pane.select_span(30, 40)
    window.tag_selection([find_theme(window.project, "代表工作").id])
    assert window.count_label.text().endswith(" · 1 tagged passage")
    assert window.passage_list.scope_label.text() == "This report: 1 passage"
    window.set_language(i18n.ZH)
    assert window.count_label.text().endswith(" · 1 段标注")
