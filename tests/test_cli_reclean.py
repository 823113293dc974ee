"""`reader reclean`: counts placed exact / fuzzy / unplaced, and the unplaced listed, placed, deleted."""

from __future__ import annotations

import json

import pytest

from reader.bench.formats import write
from reader.cli import main
from reader.core.clean import pipeline
from reader.core.store.db import open_project
from tests.core.ingest.test_reclean import QUOTE_A, QUOTE_B, QUOTE_C, TEXT, _changed_step


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_reclean_command(capsys, tmp_path, monkeypatch, lang):
    project = str(tmp_path / "p.renda")
    path = write(tmp_path / "report.txt", TEXT.encode("utf-8"))
    assert run(capsys, "import", str(path), "--project", project)[0] == 0
    for quote in (QUOTE_A, QUOTE_B, QUOTE_C):
        assert run(capsys, "tag", "--unit", "1", "--quote", quote, "--theme", "依法监督", "--project", project)[0] == 0
    code, out, err = run(capsys, "--lang", lang, "reclean", "--project", project)
    assert code == 0 and err == "" and ("exact 3, fuzzy 0, unplaced 0" in out or "精确 3，近似 0，待定位 0" in out)
    monkeypatch.setattr(pipeline, "STEPS", [*pipeline.STEPS, ("test_rule", _changed_step)])
    code, out, err = run(capsys, "--lang", lang, "reclean", "--project", project)
    assert code == 0 and err == ""
    summary = out.strip().splitlines()[-1]
    if lang == "en":
        assert "recleaned  report.txt: exact 1, fuzzy 1, unplaced 1" in out
        assert "placed exact 1, fuzzy 1, unplaced 1" in summary
    else:
        assert "已重新清理  report.txt：精确 1，近似 1，待定位 1" in out
    code, out, _ = run(capsys, "reclean", "--unplaced", "--json", "--project", project)
    (item,) = json.loads(out)
    assert item["quote"] == QUOTE_C and item["themes"] == ["依法监督"]
    code, out, err = run(capsys, "--lang", "en", "reclean", "--place", str(item["id"]), "--unit", "1", "--start", "0",
                         "--end", "4", "--project", project)
    assert code == 0 and out.startswith("placed: passage ")
    code, out, err = run(capsys, "--lang", "en", "reclean", "--delete", str(item["id"]), "--project", project)
    assert code == 1 and out == "" and err.strip() == f"No such unplaced passage: {item['id']}"
    with open_project(tmp_path / "p.renda") as p:
        assert p.db["passages"].count == 3 and p.db["unplaced_passages"].count == 0


def test_place_needs_a_span(capsys, tmp_path):
    project = str(tmp_path / "p.renda")
    path = write(tmp_path / "report.txt", TEXT.encode("utf-8"))
    run(capsys, "import", str(path), "--project", project)
    code, out, err = run(capsys, "--lang", "en", "reclean", "--place", "1", "--project", project)
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err


def test_reclean_command_says_how_many_alignment_rows_to_redo(capsys, sample_project_path, monkeypatch):
    import re

    from reader.core.clean.textmap import substitute

    project = str(sample_project_path)
    assert run(capsys, "align", "--project", project)[0] == 0
    monkeypatch.setattr(pipeline, "STEPS", [*pipeline.STEPS, ("test_rule", lambda mt, notes: substitute(
        mt, re.compile("代表"), "人大代表"))])
    code, out, err = run(capsys, "--lang", "en", "reclean", "--project", project)
    assert code == 0 and err == ""
    found = re.search(r"; (\d+) row\(s\) of the stored alignment lost sections: run reader align again\.", out)
    assert found and int(found.group(1)) > 0
