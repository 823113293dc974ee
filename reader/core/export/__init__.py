"""Export of tagged passages and of the codebook, and exchange with QDA tools (REFI-QDA): a project
and a Selection in, a file and an ExportResult out (and .qdpx/.qdc read back in: refi).

For the window's export dialog and the command line:

    sel = Selection(themes=("依法监督",), counties=("某县",), years=(2021,))
    n = count_passages(project, sel)           # before writing (NotFound for an unknown name)
    result = export(project, "xlsx", path, sel, force=False, progress=cb, cancel=token)

or one function per format: write_csv, write_xlsx, write_docx, write_markdown, write_html,
write_json, write_qdpx (line_endings='lf'|'crlf'), write_qdc, write_codebook_csv,
write_codebook_xlsx. Each takes (project, out, selection, *, force, ...) and returns an
ExportResult; none overwrites without force (FileExists) or leaves half a file (see safe).
The passage exports (CSV, XLSX, JSON, Markdown, HTML, DOCX) take one path, writing.write_passages:
the passages chosen, a step a row, the file written whole; each format gives only what it writes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import InvalidInput
from reader.core.export.codebook_files import write_codebook_csv, write_codebook_xlsx
from reader.core.export.compilation import write_docx
from reader.core.export.jsonfile import write_json
from reader.core.export.markup import write_html, write_markdown
from reader.core.export.refi.codebook import write_qdc
from reader.core.export.refi.project_writer import write_qdpx
from reader.core.export.result import ExportResult
from reader.core.export.selection import Selection, count_passages, records, resolve
from reader.core.export.tables import write_csv, write_xlsx
from reader.core.progress import Progress
from reader.core.store.project import Project


@dataclass(frozen=True)
class ExportFormat:
    name: str
    suffix: str
    zh: str
    en: str
    write: Callable[..., ExportResult]
    passages: bool = True  # False: the codebook alone (the selection does not apply)
    line_endings: bool = False  # takes line_endings='lf'|'crlf'

    def label(self, lang: str = "zh") -> str:
        return self.zh if lang == "zh" else self.en


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("csv", ".csv", "CSV 表格（Excel 可直接打开）", "CSV table (opens in Excel)", write_csv),
        ExportFormat("xlsx", ".xlsx", "Excel 工作簿（含主题×县区统计）", "Excel workbook (with theme × county counts)", write_xlsx),
        ExportFormat("docx", ".docx", "Word 摘编（按主题、县区分组）", "Word compilation (by theme, then county)", write_docx),
        ExportFormat("md", ".md", "Markdown", "Markdown", write_markdown),
        ExportFormat("html", ".html", "网页 HTML", "HTML page", write_html),
        ExportFormat("json", ".json", "JSON（供脚本使用）", "JSON (for scripts)", write_json),
        ExportFormat("qdpx", ".qdpx", "REFI-QDA 项目（MAXQDA、ATLAS.ti、NVivo、QualCoder）",
                     "REFI-QDA project (MAXQDA, ATLAS.ti, NVivo, QualCoder)", write_qdpx, line_endings=True),
        ExportFormat("qdc", ".qdc", "REFI-QDA 编码表", "REFI-QDA codebook", write_qdc, passages=False),
        ExportFormat("codebook-csv", ".csv", "编码表 CSV", "Codebook as CSV", write_codebook_csv, passages=False),
        ExportFormat("codebook-xlsx", ".xlsx", "编码表 Excel", "Codebook as Excel", write_codebook_xlsx, passages=False),
    )
}


def export(
    project: Project,
    fmt: str,
    out: str | Path,
    selection: Selection | None = None,
    *,
    force: bool = False,
    lang: str = "zh",
    line_endings: str = "lf",
    progress: Progress | None = None,
    cancel: object | None = None,
) -> ExportResult:
    """Write `fmt` (a FORMATS key) to `out`."""
    spec = FORMATS.get(fmt)
    if spec is None:
        raise InvalidInput("format", fmt)
    kwargs: dict[str, object] = {"force": force, "lang": lang, "progress": progress, "cancel": cancel}
    if spec.line_endings:
        kwargs["line_endings"] = line_endings
    if spec.passages:
        return spec.write(project, out, selection or Selection(), **kwargs)
    return spec.write(project, out, **kwargs)


__all__ = [
    "FORMATS",
    "ExportFormat",
    "ExportResult",
    "Selection",
    "count_passages",
    "export",
    "records",
    "resolve",
    "write_codebook_csv",
    "write_codebook_xlsx",
    "write_csv",
    "write_docx",
    "write_html",
    "write_json",
    "write_markdown",
    "write_qdc",
    "write_qdpx",
    "write_xlsx",
]
