"""`reader merge`."""

from __future__ import annotations

import argparse

from reader.commands.base import Out, open_for

NAME = "merge"


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "merge",
        parents=[common],
        help="合并队友的项目副本 / merge a teammate's copy of the project",
        description="Merge a teammate's copy of the project (a .renda file, or a REFI-QDA .qdpx exported from "
        "it or from another tool) into this one. Reports are matched by their text, themes by their path in "
        "the codebook; passages come in under their coder with their notes and times, and two coders' passages "
        "on the same span stay apart. A theme the teammate renamed or moved must be mapped onto ours (--map "
        "OURS=THEIRS) or added as a new theme (--add-theme THEIRS) before anything is written; such decisions "
        "are remembered for the next merge. Reports only the copy has are listed, and imported with "
        "--new-reports. The project is backed up first (reason before-merge) and the merge is one "
        "transaction; merging the same copy twice adds nothing.",
    )
    p.add_argument("other", metavar="OTHER", help="队友的 .renda 或 .qdpx / the teammate's .renda or .qdpx")
    p.add_argument("--map", action="append", default=[], metavar="OURS=THEIRS",
                   help="把对方改名或移动过的主题对应到本项目的主题 / map a theme the teammate renamed or moved onto ours")
    p.add_argument("--add-theme", action="append", default=[], metavar="THEIRS",
                   help="把对方的这个主题作为新主题加入 / add the teammate's theme as a new one")
    p.add_argument("--new-reports", action="store_true",
                   help="同时导入只在对方项目中的报告 / also import the reports only the copy has")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(func=run)


def mapping(args: argparse.Namespace) -> dict[str, str | None]:
    """{their path: our path, or None for a new theme} from --map OURS=THEIRS and --add-theme THEIRS."""
    from reader.core.errors import InvalidInput

    out: dict[str, str | None] = {}
    for item in args.map:
        ours, sep, theirs = item.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise InvalidInput("theme_map", item)
        out[theirs.strip()] = ours.strip()
    for theirs in args.add_theme:
        out[theirs.strip()] = None
    return out


def run(args: argparse.Namespace, out: Out) -> int:
    from reader.core.store.coders import coder_label
    from reader.core.team.merge import apply_merge, plan_merge

    with open_for(args, write=True) as project:
        plan = plan_merge(project, args.other, mapping(args))
        result = apply_merge(project, plan, [o.key for o in plan.offered] if args.new_reports else ())
    if args.json:
        data = result.to_json()
        data["offered"] = [{"document": o.name, "reports": len(o.reports), "passages": o.passages}
                           for o in plan.offered] if not args.new_reports else []
        out.json(data)
        return 0
    coders = "、".join(f"{coder_label(c, out.lang)} {n}" for c, n in sorted(result.by_coder.items()))
    name = result.path.name
    out.line(out.t(
        f"已合并 {name}：新增 {result.passages} 段标注" + (f"（{coders}）" if coders else "")
        + f"，{result.already} 段已在项目中；新增主题 {len(result.themes_added)} 个；导入报告 {len(result.units)} 篇。",
        f"Merged {name}: {result.passages} passage(s) added" + (f" ({coders})" if coders else "")
        + f", {result.already} already here; {len(result.themes_added)} theme(s) added; "
        f"{len(result.units)} report(s) imported.",
    ))
    for path in result.themes_added:
        out.line(out.t(f"  新主题：{path}", f"  new theme: {path}"))
    if plan.offered and not args.new_reports:
        out.line(out.t(
            f"只在对方项目中的报告 {sum(len(o.reports) for o in plan.offered)} 篇，其 {result.left_out} 段标注未合并"
            "（加 --new-reports 一并导入）：",
            f"{sum(len(o.reports) for o in plan.offered)} report(s) only the copy has; their {result.left_out} "
            "passage(s) were not merged (--new-reports imports them):",
        ))
        for o in plan.offered:
            out.line(f"  {o.name}")
    if plan.differing:
        out.line(out.t(
            f"{plan.differing} 篇报告的文字与本项目的不同（清理规则不同？），其标注未合并。",
            f"{plan.differing} report(s) have a text that differs from ours (cleaned by other rules?); their "
            "passages were not merged.",
        ))
    if result.backup is not None:
        out.line(out.t(f"合并前的备份：{result.backup.path}", f"Backed up first: {result.backup.path}"))
    return 0
