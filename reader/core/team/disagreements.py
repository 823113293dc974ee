"""Where two coders differ, and settling it: the lead reviews each disagreement and accepts one
coder's version, both or neither; the settled coding is written under a coder name of the lead's
choosing (say 终稿), so the coders' own passages stay as they were (they are the data of the
agreement).

A disagreement is a cluster of passages of one theme in one report: the two coders' passages of
that theme that overlap one another, taken together, where at least one of them has no match by
the segment rule (reader.core.team.agreement.matches). Its kind: ONLY_A or ONLY_B (the other coder
has nothing there), or BOUNDARIES (both coded it, with spans too different). Clusters whose every
passage is matched are agreements; accept_agreements copies them into the settled coding too.

Settling replaces the settled coder's coding of that theme inside the cluster's range with the
chosen version (one transaction) and records the decision in the project; a Settlement says what
was done so that undo_settlement puts everything back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.errors import InvalidInput
from reader.core.store import passages as store
from reader.core.store.coders import check_name
from reader.core.store.documents import now, unit_text
from reader.core.store.passage_edits import delete_passages, restore_passages
from reader.core.store.project import Project
from reader.core.store.settings import get_setting, set_setting
from reader.core.store.snapshots import Snapshot
from reader.core.team.agreement import (
    DEFAULT_MIN_OVERLAP,
    Codings,
    Span,
    check_min_overlap,
    load_codings,
    matched_count,
    merged,
)

ONLY_A, ONLY_B, BOUNDARIES = "only_a", "only_b", "boundaries"
ACCEPT_A, ACCEPT_B, BOTH, NEITHER = "a", "b", "both", "neither"
CHOICES = (ACCEPT_A, ACCEPT_B, BOTH, NEITHER)
DECISIONS = "team.decisions"  # {disagreement key: {"choice": ..., "coder": ...}}
DEFAULT_SETTLED = "终稿"


@dataclass
class Cluster:
    """Passages of one theme in one unit that overlap one another, by coder."""

    coders: tuple[str, str]
    unit_id: int
    theme_id: int
    theme: str  # its path
    start: int
    end: int
    a: list[Span] = field(default_factory=list)
    b: list[Span] = field(default_factory=list)
    a_ids: list[int] = field(default_factory=list)
    b_ids: list[int] = field(default_factory=list)
    kind: str = ""  # ONLY_A, ONLY_B, BOUNDARIES; "" for an agreement

    @property
    def key(self) -> str:
        """Stable while the passages stay: names the decision taken on it."""
        a, b = self.coders
        return f"{a}\x1f{b}\x1f{self.unit_id}\x1f{self.theme_id}\x1f{self.start}\x1f{self.end}"

    def version(self, choice: str) -> list[Span]:
        """The spans of the settled coding under `choice`."""
        if choice == ACCEPT_A:
            return merged(self.a)
        if choice == ACCEPT_B:
            return merged(self.b)
        if choice == BOTH:
            return merged(self.a + self.b)
        return []


@dataclass
class Review:
    """What the lead reviews for a pair: the disagreements and the agreements (clusters), in
    report order, and the decisions already taken ({key: choice})."""

    coders: tuple[str, str]
    disagreements: list[Cluster]
    agreements: list[Cluster]
    decisions: dict[str, dict] = field(default_factory=dict)

    def decision(self, cluster: Cluster) -> str | None:
        d = self.decisions.get(cluster.key)
        return d.get("choice") if isinstance(d, dict) else None


def clusters(codings: Codings, a: str, b: str, min_overlap: int = DEFAULT_MIN_OVERLAP) -> list[Cluster]:
    """Every cluster of coders `a` and `b`, by unit, theme (codebook order) and position."""
    out = []
    for unit in codings.units:
        for tid, path in codings.themes.items():
            spans = [(s, e, "a", pid) for (s, e), pid in zip(codings.of(a, unit, tid),
                                                               codings.passages.get((a, unit, tid), []), strict=True)]
            spans += [(s, e, "b", pid) for (s, e), pid in zip(codings.of(b, unit, tid),
                                                                codings.passages.get((b, unit, tid), []), strict=True)]
            current: Cluster | None = None
            for s, e, who, pid in sorted(spans):
                if current is None or s >= current.end:
                    current = Cluster((a, b), unit, tid, path, s, e)
                    out.append(current)
                current.end = max(current.end, e)
                (current.a if who == "a" else current.b).append((s, e))
                (current.a_ids if who == "a" else current.b_ids).append(pid)
    for c in out:
        if not c.b:
            c.kind = ONLY_A
        elif not c.a:
            c.kind = ONLY_B
        elif matched_count(c.a, c.b, min_overlap) < len(c.a) or matched_count(c.b, c.a, min_overlap) < len(c.b):
            c.kind = BOUNDARIES
    return out


def review(
    project: Project,
    a: str,
    b: str,
    *,
    theme_ids: list[int] | None = None,
    unit_ids: list[int] | None = None,
    min_overlap: int = DEFAULT_MIN_OVERLAP,
) -> Review:
    """The disagreements and agreements of coders `a` and `b` (reports and themes chosen as for
    reader.core.team.agreement.agreement), with the decisions taken so far."""
    check_min_overlap(min_overlap)
    codings = load_codings(project, [a, b], theme_ids, unit_ids)
    found = clusters(codings, codings.coders[0], codings.coders[1], min_overlap)
    return Review(codings.coders[:2], [c for c in found if c.kind], [c for c in found if not c.kind],
                  decisions(project))


def decisions(project: Project) -> dict[str, dict]:
    value = get_setting(project, DECISIONS, {})
    return value if isinstance(value, dict) else {}


# == settling ======================================================================================


@dataclass
class Settlement:
    """What settling did, for undo: the passages added, those removed (or the tags taken off a
    passage of several themes), and the decisions as they were."""

    coder: str
    added: list[int] = field(default_factory=list)
    removed: Snapshot | None = None
    untagged: list[tuple[int, int]] = field(default_factory=list)  # (passage id, theme id)
    decisions_before: dict = field(default_factory=dict)
    units: set[int] = field(default_factory=set)


def check_settled_coder(coder: str, cluster_coders: tuple[str, str]) -> str:
    """The settled coding's coder: a name, not one of the two coders compared."""
    name = check_name(coder)
    if name in cluster_coders:
        raise InvalidInput("settled_coder", name)
    return name


def settle(project: Project, cluster: Cluster, choice: str, coder: str) -> Settlement:
    """Write `choice` (ACCEPT_A, ACCEPT_B, BOTH, NEITHER) as `coder`'s coding of the cluster's theme
    in its range, replacing what that coder had there; one transaction."""
    return settle_many(project, [(cluster, choice)], coder)


def accept_agreements(project: Project, found: list[Cluster], coder: str) -> Settlement:
    """Copy every agreement (both coders' spans together) into `coder`'s coding where that coder
    has nothing yet; one transaction."""
    name = check_settled_coder(coder, found[0].coders) if found else check_name(coder)
    held = _held(project, name, found)
    todo = [(c, BOTH) for c in found if not held.get((c.unit_id, c.theme_id, c.start, c.end))]
    return settle_many(project, todo, name, record=False)


def _held(project: Project, coder: str, found: list[Cluster]) -> dict[tuple, bool]:
    out = {}
    for c in found:
        rows = project.db.execute(
            'SELECT count(*) FROM passages p JOIN passage_themes pt ON pt.passage_id = p.id '
            'WHERE p.unit_id = ? AND pt.theme_id = ? AND coalesce(p.coder, \'\') = ? AND p.start < ? AND p."end" > ?',
            [c.unit_id, c.theme_id, coder, c.end, c.start],
        ).fetchone()[0]
        out[(c.unit_id, c.theme_id, c.start, c.end)] = rows > 0
    return out


def settle_many(project: Project, chosen: list[tuple[Cluster, str]], coder: str, *, record: bool = True) -> Settlement:
    for _cluster, choice in chosen:
        if choice not in CHOICES:
            raise InvalidInput("choice", choice)
    name = check_settled_coder(coder, chosen[0][0].coders) if chosen else check_name(coder)
    if project.read_only:
        raise project.read_only_error()
    result = Settlement(name, decisions_before=decisions(project))
    if not chosen:
        return result
    db = project.db
    with db.atomic():
        doomed: list[int] = []
        for cluster, _choice in chosen:
            for pid, themes in _settled_in(project, name, cluster):
                if themes == {cluster.theme_id}:
                    doomed.append(pid)
                else:
                    result.untagged.append((pid, cluster.theme_id))
        if doomed:
            result.removed = delete_passages(project, list(dict.fromkeys(doomed)))
        for pid, tid in result.untagged:
            db.execute("DELETE FROM passage_themes WHERE passage_id = ? AND theme_id = ?", [pid, tid])
        texts: dict[int, str] = {}
        stamp = now()
        for cluster, choice in chosen:
            text = texts.setdefault(cluster.unit_id, unit_text(project, cluster.unit_id))
            digest = store.text_hash(text)
            for s, e in cluster.version(choice):
                row = store.passage_row(cluster.unit_id, text, s, e, coder=name, created_at=stamp, digest=digest,
                                        note=_note(project, cluster, choice, s, e))
                result.added.append(store.insert_passage(project, row, [cluster.theme_id]).id)
            result.units.add(cluster.unit_id)
        if record:
            after = dict(result.decisions_before)
            for cluster, choice in chosen:
                after[cluster.key] = {"choice": choice, "coder": name}
            set_setting(project, DECISIONS, after)
    return result


def _settled_in(project: Project, coder: str, cluster: Cluster) -> list[tuple[int, set[int]]]:
    """The settled coder's passages of the cluster's theme overlapping its range, with their themes."""
    rows = project.db.execute(
        'SELECT p.id FROM passages p JOIN passage_themes pt ON pt.passage_id = p.id WHERE p.unit_id = ? '
        'AND pt.theme_id = ? AND coalesce(p.coder, \'\') = ? AND p.start < ? AND p."end" > ?',
        [cluster.unit_id, cluster.theme_id, coder, cluster.end, cluster.start],
    ).fetchall()
    out = []
    for (pid,) in rows:
        themes = {t for (t,) in project.db.execute("SELECT theme_id FROM passage_themes WHERE passage_id = ?", [pid])}
        out.append((pid, themes))
    return out


def _note(project: Project, cluster: Cluster, choice: str, start: int, end: int) -> str:
    """The notes of the passages a settled span was taken from (joined, each once)."""
    ids = {ACCEPT_A: cluster.a_ids, ACCEPT_B: cluster.b_ids}.get(choice, cluster.a_ids + cluster.b_ids)
    notes = []
    for pid in ids:
        p = store.get_passage(project, pid)
        if p.note and p.start < end and p.end > start and p.note not in notes:
            notes.append(p.note)
    return "\n".join(notes)


def undo_settlement(project: Project, done: Settlement) -> None:
    """Put back what `done` changed (one transaction)."""
    db = project.db
    with db.atomic():
        if done.added:
            delete_passages(project, done.added)
        if done.removed is not None:
            restore_passages(project, done.removed)
        for pid, tid in done.untagged:
            db.execute("INSERT OR IGNORE INTO passage_themes (passage_id, theme_id) VALUES (?, ?)", [pid, tid])
        set_setting(project, DECISIONS, done.decisions_before)
