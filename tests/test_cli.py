"""The `reader` command line: every subcommand through main(argv), plus a few real processes
(--version, a user error, python -m reader). User errors exit 1 with one line on stderr."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import reader
from reader.cli import SUBCOMMANDS, main
from tests.conftest import ROOT, SAMPLES, write_text


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_user_error(code: int, err: str) -> None:
    assert code == 1
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err


@pytest.fixture
def proj(sample_project_path) -> str:
    return str(sample_project_path)


def outline(capsys, proj) -> dict:
    code, out, _ = run(capsys, "outline", "--json", "--project", proj)
    assert code == 0
    return json.loads(out)


def test_import_then_duplicates_and_failures(capsys, tmp_path):
    p = str(tmp_path / "new.renda")
    code, out, err = run(capsys, "--lang", "en", "import", *map(str, SAMPLES), "--project", p)
    assert code == 0, err
    lines = out.strip().splitlines()
    assert len(lines) == 6 and all(line.startswith("imported") for line in lines[:5])
    assert "新绛县" in lines[0] and "5 imported" in lines[5]
    code, out, _ = run(capsys, "--lang", "zh", "import", str(SAMPLES[0]), "--project", p)
    assert code == 0 and out.startswith("已存在")
    bad = write_text(tmp_path / "bad.csv", "x")
    good = write_text(tmp_path / "good.txt", "某县人大常委会工作报告\n一、代表工作\n代表联络站。\n")
    code, out, err = run(capsys, "--lang", "en", "import", str(bad), str(good), "--project", p)
    assert code == 1 and "failed" in out and "imported  good.txt" in out
    assert err == ""


def test_import_nothing_to_import(capsys, tmp_path):
    (tmp_path / "empty").mkdir()
    code, out, err = run(capsys, "import", str(tmp_path / "empty"), "--project", str(tmp_path / "p.renda"))
    assert_user_error(code, err)


def test_outline_json_and_text(capsys, proj):
    data = outline(capsys, proj)
    units = data["units"]
    assert len(units) >= 5
    first = units[0]
    assert first["source"] == SAMPLES[0].name
    assert {"id", "county", "province", "prefecture", "title", "author", "year", "method", "sections"} <= set(first)
    assert first["county"] == "新绛县" and first["author"] == "姚文生" and first["year"] == 2021
    assert {"id", "heading", "level", "start", "end", "children"} <= set(first["sections"][0])
    code, out, _ = run(capsys, "--lang", "zh", "outline", "--project", proj)
    assert code == 0 and "报告 1" in out and "§" in out


def _walk(sections):
    for s in sections:
        yield s
        yield from _walk(s["children"])


def test_text_slices_give_headings(capsys, proj):
    data = outline(capsys, proj)
    checked = 0
    for unit in data["units"]:
        code, text, _ = run(capsys, "text", "--unit", str(unit["id"]), "--project", proj)
        assert code == 0
        assert len(text) == unit["length"]
        for s in _walk(unit["sections"]):
            assert text[s["start"] : s["heading_end"]] == s["heading"]
            assert s["start"] < s["heading_end"] <= s["end"] <= len(text)
            checked += 1
    assert checked > 20


def test_text_original(capsys, proj):
    code, original, _ = run(capsys, "text", "--unit", "1", "--original", "--project", proj)
    assert code == 0 and "姚文生" in original


def test_search_json_offsets(capsys, proj):
    code, out, _ = run(capsys, "search", "代表联络站", "--json", "--limit", "5", "--project", proj)
    assert code == 0
    data = json.loads(out)
    assert data["total"] >= len(data["hits"]) == 5
    texts = {}
    for h in data["hits"]:
        assert {"unit", "section", "county", "heading", "start", "end", "snippet"} <= set(h)
        if h["unit"] not in texts:
            texts[h["unit"]] = run(capsys, "text", "--unit", str(h["unit"]), "--project", proj)[1]
        assert texts[h["unit"]][h["start"] : h["end"]] == "代表联络站"
        assert "【代表联络站】" in h["snippet"]
    code, out, _ = run(capsys, "--lang", "zh", "search", "代表", "--project", proj)
    assert code == 0 and "共" in out and "【代表】" in out
    code, out, _ = run(capsys, "--lang", "en", "search", "没有这个词语", "--project", proj)
    assert code == 0 and "No occurrences" in out


def test_themes_list_add_rename_delete_merge_move(capsys, proj):
    code, out, _ = run(capsys, "themes", "--project", proj)
    assert code == 0 and "[1] 党的领导与政治建设" in out and "    代表联络站" in out
    code, out, _ = run(capsys, "themes", "add", "基层治理", "--parent", "中心工作", "--colour", "#336699",
                       "--shortcut", "9", "--keywords", "网格,治理，基层", "--project", proj)
    assert code == 0
    code, out, _ = run(capsys, "themes", "list", "--json", "--project", proj)
    data = json.loads(out)
    centre = next(t for t in data["themes"] if t["name"] == "中心工作")
    added = next(c for c in centre["children"] if c["name"] == "基层治理")
    assert added["keywords"] == ["网格", "治理", "基层"] and added["shortcut"] == "9"
    assert run(capsys, "themes", "rename", "基层治理", "社会治理", "--project", proj)[0] == 0
    assert run(capsys, "themes", "move", "社会治理", "--project", proj)[0] == 0
    assert run(capsys, "themes", "merge", "社会治理", "民生", "--project", proj)[0] == 0
    code, out, err = run(capsys, "themes", "delete", "社会治理", "--project", proj)
    assert_user_error(code, err)
    code, out, err = run(capsys, "themes", "delete", "疫情防控", "--project", proj)
    assert code == 0
    code, out, err = run(capsys, "--lang", "zh", "themes", "add", "民生", "--parent", "中心工作", "--project", proj)
    assert_user_error(code, err)
    assert "已存在" in err


def test_tag_and_passages(capsys, proj):
    _, text, _ = run(capsys, "text", "--unit", "1", "--project", proj)
    start = text.index("学习党史强党性")
    code, out, err = run(capsys, "tag", "--unit", "1", "--start", str(start), "--end", str(start + 7),
                         "--theme", "党的领导与政治建设", "--theme", "代表工作/代表培训", "--note", "示例", "--project", proj)
    assert code == 0, err
    code, out, err = run(capsys, "tag", "--unit", "1", "--quote", "健全代表联络机制", "--theme", "代表联络站", "--project", proj)
    assert code == 0, err
    code, out, _ = run(capsys, "passages", "--json", "--project", proj)
    data = json.loads(out)["passages"]
    assert [p["quote"] for p in data] == ["学习党史强党性", "健全代表联络机制"]
    assert data[0]["themes"] == ["党的领导与政治建设", "代表工作/代表培训"] and data[0]["note"] == "示例"  # full paths
    assert data[0]["county"] == "新绛县" and data[0]["heading"]
    assert {"id", "unit", "county", "section", "heading", "start", "end", "quote", "themes", "note"} <= set(data[0])
    for p in data:
        assert text[p["start"] : p["end"]] == p["quote"]
    code, out, _ = run(capsys, "passages", "--json", "--theme", "代表工作", "--project", proj)
    assert len(json.loads(out)["passages"]) == 2  # a theme includes its children
    code, out, _ = run(capsys, "passages", "--json", "--county", "吉县", "--project", proj)
    assert json.loads(out)["passages"] == []
    code, out, _ = run(capsys, "--lang", "zh", "passages", "--project", proj)
    assert code == 0 and "「学习党史强党性」" in out and "备注：示例" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["text", "--unit", "999"],
        ["tag", "--unit", "1", "--quote", "不存在的句子", "--theme", "民生"],
        ["tag", "--unit", "1", "--quote", "代表", "--theme", "民生"],
        ["tag", "--unit", "1", "--quote", "代表", "--start", "1", "--end", "2", "--theme", "民生"],
        ["tag", "--unit", "1", "--start", "5", "--end", "1", "--theme", "民生"],
        ["tag", "--unit", "1", "--start", "1", "--end", "3", "--theme", "没有这个主题"],
        ["search", " "],
        ["themes", "rename", "没有", "新名"],
        ["passages", "--theme", "没有"],
    ],
)
def test_user_errors(capsys, proj, argv):
    code, out, err = run(capsys, *argv, "--project", proj)
    assert_user_error(code, err)


def test_not_a_project(capsys, tmp_path):
    bad = write_text(tmp_path / "x.renda", "not a database")
    code, out, err = run(capsys, "--lang", "en", "outline", "--project", str(bad))
    assert_user_error(code, err)
    assert "not a Renda Reader project" in err
    assert bad.read_text() == "not a database"
    code, out, err = run(capsys, "outline", "--project", str(tmp_path / "missing.renda"))
    assert_user_error(code, err)


def test_usage_errors_exit_2(capsys):
    for argv in (["nonsense"], ["text"], ["search"], ["tag", "--theme", "a"], ["--lang", "fr", "outline"]):
        with pytest.raises(SystemExit) as e:
            main(argv)
        assert e.value.code == 2
    capsys.readouterr()


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    "argv",
    [
        ["text", "--unit", "abc"],
        ["tag", "--unit", "1", "--start", "-3", "--end", "5", "--theme", "代表工作"],
        ["tag", "--unit", "x", "--theme", "a"],
        ["search", "代表", "--limit", "-1"],
        ["export", "-f", "csv", "-o", "x.csv", "--year", "abc"],
        ["align", "--undo", "zero"],
        ["tag", "--unit", "1", "--theme", "代表工作"],
        ["outline", "--county", "不存在县"],
        ["passages", "--county", "不存在县"],
        ["search", "  "],
    ],
)
def test_wrong_values_are_one_line_in_the_chosen_language(capsys, proj, argv, lang):
    code, out, err = run(capsys, "--lang", lang, *argv, "--project", proj)
    assert_user_error(code, err)
    assert "usage:" not in err and "_" not in err
    if lang == "zh":
        assert re.search(r"[\u4e00-\u9fff]{2}", err) and not re.search(r"\b(not|Invalid|error)\b", err), err


def test_a_county_named_by_its_start(capsys, proj):
    code, out, _ = run(capsys, "outline", "--county", "新绛", "--json", "--project", proj)
    assert code == 0 and {u["county"] for u in json.loads(out)["units"]} == {"新绛县"}


def test_aligning_nothing_keeps_the_stored_rows(capsys, proj, tmp_path):
    code, _, _ = run(capsys, "align", "--json", "--project", proj)
    assert code == 0
    code, _, err = run(capsys, "--lang", "en", "align", "--year", "1990", "--project", proj)
    assert_user_error(code, err)
    assert "No reports to align" in err
    code, out, _ = run(capsys, "align", "--stored", "--json", "--project", proj)
    assert code == 0 and len(json.loads(out)["units"]) >= 5
    from reader.core.store.db import open_project

    empty = str(tmp_path / "empty.renda")
    open_project(empty).close()  # a new project, no report in it
    code, _, err = run(capsys, "--lang", "zh", "align", "--project", empty)
    assert_user_error(code, err)
    assert "没有可对齐的报告" in err


def test_default_project_is_the_demo_then_the_last(capsys, proj):
    from reader.core import paths

    code, out, _ = run(capsys, "outline", "--json")
    assert code == 0 and len(json.loads(out)["units"]) >= 5
    assert paths.demo_project_path().is_file()
    run(capsys, "themes", "add", "只在样例里", "--project", proj)
    code, out, _ = run(capsys, "themes")  # a command-line run does not change the project opened next
    assert "只在样例里" not in out
    paths.remember_project(proj)  # the window opened it
    code, out, _ = run(capsys, "themes")  # now the last project
    assert "只在样例里" in out


def test_unexpected_error_is_one_line(capsys, proj, monkeypatch):
    import reader.core.search as search

    def boom(*a, **k):
        raise RuntimeError("boom")

    monkeypatch.setattr(search, "search", boom)
    code, out, err = run(capsys, "--lang", "en", "search", "代表", "--project", proj)
    assert_user_error(code, err)
    assert "Internal error" in err and "READER_DEBUG" in err


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["LANG"] = "en_US.UTF-8"
    env.pop("LANGUAGE", None)
    env.pop("LC_ALL", None)
    return env


def test_processes_version_help_and_error(tmp_path):
    exe = [sys.executable, "-m", "reader"]
    r = subprocess.run([*exe, "--version"], capture_output=True, text=True, env=_env(), timeout=120)
    assert r.returncode == 0 and reader.__version__ in r.stdout
    r = subprocess.run([*exe, "--help"], capture_output=True, text=True, env=_env(), timeout=120)
    assert r.returncode == 0 and all(c in r.stdout for c in SUBCOMMANDS)
    missing = str(tmp_path / "no.renda")
    r = subprocess.run([*exe, "text", "--unit", "1", "--project", missing], capture_output=True, text=True,
                       env=_env(), timeout=120)
    assert r.returncode == 1 and "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    env = _env() | {"LANG": "zh_CN.UTF-8"}
    r = subprocess.run([*exe, "text", "--unit", "1", "--project", missing], capture_output=True, text=True,
                       env=env, timeout=120)
    assert "找不到" in r.stderr


def test_screenshot(tmp_path, proj):
    png = tmp_path / "shot.png"
    r = subprocess.run([sys.executable, "-m", "reader", "--screenshot", str(png), "--project", proj],
                       capture_output=True, text=True, env=_env() | {"QT_QPA_PLATFORM": "offscreen"}, timeout=180)
    assert r.returncode == 0, r.stderr
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 1000
    assert Path(proj).exists()


def test_screenshot_of_the_comparison_view(tmp_path, proj, capsys):
    from PySide6.QtGui import QImage

    png = tmp_path / "compare.png"
    r = subprocess.run([sys.executable, "-m", "reader", "--screenshot", str(png), "--view", "compare", "--project", proj],
                       capture_output=True, text=True, env=_env() | {"QT_QPA_PLATFORM": "offscreen"}, timeout=180)
    assert r.returncode == 0, r.stderr
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1600, 1000)  # the comparison window, not the main one
    from reader.core import compare
    from reader.core.store.db import open_project

    with open_project(proj, create=False) as p:
        assert compare.load_comparison(p) is not None  # it was aligned to be shown
    with pytest.raises(SystemExit) as e:
        main(["--view", "compare", "--project", proj])
    assert e.value.code == 2 and "--view goes with --screenshot" in capsys.readouterr().err



class _ClosedPipe(io.StringIO):
    """stdout whose reader has gone away (`reader outline | head -1` after head exits)."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def fileno(self) -> int:
        raise io.UnsupportedOperation("fileno")


def test_output_into_a_closed_pipe_ends_quietly(proj, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    code = main(["outline", "--project", proj])
    assert code == 0 and capsys.readouterr().err == ""


# -- issue 14: numbers too large for the project, and digits that are not ASCII, are user errors -------

HUGE = "99999999999999999999"


@pytest.mark.parametrize("args", [
    ["text", "--unit", HUGE],
    ["passages", "--unit", HUGE],
    ["tag", "--unit", "1", "--quote", "人大", "--theme", HUGE],
    ["tag", "--unit", "1", "--quote", "人大", "--theme", "²"],
    ["tag", "--unit", HUGE, "--start", "0", "--end", "3", "--theme", "代表工作"],
    ["reclean", "--place", HUGE, "--unit", "1", "--start", "0", "--end", "3"],
    ["reclean", "--delete", HUGE],
    ["themes", "delete", HUGE],
    ["align", "--undo", HUGE],
    ["search", "人大", "--limit", HUGE],
], ids=lambda a: " ".join(a))
def test_huge_numbers_are_one_clear_line(capsys, proj, args):
    code, out, err = run(capsys, "--lang", "en", *args, "--project", proj)
    if code == 0:  # a limit past every hit is not an error
        assert args[0] == "search" and err == ""
        return
    assert_user_error(code, err)
    assert "Internal error" not in err


def test_import_names_the_same_report_in_another_format_and_skips_it_when_asked(capsys, tmp_path):
    text = "某县人大常委会工作报告\n一、代表工作\n建设代表联络站十二个，组织代表进站接待群众。\n二、监督工作\n听取专项工作报告八项。\n"
    txt = write_text(tmp_path / "报告.txt", text)
    md = write_text(tmp_path / "报告.md", text.replace("一、", "# 一、"))
    p = str(tmp_path / "p.renda")
    code, out, err = run(capsys, "--lang", "en", "import", str(txt), str(md), "--project", p)
    assert code == 0, err
    assert "same text  报告.md: as 报告.txt (unit 1)" in out and "2 imported (2 units)" in out
    q = str(tmp_path / "q.renda")
    code, out, err = run(capsys, "--lang", "en", "import", str(txt), str(md), "--project", q, "--skip-copies")
    assert code == 0, err
    assert "this copy removed" in out and "(1 units)" in out and "1 copy removed" in out
    assert [u["source"] for u in outline(capsys, q)["units"]] == ["报告.txt"]
