"""What keeping work safe costs on open: SQLite's quick_check, the daily backup, a backup by hand.

    python -m reader.bench.safety PROJECT [--repeat 3]

PROJECT is an existing project (for a big one: `python -m reader.bench.generate OUT -n 3000`, then
`reader import OUT --project big.renda`). A copy is measured, in a temporary folder, so the
project and its backups are left as they are. Times are wall clock on a warm file cache.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from reader.bench.timing import runs_ms
from reader.core.store import backups as bk
from reader.core.store.db import check_project_file, open_project


def measure(project: Path, repeat: int = 3) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / project.name
        shutil.copyfile(project, copy)
        out = {"size_mb": copy.stat().st_size / 1e6}
        out["check_ms"] = min(runs_ms(lambda: check_project_file(copy), repeat))
        out["quick_check_ms"] = min(runs_ms(lambda: check_project_file(copy, integrity=True), repeat))
        t = time.perf_counter()
        first = open_project(copy, create=False)
        out["first_open_of_the_day_ms"] = (time.perf_counter() - t) * 1000
        first.close()
        t = time.perf_counter()
        again = open_project(copy, create=False)
        out["open_ms"] = (time.perf_counter() - t) * 1000
        made: list[bk.Backup] = []
        out["backup_ms"] = min(runs_ms(lambda: made.append(bk.backup_now(again)), repeat))
        again.close()
        out["backup_mb"] = made[-1].size / 1e6
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    for key, value in measure(args.project, args.repeat).items():
        print(f"{key:>26}  {value:10.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
