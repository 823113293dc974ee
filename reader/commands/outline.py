"""`reader outline`."""

from __future__ import annotations

import argparse

from reader.commands.base import Out, county_named, open_for
from reader.core.messages import unknown_county

NAME = "outline"


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "outline",
        parents=[common],
        help="报告与章节目录 / units and their sections",
        description="Units (one county's report each) with their section trees. Offsets are relative "
        "to the unit text (`reader text --unit ID`). --county: one place; a name several places of the "
        "project share is written with its prefecture (福州市/鼓楼区); unknown: reports whose county is not known.",
    )
    p.add_argument("--json", action="store_true", help="JSON output")
    p.add_argument("--county", help="只看某县区（同名的写 地市/县区）/ only this county (a shared name as PREFECTURE/COUNTY)")
    p.set_defaults(func=run)



def _place(u) -> str:
    where = "".join(x for x in (u.province, u.prefecture) if x)
    return f"{u.county}（{where}）" if u.county and where else (u.county or "")


def run(args: argparse.Namespace, out: Out) -> int:
    from reader.core.store.documents import outline

    with open_for(args) as project:
        units = outline(project, county=county_named(project, args.county))
    if args.json:
        out.json({"units": [_unit_json(u) for u in units]})
        return 0
    if not units:
        out.line(out.t("（没有报告）", "(no units)"))
    for u in units:
        bits = [
            out.t(f"报告 {u.id}", f"unit {u.id}"),
            _place(u) or unknown_county(out.lang),
            str(u.year or ""),
            u.author or "",
            f"《{u.title}》" if u.title else "",
            u.source,
        ]
        out.line(" · ".join(b for b in bits if b))
        for s in u.sections:
            _print_section(out, s, 1)
    return 0


def _print_section(out: Out, s, depth: int) -> None:
    out.line(f"{'    ' * depth}§{s.id} {s.heading}  [{s.start}–{s.end}]")
    for c in s.children:
        _print_section(out, c, depth + 1)


def _section_json(s) -> dict:
    return {
        "id": s.id,
        "heading": s.heading,
        "level": s.level,
        "kind": s.kind,
        "start": s.start,
        "end": s.end,
        "heading_end": s.heading_end,
        "children": [_section_json(c) for c in s.children],
    }


def _unit_json(u) -> dict:
    return {
        "id": u.id,
        "document": u.document_id,
        "source": u.source,
        "county": u.county,
        "province": u.province,
        "prefecture": u.prefecture,
        "county_code": u.county_code,
        "title": u.title,
        "author": u.author,
        "office": u.office,
        "year": u.year,
        "method": u.method,
        "length": u.length,
        "sections": [_section_json(s) for s in u.sections],
    }
