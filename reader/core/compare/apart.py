"""The alignment engine in a process of its own, for many reports: the window's process (or the
command's) keeps its memory and its responsiveness while tens of thousands of reports are read and
aligned, and gets back the progress and then the rows one at a time, to store them as they come.

The child opens the project for reading (the caller holds the writer's lock and stores the rows),
reads the units a chunk at a time (compare.inputs.iter_units) and runs reader.core.align.align on
them with the themes, corrections and previous rows the caller read. Cancel stops the child at
once; a child that dies (out of memory, killed) is AlignFailed; its errors come back typed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

from reader.core.align import align
from reader.core.align.model import AlignRow, AlignTheme, Correction
from reader.core.errors import AlignFailed, Cancelled, ReaderError
from reader.core.progress import is_cancelled

log = logging.getLogger(__name__)

PROCESS_MIN = 300  # units: fewer are aligned in the caller's process (a process with jieba costs ~1 s)
POLL_S = 0.1  # how often the caller looks at cancel while the child works


def align_apart(
    path: str | Path,
    unit_ids: Sequence[int],
    themes: Sequence[AlignTheme],
    corrections: Sequence[Correction],
    previous: Mapping[str, Sequence[int]],
    step: Callable[[str, int], None],
    cancel: object | None = None,
    unfit: list[int] | None = None,
) -> Iterator[AlignRow]:
    """The rows of aligning `unit_ids` of the project at `path`, computed in a child process and
    yielded one at a time once it has finished; `step(stage, done)` with 'read' (units read) and
    'align' (the engine's steps) as it goes. `unfit` gets the units of another genre than the
    codebook's after the last row. Raises Cancelled, AlignFailed or the child's ReaderError."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")  # the window's threads (and locks) are not copied
    receive, send = context.Pipe(duplex=False)
    child = context.Process(
        target=_child, args=(str(path), list(unit_ids), list(themes), list(corrections), dict(previous), send),
        name="reader-align", daemon=True,
    )
    child.start()
    send.close()  # the child's end: when the child is gone, recv() ends instead of waiting
    try:
        while True:
            if is_cancelled(cancel):
                raise Cancelled()
            if not receive.poll(POLL_S):
                if not child.is_alive() and not receive.poll(0):
                    raise AlignFailed(_exit_reason(child))
                continue
            try:
                message = receive.recv()
            except EOFError:
                child.join(5)
                raise AlignFailed(_exit_reason(child)) from None
            kind = message[0]
            if kind in ("read", "align"):
                step(kind, message[1])
            elif kind == "row":
                yield message[1]
            elif kind == "done":
                if unfit is not None:
                    unfit.extend(message[1])
                return
            elif kind == "error":
                raise message[1]
            else:  # "bug": a fault in the engine, logged with the child's traceback
                log.error("the alignment process failed\n%s", message[2])
                raise AlignFailed(message[1])
    finally:
        receive.close()
        if child.is_alive():
            child.terminate()
        child.join(10)


def _exit_reason(child) -> str:
    code = child.exitcode
    if code is not None and code < 0:
        return f"signal {-code}" + (" (out of memory?)" if -code == 9 else "")
    return f"exit code {code}"


def _child(path: str, unit_ids: list[int], themes: list[AlignTheme], corrections: list[Correction],
           previous: dict[str, Sequence[int]], send) -> None:
    """In the child process: align and send the progress, then the rows, then 'done'."""
    from reader.core.compare.inputs import iter_units
    from reader.core.store.db import open_project

    read = [0]

    def tick_read(k: int) -> None:
        read[0] += k
        send.send(("read", read[0]))

    try:
        with open_project(path, create=False, check=False, reading=True) as project:
            result = align(
                iter_units(project, unit_ids, tick_read),
                themes,
                corrections,
                progress=lambda done, _total: send.send(("align", done)),
                previous=previous,
                count=len(unit_ids),
            )
        rows = result.rows
        rows.reverse()
        while rows:  # sent and let go one at a time
            send.send(("row", rows.pop()))
        send.send(("done", list(result.unfit)))
    except ReaderError as e:
        send.send(("error", e))
    except Exception as e:  # noqa: BLE001 - sent to the caller, which logs it and raises AlignFailed
        import traceback

        send.send(("bug", f"{type(e).__name__}: {e}", traceback.format_exc()))
    finally:
        send.close()
