"""The search index: a contentless FTS5 table keyed by unit id, in which every character of a
unit's text is one token, written as its code point in hex (tokens_text: "代表" -> "00004ee3
00008868"), under FTS5's ascii tokenizer (reader.core.search says why, and how it is asked).

The writers keep it in step inside their own transactions (index_units, unindex_units: a
contentless table needs the text that was indexed to remove it); opening a project builds it when it
is missing or of another kind (ensure_index). It is derived data: nothing is lost with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.store.project import Project

FTS_TABLE = "units_fts"
READ_CHUNK = 200  # units read at a time while the index is built


def tokens_text(text: str) -> str:
    """The text as index tokens: each character its code point in eight hex digits, one space
    between (all at C speed)."""
    return text.encode("utf-32-be").hex(" ", 4)


def fts_query(query: str) -> str | None:
    """The FTS5 phrase for `query` (None for an empty query)."""
    return f'"{tokens_text(query)}"' if query else None


def has_index(project: Project) -> bool:
    """Whether the project has a search index to ask (FTS5 is there and the index was built)."""
    return project.fts and project.db[FTS_TABLE].exists()


INDEX_SQL = f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(body, content='', tokenize='ascii')"


def ensure_index(project: Project) -> None:
    """Create and fill the index if FTS5 is available and it is missing or of another kind (a
    project made without FTS5, a new one, one whose index an upgrade dropped or could not drop).
    The index is derived data, rebuilt from the units a chunk at a time."""
    if not project.fts:
        return
    row = project.db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [FTS_TABLE]).fetchone()
    if row is not None and row[0] == INDEX_SQL:
        return
    with project.db.atomic():
        if row is not None:
            project.db.execute(f"DROP TABLE {FTS_TABLE}")
        project.db.execute(INDEX_SQL)
        ids = [r[0] for r in project.db.execute("SELECT id FROM units ORDER BY id")]
        for k in range(0, len(ids), READ_CHUNK):
            index_units(project, _unit_texts(project, ids[k : k + READ_CHUNK]))


def index_units(project: Project, units: list[tuple[int, str]]) -> None:
    index_tokens(project, [(uid, tokens_text(t)) for uid, t in units])


def index_tokens(project: Project, units: list[tuple[int, str]]) -> None:
    """Index units whose text is already made into tokens (tokens_text)."""
    if not has_index(project) or not units:
        return
    project.db.conn.executemany(f"INSERT INTO {FTS_TABLE} (rowid, body) VALUES (?, ?)", units)


def unindex_units(project: Project, units: list[tuple[int, str]]) -> None:
    """Remove units from the index; a contentless table needs the text that was indexed."""
    if not has_index(project):
        return
    project.db.conn.executemany(
        f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, body) VALUES ('delete', ?, ?)",
        [(uid, tokens_text(t)) for uid, t in units],
    )


def candidates(project: Project, query: str, limit: int | None = None) -> list[int]:
    """The units whose text holds `query` exactly (from the index: needs has_index), in id order;
    the first `limit` of them."""
    return [r[0] for r in project.db.execute(
        f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? ORDER BY rowid LIMIT ?",
        [fts_query(query), -1 if limit is None else limit])]


def _unit_texts(project: Project, unit_ids: list[int]) -> list[tuple[int, str]]:
    """(id, text) of the units, in the order of their ids: reader.core.store.documents.unit_texts,
    which this module cannot import (documents' writers import this module)."""
    if not unit_ids:
        return []
    return project.db.execute(
        'SELECT u.id, substr(d.cleaned_text, u.start + 1, u."end" - u.start) '
        f"FROM units u JOIN documents d ON d.id = u.document_id WHERE u.id IN ({','.join('?' * len(unit_ids))}) "
        "ORDER BY u.id",
        unit_ids,
    ).fetchall()
