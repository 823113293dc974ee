"""PDF files with a text layer, through pypdf.

The text of each page is extracted (pypdf reads characters through the fonts' ToUnicode maps) and
pages follow each other as lines; line breaks inside paragraphs are the cleaning's business
(join_broken_lines). A page without a usable text layer (a scan) holds fewer than MIN_PAGE_CHARS
letters, digits or hanzi, or mostly characters no font maps (private-use, U+FFFD, control codes):
with OCR (`options.mode` auto, the default) those pages are read by OCR and take their place among
the others (reader.core.ocr; `always`: every page); with `never`, a PDF whose pages are all or
mostly scans is refused with NeedsOcr and the scanned pages of the others are left out, as they
were before OCR. Without the OCR extra a mostly scanned PDF is refused with OcrUnavailable (and a
few scanned pages are left out). An encrypted PDF
that opens with the empty password (restrictions only) is read; one that needs a password is
refused (Encrypted). A PDF pypdf cannot parse (truncated, corrupt) is DamagedFile.

Limits of the page loop (a page's content stream can inflate a thousandfold, and pages may share
one: 500 pages showing one stream burnt 366 s): pages that show the same content stream with the
same resources are read once (their text remembered); the text read so far is refused past the
character limit as soon as it passes it (TextTooLong), a page's content past PAGE_CONTENT_MB
(TooComplex), and the whole reading past SECONDS, checked at every operation of a page too.
"""

from __future__ import annotations

import io
import logging
import struct
import time
import warnings
import zlib

from reader.core import ocr
from reader.core.errors import (
    DamagedFile,
    Encrypted,
    NeedsOcr,
    NoTextRecognised,
    OcrUnavailable,
    TextTooLong,
    TooComplex,
)
from reader.core.model import RawDocument
from reader.core.ocr import ALWAYS, NEVER, OcrOptions
from reader.core.readers.text import normalise_newlines

# pypdf reports what it repairs as log warnings ("EOF marker not found"): they go to the
# program's log when one is set up, never as stray lines on the terminal.
logging.getLogger("pypdf").addHandler(logging.NullHandler())

# A page with fewer letters, digits or hanzi than this has no usable text layer.
MIN_PAGE_CHARS = 10
# Reading a PDF's text stops past this many seconds (a report of a hundred pages takes a few).
SECONDS = 60
# A page whose content stream (inflated) is larger is refused: pypdf parses about 0.4 MB a second.
PAGE_CONTENT_MB = 8


class _OutOfTimeError(Exception):
    pass


# A page whose text is more than this share of characters no font maps is garbage, read as a scan.
GARBAGE_SHARE = 0.3


def _useful(text: str) -> int:
    return sum(1 for ch in text if ch.isalnum() and not 0xE000 <= ord(ch) <= 0xF8FF)


def _unmapped(ch: str) -> bool:
    o = ord(ch)
    return 0xE000 <= o <= 0xF8FF or o == 0xFFFD or o >= 0xF0000 or (o < 0x20 and ch not in "\n\t\r")


def _scanned(text: str) -> bool:
    """Whether a page's text layer is missing or unusable (the page is read as a scan)."""
    shown = [ch for ch in text if not ch.isspace()]
    if shown and sum(1 for ch in shown if _unmapped(ch)) > GARBAGE_SHARE * len(shown):
        return True
    return _useful(text) < MIN_PAGE_CHARS


def read_pdf(data: bytes, path: str, options: OcrOptions | None = None) -> RawDocument:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    broken = (PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError, AssertionError,
              zlib.error, struct.error, RecursionError, OverflowError)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PdfReadWarning: repairs, as above
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise Encrypted(path, "pdf")
            pages = _page_texts(reader, path)
            title = _title(reader)
        except (FileNotDecryptedError, DependencyError) as e:  # a password, or AES without a crypto library
            raise Encrypted(path, "pdf") from e
        except _OutOfTimeError:
            raise TooComplex(path, "pdf", "seconds", SECONDS) from None
        except broken as e:
            raise DamagedFile(path, "pdf", f"{type(e).__name__}: {e}") from e
    options = options or OcrOptions()
    scanned = [k for k, text in enumerate(pages) if options.mode == ALWAYS or _scanned(text)]
    mostly = not pages or len(scanned) == len(pages) or (len(pages) >= 2 and len(scanned) > len(pages) / 2)
    if scanned and options.mode != NEVER and ocr.available():
        return _with_ocr(data, path, pages, scanned, title, options)
    if mostly:
        raise NeedsOcr(path) if options.mode == NEVER or not scanned else OcrUnavailable(path)
    text = "\n".join(t.strip("\n") for k, t in enumerate(pages) if k not in set(scanned))
    return RawDocument(text=text, encoding=None, format="pdf", title=title)


def _page_texts(reader, path: str) -> list[str]:
    """The text of each page, within the limits (see the module's description)."""
    from reader.core.readers.text import MAX_CHARS

    deadline = time.monotonic() + SECONDS

    def in_time(*_: object) -> None:
        if time.monotonic() > deadline:
            raise _OutOfTimeError

    seen: dict[object, str] = {}
    texts: list[str] = []
    total = 0
    for page in reader.pages:
        in_time()
        key = _content_key(page)
        text = seen.get(key) if key is not None else None
        if text is None:
            if _content_bytes(page) > PAGE_CONTENT_MB << 20:
                raise TooComplex(path, "pdf", "content", PAGE_CONTENT_MB)
            text = normalise_newlines(page.extract_text(visitor_operand_before=in_time) or "")
            if key is not None:
                seen[key] = text
        total += len(text) + 1
        if total > MAX_CHARS:
            raise TextTooLong(path, total, MAX_CHARS)
        texts.append(text)
    return texts


def _ref(value) -> object:
    """An indirect object's number, a list of them as a tuple; None for what is not (all) indirect."""
    from pypdf.generic import ArrayObject, IndirectObject

    if isinstance(value, IndirectObject):
        return (value.idnum, value.generation)
    if isinstance(value, ArrayObject):
        refs = tuple(_ref(v) for v in value)
        return None if None in refs else refs
    return None


def _content_key(page) -> object:
    """What a page shows: its content stream(s) and its resources; None when they cannot be named."""
    contents = _ref(dict.get(page, "/Contents"))
    if contents is None:
        return None
    resources = dict.get(page, "/Resources")
    return contents, _ref(resources) or repr(resources), repr(dict.get(page, "/Rotate"))


def _content_bytes(page) -> int:
    """The size of a page's content once inflated (pypdf stops inflating at its own limit)."""
    contents = page.get("/Contents")
    if contents is None:
        return 0
    contents = contents.get_object()
    streams = contents if isinstance(contents, list) else [contents]
    size = 0
    for stream in streams:
        stream = stream.get_object()
        data = stream.get_data() if hasattr(stream, "get_data") else b""
        size += len(data)
    return size


def _with_ocr(data: bytes, path: str, pages: list[str], scanned: list[int], title: str | None,
              options: OcrOptions) -> RawDocument:
    """The document with its `scanned` pages read by OCR, in their places among the others."""
    from reader.core.ocr.images import pdf_pages
    from reader.core.ocr.record import assemble
    from reader.core.ocr.run import PageJob, read_pages

    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    jobs = (PageJob(k + 1, name, img) for k, img in zip(scanned, pdf_pages(data, path, scanned), strict=True))
    results = read_pages(path, jobs, len(scanned), options.on_page, options.cancel)
    by_page = dict(zip(scanned, results, strict=True))
    parts = [by_page.get(k, text) for k, text in enumerate(pages)]
    text, record = assemble(parts)
    if _useful(text) < MIN_PAGE_CHARS:
        raise NoTextRecognised(path)
    return RawDocument(text=text, encoding=None, format="pdf", title=title, ocr=record)


def _title(reader) -> str | None:
    meta = reader.metadata
    title = (meta.title if meta is not None else None) or ""
    return str(title).strip() or None
