"""How fast the comparison view is on a big project: opening it (stored rows, the cells of the
columns shown laid out, first paint), finding shared phrases and reuse for those columns (in the
background in the program; here in the foreground, to time it), scrolling page by page, showing
more columns, a correction with its undo, tagging in a cell with its undo.

    python -m reader.bench.compare_view [-n 3000] [--work DIR] [--columns 10]

The project is the one reader.bench.window builds in DIR (generated corpus, imported once),
copied and aligned once (kept for later runs). Runs the real window offscreen; prints one line
per measure (milliseconds). Not a test: figures depend on the machine, so quote them with it.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import time
from pathlib import Path

from reader.bench.timing import median_ms


def aligned_project(work: Path, n: int) -> Path:
    from reader.bench.window import build_project
    from reader.core import compare
    from reader.core.store.db import open_project

    source = build_project(work, n)
    path = work / f"compare-{n}.renda"
    if path.exists():
        return path
    tmp = path.with_suffix(".building")
    shutil.copyfile(source, tmp)
    with open_project(tmp, create=False) as p:
        t = time.perf_counter()
        c = compare.run_alignment(p)
        print(f"aligned {len(c.columns)} reports into {len(c.rows)} rows in {time.perf_counter() - t:.1f} s", flush=True)
    tmp.rename(path)
    return path


def measure(path: Path, columns: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from reader import app
    from reader.core import compare
    from reader.ui import ops
    from reader.ui.compare import model as compare_model

    ops.set_synchronous(True)
    compare_model.DEFAULT_COLUMNS = columns
    qapp = app.ensure_app()
    window = app.create_window(path, lang="zh_CN")
    window.show()
    qapp.processEvents()
    rows: list[tuple[str, float]] = []
    ms, comparison = median_ms(lambda: compare.load_comparison(window.project))
    rows.append(("load the stored comparison (core)", ms))
    print(f"project: {len(comparison.columns)} reports aligned, {len(comparison.rows)} rows, "
          f"{sum(len(r.members) for r in comparison.rows)} members; {columns} columns shown", flush=True)
    marks_time = []
    real_marks = window.compare_marks

    def timed_marks(rows=None):
        t = time.perf_counter()
        real_marks(rows)
        marks_time.append((time.perf_counter() - t) * 1000)

    window.compare_marks = timed_marks  # synchronous here: timed apart from opening

    def open_view():
        cw = window.show_compare()
        cw.resize(1600, 1000)
        cw.grid.viewport().grab()  # paints it
        return cw

    ms, cw = median_ms(open_view)
    rows.append(("open the view and paint it (includes the phrases and reuse below)", ms))
    rows.append(("  of which: shared phrases and reuse of the columns shown (background in the program)",
                 marks_time[-1]))
    rows.append(("  so the first paint, without them", ms - marks_time[-1]))
    grid = cw.grid
    print(f"grid: {len(grid.cells)} cells laid out, content {grid.content_height()} px high", flush=True)
    v = grid.verticalScrollBar()
    steps = []
    while v.value() < v.maximum() and len(steps) < 200:
        t = time.perf_counter()
        v.setValue(v.value() + v.pageStep())
        grid.viewport().grab()
        steps.append((time.perf_counter() - t) * 1000)
    rows.append((f"scroll one page and repaint (median of {len(steps)} pages)", statistics.median(steps)))
    rows.append(("scroll one page and repaint (slowest page)", max(steps)))
    h = grid.horizontalScrollBar()
    side = []
    for x in range(0, h.maximum() + 1, max(grid.column_width, 1)):
        t = time.perf_counter()
        h.setValue(x)
        grid.viewport().grab()
        side.append((time.perf_counter() - t) * 1000)
    if side:
        rows.append(("scroll one column sideways and repaint (median)", statistics.median(side)))
    hover = []
    for r in list(grid._visible_rows())[:3]:
        for c in list(grid._visible_columns())[:3]:
            doc = grid.cell(r, c)
            if doc is not None and doc.links:
                t = time.perf_counter()
                grid.follow_link(doc.links[0][2], doc.members[0].section_id)
                grid.viewport().grab()
                hover.append((time.perf_counter() - t) * 1000)
    if hover:
        rows.append(("follow a reused passage to its partner and repaint", statistics.median(hover)))
    ids = [c.unit_id for c in comparison.columns[: columns * 2]]
    marks_time.clear()
    ms, _ = median_ms(lambda: (cw.set_shown(ids), grid.viewport().grab()))
    rows.append((f"show {len(ids)} columns instead: layout and paint (UI thread)", ms - sum(marks_time)))
    rows.append(("  and their phrases and reuse (background in the program)", sum(marks_time)))
    row = next(r for r in cw.model.rows if len(r.members) > 1 and not r.is_other)
    target = next(r for r in cw.model.rows if r.key != row.key)
    member = row.members[0]

    def correct_and_undo():
        window.compare_move(member.section_id, target.key)
        window.undo_stack.undo()
        grid.viewport().grab()

    marks_time.clear()
    ms, _ = median_ms(correct_and_undo, 3)
    rows.append(("move a section to another row and undo it: view refreshed twice (UI thread)",
                 ms - sum(marks_time) / 3))
    rows.append(("  and the phrases and reuse of the two rows, twice (background in the program)", sum(marks_time) / 3))
    r, c = cw.model.row_index(row.key), cw.model.column_index(member.unit_id)

    def tag_and_undo():
        grid.select_span(row.key, member.unit_id, member.start, min(member.end, member.start + 20))
        window.compare_tag(window.theme_model.themes()[0].id)
        window.undo_stack.undo()
        grid.viewport().grab()

    if r is not None and c is not None:
        rows.append(("tag a selection in a cell and undo it", median_ms(tag_and_undo, 3)[0]))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.close()
    for name, ms in rows:
        print(f"{ms:9.1f} ms  {name}", flush=True)
    print(f"peak memory: {peak:.0f} MB", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=3000)
    ap.add_argument("--work", type=Path, default=Path("/tmp/reader-bench"))
    ap.add_argument("--columns", type=int, default=10)
    args = ap.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("READER_HOME", str(args.work / "home"))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    measure(aligned_project(args.work, args.n), args.columns)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
