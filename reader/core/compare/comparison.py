"""A comparison: the stored alignment of a project's reports, as the comparison view shows it.

`run_alignment` reads the chosen units from the project, aligns them (the user's corrections
applied again, rows grown from the text keeping their keys) and stores the result in one
transaction; `load_comparison` reads the stored result back, so the view opens without
re-aligning. Both return a Comparison: rows of members, each member a section with its place in
the unit text, its score and its strongest shared terms.
"""

from __future__ import annotations

import contextlib
import gc
import operator
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields, replace

from reader.core.align import OTHER_KEY, OTHER_LABEL, align
from reader.core.align.model import AlignRow
from reader.core.compare import apart
from reader.core.compare import corrections as corr
from reader.core.compare import stored as store
from reader.core.compare.inputs import align_themes, iter_units
from reader.core.compare.selection import Selection, resolve, select_units
from reader.core.compare.shape import codebook_misfits, row_parents
from reader.core.errors import AmbiguousName, Cancelled, NoReportsToAlign, NotFound
from reader.core.progress import Progress, is_cancelled
from reader.core.store.counties import UNKNOWN, key_sql, project_counties
from reader.core.store.documents import now
from reader.core.store.project import Project


@dataclass(slots=True)
class Member(store.StoredMember):
    """A section in a row: its place in the unit text (`reader text --unit ID`), how well it fits
    (score 0–1; None: placed by the user since the last run) and its strongest terms shared with the
    row (why it is here)."""

    pinned: bool = False  # the user put it in this row

    def to_json(self) -> dict:
        return {
            "unit": self.unit_id,
            "county": self.county,
            "year": self.year,
            "source": self.source,
            "section": self.section_id,
            "heading": self.heading,
            "score": self.score,
            "terms": list(self.terms),
            "level": self.level,
            "start": self.start,
            "end": self.end,
            "pinned": self.pinned,
        }


@dataclass
class Row:
    key: str  # stable across re-aligns: topic:…, theme:ID, cluster:…, frame:…, user:N, other
    label: str
    theme_id: int | None
    members: list[Member] = field(default_factory=list)
    parent: str | None = None  # the key of the frame row (a review, a plan) it hangs under (compare.shape)
    frame: bool = False  # its members are parts of reports read through their children

    @property
    def is_other(self) -> bool:
        return self.key == OTHER_KEY

    def cells(self) -> dict[int, list[Member]]:
        """Unit id -> its members in this row (a report may put several sections in one row)."""
        out: dict[int, list[Member]] = {}
        for m in self.members:
            out.setdefault(m.unit_id, []).append(m)
        return out

    def to_json(self) -> dict:
        return {"key": self.key, "label": self.label, "theme_id": self.theme_id, "parent": self.parent,
                "frame": self.frame, "members": [m.to_json() for m in self.members]}


@dataclass
class Column:
    """One aligned unit: a column of the comparison view."""

    unit_id: int
    county: str | None
    prefecture: str | None
    year: int | None
    source: str
    county_key: str = UNKNOWN  # its place (reader.core.store.counties)
    label: str | None = None  # the place's name, with its prefecture when the project has two of it
    codebook_fits: bool = True  # False: a report of another genre than the codebook's (reader.core.align.fit)


@dataclass
class Comparison:
    rows: list[Row]  # the last is always 其他 (key 'other')
    columns: list[Column]
    selection: Selection
    run: int  # counts the runs of this project's alignment
    aligned_at: str | None
    stale: bool  # the stored rows no longer follow from the corrections: re-align to refresh
    corrections: int  # how many corrections are stored

    def row(self, key: str) -> Row | None:
        return next((r for r in self.rows if r.key == key), None)

    def row_of(self, section_id: int) -> Row | None:
        return next((r for r in self.rows if any(m.section_id == section_id for m in r.members)), None)

    def find_row(self, name: str) -> Row:
        """A row by its key, or by a label only one row has (NotFound, AmbiguousName)."""
        name = (name or "").strip()
        found = self.row(name)
        if found is not None:
            return found
        labelled = [r for r in self.rows if r.label == name]
        if len(labelled) > 1:
            raise AmbiguousName("row", name, len(labelled))
        if not labelled:
            raise NotFound("row", name)
        return labelled[0]

    def member(self, section_id: int) -> Member | None:
        return next((m for r in self.rows for m in r.members if m.section_id == section_id), None)

    def at(self, unit_id: int, offset: int) -> tuple[Row, Member] | None:
        """The row and member whose section holds a place in a unit text (the innermost one)."""
        found = None
        for r in self.rows:
            for m in r.members:
                if m.unit_id == unit_id and m.start <= offset < m.end and (found is None or m.start >= found[1].start):
                    found = (r, m)
        return found

    def unaligned(self) -> dict[int, list[Member]]:
        """Unit id -> its sections that fit no row (the 其他 row), for every column (empty lists too)."""
        out: dict[int, list[Member]] = {c.unit_id: [] for c in self.columns}
        other = self.row(OTHER_KEY)
        for m in other.members if other else []:
            out.setdefault(m.unit_id, []).append(m)
        return out

    def to_json(self) -> dict:
        return {
            "rows": [r.to_json() for r in self.rows],
            "selection": self.selection.to_json(),
            "units": [c.unit_id for c in self.columns],
            "unfit_units": [c.unit_id for c in self.columns if not c.codebook_fits],
            "run": self.run,
            "aligned_at": self.aligned_at,
            "stale": self.stale,
        }


@dataclass
class Aligned:
    """What an alignment stored, without the comparison itself (align_and_store)."""

    run: int  # its number (Comparison.run)
    rows: int
    reports: int
    seconds: float


def run_alignment(
    project: Project,
    selection: Selection | None = None,
    progress: Progress | None = None,
    cancel: object | None = None,
) -> Comparison:
    """Align the chosen units (all by default), store the result and read it back. Cancelled leaves
    the stored comparison as it was, and so does NoReportsToAlign (the project is empty, or nothing
    matches)."""
    align_and_store(project, selection, progress, cancel)
    return load_comparison(project)


def align_and_store(
    project: Project,
    selection: Selection | None = None,
    progress: Progress | None = None,
    cancel: object | None = None,
) -> Aligned:
    """run_alignment without reading the comparison back: what the window runs (the view then reads
    the stored comparison as it does when it opens), so that the window's process never holds a
    decade's comparison twice, nor builds it while the alignment runs."""
    selection = resolve(project, selection or Selection())
    unit_ids = select_units(project, selection)
    if not unit_ids:
        raise NoReportsToAlign(str(project.path))
    n = len(unit_ids)
    total = n + (2 * n + 1) + 1
    done_steps = {"read": 0, "align": 0}  # the units are read as the engine asks for them

    def report(done: int, stage: str) -> None:
        if is_cancelled(cancel):
            raise Cancelled()
        if progress is not None:
            progress(min(done, total), total, stage)

    def step(stage: str, done: int) -> None:
        done_steps[stage] = done
        report(done_steps["read"] + done_steps["align"], stage)

    started = time.perf_counter()
    report(0, "read")
    themes, corrections, previous = align_themes(project), corr.engine_corrections(project), store.row_sections(project)
    unfit: list[int] = []  # the reports of another genre than the codebook's, known once the engine is done
    if n >= apart.PROCESS_MIN:  # many reports: the engine in a process of its own, its rows stored as they come
        rows = apart.align_apart(project.path, unit_ids, themes, corrections, previous, step, cancel, unfit)
    else:
        result = align(
            iter_units(project, unit_ids, lambda k: step("read", done_steps["read"] + k)),
            themes,
            corrections,
            progress=lambda done, _t: step("align", done),
            cancel=cancel,
            previous=previous,
            count=n,
        )
        rows, unfit = result.rows, result.unfit
    before = store.run_info(project) or {}
    run = {
        "id": int(before.get("id", 0)) + 1,
        "at": now(),
        "selection": selection.to_json(),
        "stale": False,
        "seconds": 0.0,
    }
    rows = iter(rows)
    first = next(rows, None)  # the engine has finished (in the child, the rows come after it): only
    report(total - 1, "store")  # now is the project written, so the window's own changes wait no longer
    counted = [0]
    with _no_cycle_collection():
        store.save_rows(project, _timed(first, rows, run, started, counted), unit_ids, run, lambda: unfit)
    report(total, "store")
    return Aligned(run["id"], counted[0], n, run["seconds"])


@contextlib.contextmanager
def _no_cycle_collection(made: Callable[[], int] | None = None) -> Iterator[None]:
    """No cycle collection while the rows are stored or read back: they make hundreds of thousands
    of objects and no cycles, and a full collection over the window's heap stops every thread of
    the process, the window's too (1.4 s on 30,000 reports). `made()`: how many objects were made to
    be kept; from FREEZE_FROM on, every object there is now is set aside from later collections
    (gc.freeze: they are freed as ever when let go, only never gone through again): collecting the
    members of a decade's comparison once, then again as they age, stopped the window for 0.1–0.25 s
    each time."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
        if made is not None and made() >= FREEZE_FROM:
            gc.freeze()
    finally:
        if collecting:
            gc.enable()


FREEZE_FROM = 50_000  # members of a comparison read back


def _timed(first: AlignRow | None, rows: Iterator[AlignRow], run: dict, started: float,
           counted: list[int]) -> Iterator[AlignRow]:
    """The rows (counted), the run's seconds set once the last one is there (the run is stored after the rows)."""
    if first is not None:
        yield first
        counted[0] += 1
        for row in rows:
            yield row
            counted[0] += 1
    run["seconds"] = round(time.perf_counter() - started, 3)


def _rows(project: Project, keys: list[str] | None = None) -> list[Row]:
    pinned = corr.pinned_sections(project)
    parents = row_parents(project)
    rows = []
    for r in store.load_rows(project, keys, Member):
        if pinned:
            for m in r.members:
                m.pinned = pinned.get(m.section_id) == r.key  # type: ignore[attr-defined]
        rows.append(Row(r.key, r.label, r.theme_id, r.members, parents.get(r.key), r.frame))  # type: ignore[arg-type]
    return rows


def load_comparison(project: Project) -> Comparison | None:
    """The stored comparison, or None when the project was never aligned."""
    run = store.run_info(project)
    if run is None:
        return None
    rows: list[Row] = []
    with _no_cycle_collection(lambda: sum(len(r.members) for r in rows)):
        rows += _rows(project)
    if not rows or rows[-1].key != OTHER_KEY:
        rows.append(Row(OTHER_KEY, OTHER_LABEL, None, []))
    return Comparison(
        rows=rows,
        columns=_columns(project),
        selection=Selection.from_json(run.get("selection")),
        run=int(run.get("id", 0)),
        aligned_at=run.get("at"),
        stale=bool(run.get("stale")),
        corrections=len(store.list_corrections(project)),
    )


@dataclass
class RowsUpdate:
    """Some rows of the stored comparison as they are now, after a correction or its undo: reading
    them is a small part of reading the whole comparison (load_comparison)."""

    rows: dict[str, Row | None]  # key -> the row now; None: no longer stored
    order: list[str]  # every stored row's key, in order
    stale: bool
    corrections: int


def load_rows(project: Project, keys: set[str] | list[str], known: Comparison | None = None) -> RowsUpdate | None:
    """The stored rows named by `keys` (None for those that are gone), or None when the project was
    never aligned. `known`: the comparison as it was shown, whose members are kept where a row still
    holds them unchanged, so that only the sections that moved are read in full (a row of thousands
    of members costs a light query, not a heavy one)."""
    run = store.run_info(project)
    if run is None:
        return None
    wanted = sorted(set(keys))
    found: dict[str, Row | None] = {k: None for k in wanted}
    rows = _rows(project, wanted) if known is None else _rows_against(project, wanted, known)
    found.update({r.key: r for r in rows})
    if OTHER_KEY in found and found[OTHER_KEY] is None:
        found[OTHER_KEY] = Row(OTHER_KEY, OTHER_LABEL, None, [])
    order = store.row_order(project)
    if OTHER_KEY not in order:
        order.append(OTHER_KEY)
    return RowsUpdate(found, order, bool(run.get("stale")), len(store.list_corrections(project)))


def _rows_against(project: Project, keys: list[str], known: Comparison) -> list[Row]:
    """The rows `keys` as stored, reusing the members of `known` that have not changed."""
    pinned = corr.pinned_sections(project)
    parents = row_parents(project)
    scores = store.member_scores(project, keys)
    old = {m.section_id: m for r in known.rows for m in r.members}
    fresh = store.load_members(project, [sid for k in keys for sid, _s, _t in scores[k] if sid not in old])
    position = {c.unit_id: i for i, c in enumerate(known.columns)}
    rows = []
    for head in store.row_heads(project, keys):
        members = []
        for sid, score, terms in scores[head.key]:
            is_pinned = pinned.get(sid) == head.key
            m = old.get(sid)
            if m is None:
                members.append(Member(*_fields(fresh[sid]), pinned=is_pinned))
            elif (m.score, m.terms, m.pinned) == (score, terms, is_pinned):
                members.append(m)
            else:
                members.append(replace(m, score=score, terms=terms, pinned=is_pinned))
        members.sort(key=lambda m: (position.get(m.unit_id, 1e9), m.unit_id, m.section_id))
        rows.append(Row(head.key, head.label, head.theme_id, members, parents.get(head.key), head.frame))
    return rows


_fields = operator.attrgetter(*(f.name for f in fields(store.StoredMember)))


def apply_rows(comparison: Comparison, update: RowsUpdate) -> Comparison:
    """`comparison` with the rows of `update` as they are now (the other rows are the same objects):
    what load_comparison would read, without reading the rows nobody changed."""
    by_key = {r.key: r for r in comparison.rows}
    for key, row in update.rows.items():
        by_key[key] = row  # type: ignore[assignment]
    rows = [by_key[k] for k in update.order if by_key.get(k) is not None]
    return Comparison(rows, comparison.columns, comparison.selection, comparison.run, comparison.aligned_at,
                      update.stale, update.corrections)


def _columns(project: Project) -> list[Column]:
    counties = project_counties(project)
    misfits = codebook_misfits(project)
    return [
        Column(*r, label=counties.label(r[-1]), codebook_fits=r[0] not in misfits)
        for r in project.db.execute(
            f"SELECT u.id, u.county, u.prefecture, u.year, d.source_name, {key_sql('u')} FROM align_units au "
            "JOIN units u ON u.id = au.unit_id JOIN documents d ON d.id = u.document_id ORDER BY au.position"
        )
    ]

