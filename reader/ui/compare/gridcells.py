"""The cells of the comparison grid (a mixin of CompareGrid): the reports' texts they are made from
(a few hundred kept), each cell laid out on demand (a few hundred kept; their heights are kept when
they are dropped), what a laid-out cell says of its size, and the marks drawn over its text (tagged
passages, shared phrases, reused passages, the selection), with the reused share of a cell."""

from __future__ import annotations

from reader.core.compare import Member
from reader.core.compare.annotations import RowMarks
from reader.ui.compare.cell import CellDoc, Link, UnitData
from reader.ui.compare.gridlayout import COMPACT_LINES
from reader.ui.i18n import tr
from reader.ui.textpane import ThemeLook

CELL_CACHE = 400  # cells kept laid out (the rest keep their height)
UNIT_CACHE = 300  # reports' texts kept


class GridCells:
    def set_looks(self, looks: dict[int, ThemeLook]) -> None:
        self.looks = looks
        self._remark()

    def set_marks(self, marks: dict[str, RowMarks]) -> None:
        self.marks = marks
        self.links.clear()
        self.section_links.clear()
        self.shares.clear()
        for m in marks.values():
            self.shares.update(m.reuse.shares)
            for pair in m.reuse.pairs:
                a = self.model.unit_of_section(pair.a_section)
                b = self.model.unit_of_section(pair.b_section)
                for p in pair.passages:
                    link = Link(len(self.links) + 1, pair.a_section, a[1].unit_id if a else -1, p.a_start, p.a_end,
                                pair.b_section, b[1].unit_id if b else -1, p.b_start, p.b_end, p.length, p.identity)
                    self.links[link.id] = link
                    self.section_links.setdefault(link.a_section, []).append(link)
                    self.section_links.setdefault(link.b_section, []).append(link)
        self.hover_link = self.active_link = None
        self._remark()

    def refresh_units(self, unit_ids: set[int] | None) -> None:
        """The passages of these reports changed (None: any): read them again and redraw."""
        for uid in list(self.units) if unit_ids is None else unit_ids:
            self.units.pop(uid, None)
        self._remark(unit_ids)

    def forget_units(self) -> None:
        self.units.clear()
        self.cells.clear()
        self._forget_sizes()

    def _forget_sizes(self) -> None:
        self.measured.clear()
        self.estimates.clear()
        self.compact_measured.clear()

    def _measure(self, cell: CellDoc) -> None:
        """What a laid-out cell says of its size: its whole height when it holds its whole text, and
        how much of it compact mode shows."""
        self.compact_measured[cell.key] = cell.compact_height(COMPACT_LINES)
        if cell.whole:
            self.measured[cell.key] = cell.height

    def compact_chars(self, members: list[Member]) -> int:
        """Enough of the first member for its heading and the lines a compact cell shows (a line
        holds at most twice as many half-width characters as full-width ones)."""
        return len(members[0].heading) + 2 * self.per_line() * (COMPACT_LINES + 1) + 8

    def unit(self, unit_id: int) -> UnitData:
        data = self.units.get(unit_id)
        if data is None:
            data = self.unit_loader(unit_id) if self.unit_loader else UnitData(unit_id, "")
            self.units[unit_id] = data
            while len(self.units) > UNIT_CACHE:
                self.units.popitem(last=False)
        else:
            self.units.move_to_end(unit_id)
        return data

    def cell(self, r: int, c: int) -> CellDoc | None:
        """The laid-out cell (None when the report has no section in the row)."""
        key = self.model.cell_key(r, c)
        doc = self.cells.get(key)
        if doc is not None:
            self.cells.move_to_end(key)
            return doc
        members = self.model.members(r, c)
        if not members:
            return None
        unit = self.unit(key[1])
        first = self.compact_chars(members) if self.compact and key not in self.expanded else None
        doc = CellDoc(members, unit, self.text_width(), self.text_font, self.spacing(), first)
        doc.key = key
        self._mark(doc, unit)
        self.cells[key] = doc
        self._measure(doc)
        while len(self.cells) > CELL_CACHE:
            old, _ = self.cells.popitem(last=False)
            if self.selection is not None and self.selection[0] == old:
                self.selection = None
        return doc

    def _mark(self, doc: CellDoc, unit: UnitData) -> None:
        row_key = doc.key[0]
        sections = {m.section_id for m in doc.members}
        phrases = []
        marks = self.marks.get(row_key)
        if marks is not None:
            for p in marks.phrases:
                phrases += [(s.section_id, s.start, s.end, p.text) for s in p.spans if s.section_id in sections]
        links = [(link, sid) for sid in sections for link in self.section_links.get(sid, [])]
        doc.set_marks(unit, self._colour, phrases, links)
        self._paint_marks(doc)

    def _paint_marks(self, doc: CellDoc) -> None:
        lit = {x for x in (self.hover_link, self.active_link) if x is not None}
        selected = None
        if self.selection is not None and self.selection[0] == doc.key:
            a, b = sorted(self.selection[1:])
            selected = (a, b)
        doc.mark_selections(lit, self.active_phrase, selected, self.palette())

    def _remark(self, unit_ids: set[int] | None = None) -> None:
        for key, doc in self.cells.items():
            if unit_ids is None or key[1] in unit_ids:
                self._mark(doc, self.unit(key[1]))
        self.viewport().update()

    def _relight(self) -> None:
        """Hover, link, phrase or selection changed: redo the drawn marks (no new layout)."""
        for doc in self.cells.values():
            self._paint_marks(doc)
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
