"""Projects the user cannot (or cannot now) write: a read-only file opens for reading and the first
change says so; a project another program is writing gives ProjectLocked, not a raw SQLite error;
an empty file given as a project, or a name the system refuses, gets one clear error."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat

import pytest

from reader.core.errors import NotAProject, PathUnreadable, ProjectLocked, ProjectReadOnly, WriteFailed
from reader.core.export import Selection, export
from reader.core.ingest.importing import import_paths
from reader.core.messages import describe
from reader.core.search import search
from reader.core.store import db as store_db
from reader.core.store.db import create_project, open_project
from reader.core.store.documents import list_units, unit_text
from reader.core.store.passages import tag
from reader.core.store.themes import add_theme, find_theme
from tests.conftest import SAMPLES


@pytest.fixture
def read_only_copy(sample_project_file, tmp_path, monkeypatch):
    """A copy of the sample project in a folder the user may not write (for root, who may write
    anything, the permission check is made to say so too)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "sample.renda"
    shutil.copyfile(sample_project_file, path)
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    if os.geteuid() == 0:
        monkeypatch.setattr(store_db, "writable", lambda _path: False)
    yield path
    folder.chmod(stat.S_IRWXU)
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_read_only_project_can_be_read(read_only_copy):
    before = read_only_copy.read_bytes()
    with open_project(read_only_copy, create=False) as p:
        assert p.read_only
        units = list_units(p)
        assert len(units) >= 5 and unit_text(p, units[0].id)
        assert search(p, "代表", 5).total > 0
    assert read_only_copy.read_bytes() == before


def test_the_first_change_to_a_read_only_project_says_so(read_only_copy):
    with open_project(read_only_copy, create=False) as p:
        theme = find_theme(p, "代表工作").id
        unit = list_units(p)[0].id
        with pytest.raises(ProjectReadOnly) as e:
            tag(p, unit, 0, 5, [theme])
        assert "只读" in describe(e.value, "zh") and "read-only" in describe(e.value, "en")
        with pytest.raises(ProjectReadOnly):
            add_theme(p, "新主题")
        with pytest.raises(ProjectReadOnly):
            import_paths(p, SAMPLES[:1])
        assert list_units(p)  # still readable after the refusals


def test_a_project_being_written_elsewhere_is_locked_not_a_crash(sample_project_path):
    other = sqlite3.connect(sample_project_path, isolation_level=None, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO settings (key, value) VALUES ('held', '1')")
    try:
        with open_project(sample_project_path, create=False) as p:
            p.db.conn.execute("PRAGMA busy_timeout = 50")
            theme = find_theme(p, "代表工作").id
            with pytest.raises(ProjectLocked) as e:
                tag(p, list_units(p)[0].id, 0, 5, [theme])
            assert "稍后再试" in describe(e.value, "zh")
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_an_empty_file_given_as_a_project_is_not_one(tmp_path):
    empty = tmp_path / "empty.renda"
    empty.write_bytes(b"")
    with pytest.raises(NotAProject):
        open_project(empty, create=False)
    assert empty.read_bytes() == b""


def test_names_the_system_refuses_are_clear_errors(tmp_path, sample_project):
    long_name = tmp_path / ("长" * 120 + ".renda")
    with pytest.raises(PathUnreadable) as e:
        open_project(long_name, create=False)
    assert "文件名太长" in describe(e.value, "zh")
    with pytest.raises(PathUnreadable):
        create_project(long_name)
    report = import_paths(sample_project, [tmp_path / ("a" * 300 + ".txt")])
    assert len(report.failed) == 1 and isinstance(report.failed[0].error, PathUnreadable)
    with pytest.raises(WriteFailed) as e:
        export(sample_project, "csv", tmp_path / ("b" * 300 + ".csv"), Selection())
    assert "too long" in describe(e.value, "en")
    with pytest.raises(WriteFailed) as e:
        export(sample_project, "csv", tmp_path, Selection())
    assert "这是一个文件夹" in describe(e.value, "zh")  # the system's reason, in the user's language
