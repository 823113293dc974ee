"""How long each export format takes on a project with many tagged passages (a benchmark script,
not a test: speed is measured here, never asserted in the test suite).

    python -m reader.bench.export_timing WORK_DIR [-n 200] [--passages 1000] [--seed 1]

Generates N reports (reader.bench.generate), imports them, tags `--passages` random spans inside
sections with one or two random themes, then writes every format (qdpx under LF and CRLF) and
imports the .qdpx back into an empty project, printing seconds and file sizes.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import random
import time
from pathlib import Path

from reader.bench.generate import generate
from reader.core.export import FORMATS, Selection, count_passages, export
from reader.core.ingest.importing import import_paths
from reader.core.store import documents, passages
from reader.core.store.db import open_project
from reader.core.store.themes import list_themes


def tag_randomly(project, n: int, rng: random.Random) -> int:
    themes = [t.id for t in list_themes(project)]
    spans = []
    for unit in documents.outline(project):
        for s in unit.walk_sections():
            if s.end - s.heading_end > 40:
                spans.append((unit.id, s.heading_end, s.end))
    done = 0
    with project.db.atomic():
        while done < n and spans:
            uid, lo, hi = rng.choice(spans)
            start = rng.randint(lo, hi - 20)
            end = min(hi, start + rng.randint(10, 200))
            passages.tag(project, uid, start, end, rng.sample(themes, rng.choice((1, 1, 2))), note=rng.choice(("", "", "见附件")))
            done += 1
    return done


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("work", type=Path)
    ap.add_argument("-n", type=int, default=200, help="reports to generate")
    ap.add_argument("--passages", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}")
    t = time.perf_counter()
    paths = generate(work / "reports", args.n, args.seed)
    project_path = work / "bench.renda"
    for suffix in ("", "-wal", "-shm"):
        Path(str(project_path) + suffix).unlink(missing_ok=True)
    logging.getLogger("reader.core.ingest.importing").setLevel(logging.CRITICAL)  # failed files are counted below
    with open_project(project_path) as project:
        imported = import_paths(project, paths)
        print(f"imported {len(imported.imported)} of {len(paths)} files ({len(imported.failed)} failed)")
        tagged = tag_randomly(project, args.passages, random.Random(args.seed))
        print(f"setup: {len(paths)} reports, {tagged} passages in {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        n = count_passages(project, Selection())
        print(f"count_passages: {n} in {1000 * (time.perf_counter() - t):.1f} ms")
        out = work / "out"
        out.mkdir(exist_ok=True)
        runs = [(name, "lf") for name in FORMATS] + [("qdpx", "crlf")]
        for name, endings in runs:
            target = out / f"export-{name}-{endings}{FORMATS[name].suffix}"
            t = time.perf_counter()
            export(project, name, target, force=True, line_endings=endings)
            took = time.perf_counter() - t
            print(f"{name:14} {endings:4} {took:7.2f} s  {target.stat().st_size / 1024:9.0f} KiB")
    for endings in ("lf", "crlf"):
        target = work / f"back-{endings}.renda"
        for suffix in ("", "-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        with open_project(target, codebook=False) as back:
            t = time.perf_counter()
            report = import_paths(back, [out / f"export-qdpx-{endings}.qdpx"])
            item = report.items[0]
            print(f"import qdpx {endings:4} {time.perf_counter() - t:7.2f} s  "
                  f"{len(item.units)} units, {item.exchange.passages} passages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
