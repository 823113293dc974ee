"""The catalogue of bad inputs (issue 7, section 4): each is made on the fly and imported in ONE batch
with good files. Every bad one ends in its typed error, whose message (Chinese and English) is one
clear sentence naming the file; nothing of it is left in the project; the good ones are imported;
and the big ones keep memory bounded (measured in a subprocess).

Decisions the table records: a 100 MB text is refused by the 64 MB size limit before it is read; a
line of three million characters is imported (a text over readers.MAX_CHARS, five million, is
refused with TextTooLong); a docx bomb is refused from the sizes its zip declares, never inflated;
paths that are not ordinary files (pipes, devices, dangling or looping links) are never opened.
"""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.bench.formats import docx_bytes, pdf_bytes, sample_lines, write
from reader.bench.hostile import qde as _qde
from reader.bench.hostile import shared_stream_pdf as _shared_stream_pdf
from reader.bench.hostile import zip_entries as _zip_entries
from reader.bench.pdfwriter import make_pdf
from reader.core import ocr
from reader.core.errors import (
    BinaryContent,
    DamagedFile,
    EmptyDocument,
    Encrypted,
    ImageTooLarge,
    ImportFailed,
    MixedEncodings,
    NotAFile,
    NoTextRecognised,
    PathMissing,
    PathUnreadable,
    TextTooLong,
    TooComplex,
    TooLarge,
    UndecodableText,
    UnpacksTooLarge,
    UnsafeArchivePath,
    UnsupportedFormat,
)
from reader.core.ingest import importing as ingest
from reader.core.messages import CATALOGUE, describe

IMPORTED = "imported"
MB = 1 << 20
LONG_LINE_CHARS = 3_000_000
ODD_NAME = "报告 \"引号\" 'single' （2023）.txt"  # spaces, quotes and Chinese: imported as it is


# -- making the inputs ---------------------------------------------------------------------------


def _docx_with_body(body: bytes | tuple[bytes, int], declared: int | None = None) -> bytes:
    """A real .docx whose word/document.xml is replaced by `body`."""
    with zipfile.ZipFile(io.BytesIO(docx_bytes([("一段文字", None)]))) as z:
        entries = [(n, z.read(n), None) for n in z.namelist() if n != "word/document.xml"]
    return _zip_entries([*entries, ("word/document.xml", body, declared)])


_XML_CHUNK = (b"<w:p><w:r><w:t>" + "人大常委会加强监督工作".encode() + b"</w:t></w:r></w:p>") * 20_000


def _docx_bomb(tmp: Path) -> bytes:
    """word/document.xml inflates to 2 GB, and says so."""
    return _docx_with_body((_XML_CHUNK[: MB], 2000))


def _docx_lying_bomb(tmp: Path) -> bytes:
    """word/document.xml inflates to 2 GB but declares 100 kB: zipfile stops at the declared size."""
    return _docx_with_body((_XML_CHUNK[: MB], 2000), declared=100_000)


def _huge_text(path: Path) -> Path:
    """100 MB of text, written a megabyte at a time."""
    line = ("人大常委会加强监督工作。" * 30 + "\n").encode("utf-8")
    chunk = line * (MB // len(line) + 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        for _ in range(100):
            f.write(chunk[:MB])
    return path


def _one_line(chars: int) -> bytes:
    unit = "人大常委会加强监督工作，推进代表联络站建设，"
    return (unit * (chars // len(unit) + 1))[:chars].encode("utf-8")


def _mixed_encodings() -> bytes:
    gb = "第一部分，坚持党的领导，依法履职，服务大局，推进全过程人民民主。\n".encode("gb18030")
    big5 = "第二部分，人大常委會加強監督工作，推進代表聯絡站建設。\n".encode("cp950")
    return gb * 5 + big5 * 5


@dataclass
class Case:
    name: str  # the file (or folder entry) name
    make: object  # (folder) -> Path: makes the input, returns the path given to the import
    outcome: type | str  # the error class, or IMPORTED
    given: bool = True  # passed to the import itself (else found inside a folder that is passed)


def _file(name: str, data: bytes):
    return lambda d: write(d / name, data)


def _picture(fmt: str) -> bytes:
    """A blank scanned page (a picture of one shade)."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("L", (1240, 1754), 245).save(out, fmt)
    return out.getvalue()


def _png_bomb() -> bytes:
    """A PNG of a few hundred bytes whose header says 60,000 x 60,000 pixels (3.6 gigapixels)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 60_000, 60_000, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 4096)) + chunk(b"IEND", b"")


def _fifo(d: Path) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    os.mkfifo(d / "pipe.txt")
    return d / "pipe.txt"


def _device_link(d: Path) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    (d / "zeros.txt").symlink_to("/dev/zero")  # an endless file: never read
    return d / "zeros.txt"


def _loop_folder(d: Path) -> Path:
    """A folder with a link back to itself, a link loop between two files, a dangling link, and one
    good report: the walk ends, the links are reported, the report is imported."""
    folder = d / "loop folder"
    folder.mkdir(parents=True)
    (folder / "back").symlink_to("..", target_is_directory=True)
    (folder / "self").symlink_to(folder, target_is_directory=True)
    (folder / "ping.txt").symlink_to(folder / "pong.txt")
    (folder / "pong.txt").symlink_to(folder / "ping.txt")
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    write(folder / "inside.txt", "\n".join(sample_lines(3)).encode("utf-8"))
    return folder


def _unreadable(d: Path) -> Path:
    path = write(d / "locked.txt", "\n".join(sample_lines(4)).encode("utf-8"))
    path.chmod(0)
    return path


def _unclosed_tags(d: Path) -> Path:
    """24 MB of <b> never closed: a tree of 2.8 GB before the element limit."""
    return write(d / "unclosed-tags.html", b"<html><body><p>" + "人大常委会".encode() + b"</p>" + b"<b>" * 8_000_000)


CRLF_CHARS = 10_700_000  # a 92 kB .qdpx whose one source is line breaks: twice the character limit

PDF = pdf_bytes(sample_lines(0))
CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

CASES = [
    Case("empty.txt", _file("empty.txt", b""), EmptyDocument),
    Case("whitespace.txt", _file("whitespace.txt", " \t\r\n\u3000\u00a0\n\r\n".encode()), EmptyDocument),
    Case("image.txt", _file("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4), BinaryContent),
    Case("nul-bytes.txt", _file("nul-bytes.txt", "人大常委会工作报告\x00\x00\x00监督工作".encode() * 50), BinaryContent),
    Case("controls.txt", _file("controls.txt", bytes(range(1, 9)) * 200), BinaryContent),
    Case("mixed-encodings.txt", _file("mixed-encodings.txt", _mixed_encodings()), MixedEncodings),
    Case("garbled.txt", _file("garbled.txt", b"abc\x81 def\x81 ghi\x81\x81 jkl"), UndecodableText),
    Case("random.docx", _file("random.docx", bytes((k * 131 + 7) % 256 for k in range(3000))), DamagedFile),
    Case("truncated.docx", _file("truncated.docx", docx_bytes([(ln, None) for ln in sample_lines(1)])[:4000]), DamagedFile),
    Case("plain-zip.docx", lambda d: write(d / "plain-zip.docx", _zip_entries([("readme.txt", b"hello", None)])),
         DamagedFile),
    Case("broken-xml.docx", lambda d: write(d / "broken-xml.docx", _docx_with_body(b"<w:document><w:body><w:p>")),
         DamagedFile),
    Case("old-word.docx", _file("old-word.docx", CFB + bytes(2000)), DamagedFile),
    Case("encrypted.docx", _file("encrypted.docx", CFB + "EncryptedPackage".encode("utf-16-le") + bytes(2000)), Encrypted),
    Case("bomb.docx", lambda d: write(d / "bomb.docx", _docx_bomb(d)), UnpacksTooLarge),
    Case("lying-bomb.docx", lambda d: write(d / "lying-bomb.docx", _docx_lying_bomb(d)), DamagedFile),
    Case("scan.pdf", _file("scan.pdf", make_pdf([None, None, None])), NoTextRecognised),  # OCR finds nothing
    *([Case("blank-page.png", _file("blank-page.png", _picture("PNG")), NoTextRecognised),
       Case("corrupt.jpg", _file("corrupt.jpg", _picture("JPEG")[:400]), DamagedFile),
       Case("bomb.png", _file("bomb.png", _png_bomb()), ImageTooLarge)] if ocr.available() else []),
    Case("truncated.pdf", _file("truncated.pdf", PDF[: len(PDF) // 2]), DamagedFile),
    Case("scripts-only.html", _file("scripts-only.html", (
        "<html><head><script>var report = '人大常委会工作报告';</script><style>p{}</style></head>"
        "<body><script>document.write('监督工作')</script><noscript>请启用脚本</noscript></body></html>").encode()),
        EmptyDocument),
    Case("deep-nesting.html", _file("deep-nesting.html", (  # once 130 s for 200,000 levels: each block judged
        "<html><body>" + "<div>" * 100_000 + "<p>人大常委会工作报告：依法履职，加强监督。</p>"  # by a walk of all below it
        + "</div>" * 100_000 + "</body></html>").encode()), IMPORTED),
    Case("blank-lines.txt", _file("blank-lines.txt", ("\n" * 1_000_000 + "人大常委会工作报告：依法履职，加强监督。").encode()),
         IMPORTED),  # a line pattern's \s* ran over the blank lines: quadratic, hours for a million
    Case("long-line.txt", lambda d: write(d / "long-line.txt", _one_line(LONG_LINE_CHARS)), IMPORTED),
    Case("too-long.txt", lambda d: write(d / "too-long.txt", _one_line(5_000_001)), TextTooLong),
    Case("huge.txt", lambda d: _huge_text(d / "huge.txt"), TooLarge),
    Case("pipe.txt", _fifo, NotAFile),
    Case("zeros.txt", _device_link, NotAFile),
    Case("missing.txt", lambda d: d / "missing.txt", PathMissing),
    Case("program.exe", _file("program.exe", b"MZ" + bytes(100)), UnsupportedFormat),
    Case("ping.txt", _loop_folder, NotAFile),
    Case("pong.txt", None, NotAFile, given=False),
    Case("dangling.txt", None, NotAFile, given=False),
    Case("inside.txt", None, IMPORTED, given=False),
    Case(ODD_NAME, _file(ODD_NAME, "\n".join(sample_lines(1)).encode("gb18030")), IMPORTED),
    Case("空 白 \"名\" 'x'.txt", _file("空 白 \"名\" 'x'.txt", b"\r\n \r\n"), EmptyDocument),
    Case("escape.qdpx", lambda d: write(d / "escape.qdpx", _zip_entries(
        [("project.qde", _qde("internal://a.txt"), None), ("../../escape.txt", "人大".encode(), None)])),
        UnsafeArchivePath),
    Case("climbing-ref.qdpx", lambda d: write(d / "climbing-ref.qdpx", _zip_entries(
        [("project.qde", _qde("../../../etc/passwd"), None), ("sources/a.txt", "人大".encode(), None)])),
        UnsafeArchivePath),
    Case("bomb.qdpx", lambda d: write(d / "bomb.qdpx", _zip_entries(
        [("project.qde", _qde("internal://a.txt"), None), ("sources/a.txt", (b"\x20" * MB, 2000), None)])),
        UnpacksTooLarge),
    # issue 14: every reader keeps to its limits, not only .txt
    Case("crlf.qdpx", lambda d: write(d / "crlf.qdpx", _zip_entries(
        [("project.qde", _qde("internal://a.txt"), None),
         ("sources/a.txt", (b"\r\n" * 50_000, CRLF_CHARS // 100_000), None)])), TextTooLong),
    Case("unclosed-tags.html", _unclosed_tags, TooComplex),
    Case("cdata.html", _file("cdata.html", "<html><body><p>人大常委会工作报告：依法履职。</p>".encode()
                             + b"<![CDATA[" * 250_000), IMPORTED),  # 2.2 MB; html.parser: quadratic, 102 s
    Case("open-tags.html", _file("open-tags.html", "<html><body><p>人大常委会工作报告：依法履职。</p>".encode()
                                 + b"<x" * 200_000), IMPORTED),  # 400 kB; over five minutes
    Case("nameless-section.html", _file("nameless-section.html", "<p>人大常委会工作报告：依法履职。</p>".encode()
                                        + b"<![ x ]]><p>" + "加强监督".encode() + b"</p>"), IMPORTED),  # was a fault
    Case("shared-stream.pdf", lambda d: write(d / "shared-stream.pdf", _shared_stream_pdf(500, 20_000)), TextTooLong),
]

GOOD = {  # name -> content; imported with the catalogue, interleaved
    "good.txt": "\n".join(sample_lines(0)).encode("gb18030"),
    "good.docx": docx_bytes([(ln, None) for ln in sample_lines(2)]),
}
BIG = ["huge.txt", "long-line.txt", "too-long.txt", "bomb.docx", "lying-bomb.docx", "bomb.qdpx", "crlf.qdpx",
       "unclosed-tags.html", "cdata.html", "open-tags.html", "shared-stream.pdf"]


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory) -> tuple[list[Path], dict[str, Path]]:
    """The paths to import (good files first, in the middle and last) and every case's path by name."""
    d = tmp_path_factory.mktemp("catalogue")
    given: list[Path] = []
    for case in CASES:
        if case.given:
            given.append(case.make(d))
    good = [write(d / name, data) for name, data in GOOD.items()]
    paths = [good[0], *given[: len(given) // 2], good[1], *given[len(given) // 2 :]]
    by_name = {p.name: p for p in paths}
    folder = d / "loop folder"
    by_name.update({p.name: p for p in folder.iterdir()})
    return paths, by_name


def test_the_catalogue_covers_the_issue():
    assert len(CASES) >= 20
    outcomes = {c.outcome for c in CASES}
    for error in (EmptyDocument, BinaryContent, MixedEncodings, DamagedFile, UnpacksTooLarge, NoTextRecognised, TooLarge,
                  NotAFile, UnsafeArchivePath):
        assert error in outcomes


def test_a_batch_of_bad_inputs(project, catalogue):
    paths, by_name = catalogue
    report = ingest.import_paths(project, paths)
    items = {i.name: i for i in report.items}
    assert set(items) == {c.name for c in CASES} | set(GOOD)
    imported = {c.name for c in CASES if c.outcome == IMPORTED} | set(GOOD)
    assert {i.name for i in report.imported} == imported
    for case in CASES:
        item = items[case.name]
        if case.outcome == IMPORTED:
            continue
        assert item.status == "failed" and type(item.error) is case.outcome, (case.name, item.error)
        assert not isinstance(item.error, ImportFailed)  # a known problem, not a fault of the program
        for lang in ("zh", "en"):
            message = describe(item.error, lang)
            assert case.name in message, (case.name, message)  # names the file
            assert "\n" not in message and "{" not in message and message != CATALOGUE["error"][lang]
        assert describe(item.error, "zh") != describe(item.error, "en")
    # nothing of a bad file is left: documents are exactly the good ones, with all their units
    rows = project.db.execute("SELECT id, source_name FROM documents").fetchall()
    assert sorted(name for _, name in rows) == sorted(imported)
    assert project.db.execute("SELECT count(*) FROM units WHERE document_id NOT IN (SELECT id FROM documents)").fetchone()[0] == 0
    assert project.db.execute("SELECT count(*) FROM passages").fetchone()[0] == 0
    unit_count = sum(len(items[name].units) for name in imported)
    assert project.db["units"].count == unit_count
    # the odd name is kept as it is, and the long line whole
    assert ODD_NAME in {name for _, name in rows}
    long_id = items["long-line.txt"].document_id
    length = project.db.execute("SELECT length(original_text) FROM documents WHERE id = ?", [long_id]).fetchone()[0]
    assert length == LONG_LINE_CHARS


def test_the_command_line_says_each_in_one_line(capsys, catalogue, tmp_path):
    """The same batch through `reader import`: one line per file, no traceback."""
    from reader.cli import main

    paths, _ = catalogue
    small = [p for p in paths if p.name not in BIG]
    code = main(["--lang", "en", "import", *map(str, small), "--project", str(tmp_path / "p.renda")])
    out, err = capsys.readouterr()
    assert code == 1 and err == "" and "Traceback" not in out
    failed = [ln for ln in out.splitlines() if ln.startswith("failed  ")]
    expected = [c for c in CASES if c.outcome != IMPORTED and c.name not in BIG]
    assert len(failed) == len(expected)
    for case in expected:
        assert any(ln.startswith(f"failed  {case.name}: ") for ln in failed), case.name


_MEASURE = """
import json, resource, sys
from reader.core.ingest import importing as ingest
from reader.core.store.db import open_project
project = open_project(sys.argv[1])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
out = {}
for path in sys.argv[2:]:
    report = ingest.import_paths(project, [path])
    item = report.items[0]
    out[item.name] = [item.status, type(item.error).__name__ if item.error else None,
                      (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024]
project.close()
print(json.dumps(out))
"""
MEMORY_BOUND_MB = 300


def test_memory_stays_bounded(catalogue, tmp_path):
    """Peak memory growth (ru_maxrss, in a fresh process) over the big inputs, one after the other:
    refused ones before reading or inflating, the three-million-character line imported."""
    _, by_name = catalogue
    order = ["huge.txt", "bomb.docx", "lying-bomb.docx", "bomb.qdpx", "too-long.txt", "long-line.txt", "crlf.qdpx",
             "unclosed-tags.html"]
    run = subprocess.run([sys.executable, "-c", _MEASURE, str(tmp_path / "m.renda"), *(str(by_name[n]) for n in order)],
                         capture_output=True, text=True, timeout=600, check=True)
    result = json.loads(run.stdout)
    expected = {c.name: c.outcome for c in CASES}
    for name in order:
        status, error, grown_mb = result[name]
        want = expected[name]
        assert (status == IMPORTED) if want == IMPORTED else (error == want.__name__), (name, result[name])
        assert grown_mb < MEMORY_BOUND_MB, (name, result)
    # refusing the 100 MB text and the bombs costs next to nothing
    assert all(result[n][2] < 50 for n in order[:4]), result


_IN_TIME = """
import json, sys, time
from reader.core.ingest import importing as ingest
from reader.core.store.db import open_project
project = open_project(sys.argv[1])
out = {}
for path in sys.argv[2:]:
    t = time.perf_counter()
    item = ingest.import_paths(project, [path]).items[0]
    out[item.name] = [item.status, type(item.error).__name__ if item.error else None, time.perf_counter() - t]
project.close()
print(json.dumps(out))
"""


def test_hostile_inputs_end_in_time(catalogue, tmp_path):
    """Inputs that made a reader work quadratically (or without end) are read or refused at once: in a
    process of its own, so that a regression fails here instead of hanging the suite. Not a speed
    target: each of these took from 100 s to hours before."""
    _, by_name = catalogue
    order = ["cdata.html", "open-tags.html", "shared-stream.pdf"]
    run = subprocess.run([sys.executable, "-c", _IN_TIME, str(tmp_path / "t.renda"), *(str(by_name[n]) for n in order)],
                         capture_output=True, text=True, timeout=120, check=True)
    result = json.loads(run.stdout)
    expected = {c.name: c.outcome for c in CASES}
    for name in order:
        status, error, _seconds = result[name]
        want = expected[name]
        assert (status == IMPORTED) if want == IMPORTED else (error == want.__name__), (name, result[name])


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode (the pipe, device and link cases stand in)")
def test_a_file_without_read_permission(project, tmp_path):
    locked = _unreadable(tmp_path)
    good = write(tmp_path / "good.txt", GOOD["good.txt"])
    report = ingest.import_paths(project, [locked, good])
    assert [i.status for i in report.items] == ["failed", "imported"]
    assert isinstance(report.items[0].error, PathUnreadable) and "locked.txt" in describe(report.items[0].error, "zh")
    assert [r[0] for r in project.db.execute("SELECT source_name FROM documents")] == ["good.txt"]


def test_a_pdf_that_reads_too_long_is_refused_at_its_time_limit(monkeypatch):
    """Pages of their own (no shared stream to remember), each slow to read: refused when the time
    limit (shortened here) runs out, within a page too, not after every page."""
    import time

    from reader.core.readers import pdf

    monkeypatch.setattr(pdf, "SECONDS", 2)
    data = _shared_stream_pdf(200, 20_000, shared=False)
    t = time.perf_counter()
    with pytest.raises(TooComplex) as e:
        pdf.read_pdf(data, "slow.pdf")
    assert e.value.what == "seconds" and e.value.limit == 2
    assert time.perf_counter() - t < 30  # two seconds and the page under way; it took 300 s
    for lang in ("zh", "en"):
        assert "slow.pdf" in describe(e.value, lang) and "{" not in describe(e.value, lang)
