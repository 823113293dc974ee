"""The user's corrections to an alignment: move a section to another row, mark it 'not a match',
split it off into a new row, merge two rows, rename a row. They belong to the user: stored in the
project, applied to the stored rows at once (so the view needs no re-align), and applied again by
every re-align, which never undoes them.

Each correction is stored in the engine's form (row keys) with the labels the user saw and a
snapshot of what it changed, so that taking back the latest one restores the rows exactly. Taking
back an older one, or one made before the last re-align, marks the comparison stale (re-align to
refresh); nothing is lost either way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reader.core.align import OTHER_KEY, Correction
from reader.core.align.terms import strip_marker
from reader.core.compare import stored as store
from reader.core.compare.stored import StoredCorrection
from reader.core.errors import InvalidInput, NotAligned, NotFound
from reader.core.store.documents import get_section
from reader.core.store.project import Project

USER_PREFIX = "user:"
KINDS = ("move", "not_match", "rename", "split", "merge")


@dataclass
class CorrectionChange:
    """What adding or taking back a correction did to the stored rows."""

    correction: StoredCorrection
    rows: list[str] = field(default_factory=list)  # keys of rows whose members or label changed
    added_rows: list[str] = field(default_factory=list)
    removed_rows: list[str] = field(default_factory=list)
    realign: bool = False  # the stored rows could not follow exactly: re-align to refresh


# -- making corrections ------------------------------------------------------------------------


def move_section(project: Project, section_id: int, row_key: str) -> CorrectionChange:
    """Put a section in row `row_key` (其他 too) and keep it there."""
    return add_correction(project, Correction("move", section_id, row_key))


def mark_not_match(project: Project, section_id: int, row_key: str | None = None) -> CorrectionChange:
    """The section does not belong in `row_key` (default: the row it is in); it goes to 其他 for now."""
    if row_key is None:
        row_key = _current_row(project, section_id)
    return add_correction(project, Correction("not_match", section_id, row_key))


def split_section(project: Project, section_id: int, label: str | None = None) -> CorrectionChange:
    """Take a section out of its row into a new row of its own (labelled `label`, else its heading)."""
    return add_correction(project, Correction("split", section_id, _current_row(project, section_id), None, label))


def merge_rows(project: Project, row_key: str, into_key: str) -> CorrectionChange:
    """Every member of row `row_key` joins row `into_key`; `row_key` goes."""
    return add_correction(project, Correction("merge", None, row_key, into_key))


def rename_row(project: Project, row_key: str, label: str) -> CorrectionChange:
    return add_correction(project, Correction("rename", None, row_key, None, label))


def add_correction(project: Project, c: Correction) -> CorrectionChange:
    """Store a correction and apply it to the stored rows (one transaction)."""
    run = store.run_info(project)
    if run is None:
        raise NotAligned(str(project.path))
    if c.kind not in KINDS:
        raise InvalidInput("correction", str(c.kind))
    apply = {"move": _move, "not_match": _not_match, "rename": _rename, "split": _split, "merge": _merge}[c.kind]
    with project.db.atomic():
        change = apply(project, c, int(run.get("id", 0)))
        if change.realign:
            store.set_run_info(project, {**run, "stale": True})
    return change


def _row(project: Project, key: str) -> store.StoredRow:
    row = store.row_by_key(project, key or "")
    if row is None:
        raise NotFound("row", key or "")
    return row


def _current_row(project: Project, section_id: int) -> str:
    get_section(project, section_id)
    where = store.membership(project, section_id)
    if where is None:
        raise InvalidInput("section", f"{section_id} (not in any row)")
    return where["row"]


def _aligned_section(project: Project, section_id: int | None):
    if section_id is None:
        raise InvalidInput("section", "")
    section = get_section(project, section_id)
    if section.unit_id not in set(store.aligned_units(project)):
        raise InvalidInput("section", f"{section_id} (its report is not in the comparison)")
    return section


def _lineage(project: Project, section_id: int) -> tuple[list[int], list[int]]:
    """(ancestor ids, descendant ids) of a section."""
    ancestors = [
        r[0] for r in project.db.execute(
            "WITH RECURSIVE a(id, parent) AS (SELECT id, parent_id FROM sections WHERE id = ? "
            "UNION ALL SELECT s.id, s.parent_id FROM sections s JOIN a ON s.id = a.parent) SELECT id FROM a",
            [section_id],
        ) if r[0] != section_id
    ]
    descendants = [
        r[0] for r in project.db.execute(
            "WITH RECURSIVE d(id) AS (SELECT ? UNION ALL SELECT s.id FROM sections s JOIN d ON s.parent_id = d.id) "
            "SELECT id FROM d",
            [section_id],
        ) if r[0] != section_id
    ]
    return ancestors, descendants


def _place(project: Project, section_id: int, key: str, run: int, added_row: str | None = None) -> dict[str, Any]:
    """Put the section in row `key`; returns the undo snapshot and whether the rows stay exact."""
    was = store.membership(project, section_id)
    also = []
    exact = was is not None
    if was is None:  # a section read through its children, or inside a section aligned whole
        ancestors, descendants = _lineage(project, section_id)
        for sid in descendants + ancestors:
            where = store.membership(project, sid)
            if where is not None:
                also.append({"section": sid, **where})
                if sid in descendants:
                    store.unplace(project, sid)
    store.place(project, section_id, key, None)
    return {"run": run, "section": section_id, "was": was, "also": also, "added_row": added_row, "exact": exact}


def _changed_rows(snapshot: dict[str, Any], key: str) -> list[str]:
    keys = [key]
    for where in [snapshot["was"], *snapshot["also"]]:
        if where and where["row"] not in keys:
            keys.append(where["row"])
    return keys


def _move(project: Project, c: Correction, run: int) -> CorrectionChange:
    _aligned_section(project, c.section_id)
    target = _row(project, c.row_key)
    snapshot = _place(project, c.section_id, target.key, run)
    saved = store.insert_correction(
        project, kind="move", section_id=c.section_id, row_key=target.key, target_row_key=None, label=None,
        row_label=target.label, target_row_label=None, undo=snapshot,
    )
    return CorrectionChange(saved, _changed_rows(snapshot, target.key), realign=not snapshot["exact"])


def _not_match(project: Project, c: Correction, run: int) -> CorrectionChange:
    _aligned_section(project, c.section_id)
    row = _row(project, c.row_key)
    if row.key == OTHER_KEY:
        raise InvalidInput("row", row.key)
    where = store.membership(project, c.section_id)
    if where is None or where["row"] != row.key:
        raise InvalidInput("section", f"{c.section_id} (not in row {row.label})")
    snapshot = _place(project, c.section_id, OTHER_KEY, run)
    saved = store.insert_correction(
        project, kind="not_match", section_id=c.section_id, row_key=row.key, target_row_key=None, label=None,
        row_label=row.label, target_row_label=None, undo=snapshot,
    )
    return CorrectionChange(saved, [row.key, OTHER_KEY])


def _rename(project: Project, c: Correction, run: int) -> CorrectionChange:
    row = _row(project, c.row_key)
    label = (c.label or "").strip()
    if not label:
        raise InvalidInput("label", c.label or "")
    store.set_label(project, row.key, label)
    saved = store.insert_correction(
        project, kind="rename", section_id=None, row_key=row.key, target_row_key=None, label=label,
        row_label=row.label, target_row_label=None, undo={"run": run, "label": row.label},
    )
    return CorrectionChange(saved, [row.key])


def _new_key(project: Project) -> str:
    numbers = [int(k[len(USER_PREFIX):]) for k in store.user_keys(project)
               if k.startswith(USER_PREFIX) and k[len(USER_PREFIX):].isdigit()]
    return f"{USER_PREFIX}{max(numbers, default=0) + 1}"


def _split(project: Project, c: Correction, run: int) -> CorrectionChange:
    section = _aligned_section(project, c.section_id)
    row = _row(project, c.row_key)
    label = (c.label or "").strip() or strip_marker(section.heading).strip()[:30] or section.heading
    key = c.target_row_key or _new_key(project)
    if store.row_by_key(project, key) is not None:
        raise InvalidInput("row", key)
    store.add_row(project, key, label)
    snapshot = _place(project, c.section_id, key, run, added_row=key)
    saved = store.insert_correction(
        project, kind="split", section_id=c.section_id, row_key=row.key, target_row_key=key, label=label,
        row_label=row.label, target_row_label=label, undo=snapshot,
    )
    return CorrectionChange(saved, _changed_rows(snapshot, key), added_rows=[key], realign=not snapshot["exact"])


def _merge(project: Project, c: Correction, run: int) -> CorrectionChange:
    source = _row(project, c.row_key)
    target = _row(project, c.target_row_key or "")
    if source.key == target.key or source.key == OTHER_KEY:
        raise InvalidInput("row", source.key)
    children = store.children_of(project, source.key)
    snapshot = {
        "run": run,
        "row": {"key": source.key, "label": source.label, "theme_id": source.theme_id, "position": source.position,
                "parent": source.parent, "frame": source.frame},
        "members": store.members_of(project, source.key),
        "children": children,
    }
    store.move_all(project, source.key, target.key)
    store.set_parent(project, children, target.key)  # the rows it held now hang under the row it joined
    store.remove_row(project, source.key)
    saved = store.insert_correction(
        project, kind="merge", section_id=None, row_key=source.key, target_row_key=target.key, label=None,
        row_label=source.label, target_row_label=target.label, undo=snapshot,
    )
    return CorrectionChange(saved, [target.key], removed_rows=[source.key])


# -- reading and taking back -------------------------------------------------------------------


def list_corrections(project: Project) -> list[StoredCorrection]:
    """Every stored correction, oldest first (the order they are applied in)."""
    return store.list_corrections(project)


def remove_correction(project: Project, correction_id: int) -> CorrectionChange:
    """Take a correction back. The latest one, made since the last run, is undone exactly in the
    stored rows; any other is forgotten and the comparison marked stale (re-align to refresh)."""
    c = store.get_correction(project, correction_id)
    if c is None:
        raise NotFound("correction", str(correction_id))
    run = store.run_info(project) or {}
    latest = store.list_corrections(project)[-1].id
    exact = (c.id == latest and c.undo is not None and c.undo.get("run") == run.get("id")
             and c.undo.get("exact", True))
    with project.db.atomic():
        change = _restore(project, c) if exact else CorrectionChange(c, realign=True)
        store.delete_correction(project, c.id)
        if change.realign:
            store.set_run_info(project, {**run, "stale": True})
    return change


def _restore(project: Project, c: StoredCorrection) -> CorrectionChange:
    undo = c.undo or {}
    if c.kind == "rename":
        store.set_label(project, c.row_key, undo["label"])
        return CorrectionChange(c, [c.row_key])
    if c.kind == "merge":
        row = undo["row"]
        store.add_row(project, row["key"], row["label"], row["theme_id"], row["position"], row.get("parent"),
                      bool(row.get("frame")))
        for m in undo["members"]:
            store.place(project, m["section"], row["key"], m["score"], m["terms"])
        store.set_parent(project, undo.get("children", []), row["key"])
        return CorrectionChange(c, [row["key"], c.target_row_key or ""], added_rows=[row["key"]])
    sid = undo["section"]
    now_in = store.membership(project, sid)
    store.unplace(project, sid)
    was = undo.get("was")
    if was:
        store.place(project, sid, was["row"], was["score"], was["terms"])
    for other in undo.get("also", []):
        store.place(project, other["section"], other["row"], other["score"], other["terms"])
    removed = []
    if undo.get("added_row"):
        store.remove_row(project, undo["added_row"])
        removed.append(undo["added_row"])
    rows = [k for k in ([now_in["row"]] if now_in else []) + ([was["row"]] if was else []) if k not in removed]
    return CorrectionChange(c, rows, removed_rows=removed)


# -- for the engine and the view ---------------------------------------------------------------


def engine_corrections(project: Project) -> list[Correction]:
    """The stored corrections in the engine's form, oldest first."""
    out = []
    for c in store.list_corrections(project):
        if c.kind == "move":
            out.append(Correction("move", c.section_id, c.row_key, None, c.row_label))
        elif c.kind == "not_match":
            out.append(Correction("not_match", c.section_id, c.row_key))
        elif c.kind == "rename":
            out.append(Correction("rename", None, c.row_key, None, c.label))
        elif c.kind == "split":
            out.append(Correction("split", c.section_id, c.row_key, c.target_row_key, c.label))
        elif c.kind == "merge":
            out.append(Correction("merge", None, c.row_key, c.target_row_key))
    return out


def pinned_sections(project: Project) -> dict[int, str]:
    """Section id -> the row the user put it in (moves and splits not taken back by a later refusal)."""
    pinned: dict[int, str] = {}
    for c in store.list_corrections(project):
        if c.section_id is None:
            continue
        if c.kind == "move":
            pinned[c.section_id] = c.row_key
        elif c.kind == "split" and c.target_row_key:
            pinned[c.section_id] = c.target_row_key
        elif c.kind == "not_match" and pinned.get(c.section_id) == c.row_key:
            del pinned[c.section_id]
    return pinned
