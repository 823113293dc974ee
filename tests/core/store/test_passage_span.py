"""Moving a passage's start and end afterwards: its quote and context follow, the move is undone by
editing back to the span before, and a span outside the text or of blanks only is refused."""

from __future__ import annotations

import pytest

from reader.core.errors import InvalidInput
from reader.core.store import passage_edits as pe
from reader.core.store.documents import list_units, unit_text
from reader.core.store.passages import get_passage, tag
from reader.core.store.themes import list_themes


def test_move_start_and_end_and_back(sample_project):
    unit = list_units(sample_project)[0]
    text = unit_text(sample_project, unit.id)
    theme = list_themes(sample_project)[0].id
    p = tag(sample_project, unit.id, 100, 120, [theme], note="n")
    edit = pe.edit_passage(sample_project, p.id, span=(98, 125))
    moved = get_passage(sample_project, p.id)
    assert (moved.start, moved.end, moved.quote) == (98, 125, text[98:125])
    assert moved.context_before == text[68:98] and moved.context_after == text[125:155]
    assert moved.theme_ids == [theme] and moved.note == "n" and moved.created_at == p.created_at
    assert (edit.before.start, edit.before.end) == (100, 120)
    pe.edit_passage(sample_project, p.id, span=(edit.before.start, edit.before.end))
    back = get_passage(sample_project, p.id)
    assert (back.start, back.end, back.quote, back.context_before) == (100, 120, p.quote, p.context_before)


@pytest.mark.parametrize("span", [(-1, 10), (10, 10), (20, 10), (0, 10**9)])
def test_a_span_outside_the_text_is_refused(sample_project, span):
    unit = list_units(sample_project)[0]
    p = tag(sample_project, unit.id, 100, 120, [list_themes(sample_project)[0].id])
    with pytest.raises(InvalidInput):
        pe.edit_passage(sample_project, p.id, span=span)
    assert (get_passage(sample_project, p.id).start, get_passage(sample_project, p.id).end) == (100, 120)
