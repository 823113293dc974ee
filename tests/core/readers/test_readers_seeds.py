"""The five seed reports converted to every format and encoding the readers take, imported through
the command line and scored against the gold outline with the project's scorer: the readers must
not cost a single unit, county or heading."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from reader.bench.formats import FORMATS, convert
from reader.cli import main
from tests.conftest import SAMPLES
from tests.shared import SCORER, SHARED, scorer

GOLD = SHARED / "corpus" / "seeds-gold.json"

pytestmark = pytest.mark.skipif(not (GOLD.exists() and SCORER.exists()), reason="shared corpus not present")




@pytest.mark.parametrize("fmt", FORMATS)
def test_the_outline_score_stays_perfect_in_every_format(capsys, tmp_path, fmt):
    files = [convert(p, fmt, tmp_path / fmt) for p in SAMPLES]
    project = str(tmp_path / "p.renda")
    assert main(["--lang", "en", "import", *map(str, files), "--project", project]) == 0
    capsys.readouterr()
    assert main(["outline", "--json", "--project", project]) == 0
    units = json.loads(capsys.readouterr().out)["units"]
    for u in units:  # the gold names the .txt seeds
        u["source"] = Path(u["source"]).stem + ".txt"
    with contextlib.redirect_stdout(io.StringIO()) as misses:
        figures = scorer().score_outline(json.loads(GOLD.read_text(encoding="utf-8")), {"units": units})
    assert figures == {"units": 1.0, "counties": 1.0, "headings": 1.0, "subsections": 1.0}, misses.getvalue()
