"""`reader search`."""

from __future__ import annotations

import argparse

from reader.commands.base import Out, limit, open_for

NAME = "search"


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "search",
        parents=[common],
        help="全文检索 / full-text search",
        description="Find every exact occurrence of QUERY (two-character words such as 代表 too). "
        "Prints the total and the first hits with unit, section and offsets in the unit text.",
    )
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.add_argument("--limit", type=limit, default=20, metavar="N", help="最多显示 N 处 / show at most N hits")
    p.set_defaults(func=run)



def run(args: argparse.Namespace, out: Out) -> int:
    from reader.core.search import search

    with open_for(args) as project:
        result = search(project, args.query, limit=args.limit)
    if args.json:
        out.json({"query": result.query, "total": result.total, "hits": [h.to_json() for h in result.hits]})
        return 0
    shown = len(result.hits)
    if result.total == 0:
        out.line(out.t(f"没有找到“{result.query}”。", f"No occurrences of '{result.query}'."))
        return 0
    out.line(
        out.t(
            f"“{result.query}”共 {result.total} 处" + (f"，显示前 {shown} 处" if shown < result.total else "") + "：",
            f"'{result.query}': {result.total} occurrence(s)" + (f", first {shown} shown" if shown < result.total else "") + ":",
        )
    )
    for h in result.hits:
        where = " · ".join(x for x in (out.t(f"报告 {h.unit}", f"unit {h.unit}"), h.county or "", h.heading or "") if x)
        out.line(f"[{where}] {h.start}–{h.end}")
        out.line(f"    {h.snippet}")
    return 0
