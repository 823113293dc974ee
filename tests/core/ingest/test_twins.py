"""A report imported twice in two formats is found (its text is the same once white space and
punctuation are set aside); different reports of one county are not; skipping removes the copy."""

from __future__ import annotations

import shutil

from reader.core.ingest.importing import import_paths
from reader.core.ingest.twins import normalized, same_text, similarity, skip_copies
from reader.core.store.documents import list_units
from tests.conftest import SAMPLES


def _docx(text: str, path):
    from docx import Document

    doc = Document()
    for line in text.splitlines():
        doc.add_paragraph(line)
    doc.save(str(path))
    return path


def test_the_same_report_as_txt_and_docx_is_a_twin(project, tmp_path):
    txt = shutil.copy(SAMPLES[0], tmp_path / "a.txt")
    first = import_paths(project, [txt, *SAMPLES[1:]])
    assert same_text(project, first.unit_ids) == []  # the samples are different reports
    before = sorted(u.source for u in list_units(project))
    docx = _docx(SAMPLES[0].read_text(encoding="utf-8").replace("，", ",", 3), tmp_path / "a.docx")
    second = import_paths(project, [docx])
    [twin] = same_text(project, second.unit_ids)
    assert (twin.source, twin.same_as_source) == ("a.docx", "a.txt") and twin.similarity > 0.95
    assert skip_copies(project, [twin]) == 1
    assert sorted(u.source for u in list_units(project)) == before


def test_similarity_ignores_layout_and_punctuation():
    a = normalized("一、加强监督\n全年听取报告12项。")
    b = normalized("一 加强监督 全年听取报告 12 项.")
    assert similarity(a, b) == 1.0
    assert similarity(a, normalized("二、代表工作\n代表联络站全年接待群众。")) < 0.5
