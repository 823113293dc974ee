"""The three ticked lists of the export dialog: themes (a ticked theme includes its children, shown
ticked and greyed), counties under their province and prefecture (with a filter box) and years.
Each shows the passages of every entry and emits `changed` when a tick changes; nothing ticked
means all. A county is a place (reader.core.store.counties): two of one name are two entries, labelled
鼓楼区（福州市） and 鼓楼区（南京市）, and the reports whose county is not known are one entry of their own."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.export.choices import ExportChoices
from reader.core.store.counties import County
from reader.core.store.themes import Theme
from reader.ui.i18n import tr, unknown_county
from reader.ui.models.themes import swatch

NAME, COUNT = 0, 1
KEY = Qt.ItemDataRole.UserRole
PLACE = Qt.ItemDataRole.UserRole + 1  # of a county: (province, prefecture, county); None for unknown
CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked


def _tree(name: str) -> QTreeWidget:
    tree = QTreeWidget(objectName=name)
    tree.setColumnCount(2)
    tree.setHeaderHidden(True)
    tree.setUniformRowHeights(True)
    tree.setRootIsDecorated(True)
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(COUNT, QHeaderView.ResizeMode.ResizeToContents)
    return tree


RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CHECKABLE = QTreeWidgetItem().flags() | Qt.ItemFlag.ItemIsUserCheckable
GREY = QBrush(Qt.GlobalColor.darkGray)


def _item(parent: QTreeWidget | QTreeWidgetItem, text: str, count: int, key: object) -> QTreeWidgetItem:
    """One ticked entry (thousands of counties: what can be computed once is; opening the export
    dialog on 3,000 reports took a quarter of a second)."""
    item = QTreeWidgetItem(parent, [text, str(count)])
    item.setData(NAME, KEY, key)
    item.setTextAlignment(COUNT, RIGHT)
    item.setForeground(COUNT, GREY)
    item.setFlags(CHECKABLE)
    item.setCheckState(NAME, UNCHECKED)
    item.setSizeHint(NAME, _row_size(item.treeWidget()))
    return item


def _row_size(tree: QTreeWidget) -> QSize:
    size = tree.property("rowSize")
    if size is None:
        size = QSize(0, max(tree.fontMetrics().height(), tree.iconSize().height()) + 6)
        tree.setProperty("rowSize", size)
    return size


def _walk(item: QTreeWidgetItem):
    for i in range(item.childCount()):
        child = item.child(i)
        yield child
        yield from _walk(child)


def _all(tree: QTreeWidget):
    yield from _walk(tree.invisibleRootItem())


class _Checks(QWidget):
    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(objectName=name + "Title")
        self.title.setStyleSheet("font-weight: bold;")
        self.tree = _tree(name)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.title)

    def item(self, key: object) -> QTreeWidgetItem | None:
        return next((i for i in _all(self.tree) if i.data(NAME, KEY) == key), None)

    def set_checked(self, keys, on: bool = True) -> None:
        for key in keys:
            item = self.item(key)
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                item.setCheckState(NAME, CHECKED if on else UNCHECKED)

    def clear(self) -> None:
        for item in _all(self.tree):
            if item.flags() & Qt.ItemFlag.ItemIsEnabled:
                item.setCheckState(NAME, UNCHECKED)


class ThemeChecks(_Checks):
    """The codebook; keys are theme ids. `chosen()`: the ticked themes not under a ticked one."""

    def __init__(self, choices: ExportChoices, parent: QWidget | None = None):
        super().__init__("exportThemes", parent)
        self.title.setText(tr("Themes"))
        self._busy = False

        def add(parent_item, themes: list[Theme]) -> None:
            for t in themes:
                item = _item(parent_item, t.name, choices.theme_passages.get(t.id, 0), t.id)
                item.setIcon(NAME, swatch(t.colour))
                add(item, t.children)

        add(self.tree, choices.themes)
        self.tree.expandAll()
        self.tree.itemChanged.connect(self._item_changed)
        self.layout_.addWidget(self.tree, 1)

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._busy or column != NAME:
            return
        self._busy = True
        try:
            on = item.checkState(NAME) == CHECKED
            for d in _walk(item):  # a ticked theme takes its children with it
                d.setCheckState(NAME, CHECKED if on else UNCHECKED)
                d.setDisabled(on)
                d.setToolTip(NAME, tr("Included with the theme above it.") if on else "")
        finally:
            self._busy = False
        self.changed.emit()

    def chosen(self) -> tuple[int, ...]:
        return tuple(
            i.data(NAME, KEY)
            for i in _all(self.tree)
            if i.checkState(NAME) == CHECKED and i.flags() & Qt.ItemFlag.ItemIsEnabled
        )


class CountyChecks(_Checks):
    """Counties under their province and prefecture; keys of counties are their place keys
    (reader.core.store.counties; UNKNOWN for the reports whose county is not known, listed last), of the
    places above them ('place', province, prefecture). `chosen()`: the ticked place keys. Each
    shows its tagged passages, or with count="reports" its reports."""

    def __init__(self, places: Sequence[County], parent: QWidget | None = None, *, count: str = "passages",
                 name: str = "exportCounties"):
        super().__init__(name, parent)
        self.title.setText(tr("Counties"))
        self.filter_box = QLineEdit(objectName=name.removesuffix("Counties") + "CountyFilter")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setPlaceholderText(tr("Filter counties"))
        groups: dict[tuple, QTreeWidgetItem] = {}
        tristate = Qt.ItemFlag.ItemIsAutoTristate | Qt.ItemFlag.ItemIsUserCheckable

        def group(key: tuple, parent_item, name: str) -> QTreeWidgetItem:
            found = groups.get(key)
            if found is None:
                found = groups[key] = _item(parent_item, name, 0, ("place", *key))
                found.setFlags(found.flags() | tristate)
            return found

        unknown = None
        totals: dict[tuple, int] = {}
        for c in places:
            if c.unknown:
                unknown = c
                continue
            n = getattr(c, count)
            parent_item = self.tree
            if c.province:
                parent_item = group((c.province,), parent_item, c.province)
                totals[(c.province,)] = totals.get((c.province,), 0) + n
            if c.prefecture:
                parent_item = group((c.province, c.prefecture), parent_item, c.prefecture)
                totals[(c.province, c.prefecture)] = totals.get((c.province, c.prefecture), 0) + n
            item = _item(parent_item, c.label or c.name or "", n, c.key)
            item.setData(NAME, PLACE, (c.province, c.prefecture, c.name))
            item.setToolTip(NAME, " ".join(x for x in (c.province, c.prefecture, c.name) if x))
        for key, total in totals.items():  # each place's count set once, not once per county
            groups[key].setText(COUNT, str(total))
        if unknown is not None:
            _item(self.tree, unknown_county(), getattr(unknown, count), unknown.key).setData(NAME, PLACE, None)
        self.tree.expandAll()
        self.tree.itemChanged.connect(lambda _item, column: column == NAME and self.changed.emit())
        self.filter_box.textChanged.connect(self.set_filter)
        self.layout_.addWidget(self.filter_box)
        self.layout_.addWidget(self.tree, 1)

    def counties(self):
        return (i for i in _all(self.tree) if not isinstance(i.data(NAME, KEY), tuple))

    def chosen(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(i.data(NAME, KEY) for i in self.counties() if i.checkState(NAME) == CHECKED))

    def set_filter(self, text: str) -> None:
        """Show the counties whose name or place contains `text` (all when it is empty)."""
        text = text.strip()

        def show(item: QTreeWidgetItem, inherited: bool) -> bool:
            match = inherited or not text or text in item.text(NAME)
            visible = False
            for k in range(item.childCount()):
                visible |= show(item.child(k), match)
            if item.childCount() == 0:
                visible = match
            item.setHidden(not visible)
            return visible

        root = self.tree.invisibleRootItem()
        for k in range(root.childCount()):
            show(root.child(k), False)
        self.tree.expandAll()

    def set_checked_place(self, place: tuple) -> None:
        """Tick the counties of an outline place: (province,), (province, prefecture) or
        (province, prefecture, county), None for a level that is not known."""
        place = tuple(place)
        for item in self.counties():
            known = item.data(NAME, PLACE)
            if known is not None and tuple(known)[: len(place)] == place:
                item.setCheckState(NAME, CHECKED)


class YearChecks(_Checks):
    """Years; keys are the years. `chosen()`: the ticked years."""

    def __init__(self, choices: ExportChoices, parent: QWidget | None = None):
        super().__init__("exportYears", parent)
        self.title.setText(tr("Years"))
        self.tree.setRootIsDecorated(False)
        for y in reversed(choices.years):
            _item(self.tree, str(y.year), y.passages, y.year)
        self.tree.itemChanged.connect(lambda _item, column: column == NAME and self.changed.emit())
        self.layout_.addWidget(self.tree, 1)

    def chosen(self) -> tuple[int, ...]:
        return tuple(sorted(i.data(NAME, KEY) for i in _all(self.tree) if i.checkState(NAME) == CHECKED))
