"""Disagreements of two coders and settling them under the lead's chosen coder name: accept one
coder's version, both or neither, each undone exactly; agreements copied in one go."""

from __future__ import annotations

import pytest

from reader.core.errors import InvalidInput
from reader.core.store import documents, passages
from reader.core.store.themes import find_theme
from reader.core.team.disagreements import (
    ACCEPT_A,
    BOTH,
    BOUNDARIES,
    NEITHER,
    ONLY_A,
    ONLY_B,
    accept_agreements,
    review,
    settle,
    undo_settlement,
)

A, B, LEAD = "甲", "乙", "终稿"


@pytest.fixture
def pair(sample_project):
    p = sample_project
    u = [x.id for x in documents.list_units(p)]
    sup, dep = find_theme(p, "依法监督").id, find_theme(p, "代表工作").id
    passages.tag(p, u[0], 10, 40, [sup], coder=A)  # with B's [12,40): 28 of 30 shared, an agreement
    passages.tag(p, u[0], 12, 40, [sup], coder=B)
    passages.tag(p, u[0], 100, 120, [sup], coder=A, note="甲的备注")  # only A
    passages.tag(p, u[1], 50, 90, [dep], coder=B)  # only B
    passages.tag(p, u[1], 200, 230, [sup], coder=A)  # with B's [210,260): 20 of 50 shared
    passages.tag(p, u[1], 210, 260, [sup], coder=B)
    return p, u, sup, dep


def settled(p, coder=LEAD):
    return sorted((r.unit, r.start, r.end, tuple(r.themes), r.note) for r in passages.list_passages(p, coders=(coder,)))


def test_the_disagreements_of_a_pair(pair):
    p, u, sup, dep = pair
    r = review(p, A, B)
    got = [(c.unit_id, c.theme_id, c.start, c.end, c.kind) for c in r.disagreements]
    assert got == [(u[0], sup, 100, 120, ONLY_A), (u[1], sup, 200, 260, BOUNDARIES), (u[1], dep, 50, 90, ONLY_B)]
    assert [(c.start, c.end, c.a, c.b) for c in r.agreements] == [(10, 40, [(10, 40)], [(12, 40)])]
    # at 50 %, [200,230) and [210,260) still differ (20 of 50 = 40 %); at 40 % they agree
    assert len(review(p, A, B, min_overlap=40).disagreements) == 2


def test_accepting_a_version_writes_the_settled_coding_and_undo_takes_it_back(pair):
    p, u, sup, _dep = pair
    only_a, boundaries, _only_b = review(p, A, B).disagreements
    done = settle(p, only_a, ACCEPT_A, LEAD)
    assert settled(p) == [(u[0], 100, 120, ("依法监督",), "甲的备注")]
    assert review(p, A, B).decision(only_a) == ACCEPT_A
    both = settle(p, boundaries, BOTH, LEAD)
    assert settled(p)[-1][:3] == (u[1], 200, 260)
    # a second decision on the same disagreement replaces the first
    neither = settle(p, only_a, NEITHER, LEAD)
    assert [s[:3] for s in settled(p)] == [(u[1], 200, 260)]
    assert review(p, A, B).decision(only_a) == NEITHER
    undo_settlement(p, neither)
    assert [s[:3] for s in settled(p)] == [(u[0], 100, 120), (u[1], 200, 260)]
    assert review(p, A, B).decision(only_a) == ACCEPT_A
    undo_settlement(p, both)
    undo_settlement(p, done)
    assert settled(p) == [] and review(p, A, B).decisions == {}
    # the coders' own passages were never touched
    assert len(passages.list_passages(p, coders=(A, B))) == 6


def test_agreements_are_copied_where_the_settled_coding_has_nothing(pair):
    p, u, *_ = pair
    r = review(p, A, B)
    done = accept_agreements(p, r.agreements, LEAD)
    assert [s[:3] for s in settled(p)] == [(u[0], 10, 40)]  # both coders' spans together
    assert accept_agreements(p, r.agreements, LEAD).added == []  # already there
    undo_settlement(p, done)
    assert settled(p) == []


def test_the_settled_coding_needs_a_name_of_its_own(pair):
    p, *_ = pair
    d = review(p, A, B).disagreements[0]
    for name in (A, B, "  "):
        with pytest.raises(InvalidInput):
            settle(p, d, ACCEPT_A, name)
    with pytest.raises(InvalidInput):
        settle(p, d, "maybe", LEAD)
