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
        """One line of output: a character in it that would act on the terminal (a newline in a file
        name, an escape sequence, a text-direction override) is shown as a visible one."""
        from reader.core.visible import tabbed_line

        sys.stdout.write(tabbed_line(text) + "\n")

    def json(self, data: object) -> None:
        from reader.core.visible import json_safe

        sys.stdout.write(json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")


def common_options() -> argparse.ArgumentParser:
    """Options every subcommand takes too (so they may come before or after it)."""
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument(
        "--project",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="项目文件（默认：窗口上次打开的项目）/ project file (default: the project the window opened last, else the "
        "demo project; a command-line run does not change it)",
    )
    p.add_argument(
        "--lang", choices=("zh", "en"), default=argparse.SUPPRESS, help="消息语言 / language of messages"
    )
    return p


MAX_ID = 2**63 - 1  # the largest integer SQLite holds


def _whole_number(what: str, minimum: int):
    """An argparse type: an integer not below `minimum` (nor above what the project can hold).
    Anything else is a user error (InvalidInput naming `what`: one line in the chosen language,
    exit 1), not a usage error: the option was given, with a wrong value."""

    def parse(value: str) -> int:
        from reader.core.errors import InvalidInput

        try:
            n = int(value) if value.strip().isascii() else minimum - 1
        except ValueError:
            n = minimum - 1
        if not minimum <= n <= MAX_ID:
            raise InvalidInput(what, value)
        return n

    return parse


unit_id = _whole_number("unit_id", 1)
offset = _whole_number("offset", 0)
limit = _whole_number("limit", 0)
correction_id = _whole_number("correction_id", 1)
min_overlap = _whole_number("min_overlap", 1)


def county_named(project, name: str | None) -> str | None:
    """The county a --county option names, as the project spells it (新绛 → 新绛县): NotFound when
    no report has it, AmbiguousName when the start fits several; None when not given."""
    if name is None:
        return None
    from reader.core.compare.selection import Selection, resolve

    return resolve(project, Selection(counties=[name])).counties[0]


def open_for(args: argparse.Namespace, create: bool = False, write: bool = False):
    """The project named by --project, else the default project (the last one the window opened, else
    the demo). A command-line run does not change which project the window opens next: only opening
    the window does (README: "Which project").
    Without `write` the project opens for reading (no writer lock, so a window opened meanwhile is
    not kept read-only, and no backup). With `write`, a project that opens read-only (its file not
    writable, or open in another window or program) is refused at once with the reason
    (ProjectReadOnly / ProjectInUse). A big project (db.check_at_open) opened for reading is not
    read whole by SQLite's quick_check first (seconds for a decade of reports): a damaged page met
    while reading is the same ProjectDamaged (cli.main)."""
    from reader.core.store.db import check_at_open, open_project

    given = getattr(args, "project", None)
    if given:
        path = given
    else:
        from reader.core.ingest.demo import default_project  # the importer loads only when the demo is wanted

        path = default_project()
    check = write or check_at_open(path)
    if given:
        project = open_project(given, create=create, reading=not write, check=check)
    else:
        project = open_project(path, create=False, reading=not write, check=check)
    if write and project.read_only:
        project.close()
        raise project.read_only_error()
    return project


def short(text: str, n: int = 40) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= n else text[: n - 1] + "…"


def main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def project_path_for(args: argparse.Namespace):
    """The project file --project names, else the last project, else the demo project: its path
    only, nothing opened (for commands that must not open it, such as restoring a damaged one)."""
    from pathlib import Path

    from reader.core import paths

    given = getattr(args, "project", None)
    return Path(given) if given else paths.last_project() or paths.demo_project_path()
