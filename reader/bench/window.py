"""How fast the window is on a big project: opening, expanding the outline, showing a report,
filtering, tagging with undo, counting the matrix, searching.

    python -m reader.bench.window [-n 3000] [--work DIR]

The corpus (reader.bench.generate) and its project are made once in DIR and reused; files the
readers of this version cannot read are left out (the count imported is printed). Runs the
real window offscreen; prints one line per measure (milliseconds). Not a test: figures depend on
the machine, so quote them with it.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import time
from pathlib import Path

from reader.bench.timing import median_ms


def build_project(work: Path, n: int) -> Path:
    from reader.bench.generate import generate
    from reader.core.ingest.importing import import_paths
    from reader.core.store.db import open_project

    corpus = work / f"corpus-{n}"
    project = work / f"big-{n}.renda"
    if project.exists():
        return project
    if not corpus.exists() or len(list(corpus.iterdir())) < n:
        t = time.perf_counter()
        generate(corpus, n)
        print(f"generated {n} reports in {time.perf_counter() - t:.0f} s", flush=True)
    logging.getLogger("reader.core.ingest.importing").setLevel(logging.CRITICAL)  # files our readers refuse
    t = time.perf_counter()
    tmp = project.with_suffix(".building")
    with open_project(tmp) as p:
        report = import_paths(p, [corpus])
    tmp.rename(project)
    print(f"imported {len(report.imported)} files ({len(report.unit_ids)} reports, {len(report.failed)} failed) "
          f"in {time.perf_counter() - t:.0f} s", flush=True)
    return project


def expand_provinces(window, qapp) -> None:
    """Expand every top-level place of the window's outline (its prefectures fetched)."""
    model, view = window.outline_model, window.outline_view
    for r in range(model.rowCount()):
        ix = model.index(r, 0)
        model.ensure_fetched(model.node(ix))
        view.expand(ix)
    qapp.processEvents()


def expand_biggest(window, qapp):
    """Expand the prefectures of the province with the most reports; returns its node."""
    from reader.ui.models.outline import PLACE

    model, view = window.outline_model, window.outline_view
    biggest = max((n for n in model.root.children if n.kind == PLACE), key=lambda n: n.data.units)
    for c in biggest.children:
        model.ensure_fetched(c)
        view.expand(model.index_of(c))
    qapp.processEvents()
    return biggest


def expand_place(window, qapp) -> tuple[list[float], list[str]]:
    """Expand, as read anew, the province with the most reports, then its prefecture with the most:
    the milliseconds each took (fetching its level and showing it) and their names."""
    from reader.bench.timing import runs_ms
    from reader.ui.models.outline import PLACE

    model, view = window.outline_model, window.outline_view
    filter_outline(window, qapp, "")
    model.reload()  # every level below the root read again when it is opened
    qapp.processEvents()
    times, names = [], []
    level = model.root.children
    for _depth in range(2):
        places = [n for n in level if n.kind == PLACE and n.data is not None]
        if not places:
            break
        node = max(places, key=lambda n: n.data.units)
        ix = model.index_of(node)
        times += runs_ms(lambda ix=ix: (model.fetchMore(ix), view.expand(ix), qapp.processEvents()), 1)
        names.append(node.label)
        level = node.children
    return times, names


def filter_outline(window, qapp, text: str) -> None:
    """Type a filter into the outline panel and apply it (as its timer does), until shown."""
    window.outline_panel.filter_box.setText(text)
    window.outline_panel.apply_filter()
    qapp.processEvents()


def measure(project: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from reader import app
    from reader.core.analysis.matrix import theme_matrix
    from reader.core.search import search
    from reader.core.store import outline_tree
    from reader.core.store.passage_edits import tag_sections_matching
    from reader.core.store.passage_scope import passages_in
    from reader.ui import ops
    from reader.ui.models.outline import PLACE, UNIT

    ops.set_synchronous(True)
    qapp = app.ensure_app()
    rows = []
    ms, window = median_ms(lambda: app.create_window(project, lang="zh_CN"))
    rows.append(("create_window (open project, outline root, codebook, first report)", ms))
    window.matrix_dock.hide()  # measured on its own below
    ms, _ = median_ms(lambda: (window.show(), qapp.processEvents()))
    rows.append(("show and first paint", ms))
    model = window.outline_model
    counties, units, _p = outline_tree.totals(window.project)
    print(f"project: {units} reports, {counties} counties, {model.rowCount()} top-level places", flush=True)

    rows.append(("expand every province (fetch prefectures)", median_ms(lambda: expand_provinces(window, qapp))[0]))
    ms, biggest = median_ms(lambda: expand_biggest(window, qapp))
    rows.append((f"expand the prefectures of the biggest province ({biggest.data.units} reports)", ms))

    def fetch_everything():
        stack = list(model.root.children)
        while stack:
            node = stack.pop()
            if node.kind == PLACE:
                model.ensure_fetched(node)
                stack.extend(node.children)

    rows.append(("load every level of the outline model (no view)", median_ms(fetch_everything)[0]))
    unit = next(n for n in model.root.walk() if n.kind == UNIT)

    def open_report():
        model.ensure_fetched(unit)
        window.open_location(unit.key)
        qapp.processEvents()

    rows.append(("open a report (sections, text, highlights, suggestions)", median_ms(open_report, 5)[0]))
    section = next(c for c in unit.children)
    rows.append(("open a section", median_ms(lambda: (window.open_location(unit.key, section_id=section.key),
                                               qapp.processEvents()), 5)[0]))

    def tag_and_undo():
        s = section.data
        window.text_pane.select_span(s.start, min(s.end, s.start + 20))
        window.tag_selection([window.theme_model.themes()[0].id])
        window.actions["undo"].trigger()
        qapp.processEvents()

    rows.append(("tag a selection and undo it (counts refreshed)", median_ms(tag_and_undo, 5)[0]))

    rows.append(("filter the outline by a province name", median_ms(lambda: filter_outline(window, qapp, "山西"))[0]))
    rows.append(("filter the outline by a heading word", median_ms(lambda: filter_outline(window, qapp, "代表联络"))[0]))
    rows.append(("clear the filter", median_ms(lambda: filter_outline(window, qapp, ""))[0]))
    rows.append(("project search 代表联络站 (core, first 500 hits)", median_ms(lambda: search(window.project, "代表联络站", 500), 3)[0]))
    themes = [t.id for t in window.theme_model.themes()[:4]]
    tagged = []
    for k, word in enumerate(("代表", "监督", "人大", "发展")):
        ms, result = median_ms(lambda w=word, t=themes[k]: tag_sections_matching(window.project, w, [t]))
        tagged.append(len(result.passage_ids))
    print(f"tagged {sum(tagged)} whole sections by heading (4 patterns)", flush=True)
    rows.append(("theme matrix by county (core)", median_ms(lambda: theme_matrix(window.project, "county"), 3)[0]))
    rows.append(("theme matrix by year (core)", median_ms(lambda: theme_matrix(window.project, "year"), 3)[0]))
    rows.append(("refresh every outline count", median_ms(lambda: model.refresh_counts(None), 3)[0]))
    rows.append(("tag a selection and undo it, with the passages above", median_ms(tag_and_undo, 5)[0]))
    rows.append(("passages of the whole project (list, first 5000)", median_ms(lambda: passages_in(window.project), 3)[0]))

    def open_matrix():
        window.show_matrix()
        qapp.processEvents()

    rows.append(("open the theme matrix dock by county (count and show)", median_ms(open_matrix)[0]))
    rows.append(("tag and undo with the matrix open (its recount waits for a pause)", median_ms(tag_and_undo, 3)[0]))
    window.matrix_timer.stop()
    window.close()
    for name, ms in rows:
        print(f"{ms:9.1f} ms  {name}", flush=True)
    window.deleteLater()
    qapp.processEvents()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=3000)
    ap.add_argument("--work", type=Path, default=Path("/tmp/reader-bench"))
    args = ap.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("READER_HOME", str(args.work / "home"))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    measure(build_project(args.work, args.n))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
