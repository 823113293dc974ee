"""The layout of an OCR'd page: reading order, page furniture, paragraphs.

The engine returns boxes of text in no useful order (on two columns they interleave). Here:

- Rows (boxes whose middles are within half a line of each other) give the page's top and bottom
  lines: a page number there is furniture; so is a short line in the top or bottom band set off by
  a gap and in smaller print than the text (a running head, a footer), and a short line that recurs at the top
  or bottom of other pages (`repeated`, found over the whole document by `repeated_edges`).
- Columns are found from the page itself: a vertical gutter that the boxes leave open but for a
  few (titles and lines over both columns), with lines on both sides; each side may split again. Boxes too wide
  for one column (titles, spanning lines) cut the page into bands read top to bottom, each band
  column by column.
- Lines: the boxes of a column on one row, left to right. Each line knows whether it starts a
  paragraph (indented, set off by a gap, or centred) and whether it runs to the column's right edge
  (then its paragraph may go on in the next line, column or page). `assemble` joins lines on that
  evidence: this is the page's own version of what the cleaning's OCR repair
  (reader.core.clean.ocr) does from text alone, which still runs after it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from statistics import median

from reader.core.ocr.engine import Box

EDGE_BAND = 0.14  # of the page's height: where running heads, footers and page numbers sit
SMALLER = 0.9  # a running head set off by a gap is in smaller print than the text
MIN_FULL = 8  # characters: a line shorter than this is not evidence of a column's width
MAX_FURNITURE = 30  # characters: a longer line at the top or foot of a page is text
_PAGE_NUMBER = re.compile(
    r"^[-—–－·•\s(（\[]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／，,]?\s*(?:共\s*)?\d{1,4}\s*页?)?[-—–－·•\s)）\]]*$"
    r"|^(?:page|p\.?)\s*\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$",
    re.I,
)
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


@dataclass
class Line:
    text: str
    conf: list[float]
    box: tuple[float, float, float, float]
    starts: bool = True  # starts a paragraph
    full: bool = False  # runs to the column's right edge


@dataclass
class PageLayout:
    lines: list[Line] = field(default_factory=list)
    furniture: list[Box] = field(default_factory=list)


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


def _norm(text: str) -> str:
    return re.sub(r"[\d\s\-—–－·•/／第页共]+", "", text)


def _rows(boxes: list[Box], hm: float) -> list[list[Box]]:
    rows: list[list[Box]] = []
    for b in sorted(boxes, key=lambda b: b.cy):
        if rows and abs(b.cy - sum(x.cy for x in rows[-1]) / len(rows[-1])) < 0.5 * hm:
            rows[-1].append(b)
        else:
            rows.append([b])
    for row in rows:
        row.sort(key=lambda b: b.x0)
    return rows


def _pitch(row: list[Box]) -> float:
    """The print size of a row: the width of a full-width character (box heights vary too much)."""
    from reader.core.clean.ocr import visual_width

    return sum(b.x1 - b.x0 for b in row) / max(1, sum(visual_width(b.text) for b in row))


def _row_text(row: list[Box]) -> str:
    return "".join(b.text for b in row)


def _median_height(boxes: list[Box]) -> float:
    return median(b.height for b in boxes) if boxes else 1.0


def edge_texts(boxes: list[Box], height: float) -> list[str]:
    """The normalised texts of the top and bottom rows of a page (for `repeated_edges`)."""
    if not boxes:
        return []
    rows = _rows(boxes, _median_height(boxes))
    out = []
    for row in (rows[0], rows[-1]) if len(rows) > 1 else (rows[0],):
        cy = sum(b.cy for b in row) / len(row)
        if cy < EDGE_BAND * height or cy > (1 - EDGE_BAND) * height:
            text = _norm(_row_text(row))
            if text:
                out.append(text)
    return out


def repeated_edges(pages: list[list[str]]) -> set[str]:
    """Edge texts found on two pages or more (running heads and footers with their numbers)."""
    if len(pages) < 2:
        return set()
    counts = Counter(t for texts in pages for t in set(texts))
    return {t for t, n in counts.items() if n >= 2}


def _furniture(rows: list[list[Box]], unit: float, repeated: set[str]) -> set[int]:
    """Indices of rows that are page furniture."""
    drop: set[int] = set()
    # the bands are measured on the printed block, not the picture: a photo shows the desk around
    # the page; and a long screenshot's edges are an A4 page's
    first, last = min(b.y0 for row in rows for b in row), max(b.y1 for row in rows for b in row)
    left, right = min(b.x0 for row in rows for b in row), max(b.x1 for row in rows for b in row)
    band = EDGE_BAND * min(last - first, 1.5 * (right - left))

    def furniture(k: int, neighbour: int | None) -> bool:
        row = rows[k]
        text = _row_text(row)
        if is_page_number(text):
            return True
        if len(text) > MAX_FURNITURE:
            return False
        if repeated and _norm(text) in repeated:
            return True
        if neighbour is None:
            return False
        gap = (rows[neighbour][0].y0 - max(b.y1 for b in row) if neighbour > k
               else row[0].y0 - max(b.y1 for b in rows[neighbour]))
        return gap > 1.2 * unit and _pitch(row) <= SMALLER * unit

    top = 0
    while top < min(2, len(rows) - 1) and rows[top][0].cy < first + band:
        if not furniture(top, top + 1):
            break
        drop.add(top)
        top += 1
    bottom = len(rows) - 1
    while bottom > top and len(rows) - 1 - bottom < 2 and rows[bottom][0].cy > last - band:
        if not furniture(bottom, bottom - 1):
            break
        drop.add(bottom)
        bottom -= 1
    return drop


def _open_stretches(boxes: list[Box], tolerance: int) -> list[tuple[float, float]]:
    """The x stretches that at most `tolerance` boxes cover (a gutter under a title or two)."""
    events = sorted([(b.x0, 1) for b in boxes] + [(b.x1, -1) for b in boxes])
    stretches, depth, opened = [], 0, None
    for x, step in events:
        depth += step
        if depth <= tolerance and opened is None:
            opened = x
        elif depth > tolerance and opened is not None:
            if x > opened:
                stretches.append((opened, x))
            opened = None
    return stretches


def _columns(boxes: list[Box], hm: float) -> list[tuple[float, float]]:
    """The x ranges of the page's columns (one when there is no clear gutter)."""
    left, right = min(b.x0 for b in boxes), max(b.x1 for b in boxes)
    width = right - left
    if len(boxes) < 6 or width <= 0:
        return [(left, right)]
    tolerance = max(1, len(boxes) // 10)  # titles and lines that span the columns
    best = None
    for g0, g1 in _open_stretches(boxes, tolerance):
        mid = (g0 + g1) / 2
        if g1 - g0 < 0.8 * hm or not left + 0.2 * width < mid < right - 0.2 * width:
            continue
        lhs = sum(1 for b in boxes if b.x1 <= g0)
        rhs = sum(1 for b in boxes if b.x0 >= g1)
        if lhs < 3 or rhs < 3:
            continue
        if best is None or g1 - g0 > best[1] - best[0]:
            best = (g0, g1)
    if best is None:
        return [(left, right)]
    g0, g1 = best
    lhs_boxes = [b for b in boxes if b.x1 <= g0]
    rhs_boxes = [b for b in boxes if b.x0 >= g1]
    return _columns(lhs_boxes, hm) + _columns(rhs_boxes, hm)


def _lines_of(boxes: list[Box], hm: float) -> list[Line]:
    out = []
    for row in _rows(boxes, hm):
        text, conf = "", []
        for b in row:
            if text and _ASCII_WORD.match(text[-1]) and _ASCII_WORD.match(b.text[0]):
                text += " "
                conf.append(1.0)
            text += b.text
            conf += b.conf
        out.append(Line(text, conf, (min(b.x0 for b in row), min(b.y0 for b in row),
                                     max(b.x1 for b in row), max(b.y1 for b in row))))
    return out


def _percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))]


def _mark_paragraphs(lines: list[Line], hm: float, col: tuple[float, float]) -> None:
    """Set `starts` and `full` of a column's lines from its left and right edges."""
    if not lines:
        return
    lo = min(_percentile([ln.box[0] for ln in lines], 0.2), col[0] + hm)
    hi = max(_percentile([ln.box[2] for ln in lines], 0.9), col[1] - hm)
    previous = None
    for ln in lines:
        x0, y0, x1, _ = ln.box
        indented = x0 >= lo + 1.2 * hm
        gap = previous is not None and y0 - previous.box[3] > 1.1 * hm
        ln.starts = indented or gap or previous is None and indented
        ln.full = x1 >= hi - 1.2 * hm and x1 - lo >= MIN_FULL * hm
        previous = ln
    lines[0].starts = lines[0].box[0] >= lo + 1.2 * hm
    if len(lines) < 2:  # one line is no evidence of a column's width: its paragraph ends with it
        lines[0].full = False


def _column_of(b: Box, cols: list[tuple[float, float]], hm: float) -> int | None:
    """The column a box belongs to, or None when it reaches well into two (a spanning line). A
    line's closing punctuation may hang a character or two into the gutter."""
    reach = [k for k, (c0, c1) in enumerate(cols) if min(b.x1, c1) - max(b.x0, c0) > 2 * hm]
    if len(reach) == 1:
        return reach[0]
    if not reach:  # a short box: the column its middle is nearest
        mid = (b.x0 + b.x1) / 2
        return min(range(len(cols)), key=lambda k: abs((cols[k][0] + cols[k][1]) / 2 - mid))
    return None


def lay_out(boxes: list[Box], width: float, height: float, repeated: set[str] | None = None) -> PageLayout:
    """The page's lines in reading order, with its furniture apart."""
    boxes = [b for b in boxes if b.text.strip()]
    if not boxes:
        return PageLayout()
    hm = _median_height(boxes)
    rows = _rows(boxes, hm)
    unit = median(_pitch(row) for row in rows)  # a character's size (box heights grow when a photo is turned)
    drop = _furniture(rows, unit, repeated or set())
    page = PageLayout(furniture=[b for k in sorted(drop) for b in rows[k]])
    body = [b for k, row in enumerate(rows) if k not in drop for b in row]
    if not body:
        return page
    cols = _columns(body, unit)
    in_col: list[list[Box]] = [[] for _ in cols]
    spanning: list[Box] = []
    for b in body:
        k = _column_of(b, cols, unit)
        if k is None:
            spanning.append(b)
        else:
            in_col[k].append(b)
    col_lines = [_lines_of(bs, hm) for bs in in_col]
    for lines, col in zip(col_lines, cols, strict=True):
        _mark_paragraphs(lines, unit, col)
    span_lines = _lines_of(spanning, hm)
    for ln in span_lines:
        ln.starts, ln.full = True, False
    # bands between spanning lines, each read column by column
    cuts = [ln.box[1] for ln in span_lines] + [float("inf")]
    top = float("-inf")
    for k, cut in enumerate(cuts):
        for lines in col_lines:
            page.lines += [ln for ln in lines if top <= (ln.box[1] + ln.box[3]) / 2 < cut]
        if k < len(span_lines):
            page.lines.append(span_lines[k])
            top = cut
    return page


def joiner(a: str, b: str) -> str:
    """What goes between two lines of one paragraph: nothing in Chinese, a space between words."""
    return " " if a and b and _ASCII_WORD.match(a[-1]) and _ASCII_WORD.match(b[0]) else ""
