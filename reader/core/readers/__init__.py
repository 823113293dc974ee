"""Read a file from disk into a RawDocument (decoded text, encoding, format, heading hints).

One module per format: text (.txt, .md in any encoding decode finds), docx, doc (Word 97-2003, and
what Word and WPS save under .doc: RTF, a web page, a .docx), rtf, html (.html, .htm), mht (.mht, .mhtml:
a single-file web page, its page read by html), pdf (its scanned pages read by OCR), image (pictures read by OCR) and pages (a folder of page
pictures, one report: see image.py). SUFFIXES decides which files an import collects. Every reader returns
text with '\\n' between paragraphs (or lines) and heading hints as offsets into that text; every
problem with a file is a typed error (reader.core.errors), never a half-read document.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.core.errors import TextTooLong, TooLarge, UnsupportedFormat
from reader.core.model import RawDocument
from reader.core.ocr import OcrOptions
from reader.core.readers import image
from reader.core.readers.html import read_html
from reader.core.readers.image import IMAGE_SUFFIXES, page_files, read_folder, read_image
from reader.core.readers.pdf import read_pdf
from reader.core.readers.text import MAX_CHARS, read_text

SUFFIXES = {".txt": "txt", ".md": "md", ".docx": "docx", ".doc": "doc", ".rtf": "rtf", ".html": "html",
            ".htm": "html", ".mht": "mht", ".mhtml": "mht", ".pdf": "pdf",
            **dict.fromkeys(sorted(IMAGE_SUFFIXES), "image")}
PAGES = "pages"  # a folder of page pictures, imported as one report

# Files larger than this are refused before they are read (a report is rarely above a few MB;
# a PDF or Word file with images can be far larger than its text; a single-file web page carries its
# pictures in base64, a third larger than they are).
LIMIT_MB = {"txt": 64, "md": 64, "html": 64, "mht": 128, "docx": 256, "doc": 256, "rtf": 256, "pdf": 256,
            "image": 128, PAGES: 1024}


def read_docx(data: bytes, path: str) -> RawDocument:
    """reader.core.readers.docx.read_docx, imported with the first Word file: python-docx (and
    lxml) took a fifth of an import worker's start, and most imports hold no Word file."""
    from reader.core.readers.docx import read_docx as read

    return read(data, path)


def read_doc(data: bytes, path: str) -> RawDocument:
    """reader.core.readers.doc.read_doc, imported with the first old Word file (as the readers of
    .rtf and .mht: an import worker starts without them and the email package)."""
    from reader.core.readers.doc import read_doc as read

    return read(data, path)


def read_rtf(data: bytes, path: str) -> RawDocument:
    from reader.core.readers.rtf import read_rtf as read

    return read(data, path)


def read_mht(data: bytes, path: str) -> RawDocument:
    from reader.core.readers.mht import read_mht as read

    return read(data, path)


def _docx(data: bytes, path: str) -> RawDocument:
    """A .docx; an old Word .doc named .docx (an OLE compound file that is not an encrypted .docx's
    envelope) is read as the .doc it is."""
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        from reader.core.readers.doc import ENCRYPTED_PACKAGE

        if ENCRYPTED_PACKAGE not in data:
            return read_doc(data, path)
    return read_docx(data, path)


_READERS: dict[str, Callable[[bytes, str], RawDocument]] = {
    "txt": lambda data, path: read_text(data, path, "txt"),
    "md": lambda data, path: read_text(data, path, "md"),
    "docx": _docx,
    "doc": read_doc,
    "rtf": read_rtf,
    "html": read_html,
    "mht": read_mht,
}
_OCR_READERS: dict[str, Callable[[bytes, str, OcrOptions | None], RawDocument]] = {
    "pdf": read_pdf,
    "image": read_image,
    PAGES: read_folder,
}


def format_of(path: Path) -> str:
    if Path(path).is_dir():
        return PAGES
    fmt = SUFFIXES.get(Path(path).suffix.lower())
    if fmt is None:
        raise UnsupportedFormat(str(path), Path(path).suffix or "（无）")
    return fmt


def check_size(path: Path, size: int | None = None) -> None:
    """Raise TooLarge when the file (of `size` bytes, else as on disk) is over its format's limit."""
    fmt = format_of(path)
    limit = LIMIT_MB[fmt]
    if size is None:
        size = (sum(f.stat().st_size for f in page_files(Path(path))) if fmt == PAGES
                else Path(path).stat().st_size)
    if size > limit * 1024 * 1024:
        raise TooLarge(str(path), limit)


def read_bytes(path: Path) -> bytes:
    """A file's bytes; for a folder of page pictures, its pictures packed in order."""
    path = Path(path)
    return image.pack(page_files(path)) if path.is_dir() else path.read_bytes()


def read_path(path: Path, data: bytes | None = None, ocr: OcrOptions | None = None) -> RawDocument:
    """Read `path` (or its bytes already read, `data`) by its suffix; `ocr` says how scans are read."""
    path = Path(path)
    fmt = format_of(path)
    check_size(path, None if data is None else len(data))
    if data is None:
        data = read_bytes(path)
    if fmt in _OCR_READERS:
        raw = _OCR_READERS[fmt](data, str(path), ocr)
    else:
        raw = _READERS[fmt](data, str(path))
    if len(raw.text) > MAX_CHARS:
        raise TextTooLong(str(path), len(raw.text), MAX_CHARS)
    return raw
