"""sqlite-utils, imported without its optional numpy and pandas support.

sqlite-utils imports numpy (and tries pandas) when it is imported, only to map their number types to
column types when it creates a table from values; the program creates its tables by migrations
and hands it plain Python values. numpy is a dependency (the alignment's arrays), so sqlite-utils
would load it at every start of the window and of every command: 0.05-0.1 s of the 1 s a window has
to open in. Imported first from here (store.db, store.migrations), sqlite-utils finds neither.
"""

from __future__ import annotations

import sys

_OPTIONAL = ("numpy", "pandas")
_kept = {name: sys.modules.get(name) for name in _OPTIONAL}
for _name in _OPTIONAL:
    sys.modules[_name] = None  # type: ignore[assignment]  # (an import of it raises ImportError)
try:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations
finally:
    for _name, _module in _kept.items():
        if _module is None:
            del sys.modules[_name]
        else:
            sys.modules[_name] = _module

__all__ = ["Database", "Migrations"]
