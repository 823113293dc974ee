"""The selected passages as JSON, for scripts: one object per passage with every column."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

import reader
from reader.core.export.result import ExportResult
from reader.core.export.selection import Selection
from reader.core.export.writing import PASSAGES, Job, write_passages
from reader.core.progress import Progress
from reader.core.store.project import Project
from reader.core.visible import json_safe


def write_json(
    project: Project,
    out: str | Path,
    selection: Selection | None = None,
    *,
    force: bool = False,
    lang: str = "zh",
    progress: Progress | None = None,
    cancel: object | None = None,
) -> ExportResult:
    """{"format": "renda-reader-passages", "version": 1, "exported_at", "selection", "passages": [...]}:
    one object per passage with its themes' paths (see ExportRecord.to_json)."""
    def write(job: Job, f: BinaryIO) -> None:
        chosen, places = job.selection, job.resolved.places
        items = []
        for r in job.records:
            items.append(r.to_json())
            job.step()
        data = {
            "format": "renda-reader-passages",
            "version": 1,
            "generator": f"Renda Reader {reader.__version__}",
            "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "selection": {"themes": [str(t) for t in chosen.themes], "counties": [c.qualified for c in places],
                          "county_keys": [c.key for c in places], "years": list(chosen.years)},
            "passages": items,
        }
        f.write(json_safe(json.dumps(data, ensure_ascii=False, indent=2)).encode("utf-8"))

    return write_passages(project, out, selection, write, fmt="json", rows=PASSAGES, label="JSON", every=500,
                          force=force, progress=progress, cancel=cancel)
