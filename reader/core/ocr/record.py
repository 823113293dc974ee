"""What an OCR'd document keeps beside its text, and how its pages become that text.

`assemble` lays the document's pages out (reader.core.ocr.layout) and writes its original text:
OCR'd lines joined into paragraphs on the page's evidence, pages with a text layer as they were
read. Beside the text it keeps the record the window needs to check it: each page's image, each
line's box on its page and place in the original text, and one confidence a character
(`confidence[i]` for `original[i]`: 0-100, or TEXT_LAYER for a character that OCR did not make:
text-layer pages, the breaks between paragraphs, a line the user corrected).
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.model import OcrLine, OcrPage, OcrRecord
from reader.core.ocr.engine import Box
from reader.core.ocr.layout import edge_texts, joiner, lay_out, repeated_edges

TEXT_LAYER = 255  # a character not made by OCR
CORRECTED = 254  # a character the user typed in a line correction
LOW = 80  # below this confidence (in %) a character is marked for checking


@dataclass
class PageResult:
    """One page as read by an OCR process: its boxes (OCR pixels) and the image kept of it."""

    number: int  # the page in its source (1-based: a PDF's page, a picture's place in its folder)
    source: str  # the file it came from
    width: int
    height: int
    boxes: list[Box]
    image: bytes  # greyscale JPEG
    scale: float  # kept image pixels per OCR pixel
    cpu: float = 0.0  # CPU seconds the OCR of this page took in its process (for the benchmark)


def assemble(parts: list[str | PageResult]) -> tuple[str, OcrRecord]:
    """(original text, record) of a document's pages in order: text-layer pages as strings,
    OCR'd pages as PageResults."""
    scans = [p for p in parts if isinstance(p, PageResult)]
    repeated = repeated_edges([edge_texts(p.boxes, p.height) for p in scans])
    record = OcrRecord()
    pieces: list[str] = []
    conf = bytearray()
    size = 0
    last = None  # the last OCR line written, while its paragraph may go on

    def put(text: str, c: bytes | bytearray | None = None) -> None:
        nonlocal size
        pieces.append(text)
        conf.extend(c if c is not None else bytes([TEXT_LAYER]) * len(text))
        size += len(text)

    for part in parts:
        if isinstance(part, str):
            text = part.strip("\n")
            if text:
                if size:
                    put("\n")
                put(text)
            last = None
            continue
        layout = lay_out(part.boxes, part.width, part.height, repeated)
        page_index = len(record.pages)
        record.pages.append(_page(part))
        for line in layout.lines:
            if last is not None and last.full and not line.starts:
                put(joiner(last.text, line.text))
            elif size:
                put("\n")
            start = size
            put(line.text, bytes(max(0, min(100, round(c * 100))) for c in line.conf))
            s = part.scale
            box = tuple(round(v * s) for v in line.box)
            record.lines.append(OcrLine(page_index, box, start, size, line.text))
            last = line
    record.confidence = bytes(conf)
    return "".join(pieces), record


def page_text(page: PageResult) -> str:
    """One page's text as the document will have it (laid out, furniture dropped, lines joined into
    paragraphs), read on its own: a running head that only the other pages show to be one is still
    in it, and its last paragraph is not yet joined to the next page's first."""
    return assemble([page])[0]


def _page(part: PageResult) -> OcrPage:
    return OcrPage(part.number, part.source, round(part.width * part.scale), round(part.height * part.scale),
                   part.image)
