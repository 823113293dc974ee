"""The comparison as item models: ComparisonModel (rows × the columns shown, the grid reads it) and
ColumnListModel (every aligned report, checkable and reorderable, for the column chooser).

Which columns are shown and in what order is the view's choice, not the project's: by default all
of them up to DEFAULT_COLUMNS, else the first DEFAULT_COLUMNS (a project of 3,000 reports would
otherwise ask for 3,000 columns). Grouping by prefecture or year keeps the user's order inside each
group."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from reader.core.compare import Column, Comparison, Member, Row, TreeRow, row_tree, visible_rows
from reader.ui.i18n import tr, unknown_county
from reader.ui.models import NO_INDEX

Index = QModelIndex | QPersistentModelIndex
MEMBERS_ROLE = Qt.ItemDataRole.UserRole + 1  # list[Member] of a cell
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # a row's key / a column's unit id
DEFAULT_COLUMNS = 10
NO_GROUP, BY_PREFECTURE, BY_YEAR = "none", "prefecture", "year"
GROUP_LABELS = {
    NO_GROUP: QT_TR_NOOP("No grouping"),
    BY_PREFECTURE: QT_TR_NOOP("By prefecture"),
    BY_YEAR: QT_TR_NOOP("By year"),
}


def column_title(c: Column) -> str:
    """The column's county; with its prefecture when the project has two places of that name."""
    return c.label or c.county or unknown_county()


def column_subtitle(c: Column) -> str:
    parts = [str(c.year) if c.year else tr("year unknown")]
    if c.prefecture:
        parts.append(c.prefecture)
    return " · ".join(parts)


def row_label(row: Row) -> str:
    return tr("Other (not aligned)") if row.is_other else row.label


def default_columns(comparison: Comparison) -> list[int]:
    return [c.unit_id for c in comparison.columns[:DEFAULT_COLUMNS]]


@dataclass
class Group:
    label: str
    first: int  # index of its first column among those shown
    count: int


def arrange(columns: list[Column], shown: list[int], group_by: str) -> tuple[list[Column], list[Group]]:
    """The columns to show, in the user's order (`shown`: unit ids), grouped (stably) by prefecture
    or year; and the groups, when grouping."""
    by_id = {c.unit_id: c for c in columns}
    chosen = [by_id[u] for u in shown if u in by_id]
    if group_by == NO_GROUP:
        return chosen, []

    def key(c: Column) -> str:
        if group_by == BY_YEAR:
            return str(c.year) if c.year else ""
        return c.prefecture or ""

    order: list[str] = []
    for c in chosen:
        if key(c) not in order:
            order.append(key(c))
    order.sort(key=lambda k: (k == "", k))  # unknown last
    out: list[Column] = []
    groups: list[Group] = []
    for k in order:
        members = [c for c in chosen if key(c) == k]
        label = k or (tr("year unknown") if group_by == BY_YEAR else tr("prefecture unknown"))
        groups.append(Group(label, len(out), len(members)))
        out += members
    return out, groups


@dataclass
class Band:
    """What a band across the grid says: its label, how deep it sits in the tree of rows, whether it
    can be opened into child rows (and is), and whether its report is of another genre (topic view)."""

    key: str
    label: str
    depth: int = 0
    children: int = 0
    opened: bool = False
    misfit: bool = False
    subtitle: str = ""


class ComparisonModel(QAbstractTableModel):
    """The rows of the comparison shown (a tree: a frame row opens into its topic rows) × the columns
    shown; a cell holds the members of that report in that row (a report may put several sections in
    one row).

    What the grid reads (the topic view's model has the same): rowCount/columnCount, band(r),
    row_at(r) (the comparison row of band r's cells), members(r, c), cell_key(r, c) and
    cell_at(row key, unit id), band_key(r) and band_index(key)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.tree: list[TreeRow] = []
        self.opened: set[str] = set()
        self.rows: list[Row] = []  # the rows shown, in tree order
        self._nodes: dict[str, TreeRow] = {}
        self.columns: list[Column] = []
        self.groups: list[Group] = []
        self._cells: dict[str, dict[int, list[Member]]] = {}
        self._cells_of: dict[str, tuple[Row, dict[int, list[Member]]]] = {}
        self._shown: dict[int, int] = {}  # unit id -> its column

    def set_comparison(self, comparison: Comparison | None, shown: list[int], group_by: str = NO_GROUP) -> None:
        self.beginResetModel()
        self.comparison = comparison
        self._set_tree(list(comparison.rows) if comparison else [])
        self.rows = self._visible()
        self.columns, self.groups = arrange(comparison.columns if comparison else [], shown, group_by)
        self._shown = {c.unit_id: i for i, c in enumerate(self.columns)}
        self.endResetModel()

    def _set_tree(self, rows: list[Row]) -> None:
        self.tree = row_tree(rows)
        self._nodes = {t.row.key: t for t in self.tree}
        self.opened &= {t.row.key for t in self.tree if t.children}
        before = self._cells_of
        self._cells_of = {r.key: before[r.key] if r.key in before and before[r.key][0] is r else (r, r.cells())
                          for r in rows}  # a row's cells again only when the row is new (a correction)
        self._cells = {k: v[1] for k, v in self._cells_of.items()}

    def _visible(self) -> list[Row]:
        return [t.row for t in visible_rows(self.tree, self.opened)]

    def update_rows(self, comparison: Comparison, keys: set[str]) -> None:
        """The same comparison with the rows `keys` changed (a correction): the other bands and the
        columns stay as they are; bands that come or go are inserted or removed in their place."""
        self.comparison = comparison
        self._set_tree(list(comparison.rows))
        after = self._visible()
        self._move_to([r.key for r in after], after)
        self.rows = after  # the same keys, in the same order: the rows as they are now
        touched = set(keys) | {p for k in keys for p in ([self._nodes[k].row.parent] if k in self._nodes else []) if p}
        for k in touched:
            r = self.row_index(k)
            if r is None:
                continue
            if self.columns:
                self.dataChanged.emit(self.index(r, 0), self.index(r, len(self.columns) - 1))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, r, r)

    def _move_to(self, keys: list[str], rows: list[Row]) -> None:
        """Remove the bands not in `keys` and insert the new ones, each in its place (begin/end
        around each); a different order is a reset."""
        wanted = set(keys)
        for r in reversed(range(len(self.rows))):
            if self.rows[r].key not in wanted:
                self.beginRemoveRows(NO_INDEX, r, r)
                del self.rows[r]
                self.endRemoveRows()
        have = {r.key for r in self.rows}
        kept = [k for k in keys if k in have]
        if kept != [r.key for r in self.rows]:
            self.beginResetModel()
            self.rows = list(rows)
            self.endResetModel()
            return
        for i, (key, row) in enumerate(zip(keys, rows, strict=True)):
            if i >= len(self.rows) or self.rows[i].key != key:
                self.beginInsertRows(NO_INDEX, i, i)
                self.rows.insert(i, row)
                self.endInsertRows()

    # -- the tree of rows ---------------------------------------------------------------------------
    def children_of(self, key: str) -> list[str]:
        node = self._nodes.get(key)
        return list(node.children) if node else []

    def depth(self, r: int) -> int:
        node = self._nodes.get(self.rows[r].key)
        return node.depth if node else 0

    def set_open(self, key: str, opened: bool) -> bool:
        """Open a row into its child rows (or close it); False when it has none or nothing changes."""
        if not self.children_of(key) or (key in self.opened) == opened:
            return False
        r = self.row_index(key)
        if opened:
            self.opened.add(key)
        else:
            self.opened.discard(key)
        if r is None:  # inside a closed row: shown when that one opens
            return True
        after = self._visible()
        if opened:
            new = [row for row in after if row.key not in {x.key for x in self.rows}]
            self.beginInsertRows(NO_INDEX, r + 1, r + len(new))
            self.rows[r + 1 : r + 1] = new
            self.endInsertRows()
        else:
            gone = len(self.rows) - len(after)
            self.beginRemoveRows(NO_INDEX, r + 1, r + gone)
            del self.rows[r + 1 : r + 1 + gone]
            self.endRemoveRows()
        self.headerDataChanged.emit(Qt.Orientation.Vertical, r, r)
        return True

    def reveal(self, key: str) -> int | None:
        """Open the rows that hold row `key`; its band index."""
        node = self._nodes.get(key)
        for a in node.ancestors if node else []:
            self.set_open(a, True)
        return self.row_index(key)

    # -- lookups (what the grid reads) --------------------------------------------------------------
    def row_at(self, r: int) -> Row:
        return self.rows[r]

    def column_at(self, c: int) -> Column:
        return self.columns[c]

    def members(self, r: int, c: int) -> list[Member]:
        return self._cells.get(self.rows[r].key, {}).get(self.columns[c].unit_id, [])

    def cell_key(self, r: int, c: int) -> tuple[str, int]:
        return self.rows[r].key, self.columns[c].unit_id

    def band_cells(self, r: int) -> list[tuple[tuple[str, int], list[Member]]]:
        """The cells of band r that hold sections, as (cell key, members), in no particular order."""
        key = self.rows[r].key
        return [((key, uid), ms) for uid, ms in self._cells.get(key, {}).items() if uid in self._shown]

    def cell_at(self, row_key: str, unit_id: int) -> tuple[int, int] | None:
        r, c = self.row_index(row_key), self.column_index(unit_id)
        return None if r is None or c is None else (r, c)

    def band_key(self, r: int) -> str:
        return self.rows[r].key

    def band_index(self, key: str) -> int | None:
        return self.row_index(key)

    def band(self, r: int) -> Band:
        row = self.rows[r]
        children = self.children_of(row.key)
        return Band(row.key, row_label(row), self.depth(r), len(children), row.key in self.opened)

    def row_index(self, key: str) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.key == key), None)

    def column_index(self, unit_id: int) -> int | None:
        return self._shown.get(unit_id)

    def shown_sections(self) -> set[int]:
        units = {c.unit_id for c in self.columns}
        return {m.section_id for r in (self.comparison.rows if self.comparison else []) for m in r.members
                if m.unit_id in units}

    def shown_in(self, r: int) -> list[Member]:
        cells = self._cells.get(self.rows[r].key, {})
        return [m for c in self.columns for m in cells.get(c.unit_id, [])]

    def unit_of_section(self, section_id: int) -> tuple[Row, Member] | None:
        comparison = self.comparison
        found = comparison.row_of(section_id) if comparison else None
        member = next((m for m in found.members if m.section_id == section_id), None) if found else None
        return (found, member) if member else None

    # -- the model ----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows) or index.column() >= len(self.columns):
            return None
        members = self.members(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return "；".join(m.heading for m in members)
        if role == MEMBERS_ROLE:
            return members
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(member_tooltip(m) for m in members) or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.columns):
                return None
            c = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column_title(c)
            if role == Qt.ItemDataRole.ToolTipRole:
                tip = f"{column_title(c)} · {column_subtitle(c)}\n{c.source}"
                return tip + ("\n" + misfit_text() if not c.codebook_fits else "")
            if role == KEY_ROLE:
                return c.unit_id
            return None
        if not 0 <= section < len(self.rows):
            return None
        row = self.rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return row_label(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row_tooltip(row, self.shown_in(section))
        if role == KEY_ROLE:
            return row.key
        return None


def misfit_text() -> str:
    return tr("Another genre: the codebook does not fit this report, so its rows come from its text.")


def member_tooltip(m: Member) -> str:
    where = f"{m.county or unknown_county()} {m.year or ''}".strip()
    if m.pinned:
        why = tr("placed here by you")
    elif m.score is None:
        why = tr("moved here")
    else:
        why = tr("score {score:.2f}").format(score=m.score)
    terms = "、".join(m.terms[:6])
    line = f"{where} · {m.heading} · {why}"
    if not terms:
        return line
    return line + "\n    " + tr("shared terms: {terms}").format(terms=terms)


def row_tooltip(row: Row, members: list[Member]) -> str:
    head = tr("{label}: {n} sections of {k} reports").format(
        label=row_label(row), n=len(row.members), k=len({m.unit_id for m in row.members}))
    lines = [head]
    for m in members[:12]:
        lines.append(member_tooltip(m))
    if len(members) > 12:
        lines.append(tr("… and {n} more").format(n=len(members) - 12))
    return "\n".join(lines)


class ColumnListModel(QAbstractListModel):
    """Every aligned report: checked = shown; the order is the order of the columns."""

    def __init__(self, columns: list[Column], shown: list[int], parent=None):
        super().__init__(parent)
        by_id = {c.unit_id: c for c in columns}
        first = [by_id[u] for u in shown if u in by_id]
        self.items: list[Column] = first + [c for c in columns if c.unit_id not in set(shown)]
        self.checked: set[int] = {c.unit_id for c in first}

    def rowCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.items):
            return None
        c = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{column_title(c)}（{column_subtitle(c)}）"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if c.unit_id in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return c.source
        if role == KEY_ROLE:
            return c.unit_id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        uid = self.items[index.row()].unit_id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(uid)
        else:
            self.checked.discard(uid)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def set_all(self, on: bool, rows: list[int] | None = None) -> None:
        rows = list(range(len(self.items))) if rows is None else rows
        for r in rows:
            uid = self.items[r].unit_id
            if on:
                self.checked.add(uid)
            else:
                self.checked.discard(uid)
        if rows:
            self.dataChanged.emit(self.index(min(rows)), self.index(max(rows)), [Qt.ItemDataRole.CheckStateRole])

    def move(self, row: int, delta: int) -> int:
        """Move one item up (-1) or down (+1); returns its new row."""
        to = row + delta
        if not (0 <= row < len(self.items) and 0 <= to < len(self.items)):
            return row
        # beginMoveRows takes the row *before which* the item goes, in the old numbering
        self.beginMoveRows(NO_INDEX, row, row, NO_INDEX, to + 1 if delta > 0 else to)
        self.items.insert(to, self.items.pop(row))
        self.endMoveRows()
        return to

    def shown(self) -> list[int]:
        return [c.unit_id for c in self.items if c.unit_id in self.checked]
