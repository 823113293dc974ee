"""The OCR benchmark runs end to end on one page, so that it cannot rot (no time limits)."""

from __future__ import annotations

import re

import pytest

from reader.bench import ocr as ocr_bench
from tests.ocr_scans import needs_ocr


@pytest.mark.ocr
@needs_ocr
def test_the_ocr_benchmark_runs(tmp_path):
    out = tmp_path / "ocr.md"
    assert ocr_bench.main(["--pages", "1", "--columns", "2", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "load average" in text and "cores" in text
    rows = dict((cell.strip() for cell in line.strip("|").split(" | ", 1)) for line in text.splitlines()
                if line.startswith("| ") and not line.startswith("| figure"))
    cer = next(v for k, v in rows.items() if "character error rate" in k)
    assert float(cer.strip(" %|")) < 2.0
    memory = next(v for k, v in rows.items() if k.startswith("Peak memory of each OCR process"))
    assert re.findall(r"\d+ MB", memory)
    cpu = next(v for k, v in rows.items() if "CPU time a page" in k)
    assert float(cpu.split(" s")[0]) > 0
