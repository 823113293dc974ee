"""Changing tagged passages as the window does: editing themes and note together, deleting several
at once and putting them back with the same ids (undo), tagging whole sections.

Whole sections: a section's own text runs from its heading to its first subsection (all of it
when it has none); with `subsections` the passage covers the section with its subsections. Tagging
every section whose heading matches a pattern is one transaction and returns the passage ids, so
that undo deletes exactly those.

One text span is tagged once per theme: a section whose span lies within a passage that already
has the themes (tagged before, or earlier in the same batch) is left alone, and with `subsections`
a matching section inside another matching section is part of that one's passage, not a second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.errors import InvalidInput, NotFound
from reader.core.store import passages as store
from reader.core.store.coders import default_coder
from reader.core.store.documents import SectionOutline, get_section, now, sections_of, unit_text
from reader.core.store.project import Project
from reader.core.store.snapshots import Snapshot, cascade_rows, restore
from reader.core.store.themes import get_theme


@dataclass
class PassageEdit:
    before: store.Passage
    after: store.Passage


def edit_passage(
    project: Project, passage_id: int, theme_ids: list[int] | None = None, note: str | None = None,
    span: tuple[int, int] | None = None,
) -> PassageEdit:
    """Set a passage's themes, note and/or span (start, end: where it begins and ends) in one
    transaction; returns it before and after."""
    before = store.get_passage(project, passage_id)
    with project.db.atomic():
        if theme_ids is not None:
            store.set_passage_themes(project, passage_id, theme_ids)
        if note is not None:
            store.set_note(project, passage_id, note)
        if span is not None and tuple(span) != (before.start, before.end):
            store.set_span(project, passage_id, span[0], span[1])
    return PassageEdit(before, store.get_passage(project, passage_id))


def delete_passages(project: Project, passage_ids: list[int]) -> Snapshot:
    """Delete passages (one transaction); the snapshot puts them back with restore_passages."""
    for pid in passage_ids:
        store.get_passage(project, pid)
    with project.db.atomic():
        snap = cascade_rows(project, "passages", passage_ids)
        for k in range(0, len(passage_ids), 500):
            chunk = passage_ids[k : k + 500]
            project.db.execute(f"DELETE FROM passages WHERE id IN ({','.join('?' * len(chunk))})", chunk)
    return snap


def restore_passages(project: Project, snapshot: Snapshot) -> None:
    restore(project, snapshot)


# -- whole sections ----------------------------------------------------------------------------------


@dataclass
class SectionTagging:
    passage_ids: list[int] = field(default_factory=list)
    sections: list[int] = field(default_factory=list)  # the sections tagged
    skipped: list[int] = field(default_factory=list)  # already tagged alike
    units: list[int] = field(default_factory=list)


def section_span(section: SectionOutline, subsections: bool) -> tuple[int, int]:
    """The span a whole-section passage covers (unit offsets)."""
    if subsections or not section.children:
        return section.start, section.end
    first = min(c.start for c in section.children)
    return section.start, max(first, section.heading_end)


def _section_with_children(project: Project, section_id: int) -> SectionOutline:
    s = get_section(project, section_id)
    for t in sections_of(project, [s.unit_id]).get(s.unit_id, []):
        for node in t.walk():
            if node.id == section_id:
                return node
    raise NotFound("section", str(section_id))


def tag_sections(
    project: Project, section_ids: list[int], theme_ids: list[int], *, subsections: bool = False, note: str = ""
) -> SectionTagging:
    """Tag each section as one passage with `theme_ids` (one transaction)."""
    if not theme_ids:
        raise InvalidInput("themes", "")
    sections = [_section_with_children(project, sid) for sid in dict.fromkeys(section_ids)]
    return _tag(project, sections, theme_ids, subsections, note)


def _tag(project: Project, sections: list[SectionOutline], theme_ids: list[int], subsections: bool, note: str) -> SectionTagging:
    """One transaction; unit texts read once per unit, rows inserted in batches."""
    result = SectionTagging()
    wanted = list(dict.fromkeys(theme_ids))
    for tid in wanted:
        get_theme(project, tid)
    by_unit: dict[int, list[SectionOutline]] = {}
    for s in sections:
        by_unit.setdefault(s.unit_id, []).append(s)
    coder = default_coder()
    created = now()
    rows: list[dict] = []
    tagged: list[int] = []
    for uid, secs in by_unit.items():
        text = unit_text(project, uid)
        digest = store.text_hash(text)
        have = _tagged_spans(project, uid)
        spans = sorted(((section_span(s, subsections), s) for s in secs), key=lambda x: (x[0][0], -x[0][1]))
        for (start, end), s in spans:  # outer spans first: a span inside one tagged just now is skipped
            if end <= start:
                continue
            if _covered(have, start, end, wanted):
                result.skipped.append(s.id)
                continue
            have.setdefault((start, end), set()).update(wanted)
            rows.append(
                {
                    "unit_id": uid,
                    "start": start,
                    "end": end,
                    "quote": text[start:end],
                    "context_before": text[max(0, start - store.CONTEXT) : start],
                    "context_after": text[end : end + store.CONTEXT],
                    "text_hash": digest,
                    "coder": coder,
                    "created_at": created,
                    "note": note or "",
                }
            )
            tagged.append(s.id)
            if uid not in result.units:
                result.units.append(uid)
    if not rows:
        return result
    db = project.db
    with db.atomic():
        first = db.execute("SELECT coalesce(max(id), 0) + 1 FROM passages").fetchone()[0]
        for k, row in enumerate(rows):
            row["id"] = first + k
        db["passages"].insert_all(rows, pk="id", batch_size=500)
        db["passage_themes"].insert_all(
            [{"passage_id": row["id"], "theme_id": t} for row in rows for t in wanted],
            pk=("passage_id", "theme_id"),
            batch_size=500,
        )
    result.passage_ids = [row["id"] for row in rows]
    result.sections = tagged
    return result


def _covered(have: dict[tuple[int, int], set[int]], start: int, end: int, wanted: list[int]) -> bool:
    """Whether [start, end) lies within spans that have every wanted theme (each theme may come
    from another span that covers it)."""
    return all(
        any(s <= start and end <= e and tid in themes for (s, e), themes in have.items()) for tid in wanted
    )


def _tagged_spans(project: Project, unit_id: int) -> dict[tuple[int, int], set[int]]:
    """The themes each (start, end) of the unit is already tagged with."""
    out: dict[tuple[int, int], set[int]] = {}
    for start, end, tid in project.db.execute(
        'SELECT p.start, p."end", pt.theme_id FROM passages p JOIN passage_themes pt ON pt.passage_id = p.id '
        "WHERE p.unit_id = ?",
        [unit_id],
    ):
        out.setdefault((start, end), set()).add(tid)
    return out


def heading_matcher(pattern: str, regex: bool = False):
    """A predicate on headings: a substring (several separated by spaces or '|': any of them), or
    a regular expression."""
    pattern = (pattern or "").strip()
    if not pattern:
        raise InvalidInput("pattern", pattern)
    if regex:
        try:
            rx = re.compile(pattern)
        except re.error as e:
            raise InvalidInput("regex", pattern) from e
        return lambda heading: rx.search(heading) is not None
    words = [w for w in re.split(r"[\s|｜]+", pattern) if w]
    return lambda heading: any(w in heading for w in words)


def sections_matching(
    project: Project, pattern: str, *, regex: bool = False, unit_ids: list[int] | None = None,
    outermost: bool = False,
) -> list[SectionOutline]:
    """Sections (of the given units, else all) whose heading matches; in outline order. With
    `outermost`, not those inside another matching section (a passage with subsections covers them)."""
    match = heading_matcher(pattern, regex)
    out: list[SectionOutline] = []

    def visit(s: SectionOutline) -> None:
        if match(s.heading):
            out.append(s)
            if outermost:
                return
        for c in s.children:
            visit(c)

    for tree in sections_of(project, unit_ids).values():
        for top in tree:
            visit(top)
    return out


def count_sections_matching(
    project: Project, pattern: str, *, regex: bool = False, unit_ids: list[int] | None = None,
    outermost: bool = False,
) -> int:
    """How many sections sections_matching() would return, from the headings alone (fast enough to
    count as the user types: no section trees are built)."""
    match = heading_matcher(pattern, regex)
    sql = "SELECT id, parent_id, heading FROM sections"
    if unit_ids is None:
        rows = project.db.execute(sql).fetchall()
    else:
        rows = []
        for k in range(0, len(unit_ids), 500):
            chunk = unit_ids[k : k + 500]
            rows += project.db.execute(f"{sql} WHERE unit_id IN ({','.join('?' * len(chunk))})", chunk).fetchall()
    matched = {sid for sid, _parent, heading in rows if match(heading)}
    if not outermost:
        return len(matched)
    parent_of = {sid: parent for sid, parent, _heading in rows}

    def inside_another(sid: int) -> bool:
        p = parent_of.get(sid)
        while p is not None:
            if p in matched:
                return True
            p = parent_of.get(p)
        return False

    return sum(1 for sid in matched if not inside_another(sid))


def tag_sections_matching(
    project: Project,
    pattern: str,
    theme_ids: list[int],
    *,
    regex: bool = False,
    subsections: bool = False,
    unit_ids: list[int] | None = None,
    note: str = "",
) -> SectionTagging:
    """Tag every section whose heading matches `pattern` (one transaction); with `subsections`, a
    matching section inside another is part of that one's passage."""
    if not theme_ids:
        raise InvalidInput("themes", "")
    sections = sections_matching(project, pattern, regex=regex, unit_ids=unit_ids, outermost=subsections)
    return _tag(project, sections, theme_ids, subsections, note)
