"""The five seed reports converted to every format and encoding the readers take, imported through
the command line and scored against the gold outline with the project's scorer: the readers must
not cost a single unit, county or heading."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import SAMPLES
from tests.core.reader_files import (
    big5_bytes,
    docx_bytes,
    page_html,
    pdf_bytes,
    traditional,
    wechat_html,
    write,
)

SHARED = Path(__file__).resolve().parents[3] / "shared"
GOLD = SHARED / "corpus" / "seeds-gold.json"
SCORER = SHARED / "tools" / "score.py"

pytestmark = pytest.mark.skipif(not (GOLD.exists() and SCORER.exists()), reason="shared corpus not present")


def convert(path: Path, fmt: str, out: Path) -> Path:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    stem = path.stem
    if fmt == "gb18030-crlf":
        return write(out / f"{stem}.txt", text.replace("\n", "\r\n").encode("gb18030"))
    if fmt == "big5":
        return write(out / f"{stem}.txt", big5_bytes(traditional(text))[0])
    if fmt == "utf-16":
        return write(out / f"{stem}.txt", text.encode("utf-16"))
    if fmt == "docx":
        return write(out / f"{stem}.docx", docx_bytes([(ln, None) for ln in lines]))
    if fmt == "html":
        return write(out / f"{stem}.html", page_html(lines, title=lines[0]).encode("utf-8"))
    if fmt == "html-gbk":
        return write(out / f"{stem}.htm", page_html(lines, title=lines[0], charset="gbk").encode("gb18030"))
    if fmt == "wechat":
        return write(out / f"{stem}.html", wechat_html(lines).encode("utf-8"))
    if fmt == "pdf":
        return write(out / f"{stem}.pdf", pdf_bytes(lines))
    raise ValueError(fmt)


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("fmt", ["gb18030-crlf", "big5", "utf-16", "docx", "html", "html-gbk", "wechat", "pdf"])
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
        figures = _scorer().score_outline(json.loads(GOLD.read_text(encoding="utf-8")), {"units": units})
    assert figures == {"units": 1.0, "counties": 1.0, "headings": 1.0, "subsections": 1.0}, misses.getvalue()
