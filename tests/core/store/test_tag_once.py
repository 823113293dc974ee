"""One text span is tagged once per theme: tagging sections by heading with their subsections tags
a matching section once, not again for each matching subsection inside it; a section inside a
passage already tagged with the theme is left alone; the count the dialog shows beforehand is the
number of passages that will be made."""

from __future__ import annotations

from reader.core.analysis.matrix import theme_matrix
from reader.core.export import export
from reader.core.store import passage_edits as pe
from reader.core.store.passages import list_passages
from reader.core.store.themes import list_themes


def _theme(project):
    return list_themes(project)[0].id


def _nested_pattern(project) -> str:
    """A word that matches a section and a subsection inside it somewhere in the samples."""
    for word in ("代表", "监督", "工作"):
        ss = pe.sections_matching(project, word)
        ids = {s.id for s in ss}
        if any(c.id in ids for s in ss for c in s.walk() if c.id != s.id):
            return word
    raise AssertionError("the samples have no nested matching headings")


def _overlapping_same_theme(project) -> list[tuple[int, int]]:
    ps = list_passages(project)
    out = []
    for a in ps:
        for b in ps:
            if a.id < b.id and a.unit == b.unit and a.start < b.end and b.start < a.end and set(a.theme_ids) & set(b.theme_ids):
                out.append((a.id, b.id))
    return out


def test_with_subsections_a_matching_section_is_tagged_once(sample_project):
    word = _nested_pattern(sample_project)
    matching = pe.sections_matching(sample_project, word)
    outer = pe.sections_matching(sample_project, word, outermost=True)
    assert len(outer) < len(matching)
    result = pe.tag_sections_matching(sample_project, word, [_theme(sample_project)], subsections=True)
    assert len(result.passage_ids) == len(outer)
    assert _overlapping_same_theme(sample_project) == []
    # what the dialog says beforehand
    assert pe.count_sections_matching(sample_project, word, outermost=True) == len(outer)
    assert pe.count_sections_matching(sample_project, word) == len(matching)


def test_own_text_only_tags_every_matching_section(sample_project):
    word = _nested_pattern(sample_project)
    result = pe.tag_sections_matching(sample_project, word, [_theme(sample_project)], subsections=False)
    assert len(result.passage_ids) == len(pe.sections_matching(sample_project, word))
    assert _overlapping_same_theme(sample_project) == []  # own texts do not overlap


def test_a_section_inside_a_passage_of_the_theme_is_left_alone(sample_project):
    word = _nested_pattern(sample_project)
    theme = _theme(sample_project)
    outer = pe.sections_matching(sample_project, word, outermost=True)
    parent = next(s for s in outer if any(c.id != s.id and word in c.heading for c in s.walk()))
    pe.tag_sections(sample_project, [parent.id], [theme], subsections=True)
    child = next(c for c in parent.walk() if c.id != parent.id and word in c.heading)
    again = pe.tag_sections(sample_project, [child.id], [theme], subsections=True)
    assert again.passage_ids == [] and again.skipped == [child.id]
    # another theme may still tag it
    other = list_themes(sample_project)[1].id
    assert len(pe.tag_sections(sample_project, [child.id], [other], subsections=True).passage_ids) == 1


def test_counts_and_compilation_count_a_section_once(sample_project, tmp_path):
    word = _nested_pattern(sample_project)
    theme = _theme(sample_project)
    pe.tag_sections_matching(sample_project, word, [theme], subsections=True)
    outer = pe.sections_matching(sample_project, word, outermost=True)
    m = theme_matrix(sample_project, "county")
    column = [t.id for t in m.themes].index(theme)
    assert sum(row[column] for row in m.counts) == len(outer)
    path = tmp_path / "c.md"
    export(sample_project, "md", path)
    text = path.read_text(encoding="utf-8")
    for p in list_passages(sample_project):
        quoted = "> " + p.quote.split("\n")[0]
        assert text.count(quoted) == 1, quoted  # each section's text quoted once, not two or three times
