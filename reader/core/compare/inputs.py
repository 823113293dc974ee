"""What the alignment engine reads, taken from a project: units with their section trees and texts,
the themes users tagged inside each section, and the codebook as themes with keywords."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from reader.core.align.model import AlignSection, AlignTheme, AlignUnit
from reader.core.store.documents import SectionOutline, innermost_section, sections_of
from reader.core.store.project import Project
from reader.core.store.themes import list_themes

CHUNK = 400  # ids per query


def unit_texts(project: Project, unit_ids: Sequence[int]) -> dict[int, str]:
    """Unit id -> its cleaned text (every offset is relative to it)."""
    out: dict[int, str] = {}
    for k in range(0, len(unit_ids), CHUNK):
        chunk = list(unit_ids[k : k + CHUNK])
        out.update(
            project.db.execute(
                'SELECT u.id, substr(d.cleaned_text, u.start + 1, u."end" - u.start) FROM units u '
                f"JOIN documents d ON d.id = u.document_id WHERE u.id IN ({','.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
        )
    return out


def _unit_rows(project: Project, unit_ids: Sequence[int]) -> dict[int, tuple[str | None, int | None, str]]:
    out: dict[int, tuple[str | None, int | None, str]] = {}
    for k in range(0, len(unit_ids), CHUNK):
        chunk = list(unit_ids[k : k + CHUNK])
        for uid, county, year, source in project.db.execute(
            "SELECT u.id, u.county, u.year, d.source_name FROM units u JOIN documents d ON d.id = u.document_id "
            f"WHERE u.id IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            out[uid] = (county, year, source)
    return out


def tagged_themes(project: Project, unit_ids: Sequence[int], trees: dict[int, list[SectionOutline]]) -> dict[int, list[int]]:
    """Section id -> the theme of every tag on a passage that starts in it (its innermost section)."""
    out: dict[int, list[int]] = {}
    for k in range(0, len(unit_ids), CHUNK):
        chunk = list(unit_ids[k : k + CHUNK])
        for uid, start, theme_id in project.db.execute(
            "SELECT p.unit_id, p.start, pt.theme_id FROM passages p JOIN passage_themes pt ON pt.passage_id = p.id "
            f"WHERE p.unit_id IN ({','.join('?' * len(chunk))}) ORDER BY p.unit_id, p.start, p.id, pt.theme_id",
            chunk,
        ):
            section = innermost_section(trees.get(uid, []), start)
            if section is not None:
                out.setdefault(section.id, []).append(theme_id)
    return out


def align_themes(project: Project) -> list[AlignTheme]:
    """The project's codebook: every theme with its keywords (root themes become rows)."""
    return [AlignTheme(t.id, t.name, list(t.keywords), t.parent_id) for t in list_themes(project)]


def align_units(
    project: Project, unit_ids: Sequence[int], tick: Callable[[int], None] | None = None
) -> list[AlignUnit]:
    """AlignUnits for `unit_ids`, in that order; `tick(n)` after every chunk of n units read."""
    return list(iter_units(project, unit_ids, tick))


def iter_units(
    project: Project, unit_ids: Sequence[int], tick: Callable[[int], None] | None = None, chunk_size: int = CHUNK
) -> Iterator[AlignUnit]:
    """AlignUnits for `unit_ids`, in that order, read a chunk at a time: a consumer that keeps no unit
    holds one chunk's texts, not a national corpus's (hundreds of MB). `tick(n)` after every chunk
    of n units is read (before its units are yielded)."""
    for k in range(0, len(unit_ids), chunk_size):
        chunk = list(unit_ids[k : k + chunk_size])
        texts = unit_texts(project, chunk)
        info = _unit_rows(project, chunk)
        trees = sections_of(project, chunk)
        tags = tagged_themes(project, chunk, trees)
        units = [_unit(uid, info[uid], texts.pop(uid), trees.pop(uid, []), tags) for uid in chunk]
        del texts, trees, tags
        if tick is not None:
            tick(len(chunk))
        units.reverse()
        while units:  # handed over one by one: this generator keeps none it has given
            yield units.pop()


def _unit(uid: int, info: tuple[str | None, int | None, str], text: str, tree: list[SectionOutline],
          tags: dict[int, list[int]]) -> AlignUnit:
    county, year, source = info
    return AlignUnit(uid, county, year, source, [_section(s, text, tags) for s in tree])


def _section(s: SectionOutline, text: str, tags: dict[int, list[int]]) -> AlignSection:
    children = [_section(c, text, tags) for c in s.children]
    return AlignSection(s.id, s.unit_id, s.heading, text[s.start : s.end], s.level, children, list(tags.get(s.id, [])),
                        s.kind)


def section_texts(project: Project, section_ids: Sequence[int]) -> dict[int, tuple[int, int, int, str]]:
    """Section id -> (unit id, start, end, text): the section's span in its unit text and the text."""
    spans: dict[int, tuple[int, int, int]] = {}
    for k in range(0, len(section_ids), CHUNK):
        chunk = list(section_ids[k : k + CHUNK])
        for sid, uid, start, end in project.db.execute(
            f'SELECT id, unit_id, start, "end" FROM sections WHERE id IN ({",".join("?" * len(chunk))})', chunk
        ):
            spans[sid] = (uid, start, end)
    texts = unit_texts(project, sorted({u for u, _, _ in spans.values()}))
    return {sid: (uid, s, e, texts[uid][s:e]) for sid, (uid, s, e) in spans.items()}
