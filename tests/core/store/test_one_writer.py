"""One writer: a project open for writing in one process opens read-only in another, which says
why (ProjectInUse) and never writes; the command line's write subcommands exit 1 with one line.
The lock dies with its process (SIGKILL included), and inside one process the window and its
background workers share it."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys

import pytest

from reader.core.errors import ProjectInUse, ProjectReadOnly
from reader.core.messages import describe
from reader.core.store import owner
from reader.core.store.db import open_project
from reader.core.store.documents import list_units
from reader.core.store.passages import list_passages, tag
from reader.core.store.project import IN_USE
from reader.core.store.themes import add_theme, find_theme
from tests.conftest import ROOT

HOLDER = (
    "import sys\n"
    "from reader.core.store.db import open_project\n"
    "p = open_project(sys.argv[1], create=False)\n"
    "print('open', p.read_only, p.read_only_reason, flush=True)\n"
    "sys.stdin.readline()\n"
    "p.close()\n"
)


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")


class Holder:
    """Another process with the project open (as another window would have it)."""

    def __init__(self, path):
        self.proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], cwd=ROOT, env=_env(),
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.line = self.proc.stdout.readline().split()

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.communicate("\n", timeout=30)

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)


@pytest.fixture
def holder(sample_project_path):
    h = Holder(sample_project_path)
    assert h.line == ["open", "False", "None"], h.proc.stderr.read()
    yield h
    h.close()


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", *args], cwd=ROOT, env=_env(), capture_output=True,
                          text=True, timeout=120)


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_project_open_elsewhere_opens_read_only_and_says_why(holder, sample_project_path):
    with open_project(sample_project_path, create=False) as p:
        assert p.read_only and p.read_only_reason == IN_USE
        units = list_units(p)
        assert units  # reading works
        theme = find_theme(p, "代表工作").id
        with pytest.raises(ProjectInUse) as e:
            tag(p, units[0].id, 0, 5, [theme])
        assert isinstance(e.value, ProjectReadOnly)  # callers that catch read-only catch this too
        assert "另一个窗口或程序" in describe(e.value, "zh")
        assert "open in another window or program" in describe(e.value, "en")
        with pytest.raises(ProjectInUse):
            add_theme(p, "新主题")
        assert list_passages(p) == []


def test_import_and_reclean_into_a_project_open_elsewhere_say_it_is_open_elsewhere(holder, sample_project_path, tmp_path):
    from reader.core.ingest.importing import import_paths
    from reader.core.ingest.reclean import reclean

    source = tmp_path / "报告.txt"
    source.write_text("某县人民代表大会常务委员会工作报告\n\n一、监督工作\n\n加强监督。\n", encoding="utf-8")
    before = digest(sample_project_path)
    with open_project(sample_project_path, create=False) as p:
        with pytest.raises(ProjectInUse):
            import_paths(p, [source])
        with pytest.raises(ProjectInUse):
            reclean(p)
    assert digest(sample_project_path) == before


def test_the_lock_goes_with_its_process_even_when_killed(sample_project_path):
    h = Holder(sample_project_path)
    assert h.line[:2] == ["open", "False"]
    assert owner.held_elsewhere(sample_project_path)
    h.kill()
    assert not owner.held_elsewhere(sample_project_path)
    with open_project(sample_project_path, create=False) as p:
        assert not p.read_only
        tag(p, list_units(p)[0].id, 0, 5, [find_theme(p, "代表工作").id])


def test_after_the_other_window_closes_the_project_is_writable_again(sample_project_path):
    h = Holder(sample_project_path)
    h.close()
    with open_project(sample_project_path, create=False) as p:
        assert not p.read_only and p.read_only_reason is None


def test_this_process_holds_it_and_another_process_gets_read_only(sample_project_path):
    with open_project(sample_project_path, create=False) as p:
        assert not p.read_only
        with open_project(sample_project_path, create=False) as worker:  # the window's background worker
            assert not worker.read_only
        assert owner.held_here(sample_project_path)  # the window still has it
        other = Holder(sample_project_path)
        other.close()
        assert other.line == ["open", "True", IN_USE]
    assert not owner.held_here(sample_project_path)
    assert not owner.held_elsewhere(sample_project_path)


def test_cli_write_commands_are_refused_with_one_line_and_reads_work(holder, sample_project_path):
    before = digest(sample_project_path)
    r = cli("tag", "--project", str(sample_project_path), "--unit", "1", "--start", "0", "--end", "5",
            "--theme", "代表工作", "--lang", "en")
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "open in another window or program" in r.stderr
    r = cli("import", str(ROOT / "resources" / "sample"), "--project", str(sample_project_path), "--lang", "zh")
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "另一个窗口或程序" in r.stderr, r.stderr
    r = cli("themes", "add", "新主题", "--project", str(sample_project_path), "--lang", "en")
    assert r.returncode == 1 and "open in another window or program" in r.stderr
    r = cli("outline", "--project", str(sample_project_path))
    assert r.returncode == 0 and r.stdout
    assert digest(sample_project_path) == before


def test_the_lock_file_goes_when_the_project_is_closed(sample_project_path):
    lock_file = owner.lock_path(sample_project_path)
    with open_project(sample_project_path, create=False):
        assert lock_file.exists()
    assert not lock_file.exists()
    h = Holder(sample_project_path)
    h.kill()
    assert lock_file.exists()  # left by the crash, and meaningless:
    with open_project(sample_project_path, create=False) as p:
        assert not p.read_only


RACER = (
    "import os, sys, time\n"
    "from reader.core.store import owner\n"
    "project, marker, got = sys.argv[1], sys.argv[2], 0\n"
    "for _ in range(60):\n"
    "    lock = owner.acquire(project)\n"
    "    if lock is None:\n"
    "        time.sleep(0.001)\n"
    "        continue\n"
    "    got += 1\n"
    "    try:\n"
    "        fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)\n"
    "    except FileExistsError:\n"
    "        print('TWO WRITERS', flush=True)\n"
    "        lock.release()\n"
    "        continue\n"
    "    time.sleep(0.002)\n"
    "    os.close(fd)\n"
    "    os.unlink(marker)\n"
    "    lock.release()\n"
    "print('held', got, flush=True)\n"
)


def test_processes_racing_for_the_lock_never_both_hold_it(tmp_path):
    project = tmp_path / "race.renda"
    racers = [subprocess.Popen([sys.executable, "-c", RACER, str(project), str(tmp_path / "holder")], cwd=ROOT,
                               env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
    outputs = [r.communicate(timeout=120) for r in racers]
    assert all(r.returncode == 0 for r in racers), outputs
    assert not any("TWO WRITERS" in out for out, _err in outputs), outputs
    assert sum(int(out.split()[-1]) for out, _err in outputs) > 4  # they did take turns


def test_a_lock_on_a_lock_file_deleted_meanwhile_is_not_kept(tmp_path, monkeypatch):
    """Between opening the lock file and locking it, its holder closed the project (deleting the
    file) and a third process made a new one: the lock we got is on a file nobody else will look at,
    so acquire takes the file now at the path instead."""
    project = tmp_path / "p.renda"
    lock_file = owner.lock_path(project)
    lock_file.write_bytes(b"")
    real_try_lock, replaced = owner._try_lock, []

    def replaced_before_locking(fd: int) -> bool:
        if not replaced:
            lock_file.unlink()
            lock_file.write_bytes(b"")
            replaced.append(True)
        return real_try_lock(fd)

    monkeypatch.setattr(owner, "_try_lock", replaced_before_locking)
    lock = owner.acquire(project)
    assert lock is not None and replaced
    held = os.fstat(owner._held[lock.key].fd)
    assert (held.st_dev, held.st_ino) == (lock_file.stat().st_dev, lock_file.stat().st_ino)
    lock.release()


def test_a_reading_open_takes_no_lock_so_another_process_may_write(sample_project_path):
    from reader.core.store.project import READING

    with open_project(sample_project_path, create=False, reading=True) as p:  # `reader export`, `outline`…
        assert p.read_only and p.read_only_reason == READING
        assert not owner.held_here(sample_project_path)
        assert list_units(p)
        with pytest.raises(ProjectReadOnly):
            add_theme(p, "新主题")
        other = Holder(sample_project_path)  # a window opened meanwhile
        other.close()
        assert other.line == ["open", "False", "None"]


def test_reading_commands_leave_the_project_writable_for_a_window(sample_project_path):
    """While `reader outline` runs, nothing holds the writer lock: checked from inside the command."""
    code = (
        "import sys\n"
        "from reader.cli import main\n"
        "from reader.core.store import db, owner\n"
        "real = db.open_project\n"
        "def spy(*a, **k):\n"
        "    p = real(*a, **k)\n"
        "    print('held', owner.held_here(sys.argv[1]), p.read_only_reason, flush=True)\n"
        "    return p\n"
        "db.open_project = spy\n"
        "sys.exit(main(['outline', '--project', sys.argv[1]]))\n"
    )
    run = subprocess.run([sys.executable, "-c", code, str(sample_project_path)], cwd=ROOT, env=_env(),
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "held False reading" in run.stdout


def test_a_project_that_needs_upgrading_is_upgraded_even_by_a_reading_command(tmp_path):
    from reader.core.store import migrations as mig
    from reader.core.store.db import schema_version
    from tests.core.store.test_backups import older_project

    path = tmp_path / "old.renda"
    older_project(path)
    with open_project(path, create=False, reading=True) as p:  # opened for writing, so it upgrades
        assert not p.read_only and p.migrated == mig.KNOWN[1:] and schema_version(p) == mig.SCHEMA_VERSION
    with open_project(path, create=False, reading=True) as p:
        assert p.read_only and p.migrated == []
