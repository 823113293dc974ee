"""Passages of a place, report, section or year, by theme subtree; the pane's passages; totals."""

from __future__ import annotations

from reader.core.store import passage_scope as ps
from reader.core.store.documents import list_units, sections_of
from reader.core.store.passages import tag
from reader.core.store.themes import find_theme


def _setup(project):
    units = {u.county: u for u in list_units(project) if u.county}
    parent = find_theme(project, "依法监督").id
    child = find_theme(project, "执法检查").id
    other = find_theme(project, "代表工作").id
    lishi, xinjiang = units["离石区"], units["新绛县"]
    s = sections_of(project, [lishi.id])[lishi.id][1]
    p1 = tag(project, lishi.id, s.start + 1, s.start + 9, [child]).id
    p2 = tag(project, lishi.id, 2, 6, [other]).id
    p3 = tag(project, xinjiang.id, 3, 8, [parent, other]).id
    return lishi, xinjiang, s, parent, child, other, (p1, p2, p3)


def test_scopes(sample_project):
    lishi, xinjiang, s, parent, child, other, (p1, p2, p3) = _setup(sample_project)
    ids = lambda scope, themes=None: [p.id for p in ps.passages_in(sample_project, scope, themes)]  # noqa: E731
    assert set(ids(ps.Scope())) == {p1, p2, p3}
    assert set(ids(ps.Scope(place=("山西省",)))) == {p1, p2, p3}
    assert set(ids(ps.Scope(place=("山西省", "吕梁市")))) == {p1, p2}
    assert set(ids(ps.Scope(place=("山西省", "吕梁市", "离石区")))) == {p1, p2}
    assert ids(ps.Scope(unit_id=xinjiang.id)) == [p3]
    assert ids(ps.Scope(section_id=s.id)) == [p1]
    assert set(ids(ps.Scope(year=2021))) == {p1, p2, p3}
    assert ids(ps.Scope(year=2019)) == []
    # a theme stands for its subtree
    assert set(ids(ps.Scope(), [parent])) == {p1, p3}
    assert ids(ps.Scope(), [child]) == [p1]
    assert ps.count_passages(sample_project, ps.Scope(place=("山西省", "吕梁市")), [other]) == 1
    rec = ps.passages_in(sample_project, ps.Scope(section_id=s.id))[0]
    assert rec.county == "离石区" and rec.heading == s.heading and rec.themes == ["执法检查"]


def test_unknown_place_scope(sample_project):
    unknown = next(u for u in list_units(sample_project) if u.county is None)
    t = find_theme(sample_project, "代表工作").id
    p = tag(sample_project, unknown.id, 0, 5, [t]).id
    assert [r.id for r in ps.passages_in(sample_project, ps.Scope(place=(None, None, None)))] == [p]


def test_unit_passages_and_totals(sample_project):
    lishi, _x, s, parent, child, other, (p1, p2, p3) = _setup(sample_project)
    rows = ps.unit_passages(sample_project, lishi.id)
    assert [r[0] for r in rows] == [p2, p1]  # by start
    assert rows[1][1:] == (s.start + 1, s.start + 9, [child])
    totals = ps.theme_totals(sample_project)
    assert totals[child] == 1 and totals[parent] == 2 and totals[other] == 2


def theme_totals_by_definition(project) -> dict[int, int]:
    """Each theme's passages with its subtree's, each passage once (the loop over the tags)."""
    from reader.core.store.themes import list_themes

    children: dict = {}
    for t in list_themes(project):
        children.setdefault(t.parent_id, []).append(t.id)
    tagged: dict[int, set[int]] = {}
    for pid, tid in project.db.execute("SELECT passage_id, theme_id FROM passage_themes"):
        tagged.setdefault(tid, set()).add(pid)
    out: dict[int, int] = {}

    def total(tid: int) -> set[int]:
        acc = set(tagged.get(tid, ()))
        for c in children.get(tid, []):
            acc |= total(c)
        out[tid] = len(acc)
        return acc

    for root in children.get(None, []):
        total(root)
    return out


def test_theme_totals_counted_by_sqlite_are_the_definitions(sample_project):
    import random

    from reader.core.store.themes import list_themes

    _setup(sample_project)
    themes = [t.id for t in list_themes(sample_project)]
    units = [r[0] for r in sample_project.db.execute("SELECT id FROM units")]
    rng = random.Random(4)
    for _ in range(60):  # passages with one theme, or a theme and its parent, or several
        tag(sample_project, rng.choice(units), 0, rng.randint(2, 9), rng.sample(themes, rng.randint(1, 3)))
    got = ps.theme_totals(sample_project)
    assert got == theme_totals_by_definition(sample_project) and list(got) == list(theme_totals_by_definition(sample_project))
    assert any(v == 0 for v in got.values()) or len(got) == len(themes)
