"""How the comparison grid is drawn (a mixin of CompareGrid): the bands of the rows (the one at the top
stays while its row is on screen), the cells (paper, the reused share, the text with its marks, the
drag handles), the lines between groups of columns, the link between the two sides of a reused
passage, and the header of the columns."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen

from reader.ui.compare.cell import REUSE_COLOUR
from reader.ui.compare.model import column_subtitle, column_title
from reader.ui.i18n import tr

GROUP_H = 24
HEADER_ROWS_H = 46  # the report's title and subtitle in the header
BAND_H = 28
STRIP_H = 20
PAD = 10
HANDLE_W = 14
EMPTY_H = 40
FOLD_H = 22  # the line under a compact cell: expand it
INDENT = 18  # a child row's band, per level
BACKGROUND = "#f3f4f6"
PAPER = "#fffdf8"
BAND = "#e8eef5"
BAND_TEXT = "#1f3a5f"
LINE = "#d6dbe1"
MUTED = "#6b7280"
DROP = "#2563eb"


MISFIT = "#b45309"  # another genre than the codebook's
MISFIT_BG = "#fef3c7"
CURRENT = "#2563eb"


class GridPainting:
    def paintEvent(self, event) -> None:
        self._prepare()
        p = QPainter(self.viewport())
        vw, vh = self.viewport().width(), self.viewport().height()
        p.fillRect(QRect(0, 0, vw, vh), QColor(BACKGROUND))
        top = self.header_height()
        if not self.model.rowCount() or not self.model.columnCount():
            p.setPen(QColor(MUTED))
            p.drawText(QRect(20, top, vw - 40, vh - top), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                       self.empty_text)
            self._paint_header(p, vw)
            p.end()
            return
        p.setClipRect(QRect(0, top, vw, vh - top))
        columns = self._visible_columns()
        for r in self._visible_rows():
            y = self.row_y(r)
            self._paint_band(p, r, y, vw)
            for c in columns:
                self._paint_cell(p, r, c)
        self._paint_current(p)
        self._paint_group_lines(p, top, vh)
        self._paint_link(p)
        sticky = self._sticky_row()
        if sticky is not None:
            self._paint_band(p, sticky[0], sticky[1], vw)
        p.setClipping(False)
        self._paint_header(p, vw)
        p.end()
        self._idle.start()  # then, while idle, the cells near the screen

    def band_note(self, r: int) -> str:
        """What the band says after its label: how many sections of the reports shown are in it."""
        shown = self.model.shown_in(r)
        note = tr("{n} sections in {k} of the reports shown").format(n=len(shown), k=len({m.unit_id for m in shown}))
        band = self.model.band(r)
        if band.children:
            note += " · " + tr("{n} rows inside").format(n=band.children)
        return note

    def _paint_band(self, p: QPainter, r: int, y: int, vw: int) -> None:
        band = self.model.band(r)
        rect = QRect(0, y, vw, BAND_H)
        p.fillRect(rect, QColor(BAND))
        p.setPen(QColor(LINE))
        p.drawLine(0, y, vw, y)
        x = 10 + band.depth * INDENT
        if band.children:
            self._paint_expander(p, x - 4, y, band.opened)
            x += 18
        elif band.depth:
            p.setPen(QColor("#94a3b8"))
            p.drawLine(x - 10, y + BAND_H // 2, x - 4, y + BAND_H // 2)
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(QColor(BAND_TEXT))
        fm = QFontMetrics(bold)
        label = fm.elidedText(band.label, Qt.TextElideMode.ElideRight, max(vw - x - 40, 40))
        p.drawText(QRect(x, y, vw - x - 10, BAND_H), Qt.AlignmentFlag.AlignVCenter, label)
        x += fm.horizontalAdvance(label) + 10
        if band.misfit:
            x = self._paint_misfit(p, x, y + 5, BAND_H - 10) + 8
        p.setFont(self.font())
        p.setPen(QColor(MUTED))
        p.drawText(QRect(x, y, max(vw - x, 0), BAND_H), Qt.AlignmentFlag.AlignVCenter, self.band_note(r))
        if self.drop_row == r:
            p.setPen(QPen(QColor(DROP), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(rect.adjusted(1, 1, -1, -1))

    def _paint_expander(self, p: QPainter, x: int, y: int, opened: bool) -> None:
        """▸ closed, ▾ opened: a row that holds child rows."""
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(BAND_TEXT))
        cy = y + BAND_H / 2
        path = QPainterPath()
        if opened:
            path.moveTo(x, cy - 3)
            path.lineTo(x + 10, cy - 3)
            path.lineTo(x + 5, cy + 4)
        else:
            path.moveTo(x + 2, cy - 5)
            path.lineTo(x + 9, cy)
            path.lineTo(x + 2, cy + 5)
        path.closeSubpath()
        p.drawPath(path)
        p.restore()

    def _paint_misfit(self, p: QPainter, x: int, y: int, h: int) -> int:
        """The tag of a report of another genre than the codebook's; returns its right edge."""
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() - 1, 7))
        fm = QFontMetrics(small)
        text = tr("another genre")
        w = fm.horizontalAdvance(text) + 12
        p.save()
        p.setFont(small)
        p.setPen(QColor(MISFIT))
        p.setBrush(QColor(MISFIT_BG))
        p.drawRoundedRect(QRect(x, y, w, h), 4, 4)
        p.drawText(QRect(x, y, w, h), Qt.AlignmentFlag.AlignCenter, text)
        p.restore()
        return x + w

    def _paint_cell(self, p: QPainter, r: int, c: int) -> None:
        rect = self.cell_rect(r, c)
        p.fillRect(rect.adjusted(0, 0, -1, 0), QColor(PAPER))
        p.setPen(QColor(LINE))
        p.drawLine(rect.right(), rect.top(), rect.right(), rect.bottom())
        doc = self.cell(r, c)
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() - 1, 7))
        p.setFont(small)
        if doc is None:
            p.setPen(QColor("#b0b6bf"))
            p.drawText(QRect(rect.left(), rect.top() + STRIP_H, rect.width(), EMPTY_H - STRIP_H),
                       Qt.AlignmentFlag.AlignCenter, tr("— no section here —"))
            return
        badge = self.cell_badge(r, c)
        if badge:
            p.setPen(QColor(REUSE_COLOUR))
            p.drawText(QRect(rect.left() + PAD, rect.top() + 2, rect.width() - 2 * PAD, STRIP_H - 2),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, badge)
        o = self.text_origin(r, c)
        limit = self.text_limit(r, c, doc)
        visible = QRectF(p.clipBoundingRect()).intersected(QRectF(rect))
        if limit is not None:
            visible = visible.intersected(QRectF(rect.left(), o.y(), rect.width(), limit))
        p.save()
        p.setClipRect(visible, Qt.ClipOperation.IntersectClip)
        p.translate(o)
        doc.draw(p, visible.translated(-o.x(), -o.y()), self.palette())
        p.restore()
        for seg, hrect in doc.heading_rects():
            if limit is None or hrect.top() < limit:
                self._paint_handle(p, rect.left() + 4, int(o.y() + hrect.top() + 4), seg.member.pinned)
        fold = self.fold_rect(r, c)
        if fold is not None:
            self._paint_fold(p, fold, doc, limit is not None)

    def _paint_fold(self, p: QPainter, rect: QRect, doc, folded: bool) -> None:
        """Under a compact cell: what expanding it shows (or that it folds again)."""
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() - 1, 7))
        p.setFont(small)
        p.setPen(QColor(DROP))
        if folded:
            more = len(doc.members) - 1
            text = tr("▾ all of it ({n} characters)").format(n=doc.characters)
            if more:
                text += " · " + tr("{n} more sections").format(n=more)
        else:
            text = tr("▴ fold")
        text = QFontMetrics(small).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        p.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

    def _paint_current(self, p: QPainter) -> None:
        at = self.current_cell()
        if at is None:
            return
        rect = self.cell_rect(*at).adjusted(1, 1, -2, -1)
        colour = QColor(CURRENT)
        if not self.hasFocus():
            colour.setAlpha(90)
        p.setPen(QPen(colour, 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(rect)

    def _paint_handle(self, p: QPainter, x: int, y: int, pinned: bool) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(DROP if pinned else "#9ca3af"))
        for k in range(3):
            for j in range(2):
                p.drawEllipse(QRectF(x + j * 4, y + k * 4, 2.4, 2.4))
        p.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_group_lines(self, p: QPainter, top: int, vh: int) -> None:
        p.setPen(QPen(QColor("#94a3b8"), 2))
        for g in self.model.groups[1:]:
            x = self.column_x(g.first)
            p.drawLine(x, top, x, vh)

    def _paint_link(self, p: QPainter) -> None:
        lid = self.hover_link or self.active_link
        link = self.links.get(lid) if lid is not None else None
        if link is None:
            return
        ends = []
        for sid, unit, start in ((link.a_section, link.a_unit, link.a_start), (link.b_section, link.b_unit, link.b_start)):
            found = self.model.unit_of_section(sid)
            at = self.model.cell_at(found[0].key, unit) if found else None
            if at is None or self.cell(*at) is None:
                return
            row, c = at
            if self.model.columnCount() < 2:  # the topic view: both ends in one column
                return
            ends.append((c, self.span_point(row, c, start)))
        (ca, pa), (cb, pb) = sorted(ends, key=lambda e: e[0])
        xa = self.column_x(ca) + self.column_width - 4
        xb = self.column_x(cb) + 4
        # from the edge of one cell to the edge of the other, beside the lit text (not over it)
        path = QPainterPath(QPointF(xa, pa.y()))
        path.cubicTo(xa + 40, pa.y(), xb - 40, pb.y(), xb, pb.y())
        colour = QColor(REUSE_COLOUR)
        colour.setAlpha(170)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        for x, y in ((xa, pa.y()), (xb, pb.y())):
            p.drawEllipse(QPointF(x, y), 3.5, 3.5)
        p.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_header(self, p: QPainter, vw: int) -> None:
        top = self.header_height()
        p.fillRect(QRect(0, 0, vw, top), QColor("#f8fafc"))
        y = 0
        if self.model.groups:
            p.setFont(self.font())
            for g in self.model.groups:
                x = self.column_x(g.first)
                w = g.count * self.column_width
                p.fillRect(QRect(x, 0, w, GROUP_H), QColor("#e2e8f0"))
                p.setPen(QColor(BAND_TEXT))
                label = QFontMetrics(self.font()).elidedText(g.label, Qt.TextElideMode.ElideRight, w - 16)
                p.drawText(QRect(max(x, 0) + 8, 0, w - 16, GROUP_H), Qt.AlignmentFlag.AlignVCenter, label)
                p.setPen(QColor("#94a3b8"))
                p.drawLine(x, 0, x, GROUP_H)
            y = GROUP_H
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSizeF(self.font().pointSizeF() + 1)
        for c in self._visible_columns():
            col = self.model.columns[c]
            x = self.column_x(c)
            p.setPen(QColor(LINE))
            p.drawLine(x + self.column_width - 1, y, x + self.column_width - 1, top)
            room = self.column_width - 20
            if not col.codebook_fits:
                p.fillRect(QRect(x, y, self.column_width - 1, HEADER_ROWS_H), QColor(MISFIT_BG))
                room -= 8 + QFontMetrics(self.font()).horizontalAdvance(tr("another genre")) + 12
            p.setFont(bold)
            p.setPen(QColor("#111827"))
            title = QFontMetrics(bold).elidedText(column_title(col), Qt.TextElideMode.ElideRight, max(room, 20))
            p.drawText(QRect(x + 10, y + 4, max(room, 20), 20), Qt.AlignmentFlag.AlignVCenter, title)
            if not col.codebook_fits:
                self._paint_misfit(p, x + 18 + QFontMetrics(bold).horizontalAdvance(title), y + 6, 17)
            p.setFont(self.font())
            p.setPen(QColor(MUTED))
            sub = QFontMetrics(self.font()).elidedText(
                f"{column_subtitle(col)} · {col.source}", Qt.TextElideMode.ElideRight, self.column_width - 20)
            p.drawText(QRect(x + 10, y + 24, self.column_width - 20, 18), Qt.AlignmentFlag.AlignVCenter, sub)
        p.setPen(QColor("#94a3b8"))
        p.drawLine(0, top - 1, vw, top - 1)
