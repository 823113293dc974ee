"""The coding stripes: a margin left of the reading pane with one coloured bar per theme beside
the lines each passage covers (as MAXQDA and NVivo draw them). Clicking a bar opens its passage;
hovering names the themes. With several coders' passages shown, each coder's bars of a theme have a
lane of their own, and hovering names the coder too. The pane tells it where passages are
(TextPane.span_y, lane_of)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter
from PySide6.QtWidgets import QToolTip, QWidget

from reader.ui.plain import plain_tooltip

if TYPE_CHECKING:
    from reader.ui.textpane import TextPane

LANE_WIDTH = 5
LANE_GAP = 3
MAX_LANES = 8


class CodingStripes(QWidget):
    """The margin left of the text: one coloured bar per theme beside the lines each passage
    covers. Clicking a bar opens its passage."""

    def __init__(self, pane: TextPane):
        super().__init__(pane)
        self.pane = pane
        self.setObjectName("codingStripes")
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(self.pane.margin_width(), 0)

    def bars(self) -> list[tuple[QRect, int, int]]:
        """(rect, passage id, theme id) of every bar, in this widget's coordinates."""
        out = []
        for pid, s, e, themes in self.pane.visible_passages():
            y0, y1 = self.pane.span_y(s, e)
            if y1 < 0 or y0 > self.height():
                continue
            for tid in themes:
                lane = self.pane.lane_of(tid, pid)
                x = LANE_GAP + lane * (LANE_WIDTH + LANE_GAP)
                out.append((QRect(x, y0, LANE_WIDTH, max(y1 - y0, 4)), pid, tid))
        return out

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#f7f7f5"))
        p.setPen(QColor("#e5e5e0"))
        p.drawLine(self.width() - 1, 0, self.width() - 1, self.height())
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        for rect, _pid, tid in self.bars():
            p.setBrush(QColor(self.pane.colour_of(tid)))
            p.drawRoundedRect(rect, 2, 2)
        p.end()

    def _bar_at(self, pos: QPoint) -> tuple[int, int] | None:
        hits = [(r, pid, tid) for r, pid, tid in self.bars() if r.adjusted(-1, 0, 1, 0).contains(pos)]
        if not hits:
            return None
        r, pid, tid = min(hits, key=lambda h: h[0].height())
        return pid, tid

    def mousePressEvent(self, event: QMouseEvent) -> None:
        hit = self._bar_at(event.position().toPoint())
        if hit is not None:
            self.pane.passageClicked.emit(hit[0])
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        names = []
        for r, pid, tid in self.bars():
            if r.top() <= pos.y() <= r.bottom():
                coder = self.pane.whose(pid)
                name = self.pane.theme_name(tid) + (f"（{coder or '—'}）" if coder is not None else "")
                if name not in names:
                    names.append(name)
        if names:
            QToolTip.showText(event.globalPosition().toPoint(), plain_tooltip("\n".join(names)), self)
        else:
            QToolTip.hideText()
