"""Bad input files, through the import and the command line: each gets its one clear message (in
Chinese and English), nothing of it is left in the project, and the rest of the batch imports."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from reader.bench.formats import docx_bytes, page_html, pdf_bytes, sample_lines, write
from reader.bench.pdfwriter import make_pdf
from reader.cli import main
from reader.core import readers
from reader.core.errors import (
    BinaryContent,
    DamagedFile,
    EmptyDocument,
    NoTextRecognised,
    PathMissing,
    TooLarge,
    UndecodableText,
)
from reader.core.ingest import importing as ingest
from reader.core.messages import describe
from tests.conftest import ROOT

LINES = sample_lines(0)
_WORD_97 = (ROOT / "tests" / "data" / "doc" / "report.doc").read_bytes()
GOOD_TEXT = "\n".join(LINES)


CHROME_ONLY = (
    "<html><head><title>首页</title><script>var a = '脚本';</script><style>p {}</style></head><body>"
    "<nav><a href='/'>首页</a></nav><div class='share'>分享</div><footer>版权所有</footer></body></html>"
)


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return out.getvalue()


def _docx_without_body() -> bytes:
    """A real .docx with word/document.xml taken out."""
    with zipfile.ZipFile(io.BytesIO(docx_bytes([("一段文字", None)]))) as z:
        return _zip({n: z.read(n) for n in z.namelist() if n != "word/document.xml"})


def bad_files(tmp_path) -> dict[str, tuple[object, type]]:
    """name -> (path, the error it must give)."""
    d = tmp_path / "batch"
    pdf = pdf_bytes(LINES)
    files = {
        "empty.txt": (write(d / "empty.txt", b""), EmptyDocument),
        "blank.txt": (write(d / "blank.txt", " \r\n\t\n\u3000\n".encode()), EmptyDocument),
        "image.txt": (write(d / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))), BinaryContent),
        "garbled.txt": (write(d / "garbled.txt", b"abc\x81 def\x81 ghi"), UndecodableText),
        "random.docx": (write(d / "random.docx", bytes((k * 131 + 7) % 256 for k in range(3000))), DamagedFile),
        "nobody.docx": (write(d / "nobody.docx", _docx_without_body()), DamagedFile),
        "plain-zip.docx": (write(d / "plain-zip.docx", _zip({"readme.txt": b"hello"})), DamagedFile),
        "empty.docx": (write(d / "empty.docx", docx_bytes([("", None)])), EmptyDocument),
        "truncated.pdf": (write(d / "truncated.pdf", pdf[: len(pdf) // 2]), DamagedFile),
        "truncated.doc": (write(d / "truncated.doc", _WORD_97[: len(_WORD_97) // 2]), DamagedFile),
        "no-page.mht": (write(d / "no-page.mht", b"MIME-Version: 1.0\r\nContent-Type: image/png\r\n\r\n"), DamagedFile),
        "scan.pdf": (write(d / "scan.pdf", make_pdf([None, None])), NoTextRecognised),  # blank scanned pages
        "chrome-only.html": (write(d / "chrome-only.html", CHROME_ONLY.encode()), EmptyDocument),
        "missing.txt": (d / "missing.txt", PathMissing),
    }
    return files


def good_files(tmp_path):
    d = tmp_path / "batch"
    return [
        write(d / "good.txt", GOOD_TEXT.encode("gb18030")),
        write(d / "good.docx", docx_bytes([(ln, None) for ln in sample_lines(2)])),
    ]


def counts(project) -> dict[str, int]:
    return {t: project.db[t].count for t in ("documents", "units", "sections")}


@pytest.fixture
def other_project(tmp_path):
    from reader.core.store.db import open_project

    p = open_project(tmp_path / "other.renda")
    yield p
    p.close()


def test_a_batch_with_bad_files(project, other_project, tmp_path):
    bad = bad_files(tmp_path)
    good = good_files(tmp_path)
    report = ingest.import_paths(project, [good[0], *(p for p, _ in bad.values()), good[1]])
    by_name = {i.name: i for i in report.items}
    assert [i.name for i in report.imported] == ["good.txt", "good.docx"]
    templates = {}
    for name, (path, error) in bad.items():
        item = by_name[name]
        assert item.status == "failed" and type(item.error) is error, (name, item.error)
        for lang in ("zh", "en"):
            message = describe(item.error, lang)
            assert name in message and "\n" not in message and "{" not in message
        templates.setdefault(error, describe(item.error, "en").replace(str(path), ""))
    assert len(set(templates.values())) == len(templates)  # each kind of problem its own message
    # nothing of a bad file is left: the project holds exactly what the good files alone give
    alone = ingest.import_paths(other_project, good)
    assert not alone.failed and counts(project) == counts(other_project)
    names = {r[0] for r in project.db.execute("SELECT source_name FROM documents")}
    assert names == {"good.txt", "good.docx"}
    orphans = project.db.execute("SELECT count(*) FROM units WHERE document_id NOT IN (SELECT id FROM documents)")
    assert orphans.fetchone()[0] == 0


def test_too_large(project, tmp_path, monkeypatch):
    monkeypatch.setitem(readers.LIMIT_MB, "txt", 0)
    path = write(tmp_path / "big.txt", GOOD_TEXT.encode())
    good = write(tmp_path / "ok.html", page_html(LINES).encode())
    report = ingest.import_paths(project, [path, good])
    assert [i.status for i in report.items] == ["failed", "imported"]
    error = report.items[0].error
    assert isinstance(error, TooLarge) and error.limit_mb == 0
    assert "big.txt" in describe(error, "zh") and "MB" in describe(error, "en")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_command_line_batch_with_bad_files(capsys, tmp_path, other_project, lang):
    bad = bad_files(tmp_path)
    good = good_files(tmp_path)
    expected = {i.name: describe(i.error, lang) for i in ingest.import_paths(other_project, [p for p, _ in bad.values()]).items}
    project = str(tmp_path / "p.renda")
    code, out, err = run(capsys, "--lang", lang, "import", *map(str, good), *(str(p) for p, _ in bad.values()),
                         "--project", project)
    assert code == 1 and err == ""  # failures are reported per file on stdout; no traceback
    lines = out.strip().splitlines()
    assert len(lines) == len(good) + len(bad) + 1
    failed = ("failed  {}: " if lang == "en" else "失败    {}：")
    for name in bad:
        assert failed.format(name) + expected[name] in lines
    imported = "imported  " if lang == "en" else "已导入  "
    done = [ln for ln in lines if ln.startswith(imported)]
    assert len(done) == 2 and done[0].startswith(imported + "good.txt") and done[1].startswith(imported + "good.docx")
    code, out, _ = run(capsys, "outline", "--json", "--project", project)
    sources = {u["source"] for u in json.loads(out)["units"]}
    assert code == 0 and sources == {"good.txt", "good.docx"}


def test_command_line_messages_name_the_problem(capsys, tmp_path):
    bad = bad_files(tmp_path)
    project = str(tmp_path / "p.renda")
    _, out, _ = run(capsys, "--lang", "en", "import", *(str(p) for p, _ in bad.values()), "--project", project)
    text = out.replace("\n", " ")
    for phrase in ("has no text", "not a text file", "Cannot tell the text encoding", "damaged",
                   "OCR found no text", "No such file"):
        assert phrase in text, phrase


def test_a_file_that_is_not_a_project_is_refused_and_left_alone(capsys, tmp_path):
    fake = write(tmp_path / "notes.renda", "这不是项目文件\n".encode())
    before = fake.read_bytes()
    good = good_files(tmp_path)[0]
    code, out, err = run(capsys, "--lang", "en", "import", str(good), "--project", str(fake))
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "not a Renda Reader project" in err and "Traceback" not in err
    assert fake.read_bytes() == before
