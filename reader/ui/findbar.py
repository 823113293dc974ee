"""Find in the pane (Ctrl+F): a bar under the text; every match highlighted, Enter/F3 for the next.

Matching is Qt's own (QTextDocument.find, case-insensitive), on what the pane shows."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader.ui.i18n import tr
from reader.ui.textpane import TextPane


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, pane: TextPane, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("findBar")
        self.pane = pane
        self.box = QLineEdit(objectName="findBox")
        self.box.setClearButtonEnabled(True)
        self.count = QLabel(objectName="findCount")
        self.prev_button = QToolButton(text="▲")
        self.next_button = QToolButton(text="▼")
        self.close_button = QToolButton(text="✕")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        self.label = QLabel()
        layout.addWidget(self.label)
        layout.addWidget(self.box, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.prev_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self.box.textChanged.connect(self.update_matches)
        self.box.returnPressed.connect(self.find_next)
        self.next_button.clicked.connect(self.find_next)
        self.prev_button.clicked.connect(self.find_previous)
        self.close_button.clicked.connect(self.close_bar)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.close_bar)
        QShortcut(QKeySequence(QKeySequence.StandardKey.FindNext), self, activated=self.find_next)
        QShortcut(QKeySequence(QKeySequence.StandardKey.FindPrevious), self, activated=self.find_previous)
        self.matches: list[tuple[int, int]] = []
        self.retranslate()
        self.hide()

    def open_bar(self) -> None:
        self.show()
        selected = self.pane.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.box.setText(selected)
        self.box.setFocus()
        self.box.selectAll()
        self.update_matches()

    def close_bar(self) -> None:
        self.hide()
        self.pane.set_find_spans([])
        self.pane.setFocus()
        self.closed.emit()

    def update_matches(self) -> None:
        text = self.box.text()
        self.matches = []
        if text:
            doc = self.pane.document()
            c = doc.find(text, 0)
            while not c.isNull():
                self.matches.append((c.selectionStart(), c.selectionEnd()))
                c = doc.find(text, c.selectionEnd())
        self.pane.set_find_spans(self.matches)
        self._show_count()

    def _show_count(self, current: int | None = None) -> None:
        if not self.box.text():
            self.count.setText("")
        elif not self.matches:
            self.count.setText(tr("no match"))
        elif current is None:
            self.count.setText(tr("{n} matches").format(n=len(self.matches)))
        else:
            self.count.setText(f"{current + 1}/{len(self.matches)}")

    def _go(self, backward: bool) -> None:
        if not self.matches:
            return
        pos = self.pane.textCursor().selectionStart() if backward else self.pane.textCursor().selectionEnd()
        order = list(range(len(self.matches)))
        if backward:
            k = next((i for i in reversed(order) if self.matches[i][1] <= pos), order[-1])
        else:
            k = next((i for i in order if self.matches[i][0] >= pos), 0)
        a, b = self.matches[k]
        c = QTextCursor(self.pane.document())
        c.setPosition(a)
        c.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        self.pane.setTextCursor(c)
        self.pane.ensureCursorVisible()
        self._show_count(k)

    def find_next(self) -> None:
        self._go(backward=False)

    def find_previous(self) -> None:
        self._go(backward=True)

    def retranslate(self) -> None:
        self.label.setText(tr("Find:"))
        self.box.setPlaceholderText(tr("Find in this text"))
        self.prev_button.setToolTip(tr("Previous match"))
        self.next_button.setToolTip(tr("Next match (Enter)"))
        self.close_button.setToolTip(tr("Close (Esc)"))
        self._show_count()
