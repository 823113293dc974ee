"""reader.bench.safety measures a copy and leaves the project and its backups alone."""

from __future__ import annotations

import hashlib

from reader.bench.safety import main, measure
from reader.core.store import backups as bk


def test_measures_a_copy_and_leaves_the_project_alone(sample_project_path, capsys):
    before = hashlib.sha256(sample_project_path.read_bytes()).hexdigest()
    figures = measure(sample_project_path, repeat=1)
    assert set(figures) == {"size_mb", "check_ms", "quick_check_ms", "first_open_of_the_day_ms", "open_ms",
                            "backup_ms", "backup_mb"}
    assert figures["quick_check_ms"] > 0 and figures["backup_mb"] > 0
    assert hashlib.sha256(sample_project_path.read_bytes()).hexdigest() == before
    assert bk.list_backups(sample_project_path) == []
    assert main([str(sample_project_path), "--repeat", "1"]) == 0
    assert "quick_check_ms" in capsys.readouterr().out
