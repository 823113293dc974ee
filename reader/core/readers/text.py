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

# A text longer than this (in characters) is refused after reading, whatever its format
# (reader.core.readers.read_path; the PDF reader page by page): cleaning, the offset map and the
# search index take some 40-50 bytes a character at their peak (measured: a 4.8 million character
# line peaks near 250 MB), and the longest compilation of reports is far shorter.
MAX_CHARS = 5_000_000

_LINE_ENDS = re.compile("\r\n|[\r\u2028\u2029\x0b\x0c\x85]")


def normalise_newlines(text: str) -> str:
    return _LINE_ENDS.sub("\n", text)


def read_text(data: bytes, path: str, fmt: str = "txt") -> RawDocument:
    decoded = decode(data, path)
    return RawDocument(text=normalise_newlines(decoded.text), encoding=decoded.encoding, format=fmt)
