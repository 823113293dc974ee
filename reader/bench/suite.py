"""The benchmark against the limits: a national corpus, every figure beside its target or a peer.

    python -m reader.bench [--n 3000] [--seed 1] [--passages 10000] [--out FILE] [--workdir DIR]

Generates the corpus (reader.bench.generate; reused from WORKDIR for the same n and seed), then
measures, each in a fresh process (reader.bench.probes): the window's import into a new project
(and a cancelled one); the peer of import, only reading and hashing the files; a copy of the
project with PASSAGES tagged passages (and 50 in one section); cold start of the window on it
(best of three, with an empty QApplication and one window as its peer), expanding the outline,
showing the section with 50 highlights, project search (first 50 hits; its peer a plain LIKE scan
of the same text) and the memory of the open window; aligning 20 reports and all; exporting every
passage to XLSX and DOCX; the peak memory of every process. Prints the table (figure, measured,
target or peer, ratio, pass) and writes it as Markdown to FILE. Not a test: figures depend on the
machine, so quote them with it (the table says which).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

QUERY = "代表联络站"
HIGHLIGHTS = 50
COLD_RUNS = 3


@dataclass
class Row:
    figure: str
    measured: str
    limit: str = "—"  # the target or the peer, in words
    ratio: str = "—"
    verdict: str = "—"  # ✓, ✗ or —


def corpus(workdir: Path, n: int, seed: int) -> Path:
    """The generated corpus of n reports for `seed`, made once in workdir."""
    from reader.bench.generate import generate

    folder = workdir / f"corpus-{n}-seed{seed}"
    marker = folder / ".complete"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate(folder, n, seed)
        marker.write_text(f"{n} {seed}\n", encoding="utf-8")
    return folder


def child(name: str, workdir: Path, **args) -> dict:
    """Run probe `name` in a fresh process; its figures."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", READER_HOME=str(workdir / "home"))
    if name in ("window", "empty_window"):
        args["t0"] = time.time()
    done = subprocess.run([sys.executable, "-m", "reader.bench.probes", name, json.dumps(args)],
                          capture_output=True, text=True, env=env, check=False)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise SystemExit(f"probe {name} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    figures = json.loads(lines[-1])
    if "error" in figures:
        raise SystemExit(f"probe {name}: {figures['error']}")
    return figures


def _fresh(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return path


def tag_project(source: Path, target: Path, passages: int, seed: int) -> dict:
    """A copy of the imported project with `passages` tagged spans at random, and 50 more in one
    long section (the one the window shows: longer than nine in ten). Returns where those 50 are,
    another report, and 20 counties of one report each."""
    from reader.core.store import documents
    from reader.core.store import passages as store
    from reader.core.store.db import open_project
    from reader.core.store.themes import list_themes

    _fresh(target)
    with open_project(source, create=False) as p:
        p.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(source, target)
    rng = random.Random(seed)
    with open_project(target, create=False) as project:
        themes = [t.id for t in list_themes(project)]
        units = documents.outline(project)
        spans = [(u.id, s.heading_end, s.end) for u in units for s in u.walk_sections() if s.end - s.heading_end > 40]
        # a long section, not the longest: longer than nine in ten top-level sections
        tops = sorted(((u, s) for u in units for s in u.sections), key=lambda us: (us[1].end - us[1].heading_end, us[1].id))
        unit, section = tops[min(len(tops) - 1, len(tops) * 9 // 10)]
        with project.db.atomic():
            for _ in range(passages):
                uid, lo, hi = rng.choice(spans)
                start = rng.randint(lo, hi - 20)
                store.tag(project, uid, start, min(hi, start + rng.randint(10, 200)), rng.sample(themes, rng.choice((1, 1, 2))))
            width = max(1, (section.end - section.heading_end) // HIGHLIGHTS)
            for k in range(HIGHLIGHTS):
                start = section.heading_end + k * width
                store.tag(project, unit.id, start, min(section.end, start + max(2, width // 2)), [themes[k % len(themes)]])
        other = next(u.id for u in units if u.id != unit.id)
        unique = [r[0] for r in project.db.execute(
            "SELECT county FROM units WHERE county IS NOT NULL GROUP BY county HAVING count(*) = 1 ORDER BY min(id) LIMIT 20")]
        project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {"unit": unit.id, "section": section.id, "section_chars": section.end - section.start, "other_unit": other,
            "counties": unique}


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text(encoding="ascii").split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GB"
    except (OSError, ValueError, IndexError):
        pass
    return f"{cpu}, {os.cpu_count()} cores{memory}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def measure(n: int, seed: int, passages: int, workdir: Path, log=print) -> tuple[list[Row], dict]:
    """Run every measurement; the table rows and the raw figures."""
    workdir.mkdir(parents=True, exist_ok=True)
    raw: dict = {"load_before": _load()}
    t = time.perf_counter()
    folder = corpus(workdir, n, seed)
    log(f"corpus: {folder} ({time.perf_counter() - t:.0f} s)")
    run = workdir / "run"
    run.mkdir(exist_ok=True)
    raw["read_hash"] = [child("read_hash", workdir, corpus=str(folder))]
    log("import…")
    raw["import"] = child("window_import", workdir, project=str(_fresh(run / "imported.renda")), corpus=str(folder))
    raw["read_hash"].append(child("read_hash", workdir, corpus=str(folder)))
    raw["cancel"] = child("window_import", workdir, project=str(_fresh(run / "cancelled.renda")), corpus=str(folder),
                          cancel_after=min(2.0, raw["import"]["seconds"] / 3))
    log("tagging…")
    big = run / "big.renda"
    where = tag_project(run / "imported.renda", big, passages, seed)
    raw["where"] = where
    log("window…")
    raw["empty_window"] = [child("empty_window", workdir) for _ in range(COLD_RUNS)]
    raw["window"] = [child("window", workdir, project=str(big), unit=where["unit"], section=where["section"],
                           other_unit=where["other_unit"], query=QUERY) for _ in range(COLD_RUNS)]
    raw["like"] = child("like_scan", workdir, project=str(big), query=QUERY)
    log("export…")
    out = run / "export"
    out.mkdir(exist_ok=True)
    raw["export"] = child("export", workdir, project=str(big), out=str(out))
    log("align…")
    raw["align20"] = child("align", workdir, project=str(big), counties=where["counties"])
    raw["align_all"] = child("align", workdir, project=str(big), counties=None)
    raw["load_after"] = _load()
    return rows(raw, n), raw


def _load() -> list[float]:
    """The machine's load average (1, 5, 15 minutes): other work competing for the cores."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def _ok(value: float, limit: float) -> str:
    return "✓" if value <= limit else "✗"


def rows(raw: dict, n: int) -> list[Row]:
    imp, cancel, win, exp = raw["import"], raw["cancel"], raw["window"], raw["export"]
    read = min(r["seconds"] for r in raw["read_hash"])
    start = _median(win, "start_s")
    empty = _median(raw["empty_window"], "seconds")
    section, search, like = _median(win, "section_ms"), _median(win, "search_ms"), raw["like"]["ms"]
    first, count = _median(win, "window_search_first_ms"), _median(win, "count_ms")
    open_rss = _median(win, "open_rss_mb")
    a20, aall = raw["align20"], raw["align_all"]
    passages = exp["passages"]
    out = [
        Row(f"Import {imp['files']} files ({imp['reports']} reports, {imp['characters'] / 1e6:.1f} M characters; "
            f"{imp['failed']} failed), in the window", f"{imp['seconds']:.1f} s", "target ≤ 60 s",
            f"{imp['seconds'] / 60:.2f}", _ok(imp["seconds"], 60)),
        Row("Import speed", f"{imp['imported'] / imp['seconds']:.0f} documents/s, "
            f"{imp['characters'] / imp['seconds'] / 1000:.0f} k characters/s",
            f"peer: only reading and hashing them, {raw['read_hash'][0]['files'] / read:.0f} documents/s",
            f"{imp['seconds'] / read:.0f}× slower"),
        Row("Import: progress reports / longest the window did not respond",
            f"{imp['progress_calls']} / {imp['max_stall_ms']:.0f} ms", "target: every file / ≤ 100 ms",
            f"{imp['max_stall_ms'] / 100:.2f}",
            _ok(imp["max_stall_ms"], 100) if imp["progress_calls"] >= imp["files"] else "✗"),
        Row("Import cancelled: from Cancel to stopped (what was written stays)",
            f"{cancel.get('cancel_s', float('nan')):.2f} s ({cancel['imported']} kept)" if cancel["cancelled"]
            else "finished before Cancel", "target ≤ 1 s",
            f"{cancel['cancel_s']:.2f}" if cancel["cancelled"] else "—",
            _ok(cancel["cancel_s"], 1) if cancel["cancelled"] else "—"),
        Row(f"Cold start to an interactive window on the big project (median of {len(win)})", f"{start:.2f} s",
            "target ≤ 1.5 s", f"{start / 1.5:.2f}", _ok(start, 1.5)),
        Row("Cold start against an empty QApplication with one window", f"{start:.2f} s",
            f"peer: {empty:.2f} s", f"{start / empty:.1f}×"),
        Row(f"Expand the outline ({win[0]['top_level_places']} provinces, then the biggest one's prefectures)",
            f"{_median(win, 'expand_ms'):.0f} ms"),
        Row(f"Choose a section until its text with {HIGHLIGHTS} highlights is shown ({raw['where']['section_chars']} "
            "characters, longer than 9 in 10 sections; median of 5)", f"{section:.1f} ms",
            "target ≤ 50 ms", f"{section / 50:.2f}", _ok(section, 50)),
        Row(f"Project search {QUERY} in the window: first hits listed ({win[0]['window_search_listed']}; "
            f"median of 3)", f"{first:.1f} ms", "target ≤ 100 ms", f"{first / 100:.2f}", _ok(first, 100)),
        Row(f"Project search {QUERY}, first 50 hits (core, median of 5)", f"{search:.1f} ms",
            "target ≤ 100 ms", f"{search / 100:.2f}", _ok(search, 100)),
        Row(f"Project search {QUERY}: every occurrence counted ({win[0]['search_total']}; in the window "
            f"{_median(win, 'window_search_counted_ms'):.0f} ms) against a plain LIKE scan of the same text",
            f"{count:.0f} ms", f"peer: {like:.0f} ms", f"{count / like:.1f}×"),
        Row(f"Align {a20['reports']} reports (jieba's dictionary loaded before: "
            f"{a20['jieba_s']:.2f} s once per process, from the cache)", f"{a20['seconds']:.2f} s", "target ≤ 1 s",
            f"{a20['seconds'] / 1:.2f}", _ok(a20["seconds"], 1)),
        Row(f"Align all {aall['reports']} reports ({aall['rows']} rows)", f"{aall['seconds']:.1f} s"),
        Row(f"Export {passages} passages to XLSX", f"{exp['xlsx_s']:.2f} s", "target ≤ 5 s (10,000)",
            f"{exp['xlsx_s'] / 5:.2f}", _ok(exp["xlsx_s"], 5)),
        Row(f"Export {passages} passages to DOCX", f"{exp['docx_s']:.2f} s", "target ≤ 5 s (10,000)",
            f"{exp['docx_s'] / 5:.2f}", _ok(exp["docx_s"], 5)),
        Row("Memory of the window with the big project open (RSS)", f"{open_rss:.0f} MB", "target < 500 MB",
            f"{open_rss / 500:.2f}", _ok(open_rss, 500)),
    ]
    peaks = [("import (window)", imp["peak_rss_mb"]), ("each import worker", imp["children_peak_rss_mb"]),
             ("window", max(w["peak_rss_mb"] for w in win)), ("align 20", a20["peak_rss_mb"]), ("export", exp["peak_rss_mb"])]
    top = max(mb for _, mb in peaks)
    out.append(Row("Peak memory of each process (VmHWM): " + ", ".join(name for name, _ in peaks),
                   " / ".join(f"{mb:.0f}" for _, mb in peaks) + " MB", "target < 500 MB", f"{top / 500:.2f}", _ok(top, 500)))
    out.append(Row(f"Peak memory aligning all {aall['reports']} reports (VmHWM; the window holds it while it aligns)",
                   f"{aall['peak_rss_mb']:.0f} MB", "target < 500 MB", f"{aall['peak_rss_mb'] / 500:.2f}",
                   _ok(aall["peak_rss_mb"], 500)))
    return out


def markdown(table: list[Row], n: int, seed: int, passages: int, took: float, raw: dict | None = None) -> str:
    load = ""
    if raw and raw.get("load_before"):
        load = (f" Load average (other work on the machine) {raw['load_before'][0]:.1f} before, "
                f"{raw.get('load_after', [0])[0]:.1f} after.")
    head = (f"Benchmark: {n} generated reports (seed {seed}), {passages} tagged passages; "
            f"{time.strftime('%Y-%m-%d', time.gmtime())}, the benchmark took {took:.0f} s.  \n"
            f"Machine: {machine()}.{load}  \n"
            f"Command: `python -m reader.bench --n {n} --seed {seed} --passages {passages}`\n\n"
            "| figure | measured | target / peer | ratio | pass |\n|---|---|---|---|---|\n")
    return head + "".join(f"| {r.figure} | {r.measured} | {r.limit} | {r.ratio} | {r.verdict} |\n" for r in table)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m reader.bench", description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=3000, help="reports to generate (default 3000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--passages", type=int, default=10000, help="tagged passages to export (default 10000)")
    ap.add_argument("--out", type=Path, default=Path("benchmark.md"), help="the Markdown table (default benchmark.md)")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "renda-bench",
                    help="corpus and projects, kept for the next run")
    ap.add_argument("--json", type=Path, help="also write the raw figures here")
    args = ap.parse_args(argv)
    t = time.perf_counter()
    table, raw = measure(args.n, args.seed, args.passages, args.workdir)
    text = markdown(table, args.n, args.seed, args.passages, time.perf_counter() - t, raw)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(raw, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0
