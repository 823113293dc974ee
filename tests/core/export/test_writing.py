"""The one path of passage exports (reader.core.export.writing): a format gives only write(job, f);
the path chooses the passages, counts and steps the rows, writes the file whole or not at all."""

from __future__ import annotations

import csv
import json

import pytest

from reader.core.errors import Cancelled, FileExists
from reader.core.export import Selection, write_csv, write_json, write_markdown
from reader.core.export.writing import EXCERPTS, PASSAGES, TABLE, write_passages
from tests.core.export_data import STATION, tag_sample

OLD = b"old contents, must survive"


@pytest.fixture
def tagged(sample_project, tmp_path):
    tag_sample(sample_project, tmp_path)
    return sample_project


def test_a_format_writes_only_its_rows_and_the_path_does_the_rest(tagged, tmp_path):
    out = tmp_path / "ids.txt"
    reports = []

    def write(job, f):
        for record in job.records:
            f.write(f"{record.id}\n".encode())
            job.step()

    result = write_passages(tagged, out, Selection(themes=(STATION,)), write, fmt="ids", rows=PASSAGES,
                            label="IDs", every=1, progress=lambda done, total, label: reports.append((done, total, label)))
    ids = out.read_text().split()
    assert result.format == "ids" and result.passages == result.rows == len(ids) >= 2
    assert len(set(ids)) == len(ids)
    assert reports[0] == (0, len(ids), "IDs") and reports[-1] == (len(ids), len(ids), "IDs")


def test_rows_are_counted_as_each_kind_of_format_writes_them(tagged, tmp_path):
    counted = {}
    for rows in (TABLE, EXCERPTS, PASSAGES):
        def write(job, _f, rows=rows):
            counted[rows] = (job.count(), len(job.records), len(job.table), sum(g.count for g in job.groups))
            for _ in range(job.count()):
                job.step()

        result = write_passages(tagged, tmp_path / f"{rows}.out", None, write, fmt=rows, rows=rows, label=rows, every=10)
        assert result.rows == counted[rows][0]
    (n_table, n_passages, table, excerpts) = counted[TABLE]
    assert n_table == table > n_passages == counted[PASSAGES][0]  # a passage tagged with two themes is two rows
    assert counted[EXCERPTS][0] == excerpts
    # the formats that use them say the same
    with write_csv(tagged, tmp_path / "t.csv").path.open(encoding="utf-8-sig", newline="") as f:
        csv_rows = list(csv.reader(f))
    assert len(csv_rows) - 1 == table
    assert len(json.loads(write_json(tagged, tmp_path / "t.json").path.read_text())["passages"]) == n_passages
    assert write_markdown(tagged, tmp_path / "t.md").rows == excerpts


def test_a_cancel_while_writing_keeps_the_old_file_and_leaves_no_temporary_one(tagged, tmp_path):
    out = tmp_path / "out.txt"
    out.write_bytes(OLD)

    def write(job, f):
        f.write(b"half")
        raise Cancelled()

    with pytest.raises(Cancelled):
        write_passages(tagged, out, None, write, fmt="txt", rows=PASSAGES, label="", every=1, force=True)
    assert out.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_the_target_is_refused_before_anything_is_read_or_written(tagged, tmp_path):
    out = tmp_path / "out.txt"
    out.write_bytes(OLD)
    called = []
    with pytest.raises(FileExists):
        write_passages(tagged, out, None, lambda job, f: called.append(job), fmt="txt", rows=PASSAGES, label="",
                       every=1)
    assert called == [] and out.read_bytes() == OLD


def test_saving_is_one_more_step_once_the_file_is_in_place(tagged, tmp_path):
    out = tmp_path / "out.bin"
    seen = []

    def write(job, f):
        for _ in range(job.count()):
            job.step()
        assert not out.exists()  # still the temporary file

    def progress(done, total, _label):
        seen.append((done, total, out.exists()))

    result = write_passages(tagged, out, None, write, fmt="bin", rows=TABLE, label="", every=1, saving=True,
                            progress=progress)
    total = result.rows + 1
    assert seen[-1] == (total, total, True) and seen[-2] == (total - 1, total, False)
