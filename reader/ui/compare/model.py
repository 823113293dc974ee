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

from reader.core.compare import Column, Comparison, Member, Row
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


class ComparisonModel(QAbstractTableModel):
    """Rows of the comparison × the columns shown; a cell holds the members of that report in that
    row (a report may put several sections in one row)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.rows: list[Row] = []
        self.columns: list[Column] = []
        self.groups: list[Group] = []
        self._cells: list[dict[int, list[Member]]] = []

    def set_comparison(self, comparison: Comparison | None, shown: list[int], group_by: str = NO_GROUP) -> None:
        self.beginResetModel()
        self.comparison = comparison
        self.rows = list(comparison.rows) if comparison else []
        self._cells = [r.cells() for r in self.rows]
        self.columns, self.groups = arrange(comparison.columns if comparison else [], shown, group_by)
        self.endResetModel()

    # -- lookups ------------------------------------------------------------------------------------
    def row_at(self, r: int) -> Row:
        return self.rows[r]

    def column_at(self, c: int) -> Column:
        return self.columns[c]

    def members(self, r: int, c: int) -> list[Member]:
        return self._cells[r].get(self.columns[c].unit_id, [])

    def row_index(self, key: str) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.key == key), None)

    def column_index(self, unit_id: int) -> int | None:
        return next((i for i, c in enumerate(self.columns) if c.unit_id == unit_id), None)

    def shown_sections(self) -> set[int]:
        return {m.section_id for r in range(len(self.rows)) for m in self.shown_in(r)}

    def shown_in(self, r: int) -> list[Member]:
        return [m for c in self.columns for m in self._cells[r].get(c.unit_id, [])]

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
                return f"{column_title(c)} · {column_subtitle(c)}\n{c.source}"
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
