"""Importing: the seeds, duplicates, failures that leave nothing behind, folders, progress and
cancel, and unit-relative offsets."""

from __future__ import annotations

import os
import sqlite3

import pytest

from reader.core.errors import (
    BadExchangeFile,
    DamagedFile,
    ImportFailed,
    PathMissing,
    UnsupportedFormat,
    WriteFailed,
)
from reader.core.ingest import importing as ingest
from reader.core.ingest import preparing
from reader.core.progress import CancelToken
from reader.core.store import documents, fulltext
from tests.conftest import SAMPLES, write_text

REPORT = "某某县人大常委会工作报告\n一、加强代表工作\n代表联络站建设取得新进展。\n二、依法监督\n听取专项工作报告。\n"


def counts(project) -> dict[str, int]:
    return {t: project.db[t].count for t in ("documents", "units", "sections")}


def test_import_seeds_then_duplicates(project):
    report = ingest.import_paths(project, SAMPLES)
    assert [i.status for i in report.items] == ["imported"] * 5
    assert project.db["documents"].count == 5
    assert project.db["units"].count >= 5
    assert any(u.county for i in report.imported for u in i.units)
    before = counts(project)
    again = ingest.import_paths(project, SAMPLES)
    assert [i.status for i in again.items] == ["duplicate"] * 5
    assert {i.document_id for i in again.items} == {i.document_id for i in report.items}
    assert counts(project) == before


def test_same_bytes_under_another_name_is_a_duplicate(project, tmp_path):
    a = write_text(tmp_path / "a.txt", REPORT)
    b = write_text(tmp_path / "b.txt", REPORT)
    report = ingest.import_paths(project, [a, b])
    assert [i.status for i in report.items] == ["imported", "duplicate"]


def test_failure_in_find_units_is_recorded_and_the_rest_imports(project, monkeypatch):
    real = preparing.structure.find_units

    def find_units(text, hints, source_name, **kw):
        if source_name == SAMPLES[2].name:
            raise DamagedFile(source_name, "txt", "test")
        return real(text, hints, source_name, **kw)

    monkeypatch.setattr(preparing.structure, "find_units", find_units)
    report = ingest.import_paths(project, SAMPLES)
    assert [i.status for i in report.items] == ["imported", "imported", "failed", "imported", "imported"]
    assert isinstance(report.failed[0].error, DamagedFile)
    assert project.db["documents"].count == 4


def test_a_fault_in_the_program_fails_one_file_only(project, monkeypatch, caplog):
    real = preparing.structure.find_units

    def find_units(text, hints, source_name, **kw):
        if source_name == SAMPLES[0].name:
            raise RuntimeError("bug")
        return real(text, hints, source_name, **kw)

    monkeypatch.setattr(preparing.structure, "find_units", find_units)
    report = ingest.import_paths(project, SAMPLES)
    assert [i.status for i in report.items] == ["failed"] + ["imported"] * 4
    assert isinstance(report.items[0].error, ImportFailed) and "RuntimeError: bug" in report.items[0].error.reason
    assert "Traceback" in caplog.text  # logged with its traceback, not swallowed
    assert project.db["documents"].count == 4


def test_failure_inside_the_transaction_leaves_nothing_half_imported(project, monkeypatch):
    real = fulltext.index_units
    calls = []

    def index_units(p, units):
        calls.append(units)
        if len(calls) == 2:  # after the document, units and sections of the 2nd file were inserted
            raise sqlite3.OperationalError("disk I/O error (simulated)")
        return real(p, units)

    monkeypatch.setattr(fulltext, "index_units", index_units)
    report = ingest.import_paths(project, SAMPLES)
    assert [i.status for i in report.items] == ["imported", "failed", "imported", "imported", "imported"]
    assert isinstance(report.items[1].error, WriteFailed)
    names = [r[0] for r in project.db.execute("SELECT source_name FROM documents")]
    assert SAMPLES[1].name not in names and len(names) == 4
    orphans = project.db.execute(
        "SELECT count(*) FROM units WHERE document_id NOT IN (SELECT id FROM documents)"
    ).fetchone()[0]
    assert orphans == 0
    assert project.db.execute("SELECT count(*) FROM sections WHERE unit_id NOT IN (SELECT id FROM units)").fetchone()[0] == 0
    monkeypatch.setattr(fulltext, "index_units", real)
    retry = ingest.import_paths(project, [SAMPLES[1]])
    assert retry.items[0].status == "imported"


def test_missing_unsupported_and_damaged_exchange_file(project, tmp_path):
    odd = write_text(tmp_path / "table.csv", "a,b")
    qdpx = tmp_path / "project.qdpx"
    qdpx.write_bytes(b"PK\x03\x04")
    report = ingest.import_paths(project, [tmp_path / "nope.txt", odd, qdpx])
    errors = [type(i.error) for i in report.items]
    assert errors == [PathMissing, UnsupportedFormat, BadExchangeFile]
    assert project.db["documents"].count == 0


def test_folders_recursive_skip_hidden_and_other_types(project, tmp_path):
    root = tmp_path / "reports"
    write_text(root / "a.txt", REPORT)
    write_text(root / "sub" / "b.md", REPORT.replace("某某县", "另一县"))
    write_text(root / ".hidden.txt", REPORT + "x")
    write_text(root / ".git" / "c.txt", REPORT + "y")
    write_text(root / "notes.csv", "x")
    found = [p.relative_to(root).as_posix() for p, err in ingest.collect([root])]
    assert found == ["a.txt", "sub/b.md"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlinked_folder_loop_is_not_followed(project, tmp_path):
    root = tmp_path / "reports"
    write_text(root / "a.txt", REPORT)
    try:
        os.symlink(root, root / "loop", target_is_directory=True)
    except OSError:
        pytest.skip("cannot create symlinks here")
    assert [p.name for p, _ in ingest.collect([root])] == ["a.txt"]


def test_progress_and_cancel(project):
    seen = []
    token = CancelToken()

    def progress(done, total, name):
        seen.append((done, total, name))
        if done == 2:
            token.cancel()

    report = ingest.import_paths(project, SAMPLES, progress=progress, cancel=token)
    assert report.cancelled
    assert [i.status for i in report.items] == ["imported"] * 3  # cancel is checked between files
    assert project.db["documents"].count == 3
    assert seen[:3] == [(0, 5, SAMPLES[0].name), (1, 5, SAMPLES[1].name), (2, 5, SAMPLES[2].name)]


def test_progress_reaches_the_end(project):
    seen = []
    ingest.import_paths(project, SAMPLES[:2], progress=lambda d, t, n: seen.append((d, t)))
    assert seen == [(0, 2), (1, 2), (2, 2)]


def test_unit_text_and_sections_are_unit_relative(sample_project):
    units = documents.outline(sample_project)
    assert len(units) >= 5
    doc_texts = {
        r[0]: r[1] for r in sample_project.db.execute("SELECT id, cleaned_text FROM documents")
    }
    multi = [u for u in units if u.position > 0]
    assert multi, "the magazine seed holds several units"
    for u in units:
        text = documents.unit_text(sample_project, u.id)
        assert text == doc_texts[u.document_id][u.start : u.end]
        for s in u.walk_sections():
            assert 0 <= s.start < s.heading_end <= s.end <= len(text)
            assert text[s.start : s.heading_end] == s.heading


def test_original_text_of_a_unit(sample_project):
    u = documents.list_units(sample_project)[0]
    original = documents.unit_original_text(sample_project, u.id)
    assert original.strip()
    title_line = documents.unit_text(sample_project, u.id).splitlines()[0]
    assert title_line[:4] in original


def test_units_cover_their_document(sample_project):
    for d in documents.list_documents(sample_project):
        spans = [(u.start, u.end) for u in documents.list_units(sample_project) if u.document_id == d.id]
        length = sample_project.db.execute("SELECT length(cleaned_text) FROM documents WHERE id = ?", [d.id]).fetchone()[0]
        assert spans[0][0] == 0 and spans[-1][1] == length
        assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
