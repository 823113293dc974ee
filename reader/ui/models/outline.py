"""The outline model: 省 ▸ 地市 ▸ 县区 ▸ report ▸ sections, lazy, over reader.core.store.outline_tree.

Nodes are plain objects with __slots__; a node's children are fetched from the database the first
time the view asks (canFetchMore/fetchMore), one level at a time, so opening a project with
thousands of reports reads a few dozen province rows. Column 0 is the name, column 1 the number of
tagged passages. Every change is bracketed by begin/end calls; a filter or a change of structure
resets the model (the panel restores what was expanded).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from reader.core.errors import ReaderError
from reader.core.store import outline_tree as ot
from reader.core.store.project import Project
from reader.ui.i18n import tr, unknown_county
from reader.ui.models import NO_INDEX
from reader.ui.models.tree import NodeTreeModel

ROOT, PLACE, UNIT, SECTION = "root", "place", "unit", "section"
NAME, COUNT = 0, 1
COUNT_COLOUR = QColor("#6b7280")

Index = QModelIndex | QPersistentModelIndex



class Node:
    __slots__ = ("kind", "key", "parent", "children", "row", "count", "fetched", "data", "label", "detail")

    def __init__(self, kind: str, key, parent: Node | None, data=None):
        self.kind = kind
        self.key = key  # PLACE: path tuple; UNIT: unit id; SECTION: section id
        self.parent = parent
        self.children: list[Node] = []
        self.row = 0
        self.count = 0
        self.fetched = kind == SECTION
        self.data = data  # PlaceRow, UnitRow or SectionRow
        self.label = ""
        self.detail = ""

    @property
    def unit_id(self) -> int | None:
        if self.kind == UNIT:
            return self.key
        if self.kind == SECTION:
            return self.data.unit_id
        return None

    @property
    def section_id(self) -> int | None:
        return self.key if self.kind == SECTION else None

    @property
    def path(self) -> tuple:
        """The place path of a place node, or of a report's county."""
        if self.kind == PLACE:
            return self.key
        if self.kind == UNIT:
            return self.data.path
        return ()

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


class OutlineModel(NodeTreeModel):
    COLUMNS = 2

    def __init__(self, project: Project, parent=None):
        super().__init__(parent)
        self.project = project
        self.flt = ""
        self.matching: ot.Matching | None = None  # the reports the filter keeps, found once per filter
        self.root = Node(ROOT, (), None)
        self._busy = False
        self.units: dict[int, Node] = {}  # loaded report nodes by unit id
        self._fetch_root()

    # -- loading ---------------------------------------------------------------------------------
    def _fetch_root(self) -> None:
        self.units = {}
        self.root = Node(ROOT, (), None)
        self.matching = ot.matching(self.project, self.flt)
        self.root.children = self._nodes(self.root, ot.children(self.project, (), self.matching))
        self.root.fetched = True

    def _nodes(self, parent: Node, rows) -> list[Node]:
        """Nodes for rows from outline_tree.children. Reports under a province or prefecture with no
        county are that place's own (a provincial government's report): they come first, then its
        places. Reports that show up at the root (their place is unknown) are grouped under one
        'county not identified' node."""
        nodes: list[Node] = []
        own: list[Node] = []
        orphans: list[ot.UnitRow] = []
        for r in rows:
            if isinstance(r, ot.PlaceRow):
                nodes.append(self._place_node(parent, r))
            elif parent.kind == PLACE and (len(parent.key) == 3 or parent.key[-1] is not None):
                own.append(self._unit_node(parent, r))
            else:
                orphans.append(r)
        nodes = own + nodes
        if orphans:
            path = orphans[0].path
            group = Node(PLACE, path, parent, ot.PlaceRow(2, path, len(orphans), sum(u.passages for u in orphans)))
            group.count = group.data.passages
            group.fetched = True
            group.children = [self._unit_node(group, u) for u in orphans]
            self._number(group.children)
            nodes.append(group)
        self._number(nodes)
        return nodes

    def _place_node(self, parent: Node, r: ot.PlaceRow) -> Node:
        n = Node(PLACE, r.path, parent, r)
        n.label = r.name or ""
        n.count = r.passages
        n.detail = " ".join(p for p in r.path[:-1] if p)
        return n

    def _unit_node(self, parent: Node, u: ot.UnitRow) -> Node:
        n = Node(UNIT, u.id, parent, u)
        n.count = u.passages
        self.units[u.id] = n
        self._label_unit(n)
        return n

    @staticmethod
    def _label_unit(n: Node) -> None:
        u: ot.UnitRow = n.data
        title = u.title or u.source
        n.label = f"{title}（{u.year}）" if u.year else title
        n.detail = u.source

    def _section_nodes(self, parent: Node, rows: list[ot.SectionRow]) -> list[Node]:
        nodes = []
        for s in rows:
            n = Node(SECTION, s.id, parent, s)
            n.label = s.heading
            n.count = s.passages
            n.children = self._section_nodes(n, s.children)
            nodes.append(n)
        self._number(nodes)
        return nodes

    @staticmethod
    def _number(nodes: list[Node]) -> None:
        for i, n in enumerate(nodes):
            n.row = i

    def _load_children(self, node: Node) -> list[Node]:
        if node.kind == PLACE:
            return self._nodes(node, ot.children(self.project, node.key, self.matching))
        if node.kind == UNIT:
            return self._section_nodes(node, ot.section_tree(self.project, node.key))
        return []

    # -- Qt model API --------------------------------------------------------------------------
    def node(self, index: Index) -> Node:
        return super().node(index)

    def hasChildren(self, parent: Index = NO_INDEX) -> bool:
        if parent.isValid() and parent.column() != 0:
            return False
        n = self.node(parent)
        if not n.fetched:
            return True
        return bool(n.children)

    def canFetchMore(self, parent: Index) -> bool:
        if parent.isValid() and parent.column() != 0:
            return False
        return not self.node(parent).fetched

    def fetchMore(self, parent: Index) -> None:
        n = self.node(parent)
        if n.fetched or self._busy:
            # not while our own reset or insertion is being announced: a listener that fetches
            # at once (QAbstractItemModelTester does) would nest one change inside another;
            # views fetch later anyway
            return
        children = self._load_children(n)
        n.fetched = True
        if children:
            self._busy = True
            try:
                self.beginInsertRows(parent, 0, len(children) - 1)
                n.children = children
                self.endInsertRows()
            finally:
                self._busy = False

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        n = self.node(index)
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == NAME:
                return self.display_name(n)
            return str(n.count) if n.count else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(n)
        if role == Qt.ItemDataRole.ForegroundRole and col == COUNT:
            return COUNT_COLOUR
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and col == NAME and n.kind == PLACE and n.key[-1] is None:
            f = QFont()
            f.setItalic(True)
            return f
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr("Outline") if section == NAME else tr("Tagged")
        return None

    def display_name(self, n: Node) -> str:
        if n.kind == PLACE and n.key[-1] is None:
            return unknown_county()
        return n.label

    def tooltip(self, n: Node) -> str:
        if n.kind == PLACE:
            units = n.data.units if n.data else 0
            return tr("{place}: {units} reports, {passages} tagged passages").format(
                place=" ".join(p for p in n.key if p) or self.display_name(n), units=units, passages=n.count
            )
        if n.kind == UNIT:
            return tr("{title}\nFile: {source}\n{passages} tagged passages").format(
                title=n.label, source=n.detail, passages=n.count
            )
        return f"{n.label}\n" + tr("{passages} tagged passages").format(passages=n.count)

    # -- finding ---------------------------------------------------------------------------------
    def index_of(self, n: Node, column: int = 0) -> QModelIndex:
        if n is self.root or n.parent is None:
            return QModelIndex()
        return self.createIndex(n.row, column, n)

    def ensure_fetched(self, n: Node) -> None:
        if not n.fetched:
            self.fetchMore(self.index_of(n))

    def find_unit(self, unit_id: int, section_id: int | None = None) -> QModelIndex:
        """The index of a report (or one of its sections), fetching the levels above it; invalid
        when the filter hides it or it does not exist."""
        try:
            row = ot.unit_row(self.project, unit_id)
        except ReaderError:  # deleted meanwhile
            return QModelIndex()
        if unit_id in self.units and section_id is None:
            return self.index_of(self.units[unit_id])
        node = self.root
        while True:
            nxt = None
            for c in node.children:
                if c.kind == UNIT and c.key == unit_id:
                    nxt = c
                    break
                if c.kind == PLACE and row.path[: len(c.key)] == c.key:
                    nxt = c
                    break
            if nxt is None:
                return QModelIndex()
            self.ensure_fetched(nxt)
            node = nxt
            if node.kind == UNIT:
                break
        if section_id is None:
            return self.index_of(node)
        for s in node.walk():
            if s.kind == SECTION and s.key == section_id:
                return self.index_of(s)
        return self.index_of(node)

    def first_unit(self) -> Node | None:
        """The first report in outline order (its levels and sections fetched)."""
        node = self.root
        while True:
            for c in node.children:
                if c.kind == UNIT:
                    self.ensure_fetched(c)
                    return c
            places = [c for c in node.children if c.kind == PLACE]
            if not places:
                return None
            node = places[0]
            self.ensure_fetched(node)

    def unit_nodes(self) -> list[Node]:
        return list(self.units.values())

    # -- changes ---------------------------------------------------------------------------------
    def set_filter(self, text: str) -> None:
        self.flt = text.strip()
        self.reload()

    def reload(self) -> None:
        """Read the outline again (after a filter, or reports added, deleted or moved)."""
        self.beginResetModel()
        self._fetch_root()
        self._busy = True
        try:
            self.endResetModel()
        finally:
            self._busy = False

    def refresh_counts(self, unit_ids: set[int] | None = None) -> None:
        """Update the passage counts of loaded nodes: those of the given reports, their sections
        and the places above them (a few queries); all of them when `unit_ids` is None."""
        if unit_ids is None:
            self._refresh_all_counts()
            return
        ids = [u for u in unit_ids if u in self.units]
        counts = ot.unit_counts(self.project, ids)
        places: dict[tuple, Node] = {}
        for uid in ids:
            n = self.units[uid]
            self._set_count(n, counts[uid])
            if n.fetched:
                self._refresh_sections(n)
            p = n.parent
            while p is not None and p.kind == PLACE:
                places[p.key] = p
                p = p.parent
        for key, p in places.items():
            if key[-1] is None:  # the group of reports whose place is unknown
                self._set_count(p, sum(c.count for c in p.children if c.kind == UNIT))
            else:
                self._set_count(p, ot.place_count(self.project, key))

    def _set_count(self, n: Node, count: int) -> None:
        if n.kind == UNIT and n.data.passages != count:
            d = n.data
            n.data = ot.UnitRow(d.id, d.path, d.title, d.year, d.source, count)
        if count != n.count:
            n.count = count
            ix = self.index_of(n, COUNT)
            self.dataChanged.emit(ix, ix, [Qt.ItemDataRole.DisplayRole])

    def _refresh_all_counts(self) -> None:
        levels = {lvl: ot.place_counts(self.project, lvl) for lvl in range(3)}
        unit_counts = ot.unit_counts(self.project, list(self.units))
        for n in list(self.root.walk()):
            if n.kind == UNIT:
                self._set_count(n, unit_counts.get(n.key, 0))
                if n.fetched:
                    self._refresh_sections(n)
        for n in list(self.root.walk()):
            if n.kind != PLACE:
                continue
            if n.key[-1] is None:
                self._set_count(n, sum(c.count for c in n.children if c.kind == UNIT))
            else:
                self._set_count(n, levels[len(n.key) - 1].get(tuple(n.key), 0))

    def _refresh_sections(self, unit: Node) -> None:
        fresh = {s.id: s for top in ot.section_tree(self.project, unit.key) for s in top.walk()}
        for n in unit.walk():
            if n.kind == SECTION and n.key in fresh and fresh[n.key].passages != n.count:
                n.count = fresh[n.key].passages
                ix = self.index_of(n, COUNT)
                self.dataChanged.emit(ix, ix, [Qt.ItemDataRole.DisplayRole])

    def refresh_unit_label(self, unit_id: int) -> None:
        """After a report's title or year changed (its place did not)."""
        n = self.units.get(unit_id)
        if n is None:
            return
        n.data = ot.unit_row(self.project, unit_id)
        self._label_unit(n)
        ix = self.index_of(n, NAME)
        self.dataChanged.emit(ix, ix, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)
        if self.root.children:
            last = self.root.children[-1]
            self.dataChanged.emit(self.index_of(self.root.children[0]), self.index_of(last, COUNT))
