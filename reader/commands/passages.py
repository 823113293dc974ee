"""`reader passages`."""

from __future__ import annotations

import argparse

from reader.commands.base import Out, county_named, open_for, short, unit_id
from reader.core.errors import NotFound

NAME = "passages"


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "passages",
        parents=[common],
        help="已标注的段落 / tagged passages",
        description="List tagged passages, optionally only those of a theme, a county or a unit. A county "
        "named by several places of the project is written with its prefecture (福州市/鼓楼区); --county unknown "
        "lists the passages of reports whose county is not known.",
    )
    p.add_argument("--json", action="store_true", help="JSON output")
    p.add_argument("--theme", metavar="T")
    p.add_argument("--county", metavar="C", help="县区（同名的写 地市/县区）/ county (a shared name as PREFECTURE/COUNTY)")
    p.add_argument("--unit", type=unit_id, metavar="ID")
    p.add_argument("--coder", action="append", metavar="NAME", help="标注人（可重复）/ coder (repeatable)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, out: Out) -> int:
    from reader.core.store import passages, themes
    from reader.core.store.coders import check_known

    with open_for(args) as project:
        theme_ids = None
        if args.theme:
            t = themes.find_theme(project, args.theme)
            theme_ids = [d.id for d in _subtree(themes.theme_tree(project), t.id)]
        records = passages.list_passages(project, unit_id=args.unit, theme_ids=theme_ids,
                                         county=county_named(project, args.county),
                                         coders=check_known(project, args.coder) if args.coder else None)
    if args.json:
        out.json({"passages": [r.to_json() for r in records]})
        return 0
    if not records:
        out.line(out.t("（没有标注的段落）", "(no passages)"))
    for r in records:
        where = " · ".join(x for x in (out.t(f"报告 {r.unit}", f"unit {r.unit}"), r.county or "", r.heading or "") if x)
        coder = f" @{r.coder}" if r.coder else ""
        out.line(f"#{r.id} [{where}] {r.start}–{r.end} 〔{'、'.join(r.theme_paths or r.themes)}〕{coder}")
        out.line(f"    「{short(r.quote, 80)}」")
        if r.note:
            out.line(out.t(f"    备注：{r.note}", f"    note: {r.note}"))
    return 0


def _subtree(tree, theme_id: int):
    """The theme and its descendants (a theme filter includes child themes)."""
    for t in tree:
        for d in t.walk():
            if d.id == theme_id:
                return list(d.walk())
    raise NotFound("theme", str(theme_id))
