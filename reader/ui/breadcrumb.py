"""The line above the text: 县区 ▸ report ▸ section, each part a link back into the outline."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from reader.ui.i18n import tr
from reader.ui.plain import plain_tooltip

SEPARATOR = " ▸ "


class Breadcrumb(QLabel):
    """Parts are (key, text); a key such as 'unit:12' comes back in crumbActivated."""

    crumbActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("breadcrumb")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.setContentsMargins(10, 6, 10, 6)
        self.setWordWrap(True)  # a long title wraps instead of widening the window
        self.setStyleSheet("QLabel#breadcrumb { color: #4b5563; background: #f3f4f6; border-bottom: 1px solid #e5e7eb; }")
        self.linkActivated.connect(self.crumbActivated)
        self.parts: list[tuple[str, str]] = []
        self.note = ""

    def set_parts(self, parts: list[tuple[str, str]], note: str = "") -> None:
        self.parts = parts
        self.note = note
        self._render()

    def plain(self) -> str:
        """The breadcrumb as plain text (for tests and the window title)."""
        text = SEPARATOR.join(t for _k, t in self.parts)
        return f"{text}  {self.note}" if self.note else text

    def _render(self) -> None:
        links = []
        for i, (key, text) in enumerate(self.parts):
            label = html.escape(text if len(text) <= 40 else text[:39] + "…")
            if i == len(self.parts) - 1 or not key:
                links.append(f"<b style='color:#111827'>{label}</b>")
            else:
                links.append(f"<a href='{html.escape(key)}' style='color:#2563eb; text-decoration:none'>{label}</a>")
        body = SEPARATOR.join(links) or html.escape(tr("Choose a report or a section in the outline on the left."))
        if self.note:
            body += f" &nbsp;<span style='color:#b45309'>{html.escape(self.note)}</span>"
        self.setText(body)
        self.setToolTip(plain_tooltip(self.plain()))

    def retranslate(self) -> None:
        self._render()
