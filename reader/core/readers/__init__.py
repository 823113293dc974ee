"""Read a file from disk into a RawDocument (decoded text, encoding, format, heading hints).

STUB: replaced by the real readers (txt/md with encoding detection, docx, html, pdf).
"""

from __future__ import annotations

from pathlib import Path

from reader.core.model import RawDocument

SUFFIXES = {".txt": "txt", ".md": "txt"}


def read_path(path: Path) -> RawDocument:
    data = Path(path).read_bytes()
    return RawDocument(text=data.decode("utf-8-sig"), encoding="utf-8", format="txt")
