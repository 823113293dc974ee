"""Reading a comparison in parts and its shape: the rows a correction touched read back alone give
the same comparison as reading it whole; frame rows holding topic rows as a tree; the defaults of
the engine's genre and parent fields."""

from __future__ import annotations

import pytest

from reader.core import compare
from reader.core.compare import Row, apply_rows, load_comparison, load_rows, row_tree, visible_rows


def rows_json(c) -> list[dict]:
    return [{**r.to_json(), "parent": r.parent} for r in c.rows]


@pytest.mark.parametrize("against", [False, True])
@pytest.mark.parametrize("kind", ["move", "not_match", "split", "merge", "rename"])
def test_the_rows_a_correction_touched_give_the_whole_comparison(sample_project, kind, against):
    p = sample_project
    before = compare.run_alignment(p)
    first, second = before.rows[0], before.rows[1]
    sid = first.members[0].section_id
    change = {
        "move": lambda: compare.move_section(p, sid, second.key),
        "not_match": lambda: compare.mark_not_match(p, sid, first.key),
        "split": lambda: compare.split_section(p, sid, "新行"),
        "merge": lambda: compare.merge_rows(p, second.key, first.key),
        "rename": lambda: compare.rename_row(p, first.key, "改名"),
    }[kind]()
    touched = set(change.rows) | set(change.added_rows) | set(change.removed_rows)
    assert touched and len(touched) < len(before.rows)
    update = load_rows(p, touched, before if against else None)  # against: reusing the members it had
    assert set(update.rows) == touched
    after = apply_rows(before, update)
    whole = load_comparison(p)
    assert rows_json(after) == rows_json(whole) and after.corrections == whole.corrections == 1
    assert rows_json(after) != rows_json(before)
    untouched = [r for r in before.rows if r.key not in touched]
    assert all(any(a is r for a in after.rows) for r in untouched)  # the same objects: nothing read again
    if against:  # the members a touched row still holds unchanged are those it had
        old = {m.section_id: m for r in before.rows for m in r.members}
        kept = [m for r in after.rows if r.key in touched for m in r.members if old.get(m.section_id) == m]
        assert kept and all(m is old[m.section_id] for m in kept)
    # and back: taking the correction back touches rows that give the comparison before
    undo = compare.remove_correction(p, change.correction.id)
    back = apply_rows(after, load_rows(p, set(undo.rows) | set(undo.added_rows) | set(undo.removed_rows),
                                       after if against else None))
    assert rows_json(back) == rows_json(load_comparison(p)) == rows_json(before)


def test_reading_rows_of_a_project_never_aligned(sample_project):
    assert load_rows(sample_project, {"other"}) is None


def test_defaults_until_the_engine_says_otherwise(sample_project):
    c = compare.run_alignment(sample_project)
    assert compare.row_parents(sample_project) == {} and compare.codebook_misfits(sample_project) == set()
    assert all(r.parent is None for r in c.rows) and all(col.codebook_fits for col in c.columns)
    assert [t.row.key for t in row_tree(c.rows)] == [r.key for r in c.rows]


def _row(key: str, parent: str | None = None) -> Row:
    return Row(key, key.upper(), None, [], parent)


def test_frame_rows_hold_their_topic_rows_in_tree_order():
    rows = [_row("plan"), _row("review"), _row("law", "plan"), _row("watch", "plan"), _row("deputies"),
            _row("budget", "watch"), _row("history", "review"), _row("other")]
    tree = row_tree(rows)
    assert [(t.row.key, t.depth) for t in tree] == [
        ("plan", 0), ("law", 1), ("watch", 1), ("budget", 2), ("review", 0), ("history", 1), ("deputies", 0),
        ("other", 0)]
    plan = tree[0]
    assert plan.children == ["law", "watch"] and tree[3].ancestors == ["plan", "watch"]
    assert [t.row.key for t in visible_rows(tree, set())] == ["plan", "review", "deputies", "other"]
    assert [t.row.key for t in visible_rows(tree, {"plan"})] == ["plan", "law", "watch", "review", "deputies", "other"]
    assert "budget" in [t.row.key for t in visible_rows(tree, {"plan", "watch"})]
    assert "budget" not in [t.row.key for t in visible_rows(tree, {"watch"})]  # its grandparent is closed


def test_a_parent_that_is_missing_itself_or_a_cycle_makes_a_top_level_row():
    rows = [_row("a", "b"), _row("b", "a"), _row("c", "c"), _row("d", "gone"), _row("other", "d"), _row("e", "other")]
    tree = row_tree(rows)
    assert [(t.row.key, t.depth) for t in tree] == [("a", 0), ("b", 0), ("c", 0), ("d", 0), ("e", 0), ("other", 0)]
    assert len(tree) == len(rows) and tree[-1].row.key == "other"
