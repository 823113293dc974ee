"""The welcome shown on first start: what to do first (import, tag, compare, export), each step
with its menu path and a button that does it; "don't show this again" is the caller's to keep.

    choice, show_again = WelcomeDialog.ask(window, paths, show_again=True)

`paths` maps each step's action name to the menu path the window shows for it ("文件 ▸ 导入文档…"),
so the words always match the menus. `choice` is the action name of the button pressed (the
window triggers that action) or None.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.ui.i18n import tr

# (action name, step title, what to do, button text)
STEPS: tuple[tuple[str, str, str, str], ...] = (
    (
        "import_files",
        QT_TR_NOOP("1. Import reports"),
        QT_TR_NOOP("Word, PDF, saved web pages or text in any Chinese encoding. Each report's county, "
                   "year and sections are found for you. Start a project of your own with {new} first."),
        QT_TR_NOOP("Import documents…"),
    ),
    (
        "new_theme",
        QT_TR_NOOP("2. Tag passages"),
        QT_TR_NOOP("Open a section in the outline, select a passage and press a theme's key 1–9, or use "
                   "{path}. The codebook on the right holds the themes; add your own."),
        QT_TR_NOOP("New theme…"),
    ),
    (
        "compare",
        QT_TR_NOOP("3. Compare counties"),
        QT_TR_NOOP("The reports side by side, sections about the same work in one row, shared stock "
                   "phrases shaded."),
        QT_TR_NOOP("Comparison view"),
    ),
    (
        "export",
        QT_TR_NOOP("4. Export"),
        QT_TR_NOOP("Tagged passages to Excel, Word, CSV, Markdown, HTML, JSON, or REFI-QDA for MAXQDA, "
                   "ATLAS.ti, NVivo and QualCoder."),
        QT_TR_NOOP("Export…"),
    ),
)
# The menu path each step's text names: the step's own action, except tagging, whose text names
# "tag selection" and whose button adds a theme.
PATH_OF = {"import_files": "import_files", "new_theme": "tag_selection", "compare": "compare", "export": "export"}


class WelcomeDialog(QDialog):
    def __init__(self, parent: QWidget | None, paths: dict[str, str], show_again: bool = True):
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(tr("Welcome to Renda Reader"))
        self.choice: str | None = None
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        heading = QLabel(tr("Welcome to Renda Reader"), objectName="welcomeHeading")
        heading.setStyleSheet("font-size: 17px; font-weight: bold; color: #7f1d1d;")
        layout.addWidget(heading)
        intro = QLabel(
            tr("Renda Reader reads, tags and compares the work reports of county people's congresses. "
               "The first time, it opens a demo project of sample reports: try everything on it. What to do first:")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(12)
        self.buttons: dict[str, QPushButton] = {}
        for row, (name, title, text, button_text) in enumerate(STEPS):
            path = paths.get(PATH_OF[name], "")
            words = tr(text).format(path=f"<b>{path}</b>", new=f"<b>{paths.get('new_project', '')}</b>")
            if "{path}" not in text:
                words += f"<br><span style='color:#4b5563'>{path}</span>"
            label = QLabel(f"<b>{tr(title)}</b><br>{words}")
            label.setObjectName(f"welcome_{name}")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setMinimumWidth(440)
            button = QPushButton(tr(button_text), objectName=f"welcomeButton_{name}")
            button.clicked.connect(lambda _c=False, n=name: self._choose(n))
            self.buttons[name] = button
            grid.addWidget(label, row, 0)
            grid.addWidget(button, row, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(grid)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        more = QLabel(
            tr("{guide} explains everything, with pictures; {welcome} shows this again.").format(
                guide=f"<b>{paths.get('guide', '')}</b>", welcome=f"<b>{paths.get('welcome', '')}</b>"
            )
        )
        more.setWordWrap(True)
        layout.addWidget(more)
        self.dont_show = QCheckBox(tr("Don't show this at start again"), objectName="welcomeDontShow")
        self.dont_show.setChecked(not show_again)
        layout.addWidget(self.dont_show)
        box = QDialogButtonBox()
        self.guide_button = box.addButton(tr("User guide"), QDialogButtonBox.ButtonRole.ActionRole)
        self.guide_button.setObjectName("welcomeButton_guide")
        self.guide_button.clicked.connect(lambda: self._choose("guide"))
        self.close_button = box.addButton(tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setObjectName("welcomeClose")
        self.close_button.setDefault(True)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def _choose(self, name: str) -> None:
        self.choice = name
        self.accept()

    def answer(self) -> tuple[str | None, bool]:
        """(the action chosen or None, whether to show the welcome at start again)."""
        return self.choice, not self.dont_show.isChecked()

    @classmethod
    def ask(cls, parent: QWidget | None, paths: dict[str, str], show_again: bool = True) -> tuple[str | None, bool]:
        dialog = cls(parent, paths, show_again)
        dialog.exec()
        return dialog.answer()
