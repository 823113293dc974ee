"""Which runs change the project a plain `reader` opens next: opening the window on a project does
(and so does opening or creating one in it); a command-line run with --project (an outline, an
import, a screenshot) does not. And a screenshot never waits for input: not even when the project
is open in another window, which used to put up an invisible read-only warning and hang."""

from __future__ import annotations

import os
import subprocess
import sys

from reader import cli
from reader.core import paths
from tests.conftest import ROOT, SAMPLES


def test_command_line_runs_leave_the_remembered_project(sample_project_path, tmp_path, capsys):
    remembered = tmp_path / "remembered.renda"
    assert cli.main(["import", str(SAMPLES[0]), "--project", str(remembered)]) == 0
    paths.remember_project(remembered)  # as if the window had opened it
    assert cli.main(["outline", "--project", str(sample_project_path)]) == 0
    assert cli.main(["search", "代表", "--project", str(sample_project_path)]) == 0
    assert cli.main(["import", str(SAMPLES[1]), "--project", str(tmp_path / "new.renda")]) == 0
    capsys.readouterr()
    assert paths.last_project() == remembered.resolve()
    # and a plain subcommand without --project uses the remembered one
    assert cli.main(["outline", "--json"]) == 0
    assert "import" not in capsys.readouterr().err


def test_a_screenshot_leaves_the_remembered_project(sample_project_path, tmp_path, reader_home):
    remembered = tmp_path / "remembered.renda"
    assert cli.main(["import", str(SAMPLES[0]), "--project", str(remembered)]) == 0
    paths.remember_project(remembered)
    png = tmp_path / "shot.png"
    assert cli.main(["--screenshot", str(png), "--project", str(sample_project_path)]) == 0
    assert png.stat().st_size > 1000
    assert paths.last_project() == remembered.resolve()


def test_a_screenshot_of_a_project_open_in_another_window_does_not_wait(sample_project_path, tmp_path, reader_home):
    from reader.core.store.db import open_project

    png = tmp_path / "shot.png"
    env = {**os.environ, "READER_HOME": str(reader_home), "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    with open_project(sample_project_path, create=False) as held:  # the other window, writing
        assert not held.read_only
        r = subprocess.run([sys.executable, "-m", "reader", "--screenshot", str(png), "--project", str(sample_project_path)],
                           env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert png.stat().st_size > 1000
