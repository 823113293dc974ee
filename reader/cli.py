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
import logging
import os
import sqlite3
import sys

import reader
from reader.commands import MODULES
from reader.commands.base import Out, common_options
from reader.core.errors import ReaderError
from reader.core.messages import describe

DEBUG_ENV = "READER_DEBUG"
LOG_FILE = "reader.log"  # in the cache folder (reader.core.paths.cache_dir)
LOG_BYTES = 1 << 20
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
    _route_logging()
    parser = build_parser()
    lang = _lang_in(argv) or detect_lang()
    try:
        args = parser.parse_args(argv)  # usage errors exit 2 here; a wrong value (InvalidInput) is a user error
    except ReaderError as e:
        _error_line(describe(e, lang))
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
        _error_line(describe(e, lang))
        return 1
    except KeyboardInterrupt:
        sys.stderr.write(("已中断。" if lang == "zh" else "Interrupted.") + "\n")
        return 130
    except BrokenPipeError:  # the reader of our output went away (`reader align | head`): not an error
        _silence_stdout()
        return 0
    except Exception as e:  # a bug, or a project holding rows we never write: one line either way
        if _damaged_page(e):  # a big project read without a quick_check first (commands.base.open_for)
            from reader.commands.base import project_path_for
            from reader.core.store.db import damaged

            _error_line(describe(damaged(project_path_for(args), [str(e)]), lang))
            return 1
        if os.environ.get(DEBUG_ENV):
            raise
        logging.getLogger(__name__).error("internal error", exc_info=True)
        bad_rows = _damaged_data(args)
        if bad_rows is not None:
            _error_line(describe(bad_rows, lang))
            return 1
        _error_line(
            f"内部错误：{type(e).__name__}: {e}（这是程序的问题；设置 {DEBUG_ENV}=1 可看到详细信息）"
            if lang == "zh"
            else f"Internal error: {type(e).__name__}: {e} (a bug in the program; set {DEBUG_ENV}=1 for details)"
        )
        return 1


def _damaged_data(args: argparse.Namespace):
    """ProjectDamaged when the command's project holds rows the program would not write (a crafted
    or damaged file), so that the user reads that rather than "internal error"; None otherwise."""
    from reader.commands.base import project_path_for
    from reader.core.store.sanity import damaged_data

    try:
        path = project_path_for(args)
    except Exception:  # noqa: BLE001 - no project to look at
        return None
    return damaged_data(path) if path is not None and path.is_file() else None


def _error_line(text: str) -> None:
    """One line on stderr, whatever the message holds (a file name with a newline or an escape)."""
    from reader.core.visible import one_line

    sys.stderr.write(one_line(text) + "\n")


def _route_logging() -> None:
    """The program's log (warnings of the core: a daily backup that could not be made, a fault
    recorded for one file of an import) goes to reader.log in the cache folder, never onto the
    terminal, where it would be lines of its own under the one line a command prints; READER_DEBUG=1
    shows it on stderr instead. Set up once per process."""
    from logging.handlers import RotatingFileHandler

    root = logging.getLogger()
    if any(getattr(h, "reader_log", False) for h in root.handlers):
        return
    handler: logging.Handler
    if os.environ.get(DEBUG_ENV):
        handler = logging.StreamHandler()
    else:
        from reader.core.paths import cache_dir

        try:
            folder = cache_dir()
            folder.mkdir(parents=True, exist_ok=True)
            handler = RotatingFileHandler(folder / LOG_FILE, maxBytes=LOG_BYTES, backupCount=1, encoding="utf-8",
                                          errors="backslashreplace", delay=True)
        except OSError:  # no cache folder we may write: the log goes nowhere, the terminal stays clean
            handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.reader_log = True  # type: ignore[attr-defined]
    root.addHandler(handler)


def _damaged_page(e: BaseException) -> bool:
    """SQLite met a damaged page: a malformed file, or a plain DatabaseError (not one of its kinds such as
    OperationalError), which it raises when a damaged index table cannot even be set up."""
    return isinstance(e, sqlite3.DatabaseError) and (
        type(e) is sqlite3.DatabaseError or "malformed" in str(e) or "not a database" in str(e)
    )


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
