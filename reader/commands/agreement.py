"""`reader agreement`."""

from __future__ import annotations

import argparse

from reader.commands.base import Out, min_overlap, open_for, unit_id

NAME = "agreement"


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "agreement",
        parents=[common],
        help="编码一致性 / intercoder agreement",
        description="Measure how alike two or more coders tagged the same reports, per theme and over all "
        "themes: characters (every character of the reports coded or not by each coder: agreement, Cohen's "
        "κ and the counts both / only A / only B / neither), reports (whether each coder used the theme in "
        "a report) and segments (MAXQDA's rule: a passage is matched when the other coder has one of the "
        "same theme overlapping it by at least --min-overlap per cent of the longer, default 90). With more "
        "than two coders: every pair, and Fleiss' κ for all of them. Without --unit, the reports every coder "
        "tagged; without --theme, the themes they used there. κ is printed as undefined (not 0 or 1) when "
        "chance agreement is 1. --out writes the table and the disagreements (.xlsx, or .csv and "
        "<name>-分歧.csv beside it).",
    )
    p.add_argument("--coders", nargs="+", required=True, metavar="NAME", help="两个或更多标注人 / two or more coders")
    p.add_argument("--theme", action="append", default=[], metavar="NAME", help="主题（可重复）/ theme (repeatable)")
    p.add_argument("--unit", action="append", default=[], type=unit_id, metavar="ID", help="报告（可重复）/ unit (repeatable)")
    p.add_argument("--min-overlap", type=min_overlap, default=90, metavar="N",
                   help="段落匹配所需的重合百分比 / per cent of overlap a segment needs (default 90)")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.add_argument("--out", metavar="FILE", help="写出表格 .xlsx 或 .csv / write the tables to .xlsx or .csv")
    p.add_argument("--force", action="store_true", help="覆盖已有文件 / replace existing files")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, out: Out) -> int:
    from itertools import combinations

    from reader.core.store.themes import find_theme
    from reader.core.team.agreement import agreement
    from reader.core.team.disagreements import review
    from reader.core.team.tables import write_tables

    with open_for(args) as project:
        theme_ids = [find_theme(project, name).id for name in args.theme] or None
        units = args.unit or None
        result = agreement(project, args.coders, theme_ids=theme_ids, unit_ids=units, min_overlap=args.min_overlap)
        reviews = [review(project, a, b, theme_ids=theme_ids, unit_ids=units, min_overlap=args.min_overlap)
                   for a, b in combinations(result.coders, 2)]
        written = write_tables(project, result, reviews, args.out, force=args.force, lang=out.lang) if args.out else None
    if args.json:
        out.json(result.to_json())
    else:
        _print(out, result, reviews)
    if written is not None:
        out.line(out.t(f"已写出：{'、'.join(map(str, written.paths))}", f"Wrote {', '.join(map(str, written.paths))}"))
    return 0


def _print(out: Out, result, reviews) -> None:
    from reader.core.messages import kappa_reading
    from reader.core.store.coders import coder_label
    from reader.core.team.agreement import reading

    def pct(v):
        return "—" if v is None else f"{100 * v:.1f}%"

    def kappa(v):
        return kappa_reading(None, out.lang) if v is None else f"{v:.3f} {kappa_reading(reading(v), out.lang)}"

    out.line(out.t(f"{len(result.units)} 篇报告；段落匹配要求重合 {result.min_overlap}%",
                   f"{len(result.units)} report(s); a segment matches at {result.min_overlap}% overlap"))
    for pair, rv in zip(result.pairs, reviews, strict=True):
        a, b = (coder_label(c, out.lang) for c in pair.coders)
        out.line("")
        out.line(f"{a} × {b}")
        out.line(out.t("  主题 | 字符：一致率 κ | 报告：一致率 κ | 段落一致率",
                       "  theme | characters: agreement κ | reports: agreement κ | segments"))
        for f in [*pair.themes, pair.overall]:
            seg = "—" if f.segments.percent is None else f"{f.segments.percent:.1f}%"
            name = f.theme or out.t("（全部主题）", "(all themes)")
            out.line(f"  {name} | {pct(f.characters.agreement)} {kappa(f.characters.kappa)} | "
                     f"{pct(f.reports.agreement)} {kappa(f.reports.kappa)} | {seg}")
        out.line(out.t(f"  分歧 {len(rv.disagreements)} 处（视图 ▸ 编码一致性 中逐一查看和定稿）",
                       f"  {len(rv.disagreements)} disagreement(s) (review and settle them in View ▸ Coder agreement)"))
    if result.group_overall is not None:
        g = result.group_overall
        out.line("")
        out.line(out.t(f"全体 {len(result.coders)} 人（Fleiss κ）：字符 {kappa(g.characters.kappa)}；报告 {kappa(g.reports.kappa)}",
                       f"All {len(result.coders)} coders (Fleiss' κ): characters {kappa(g.characters.kappa)}; "
                       f"reports {kappa(g.reports.kappa)}"))
