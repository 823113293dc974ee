"""Plain text and markdown files (.txt, .md) in any encoding reader.core.readers.decode finds.

Line ends (CRLF, CR, and the Unicode line and paragraph separators, form feeds of page breaks)
become '\\n'. Markdown '#' heading lines are left as they are: the cleaning step
strip_markdown_headings turns them into heading hints for every format, so they are not hinted
twice.
"""

from __future__ import annotations

import re

from reader.core.model import RawDocument
from reader.core.readers.decode import decode

_LINE_ENDS = re.compile("\r\n|[\r\u2028\u2029\x0b\x0c\x85]")


def normalise_newlines(text: str) -> str:
    return _LINE_ENDS.sub("\n", text)


def read_text(data: bytes, path: str, fmt: str = "txt") -> RawDocument:
    decoded = decode(data, path)
    return RawDocument(text=normalise_newlines(decoded.text), encoding=decoded.encoding, format=fmt)
