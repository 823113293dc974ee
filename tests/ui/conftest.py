"""Fixtures for the window tests: ops run synchronously (Picard's fake pool) unless a test asks for
threads; every error the window would show is recorded instead of opening a dialog; the window
is built on a copy of the sample project, in Chinese unless a test says otherwise; teardown
closes it and waits for the thread pool (novelWriter's nwGUI)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool

from reader.ui import errors, i18n, ops


@pytest.fixture(autouse=True)
def sync_ops():
    ops.set_synchronous(True)
    yield
    ops.set_synchronous(False)
    assert QThreadPool.globalInstance().waitForDone(10000)


@pytest.fixture
def threaded_ops(sync_ops):
    ops.set_synchronous(False)
    yield
    ops.set_synchronous(True)


@pytest.fixture(autouse=True)
def shown_errors(monkeypatch):
    """The messages the window showed in dialogs; a test that expects none fails if any appear."""
    shown: list[str] = []
    monkeypatch.setattr(errors.ErrorBox, "present", classmethod(lambda cls, parent, text: shown.append(text)))
    yield shown


@pytest.fixture(autouse=True)
def chinese_after_each_test():
    yield
    i18n.install(i18n.ZH)


@pytest.fixture
def make_window(qtbot):
    from reader import app

    made = []

    def make(path, lang: str = i18n.ZH, show: bool = True):
        w = app.create_window(path, lang=lang)
        qtbot.addWidget(w)
        if show:
            w.show()
            qtbot.waitExposed(w)
        made.append(w)
        return w

    yield make
    for w in made:
        if w.isVisible():
            w.close()
    QThreadPool.globalInstance().waitForDone(10000)


@pytest.fixture
def window(make_window, sample_project_path):
    return make_window(sample_project_path)
