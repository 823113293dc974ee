"""What the comparison grid says and offers where the mouse is (a mixin of CompareGrid): tooltips
(a row's members and why they are there, a shared phrase and its counties, a reused passage and where
else it is, the themes of a tagged passage) and the context menus of a cell (标注为, open, expand,
move to row, not a match, split into a new row) and of a row's band (read it in every report, open
its child rows, rename, merge into)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu

from reader.core.compare import Member, Row, row_tree
from reader.ui.compare.model import member_tooltip, row_label
from reader.ui.i18n import tr, unknown_county
from reader.ui.models.themes import swatch
from reader.ui.plain import menu_text


class GridMenus:
    def tooltip_at(self, pos: QPoint) -> str:
        spot = self.locate(pos)
        if spot is None:
            return ""
        if spot.kind == "header" and spot.column >= 0:
            return self.model.headerData(spot.column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) or ""
        if spot.kind == "band":
            return self.model.headerData(spot.row, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) or ""
        if spot.kind == "expander":
            band = self.model.band(spot.row)
            return (tr("Close: hide the rows inside (-)") if band.opened else
                    tr("Open: show the {n} rows inside (+)").format(n=band.children))
        if spot.kind == "fold":
            return tr("Show all of this cell, or fold it again (Space)")
        if spot.kind == "handle":
            if not self.drags:
                return member_tooltip(spot.member)
            return member_tooltip(spot.member) + "\n" + tr("Drag onto another row to move this section there.")
        if spot.kind != "text" or not spot.exact:
            return ""
        doc = self.cell(spot.row, spot.column)
        lines = []
        phrase = doc.phrase_at(spot.pos)
        if phrase is not None:
            marks = self.marks.get(self.model.row_at(spot.row).key)
            counties = next((p.counties for p in marks.phrases if p.text == phrase), []) if marks else []
            lines.append(tr("Shared phrase “{phrase}”: {counties} (click: where else it occurs)").format(
                phrase=phrase, counties="、".join(c.lstrip("#") for c in counties)))
        lid = doc.link_at(spot.pos)
        if lid is not None and spot.member is not None:
            link = self.links[lid]
            partner = link.partner(spot.member.section_id)
            found = self.model.unit_of_section(partner)
            other = found[1] if found else None
            where = f"{other.county or unknown_county()} · {other.heading}" if other else "?"
            lines.append(tr("Reused passage ({n} characters, {identity}% the same) also in {where} (click to follow)").format(
                n=link.length, identity=round(link.identity * 100), where=where))
        names = []
        for _pid, themes in doc.passages_at(spot.pos):
            names += [self.looks[t].name for t in themes if t in self.looks and self.looks[t].name not in names]
        if names:
            lines.append(tr("Tagged: {themes}").format(themes="、".join(names)))
        return "\n".join(lines)

    # == context menus =================================================================================
    def contextMenuEvent(self, event) -> None:
        menu = self.context_menu_at(event.pos())
        if menu is not None:
            menu.exec(event.globalPos())
            menu.deleteLater()

    def context_menu_at(self, pos: QPoint) -> QMenu | None:
        spot = self.locate(pos)
        if spot is None:
            return None
        if spot.kind in ("band", "expander"):
            return self.band_menu(spot.row)
        if spot.kind in ("text", "handle", "cell", "fold") and spot.column >= 0:
            member = spot.member
            if member is None:
                doc = self.cell(spot.row, spot.column)
                member = doc.members[0] if doc else None
            if member is not None:
                return self.cell_menu(spot.row, member)
        return None

    def all_rows(self) -> list[tuple[Row, int]]:
        """Every row of the comparison (child rows too, open or not) in tree order, with its depth."""
        comparison = self.model.comparison
        return [(t.row, t.depth) for t in row_tree(comparison.rows)] if comparison is not None else []

    def _rows_menu(self, menu: QMenu, title: str, name: str, exclude: str, emit: Callable[[str], None]) -> QMenu:
        sub = menu.addMenu(title)
        sub.setObjectName(name)
        for row, depth in self.all_rows():
            if row.key == exclude:
                continue
            action = sub.addAction("    " * depth + menu_text(row_label(row)))
            action.setData(row.key)
            action.triggered.connect(lambda _c=False, k=row.key: emit(k))
        sub.setEnabled(bool(sub.actions()))
        return sub

    def cell_menu(self, r: int, member: Member) -> QMenu:
        """标注为 ▸, open in the reading window, expand, move to row ▸, not a match, split into a new row."""
        row = self.model.row_at(r)
        menu = QMenu(self)
        menu.setObjectName("compareCellMenu")
        tag = menu.addMenu(tr("Tag as"))
        tag.setObjectName("compareTagAs")
        tag.setEnabled(self.selection_span() is not None and bool(self.looks))
        for tid, look in sorted(self.looks.items(), key=lambda kv: kv[1].order):
            label = "    " * look.depth + menu_text(look.name) + (f"\t{look.shortcut}" if look.shortcut else "")
            action = tag.addAction(swatch(look.colour), label)
            action.setData(tid)
            action.triggered.connect(lambda _c=False, t=tid: self.tagRequested.emit(t))
        copy = menu.addAction(tr("Copy"))
        copy.setEnabled(bool(self.selected_text()))
        copy.triggered.connect(lambda _c=False: self.copy())
        open_ = menu.addAction(tr("Open in the reading window"))
        open_.setObjectName("compareOpen")
        sid, uid = member.section_id, member.unit_id
        open_.triggered.connect(lambda _c=False: self.sectionOpenRequested.emit(uid, sid))
        key = (row.key, uid)
        if self.compact and (key in self.expanded or self.folds(key, self.model.members(*self.model.cell_at(*key)))):
            fold = menu.addAction(tr("Fold this cell") if key in self.expanded else tr("Show all of this cell"))
            fold.setObjectName("compareFold")
            fold.triggered.connect(lambda _c=False: self.toggle_cell(key))
        self._topic_action(menu, row)
        menu.addSeparator()
        self._rows_menu(menu, tr("Move to row"), "compareMoveTo", row.key, lambda k: self.moveRequested.emit(sid, k))
        not_match = menu.addAction(tr("Not a match for this row"))
        not_match.setObjectName("compareNotMatch")
        not_match.setEnabled(not row.is_other)
        not_match.triggered.connect(lambda _c=False: self.notMatchRequested.emit(sid, row.key))
        split = menu.addAction(tr("Split into a new row…"))
        split.setObjectName("compareSplit")
        split.triggered.connect(lambda _c=False: self.splitRequested.emit(sid))
        return menu

    def _topic_action(self, menu: QMenu, row: Row) -> None:
        if not self.drags:  # the topic view reads one row already
            return
        topic = menu.addAction(tr("Read this row in every report"))
        topic.setObjectName("compareTopic")
        topic.triggered.connect(lambda _c=False, k=row.key: self.topicRequested.emit(k))

    def band_menu(self, r: int) -> QMenu:
        """Read the row in every report, open or close its child rows, rename it, merge it into another."""
        row = self.model.row_at(r)
        band = self.model.band(r)
        menu = QMenu(self)
        menu.setObjectName("compareRowMenu")
        self._topic_action(menu, row)
        if band.children:
            toggle = menu.addAction(tr("Close its rows") if band.opened else tr("Open its {n} rows").format(n=band.children))
            toggle.setObjectName("compareOpenRows")
            toggle.triggered.connect(lambda _c=False: self.set_row_open(band.key, not band.opened))
        if self.compact:
            expand = menu.addAction(tr("Show all of every cell in this row"))
            expand.setObjectName("compareExpandRow")
            expand.triggered.connect(lambda _c=False: self.toggle_band_cells(r))
        menu.addSeparator()
        rename = menu.addAction(tr("Rename row…"))
        rename.setObjectName("compareRename")
        rename.setEnabled(not row.is_other)
        key = row.key
        rename.triggered.connect(lambda _c=False: self.renameRequested.emit(key))
        merge = self._rows_menu(menu, tr("Merge into"), "compareMergeInto", key, lambda k: self.mergeRequested.emit(key, k))
        merge.setEnabled(merge.isEnabled() and not row.is_other)
        return menu
