"""Pages read by OCR processes, page by page, with progress and cancel.

OCR never runs in the process that asks for it when that is a program's main process (the window,
the command line, the tests): it runs in a pool of OCR processes, one per core (spawned, so they
copy nothing of the window; each loads the engine once, 0.7 s, and reads with one thread). The
engine imports OpenCV, whose Qt build changes Qt's plugin environment when it is imported: in
processes of their own it cannot touch the window. The pool ends after IDLE_S seconds without
work (each process holds some 700 MB while it lives) and when the program exits.

Inside a worker process of a parallel import (which already keeps every core busy), pages are
read in that process, one after the other.

Pages are handed out lazily, at most two per OCR process ahead, so a long scan is never all in
memory; `on_page(done, total, text)` is called as each page is read, in page order, with the
page's text laid out as the document will have it (reader.core.ocr.record.page_text), so that the
first page can be read before the rest are done; `cancel` is checked between pages and while
waiting: it stops the pages not started and raises Cancelled.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from reader.core import ocr
from reader.core.errors import Cancelled, ImportFailed, OcrUnavailable, ReaderError
from reader.core.ocr.record import PageResult, page_text
from reader.core.progress import is_cancelled

log = logging.getLogger(__name__)

IDLE_S = 30.0
PageProgress = Callable[[int, int, str], None]


@dataclass
class PageJob:
    number: int
    source: str
    image: object  # an RGB PIL image


def ocr_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def read_page(number: int, source: str, image) -> PageResult:
    """OCR one page (in the process that calls it: an OCR process)."""
    import numpy as np

    from reader.core.ocr.engine import recognise
    from reader.core.ocr.images import keep_image

    start = time.process_time()
    kept, scale = keep_image(image)
    boxes = [] if blank(image) else recognise(np.asarray(image.convert("RGB")))
    return PageResult(number, source, image.width, image.height, boxes, kept, scale, time.process_time() - start)


def blank(image) -> bool:
    """A page with nothing on it (a blank scan: one shade, give or take the scanner's noise)."""
    from PIL import ImageStat

    small = image.convert("L").resize((max(1, image.width // 8), max(1, image.height // 8)))
    lo, hi = small.getextrema()
    return hi - lo < 40 or ImageStat.Stat(small).stddev[0] < 2.0


def _warm() -> None:
    from reader.core.ocr.engine import engine

    engine()


class _Pool:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.executor: ProcessPoolExecutor | None = None
        self.timer: threading.Timer | None = None
        self.users = 0

    def acquire(self) -> ProcessPoolExecutor:
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None
            if self.executor is None:
                self.executor = ProcessPoolExecutor(
                    ocr_workers(), mp_context=multiprocessing.get_context("spawn"), initializer=_warm)
            self.users += 1
            return self.executor

    def release(self, broken: bool = False) -> None:
        with self.lock:
            self.users -= 1
            if broken:
                self._shutdown()
            elif self.users == 0 and self.executor is not None:
                self.timer = threading.Timer(IDLE_S, self.idle)
                self.timer.daemon = True
                self.timer.start()

    def idle(self) -> None:
        with self.lock:
            if self.users == 0:
                self._shutdown()

    def _shutdown(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = None

    def close(self) -> None:
        with self.lock:
            self._shutdown()


_POOL = _Pool()
atexit.register(_POOL.close)


def shutdown() -> None:
    """End the OCR processes now (they end by themselves after IDLE_S seconds without work)."""
    _POOL.close()


def running_processes() -> int:
    executor = _POOL.executor
    return 0 if executor is None else len(getattr(executor, "_processes", None) or {})


def in_worker() -> bool:
    """Whether this is a worker process (of a parallel import): pages are then read here."""
    return multiprocessing.parent_process() is not None


def read_pages(path: str, jobs: Iterable[PageJob], total: int, on_page: PageProgress | None = None,
               cancel: object | None = None) -> list[PageResult]:
    """Every page of `jobs` (a lazy iterable of `total` pages) read, in order."""
    if not ocr.available():
        raise OcrUnavailable(path)
    if in_worker():
        return _read_here(jobs, total, on_page, cancel)
    executor = _POOL.acquire()
    broken = False
    try:
        return _read_in_pool(executor, path, jobs, total, on_page, cancel)
    except BrokenProcessPool as e:
        broken = True
        raise ImportFailed(path, f"an OCR process ended: {e}") from e
    finally:
        _POOL.release(broken)


def _read_here(jobs, total, on_page, cancel) -> list[PageResult]:
    results = []
    for job in jobs:
        if is_cancelled(cancel):
            raise Cancelled()
        results.append(read_page(job.number, job.source, job.image))
        _report(on_page, len(results), total, results[-1])
    return results


def _read_in_pool(executor, path, jobs, total, on_page, cancel) -> list[PageResult]:
    pending: deque[Future] = deque()
    results: list[PageResult] = []
    source = iter(jobs)
    ahead = 2 * ocr_workers()
    exhausted = False
    try:
        while True:
            while not exhausted and len(pending) < ahead:
                job = next(source, None)
                if job is None:
                    exhausted = True
                    break
                pending.append(executor.submit(read_page, job.number, job.source, job.image))
            if not pending:
                return results
            while not pending[0].done():
                if is_cancelled(cancel):
                    raise Cancelled()
                wait([pending[0]], timeout=0.2, return_when=FIRST_COMPLETED)
            results.append(_outcome(pending.popleft(), path))
            _report(on_page, len(results), total, results[-1])
            if is_cancelled(cancel):
                raise Cancelled()
    finally:
        for f in pending:
            f.cancel()


def _outcome(future: Future, path: str) -> PageResult:
    try:
        return future.result()
    except (ReaderError, BrokenProcessPool):
        raise
    except ImportError as e:  # the extra is half installed (onnxruntime or OpenCV missing)
        log.warning("OCR cannot start: %s", e)
        raise OcrUnavailable(path) from e


def _report(on_page: PageProgress | None, done: int, total: int, page: PageResult) -> None:
    if on_page is not None:
        on_page(done, total, page_text(page))
