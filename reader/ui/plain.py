"""Text from documents and names users typed, shown as plain text everywhere.

Qt guesses that a string is rich text (Qt::mightBeRichText) when it starts like a tag: a theme
named "<b>x</b>" or a report holding "<img src=x>" would then be drawn as HTML in a label, a
message box or a tooltip. Labels and message boxes showing such text are set to Qt.PlainText;
tooltips (which have no such switch) and HTML built by the program go through `escaped`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox


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
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box
