"""A project with two places of one name (福州市鼓楼区 and 南京市鼓楼区), a county whose name is its
own (临汾市吉县) and a report whose county is not known; one tagged passage in each report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reader.core.ingest.importing import import_paths
from reader.core.store import documents, passages
from reader.core.store.db import open_project
from reader.core.store.themes import find_theme

FUZHOU, NANJING, JIXIAN = "350102", "320106", "141028"  # the national codes of the places
THEME = "依法监督/执法检查"
REPORT = """{title}
——2023年1月{day}日在{where}第十八届人民代表大会第三次会议上
一、依法开展监督工作
全年听取和审议专项工作报告{n}项，开展执法检查两次，推动{topic}。
二、加强代表工作
建成代表联络站{n}个，组织代表进站接待群众，收集意见建议。
三、加强自身建设
坚持党的领导，加强常委会自身建设。
"""
REPORTS = {
    "fuzhou.txt": dict(title="福州市鼓楼区人大常委会工作报告", day=10, where="福州市鼓楼区", n=5, topic="老旧小区改造"),
    "nanjing.txt": dict(title="南京市鼓楼区人大常委会工作报告", day=12, where="南京市鼓楼区", n=7, topic="河道综合治理"),
    "jixian.txt": dict(title="临汾市吉县人大常委会工作报告", day=14, where="吉县", n=4, topic="苹果产业发展"),
    "unknown.txt": dict(title="人大常委会工作报告", day=15, where="本区", n=3, topic="乡村振兴"),
}
QUOTES = {"fuzhou.txt": "老旧小区改造", "nanjing.txt": "河道综合治理", "jixian.txt": "苹果产业发展",
          "unknown.txt": "乡村振兴"}


@dataclass
class Namesakes:
    path: Path
    units: dict[str, int] = field(default_factory=dict)  # file name -> unit id
    passages: dict[str, int] = field(default_factory=dict)  # file name -> passage id


def make_namesakes(folder: Path) -> Namesakes:
    """The project file (closed), its unit and passage ids by report file name."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, fields in REPORTS.items():
        path = folder / name
        path.write_text(REPORT.format(**fields), encoding="utf-8")
        paths.append(path)
    out = Namesakes(folder / "namesakes.renda")
    with open_project(out.path) as p:
        report = import_paths(p, paths)
        assert not report.failed, [(i.name, i.error) for i in report.failed]
        theme = find_theme(p, THEME).id
        for item in report.imported:
            uid = item.units[0].id
            out.units[Path(item.name).name] = uid
        for name, uid in out.units.items():
            out.passages[name] = passages.tag_quote(p, uid, QUOTES[name], [theme], coder="测试").id
        assert len(documents.list_units(p)) == 4
    return out
