"""Plain data passed between the steps of reading a document (no Qt, no database)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class HeadingHint:
    """A line the source format itself marks as a heading (Word heading style, HTML <h2>, markdown '#').

    `offset` is the index (code points) of the line's first character in the text it belongs to.
    """

    offset: int
    level: int


@dataclass
class RawDocument:
    """A document as read from disk, before cleaning.

    text: the decoded original text (paragraphs separated by '\\n');
    encoding: the text encoding found ('utf-8', 'utf-8-sig', 'utf-16', 'gb18030', 'big5'...), or None
    for formats that carry their own (docx, pdf);
    format: 'txt', 'md', 'docx', 'doc', 'rtf', 'html', 'mht', 'pdf', 'image', 'pages';
    hints: heading lines known from the format, offsets into `text`;
    title: a title from the format's metadata (HTML <title>, Word core properties), if any;
    ocr: for a scan or picture read by OCR, its pages, lines and confidences.
    """

    text: str
    encoding: str | None
    format: str
    hints: list[HeadingHint] = field(default_factory=list)
    title: str | None = None
    ocr: OcrRecord | None = None  # an OCR'd document's record (made by reader.core.ocr.record)


def hinted_text(lines: list[tuple[str, int | None]]) -> tuple[str, list[HeadingHint]]:
    """What a reader found, as lines with their heading level (None: not a heading), joined into one
    text with '\n' between them, and a heading hint at the start of each heading line that is not
    blank (docx, doc, rtf, html)."""
    hints: list[HeadingHint] = []
    pos = 0
    for line, level in lines:
        if level is not None and line.strip():
            hints.append(HeadingHint(pos, level))
        pos += len(line) + 1
    return "\n".join(line for line, _ in lines), hints


# What an OCR'd document keeps beside its text (reader.core.ocr.record makes it; the store keeps it).


@dataclass
class OcrPage:
    number: int
    source: str
    width: int  # of the kept image
    height: int
    image: bytes


@dataclass
class OcrLine:
    page: int  # index into OcrRecord.pages
    box: tuple[int, int, int, int]  # in the kept image's pixels
    start: int  # [start, end) in the original text
    end: int
    text: str  # as recognised (the original text holds the correction, if any)


@dataclass
class OcrRecord:
    pages: list[OcrPage] = field(default_factory=list)
    lines: list[OcrLine] = field(default_factory=list)
    confidence: bytes = b""


@dataclass(frozen=True)
class Place:
    """A division resolved against the national list: a county-level one (county set), or the
    prefecture or province a higher-level report speaks for (county None; prefecture None for a
    province). `code` is the division's administrative code (6, 4 or 2 digits)."""

    county: str | None
    province: str
    prefecture: str | None
    code: str | None

    @property
    def name(self) -> str:
        return self.county or self.prefecture or self.province

    @property
    def level(self) -> str:
        return "county" if self.county else "prefecture" if self.prefecture else "province"


@dataclass
class SectionSpan:
    """A heading and the text it governs: [start, end) in the cleaned text, heading text in
    [start, heading_end). `level` is the depth in this unit's tree (1 = top)."""

    heading: str
    level: int
    start: int
    end: int
    heading_end: int
    kind: str = "numbered"
    children: list[SectionSpan] = field(default_factory=list)


@dataclass
class UnitSpan:
    """One county-level author's report within a document: [start, end) in the cleaned text."""

    start: int
    end: int
    title: str | None = None
    author: str | None = None
    year: int | None = None
    place: Place | None = None
    office: str | None = None  # the author's office as the byline gives it
    place_method: str | None = None
    sections: list[SectionSpan] = field(default_factory=list)
