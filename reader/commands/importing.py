"""`reader import`."""

from __future__ import annotations

import argparse
import signal

from reader.commands.base import Out, main_thread, open_for
from reader.core.errors import Cancelled, NothingToImport
from reader.core.messages import describe, describe_skipped, unknown_county

NAME = "import"


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "import",
        parents=[common],
        help="导入文件或文件夹 / import files or folders",
        description="Import files (.txt .md .docx .doc .rtf .html .htm .mht .mhtml .pdf; pictures .png .jpg .jpeg .tif .tiff .webp, "
        "read by OCR; REFI-QDA .qdpx projects and .qdc codebooks) and folders (recursively; the page "
        "pictures of one folder are one report, in the natural order of their names) into the project, "
        "creating it if needed. One line per file, then a summary. Exit 0 when every file "
        "was imported or already present; 1 when any failed (the others are still imported).",
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--ocr", choices=("never", "auto", "always"), default="auto",
                   help="文字识别：never 不识别；auto 只识别没有文字层的页（默认）；always 识别每一页 / OCR: never; "
                   "auto (default): pages without a usable text layer, and pictures; always: every page")
    p.add_argument("--skip-copies", action="store_true",
                   help="同一报告的另一格式副本（内容相同）不保留 / remove a report just imported whose text is that "
                   "of a report already in the project from a file of another format (a .docx and the .txt "
                   "copied from it); without it each such copy is named and kept")
    p.set_defaults(func=run, create=True)



def _ocr_progress(out: Out):
    """Pages read by OCR: one line each on stderr while a scan is read, in a terminal (a script that
    reads stderr sees only the errors)."""
    import sys

    if not sys.stderr.isatty():
        return None

    def on_page(name: str, page: int, pages: int, text: str) -> None:
        print(out.t(f"  文字识别 {name}：第 {page}/{pages} 页", f"  OCR {name}: page {page}/{pages}"),
              file=sys.stderr, flush=True)

    return on_page


def run(args: argparse.Namespace, out: Out) -> int:
    from reader.core.ingest.importing import collect, import_paths
    from reader.core.progress import CancelToken

    if not collect(args.paths):
        raise NothingToImport(" ".join(args.paths))
    token = CancelToken()
    previous = signal.getsignal(signal.SIGINT)

    def on_interrupt(signum: int, frame: object) -> None:
        token.cancel()

    in_main_thread = main_thread()
    if in_main_thread:
        signal.signal(signal.SIGINT, on_interrupt)
    try:
        with open_for(args, create=True, write=True) as project:
            report = import_paths(project, args.paths, cancel=token, ocr_mode=args.ocr,
                                  on_page=_ocr_progress(out))
            copies = _copies(project, report, skip=args.skip_copies)
    finally:
        if in_main_thread:
            signal.signal(signal.SIGINT, previous)
    for item in report.items:
        if item.status == "imported":
            counties = "、".join(u.county or unknown_county(out.lang) for u in item.units)
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
        if item.exchange is not None:
            _exchange_line(out, item.exchange)
    for t in copies:
        out.line(
            out.t(
                f"同文    {t.source}：与已导入的 {t.same_as_source}（报告 {t.same_as}）内容相同"
                + ("，已删除这份副本" if args.skip_copies else "；加 --skip-copies 可不保留"),
                f"same text  {t.source}: as {t.same_as_source} (unit {t.same_as}), imported before"
                + ("; this copy removed" if args.skip_copies else "; --skip-copies would not keep it"),
            )
        )
    removed = len(copies) if args.skip_copies else 0
    units = sum(len(i.units) for i in report.imported) - removed
    out.line(
        out.t(
            f"共 {report.total} 个文件：导入 {len(report.imported)} 个（{units} 篇报告），"
            f"已存在 {len(report.duplicates)} 个，失败 {len(report.failed)} 个"
            + (f"，删除副本 {removed} 篇" if removed else "") + "。",
            f"{report.total} file(s): {len(report.imported)} imported ({units} units), "
            f"{len(report.duplicates)} already present, {len(report.failed)} failed"
            + (f", {removed} cop{'y' if removed == 1 else 'ies'} removed" if removed else "") + ".",
        )
    )
    if report.cancelled:
        raise Cancelled()
    return 1 if report.failed else 0


def _copies(project, report, skip: bool) -> list:
    """The reports just imported that are the same report as one imported before from a file of
    another format (reader.core.ingest.twins); removed with --skip-copies."""
    from reader.core.ingest import twins

    new = [u.id for item in report.imported for u in item.units]
    found = twins.same_text(project, new) if new else []
    if skip and found:
        twins.skip_copies(project, found)
    return found


def _exchange_line(out: Out, ex) -> None:
    """What a .qdpx/.qdc brought: themes added and kept, passages, what was skipped."""
    out.line(
        out.t(
            f"        主题：新增 {len(ex.themes.added)} 个，已有 {len(ex.themes.kept)} 个；标注 {ex.passages} 段"
            + (f"（{len(ex.themes.recoloured)} 个采用了文件中的颜色）" if ex.themes.recoloured else "")
            + (f"；{ex.duplicates} 篇报告已存在" if ex.duplicates else "")
            + (f"；跳过 {len(ex.skipped)} 项" if ex.skipped else ""),
            f"        themes: {len(ex.themes.added)} added, {len(ex.themes.kept)} kept; {ex.passages} passage(s)"
            + (f" ({len(ex.themes.recoloured)} took the file's colour)" if ex.themes.recoloured else "")
            + (f"; {ex.duplicates} report(s) already present" if ex.duplicates else "")
            + (f"; {len(ex.skipped)} item(s) skipped" if ex.skipped else ""),
        )
    )
    for what in ex.skipped:  # every one: a selection dropped is a coding lost
        text = describe_skipped(what, out.lang)
        out.line(out.t(f"        跳过：{text}", f"        skipped: {text}"))
