"""`reader coders`."""

from __future__ import annotations

import argparse

from reader.commands.base import Out, open_for

NAME = "coders"


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "coders",
        parents=[common],
        help="标注人 / the coders of the project, and who tags here",
        description="List the coders of the project with their passages and reports; the coder passages "
        "tagged on this machine are stored under is marked. --set NAME makes NAME that coder, for the window "
        "and the command line (kept in the config folder, not in the project: a copy sent to a teammate "
        "takes the teammate's name). Default: the user name.",
    )
    p.add_argument("--set", metavar="NAME", help="设定本机的标注人 / set who tags on this machine")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, out: Out) -> int:
    from reader.core.store.coders import coder_label, current_coder, list_coders, set_current_coder

    if args.set is not None:
        name = set_current_coder(args.set)
        out.line(out.t(f"本机的标注人：{name}", f"Coder on this machine: {name}"))
        return 0
    with open_for(args) as project:
        coders = list_coders(project)
    me = current_coder()
    if args.json:
        out.json({"current": me, "coders": [c.to_json() for c in coders]})
        return 0
    out.line(out.t(f"本机的标注人：{me}", f"Coder on this machine: {me}"))
    if not coders:
        out.line(out.t("（还没有标注）", "(no passages yet)"))
    for c in coders:
        mark = "*" if c.name == me else " "
        out.line(out.t(f"{mark} {coder_label(c.name, out.lang)}：{c.passages} 段，{c.units} 篇报告",
                       f"{mark} {coder_label(c.name, out.lang)}: {c.passages} passage(s) in {c.units} report(s)"))
    return 0
