"""`reader backup`."""

from __future__ import annotations

import argparse

from reader.commands.base import Out, open_for

NAME = "backup"


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "backup",
        parents=[common],
        help="立即备份项目 / back the project up now",
        description="Copy the project into its backups folder (<name>.backups/ beside the project file) now, "
        "with SQLite's online backup (consistent even while another window has the project open). "
        "Backups are also made once a day when the project is opened and before every upgrade of "
        "its format; `reader restore` lists them and puts one back.",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace, out: Out) -> int:
    from reader.core.store.backups import backup_now, size_text

    with open_for(args) as project:
        made = backup_now(project)
    out.line(out.t(f"已备份：{made.path}（{size_text(made.size)}）", f"Backed up: {made.path} ({size_text(made.size)})"))
    return 0
