"""文件 ▸ 合并项目…: what merging a teammate's copy will bring, asked before anything is written.

The dialog shows the plan (reader.core.team.merge.MergePlan): the passages that come in, by coder;
the themes the teammate renamed or moved, each with a choice (onto which of our themes, or added as
a new theme; our theme it seems to be is chosen first); the reports only the copy has, ticked to be
imported with their passages. The answer is the mapping and the documents to import.

    answer = MergeDialog.ask(window, plan, our_theme_paths)
    if answer: apply with plan_merge(project, plan.incoming, answer.mapping), answer.documents
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.store.coders import coder_label
from reader.core.team.merge import MOVED, RENAMED, MergePlan
from reader.ui import i18n
from reader.ui.i18n import tr
from reader.ui.plain import plain_label, plain_tooltip

NEW = "\x00new"  # the combo's value for "add as a new theme"
KEY = Qt.ItemDataRole.UserRole


@dataclass
class MergeAnswer:
    mapping: dict[str, str | None] = field(default_factory=dict)  # their path -> our path (None: new)
    documents: list[str] = field(default_factory=list)  # offered documents to import


def why_text(why: str) -> str:
    if why == RENAMED:
        return tr("renamed")
    if why == MOVED:
        return tr("moved")
    return tr("renamed and moved")


class MergeDialog(QDialog):
    def __init__(self, parent: QWidget | None, plan: MergePlan, ours: list[str]):
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(tr("Merge a project"))
        self.setMinimumWidth(760)
        self.plan = plan
        lang = i18n.message_lang()
        coders = "、".join(f"{coder_label(c, lang)} {n}" for c, n in sorted(plan.by_coder.items()))
        summary = tr("From {name}: {passages} new passage(s) ({coders}); {already} already in this project; "
                     "{themes} new theme(s).").format(name=plan.path.name, passages=plan.passages, coders=coders or "—",
                                                      already=plan.already, themes=len(plan.new_themes))
        self.summary = plain_label(QLabel(summary, objectName="mergeSummary"))
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)

        self.conflicts = QTableWidget(len(plan.conflicts), 3, objectName="mergeConflicts")
        self.conflicts.setHorizontalHeaderLabels([tr("Teammate's theme"), tr("Seems to be"), tr("Merge it")])
        self.conflicts.verticalHeader().hide()
        self.conflicts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflicts.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.choices: list[QComboBox] = []
        for row, c in enumerate(plan.conflicts):
            self.conflicts.setItem(row, 0, QTableWidgetItem(c.theirs))
            self.conflicts.setItem(row, 1, QTableWidgetItem(f"{c.ours}（{why_text(c.why)}）"))
            box = QComboBox(objectName=f"mergeChoice{row}")
            box.addItem(tr("onto {theme}").format(theme=c.ours), c.ours)
            box.addItem(tr("as a new theme"), NEW)
            for path in ours:
                if path != c.ours:
                    box.addItem(tr("onto {theme}").format(theme=path), path)
            self.conflicts.setCellWidget(row, 2, box)
            self.choices.append(box)
        self.conflicts.resizeColumnsToContents()
        rows = max(1, min(len(plan.conflicts), 8))
        self.conflicts.setFixedHeight(self.conflicts.horizontalHeader().sizeHint().height()
                                      + rows * self.conflicts.verticalHeader().defaultSectionSize() + 4)
        conflict_group = QGroupBox(tr("Themes the teammate renamed or moved"), objectName="mergeConflictGroup")
        conflict_layout = QVBoxLayout(conflict_group)
        hint = QLabel(tr("Choose where each one goes before the merge. The choice is remembered for the next copy "
                         "of this teammate."))
        hint.setWordWrap(True)
        conflict_layout.addWidget(hint)
        conflict_layout.addWidget(self.conflicts)
        conflict_group.setVisible(bool(plan.conflicts))
        conflict_group.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(conflict_group)

        self.offered = QTreeWidget(objectName="mergeOffered")
        self.offered.setColumnCount(2)
        self.offered.setHeaderLabels([tr("Report"), tr("Passages")])
        self.offered.setRootIsDecorated(False)
        self.offered.header().setStretchLastSection(False)
        self.offered.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.offered.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for o in plan.offered:
            reports = "；".join(" ".join(str(x) for x in (county, year, title) if x) for title, county, year in o.reports)
            item = QTreeWidgetItem(self.offered, [f"{reports}（{o.name}）" if reports else o.name, str(o.passages)])
            item.setToolTip(0, plain_tooltip(o.name))
            item.setData(0, KEY, o.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked)
        offered_group = QGroupBox(tr("Reports only the copy has"), objectName="mergeOfferedGroup")
        offered_layout = QVBoxLayout(offered_group)
        offered_hint = QLabel(tr("Ticked reports are imported with their passages; the others are left out."))
        offered_hint.setWordWrap(True)
        offered_layout.addWidget(offered_hint)
        offered_layout.addWidget(self.offered)
        offered_group.setVisible(bool(plan.offered))
        self.offered.setMinimumHeight(120 if plan.offered else 0)
        layout.addWidget(offered_group, 1)

        notes = []
        if plan.differing:
            notes.append(tr("{n} report(s) of the copy have a text that differs from ours (cleaned by other rules?): "
                            "their passages are left out.").format(n=plan.differing))
        notes.append(tr("The project is backed up first. The merge is not on the Undo list: to take it back, restore "
                        "that backup (File ▸ Restore…)."))
        self.note = plain_label(QLabel("\n".join(notes), objectName="mergeNote"))
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #4b5563;")
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Merge"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if not plan.offered:
            layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.adjustSize()

    def answer(self) -> MergeAnswer:
        out = MergeAnswer(dict(self.plan.mapping))
        for c, box in zip(self.plan.conflicts, self.choices, strict=True):
            value = box.currentData()
            out.mapping[c.theirs] = None if value == NEW else value
        for i in range(self.offered.topLevelItemCount()):
            item = self.offered.topLevelItem(i)
            if item.checkState(0) == Qt.CheckState.Checked:
                out.documents.append(item.data(0, KEY))
        return out

    @classmethod
    def ask(cls, parent: QWidget | None, plan: MergePlan, ours: list[str]) -> MergeAnswer | None:
        dialog = cls(parent, plan, ours)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.answer()
