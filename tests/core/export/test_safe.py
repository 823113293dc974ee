"""Safe writing: no overwrite without force; a failed or cancelled write leaves the old file as it
was and no temporary file behind; a failure is one WriteFailed."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from reader.core.errors import Cancelled, FileExists, WriteFailed
from reader.core.export import FORMATS, Selection, export, safe
from reader.core.progress import CancelToken
from tests.core.export_data import tag_sample

OLD = b"old contents, must survive"


@pytest.fixture
def tagged(sample_project, tmp_path):
    tag_sample(sample_project, tmp_path)
    return sample_project


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_existing_file_is_refused_without_force(tagged, tmp_path, fmt):
    out = tmp_path / f"out{FORMATS[fmt].suffix}"
    out.write_bytes(OLD)
    with pytest.raises(FileExists):
        export(tagged, fmt, out, Selection())
    assert out.read_bytes() == OLD
    result = export(tagged, fmt, out, Selection(), force=True)
    assert out.read_bytes() != OLD and result.path == out
    assert leftovers(tmp_path) == []


def test_failed_rename_keeps_the_old_file_and_no_temporary_file(tagged, tmp_path, monkeypatch):
    out = tmp_path / "out.xlsx"
    out.write_bytes(OLD)

    def disk_full(src, dst):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(safe.os, "replace", disk_full)
    with pytest.raises(WriteFailed) as e:
        export(tagged, "xlsx", out, force=True)
    assert e.value.path == str(out) and e.value.reason == os.strerror(errno.ENOSPC)
    assert out.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_failure_while_writing_keeps_the_old_file(tagged, tmp_path, monkeypatch):
    out = tmp_path / "out.docx"
    out.write_bytes(OLD)
    real_fsync = os.fsync

    def failing_fsync(fd):
        real_fsync(fd)
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(safe.os, "fsync", failing_fsync)
    with pytest.raises(WriteFailed):
        export(tagged, "docx", out, force=True)
    assert out.read_bytes() == OLD
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_is_one_write_failed(tagged, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(WriteFailed):
            export(tagged, "csv", folder / "out.csv")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(stat.S_IRWXU)


def test_cancel_writes_nothing(tagged, tmp_path):
    token = CancelToken()
    token.cancel()
    out = tmp_path / "out.qdpx"
    with pytest.raises(Cancelled):
        export(tagged, "qdpx", out, cancel=token)
    assert not out.exists() and leftovers(tmp_path) == []


def test_cancel_midway_keeps_the_old_file(tagged, tmp_path):
    out = tmp_path / "out.qdpx"
    out.write_bytes(OLD)
    token = CancelToken()
    calls = []

    def progress(done, total, label):
        calls.append(done)
        if len(calls) == 2:
            token.cancel()

    with pytest.raises(Cancelled):
        export(tagged, "qdpx", out, force=True, progress=progress, cancel=token)
    assert len(calls) == 2 and out.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_progress_reaches_the_total(tagged, tmp_path):
    seen = []
    export(tagged, "csv", tmp_path / "a.csv", progress=lambda d, t, label: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1] > 0


def test_missing_folder_and_folder_as_target(tagged, tmp_path):
    with pytest.raises(WriteFailed):
        export(tagged, "json", tmp_path / "no" / "such" / "out.json")
    with pytest.raises(WriteFailed):
        export(tagged, "json", tmp_path)


def test_written_file_is_an_ordinary_file(tagged, tmp_path):
    out = tmp_path / "out.html"
    export(tagged, "html", out)
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


# -- hostile and unlucky targets (issue 14, items 1, 2 and 12) -------------------------------------


def _companions(project_path):
    """The project file and what lives beside it: its journal, shared memory, lock."""
    return [project_path, *(project_path.with_name(project_path.name + s) for s in ("-wal", "-shm", ".lock"))]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "qdpx", "codebook-csv"])
def test_the_project_and_its_companions_are_never_targets(tagged, tmp_path, fmt):
    """Whatever force says, and through another spelling of the path or a link."""
    from reader.core.errors import TargetIsProject
    from reader.core.store import backups

    path = tagged.path
    tagged.db.execute("SELECT 1").fetchone()
    backup = backups.backup_now(tagged).path
    link = tmp_path / "innocent.csv"
    link.symlink_to(path)
    spelled = tmp_path / "." / ".." / tmp_path.name / path.name
    before = {p: p.read_bytes() for p in (path, backup) if p.exists()}
    for target in [*_companions(path), backup, link, spelled]:
        with pytest.raises(TargetIsProject) as e:
            export(tagged, fmt, target, Selection(), force=True)
        assert e.value.path == str(target)
    assert {p: p.read_bytes() for p in before} == before
    assert link.is_symlink() and leftovers(tmp_path) == []
    assert tagged.db.execute("SELECT count(*) FROM passages").fetchone()[0] > 0


def test_another_project_of_ours_is_not_overwritten_either(tagged, tmp_path):
    from reader.core.errors import TargetIsProject
    from reader.core.store.db import open_project

    other = tmp_path / "other.csv"  # a project, whatever its name says
    open_project(other).close()
    data = other.read_bytes()
    with pytest.raises(TargetIsProject):
        export(tagged, "csv", other, force=True)
    assert other.read_bytes() == data


def test_the_command_line_refuses_the_project_as_output(tagged, tmp_path, capsys):
    from reader.cli import main

    path = str(tagged.path)
    tagged.close()
    code = main(["--lang", "en", "export", "-f", "csv", "-o", path, "--force", "--project", path])
    out, err = capsys.readouterr()
    assert code == 1 and out == "" and len(err.splitlines()) == 1 and "project" in err, err
    assert main(["outline", "--project", path]) == 0


def test_dev_null_just_works(tagged):
    """A device is written through, never replaced (and needs no --force)."""
    before = os.stat("/dev/null")
    result = export(tagged, "csv", "/dev/null", Selection())
    assert result.passages > 0
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_a_fifo_is_written_through_not_replaced(tagged, tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader is there before the export opens it
    try:
        export(tagged, "csv", fifo, Selection(), force=True)  # a few kB: it fits in the pipe's buffer
        data = os.read(fd, 1 << 20)
    finally:
        os.close(fd)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert data.startswith(b"\xef\xbb\xbf") and len(data.splitlines()) > 1


def test_a_fifo_nobody_reads_is_one_write_failed(tagged, tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(WriteFailed):
        export(tagged, "json", fifo, Selection())
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_socket_is_refused(tagged, tmp_path):
    import socket

    sock_path = tmp_path / "s.csv"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(sock_path))
        with pytest.raises(WriteFailed):
            export(tagged, "csv", sock_path, Selection(), force=True)
        assert stat.S_ISSOCK(os.stat(sock_path).st_mode)


def test_a_part_file_left_by_a_killed_export_goes_with_the_next_one(tagged, tmp_path):
    """A .part whose writer is gone (nobody holds its lock) is removed by the next export there; one
    another export is writing this moment stays."""
    import fcntl

    out = tmp_path / "out.csv"
    dead = tmp_path / f".{out.name}.abc123.part"
    dead.write_bytes(b"half")
    busy = tmp_path / f".{out.name}.xyz789.part"
    busy.write_bytes(b"in progress")
    with open(busy, "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        export(tagged, "csv", out, Selection())
        assert leftovers(tmp_path) == [busy.name]
    assert out.exists()
