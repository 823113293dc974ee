"""What the mouse and keys do in the comparison grid (a mixin of CompareGrid): select text in a cell
(kept within the cell), hover a reused passage to light both sides, click a shared phrase or a reused
passage, drag a section by its handle onto another row, press 1-9 to tag, Ctrl+C to copy, Escape."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QApplication, QToolTip

from reader.ui.plain import plain_tooltip


class GridInput:
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus()
        pos = event.position().toPoint()
        spot = self.locate(pos)
        if event.button() != Qt.MouseButton.LeftButton or spot is None:
            super().mousePressEvent(event)
            return
        self._press = pos
        if spot.kind == "band":
            self.rowChosen.emit(self.model.rows[spot.row].key)
        elif spot.kind == "handle":
            self._drag = {"section": spot.member.section_id, "row": self.model.rows[spot.row].key, "on": False}
        elif spot.kind == "text":
            key = (self.model.rows[spot.row].key, self.model.columns[spot.column].unit_id)
            self.selection = (key, spot.pos, spot.pos)
            self._selecting = True
            self._relight()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._drag is not None and event.buttons() & Qt.MouseButton.LeftButton:
            if not self._drag["on"] and (pos - self._press).manhattanLength() >= QApplication.startDragDistance():
                self._drag["on"] = True
                self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            if self._drag["on"]:
                self._autoscroll(pos)
                spot = self.locate(pos)
                row = spot.row if spot is not None and spot.row >= 0 else None
                if row is not None and self.model.rows[row].key == self._drag["row"]:
                    row = None
                if row != self.drop_row:
                    self.drop_row = row
                    self.viewport().update()
            return
        if self._selecting and self.selection is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._autoscroll(pos)
            self._extend_selection(pos)
            return
        self._hover(pos)

    def _extend_selection(self, pos: QPoint) -> None:
        (key, uid), anchor, _cursor = self.selection
        r, c = self.model.row_index(key), self.model.column_index(uid)
        doc = self.cell(r, c) if r is not None and c is not None else None
        if doc is not None:
            o = self.text_origin(r, c)
            at = doc.hit(QPointF(pos.x() - o.x(), pos.y() - o.y()))
            self.selection = ((key, uid), anchor, at)
            self._relight()

    def _autoscroll(self, pos: QPoint) -> None:
        v = self.verticalScrollBar()
        if pos.y() < self.header_height() + 20:
            v.setValue(v.value() - 20)
        elif pos.y() > self.viewport().height() - 20:
            v.setValue(v.value() + 20)

    def _hover(self, pos: QPoint) -> None:
        spot = self.locate(pos)
        link = None
        shape = Qt.CursorShape.ArrowCursor
        if spot is not None and spot.kind == "text":
            doc = self.cell(spot.row, spot.column)
            shape = Qt.CursorShape.IBeamCursor
            if spot.exact:
                link = doc.link_at(spot.pos)
                if link is not None or doc.phrase_at(spot.pos) is not None:
                    shape = Qt.CursorShape.PointingHandCursor
        elif spot is not None and spot.kind == "handle":
            shape = Qt.CursorShape.OpenHandCursor
        self.viewport().setCursor(shape)
        if link != self.hover_link:
            self.hover_link = link
            self._relight()

    def leaveEvent(self, event) -> None:
        if self.hover_link is not None:
            self.hover_link = None
            self._relight()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        drag, self._drag = self._drag, None
        if drag is not None:
            self.viewport().unsetCursor()
            target, self.drop_row = self.drop_row, None
            self.viewport().update()
            if drag["on"] and target is not None:
                self.moveRequested.emit(drag["section"], self.model.rows[target].key)
            return
        if self._selecting:
            self._selecting = False
            if self.selection is not None:
                self._extend_selection(pos)
            if self.selection is not None and self.selection[1] == self.selection[2]:
                self.selection = None
                self._click(pos)
                self._relight()
            return
        super().mouseReleaseEvent(event)

    def _click(self, pos: QPoint) -> None:
        spot = self.locate(pos)
        if spot is None or spot.kind != "text" or not spot.exact:
            if self.active_link is not None or self.active_phrase is not None:
                self.active_link = self.active_phrase = None
                self.linkChosen.emit(None)
            return
        doc = self.cell(spot.row, spot.column)
        phrase = doc.phrase_at(spot.pos)
        if phrase is not None:
            self.active_phrase = phrase
            self.phraseClicked.emit(phrase)
            return
        link = doc.link_at(spot.pos)
        if link is not None and spot.member is not None:
            self.follow_link(link, spot.member.section_id)

    def keyPressEvent(self, event) -> None:
        text = event.text()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if text and len(text) == 1 and text in "123456789" and mods == Qt.KeyboardModifier.NoModifier:
            self.tagKeyPressed.emit(text)
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.selection = None
            self.active_link = self.active_phrase = None
            self._relight()
            return
        super().keyPressEvent(event)

    def copy(self) -> None:
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def viewportEvent(self, e) -> bool:
        if e.type() == e.Type.ToolTip:
            tip = self.tooltip_at(e.pos())
            if tip:
                QToolTip.showText(e.globalPos(), plain_tooltip(tip), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(e)
