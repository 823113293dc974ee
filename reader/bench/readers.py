"""Reading and import speed for every format the readers take, on the sample reports.

The five sample reports are written in each format (reader.bench.formats), then timed:
- read: reader.core.readers.read_path alone (decoding, parsing, extraction);
- import: reader.core.ingest.importing.import_paths into a fresh project (read, clean, units and sections,
  one transaction per document, search index).
Figures are files/s and MB/s of the files as they are on disk, best of --repeat runs.

    python -m reader.bench.readers [--repeat 5] [--formats utf-8,docx,...]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from reader.bench.formats import FORMATS, convert, samples, write

ALL = ("utf-8", *FORMATS)


def make(fmt: str, out: Path) -> list[Path]:
    if fmt == "utf-8":
        return [write(out / p.name, p.read_bytes()) for p in samples()]
    return [convert(p, fmt, out) for p in samples()]


def time_read(files: list[Path], repeat: int) -> float:
    from reader.core.readers import read_path

    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for f in files:
            read_path(f)
        best = min(best, time.perf_counter() - t0)
    return best


def time_import(files: list[Path], work: Path, repeat: int) -> float:
    from reader.core.ingest.importing import import_paths
    from reader.core.store.db import open_project

    best = float("inf")
    for k in range(repeat):
        path = work / f"bench-{k}.renda"
        with open_project(path) as project:
            t0 = time.perf_counter()
            report = import_paths(project, files)
            best = min(best, time.perf_counter() - t0)
        if report.failed:
            raise SystemExit(f"import failed: {[(i.name, str(i.error)) for i in report.failed]}")
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--formats", default=",".join(ALL), help=f"comma-separated, from: {', '.join(ALL)}")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="reader-bench-"))
    try:
        from reader.core.clean.script import traditional_share

        traditional_share("預熱")  # load OpenCC's dictionaries before timing
        print(f"{'format':<14}{'files':>6}{'KB':>8}{'read files/s':>14}{'read MB/s':>11}"
              f"{'import files/s':>16}{'import MB/s':>13}")
        for fmt in args.formats.split(","):
            files = make(fmt, work / fmt)
            size = sum(f.stat().st_size for f in files)
            read = time_read(files, args.repeat)
            imported = time_import(files, work / fmt, args.repeat)
            mb = size / 1e6
            print(f"{fmt:<14}{len(files):>6}{size / 1e3:>8.0f}{len(files) / read:>14.0f}{mb / read:>11.2f}"
                  f"{len(files) / imported:>16.1f}{mb / imported:>13.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
