"""What every subcommand of `reader` shares: output in the chosen language, opening the project,
argument types."""

from __future__ import annotations

import argparse
import json
import sys
import threading


class Out:
    """Writes results to stdout in the chosen language."""

    def __init__(self, lang: str):
        self.lang = lang

    def t(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en

    def line(self, text: str = "") -> None:
        sys.stdout.write(text + "\n")

    def json(self, data: object) -> None:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def common_options() -> argparse.ArgumentParser:
    """Options every subcommand takes too (so they may come before or after it)."""
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument(
        "--project",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="项目文件 / project file (default: the last project, else the demo project)",
    )
    p.add_argument(
        "--lang", choices=("zh", "en"), default=argparse.SUPPRESS, help="消息语言 / language of messages"
    )
    return p


def _whole_number(what: str, minimum: int):
    """An argparse type: an integer not below `minimum` (else a usage error naming `what`)."""

    def parse(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            n = minimum - 1
        if n < minimum:
            raise argparse.ArgumentTypeError(f"not {what}: {value}")
        return n

    return parse


unit_id = _whole_number("a unit id", 1)
offset = _whole_number("an offset", 0)


def open_for(args: argparse.Namespace, create: bool = False):
    """The project named by --project (remembered as the last one), else the default project."""
    from reader.core import project as paths
    from reader.core.store.db import open_project

    given = getattr(args, "project", None)
    if given:
        project = open_project(given, create=create)
        paths.remember_project(given)
        return project
    return open_project(paths.default_project(), create=False)


def short(text: str, n: int = 40) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= n else text[: n - 1] + "…"


def main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()
