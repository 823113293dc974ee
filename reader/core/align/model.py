"""The data the alignment engine takes and gives: plain dataclasses, no Qt, no database."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

CorrectionKind = Literal["move", "not_match", "rename", "split", "merge"]
OTHER_KEY = "other"
OTHER_LABEL = "其他"


@dataclass(slots=True, weakref_slot=True)  # the engine keeps one (without its text) for each of ~300,000 items
class AlignSection:
    id: int
    unit_id: int
    heading: str
    text: str  # the section's full text: heading, body and its children's text
    level: int
    children: list[AlignSection] = field(default_factory=list)
    theme_ids: list[int] = field(default_factory=list)  # themes users tagged inside it
    kind: str | None = None  # the heading's kind (cn, paren_cn, run_in, dash … see reader.core.structure.headings)


@dataclass
class AlignUnit:
    id: int
    county: str | None
    year: int | None
    source: str
    sections: list[AlignSection]  # top level


@dataclass
class AlignTheme:
    id: int
    name: str
    keywords: list[str]
    parent_id: int | None = None


@dataclass
class Correction:
    """A user's correction, kept by the caller and applied again on every re-align.

    move: section_id goes into row_key (labelled label should that row have to be made). not_match: section_id must not be in row_key.
    rename: row row_key is labelled label. split: section_id leaves row_key for a new row
    target_row_key (labelled label). merge: row row_key joins row target_row_key.
    """

    kind: CorrectionKind
    section_id: int | None
    row_key: str
    target_row_key: str | None = None
    label: str | None = None


@dataclass(slots=True)  # one for each of ~300,000 aligned sections
class AlignMember:
    section_id: int
    unit_id: int
    county: str | None
    year: int | None
    source: str
    heading: str
    score: float
    terms: list[str]  # strongest shared terms: why it is here


@dataclass
class AlignRow:
    key: str
    label: str
    theme_id: int | None
    members: list[AlignMember]
    parent: str | None = None  # the key of the frame row (a review, a plan) its sections were read in
    frame: bool = False  # a row of frames: parts of reports read through their children


@dataclass
class AlignResult:
    rows: list[AlignRow]  # the last row is always key 'other', label '其他'
    unfit: list[int] = field(default_factory=list)  # units of another genre than the codebook's (see fit.py)

    def row(self, key: str) -> AlignRow | None:
        return next((r for r in self.rows if r.key == key), None)

    def row_of(self, section_id: int) -> AlignRow | None:
        return next((r for r in self.rows if any(m.section_id == section_id for m in r.members)), None)


def to_json(result: AlignResult) -> dict:
    """The plain form read by score.py and written by `reader align --json`."""
    rows = []
    for row in result.rows:
        members = [
            {"unit": m.unit_id, "county": m.county, "year": m.year, "source": m.source,
             "section": m.section_id, "heading": m.heading, "score": round(m.score, 4), "terms": list(m.terms)}
            for m in row.members
        ]
        rows.append({"key": row.key, "label": row.label, "theme_id": row.theme_id, "parent": row.parent,
                     "frame": row.frame, "members": members})
    return {"rows": rows, "unfit_units": list(result.unfit)}
