"""The `reader` command line; without a subcommand it opens the window. The subcommands live in
reader.commands, one module each.

Every offset printed or accepted (sections, search hits, passages) is relative to the unit text
that `reader text --unit ID` prints exactly.

Exit codes: 0 success; 1 a user error (one line on stderr, in Chinese when the locale is Chinese,
else English; `--lang zh|en` forces it), and for `import` when any file failed (the others are
still imported); 2 a usage error (argparse).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys

import reader
from reader.commands import MODULES
from reader.commands.base import Out, common_options
from reader.core.errors import ReaderError
from reader.core.messages import describe

DEBUG_ENV = "READER_DEBUG"
SUBCOMMANDS = tuple(m.NAME for m in MODULES)

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


def _lang_in(argv: list[str]) -> str | None:
    """The --lang given on the command line (to word an error found while reading the others)."""
    for k, arg in enumerate(argv):
        if arg == "--lang" and k + 1 < len(argv) and argv[k + 1] in ("zh", "en"):
            return argv[k + 1]
        if arg in ("--lang=zh", "--lang=en"):
            return arg.split("=", 1)[1]
    return None


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
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
    parser.add_argument(
        "--select",
        metavar="县区/HEADING",
        help="截图前打开的章节 / with --screenshot: open this county's section first (e.g. 离石区/代表)",
    )
    parser.add_argument(
        "--view",
        choices=["compare", "welcome", "guide"],
        help="截图的视图 / with --screenshot: render this view instead of the main window "
        "(compare: 对比视图, welcome: 欢迎, guide: 使用说明)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in MODULES:
        module.add_parser(sub, common)
    return parser


# -- main ----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    if argv is None:  # a frozen build's import worker processes start here (a no-op otherwise)
        import multiprocessing

        multiprocessing.freeze_support()
    argv = list(sys.argv[1:] if argv is None else argv)
    _utf8_streams()
    parser = build_parser()
    lang = _lang_in(argv) or detect_lang()
    try:
        args = parser.parse_args(argv)  # usage errors exit 2 here; a wrong value (InvalidInput) is a user error
    except ReaderError as e:
        sys.stderr.write(describe(e, lang) + "\n")
        return 1
    lang = getattr(args, "lang", None) or lang
    try:
        if args.screenshot:
            if args.command:
                parser.error("--screenshot takes no subcommand")
            from reader import app

            app.screenshot(args.screenshot, getattr(args, "project", None), args.select, getattr(args, "lang", None),
                           args.view)
            return 0
        if args.select:
            parser.error("--select goes with --screenshot")
        if args.view:
            parser.error("--view goes with --screenshot")
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
    except BrokenPipeError:  # the reader of our output went away (`reader align | head`): not an error
        _silence_stdout()
        return 0
    except Exception as e:  # a bug: one line and a hint, the traceback only on request
        if _damaged_page(e):  # a big project read without a quick_check first (commands.base.open_for)
            from reader.commands.base import project_path_for
            from reader.core.store.db import damaged

            sys.stderr.write(describe(damaged(project_path_for(args), [str(e)]), lang) + "\n")
            return 1
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


def _damaged_page(e: BaseException) -> bool:
    return isinstance(e, sqlite3.DatabaseError) and ("malformed" in str(e) or "not a database" in str(e))


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at devnull so Python's flush at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (tests capture stdout): nothing to redirect
        return


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower().replace("-", "") != "utf8":
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a stream that cannot be reconfigured: leave it
                continue

if __name__ == "__main__":
    raise SystemExit(main())
