"""The alignment engine in a process of its own, for many reports: the window's process (or the
command's) keeps its memory and its responsiveness while tens of thousands of reports are read and
aligned, and gets back the progress and then the rows one at a time, to store them as they come.

The child opens the project for reading (the caller holds the writer's lock and stores the rows),
reads the units a chunk at a time (compare.inputs.iter_units) and runs reader.core.align.align on
them with the themes, corrections and previous rows the caller read. Cancel stops the child at
once; a child that dies (out of memory, killed) is AlignFailed; its errors come back typed.

With many reports a second process (a reader) reads units too: reading a unit (reading.UnitReader:
its words, its sections chosen, their evidence) is most of the engine's work on a decade of reports
and needs no other unit, so the units are cut in blocks that the two take in turn as each is free (a
shared counter), and the reader hands its blocks to the child, which takes them in order. On two
free cores the reading takes about half as long; the results are the same (each unit is read alike
wherever it is read).
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
READER_MIN = 2000  # units: with as many, a second process reads units too (it costs ~1 s and ~200 MB)
BLOCK = 25  # units read at a time by either process
MEMBERS_SENT = 2000  # members of a row sent at once (unpickling 100,000 would hold the caller's interpreter)
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
    helpers = []
    shared = None
    if len(unit_ids) >= READER_MIN:
        from_reader, to_child = context.Pipe(duplex=False)
        claims = context.Value("i", 0)
        helpers.append(context.Process(
            target=_reader, args=(str(path), list(unit_ids), list(themes), list(corrections), claims, to_child),
            name="reader-align-read", daemon=True,
        ))
        shared = (claims, from_reader)
    child = context.Process(
        target=_child, args=(str(path), list(unit_ids), list(themes), list(corrections), dict(previous), send, shared),
        name="reader-align", daemon=True,
    )
    child.start()
    for helper in helpers:
        helper.start()
    send.close()  # the child's end: when the child is gone, recv() ends instead of waiting
    if shared is not None:
        shared[1].close()
        to_child.close()
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
            elif kind == "row":  # its members follow, a piece at a time
                row, pieces = message[1], message[2]
                for _ in range(pieces):
                    if is_cancelled(cancel):
                        raise Cancelled()
                    row.members += receive.recv()[1]
                yield row
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
        for process in (child, *helpers):
            if process.is_alive():
                process.terminate()
        for process in (child, *helpers):
            process.join(10)


def _exit_reason(child) -> str:
    code = child.exitcode
    if code is not None and code < 0:
        return f"signal {-code}" + (" (out of memory?)" if -code == 9 else "")
    return f"exit code {code}"


def _child(path: str, unit_ids: list[int], themes: list[AlignTheme], corrections: list[Correction],
           previous: dict[str, Sequence[int]], send, shared=None) -> None:
    """In the child process: align and send the progress, then the rows, then 'done'. `shared`: the
    counter of blocks taken and the connection from a second process reading units, if there is one."""
    from reader.core.compare.inputs import iter_units
    from reader.core.store.db import open_project

    read = [0]

    def tick_read(k: int) -> None:
        read[0] += k
        send.send(("read", read[0]))

    try:
        with open_project(path, create=False, check=False, reading=True) as project:
            if shared is None:
                units = iter_units(project, unit_ids, tick_read)
            else:
                units = _read_in_turn(project, unit_ids, themes, corrections, shared[0], shared[1], tick_read)
            result = align(
                units,
                themes,
                corrections,
                progress=lambda done, _total: send.send(("align", done)),
                previous=previous,
                count=len(unit_ids),
            )
        rows = result.rows
        rows.reverse()
        while rows:  # sent and let go one at a time, their members in pieces (each read back in a moment)
            row = rows.pop()
            members, row.members = row.members, []
            send.send(("row", row, -(-len(members) // MEMBERS_SENT)))
            for k in range(0, len(members), MEMBERS_SENT):
                send.send(("members", members[k : k + MEMBERS_SENT]))
            del row, members
        send.send(("done", list(result.unfit)))
    except ReaderError as e:
        send.send(("error", e))
    except Exception as e:  # noqa: BLE001 - sent to the caller, which logs it and raises AlignFailed
        import traceback

        send.send(("bug", f"{type(e).__name__}: {e}", traceback.format_exc()))
    finally:
        send.close()


def _blocks(unit_ids: Sequence[int]) -> list[list[int]]:
    return [list(unit_ids[k : k + BLOCK]) for k in range(0, len(unit_ids), BLOCK)]


def _claim(claims, count: int) -> int | None:
    """The next block nobody has taken, taken (None when all are)."""
    with claims.get_lock():
        block = claims.value
        if block >= count:
            return None
        claims.value = block + 1
    return block


def _read_in_turn(project, unit_ids: list[int], themes: list[AlignTheme], corrections: list[Correction], claims,
                  from_reader, tick_read: Callable[[int], None]) -> Iterator:
    """In the child: the units read, in order: the blocks it takes read here (reading.UnitReading), the
    others as the reader process hands them over."""
    from reader.core.align.engine import forced_sections
    from reader.core.align.reading import UnitReader
    from reader.core.compare.inputs import iter_units

    reader = UnitReader(themes, forced_sections(corrections))
    blocks = _blocks(unit_ids)
    ready: dict[int, list] = {}
    for wanted, ids in enumerate(blocks):
        while wanted not in ready:
            if from_reader.poll():
                _receive(from_reader, ready)
                continue
            block = _claim(claims, len(blocks))
            if block is None:  # all taken: the reader's are still coming
                _receive(from_reader, ready)
            else:
                ready[block] = [reader.read(unit) for unit in iter_units(project, blocks[block])]
        readings = ready.pop(wanted)
        tick_read(len(ids))
        readings.reverse()
        while readings:  # handed over one by one: none kept here once given
            yield readings.pop()


def _receive(from_reader, ready: dict[int, list]) -> None:
    try:
        message = from_reader.recv()
    except EOFError:
        raise AlignFailed("the reading process ended") from None
    if message[0] == "block":
        ready[message[1]] = message[2]
    elif message[0] == "error":
        raise message[1]
    else:
        raise AlignFailed(message[1])


def _reader(path: str, unit_ids: list[int], themes: list[AlignTheme], corrections: list[Correction], claims,
            send) -> None:
    """The second process: takes blocks in turn with the child, reads their units and sends them, each
    unit's bags numbered on from the ones sent before (tfidf.BagSender), blocks in the order taken.
    Sending is left to a thread, so that reading goes on while the child is busy."""
    import queue
    import threading

    from reader.core.align.engine import forced_sections
    from reader.core.align.reading import UnitReader
    from reader.core.align.tfidf import BagSender
    from reader.core.compare.inputs import iter_units
    from reader.core.store.db import open_project

    out: queue.Queue = queue.Queue()

    def sending() -> None:
        while (message := out.get()) is not None:
            try:
                send.send(message)
            except OSError:  # the child is gone
                return

    thread = threading.Thread(target=sending, name="reader-align-send", daemon=True)
    thread.start()
    try:
        reader = UnitReader(themes, forced_sections(corrections))
        sender = BagSender()
        blocks = _blocks(unit_ids)
        with open_project(path, create=False, check=False, reading=True) as project:
            while (block := _claim(claims, len(blocks))) is not None:
                readings = []
                for unit in iter_units(project, blocks[block]):
                    reading = reader.read(unit)
                    reading.bags = sender.encode(reading.bags)
                    reading.sender = 1
                    readings.append(reading)
                out.put(("block", block, readings))
    except ReaderError as e:
        out.put(("error", e))
    except Exception as e:  # noqa: BLE001 - sent to the child, which fails the alignment
        import traceback

        log.error("the reading process failed\n%s", traceback.format_exc())
        out.put(("bug", f"{type(e).__name__}: {e}"))
    finally:
        out.put(None)
        thread.join()
        send.close()
