"""The project file: migrations, reopening, refusing files that are not ours or too new,
foreign keys and cascades, settings."""

from __future__ import annotations

import os
import sqlite3

import pytest

from reader.core.errors import FileExists, NotAProject, PathMissing, ProjectTooNew
from reader.core.store import migrations as mig
from reader.core.store.db import create_project, open_project, schema_version
from reader.core.store.settings import get_setting, set_setting

TABLES = {
    "reader_meta", "documents", "units", "sections", "themes", "passages", "passage_themes", "notes",
    "align_rows", "align_members", "align_corrections", "settings",
}


def test_migrations_create_schema_and_record_it(tmp_path):
    with open_project(tmp_path / "p.renda") as p:
        assert TABLES <= set(p.db.table_names())
        assert p.created and p.migrated == mig.KNOWN
        assert schema_version(p) == mig.SCHEMA_VERSION
        applied = [r[0] for r in p.db.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = 'reader'")]
        assert applied == mig.KNOWN
        assert p.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert p.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert p.db.execute("PRAGMA application_id").fetchone()[0] == mig.APPLICATION_ID


def test_indexes_on_foreign_keys_and_queried_columns(project):
    def indexed(table: str) -> set[str]:
        return {i.columns[0] for i in project.db[table].indexes}

    assert "unit_id" in indexed("passages")
    assert "theme_id" in indexed("passage_themes")
    assert {"county", "document_id"} <= indexed("units")
    assert {"unit_id", "parent_id"} <= indexed("sections")
    for table in ("notes", "align_members", "align_corrections", "themes"):
        for fk in project.db[table].foreign_keys:
            assert fk.column in indexed(table) or fk.column in project.db[table].pks, (table, fk.column)


def test_reopening_is_a_no_op(tmp_path):
    path = tmp_path / "p.renda"
    open_project(path).close()
    before = path.read_bytes()
    with open_project(path, create=False) as p:
        assert not p.created and p.migrated == []
        count = p.db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
        assert count == len(mig.KNOWN)
    assert path.read_bytes() == before


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "p.renda"
    with open_project(path) as p:
        p.db.execute("UPDATE reader_meta SET value = ? WHERE key = 'schema_version'", [str(mig.SCHEMA_VERSION + 1)])
    with pytest.raises(ProjectTooNew) as e:
        open_project(path)
    assert e.value.version == mig.SCHEMA_VERSION + 1 and e.value.supported == mig.SCHEMA_VERSION


def test_unknown_migration_is_refused(tmp_path):
    path = tmp_path / "p.renda"
    with open_project(path) as p:
        p.db["_sqlite_migrations"].insert(
            {"migration_set": "reader", "name": "9999_from_the_future", "applied_at": "2099-01-01"}
        )
    with pytest.raises(ProjectTooNew):
        open_project(path)


def test_random_bytes_are_not_a_project_and_stay_unchanged(tmp_path):
    path = tmp_path / "random.renda"
    data = os.urandom(4096)
    path.write_bytes(data)
    with pytest.raises(NotAProject):
        open_project(path)
    assert path.read_bytes() == data
    assert sorted(x.name for x in tmp_path.iterdir()) == ["random.renda"]


def test_text_file_is_not_a_project(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("人大工作报告", encoding="utf-8")
    with pytest.raises(NotAProject):
        open_project(path)
    assert path.read_text(encoding="utf-8") == "人大工作报告"


def test_foreign_sqlite_database_is_refused_and_unchanged(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)")
    conn.execute("INSERT INTO settings VALUES ('a', 'b')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotAProject):
        open_project(path)
    assert path.read_bytes() == before
    assert sorted(x.name for x in tmp_path.iterdir()) == ["other.db"]


def test_sqlite_with_meta_of_another_program_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE reader_meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.execute("INSERT INTO reader_meta VALUES ('app', 'someone-else')")
    conn.commit()
    conn.close()
    with pytest.raises(NotAProject):
        open_project(path)


def test_folder_is_not_a_project(tmp_path):
    with pytest.raises(NotAProject):
        open_project(tmp_path)


def test_missing_without_create(tmp_path):
    with pytest.raises(PathMissing):
        open_project(tmp_path / "nope.renda", create=False)
    assert not (tmp_path / "nope.renda").exists()


def test_empty_file_becomes_a_project(tmp_path):
    path = tmp_path / "empty.renda"
    path.write_bytes(b"")
    with open_project(path) as p:
        assert p.created


def test_create_refuses_existing(tmp_path):
    path = tmp_path / "p.renda"
    open_project(path).close()
    with pytest.raises(FileExists):
        create_project(path)


def test_new_project_has_default_codebook_or_none(tmp_path):
    with open_project(tmp_path / "a.renda") as a, open_project(tmp_path / "b.renda", codebook=False) as b:
        assert a.db["themes"].count > 10
        assert b.db["themes"].count == 0


def test_cascade_from_document_to_passages(sample_project):
    from reader.core.store import documents, passages

    db = sample_project.db
    unit = documents.list_units(sample_project)[0]
    passages.tag(sample_project, unit.id, 0, 5, [1])
    documents.delete_document(sample_project, unit.document_id)
    for table in ("units", "sections", "passages"):
        assert db.execute(f"SELECT count(*) FROM {table} WHERE {'document_id' if table == 'units' else 'unit_id'} = ?",
                          [unit.document_id if table == "units" else unit.id]).fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM passage_themes").fetchone()[0] == 0
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_settings_round_trip(project):
    assert get_setting(project, "zoom", 1.0) == 1.0
    set_setting(project, "zoom", 1.25)
    set_setting(project, "columns", ["新绛县", "吉县"])
    assert get_setting(project, "zoom") == 1.25
    assert get_setting(project, "columns") == ["新绛县", "吉县"]
