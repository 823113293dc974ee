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
