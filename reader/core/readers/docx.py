"""Word documents (.docx) through python-docx.

The body is read in document order: paragraphs, tables (row by row, one line per cell paragraph,
nested tables in place) and content controls. Deleted text of tracked changes is left out,
inserted text is kept. A paragraph whose style is a heading ("Heading 1".."Heading 9", "标题 1",
"Title") or that has an outline level (its own or its style's) becomes a heading hint of that
level. The core properties' title becomes the document title.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from docx.opc.exceptions import OpcError

from reader.core.archive import check_streamed
from reader.core.errors import DamagedFile, Encrypted, UnpacksTooLarge
from reader.core.model import RawDocument, hinted_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE container: an encrypted .docx or an old .doc
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)
_TITLE_NAMES = {"title", "标题"}
# A table of contents repeats the headings with page numbers: it is left out, like a web page's menu.
_TOC_NAME = re.compile(r"^(?:toc|目录)\s*(?:[1-9]|heading|标题)$", re.I)
TOC = 0  # the "level" of a table-of-contents style
# Elements whose text is not part of the reading text of a paragraph.
_SKIP_INSIDE = {f"{_W}del", f"{_W}txbxContent", f"{{{MC}}}Fallback", f"{_W}instrText", f"{_W}delText"}
# Containers whose children are read as body content.
_CONTAINERS = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins"}
# What the parts of a .docx may unpack to, by the sizes the archive declares (read before anything
# is unpacked; zipfile never inflates a member past its declared size): the XML parts (a long
# report's document.xml is a few MB; lxml holds several times its size) and everything with images.
XML_LIMIT_MB = 32
UNPACKED_LIMIT_MB = 512
_BROKEN = (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError, SyntaxError, OpcError)


def read_docx(data: bytes, path: str) -> RawDocument:
    if data.startswith(_CFB):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise Encrypted(path, "docx")
        raise DamagedFile(path, "docx", "an old Word .doc file, not .docx")
    _check_unpacked_size(data, path)
    import docx  # python-docx: imported when first needed (it loads lxml)

    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        styles = _style_levels(document)
        lines: list[tuple[str, int | None]] = []
        _read_block(body, styles, lines)
        title = (document.core_properties.title or "").strip() or None
    except _BROKEN as e:
        raise DamagedFile(path, "docx", f"{type(e).__name__}: {e}") from e
    text, hints = hinted_text(lines)
    return RawDocument(text=text, encoding=None, format="docx", hints=hints, title=title)


def _check_unpacked_size(data: bytes, path: str) -> None:
    """Refuse a zip bomb from the member sizes the archive declares, without inflating anything;
    then inflate each member a piece at a time to catch one that lies about its size."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            xml = sum(i.file_size for i in infos if i.filename.lower().endswith((".xml", ".rels")))
            if xml > XML_LIMIT_MB << 20:
                raise UnpacksTooLarge(path, "docx", XML_LIMIT_MB)
            if sum(i.file_size for i in infos) > UNPACKED_LIMIT_MB << 20:
                raise UnpacksTooLarge(path, "docx", UNPACKED_LIMIT_MB)
            check_streamed(z, path, "docx")
    except _BROKEN as e:
        raise DamagedFile(path, "docx", f"{type(e).__name__}: {e}") from e


def _read_block(parent, styles: dict[str, int], out: list[tuple[str, int | None]]) -> None:
    """Paragraphs and tables under `parent` (the body, a table cell, a content control)."""
    for child in parent:
        tag = child.tag
        if tag == f"{_W}p":
            level = _paragraph_level(child, styles)
            if level == TOC:
                continue
            text = _paragraph_text(child)
            for k, line in enumerate(text.split("\n")):
                out.append((line, level if k == 0 else None))
        elif tag == f"{_W}tbl":
            for row in child.iter(f"{_W}tr"):
                if _nearest(row, f"{_W}tbl") is not child:
                    continue  # a row of a nested table: read in its cell
                for cell in row:
                    if cell.tag == f"{_W}tc":
                        _read_block(cell, styles, out)
                    elif cell.tag in _CONTAINERS:
                        for tc in cell.iter(f"{_W}tc"):
                            if _nearest(tc, f"{_W}tr") is row:
                                _read_block(tc, styles, out)
        elif tag in _CONTAINERS:
            _read_block(child, styles, out)


def _nearest(el, tag: str):
    p = el.getparent()
    while p is not None and p.tag != tag:
        p = p.getparent()
    return p


def _paragraph_text(p) -> str:
    parts: list[str] = []
    for el in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen"):
        if _skipped(el, p):
            continue
        tag = el.tag
        if tag == f"{_W}t":
            parts.append(el.text or "")
        elif tag == f"{_W}tab":
            if el.getparent() is not None and el.getparent().tag == f"{_W}r":  # not a tab stop definition
                parts.append("\t")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        else:
            parts.append("\n")
    return "".join(parts)


def _skipped(el, p) -> bool:
    """Inside deleted text, a text box (its own paragraphs), a fallback copy, or a nested paragraph."""
    a = el.getparent()
    while a is not None and a is not p:
        if a.tag in _SKIP_INSIDE or a.tag == f"{_W}p" or a.tag == f"{_W}pPr":
            return True
        a = a.getparent()
    return False


def _paragraph_level(p, styles: dict[str, int]) -> int | None:
    """Heading level 1-9, TOC for a table-of-contents line, None for body text."""
    ppr = p.find(f"{_W}pPr")
    if ppr is None:
        return None
    style = ppr.find(f"{_W}pStyle")
    by_style = styles.get(style.get(f"{_W}val") or "") if style is not None else None
    if by_style == TOC:
        return TOC
    own = _outline_level(ppr.find(f"{_W}outlineLvl"))
    return own if own is not None else by_style


def _outline_level(el) -> int | None:
    """w:outlineLvl 0-8 is heading level 1-9; 9 means body text."""
    if el is None:
        return None
    try:
        value = int(el.get(f"{_W}val") or "")
    except ValueError:
        return None
    return value + 1 if 0 <= value <= 8 else None


def _style_levels(document) -> dict[str, int]:
    """Paragraph style id -> heading level (or TOC), following each style's basedOn chain."""
    own: dict[str, int | None] = {}
    based: dict[str, str | None] = {}
    for style in document.styles.element.findall(f"{_W}style"):
        if style.get(f"{_W}type") != "paragraph":
            continue
        sid = style.get(f"{_W}styleId") or ""
        name_el = style.find(f"{_W}name")
        name = (name_el.get(f"{_W}val") if name_el is not None else "") or ""
        ppr = style.find(f"{_W}pPr")
        level = _outline_level(ppr.find(f"{_W}outlineLvl") if ppr is not None else None)
        m = _HEADING_NAME.match(name.strip())
        if _TOC_NAME.match(name.strip()):
            level = TOC
        elif m:
            level = int(m.group(1))
        elif name.strip().lower() in _TITLE_NAMES:
            level = 1
        own[sid] = level
        base = style.find(f"{_W}basedOn")
        based[sid] = base.get(f"{_W}val") if base is not None else None
    levels: dict[str, int] = {}
    for sid in own:
        seen, cur = set(), sid
        while cur is not None and cur not in seen:
            seen.add(cur)
            if own.get(cur) is not None:
                levels[sid] = own[cur]  # type: ignore[assignment]
                break
            cur = based.get(cur)
    return levels
