"""The demo project: built from the bundled sample reports (resources/sample) on first use, where
reader.core.paths says it goes; the project a start without one opens."""

from __future__ import annotations

from pathlib import Path

from reader.core.ingest.importing import import_paths
from reader.core.paths import demo_project_path, last_project, sample_files
from reader.core.store.db import open_project


def ensure_demo_project() -> Path:
    """The demo project, built from the bundled samples if it does not exist yet."""
    path = demo_project_path()
    if path.is_file() and path.stat().st_size > 0:
        return path
    tmp = path.with_name(path.name + ".building")
    for leftover in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
        leftover.unlink(missing_ok=True)
    with open_project(tmp) as project:
        import_paths(project, sample_files())
        project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    tmp.replace(path)
    for leftover in (Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
        leftover.unlink(missing_ok=True)
    return path


def default_project() -> Path:
    """The last project, else the demo project (built on first use)."""
    return last_project() or ensure_demo_project()
