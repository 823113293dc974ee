"""`reader restore`."""

from __future__ import annotations

import argparse

from reader.commands.base import Out, project_path_for

NAME = "restore"


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "restore",
        parents=[common],
        help="列出备份，或用一个备份恢复项目 / list the backups, or put one back",
        description="Without BACKUP: list the project's backups, newest first, numbered. With BACKUP "
        "(its number in that list, or its file name): replace the project with that backup. The current "
        "file is backed up first (reason before-restore), so a restore can itself be undone. The project "
        "must not be open in a window or another program. Works on a damaged project too: it is not "
        "opened, only replaced.",
    )
    p.add_argument("backup", nargs="?", metavar="BACKUP", help="编号或文件名 / number or file name")
    p.add_argument("--json", action="store_true", help="以 JSON 列出 / list as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, out: Out) -> int:
    from reader.core.messages import backup_reason
    from reader.core.store import backups
    from reader.core.store.backups import size_text
    from reader.core.store.restore import restore

    path = project_path_for(args)
    if args.backup is None:
        found = backups.list_backups(path)
        if args.json:
            out.json([b.to_json() for b in found])
            return 0
        if not found:
            out.line(out.t(f"没有备份：{backups.backup_dir(path)}", f"No backups in {backups.backup_dir(path)}"))
            return 0
        for n, b in enumerate(found, 1):
            reason = backup_reason(b.reason, out.lang)
            out.line(f"{n:>3}  {b.created:%Y-%m-%d %H:%M:%S}  {size_text(b.size):>8}  {reason:<8}  {b.name}")
        return 0
    chosen = backups.find_backup(path, args.backup)
    saved = restore(path, chosen)
    out.line(out.t(f"已用 {chosen.name} 恢复：{path}", f"Restored {path} from {chosen.name}"))
    if saved is not None:
        out.line(out.t(f"恢复前的文件已备份为 {saved.name}", f"The file as it was is kept as {saved.name}"))
    return 0
