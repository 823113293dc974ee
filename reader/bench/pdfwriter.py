"""Minimal PDFs with a real text layer, written by hand for the reader tests and benchmarks (pypdf
cannot write text, and the project needs no PDF-writing dependency).

A text page uses a Type0 font with Identity-H encoding: the content stream shows two-byte glyph
ids, and a ToUnicode CMap maps each glyph id to its character (UTF-16BE, so characters beyond the
BMP such as 𠮷 are surrogate pairs). pypdf's text extraction reads characters through the
ToUnicode map, exactly as it does for PDFs made by word processors; no font program is embedded
(a viewer would substitute a font, extraction does not need one). An image page holds only a 1x1
grey image: a scan without a text layer.
"""

from __future__ import annotations

import zlib


def _utf16_hex(ch: str) -> str:
    return ch.encode("utf-16-be").hex().upper()


def _cmap(glyphs: dict[str, int]) -> bytes:
    entries = sorted(glyphs.items(), key=lambda kv: kv[1])
    body = []
    for k in range(0, len(entries), 100):  # at most 100 entries per bfchar block
        chunk = entries[k : k + 100]
        body.append(f"{len(chunk)} beginbfchar")
        body += [f"<{gid:04X}> <{_utf16_hex(ch)}>" for ch, gid in chunk]
        body.append("endbfchar")
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        + "\n".join(body)
        + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode("ascii")


def _stream(data: bytes, extra: str = "", compress: bool = True) -> bytes:
    if compress:
        data = zlib.compress(data)
        extra += " /Filter /FlateDecode"
    return f"<< /Length {len(data)}{extra} >>\nstream\n".encode("ascii") + data + b"\nendstream"


def _assemble(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode("ascii") + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode("ascii")
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode("ascii")
    return bytes(out)


def make_pdf(pages: list[list[str] | None]) -> bytes:
    """A PDF with one page per item: a list of text lines (a text layer), or None (an image only)."""
    glyphs: dict[str, int] = {}
    for lines in pages:
        for line in lines or []:
            for ch in line:
                glyphs.setdefault(ch, len(glyphs) + 1)
    # objects: 1 catalog, 2 pages, 3 font, 4 cid font, 5 descriptor, 6 tounicode, 7 image, then pages
    first_page = 8
    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(len(pages)))
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode("ascii"),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
        b"/DescendantFonts [4 0 R] /ToUnicode 6 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDToGIDMap /Identity "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor 5 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -120 1000 880] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
        _stream(_cmap(glyphs)),
        _stream(b"\x80", " /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                "/BitsPerComponent 8", compress=False),
    ]
    for lines in pages:
        if lines is None:
            content = b"q 500 0 0 700 50 70 cm /Im1 Do Q"
        else:
            ops = ["BT", "/F1 10 Tf", "14 TL", "40 800 Td"]
            for line in lines:
                ops.append("<" + "".join(f"{glyphs[ch]:04X}" for ch in line) + "> Tj T*")
            ops.append("ET")
            content = "\n".join(ops).encode("ascii")
        page_no = len(objects) + 1
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {page_no + 1} 0 R "
            f"/Resources << /Font << /F1 3 0 R >> /XObject << /Im1 7 0 R >> >> >>".encode("ascii")
        )
        objects.append(_stream(content))
    return _assemble(objects)


def paginate(lines: list[str], per_page: int = 50) -> list[list[str] | None]:
    return [lines[k : k + per_page] for k in range(0, len(lines), per_page)] or [[]]
