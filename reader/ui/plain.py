"""Text from documents and names users typed, shown as plain text everywhere.

Qt guesses that a string is rich text (Qt::mightBeRichText) when it starts like a tag: a theme
named "<b>x</b>" or a report holding "<img src=x>" would then be drawn as HTML in a label, a
message box or a tooltip. Labels and message boxes showing such text are set to Qt.PlainText;
tooltips (which have no such switch) and HTML built by the program go through `escaped`.
"""

from __future__ import annotations

import html

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QMessageBox,
    QToolTip,
    QWidget,
)


def escaped(text: str) -> str:
    """`text` as HTML that shows it literally (line breaks kept)."""
    return html.escape(text, quote=False).replace("\n", "<br>")


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally: rich text (so entities are read) of the escaped text.
    An empty text stays empty (no tooltip)."""
    return f"<qt>{escaped(text)}</qt>" if text else ""


def plain_label(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_box(box: QMessageBox) -> QMessageBox:
    """Call after its texts are set: the main and the informative text as plain text (Qt's
    setTextFormat reaches only the main one)."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    for label in box.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)
    return box


class PlainToolTips(QObject):
    """An application-wide event filter: a tooltip Qt would take for rich text (a theme named
    "<b>x</b>", a report quoting "<img src=x>") is shown literally instead. Covers widgets'
    setToolTip and item views' ToolTipRole (cells and headers) in one place; tooltips the program
    builds as rich text on purpose start with "<qt>" and are left alone."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ToolTip or not isinstance(obj, QWidget) or not isinstance(event, QHelpEvent):
            return False
        text = tooltip_at(obj, event.pos())
        if not isinstance(text, str) or not text or text.startswith("<qt>") or not QtGui.Qt.mightBeRichText(text):
            return False
        QToolTip.showText(event.globalPos(), plain_tooltip(text), obj)
        return True


def tooltip_at(widget: QWidget, pos) -> object:
    """The tooltip `widget` would show at `pos`: an item view's cell or header section, else its own."""
    view = widget.parentWidget()
    if isinstance(view, QHeaderView) and widget is view.viewport():
        section = view.logicalIndexAt(pos)
        model = view.model()
        return model.headerData(section, view.orientation(), Qt.ItemDataRole.ToolTipRole) if model and section >= 0 else None
    if isinstance(view, QAbstractItemView) and widget is view.viewport():
        index = view.indexAt(pos)
        return index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else None
    return widget.toolTip()


_installed: dict[str, PlainToolTips] = {}


def guard_tooltips(app: QApplication) -> None:
    """Install PlainToolTips on the application (once)."""
    if "filter" not in _installed:
        _installed["filter"] = PlainToolTips(app)
        app.installEventFilter(_installed["filter"])


def menu_text(text: str) -> str:
    """A name as a menu entry's text: '&' shown as itself, not taken for a shortcut marker."""
    return text.replace("&", "&&")
