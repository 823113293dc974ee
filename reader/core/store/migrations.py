"""The project schema, as registered migrations (sqlite-utils' Migrations set "reader").

Rules: never edit a migration once released; add a new one (use `db[table].transform(...)` to
change a table's columns) and bump nothing else: SCHEMA_VERSION is the number of registered
migrations, stored in reader_meta after they are applied. Each migration runs in a transaction
with its record, so it must not commit (no executescript: it commits first).
"""

from __future__ import annotations

from reader.core.store.lean import Database, Migrations

MIGRATION_SET = "reader"
APP_MARK = "renda-reader"
APPLICATION_ID = 0x52454E44  # 'REND' in the SQLite header, so `file` and we can tell our projects

migrations = Migrations(MIGRATION_SET)

_INITIAL = [
    "CREATE TABLE reader_meta (key TEXT PRIMARY KEY, value TEXT)",
    """CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        source_path TEXT NOT NULL,
        source_name TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        encoding TEXT,
        format TEXT NOT NULL,
        original_text TEXT NOT NULL,
        cleaned_text TEXT NOT NULL,
        offset_map TEXT NOT NULL,
        steps TEXT NOT NULL DEFAULT '[]',
        damaged TEXT NOT NULL DEFAULT '[]',
        imported_at TEXT NOT NULL
    )""",
    """CREATE TABLE units (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        title TEXT,
        author TEXT,
        year INTEGER,
        county TEXT,
        province TEXT,
        prefecture TEXT,
        county_code TEXT,
        county_method TEXT
    )""",
    "CREATE INDEX idx_units_document_id ON units(document_id)",
    "CREATE INDEX idx_units_county ON units(county)",
    """CREATE TABLE sections (
        id INTEGER PRIMARY KEY,
        unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        parent_id INTEGER REFERENCES sections(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        level INTEGER NOT NULL,
        heading TEXT NOT NULL,
        kind TEXT,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        heading_end INTEGER NOT NULL
    )""",
    "CREATE INDEX idx_sections_unit_id ON sections(unit_id)",
    "CREATE INDEX idx_sections_parent_id ON sections(parent_id)",
    """CREATE TABLE themes (
        id INTEGER PRIMARY KEY,
        parent_id INTEGER REFERENCES themes(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        colour TEXT,
        shortcut TEXT,
        keywords TEXT NOT NULL DEFAULT '[]',
        description TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX idx_themes_parent_id ON themes(parent_id)",
    "CREATE UNIQUE INDEX idx_themes_sibling_name ON themes(coalesce(parent_id, 0), name)",
    """CREATE TABLE passages (
        id INTEGER PRIMARY KEY,
        unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        quote TEXT NOT NULL,
        context_before TEXT NOT NULL DEFAULT '',
        context_after TEXT NOT NULL DEFAULT '',
        text_hash TEXT NOT NULL,
        coder TEXT,
        created_at TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX idx_passages_unit_id ON passages(unit_id)",
    """CREATE TABLE passage_themes (
        passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
        theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
        PRIMARY KEY (passage_id, theme_id)
    )""",
    "CREATE INDEX idx_passage_themes_theme_id ON passage_themes(theme_id)",
    """CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        unit_id INTEGER REFERENCES units(id) ON DELETE CASCADE,
        section_id INTEGER REFERENCES sections(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX idx_notes_unit_id ON notes(unit_id)",
    "CREATE INDEX idx_notes_section_id ON notes(section_id)",
    """CREATE TABLE align_rows (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL,
        position INTEGER NOT NULL,
        theme_id INTEGER REFERENCES themes(id) ON DELETE SET NULL
    )""",
    "CREATE INDEX idx_align_rows_theme_id ON align_rows(theme_id)",
    """CREATE TABLE align_members (
        row_id INTEGER NOT NULL REFERENCES align_rows(id) ON DELETE CASCADE,
        section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
        score REAL,
        PRIMARY KEY (row_id, section_id)
    )""",
    "CREATE INDEX idx_align_members_section_id ON align_members(section_id)",
    """CREATE TABLE align_corrections (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        section_id INTEGER REFERENCES sections(id) ON DELETE CASCADE,
        row_label TEXT,
        target_row_label TEXT,
        label TEXT,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX idx_align_corrections_section_id ON align_corrections(section_id)",
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)",
]


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    for statement in _INITIAL:
        db.execute(statement)
    db.execute("INSERT INTO reader_meta (key, value) VALUES ('app', ?)", [APP_MARK])
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


_ALIGN_KEYS = [
    # rows are named by stable keys (topic:…, theme:ID, cluster:…, user:N, other): corrections name them
    "ALTER TABLE align_rows ADD COLUMN key TEXT",
    "CREATE UNIQUE INDEX idx_align_rows_key ON align_rows(key)",
    "ALTER TABLE align_members ADD COLUMN terms TEXT NOT NULL DEFAULT '[]'",
    # a correction in the engine's form (row keys); row_label/target_row_label keep the labels the
    # user saw; undo holds what the stored rows were before it, to take it back exactly
    "ALTER TABLE align_corrections ADD COLUMN row_key TEXT",
    "ALTER TABLE align_corrections ADD COLUMN target_row_key TEXT",
    "ALTER TABLE align_corrections ADD COLUMN undo TEXT",
    # the units the stored alignment was made from
    """CREATE TABLE align_units (
        unit_id INTEGER PRIMARY KEY REFERENCES units(id) ON DELETE CASCADE,
        position INTEGER NOT NULL
    )""",
]


@migrations(name="0002_align_keys")
def m0002_align_keys(db: Database) -> None:
    for statement in _ALIGN_KEYS:
        db.execute(statement)


_UNPLACED = [
    # passages a re-cleaning could not find again (reader.core.ingest.reclean): kept with their quote,
    # context, themes and old position for the user to place or delete, never dropped
    """CREATE TABLE unplaced_passages (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        passage_id INTEGER NOT NULL,
        unit_id INTEGER,
        unit_position INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        quote TEXT NOT NULL,
        context_before TEXT NOT NULL DEFAULT '',
        context_after TEXT NOT NULL DEFAULT '',
        coder TEXT,
        created_at TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        themes TEXT NOT NULL DEFAULT '[]',
        recleaned_at TEXT NOT NULL
    )""",
    "CREATE INDEX idx_unplaced_passages_document_id ON unplaced_passages(document_id)",
]


@migrations(name="0003_unplaced_passages")
def m0003_unplaced_passages(db: Database) -> None:
    for statement in _UNPLACED:
        db.execute(statement)


_LEVELS = [
    # the office in a report's byline ("某某省省长", "县人大常委会主任"), beside its author's name
    "ALTER TABLE units ADD COLUMN office TEXT",
    # rows of frames (a review, a plan: parts read through their children) and the frame row each
    # topic row hangs under; whether the codebook fits each aligned report (reader.core.align.fit)
    "ALTER TABLE align_rows ADD COLUMN parent TEXT",
    "ALTER TABLE align_rows ADD COLUMN frame INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE align_units ADD COLUMN fits INTEGER NOT NULL DEFAULT 1",
]


@migrations(name="0004_reading_levels")
def m0004_reading_levels(db: Database) -> None:
    for statement in _LEVELS:
        db.execute(statement)


@migrations(name="0005_project_id")
def m0005_project_id(db: Database) -> None:
    """A random id for the project, copied into every backup of it: a restore puts back only a copy
    of this project (reader.core.store.backups), whatever a backup file is named."""
    import uuid

    db.execute("INSERT OR IGNORE INTO reader_meta (key, value) VALUES ('project_id', ?)", [uuid.uuid4().hex])


_OCR_PAGES = [
    # an OCR'd document's pages (greyscale JPEG as read), lines (box on the page, span in the original
    # text, the text as recognised) and one confidence a character of the original text
    # (reader.core.store.ocr_pages; reader.core.ocr.record)
    """CREATE TABLE ocr_pages (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        number INTEGER NOT NULL,
        source TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        image BLOB NOT NULL,
        PRIMARY KEY (document_id, position)
    )""",
    """CREATE TABLE ocr_lines (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        page INTEGER NOT NULL,
        x0 INTEGER NOT NULL,
        y0 INTEGER NOT NULL,
        x1 INTEGER NOT NULL,
        y1 INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        recognised TEXT NOT NULL,
        PRIMARY KEY (document_id, position)
    )""",
    """CREATE TABLE ocr_confidence (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        confidence BLOB NOT NULL
    )""",
]


@migrations(name="0006_ocr_pages")
def m0006_ocr_pages(db: Database) -> None:
    for statement in _OCR_PAGES:
        db.execute(statement)


@migrations(name="0007_scale")
def m0007_scale(db: Database) -> None:
    """For a decade of national reports. The search index becomes one token per character of every
    kind (reader.core.search), so that the index counts occurrences exactly: the old one (one token
    per wide character, punctuation left out) is dropped here and rebuilt when the project opens
    (fulltext.ensure_index). File names get an index: the outline's filter looks them up without
    reading every document's row; and places do: the outline reads a province's prefectures (a
    prefecture's counties) without reading every report's row."""
    import logging
    import sqlite3

    db.execute("CREATE INDEX IF NOT EXISTS idx_documents_source_name ON documents(source_name)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_units_place ON units(province, prefecture, county)")
    try:
        db.execute("DROP TABLE IF EXISTS units_fts")
    except sqlite3.OperationalError as e:  # this SQLite has no FTS5: ensure_index rebuilds it where there is
        logging.getLogger(__name__).info("search index left for a SQLite with FTS5: %s", e)


SCHEMA_VERSION = len(migrations._migrations)  # the set has no public list of its migrations
KNOWN = [m.name for m in migrations._migrations]


def apply(db: Database) -> list[str]:
    """Apply pending migrations and record the schema version. Returns the names applied (none on
    a current project, which is then left untouched)."""
    pending = [m.name for m in migrations.pending(db)]
    if pending:
        migrations.apply(db)
    elif _stored_version(db) == SCHEMA_VERSION:
        return []
    # also when a crash came between the last migration and this record (its own transaction)
    with db.atomic():
        db.execute(
            "INSERT INTO reader_meta (key, value) VALUES ('schema_version', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [str(SCHEMA_VERSION)],
        )
    return pending


def _stored_version(db: Database) -> int | None:
    row = db.execute("SELECT value FROM reader_meta WHERE key = 'schema_version'").fetchone()
    try:
        return int(row[0]) if row else None
    except ValueError:
        return None
