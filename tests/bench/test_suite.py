"""The benchmark runs end to end on a small corpus, as CI runs it, so that it cannot rot. Its
figures are checked for sense, never against time limits (timing is the benchmark's business)."""

from __future__ import annotations

import json
import re

from reader.bench import suite

N = 100


def test_the_benchmark_runs_end_to_end_and_writes_every_row(tmp_path):
    out, raw_path = tmp_path / "bench.md", tmp_path / "raw.json"
    assert suite.main(["--n", str(N), "--passages", "300", "--workdir", str(tmp_path / "w"), "--out", str(out),
                       "--json", str(raw_path)]) == 0
    text = out.read_text(encoding="utf-8")
    raw = json.loads(raw_path.read_text(encoding="utf-8"))
    table = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| figure")]
    figures = [line.split(" | ")[0][2:] for line in table]
    for start in ("Import", "Import speed", "Import 100 text files", "Import: progress", "Import cancelled", "Cold start to",
                  "Cold start against", "Expand a province", "Filter the outline", "Choose a section",
                  "Project search 代表联络站 in the window", "Project search 代表联络站, first 50", "`reader search 代表联络站",
                  "Project search 代表联络站: every occurrence", "Every hit of 代表 listed", "Every hit of 代表 made in turn",
                  "Diffusion of 代表联络站", "Align one prefecture", "Align all", "Peak memory of the process aligning",
                  "Aligning all from the window", "Then the comparison view reads", "Export 350 passages to XLSX", "Export 350 passages to DOCX",
                  "Memory of the window", "Peak memory of each"):
        assert sum(f.startswith(start) for f in figures) >= 1, (start, figures)
    assert len(table) == 26
    assert "cores" in text and "Python 3" in text and "python -m reader.bench --n 100" in text
    for line in table:  # every measured cell holds a positive number
        measured = line.split(" | ")[1]
        assert re.search(r"\d", measured) and not re.search(r"nan|inf", measured), line

    imp = raw["import"]
    assert imp["files"] == imp["imported"] == N and imp["failed"] == 0 and imp["reports"] >= N
    assert imp["progress_calls"] >= N and imp["characters"] > N * 2000 and imp["seconds"] > 0
    assert raw["read_hash"][0]["files"] == N and raw["import_text"]["imported"] == N
    cancel = raw["cancel"]
    assert cancel["imported"] <= N and (not cancel["cancelled"] or cancel["imported"] < N)
    for w in raw["window"]:
        assert 0 < w["first_paint_s"] <= w["start_s"] < 60
        assert w["highlights"] >= suite.HIGHLIGHTS and w["shown_unit"] == raw["where"]["unit"]
        assert w["search_hits"] == min(50, w["search_total"]) and w["search_total"] > 0
        assert 0 < w["window_search_first_ms"] <= w["window_search_counted_ms"]
        assert w["window_search_listed"] == w["search_total"]  # every hit listed
        assert w["open_rss_mb"] > 0 and w["peak_rss_mb"] > 0
        assert len(w["expanded"]) == 2 and w["filter_county_ms"] > 0 and w["filter_year_units"] >= N // 10
    assert raw["like"]["documents"] > 0
    lst = raw["listing"]
    assert lst["total"] == lst["made"] > N and lst["counted_by"] == "index"
    assert raw["diffusion"]["counties"] > 0 and raw["diffusion"]["years"] == 10
    assert raw["cli_search_s"] > 0 and raw["start_s"] > 0 and raw["cli_timeline_s"] > 0  # (a tiny project: as quick as --version)
    assert 0 < raw["align_one"]["reports"] < N and raw["window_align"]["reports"] >= N
    assert raw["window_align"]["children_peak_rss_mb"] > 0  # aligned in a process of its own
    assert raw["window_align"]["rows"] > 1 and raw["window_align"]["progress_calls"] > 0
    assert raw["window_align"]["members"] >= N and raw["window_align"]["read_back_s"] > 0  # then read back, as the view does
    assert raw["export"]["passages"] == 300 + suite.HIGHLIGHTS
    assert raw["export"]["xlsx_bytes"] > 0 and raw["export"]["docx_bytes"] > 0
    assert imp["children_peak_rss_mb"] > 0  # the import's worker processes ran
