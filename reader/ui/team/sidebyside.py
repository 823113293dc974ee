"""Two coders' versions of one disagreement side by side: the same stretch of the report's text in
two panes, each with that coder's passages of the theme highlighted, and the spans the other coder
left out or added easy to see by comparing the two."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextEdit, QVBoxLayout, QWidget

from reader.core.team.disagreements import Cluster
from reader.ui.plain import plain_label
from reader.ui.positions import Utf16Index

CONTEXT = 160  # characters shown before and after the disagreement
ALPHA = 110


class VersionPane(QWidget):
    """One coder's version: a heading and the text with the coder's spans highlighted."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = plain_label(QLabel(objectName=f"{name}Title"))
        self.title.setStyleSheet("font-weight: bold;")
        self.text = QTextEdit(objectName=f"{name}Text")
        self.text.setReadOnly(True)
        self.text.setStyleSheet("QTextEdit { background: #fffdf8; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        self.spans: list[tuple[int, int]] = []  # shown, relative to the text in the pane

    def show_version(self, title: str, text: str, offset: int, spans: list[tuple[int, int]], colour: str) -> None:
        """`text` starts at unit offset `offset`; `spans` are unit offsets."""
        self.title.setText(title)
        self.text.setPlainText(text)
        index = Utf16Index(text)
        fill = QColor(colour)
        fill.setAlpha(ALPHA)
        selections = []
        self.spans = []
        for s, e in spans:
            a, b = max(0, s - offset), min(len(text), e - offset)
            if b <= a:
                continue
            self.spans.append((a, b))
            sel = QTextEdit.ExtraSelection()
            sel.cursor = QTextCursor(self.text.document())
            sel.cursor.setPosition(index.to_utf16(a))
            sel.cursor.setPosition(index.to_utf16(b), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(fill)
            sel.format = fmt
            selections.append(sel)
        self.text.setExtraSelections(selections)
        if self.spans:
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(index.to_utf16(self.spans[0][0]))
            self.text.setTextCursor(cursor)
            self.text.ensureCursorVisible()

    def clear(self, message: str = "") -> None:
        self.title.setText("")
        self.text.setPlainText(message)
        self.text.setExtraSelections([])
        self.spans = []


class SideBySide(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sideBySide")
        self.a = VersionPane("versionA")
        self.b = VersionPane("versionB")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.a, 1)
        layout.addWidget(self.b, 1)
        self.cluster: Cluster | None = None

    def show_cluster(self, cluster: Cluster, text: str, titles: tuple[str, str], colour: str) -> None:
        """The unit `text`'s stretch around `cluster`, in both panes."""
        self.cluster = cluster
        start = max(0, cluster.start - CONTEXT)
        end = min(len(text), cluster.end + CONTEXT)
        shown = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
        offset = start - (1 if start else 0)
        self.a.show_version(titles[0], shown, offset, cluster.a, colour)
        self.b.show_version(titles[1], shown, offset, cluster.b, colour)

    def clear(self, message: str = "") -> None:
        self.cluster = None
        self.a.clear(message)
        self.b.clear("")
