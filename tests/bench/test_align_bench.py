"""The comparison benchmark runs end to end on a tiny corpus (its figures are not checked: timing is
the benchmark's business, not the tests')."""

from __future__ import annotations

from reader.bench.align_bench import build, measure


def test_the_benchmark_runs_on_a_few_reports(tmp_path):
    path = build(6, tmp_path, seed=3)
    assert build(6, tmp_path, seed=3) == path  # built once, then reused
    figures = measure(path)
    assert figures["units"] == 6 and figures["members"] >= 6
    assert figures["progress_reports"] > 0 and figures["peak_rss_mb"] > 0
    assert {"align_s", "realign_s", "load_s", "phrases_200_members_s", "reuse_200_members_s"} <= set(figures)
