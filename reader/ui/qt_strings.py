"""Texts of Qt's own dialogs that Qt's Chinese catalogue (qtbase_zh_CN) leaves in English: the
labels of the file dialog Qt draws itself where the desktop offers none. Marked here so they are
extracted into our catalogue under Qt's context; our translator answers when Qt's has nothing."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
