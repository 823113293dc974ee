"""视图 ▸ 扩散: the chart and the table of first uses, for a phrase and for a theme; a row opens the
first use in context; both languages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from reader.core.analysis.diffusion import diffusion
from reader.core.store.documents import unit_text
from reader.core.store.passages import tag
from reader.core.store.themes import add_theme
from reader.ui import i18n
from reader.ui.models.diffusion import COUNTY, YEAR, FirstUseModel
from tests.core.analysis.test_diffusion import decade as decade  # noqa: F401  (the fixture: three counties, 2019-2021)
from tests.ui.helpers import click_index


def test_the_first_use_model_by_the_book(qtbot, decade):  # noqa: F811
    model = FirstUseModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    result = diffusion(decade, phrase="代表联络站")
    model.set_uses(result.first_uses)
    assert model.rowCount() == 2 and model.index(0, YEAR).data() == "2019" and model.index(1, COUNTY).data() == "新绛县"
    model.set_uses([])
    assert model.rowCount() == 0


def test_a_phrase_charted_and_each_first_use_opened_in_context(make_window, decade, qtbot):  # noqa: F811
    path = decade.path
    decade.close()
    window = make_window(path)
    window.actions["diffusion"].trigger()
    spreading = window.spreading
    assert spreading.dock.isVisible() and window.actions["diffusion"].text() == "扩散(&F)"
    view = spreading.view
    view.phrase_box.setText("代表联络站")  # QTest cannot type Chinese
    qtbot.keyClick(view.phrase_box, Qt.Key.Key_Return)
    result = view.result
    assert result is not None and [u.county for u in result.first_uses] == ["吉县", "新绛县"]
    assert view.chart.result is result and [r.new for r in result.years] == [1, 0, 1]
    assert "2 个县区" in view.summary.text()
    view.chart.repaint()  # draws without error
    click_index(qtbot, view.table, view.model.index(1, COUNTY))
    use = result.first_uses[1]
    assert window.shown.unit_id == use.unit
    assert window.text_pane.textCursor().selectedText() == "代表联络站"
    assert window.text_pane.selection_span() == (use.start, use.end)
    assert unit_text(window.project, use.unit).find("代表联络站") == use.start


def test_a_theme_and_english(make_window, decade, qtbot):  # noqa: F811
    theme = add_theme(decade, "联络站建设").theme_id
    uid = next(u for u, in decade.db.execute("SELECT id FROM units WHERE county = '平遥县' AND year = 2020"))
    text = unit_text(decade, uid)
    start = text.index("开展监督")
    tag(decade, uid, start, start + 4, [theme])
    path = decade.path
    decade.close()
    window = make_window(path, lang=i18n.EN)
    window.actions["diffusion"].trigger()
    view = window.spreading.view
    assert view.show_button.text() == "Show" and window.spreading.dock.windowTitle() == "Diffusion"
    view.ask(theme_id=theme)
    assert view.theme_box.isVisible() and not view.phrase_box.isVisible()
    assert [(u.county, u.year) for u in view.result.first_uses] == [("平遥县", 2020)]
    assert "used by 1 counties" in view.summary.text()
    click_index(qtbot, view.table, view.model.index(0, YEAR))
    assert window.shown.unit_id == uid and window.text_pane.selection_span() == (start, start + 4)
    window.set_language(i18n.ZH)
    assert view.show_button.text() == "显示" and window.spreading.dock.windowTitle() == "扩散"
