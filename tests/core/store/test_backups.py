"""Backups: before a migration that runs, once a day on open (the last few kept), when asked; each a
sound, consistent project (SQLite's online backup, recent changes in the WAL included); restore
backs up the current file and replaces it whole, and is refused while the project is open."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest
from sqlite_utils import Database

from reader.cli import main
from reader.core.errors import NotFound, ProjectInUse
from reader.core.store import backups as bk
from reader.core.store import migrations as mig
from reader.core.store.db import open_project, schema_version
from reader.core.store.documents import list_units
from reader.core.store.passages import list_passages, tag
from reader.core.store.restore import restore
from reader.core.store.themes import find_theme
from tests.core.store.test_one_writer import Holder


def passages_in(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM passages").fetchone()[0]
    finally:
        conn.close()


def tag_one(project) -> None:
    tag(project, list_units(project)[0].id, 0, 5, [find_theme(project, "代表工作").id])


def test_a_new_project_has_no_backup_and_the_first_open_of_a_day_makes_one(tmp_path, sample_project_path):
    fresh = tmp_path / "new.renda"
    open_project(fresh).close()
    assert bk.list_backups(fresh) == []
    with open_project(sample_project_path, create=False) as p:
        assert [b.reason for b in p.backups] == [bk.DAILY]
    with open_project(sample_project_path, create=False) as p:
        assert p.backups == []  # once a day
    (daily,) = bk.list_backups(sample_project_path)
    assert daily.path.parent == sample_project_path.parent / "sample.backups"
    assert daily.reason == bk.DAILY and daily.created.date() == datetime.now().date() and daily.size > 0
    with open_project(daily.path, create=False) as copy:
        assert len(list_units(copy)) >= 5


def test_only_the_last_daily_backups_are_kept(sample_project_path):
    folder = bk.backup_dir(sample_project_path)
    folder.mkdir()
    for days in range(1, 10):
        stamp = (datetime.now() - timedelta(days=days)).strftime(bk.STAMP)
        (folder / f"sample-{stamp}-daily.renda").write_bytes(sample_project_path.read_bytes())
    (folder / "notes.txt").write_text("mine", encoding="utf-8")  # not ours: left alone
    open_project(sample_project_path, create=False).close()
    kept = bk.list_backups(sample_project_path)
    assert len(kept) == bk.KEEP[bk.DAILY] and kept[0].created.date() == datetime.now().date()
    assert (folder / "notes.txt").exists()


def test_a_backup_holds_what_is_still_in_the_wal(sample_project):
    tag_one(sample_project)  # committed into the WAL, not yet checkpointed into the file
    made = bk.backup_now(sample_project)
    assert made.reason == bk.MANUAL and passages_in(made.path) == 1
    assert sqlite3.connect(made.path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def older_project(path) -> None:
    """A project as the first version of the program left it (migration 0001 only)."""
    db = Database(path)
    mig.migrations.apply(db, stop_before=mig.KNOWN[1])
    db.execute("INSERT INTO reader_meta (key, value) VALUES ('schema_version', '1')")
    db.execute("INSERT INTO themes (name) VALUES ('旧主题')")
    db.conn.commit()
    db.close()


def test_a_backup_is_made_before_a_migration_runs(tmp_path):
    path = tmp_path / "old.renda"
    older_project(path)
    with open_project(path, create=False) as p:
        assert p.migrated == mig.KNOWN[1:] and schema_version(p) == mig.SCHEMA_VERSION
        assert [b.reason for b in p.backups] == [bk.MIGRATION]  # also today's backup
    before = next(b for b in bk.list_backups(path) if b.reason == bk.MIGRATION)
    conn = sqlite3.connect(before.path)
    assert [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")] == mig.KNOWN[:1]
    assert conn.execute("SELECT name FROM themes").fetchall() == [("旧主题",)]
    conn.close()
    with open_project(path, create=False) as p:  # nothing left to migrate: no new backup
        assert p.migrated == [] and p.backups == []


def test_restore_puts_the_backup_back_and_keeps_the_current_file(sample_project_path):
    with open_project(sample_project_path, create=False) as p:
        (daily,) = p.backups
        tag_one(p)
        with pytest.raises(ProjectInUse):  # open here: close it first
            restore(sample_project_path, daily)
    saved = restore(sample_project_path, daily)
    assert saved.reason == bk.BEFORE_RESTORE and passages_in(saved.path) == 1
    with open_project(sample_project_path, create=False) as p:
        assert list_passages(p) == [] and not p.read_only
        assert p.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    restore(sample_project_path, saved.name)  # and back again, by name
    with open_project(sample_project_path, create=False) as p:
        assert len(list_passages(p)) == 1


def test_restore_is_refused_while_another_process_has_the_project(sample_project_path):
    open_project(sample_project_path, create=False).close()
    (daily,) = bk.list_backups(sample_project_path)
    holder = Holder(sample_project_path)
    try:
        before = sample_project_path.read_bytes()
        with pytest.raises(ProjectInUse):
            restore(sample_project_path, daily)
        assert sample_project_path.read_bytes() == before
    finally:
        holder.close()


def test_unknown_backup_is_not_found(sample_project_path):
    with pytest.raises(NotFound):
        bk.find_backup(sample_project_path, "nothing.renda")


def test_cli_backup_and_restore(sample_project_path, capsys):
    project = str(sample_project_path)
    assert main(["restore", "--project", project, "--lang", "en"]) == 0
    assert "No backups" in capsys.readouterr().out
    assert main(["backup", "--project", project, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Backed up: ") and "sample.backups" in out
    with open_project(sample_project_path, create=False) as p:
        tag_one(p)
    assert main(["restore", "--project", project, "--lang", "zh"]) == 0
    listing = capsys.readouterr().out.splitlines()
    # `reader backup` opens the project for reading (no writer lock, no daily copy); the manual copy
    # made today stands for the day's, so opening it for tagging made none either
    assert len(listing) == 1 and "手动" in listing[0]
    manual = next(n for n, line in enumerate(listing, 1) if "手动" in line)
    assert main(["restore", str(manual), "--project", project, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Restored" in out and "before-restore" in out
    assert passages_in(sample_project_path) == 0
    assert main(["restore", "99", "--project", project, "--lang", "en"]) == 1
    assert capsys.readouterr().err.strip() == "No such backup: 99"


def test_a_copy_cut_short_by_a_crash_is_cleared_away(sample_project):
    import os
    import time

    folder = bk.backup_dir(sample_project.path)  # made by the daily backup when the fixture opened it
    old, fresh = folder / "sample-20200101-000000-daily.renda.part", folder / "sample-x-manual.renda.part"
    for part in (old, fresh):
        part.write_bytes(b"SQLite format 3\x00")
    os.utime(old, (time.time() - 2 * bk.PART_AGE_S,) * 2)
    bk.backup_now(sample_project)
    assert not old.exists() and fresh.exists()  # a young one may be another process's copy in progress


# -- issue 14: backups belong to one project file; leftovers; one line on a full disk ---------------


def test_two_projects_of_one_stem_keep_their_backups_apart(sample_project_path, tmp_path):
    """report.renda and report.db in one folder share the backups folder report.backups/, but each
    lists, prunes and restores only its own copies."""
    from reader.core.errors import BackupOfAnotherProject

    a, b = tmp_path / "report.renda", tmp_path / "report.db"
    sample_project_path.rename(a)
    with open_project(a, create=False) as pa:
        tag_one(pa)
        mine = bk.backup_now(pa)
    with open_project(b) as pb:
        theirs = [bk.backup_connection(pb.db.conn, b, bk.MANUAL, now=datetime(2020, 1, 1) + timedelta(seconds=k))
                  for k in range(bk.KEEP[bk.MANUAL] + 2)]
    assert bk.backup_dir(a) == bk.backup_dir(b)
    assert [x.path for x in bk.list_backups(a) if x.reason == bk.MANUAL] == [mine.path]  # b pruned nothing of a's
    assert mine.path.exists()
    assert len([x for x in bk.list_backups(b) if x.reason == bk.MANUAL]) == bk.KEEP[bk.MANUAL]
    assert all(x.path.suffix == ".db" for x in bk.list_backups(b))
    with pytest.raises(NotFound):  # by name, a's list does not hold b's copies
        bk.find_backup(a, theirs[-1].name)
    # a copy of b's put among a's under a's name: refused by what it is, not by its name
    disguised = mine.path.with_name(mine.path.name.replace("manual", "daily"))
    disguised.write_bytes(theirs[-1].path.read_bytes())
    (found,) = [x for x in bk.list_backups(a) if x.path == disguised]
    before = a.read_bytes()
    with pytest.raises(BackupOfAnotherProject):
        restore(a, found)
    assert a.read_bytes() == before and passages_in(a) == 1
    assert restore(a, mine) is not None and passages_in(a) == 1


def test_a_project_without_a_suffix_does_not_take_the_backups_of_one_with_it(tmp_path):
    plain, renda = tmp_path / "report", tmp_path / "report.renda"
    for path in (plain, renda):
        with open_project(path) as p:
            bk.backup_now(p)
    assert len(bk.list_backups(plain)) == 1 and len(bk.list_backups(renda)) == 1
    assert bk.list_backups(plain)[0].path != bk.list_backups(renda)[0].path


def test_a_restoring_file_left_by_a_kill_goes_at_the_next_open(sample_project_path):
    left = sample_project_path.with_name(sample_project_path.name + ".restoring")
    left.write_bytes(b"SQLite format 3\x00 half a copy")
    with open_project(sample_project_path, create=False):
        pass
    assert not left.exists()


def test_restore_on_a_full_disk_says_one_line(sample_project_path, tmp_path):
    """Run as a user would (a process of its own: the program's log must not reach the terminal)."""
    import subprocess
    import sys

    open_project(sample_project_path, create=False).close()
    (daily,) = bk.list_backups(sample_project_path)
    script = (
        "import errno, os, sys\n"
        "from reader.core.store import restore\n"
        "def full(*a, **k):\n"
        "    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))\n"
        "restore.os.replace = full\n"
        "restore.shutil.copyfile = full\n"
        "from reader.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    before = sample_project_path.read_bytes()
    run = subprocess.run([sys.executable, "-c", script, "--lang", "en", "restore", "1", "--project",
                          str(sample_project_path)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 1 and run.stdout == "", run
    assert len(run.stderr.splitlines()) == 1 and "disk is full" in run.stderr, run.stderr
    assert sample_project_path.read_bytes() == before
    assert not sample_project_path.with_name(sample_project_path.name + ".restoring").exists()
    assert daily.path.exists()


def test_backup_and_restore_on_a_read_only_file_system_are_one_line(sample_project_path, monkeypatch, capsys):
    """On a read-only file system even removing a file that is not there fails (EROFS, not ENOENT):
    the copy that could not be made is one WriteFailed, not an internal error."""
    import errno
    import os
    import pathlib

    open_project(sample_project_path, create=False).close()
    project = str(sample_project_path)
    before = sample_project_path.read_bytes()
    real_connect = bk.sqlite3.connect

    def read_only_connect(target, *a, **k):
        if str(target).endswith((".part", ".restoring")):
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(target, *a, **k)

    def read_only_unlink(self, missing_ok=False):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(self))

    monkeypatch.setattr(bk.sqlite3, "connect", read_only_connect)
    monkeypatch.setattr(pathlib.Path, "unlink", read_only_unlink)
    for args in (["backup"], ["restore", "1"]):
        code = main(["--lang", "en", *args, "--project", project])
        out, err = capsys.readouterr()
        assert code == 1 and len(err.splitlines()) == 1, (args, out, err)
        assert "Internal error" not in err and "Cannot write" in err, err
    assert sample_project_path.read_bytes() == before
