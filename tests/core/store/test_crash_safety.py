"""Crash safety: a process that imports and tags is killed (SIGKILL: no cleanup, no atexit, the
way a crash or a power cut ends it) at random moments, 50 times, on one project, the way a user
works on one project for weeks. After every kill the project opens, passes SQLite's full
integrity check, holds no half document, and every passage the child reported saved is there.

"Half a document", from the schema: a document row without units, a unit whose span is not text
of its document, a section outside its unit, a unit missing from the search index, a passage
whose unit is gone or whose quote is not the unit text at its offsets, a passage without the
themes it was tagged with (the child always gives two), any row whose foreign key points nowhere.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from reader.core.store.db import open_project
from reader.core.store.documents import unit_text
from reader.core.store.fulltext import FTS_TABLE
from tests.conftest import ROOT

SEED = 20261123
KILLS = 50
MAX_DELAY = 0.45  # seconds after the child is ready (it imports a document in about 30 ms)

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")


def run_child(project, work, name: str, delay: float) -> tuple[list[str], str]:
    """Start the child, kill it `delay` seconds after it is ready; its complete output lines."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.core.store.crash_child", str(project), str(work), name],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
    )
    try:
        first = child.stdout.readline()
        if first != "ready\n":
            child.kill()
            _out, err = child.communicate(timeout=30)
            pytest.fail(f"the child did not start: {first!r} {err[-2000:]}")
        time.sleep(delay)
        os.kill(child.pid, signal.SIGKILL)
        out, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL, err[-2000:]  # it was running, not dead of a fault
    lines = out.split("\n")
    return lines[:-1], err  # the last piece has no newline: cut off by the kill (or empty)


def half_documents(project) -> list[str]:
    """Every sign of a change written in part (empty when the project is whole)."""
    db = project.db
    problems = [f"foreign key: {row}" for row in db.execute("PRAGMA foreign_key_check")]
    for (doc,) in db.execute("SELECT id FROM documents WHERE id NOT IN (SELECT document_id FROM units)"):
        problems.append(f"document {doc} has no units")
    for (uid,) in db.execute(
        'SELECT u.id FROM units u JOIN documents d ON d.id = u.document_id '
        'WHERE u.start < 0 OR u."end" <= u.start OR u."end" > length(d.cleaned_text)'
    ):
        problems.append(f"unit {uid} is not text of its document")
    for (sid,) in db.execute(
        'SELECT s.id FROM sections s JOIN units u ON u.id = s.unit_id '
        'WHERE s.start < 0 OR s."end" > u."end" - u.start OR s.start > s."end"'
    ):
        problems.append(f"section {sid} lies outside its unit")
    units = {r[0] for r in db.execute("SELECT id FROM units")}
    if project.fts:
        indexed = {r[0] for r in db.execute(f"SELECT rowid FROM {FTS_TABLE}_docsize")}
        if indexed != units:
            problems.append(f"search index: {len(indexed ^ units)} units differ")
    texts: dict[int, str] = {}
    for pid, uid, start, end, quote in db.execute('SELECT id, unit_id, start, "end", quote FROM passages'):
        if uid not in units:
            problems.append(f"passage {pid}: unit {uid} is gone")
            continue
        text = texts.setdefault(uid, unit_text(project, uid))
        if text[start:end] != quote:
            problems.append(f"passage {pid}: the quote is not the text at {start}-{end}")
    for (pid,) in db.execute(
        "SELECT id FROM passages WHERE id NOT IN (SELECT passage_id FROM passage_themes GROUP BY passage_id "
        "HAVING count(*) = 2)"
    ):
        problems.append(f"passage {pid} lost its themes")
    return problems


def test_killed_at_random_moments_the_project_stays_whole(tmp_path):
    rng = random.Random(SEED)
    project_path = tmp_path / "crash.renda"
    work = tmp_path / "sources"
    reported: dict[int, tuple[int, int, int]] = {}  # passage id -> (unit, start, end)
    documents: dict[int, int] = {}  # document id -> units
    cut_short = 0  # kills that landed after a commit and before its report: work saved, user not told
    unreported = 0
    for k in range(KILLS):
        lines, err = run_child(project_path, work, f"k{k}", rng.uniform(0.0, MAX_DELAY))
        assert not [line for line in lines if line.startswith("F ")], lines  # no import failed
        for line in lines:
            kind, *fields = line.split()
            if kind == "P":
                pid, unit, start, end = map(int, fields)
                reported[pid] = (unit, start, end)
            elif kind == "D":
                documents[int(fields[0])] = int(fields[1])
        with open_project(project_path, create=False) as project:
            assert not project.read_only  # the killed child's lock went with it
            assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", f"after kill {k}"
            assert half_documents(project) == [], f"after kill {k}"
            stored = {
                r[0]: (r[1], r[2], r[3]) for r in project.db.execute('SELECT id, unit_id, start, "end" FROM passages')
            }
            missing = {pid: span for pid, span in reported.items() if stored.get(pid) != span}
            assert not missing, f"after kill {k}: reported saved but not there: {missing}"
            units = dict(project.db.execute("SELECT document_id, count(*) FROM units GROUP BY document_id").fetchall())
            assert all(units.get(doc) == n for doc, n in documents.items()), f"after kill {k}"
            now_unreported = len(stored) - len(reported) + len(units) - len(documents)
            cut_short += now_unreported > unreported
            unreported = now_unreported
    # the kills must have fallen among real work: many documents and passages saved in all
    assert len(documents) >= KILLS and len(reported) >= 3 * KILLS
    print(f"\ncrash test: {KILLS} kills, {len(documents)} documents, {len(reported)} passages reported and "
          f"found; {cut_short} kills fell between a commit and its report")
