"""An import's worker processes import what preparing a file needs, not the store: each worker
loads its modules at start, so a heavy import there is paid again by every worker of every import."""

from __future__ import annotations

import json
import subprocess
import sys

from reader.core.ingest import importing, preparing


def test_a_worker_loads_neither_the_store_nor_python_docx():
    code = ("import json, sys; import reader.core.ingest.preparing; "
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('sqlite_utils', 'docx', 'PySide6', 'numpy') or m.startswith('reader.core.store'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == []


def test_the_workers_run_the_lean_module():
    assert importing._prepare_in_worker.__module__ == "reader.core.ingest.preparing"
    assert importing.prepare is preparing.prepare and importing.Prepared is preparing.Prepared


def test_a_word_file_is_still_read(tmp_path):
    from docx import Document

    path = tmp_path / "r.docx"
    doc = Document()
    doc.add_paragraph("测试文件")
    doc.add_paragraph("这是测试文件的第一段，共有十几个字。")
    doc.save(path)
    data = path.read_bytes()
    kind, prepared = preparing.prepare_in_worker(path, data, "x")
    assert kind == "ok" and prepared.raw.format == "docx" and "第一段" in prepared.cleaned.text
