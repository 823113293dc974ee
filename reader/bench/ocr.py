"""OCR benchmark: seconds a page on every core, one page alone, memory of each OCR process, the
character error rate, and how little of it lands on the calling (window's) process.

    python -m reader.bench.ocr [--pages 6] [--columns 1 2] [--out FILE.md]

The sample reports are printed as pages (reader.bench.scanpages: A4, 150 dpi, Noto Sans CJK, a
running head and page numbers) and read back through the readers as an import reads them (OCR
processes, reader.core.ocr.run). Figures:

- pages/s and seconds a page over a scan of N pages (all OCR processes at work, after their start);
- one page alone (what the first page of a scan waits for, once the processes have started);
- the CPU time a page takes in its OCR process, which does not depend on what else the machine
  runs (on a shared machine the wall-clock figures do): divided by the cores, the seconds a page of
  an idle machine;
- the start of the OCR processes (spawn, imports, models);
- peak memory (VmHWM) of each OCR process, and the calling process's CPU time during the run;
- the character error rate against the printed text (white space ignored), as in the tests.
Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from reader.bench.cer import cer
from reader.bench.scanpages import Layout, render_pages, to_pdf

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "sample"


def _sample_text(pages_wanted: int, columns: int) -> str:
    """Paragraphs of the sample reports, as many as fill `pages_wanted` pages."""
    from reader.core.clean import pipeline
    from reader.core.readers import read_path

    paragraphs: list[str] = []
    for p in sorted(SAMPLES.glob("*.txt")):
        paragraphs += [ln for ln in pipeline.clean(read_path(p)).text.split("\n") if ln.strip()]
    lo, hi = 1, len(paragraphs)  # the most paragraphs that fit (binary search on the page count)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if len(render_pages("\n".join(paragraphs[:mid]), Layout(columns=columns))) <= pages_wanted:
            lo = mid
        else:
            hi = mid - 1
    return "\n".join(paragraphs[:lo])


def _hwm_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def run(pages: int, columns: list[int]) -> list[tuple[str, str]]:
    from reader.core.clean import pipeline
    from reader.core.ocr import run as ocr_run
    from reader.core.ocr.images import pdf_pages
    from reader.core.ocr.record import assemble

    rows: list[tuple[str, str]] = []
    t = time.perf_counter()
    executor = ocr_run._POOL.acquire()
    list(executor.map(int, [0] * ocr_run.ocr_workers()))  # every process started, engine loaded
    for f in [executor.submit(time.sleep, 0.5) for _ in range(ocr_run.ocr_workers())]:
        f.result()
    rows.append(("OCR processes started (spawn, imports, models)", f"{time.perf_counter() - t - 0.5:.1f} s, "
                 f"{ocr_run.ocr_workers()} processes"))
    with tempfile.TemporaryDirectory() as tmp:
        for cols in columns:
            text = _sample_text(pages, cols)
            images = render_pages(text, Layout(columns=cols))
            path = Path(tmp) / f"scan-{cols}.pdf"
            path.write_bytes(to_pdf(images))
            t0 = time.perf_counter()
            ocr_run.read_pages(str(path), [ocr_run.PageJob(1, path.name, images[0])], 1)
            alone = time.perf_counter() - t0
            cpu0, t0 = _cpu(), time.perf_counter()
            # as read_pdf reads a scan: its pages rendered by PDFium, read by the OCR processes, laid out
            data = path.read_bytes()
            rendered = pdf_pages(data, str(path), list(range(len(images))))
            results = ocr_run.read_pages(str(path), (ocr_run.PageJob(k + 1, path.name, img)
                                                     for k, img in enumerate(rendered)), len(images))
            original, _record = assemble(results)
            wall = time.perf_counter() - t0
            cpu = _cpu() - cpu0
            rate = cer(pipeline.clean(original).text, text)
            label = "one column" if cols == 1 else f"{cols} columns"
            rows.append((f"{label}: {len(images)} pages, all OCR processes", f"{wall / len(images):.2f} s a page "
                         f"({len(images) / wall:.2f} pages/s)"))
            rows.append((f"{label}: one page alone", f"{alone:.2f} s"))
            cpu_page = sum(r.cpu for r in results) / len(images)
            rows.append((f"{label}: CPU time a page in its OCR process (load-independent)",
                         f"{cpu_page:.2f} s: {cpu_page / ocr_run.ocr_workers():.2f} s a page on "
                         f"{ocr_run.ocr_workers()} idle cores"))
            rows.append((f"{label}: character error rate ({len(''.join(text.split()))} characters)", f"{rate:.2%}"))
            rows.append((f"{label}: CPU of the calling process during the run", f"{cpu:.2f} s of {wall:.1f} s"))
    hwm = [_hwm_mb(pid) for pid in list(getattr(executor, "_processes", {}) or {})]
    ocr_run._POOL.release()
    rows.append(("Peak memory of each OCR process (VmHWM)", " / ".join(f"{h:.0f} MB" for h in hwm if h)))
    rows.append(("Peak memory of the calling process (VmHWM)", f"{_hwm_mb(os.getpid()) or 0:.0f} MB"))
    ocr_run.shutdown()
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=6)
    ap.add_argument("--columns", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    load = os.getloadavg()
    rows = run(args.pages, args.columns)
    head = (f"OCR benchmark, {time.strftime('%Y-%m-%d')}: {os.cpu_count()} cores, load average "
            f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at the start, Python {sys.version.split()[0]}")
    lines = [head, "", "| figure | measured |", "|---|---|", *(f"| {a} | {b} |" for a, b in rows)]
    print("\n".join(lines))
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
