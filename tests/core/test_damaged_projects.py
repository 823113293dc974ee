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
        bk.restore(sample_project_path, daily)
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
