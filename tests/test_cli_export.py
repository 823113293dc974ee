"""`reader export` for every format, its user errors, and importing .qdpx/.qdc and codebook
tables from the command line (through reader.cli.main)."""

from __future__ import annotations

import csv
import json
import zipfile

import pytest
from docx import Document
from openpyxl import load_workbook

from reader.cli import main
from reader.core.export import FORMATS
from reader.core.store.db import open_project
from tests.core.export_data import ASTRAL_QUOTE, STATION, tag_sample


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_user_error(code: int, err: str) -> None:
    assert code == 1 and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err


@pytest.fixture
def proj(sample_project_path, tmp_path) -> str:
    with open_project(sample_project_path, create=False) as p:
        tag_sample(p, tmp_path)
    return str(sample_project_path)


def check_file(fmt: str, path) -> None:
    """Open what was written with its own library and find a Chinese excerpt or theme in it."""
    if fmt in ("csv", "codebook-csv"):
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        assert (ASTRAL_QUOTE if fmt == "csv" else STATION) in [c for r in rows for c in r]
    elif fmt in ("xlsx", "codebook-xlsx"):
        ws = load_workbook(path).worksheets[0]
        assert (ASTRAL_QUOTE if fmt == "xlsx" else STATION) in [c.value for r in ws.iter_rows() for c in r]
    elif fmt == "docx":
        assert ASTRAL_QUOTE in [p.text for p in Document(str(path)).paragraphs]
    elif fmt == "json":
        assert ASTRAL_QUOTE in [p["quote"] for p in json.loads(path.read_text(encoding="utf-8"))["passages"]]
    elif fmt in ("md", "html"):
        assert ASTRAL_QUOTE in path.read_text(encoding="utf-8")
    elif fmt == "qdpx":
        with zipfile.ZipFile(path) as z:
            assert "project.qde" in z.namelist() and ASTRAL_QUOTE in z.read("project.qde").decode("utf-8")
    elif fmt == "qdc":
        assert "代表联络站" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_every_format(capsys, proj, tmp_path, fmt):
    out = tmp_path / f"out{FORMATS[fmt].suffix}"
    code, stdout, err = run(capsys, "--lang", "zh", "export", "--format", fmt, "--out", str(out), "--project", proj)
    assert code == 0, err
    assert len(stdout.strip().splitlines()) == 1 and str(out) in stdout
    if FORMATS[fmt].passages:
        assert stdout.startswith("已导出 9 段标注")
    else:
        assert stdout.startswith("已导出编码表")
    check_file(fmt, out)
    # again without --force: refused, one line, the file untouched
    before = out.read_bytes()
    code, stdout, err = run(capsys, "export", "--format", fmt, "--out", str(out), "--project", proj)
    assert_user_error(code, err)
    assert out.name in err and out.read_bytes() == before
    code, stdout, err = run(capsys, "export", "-f", fmt, "-o", str(out), "--force", "--project", proj)
    assert code == 0, err


def test_filters_and_line_endings(capsys, proj, tmp_path):
    out = tmp_path / "x.qdpx"
    code, stdout, err = run(
        capsys, "--lang", "en", "export", "-f", "qdpx", "-o", str(out), "--theme", STATION, "--county", "永和县",
        "--county", "吉县", "--year", "2022", "--line-endings", "crlf", "--project", proj,
    )
    assert code == 0, err
    assert stdout.startswith("Wrote 2 passage(s), 1 report(s)") and "CRLF" in stdout
    with zipfile.ZipFile(out) as z:
        (source,) = [n for n in z.namelist() if n.startswith("sources/")]
        assert b"\r\n" in z.read(source)


@pytest.mark.parametrize(
    "extra",
    [
        ["--theme", "没有这个主题"],
        ["--county", "某某县"],
        ["--year", "1990"],
    ],
)
def test_unknown_names_are_one_line(capsys, proj, tmp_path, extra):
    code, _, err = run(capsys, "export", "-f", "csv", "-o", str(tmp_path / "a.csv"), *extra, "--project", proj)
    assert_user_error(code, err)
    assert not (tmp_path / "a.csv").exists()


def test_codebook_formats_take_no_filters_and_bad_targets(capsys, proj, tmp_path):
    code, _, err = run(capsys, "export", "-f", "qdc", "-o", str(tmp_path / "a.qdc"), "--county", "吉县", "--project", proj)
    assert_user_error(code, err)
    code, _, err = run(capsys, "export", "-f", "csv", "-o", str(tmp_path / "no" / "a.csv"), "--project", proj)
    assert_user_error(code, err)
    code, _, err = run(capsys, "export", "-f", "csv", "-o", str(tmp_path), "--project", proj)
    assert_user_error(code, err)
    with pytest.raises(SystemExit) as e:
        main(["export", "-f", "pdf", "-o", "x", "--project", proj])
    assert e.value.code == 2


def test_import_qdpx_and_qdc_from_the_command_line(capsys, proj, tmp_path):
    qdpx, qdc = tmp_path / "p.qdpx", tmp_path / "c.qdc"
    assert run(capsys, "export", "-f", "qdpx", "-o", str(qdpx), "--project", proj)[0] == 0
    assert run(capsys, "export", "-f", "qdc", "-o", str(qdc), "--project", proj)[0] == 0
    target = str(tmp_path / "new.renda")
    code, stdout, err = run(capsys, "--lang", "en", "import", str(qdpx), "--project", target)
    assert code == 0, err
    lines = stdout.strip().splitlines()
    assert lines[0].startswith("imported  p.qdpx: 11 unit(s)") and "永和县" in lines[0]
    assert lines[1].strip().startswith("themes: 0 added, 20 kept; 9 passage(s)")
    code, stdout, err = run(capsys, "--lang", "zh", "import", str(qdc), "--project", target)
    assert code == 0 and stdout.startswith("已存在  c.qdc") and "已有 20 个" in stdout
    code, stdout, _ = run(capsys, "passages", "--json", "--county", "永和县", "--project", target)
    assert ASTRAL_QUOTE in [p["quote"] for p in json.loads(stdout)["passages"]]


def test_damaged_qdpx_fails_that_file_only(capsys, tmp_path):
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(b"not a zip")
    code, stdout, err = run(capsys, "--lang", "en", "import", str(bad), "--project", str(tmp_path / "p.renda"))
    assert code == 1 and "failed" in stdout and "bad.qdpx" in stdout and "Traceback" not in stdout + err


def test_themes_import_table_and_qdc(capsys, proj, tmp_path):
    table = tmp_path / "cb.csv"
    table.write_text("主题路径,颜色\n新主题/子主题,#123456\n依法监督,\n", encoding="utf-8-sig")
    code, stdout, err = run(capsys, "--lang", "zh", "themes", "import", str(table), "--project", proj)
    assert code == 0, err
    assert stdout.startswith("已导入编码表：新增 2 个主题，已有 1 个") and "新主题/子主题" in stdout
    code, stdout, _ = run(capsys, "themes", "list", "--json", "--project", proj)
    paths = [t["path"] for root in json.loads(stdout)["themes"] for t in [root, *root["children"]]]
    assert "新主题/子主题" in paths
    qdc = tmp_path / "c.qdc"
    run(capsys, "export", "-f", "qdc", "-o", str(qdc), "--project", proj)
    code, stdout, _ = run(capsys, "--lang", "en", "themes", "import", str(qdc), "--project", proj)
    assert code == 0 and "0 theme(s) added" in stdout
    code, _, err = run(capsys, "themes", "import", str(tmp_path / "x.json"), "--project", proj)
    assert_user_error(code, err)


def test_a_batch_mixing_reports_and_exchange_files(capsys, proj, tmp_path):
    from tests.conftest import SAMPLES

    qdc = tmp_path / "c.qdc"
    run(capsys, "export", "-f", "qdc", "-o", str(qdc), "--project", proj)
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(b"PK")
    code, stdout, err = run(capsys, "--lang", "en", "import", str(SAMPLES[0]), str(qdc), str(bad),
                            "--project", str(tmp_path / "n.renda"))
    lines = stdout.strip().splitlines()
    assert code == 1 and err == ""
    assert lines[0].startswith("imported  " + SAMPLES[0].name)
    assert lines[1].startswith("already imported  c.qdc") and "0 added, 20 kept" in lines[2]
    assert lines[3].startswith("failed  bad.qdpx: Cannot read this qdpx file")
