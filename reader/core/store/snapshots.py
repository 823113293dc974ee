"""Snapshots of rows that a deletion removes, so that undo can put them back with the same ids.

`cascade_rows(project, table, ids)` collects the rows of `table` with those ids and every row the
foreign keys' ON DELETE CASCADE would remove with them (found from the schema, so tables added by
later migrations are covered), plus the references ON DELETE SET NULL would clear. `restore`
inserts them again and re-sets the references, in one transaction. Undo is last-in first-out, so
the ids are still free when a snapshot is restored; if one is not (the project was changed outside
the undo history), restore raises InvalidInput and changes nothing.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from reader.core.errors import InvalidInput
from reader.core.store.project import Project

CHUNK = 500


@dataclass
class Snapshot:
    """Rows by table, in the order they were found (parents before children), and the SET NULL
    references as (table, rowid, column, value)."""

    rows: dict[str, list[dict]] = field(default_factory=dict)
    references: list[tuple[str, int, str, object]] = field(default_factory=list)

    def ids(self, table: str) -> list[int]:
        return [r["id"] for r in self.rows.get(table, []) if "id" in r]

    def count(self, table: str) -> int:
        return len(self.rows.get(table, []))


def references_to(project: Project) -> dict[str, list[tuple[str, str, str, str]]]:
    """For each table, the foreign keys pointing at it: (child table, child column, parent column,
    on_delete)."""
    out: dict[str, list[tuple[str, str, str, str]]] = {}
    for table in project.db.table_names():
        if table.startswith(("sqlite_", "_")):
            continue
        for fk in project.db.execute(f"PRAGMA foreign_key_list([{table}])").fetchall():
            _id, _seq, parent, frm, to, _upd, on_delete, _match = fk
            out.setdefault(parent, []).append((table, frm, to or "id", on_delete.upper()))
    return out


def _pk_columns(project: Project, table: str) -> list[str]:
    return project.db[table].pks


def _pk_arg(pks: list[str]) -> str | tuple[str, ...]:
    return pks[0] if len(pks) == 1 else tuple(pks)


def select_in(project: Project, table: str, column: str, values: list) -> list[dict]:
    rows: list[dict] = []
    values = [v for v in dict.fromkeys(values) if v is not None]
    for k in range(0, len(values), CHUNK):
        chunk = values[k : k + CHUNK]
        rows.extend(
            project.db.query(
                f"SELECT rowid AS _rowid_, * FROM [{table}] WHERE [{column}] IN ({','.join('?' * len(chunk))})", chunk
            )
        )
    return rows


def cascade_rows(project: Project, table: str, ids: list[int], column: str = "id") -> Snapshot:
    """The rows of `table` whose `column` is in `ids`, and everything deleting them removes."""
    refs = references_to(project)
    snap = Snapshot()
    seen: dict[str, set] = {}

    def visit(tbl: str, col: str, values: list) -> None:
        pks = _pk_columns(project, tbl)
        fresh = []
        for row in select_in(project, tbl, col, values):
            key = tuple(row[c] for c in pks)
            if key in seen.setdefault(tbl, set()):
                continue
            seen[tbl].add(key)
            fresh.append(row)
        if not fresh:
            return
        snap.rows.setdefault(tbl, []).extend(fresh)
        for child, child_col, parent_col, on_delete in refs.get(tbl, []):
            parent_values = [r[parent_col] for r in fresh]
            if on_delete == "CASCADE":
                visit(child, child_col, parent_values)
            elif on_delete == "SET NULL":
                for r in select_in(project, child, child_col, parent_values):
                    snap.references.append((child, r["_rowid_"], child_col, r[child_col]))

    visit(table, column, list(ids))
    return snap


def restore(project: Project, snap: Snapshot) -> None:
    """Put the snapshot's rows back with their ids, and its SET NULL references (one transaction)."""
    db = project.db
    try:
        with db.atomic():
            db.execute("PRAGMA defer_foreign_keys = ON")
            for table, rows in snap.rows.items():
                clean = [{k: v for k, v in r.items() if k != "_rowid_"} for r in rows]
                if clean:
                    db[table].insert_all(clean, pk=_pk_arg(_pk_columns(project, table)), batch_size=200)
            for table, rowid, column, value in snap.references:
                db.execute(f"UPDATE [{table}] SET [{column}] = ? WHERE rowid = ?", [value, rowid])
    except sqlite3.IntegrityError as e:
        raise InvalidInput("restore", str(e)) from e
