"""How fast the comparison view is: a prefecture's ten years (10 counties × 2015–2024, 100 reports,
every one a column) and a national corpus (3,000 reports, the first ten shown). For each: opening it
(stored rows read, the cells on screen laid out, first paint), scrolling page by page (every
frame's time, with and without the idle time in which the cells near the screen are laid out),
compact mode, the topic view of the biggest row, a correction with its undo (only the rows it
touched are read again), tagging in a cell with its undo, the shared phrases and reuse of the
columns shown (in the background in the program; timed here in the foreground), and the peak
memory of the process.

    python -m reader.bench.compare_view [--case decade|national|both] [-n 3000] [--work DIR]

The projects are made once in DIR (generated corpus, imported and aligned) and kept for later runs.
Runs the real window offscreen; prints one line per measure (milliseconds). Not a test: figures
depend on the machine and its load (printed), so quote them with it.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import shutil
import statistics
import time
from pathlib import Path

from reader.bench.timing import median_ms

DECADE = range(2015, 2025)
STALL_MS = 50  # a frame slower than this is a visible stall


def aligned_project(work: Path, n: int) -> Path:
    """The national corpus of reader.bench.window, copied and aligned once."""
    from reader.bench.window import build_project

    source = build_project(work, n)
    path = work / f"compare-{n}.renda"
    if not path.exists():
        tmp = path.with_suffix(".building")
        shutil.copyfile(source, tmp)
        _align(tmp)
        tmp.rename(path)
    return path


def decade_project(work: Path, counties: int = 10, seed: int = 1) -> Path:
    """A prefecture's ten years: `counties` counties of the first prefecture that has that many, each
    once a year 2015–2024 (reports generated as reader.bench.generate makes them), imported and
    aligned once."""
    from reader.bench.generate import counties as all_counties
    from reader.bench.generate import load_pieces, report_text
    from reader.core.ingest.importing import import_paths
    from reader.core.store.db import open_project

    path = work / f"decade-{counties}.renda"
    if path.exists():
        return path
    places = sorted(p for p in all_counties() if p[1])
    prefecture = next(pr for _c, pr, _p in places if sum(1 for x in places if x[1] == pr) >= counties)
    chosen = [p for p in places if p[1] == prefecture][:counties]
    corpus = work / f"decade-{counties}"
    corpus.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    pieces = load_pieces()
    files = []
    for county, pref, province in chosen:
        for year in DECADE:
            _title, text = report_text(county, pref, province, year, pieces, rng)
            f = corpus / f"{county}-{year}.txt"
            f.write_text(text, encoding="utf-8")
            files.append(f)
    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    with open_project(tmp) as p:
        report = import_paths(p, files)
    print(f"{prefecture}: {len(report.unit_ids)} reports of {counties} counties, {DECADE.start}–{DECADE.stop - 1}",
          flush=True)
    _align(tmp)
    tmp.rename(path)
    return path


def _align(path: Path) -> None:
    from reader.core import compare
    from reader.core.store.db import open_project

    with open_project(path, create=False) as p:
        t = time.perf_counter()
        c = compare.run_alignment(p)
        print(f"aligned {len(c.columns)} reports into {len(c.rows)} rows in {time.perf_counter() - t:.1f} s",
              flush=True)


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _frames(qapp, grid, bar, step: int, idle: bool, limit: int = 200) -> list[float]:
    """Move `bar` by `step` until its end, timing each frame (the move and the repaint); `idle`: let
    the program's idle work run between frames, as it does between a user's wheel turns."""
    out = []
    bar.setValue(0)
    qapp.processEvents()
    while bar.value() < bar.maximum() and len(out) < limit:
        if idle:
            for _ in range(20):
                qapp.processEvents()
        t = time.perf_counter()
        bar.setValue(bar.value() + step)
        grid.viewport().grab()
        out.append((time.perf_counter() - t) * 1000)
    return out


def _frame_rows(name: str, frames: list[float]) -> list[tuple[str, float]]:
    if not frames:
        return []
    stalls = sum(1 for f in frames if f > STALL_MS)
    return [(f"{name}: median frame of {len(frames)} ({stalls} over {STALL_MS} ms)", statistics.median(frames)),
            (f"{name}: slowest frame", max(frames))]


def measure(path: Path, columns: int | None) -> list[tuple[str, float]]:
    """Every figure for the project at `path`, `columns` shown (None: every report)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from reader import app
    from reader.core import compare
    from reader.ui import ops
    from reader.ui.compare import model as compare_model

    ops.set_synchronous(True)
    qapp = app.ensure_app()
    window = app.create_window(path, lang="zh_CN")
    window.show()
    qapp.processEvents()
    rows: list[tuple[str, float]] = []
    ms, comparison = median_ms(lambda: compare.load_comparison(window.project))
    compare_model.DEFAULT_COLUMNS = columns or len(comparison.columns)
    shown = compare_model.DEFAULT_COLUMNS
    print(f"project: {len(comparison.columns)} reports aligned, {len(comparison.rows)} rows, "
          f"{sum(len(r.members) for r in comparison.rows)} members; {shown} columns shown", flush=True)
    del comparison
    rows.append(("read the stored comparison (core; in the background in the program)", ms))
    real_marks = window.compare.marks
    asked: list = []
    window.compare.marks = lambda keys=None: asked.append(keys)  # run apart below, to time them apart

    def marks_ms() -> float:
        """Find the phrases and reuse asked for since the last call (in the background in the program)."""
        t = time.perf_counter()
        while asked:
            real_marks(asked.pop(0))
        return (time.perf_counter() - t) * 1000

    rss_before = _rss_mb()

    def open_view():
        cw = window.compare.show()
        cw.set_compact(False)
        cw.resize(1600, 1000)
        cw.grid.viewport().grab()  # paints it
        return cw

    ms, cw = median_ms(open_view)
    rows.append(("open the view: the stored rows read, the cells on screen laid out, painted", ms))
    rows.append(("  then the shared phrases and reuse of the reports on screen (background in the program)",
                 marks_ms()))
    grid = cw.grid
    print(f"grid: {len(grid.cells)} cells laid out of {shown * len(cw.model.rows)}, "
          f"content {grid.content_height()} px high; {_rss_mb() - rss_before:.0f} MB more", flush=True)
    v, h = grid.verticalScrollBar(), grid.horizontalScrollBar()
    rows += _frame_rows("scroll down page by page", _frames(qapp, grid, v, v.pageStep(), False))
    rows += _frame_rows("scroll down 3 lines at a time (a wheel turn), idle between", _frames(qapp, grid, v, 144, True))
    v.setValue(0)
    rows += _frame_rows("scroll sideways a column at a time", _frames(qapp, grid, h, grid.column_width, False))
    h.setValue(0)
    marks_ms()
    ms, _ = median_ms(lambda: (cw.set_compact(True), grid.viewport().grab()))
    rows.append((f"compact mode on ({grid.viewport().width() // grid.column_width} columns on screen): layout "
                 "and paint", ms))
    rows += _frame_rows("compact: scroll down page by page", _frames(qapp, grid, v, v.pageStep(), False))
    v.setValue(0)
    biggest = max((r for r in cw.comparison.rows if not r.is_other), key=lambda r: len(r.cells()))
    ms, _ = median_ms(lambda: (cw.show_topic(biggest.key), cw.topic.viewport().grab()))
    rows.append((f"topic view of the biggest row ({len(cw.topic_model.entries)} reports): open and paint "
                 "(compact)", ms))
    rows.append(("  and its shared phrases and reuse (background in the program)", marks_ms()))
    tv = cw.topic.verticalScrollBar()
    rows += _frame_rows("topic view: scroll down page by page", _frames(qapp, cw.topic, tv, tv.pageStep(), False))
    cw.show_grid()
    cw.set_compact(False)
    v.setValue(v.maximum() // 2)
    row = next(r for r in cw.model.rows if len(r.members) > 1 and not r.is_other)
    target = next(r for r in cw.model.rows if r.key != row.key and not r.is_other)
    member = row.members[0]

    def correct_and_undo():
        window.compare.move(member.section_id, target.key)
        grid.viewport().grab()
        window.undo_stack.undo()
        grid.viewport().grab()

    marks_ms()
    runs = 3
    ms, _ = median_ms(correct_and_undo, runs)
    rows.append(("move a section to another row and undo it: both refreshes, UI thread (median of 3)", ms))
    rows.append(("  and the phrases and reuse of the two rows, twice (background in the program)",
                 marks_ms() / runs))

    def tag_and_undo():
        grid.select_span(row.key, member.unit_id, member.start, min(member.end, member.start + 20))
        window.compare.tag(window.theme_model.themes()[0].id)
        window.undo_stack.undo()
        grid.viewport().grab()

    if cw.model.cell_at(row.key, member.unit_id) is not None:
        rows.append(("tag a selection in a cell and undo it (median of 3)", median_ms(tag_and_undo, 3)[0]))
    marks_ms()
    rows.append(("memory of the process now (RSS, MB)", _rss_mb()))
    rows.append(("peak memory of the process (MB)", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
    window.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--case", choices=["decade", "national", "both"], default="both")
    ap.add_argument("-n", type=int, default=3000, help="reports of the national case")
    ap.add_argument("--work", type=Path, default=Path("/tmp/reader-bench"))
    ap.add_argument("--columns", type=int, default=10, help="columns shown in the national case")
    args = ap.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("READER_HOME", str(args.work / "home"))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    if args.case == "both":  # each case in a process of its own: its own peak memory
        import subprocess
        import sys

        for case in ("decade", "national"):
            subprocess.run([sys.executable, "-m", "reader.bench.compare_view", "--case", case, "-n", str(args.n),
                            "--work", str(args.work), "--columns", str(args.columns)], check=True)
        return 0
    if args.case == "decade":
        path, columns = decade_project(args.work), None
    else:
        path, columns = aligned_project(args.work, args.n), args.columns
    print(f"== {args.case}: {path.name}", flush=True)
    for name, ms in measure(path, columns):
        print(f"{ms:9.1f} {'MB' if 'MB' in name else 'ms'}  {name}", flush=True)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
