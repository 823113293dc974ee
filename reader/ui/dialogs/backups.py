"""Choosing a backup to restore (File ▸ 恢复…): the project's backups, newest first, with their date,
size and why they were made. The restore itself is confirmed and done by the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.messages import backup_reason
from reader.core.store.backups import Backup, list_backups, size_text
from reader.ui import i18n
from reader.ui.i18n import tr
from reader.ui.plain import plain_label


class RestoreDialog(QDialog):
    def __init__(self, parent: QWidget | None, project_path: str | Path):
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(tr("Restore a backup"))
        self.setMinimumWidth(560)
        self.project_path = Path(project_path)
        self.backups = list_backups(self.project_path)
        layout = QVBoxLayout(self)
        if self.backups:
            about = tr("Backups of {name}, newest first. The project as it is now is backed up before it is "
                       "replaced, so a restore can be undone the same way.").format(name=self.project_path.name)
        else:
            about = tr("There are no backups of {name} yet. One is made each day the project is opened, "
                       "before an upgrade, and with File ▸ Back up.").format(name=self.project_path.name)
        self.about = plain_label(QLabel(about, objectName="restoreAbout"))  # the project's name as typed
        self.about.setWordWrap(True)
        layout.addWidget(self.about)
        self.tree = QTreeWidget(objectName="backupList")
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels([tr("Made"), tr("Size"), tr("Why"), tr("File")])
        for b in self.backups:
            item = QTreeWidgetItem([b.created.strftime("%Y-%m-%d %H:%M"), size_text(b.size), backup_reason(b.reason, i18n.message_lang()), b.name])
            item.setData(0, Qt.ItemDataRole.UserRole, b)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.tree.addTopLevelItem(item)
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self.tree.setVisible(bool(self.backups))
        layout.addWidget(self.tree)
        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton(tr("Restore…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.tree.itemSelectionChanged.connect(self._check)
        self.tree.itemDoubleClicked.connect(lambda *_: self.accept())
        layout.addWidget(self.buttons)
        if self.backups:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._check()

    def chosen(self) -> Backup | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None and item.isSelected() else None

    def _check(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)

    @classmethod
    def ask(cls, parent: QWidget | None, project_path: str | Path) -> Backup | None:
        dialog = cls(parent, project_path)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()
