"""Is the data in a project what the program writes? Asked when a command or the window meets a fault
it did not expect, to tell a project that holds crafted or damaged rows (JSON that is not JSON, a
name stored as bytes, a span past the end of its text) from a fault of the program.

    problems = row_problems(conn)   # [] when every row is as the program writes it

Each check is one scan with SQL (column types as declared, JSON columns valid, spans inside their
text, foreign keys), so the whole is linear in the project; it is not run on every open, only
after something went wrong.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from reader.core.errors import ProjectDamaged

log = logging.getLogger(__name__)

UNEXPECTED_DATA = "unexpected data"

# Columns holding JSON (nullable ones may be NULL).
JSON_COLUMNS = {
    "documents": ("offset_map", "steps", "damaged"),
    "themes": ("keywords",),
    "align_members": ("terms",),
    "align_corrections": ("undo",),
    "unplaced_passages": ("themes",),
}
# Spans that must lie inside their text: (table, condition that is true of a bad row).
SPANS = (
    ("units", 'start < 0 OR "end" < start OR "end" > (SELECT length(d.cleaned_text) FROM documents d '
              "WHERE d.id = units.document_id)"),
    ("passages", 'start < 0 OR "end" <= start OR "end" > (SELECT u."end" - u.start FROM units u '
                 "WHERE u.id = passages.unit_id)"),
    ("sections", 'start < 0 OR "end" < start OR "end" > (SELECT u."end" - u.start FROM units u '
                 "WHERE u.id = sections.unit_id)"),
)
_TYPES = {"TEXT": ("text",), "INTEGER": ("integer",), "REAL": ("real", "integer")}


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def row_problems(conn: sqlite3.Connection, limit: int = 5) -> list[str]:
    """What in the project's rows the program would never have written ("table.column: what"), at
    most `limit` of them."""
    found: list[str] = []
    tables = _tables(conn)
    for table in sorted(tables):
        if table.startswith(("sqlite_", "units_fts")) or table == "_sqlite_migrations":
            continue
        for _cid, column, declared, *_rest in conn.execute(f'PRAGMA table_info("{table}")').fetchall():
            allowed = _TYPES.get(str(declared).upper())
            if allowed is None:
                continue
            kinds = ", ".join(f"'{k}'" for k in (*allowed, "null"))
            if conn.execute(f'SELECT 1 FROM "{table}" WHERE typeof("{column}") NOT IN ({kinds}) LIMIT 1').fetchone():
                found.append(f"{table}.{column}: a value of the wrong type")
    for table, columns in JSON_COLUMNS.items():
        if table not in tables:
            continue
        for column in columns:
            bad = conn.execute(f'SELECT 1 FROM "{table}" WHERE "{column}" IS NOT NULL AND typeof("{column}") = '
                               f"'text' AND NOT json_valid(\"{column}\") LIMIT 1").fetchone()
            if bad:
                found.append(f"{table}.{column}: not JSON")
    for table, condition in SPANS:
        if conn.execute(f"SELECT 1 FROM {table} WHERE {condition} LIMIT 1").fetchone():
            found.append(f"{table}: a span outside its text")
    if conn.execute("PRAGMA foreign_key_check").fetchone():
        found.append("a row refers to one that does not exist")
    return found[:limit]


def damaged_data(path: str | Path) -> ProjectDamaged | None:
    """ProjectDamaged (reason UNEXPECTED_DATA, with its backups) when the project at `path` holds rows
    the program would not write; None when its rows are sound, or it cannot be read to tell."""
    from reader.core.store import backups
    from reader.core.store.db import check_schema

    path = Path(path)
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except (sqlite3.Error, OSError, ValueError):
        return None
    try:
        check_schema(conn, path)  # nothing of a foreign schema is run
        problems = row_problems(conn)
    except Exception as e:  # noqa: BLE001 - asked while handling another fault: no answer is the answer
        log.info("could not check the rows of %s: %s", path, e)
        return None
    finally:
        conn.close()
    if not problems:
        return None
    log.warning("%s holds rows the program does not write: %s", path, problems)
    return ProjectDamaged(str(path), UNEXPECTED_DATA, len(backups.list_backups(path)))
