"""Merging a teammate's copy (a .renda project or a REFI-QDA .qdpx) into the project.

A team works so: the lead builds the project and codebook and sends a copy to each research
assistant; each codes the same reports; the lead merges the copies. What is matched and how:

- reports by the hash of their cleaned text (so a copy's report is ours whatever its id); the
  documents only the copy has are offered for import (`documents` of apply_merge), with their
  passages; a report whose document we have but whose text differs (cleaned by other rules) is
  left out and counted.
- themes by their path in the codebook. A theme of the copy whose path we do not have is added,
  unless it looks like one of ours renamed or moved by the teammate (one of ours the copy lacks,
  with the same id in a .renda copy, or the same name elsewhere): such a theme is a conflict that
  must be decided before anything is written, by a mapping {their path: our path} (None: add it as
  a new theme). The window shows the conflicts in a dialog; the command line takes --map and
  --add-theme, and is refused with ThemeMappingNeeded without them. Decisions are remembered in
  the project, so the next copy of the same teammate merges without asking again.
- passages come in under their coder, with their note and time. Two coders' passages on the same
  span stay two passages (they are the data of the agreement). A passage already here (same report,
  span and coder, and the same time or the same themes) is not added again: merging the same copy
  twice adds nothing.

apply_merge backs the project up first (reason before-merge) and writes everything in one
transaction; the MergeResult says what came in.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.errors import NotFound, ThemeMappingNeeded
from reader.core.export.codebook_merge import clean_colour
from reader.core.export.refi.project_reader import ExchangeImport, Skipped, insert_source
from reader.core.progress import Progress
from reader.core.store import backups, fulltext
from reader.core.store.documents import next_id, now
from reader.core.store.passages import CONTEXT, text_hash
from reader.core.store.project import Project
from reader.core.store.settings import get_setting, set_setting
from reader.core.store.themes import PATH_SEP, Theme, add_theme, list_themes
from reader.core.team.incoming import Incoming, IncomingTheme, document_rows, read_incoming

MAP_SETTING = "team.theme_map"  # the decisions of earlier merges: {their path: our path or None}
RENAMED, MOVED, RENAMED_MOVED = "renamed", "moved", "renamed_moved"


@dataclass(frozen=True)
class ThemeConflict:
    """A theme of the copy that seems to be one of ours renamed or moved (`why`)."""

    theirs: str  # its path in the copy
    ours: str  # the path of ours it seems to be (the suggested mapping)
    why: str  # RENAMED, MOVED or RENAMED_MOVED


@dataclass
class Offered:
    """A document only the copy has, offered for import with its reports and passages."""

    key: str
    name: str
    reports: list[tuple[str | None, str | None, int | None]]  # (title, county, year)
    passages: int


@dataclass
class _Resolved:
    path: str  # the theme's path here
    theme_id: int | None  # None: to be added


@dataclass
class MergePlan:
    """What merging the copy would do (nothing is written to make it)."""

    incoming: Incoming
    mapping: dict[str, str | None]  # the decisions used: their path -> our path (None: a new theme)
    conflicts: list[ThemeConflict] = field(default_factory=list)  # not decided yet
    resolved: dict[str, _Resolved] = field(default_factory=dict)  # their theme key -> here
    new_themes: list[str] = field(default_factory=list)  # paths to add
    matched: dict[str, int] = field(default_factory=dict)  # report key -> our unit id
    offered: list[Offered] = field(default_factory=list)
    differing: int = 0  # reports of documents we have whose text differs: their passages are left out
    passages: int = 0  # new passages in the matched reports
    already: int = 0  # passages of the matched reports already here
    by_coder: dict[str, int] = field(default_factory=dict)  # new passages in the matched reports by coder

    @property
    def path(self) -> Path:
        return self.incoming.path

    def map_arguments(self) -> str:
        """The undecided conflicts as the command line's --map arguments (OURS=THEIRS)."""
        return "; ".join(f"{c.ours}={c.theirs}" for c in self.conflicts)


@dataclass
class MergeResult:
    path: Path
    backup: backups.Backup | None = None
    passages: int = 0  # added
    by_coder: dict[str, int] = field(default_factory=dict)
    already: int = 0  # already here, not added again
    themes_added: list[str] = field(default_factory=list)
    documents: int = 0  # imported
    units: list[int] = field(default_factory=list)  # the reports imported
    left_out: int = 0  # passages of reports not here (not imported, or whose text differs)
    skipped: list[Skipped] = field(default_factory=list)
    touched: set[int] = field(default_factory=set)  # units that got passages

    @property
    def changed(self) -> bool:
        return bool(self.passages or self.themes_added or self.documents)

    def to_json(self) -> dict:
        return {"path": str(self.path), "passages": self.passages, "by_coder": self.by_coder,
                "already": self.already, "themes_added": self.themes_added, "documents": self.documents,
                "reports": len(self.units), "left_out": self.left_out,
                "backup": str(self.backup.path) if self.backup else None}


# == planning ========================================================================================


def unit_keys(project: Project) -> dict[str, int]:
    """Our reports by the hash of their cleaned text (the first unit of a text held twice)."""
    out: dict[str, int] = {}
    for uid, text in project.db.execute(
        'SELECT u.id, substr(d.cleaned_text, u.start + 1, u."end" - u.start) FROM units u '
        "JOIN documents d ON d.id = u.document_id ORDER BY u.id"
    ):
        out.setdefault(text_hash(text), uid)
    return out


def remembered_mapping(project: Project) -> dict[str, str | None]:
    value = get_setting(project, MAP_SETTING, {})
    return {k: v for k, v in value.items() if isinstance(k, str) and (v is None or isinstance(v, str))} \
        if isinstance(value, dict) else {}


def plan_merge(project: Project, source: str | Path | Incoming, mapping: dict[str, str | None] | None = None) -> MergePlan:
    """What merging `source` would do, with `mapping` ({their path: our path, or None for a new
    theme}) on top of the decisions remembered from earlier merges. NotFound for a mapping that
    names a theme neither side has."""
    incoming = source if isinstance(source, Incoming) else read_incoming(source)
    theirs = incoming.theme_paths()
    ours = {t.path: t for t in list_themes(project)}
    decided = {k: v for k, v in remembered_mapping(project).items() if k in theirs and (v is None or v in ours)}
    for their_path, our_path in (mapping or {}).items():
        if their_path not in theirs:
            raise NotFound("their_theme", their_path)
        if our_path is not None and our_path not in ours:
            raise NotFound("theme", our_path)
        decided[their_path] = our_path
    plan = MergePlan(incoming, decided)
    _resolve_themes(plan, ours, theirs)
    _match_reports(project, plan)
    return plan


def _resolve_themes(plan: MergePlan, ours: dict[str, Theme], theirs: set[str]) -> None:
    by_id = {t.id: t for t in ours.values()}
    free = [t for t in ours.values() if t.path not in theirs]  # ours the copy lacks: renamed or moved there?
    taken: set[str] = set()
    for t in plan.incoming.themes:
        parent = plan.resolved.get(t.parent) if t.parent else None
        base = parent.path + PATH_SEP if parent else ""
        target = base + t.name
        if parent is not None and parent.theme_id is None:  # under a new theme: new too
            plan.resolved[t.key] = _new(plan, target, ours)
        elif t.path in plan.mapping:
            chosen = plan.mapping[t.path]
            plan.resolved[t.key] = _new(plan, target, ours) if chosen is None else _Resolved(chosen, ours[chosen].id)
            if chosen is not None:
                taken.add(chosen)
        elif target in ours:
            plan.resolved[t.key] = _Resolved(target, ours[target].id)
            taken.add(target)
        else:
            candidate = _candidate(t, parent, free, taken, by_id)
            if candidate is None:
                plan.resolved[t.key] = _new(plan, target, ours)
                continue
            taken.add(candidate.path)
            plan.conflicts.append(ThemeConflict(t.path, candidate.path, _why(t, parent, candidate, by_id)))
            plan.resolved[t.key] = _Resolved(candidate.path, candidate.id)  # for its children, until decided


def _new(plan: MergePlan, path: str, ours: dict[str, Theme]) -> _Resolved:
    if path in ours:
        return _Resolved(path, ours[path].id)
    if path not in plan.new_themes:
        plan.new_themes.append(path)
    return _Resolved(path, None)


def _candidate(t: IncomingTheme, parent: _Resolved | None, free: list[Theme], taken: set[str],
               by_id: dict[int, Theme]) -> Theme | None:
    """The theme of ours that `t` seems to be: the same id (a .renda copy keeps the ids of the
    project it was made from), else the one theme of that name elsewhere."""
    if t.origin_id is not None:
        same = by_id.get(t.origin_id)
        if same is not None and same in free and same.path not in taken:
            return same
    named = [o for o in free if o.name == t.name and o.path not in taken]
    return named[0] if len(named) == 1 else None


def _why(t: IncomingTheme, parent: _Resolved | None, ours: Theme, by_id: dict[int, Theme]) -> str:
    our_parent = by_id.get(ours.parent_id) if ours.parent_id is not None else None
    same_parent = (parent.theme_id if parent else None) == (our_parent.id if our_parent else None)
    if t.name == ours.name:
        return MOVED
    return RENAMED if same_parent else RENAMED_MOVED


def _existing(project: Project) -> tuple[set[tuple], set[tuple]]:
    """Our passages as keys: (unit, start, end, coder, time) and (unit, start, end, coder, themes)."""
    themes: dict[int, set[int]] = {}
    for pid, tid in project.db.execute("SELECT passage_id, theme_id FROM passage_themes"):
        themes.setdefault(pid, set()).add(tid)
    timed, themed = set(), set()
    for pid, uid, start, end, coder, created in project.db.execute(
        'SELECT id, unit_id, start, "end", coalesce(coder, \'\'), created_at FROM passages'
    ):
        timed.add((uid, start, end, coder, created))
        themed.add((uid, start, end, coder, frozenset(themes.get(pid, ()))))
    return timed, themed


def _match_reports(project: Project, plan: MergePlan) -> None:
    ours = unit_keys(project)
    shas = {r[0] for r in project.db.execute("SELECT sha256 FROM documents")}
    incoming = plan.incoming
    for key in incoming.reports:
        if key in ours:
            plan.matched[key] = ours[key]
    per_report: dict[str, int] = {}
    for p in incoming.passages:
        per_report[p.report] = per_report.get(p.report, 0) + 1
    for doc in incoming.documents.values():
        if all(r in plan.matched for r in doc.reports):
            continue
        if doc.sha256 in shas:  # our copy of that file was cleaned differently: its reports do not match
            plan.differing += sum(1 for r in doc.reports if r not in plan.matched)
            continue
        reports = [incoming.reports[r] for r in dict.fromkeys(doc.reports)]
        plan.offered.append(Offered(doc.key, doc.name, [(r.title, r.county, r.year) for r in reports],
                                    sum(per_report.get(r.key, 0) for r in reports)))
    timed, themed = _existing(project)
    for p in incoming.passages:
        uid = plan.matched.get(p.report)
        if uid is None:
            continue
        if _is_here(plan, p, uid, timed, themed):
            plan.already += 1
        else:
            plan.passages += 1
            coder = p.coder or ""
            plan.by_coder[coder] = plan.by_coder.get(coder, 0) + 1


def _theme_ids(plan: MergePlan, keys: list[str]) -> list[int | str]:
    """A passage's themes here: ids, or the path of a theme still to be added."""
    out: list[int | str] = []
    for k in keys:
        r = plan.resolved.get(k)
        if r is not None:
            value = r.theme_id if r.theme_id is not None else r.path
            if value not in out:
                out.append(value)
    return out


def _is_here(plan: MergePlan, p, uid: int, timed: set, themed: set) -> bool:
    coder = p.coder or ""
    if p.created_at and (uid, p.start, p.end, coder, p.created_at) in timed:
        return True
    return (uid, p.start, p.end, coder, frozenset(_theme_ids(plan, p.themes))) in themed


# == applying ========================================================================================


def apply_merge(
    project: Project,
    plan: MergePlan,
    documents: Collection[str] = (),
    *,
    backup: bool = True,
    progress: Progress | None = None,
) -> MergeResult:
    """Merge as planned, importing the offered documents whose keys are in `documents`: a backup
    first, then one transaction. ThemeMappingNeeded while conflicts are undecided (nothing is
    written); the project's read-only error when it cannot be written."""
    if plan.conflicts:
        raise ThemeMappingNeeded(str(plan.path), len(plan.conflicts), plan.map_arguments())
    if project.read_only:
        raise project.read_only_error()
    result = MergeResult(plan.path, skipped=list(plan.incoming.skipped))
    wanted = [o for o in plan.offered if o.key in set(documents)]
    if progress is not None:
        progress(0, 3, plan.path.name)
    if backup:
        result.backup = backups.backup_now(project, backups.BEFORE_MERGE)
    db = project.db
    with db.atomic():
        _add_themes(project, plan, result)
        matched = dict(plan.matched)
        if progress is not None:
            progress(1, 3, plan.path.name)
        for offered in wanted:
            matched.update(_import_document(project, plan, offered.key, result))
        if progress is not None:
            progress(2, 3, plan.path.name)
        _add_passages(project, plan, matched, result)
        if plan.mapping:
            remembered = remembered_mapping(project)
            remembered.update(plan.mapping)
            set_setting(project, MAP_SETTING, remembered)
    if progress is not None:
        progress(3, 3, plan.path.name)
    return result


def _add_themes(project: Project, plan: MergePlan, result: MergeResult) -> None:
    ids = {t.path: t.id for t in list_themes(project)}
    for t in plan.incoming.themes:
        r = plan.resolved[t.key]
        if r.theme_id is not None:
            continue
        if r.path not in ids:
            parent_path = r.path.rpartition(PATH_SEP)[0]
            ids[r.path] = add_theme(project, r.path.rpartition(PATH_SEP)[2], ids[parent_path] if parent_path else None,
                                    colour=clean_colour(t.colour), keywords=t.keywords,
                                    description=t.description).theme_id
            result.themes_added.append(r.path)
        r.theme_id = ids[r.path]


def _import_document(project: Project, plan: MergePlan, key: str, result: MergeResult) -> dict[str, int]:
    """Bring in one of the copy's documents: {report key: our new unit id}."""
    doc = plan.incoming.documents[key]
    if doc.source is not None:  # a .qdpx source
        inserted = insert_source(project, plan.path, doc.source, ExchangeImport(plan.path))
        if inserted is None:
            return {}
        unit_id, st = inserted
        result.documents += 1
        result.units.append(unit_id)
        return {text_hash(st.text): unit_id}
    row, units, sections = document_rows(plan.path, doc.row_id)
    db = project.db
    row["id"] = next_id(project, "documents")
    row["source_path"] = f"{plan.path.resolve()}#{row['source_path']}"
    db["documents"].insert(row, pk="id")
    first_unit, first_section = next_id(project, "units"), next_id(project, "sections")
    unit_ids = {u["id"]: first_unit + k for k, u in enumerate(units)}
    section_ids = {s["id"]: first_section + k for k, s in enumerate(sections)}
    for u in units:
        u["id"], u["document_id"] = unit_ids[u["id"]], row["id"]
    for s in sections:
        s["id"], s["unit_id"] = section_ids[s["id"]], unit_ids[s["unit_id"]]
        s["parent_id"] = section_ids.get(s["parent_id"]) if s["parent_id"] is not None else None
    db["units"].insert_all(units, pk="id")
    if sections:
        db["sections"].insert_all(sections, pk="id")
    texts = [(u["id"], row["cleaned_text"][u["start"] : u["end"]]) for u in units]
    fulltext.index_units(project, texts)
    result.documents += 1
    result.units.extend(u["id"] for u in units)
    return {text_hash(text): uid for uid, text in texts}


def _add_passages(project: Project, plan: MergePlan, matched: dict[str, int], result: MergeResult) -> None:
    timed, themed = _existing(project)
    texts: dict[int, tuple[str, str]] = {}
    rows, tags = [], []
    pid = next_id(project, "passages")
    stamp = now()
    for p in plan.incoming.passages:
        uid = matched.get(p.report)
        if uid is None:
            result.left_out += 1
            continue
        if _is_here(plan, p, uid, timed, themed):
            result.already += 1
            continue
        if uid not in texts:
            text = _unit_text(project, uid)
            texts[uid] = (text, text_hash(text))
        text, digest = texts[uid]
        if not 0 <= p.start < p.end <= len(text):
            result.skipped.append(Skipped("outside", plan.incoming.reports[p.report].title or "", start=p.start, end=p.end))
            continue
        theme_ids = [t for t in _theme_ids(plan, p.themes) if isinstance(t, int)]
        coder = p.coder or ""
        timed.add((uid, p.start, p.end, coder, p.created_at))
        themed.add((uid, p.start, p.end, coder, frozenset(theme_ids)))
        rows.append({
            "id": pid, "unit_id": uid, "start": p.start, "end": p.end, "quote": text[p.start : p.end],
            "context_before": text[max(0, p.start - CONTEXT) : p.start], "context_after": text[p.end : p.end + CONTEXT],
            "text_hash": digest, "coder": p.coder, "created_at": p.created_at or stamp, "note": p.note or "",
        })
        tags.extend({"passage_id": pid, "theme_id": t} for t in theme_ids)
        pid += 1
        result.by_coder[coder] = result.by_coder.get(coder, 0) + 1
        result.touched.add(uid)
    if rows:
        project.db["passages"].insert_all(rows, pk="id", batch_size=500)
    if tags:
        project.db["passage_themes"].insert_all(tags, pk=("passage_id", "theme_id"), batch_size=500)
    result.passages = len(rows)


def _unit_text(project: Project, unit_id: int) -> str:
    from reader.core.store.documents import unit_text

    return unit_text(project, unit_id)


def merge(
    project: Project,
    path: str | Path,
    mapping: dict[str, str | None] | None = None,
    *,
    import_documents: bool = False,
    progress: Progress | None = None,
) -> MergeResult:
    """Plan and apply in one go (the command line): every offered document imported when
    `import_documents`; ThemeMappingNeeded while a conflict is undecided."""
    plan = plan_merge(project, path, mapping)
    return apply_merge(project, plan, [o.key for o in plan.offered] if import_documents else (),
                       progress=progress)
