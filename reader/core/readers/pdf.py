"""PDF files with a text layer, through pypdf.

The text of each page is extracted (pypdf reads characters through the fonts' ToUnicode maps) and
pages follow each other as lines; line breaks inside paragraphs are the cleaning's business
(join_broken_lines). A PDF without a text layer (a scan) is refused with NeedsOcr: when every
page, or most pages, hold fewer than MIN_PAGE_CHARS letters, digits or hanzi. An encrypted PDF
that opens with the empty password (restrictions only) is read; one that needs a password is
refused (Encrypted). A PDF pypdf cannot parse (truncated, corrupt) is DamagedFile.
"""

from __future__ import annotations

import io
import logging
import struct
import warnings
import zlib

from reader.core.errors import DamagedFile, Encrypted, NeedsOcr
from reader.core.model import RawDocument
from reader.core.readers.text import normalise_newlines

# pypdf reports what it repairs as log warnings ("EOF marker not found"): they go to the
# program's log when one is set up, never as stray lines on the terminal.
logging.getLogger("pypdf").addHandler(logging.NullHandler())

# A page with fewer letters, digits or hanzi than this has no usable text layer.
MIN_PAGE_CHARS = 10


def _useful(text: str) -> int:
    return sum(1 for ch in text if ch.isalnum() and not 0xE000 <= ord(ch) <= 0xF8FF)


def read_pdf(data: bytes, path: str) -> RawDocument:
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
            pages = [normalise_newlines(page.extract_text() or "") for page in reader.pages]
            title = _title(reader)
        except (FileNotDecryptedError, DependencyError) as e:  # a password, or AES without a crypto library
            raise Encrypted(path, "pdf") from e
        except broken as e:
            raise DamagedFile(path, "pdf", f"{type(e).__name__}: {e}") from e
    empty = sum(1 for text in pages if _useful(text) < MIN_PAGE_CHARS)
    if not pages or empty == len(pages) or (len(pages) >= 2 and empty > len(pages) / 2):
        raise NeedsOcr(path)
    text = "\n".join(t.strip("\n") for t in pages)
    return RawDocument(text=text, encoding=None, format="pdf", title=title)


def _title(reader) -> str | None:
    meta = reader.metadata
    title = (meta.title if meta is not None else None) or ""
    return str(title).strip() or None
