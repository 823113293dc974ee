"""The selected passages as JSON, for scripts: one object per passage with every column."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import reader
from reader.core.export.result import ExportResult, Steps
from reader.core.export.safe import atomic_file
from reader.core.export.selection import Selection, choose
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
    chosen = choose(project, out, selection, force)
    selection, recs = chosen.selection, chosen.records
    places = chosen.resolved.places
    steps = Steps(len(recs), progress, cancel, "JSON", every=500)
    items = []
    for r in recs:
        items.append(r.to_json())
        steps.step()
    data = {
        "format": "renda-reader-passages",
        "version": 1,
        "generator": f"Renda Reader {reader.__version__}",
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "selection": {"themes": [str(t) for t in selection.themes], "counties": [c.qualified for c in places],
                      "county_keys": [c.key for c in places], "years": list(selection.years)},
        "passages": items,
    }
    with atomic_file(out, force=force) as f:
        f.write(json_safe(json.dumps(data, ensure_ascii=False, indent=2)).encode("utf-8"))
    return ExportResult(Path(out), "json", passages=len(recs), rows=len(recs))
