"""A guard against a PySide6 defect that would crash the window after a few minutes of use.

PySide6 6.12.0 drops a reference to None every time C++ calls a method written in Python (a
model's data(), a widget's paintEvent...). On Python 3.11, where None is an ordinary object, its
reference count falls to zero after some ten thousand such calls and the interpreter aborts
("none_dealloc: deallocating None"). Python 3.12 made None immortal, and PySide6 6.11 is free of
the defect; pyproject.toml excludes 6.12.0. If it runs anyway, `guard()` notices the leak with a
probe and gives None a reference count so large that it cannot reach zero: what Python 3.12 does
for all immortal objects.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)
PROBE_CALLS = 20
IMMORTAL = 1 << 40


def none_references_lost() -> int:
    """How many references to None a Python override called from C++ loses per call (0 when
    PySide is sound). Needs a Q(Gui)Application."""
    from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

    class Probe(QAbstractListModel):
        def rowCount(self, parent=None) -> int:
            return 1

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            return None

    probe = Probe()
    index = probe.index(0, 0, QModelIndex())
    before = sys.getrefcount(None)
    for _ in range(PROBE_CALLS):
        index.data(Qt.ItemDataRole.ToolTipRole)
    return max(0, (before - sys.getrefcount(None)) // PROBE_CALLS)


def guard() -> bool:
    """Make None's reference count unreachable by the leak, if PySide leaks. Returns whether it did."""
    lost = none_references_lost()
    if not lost or sys.version_info >= (3, 12):
        return False
    import PySide6

    log.warning("PySide6 %s loses a reference to None per call into Python; compensating", PySide6.__version__)
    ctypes.c_ssize_t.from_address(id(None)).value += IMMORTAL
    return True
