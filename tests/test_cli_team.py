"""The team commands: `reader coders`, `reader merge`, `reader agreement`, and --coder on
`reader passages` and `reader export`. User errors are one line on stderr, exit 1."""

from __future__ import annotations

import csv
import json
import re
import shutil

import pytest

from tests.test_cli import assert_user_error, run

A, B = "甲", "乙"


@pytest.fixture
def proj(sample_project_path) -> str:
    return str(sample_project_path)


def tag(capsys, proj, start, end, theme, coder, unit="1"):
    code, out, err = run(capsys, "tag", "--unit", unit, "--start", str(start), "--end", str(end), "--theme", theme,
                         "--coder", coder, "--project", proj)
    assert code == 0, err


@pytest.fixture
def team(capsys, proj, tmp_path):
    """The lead 甲 tags once; the copy sent to 乙, who tags twice (once on 甲's span)."""
    tag(capsys, proj, 10, 40, "依法监督", A)
    tag(capsys, proj, 100, 120, "依法监督", A)
    copy = tmp_path / "乙.renda"
    shutil.copyfile(proj, copy)
    tag(capsys, str(copy), 12, 40, "依法监督", B)
    tag(capsys, str(copy), 200, 240, "代表工作", B)
    return proj, str(copy)


def test_coders_set_once_and_listed(capsys, proj):
    code, out, _ = run(capsys, "coders", "--set", "王五", "--project", proj)
    assert code == 0 and "王五" in out
    code, out, err = run(capsys, "tag", "--unit", "1", "--start", "0", "--end", "8", "--theme", "依法监督", "--project", proj)
    assert code == 0, err
    code, out, _ = run(capsys, "--lang", "zh", "coders", "--project", proj)
    assert out.splitlines()[0] == "本机的标注人：王五" and "* 王五：1 段，1 篇报告" in out
    code, out, _ = run(capsys, "coders", "--json", "--project", proj)
    assert json.loads(out) == {"current": "王五", "coders": [{"coder": "王五", "passages": 1, "reports": 1}]}
    code, out, err = run(capsys, "coders", "--set", "  ", "--project", proj)
    assert_user_error(code, err)


def test_merge_brings_the_teammates_passages_once(capsys, team):
    proj, copy = team
    code, out, err = run(capsys, "--lang", "zh", "merge", copy, "--project", proj)
    assert code == 0, err
    assert out.splitlines()[0].startswith("已合并 乙.renda：新增 2 段标注（乙 2），2 段已在项目中")
    assert "合并前的备份" in out
    code, out, _ = run(capsys, "merge", copy, "--json", "--project", proj)
    data = json.loads(out)
    assert (data["passages"], data["already"]) == (0, 4)
    code, out, _ = run(capsys, "passages", "--json", "--coder", B, "--project", proj)
    assert [(p["start"], p["coder"]) for p in json.loads(out)["passages"]] == [(12, B), (200, B)]
    code, out, err = run(capsys, "passages", "--coder", "无名氏", "--project", proj)
    assert_user_error(code, err)


def test_merge_of_a_renamed_theme_needs_a_mapping(capsys, team):
    proj, copy = team
    code, _out, err = run(capsys, "themes", "rename", "代表工作", "代表履职", "--project", copy)
    assert code == 0, err
    code, out, err = run(capsys, "--lang", "zh", "merge", copy, "--project", proj)
    assert_user_error(code, err)
    assert "代表工作=代表履职" in err and "--map" in err and "未写入任何内容" in err
    code, out, err = run(capsys, "merge", copy, "--map", "没有等号", "--project", proj)
    assert_user_error(code, err)
    code, out, err = run(capsys, "merge", copy, "--map", "代表工作=代表履职", "--project", proj)
    assert code == 0, err
    code, out, _ = run(capsys, "passages", "--json", "--coder", B, "--theme", "代表工作", "--project", proj)
    assert len(json.loads(out)["passages"]) == 1


def test_agreement_json_text_and_tables(capsys, team, tmp_path):
    proj, copy = team
    run(capsys, "merge", copy, "--project", proj)
    code, out, err = run(capsys, "agreement", "--coders", A, B, "--json", "--project", proj)
    assert code == 0, err
    data = json.loads(out)
    pair = data["pairs"][0]
    assert pair["coders"] == [A, B] and [t["theme"] for t in pair["themes"]] == ["依法监督", "代表工作"]
    sup = pair["themes"][0]
    # 甲 [10,40) + [100,120) = 50 characters, 乙 [12,40) = 28, all shared
    assert (sup["characters"]["both"], sup["characters"]["only_a"], sup["characters"]["only_b"]) == (28, 22, 0)
    assert sup["segments"] == {"matched_a": 1, "total_a": 2, "matched_b": 1, "total_b": 1, "percent": 66.67}
    # 代表工作 in the one report: used by 乙, not 甲: pA = 0, pB = 1, pₑ = 0·1 + 1·0 = 0, pₒ = 0: κ = 0
    assert pair["themes"][1]["reports"] == {"agreement": 0.0, "kappa": 0.0, "both": 0, "only_a": 0, "only_b": 1,
                                            "neither": 0}
    code, out, _ = run(capsys, "--lang", "zh", "agreement", "--coders", A, B, "--project", proj)
    assert out.startswith("1 篇报告；段落匹配要求重合 90%") and "甲 × 乙" in out and "分歧 2 处" in out
    assert re.search(r"依法监督 \| \d+\.\d% 0\.\d{3} ", out), out
    target = tmp_path / "一致性.csv"
    code, out, err = run(capsys, "--lang", "zh", "agreement", "--coders", A, B, "--out", str(target), "--project", proj)
    assert code == 0, err
    with open(tmp_path / "一致性-分歧.csv", encoding="utf-8-sig", newline="") as f:
        assert len(list(csv.reader(f))) == 3
    code, out, err = run(capsys, "agreement", "--coders", A, B, "--out", str(target), "--project", proj)
    assert_user_error(code, err)


@pytest.mark.parametrize("argv", [
    ["agreement", "--coders", A],
    ["agreement", "--coders", A, "无名氏"],
    ["agreement", "--coders", A, B, "--min-overlap", "0"],
    ["agreement", "--coders", A, B, "--min-overlap", "101"],
    ["agreement", "--coders", A, B, "--unit", "999"],
    ["merge", "no-such-file.renda"],
])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_team_user_errors_are_one_line(capsys, team, argv, lang):
    proj, _copy = team
    code, out, err = run(capsys, "--lang", lang, *argv, "--project", proj)
    assert_user_error(code, err)
    if lang == "zh":
        assert re.search(r"[\u4e00-\u9fff]{2}", err) and not re.search(r"\b(not|Invalid|error)\b", err), err


def test_export_by_coder(capsys, team, tmp_path):
    proj, copy = team
    run(capsys, "merge", copy, "--project", proj)
    out_file = tmp_path / "b.csv"
    code, out, err = run(capsys, "--lang", "zh", "export", "-f", "csv", "-o", str(out_file), "--coder", B, "--project", proj)
    assert code == 0, err
    with open(out_file, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {r["标注人"] for r in rows} == {B} and len(rows) == 2
