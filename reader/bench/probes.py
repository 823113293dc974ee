"""The measurements of the benchmark (reader.bench.suite), each run in a fresh process:

    python -m reader.bench.probes NAME JSON_ARGUMENTS

prints one line of JSON: the figures, with the process's peak memory (peak_rss_mb) and that of
its own children (children_peak_rss_mb: the import's worker processes). Cold start is measured
from `t0`, the parent's clock just before it started this process, to the window shown with its
event loop idle and no background work left. The window runs offscreen.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

from reader.bench.timing import runs_ms


def rss_mb(field: str = "VmRSS") -> float:
    """This process's resident memory now (VmRSS) or at its peak (VmHWM), in MB."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def children_peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


# -- peers -----------------------------------------------------------------------------------------


def read_hash(corpus: str) -> dict:
    """Only reading and hashing the files an import reads (the floor of any import)."""
    import hashlib

    from reader.core.ingest.importing import collect

    t = time.perf_counter()
    files = [p for p, err in collect([corpus]) if err is None]
    size = 0
    for path in files:
        data = path.read_bytes()
        size += len(data)
        hashlib.sha256(data).hexdigest()
    return {"files": len(files), "bytes": size, "seconds": time.perf_counter() - t}


def empty_window(t0: float) -> dict:
    """Cold start of an empty QApplication with one QMainWindow, shown, event loop idle."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1400, 880)
    window.show()
    shown: dict[str, float] = {}
    QTimer.singleShot(0, lambda: (shown.setdefault("t", time.time()), app.quit()))
    app.exec()
    window.close()
    return {"seconds": shown["t"] - t0}


def like_scan(project: str, query: str, repeat: int = 5) -> dict:
    """A plain LIKE scan of the same text for the same query (every matching document)."""
    import sqlite3

    conn = sqlite3.connect(f"file:{project}?mode=ro", uri=True)
    pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    found = []
    runs = runs_ms(lambda: found.append(len(conn.execute(
        "SELECT id FROM documents WHERE cleaned_text LIKE ? ESCAPE '\\'", [pattern]).fetchall())), repeat)
    conn.close()
    return {"ms": statistics.median(runs), "documents": found[-1]}


# -- the program -------------------------------------------------------------------------------------


def _qt():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from reader import app

    return app


def _wait_idle(qapp, but=None) -> None:
    """Until no background op is left (the window's own start-up work), but the op `but`."""
    from reader.ui import ops

    while [op for op in ops.running() if op is not but]:
        qapp.processEvents()
        time.sleep(0.002)
    qapp.processEvents()


def window(project: str, t0: float, unit: int, section: int, other_unit: int, query: str,
           county: str = "", year: str = "") -> dict:
    """Cold start, expanding the outline, filtering it by a county's name and by a year, showing a
    section with its highlights, project search, and the memory of the window with the big project
    open."""
    app = _qt()
    from PySide6.QtCore import QEventLoop, QTimer

    from reader.bench.window import expand_biggest, expand_place, expand_provinces, filter_outline
    from reader.core.search import search

    qapp = app.ensure_app()
    win = app.create_window(project, lang="zh_CN")
    win.show()
    shown: dict[str, float] = {}
    loop = QEventLoop()  # not the application's: quitting that would close the window's project
    QTimer.singleShot(0, lambda: (shown.setdefault("t", time.time()), loop.quit()))
    loop.exec()
    qapp.processEvents()  # the integrity check of a big project starts now, in the background
    _wait_idle(qapp, but=getattr(win, "integrity_op", None))  # interactive: only that check goes on
    figures: dict = {"start_s": time.time() - t0, "first_paint_s": shown["t"] - t0}
    _wait_idle(qapp)
    figures["checked_s"] = time.time() - t0  # the project's quick_check done too

    figures["expand_ms"] = runs_ms(lambda: (expand_provinces(win, qapp), expand_biggest(win, qapp)), 1)[0]
    figures["top_level_places"] = win.outline_model.rowCount()
    # any one place: the province with the most prefectures, its prefecture with the most counties
    times, names = expand_place(win, qapp)
    figures["expand_one_ms"], figures["expanded"] = max(times), names
    if county:
        figures["filter_county_ms"] = statistics.median(runs_ms(lambda: filter_outline(win, qapp, county), 3))
        figures["filter_year_ms"] = statistics.median(runs_ms(lambda: filter_outline(win, qapp, year), 3))
        figures["filter_year_units"] = len(win.outline_model.matching.ids) if win.outline_model.matching else 0
        filter_outline(win, qapp, "")

    def show_section():
        win.open_location(unit, section_id=section)
        qapp.processEvents()

    runs = []
    for _ in range(5):
        win.open_location(other_unit)
        qapp.processEvents()
        runs += runs_ms(show_section, 1)
    figures["section_ms"] = statistics.median(runs)
    figures["section_ms_first"] = runs[0]
    figures["highlights"] = len(list(win.text_pane.visible_passages()))
    figures["shown_unit"] = win.text_pane.content.unit_id
    found = []
    runs = runs_ms(lambda: found.append(search(win.project, query, 50, first_only=True)), 5)
    figures["search_ms"] = statistics.median(runs)
    figures["search_hits"] = len(found[-1].hits)
    runs = runs_ms(lambda: found.append(search(win.project, query, 50)), 3)
    figures["count_ms"] = statistics.median(runs)
    figures["search_total"] = found[-1].total
    first, counted = [], []
    for _ in range(3):
        a, b = _window_search(qapp, win, query)
        first.append(a)
        counted.append(b)
    figures["window_search_first_ms"] = statistics.median(first)
    figures["window_search_counted_ms"] = statistics.median(counted)
    figures["window_search_listed"] = win.search_panel.model.rowCount()
    qapp.processEvents()
    figures["open_rss_mb"] = rss_mb("VmRSS")
    win.close()
    return figures


def _window_search(qapp, win, query: str) -> tuple[float, float]:
    """The window's project search (its background steps): milliseconds until the first hits are
    listed, and until the whole project is counted."""
    panel = win.search_panel
    panel.model.set_hits([])
    panel.result = None
    t = time.perf_counter()
    first = None
    win.search_project(query)
    while panel.result is None or panel.searching:
        if first is None and panel.model.rowCount():
            first = (time.perf_counter() - t) * 1000
        qapp.processEvents()
        time.sleep(0.0005)
    counted = (time.perf_counter() - t) * 1000
    return (counted if first is None else first), counted


def window_import(project: str, corpus: str, cancel_after: float | None = None) -> dict:
    """The window's own import (its background op, worker processes) into a new project, timed;
    the longest the event loop went without running (a 10 ms timer's largest gap); with
    `cancel_after`, Cancel pressed after that many seconds and the time until the import stops."""
    app = _qt()
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    qapp = app.ensure_app()
    win = app.create_window(project, lang="zh_CN")
    win.show()
    qapp.processEvents()
    clock = QElapsedTimer()
    clock.start()
    gaps = {"last": 0, "max": 0, "ticks": 0}
    long_gaps: list[tuple[int, int]] = []  # (ms since the start, gap): when the window stalled

    def tick():
        now = clock.elapsed()
        if now - gaps["last"] > 50:
            long_gaps.append((now, now - gaps["last"]))
        gaps["max"] = max(gaps["max"], now - gaps["last"])
        gaps["last"] = now
        gaps["ticks"] += 1

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    progress = {"calls": 0}
    t = time.perf_counter()
    op = win.start_import([Path(corpus)])
    op.progressed.connect(lambda *a: progress.__setitem__("calls", progress["calls"] + 1))
    gaps["last"] = clock.elapsed()
    timer.start()
    stopped: dict[str, float] = {}
    if cancel_after is not None:
        QTimer.singleShot(int(cancel_after * 1000), lambda: (stopped.setdefault("cancel", time.perf_counter()), op.cancel()))
    loop = QEventLoop()
    op.finished.connect(lambda _r: loop.quit())
    op.failed.connect(lambda _e: loop.quit())
    if not op.is_done:
        loop.exec()
    took = time.perf_counter() - t
    timer.stop()
    report = op.result
    if op.error is not None and report is None:
        return {"error": f"{type(op.error).__name__}: {op.error}"}
    import sqlite3

    conn = sqlite3.connect(f"file:{project}?mode=ro", uri=True)
    chars = conn.execute("SELECT coalesce(sum(length(original_text)), 0) FROM documents").fetchone()[0]
    conn.close()
    figures = {
        "seconds": took,
        "imported": len(report.imported),
        "failed": len(report.failed),
        "reports": len(report.unit_ids),
        "files": report.total,
        "characters": chars,
        "progress_calls": progress["calls"],
        "max_stall_ms": gaps["max"],
        "stalls_over_50ms": long_gaps[:20],
        "cancelled": report.cancelled,
    }
    if "cancel" in stopped:
        figures["cancel_s"] = t + took - stopped["cancel"]
    win.close()
    return figures


def align(project: str, counties: list[str] | None = None, prefecture: str | None = None,
          year: int | None = None, own_process: bool = False) -> dict:
    """Aligning the reports of `counties`, or of a prefecture in a year (none: all), after the
    tokenizer's dictionary is loaded (timed apart: it loads once per process, from the user cache
    folder). Many reports are aligned in a process of their own (reader.core.compare.apart): its
    peak memory is children_peak_rss_mb; `own_process`: so are fewer)."""
    from reader.core import compare
    from reader.core.align import tokenizer
    from reader.core.compare import apart
    from reader.core.compare.selection import Selection
    from reader.core.store.db import open_project

    if own_process:
        apart.PROCESS_MIN = 1
    t = time.perf_counter()
    tokenizer()
    figures: dict = {"jieba_s": time.perf_counter() - t}
    progress = {"calls": 0}
    with open_project(project, create=False) as p:
        t = time.perf_counter()
        comparison = compare.run_alignment(
            p, Selection(counties=counties or [], prefecture=prefecture, years=[year] if year else []),
            progress=lambda *a: progress.__setitem__("calls", progress["calls"] + 1))
        figures["seconds"] = time.perf_counter() - t
        figures["reports"] = len(comparison.columns)
        figures["rows"] = len(comparison.rows)
        figures["members"] = sum(len(r.members) for r in comparison.rows)
    figures["progress_calls"] = progress["calls"]
    return figures


def window_align(project: str, own_process: bool = False) -> dict:
    """Aligning every report from the window, as its comparison view does (a background op that
    aligns and stores the rows), while the window's event loop is timed: the longest it did not run,
    the window process's memory before, after and at its peak, and (children_peak_rss_mb) the peak
    of the processes the engine ran in (many reports; `own_process`: however few). Then, as the view
    does next, the comparison read back in the background (compare.load_comparison): how long, the
    longest the window did not run meanwhile, and the window's memory with it held."""
    app = _qt()
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from reader.core import compare
    from reader.core.compare import apart

    if own_process:
        apart.PROCESS_MIN = 1
    qapp = app.ensure_app()
    win = app.create_window(project, lang="zh_CN")
    win.show()
    _wait_idle(qapp)
    before = rss_mb("VmRSS")
    clock = QElapsedTimer()
    clock.start()
    gaps = {"last": 0, "max": 0}

    def tick():
        now = clock.elapsed()
        gaps["max"] = max(gaps["max"], now - gaps["last"])
        gaps["last"] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    progress = {"calls": 0}
    done: dict = {}
    held: list = []

    def background(work, on_done, **kwargs) -> float:
        loop = QEventLoop()
        t = time.perf_counter()
        op = win.run_op(work, on_done=lambda r: (on_done(r), loop.quit()),
                        on_error=lambda e: (done.setdefault("error", f"{type(e).__name__}: {e}"), loop.quit()),
                        **kwargs)
        op.progressed.connect(lambda *a: progress.__setitem__("calls", progress["calls"] + 1))
        gaps["last"], gaps["max"] = clock.elapsed(), 0
        timer.start()
        if not op.is_done:
            loop.exec()
        timer.stop()
        return time.perf_counter() - t

    seconds = background(lambda p, prog, cancel: compare.align_and_store(p, None, prog, cancel),
                         lambda a: done.update(rows=a.rows, reports=a.reports), label="align")
    figures = {"seconds": seconds, "max_stall_ms": gaps["max"], "progress_calls": progress["calls"],
               "rss_before_mb": before, "rss_after_mb": rss_mb("VmRSS"), "peak_during_mb": rss_mb("VmHWM")}
    figures["read_back_s"] = background(lambda p, _prog, _cancel: compare.load_comparison(p), held.append,
                                        label="read", progress=False)
    figures["read_back_stall_ms"] = gaps["max"]
    figures["rss_with_comparison_mb"] = rss_mb("VmRSS")
    figures["members"] = sum(len(r.members) for r in held[0].rows) if held else 0
    figures.update(done)
    win.close()
    return figures


def listing(project: str, query: str, repeat: int = 3) -> dict:
    """Every hit of `query` listed in process: counted by the index and made listable (HitList: a
    hit is made when it is asked for), with the last screenful made; and, apart, every hit made in
    turn (its position, section and snippet; not all kept)."""
    from reader.core.search import HitList, search
    from reader.core.store.db import open_project

    with open_project(project, create=False, reading=True) as p:
        found: list = []

        def listed():
            result = search(p, query, limit=0)
            hits = HitList(p, query, result.units)
            found.append((result.total, hits[-50:], result.counted_by))

        figures = {"listed_ms": statistics.median(runs_ms(listed, repeat))}
        figures["total"], _last, figures["counted_by"] = found[-1]
        made = [0]

        def make_all():  # every hit made, in order, a few hundred units' at a time (not all kept)
            result = search(p, query, limit=0)
            made[0] = sum(1 for _hit in HitList(p, query, result.units))

        figures["made_all_ms"] = runs_ms(make_all, 1)[0]
        figures["made"] = made[0]
    return figures


def diffusion(project: str, phrase: str, repeat: int = 3) -> dict:
    """The diffusion of a phrase (reader.core.analysis.diffusion) with every first use placed, in process."""
    from reader.core.analysis import diffusion as dif
    from reader.core.store.db import open_project

    with open_project(project, create=False, reading=True) as p:
        made: list = []

        def run():
            result = dif.diffusion(p, phrase=phrase)
            dif.fill_spans(p, result)
            made.append(result)

        figures = {"ms": statistics.median(runs_ms(run, repeat))}
        figures["counties"], figures["reports"] = made[-1].counties, made[-1].reports
        figures["years"] = len(made[-1].years)
    return figures


def export(project: str, out: str) -> dict:
    """Every passage of the project to XLSX and to DOCX."""
    from reader.core.export import Selection, count_passages
    from reader.core.export import export as write
    from reader.core.store.db import open_project

    figures: dict = {}
    with open_project(project, create=False) as p:
        figures["passages"] = count_passages(p, Selection())
        for fmt in ("xlsx", "docx"):
            target = Path(out) / f"bench.{fmt}"
            t = time.perf_counter()
            write(p, fmt, target, force=True)
            figures[f"{fmt}_s"] = time.perf_counter() - t
            figures[f"{fmt}_bytes"] = target.stat().st_size
    return figures


PROBES = {f.__name__: f for f in (read_hash, empty_window, like_scan, window, window_import, align, window_align,
                                  export, listing, diffusion)}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    name, args = argv[0], json.loads(argv[1])
    figures = PROBES[name](**args)
    figures["peak_rss_mb"] = rss_mb("VmHWM")
    figures["children_peak_rss_mb"] = children_peak_mb()
    print(json.dumps(figures), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
