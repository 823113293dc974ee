"""The README keeps its two commands, names every subcommand, and every subcommand has --help."""

from __future__ import annotations

import re

import pytest

from reader.cli import SUBCOMMANDS, build_parser, main
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
RUN = "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/reader"
TEST = "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest"


def quick_start() -> list[str]:
    section = README.split("<!-- quick-start -->")[1].split("<!-- /quick-start -->")[0]
    return re.findall(r"^(?:\$ )?(python3 .+)$", section, flags=re.M)


def test_readme_has_exactly_the_two_commands():
    assert quick_start() == [RUN, TEST]


def test_ci_uses_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -e '.[test]'" in ci and "python -m pytest" in ci


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_readme_documents_every_subcommand(command):
    assert re.search(rf"`reader {command}\b", README), command


def test_subcommands_match_the_parser():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    assert set(sub.choices) == set(SUBCOMMANDS)


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_every_subcommand_has_help(command, capsys):
    with pytest.raises(SystemExit) as e:
        main([command, "--help"])
    assert e.value.code == 0
    assert f"reader {command}" in capsys.readouterr().out


def test_readme_documents_exit_codes():
    assert "exit" in README.lower() and "退出码" in README
