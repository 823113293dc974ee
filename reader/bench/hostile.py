"""Hostile and unlucky inputs, measured: each is read (imported, or merged as a codebook) in a fresh
process, and its outcome, time and peak memory growth printed (nothing here asserts a limit; the
tests in tests/core/ingest/test_bad_inputs.py and test_export_codebook.py check the outcomes).

    python -m reader.bench.hostile [--workdir DIR]

The inputs are made here (zip bombs are written a deflated block at a time, never inflated):
unclosed tags, unterminated <![CDATA[ and tags in web pages, a PDF whose pages share one content
stream, a .qdpx whose source is line breaks, .xlsx codebooks that unpack to gigabytes, a codebook of
40,000 codes. Used by the tests too.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

MB = 1 << 20


def zip_entries(entries: list[tuple[str, bytes | tuple[bytes, int], int | None]]) -> bytes:
    """A zip written by hand: (name, data or (chunk, repeats), declared size or None for the true
    one). A (chunk, repeats) member is deflated once and its compressed block repeated, so a member
    that inflates to gigabytes costs a few MB to make and is never inflated here."""
    out = io.BytesIO()
    central = []
    for name, content, declared in entries:
        if isinstance(content, tuple):
            chunk, repeats = content
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
            data = block * repeats + c.flush()
            crc = 0
            for _ in range(repeats):
                crc = zlib.crc32(chunk, crc)
            size = len(chunk) * repeats
        else:
            c = zlib.compressobj(6, zlib.DEFLATED, -15)
            data = c.compress(content) + c.flush()
            crc, size = zlib.crc32(content), len(content)
        usize = size if declared is None else declared
        raw = name.encode("utf-8")
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 8, 0, 0x21, crc, len(data), usize, len(raw), 0))
        out.write(raw + data)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, 8, 0, 0x21, crc, len(data), usize,
                                   len(raw), 0, 0, 0, 0, 0, offset) + raw)
    start = out.tell()
    for entry in central:
        out.write(entry)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), out.tell() - start, start, 0))
    return out.getvalue()


def shared_stream_pdf(pages: int, ops: int, shared: bool = True) -> bytes:
    """`pages` pages that all show one content stream of `ops` text operations (a few kB compressed):
    each page's text was extracted from the whole stream again (or, not `shared`, a copy each)."""
    from reader.bench import pdfwriter as w

    content = ("BT /F1 10 Tf 14 TL 40 800 Td\n" + "<00010002> Tj T*\n" * ops + "ET").encode("ascii")
    first = 8
    kids = " ".join(f"{first + i} 0 R" for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode("ascii"),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [4 0 R] "
        b"/ToUnicode 6 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDToGIDMap /Identity /CIDSystemInfo "
        b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 "
        b"/Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
        w._stream(w._cmap({"人": 1, "大": 2})),
        w._stream(b"\x80", compress=False),
    ]
    for i in range(pages):
        stream = first + pages + (0 if shared else i)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {stream} 0 R "
                       "/Resources << /Font << /F1 3 0 R >> >> >>".encode("ascii"))
    objects += [w._stream(content)] * (1 if shared else pages)
    return w._assemble(objects)


def qde(source_path: str) -> bytes:
    """A project.qde with one text source at `source_path`."""
    return (
        '<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="p">'
        f'<Sources><TextSource guid="{"1" * 8}-0000-0000-0000-{"0" * 12}" name="a" plainTextPath="{source_path}"/>'
        "</Sources></Project>"
    ).encode()


def xlsx_with_sheet(sheet: bytes | tuple[bytes, int], declared: int | None = None) -> bytes:
    """A real .xlsx whose first sheet is replaced by `sheet` (data, or a (chunk, repeats) bomb)."""
    from openpyxl import Workbook

    good = io.BytesIO()
    wb = Workbook()
    wb.active.append(["path"])
    wb.save(good)
    with zipfile.ZipFile(good) as z:
        entries = [(n, z.read(n), None) for n in z.namelist() if n != "xl/worksheets/sheet1.xml"]
    return zip_entries([*entries, ("xl/worksheets/sheet1.xml", sheet, declared)])


SHEET_HEAD = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_ROW = b'<row><c t="inlineStr"><is><t>' + "监督".encode() + b"</t></is></c></row>"
REPORT_LINE = "<p>人大常委会工作报告：依法履职。</p>".encode()

# name -> (bytes, 'import' or 'codebook')
INPUTS = {
    "unclosed-tags.html": (lambda: b"<html><body>" + REPORT_LINE + b"<b>" * 8_000_000, "import"),
    "cdata.html": (lambda: b"<html><body>" + REPORT_LINE + b"<![CDATA[" * 250_000, "import"),
    "open-tags.html": (lambda: b"<html><body>" + REPORT_LINE + b"<x" * 200_000, "import"),
    "shared-stream.pdf": (lambda: shared_stream_pdf(500, 20_000), "import"),
    "crlf.qdpx": (lambda: zip_entries([("project.qde", qde("internal://a.txt"), None),
                                       ("sources/a.txt", (b"\r\n" * 50_000, 107), None)]), "import"),
    "bomb.xlsx": (lambda: xlsx_with_sheet((SHEET_HEAD + SHEET_ROW * 20_000, 2000)), "codebook"),
    "lying-bomb.xlsx": (lambda: xlsx_with_sheet((SHEET_HEAD + SHEET_ROW * 20_000, 2000), declared=100_000), "codebook"),
    "many-codes.csv": (lambda: ("path\n" + "\n".join(f"主题{i}" for i in range(40_000)) + "\n").encode(), "codebook"),
    "10000-codes.csv": (lambda: ("path\n" + "\n".join(f"主题{i}" for i in range(10_000)) + "\n").encode(), "codebook"),
    "deep.qdc": (lambda: ('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
                          + "".join(f'<Code guid="g{i}" name="c{i}" isCodable="true">' for i in range(990))
                          + "</Code>" * 990 + "</Codes></CodeBook>").encode(), "codebook"),
}

_ONE = """
import json, resource, sys, time
from reader.core.errors import ReaderError
from reader.core.store.db import open_project
kind, path, project = sys.argv[1:4]
p = open_project(project, codebook=False)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
if kind == "import":
    from reader.core.ingest import importing as ingest
    item = ingest.import_paths(p, [path]).items[0]
    outcome = item.status if item.error is None else type(item.error).__name__
else:
    from reader.core.export.codebook_import import import_codebook
    try:
        outcome = "merged %d" % len(import_codebook(p, path).added)
    except ReaderError as e:
        outcome = type(e).__name__
seconds = time.perf_counter() - t
p.close()
print(json.dumps({"outcome": outcome, "seconds": seconds,
                  "grown_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024}))
"""


def measure(folder: Path) -> list[dict]:
    rows = []
    for name, (make, kind) in INPUTS.items():
        path = folder / name
        if not path.exists():
            path.write_bytes(make())
        run = subprocess.run([sys.executable, "-c", _ONE, kind, str(path), str(folder / f"{name}.renda")],
                             capture_output=True, text=True, timeout=900, check=True)
        (folder / f"{name}.renda").unlink(missing_ok=True)
        rows.append({"input": name, "size_kb": path.stat().st_size // 1024, **json.loads(run.stdout)})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", type=Path, help="where the inputs are made (default: a temporary folder)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.workdir or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"load average {os.getloadavg()[0]:.1f}; Python {sys.version.split()[0]}; {time.strftime('%Y-%m-%d')}")
        print(f"{'input':<20} {'size':>9} {'outcome':<18} {'seconds':>8} {'peak growth':>12}")
        for r in measure(folder):
            print(f"{r['input']:<20} {r['size_kb']:>6} kB {r['outcome']:<18} {r['seconds']:>8.2f} {r['grown_mb']:>9.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
