"""`reader tag`."""

from __future__ import annotations

import argparse

from reader.commands.base import Out, offset, open_for, short, unit_id

NAME = "tag"


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "tag",
        parents=[common],
        help="标注一段文字 / tag a passage",
        description="Tag a passage of a unit's text with one or more themes, by offsets in the unit "
        "text (--start/--end, code points) or by quoting it (--quote; it must occur exactly once).",
    )
    p.add_argument("--unit", type=unit_id, required=True, metavar="ID")
    p.add_argument("--start", type=offset, metavar="S")
    p.add_argument("--end", type=offset, metavar="E")
    p.add_argument("--quote", metavar="TEXT")
    p.add_argument("--theme", action="append", required=True, metavar="NAME", help="可重复 / repeatable")
    p.add_argument("--note", default="", metavar="TEXT")
    p.add_argument("--coder", metavar="NAME", help="标注人 / coder (default: the user name)")
    p.set_defaults(func=run)



def run(args: argparse.Namespace, out: Out) -> int:
    from reader.core.errors import InvalidInput
    from reader.core.store import passages, themes

    by_offsets = args.start is not None or args.end is not None
    if by_offsets == (args.quote is not None) or (by_offsets and (args.start is None or args.end is None)):
        given = [f"--start {args.start}" if args.start is not None else "", f"--end {args.end}" if args.end is not None else "",
                 "--quote" if args.quote is not None else ""]
        raise InvalidInput("offsets_or_quote", " ".join(g for g in given if g) or "—")
    with open_for(args, write=True) as project:
        theme_ids = [themes.find_theme(project, name).id for name in args.theme]
        if args.quote is not None:
            p = passages.tag_quote(project, args.unit, args.quote, theme_ids, note=args.note, coder=args.coder)
        else:
            p = passages.tag(project, args.unit, args.start, args.end, theme_ids, note=args.note, coder=args.coder)
    out.line(
        out.t(
            f"已标注 #{p.id}：报告 {p.unit_id} {p.start}–{p.end}「{short(p.quote)}」→ {'、'.join(args.theme)}",
            f"Tagged #{p.id}: unit {p.unit_id} {p.start}–{p.end} “{short(p.quote)}” → {', '.join(args.theme)}",
        )
    )
    return 0
