"""`reader reclean`: clean documents again with the current pipeline, and the passages it could not
place (list, place, delete)."""

from __future__ import annotations

import argparse
import signal

from reader.commands.base import Out, main_thread, offset, open_for, unit_id
from reader.core.errors import Cancelled, InvalidInput

NAME = "reclean"


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "reclean",
        parents=[common],
        help="用当前的清理规则重新清理文本 / clean documents again with the current rules",
        description="Clean every document (or those given with --document) again from its kept original with "
        "the current cleaning and structure rules. Each tagged passage is found again by its quote and "
        "context (exact, then fuzzy); those that cannot be are kept as unplaced passages, never deleted. "
        "Prints one line per document and the counts placed exact / fuzzy / unplaced. --unplaced lists "
        "the unplaced passages; --place ID --unit U --start S --end E places one; --delete ID deletes one. "
        "Exit 0; 1 when a document failed.",
    )
    p.add_argument("--document", type=unit_id, action="append", metavar="ID", help="只清理这些文档 / only these documents")
    p.add_argument("--unplaced", action="store_true", help="列出待定位的标注 / list the unplaced passages")
    p.add_argument("--json", action="store_true", help="--unplaced 以 JSON 输出 / --unplaced as JSON")
    p.add_argument("--place", type=unit_id, metavar="ID", help="把待定位的标注放到 --unit/--start/--end / place one")
    p.add_argument("--delete", type=unit_id, metavar="ID", help="删除一条待定位的标注 / delete an unplaced passage")
    p.add_argument("--unit", type=unit_id, metavar="ID")
    p.add_argument("--start", type=offset, metavar="S")
    p.add_argument("--end", type=offset, metavar="E")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, out: Out) -> int:
    from reader.core.store import unplaced

    with open_for(args, write=not args.unplaced) as project:
        if args.unplaced:
            items = unplaced.list_unplaced(project)
            if args.json:
                out.json([u.to_json() for u in items])
            for u in items if not args.json else []:
                themes = "、".join(u.theme_names) or "-"
                out.line(f"{u.id}\t{u.source_name}\t{u.start}-{u.end}\t{themes}\t{u.quote}")
            return 0
        if args.delete is not None:
            item = unplaced.delete_unplaced(project, args.delete)
            out.line(out.t(f"已删除待定位的标注 {item.id}：{item.quote}", f"deleted unplaced passage {item.id}: {item.quote}"))
            return 0
        if args.place is not None:
            if args.unit is None or args.start is None or args.end is None:
                raise InvalidInput("span", "--unit --start --end")
            p = unplaced.place(project, args.place, args.unit, args.start, args.end)
            out.line(out.t(f"已放回：标注 {p.id}（报告 {p.unit_id}，{p.start}-{p.end}）：{p.quote}",
                           f"placed: passage {p.id} (unit {p.unit_id}, {p.start}-{p.end}): {p.quote}"))
            return 0
        return _reclean(project, args, out)


def _reclean(project, args: argparse.Namespace, out: Out) -> int:
    from reader.core.ingest.reclean import CHANGED, FAILED, SKIPPED, UNCHANGED, reclean
    from reader.core.messages import describe
    from reader.core.progress import CancelToken

    token = CancelToken()
    previous = signal.getsignal(signal.SIGINT)
    in_main_thread = main_thread()
    if in_main_thread:
        signal.signal(signal.SIGINT, lambda signum, frame: token.cancel())
    try:
        report = reclean(project, args.document, cancel=token)
    finally:
        if in_main_thread:
            signal.signal(signal.SIGINT, previous)
    words = {
        CHANGED: ("已重新清理", "recleaned"),
        UNCHANGED: ("无变化", "unchanged"),
        SKIPPED: ("跳过（交换文件的原文）", "skipped (text of an exchange file)"),
    }
    for d in report.documents:
        if d.status == FAILED:
            out.line(out.t(f"失败    {d.name}：", f"failed  {d.name}: ") + describe(d.error, out.lang))
            continue
        zh, en = words[d.status]
        out.line(out.t(f"{zh}  {d.name}：精确 {d.exact}，近似 {d.fuzzy}，待定位 {d.unplaced}",
                       f"{en}  {d.name}: exact {d.exact}, fuzzy {d.fuzzy}, unplaced {d.unplaced}"))
    out.line(out.t(
        f"共 {len(report.documents)} 个文档：标注精确找回 {report.exact} 段，近似找回 {report.fuzzy} 段，"
        f"待定位 {report.unplaced} 段（reader reclean --unplaced 查看）。",
        f"{len(report.documents)} document(s): passages placed exact {report.exact}, fuzzy {report.fuzzy}, "
        f"unplaced {report.unplaced} (see reader reclean --unplaced).",
    ))
    if report.alignment_rows:
        out.line(out.t(f"章节已重新识别，已保存的对齐有 {report.alignment_rows} 行失去了章节：请重新运行 reader align。",
                       f"Sections were found anew; {report.alignment_rows} row(s) of the stored alignment lost "
                       "sections: run reader align again."))
    if report.cancelled:
        raise Cancelled()
    return 1 if report.with_status(FAILED) else 0
