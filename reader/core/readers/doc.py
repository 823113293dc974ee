"""Old Word documents (.doc, Word 97-2003) through olefile and the format's piece table.

A .doc is an OLE compound file. Its WordDocument stream begins with the FIB, which says which table
stream holds the document's tables (fWhichTblStm: 0Table or 1Table), how many characters the main
text has (ccpText, FibRgLw97) and where the CLX is in the table stream (fcClx/lcbClx, FibRgFcLcb97).
The CLX's Pcdt holds the piece table (PlcPcd): the character positions where pieces begin and, for
each piece, where its text is in the WordDocument stream: UTF-16LE, or "compressed" 8-bit text (bit
0x40000000 of its fc; at fc/2, cp1252). Only the main document's text is read (the first ccpText
characters), not footnotes, headers or text boxes. The title in the document's properties
(SummaryInformation) becomes the document's title, as a .docx's core properties' does.

Word's control characters become text: a paragraph end (\\r), a line break (\\x0b), a page or
section break (\\x0c) and a cell or row end (\\x07, one line per cell as the .docx reader gives) are
line breaks; of a field (\\x13 instruction \\x14 result \\x15, nested at will) only the result is
kept, and a table of contents' result is left out as the .docx reader leaves it out; pictures,
drawn objects and other placeholders go.

What users save under .doc without its being one is read for what it is: a .docx renamed (a zip),
a web page or a "single file web page" (Word and WPS save both under .doc), and RTF. Encrypted
documents give Encrypted; Word 95 and older and Word 2003's XML, OldFormat (to save again as .docx); a file whose tables do not hold together,
DamagedFile.

Limits: the file's size (reader.core.readers.LIMIT_MB); the main text's length is checked against
the program's limit before anything is decoded (TextTooLong); pieces must lie inside their stream;
fields nest at most MAX_FIELD_DEPTH deep (TooComplex). Time and memory are linear in the file.
"""

from __future__ import annotations

import bisect
import io
import re
import struct

from reader.core.errors import DamagedFile, Encrypted, OldFormat, TextTooLong, TooComplex
from reader.core.model import HeadingHint, RawDocument
from reader.core.readers.html import looks_like_html, read_html
from reader.core.readers.mht import read_mht
from reader.core.readers.rtf import read_rtf

CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
RTF = b"{\\rtf"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # the stream of an encrypted .docx's OLE envelope
_WORD_IDENT = 0xA5EC
_WORD_6_IDENT = 0xA5DC
_NFIB_97 = 0x00C1  # Word 97 and later write at least this (Word 95: 0x0065-0x0068)
_F_ENCRYPTED = 0x0100
_F_WHICH_TBL = 0x0200
_F_OBFUSCATED = 0x8000
_COMPRESSED = 0x40000000
_CLX_INDEX = 33  # fcClx/lcbClx: the 34th pair of FibRgFcLcb97
_PAPX_INDEX = 13  # fcPlcfBtePapx
_STSH_INDEX = 1  # fcStshf
# Fields nest deeper than this only in a damaged or hostile file.
MAX_FIELD_DEPTH = 64
# A single-file web page: MIME headers (some folded over several lines), MIME-Version among them.
_MIME_START = re.compile(rb"^\s*(?:[A-Za-z-]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?mime-version\s*:", re.I)
# Word 2003's XML (WordprocessingML before .docx), which Word and WPS may save under .doc.
_WORD_XML = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]{0,200}\?>\s*(?:<\?mso-application[^>]{0,200}\?>\s*)?<w:wordDocument",
                       re.S)
# Characters of Word's text that are not text.
_LINE_BREAKS = {"\r", "\x0b", "\x0c", "\x0e", "\x07"}
_PARAGRAPH_ENDS = {"\r", "\x07"}  # a paragraph's mark; a cell's end is one too
_MARKS = re.compile("[\r\x07]")
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)
_TITLE_NAMES = {"title", "标题"}
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f]")  # Word's marks (a tab is text); those not named here are dropped
_HIDDEN_RESULT = re.compile(r"^\s*(?:TOC|INDEX|TOA)\b", re.I)  # fields whose result repeats the document


def read_doc(data: bytes, path: str) -> RawDocument:
    """Read a .doc: a Word 97-2003 document, or what Word and WPS save under that name."""
    head = data[:1024]
    if data.startswith(ZIP):
        from reader.core.readers.docx import read_docx  # python-docx: with the first Word file

        return read_docx(data, path)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(RTF):
        return read_rtf(data, path)
    if looks_like_html(head):
        return read_html(data, path)
    if _MIME_START.match(head):
        return read_mht(data, path)
    if _WORD_XML.match(head):
        raise OldFormat(path, "doc")
    if not data.startswith(CFB):
        raise DamagedFile(path, "doc", "not a Word document")
    word, table, title = _streams(data, path)
    text, hints = parse(word, table, path)
    return RawDocument(text=text, encoding=None, format="doc", hints=hints, title=title)


def _streams(data: bytes, path: str) -> tuple[bytes, bytes, str | None]:
    """The WordDocument stream, the table stream its FIB names and the document's title."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if ole.exists("EncryptedPackage"):  # an encrypted .docx: OOXML in an OLE envelope
                raise Encrypted(path, "docx")
            if not ole.exists("WordDocument"):
                raise DamagedFile(path, "doc", "no WordDocument stream")
            word = ole.openstream("WordDocument").read()
            flags = _u16(word, 0x0A, path)
            name = "1Table" if flags & _F_WHICH_TBL else "0Table"
            ident = _u16(word, 0, path)
            if ident == _WORD_6_IDENT or (ident == _WORD_IDENT and _u16(word, 2, path) < _NFIB_97):
                raise OldFormat(path, "doc")
            if flags & (_F_ENCRYPTED | _F_OBFUSCATED):
                raise Encrypted(path, "doc")
            if not ole.exists(name):
                raise DamagedFile(path, "doc", f"no {name} stream")
            table = ole.openstream(name).read()
            title = _title(ole)
    except (OSError, ValueError, IndexError, struct.error) as e:  # olefile's errors are OSErrors
        raise DamagedFile(path, "doc", f"{type(e).__name__}: {e}") from e
    return word, table, title


# The document's properties are read only this far: a title is short, and olefile's own parser of
# them believed a damaged count and spent minutes and gigabytes (and swallows every error inside it).
_PROPERTIES_LIMIT = 64 << 10
_PID_CODEPAGE, _PID_TITLE = 1, 2
_VT_I2, _VT_LPSTR, _VT_LPWSTR = 0x02, 0x1E, 0x1F


def _title(ole) -> str | None:
    """The title in the document's properties (SummaryInformation), in the code page they name;
    None where there is none or the properties do not hold together."""
    import olefile

    name = "\x05SummaryInformation"
    if ole.get_type(name) != olefile.STGTY_STREAM or ole.get_size(name) > _PROPERTIES_LIMIT:
        return None
    try:
        return _summary_title(ole.openstream(name).read())
    except (OSError, struct.error, ValueError, LookupError):  # damaged properties: the document without its title
        return None


def _summary_title(data: bytes) -> str | None:
    """The title of a property set stream (MS-OLEPS): its first set's codepage and title properties."""
    if struct.unpack_from("<I", data, 24)[0] < 1:
        return None
    base = struct.unpack_from("<I", data, 44)[0]
    count = struct.unpack_from("<I", data, base + 4)[0]
    values: dict[int, bytes | str | int] = {}
    for k in range(min(count, 256)):
        pid, offset = struct.unpack_from("<II", data, base + 8 + 8 * k)
        if pid not in (_PID_CODEPAGE, _PID_TITLE):
            continue
        at = base + offset
        vt = struct.unpack_from("<H", data, at)[0]
        if vt == _VT_I2:
            values[pid] = struct.unpack_from("<h", data, at + 4)[0]
        elif vt == _VT_LPSTR:
            size = struct.unpack_from("<I", data, at + 4)[0]
            values[pid] = data[at + 8 : at + 8 + min(size, 4096)]
        elif vt == _VT_LPWSTR:
            size = struct.unpack_from("<I", data, at + 4)[0]
            values[pid] = data[at + 8 : at + 8 + 2 * min(size, 4096)].decode("utf-16-le", errors="replace")
    title = values.get(_PID_TITLE)
    if isinstance(title, bytes):
        codepage = values.get(_PID_CODEPAGE)
        codepage = (codepage if isinstance(codepage, int) else 1252) & 0xFFFF
        title = title.decode({65001: "utf-8", 1200: "utf-16-le"}.get(codepage, f"cp{codepage}"), errors="replace")
    if not isinstance(title, str):
        return None
    return title.replace("\x00", "").strip() or None


def _u16(b: bytes, at: int, path: str) -> int:
    if at + 2 > len(b):
        raise DamagedFile(path, "doc", "truncated FIB")
    return struct.unpack_from("<H", b, at)[0]


def _u32(b: bytes, at: int, path: str) -> int:
    if at + 4 > len(b):
        raise DamagedFile(path, "doc", "truncated FIB")
    return struct.unpack_from("<I", b, at)[0]


class Fib:
    """What is read of the FIB: the main text's length and where the tables are."""

    def __init__(self, word: bytes, path: str):
        if _u16(word, 0, path) != _WORD_IDENT:
            raise DamagedFile(path, "doc", "not a Word FIB")
        at = 32
        csw = _u16(word, at, path)
        at += 2 + 2 * csw
        cslw = _u16(word, at, path)
        self._lw = at + 2
        at = self._lw + 4 * cslw
        self.pairs = _u16(word, at, path)
        self._fclcb = at + 2
        self.path = path
        if cslw < 4 or self.pairs <= _CLX_INDEX:
            raise DamagedFile(path, "doc", "short FIB")
        self.word = word
        self.ccp_text = self._lw_value(3)

    def _lw_value(self, index: int) -> int:
        return _u32(self.word, self._lw + 4 * index, self.path)

    def pair(self, index: int) -> tuple[int, int]:
        """(fc, lcb) of the index-th pair of FibRgFcLcb, (0, 0) past its end."""
        if index >= self.pairs:
            return 0, 0
        at = self._fclcb + 8 * index
        return _u32(self.word, at, self.path), _u32(self.word, at + 4, self.path)


def pieces(table: bytes, fc_clx: int, lcb_clx: int, path: str) -> list[tuple[int, int, int, bool]]:
    """The piece table: (cp start, cp end, fc of the text, compressed) for each piece."""
    if fc_clx + lcb_clx > len(table) or lcb_clx == 0:
        raise DamagedFile(path, "doc", "CLX outside the table stream")
    clx = table[fc_clx : fc_clx + lcb_clx]
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # Prc: property modifiers for pieces, skipped
        if at + 3 > len(clx):
            raise DamagedFile(path, "doc", "truncated CLX")
        at += 3 + struct.unpack_from("<h", clx, at + 1)[0]
    if at + 5 > len(clx) or clx[at] != 0x02:
        raise DamagedFile(path, "doc", "no piece table")
    lcb = struct.unpack_from("<I", clx, at + 1)[0]
    plc = clx[at + 5 : at + 5 + lcb]
    if len(plc) != lcb or lcb < 16 or (lcb - 4) % 12:
        raise DamagedFile(path, "doc", "bad piece table")
    n = (lcb - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    out = []
    for k in range(n):
        _flags, fc, _prm = struct.unpack_from("<HIH", plc, 4 * (n + 1) + 8 * k)
        if cps[k + 1] < cps[k]:
            raise DamagedFile(path, "doc", "pieces out of order")
        compressed = bool(fc & _COMPRESSED)
        fc &= 0x3FFFFFFF
        out.append((cps[k], cps[k + 1], fc // 2 if compressed else fc, compressed))
    return out


def raw_text(word: bytes, table: bytes, path: str, fib: Fib | None = None
             ) -> tuple[str, list[tuple[int, int, int, bool]]]:
    """The main document's characters as Word stores them (control characters and all), and its
    pieces (cp start, cp end, fc, compressed)."""
    fib = fib or Fib(word, path)
    from reader.core.readers.text import MAX_CHARS

    if fib.ccp_text > len(word):  # a character takes a byte at least
        raise DamagedFile(path, "doc", "main text longer than its stream")
    if fib.ccp_text > MAX_CHARS:
        raise TextTooLong(path, fib.ccp_text, MAX_CHARS)
    fc_clx, lcb_clx = fib.pair(_CLX_INDEX)
    parts: list[str] = []
    used = []
    for cp_start, cp_end, fc, compressed in pieces(table, fc_clx, lcb_clx, path):
        if cp_start >= fib.ccp_text:
            break
        used.append((cp_start, cp_end, fc, compressed))
        count = min(cp_end, fib.ccp_text) - cp_start
        size = count if compressed else 2 * count
        if fc + size > len(word):
            raise DamagedFile(path, "doc", "a piece outside the WordDocument stream")
        chunk = word[fc : fc + size]
        parts.append(chunk.decode("cp1252", errors="replace") if compressed
                     else chunk.decode("utf-16-le", errors="replace"))
    return "".join(parts), used


def parse(word: bytes, table: bytes, path: str) -> tuple[str, list[HeadingHint]]:
    """The reading text of the main document, with '\\n' between paragraphs, and its heading hints."""
    fib = Fib(word, path)
    raw, fcs = raw_text(word, table, path, fib)
    return plain(raw, path, *paragraph_marks(word, table, fib, raw, fcs))


def plain(raw: str, path: str = "", levels: dict[int, int] | None = None, row_ends: set[int] | None = None
          ) -> tuple[str, list[HeadingHint]]:
    """Word's stored characters as reading text: fields reduced to their results, breaks to '\\n',
    placeholders dropped; `levels`: heading level by the position in `raw` of a paragraph's mark,
    made hints at the paragraph's start; `row_ends`: the positions of the marks that end a table's
    row (not a cell: they add no line). The text between control characters is taken whole."""
    levels = levels or {}
    row_ends = row_ends or set()
    out: list[str] = []
    hints: list[HeadingHint] = []
    length = 0  # of the text so far
    para_start, para_text = 0, False  # where the paragraph began in the text; whether it has any
    # One entry a field: [showing its result?, instruction characters]; a character shows when every
    # field around it is past its separator and its result is not hidden.
    fields: list[list] = []
    hidden = 0  # fields around the position whose text does not show
    last = 0
    for m in _CONTROL.finditer(raw + "\x00"):  # a last control character to end on
        i = m.start()
        if i > last:
            chunk = raw[last:i]
            if not hidden:
                out.append(chunk)
                length += len(chunk)
                para_text = para_text or bool(chunk.strip())
            elif fields and not fields[-1][0] and len(fields[-1][1]) < 64:
                fields[-1][1].append(chunk[:64])
        last = i + 1
        ch = m.group()
        if ch == "\x13":
            if len(fields) >= MAX_FIELD_DEPTH:
                raise TooComplex(path, "doc", "depth", MAX_FIELD_DEPTH)
            fields.append([False, []])
            hidden += 1
        elif ch == "\x14":
            if fields and not fields[-1][0]:
                field = fields[-1]
                field[0] = True
                if not _HIDDEN_RESULT.match("".join(field[1])):
                    hidden -= 1
        elif ch == "\x15":
            if fields:
                field = fields.pop()
                if not field[0] or _HIDDEN_RESULT.match("".join(field[1])):
                    hidden -= 1
        elif hidden:
            continue
        elif ch in _LINE_BREAKS:
            if i in row_ends:
                continue
            if ch in _PARAGRAPH_ENDS:
                level = levels.get(i)
                if level is not None and para_text:
                    hints.append(HeadingHint(para_start, level))
            out.append("\n")
            length += 1
            if ch in _PARAGRAPH_ENDS:
                para_start, para_text = length, False
        elif ch == "\x1e":  # non-breaking hyphen
            out.append("-")
            length += 1
            para_text = True
    text = "".join(out)
    return (text[:-1] if text.endswith("\n") else text), hints


# -- heading levels: paragraph properties (PAPX in FKPs) and the stylesheet (STSH) -----------------

_STI_TITLE = 62
_SPRM_OUTLINE = 0x2640  # sprmPOutLvl
_SPRM_ROW_END = {0x2417, 0x244C}  # sprmPFTtp, sprmPFInnerTtp
_OPERAND = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # by spra; 6: variable


def paragraph_marks(word: bytes, table: bytes, fib: Fib, raw: str, fcs: list[tuple[int, int, int, bool]]
                    ) -> tuple[dict[int, int], set[int]]:
    """Heading level by the position in `raw` of each heading paragraph's mark: a heading style
    (built-in heading 1-9 or Title, or a style named so, or one with an outline level, through its
    base styles) or the paragraph's own outline level; and the positions of the marks that end a
    table's row. Formatting only: a table of it that does not hold together gives none (the text is
    read all the same)."""
    try:
        styles = _style_levels(table, *fib.pair(_STSH_INDEX))
        runs = _papx_runs(word, table, *fib.pair(_PAPX_INDEX), limit=fib.ccp_text + 1)
    except (struct.error, IndexError, ValueError):  # damaged formatting: the text without hints
        return {}, set()
    if not runs:
        return {}, set()
    row_ends: set[int] = set()
    starts = [r[0] for r in runs]
    piece_starts = [p[0] for p in fcs]
    levels: dict[int, int] = {}
    for m in _MARKS.finditer(raw):
        i, ch = m.start(), m.group()
        fc = _fc_of(i, fcs, piece_starts)
        if fc is None:
            continue
        k = bisect.bisect_right(starts, fc) - 1
        if k < 0 or fc >= runs[k][1]:
            continue
        istd, (own, row_end) = runs[k][2], runs[k][3]
        if row_end and ch == "\x07":
            row_ends.add(i)
        level = own if own is not None else styles.get(istd)
        if level:
            levels[i] = level
    return levels, row_ends


def _fc_of(cp: int, fcs: list[tuple[int, int, int, bool]], starts: list[int]) -> int | None:
    """Where character `cp` of the main text is in the WordDocument stream (`starts`: the pieces'
    first characters)."""
    k = bisect.bisect_right(starts, cp) - 1
    if k < 0:
        return None
    cp_start, cp_end, fc, compressed = fcs[k]
    return fc + (cp - cp_start) * (1 if compressed else 2) if cp < cp_end else None


def _outline(grpprl: bytes) -> int | None:
    """The heading level an outline level sprm in `grpprl` gives (None: none; 0: body text)."""
    return _sprms(grpprl)[0]


def _sprms(grpprl: bytes) -> tuple[int | None, bool]:
    """What is read of paragraph properties: the heading level of an outline level sprm (None: none;
    0: body text), and whether the paragraph's mark ends a table row."""
    at = 0
    level = None
    row_end = False
    while at + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, at)[0]
        at += 2
        spra = sprm >> 13
        if spra == 6:
            if sprm in (0xD608, 0xC615):  # sprmTDefTable, sprmPChgTabs: sizes of their own
                size = struct.unpack_from("<H", grpprl, at)[0] if sprm == 0xD608 else grpprl[at]
                at += (2 if sprm == 0xD608 else 1) + size - (1 if sprm == 0xD608 else 0)
                continue
            size = grpprl[at]
            at += 1 + size
            continue
        size = _OPERAND[spra]
        if sprm == _SPRM_OUTLINE and at < len(grpprl):
            value = grpprl[at]
            level = value + 1 if value <= 8 else 0
        elif sprm in _SPRM_ROW_END and at < len(grpprl):
            row_end = row_end or bool(grpprl[at])
        at += size
    return level, row_end


_Run = tuple[int, int, int, tuple[int | None, bool]]
_MAX_CRUN = 0x1D  # runs a 512-byte page of paragraph properties has room for


def _papx_runs(word: bytes, table: bytes, fc: int, lcb: int, limit: int) -> list[_Run]:
    """(fc start, fc end, style, (own heading level, ends a row)) of each run of paragraph
    properties, in order. Each page of them is read once; more runs than `limit` (a run holds a
    paragraph's mark at least, and the main text has fewer characters) is a damaged table
    (ValueError), never a list of billions made from one page named again and again."""
    if lcb < 8 or fc + lcb > len(table):
        return []
    n = (lcb - 4) // 8
    pns = struct.unpack_from(f"<{n}I", table, fc + 4 * (n + 1))
    runs: list[_Run] = []
    for pn in dict.fromkeys(pn & 0x3FFFFF for pn in pns):
        page = pn * 512
        fkp = word[page : page + 512]
        if len(fkp) < 512:
            raise ValueError("FKP outside the stream")
        crun = fkp[511]
        if crun > _MAX_CRUN:
            raise ValueError("too many runs on a page")
        rgfc = struct.unpack_from(f"<{crun + 1}I", fkp, 0)
        for k in range(crun):
            b_offset = fkp[4 * (crun + 1) + 13 * k] * 2
            istd, own = 0, (None, False)
            if b_offset:
                cb = fkp[b_offset]
                if cb:
                    body = fkp[b_offset + 1 : b_offset + 1 + 2 * cb - 1]
                else:
                    cb = fkp[b_offset + 1]
                    body = fkp[b_offset + 2 : b_offset + 2 + 2 * cb]
                if len(body) >= 2:
                    istd = struct.unpack_from("<H", body, 0)[0]
                    own = _sprms(body[2:])
            runs.append((rgfc[k], rgfc[k + 1], istd, own))
        if len(runs) > limit:
            raise ValueError("more runs of paragraph properties than paragraphs")
    runs.sort()
    return runs


def _style_levels(table: bytes, fc: int, lcb: int) -> dict[int, int]:
    """Heading level by paragraph style (istd), following each style's base."""
    if lcb < 4 or fc + lcb > len(table):
        return {}
    stsh = table[fc : fc + lcb]
    cb_stshi = struct.unpack_from("<H", stsh, 0)[0]
    cstd, cb_base = struct.unpack_from("<HH", stsh, 2)
    at = 2 + cb_stshi
    own: dict[int, int | None] = {}
    base: dict[int, int] = {}
    for istd in range(cstd):
        if at + 2 > len(stsh):
            break
        cb = struct.unpack_from("<H", stsh, at)[0]
        std = stsh[at + 2 : at + 2 + cb]
        at += 2 + cb
        if cb < 10:
            continue
        sti = struct.unpack_from("<H", std, 0)[0] & 0x0FFF
        word2 = struct.unpack_from("<H", std, 2)[0]
        if word2 & 0x000F != 1:  # not a paragraph style
            continue
        base[istd] = word2 >> 4
        name_at = cb_base
        cch = struct.unpack_from("<H", std, name_at)[0]
        name = std[name_at + 2 : name_at + 2 + 2 * cch].decode("utf-16-le", errors="replace").strip()
        level = None
        if 1 <= sti <= 9:
            level = sti
        elif sti == _STI_TITLE:
            level = 1
        else:
            m = _HEADING_NAME.match(name)
            if m:
                level = int(m.group(1))
            elif name.lower() in _TITLE_NAMES:
                level = 1
        if level is None:  # the style's paragraph properties: its istd, then its sprms
            upx_at = name_at + 2 + 2 * cch + 2
            upx_at += upx_at % 2
            if upx_at + 2 <= len(std):
                cb_upx = struct.unpack_from("<H", std, upx_at)[0]
                upx = std[upx_at + 2 : upx_at + 2 + cb_upx]
                outline = _outline(upx[2:]) if len(upx) >= 2 else None
                level = outline or None
        own[istd] = level
    levels: dict[int, int] = {}
    for istd in own:
        seen, cur = set(), istd
        while cur in own and cur not in seen:
            seen.add(cur)
            if own[cur] is not None:
                levels[istd] = own[cur]  # type: ignore[assignment]
                break
            cur = base.get(cur, 0x0FFF)
    return levels
