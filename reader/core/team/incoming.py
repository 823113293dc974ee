"""A teammate's copy, read for merging (reader.core.team.merge) without changing the file: its
codebook, its reports keyed by the hash of their cleaned text, the documents they belong to (to
offer those we do not have), and its passages with their coder, note and time.

Two kinds of copy: a project file (.renda, read through a read-only connection; a file that is not
one of ours, is damaged or comes from a newer program is refused as when opening it), or a REFI-QDA
project (.qdpx, read by reader.core.export.refi.project_reader: every Coding keeps its own coder).
Offsets are those of the report's text, as everywhere in the program.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.errors import NotAProject, PathMissing, PathUnreadable
from reader.core.export.codebook_merge import CodeNode, clean_name
from reader.core.export.refi.project_reader import Skipped, read_qdpx, source_text
from reader.core.store.db import check_project_file
from reader.core.store.passages import text_hash
from reader.core.store.themes import PATH_SEP

RENDA, QDPX = "renda", "qdpx"


@dataclass
class IncomingTheme:
    key: str  # the copy's own id for it: a theme id (.renda) or a code's GUID (.qdpx)
    path: str  # 父/子, names as we store them
    name: str
    parent: str | None  # the key of its parent
    colour: str | None = None
    description: str = ""
    keywords: list[str] = field(default_factory=list)
    origin_id: int | None = None  # .renda: its id, which a copy shares with the project it was made from


@dataclass
class IncomingReport:
    key: str  # text_hash of its cleaned text: how it is matched with ours
    document: str  # the IncomingDocument it belongs to
    length: int
    title: str | None = None
    county: str | None = None
    year: int | None = None


@dataclass
class IncomingDocument:
    key: str  # .renda: the document's sha256; .qdpx: the source's GUID
    name: str  # the source file's name, or the source's name
    sha256: str
    reports: list[str] = field(default_factory=list)  # IncomingReport keys, in order
    row_id: int | None = None  # .renda: its id in the copy (read again when it is imported)
    source: object | None = None  # .qdpx: the source as project_reader read it


@dataclass
class IncomingPassage:
    report: str  # IncomingReport key
    start: int
    end: int
    coder: str | None
    note: str
    created_at: str | None
    themes: list[str]  # IncomingTheme keys


@dataclass
class Incoming:
    path: Path
    kind: str  # RENDA or QDPX
    themes: list[IncomingTheme] = field(default_factory=list)  # parents before children
    reports: dict[str, IncomingReport] = field(default_factory=dict)
    documents: dict[str, IncomingDocument] = field(default_factory=dict)
    passages: list[IncomingPassage] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)  # what a .qdpx held that cannot be taken

    def theme_paths(self) -> set[str]:
        return {t.path for t in self.themes}


def read_incoming(path: str | Path) -> Incoming:
    """Read a teammate's .renda or .qdpx (by suffix). PathMissing, NotAProject, ProjectTooNew,
    ProjectDamaged, BadExchangeFile...: the file is left as it is."""
    path = Path(path)
    if not path.exists():
        raise PathMissing(str(path))
    if path.suffix.lower() == ".qdpx":
        return _read_qdpx(path)
    if path.is_dir():
        raise NotAProject(str(path), "a folder")
    return _read_renda(path)


# -- a project file ----------------------------------------------------------------------------------


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write the file (immutable when no one has it open: no -wal or -shm
    is left beside a teammate's copy)."""
    wal = Path(str(path) + "-wal")
    uri = path.resolve().as_uri() + ("?mode=ro" if wal.exists() else "?immutable=1")
    try:
        return sqlite3.connect(uri, uri=True)
    except sqlite3.Error as e:
        raise PathUnreadable(str(path), str(e)) from e


def _read_renda(path: Path) -> Incoming:
    check_project_file(path, integrity=True)  # NotAProject / ProjectTooNew / ProjectDamaged
    conn = connect_read_only(path)
    try:
        return _renda_contents(conn, path)
    except sqlite3.DatabaseError as e:
        raise NotAProject(str(path), str(e)) from e
    finally:
        conn.close()


def _renda_contents(conn: sqlite3.Connection, path: Path) -> Incoming:
    out = Incoming(path, RENDA)
    rows = conn.execute(
        "SELECT id, parent_id, name, colour, keywords, description FROM themes ORDER BY position, id"
    ).fetchall()
    children: dict[int | None, list[tuple]] = {}
    for r in rows:
        children.setdefault(r[1], []).append(r)
    known = {r[0] for r in rows}

    def walk(parent: int | None, prefix: str, parent_key: str | None) -> None:
        for tid, _parent, name, colour, keywords, description in children.get(parent, []):
            path_ = prefix + name
            out.themes.append(IncomingTheme(str(tid), path_, name, parent_key, colour, description or "",
                                            _keywords(keywords), origin_id=tid))
            walk(tid, path_ + PATH_SEP, str(tid))

    walk(None, "", None)
    for r in rows:  # a theme whose parent is missing (a damaged tree): top level, not lost
        if r[1] is not None and r[1] not in known:
            out.themes.append(IncomingTheme(str(r[0]), r[2], r[2], None, r[3], r[5] or "", _keywords(r[4]), r[0]))
    unit_key: dict[int, str] = {}
    for doc_id, name, sha in conn.execute("SELECT id, source_name, sha256 FROM documents ORDER BY id"):
        out.documents[sha] = IncomingDocument(sha, name, sha, row_id=doc_id)
    docs_by_id = {d.row_id: d for d in out.documents.values()}
    for uid, doc_id, text, title, county, year in conn.execute(
        'SELECT u.id, u.document_id, substr(d.cleaned_text, u.start + 1, u."end" - u.start), u.title, u.county, '
        "u.year FROM units u JOIN documents d ON d.id = u.document_id ORDER BY u.document_id, u.position"
    ):
        key = text_hash(text)
        unit_key[uid] = key
        doc = docs_by_id[doc_id]
        out.reports.setdefault(key, IncomingReport(key, doc.key, len(text), title, county, year))
        doc.reports.append(key)
    themes: dict[int, list[str]] = {}
    for pid, tid in conn.execute("SELECT passage_id, theme_id FROM passage_themes ORDER BY passage_id"):
        themes.setdefault(pid, []).append(str(tid))
    for pid, uid, start, end, coder, note, created in conn.execute(
        'SELECT id, unit_id, start, "end", coder, note, created_at FROM passages ORDER BY unit_id, start, id'
    ):
        if uid in unit_key:
            out.passages.append(IncomingPassage(unit_key[uid], start, end, coder, note or "", created,
                                                themes.get(pid, [])))
    return out


def _keywords(value: str | None) -> list[str]:
    try:
        words = json.loads(value or "[]")
    except ValueError:
        return []
    return [w for w in words if isinstance(w, str)] if isinstance(words, list) else []


def document_rows(path: Path, doc_id: int) -> tuple[dict, list[dict], list[dict]]:
    """A .renda copy's document `doc_id` as rows: (document, units, sections), for importing it."""
    conn = connect_read_only(path)
    conn.row_factory = sqlite3.Row
    try:
        doc = dict(conn.execute("SELECT * FROM documents WHERE id = ?", [doc_id]).fetchone())
        units = [dict(r) for r in conn.execute("SELECT * FROM units WHERE document_id = ? ORDER BY position", [doc_id])]
        ids = [u["id"] for u in units]
        sections = [dict(r) for r in conn.execute(
            f"SELECT * FROM sections WHERE unit_id IN ({','.join('?' * len(ids))}) ORDER BY id", ids)] if ids else []
    finally:
        conn.close()
    return doc, units, sections


# -- a REFI-QDA project ---------------------------------------------------------------------------


def _read_qdpx(path: Path) -> Incoming:
    import hashlib

    codes, sources, skipped = read_qdpx(path)
    out = Incoming(path, QDPX, skipped=list(skipped))

    def walk(nodes: list[CodeNode], prefix: str, parent: str | None) -> None:
        for k, node in enumerate(nodes):
            name = clean_name(node.name)
            key = node.key or f"{parent or ''}/{k}"
            out.themes.append(IncomingTheme(key, prefix + name, name, parent, node.colour, node.description or "",
                                            list(node.keywords)))
            walk(node.children, prefix + name + PATH_SEP, key)

    walk(codes, "", None)
    known = {t.key for t in out.themes}
    for src in sources:
        st = source_text(src, path)
        if not st.text.strip():
            out.skipped.append(Skipped("empty_source", src.name))
            continue
        key = text_hash(st.text)
        sha = hashlib.sha256(src.data).hexdigest()
        doc = out.documents.setdefault(src.guid, IncomingDocument(src.guid, src.name, sha, source=src))
        doc.reports.append(key)
        out.reports.setdefault(key, IncomingReport(key, src.guid, len(st.text), src.name, src.values.get("county"),
                                                   _year(src.values.get("year"))))
        for sel in src.selections:
            start, end = st.span(sel.start, sel.end, sel.name)
            if not 0 <= start < end <= len(st.text):
                out.skipped.append(Skipped("outside", src.name, start=sel.start, end=sel.end))
                continue
            for coder, found in sel.by_coder().items():
                codes_of = [c for c in dict.fromkeys(found) if c in known]
                if not codes_of and not sel.note:
                    out.skipped.append(Skipped("no_code", src.name, start=sel.start, end=sel.end))
                    continue
                out.passages.append(IncomingPassage(key, start, end, coder, sel.note, sel.created, codes_of))
    return out


def _year(value: str | None) -> int | None:
    digits = "".join(c for c in (value or "") if c.isdigit())[:4]
    return int(digits) if len(digits) == 4 else None
