"""Progress reports and cancellation for long tasks (import, alignment), without Qt.

A task takes `progress`, a callable (done, total, name), and `cancel`, a CancelToken it checks
between steps. The window sets the token from its Cancel button; the command line from Ctrl+C.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int, str], None]


class CancelToken:
    """A flag a task checks between steps. Thread-safe enough: a bool set once."""

    __slots__ = ("cancelled",)

    def __init__(self) -> None:
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True

    def __bool__(self) -> bool:  # `if cancel:` must not mean "cancelled"
        return True


def is_cancelled(cancel: object | None) -> bool:
    return cancel is not None and bool(getattr(cancel, "cancelled", False))
