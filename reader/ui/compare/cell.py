"""One cell of the comparison grid: the sections a report puts in a row (heading and text), laid
out in a QTextDocument at the column's width, with the marks drawn over the text: tagged passages
in their themes' colours (the reading pane's formats), shared phrases in a neutral grey, reused
passages underlined and linked to their partner in another column, and the text selection.

Positions: members' offsets are code points of the unit text; the document counts UTF-16 units.
Every conversion goes through reader.ui.positions.Utf16Index, one per member, here only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPainter,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from reader.core.compare import Member
from reader.ui.positions import Utf16Index
from reader.ui.textpane import FOCUS_COLOUR, LINE_HEIGHT, heading_format, passage_format

PHRASE_COLOUR = QColor(120, 113, 108, 48)  # neutral: no theme uses a translucent stone grey
PHRASE_ACTIVE = QColor(120, 113, 108, 130)
REUSE_COLOUR = "#7c3aed"


@dataclass
class UnitData:
    """What the cells of one report need: its text, its headings and its tagged passages."""

    unit_id: int
    text: str
    headings: list[tuple[int, int, int]] = field(default_factory=list)  # (start, heading_end, level)
    passages: list[tuple[int, int, int, list[int]]] = field(default_factory=list)  # (id, start, end, themes)


@dataclass
class Link:
    """A reused passage: the same text in two sections, each span in its own unit text."""

    id: int
    a_section: int
    a_unit: int
    a_start: int
    a_end: int
    b_section: int
    b_unit: int
    b_start: int
    b_end: int
    length: int
    identity: float

    def side(self, section_id: int) -> tuple[int, int, int] | None:
        """(unit, start, end) of this link's span in `section_id`."""
        if section_id == self.a_section:
            return self.a_unit, self.a_start, self.a_end
        if section_id == self.b_section:
            return self.b_unit, self.b_start, self.b_end
        return None

    def partner(self, section_id: int) -> int:
        return self.b_section if section_id == self.a_section else self.a_section


@dataclass
class Segment:
    member: Member
    at: int  # where the member's text starts in the document (UTF-16)
    length: int  # its length in the document (UTF-16)
    index: Utf16Index

    def holds(self, unit_offset: int) -> bool:
        return self.member.start <= unit_offset <= self.member.end


class CellDoc:
    """The laid-out text of one cell and its marks."""

    def __init__(self, members: list[Member], unit: UnitData, width: float, font: QFont,
                 spacing: int = LINE_HEIGHT - 10, first: int | None = None):
        """`first`: only the beginning of the first member, this many characters (a folded compact
        cell shows no more: laying out the rest would be wasted); `whole` says whether that is all."""
        self.members = members
        self.unit_id = unit.unit_id
        self.key: tuple[str, int] = ("", unit.unit_id)  # (row key, unit id): set by the grid
        self.doc = QTextDocument()
        self.doc.setDocumentMargin(0)
        self.doc.setDefaultFont(font)
        self.doc.setUndoRedoEnabled(False)
        self.point_size = max(font.pointSize(), 6)
        self.spacing = spacing  # line height, percent of the font's
        self.segments: list[Segment] = []
        texts = []
        at = 0
        shown = members if first is None else members[:1]
        self.whole = first is None or (len(members) == 1 and members[0].end - members[0].start <= first)
        for m in shown:
            text = unit.text[m.start : m.end if first is None else min(m.end, m.start + first)].rstrip("\n")
            index = Utf16Index(text)
            length = index.to_utf16(len(text))
            self.segments.append(Segment(m, at, length, index))
            texts.append(text)
            at += length + 1  # the paragraph break between members
        self.doc.setPlainText("\n".join(texts))
        self._format(unit)
        self.doc.setTextWidth(width)
        self.phrases: list[tuple[int, int, str]] = []  # (doc start, doc end, phrase)
        self.links: list[tuple[int, int, int]] = []  # (doc start, doc end, link id)
        self.passages: list[tuple[int, int, int, list[int]]] = []  # (doc start, doc end, passage, themes)
        self.selections: list[QAbstractTextDocumentLayout.Selection] = []

    @property
    def height(self) -> float:
        return self.doc.size().height()

    def set_width(self, width: float) -> None:
        self.doc.setTextWidth(width)

    # -- positions ------------------------------------------------------------------------------
    def to_doc(self, unit_offset: int, segment: Segment | None = None) -> int | None:
        """A unit offset (code points) as a document position (UTF-16), in `segment` or the first
        member that holds it; None when no member does."""
        seg = segment or next((s for s in self.segments if s.holds(unit_offset)), None)
        if seg is None:
            return None
        cp = min(max(unit_offset - seg.member.start, 0), seg.member.end - seg.member.start)
        return seg.at + min(seg.index.to_utf16(cp), seg.length)

    def segment_at(self, doc_pos: int) -> Segment | None:
        for seg in self.segments:
            if seg.at <= doc_pos <= seg.at + seg.length:
                return seg
        return None

    def to_unit(self, doc_pos: int, segment: Segment | None = None) -> int | None:
        """A document position as a unit offset (code points), within `segment` if given."""
        seg = segment or self.segment_at(doc_pos)
        if seg is None:
            return None
        u16 = min(max(doc_pos - seg.at, 0), seg.length)
        return seg.member.start + seg.index.to_code_point(u16)

    def doc_spans(self, start: int, end: int, section_id: int | None = None) -> list[tuple[int, int]]:
        """Unit text [start, end) as document ranges (one per member holding part of it)."""
        out = []
        for seg in self.segments:
            m = seg.member
            if section_id is not None and m.section_id != section_id:
                continue
            s, e = max(start, m.start), min(end, m.end)
            if s < e:
                a, b = self.to_doc(s, seg), self.to_doc(e, seg)
                if a is not None and b is not None and b > a:
                    out.append((a, b))
        return out

    def hit(self, point: QPointF) -> int:
        """The document position nearest to a point (document coordinates)."""
        return self.doc.documentLayout().hitTest(point, Qt.HitTestAccuracy.FuzzyHit)

    def exact_hit(self, point: QPointF) -> int | None:
        pos = self.doc.documentLayout().hitTest(point, Qt.HitTestAccuracy.ExactHit)
        return pos if pos >= 0 else None

    def rect_of(self, doc_pos: int) -> QRectF:
        """The line box of a document position (document coordinates)."""
        block = self.doc.findBlock(doc_pos)
        layout = block.layout()
        br = self.doc.documentLayout().blockBoundingRect(block)
        line = layout.lineForTextPosition(doc_pos - block.position())
        if not line.isValid():
            return QRectF(br.left(), br.top(), 1, br.height())
        x = line.cursorToX(doc_pos - block.position())[0]
        r = line.rect()
        return QRectF(br.left() + x, br.top() + r.top(), 1, r.height())

    def compact_height(self, lines: int) -> float:
        """The bottom of the first member's heading and of `lines` lines after it (document
        coordinates): what a compact cell shows. A heading run into its paragraph ends where its
        words end, not with the paragraph."""
        seg = self.segments[0]
        heading = self.members[0].heading
        end = min(seg.at + seg.index.to_utf16(min(len(heading), seg.member.end - seg.member.start)), seg.at + seg.length)
        heading_bottom = self.rect_of(max(end - 1, seg.at)).bottom()
        layout = self.doc.documentLayout()
        bottom = heading_bottom
        block = self.doc.begin()
        while block.isValid() and lines > 0:
            top = layout.blockBoundingRect(block).top()
            text_lines = block.layout()
            for k in range(text_lines.lineCount()):
                rect = text_lines.lineAt(k).rect()
                if top + rect.top() >= heading_bottom - 0.5:
                    bottom = top + rect.bottom()
                    lines -= 1
                    if lines == 0:
                        break
            block = block.next()
        return bottom

    @property
    def characters(self) -> int:
        """The length of the cell's sections (all of them, though the document may hold less)."""
        return sum(m.end - m.start for m in self.members)

    def heading_rects(self) -> list[tuple[Segment, QRectF]]:
        """Each member's first line (its heading), document coordinates."""
        out = []
        for seg in self.segments:
            r = self.rect_of(seg.at)
            out.append((seg, QRectF(0, r.top(), self.doc.textWidth(), r.height())))
        return out

    # -- building -------------------------------------------------------------------------------
    def _format(self, unit: UnitData) -> None:
        doc = self.doc
        whole = QTextCursor(doc)
        whole.select(QTextCursor.SelectionType.Document)
        block = QTextBlockFormat()
        block.setLineHeight(float(self.spacing), QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block.setBottomMargin(self.point_size * 0.4)
        block.setTextIndent(self.point_size * 2 * 1.33)
        whole.mergeBlockFormat(block)
        for seg in self.segments:
            m = seg.member
            for start, heading_end, level in unit.headings:
                if start < m.start or start >= m.end:
                    continue
                a, b = self.to_doc(start, seg), self.to_doc(min(heading_end, m.end), seg)
                if a is None or b is None or b <= a:
                    continue
                c = QTextCursor(doc)
                c.setPosition(a)
                c.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
                fmt = heading_format(self.point_size, level)  # the pane's heading look, at the cell's size
                fmt.setFontPointSize(self.point_size + (1 if start == m.start else 0))
                c.mergeCharFormat(fmt)
                heading = QTextBlockFormat()
                heading.setTextIndent(0)
                heading.setTopMargin(self.point_size * (0.2 if start == m.start else 0.5))
                c.mergeBlockFormat(heading)

    def set_marks(self, unit: UnitData, colour_of, phrases: list[tuple[int, int, int, str]],
                  links: list[tuple[Link, int]]) -> None:
        """The passages of `unit`; `phrases` as (section id, start, end, text) and `links` as (link,
        section id) in unit offsets."""
        self.passages = []
        for pid, s, e, themes in unit.passages:
            for a, b in self.doc_spans(s, e):
                self.passages.append((a, b, pid, themes))
        self.links = []
        for link, sid in links:
            side = link.side(sid)
            if side is not None:
                self.links += [(a, b, link.id) for a, b in self.doc_spans(side[1], side[2], sid)]
        # a phrase inside a reused passage is part of it: the passage's mark says more
        self.phrases = [(a, b, text) for sid, s, e, text in phrases for a, b in self.doc_spans(s, e, sid)
                        if not any(x <= a and b <= y for x, y, _lid in self.links)]
        self.colour_of = colour_of

    def phrase_at(self, pos: int) -> str | None:
        hits = [(b - a, text) for a, b, text in self.phrases if a <= pos < b]
        return min(hits)[1] if hits else None

    def link_at(self, pos: int) -> int | None:
        return next((lid for a, b, lid in self.links if a <= pos < b), None)

    def passages_at(self, pos: int) -> list[tuple[int, list[int]]]:
        return [(pid, themes) for a, b, pid, themes in self.passages if a <= pos < b]

    def link_span(self, link_id: int) -> tuple[int, int] | None:
        return next(((a, b) for a, b, lid in self.links if lid == link_id), None)

    # -- drawing --------------------------------------------------------------------------------
    def _selection(self, a: int, b: int, fmt: QTextCharFormat) -> QAbstractTextDocumentLayout.Selection:
        sel = QAbstractTextDocumentLayout.Selection()
        c = QTextCursor(self.doc)
        c.setPosition(a)
        c.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = c
        sel.format = fmt
        return sel

    def mark_selections(self, link_ids: set[int], phrase: str | None,
                        selected: tuple[int, int] | None, palette: QPalette) -> list[QAbstractTextDocumentLayout.Selection]:
        """What is drawn over the text: passages, phrases, reused passages (the linked ones lit), the
        text selection."""
        sels = []
        for a, b, pid, themes in self.passages:
            for tid in themes or [0]:
                sels.append(self._selection(a, b, passage_format(self.colour_of(tid), pid)))
        for a, b, text in self.phrases:
            fmt = QTextCharFormat()
            fmt.setBackground(PHRASE_ACTIVE if text == phrase else PHRASE_COLOUR)
            fmt.setProperty(QTextCharFormat.Property.UserProperty + 1, text)
            sels.append(self._selection(a, b, fmt))
        for a, b, lid in self.links:
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            fmt.setUnderlineColor(QColor(REUSE_COLOUR))
            fmt.setFontUnderline(True)
            fmt.setProperty(QTextCharFormat.Property.UserProperty + 2, lid)
            if lid in link_ids:
                bg = QColor(FOCUS_COLOUR)
                bg.setAlpha(170)
                fmt.setBackground(bg)
            sels.append(self._selection(a, b, fmt))
        if selected is not None and selected[1] > selected[0]:
            fmt = QTextCharFormat()
            fmt.setBackground(palette.color(QPalette.ColorRole.Highlight))
            fmt.setForeground(palette.color(QPalette.ColorRole.HighlightedText))
            sels.append(self._selection(selected[0], selected[1], fmt))
        self.selections = sels
        return sels

    def draw(self, painter: QPainter, clip: QRectF, palette: QPalette) -> None:
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette = palette
        ctx.clip = clip
        ctx.selections = self.selections
        self.doc.documentLayout().draw(painter, ctx)

    def text_of(self, a: int, b: int) -> str:
        c = QTextCursor(self.doc)
        c.setPosition(a)
        c.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        return c.selectedText().replace("\u2029", "\n")
