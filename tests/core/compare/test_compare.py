"""The alignment engine in use on a project: the bar on the seeds through `reader align --json` and
the real scorer, determinism, stored results, corrections that survive re-aligning, the adjacent
government reports, filters, progress and cancel."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.core import compare
from reader.core.errors import AmbiguousName, Cancelled, InvalidInput, NoReportsToAlign, NotAligned, NotFound
from reader.core.progress import CancelToken
from reader.core.store.documents import delete_document, list_documents, outline
from tests.conftest import ROOT, write_text
from tests.core import align_fixtures as fx

needs_corpus = pytest.mark.skipif(not fx.available(), reason="shared corpus not present")
needs_adjacent = pytest.mark.skipif(not fx.ADJACENT.exists(), reason="shared corpus not present")


def rows_of(comparison) -> list[dict]:
    """The rows without the run's stamp."""
    return comparison.to_json()["rows"]


def section(project, prefix: str) -> int:
    found = [s for u in outline(project) for s in u.walk_sections() if s.heading.startswith(prefix)]
    assert len(found) == 1, (prefix, found)
    return found[0].id


def score_file(path: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, str(fx.SCORER), "align", str(fx.GOLD), str(path)],
                         capture_output=True, text=True, check=True).stdout
    last = out.strip().splitlines()[-1]
    return {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", last)}


# -- the bar ---------------------------------------------------------------------------------------


@needs_corpus
def test_reader_align_json_reaches_the_bar(sample_project_path, tmp_path, capsys):
    code = main(["align", "--json", "--project", str(sample_project_path)])
    out = capsys.readouterr().out
    assert code == 0
    path = tmp_path / "align.json"
    path.write_text(out, encoding="utf-8")
    figures = score_file(path)
    assert figures["precision"] >= 0.85 and figures["recall"] >= 0.85, figures
    data = json.loads(out)
    member = data["rows"][0]["members"][0]
    assert {"unit", "county", "year", "source", "section", "heading", "score"} <= set(member)
    assert data["rows"][-1]["label"] == "其他"


@needs_corpus
def test_scores_and_labels_explain_the_rows(sample_project):
    result = compare.run_alignment(sample_project)
    deputies = next(r for r in result.rows if r.label == "代表工作")
    assert deputies.theme_id is not None  # the codebook's theme of that name
    assert all(0 < m.score <= 1 and m.terms for m in deputies.members)
    assert sum("代表" in t for m in deputies.members for t in m.terms) >= len(deputies.members)
    assert len(deputies.cells()[next(m.unit_id for m in deputies.members if m.county == "中阳县")]) == 4


# -- determinism -----------------------------------------------------------------------------------


def test_same_rows_twice_in_process(sample_project):
    first = compare.run_alignment(sample_project)
    second = compare.run_alignment(sample_project)
    assert rows_of(first) == rows_of(second) and second.run == first.run + 1


def _align_in_subprocess(path: Path, hash_seed: str) -> dict:
    env = dict(os.environ, PYTHONHASHSEED=hash_seed)
    out = subprocess.run([sys.executable, "-m", "reader", "align", "--json", "--project", str(path)],
                         cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(out)["rows"]


def test_same_rows_under_any_hash_seed(sample_project_path, tmp_path):
    copy = tmp_path / "copy.renda"
    shutil.copyfile(sample_project_path, copy)
    assert _align_in_subprocess(sample_project_path, "1") == _align_in_subprocess(copy, "4242")


# -- the stored result -----------------------------------------------------------------------------


def test_the_stored_result_reads_back_without_realigning(sample_project):
    assert compare.load_comparison(sample_project) is None
    made = compare.run_alignment(sample_project)
    loaded = compare.load_comparison(sample_project)
    assert loaded.to_json() == made.to_json()
    assert [c.unit_id for c in loaded.columns] == [u.id for u in outline(sample_project)]
    assert loaded.rows[-1].is_other and not loaded.stale
    # a member's span is its section in the unit text
    m = loaded.rows[0].members[0]
    assert m.start < m.end and m.heading
    assert loaded.unaligned() == {c.unit_id: [] for c in loaded.columns}
    # any place in a unit text finds the member (and row) holding it
    child = section(sample_project, "一是夯实代表履职基础")  # inside a section aligned whole
    outline_child = next(s for u in outline(sample_project) for s in u.walk_sections() if s.id == child)
    row, holder = loaded.at(outline_child.unit_id, outline_child.start + 3)
    assert holder.start <= outline_child.start and outline_child.end <= holder.end
    assert loaded.row_of(holder.section_id) is row and loaded.at(outline_child.unit_id, 10**9) is None


def test_deleting_a_report_leaves_a_readable_comparison(sample_project):
    compare.run_alignment(sample_project)
    doc = list_documents(sample_project)[0]
    delete_document(sample_project, doc.id)
    loaded = compare.load_comparison(sample_project)
    assert all(m.source != doc.source_name for r in loaded.rows for m in r.members)
    assert all(c.source != doc.source_name for c in loaded.columns)


def test_an_off_topic_section_is_listed_as_unaligned(sample_project, tmp_path):
    from reader.core.ingest.importing import import_paths

    text = ("某某县人大常委会工作报告\n一、加强代表工作\n代表联络站建设，代表建议办理，代表履职培训。\n"
            "二、成功举办全县第五届全民运动会\n九月，全民运动会在体育中心开幕，设田径、篮球、乒乓球、象棋、拔河等比赛项目，"
            "一千二百名运动员参加比赛，决出金牌八十六枚，三名运动员打破纪录，啦啦队表演赢得阵阵掌声。\n")
    import_paths(sample_project, [write_text(tmp_path / "sports.txt", text)])
    result = compare.run_alignment(sample_project)
    sports = section(sample_project, "二、成功举办")
    assert result.row_of(sports).is_other
    unit = result.member(sports).unit_id
    assert [m.section_id for m in result.unaligned()[unit]] == [sports]


# -- corrections -----------------------------------------------------------------------------------


def _key(comparison, label: str) -> str:
    return comparison.find_row(label).key


@needs_corpus
def test_corrections_survive_a_realign(sample_project):
    p = sample_project
    first = compare.run_alignment(p)
    mover = section(p, "坚持导向为魂")  # democracy
    refused = section(p, "建设在守正创新中")  # supervision
    splitter = section(p, "坚持守正创新")  # self-building
    deputies, supervision = _key(first, "代表工作"), first.row_of(refused).key
    democracy, merged = first.row_of(mover).key, _key(first, "人大自身建设")

    changes = [
        compare.move_section(p, mover, deputies),
        compare.mark_not_match(p, refused, supervision),
        compare.rename_row(p, deputies, "代表工作（含民主）"),
        compare.split_section(p, splitter, "创新亮点"),
        compare.merge_rows(p, merged, supervision),
    ]
    new_row = changes[3].added_rows[0]
    assert new_row.startswith("user:") and not any(c.realign for c in changes)
    stored = compare.load_comparison(p)
    for comparison in (stored, compare.run_alignment(p), compare.run_alignment(p)):
        assert comparison.row_of(mover).key == deputies and comparison.member(mover).pinned
        assert comparison.row_of(refused).key != supervision
        assert comparison.row(deputies).label == "代表工作（含民主）"
        assert comparison.row_of(splitter).key == new_row and comparison.row(new_row).label == "创新亮点"
        assert comparison.row(merged) is None
        assert comparison.row_of(section(p, "着力“五个加强”")).key == supervision
        assert sum(1 for r in comparison.rows for m in r.members if m.section_id == mover) == 1
    assert [c.kind for c in compare.list_corrections(p)] == ["move", "not_match", "rename", "split", "merge"]
    realigned = compare.load_comparison(p)
    assert realigned.member(mover).score is not None  # scored again by the engine
    assert democracy != deputies


@needs_corpus
def test_taking_back_the_latest_correction_restores_the_rows_exactly(sample_project):
    p = sample_project
    before = compare.run_alignment(p)
    sec = section(p, "坚持导向为魂")
    for make in (lambda: compare.move_section(p, sec, _key(before, "代表工作")),
                 lambda: compare.mark_not_match(p, sec),
                 lambda: compare.split_section(p, sec),
                 lambda: compare.rename_row(p, _key(before, "依法监督"), "监督"),
                 lambda: compare.merge_rows(p, _key(before, "人大自身建设"), _key(before, "依法监督"))):
        change = make()
        assert compare.load_comparison(p).to_json()["rows"] != rows_of(before)
        undone = compare.remove_correction(p, change.correction.id)
        assert not undone.realign
        after = compare.load_comparison(p)
        assert rows_of(after) == rows_of(before) and not after.stale
    assert compare.list_corrections(p) == []


@needs_corpus
def test_taking_back_an_older_correction_marks_the_comparison_stale(sample_project):
    p = sample_project
    first = compare.run_alignment(p)
    sec = section(p, "坚持导向为魂")
    old = compare.move_section(p, sec, _key(first, "代表工作"))
    compare.rename_row(p, _key(first, "依法监督"), "监督")
    change = compare.remove_correction(p, old.correction.id)
    assert change.realign and compare.load_comparison(p).stale
    again = compare.run_alignment(p)
    assert not again.stale and again.row_of(sec).key == first.row_of(sec).key
    assert again.row(_key(first, "依法监督")).label == "监督"


@needs_corpus
def test_moving_a_subsection_out_of_a_section_aligned_whole(sample_project):
    p = sample_project
    first = compare.run_alignment(p)
    parent = section(p, "二、突出重点工作")
    child = section(p, "（四）依法做好人事选举任免工作")
    assert first.row_of(parent) is not None and first.row_of(child) is None
    change = compare.move_section(p, child, _key(first, "人事任免") if _has(first, "人事任免") else "other")
    assert change.realign and compare.load_comparison(p).stale
    again = compare.run_alignment(p)
    assert again.row_of(child).key == change.correction.row_key
    assert again.row_of(parent) is None  # read through its children now (a part no other report has: no row)


def _has(comparison, label: str) -> bool:
    return any(r.label == label for r in comparison.rows)


def test_correction_errors(sample_project):
    p = sample_project
    with pytest.raises(NotAligned):
        compare.rename_row(p, "topic:deputies", "x")
    result = compare.run_alignment(p)
    some = result.rows[0].members[0].section_id
    with pytest.raises(NotFound):
        compare.move_section(p, some, "cluster:nowhere")
    with pytest.raises(NotFound):
        compare.move_section(p, 999999, result.rows[0].key)
    with pytest.raises(InvalidInput):
        compare.mark_not_match(p, some, result.rows[1].key)  # it is not in that row
    with pytest.raises(InvalidInput):
        compare.merge_rows(p, "other", result.rows[0].key)
    with pytest.raises(InvalidInput):
        compare.rename_row(p, result.rows[0].key, "  ")
    with pytest.raises(NotFound):
        compare.remove_correction(p, 12345)
    assert compare.list_corrections(p) == []


# -- the adjacent genre ----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def government_file(tmp_path_factory) -> Path:
    from reader.core.ingest.importing import import_paths
    from reader.core.store.db import open_project

    path = tmp_path_factory.mktemp("gov") / "gov.renda"
    with open_project(path) as p:
        report = import_paths(p, sorted(fx.ADJACENT.glob("*.txt")))
        assert not report.failed
    return path


@pytest.fixture
def government(government_file, tmp_path):
    from reader.core.store.db import open_project

    dest = tmp_path / "gov.renda"
    shutil.copyfile(government_file, dest)
    p = open_project(dest, create=False)
    yield p
    p.close()


def _rows_by_heading(project, comparison, pattern: str) -> tuple[set[str], set[int]]:
    ids = [s.id for u in outline(project) for s in u.walk_sections()
           if re.search(pattern, s.heading) and "生态" not in s.heading]  # 生态型城市: that is ecology
    members = [(comparison.row_of(i), comparison.member(i)) for i in ids if comparison.row_of(i) is not None]
    return {r.key for r, _ in members}, {m.year for _, m in members}


@needs_adjacent
def test_government_reports_line_up_by_their_own_content(government):
    result = compare.run_alignment(government)  # with the project's (人大) codebook
    city_rows, city_years = _rows_by_heading(government, result, r"城市建|城市品质|城乡建设|城市建管")
    living_rows, living_years = _rows_by_heading(government, result, r"民生")
    assert len(city_years) >= 3 and len(living_years) >= 3
    assert len(city_rows) == 1 and len(living_rows) == 1 and city_rows != living_rows, (city_rows, living_rows)
    assert "other" not in city_rows | living_rows
    city = result.row(city_rows.pop())
    assert "城市" in city.label  # labelled by its shared terms
    # the reviews are read through their subsections: they are in rows of parts only
    assert not any("回顾" in m.heading for r in result.rows if not r.frame for m in r.members)
    assert any("回顾" in m.heading for r in result.rows if r.frame for m in r.members)


@needs_adjacent
def test_rows_from_the_text_keep_their_keys_and_corrections_across_selections(government):
    p = government
    first = compare.run_alignment(p)
    city = next(r for r in first.rows if r.key.startswith("cluster:") and "城市" in r.label)
    compare.rename_row(p, city.key, "城市建设")
    years = sorted({c.year for c in first.columns})
    fewer = compare.run_alignment(p, compare.Selection(years=years[1:]))
    kept = fewer.find_row("城市建设")
    assert kept.key == city.key and {m.year for m in kept.members} <= set(years[1:])
    again = compare.run_alignment(p)
    assert again.find_row("城市建设").key == city.key


# -- the selection ---------------------------------------------------------------------------------


def test_filters_choose_the_units(sample_project):
    p = sample_project
    units = outline(p)
    two = compare.run_alignment(p, compare.Selection(counties=["吉县", "新绛"]))
    assert {c.county for c in two.columns} == {"吉县", "新绛县"}
    assert two.selection.counties == ["吉县", "新绛县"]
    prefecture = next(u.prefecture for u in units if u.county == "方山县")
    by_prefecture = compare.run_alignment(p, compare.Selection(prefecture=prefecture))
    assert {c.unit_id for c in by_prefecture.columns} == {u.id for u in units if u.prefecture == prefecture}
    years = compare.run_alignment(p, compare.Selection(years=compare.parse_years(["2019-2021"])))
    assert {c.unit_id for c in years.columns} == {u.id for u in units if u.year in (2019, 2020, 2021)}
    both = compare.run_alignment(p, compare.Selection(prefecture=prefecture, years=[2021]))
    assert {c.unit_id for c in both.columns} == {u.id for u in units if u.prefecture == prefecture and u.year == 2021}
    with pytest.raises(NoReportsToAlign):  # nothing chosen: the stored rows stay as they were
        compare.run_alignment(p, compare.Selection(years=[1990]))
    assert {c.unit_id for c in compare.load_comparison(p).columns} == {c.unit_id for c in both.columns}
    with pytest.raises(NotFound):
        compare.run_alignment(p, compare.Selection(counties=["不存在县"]))
    with pytest.raises(NotFound):
        compare.run_alignment(p, compare.Selection(prefecture="不存在市"))
    with pytest.raises(InvalidInput):
        compare.parse_years(["20211"])
    with pytest.raises(InvalidInput):
        compare.parse_years(["2022-2019"])


def test_an_ambiguous_county_start_is_refused(sample_project, tmp_path):
    from reader.core.ingest.importing import import_paths

    import_paths(sample_project, [write_text(tmp_path / "a.txt", "石楼县人大常委会工作报告\n一、代表工作\n代表联络站。\n")])
    compare.run_alignment(sample_project, compare.Selection(counties=["石楼"]))
    with pytest.raises(AmbiguousName):
        compare.run_alignment(sample_project, compare.Selection(counties=["新"]))


# -- tags and themes -------------------------------------------------------------------------------


@needs_corpus
def test_tagged_passages_pull_a_section_toward_their_theme(sample_project):
    from reader.core.store.passages import tag
    from reader.core.store.themes import find_theme

    p = sample_project
    sec = section(p, "更高标准更严要求")
    supervision = find_theme(p, "依法监督")
    assert compare.run_alignment(p).row_of(sec).theme_id != supervision.id
    s = next(s for u in outline(p) for s in u.walk_sections() if s.id == sec)
    for k in range(2):
        tag(p, s.unit_id, s.heading_end + 10 * k, s.heading_end + 10 * k + 8, [supervision.id])
    assert compare.run_alignment(p).row_of(sec).theme_id == supervision.id


# -- progress and cancel ---------------------------------------------------------------------------


def test_progress_reaches_the_end_and_cancel_keeps_the_stored_result(sample_project):
    seen: list[tuple[int, int, str]] = []
    first = compare.run_alignment(sample_project, progress=lambda d, t, s: seen.append((d, t, s)))
    assert seen[-1][0] == seen[-1][1] and [d for d, _, _ in seen] == sorted(d for d, _, _ in seen)
    assert {s for _, _, s in seen} == {"read", "align", "store"}
    token = CancelToken()

    def cancel_midway(done: int, total: int, stage: str) -> None:
        if stage == "align":
            token.cancel()

    with pytest.raises(Cancelled):
        compare.run_alignment(sample_project, compare.Selection(counties=["吉县"]), progress=cancel_midway, cancel=token)
    assert compare.load_comparison(sample_project).to_json() == first.to_json()


# -- the command line ------------------------------------------------------------------------------


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_human_form_filters_and_errors(sample_project_path, capsys):
    p = str(sample_project_path)
    code, out, _ = run(capsys, "--lang", "zh", "align", "--project", p, "--county", "吉县", "--county", "新绛县")
    assert code == 0 and out.startswith("对齐了 2 篇报告")
    assert re.search(r"^【代表工作】", out, re.M)
    assert re.search(r"^    吉县 2019 · 突出“三个注重”代表工作有新活力 · 0\.\d\d  §\d+$", out, re.M)
    code, out, err = run(capsys, "--lang", "zh", "align", "--project", p, "--county", "不存在县")
    assert code == 1 and err.strip() == "找不到县区：不存在县" and out == ""
    code, out, err = run(capsys, "--lang", "en", "align", "--project", p, "--prefecture", "不存在市")
    assert code == 1 and err.strip() == "No such prefecture: 不存在市"
    code, _, err = run(capsys, "align", "--project", p, "--year", "abc")
    assert code == 1 and len(err.strip().splitlines()) == 1
    code, out, _ = run(capsys, "align", "--project", p, "--year", "2019", "--json")
    assert code == 0 and {m["year"] for r in json.loads(out)["rows"] for m in r["members"]} == {2019}


def test_cli_corrections(sample_project_path, capsys):
    p = str(sample_project_path)
    code, _, err = run(capsys, "--lang", "en", "align", "--project", p, "--stored")
    assert code == 1 and "not been aligned" in err
    code, out, _ = run(capsys, "align", "--project", p, "--json")
    data = json.loads(out)
    data["rows"] = [r for r in data["rows"] if not r["frame"]]  # rows of topics (rows of parts are corrected alike)
    first = data["rows"][0]
    sid = first["members"][0]["section"]
    code, out, _ = run(capsys, "--lang", "en", "align", "--project", p, "--move", str(sid), data["rows"][1]["label"])
    assert code == 0 and out.startswith("Corrected #1:")
    code, out, _ = run(capsys, "--lang", "en", "align", "--project", p, "--rename", data["rows"][1]["key"], "新名字")
    assert code == 0
    code, out, _ = run(capsys, "--lang", "en", "align", "--project", p, "--corrections")
    assert code == 0 and len(out.strip().splitlines()) == 2 and "新名字" in out
    code, out, _ = run(capsys, "align", "--project", p, "--stored", "--json")
    stored = {r["key"]: r for r in json.loads(out)["rows"]}
    assert stored[data["rows"][1]["key"]]["label"] == "新名字"
    assert any(m["section"] == sid and m["pinned"] for m in stored[data["rows"][1]["key"]]["members"])
    code, out, _ = run(capsys, "--lang", "en", "align", "--project", p, "--undo", "2")
    assert code == 0 and out.startswith("Taken back #2")
    code, out, err = run(capsys, "--lang", "en", "align", "--project", p, "--merge", "other", first["key"])
    assert code == 1 and len(err.strip().splitlines()) == 1
    code, out, _ = run(capsys, "--lang", "en", "align", "--project", p, "--keys")
    assert code == 0 and f"[{first['key']}]" in out


def test_aligning_in_a_worker_thread_with_its_own_connection(sample_project, sample_project_path):
    import threading

    from reader.core.store.db import open_project

    assert compare.load_comparison(sample_project) is None
    done: list[object] = []

    def work() -> None:
        with open_project(sample_project_path, create=False) as own:
            done.append(compare.run_alignment(own, progress=lambda d, t, s: None, cancel=CancelToken()))

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=120)
    assert done and compare.load_comparison(sample_project).to_json() == done[0].to_json()


def test_cli_split_with_a_label(sample_project_path, capsys):
    p = str(sample_project_path)
    code, out, _ = run(capsys, "align", "--project", p, "--json")
    sid = json.loads(out)["rows"][0]["members"][0]["section"]
    code, out, _ = run(capsys, "--lang", "en", "align", "--project", p, "--split", f"§{sid}", "--label", "单列")
    assert code == 0 and "as '单列'" in out
    code, out, _ = run(capsys, "align", "--project", p, "--stored", "--json")
    row = next(r for r in json.loads(out)["rows"] if r["label"] == "单列")
    assert row["key"].startswith("user:") and [m["section"] for m in row["members"]] == [sid]


def test_align_and_store_stores_what_run_alignment_reads_back(sample_project):
    shown = compare.run_alignment(sample_project)
    aligned = compare.align_and_store(sample_project)
    again = compare.load_comparison(sample_project)
    assert aligned.run == shown.run + 1 == again.run and aligned.rows == len(again.rows)
    assert aligned.reports == len(again.columns) and aligned.seconds >= 0
    assert [(r.key, [m.to_json() for m in r.members]) for r in again.rows] == \
        [(r.key, [m.to_json() for m in r.members]) for r in shown.rows]
