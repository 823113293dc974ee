"""`reader timeline`: the first year each county used a phrase or a theme, and how many counties
used it each year (reader.core.analysis.diffusion)."""

from __future__ import annotations

import argparse

from reader.commands.base import Out, open_for

NAME = "timeline"


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "timeline",
        parents=[common],
        help="扩散：各县区首次使用的年份 / diffusion: the year each county first used a phrase or theme",
        description="For a phrase (every exact occurrence) or a theme (--theme: its tagged passages and "
        "those of its sub-themes): how many counties used it each year, for the first time and by "
        "then, and each county's first use (its report and where in it). Reports without a county or "
        "a year are counted apart.",
    )
    p.add_argument("phrase", metavar="PHRASE", nargs="?")
    p.add_argument("--theme", metavar="T", help="主题（名称或 上级/下级）/ a theme instead of a phrase")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, out: Out) -> int:
    from reader.core.analysis.diffusion import diffusion, fill_spans

    with open_for(args) as project:
        result = diffusion(project, phrase=args.phrase, theme=args.theme)
        fill_spans(project, result)
    if args.json:
        out.json(result.to_json())
        return 0
    out.line(out.t(
        f"“{result.query}”：{result.counties} 个县区、{result.reports} 篇报告使用"
        + (f"（另有 {result.undated} 篇没有年份，{result.unplaced} 篇没有县区）" if result.undated or result.unplaced else ""),
        f"'{result.query}': used by {result.counties} counties in {result.reports} reports"
        + (f" ({result.undated} more without a year, {result.unplaced} without a county)" if result.undated or result.unplaced else ""),
    ))
    out.line(out.t("年份  报告县区  使用  首次  累计", "year  reporting  using  new  by then"))
    for r in result.years:
        out.line(f"{r.year}  {r.reporting:9d}  {r.using:5d}  {r.new:4d}  {r.cumulative:5d}")
    if result.first_uses:
        out.line(out.t("各县区首次使用：", "First use in each county:"))
    for u in result.first_uses:
        where = " ".join(x for x in (u.province, u.prefecture) if x)
        out.line(f"{u.year}  {u.county}（{where}）  " + out.t(f"报告 {u.unit} {u.start}–{u.end}", f"unit {u.unit} {u.start}–{u.end}"))
    return 0
