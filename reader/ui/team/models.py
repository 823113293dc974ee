"""The agreement window's tables: the figures per pair of coders and theme (with the rows over all
themes, and Fleiss' κ for more than two coders), and the disagreements of one pair."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TR_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from reader.core.messages import kappa_reading
from reader.core.store.coders import coder_label
from reader.core.team.agreement import Agreement, Fleiss, Segments, Table, reading
from reader.core.team.disagreements import BOUNDARIES, ONLY_A, Cluster, Review
from reader.ui import i18n
from reader.ui.i18n import tr
from reader.ui.models import NO_INDEX

Index = QModelIndex | QPersistentModelIndex
CODERS, THEME, CHARS, CHARS_KAPPA, CHARS_READING, REPORTS, REPORTS_KAPPA, REPORTS_READING, SEGMENTS = range(9)
READING_COLOURS = {"weak": "#fde2e2", "moderate": "#fdf0d5", "substantial": "#e3f1e0", "almost perfect": "#cfe8cb"}


@dataclass
class FigureRow:
    coders: str
    theme: str  # '' over all themes
    characters: Table | Fleiss
    reports: Table | Fleiss
    segments: Segments | None  # None for Fleiss rows


def figure_rows(result: Agreement, lang: str) -> list[FigureRow]:
    rows = []
    for pair in result.pairs:
        names = " × ".join(coder_label(c, lang) for c in pair.coders)
        for f in [*pair.themes, pair.overall]:
            rows.append(FigureRow(names, f.theme, f.characters, f.reports, f.segments))
    if result.group_overall is not None:
        names = tr("All {n} (Fleiss' κ)").format(n=len(result.coders))
        for g in [*result.group, result.group_overall]:
            rows.append(FigureRow(names, g.theme, g.characters, g.reports, None))
    return rows


def percent(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def kappa_text(value: float | None) -> str:
    """κ with three decimals; an undefined κ as a dash (its reading says why)."""
    return "—" if value is None else f"{value:.3f}"


class FiguresModel(QAbstractTableModel):
    HEADERS = (QT_TR_NOOP("Coders"), QT_TR_NOOP("Theme"), QT_TR_NOOP("Characters"), "κ", QT_TR_NOOP("Reading"),
               QT_TR_NOOP("Reports"), "κ", QT_TR_NOOP("Reading"), QT_TR_NOOP("Segments"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[FigureRow] = []

    def set_result(self, result: Agreement | None) -> None:
        self.beginResetModel()
        self.rows = figure_rows(result, i18n.message_lang()) if result is not None else []
        self.endResetModel()

    def rowCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        r, col = self.rows[index.row()], index.column()
        lang = i18n.message_lang()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, col, lang)
        if role == Qt.ItemDataRole.FontRole and not r.theme:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and col in (CHARS_READING, REPORTS_READING):
            word = reading((r.characters if col == CHARS_READING else r.reports).kappa)
            return QColor(READING_COLOURS[word]) if word in READING_COLOURS else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col not in (CODERS, THEME):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(r, col)
        return None

    def _text(self, r: FigureRow, col: int, lang: str) -> str:
        if col == CODERS:
            return r.coders
        if col == THEME:
            return r.theme or tr("(all themes)")
        table = r.characters if col in (CHARS, CHARS_KAPPA, CHARS_READING) else r.reports
        if col in (CHARS, REPORTS):
            return percent(table.agreement)
        if col in (CHARS_KAPPA, REPORTS_KAPPA):
            return kappa_text(table.kappa)
        if col in (CHARS_READING, REPORTS_READING):
            return kappa_reading(reading(table.kappa), lang)
        if r.segments is None or r.segments.percent is None:
            return "—"
        return f"{r.segments.percent:.1f}%"

    def _tip(self, r: FigureRow, col: int) -> str | None:
        if col in (CHARS, CHARS_KAPPA, REPORTS, REPORTS_KAPPA) and isinstance(r.characters, Table):
            t = r.characters if col in (CHARS, CHARS_KAPPA) else r.reports
            unit = tr("characters") if col in (CHARS, CHARS_KAPPA) else tr("reports")
            return tr("Both: {both} · only A: {a} · only B: {b} · neither: {n} ({unit})").format(
                both=t.both, a=t.only_a, b=t.only_b, n=t.neither, unit=unit)
        if col == SEGMENTS and r.segments is not None:
            s = r.segments
            return tr("A's segments matched: {ma} of {ta} · B's: {mb} of {tb}").format(
                ma=s.matched_a, ta=s.total_a, mb=s.matched_b, tb=s.total_b)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section]) if self.HEADERS[section] != "κ" else "κ"
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return {CHARS: tr("Agreement on every character of the reports (coded or not)"),
                    REPORTS: tr("Agreement on whether each report was coded with the theme"),
                    SEGMENTS: tr("Passages matched by the other coder (overlap of at least the chosen per cent)"),
                    }.get(section)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.HEADERS) - 1))


REPORT, D_THEME, KIND, SETTLED = range(4)
CHOICE_TEXTS = {"a": QT_TR_NOOP("A's version"), "b": QT_TR_NOOP("B's version"), "both": QT_TR_NOOP("Both"),
                "neither": QT_TR_NOOP("Neither")}


def kind_text(kind: str) -> str:
    if kind == ONLY_A:
        return tr("only A coded it")
    if kind == BOUNDARIES:
        return tr("different extent")
    return tr("only B coded it")


class DisagreementModel(QAbstractTableModel):
    HEADERS = (QT_TR_NOOP("Report"), QT_TR_NOOP("Theme"), QT_TR_NOOP("Kind"), QT_TR_NOOP("Settled"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.review: Review | None = None
        self.clusters: list[Cluster] = []
        self.labels: dict[int, str] = {}  # unit id -> how the report is named

    def set_review(self, review: Review | None, labels: dict[int, str]) -> None:
        self.beginResetModel()
        self.review = review
        self.clusters = list(review.disagreements) if review else []
        self.labels = labels
        self.endResetModel()

    def set_decisions(self, decisions: dict) -> None:
        if self.review is None:
            return
        self.review.decisions = decisions
        if self.clusters:
            self.dataChanged.emit(self.index(0, SETTLED), self.index(len(self.clusters) - 1, SETTLED))

    def cluster(self, row: int) -> Cluster | None:
        return self.clusters[row] if 0 <= row < len(self.clusters) else None

    def rowCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.clusters)

    def columnCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        c = self.cluster(index.row()) if index.isValid() else None
        if c is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == REPORT:
                return f"{self.labels.get(c.unit_id, str(c.unit_id))} · {c.start}–{c.end}"
            if col == D_THEME:
                return c.theme
            if col == KIND:
                return kind_text(c.kind)
            choice = self.review.decision(c) if self.review else None
            return tr(CHOICE_TEXTS[choice]) if choice in CHOICE_TEXTS else ""
        if role == Qt.ItemDataRole.ForegroundRole and col == SETTLED:
            return QColor("#15803d")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)
        if self.clusters:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.clusters) - 1, len(self.HEADERS) - 1))
