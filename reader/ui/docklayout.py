"""The main window's docks on small and large screens: the reading pane keeps a line of at least
TEXT_CHARS characters, the docks beside it give way first when the window shrinks, and they come
back to the widths the user gave them when there is room again.

QMainWindow keeps a dock's width when the window shrinks and takes the difference from the central
widget: at 1024×700 the text was about eleven characters wide. Here the pane has a minimum width
(so Qt squeezes the docks instead), and DockFitter remembers each side dock's preferred width (set
at start, when the saved state is restored, or when the user drags a dock's edge) and gives it back
on every resize as far as the room allows.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTextEdit

TEXT_CHARS = 30
SCREEN_MARGIN = 80  # px of the screen left beside the window at its narrowest
TEXT_WIDTH_FLOOR = 240
FIT_DELAY_MS = 30  # after the resize has been laid out
BOTTOM_SHARE = 0.42  # of the window's height, for a dock below the text when it opens


def text_min_width(pane: QTextEdit, chars: int = TEXT_CHARS, beside: int = 0, room: int = 0) -> int:
    """The width of the pane that shows `chars` characters of its font on a line; on a screen (or
    in `room` px, if wider) too narrow for that and `beside` pixels of docks, or with a very large
    font, what there is."""
    fm = pane.fontMetrics()
    width = (
        chars * fm.horizontalAdvance("中")
        + 2 * pane.document().documentMargin()
        + pane.viewportMargins().left()
        + pane.verticalScrollBar().sizeHint().width()
        + 2 * pane.frameWidth()
        + 4
    )
    screen = pane.screen()
    if screen is not None:
        room = max(room, screen.availableGeometry().width())
        width = min(width, max(room - beside - SCREEN_MARGIN, TEXT_WIDTH_FLOOR))
    return int(width)


class DockFitter(QObject):
    """Keeps the text pane at TEXT_CHARS characters and the side docks at their preferred widths."""

    def __init__(self, window: QMainWindow, docks: list[QDockWidget], pane: QTextEdit):
        super().__init__(window)
        self.window = window
        self.docks = docks
        self.pane = pane
        self.preferred: dict[QDockWidget, int] = {}
        self._timer = QTimer(self, singleShot=True, interval=FIT_DELAY_MS)
        self._timer.timeout.connect(self.fit)
        window.installEventFilter(self)
        self.update_min_width()

    def update_min_width(self) -> None:
        """After the font changed: the pane's minimum follows it."""
        self._set_min_width()
        self._timer.start()

    def _set_min_width(self) -> None:
        beside = sum(d.minimumSizeHint().width() for d in self.docks)
        width = text_min_width(self.pane, beside=beside, room=self.window.width())
        if width != self.pane.minimumWidth():
            self.pane.setMinimumWidth(width)

    def set_preferred(self, widths: dict[QDockWidget, int]) -> None:
        self.preferred.update(widths)
        self._timer.start()

    def remember_widths(self) -> None:
        """The docks' widths now are the ones the user wants (after dragging a dock's edge)."""
        self.preferred.update({d: d.width() for d in self._side_docks()})

    def _side_docks(self) -> list[QDockWidget]:
        areas = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
        return [d for d in self.docks if d.isVisible() and not d.isFloating() and self.window.dockWidgetArea(d) in areas]

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.window:
            kind = event.type()
            if kind == QEvent.Type.Resize:
                self._timer.start()
            elif kind == QEvent.Type.MouseButtonRelease:
                # a press and release on the window itself (not a child): the user dragged a dock's edge
                QTimer.singleShot(0, self.remember_widths)
        return False

    def fit(self) -> None:
        """Give the side docks their preferred widths as far as the room beside the text allows."""
        if self.window.isHidden() and not self.window.testAttribute(Qt.WidgetAttribute.WA_WState_Visible):
            return
        self._set_min_width()
        docks = self._side_docks()
        if not docks:
            return
        want = {d: self.preferred.setdefault(d, d.width()) for d in docks}
        room = self.window.width() - self.pane.minimumWidth() - 12 * len(docks)
        total = sum(want.values())
        if total > room > 0:
            scale = room / total
            want = {d: max(d.minimumSizeHint().width(), int(w * scale)) for d, w in want.items()}
        if all(abs(d.width() - w) <= 1 for d, w in want.items()):
            return
        # twice: the first call after Qt computed the window's minimum size can be lost (Qt 6.11)
        for _ in range(2):
            self.window.resizeDocks(list(want), list(want.values()), Qt.Orientation.Horizontal)

    def open_below(self, dock: QDockWidget) -> None:
        """A dock below the text just opened: give it a usable height (BOTTOM_SHARE of the window)."""
        height = int(self.window.height() * BOTTOM_SHARE)
        if dock.height() < height:
            self.window.resizeDocks([dock], [height], Qt.Orientation.Vertical)
