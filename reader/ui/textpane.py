"""The reading pane: a read-only QTextEdit showing a report or one of its sections.

What it draws: headings as headings; comfortable Chinese typography (a CJK font, line height
160 %, first-line indent of two characters, adjustable size); tagged passages in their themes'
colours (translucent, so overlaps show darker) with coding stripes in a margin on the left (one
bar per theme beside the lines a passage covers, as in MAXQDA and NVivo); damaged text (??) in bold
red, spaced out, on a red dotted background with a wavy red line; a search hit or the passage being looked at;
one suggestion underlined with dots; in a text read by OCR, the characters it was unsure of with a
wavy orange line (set_uncertain; reader.ui.scanview sets them and offers to correct the line).

Positions: core offsets count code points of the unit text; Qt counts UTF-16 units. Every
conversion goes through reader.ui.positions.Utf16Index, here only. The pane knows which span of
the unit it shows (`content.start`), so the offsets it emits are unit offsets.

It only emits intentions (tagKeyPressed, tagRequested, passageClicked, ...); the window acts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QMouseEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QToolTip, QWidget

from reader.ui.i18n import tr
from reader.ui.models.themes import swatch
from reader.ui.plain import menu_text, plain_tooltip
from reader.ui.positions import Utf16Index
from reader.ui.stripes import LANE_GAP, LANE_WIDTH, MAX_LANES, CodingStripes

CJK_FAMILIES = (
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Songti SC",
    "SimSun",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
)
LINE_HEIGHT = 160  # percent
HIGHLIGHT_ALPHA = 70
HEADING_COLOUR = "#1f3a5f"
DAMAGED_COLOUR = "#c0392b"
DAMAGED_HATCH = "#fca5a5"
FOCUS_COLOUR = "#ffd54f"
FIND_COLOUR = "#fff59d"
UNCERTAIN_COLOUR = "#e67e22"



def cjk_family() -> str | None:
    """The first installed font family of CJK_FAMILIES (None: Qt's default font)."""
    families = set(QFontDatabase.families())
    return next((f for f in CJK_FAMILIES if f in families), None)


def heading_format(point_size: int, level: int) -> QTextCharFormat:
    """How a heading of `level` (1: top) looks in text of `point_size`."""
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setForeground(QColor(HEADING_COLOUR))
    fmt.setFontPointSize(point_size + max(0, 4 - 2 * level) + 1)
    return fmt


def damaged_format(point_size: int) -> QTextCharFormat:
    """How lost characters (a ?? left by a bad copy) look: a narrow ?? between hanzi is easy to miss,
    so bigger, bold, red and spaced out. Set in the document (a highlight cannot change the font)."""
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(DAMAGED_COLOUR))
    fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontPointSize(point_size + 3)
    fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
    fmt.setFontLetterSpacing(point_size * 0.4)
    return fmt


def passage_format(colour: str, passage_id: int) -> QTextCharFormat:
    """A tagged passage's highlight in its theme's colour (translucent: overlaps show darker)."""
    c = QColor(colour)
    c.setAlpha(HIGHLIGHT_ALPHA)
    fmt = QTextCharFormat()
    fmt.setBackground(c)
    fmt.setProperty(QTextFormat.Property.UserProperty, passage_id)
    return fmt


@dataclass
class ThemeLook:
    name: str
    colour: str
    order: int  # position in the codebook (tree order)
    shortcut: str | None = None
    depth: int = 0


@dataclass
class PaneContent:
    """What the pane shows. All offsets are code points relative to the unit text."""

    unit_id: int
    start: int  # where the shown text begins in the unit text
    text: str
    headings: list[tuple[int, int, int]] = field(default_factory=list)  # (start, heading_end, level)
    passages: list[tuple[int, int, int, list[int]]] = field(default_factory=list)  # (id, start, end, themes)
    damaged: list[tuple[int, int]] = field(default_factory=list)
    original: bool = False  # the original text: no offsets, no tagging

    @property
    def end(self) -> int:
        return self.start + len(self.text)


class TextPane(QTextEdit):
    tagKeyPressed = Signal(str)  # "1".."9" pressed (with or without a selection)
    tagRequested = Signal(int)  # context menu ▸ 标注为 ▸ theme
    passageClicked = Signal(int)  # a highlight or a stripe clicked
    editPassageRequested = Signal(int)
    deletePassageRequested = Signal(int)
    contentShown = Signal()  # a report or section was shown (show_content) or the pane cleared
    correctLineRequested = Signal(int)  # context menu ▸ correct the OCR line at this unit offset

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("textPane")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(28)
        self.setStyleSheet("QTextEdit#textPane { background: #fffdf8; color: #1c1c1c; border: none; }")
        self.content: PaneContent | None = None
        self.index = Utf16Index("")
        self.looks: dict[int, ThemeLook] = {}
        self._lanes: dict[object, int] = {}  # a theme, or (coder, theme) when several coders' passages show
        self.passage_coders: dict[int, str] = {}  # whose each passage is (the window sets it)
        self._by_coder = False
        self.active_passage: int | None = None
        self.focus_span: tuple[int, int] | None = None
        self.find_spans: list[tuple[int, int]] = []  # pane (UTF-16) positions
        self.suggestion: tuple[int, int, str] | None = None
        self.uncertain: list[tuple[int, int]] = []  # unit offsets OCR was unsure of
        self.scanned = False  # the text shown was read by OCR: its lines can be corrected
        self.family = cjk_family()
        self.point_size = 13
        self.stripes = CodingStripes(self)
        self.verticalScrollBar().valueChanged.connect(self.stripes.update)
        self.document().documentLayout().documentSizeChanged.connect(lambda _s: self.stripes.update())
        self.apply_font(self.point_size)
        self._update_margin()

    # -- typography ----------------------------------------------------------------------------
    def apply_font(self, point_size: int) -> None:
        self.point_size = point_size
        font = QFont(self.family) if self.family else QFont()
        font.setPointSize(point_size)
        font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
        self.document().setDefaultFont(font)
        self.setFont(font)
        if self.content is not None:
            self._render(keep_scroll=True)

    # -- themes --------------------------------------------------------------------------------
    def set_looks(self, looks: dict[int, ThemeLook]) -> None:
        self.looks = looks
        self._assign_lanes()
        self._refresh_highlights()

    def colour_of(self, theme_id: int) -> str:
        look = self.looks.get(theme_id)
        return look.colour if look else "#888888"

    def theme_name(self, theme_id: int) -> str:
        look = self.looks.get(theme_id)
        return look.name if look else "?"

    def _lane_key(self, theme_id: int, passage_id: int | None) -> object:
        if self._by_coder and passage_id is not None:
            return (self.passage_coders.get(passage_id, ""), theme_id)
        return theme_id

    def lane_of(self, theme_id: int, passage_id: int | None = None) -> int:
        """The margin lane of a theme's bars; with several coders' passages shown, each coder's
        passages of a theme have a lane of their own (a coder's lanes side by side)."""
        return self._lanes.get(self._lane_key(theme_id, passage_id), MAX_LANES - 1)

    def whose(self, passage_id: int) -> str | None:
        """The coder of a passage, when several coders' passages are shown (else None)."""
        return self.passage_coders.get(passage_id) if self._by_coder else None

    def _assign_lanes(self) -> None:
        passages = self.content.passages if self.content else []
        self._by_coder = len({self.passage_coders.get(p[0], "") for p in passages}) > 1

        def order(key: object) -> tuple:
            coder, t = key if isinstance(key, tuple) else ("", key)
            return (coder, self.looks[t].order if t in self.looks else 10**6, t)

        present = {self._lane_key(t, pid) for pid, _s, _e, themes in passages for t in themes}
        self._lanes = {k: min(i, MAX_LANES - 1) for i, k in enumerate(sorted(present, key=order))}
        self._update_margin()

    def margin_width(self) -> int:
        lanes = max(1, min(len(self._lanes), MAX_LANES))
        return LANE_GAP + lanes * (LANE_WIDTH + LANE_GAP) + 4

    def _update_margin(self) -> None:
        self.setViewportMargins(self.margin_width(), 0, 0, 0)
        self._place_stripes()

    def _place_stripes(self) -> None:
        cr = self.contentsRect()
        self.stripes.setGeometry(QRect(cr.left(), cr.top(), self.margin_width(), cr.height()))
        self.stripes.update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_stripes()

    # -- positions -----------------------------------------------------------------------------
    def to_pane(self, unit_offset: int) -> int:
        """A unit offset (code points) as a position in the pane (UTF-16 units), clipped."""
        if self.content is None:
            return 0
        cp = min(max(unit_offset - self.content.start, 0), len(self.content.text))
        return self.index.to_utf16(cp)

    def to_unit(self, pane_pos: int) -> int:
        """A pane position (UTF-16) as a unit offset (code points)."""
        if self.content is None:
            return 0
        return self.content.start + self.index.to_code_point(pane_pos)

    def selection_span(self) -> tuple[int, int] | None:
        """The selected text as (start, end) unit offsets, or None."""
        if self.content is None or self.content.original:
            return None
        c = self.textCursor()
        if not c.hasSelection():
            return None
        start, end = self.to_unit(c.selectionStart()), self.to_unit(c.selectionEnd())
        return (start, end) if end > start else None

    def select_span(self, start: int, end: int, *, focus: bool = True) -> None:
        """Select unit text [start, end) and scroll it to the middle of the pane (a search hit or a
        passage opened from a list is read with what comes before it, not at the bottom edge)."""
        c = QTextCursor(self.document())
        c.setPosition(self.to_pane(start))
        c.setPosition(self.to_pane(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(c)
        self.centre_on(start, end)
        if focus:
            self.focus_span = (start, end)
            self._refresh_highlights()

    def centre_on(self, start: int, end: int) -> None:
        """Scroll so that unit text [start, end) sits in the middle of the viewport (its start in
        the upper third when it is taller than the viewport)."""
        top, bottom = self.span_y(start, end)
        height = self.viewport().height()
        middle = (top + bottom) // 2 if bottom - top < height * 2 // 3 else top + height // 6
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + middle - height // 2)

    def _cursor(self, a: int, b: int) -> QTextCursor:
        c = QTextCursor(self.document())
        c.setPosition(a)
        c.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        return c

    def span_y(self, start: int, end: int) -> tuple[int, int]:
        """Top of the first line and bottom of the last line of unit text [start, end), in
        viewport coordinates."""
        a, b = self.to_pane(start), self.to_pane(end)
        c = QTextCursor(self.document())
        c.setPosition(a)
        top = self.cursorRect(c).top()
        c.setPosition(max(a, b - 1))
        bottom = self.cursorRect(c).bottom()
        return top, bottom

    def visible_passages(self) -> list[tuple[int, int, int, list[int]]]:
        if self.content is None or self.content.original:
            return []
        lo, hi = self.content.start, self.content.end
        return [p for p in self.content.passages if p[2] > lo and p[1] < hi]

    def passages_at(self, unit_offset: int) -> list[int]:
        """Ids of the passages covering a unit offset, shortest first."""
        hits = [(e - s, pid) for pid, s, e, _t in self.visible_passages() if s <= unit_offset < e]
        return [pid for _n, pid in sorted(hits)]

    # -- showing -------------------------------------------------------------------------------
    def show_content(self, content: PaneContent, *, keep_scroll: bool = False) -> None:
        self.content = content
        self.index = Utf16Index(content.text)
        self.active_passage = None
        self.focus_span = None
        self.find_spans = []
        self.suggestion = None
        self.uncertain = []
        self.scanned = False
        self._assign_lanes()
        self._render(keep_scroll=keep_scroll)
        self.contentShown.emit()

    def clear_content(self, message: str = "") -> None:
        self.content = None
        self.index = Utf16Index("")
        self._lanes = {}
        self.uncertain = []
        self.scanned = False
        self.setPlainText(message)
        self._update_margin()
        self._refresh_highlights()
        self.contentShown.emit()

    def set_passages(self, passages: list[tuple[int, int, int, list[int]]]) -> None:
        """New passages for the shown unit (after tagging or undo): highlights only, no re-layout."""
        if self.content is None:
            return
        self.content.passages = passages
        if self.active_passage is not None and all(p[0] != self.active_passage for p in passages):
            self.active_passage = None
        self._assign_lanes()
        self._refresh_highlights()

    def set_active_passage(self, passage_id: int | None) -> None:
        self.active_passage = passage_id
        self._refresh_highlights()

    def set_suggestion(self, span: tuple[int, int] | None, colour: str = "#888888") -> None:
        self.suggestion = (span[0], span[1], colour) if span else None
        self._refresh_highlights()
        if span:
            c = QTextCursor(self.document())
            c.setPosition(self.to_pane(span[0]))
            self.setTextCursor(c)
            self.ensureCursorVisible()

    def set_uncertain(self, spans: list[tuple[int, int]], scanned: bool = True) -> None:
        """The spans (unit offsets) OCR was unsure of, marked with a wavy orange line."""
        self.uncertain = spans
        self.scanned = scanned
        self._refresh_highlights()

    def set_find_spans(self, spans: list[tuple[int, int]]) -> None:
        """Find-in-pane matches, as pane positions."""
        self.find_spans = spans
        self._refresh_highlights()

    def _render(self, keep_scroll: bool = False) -> None:
        content = self.content
        if content is None:
            return
        scroll = self.verticalScrollBar().value()
        # the edit's current char format would be inherited by the new text (a heading's, say)
        self.setCurrentCharFormat(QTextCharFormat())
        self.document().setPlainText(content.text)
        doc = self.document()
        whole = QTextCursor(doc)
        whole.select(QTextCursor.SelectionType.Document)
        whole.beginEditBlock()  # one layout for every format below, not one per heading
        block = QTextBlockFormat()
        block.setLineHeight(float(LINE_HEIGHT), QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block.setBottomMargin(self.point_size * 0.5)
        if not content.original:
            block.setTextIndent(self.point_size * 2 * 1.33)
        whole.mergeBlockFormat(block)
        if not content.original:
            for start, heading_end, level in content.headings:
                if heading_end <= content.start or start >= content.end:
                    continue
                c = self._cursor(self.to_pane(start), self.to_pane(heading_end))
                c.mergeCharFormat(heading_format(self.point_size, level))
                block_end = c.block().position() + c.block().length() - 1
                if c.selectionEnd() >= block_end:  # a heading on its own line (not run into its paragraph)
                    heading = QTextBlockFormat()
                    heading.setTextIndent(0)
                    heading.setTopMargin(self.point_size * (1.2 if level <= 1 else 0.6))
                    heading.setBottomMargin(self.point_size * 0.4)
                    c.mergeBlockFormat(heading)
            for start, end in content.damaged:  # lost characters (??): bigger, bold, red, spaced out
                if start < content.end and end > content.start:
                    self._cursor(self.to_pane(start), self.to_pane(end)).mergeCharFormat(damaged_format(self.point_size))
        whole.endEditBlock()
        self._refresh_highlights()
        if keep_scroll:
            self.verticalScrollBar().setValue(scroll)
        else:
            self.moveCursor(QTextCursor.MoveOperation.Start)
            self.verticalScrollBar().setValue(0)

    def _selection(self, a: int, b: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        sel.cursor = self._cursor(a, b)
        sel.format = fmt
        return sel

    def _refresh_highlights(self) -> None:
        sels: list[QTextEdit.ExtraSelection] = []
        content = self.content
        if content is not None and not content.original:
            for s, e in content.damaged:  # (their letters are set in the document: see damaged_format)
                fmt = QTextCharFormat()
                fmt.setBackground(QBrush(QColor(DAMAGED_HATCH), Qt.BrushStyle.Dense2Pattern))
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                fmt.setUnderlineColor(QColor(DAMAGED_COLOUR))
                fmt.setToolTip(tr("Damaged text: characters were lost when the report was copied"))
                sels.append(self._selection(self.to_pane(s), self.to_pane(e), fmt))
            if self.uncertain:
                fmt = QTextCharFormat()
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                fmt.setUnderlineColor(QColor(UNCERTAIN_COLOUR))
                fmt.setToolTip(tr("OCR was unsure of this character: compare it with the page image"))
                for s, e in self.uncertain:
                    if e > content.start and s < content.end:
                        sels.append(self._selection(self.to_pane(max(s, content.start)), self.to_pane(min(e, content.end)), fmt))
            for pid, s, e, themes in self.visible_passages():
                a, b = self.to_pane(s), self.to_pane(e)
                for tid in themes or [0]:
                    sels.append(self._selection(a, b, passage_format(self.colour_of(tid), pid)))
                if pid == self.active_passage:
                    fmt = QTextCharFormat()
                    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                    fmt.setUnderlineColor(QColor(self.colour_of(themes[0]) if themes else "#333333"))
                    fmt.setFontUnderline(True)
                    sels.append(self._selection(a, b, fmt))
            if self.suggestion is not None:
                s, e, colour = self.suggestion
                fmt = QTextCharFormat()
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(QColor(colour))
                fmt.setFontUnderline(True)
                sels.append(self._selection(self.to_pane(s), self.to_pane(e), fmt))
            if self.focus_span is not None:
                fmt = QTextCharFormat()
                bg = QColor(FOCUS_COLOUR)
                bg.setAlpha(150)
                fmt.setBackground(bg)
                sels.append(self._selection(self.to_pane(self.focus_span[0]), self.to_pane(self.focus_span[1]), fmt))
        for a, b in self.find_spans:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(FIND_COLOUR))
            sels.append(self._selection(a, b, fmt))
        self.setExtraSelections(sels)
        self.stripes.update()

    # -- input ---------------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        text = event.text()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if text and text in "123456789" and len(text) == 1 and mods == Qt.KeyboardModifier.NoModifier:
            self.tagKeyPressed.emit(text)
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        pos = self.cursorForPosition(event.position().toPoint()).position()
        ids = self.passages_at(self.to_unit(pos))
        if ids:
            self.passageClicked.emit(ids[0])

    def event(self, e) -> bool:
        if e.type() == e.Type.ToolTip and self.content is not None:
            pos = self.cursorForPosition(self.viewport().mapFromGlobal(e.globalPos())).position()
            ids = self.passages_at(self.to_unit(pos))
            if ids:
                by_id = {p[0]: p for p in self.visible_passages()}
                names = []
                for pid in ids:
                    coder = self.whose(pid)
                    for t in by_id[pid][3]:
                        name = self.theme_name(t) + (f"（{coder or '—'}）" if coder is not None else "")
                        if name not in names:
                            names.append(name)
                QToolTip.showText(e.globalPos(), plain_tooltip("、".join(names)), self)
                return True
        return super().event(e)

    def contextMenuEvent(self, event) -> None:
        menu = self.build_context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def build_context_menu(self, pos: QPoint) -> QMenu:
        """Copy and Select All, 标注为 ▸ themes, and for a passage under `pos` (viewport
        coordinates) edit and delete."""
        menu = self.createStandardContextMenu()
        menu.setParent(self, menu.windowFlags())  # owned by the pane, so deleteLater is safe
        menu.addSeparator()
        tag_menu = menu.addMenu(tr("Tag as"))
        tag_menu.setObjectName("tagAsMenu")
        can_tag = self.selection_span() is not None
        tag_menu.setEnabled(can_tag and bool(self.looks))
        for tid, look in sorted(self.looks.items(), key=lambda kv: kv[1].order):
            label = "    " * look.depth + menu_text(look.name)
            if look.shortcut:
                label += f"\t{look.shortcut}"
            action = tag_menu.addAction(swatch(look.colour), label)
            action.setData(tid)
            action.triggered.connect(lambda _checked=False, t=tid: self.tagRequested.emit(t))
        if self.content is not None:
            at = self.cursorForPosition(pos).position()
            ids = self.passages_at(self.to_unit(at))
            if self.scanned and not self.content.original:
                offset = self.to_unit(at)
                menu.addSeparator()
                correct = menu.addAction(tr("Correct this OCR line…"))
                correct.setObjectName("correctLineAction")
                correct.triggered.connect(lambda _checked=False: self.correctLineRequested.emit(offset))
            if ids:
                pid = ids[0]
                menu.addSeparator()
                edit = menu.addAction(tr("Edit passage…"))
                edit.triggered.connect(lambda _checked=False: self.editPassageRequested.emit(pid))
                delete = menu.addAction(tr("Delete passage"))
                delete.triggered.connect(lambda _checked=False: self.deletePassageRequested.emit(pid))
        return menu
