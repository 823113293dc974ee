"""`reader export`."""

from __future__ import annotations

import argparse

from reader.commands.base import Out, open_for
from reader.core.errors import InvalidInput

NAME = "export"


def year(value: str) -> int:
    """A year from 1949 to 2200 (else a user error: InvalidInput, one line, exit 1)."""
    try:
        n = int(value)
    except ValueError as e:
        raise InvalidInput("year", value) from e
    if not 1949 <= n <= 2200:
        raise InvalidInput("year", value)
    return n


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    from reader.core.export import FORMATS
    from reader.core.export.refi.common import LINE_ENDINGS

    p = sub.add_parser(
        "export",
        parents=[common],
        help="导出标注段落或编码表 / export tagged passages or the codebook",
        description="Write the tagged passages (csv xlsx docx md html json, or a REFI-QDA project qdpx "
        "for MAXQDA, ATLAS.ti, NVivo, QualCoder) or the codebook alone (qdc codebook-csv codebook-xlsx). "
        "--theme (with its child themes), --county and --year choose passages; repeat them for several. "
        "A county named by several places of the project is written with its prefecture (福州市/鼓楼区) or "
        "province (福建省/福州市/鼓楼区); --county unknown chooses the reports whose county is not known. "
        "An existing file is only replaced with --force; the file is written whole or not at all.",
    )
    p.add_argument("--format", "-f", required=True, choices=list(FORMATS), help="格式 / format")
    p.add_argument("--out", "-o", required=True, metavar="FILE", help="输出文件 / output file")
    p.add_argument("--theme", action="append", default=[], metavar="T", help="主题（含子主题）/ theme (and its children)")
    p.add_argument("--county", action="append", default=[], metavar="C",
                   help="县区；同名的写 地市/县区，如 福州市/鼓楼区；unknown：县区未识别的报告 / county; a shared name as "
                   "PREFECTURE/COUNTY; unknown: reports whose county is not known")
    p.add_argument("--year", action="append", default=[], type=year, metavar="Y", help="年份 / year")
    p.add_argument("--coder", action="append", default=[], metavar="NAME",
                   help="只导出这些标注人的段落 / only these coders' passages")
    p.add_argument(
        "--line-endings",
        choices=LINE_ENDINGS,
        default="lf",
        help="qdpx 源文本换行：lf（ATLAS.ti、QualCoder）或 crlf（MAXQDA）/ line endings of qdpx sources",
    )
    p.add_argument("--force", action="store_true", help="覆盖已有文件 / replace an existing file")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, out: Out) -> int:
    from reader.core.export import FORMATS, Selection, export

    spec = FORMATS[args.format]
    if not spec.passages and (args.theme or args.county or args.year or args.coder):
        raise InvalidInput("--theme/--county/--year", out.t(f"{args.format} 只导出编码表", f"{args.format} is the codebook alone"))
    selection = Selection(tuple(args.theme), tuple(args.county), tuple(args.year), tuple(args.coder))
    with open_for(args) as project:
        result = export(
            project, args.format, args.out, selection, force=args.force, lang=out.lang, line_endings=args.line_endings
        )
    label = args.format
    for line in result.renamed:  # same-named themes: QDA tools key codes by name
        out.line(out.t(f"同名主题改名写出：{line}", f"Theme renamed in the file (another has its name): {line}"))
    if not spec.passages:
        out.line(out.t(f"已导出编码表（{result.themes} 个主题）→ {result.path}（{label}）",
                       f"Wrote the codebook ({result.themes} themes) to {result.path} ({label})"))
    elif args.format == "qdpx":
        out.line(out.t(
            f"已导出 {result.passages} 段标注、{result.sources} 篇报告、{result.themes} 个主题 → {result.path}"
            f"（REFI-QDA；换行 {args.line_endings.upper()}）",
            f"Wrote {result.passages} passage(s), {result.sources} report(s), {result.themes} themes to {result.path} "
            f"(REFI-QDA; {args.line_endings.upper()} line endings)",
        ))
    else:
        rows = out.t(f"，{result.rows} 行", f", {result.rows} rows") if result.rows != result.passages and args.format in ("csv", "xlsx") else ""
        out.line(out.t(f"已导出 {result.passages} 段标注{rows} → {result.path}（{label}）",
                       f"Wrote {result.passages} passage(s){rows} to {result.path} ({label})"))
    return 0
