"""The `reader` command line: import, outline, text, search, themes, tag, passages; without a
subcommand it opens the window.

Every offset printed or accepted (sections, search hits, passages) is relative to the unit text
that `reader text --unit ID` prints exactly.

Exit codes: 0 success; 1 a user error (one line on stderr, in Chinese when the locale is Chinese,
else English; `--lang zh|en` forces it), and for `import` when any file failed (the others are
still imported); 2 a usage error (argparse).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Callable

import reader
from reader.core.errors import Cancelled, NotFound, NothingToImport, ReaderError
from reader.core.messages import describe

DEBUG_ENV = "READER_DEBUG"


# -- language ------------------------------------------------------------------------------------


def detect_lang() -> str:
    """'zh' when the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) is Chinese, else 'en'."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    if sys.platform == "win32":
        import locale

        loc = (locale.getlocale()[0] or "").lower()
        return "zh" if loc.startswith(("zh", "chinese")) else "en"
    return "en"


class Out:
    """Writes results to stdout in the chosen language."""

    def __init__(self, lang: str):
        self.lang = lang

    def t(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en

    def line(self, text: str = "") -> None:
        sys.stdout.write(text + "\n")

    def json(self, data: object) -> None:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


# -- the parser ----------------------------------------------------------------------------------


def _common() -> argparse.ArgumentParser:
    """Options every subcommand takes too (so they may come before or after it)."""
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument(
        "--project",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="项目文件 / project file (default: the last project, else the demo project)",
    )
    p.add_argument(
        "--lang", choices=("zh", "en"), default=argparse.SUPPRESS, help="消息语言 / language of messages"
    )
    return p


def _unit_id(value: str) -> int:
    try:
        n = int(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"not a unit id: {value}") from e
    if n < 1:
        raise argparse.ArgumentTypeError(f"not a unit id: {value}")
    return n


def _offset(value: str) -> int:
    try:
        n = int(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"not an offset: {value}") from e
    if n < 0:
        raise argparse.ArgumentTypeError(f"not an offset: {value}")
    return n


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="reader",
        description="人大报告对读 Renda Reader: read, tag and compare people's congress work reports. "
        "Without a subcommand, opens the window.",
        parents=[common],
        epilog="Exit codes: 0 ok; 1 user error (or, for import, a file failed); 2 usage error.",
    )
    parser.add_argument("--version", action="version", version=f"reader {reader.__version__}")
    parser.add_argument(
        "--screenshot",
        metavar="PNG",
        help="把窗口渲染为 PNG 后退出 / render the window offscreen to a PNG file and exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "import",
        parents=[common],
        help="导入文件或文件夹 / import files or folders",
        description="Import files (.txt .md .docx .html .htm .pdf) and folders (recursively) into the "
        "project, creating it if needed. One line per file, then a summary. Exit 0 when every file "
        "was imported or already present; 1 when any failed (the others are still imported).",
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(func=cmd_import, create=True)

    p = sub.add_parser(
        "outline",
        parents=[common],
        help="报告与章节目录 / units and their sections",
        description="Units (one county's report each) with their section trees. Offsets are relative "
        "to the unit text (`reader text --unit ID`).",
    )
    p.add_argument("--json", action="store_true", help="JSON output")
    p.add_argument("--county", help="只看某县区 / only this county")
    p.set_defaults(func=cmd_outline)

    p = sub.add_parser(
        "text",
        parents=[common],
        help="打印一篇报告的全文 / print a unit's text",
        description="Print the unit's cleaned text exactly (all offsets refer to it), or with "
        "--original the span of the original file it was cleaned from.",
    )
    p.add_argument("--unit", type=_unit_id, required=True, metavar="ID")
    p.add_argument("--original", action="store_true", help="原文（清理前）/ the original text")
    p.set_defaults(func=cmd_text)

    p = sub.add_parser(
        "search",
        parents=[common],
        help="全文检索 / full-text search",
        description="Find every exact occurrence of QUERY (two-character words such as 代表 too). "
        "Prints the total and the first hits with unit, section and offsets in the unit text.",
    )
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.add_argument("--limit", type=_offset, default=20, metavar="N", help="最多显示 N 处 / show at most N hits")
    p.set_defaults(func=cmd_search)

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
    p.set_defaults(func=cmd_themes, action=None)

    p = sub.add_parser(
        "tag",
        parents=[common],
        help="标注一段文字 / tag a passage",
        description="Tag a passage of a unit's text with one or more themes, by offsets in the unit "
        "text (--start/--end, code points) or by quoting it (--quote; it must occur exactly once).",
    )
    p.add_argument("--unit", type=_unit_id, required=True, metavar="ID")
    p.add_argument("--start", type=_offset, metavar="S")
    p.add_argument("--end", type=_offset, metavar="E")
    p.add_argument("--quote", metavar="TEXT")
    p.add_argument("--theme", action="append", required=True, metavar="NAME", help="可重复 / repeatable")
    p.add_argument("--note", default="", metavar="TEXT")
    p.add_argument("--coder", metavar="NAME", help="标注人 / coder (default: the user name)")
    p.set_defaults(func=cmd_tag)

    p = sub.add_parser(
        "passages",
        parents=[common],
        help="已标注的段落 / tagged passages",
        description="List tagged passages, optionally only those of a theme, a county or a unit.",
    )
    p.add_argument("--json", action="store_true", help="JSON output")
    p.add_argument("--theme", metavar="T")
    p.add_argument("--county", metavar="C")
    p.add_argument("--unit", type=_unit_id, metavar="ID")
    p.set_defaults(func=cmd_passages)
    return parser


SUBCOMMANDS = ("import", "outline", "text", "search", "themes", "tag", "passages")


# -- main ----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _utf8_streams()
    parser = build_parser()
    args = parser.parse_args(argv)  # usage errors exit 2 here
    lang = getattr(args, "lang", None) or detect_lang()
    try:
        if args.screenshot:
            if args.command:
                parser.error("--screenshot takes no subcommand")
            from reader import app

            app.screenshot(args.screenshot, getattr(args, "project", None))
            return 0
        if not args.command:
            from reader import app

            return app.run_gui(getattr(args, "project", None))
        return args.func(args, Out(lang))
    except ReaderError as e:
        sys.stderr.write(describe(e, lang) + "\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write(("已中断。" if lang == "zh" else "Interrupted.") + "\n")
        return 130
    except Exception as e:  # a bug: one line and a hint, the traceback only on request
        if os.environ.get(DEBUG_ENV):
            raise
        sys.stderr.write(
            (
                f"内部错误：{type(e).__name__}: {e}（这是程序的问题；设置 {DEBUG_ENV}=1 可看到详细信息）"
                if lang == "zh"
                else f"Internal error: {type(e).__name__}: {e} (a bug in the program; set {DEBUG_ENV}=1 for details)"
            )
            + "\n"
        )
        return 1


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower().replace("-", "") != "utf8":
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a stream that cannot be reconfigured: leave it
                continue


def _open(args: argparse.Namespace, create: bool = False):
    """The project named by --project (remembered as the last one), else the default project."""
    from reader.core import project as paths
    from reader.core.store.db import open_project

    given = getattr(args, "project", None)
    if given:
        project = open_project(given, create=create)
        paths.remember_project(given)
        return project
    return open_project(paths.default_project(), create=False)


# -- subcommands ---------------------------------------------------------------------------------


def cmd_import(args: argparse.Namespace, out: Out) -> int:
    from reader.core.ingest import collect, import_paths
    from reader.core.progress import CancelToken

    if not collect(args.paths):
        raise NothingToImport(" ".join(args.paths))
    token = CancelToken()
    previous = signal.getsignal(signal.SIGINT)

    def on_interrupt(signum: int, frame: object) -> None:
        token.cancel()

    in_main_thread = _main_thread()
    if in_main_thread:
        signal.signal(signal.SIGINT, on_interrupt)
    try:
        with _open(args, create=True) as project:
            report = import_paths(project, args.paths, cancel=token)
    finally:
        if in_main_thread:
            signal.signal(signal.SIGINT, previous)
    for item in report.items:
        if item.status == "imported":
            counties = "、".join(u.county or out.t("未识别县区", "county unknown") for u in item.units)
            out.line(
                out.t(
                    f"已导入  {item.name}：{len(item.units)} 篇报告（{counties}）",
                    f"imported  {item.name}: {len(item.units)} unit(s) ({counties})",
                )
            )
        elif item.status == "duplicate":
            out.line(out.t(f"已存在  {item.name}（内容相同，未重复导入）", f"already imported  {item.name}"))
        else:
            out.line(out.t(f"失败    {item.name}：", f"failed  {item.name}: ") + describe(item.error, out.lang))
    units = sum(len(i.units) for i in report.imported)
    out.line(
        out.t(
            f"共 {report.total} 个文件：导入 {len(report.imported)} 个（{units} 篇报告），"
            f"已存在 {len(report.duplicates)} 个，失败 {len(report.failed)} 个。",
            f"{report.total} file(s): {len(report.imported)} imported ({units} units), "
            f"{len(report.duplicates)} already present, {len(report.failed)} failed.",
        )
    )
    if report.cancelled:
        raise Cancelled()
    return 1 if report.failed else 0


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _place(u) -> str:
    where = "".join(x for x in (u.province, u.prefecture) if x)
    return f"{u.county}（{where}）" if u.county and where else (u.county or "")


def cmd_outline(args: argparse.Namespace, out: Out) -> int:
    from reader.core.store.documents import outline

    with _open(args) as project:
        units = outline(project, county=args.county)
    if args.json:
        out.json({"units": [_unit_json(u) for u in units]})
        return 0
    if not units:
        out.line(out.t("（没有报告）", "(no units)"))
    for u in units:
        bits = [
            out.t(f"报告 {u.id}", f"unit {u.id}"),
            _place(u) or out.t("县区未识别", "county unknown"),
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
        "year": u.year,
        "method": u.method,
        "length": u.length,
        "sections": [_section_json(s) for s in u.sections],
    }


def cmd_text(args: argparse.Namespace, out: Out) -> int:
    from reader.core.store.documents import unit_original_text, unit_text

    with _open(args) as project:
        text = unit_original_text(project, args.unit) if args.original else unit_text(project, args.unit)
    sys.stdout.write(text)  # exactly the unit text: offsets elsewhere index into it
    sys.stdout.flush()
    return 0


def cmd_search(args: argparse.Namespace, out: Out) -> int:
    from reader.core.search import search

    with _open(args) as project:
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


def cmd_themes(args: argparse.Namespace, out: Out) -> int:
    from reader.core.store import themes as th

    with _open(args) as project:
        action = args.action or "list"
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


def cmd_tag(args: argparse.Namespace, out: Out) -> int:
    from reader.core.errors import InvalidInput
    from reader.core.store import passages, themes

    by_offsets = args.start is not None or args.end is not None
    if by_offsets == (args.quote is not None) or (by_offsets and (args.start is None or args.end is None)):
        raise InvalidInput("--start/--end | --quote", " ".join(filter(None, [str(args.start), str(args.end), args.quote])))
    with _open(args) as project:
        theme_ids = [themes.find_theme(project, name).id for name in args.theme]
        if args.quote is not None:
            p = passages.tag_quote(project, args.unit, args.quote, theme_ids, note=args.note, coder=args.coder)
        else:
            p = passages.tag(project, args.unit, args.start, args.end, theme_ids, note=args.note, coder=args.coder)
    out.line(
        out.t(
            f"已标注 #{p.id}：报告 {p.unit_id} {p.start}–{p.end}「{_short(p.quote)}」→ {'、'.join(args.theme)}",
            f"Tagged #{p.id}: unit {p.unit_id} {p.start}–{p.end} “{_short(p.quote)}” → {', '.join(args.theme)}",
        )
    )
    return 0


def _short(text: str, n: int = 40) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= n else text[: n - 1] + "…"


def cmd_passages(args: argparse.Namespace, out: Out) -> int:
    from reader.core.store import passages, themes

    with _open(args) as project:
        theme_ids = None
        if args.theme:
            t = themes.find_theme(project, args.theme)
            theme_ids = [d.id for d in _subtree(themes.theme_tree(project), t.id)]
        records = passages.list_passages(project, unit_id=args.unit, theme_ids=theme_ids, county=args.county)
    if args.json:
        out.json({"passages": [r.to_json() for r in records]})
        return 0
    if not records:
        out.line(out.t("（没有标注的段落）", "(no passages)"))
    for r in records:
        where = " · ".join(x for x in (out.t(f"报告 {r.unit}", f"unit {r.unit}"), r.county or "", r.heading or "") if x)
        out.line(f"#{r.id} [{where}] {r.start}–{r.end} 〔{'、'.join(r.themes)}〕")
        out.line(f"    「{_short(r.quote, 80)}」")
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


COMMANDS: dict[str, Callable[[argparse.Namespace, Out], int]] = {
    "import": cmd_import,
    "outline": cmd_outline,
    "text": cmd_text,
    "search": cmd_search,
    "themes": cmd_themes,
    "tag": cmd_tag,
    "passages": cmd_passages,
}

if __name__ == "__main__":
    raise SystemExit(main())
