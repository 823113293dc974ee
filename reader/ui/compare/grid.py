"""The comparison grid: reports as columns, aligned rows as bands across them, every cell the text of
the sections a report puts in that row. One scroll area draws it all (no widget per cell), so a
vertical scroll moves every column together and a row's band stays in line across the columns:
each row is as tall as its tallest cell. Only the cells on screen are laid out (reader.ui.compare.
gridlayout: the others are estimated), and only those are drawn. The header (reports, grouped by
prefecture or year) and the band of the row at the top stay in place while scrolling.

Compact mode shows each cell's heading and first lines, with a fold under it that expands it (a
click, or Space on the current cell); rows that hold child rows open into them (a click on the
band's triangle, or + and -). The topic view (reader.ui.compare.topic) is this grid over another
model: one band per report, one column.

What the user does here becomes an intention signal (tag, move a section, rename a row, open a
phrase's occurrences, ...); the main window acts on it. Dragging a section's handle (the dots
beside its heading) onto another row moves it there.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from reader.core.compare import Member
from reader.core.compare.annotations import RowMarks
from reader.ui.compare.cell import CellDoc, Link, UnitData
from reader.ui.compare.gridcells import GridCells
from reader.ui.compare.gridinput import GridInput
from reader.ui.compare.gridlayout import GridLayout
from reader.ui.compare.gridmenus import GridMenus
from reader.ui.compare.painting import BAND_H, FOLD_H, GROUP_H, HANDLE_W, INDENT, PAD, STRIP_H, GridPainting
from reader.ui.textpane import ThemeLook, cjk_family

HEADER_H = 46
DEFAULT_WIDTH = 300
WIDTH_RANGE = (240, 720)
COMPACT_WIDTH = 170
COMPACT_RANGE = (140, 720)
MARKS_MAX = 12  # shared phrases and reuse are found among at most this many reports, those on screen
MARKS_DELAY_MS = 400  # after scrolling to other reports, before their phrases and reuse are asked for


@dataclass
class Spot:
    """What is under a point of the viewport."""

    kind: str  # 'header', 'band', 'expander', 'handle', 'text', 'cell', 'fold'
    row: int = -1
    column: int = -1
    pos: int | None = None  # document position (text)
    exact: bool = False  # the point is on a character, not beside the text
    member: Member | None = None


class CompareGrid(GridPainting, GridMenus, GridInput, GridCells, GridLayout, QAbstractScrollArea):
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
    topicRequested = Signal(str)  # a row key: read it in every report, one under another
    marksWanted = Signal()  # reports came on screen whose shared phrases and reuse were not asked for

    drags = True  # sections can be dragged onto another band (a row)

    def __init__(self, model, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("compareGrid")
        self.model = model
        self.unit_loader: Callable[[int], UnitData] | None = None
        self.looks: dict[int, ThemeLook] = {}
        self.marks: dict[str, RowMarks] = {}
        self.links: dict[int, Link] = {}
        self.section_links: dict[int, list[Link]] = {}
        self.shares: dict[int, float] = {}
        self.units: OrderedDict[int, UnitData] = OrderedDict()
        self.cells: OrderedDict[tuple[str, int], CellDoc] = OrderedDict()
        self.measured: dict[tuple[str, int], float] = {}  # whole heights of cells laid out (kept when dropped)
        self.estimates: dict[tuple[str, int], float] = {}
        self.compact_measured: dict[tuple[str, int], float] = {}  # how much of a cell compact mode shows
        self.tops: list[int] = []
        self.heights: list[int] = []
        self.compact = False
        self.expanded: set[tuple[str, int]] = set()  # compact cells the user opened
        self.current: tuple[str, int] | None = None  # the current cell (keys move it), as its cell key
        self.anchor: tuple[str, int, list[str]] | None = None  # (band key, its top on screen, bands near it)
        self._restoring = False
        self.widths = {False: DEFAULT_WIDTH, True: COMPACT_WIDTH}
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
        self._idle = QTimer(self, singleShot=True, interval=0)
        self._idle.timeout.connect(self._prefetch)
        self.marked_units: set[int] = set()  # the reports whose phrases and reuse were last asked for
        self._marks_timer = QTimer(self, singleShot=True, interval=MARKS_DELAY_MS)
        self._marks_timer.timeout.connect(self._marks_moved)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.verticalScrollBar().setSingleStep(48)
        self.horizontalScrollBar().setSingleStep(60)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self._check_marks())

    # == data ==========================================================================================
    def reset(self, rows: set[str] | None = None) -> None:
        """After the model changed: forget the cells (of the rows `rows` only, if given) and lay out
        again, the band being read kept in place."""
        if rows is None:
            self.cells.clear()
            self._forget_sizes()
        else:
            for store in (self.cells, self.measured, self.estimates, self.compact_measured):
                for key in [k for k in store if k[0] in rows]:
                    del store[key]
        self.selection = None
        self.hover_link = self.active_link = None
        self.drop_row = None
        if self.current is not None and self.model.cell_at(*self.current) is None:
            self.current = None
        self.relayout()

    def set_column_width(self, width: int) -> None:
        lo, hi = COMPACT_RANGE if self.compact else WIDTH_RANGE
        width = min(max(width, lo), hi)
        self.widths[self.compact] = width
        if width == self.column_width:
            return
        self.column_width = width
        self._widths_changed()

    def _widths_changed(self) -> None:
        self._forget_sizes()
        for cell in self.cells.values():
            cell.set_width(self.text_width())
            self._measure(cell)
        self.relayout()

    def set_point_size(self, size: int) -> None:
        self.point_size = size
        self.text_font.setPointSize(size)
        self.cells.clear()
        self._forget_sizes()
        self.relayout()

    def set_compact(self, on: bool) -> None:
        """Compact mode: each cell its heading and first lines (expanded on demand), narrower columns
        and closer lines."""
        if on == self.compact:
            return
        self.compact = on
        self.expanded.clear()
        self.column_width = self.width_for(on)
        self.cells.clear()
        self._forget_sizes()
        self.relayout()

    def width_for(self, compact: bool) -> int:
        return self.widths[compact]

    def toggle_cell(self, key: tuple[str, int]) -> None:
        """Expand a compact cell to its whole text, or fold it again."""
        if key in self.expanded:
            self.expanded.discard(key)
        else:
            self.expanded.add(key)
        doc = self.cells.get(key)
        if doc is not None and not doc.whole:  # it holds the beginning only: laid out again, whole
            del self.cells[key]
        at = self.model.cell_at(*key)
        if at is not None and key in self.expanded:
            self.cell(*at)
        if at is not None:
            self.rows_changed([at[0]])

    def toggle_band_cells(self, r: int) -> None:
        """Expand every cell of band r (or fold them all when all are expanded)."""
        keys = [k for k, ms in self.model.band_cells(r) if self.folds(k, ms) or k in self.expanded]
        if keys and all(k in self.expanded for k in keys):
            self.expanded.difference_update(keys)
        else:
            self.expanded.update(keys)
            for k in keys:
                doc = self.cells.get(k)
                if doc is not None and not doc.whole:
                    del self.cells[k]
        self.rows_changed([r])
        self._prepare()

    def set_row_open(self, key: str, opened: bool) -> None:
        """Open a row into its child rows, or close it (the band being read stays in place)."""
        if self.model.set_open(key, opened):
            self.relayout()

    # == which reports get shared phrases and reuse ====================================================
    def marks_units(self) -> set[int]:
        """The reports whose phrases and reuse to find: every column shown, or when there are more than
        MARKS_MAX, the MARKS_MAX around those on screen (the work grows with the square of them)."""
        n = self.model.columnCount()
        if n <= MARKS_MAX:
            chosen = range(n)
        else:
            visible = self._visible_columns()
            first = max(0, min(visible.start - (MARKS_MAX - len(visible)) // 2, n - MARKS_MAX))
            chosen = range(first, first + MARKS_MAX)
        return {self.model.column_at(c).unit_id for c in chosen}

    def _on_screen_units(self) -> set[int]:
        return {self.model.cell_key(r, c)[1] for r in self._visible_rows()[:1] for c in self._visible_columns()}

    def _check_marks(self) -> None:
        """Reports on screen whose phrases were not asked for: ask, once the scrolling pauses."""
        if self.isVisible() and self.model.rowCount() and not self._on_screen_units() <= self.marked_units:
            self._marks_timer.start()

    def _marks_moved(self) -> None:
        if not self._on_screen_units() <= self.marked_units:
            self.marksWanted.emit()

    # == geometry ======================================================================================
    def header_height(self) -> int:
        return HEADER_H + (GROUP_H if self.model.groups else 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_scrollbars()
        self.restore_anchor()
        self._prepare()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    def _scrolled(self, _value: int) -> None:
        if self._restoring:
            return
        self.take_anchor()
        self._prepare()
        self._check_marks()
        r = self.top_row()
        key = self.model.row_at(r).key if r is not None and self.model.rowCount() else None
        if key is not None and key != self._top_key:
            self._top_key = key
            self.rowChosen.emit(key)

    def current_band(self) -> int | None:
        at = self.model.cell_at(*self.current) if self.current is not None else None
        return at[0] if at is not None else None

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

    def text_limit(self, r: int, c: int, doc: CellDoc) -> float | None:
        """Where a folded compact cell's text stops (document coordinates); None: all of it shows."""
        key = self.model.cell_key(r, c)
        if not self.folds(key, doc.members):
            return None
        return self.compact_height(key, doc.members)

    def fold_rect(self, r: int, c: int) -> QRect | None:
        """The fold line under a compact cell (viewport coordinates), or None."""
        key, members = self.model.cell_key(r, c), self.model.members(r, c)
        if not self.compact or not members or not (self.folds(key, members) or key in self.expanded):
            return None
        rect = self.cell_rect(r, c)
        o = self.text_origin(r, c)
        doc = self.cell(r, c)
        limit = self.text_limit(r, c, doc)
        y = o.y() + (limit if limit is not None else doc.height) + 2
        return QRect(rect.left() + PAD, int(y), rect.width() - 2 * PAD, FOLD_H - 4)

    def expander_rect(self, r: int) -> QRect:
        return QRect(4 + self.model.band(r).depth * INDENT, self.row_y(r), 18, BAND_H)

    def locate(self, pos: QPoint) -> Spot | None:
        top = self.header_height()
        if pos.y() < top:
            c = (pos.x() + self.horizontalScrollBar().value()) // self.column_width
            return Spot("header", column=c if 0 <= c < self.model.columnCount() else -1)
        if not self.tops:
            return None
        sticky = self._sticky_row()
        if sticky is not None and sticky[1] <= pos.y() < sticky[1] + BAND_H:
            return self._band_spot(sticky[0], pos)
        cy = pos.y() - top + self.verticalScrollBar().value()
        r = bisect_right(self.tops, cy) - 1
        if r < 0 or cy >= self.content_height():
            return None
        if cy - self.tops[r] < BAND_H:
            return self._band_spot(r, pos)
        cx = pos.x() + self.horizontalScrollBar().value()
        c = cx // self.column_width
        if not 0 <= c < self.model.columnCount():
            return None
        fold = self.fold_rect(r, c)
        if fold is not None and fold.adjusted(0, -2, 0, 2).contains(pos):
            return Spot("fold", r, c)
        doc = self.cell(r, c)
        if doc is None:
            return Spot("cell", r, c)
        o = self.text_origin(r, c)
        point = QPointF(pos.x() - o.x(), pos.y() - o.y())
        limit = self.text_limit(r, c, doc)
        if limit is not None and point.y() > limit:
            return Spot("cell", r, c)
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

    def _band_spot(self, r: int, pos: QPoint) -> Spot:
        band = self.model.band(r)
        if band.children and pos.x() < 4 + band.depth * INDENT + 22:
            return Spot("expander", row=r)
        return Spot("band", row=r)

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
        at = self.model.cell_at(row_key, unit_id)
        doc = self.cell(*at) if at is not None else None
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

    # == the current cell ==============================================================================
    def set_current(self, key: tuple[str, int] | None, *, scroll: bool = True) -> None:
        """Make a cell current (keys move it, Space expands it, Enter opens it); bring it into view."""
        if key is not None and self.model.cell_at(*key) is None:
            key = None
        self.current = key
        if key is not None and scroll:
            r, c = self.model.cell_at(*key)
            self.ensure_visible(r, c)
        self.take_anchor()
        self.viewport().update()

    def current_cell(self) -> tuple[int, int] | None:
        return self.model.cell_at(*self.current) if self.current is not None else None

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
        r = self.model.band_index(key)
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
        found = self.model.unit_of_section(partner)
        at = self.model.cell_at(found[0].key, side[0]) if found else None
        if at is not None and self.cell(*at) is not None:
            doc = self.cell(*at)
            self.ensure_visible(at[0], at[1], doc.rect_of(doc.to_doc(side[1])).top())
        self._relight()
        self.linkChosen.emit(link)
