"""Safety of content (issue 7, section 7), the parts without a window: exports escape what reports
and users wrote; archive import refuses paths that leave the archive and zip bombs; the program
never runs user data through a shell, eval or pickle."""

from __future__ import annotations

import io
import json
import re
import zipfile
from xml.etree import ElementTree as ET

import pytest

from reader.bench.formats import write
from reader.core.archive import leaves_folder
from reader.core.errors import BadExchangeFile, UnpacksTooLarge, UnsafeArchivePath
from reader.core.export import Selection, export, write_qdc, write_qdpx
from reader.core.export.refi.codebook import read_qdc
from reader.core.export.refi.project_reader import read_qdpx
from reader.core.ingest import importing as ingest
from reader.core.messages import describe
from reader.core.store import documents, passages, themes
from reader.core.store.db import open_project
from tests.conftest import ROOT

THEME = "<b>粗 & <img src=x>"  # a theme name cannot hold "/"
SCRIPT = "<script>alert('x')</script>"
IMAGE = '<img src=x onerror="alert(1)">'
TEXT = "\n".join([
    "某某县人大常委会工作报告",
    f"一、加强监督工作，网页复制时带来了 {IMAGE} 这样的标记和 {SCRIPT} 这样的脚本。",
    "二、做好代表工作，代表联络站建设有序推进，群众意见及时办理。",
])


@pytest.fixture
def marked(project, tmp_path):
    """A report whose text holds markup, tagged with a theme whose name is markup, with a note that is."""
    path = write(tmp_path / "<b>报告<img src=x>.txt", TEXT.encode("utf-8"))
    (item,) = ingest.import_paths(project, [path]).items
    assert item.status == "imported", item.error
    unit = item.units[0].id
    text = documents.unit_text(project, unit)
    theme = themes.get_theme(project, themes.add_theme(project, THEME).theme_id)
    s = text.index("网页复制")
    e = text.index("脚本") + 2
    assert IMAGE in text[s:e] and SCRIPT in text[s:e]  # the markup is text of the report, kept as it is
    p = passages.tag(project, unit, s, e, [theme.id], note=SCRIPT)
    return project, p, theme


def test_html_export_escapes_everything(marked, tmp_path):
    project, p, _ = marked
    out = export(project, "html", tmp_path / "x.html", Selection()).path
    raw = out.read_text(encoding="utf-8")
    for markup in (SCRIPT, IMAGE, THEME, "<b>粗", "<img"):
        assert markup not in raw
    assert "&lt;script&gt;" in raw and "&lt;b&gt;粗 &amp; &lt;img src=x&gt;" in raw
    assert raw.count("<script") == 0 and raw.count("<img") == 0


def test_markdown_export_escapes_markup(marked, tmp_path):
    project, _, _ = marked
    raw = export(project, "md", tmp_path / "x.md", Selection()).path.read_text(encoding="utf-8")
    assert SCRIPT not in raw and IMAGE not in raw and "<b>" not in raw
    assert r"\<script\>" in raw and r"\<b\>粗 \& \<img src\=x\>" in raw


def test_xml_exports_escape_and_read_back_exactly(marked, tmp_path):
    project, p, theme = marked
    qdpx = write_qdpx(project, tmp_path / "x.qdpx").path
    with zipfile.ZipFile(qdpx) as z:
        root = ET.fromstring(z.read("project.qde"))  # well-formed despite the markup
    ns = {"q": "urn:QDA-XML:project:1.0"}
    assert THEME in [c.get("name") for c in root.iter(f"{{{ns['q']}}}Code")]
    codes, sources, _ = read_qdpx(qdpx)
    assert any(SCRIPT in s.data.decode("utf-8") for s in sources)
    qdc = write_qdc(project, tmp_path / "x.qdc").path
    assert THEME in [c.name for c in _walk(read_qdc(qdc))]
    with open_project(tmp_path / "back.renda", codebook=False) as other:
        (item,) = ingest.import_paths(other, [qdpx]).items
        assert item.status == "imported", item.error
        (back,) = passages.list_passages(other)
        assert back.quote == p.quote and back.themes == [THEME] and back.note == SCRIPT


def test_json_and_csv_keep_text_as_data(marked, tmp_path):
    project, p, _ = marked
    data = json.loads(export(project, "json", tmp_path / "x.json", Selection()).path.read_text(encoding="utf-8"))
    (row,) = data["passages"]
    assert row["quote"] == p.quote and row["note"] == SCRIPT and row["source"] == "<b>报告<img src=x>.txt"
    rows = export(project, "csv", tmp_path / "x.csv", Selection()).path.read_text(encoding="utf-8-sig")
    assert SCRIPT in rows  # CSV is data: kept as typed


def _walk(nodes):
    for n in nodes:
        yield n
        yield from _walk(n.children)


# -- archives ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name,leaves", [
    ("../x.txt", True), ("sources/../../x.txt", True), ("/etc/passwd", True), ("C:\\Windows\\x.txt", True),
    ("c:/x.txt", True), ("\\\\server\\share\\x.txt", True), ("..", True),
    ("sources/a.txt", False), ("a..b.txt", False), ("project.qde", False), ("sources/报告 (1).txt", False),
])
def test_paths_that_leave_the_folder(name, leaves):
    assert leaves_folder(name) is leaves


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in entries.items():
            z.writestr(zipfile.ZipInfo(name), data)
    return out.getvalue()


QDE = (b'<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources>'
       b'<TextSource guid="11111111-0000-0000-0000-000000000000" name="a" plainTextPath="internal://a.txt"/>'
       b"</Sources></Project>")


@pytest.mark.parametrize("member", ["../a.txt", "/tmp/a.txt", "C:/a.txt", "sources/../../a.txt"])
def test_qdpx_with_a_member_leaving_the_archive_is_refused(project, tmp_path, member):
    path = write(tmp_path / "evil.qdpx", _zip({"project.qde": QDE, "sources/a.txt": "人大".encode(), member: b"x"}))
    (item,) = ingest.import_paths(project, [path]).items
    assert item.status == "failed" and isinstance(item.error, UnsafeArchivePath) and item.error.member == member
    assert "evil.qdpx" in describe(item.error, "zh") and member in describe(item.error, "en")
    assert project.db["documents"].count == 0


def test_zipped_codebook_leaving_the_archive_or_too_large_is_refused(tmp_path):
    evil = write(tmp_path / "evil.qdc", _zip({"../codebook.qdc": b"<CodeBook/>"}))
    with pytest.raises(UnsafeArchivePath):
        read_qdc(evil)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("codebook.qdc", "w", force_zip64=True) as f:
            for _ in range(70):
                f.write(b" " * (1 << 20))
    bomb = write(tmp_path / "bomb.qdc", out.getvalue())
    assert bomb.stat().st_size < 1 << 20
    with pytest.raises(UnpacksTooLarge):
        read_qdc(bomb)


def test_entity_expansion_in_project_qde_is_refused(project, tmp_path):
    laughs = (b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa">'
              + b"".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">'.encode() for p, c in zip("abcdefgh", "bcdefghi", strict=True))
              + b']><Project xmlns="urn:QDA-XML:project:1.0" name="&i;"/>')
    path = write(tmp_path / "laughs.qdpx", _zip({"project.qde": laughs}))
    (item,) = ingest.import_paths(project, [path]).items
    assert item.status == "failed" and isinstance(item.error, BadExchangeFile)


# -- no shell, eval or pickle on user data -------------------------------------------------------

FORBIDDEN = re.compile(r"shell\s*=\s*True|(?<![\w.])eval\(|(?<![\w.])exec\(|os\.system|os\.popen|\bpickle\b|\bmarshal\b"
                       r"|\bshelve\b|yaml\.load\(|__import__\(")


def test_no_shell_eval_or_pickle_in_the_program():
    found = []
    for path in sorted((ROOT / "reader").rglob("*.py")):
        for k, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if FORBIDDEN.search(line):
                found.append(f"{path.relative_to(ROOT)}:{k}: {line.strip()}")
    assert found == []


def test_names_starting_with_equals_stay_text_in_spreadsheets(project, tmp_path):
    from openpyxl import load_workbook

    from reader.core.export import write_codebook_xlsx

    themes.add_theme(project, "=SUM(A1,A2)*10")
    out = write_codebook_xlsx(project, tmp_path / "c.xlsx").path
    ws = load_workbook(out).active
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=SUM")]
    assert cells and all(c.data_type == "s" for c in cells)


# -- issue 14: control and text-direction characters never reach a terminal or an export raw ----------

RLO, ESC = "\u202e", "\x1b"
SNEAKY_THEME = f"监督{RLO}txt.exe{ESC}[31m红"
SNEAKY_NOTE = f"第一行\n第二行{ESC}]0;标题\x07{RLO}倒"


@pytest.fixture
def sneaky(project, tmp_path):
    path = write(tmp_path / "报告.txt", TEXT.encode("utf-8"))
    (item,) = ingest.import_paths(project, [path]).items
    unit = item.units[0].id
    theme = themes.get_theme(project, themes.add_theme(project, SNEAKY_THEME).theme_id)
    text = documents.unit_text(project, unit)
    s = text.index("代表联络站")
    passages.tag(project, unit, s, s + 5, [theme.id], note=SNEAKY_NOTE)
    return project


def _raw_controls(text: str) -> list[str]:
    return [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7f <= ord(c) <= 0x9f
            or c in "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"]


@pytest.mark.parametrize("fmt", ["html", "md", "csv", "json"])
def test_exports_carry_no_raw_control_or_direction_characters(sneaky, tmp_path, fmt):
    out = export(sneaky, fmt, tmp_path / f"x.{fmt}", Selection()).path
    raw = out.read_text(encoding="utf-8-sig")
    assert _raw_controls(raw.replace("\r\n", "\n")) == []
    assert "第一行" in raw and "txt" in raw and "exe" in raw  # the rest of the text stays
    if fmt == "json":  # JSON keeps the data exactly, escaped
        (row,) = json.loads(raw)["passages"]
        assert row["note"] == SNEAKY_NOTE and SNEAKY_THEME in row["themes"]


def test_the_terminal_gets_no_raw_control_characters(sneaky, capsys):
    from reader.cli import main

    path = str(sneaky.path)
    sneaky.close()
    for args in (["passages"], ["themes", "list"], ["passages", "--json"]):
        assert main(["--lang", "en", *args, "--project", path]) == 0
        out = capsys.readouterr().out
        assert _raw_controls(out) == [], args
        assert "txt.exe" in out
    assert main(["--lang", "en", "passages", "--json", "--project", path]) == 0
    (row,) = json.loads(capsys.readouterr().out)["passages"]
    assert row["note"] == SNEAKY_NOTE  # JSON on the terminal: escaped, exact


def test_a_file_name_cannot_forge_lines_of_the_import_output(tmp_path, capsys):
    from reader.cli import main

    forged = "a.txt\nimported  fake.txt: 1 unit(s) (某县)\n.txt"
    path = write(tmp_path / forged, TEXT.encode("utf-8"))
    bad = write(tmp_path / f"b{ESC}[2J{RLO}.txt", b"")
    code = main(["--lang", "en", "import", str(path), str(bad), "--project", str(tmp_path / "p.renda")])
    out, err = capsys.readouterr()
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 3 and not any(ln.startswith("imported  fake.txt") for ln in lines), lines
    assert _raw_controls(out + err) == []


# -- issue 14: file names that are not UTF-8; links leading out of an imported folder ------------------


def test_a_file_name_in_gbk_bytes_is_imported_and_shown(project, tmp_path, capsys):
    """GBK names from an unzipped archive on Linux: imported, shown with replacement characters, the
    path kept as bytes (reclean still finds the file)."""
    import os

    from reader.cli import main

    folder = tmp_path / "unzipped"
    folder.mkdir()
    name = "县人大常委会工作报告".encode("gbk") + b".txt"
    with open(os.path.join(os.fsencode(folder), name), "wb") as f:
        f.write(TEXT.encode("utf-8"))
    report = ingest.import_paths(project, [folder])
    (item,) = report.items
    assert item.status == "imported", item.error
    stored_name, stored_path = project.db.execute("SELECT source_name, source_path FROM documents").fetchone()
    assert "\ufffd" in stored_name and stored_name.endswith(".txt")
    assert os.fsencode(folder) in bytes(stored_path if isinstance(stored_path, bytes) else stored_path.encode())
    project.close()
    code = main(["--lang", "en", "import", str(folder), "--project", str(tmp_path / "other.renda")])
    out, err = capsys.readouterr()
    assert code == 0 and err == "" and "Traceback" not in out
    assert len(out.splitlines()) == 2 and "\ufffd" in out.splitlines()[0]


def test_links_that_leave_an_imported_folder_are_not_followed(project, tmp_path):
    import os

    from reader.core.errors import LinkLeavesFolder

    private = write(tmp_path / "private" / "secret.txt", "机密：不应导入的文字，人大常委会。".encode())
    folder = tmp_path / "unpacked"
    folder.mkdir()
    write(folder / "real.txt", TEXT.encode("utf-8"))
    (folder / "report.txt").symlink_to(private)
    (folder / "same.txt").symlink_to(folder / "real.txt")  # a link within the folder: the same file
    report = ingest.import_paths(project, [folder])
    items = {i.name: i for i in report.items}
    assert items["real.txt"].status == "imported"
    assert items["report.txt"].status == "failed" and isinstance(items["report.txt"].error, LinkLeavesFolder)
    assert "report.txt" in describe(items["report.txt"].error, "zh")
    assert "same.txt" not in items  # the same file as real.txt, imported once
    texts = [r[0] for r in project.db.execute("SELECT original_text FROM documents")]
    assert not any("机密" in t for t in texts)
    # a link the user names is read
    (named,) = ingest.import_paths(project, [folder / "report.txt"]).items
    assert named.status == "imported" and os.path.islink(folder / "report.txt")
