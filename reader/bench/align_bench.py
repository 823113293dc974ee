"""Benchmark of the comparison's full path on a project (not a test: nothing here asserts a time).

    python -m reader.bench.align_bench [-n 20 -n 3000] [--dir DIR] [--seed 1]

For each size, a deterministic corpus is generated (reader.bench.generate) and imported into a
project once (kept in DIR for later runs); then, in a fresh process each, it measures:
`run_alignment` (read the units from the project, align, store), `load_comparison` (the view opening
without re-aligning), the shared phrases and text reuse of the largest row, wall time and peak
memory (the process's peak RSS, and the part above the process before aligning).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _rss_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux reports KB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _current_rss_mb() -> float:
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)
    except OSError:
        return _rss_mb()


def generate_text(out_dir: Path, n: int, seed: int) -> list[Path]:
    """The generator's reports (reader.bench.generate), all as UTF-8 text: this benchmark measures
    the comparison, not the readers of other formats."""
    import random

    from reader.bench.generate import _to_traditional, counties, load_pieces, report_text

    rng = random.Random(seed)
    pieces = load_pieces()
    places = counties()
    rng.shuffle(places)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        county, prefecture, province = places[i % len(places)]
        year = rng.randint(2015, 2024)
        _title, text = report_text(county, prefecture, province, year, pieces, rng)
        if rng.random() < 0.1:
            text = _to_traditional(text)
        path = out_dir / f"{i:05d}-{year}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def build(n: int, folder: Path, seed: int) -> Path:
    """The project of n generated reports, imported once."""
    from reader.core.ingest.importing import import_paths
    from reader.core.store.db import open_project

    path = folder / f"bench-{n}-{seed}.renda"
    if path.exists():
        return path
    files = folder / f"files-{n}-{seed}"
    t = time.perf_counter()
    paths = generate_text(files, n, seed)
    generated = time.perf_counter() - t
    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    t = time.perf_counter()
    with open_project(tmp) as project:
        report = import_paths(project, paths)
        project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    imported = time.perf_counter() - t
    tmp.replace(path)
    print(f"  setup: {n} reports generated in {generated:.1f} s, imported in {imported:.1f} s "
          f"({len(report.imported)} imported, {len(report.failed)} failed)", flush=True)
    return path


def measure(path: Path) -> dict:
    """Run in a fresh process: the figures for one project."""
    from reader.core import compare
    from reader.core.align import tokenizer
    from reader.core.compare import phrases, reuse
    from reader.core.store.db import open_project

    t = time.perf_counter()
    tokenizer()
    figures: dict = {"jieba_init_s": time.perf_counter() - t}
    with open_project(path, create=False) as project:
        base = _current_rss_mb()
        ticks = [0]
        t = time.perf_counter()
        comparison = compare.run_alignment(project, progress=lambda d, total, s: ticks.__setitem__(0, ticks[0] + 1))
        figures["align_s"] = time.perf_counter() - t
        figures["peak_rss_mb"] = _rss_mb()
        figures["align_extra_mb"] = _rss_mb() - base
        figures["progress_reports"] = ticks[0]
        t = time.perf_counter()
        comparison = compare.load_comparison(project)
        figures["load_s"] = time.perf_counter() - t
        t = time.perf_counter()
        compare.run_alignment(project)
        figures["realign_s"] = time.perf_counter() - t
        figures["units"] = len(comparison.columns)
        figures["rows"] = len(comparison.rows)
        figures["members"] = sum(len(r.members) for r in comparison.rows)
        figures["other"] = len(comparison.rows[-1].members)
        figures["row_sizes"] = sorted((len(r.members) for r in comparison.rows), reverse=True)[:8]
        largest = max(comparison.rows[:-1] or comparison.rows, key=lambda r: len(r.members))
        shown = {m.section_id for m in largest.members[:200]}
        t = time.perf_counter()
        found = phrases.row_phrases(project, largest, section_ids=shown)
        figures["phrases_200_members_s"] = time.perf_counter() - t
        figures["phrases"] = len(found)
        t = time.perf_counter()
        reused = reuse.row_reuse(project, largest, section_ids=shown)
        figures["reuse_200_members_s"] = time.perf_counter() - t
        figures["reuse_pairs"] = len(reused.pairs)
        figures["peak_rss_after_all_mb"] = _rss_mb()
    return figures


def measure_uncached(path: Path) -> dict:
    """The first alignment with no clause ever cut twice: a corpus of wholly distinct texts (the
    generated corpus repeats the sample reports' clauses, which the clause cache turns to profit)."""
    from reader.core import compare
    from reader.core.align import terms, tokenizer
    from reader.core.store.db import open_project

    tokenizer()
    cut = terms._run_tokens.__wrapped__
    chars = [0]

    def uncached(run: str) -> tuple[str, ...]:
        chars[0] += len(run)
        return cut(run)

    terms._run_tokens = uncached
    with open_project(path, create=False) as project:
        t = time.perf_counter()
        compare.run_alignment(project)
        return {"align_no_clause_cache_s": time.perf_counter() - t, "han_chars_cut": chars[0],
                "peak_rss_no_clause_cache_mb": _rss_mb()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, action="append", help="reports (repeatable; default 20 and 3000)")
    ap.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "renda-bench")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child processes
    ap.add_argument("--uncached", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.measure:
        print(json.dumps(measure_uncached(args.measure) if args.uncached else measure(args.measure)))
        return 0
    args.dir.mkdir(parents=True, exist_ok=True)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    for n in args.n or [20, 3000]:
        print(f"{n} reports:", flush=True)
        path = build(n, args.dir, args.seed)
        figures: dict = {}
        for extra in ([], ["--uncached"]):
            out = subprocess.run([sys.executable, "-m", "reader.bench.align_bench", "--measure", str(path), *extra],
                                 capture_output=True, text=True, check=True)
            figures.update(json.loads(out.stdout.strip().splitlines()[-1]))
        for key, value in figures.items():
            print(f"  {key}: {round(value, 3) if isinstance(value, float) else value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
