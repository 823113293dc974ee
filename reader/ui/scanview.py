"""Checking a text read by OCR against its page: the page image beside the text, the line at the
cursor framed on it, the characters OCR was unsure of marked in the text, and a line's correction.

Installed on the main window (ScanController): a dock on the right of the text shows the page of
the line at the text cursor, scaled to the dock's width and scrolled to the line, which is framed;
above it, the line itself at full size; it shows itself when a report read by OCR is opened and
hides for the others. The text pane marks
low-confidence characters (reader.core.ingest.ocr_check.UnitScan.low_spans) and its context menu offers
to correct the line under the pointer; 编辑 ▸ 更正识别的行… (Ctrl+L) does the same for the line at
the cursor. The dialog shows the line's picture above its text; the correction is one undoable
step (reader.core.ingest.ocr_check.correct_line: a new cleaned text, passages found again). Because a
correction moves the text after it, the undo history before it is cleared, as a re-cleaning does.

While an import reads a scan, a second dock (ReadingPanel) shows its text page by page as OCR
reads it: the report can be read from its first page on, before the rest is read and the whole is
stored (in one transaction, as every document is: a cancel or a failure leaves nothing of it).
When the import ends, the report opens in the text pane, stored and ready to tag, and the dock
closes.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QImage, QPainter, QPen, QPixmap, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reader.core.ingest.ocr_check import LineCorrection, UnitScan, correct_line, unit_scan
from reader.core.store import ocr_pages
from reader.ui.changes import Changes
from reader.ui.commands import Command
from reader.ui.i18n import tr
from reader.ui.plain import plain_label

FRAME_COLOUR = "#d35400"
DOCK_WIDTH = 400
CACHE = 6  # decoded pages kept


class ScanPanel(QWidget):
    """The page image with the current line framed. Emits the user's intention to correct it."""

    correctRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scanPanel")
        self.caption = plain_label(QLabel(objectName="scanCaption"))
        self.caption.setWordWrap(True)
        self.correct_button = QPushButton(objectName="correctLine")
        self.correct_button.clicked.connect(self.correctRequested.emit)
        self.line_picture = QLabel(objectName="linePicture")  # the current line at full size
        self.line_picture.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.line_picture.setStyleSheet("QLabel#linePicture { background: white; border: 1px solid #d35400; }")
        self.image = QLabel(objectName="pageImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea(objectName="pageScroll")
        self.scroll.setWidget(self.image)
        self.scroll.setWidgetResizable(True)
        self.scroll.setStyleSheet("QScrollArea#pageScroll { background: #6b6b6b; border: none; }")
        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addWidget(self.correct_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.line_picture)
        layout.addWidget(self.scroll, 1)
        self.page: QPixmap | None = None
        self.box: tuple[int, int, int, int] | None = None
        self.caption_text = ""
        self.retranslate()

    def show_page(self, page: QPixmap, box: tuple[int, int, int, int] | None, caption: str) -> None:
        self.page, self.box, self.caption_text = page, box, caption
        self.correct_button.setEnabled(box is not None)
        self._draw()
        self.retranslate()

    def clear(self) -> None:
        self.page, self.box, self.caption_text = None, None, ""
        self.image.clear()
        self.line_picture.clear()
        self.line_picture.hide()
        self.correct_button.setEnabled(False)
        self.retranslate()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.page is not None:
            QTimer.singleShot(0, self._draw)

    def scale(self) -> float:
        if self.page is None or self.page.width() == 0:
            return 1.0
        return max(0.05, (self.scroll.viewport().width() - 4) / self.page.width())

    def _draw(self) -> None:
        if self.page is None:
            return
        k = self.scale()
        shown = self.page.scaledToWidth(max(1, round(self.page.width() * k)), Qt.TransformationMode.SmoothTransformation)
        if self.box is not None:
            painter = QPainter(shown)
            pen = QPen(QColor(FRAME_COLOUR))
            pen.setWidth(2)
            painter.setPen(pen)
            x0, y0, x1, y1 = (round(v * k) for v in self.box)
            painter.drawRect(QRect(x0 - 3, y0 - 3, x1 - x0 + 6, y1 - y0 + 6))
            painter.end()
        self.image.setPixmap(shown)
        self.line_picture.setVisible(self.box is not None)
        if self.box is not None:
            line = line_crop(self.page, self.box)
            room = max(50, self.width() - 12)
            if line.width() > room:
                line = line.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)
            self.line_picture.setPixmap(line)
        if self.box is not None:
            x0, y0, x1, y1 = (round(v * k) for v in self.box)
            self.scroll.ensureVisible((x0 + x1) // 2, (y0 + y1) // 2, 40, max(60, self.scroll.viewport().height() // 3))

    def retranslate(self) -> None:
        self.correct_button.setText(tr("Correct line…"))
        self.caption.setText(self.caption_text or tr("The page image of a report read by OCR shows here."))
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget):
            dock.setWindowTitle(tr("Page image"))
        action = getattr(self, "action", None)
        if action is not None:
            action.setText(tr("Correct the OCR &line…"))


def line_crop(page: QPixmap, box: tuple[int, int, int, int]) -> QPixmap:
    """A line's picture with a margin around it."""
    x0, y0, x1, y1 = box
    pad = max(4, (y1 - y0) // 4)
    return page.copy(QRect(x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad))


class LineDialog(QDialog):
    """The line's picture above its text, to correct it."""

    def __init__(self, parent: QWidget | None, picture: QPixmap, text: str):
        super().__init__(parent)
        self.setObjectName("lineDialog")
        self.setWindowTitle(tr("Correct the OCR line"))
        hint = plain_label(QLabel(tr("Type the line as it is printed. The text is cleaned again and your "
                                     "passages are found again; Undo takes the correction back.")))
        hint.setWordWrap(True)
        self.picture = QLabel(objectName="linePicture")
        self.picture.setPixmap(picture)
        self.picture.setStyleSheet("background: white; padding: 4px;")
        self.edit = QLineEdit(text, objectName="lineText")
        self.edit.setMinimumWidth(min(900, max(420, picture.width())))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.picture)
        layout.addWidget(self.edit)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, picture: QPixmap, text: str) -> str | None:
        dialog = cls(parent, picture, text)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.edit.text()


class CorrectLine(Command):
    def __init__(self, ctx, document_id: int, line: int, text: str, unit_ids: set[int]):
        super().__init__(ctx, tr("Correct OCR line"))
        self.document_id, self.line, self.text, self.unit_ids = document_id, line, text, unit_ids
        self.before: str | None = None

    def _changes(self) -> Changes:
        return Changes(passages=True, outline=True, units=set(self.unit_ids))

    def first(self) -> Changes:
        result: LineCorrection = correct_line(self.project, self.document_id, self.line, self.text)
        self.before = result.before
        return self._changes()

    def undo_changes(self) -> Changes:
        correct_line(self.project, self.document_id, self.line, self.before or "")
        return self._changes()

    def redo_changes(self) -> Changes:
        correct_line(self.project, self.document_id, self.line, self.text)
        return self._changes()


class ReadingPanel(QWidget):
    """The text of a scan being read, page by page as OCR reads it (before the report is stored)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("readingPanel")
        self.caption = plain_label(QLabel(objectName="readingCaption"))
        self.caption.setWordWrap(True)
        self.text = QPlainTextEdit(objectName="readingText")
        self.text.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.caption)
        layout.addWidget(self.text, 1)
        self.name: str | None = None
        self.page = self.pages = 0
        self.retranslate()

    def add_page(self, name: str, page: int, pages: int, text: str) -> None:
        if name != self.name:
            self.text.clear()
            self.name = name
        self.page, self.pages = page, pages
        bar = self.text.verticalScrollBar()
        at = bar.value()  # where the user reads: the pages that come after do not move it
        self.text.appendPlainText(tr("— page {page} —").format(page=page))
        self.text.appendPlainText(text.strip() or tr("(nothing read on this page)"))
        bar.setValue(at)
        if page == 1:  # the first page is read from its top
            self.text.moveCursor(QTextCursor.MoveOperation.Start)
        self.retranslate()

    def clear(self) -> None:
        self.name, self.page, self.pages = None, 0, 0
        self.text.clear()
        self.retranslate()

    def retranslate(self) -> None:
        if self.name is None:
            self.caption.setText(tr("The text of a scan shows here page by page while it is read."))
        else:
            self.caption.setText(tr("Reading {name}: page {page} of {pages}. The report is stored, to tag "
                                    "and compare, when every page is read.").format(
                name=self.name, page=self.page, pages=self.pages))
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget):
            dock.setWindowTitle(tr("Scan being read"))


class ScanController(QObject):
    """Installed on the main window: the page dock, the marks in the text and the correction; the
    text of a scan while an import reads it."""

    pageRead = Signal(str, int, int, str)  # (file, page, pages, text): emitted from the import's thread

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.panel = ScanPanel()
        self.dock = QDockWidget(objectName="scanDock")
        self.dock.setWidget(self.panel)
        window.add_dock(self.dock, Qt.DockWidgetArea.RightDockWidgetArea)
        window.splitDockWidget(self.dock, window.right_dock, Qt.Orientation.Horizontal)  # next to the text
        self.dock.hide()
        self.action = QAction(window)
        self.action.setShortcut("Ctrl+L")
        self.panel.action = self.action
        window.add_action("edit", self.action, name="correct_line")
        self.action.triggered.connect(lambda _checked=False: self.correct_at_cursor())
        self.action.setEnabled(False)
        self.scan: UnitScan | None = None
        self.unit_id: int | None = None
        self.line: int | None = None
        self.pages: dict[tuple[int, int], QPixmap] = {}
        self.timer = QTimer(self, singleShot=True, interval=40)
        self.timer.timeout.connect(self.follow_cursor)
        pane = window.text_pane
        pane.contentShown.connect(self.content_shown)
        pane.cursorPositionChanged.connect(self.timer.start)
        pane.correctLineRequested.connect(self.correct_at)
        self.panel.correctRequested.connect(self.correct_at_cursor)
        window.projectChanged.connect(lambda _project: self.forget())
        self.panel.retranslate()
        self.reading = ReadingPanel()
        self.reading_dock = QDockWidget(objectName="readingDock")
        self.reading_dock.setWidget(self.reading)
        self.reading_dock.hide()
        self.reading_placed = False  # the dock joins the window with the first scan read
        self.pageRead.connect(self.page_read)  # queued: the slot runs on the window's thread

    # -- a scan being read -----------------------------------------------------------------------
    def page_sink(self):
        """The import's `on_page(name, page, pages, text)`: it runs in the import's thread, so it
        only emits (the window may be gone by then)."""

        def sink(name: str, page: int, pages: int, text: str) -> None:
            if shiboken6.isValid(self):
                self.pageRead.emit(name, page, pages, text)

        return sink

    def page_read(self, name: str, page: int, pages: int, text: str) -> None:
        if self.window.closed:
            return
        first = name != self.reading.name
        self.reading.add_page(name, page, pages, text)
        if first:  # shown with a scan's first page (a user who closes it is not asked again for this file)
            self._place_reading_dock()
            self.reading_dock.show()
            self.reading_dock.raise_()
            QTimer.singleShot(0, self, self._size_reading_dock)

    def _place_reading_dock(self) -> None:
        """Next to the text, in the page image's place (tabbed with the page dock). Added to the
        window only now: tabbed with the hidden page dock while the window was built, it squeezed
        the outline to a sliver; split beside the themes instead, it moved the page dock above them."""
        if self.reading_placed:
            return
        self.reading_placed = True
        self.window.add_dock(self.reading_dock, Qt.DockWidgetArea.RightDockWidgetArea)
        self.window.tabifyDockWidget(self.dock, self.reading_dock)
        self.reading.retranslate()

    def _size_reading_dock(self) -> None:
        if not self.window.closed and self.reading_dock.isVisible():
            self.window.resizeDocks([self.reading_dock, self.window.right_dock], [DOCK_WIDTH, 330],
                                    Qt.Orientation.Horizontal)

    def import_done(self, report) -> None:
        """The import has ended (`report`: its ImportReport, None when it failed): the report whose
        pages were shown opens in the text pane, stored now and ready to tag; the dock closes."""
        name, shown = self.reading.name, self.reading_dock.isVisible()
        if name is None:
            return
        self.reading.clear()
        self.reading_dock.hide()
        items = report.imported if report is not None else []
        item = next((i for i in items if i.path.name == name and i.units), None)
        if shown and item is not None and not self.window.closed:
            self.window.open_location(item.units[0].id)

    def forget(self) -> None:
        self.pages.clear()
        self.scan = None
        self.reading.clear()
        self.reading_dock.hide()

    def content_shown(self) -> None:
        pane = self.window.text_pane
        content = pane.content
        self.line = None
        self.scan = None
        if content is not None and not content.original:
            self.unit_id = content.unit_id
            self.scan = unit_scan(self.window.project, content.unit_id)
        self.action.setEnabled(self.scan is not None)
        if self.scan is None:
            self.panel.clear()
            self.dock.hide()
            return
        pane.set_uncertain(self.scan.low_spans())
        if not self.dock.isVisible():
            self.dock.show()
            QTimer.singleShot(0, self, self._size_dock)
        self.follow_cursor()

    def _size_dock(self) -> None:
        if not self.window.closed:
            self.window.resizeDocks([self.dock, self.window.right_dock], [DOCK_WIDTH, 330], Qt.Orientation.Horizontal)

    def cursor_offset(self) -> int:
        pane = self.window.text_pane
        return pane.to_unit(pane.textCursor().position())

    def follow_cursor(self) -> None:
        if self.scan is None or self.window.closed:
            return
        self.show_line(self.scan.line_at(self.cursor_offset()))

    def show_line(self, line: int | None) -> None:
        if line is None or self.scan is None:
            return
        self.line = line
        ln = self.scan.lines[line]
        page = self.page_pixmap(ln.page)
        if page is None:
            return
        info = ocr_pages.page(self.window.project, self.scan.document_id, ln.page)
        caption = tr("Page {page} of {pages} · {source} · line {line}").format(
            page=ln.page + 1, pages=self.scan.pages, source=info.source if info else "", line=line + 1)
        self.panel.show_page(page, ln.box, caption)

    def page_pixmap(self, position: int) -> QPixmap | None:
        key = (self.scan.document_id, position)
        if key not in self.pages:
            page = ocr_pages.page(self.window.project, self.scan.document_id, position)
            if page is None:
                return None
            if len(self.pages) >= CACHE:
                self.pages.pop(next(iter(self.pages)))
            self.pages[key] = QPixmap.fromImage(QImage.fromData(page.image))
        return self.pages[key]

    def correct_at_cursor(self) -> None:
        self.correct_at(self.cursor_offset())

    def correct_at(self, offset: int) -> None:
        if self.scan is None:
            return
        line = self.scan.line_at(offset)
        if line is None:
            return
        self.show_line(line)
        ln = self.scan.lines[line]
        page = self.page_pixmap(ln.page)
        picture = line_crop(page, ln.box) if page else QPixmap()
        original = self.window.project.db.execute(
            "SELECT original_text FROM documents WHERE id = ?", [self.scan.document_id]).fetchone()
        current = self.scan.line_text(line, original[0]) if original else ln.text
        text = LineDialog.ask(self.window, picture, current)
        if text is None or text.strip() == current:
            return
        units = {uid for uid, in self.window.project.db.execute(
            "SELECT id FROM units WHERE document_id = ?", [self.scan.document_id])}
        self.window.undo_stack.clear()  # its offsets refer to the text before the correction
        if self.window.push(CorrectLine(self.window, self.scan.document_id, line, text, units)):
            self.window.status(tr("Line corrected; the text was cleaned again."))
