"""视图 ▸ 编码一致性: a window of its own for intercoder agreement. On the left the coders to compare
and the overlap a segment needs; on the right the figures per theme (with their usual reading) and
the disagreements of a pair: choosing one shows both coders' versions side by side, and the lead
accepts A's, B's, both or neither, written under the settled coder's name as undoable steps on the
main window's undo stack. The table and the list export to XLSX or CSV.

It shows what it is given and emits intentions; the main window (reader.ui.team.controller) reads
the project, measures in the background and makes the changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.core.store.coders import MAX_NAME, Coder, coder_label
from reader.core.team.agreement import DEFAULT_MIN_OVERLAP, Agreement
from reader.core.team.disagreements import ACCEPT_A, ACCEPT_B, BOTH, DEFAULT_SETTLED, NEITHER, Cluster, Review
from reader.ui import i18n
from reader.ui.i18n import tr
from reader.ui.plain import plain_label
from reader.ui.team.models import DisagreementModel, FiguresModel
from reader.ui.team.sidebyside import SideBySide

WINDOW_SIZE = (1240, 820)
NAME_ROLE = Qt.ItemDataRole.UserRole


def _table(model, name: str) -> QTableView:
    view = QTableView(objectName=name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    return view


class AgreementWindow(QMainWindow):
    measureRequested = Signal()
    exportRequested = Signal()
    settleRequested = Signal(object, str)  # a Cluster, a choice (reader.core.team.disagreements)
    agreementsRequested = Signal()  # accept where the two coders agree
    openRequested = Signal(int, int, int)  # unit id, start, end: show it in the reading window

    def __init__(self, parent: QMainWindow):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("agreementWindow")
        self.main = parent
        self.result: Agreement | None = None
        self.reviews: dict[tuple[str, str], Review] = {}
        self.text_of: Callable[[int], str] = lambda _unit: ""
        self.colour_of: Callable[[int], str] = lambda _theme: "#f59e0b"

        self.coders_label = QLabel()
        self.coder_list = QListWidget(objectName="agreementCoders")
        self.coder_list.itemChanged.connect(lambda _item: self._update_buttons())
        self.overlap = QSpinBox(objectName="agreementOverlap")
        self.overlap.setRange(1, 100)
        self.overlap.setValue(DEFAULT_MIN_OVERLAP)
        self.overlap.setSuffix(" %")
        self.overlap_label = QLabel()
        self.measure_button = QPushButton(objectName="agreementMeasure")
        self.measure_button.setDefault(True)
        self.measure_button.clicked.connect(self.measureRequested)
        self.export_button = QPushButton(objectName="agreementExport")
        self.export_button.clicked.connect(self.exportRequested)
        self.scope_note = plain_label(QLabel(objectName="agreementScope"))
        self.scope_note.setWordWrap(True)
        self.scope_note.setStyleSheet("color: #4b5563;")
        left = QWidget(objectName="agreementControls")
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.coders_label)
        left_layout.addWidget(self.coder_list, 1)
        form = QFormLayout()
        form.addRow(self.overlap_label, self.overlap)
        left_layout.addLayout(form)
        left_layout.addWidget(self.measure_button)
        left_layout.addWidget(self.export_button)
        left_layout.addWidget(self.scope_note)

        self.figures = FiguresModel(self)
        self.figures_view = _table(self.figures, "agreementFigures")
        header = self.figures_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        self.pair_box = QComboBox(objectName="agreementPair")
        self.pair_box.currentIndexChanged.connect(lambda _i: self._show_pair())
        self.count_label = plain_label(QLabel(objectName="disagreementCount"))
        self.disagreements = DisagreementModel(self)
        self.list_view = _table(self.disagreements, "disagreementList")
        list_header = self.list_view.horizontalHeader()
        list_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        list_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._cluster_chosen())
        self.side = SideBySide()
        self.settled_label = QLabel()
        self.settled_edit = QLineEdit(DEFAULT_SETTLED, objectName="settledCoder")
        self.settled_edit.setMaxLength(MAX_NAME)
        self.settled_edit.setMaximumWidth(160)
        self.settled_edit.textChanged.connect(lambda _t: self._update_buttons())
        self.choice_buttons: dict[str, QPushButton] = {}
        for choice in (ACCEPT_A, ACCEPT_B, BOTH, NEITHER):
            button = QPushButton(objectName=f"settle_{choice}")
            button.clicked.connect(lambda _c=False, ch=choice: self._settle(ch))
            self.choice_buttons[choice] = button
        self.choice_buttons[ACCEPT_A].setShortcut(QKeySequence("Ctrl+1"))
        self.choice_buttons[ACCEPT_B].setShortcut(QKeySequence("Ctrl+2"))
        self.agree_button = QPushButton(objectName="acceptAgreements")
        self.agree_button.clicked.connect(self.agreementsRequested)
        self.open_button = QPushButton(objectName="openDisagreement")
        self.open_button.clicked.connect(self._open)
        top = QHBoxLayout()
        top.addWidget(self.pair_box)
        top.addWidget(self.count_label, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.settled_label)
        buttons.addWidget(self.settled_edit)
        for choice in (ACCEPT_A, ACCEPT_B, BOTH, NEITHER):
            buttons.addWidget(self.choice_buttons[choice])
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.agree_button)
        review = QWidget(objectName="agreementReview")
        review_layout = QVBoxLayout(review)
        review_layout.addLayout(top)
        split = QSplitter(Qt.Orientation.Vertical, objectName="agreementSplit")
        split.addWidget(self.list_view)
        split.addWidget(self.side)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        review_layout.addWidget(split, 1)
        review_layout.addLayout(buttons)

        self.tabs = QTabWidget(objectName="agreementTabs")
        self.tabs.addTab(self.figures_view, "")
        self.tabs.addTab(review, "")
        body = QSplitter(Qt.Orientation.Horizontal, objectName="agreementBody")
        body.addWidget(left)
        body.addWidget(self.tabs)
        body.setStretchFactor(1, 1)
        body.setSizes([240, WINDOW_SIZE[0] - 240])
        self.setCentralWidget(body)
        parent.installEventFilter(self)
        self.resize(*WINDOW_SIZE)
        self.retranslate()
        self._update_buttons()

    # == what it shows =================================================================================
    @property
    def closed(self) -> bool:
        """The main window closed: background work must not call back (reader.ui.ops)."""
        return bool(getattr(self.main, "closed", False))

    def set_coders(self, coders: list[Coder], chosen: list[str]) -> None:
        """The project's coders to tick (those of `chosen` ticked)."""
        self.coder_list.blockSignals(True)
        self.coder_list.clear()
        lang = i18n.message_lang()
        for c in coders:
            item = QListWidgetItem(f"{coder_label(c.name, lang)}  ({c.passages})")
            item.setData(NAME_ROLE, c.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if c.name in chosen else Qt.CheckState.Unchecked)
            self.coder_list.addItem(item)
        self.coder_list.blockSignals(False)
        self._update_buttons()

    def chosen_coders(self) -> list[str]:
        return [self.coder_list.item(i).data(NAME_ROLE) for i in range(self.coder_list.count())
                if self.coder_list.item(i).checkState() == Qt.CheckState.Checked]

    def min_overlap(self) -> int:
        return self.overlap.value()

    def settled_coder(self) -> str:
        return self.settled_edit.text().strip()

    def set_busy(self) -> None:
        self.statusBar().showMessage(tr("Measuring…"))
        self.measure_button.setEnabled(False)

    def set_result(self, result: Agreement | None, reviews: dict[tuple[str, str], Review], labels: dict[int, str]) -> None:
        self.result = result
        self.reviews = reviews
        self.labels = labels
        self.figures.set_result(result)
        self.pair_box.blockSignals(True)
        self.pair_box.clear()
        lang = i18n.message_lang()
        for pair in reviews:
            self.pair_box.addItem(" × ".join(coder_label(c, lang) for c in pair), pair)
        self.pair_box.blockSignals(False)
        self.pair_box.setVisible(len(reviews) > 1)
        self._show_pair()
        self.describe()
        self.statusBar().clearMessage()
        self._update_buttons()

    def set_decisions(self, decisions: dict) -> None:
        for review in self.reviews.values():
            review.decisions = decisions
        self.disagreements.set_decisions(decisions)

    def current_pair(self) -> tuple[str, str] | None:
        return self.pair_box.currentData() if self.pair_box.count() else None

    def current_review(self) -> Review | None:
        pair = self.current_pair()
        return self.reviews.get(pair) if pair else None

    def current_cluster(self) -> Cluster | None:
        index = self.list_view.currentIndex()
        return self.disagreements.cluster(index.row()) if index.isValid() else None

    def select_next(self) -> None:
        """After a decision: the next disagreement (the review goes on from there)."""
        row = self.list_view.currentIndex().row()
        if 0 <= row < self.disagreements.rowCount() - 1:
            self.list_view.selectRow(row + 1)

    def _show_pair(self) -> None:
        review = self.current_review()
        self.disagreements.set_review(review, getattr(self, "labels", {}))
        self.side.clear(tr("Choose a disagreement above to see both coders' versions side by side.")
                        if review and review.disagreements else "")
        if review is not None and review.disagreements:
            self.list_view.selectRow(0)
        self.describe()
        self._update_buttons()

    def _cluster_chosen(self) -> None:
        cluster = self.current_cluster()
        if cluster is None:
            return
        lang = i18n.message_lang()
        a, b = (coder_label(c, lang) for c in cluster.coders)
        self.side.show_cluster(cluster, self.text_of(cluster.unit_id), (f"A · {a}", f"B · {b}"),
                               self.colour_of(cluster.theme_id))
        self._update_buttons()

    def _settle(self, choice: str) -> None:
        cluster = self.current_cluster()
        if cluster is not None:
            self.settleRequested.emit(cluster, choice)

    def _open(self) -> None:
        cluster = self.current_cluster()
        if cluster is not None:
            self.openRequested.emit(cluster.unit_id, cluster.start, cluster.end)

    def _update_buttons(self) -> None:
        enough = len(self.chosen_coders()) >= 2
        self.measure_button.setEnabled(enough)
        self.export_button.setEnabled(self.result is not None)
        named = bool(self.settled_coder())
        chosen = self.current_cluster() is not None
        for button in self.choice_buttons.values():
            button.setEnabled(chosen and named)
        self.open_button.setEnabled(chosen)
        review = self.current_review()
        self.agree_button.setEnabled(named and review is not None and bool(review.agreements))

    def describe(self) -> None:
        review = self.current_review()
        if self.result is None:
            self.count_label.setText(tr("Tick two or more coders and choose Measure."))
            self.scope_note.setText(tr("Measured on the reports every ticked coder has tagged, and the themes they "
                                       "used there."))
            return
        self.scope_note.setText(tr("{n} report(s): those every ticked coder has tagged. A segment matches when the "
                                   "other coder's overlaps it by {p} % of the longer.").format(
            n=len(self.result.units), p=self.result.min_overlap))
        if review is not None:
            settled = sum(1 for c in review.disagreements if review.decision(c))
            self.count_label.setText(tr("{n} disagreement(s), {s} settled; {k} agreement(s).").format(
                n=len(review.disagreements), s=settled, k=len(review.agreements)))
        if review is not None:
            self.agree_button.setText(tr("Accept where they agree ({n})").format(n=len(review.agreements)))

    def status(self, text: str, ms: int = 6000) -> None:
        self.statusBar().showMessage(text, ms)

    # == window ========================================================================================
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.main and event.type() == QEvent.Type.Close:
            self.close()
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "side"):
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        project = getattr(getattr(self.main, "project", None), "path", None)
        self.setWindowTitle(tr("Coder agreement") + (f" — {project.stem}" if project else ""))
        self.coders_label.setText(tr("Coders to compare:"))
        self.overlap_label.setText(tr("A segment matches at"))
        self.overlap.setToolTip(tr("The overlap two coders' passages of a theme need, in per cent of the longer one "
                                   "(MAXQDA's rule; 90 by default)"))
        self.measure_button.setText(tr("Measure"))
        self.export_button.setText(tr("Export…"))
        self.export_button.setToolTip(tr("Write the table and the disagreements to Excel or CSV"))
        self.tabs.setTabText(0, tr("By theme"))
        self.tabs.setTabText(1, tr("Disagreements"))
        self.settled_label.setText(tr("Settle as:"))
        self.settled_edit.setToolTip(tr("The coder name the settled coding is written under"))
        self.choice_buttons[ACCEPT_A].setText(tr("Accept A"))
        self.choice_buttons[ACCEPT_B].setText(tr("Accept B"))
        self.choice_buttons[BOTH].setText(tr("Both"))
        self.choice_buttons[NEITHER].setText(tr("Neither"))
        self.open_button.setText(tr("Show in the text"))
        self.agree_button.setToolTip(tr("Copy every passage both coders agree on into the settled coding"))
        self.agree_button.setText(tr("Accept where they agree"))
        self.figures.retranslate()
        self.disagreements.retranslate()
        self.describe()
