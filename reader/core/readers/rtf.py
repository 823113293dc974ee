"""Rich Text Format (.rtf, and the RTF that Word and WPS save under .doc): its text, paragraphs and headings.

A small reader of the RTF syntax: groups, control words and symbols, text. Text comes from \\uN
(Unicode; the \\ucN characters after it are its fallback and skipped) and from bytes (\\'hh and
literal characters) in the code page of the current font's \\fcharset, else the document's
\\ansicpgN (a Chinese document's GBK bytes, Big5, Shift-JIS...). Left out: the destinations that are
not body text (font, colour and style tables, document information, pictures, objects, headers,
footers, footnotes, annotations, field instructions and every \\* destination not known); of a field
only its result is kept. \\par, \\line, \\sect, \\page, a cell's and a row's end become line breaks;
\\tab a tab. A paragraph in a heading style ("heading 1".."heading 9", "标题 1", "Title", as the
stylesheet names them) or with an \\outlinelevelN becomes a heading hint, as in the .docx reader.

Limits: the file's size (reader.core.readers.LIMIT_MB); groups nest at most MAX_DEPTH deep
(TooComplex); \\binN data is skipped, not read. One pass over the file: time and memory are linear.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace

from reader.core.errors import DamagedFile, TooComplex
from reader.core.model import RawDocument, hinted_text

MAX_DEPTH = 512  # real files nest some tens of groups
_TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z'])|([{}])|([\r\n]+)|([^\\{}\r\n]+)")
# Destinations whose text is not the document's body.
_SKIP = {
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "objdata", "header", "headerl", "headerr",
    "headerf", "footer", "footerl", "footerr", "footerf", "footnote", "annotation", "fldinst", "themedata",
    "colorschememapping", "datastore", "latentstyles", "listtable", "listoverridetable", "rsidtbl", "generator",
    "xmlnstbl", "filetbl", "revtbl", "pgdsctbl", "atnid", "atnauthor", "bkmkstart", "bkmkend", "shppict",
    "nonshppict", "sp", "shpinst", "template", "xe", "tc", "txe", "do", "listtext", "pntext", "pntxta", "pntxtb",
    "mmath", "userprops", "docvar", "passwordhash", "wgrffmtfilter", "falt", "panose", "fname",
}
_BREAKS = {"line": "\n", "tab": "\t", "emdash": "\u2014", "endash": "\u2013", "emspace": "\u2003", "enspace": "\u2002",
           "qmspace": "\u2005", "bullet": "\u2022", "lquote": "\u2018", "rquote": "\u2019",
           "ldblquote": "\u201c", "rdblquote": "\u201d"}
_SYMBOLS = {b"~": "\u00a0", b"_": "-", b"-": "", b"\\": "\\", b"{": "{", b"}": "}"}
# \fcharset -> codec (Windows code pages).
_CHARSETS = {0: "cp1252", 128: "cp932", 129: "cp949", 134: "gbk", 136: "cp950", 161: "cp1253",
             162: "cp1254", 177: "cp1255", 178: "cp1256", 186: "cp1257", 204: "cp1251", 222: "cp874",
             238: "cp1250"}
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)
_TITLE_NAMES = {"title", "标题"}


@dataclass(frozen=True)
class _State:
    skip: bool = False
    uc: int = 1
    font: int | None = None
    style: int | None = None  # in the stylesheet: the style this group defines
    in_fonttbl: bool = False
    in_stylesheet: bool = False


class _Reader:
    def __init__(self, path: str):
        self.path = path
        self.out: list[str] = []
        self.pending = bytearray()  # bytes of text not yet decoded
        self.codepage = "cp1252"
        self.fonts: dict[int, str] = {}
        self.font_charset: dict[int, int] = {}
        self.style_names: dict[int, list[str]] = {}
        self.style_levels: dict[int, int | None] = {}  # worked out once a style
        self.lines: list[tuple[str, int | None]] = []
        self.level: int | None = None  # the current paragraph's heading level
        self.style: int | None = None
        self.skip_chars = 0  # fallback characters of a \uN still to skip

    def codec(self, state: _State) -> str:
        if state.font is not None and state.font in self.font_charset:
            codec = _CHARSETS.get(self.font_charset[state.font])
            if codec:
                return codec
        return self.codepage

    def flush_bytes(self, state: _State) -> None:
        if self.pending:
            self.emit(bytes(self.pending).decode(self.codec(state), errors="replace"), state)
            self.pending.clear()

    def emit(self, text: str, state: _State) -> None:
        if state.in_stylesheet and state.style is not None:
            self.style_names.setdefault(state.style, []).append(text)
            self.style_levels.pop(state.style, None)
        elif not state.skip:
            self.out.append(text)

    def end_paragraph(self) -> None:
        text = "".join(self.out)
        if any("\ud800" <= c <= "\udfff" for c in text):  # pairs of \uN halves made one character
            text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        self.out.clear()
        for k, line in enumerate(text.split("\n")):
            self.lines.append((line, self.heading_level() if k == 0 else None))

    def heading_level(self) -> int | None:
        if self.level is not None:
            return self.level
        if self.style is None:
            return None
        if self.style not in self.style_levels:
            name = "".join(self.style_names.get(self.style, [])).strip().rstrip(";").strip()
            m = _HEADING_NAME.match(name)
            self.style_levels[self.style] = int(m.group(1)) if m else 1 if name.lower() in _TITLE_NAMES else None
        return self.style_levels[self.style]


def read_rtf(data: bytes, path: str) -> RawDocument:
    start = data.find(b"{\\rtf")
    if start < 0 or start > 16:
        raise DamagedFile(path, "rtf", "not RTF")
    r = _Reader(path)
    state = _State()
    stack: list[_State] = []
    pos = start
    n = len(data)
    starred = False  # the group began with \*: an optional destination, skipped unless known
    first_in_group = False
    while pos < n:
        m = _TOKEN.match(data, pos)
        if m is None:  # a lone backslash at the end
            break
        pos = m.end()
        word, arg, hexbyte, symbol, brace, _newline, text = m.groups()
        if hexbyte is not None:
            if r.skip_chars:
                r.skip_chars -= 1
            else:
                r.pending.append(int(hexbyte, 16))
            first_in_group = False
            continue
        if text is not None:
            if r.skip_chars:
                skipped = min(r.skip_chars, len(text))
                r.skip_chars -= skipped
                text = text[skipped:]
            r.pending += text
            first_in_group = False
            continue
        if _newline is not None:
            continue
        r.flush_bytes(state)
        if brace == b"{":
            if len(stack) >= MAX_DEPTH:
                raise TooComplex(path, "rtf", "depth", MAX_DEPTH)
            stack.append(state)
            first_in_group = True
            starred = False
            r.skip_chars = 0
            continue
        if brace == b"}":
            if not stack:
                break  # the end of the document
            state = stack.pop()
            first_in_group = False
            r.skip_chars = 0
            continue
        if symbol is not None:
            if symbol == b"*":
                starred = first_in_group
                continue
            first_in_group = False
            if symbol in _SYMBOLS:
                r.emit(_SYMBOLS[symbol], state)
            continue
        name = word.decode("ascii")
        value = int(arg) if arg is not None else None
        if starred and first_in_group and name != "fldrslt":
            state = replace(state, skip=True)  # an optional destination this reader does not know
        starred = first_in_group = False
        state = _control(r, state, name, value)
        if name == "bin":
            pos += max(value or 0, 0)
    r.flush_bytes(state)
    if r.out:
        r.end_paragraph()
    return _document(r.lines)


def _control(r: _Reader, state: _State, name: str, value: int | None) -> _State:
    """Obey one control word; the state of the group from here on."""
    if name in _SKIP:
        return replace(state, skip=True, in_fonttbl=state.in_fonttbl or name == "fonttbl",
                       in_stylesheet=state.in_stylesheet or name == "stylesheet")
    if name == "uc":
        return replace(state, uc=max(value or 0, 0))
    if name == "u" and value is not None:
        r.emit(chr(value + 65536) if value < 0 else chr(value) if value < 0x110000 else "\ufffd", state)
        r.skip_chars = state.uc
        return state
    if name == "ansicpg" and value:
        r.codepage = _codepage(value)
        return state
    if name == "f" and value is not None:
        return replace(state, font=value)
    if name == "fcharset" and value is not None:
        if state.in_fonttbl and state.font is not None:
            r.font_charset[state.font] = value
        return state
    if state.in_stylesheet and name in ("s", "cs", "ds", "ts") and value is not None:
        return replace(state, style=value if name == "s" else None)
    if state.skip:
        return state
    if name == "s" and value is not None:
        r.style = value
    elif name == "pard":
        r.level, r.style = None, None
    elif name == "outlinelevel" and value is not None:
        r.level = value + 1 if 0 <= value <= 8 else None
    elif name in ("par", "sect", "page", "cell", "nestcell"):
        r.end_paragraph()
    elif name in ("row", "nestrow"):
        if r.out:  # a row's cells end their own lines
            r.end_paragraph()
    elif name in _BREAKS:
        r.emit(_BREAKS[name], state)
    return state


def _codepage(value: int) -> str:
    try:
        return codecs.lookup(f"cp{value}").name
    except LookupError:
        return "cp1252"


def _document(lines: list[tuple[str, int | None]]) -> RawDocument:
    text, hints = hinted_text(lines)
    return RawDocument(text=text, encoding=None, format="rtf", hints=hints, title=None)
