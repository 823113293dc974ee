"""What the mouse and keys do in the comparison grid (a mixin of CompareGrid): select text in a cell
(kept within the cell), hover a reused passage to light both sides, click a shared phrase or a reused
passage, drag a section by its handle onto another row, press 1-9 to tag, Ctrl+C to copy, Escape.

A click makes a cell current; the arrow keys move it (Up and Down from band to band, Left and Right
from column to column), Space expands or folds it in compact mode (Shift+Space: every cell of its
band), Enter opens its section in the reading window, + and - open and close a row holding child
rows (so does a click on the band's triangle), and a double click on a band reads that row in every
report (the topic view). Page Up and Page Down scroll a screen, Home and End go to the ends."""

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
        if spot.kind == "expander":
            band = self.model.band(spot.row)
            self.set_row_open(band.key, not band.opened)
        elif spot.kind == "band":
            self.rowChosen.emit(self.model.row_at(spot.row).key)
        elif spot.kind == "fold":
            key = self.model.cell_key(spot.row, spot.column)
            self.set_current(key, scroll=False)
            self.toggle_cell(key)
        elif spot.kind == "handle" and self.drags:
            self._drag = {"section": spot.member.section_id, "row": self.model.row_at(spot.row).key, "on": False}
        elif spot.kind in ("text", "cell", "handle"):
            key = self.model.cell_key(spot.row, spot.column)
            self.set_current(key, scroll=False)
            if spot.kind == "text":
                self.selection = (key, spot.pos, spot.pos)
                self._selecting = True
                self._relight()
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        spot = self.locate(event.position().toPoint())
        if spot is not None and spot.kind == "band" and event.button() == Qt.MouseButton.LeftButton:
            self.band_activated(spot.row)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def band_activated(self, r: int) -> None:
        """A double click on a band: read its row in every report."""
        self.topicRequested.emit(self.model.row_at(r).key)

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
                if row is not None and self.model.row_at(row).key == self._drag["row"]:
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
        at = self.model.cell_at(key, uid)
        doc = self.cell(*at) if at is not None else None
        if doc is not None:
            r, c = at
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
        elif spot is not None and spot.kind == "handle" and self.drags:
            shape = Qt.CursorShape.OpenHandCursor
        elif spot is not None and spot.kind in ("fold", "expander"):
            shape = Qt.CursorShape.PointingHandCursor
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
                self.moveRequested.emit(drag["section"], self.model.row_at(target).key)
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
        plain = mods == Qt.KeyboardModifier.NoModifier
        if text and len(text) == 1 and text in "123456789" and plain:
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
        if self._key_on_cells(event.key(), mods, text):
            event.accept()
            return
        super().keyPressEvent(event)

    def _key_on_cells(self, key: int, mods, text: str) -> bool:
        """Arrows, Space, Enter, + and -: the current cell and its band."""
        keys = Qt.Key
        plain = mods == Qt.KeyboardModifier.NoModifier
        moves = {keys.Key_Up: (-1, 0), keys.Key_Down: (1, 0), keys.Key_Left: (0, -1), keys.Key_Right: (0, 1)}
        if key in moves and plain:
            self.move_current(*moves[key])
            return True
        if key in (keys.Key_Home, keys.Key_End) and mods in (Qt.KeyboardModifier.NoModifier,
                                                            Qt.KeyboardModifier.ControlModifier):
            v = self.verticalScrollBar()
            v.setValue(v.minimum() if key == keys.Key_Home else v.maximum())
            return True
        at = self.current_cell()
        if at is None:
            return False
        r, c = at
        if key == keys.Key_Space and plain:
            self.toggle_cell(self.current)
            return True
        if key == keys.Key_Space and mods == Qt.KeyboardModifier.ShiftModifier:
            self.toggle_band_cells(r)
            return True
        if key in (keys.Key_Return, keys.Key_Enter) and plain:
            members = self.model.members(r, c)
            if members:
                self.sectionOpenRequested.emit(members[0].unit_id, members[0].section_id)
            return True
        if text in ("+", "-"):
            band = self.model.band(r)
            if text == "+" and band.children:
                self.set_row_open(band.key, True)
            elif text == "-" and band.children and band.opened:
                self.set_row_open(band.key, False)
            elif text == "-" and band.depth:
                parent = self.model.row_at(r).parent
                self.set_row_open(parent, False)
                self.set_current(self.model.cell_key(self.model.band_index(parent), c))
            return True
        return False

    def move_current(self, dr: int, dc: int) -> None:
        """Move the current cell by bands and columns (the first cell when there is none)."""
        n, m = self.model.rowCount(), self.model.columnCount()
        if not n or not m:
            return
        at = self.current_cell()
        if at is None:
            top = self.top_row() or 0
            cols = self._visible_columns()
            r, c = top, cols.start if cols else 0
        else:
            r, c = min(max(at[0] + dr, 0), n - 1), min(max(at[1] + dc, 0), m - 1)
        self.set_current(self.model.cell_key(r, c))

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
