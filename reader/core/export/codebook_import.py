"""Merging a codebook file into a project's themes, whatever its kind: a REFI-QDA codebook (.qdc)
or a table (.csv, .xlsx, as written by write_codebook_csv/xlsx or made by hand). Used by
`reader themes import FILE` and by the window's 文件 ▸ 导入编码表….

    report = import_codebook(project, "codebook.qdc")   # MergeReport: added, kept (paths)
"""

from __future__ import annotations

from pathlib import Path

from reader.core.errors import NotACodebook
from reader.core.export.codebook_files import import_codebook_table
from reader.core.export.codebook_merge import MergeReport
from reader.core.export.refi.codebook import import_qdc
from reader.core.store.project import Project

CODEBOOK_SUFFIXES = (".qdc", ".csv", ".xlsx")


def import_codebook(project: Project, path: str | Path) -> MergeReport:
    """Merge the themes of `path` by path (an existing 父/子 is kept as it is); one transaction.
    NotACodebook for any other kind of file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".qdc":
        return import_qdc(project, path)
    if suffix in (".csv", ".xlsx"):
        return import_codebook_table(project, path)
    raise NotACodebook(str(path), suffix)
