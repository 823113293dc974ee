"""What the comparison view marks in its cells, for the members on screen: the stock phrases shared
by two or more counties in each row (reader.core.compare.phrases) and the passages reused between two
sections (reader.core.compare.reuse), with each section's reused share.

Both cost time (shared phrases load jieba, ~0.75 s once per process; reuse ~1–2 ms per reusing
pair), so the view asks only for the sections of the columns it shows, off the UI thread, with
progress and a cooperative cancel between rows.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from reader.core.compare.comparison import Row
from reader.core.compare.phrases import SharedPhrase, row_phrases
from reader.core.compare.reuse import Reuse, RowReuse, row_reuse
from reader.core.errors import Cancelled
from reader.core.progress import Progress, is_cancelled
from reader.core.store.project import Project


@dataclass
class RowMarks:
    """The marks of one row among the sections asked for."""

    key: str
    phrases: list[SharedPhrase] = field(default_factory=list)  # strongest first
    reuse: RowReuse = field(default_factory=lambda: RowReuse([], {}))

    def pairs_of(self, section_id: int) -> list[Reuse]:
        return [p for p in self.reuse.pairs if section_id in (p.a_section, p.b_section)]


def row_marks(project: Project, rows: Sequence[Row], section_ids: Collection[int],
              progress: Progress | None = None, cancel: object | None = None) -> dict[str, RowMarks]:
    """Row key -> the shared phrases and reused passages among its members in `section_ids`. A row
    with fewer than two such members has none. Cancelled between rows."""
    wanted = set(section_ids)
    out: dict[str, RowMarks] = {}
    for k, row in enumerate(rows):
        if is_cancelled(cancel):
            raise Cancelled()
        if progress is not None:
            progress(k, len(rows), row.label)
        ids = [m.section_id for m in row.members if m.section_id in wanted]
        marks = RowMarks(row.key)
        if len({m.unit_id for m in row.members if m.section_id in wanted}) >= 2:
            marks.phrases = row_phrases(project, row, section_ids=ids)
            marks.reuse = row_reuse(project, row, section_ids=ids)
        out[row.key] = marks
    if progress is not None:
        progress(len(rows), len(rows), "")
    return out
