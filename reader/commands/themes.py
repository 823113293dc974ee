"""`reader themes`."""

from __future__ import annotations

import argparse

from reader.commands.base import Out, open_for

NAME = "themes"


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "themes",
        parents=[common],
        help="编码表（主题）/ the codebook of themes",
        description="List themes (the default), or add, rename, delete, merge or move one. A theme is "
        "named by its name, or by a path 父主题/子主题 when the name is not unique.",
    )
    tsub = p.add_subparsers(dest="action", metavar="ACTION")
    t = tsub.add_parser("list", parents=[common], help="列出主题 / list themes")
    t.add_argument("--json", action="store_true", help="JSON output")
    t = tsub.add_parser("add", parents=[common], help="新增主题 / add a theme")
    t.add_argument("name", metavar="NAME")
    t.add_argument("--parent", metavar="P", help="上级主题 / parent theme")
    t.add_argument("--colour", "--color", metavar="C", help="颜色 #rrggbb / colour")
    t.add_argument("--shortcut", metavar="N", help="快捷键 1-9 / shortcut key 1-9")
    t.add_argument("--keywords", metavar="K1,K2", help="关键词，逗号分隔 / keywords, comma-separated")
    t = tsub.add_parser("rename", parents=[common], help="重命名 / rename a theme")
    t.add_argument("old", metavar="OLD")
    t.add_argument("new", metavar="NEW")
    t = tsub.add_parser("delete", parents=[common], help="删除主题及其子主题 / delete a theme and its children")
    t.add_argument("name", metavar="NAME")
    t = tsub.add_parser("merge", parents=[common], help="把主题 A 并入 B / merge theme A into B")
    t.add_argument("source", metavar="A")
    t.add_argument("target", metavar="B")
    t = tsub.add_parser("move", parents=[common], help="移到新的上级下 / move under another parent")
    t.add_argument("name", metavar="NAME")
    t.add_argument("--parent", metavar="P", help="新的上级（省略则为顶级）/ new parent (omit: top level)")
    t = tsub.add_parser(
        "import", parents=[common], help="从文件导入编码表（.qdc .csv .xlsx），按路径合并 / merge a codebook file by path"
    )
    t.add_argument("file", metavar="FILE")
    p.set_defaults(func=run, action=None)



def run(args: argparse.Namespace, out: Out) -> int:
    from reader.core.store import themes as th

    action = args.action or "list"
    with open_for(args, write=action != "list") as project:
        if action == "list":
            tree = th.theme_tree(project)
            counts = th.theme_counts(project)
            if getattr(args, "json", False):
                out.json({"themes": [_theme_json(t, counts) for t in tree]})
                return 0
            if not tree:
                out.line(out.t("（编码表是空的）", "(the codebook is empty)"))
            for t in tree:
                for d in t.walk():
                    _print_theme(out, d, counts)
            return 0
        if action == "add":
            parent = th.find_theme(project, args.parent).id if args.parent else None
            keywords = [k for k in (args.keywords or "").replace("，", ",").split(",") if k.strip()]
            change = th.add_theme(
                project, args.name, parent, colour=args.colour, shortcut=args.shortcut, keywords=keywords
            )
            out.line(out.t(f"已新增主题：{args.name}（编号 {change.theme_id}）", f"Added theme {args.name} (id {change.theme_id})"))
            if change.cleared_shortcut:
                lost = th.get_theme(project, change.cleared_shortcut).name
                out.line(out.t(f"快捷键 {args.shortcut} 已从“{lost}”移走。", f"Shortcut {args.shortcut} taken from {lost}."))
        elif action == "rename":
            t = th.find_theme(project, args.old)
            th.rename_theme(project, t.id, args.new)
            out.line(out.t(f"已重命名：{t.name} → {args.new}", f"Renamed {t.name} → {args.new}"))
        elif action == "delete":
            t = th.find_theme(project, args.name)
            change = th.delete_theme(project, t.id)
            out.line(
                out.t(
                    f"已删除主题 {t.name}（共 {len(change.deleted)} 个主题，移除 {change.removed_tags} 处标注）",
                    f"Deleted {t.name} ({len(change.deleted)} theme(s), {change.removed_tags} tag(s) removed)",
                )
            )
        elif action == "merge":
            a, b = th.find_theme(project, args.source), th.find_theme(project, args.target)
            change = th.merge_themes(project, a.id, b.id)
            out.line(
                out.t(
                    f"已将 {a.name} 并入 {b.name}（{change.moved_passages} 段标注转入）",
                    f"Merged {a.name} into {b.name} ({change.moved_passages} passage(s) moved)",
                )
            )
        elif action == "import":
            report = _import_codebook(project, args.file)
            out.line(
                out.t(
                    f"已导入编码表：新增 {len(report.added)} 个主题，已有 {len(report.kept)} 个（保持不变）",
                    f"Codebook imported: {len(report.added)} theme(s) added, {len(report.kept)} already there (kept)",
                )
            )
            for path in report.added:
                out.line(out.t(f"    新增 {path}", f"    added {path}"))
        elif action == "move":
            t = th.find_theme(project, args.name)
            parent = th.find_theme(project, args.parent) if args.parent else None
            th.move_theme(project, t.id, parent.id if parent else None)
            out.line(
                out.t(
                    f"已移动 {t.name} → {parent.name if parent else '顶级'}",
                    f"Moved {t.name} → {parent.name if parent else 'top level'}",
                )
            )
    return 0


def _print_theme(out: Out, t, counts: dict[int, int]) -> None:
    depth = t.path.count("/")
    key = f"[{t.shortcut}] " if t.shortcut else ""
    n = counts.get(t.id, 0)
    tail = out.t(f"  {n} 段", f"  {n} passage(s)") if n else ""
    out.line(f"{'    ' * depth}{key}{t.name}  {t.colour or ''}{tail}")


def _theme_json(t, counts: dict[int, int]) -> dict:
    return {
        "id": t.id,
        "name": t.name,
        "path": t.path,
        "colour": t.colour,
        "shortcut": t.shortcut,
        "keywords": t.keywords,
        "passages": counts.get(t.id, 0),
        "children": [_theme_json(c, counts) for c in t.children],
    }


def _import_codebook(project, file: str):
    from reader.core.export.codebook_import import import_codebook

    return import_codebook(project, file)
