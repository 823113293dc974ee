"""`reader align`."""

from __future__ import annotations

import argparse
import signal
import sys

from reader.commands.base import Out, correction_id, main_thread, open_for, short
from reader.core.messages import unknown_county

NAME = "align"


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "align",
        parents=[common],
        help="按主题对齐各县区的章节 / line up matching sections across reports",
        description="Align the sections of the chosen reports (all by default) into rows of matching "
        "sections, store the result in the project and print it: each row with its label, each member "
        "with county, heading and score. Criteria of different kinds narrow each other; a repeated "
        "--county or --year widens. The user's corrections are applied again on every run. With a "
        "correction option (--move, --not-match, --split, --merge, --rename, --undo) the stored rows are "
        "corrected without re-aligning. ROW is a row key (shown with --json or --keys) or its label.",
    )
    p.add_argument("--county", action="append", default=[], metavar="NAME",
                   help="只对齐这些县区（可重复；同名的写 地市/县区，如 福州市/鼓楼区；unknown：县区未识别的报告）/ "
                   "only these counties (repeatable; a shared name as PREFECTURE/COUNTY; unknown: reports whose "
                   "county is not known)")
    p.add_argument("--prefecture", metavar="NAME", help="只对齐这个地市 / only this prefecture")
    p.add_argument("--year", action="append", default=[], metavar="Y", help="只对齐这些年份，可写 2019-2022（可重复）/ only these years, or a range (repeatable)")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.add_argument("--keys", action="store_true", help="显示行的键 / show row keys")
    p.add_argument("--label", metavar="TEXT", help="--split 新行的名称 / the new row's label for --split")
    p.add_argument("--stored", action="store_true", help="显示已保存的对齐结果，不重新对齐 / show the stored result without re-aligning")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--move", nargs=2, metavar=("SECTION", "ROW"), help="把章节移到某行 / move a section into a row")
    g.add_argument("--not-match", nargs=2, metavar=("SECTION", "ROW"), help="章节不属于这一行 / the section is not a match for the row")
    g.add_argument("--split", metavar="SECTION", help="把章节单独成行（--label 命名）/ split a section off into a new row (named by --label)")
    g.add_argument("--merge", nargs=2, metavar=("ROW", "INTO"), help="把一行并入另一行 / merge a row into another")
    g.add_argument("--rename", nargs=2, metavar=("ROW", "LABEL"), help="重命名一行 / rename a row")
    g.add_argument("--undo", type=correction_id, metavar="ID", help="撤销一条修正 / take back a correction")
    g.add_argument("--corrections", action="store_true", help="列出修正 / list the corrections")
    p.set_defaults(func=run)




def run(args: argparse.Namespace, out: Out) -> int:
    from reader.core import compare

    with open_for(args, write=not (args.corrections or args.stored)) as project:
        if args.corrections:
            return _print_corrections(out, compare.list_corrections(project), args.json)
        if _correcting(args):
            change = _correct(project, args)
            if not args.json:
                _print_change(out, change, args.undo is not None)
                return 0
            comparison = compare.load_comparison(project)
        elif args.stored:
            comparison = compare.load_comparison(project)
            if comparison is None:
                from reader.core.errors import NotAligned

                raise NotAligned(str(project.path))
        else:
            selection = compare.Selection(list(args.county), args.prefecture, compare.parse_years(args.year))
            comparison = _run(project, selection, out)
    if args.json:
        out.json(comparison.to_json())
        return 0
    _print(out, comparison, args.keys)
    return 0


def _run(project, selection, out: Out):
    from reader.core import compare
    from reader.core.progress import CancelToken

    token = CancelToken()
    previous = signal.getsignal(signal.SIGINT)
    tty = sys.stderr.isatty()

    def on_interrupt(signum: int, frame: object) -> None:
        token.cancel()

    def progress(done: int, total: int, stage: str) -> None:
        if tty:
            sys.stderr.write(out.t(f"\r对齐中 {done}/{total}", f"\raligning {done}/{total}"))
            sys.stderr.flush()

    in_main_thread = main_thread()
    if in_main_thread:
        signal.signal(signal.SIGINT, on_interrupt)
    try:
        return compare.run_alignment(project, selection, progress=progress, cancel=token)
    finally:
        if tty:
            sys.stderr.write("\r\033[K")
        if in_main_thread:
            signal.signal(signal.SIGINT, previous)


def _correcting(args: argparse.Namespace) -> bool:
    return any(getattr(args, k) for k in ("move", "not_match", "split", "merge", "rename")) or args.undo is not None


def _section_id(value: str) -> int:
    from reader.core.errors import InvalidInput

    text = value.lstrip("§")
    if not (text.isascii() and text.isdigit()) or int(text) >= 2**63:
        raise InvalidInput("section", value)
    return int(text)


def _correct(project, args: argparse.Namespace):
    from reader.core import compare
    from reader.core.errors import NotAligned

    if args.undo is not None:
        return compare.remove_correction(project, args.undo)
    comparison = compare.load_comparison(project)
    if comparison is None:
        raise NotAligned(str(project.path))
    if args.move:
        return compare.move_section(project, _section_id(args.move[0]), comparison.find_row(args.move[1]).key)
    if args.not_match:
        return compare.mark_not_match(project, _section_id(args.not_match[0]), comparison.find_row(args.not_match[1]).key)
    if args.split:
        return compare.split_section(project, _section_id(args.split), args.label)
    if args.merge:
        return compare.merge_rows(project, comparison.find_row(args.merge[0]).key, comparison.find_row(args.merge[1]).key)
    return compare.rename_row(project, comparison.find_row(args.rename[0]).key, args.rename[1])


def _describe(out: Out, c) -> str:
    row, target = c.row_label or c.row_key, c.target_row_label or c.target_row_key
    return {
        "move": out.t(f"§{c.section_id} 移入“{row}”", f"§{c.section_id} moved into '{row}'"),
        "not_match": out.t(f"§{c.section_id} 不属于“{row}”", f"§{c.section_id} is not a match for '{row}'"),
        "split": out.t(f"§{c.section_id} 从“{row}”分出，成为“{target}”", f"§{c.section_id} split off '{row}' as '{target}'"),
        "merge": out.t(f"“{row}”并入“{target}”", f"'{row}' merged into '{target}'"),
        "rename": out.t(f"“{row}”改名为“{c.label}”", f"'{row}' renamed '{c.label}'"),
    }.get(c.kind, c.kind)


def _print_change(out: Out, change, undone: bool) -> None:
    verb = out.t("已撤销", "Taken back") if undone else out.t("已修正", "Corrected")
    out.line(f"{verb} #{change.correction.id}: {_describe(out, change.correction)}")
    if change.realign:
        out.line(out.t("（已保存；重新对齐后各行才完全反映：reader align）",
                       "(saved; re-align for the rows to follow fully: reader align)"))


def _print_corrections(out: Out, corrections, as_json: bool) -> int:
    if as_json:
        out.json({"corrections": [
            {"id": c.id, "kind": c.kind, "section": c.section_id, "row": c.row_key, "target_row": c.target_row_key,
             "label": c.label, "row_label": c.row_label, "target_row_label": c.target_row_label,
             "created_at": c.created_at}
            for c in corrections
        ]})
        return 0
    if not corrections:
        out.line(out.t("（没有修正）", "(no corrections)"))
    for c in corrections:
        out.line(f"#{c.id}  {_describe(out, c)}  [{c.created_at}]")
    return 0


def _print(out: Out, comparison, keys: bool) -> None:
    columns = len(comparison.columns)
    filled = [r for r in comparison.rows if r.members]
    places = {c.unit_id: c for c in comparison.columns}
    out.line(out.t(f"对齐了 {columns} 篇报告，{len(filled)} 行：", f"{columns} report(s) aligned into {len(filled)} row(s):"))
    if comparison.stale:
        out.line(out.t("（修正之后尚未重新对齐）", "(corrected since the last run: re-align to refresh)"))
    labels = {r.key: r.label for r in comparison.rows}
    for row in comparison.rows:
        if not row.members and row.is_other:
            continue
        counties = len({_place_of(places, m) for m in row.members})
        key = f"  [{row.key}]" if keys else ""
        label = out.t(row.label, "Other (not aligned)") if row.is_other else row.label
        if row.frame:
            kind = out.t("（报告的组成部分）", " (parts of reports)")
        elif row.parent in labels:
            kind = out.t(f"（属于「{labels[row.parent]}」）", f" (within “{labels[row.parent]}”)")
        else:
            kind = ""
        out.line(out.t(f"【{label}】{kind}{len(row.members)} 节，{counties} 个县区{key}",
                       f"[{label}]{kind} {len(row.members)} section(s), {counties} county(ies){key}"))
        for m in row.members:
            column = places.get(m.unit_id)
            where = (column.label if column else None) or m.county or unknown_county(out.lang)
            if m.year:
                where += f" {m.year}"
            score = out.t("用户", "user") if m.score is None else f"{m.score:.2f}"
            pin = " *" if m.pinned else ""
            out.line(f"    {where} · {short(m.heading, 30)} · {score}{pin}  §{m.section_id}")


def _place_of(places: dict, m) -> str:
    """A member's place (two of one name apart; each report without a county on its own)."""
    column = places.get(m.unit_id)
    if column is None or column.county is None:
        return f"#{m.unit_id}"
    return column.county_key
