"""`reader text`."""

from __future__ import annotations

import argparse
import sys

from reader.commands.base import Out, open_for, unit_id

NAME = "text"


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "text",
        parents=[common],
        help="打印一篇报告的全文 / print a unit's text",
        description="Print the unit's cleaned text exactly (all offsets refer to it), or with "
        "--original the span of the original file it was cleaned from.",
    )
    p.add_argument("--unit", type=unit_id, required=True, metavar="ID")
    p.add_argument("--original", action="store_true", help="原文（清理前）/ the original text")
    p.set_defaults(func=run)



def run(args: argparse.Namespace, out: Out) -> int:
    from reader.core.store.documents import unit_original_text, unit_text
    from reader.core.visible import visible

    with open_for(args) as project:
        text = unit_original_text(project, args.unit) if args.original else unit_text(project, args.unit)
    sys.stdout.write(visible(text))  # the unit text, character for character: offsets elsewhere index into it
    sys.stdout.flush()
    return 0
