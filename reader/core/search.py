"""Full-text search over unit texts: finds two-character words (代表) and longer phrases (代表联络站).

The index is a contentless FTS5 table keyed by unit id whose one column holds the unit text with
every non-ASCII character as its own token (ASCII words stay words), under the unicode61
tokenizer. A query becomes a phrase of the same tokens, which gives candidate units; exact
occurrences are then found with str.find in the unit text, so a space left by OCR between two
characters never yields a false position. Without FTS5 the candidates come from a plain instr()
scan; results are the same.

Offsets in hits are relative to the unit text, like every offset the program shows.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from reader.core.errors import InvalidInput
from reader.core.store.db import Project
from reader.core.store.documents import innermost_section, sections_of

FTS_TABLE = "units_fts"
SNIPPET_CONTEXT = 20
FIRST_CHUNK = 20  # units read at a time when only the first hits are wanted
MARK_OPEN, MARK_CLOSE = "【", "】"


@dataclass
class Hit:
    unit: int
    section: int | None
    county: str | None
    heading: str | None
    start: int  # relative to the unit text
    end: int
    snippet: str  # ±20 characters, the hit marked with 【】, line breaks as spaces

    def to_json(self) -> dict:
        return dict(self.__dict__)


@dataclass
class SearchResult:
    query: str
    total: int  # every occurrence in the project
    hits: list[Hit]  # the first `limit` of them, by unit then position
    method: str  # 'fts5' or 'scan'
    complete: bool = True  # False: only the first hits were looked for; total counts those units only


_WIDE_SPACE = re.compile(r"(?![\x00-\x7f])\s")
_WIDE_RUN = re.compile(r"([^\x00-\x7f]+)")


def tokens_text(text: str, chunk: int = 1 << 16) -> str:
    """The text as index tokens: a space around every non-ASCII character (a non-ASCII space
    becomes one space). Built a chunk at a time, so a text of millions of characters never holds
    a list of millions of small strings."""
    if len(text) > chunk:
        return "".join(tokens_text(text[k : k + chunk], chunk) for k in range(0, len(text), chunk))
    parts = _WIDE_RUN.split(_WIDE_SPACE.sub(" ", text))
    parts[1::2] = [" " + "  ".join(run) + " " for run in parts[1::2]]
    return "".join(parts)


def fts_query(query: str) -> str | None:
    """The FTS5 phrase for `query`, or None when the index cannot answer it (no token, or a
    character whose tokenizer class is uncertain: then search scans)."""
    words: list[str] = []
    for piece in tokens_text(query).split(" "):
        word = []
        for ch in piece:
            cat = unicodedata.category(ch)
            if cat[0] in "LN":
                word.append(ch)
            elif cat[0] in "PSZ" or cat == "Cc":  # separators for unicode61
                if word:
                    words.append("".join(word))
                word = []
            else:
                return None
        if word:
            words.append("".join(word))
    if not words:
        return None
    return '"' + " ".join(words).replace('"', '""') + '"'


# -- index upkeep (called inside the writers' transactions) --------------------------------------


def _has_index(project: Project) -> bool:
    return project.fts and project.db[FTS_TABLE].exists()


def ensure_index(project: Project) -> None:
    """Create and fill the index if FTS5 is available and it is missing (a project made without
    FTS5, or a new one). The index is derived data, rebuilt from the units."""
    if not project.fts or project.db[FTS_TABLE].exists():
        return
    from reader.core.store.documents import list_units, unit_text

    with project.db.atomic():
        project.db.execute(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(body, content='', tokenize='unicode61')"
        )
        index_units(project, [(u.id, unit_text(project, u.id)) for u in list_units(project)])


def index_units(project: Project, units: list[tuple[int, str]]) -> None:
    index_tokens(project, [(uid, tokens_text(t)) for uid, t in units])


def index_tokens(project: Project, units: list[tuple[int, str]]) -> None:
    """Index units whose text is already made into tokens (tokens_text)."""
    if not _has_index(project):
        return
    project.db.conn.executemany(f"INSERT INTO {FTS_TABLE} (rowid, body) VALUES (?, ?)", units)


def unindex_units(project: Project, units: list[tuple[int, str]]) -> None:
    """Remove units from the index; a contentless table needs the text that was indexed."""
    if not _has_index(project):
        return
    project.db.conn.executemany(
        f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, body) VALUES ('delete', ?, ?)",
        [(uid, tokens_text(t)) for uid, t in units],
    )


# -- searching -----------------------------------------------------------------------------------


def search(project: Project, query: str, limit: int | None = 100, *, force_scan: bool = False,
           first_only: bool = False) -> SearchResult:
    """Every exact occurrence of `query` in the project's unit texts (counted non-overlapping,
    like str.count); `hits` holds the first `limit` (None: all). With `first_only`, the units are
    read only until `limit` hits are found (fast on a big project: the window shows them while the
    whole count runs); the result then has complete=False unless every unit was read."""
    if not query or not query.strip():
        raise InvalidInput("query", query)
    if limit is not None and limit < 0:
        raise InvalidInput("limit", str(limit))
    phrase = fts_query(query)
    if _has_index(project) and phrase is not None and not force_scan:
        method = "fts5"
        candidates = [
            r[0] for r in project.db.execute(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? ORDER BY rowid", [phrase])
        ]
        rows = _unit_rows(project, candidates, query if first_only else None, limit)
    else:
        method = "scan"
        rows = project.db.execute(
            'SELECT u.id, u.county, substr(d.cleaned_text, u.start + 1, u."end" - u.start) AS body '
            "FROM units u JOIN documents d ON d.id = u.document_id WHERE instr(body, ?) > 0 ORDER BY u.id",
            [query],
        ).fetchall()
    total = 0
    found: list[tuple[int, str | None, str, int]] = []
    for uid, county, body in rows:
        i = body.find(query)
        while i >= 0:
            total += 1
            if limit is None or len(found) < limit:
                found.append((uid, county, body, i))
            i = body.find(query, i + len(query))
    trees = sections_of(project, sorted({f[0] for f in found}))
    hits = []
    for uid, county, body, i in found:
        section = innermost_section(trees.get(uid, []), i)
        hits.append(
            Hit(
                unit=uid,
                section=section.id if section else None,
                county=county,
                heading=section.heading if section else None,
                start=i,
                end=i + len(query),
                snippet=snippet(body, i, i + len(query)),
            )
        )
    complete = not first_only or method != "fts5" or len(rows) == len(candidates)
    return SearchResult(query=query, total=total, hits=hits, method=method, complete=complete)


def _unit_rows(project: Project, unit_ids: list[int], first: str | None = None,
               limit: int | None = None) -> list[tuple[int, str | None, str]]:
    """The units' (id, county, text); with `first`, only until `limit` occurrences of it are read."""
    rows: list[tuple[int, str | None, str]] = []
    found = 0
    step = 500 if first is None else FIRST_CHUNK
    for k in range(0, len(unit_ids), step):
        if first is not None and limit is not None and found >= limit:
            break
        chunk = unit_ids[k : k + step]
        got = project.db.execute(
            'SELECT u.id, u.county, substr(d.cleaned_text, u.start + 1, u."end" - u.start) '
            f"FROM units u JOIN documents d ON d.id = u.document_id WHERE u.id IN ({','.join('?' * len(chunk))}) "
            "ORDER BY u.id",
            chunk,
        ).fetchall()
        rows += got
        if first is not None:
            found += sum(body.count(first) for _uid, _county, body in got)
    return rows


def snippet(text: str, start: int, end: int, context: int = SNIPPET_CONTEXT) -> str:
    before = text[max(0, start - context) : start]
    after = text[end : end + context]
    s = (
        ("…" if start > context else "")
        + before
        + MARK_OPEN
        + text[start:end]
        + MARK_CLOSE
        + after
        + ("…" if end + context < len(text) else "")
    )
    return s.replace("\r", " ").replace("\n", " ")
