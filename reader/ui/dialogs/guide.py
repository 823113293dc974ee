"""帮助 ▸ 使用说明: the user guide shipped with the program (resources/guide/<lang>/index.html, with
its screenshots beside it), read in a window of its own inside the program. Plain: only the shipped
HTML and images are shown, nothing is fetched; a web link opens in the system browser.

    GuideDialog.present(window, "zh_CN")     # tests patch this
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from reader.resources import resource_path
from reader.ui import i18n
from reader.ui.i18n import tr

GUIDE_LANGS = (i18n.ZH, i18n.EN)
SIZE = (900, 760)


def guide_path(lang: str) -> Path:
    """The guide's first page in `lang` (zh_CN or en; Chinese for any other)."""
    return resource_path("guide", lang if lang in GUIDE_LANGS else i18n.ZH, "index.html")


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None, lang: str):
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.resize(*SIZE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        self.browser = QTextBrowser(objectName="guideBrowser")
        self.browser.setOpenLinks(False)  # links are followed in anchor_clicked: local ones only
        self.browser.document().setDocumentMargin(14)
        self.browser.anchorClicked.connect(self.anchor_clicked)
        layout.addWidget(self.browser)
        box = QDialogButtonBox()
        self.close_button = box.addButton(tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        box.rejected.connect(self.close)
        box.setContentsMargins(0, 0, 8, 0)
        layout.addWidget(box)
        self.lang = ""
        self.show_language(lang)

    def show_language(self, lang: str) -> None:
        self.lang = lang
        self.setWindowTitle(tr("User guide"))
        self.close_button.setText(tr("Close"))
        self.browser.setSource(QUrl.fromLocalFile(str(guide_path(lang))))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.lang and self.lang != i18n.current():
            self.show_language(i18n.current())  # the window switched language: follow it
        super().changeEvent(event)

    def anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        url = self.browser.source().resolved(url)  # "#export", "../en/index.html": from this page
        if url.isLocalFile() and Path(url.toLocalFile()).is_file():
            self.browser.setSource(url)

    def source(self) -> Path:
        """The page shown (without its #anchor)."""
        return Path(self.browser.source().toLocalFile())

    @classmethod
    def present(cls, parent: QWidget | None, lang: str, current: GuideDialog | None = None) -> GuideDialog:
        """Show the guide in `lang` (reusing `current`, the window's open guide, if any); not modal,
        so the user can read it and work at once."""
        dialog = current if current is not None else cls(parent, lang)
        if dialog.lang != lang:
            dialog.show_language(lang)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog
