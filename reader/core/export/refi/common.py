"""What the REFI-QDA writer and reader share: namespaces, GUIDs, variable names, line endings.

GUIDs are uuid5 of what a thing is (a theme's path, a report's document hash and position, a
passage's id in that report...), so exporting the same project twice gives the same GUIDs and the
two files diff cleanly; a codebook exported from two projects gives the same GUID to the same
theme path.

Positions (startPosition/endPosition) count Unicode code points of the plain-text source file.
Our offsets count code points of the unit text, so with LF line endings they are the same
numbers; with CRLF every line break before a position adds one.
"""

from __future__ import annotations

import re
import uuid
from array import array
from bisect import bisect_left
from xml.etree import ElementTree as ET

from reader.core.offsets import OffsetMap

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
PROJECT_SCHEMA = "http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd"
CODEBOOK_SCHEMA = "http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd"

_NAMESPACE = uuid.UUID("cbdded2f-d8b0-5c65-8149-b0314916930e")  # uuid5(URL, our REFI-QDA page)

LINE_ENDINGS = ("lf", "crlf")

# Variables we write (Chinese names, shown as such in MAXQDA/ATLAS.ti) and the names we read.
PROVINCE, PREFECTURE, YEAR, TITLE = "省份", "地市", "年份", "报告标题"
VARIABLE_ALIASES = {
    "title": {TITLE, "标题", "title"},
    "province": {PROVINCE, "省", "province"},
    "prefecture": {PREFECTURE, "地级市", "市", "地区", "prefecture", "city"},
    "year": {YEAR, "年", "年度", "year"},
    "county": {"县区", "县", "区", "县市区", "county", "district"},
}


def guid(kind: str, *parts: object) -> str:
    """A stable GUID (upper case, as the QDA tools write them) for a thing of `kind`."""
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join([kind, *map(str, parts)]))).upper()


def xml_bytes(root: ET.Element) -> bytes:
    """The document as UTF-8 bytes: a plain XML declaration (no BOM), indented, so exports diff."""
    ET.indent(root, space="  ")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode").encode("utf-8") + b"\n"


class Positions:
    """Unit offsets -> positions in the source file written with `line_endings` ('lf' or 'crlf')."""

    def __init__(self, text: str, line_endings: str = "lf"):
        if line_endings not in LINE_ENDINGS:
            raise ValueError(line_endings)
        self.text = text
        self.crlf = line_endings == "crlf"
        self._breaks = [i for i, c in enumerate(text) if c == "\n"] if self.crlf else []

    def file_text(self) -> str:
        return self.text.replace("\n", "\r\n") if self.crlf else self.text

    def position(self, offset: int) -> int:
        """Every line break before `offset` has become two code points."""
        return offset + bisect_left(self._breaks, offset) if self.crlf else offset


_CRLF = re.compile("\r\n")


class SourceText:
    """A source file's text as read (BOM dropped) -> the unit text we store (CRLF and lone CR made
    LF) and its positions -> unit offsets. Memory is a few bytes a line break, not a list of every
    character (a source of line breaks alone peaked at 1.7 GB): `offset_map()` maps the unit text
    to the file text by runs, `sources` (each unit character's index in the file text) is made
    only when asked for."""

    def __init__(self, file_text: str):
        if file_text.startswith("\ufeff"):
            file_text = file_text[1:]
        self.original = file_text
        self._dropped = array("q", (m.start() for m in _CRLF.finditer(file_text))) if "\r" in file_text else array("q")
        self.changed = "\r" in file_text
        self.text = file_text.replace("\r\n", "\n").replace("\r", "\n") if self.changed else file_text

    @property
    def sources(self) -> list[int] | None:
        """Each unit character's index in the file text (None when nothing changed)."""
        if not self.changed:
            return None
        dropped = set(self._dropped)
        return [i for i in range(len(self.original)) if i not in dropped]

    def offset_map(self) -> OffsetMap:
        """Unit text -> file text: a run between each two CRLFs dropped."""
        if not self._dropped:  # the same length (lone CRs are one LF each)
            return OffsetMap.identity(len(self.text))
        runs = []
        clean = orig = 0
        for cr in self._dropped:
            length = cr - orig  # up to the dropped \r; its \n is the next run's first character
            if length:
                runs.append((clean, orig, length))
            clean += length
            orig = cr + 1
        if orig < len(self.original):
            runs.append((clean, orig, len(self.original) - orig))
        return OffsetMap(runs, len(self.text), len(self.original))

    @property
    def had_crlf(self) -> bool:
        return bool(len(self._dropped))

    def offset(self, position: int) -> int:
        """The unit offset of a standard position (CRLF counted as two code points)."""
        position = max(0, min(position, len(self.original)))
        return position - bisect_left(self._dropped, position)

    def span(self, start: int, end: int, name: str | None = None) -> tuple[int, int]:
        """The unit span of a selection. Some tools (ATLAS.ti) count CRLF as one character: when the
        selection's name (often the start of its text) matches the text only under that reading,
        the positions are taken as they are."""
        strict = self.offset(start), self.offset(end)
        if not len(self._dropped) or not name:
            return strict
        loose = max(0, min(start, len(self.text))), max(0, min(end, len(self.text)))
        probe = " ".join(name.split())[:20]
        if not probe:
            return strict

        def fits(span: tuple[int, int]) -> bool:
            return " ".join(self.text[span[0] : span[1]].split()).startswith(probe)

        return loose if fits(loose) and not fits(strict) else strict
