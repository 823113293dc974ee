"""A project with tagged passages for the export tests: the five sample reports plus a short report
whose text has characters outside the Basic Multilingual Plane (𠮷, 𡈼) and markup characters.

Passages: one just after 𠮷, one with 𡈼 inside, one spanning a line break, one whose quote and
note hold * # < & (Markdown and HTML must show them as written), passages in two sample counties
with nested themes, a parent theme tagged directly, a passage with two themes, and one with a
note only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reader.core.ingest.importing import import_paths
from reader.core.store import documents, passages
from reader.core.store.project import Project
from reader.core.store.themes import find_theme

ASTRAL_REPORT = (
    "永和县人大常委会2022年工作报告\n"
    "永和县人大常委会主任 张三\n"
    "一、代表工作\n"
    "𠮷祥村代表联络站接待群众𡈼次，收集意见建议。\n"
    "二、监督工作\n"
    "重点工作：*依法*监督 #1 <审议> & 落实。\n"
    "听取和审议专项工作报告，开展执法检查。\n"
    "全年共办理代表建议二十件。\n"
)
MARKUP_QUOTE = "*依法*监督 #1 <审议> & 落实"
MARKUP_NOTE = "注意 *星号* <b>粗</b> & #井号"
NEWLINE_QUOTE = "收集意见建议。\n二、监督工作"
ASTRAL_QUOTE = "接待群众𡈼次"
AFTER_ASTRAL_QUOTE = "祥村代表联络站"

STATION = "代表工作/代表联络站"
INSPECTION = "依法监督/执法检查"
SUPERVISION = "依法监督"
REPORTS = "依法监督/专项工作报告"


@dataclass
class Tagged:
    astral_unit: int
    units: dict[str, int] = field(default_factory=dict)  # county -> unit id
    passages: dict[str, int] = field(default_factory=dict)  # label -> passage id


def tag_sample(project: Project, folder: Path) -> Tagged:
    """Add the astral report to a project holding the samples, and tag the passages above."""
    path = folder / "永和县2022年人大常委会工作报告.txt"
    path.write_text(ASTRAL_REPORT, encoding="utf-8")
    report = import_paths(project, [path])
    assert not report.failed, report.failed[0].error
    unit = report.imported[0].units[0].id
    theme = {k: find_theme(project, k).id for k in (STATION, INSPECTION, SUPERVISION, REPORTS)}
    out = Tagged(astral_unit=unit)
    out.units = {u.county: u.id for u in documents.list_units(project) if u.county}
    assert out.units["永和县"] == unit
    tq = passages.tag_quote
    out.passages["after_astral"] = tq(project, unit, AFTER_ASTRAL_QUOTE, [theme[STATION]], coder="王五").id
    out.passages["astral"] = tq(project, unit, ASTRAL_QUOTE, [theme[STATION], theme[INSPECTION]]).id
    out.passages["newline"] = tq(project, unit, NEWLINE_QUOTE, [theme[SUPERVISION]], note="跨行").id
    out.passages["markup"] = tq(project, unit, MARKUP_QUOTE, [theme[INSPECTION]], note=MARKUP_NOTE).id
    first_section = next(u for u in documents.outline(project) if u.id == out.units["新绛县"]).sections[0]
    inside = first_section.heading_end + 2
    for county, (start, end), themes in (
        ("新绛县", (30, 80), [theme[REPORTS]]),
        ("新绛县", (inside, inside + 60), [theme[INSPECTION], theme[STATION]]),
        ("吉县", (40, 90), [theme[STATION]]),
        ("吉县", (120, 150), [theme[SUPERVISION]]),
    ):
        uid = out.units[county]
        p = passages.tag(project, uid, start, end, themes, coder="李四")
        out.passages[f"{county}-{start}" if start != inside else "nested"] = p.id
    out.passages["note_only"] = passages.tag(project, out.units["吉县"], 300, 320, [], note="只有备注").id
    return out
