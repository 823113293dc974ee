"""Where everything is in the comparison grid (a mixin of CompareGrid).

Only the cells on screen are laid out (and, when the program is idle, those a page above and below
and a column either side); every other cell's height is estimated from its length, so that opening
a view of a hundred or thousands of reports costs what is on screen. A band is as tall as its
tallest cell (laid out or estimated); in compact mode a cell is at most its heading and a few lines
unless the user expanded it, so estimates are nearly exact there.

The anchor is the band being read and where it is on screen: the band of the current cell when that
is on screen, else the band at the top. Whenever heights or the bands change (cells laid out, a
correction, a re-align, a row opened) the anchor is put back where it was, so the text being read
does not move.
"""

from __future__ import annotations

import time
from bisect import bisect_right
from itertools import accumulate

from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetricsF

from reader.ui.compare.painting import BAND_H, EMPTY_H, FOLD_H, HANDLE_W, PAD, STRIP_H
from reader.ui.textpane import LINE_HEIGHT

COMPACT_LINES = 2  # lines of text under the heading in a compact cell
COMPACT_SPACING = 125  # line height in compact cells, percent of the font's (else the reading pane's)
PARAGRAPH = 160  # characters in a paragraph, on average, for estimates
PREFETCH_MS = 12  # layout done per idle slice


class GridLayout:
    # == sizes ========================================================================================
    def text_width(self) -> float:
        return float(self.column_width - HANDLE_W - 2 * PAD)

    def spacing(self) -> int:
        return COMPACT_SPACING if self.compact else LINE_HEIGHT - 10

    def line_height(self) -> float:
        return self._metrics()[1]

    def per_line(self) -> int:
        """Full-width characters on a line of a cell."""
        return self._metrics()[0]

    def _metrics(self) -> tuple[int, float]:
        key = (self.text_width(), self.point_size, self.spacing())
        if getattr(self, "_metrics_of", (None,))[0] != key:
            fm = QFontMetricsF(self.text_font)
            per_line = max(1, int(key[0] // max(fm.horizontalAdvance("中"), 1)))
            self._metrics_of = (key, (per_line, fm.lineSpacing() * key[2] / 100))
        return self._metrics_of[1]

    def compact_height(self, key: tuple[str, int], members) -> float:
        """The most a compact cell shows: its first heading and COMPACT_LINES lines of text (laid out,
        or estimated)."""
        found = self.compact_measured.get(key)
        if found is not None:
            return found
        per_line = max(1, int(self.per_line() / 1.1))  # the heading's characters are larger
        heading = -(-len(members[0].heading) // per_line) if members else 1
        return self.line_height() * (heading * 1.1 + COMPACT_LINES) + self.point_size * 0.5

    def _estimate(self, key: tuple[str, int], members) -> float:
        """A cell's height from its length, before it is laid out."""
        found = self.estimates.get(key)
        if found is not None:
            return found
        per_line = self.per_line()
        line = self.line_height()
        gap = self.point_size * 0.4
        height = 0.0
        for m in members:
            n = max(m.end - m.start, 1)
            paragraphs = max(1, round(n / PARAGRAPH))
            lines = n / per_line + paragraphs * 0.5 + 1
            height += lines * line + paragraphs * gap + self.point_size * 0.5
        self.estimates[key] = height
        return height

    def full_height(self, key: tuple[str, int], members) -> float:
        """A cell's whole height: laid out, or estimated."""
        found = self.measured.get(key)
        return found if found is not None else self._estimate(key, members)

    def sized(self, key: tuple[str, int]) -> bool:
        """The cell's height as shown is known (it was laid out), not estimated."""
        if self.compact and key not in self.expanded:
            return key in self.compact_measured
        return key in self.measured

    def folds(self, key: tuple[str, int], members) -> bool:
        """The cell shows only its beginning (compact mode, longer than that, not expanded)."""
        if not self.compact or key in self.expanded or not members:
            return False
        found = self.measured.get(key)
        if found is not None:
            return found > self.compact_height(key, members) + 1
        if len(members) > 1 or members[0].end - members[0].start > self.compact_chars(members):
            return True  # laid out, it holds its beginning only
        return self._estimate(key, members) > self.compact_height(key, members) + 1

    def shown_height(self, key: tuple[str, int], members) -> float:
        """How tall the cell is drawn (its text, and the fold under a compact one)."""
        if not members:
            return 0.0
        full = self.full_height(key, members)
        if self.folds(key, members):
            return self.compact_height(key, members) + FOLD_H
        return full + (FOLD_H if self.compact and key in self.expanded else 0)

    def band_height(self, r: int) -> int:
        tallest = EMPTY_H
        for key, members in self.model.band_cells(r):
            tallest = max(tallest, int(self.shown_height(key, members)) + 1)
        return tallest + BAND_H + STRIP_H + PAD

    # == the bands ====================================================================================
    def relayout(self) -> None:
        """Every band's height again (from what is laid out and estimates), then the anchor back."""
        self.heights = [self.band_height(r) for r in range(self.model.rowCount())]
        self._settle()
        self._prepare()

    def _settle(self) -> None:
        self.tops = list(accumulate(self.heights[:-1], initial=0)) if self.heights else []
        self._update_scrollbars()
        self.restore_anchor()
        self.viewport().update()

    def rows_changed(self, rows: list[int]) -> None:
        """Bands whose cells changed height: their heights again, the anchor kept."""
        changed = False
        for r in rows:
            if 0 <= r < len(self.heights):
                h = self.band_height(r)
                if h != self.heights[r]:
                    self.heights[r] = h
                    changed = True
        if changed:
            self._settle()

    def content_height(self) -> int:
        return (self.tops[-1] + self.heights[-1]) if self.tops else 0

    def _update_scrollbars(self) -> None:
        vh = max(self.viewport().height() - self.header_height(), 1)
        vw = self.viewport().width()
        v = self.verticalScrollBar()
        v.setPageStep(vh)
        self._restoring = True
        try:
            v.setRange(0, max(0, self.content_height() - vh))
        finally:
            self._restoring = False
        h = self.horizontalScrollBar()
        h.setPageStep(max(vw, 1))
        h.setRange(0, max(0, self.model.columnCount() * self.column_width - vw))

    def top_row(self) -> int | None:
        if not self.tops:
            return None
        return max(0, bisect_right(self.tops, self.verticalScrollBar().value()) - 1)

    def column_x(self, c: int) -> int:
        return c * self.column_width - self.horizontalScrollBar().value()

    def row_y(self, r: int) -> int:
        """The top of band r, in viewport coordinates."""
        return self.tops[r] - self.verticalScrollBar().value() + self.header_height()

    def band_rect(self, r: int) -> QRect:
        return QRect(0, self.row_y(r), self.viewport().width(), BAND_H)

    def cell_rect(self, r: int, c: int) -> QRect:
        """Cell (r, c) below its band, in viewport coordinates."""
        return QRect(self.column_x(c), self.row_y(r) + BAND_H, self.column_width, self.heights[r] - BAND_H)

    def _visible_rows(self, margin: int = 0) -> range:
        if not self.tops:
            return range(0)
        v = self.verticalScrollBar().value() - margin
        first = max(0, bisect_right(self.tops, v) - 1)
        last = bisect_right(self.tops, v + self.viewport().height() + 2 * margin) - 1
        return range(first, min(last, len(self.tops) - 1) + 1)

    def _visible_columns(self, margin: int = 0) -> range:
        n = self.model.columnCount()
        if not n:
            return range(0)
        h = self.horizontalScrollBar().value()
        first = max(0, h // self.column_width - margin)
        last = min(n - 1, (h + self.viewport().width()) // self.column_width + margin)
        return range(first, last + 1)

    # == the anchor ===================================================================================
    def take_anchor(self) -> None:
        """Remember the band being read and where it is on screen (after a scroll, a click)."""
        if self._restoring or not self.tops:
            return
        value = self.verticalScrollBar().value()
        r = self.current_band()
        vh = self.viewport().height() - self.header_height()
        if r is None or not value <= self.tops[r] < value + vh - BAND_H:
            r = self.top_row()
            if value == 0 and self.current is None:
                self.anchor = None  # at the very top: stay there
                return
        n = self.model.rowCount()
        near = [self.model.band_key(k) for k in (*range(r + 1, min(n, r + 6)), *range(r - 1, max(-1, r - 6), -1))]
        self.anchor = (self.model.band_key(r), self.tops[r] - value, near)

    def restore_anchor(self) -> None:
        """Scroll so that the anchored band is where it was on screen (or the nearest band left)."""
        if self.anchor is None or not self.tops:
            return
        key, y, near = self.anchor
        r = self.model.band_index(key)
        if r is None:
            r = next((i for i in (self.model.band_index(k) for k in near) if i is not None), None)
            if r is None:
                return
        self._restoring = True
        try:
            self.verticalScrollBar().setValue(self.tops[r] - y)
        finally:
            self._restoring = False

    # == laying out what is on screen, and near it when idle =========================================
    def _prepare(self) -> None:
        """Lay out the cells on screen; bands whose height changed are measured again (anchor kept).
        Done before painting and whenever the geometry changes, so that what is on screen is where
        it is drawn."""
        if not self.isVisible():
            return
        for _ in range(4):
            columns = self._visible_columns()
            changed = [r for r in self._visible_rows() if self._lay_out_band(r, columns)]
            if not changed:
                return
            self.rows_changed(changed)

    def _lay_out_band(self, r: int, columns: range, deadline: float | None = None) -> bool:
        """Lay out band r's cells in `columns`; True when one of them was not laid out before."""
        done = False
        for c in columns:
            key = self.model.cell_key(r, c)
            if not self.sized(key) and self.model.members(r, c):
                self.cell(r, c)
                done = True
                if deadline is not None and time.perf_counter() > deadline:
                    break
        return done

    def _prefetch(self) -> None:
        """While idle: lay out the cells a page above and below and a column either side, a slice at a
        time."""
        if not self.isVisible() or not self.tops:
            return
        deadline = time.perf_counter() + PREFETCH_MS / 1000
        columns = self._visible_columns(1)
        page = self.viewport().height()
        changed = []
        for r in self._visible_rows(page):
            if self._lay_out_band(r, columns, deadline):
                changed.append(r)
            if time.perf_counter() > deadline:
                break
        if changed:
            self.rows_changed(changed)
            self._idle.start(0)
