"""Files that must never be modified: a damaged project (pages overwritten in the middle), random
bytes, another program's SQLite database, a project from a newer version. Each is refused with a
clear message in both languages and left byte for byte as it was; a damaged project's message
points at its backups, and a restore brings it back."""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3

import pytest

from reader.cli import main
from reader.core.errors import NotAProject, ProjectDamaged, ProjectTooNew
from reader.core.messages import describe
from reader.core.store import backups as bk
from reader.core.store import migrations as mig
from reader.core.store.db import open_project
from reader.core.store.documents import list_units
from reader.core.store.restore import restore

PAGE = 4096


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_in(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def damage(path, seed: int = 7) -> None:
    """Overwrite pages in the middle of the file with noise (what a failing disk or a copy cut short
    and patched does), keeping the header so that it still looks like our project."""
    size = path.stat().st_size
    assert size > 20 * PAGE
    rng = random.Random(seed)
    with open(path, "r+b") as f:
        for page in range(size // PAGE // 2, size // PAGE // 2 + 4):
            f.seek(page * PAGE)
            f.write(bytes(rng.randrange(256) for _ in range(PAGE)))


@pytest.fixture
def damaged(sample_project_path):
    damage(sample_project_path)
    return sample_project_path


def test_a_damaged_project_is_refused_untouched_with_a_message_to_restore(damaged):
    before, listing = digest(damaged), files_in(damaged.parent)
    with pytest.raises(ProjectDamaged) as e:
        open_project(damaged, create=False)
    assert e.value.backups == 0
    zh, en = describe(e.value, "zh"), describe(e.value, "en")
    assert "已损坏" in zh and "未做任何修改" in zh and "恢复" in zh and "0 个" in zh
    assert "damaged" in en and "left unchanged" in en and "File ▸ Restore" in en and "reader restore" in en
    assert digest(damaged) == before and files_in(damaged.parent) == listing
    assert main(["outline", "--project", str(damaged), "--lang", "en"]) == 1
    assert digest(damaged) == before and files_in(damaged.parent) == listing


def test_a_damaged_project_with_backups_says_how_many_and_restores(sample_project_path, capsys):
    open_project(sample_project_path, create=False).close()  # today's backup
    damage(sample_project_path)
    before = digest(sample_project_path)
    with pytest.raises(ProjectDamaged) as e:
        open_project(sample_project_path, create=False)
    assert e.value.backups == 1 and "可恢复的备份：1 个" in describe(e.value, "zh")
    assert digest(sample_project_path) == before
    assert main(["restore", "1", "--project", str(sample_project_path), "--lang", "en"]) == 0
    with open_project(sample_project_path, create=False) as p:
        assert p.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok" and len(list_units(p)) >= 5
    kept = [b for b in bk.list_backups(sample_project_path) if b.reason == bk.BEFORE_RESTORE]
    assert len(kept) == 1 and digest(kept[0].path) == before  # the damaged file kept as it was


def test_a_damaged_backup_is_not_restored(sample_project_path):
    open_project(sample_project_path, create=False).close()
    (daily,) = bk.list_backups(sample_project_path)
    damage(daily.path)
    before = digest(sample_project_path)
    with pytest.raises(ProjectDamaged):
        restore(sample_project_path, daily)
    assert digest(sample_project_path) == before


def foreign_sqlite(path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.executemany("INSERT INTO notes (body) VALUES (?)", [("x" * 500,)] * 50)
    conn.commit()
    conn.close()


def newer_project(path) -> None:
    with open_project(path) as p:
        p.db.execute("UPDATE reader_meta SET value = ? WHERE key = 'schema_version'", [str(mig.SCHEMA_VERSION + 3)])


@pytest.mark.parametrize(
    ("make", "error", "zh", "en"),
    [
        (lambda p: p.write_bytes(os.urandom(50_000)), NotAProject, "不是人大报告对读的项目文件", "not a Renda Reader project"),
        (foreign_sqlite, NotAProject, "未做任何修改", "left unchanged"),
        (newer_project, ProjectTooNew, "更新版本", "newer version"),
    ],
    ids=["random-bytes", "another-programs-sqlite", "newer-version"],
)
def test_files_that_are_not_ours_to_open_are_refused_and_never_modified(tmp_path, make, error, zh, en):
    path = tmp_path / "file.renda"
    make(path)
    before, listing = digest(path), files_in(tmp_path)
    with pytest.raises(error) as e:
        open_project(path, create=False)
    assert zh in describe(e.value, "zh") and en in describe(e.value, "en")
    for args in (["outline"], ["tag", "--unit", "1", "--quote", "x", "--theme", "t"], ["backup"], ["restore", "1"]):
        assert main([*args, "--project", str(path)]) == 1
    assert digest(path) == before and files_in(tmp_path) == listing


def test_newer_version_message_names_both_versions(tmp_path):
    path = tmp_path / "new.renda"
    newer_project(path)
    with pytest.raises(ProjectTooNew) as e:
        open_project(path, create=False)
    text = describe(e.value, "en")
    assert str(mig.SCHEMA_VERSION + 3) in text and str(mig.SCHEMA_VERSION) in text and "upgrade" in text


def test_the_schema_record_heals_after_a_crash_between_migration_and_record(tmp_path):
    path = tmp_path / "p.renda"
    with open_project(path) as p:
        p.db.execute("DELETE FROM reader_meta WHERE key = 'schema_version'")
    with open_project(path, create=False) as p:
        assert p.db.execute("SELECT value FROM reader_meta WHERE key = 'schema_version'").fetchone()[0] == str(
            mig.SCHEMA_VERSION
        )


def test_only_projects_up_to_the_limit_wait_for_quick_check_at_open(sample_project_path, monkeypatch):
    from reader.core.store import db

    assert db.check_at_open(sample_project_path)
    with open_project(sample_project_path, create=False) as p:
        assert p.checked
    monkeypatch.setattr(db, "QUICK_CHECK_AT_OPEN_BYTES", sample_project_path.stat().st_size - 1)
    assert not db.check_at_open(sample_project_path)
    with open_project(sample_project_path, create=False, check=False) as p:
        assert not p.checked
    assert db.integrity_problems(sample_project_path) == []
    damage(sample_project_path)
    problems = db.integrity_problems(sample_project_path)
    assert problems
    error = db.damaged(sample_project_path, problems)
    assert isinstance(error, ProjectDamaged) and "损坏" in describe(error, "zh")


# -- issue 14: a crafted project is refused before any query runs on it -----------------------------

_RECURSIVE = ("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) "
              "SELECT 'app' AS key, 'renda-reader' AS value FROM n")
CRAFTS = {
    # the metadata table a view that never ends: every command hung before any check
    "recursive-meta-view": ["DROP TABLE reader_meta", f"CREATE VIEW reader_meta AS {_RECURSIVE}"],
    "migrations-view": ["DROP TABLE _sqlite_migrations", f"CREATE VIEW _sqlite_migrations AS SELECT 'reader' AS migration_set, x AS name FROM ({_RECURSIVE.replace('key', 'k').replace('value', 'x')})"],
    "trigger": ["CREATE TRIGGER t AFTER INSERT ON passages BEGIN "
                f"INSERT INTO notes (text, created_at) SELECT value, '' FROM ({_RECURSIVE}); END"],
    "extra-view": ["CREATE VIEW innocent AS SELECT 1"],
    "missing-table": ["DROP TABLE passage_themes"],
    "foreign-virtual-table": ["CREATE VIRTUAL TABLE other USING fts5(x)"],
}


@pytest.mark.parametrize("craft", list(CRAFTS))
def test_a_crafted_project_is_refused_in_one_line_before_any_query(sample_project_path, craft):
    import subprocess
    import sys

    conn = sqlite3.connect(sample_project_path)
    for statement in CRAFTS[craft]:
        conn.execute(statement)
    conn.commit()
    conn.close()
    before = digest(sample_project_path)
    with pytest.raises(NotAProject) as e:
        open_project(sample_project_path, create=False)
    assert "unexpected" in e.value.reason or "missing" in e.value.reason
    for args in (["outline"], ["themes", "list"], ["restore"]):
        run = subprocess.run([sys.executable, "-m", "reader.cli", "--lang", "en", *args, "--project",
                              str(sample_project_path)], capture_output=True, text=True, timeout=60)
        if args == ["restore"]:  # listing backups opens nothing
            assert run.returncode == 0, run
            continue
        assert run.returncode == 1 and len(run.stderr.splitlines()) == 1, run
        assert "not a Renda Reader project" in run.stderr
    assert digest(sample_project_path) == before


# -- issue 14: crafted rows are a damaged project, not an internal error ------------------------------

ROW_CRAFTS = {
    "keywords-not-json": "UPDATE themes SET keywords = 'not json' WHERE id = (SELECT min(id) FROM themes)",
    "year-as-text": "UPDATE units SET year = 'abc'",
    "county-as-bytes": "UPDATE units SET county = x'ff00'",
}


@pytest.mark.parametrize("craft", list(ROW_CRAFTS))
def test_crafted_rows_are_one_line_naming_the_damage(sample_project_path, capsys, craft):
    conn = sqlite3.connect(sample_project_path)
    conn.execute(ROW_CRAFTS[craft])
    conn.commit()
    conn.close()
    path = str(sample_project_path)
    failed = 0
    for args in (["themes", "list"], ["export", "-f", "qdpx", "-o", str(sample_project_path.with_name("x.qdpx"))],
                 ["search", "人大"], ["align"], ["outline"]):
        code = main(["--lang", "en", *args, "--project", path])
        out, err = capsys.readouterr()
        assert "Internal error" not in err, (args, err)
        if code:
            failed += 1
            assert len(err.splitlines()) == 1 and "damaged" in err and "data the program does not write" in err, err
    assert failed, "the craft should break at least one command"


def test_sound_rows_are_not_called_damaged(sample_project_path, tmp_path):
    from reader.core.store.sanity import row_problems
    from tests.core.export_data import tag_sample

    with open_project(sample_project_path, create=False) as p:
        tag_sample(p, tmp_path)
    conn = sqlite3.connect(sample_project_path)
    assert row_problems(conn) == []
    conn.close()


def test_a_big_damaged_project_read_by_a_command_says_it_is_damaged(damaged, monkeypatch, capsys):
    """A command that only reads opens a big project without SQLite's quick_check first (it would
    read every page, seconds for a decade of reports): a damaged page met while reading is still one
    line saying the project is damaged, and the file is left as it was."""
    from reader.core.store import db

    before = digest(damaged)
    monkeypatch.setattr(db, "QUICK_CHECK_AT_OPEN_BYTES", 0)  # every project is big
    codes = [main([command, *args, "--project", str(damaged), "--lang", "en"])
             for command, *args in (("search", "代表"), ("outline",), ("timeline", "代表"))]
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert 1 in codes and "Traceback" not in err and "Internal error" not in err
    assert all("damaged" in line for line in lines) and len(lines) == codes.count(1)
    assert digest(damaged) == before
