"""The subcommands of `reader`, one module each: NAME, add_parser(sub, common) and run(args, out).

A new subcommand is a new module here, added to MODULES (README and --help are checked by tests).
"""

from reader.commands import (
    agreement,
    align,
    backup,
    coders,
    export,
    importing,
    merge,
    outline,
    passages,
    reclean,
    restore,
    search,
    tag,
    text,
    themes,
    timeline,
)

MODULES = (importing, outline, text, search, themes, tag, passages, align, export)
MODULES += (backup, restore)
MODULES += (reclean,)
MODULES += (coders, merge, agreement, timeline)

__all__ = ["MODULES"]
