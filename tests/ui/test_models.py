"""The item models, each checked by QAbstractItemModelTester first (pytest-qt's qtmodeltester)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from reader.core.analysis.matrix import theme_matrix
from reader.core.search import search
from reader.core.store import outline_tree
from reader.core.store.passage_scope import passages_in, theme_totals
from reader.core.store.passages import tag
from reader.core.store.themes import find_theme, theme_counts, theme_tree
from reader.ui.models.hits import HitModel
from reader.ui.models.matrix import MatrixModel
from reader.ui.models.outline import PLACE, SECTION, UNIT, OutlineModel
from reader.ui.models.passages import PassageModel
from reader.ui.models.suggestions import SuggestionModel, SuggestionRow
from reader.ui.models.themes import ThemeModel
from tests.ui.helpers import unit_of

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


def fetch_all(model, parent=None):
    parent = parent if parent is not None else QModelIndex()
    if model.canFetchMore(parent):
        model.fetchMore(parent)
    for r in range(model.rowCount(parent)):
        fetch_all(model, model.index(r, 0, parent))


def test_outline_model_lazy_levels(qtmodeltester, sample_project):
    model = OutlineModel(sample_project)
    # checked before the tester is attached, since the tester fetches every level it can
    shanxi = model.index(0, 0)
    assert model.node(shanxi).kind == PLACE and not model.node(shanxi).fetched
    assert model.hasChildren(shanxi) and model.rowCount(shanxi) == 0 and model.canFetchMore(shanxi)
    tester = QAbstractItemModelTester(model, FATAL)
    qtmodeltester.check(model)
    fetch_all(model)
    assert not model.canFetchMore(shanxi)
    kinds = {n.kind for n in model.root.walk()}
    assert {PLACE, UNIT, SECTION} <= kinds
    assert len(model.unit_nodes()) == len(sample_project.db.execute("SELECT id FROM units").fetchall())
    del tester


def test_outline_model_filter_counts_and_reload(qtmodeltester, sample_project):
    model = OutlineModel(sample_project)
    tester = QAbstractItemModelTester(model, FATAL)
    qtmodeltester.check(model)
    fetch_all(model)
    u = unit_of(sample_project, "离石区")
    s = outline_tree.section_tree(sample_project, u.id)[0]
    tag(sample_project, u.id, s.start, s.start + 4, [find_theme(sample_project, "代表工作").id])
    changed = []
    model.dataChanged.connect(lambda a, b, roles: changed.append(model.node(a).kind))
    model.refresh_counts({u.id})
    assert set(changed) == {PLACE, UNIT, SECTION}
    assert model.find_unit(u.id, s.id).siblingAtColumn(1).data() == "1"
    assert model.find_unit(u.id).siblingAtColumn(1).data() == "1"
    assert model.find_unit(u.id).parent().parent().parent().siblingAtColumn(1).data() == "1"  # 山西省
    model.set_filter("离石")
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["山西省"]
    fetch_all(model)
    assert [n.key for n in model.unit_nodes()] == [u.id]
    model.set_filter("")
    model.reload()
    assert model.rowCount() == 3
    qtmodeltester.check(model)
    del tester


def test_theme_model(qapp, qtmodeltester, sample_project):
    model = ThemeModel()
    tester = QAbstractItemModelTester(model, FATAL)
    model.set_themes(theme_tree(sample_project), theme_totals(sample_project), theme_counts(sample_project))
    qtmodeltester.check(model)
    parent = find_theme(sample_project, "依法监督")
    ix = model.index_of_theme(parent.id)
    assert ix.data() == "依法监督" and model.rowCount(ix) == 5 and ix.siblingAtColumn(2).data() == "2"
    assert model.flags(ix) & Qt.ItemFlag.ItemIsDragEnabled
    model.set_counts({parent.id: 3}, {parent.id: 1})
    assert ix.siblingAtColumn(1).data() == "3"
    del tester


def test_table_models(qapp, qtmodeltester, sample_project):
    u = unit_of(sample_project, "离石区")
    t = find_theme(sample_project, "代表工作")
    tag(sample_project, u.id, 0, 5, [t.id])
    passages = PassageModel()
    testers = [QAbstractItemModelTester(passages, FATAL)]
    passages.set_records(passages_in(sample_project))
    qtmodeltester.check(passages)
    assert passages.index(0, 0).data() == "离石区" and passages.index(0, 3).data() == "代表工作"

    hits = HitModel()
    testers.append(QAbstractItemModelTester(hits, FATAL))
    hits.set_hits(search(sample_project, "代表联络站").hits)
    qtmodeltester.check(hits)
    assert hits.rowCount() >= 3 and "代表联络站" in hits.index(0, 2).data()

    matrix = MatrixModel()
    testers.append(QAbstractItemModelTester(matrix, FATAL))
    matrix.set_matrix(theme_matrix(sample_project))
    qtmodeltester.check(matrix)
    col = [x.id for x in matrix.matrix.themes].index(t.id)
    assert matrix.index(0, col).data() == "1"
    matrix.set_value("coverage")
    assert matrix.index(0, col).data() == "5"

    sugg = SuggestionModel()
    testers.append(QAbstractItemModelTester(sugg, FATAL))
    sugg.set_rows([SuggestionRow(u.id, 0, 5, t.id, t.name, t.colour, "代表联络站。", ("代表",))])
    qtmodeltester.check(sugg)
    assert sugg.index(0, 0).data() == "代表工作"
    del testers


def test_a_provincial_report_is_under_its_province_not_an_unknown_county(qtmodeltester, project, tmp_path):
    """A province's own report (its county None) is shown right under the province, before its places."""
    from reader.core.ingest.importing import import_paths

    report = tmp_path / "2026-report.txt"
    report.write_text(
        "2026年湖北省政府工作报告\n——2026年1月27日在湖北省第十四届人民代表大会第四次会议上\n湖北省省长 张某某\n各位代表：\n"
        "现在，我代表省人民政府，向大会报告工作。\n一、2025年工作回顾\n全省经济稳中有进。武汉市江岸区、武汉市江岸区项目加快。\n",
        encoding="utf-8",
    )
    county = tmp_path / "county.txt"
    county.write_text("武汉市江岸区人大常委会工作报告\n一、依法监督\n常委会听取审议专项工作报告。\n", encoding="utf-8")
    import_paths(project, [report, county])
    model = OutlineModel(project)
    tester = QAbstractItemModelTester(model, FATAL)
    qtmodeltester.check(model)
    fetch_all(model)
    (hubei,) = [model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data() == "湖北省"]
    first = model.node(model.index(0, 0, hubei))
    assert first.kind == UNIT and first.data.title == "2026年湖北省政府工作报告"
    names = [model.index(r, 0, hubei).data() for r in range(model.rowCount(hubei))]
    assert "武汉市" in names and not any("未识别" in n or "not identified" in n for n in names)
    del tester
