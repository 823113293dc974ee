"""Reports imported twice: the same report in two formats (a .docx and the .txt copied from it, a
saved web page and its PDF) has different bytes, so the import's duplicate check by file hash lets
it in. same_text() finds, for newly imported reports, an earlier report of the same county and year
from a file of another format whose text is the same once white space and punctuation are set
aside (a close match: two conversions of one document differ in a few characters). Two files of
one format that differ are two versions, not a copy, and are left to the user.

    twins = same_text(project, report.unit_ids)   # [Twin(unit, same_as, similarity), ...]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.store.documents import get_unit, unit_text
from reader.core.store.project import Project

SIMILAR = 0.9  # share of the 4-character pieces the two texts have in common
SHINGLE = 4
LENGTH_RATIO = 0.85  # texts whose lengths differ more cannot be the same
_NOT_TEXT = re.compile(r"[\W_]+", re.UNICODE)


@dataclass(frozen=True)
class Twin:
    unit: int  # the report just imported
    same_as: int  # the earlier report with the same text
    source: str  # file names, to say so
    same_as_source: str
    similarity: float


def normalized(text: str) -> str:
    """The text without white space and punctuation (what two conversions of one report share)."""
    return _NOT_TEXT.sub("", text)


def _shingles(text: str) -> set[str]:
    return {text[k : k + SHINGLE] for k in range(max(1, len(text) - SHINGLE + 1))}


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the two normalized texts' 4-character pieces (1.0: the same)."""
    if not a or not b:
        return 0.0
    if min(len(a), len(b)) / max(len(a), len(b)) < LENGTH_RATIO:
        return 0.0
    sa, sb = _shingles(a), _shingles(b)
    return len(sa & sb) / len(sa | sb)


def _candidates(project: Project, unit_id: int) -> list[tuple[int, str]]:
    """Earlier reports of the same county and year (both unknown alike) from a file of another
    format, with their file names."""
    u = get_unit(project, unit_id)
    rows = project.db.execute(
        "SELECT u.id, d.source_name FROM units u JOIN documents d ON d.id = u.document_id "
        "WHERE u.id < ? AND u.county IS ? AND u.prefecture IS ? AND u.year IS ? AND u.document_id != ? "
        "AND d.format != (SELECT format FROM documents WHERE id = ?) ORDER BY u.id",
        [unit_id, u.county, u.prefecture, u.year, u.document_id, u.document_id],
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


def same_text(project: Project, unit_ids: list[int], threshold: float = SIMILAR) -> list[Twin]:
    """For each of `unit_ids`, the first earlier report whose text is the same (or nearly)."""
    out: list[Twin] = []
    texts: dict[int, str] = {}

    def text_of(uid: int) -> str:
        if uid not in texts:
            texts[uid] = normalized(unit_text(project, uid))
        return texts[uid]

    for uid in sorted(unit_ids):
        mine = text_of(uid)
        source = get_unit(project, uid).source
        for other, other_source in _candidates(project, uid):
            score = similarity(mine, text_of(other))
            if score >= threshold:
                out.append(Twin(uid, other, source, other_source, score))
                break
    return out


def skip_copies(project: Project, twins: list[Twin]) -> int:
    """Remove the reports just imported that are copies of earlier ones (one transaction); the
    earlier ones stay as they are. Returns how many were removed."""
    from reader.core.ingest.unit_edits import delete_unit

    with project.db.atomic():
        for twin in twins:
            delete_unit(project, twin.unit)
    return len(twins)
