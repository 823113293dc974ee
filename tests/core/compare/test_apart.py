"""Aligning many reports in a process of its own (reader.core.compare.apart): the same rows as in
the caller's process, the progress, cancel, and a child that dies or fails."""

from __future__ import annotations

import multiprocessing
import os
import signal

import pytest

from reader.core import compare
from reader.core.compare import apart
from reader.core.errors import AlignFailed, Cancelled, PathMissing
from reader.core.progress import CancelToken


def rows(comparison) -> list:
    return [(r.key, r.label, [(m.section_id, m.score, m.terms) for m in r.members]) for r in comparison.rows]


def test_the_same_rows_in_a_process_of_its_own_with_progress(sample_project, monkeypatch):
    here = compare.run_alignment(sample_project)
    monkeypatch.setattr(apart, "PROCESS_MIN", 1)
    seen = []
    there = compare.run_alignment(sample_project, progress=lambda done, total, stage: seen.append((done, total, stage)))
    assert rows(there) == rows(here) and there.run == here.run + 1
    dones = [d for d, _t, _s in seen]
    assert dones == sorted(dones) and seen[-1][0] == seen[-1][1]
    assert {"read", "align", "store"} <= {s for _d, _t, s in seen}
    assert not multiprocessing.active_children()


def test_cancel_stops_the_child_and_keeps_the_stored_rows(sample_project, monkeypatch):
    before = rows(compare.run_alignment(sample_project))
    monkeypatch.setattr(apart, "PROCESS_MIN", 1)
    token = CancelToken()

    def progress(done, total, stage):
        if stage == "read":
            token.cancel()

    with pytest.raises(Cancelled):
        compare.run_alignment(sample_project, progress=progress, cancel=token)
    assert rows(compare.load_comparison(sample_project)) == before
    assert not multiprocessing.active_children()


def test_a_child_that_dies_is_a_failed_alignment(sample_project, monkeypatch):
    before = rows(compare.run_alignment(sample_project))
    monkeypatch.setattr(apart, "PROCESS_MIN", 1)

    def kill(done, total, stage):
        for child in multiprocessing.active_children():
            if child.name == "reader-align":
                os.kill(child.pid, signal.SIGKILL)

    with pytest.raises(AlignFailed) as e:
        compare.run_alignment(sample_project, progress=kill)
    assert "signal 9" in e.value.reason
    assert rows(compare.load_comparison(sample_project)) == before


def test_the_childs_errors_come_back_typed(tmp_path):
    with pytest.raises(PathMissing):
        list(apart.align_apart(tmp_path / "missing.renda", [1], [], [], {}, lambda stage, done: None))


def test_two_processes_reading_in_turn_give_the_same_rows(sample_project, monkeypatch):
    here = compare.run_alignment(sample_project)
    monkeypatch.setattr(apart, "PROCESS_MIN", 1)
    monkeypatch.setattr(apart, "READER_MIN", 1)  # a second process reads blocks of one unit in turn
    monkeypatch.setattr(apart, "BLOCK", 1)
    there = compare.run_alignment(sample_project)
    assert rows(there) == rows(here)
    assert not multiprocessing.active_children()


def test_a_reading_process_that_dies_is_a_failed_alignment(sample_project, monkeypatch):
    before = rows(compare.run_alignment(sample_project))
    monkeypatch.setattr(apart, "PROCESS_MIN", 1)
    monkeypatch.setattr(apart, "READER_MIN", 1)
    monkeypatch.setattr(apart, "BLOCK", 1)
    monkeypatch.setattr(apart, "_reader", _dies)
    with pytest.raises(AlignFailed):
        compare.run_alignment(sample_project)
    assert rows(compare.load_comparison(sample_project)) == before
    assert not multiprocessing.active_children()


def _dies(path, unit_ids, themes, corrections, claims, send):
    apart._claim(claims, 10**6)  # takes a block, then is gone without handing it over
    os._exit(3)
