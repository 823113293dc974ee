"""Make the .doc fixtures of this folder (run once by hand; LibreOffice is not needed to run the tests).

    python tests/data/doc/make.py   # needs soffice (Debian: libreoffice-writer-nogui) and python-docx

Each document is built with python-docx and converted by LibreOffice; report.docx is kept beside its
.doc and .rtf, so that a test can read all three and compare them. LibreOffice writes every .doc as one
piece of UTF-16 text: several pieces and "compressed" 8-bit pieces are tested on streams the tests build
(tests/core/readers/test_doc.py). The texts are made up: they name no real place or person.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.oxml import parse_xml

HERE = Path(__file__).resolve().parent
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _field(paragraph, instruction: str, result: str) -> None:
    """A complex field (begin, instruction, separate, result, end) at the end of `paragraph`."""
    runs = [
        f'<w:r {_W}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {_W}><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>',
        f'<w:r {_W}><w:fldChar w:fldCharType="separate"/></w:r>',
        f'<w:r {_W}><w:t>{result}</w:t></w:r>',
        f'<w:r {_W}><w:fldChar w:fldCharType="end"/></w:r>',
    ]
    for run in runs:
        paragraph._p.append(parse_xml(run))


def report() -> docx.Document:
    d = docx.Document()
    d.core_properties.title = "示例工作报告"
    d.add_paragraph("某某县人民代表大会常务委员会工作报告", style="Title")
    d.add_paragraph("——2023年1月5日在某某县第十八届人民代表大会第三次会议上")
    d.add_paragraph("各位代表：")
    d.add_paragraph("现在，我代表县人民代表大会常务委员会向大会报告工作，请予审议。")
    d.add_paragraph("一、过去一年的主要工作", style="Heading 1")
    d.add_paragraph("（一）坚持依法监督，推动高质量发展", style="Heading 2")
    p = d.add_paragraph("听取和审议专项工作报告六项，详见")
    _field(p, 'HYPERLINK "http://example.org/report"', "县人大网站")
    p.add_run("。")
    d.add_paragraph("（二）加强代表工作，密切联系群众", style="Heading 2")
    d.add_paragraph("新建代表联络站十二个，实现乡镇全覆盖。各项数据如下表：")
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate([["项目", "数量", "备注"], ["联络站", "12", "新建"], ["接待群众", "356", "人次"]]):
        for c, cell in enumerate(row):
            t.cell(r, c).text = cell
    d.add_paragraph("二、今年的主要任务", style="Heading 1")
    d.add_paragraph("（一）围绕中心工作，依法履行职责", style="Heading 2")
    p = d.add_paragraph("做好各项工作，第")
    _field(p, "PAGE", "1")
    p.add_run("页。")
    d.add_paragraph("各位代表，让我们共同努力，再创佳绩！")
    return d


def english() -> docx.Document:
    d = docx.Document()
    d.add_paragraph("Annual Work Report", style="Title")
    d.add_paragraph("1. Overview", style="Heading 1")
    d.add_paragraph("The standing committee met twelve times and reviewed six reports.")
    d.add_paragraph("2. Tasks for the coming year", style="Heading 1")
    d.add_paragraph("Keep to the law; serve the people; caf\u00e9 prices \u2013 not a concern.")
    return d


def main() -> int:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("soffice not found", file=sys.stderr)
        return 1
    # name -> (document, the kinds LibreOffice writes of it); report.docx is kept to compare with
    made = {"report": (report(), ("doc", "rtf")), "english": (english(), ("doc",))}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (document, kinds) in made.items():
            source = HERE / f"{name}.docx" if name == "report" else Path(tmp) / f"{name}.docx"
            document.save(source)
            for kind in kinds:
                subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                                "--convert-to", kind, "--outdir", tmp, str(source)],
                               check=True, capture_output=True, timeout=300)
                shutil.copy(Path(tmp) / f"{name}.{kind}", HERE / f"{name}.{kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
