"""Importing many files: prepared in worker processes, written here in batches. The outcome is
the one importing file by file gives: the same documents, units and sections in the same order,
duplicates (also two copies in one batch), failures that leave nothing behind, progress, cancel."""

from __future__ import annotations

import gc
import os

import pytest

from reader.core.errors import EmptyDocument, UnsupportedFormat
from reader.core.ingest import importing as ingest
from reader.core.progress import CancelToken
from reader.core.store.db import open_project
from tests.conftest import SAMPLES, write_text


@pytest.fixture
def folder(tmp_path):
    """Twenty files: the samples under several names with a line changed, an exact copy of one of
    them, an empty file; and an unsupported file."""
    out = tmp_path / "in"
    for k in range(3):
        for p in SAMPLES:
            text = p.read_text(encoding="utf-8")
            write_text(out / f"{k}-{p.name}", text if k == 0 else f"{text}\n第{k}稿。\n")
    write_text(out / "2-zz-copy.txt", (out / f"1-{SAMPLES[2].name}").read_text(encoding="utf-8"))
    write_text(out / "3-empty.txt", "  \n")
    return [out, write_text(tmp_path / "notes.xyz", "x")]  # named: a folder skips what it cannot read


def contents(project) -> list[tuple]:
    docs = project.db.execute("SELECT id, source_name, sha256, cleaned_text, offset_map, steps FROM documents ORDER BY id").fetchall()
    units = project.db.execute('SELECT id, document_id, start, "end", county, title FROM units ORDER BY id').fetchall()
    sections = project.db.execute('SELECT id, unit_id, parent_id, heading, start, "end" FROM sections ORDER BY id').fetchall()
    hits = project.db.execute("SELECT rowid FROM units_fts WHERE units_fts MATCH '\"代 表\"' ORDER BY rowid").fetchall()
    return [docs, units, sections, hits]


def outcome(report) -> list[tuple]:
    return [(i.name, i.status, i.document_id, [u.id for u in i.units], type(i.error).__name__) for i in report.items]


def run(path, folder, parallel: bool, monkeypatch, **kwargs):
    monkeypatch.setattr(ingest, "PARALLEL_MIN_FILES", 4 if parallel else 10**6)
    monkeypatch.setattr(ingest, "BATCH", 3)
    monkeypatch.setattr(ingest, "workers", lambda: 2)
    pools = []
    start_pool = ingest._start_pool
    monkeypatch.setattr(ingest, "_start_pool", lambda: pools.append(start_pool()) or pools[-1])
    with open_project(path) as project:
        report = ingest.import_paths(project, folder, **kwargs)
    assert gc.isenabled()  # collection paused during the import only
    assert len(pools) == (1 if parallel else 0) and (pools[0] is not None if parallel else True)
    with open_project(path, create=False) as project:
        return report, contents(project)


def test_parallel_import_equals_file_by_file(tmp_path, folder, monkeypatch):
    seen = []
    serial, serial_db = run(tmp_path / "a.renda", folder, False, monkeypatch)
    parallel, parallel_db = run(tmp_path / "b.renda", folder, True, monkeypatch, progress=lambda d, t, n: seen.append((d, t, n)))
    assert outcome(parallel) == outcome(serial)
    assert parallel_db == serial_db
    statuses = {i.name: (i.status, type(i.error)) for i in parallel.items}
    assert statuses["2-zz-copy.txt"][0] == "duplicate"
    assert statuses["3-empty.txt"] == ("failed", EmptyDocument)
    assert statuses["notes.xyz"] == ("failed", UnsupportedFormat)
    assert len(parallel.imported) == 15
    total = parallel.total
    assert [d for d, _t, _n in seen] == list(range(total + 1)) and seen[-1] == (total, total, "")
    again, _db = run(tmp_path / "b.renda", folder, True, monkeypatch)  # the same files again: all known
    assert {i.status for i in again.items} == {"duplicate", "failed"}


def test_parallel_import_cancelled_keeps_what_was_written(tmp_path, folder, monkeypatch):
    token = CancelToken()

    def progress(done, total, name):
        if done == 7:
            token.cancel()

    report, db = run(tmp_path / "c.renda", folder, True, monkeypatch, progress=progress, cancel=token)
    assert report.cancelled and len(report.items) == 8  # cancel is checked between files
    written = [i for i in report.items if i.status == "imported"]
    assert [i.document_id for i in written] == [d[0] for d in db[0]]  # every one reported is stored


def test_without_worker_processes_the_files_are_prepared_here(tmp_path, folder, monkeypatch):
    serial, serial_db = run(tmp_path / "a.renda", folder, False, monkeypatch)
    monkeypatch.setattr(ingest, "PARALLEL_MIN_FILES", 4)
    monkeypatch.setattr(ingest, "_start_pool", lambda: None)  # no processes could be started
    with open_project(tmp_path / "b.renda") as project:
        report = ingest.import_paths(project, folder)
        assert outcome(report) == outcome(serial) and contents(project) == serial_db


def test_collection_resumes_without_going_through_what_the_import_made():
    """What was made while collection was paused goes to the oldest generation, not through a
    collection (it stopped the window for 0.1 s after 30,000 files); nothing is left set aside."""
    assert gc.get_freeze_count() == 0
    gc.disable()
    try:
        kept = [[k] for k in range(5000)]  # lists: always tracked (a dict of numbers is not)
    finally:
        ingest.resume_collection()
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert gc.get_count()[0] < 100  # the young generation starts empty
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert id(kept) in oldest and id(kept[-1]) in oldest


def test_objects_already_set_aside_stay_so():
    """After a big comparison the window sets its objects aside (gc.freeze): resuming after an
    import does not give them back to the collector."""
    aside = [[k] for k in range(100)]
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        gc.disable()
        made = [[k] for k in range(100)]
        ingest.resume_collection()
        assert gc.isenabled() and gc.get_freeze_count() >= before + len(made)
    finally:
        gc.unfreeze()
    assert aside and made


def test_no_collection_runs_while_many_files_import(tmp_path, folder, monkeypatch):
    collections = []

    def seen(phase, info):
        if phase == "start":
            collections.append(info["generation"])

    gc.collect()
    gc.callbacks.append(seen)
    try:
        report, _ = run(tmp_path / "p.renda", folder, True, monkeypatch)
    finally:
        gc.callbacks.remove(seen)
    assert len(report.imported) > 10 and collections == []


@pytest.mark.skipif(not hasattr(os, "nice"), reason="no process niceness on this system")
def test_import_workers_run_below_the_windows_priority():
    pool = ingest._start_pool()
    assert pool is not None
    try:
        mine = os.nice(0)
        theirs = pool.submit(os.nice, 0).result(timeout=60)  # os.nice(0) gives the niceness it runs at
    finally:
        pool.shutdown()
    assert theirs == min(19, mine + ingest.WORKER_NICENESS)
