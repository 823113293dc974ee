"""The development set of real reports of other shapes (shared/corpus/real-dev), read and aligned
through the command line and scored by shared/tools/score_by_source.py, as the program is judged on
reports it has not seen. The bars are issue 12's."""

from __future__ import annotations

import pytest

from tests.core import real_dev

OUTLINE_BARS = {"units": 1.0, "counties": 1.0, "years": 1.0, "headings": 0.98, "headings_precision": 0.98}


@pytest.mark.parametrize("folder", real_dev.FOLDERS)
def test_real_reports_are_read_whole(folder):
    if not real_dev.available(folder):
        pytest.skip("shared corpus or scorer not available")
    figures, lines = real_dev.outline_figures(folder)
    misses = [ln for ln in lines if ln.startswith(("heading missing", "not a gold heading"))]
    for name, bar in OUTLINE_BARS.items():
        assert figures[name] >= bar, (folder, figures, misses)
    assert figures["subsections"] >= 0.95 and figures["subsections_precision"] >= 0.95, (folder, figures)


@pytest.mark.parametrize("folder", real_dev.FOLDERS)
def test_real_reports_have_their_place_and_speaker(folder):
    """A provincial report is under its province (no county from the places it mentions); the State
    Council's has no place; the byline gives the speaker wherever the copy has one."""
    if not real_dev.available(folder):
        pytest.skip("shared corpus or scorer not available")
    gold = {d["file"]: d["units"][0] for d in real_dev.gold(folder)["documents"]}
    for unit in real_dev.run(folder).outline["units"]:
        want = gold[unit["source"].replace("\\", "/").split("/")[-1]]
        assert (unit["province"], unit["prefecture"], unit["county"]) == (
            want["province"], want["prefecture"], want["county"]), unit["source"]
        if want.get("author"):
            name = want["author"].replace("\u3000", "").replace(" ", "")
            assert unit["author"] == name, unit["source"]
            lines = (real_dev.REAL_DEV / folder / unit["source"].split("/")[-1]).read_text(encoding="utf-8").split("\n")
            if name not in (ln.strip() for ln in lines):  # a byline of the name alone gives no office
                assert unit["office"], unit["source"]


@pytest.mark.parametrize("folder", real_dev.FOLDERS)
def test_real_reports_line_up_in_a_readers_rows(folder):
    """Issue 12's bar: rows precision and recall at least 0.90 against the reader's gold; every row names
    its parent (a row of parts, or null) in `reader align --json`."""
    if not real_dev.available(folder):
        pytest.skip("shared corpus or scorer not available")
    figures, lines = real_dev.align_figures(folder)
    assert figures["precision"] >= 0.90 and figures["recall"] >= 0.90, (folder, figures, lines[-25:])
    rows = real_dev.run(folder).align["rows"]
    frames = {r["key"] for r in rows if r["frame"]}
    assert frames and all("parent" in r for r in rows)
    assert {r["parent"] for r in rows if r["parent"]} <= frames
    assert set(real_dev.run(folder).align["unfit_units"]) == {m["unit"] for r in rows for m in r["members"]}
