"""The comparison grid: reports as columns, aligned rows as bands across them, every cell the text of
the sections a report puts in that row. One scroll area draws it all (no widget per cell), so a
vertical scroll moves every column together and a row's band stays in line across the columns:
each row is as tall as its tallest cell. Only the cells of the columns shown are laid out, and only
the visible ones are drawn. The header (reports, grouped by prefecture or year) and the band of the
row at the top stay in place while scrolling.

What the user does here becomes an intention signal (tag, move a section, rename a row, open a
phrase's occurrences, ...); the main window acts on it. Dragging a section's handle (the dots
beside its heading) onto another row moves it there.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRect, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
)
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from reader.core.compare import Member
from reader.core.compare.annotations import RowMarks
from reader.ui.compare.cell import CellDoc, Link, UnitData
from reader.ui.compare.gridinput import GridInput
from reader.ui.compare.gridmenus import GridMenus
from reader.ui.compare.model import ComparisonModel
from reader.ui.compare.painting import BAND_H, EMPTY_H, GROUP_H, HANDLE_W, PAD, STRIP_H, GridPainting
from reader.ui.i18n import tr
from reader.ui.textpane import ThemeLook, cjk_family

HEADER_H = 46
DEFAULT_WIDTH = 300
WIDTH_RANGE = (240, 720)


@dataclass
class Spot:
    """What is under a point of the viewport."""

    kind: str  # 'header', 'band', 'handle', 'text', 'cell'
    row: int = -1
    column: int = -1
    pos: int | None = None  # document position (text)
    exact: bool = False  # the point is on a character, not beside the text
    member: Member | None = None


class CompareGrid(GridPainting, GridMenus, GridInput, QAbstractScrollArea):
    tagKeyPressed = Signal(str)  # "1".."9" pressed
    tagRequested = Signal(int)  # context menu ▸ 标注为 ▸ theme
    moveRequested = Signal(int, str)  # section, row key
    notMatchRequested = Signal(int, str)  # section, row key
    splitRequested = Signal(int)  # section
    renameRequested = Signal(str)  # row key
    mergeRequested = Signal(str, str)  # row key, into row key
    phraseClicked = Signal(str)
    sectionOpenRequested = Signal(int, int)  # unit, section
    rowChosen = Signal(str)  # a row's band clicked (or scrolled to the top): its phrases are listed
    linkChosen = Signal(object)  # a Link clicked (None: cleared)

    def __init__(self, model: ComparisonModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("compareGrid")
        self.model = model
        self.unit_loader: Callable[[int], UnitData] | None = None
        self.looks: dict[int, ThemeLook] = {}
        self.marks: dict[str, RowMarks] = {}
        self.links: dict[int, Link] = {}
        self.section_links: dict[int, list[Link]] = {}
        self.shares: dict[int, float] = {}
        self.units: dict[int, UnitData] = {}
        self.cells: dict[tuple[str, int], CellDoc | None] = {}
        self.tops: list[int] = []
        self.heights: list[int] = []
        self.column_width = DEFAULT_WIDTH
        self.point_size = 11
        family = cjk_family()
        self.text_font = QFont(family) if family else QFont()
        self.text_font.setPointSize(self.point_size)
        self.selection: tuple[tuple[str, int], int, int] | None = None  # (cell key, anchor, cursor)
        self._selecting = False
        self.hover_link: int | None = None
        self.active_link: int | None = None
        self.active_phrase: str | None = None
        self.empty_text = ""
        self._drag: dict | None = None
        self.drop_row: int | None = None
        self._press: QPoint | None = None
        self._top_key: str | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.verticalScrollBar().setSingleStep(48)
        self.horizontalScrollBar().setSingleStep(60)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)

    # == data ==========================================================================================
    def reset(self, rows: set[str] | None = None) -> None:
        """After the model changed: forget the cells (of `rows` only, if given) and lay out again."""
        if rows is None:
            self.cells.clear()
        else:
            for key in [k for k in self.cells if k[0] in rows]:
                del self.cells[key]
        self.selection = None
        self.hover_link = self.active_link = None
        self.drop_row = None
        self.relayout()

    def set_looks(self, looks: dict[int, ThemeLook]) -> None:
        self.looks = looks
        self._remark()

    def set_marks(self, marks: dict[str, RowMarks]) -> None:
        self.marks = marks
        self.links.clear()
        self.section_links.clear()
        self.shares.clear()
        unit_of = {m.section_id: m.unit_id for r in range(len(self.model.rows)) for m in self.model.shown_in(r)}
        for m in marks.values():
            self.shares.update(m.reuse.shares)
            for pair in m.reuse.pairs:
                for p in pair.passages:
                    link = Link(len(self.links) + 1, pair.a_section, unit_of.get(pair.a_section, -1), p.a_start, p.a_end,
                                pair.b_section, unit_of.get(pair.b_section, -1), p.b_start, p.b_end, p.length, p.identity)
                    self.links[link.id] = link
                    self.section_links.setdefault(link.a_section, []).append(link)
                    self.section_links.setdefault(link.b_section, []).append(link)
        self.hover_link = self.active_link = None
        self._remark()

    def refresh_units(self, unit_ids: set[int] | None) -> None:
        """The passages of these reports changed (None: any): read them again and redraw."""
        for uid in list(self.units) if unit_ids is None else unit_ids:
            self.units.pop(uid, None)
        self._remark()

    def forget_units(self) -> None:
        self.units.clear()
        self.cells.clear()

    def set_column_width(self, width: int) -> None:
        width = min(max(width, WIDTH_RANGE[0]), WIDTH_RANGE[1])
        if width == self.column_width:
            return
        self.column_width = width
        for cell in self.cells.values():
            if cell is not None:
                cell.set_width(self.text_width())
        self.relayout()

    def set_point_size(self, size: int) -> None:
        self.point_size = size
        self.text_font.setPointSize(size)
        self.cells.clear()
        self.relayout()

    def unit(self, unit_id: int) -> UnitData:
        data = self.units.get(unit_id)
        if data is None:
            data = self.unit_loader(unit_id) if self.unit_loader else UnitData(unit_id, "")
            self.units[unit_id] = data
        return data

    def text_width(self) -> float:
        return float(self.column_width - HANDLE_W - 2 * PAD)

    def cell(self, r: int, c: int) -> CellDoc | None:
        """The laid-out cell (None when the report has no section in the row)."""
        key = (self.model.rows[r].key, self.model.columns[c].unit_id)
        if key in self.cells:
            return self.cells[key]
        members = self.model.members(r, c)
        doc = None
        if members:
            unit = self.unit(key[1])
            doc = CellDoc(members, unit, self.text_width(), self.text_font)
            self._mark(doc, r, unit)
        self.cells[key] = doc
        return doc

    def _mark(self, doc: CellDoc, r: int, unit: UnitData) -> None:
        row = self.model.rows[r]
        sections = {m.section_id for m in doc.members}
        phrases = []
        marks = self.marks.get(row.key)
        if marks is not None:
            for p in marks.phrases:
                phrases += [(s.section_id, s.start, s.end, p.text) for s in p.spans if s.section_id in sections]
        links = [(link, sid) for sid in sections for link in self.section_links.get(sid, [])]
        doc.set_marks(unit, self._colour, phrases, links)
        self._paint_marks(doc, row.key)

    def _paint_marks(self, doc: CellDoc, row_key: str) -> None:
        lit = {x for x in (self.hover_link, self.active_link) if x is not None}
        selected = None
        if self.selection is not None and self.selection[0] == (row_key, doc.unit_id):
            a, b = sorted(self.selection[1:])
            selected = (a, b)
        doc.mark_selections(lit, self.active_phrase, selected, self.palette())

    def _remark(self) -> None:
        for r, row in enumerate(self.model.rows):
            for col in self.model.columns:
                doc = self.cells.get((row.key, col.unit_id))
                if doc is not None:
                    self._mark(doc, r, self.unit(col.unit_id))
        self.viewport().update()

    def _relight(self) -> None:
        """Hover, link, phrase or selection changed: redo the drawn marks (no new layout)."""
        for (key, _uid), doc in self.cells.items():
            if doc is not None:
                self._paint_marks(doc, key)
        self.viewport().update()

    def _colour(self, theme_id: int) -> str:
        look = self.looks.get(theme_id)
        return look.colour if look else "#888888"

    def cell_share(self, r: int, c: int) -> float | None:
        """The share of the cell's text reused in another column shown (None: not known yet)."""
        members = self.model.members(r, c)
        known = [m for m in members if m.section_id in self.shares]
        if not known:
            return None
        total = sum(max(m.end - m.start, 1) for m in known)
        return sum(self.shares[m.section_id] * max(m.end - m.start, 1) for m in known) / total

    def cell_badge(self, r: int, c: int) -> str:
        share = self.cell_share(r, c)
        if share is None or share <= 0:
            return ""
        return tr("reused {share}%").format(share=max(1, round(share * 100)))

    # == geometry ======================================================================================
    def header_height(self) -> int:
        return HEADER_H + (GROUP_H if self.model.groups else 0)

    def relayout(self) -> None:
        self.tops, self.heights = [], []
        y = 0
        for r in range(len(self.model.rows)):
            h = EMPTY_H
            for c in range(len(self.model.columns)):
                doc = self.cell(r, c)
                if doc is not None:
                    h = max(h, int(doc.height) + 1)
            h += BAND_H + STRIP_H + PAD
            self.tops.append(y)
            self.heights.append(h)
            y += h
        self._update_scrollbars()
        self.viewport().update()

    def content_height(self) -> int:
        return (self.tops[-1] + self.heights[-1]) if self.tops else 0

    def _update_scrollbars(self) -> None:
        vh = max(self.viewport().height() - self.header_height(), 1)
        vw = self.viewport().width()
        v = self.verticalScrollBar()
        v.setPageStep(vh)
        v.setRange(0, max(0, self.content_height() - vh))
        h = self.horizontalScrollBar()
        h.setPageStep(max(vw, 1))
        h.setRange(0, max(0, len(self.model.columns) * self.column_width - vw))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_scrollbars()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    def _scrolled(self, _value: int) -> None:
        r = self.top_row()
        key = self.model.rows[r].key if r is not None else None
        if key is not None and key != self._top_key:
            self._top_key = key
            self.rowChosen.emit(key)

    def top_row(self) -> int | None:
        if not self.tops:
            return None
        return max(0, bisect_right(self.tops, self.verticalScrollBar().value()) - 1)

    def column_x(self, c: int) -> int:
        return c * self.column_width - self.horizontalScrollBar().value()

    def row_y(self, r: int) -> int:
        """The top of row r's band, in viewport coordinates."""
        return self.tops[r] - self.verticalScrollBar().value() + self.header_height()

    def band_rect(self, r: int) -> QRect:
        return QRect(0, self.row_y(r), self.viewport().width(), BAND_H)

    def cell_rect(self, r: int, c: int) -> QRect:
        """Cell (r, c) below its row's band, in viewport coordinates."""
        return QRect(self.column_x(c), self.row_y(r) + BAND_H, self.column_width, self.heights[r] - BAND_H)

    def text_origin(self, r: int, c: int) -> QPointF:
        rect = self.cell_rect(r, c)
        return QPointF(rect.left() + HANDLE_W + PAD, rect.top() + STRIP_H)

    def span_point(self, r: int, c: int, unit_offset: int) -> QPoint:
        """The middle of the character at a unit offset of cell (r, c), in viewport coordinates."""
        doc = self.cell(r, c)
        pos = doc.to_doc(unit_offset)
        rect = doc.rect_of(pos)
        o = self.text_origin(r, c)
        fm = QFontMetrics(self.text_font)
        return QPoint(int(o.x() + rect.left() + fm.averageCharWidth() / 2), int(o.y() + rect.center().y()))

    def _visible_rows(self) -> range:
        if not self.tops:
            return range(0)
        v = self.verticalScrollBar().value()
        first = max(0, bisect_right(self.tops, v) - 1)
        last = bisect_right(self.tops, v + self.viewport().height()) - 1
        return range(first, min(last, len(self.tops) - 1) + 1)

    def _visible_columns(self) -> range:
        n = len(self.model.columns)
        if not n:
            return range(0)
        h = self.horizontalScrollBar().value()
        first = max(0, h // self.column_width)
        last = min(n - 1, (h + self.viewport().width()) // self.column_width)
        return range(first, last + 1)

    def _sticky_row(self) -> tuple[int, int] | None:
        """(row, y) of the band drawn at the top because its own band scrolled away."""
        r = self.top_row()
        if r is None:
            return None
        v = self.verticalScrollBar().value()
        if self.tops[r] >= v:
            return None
        top = self.header_height()
        y = min(top, self.tops[r] + self.heights[r] - v + top - BAND_H)
        return r, y

    def locate(self, pos: QPoint) -> Spot | None:
        top = self.header_height()
        if pos.y() < top:
            c = (pos.x() + self.horizontalScrollBar().value()) // self.column_width
            return Spot("header", column=c if 0 <= c < len(self.model.columns) else -1)
        if not self.tops:
            return None
        sticky = self._sticky_row()
        if sticky is not None and sticky[1] <= pos.y() < sticky[1] + BAND_H:
            return Spot("band", row=sticky[0])
        cy = pos.y() - top + self.verticalScrollBar().value()
        r = bisect_right(self.tops, cy) - 1
        if r < 0 or cy >= self.content_height():
            return None
        if cy - self.tops[r] < BAND_H:
            return Spot("band", row=r)
        cx = pos.x() + self.horizontalScrollBar().value()
        c = cx // self.column_width
        if not 0 <= c < len(self.model.columns):
            return None
        doc = self.cell(r, c)
        if doc is None:
            return Spot("cell", r, c)
        o = self.text_origin(r, c)
        point = QPointF(pos.x() - o.x(), pos.y() - o.y())
        if point.x() < -2:
            for seg, rect in doc.heading_rects():
                if rect.top() - 2 <= point.y() <= rect.bottom() + 2:
                    return Spot("handle", r, c, seg.at, member=seg.member)
        if point.y() < 0:
            return Spot("cell", r, c)
        at = doc.hit(point)
        exact = doc.exact_hit(point)
        seg = doc.segment_at(at)
        return Spot("text", r, c, at if exact is None else exact, exact is not None, seg.member if seg else None)

    # == selection =====================================================================================
    def selection_span(self) -> tuple[int, int, int] | None:
        """The selected text as (unit id, start, end) in code points of the unit text, kept within
        the section where the selection began; None without a selection."""
        if self.selection is None:
            return None
        (key, uid), anchor, cursor = self.selection
        doc = self.cells.get((key, uid))
        if doc is None or anchor == cursor:
            return None
        seg = doc.segment_at(anchor)
        if seg is None:
            return None
        a, b = sorted((anchor, cursor))
        a, b = max(a, seg.at), min(b, seg.at + seg.length)
        start, end = doc.to_unit(a, seg), doc.to_unit(b, seg)
        return (uid, start, end) if start is not None and end is not None and end > start else None

    def select_span(self, row_key: str, unit_id: int, start: int, end: int) -> None:
        """Select unit text [start, end) in the cell of (row, report)."""
        r, c = self.model.row_index(row_key), self.model.column_index(unit_id)
        doc = self.cell(r, c) if r is not None and c is not None else None
        if doc is None:
            return
        a, b = doc.to_doc(start), doc.to_doc(end)
        if a is None or b is None:
            return
        self.selection = ((row_key, unit_id), a, b)
        self._relight()

    def clear_selection(self) -> None:
        self.selection = None
        self._relight()

    def selected_text(self) -> str:
        if self.selection is None:
            return ""
        doc = self.cells.get(self.selection[0])
        a, b = sorted(self.selection[1:])
        return doc.text_of(a, b) if doc is not None else ""

    # == scrolling to things ===========================================================================
    def ensure_visible(self, r: int, c: int | None = None, y_in_cell: float = 0) -> None:
        """Scroll so that a point of row r (y below the band) and column c are on screen."""
        vh = self.viewport().height() - self.header_height()
        y = self.tops[r] + BAND_H + STRIP_H + int(y_in_cell)
        v = self.verticalScrollBar()
        if not v.value() + BAND_H <= y <= v.value() + vh - 40:
            v.setValue(max(0, y - max(vh // 3, BAND_H + 20)))
        if c is not None:
            h = self.horizontalScrollBar()
            x = c * self.column_width
            if x < h.value() or x + self.column_width > h.value() + self.viewport().width():
                h.setValue(max(0, min(x, x + self.column_width - self.viewport().width() // 2)))

    def show_row(self, key: str) -> None:
        r = self.model.row_index(key)
        if r is not None:
            self.verticalScrollBar().setValue(self.tops[r])

    def follow_link(self, link_id: int, from_section: int) -> None:
        """Light a reused passage in both columns and bring its partner into view."""
        link = self.links.get(link_id)
        if link is None:
            return
        self.active_link = link_id
        partner = link.partner(from_section)
        side = link.side(partner)
        c = self.model.column_index(side[0])
        r = next((i for i, row in enumerate(self.model.rows) if any(m.section_id == partner for m in row.members)), None)
        if r is not None and c is not None and self.cell(r, c) is not None:
            doc = self.cell(r, c)
            self.ensure_visible(r, c, doc.rect_of(doc.to_doc(side[1])).top())
        self._relight()
        self.linkChosen.emit(link)
