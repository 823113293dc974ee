"""Timing helpers shared by the benchmark scripts."""

from __future__ import annotations

import statistics
import time


def runs_ms(fn, repeat: int) -> list[float]:
    """Milliseconds each of `repeat` calls of fn() took."""
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def median_ms(fn, repeat: int = 1) -> tuple[float, object]:
    """(the median milliseconds of `repeat` calls of fn(), what the last call returned)."""
    result: list[object] = [None]
    times = runs_ms(lambda: result.__setitem__(0, fn()), repeat)
    return statistics.median(times), result[0]
