"""A REFI-QDA project (.qdpx): a zip archive holding project.qde (QDA-XML 1.0) and the plain-text
sources in sources/<GUID>.txt.

What goes in: one TextSource per report (unit) kept by the county and year filters, its text being
the unit's cleaned text (what our offsets count), UTF-8 without BOM, referred to as
plainTextPath="internal://<GUID>.txt" (no richTextPath); the passages of the selection as
PlainTextSelections with one Coding per selected theme, the note as the selection's Description;
the whole codebook (see refi.codebook); the coders as Users; each county (a place: two places of
one name are two Cases, named 鼓楼区（福州市） and 鼓楼区（南京市）) as a Case with the variables 省份 and
地市 and a SourceRef to each of its reports; the year and title as the variables 年份 and 报告标题 on
each TextSource (TextSourceType allows VariableValue). A report without a county is in no Case.

Interoperability: the folder is `sources` in lower case (ATLAS.ti refuses `Sources`); no BOM before
<?xml; line endings 'lf' (default: ATLAS.ti, QualCoder, NVivo) or 'crlf' (MAXQDA expects it),
positions recomputed for the file actually written. Entries carry a fixed date so the same project
exports to the same bytes.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import reader
from reader.core.errors import InvalidInput
from reader.core.export.refi.codebook import add_codes, exchange_names, renamed, theme_guid
from reader.core.export.refi.common import (
    LINE_ENDINGS,
    PREFECTURE,
    PROJECT_NS,
    PROJECT_SCHEMA,
    PROVINCE,
    TITLE,
    XSI_NS,
    YEAR,
    Positions,
    guid,
    xml_bytes,
)
from reader.core.export.result import ExportResult, Steps, xml_text
from reader.core.export.safe import atomic_file, check_target
from reader.core.export.selection import Selection, records, resolve, unit_ids
from reader.core.progress import Progress
from reader.core.store.counties import key_of
from reader.core.store.documents import list_units, unit_text
from reader.core.store.project import Project
from reader.core.store.themes import theme_counts

DEFAULT_USER = "Renda Reader"
SOURCES_DIR = "sources"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def _el(parent: ET.Element, name: str, attrs: dict[str, str] | None = None, text: str | None = None) -> ET.Element:
    el = ET.SubElement(parent, f"{{{PROJECT_NS}}}{name}", attrs or {})
    if text is not None:
        el.text = xml_text(text)
    return el


def _variable_value(parent: ET.Element, variable_guid: str, value: str | int) -> None:
    vv = _el(parent, "VariableValue")
    _el(vv, "VariableRef", {"targetGUID": variable_guid})
    _el(vv, "IntegerValue" if isinstance(value, int) else "TextValue", text=str(value))


def source_name(unit) -> str:
    """How a report is named in the QDA tool: county, year and title, else the file name."""
    parts = [p for p in (unit.county, str(unit.year) if unit.year else None, unit.title) if p]
    name = " ".join(parts) or unit.source
    return name if unit.position == 0 or parts else f"{name} #{unit.position + 1}"


def write_qdpx(
    project: Project,
    out: str | Path,
    selection: Selection | None = None,
    *,
    force: bool = False,
    line_endings: str = "lf",
    progress: Progress | None = None,
    cancel: object | None = None,
    **_: object,
) -> ExportResult:
    if line_endings not in LINE_ENDINGS:
        raise InvalidInput("line endings", line_endings)
    check_target(out, force)
    resolved = resolve(project, selection or Selection())
    recs = records(project, resolved)
    keep = set(unit_ids(project, resolved))
    units = [u for u in list_units(project) if u.id in keep]
    shas = dict(project.db.execute("SELECT u.id, d.sha256 FROM units u JOIN documents d ON d.id = u.document_id"))
    imported = dict(project.db.execute("SELECT u.id, d.imported_at FROM units u JOIN documents d ON d.id = u.document_id"))
    by_unit: dict[int, list] = {}
    for r in recs:
        by_unit.setdefault(r.unit_id, []).append(r)
    steps = Steps(len(units) + 1, progress, cancel, "REFI-QDA", every=1)

    ET.register_namespace("", PROJECT_NS)
    ET.register_namespace("xsi", XSI_NS)
    users = sorted({r.coder or DEFAULT_USER for r in recs}) or [DEFAULT_USER]
    user_guid = {name: guid("user", name) for name in users}
    dates = sorted(imported[u.id] for u in units) + sorted(r.created_at for r in recs)
    root = ET.Element(f"{{{PROJECT_NS}}}Project", {"name": xml_text(project.path.stem), "origin": f"Renda Reader {reader.__version__}"})
    root.set("creatingUserGUID", user_guid[users[0]])
    if dates:
        root.set("creationDateTime", min(dates))
        root.set("modifiedDateTime", max(dates))
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{PROJECT_NS} {PROJECT_SCHEMA}")

    users_el = _el(root, "Users")
    for name in users:
        _el(users_el, "User", {"guid": user_guid[name], "name": xml_text(name)})

    themes = 0
    if resolved.tree:
        codes = _el(_el(root, "CodeBook"), "Codes")
        names = exchange_names(resolved.tree)
        themes = add_codes(codes, PROJECT_NS, resolved.tree, theme_counts(project), names)
    code_guid = {t.id: theme_guid(t) for t in resolved.themes}

    variables = {PROVINCE: "Text", PREFECTURE: "Text", YEAR: "Integer", TITLE: "Text"}
    var_guid = {name: guid("variable", name) for name in variables}
    used = {PROVINCE: any(u.province for u in units), PREFECTURE: any(u.prefecture for u in units),
            YEAR: any(u.year for u in units), TITLE: any(u.title for u in units)}
    if any(used.values()):
        vars_el = _el(root, "Variables")
        for name, kind in variables.items():
            if used[name]:
                _el(vars_el, "Variable", {"guid": var_guid[name], "name": name, "typeOfVariable": kind})

    source_guid = {u.id: guid("source", shas[u.id], u.position) for u in units}
    cases: dict[str, list] = {}
    for u in units:
        if u.county:
            cases.setdefault(key_of(u.county_code, u.province, u.prefecture, u.county), []).append(u)
    if cases:
        cases_el = _el(root, "Cases")
        for key, members in cases.items():
            first = members[0]
            name = resolved.labels.get(key) or first.county
            case = _el(cases_el, "Case", {"guid": guid("case", key), "name": xml_text(name)})
            if first.province:
                _variable_value(case, var_guid[PROVINCE], first.province)
            if first.prefecture:
                _variable_value(case, var_guid[PREFECTURE], first.prefecture)
            for u in members:
                _el(case, "SourceRef", {"targetGUID": source_guid[u.id]})

    files: list[tuple[str, bytes]] = []
    if units:
        sources_el = _el(root, "Sources")
        for u in units:
            sg = source_guid[u.id]
            text = unit_text(project, u.id)
            pos = Positions(text, line_endings)
            files.append((f"{SOURCES_DIR}/{sg}.txt", pos.file_text().encode("utf-8")))
            ts = _el(sources_el, "TextSource", {"guid": sg, "name": xml_text(source_name(u)),
                                               "plainTextPath": f"internal://{sg}.txt",
                                               "creationDateTime": imported[u.id]})
            _el(ts, "Description", text="；".join(x for x in (u.title, u.source) if x))
            for r in by_unit.get(u.id, []):
                coder = user_guid[r.coder or DEFAULT_USER]
                pg = guid("passage", shas[u.id], u.position, r.id)
                sel = _el(ts, "PlainTextSelection", {
                    "guid": pg,
                    "name": xml_text(r.quote[:40].replace("\n", " ")),
                    "startPosition": str(pos.position(r.start)),
                    "endPosition": str(pos.position(r.end)),
                    "creatingUser": coder,
                    "creationDateTime": r.created_at,
                })
                if r.note:
                    _el(sel, "Description", text=r.note)
                for tid in r.theme_ids:
                    coding = _el(sel, "Coding", {"guid": guid("coding", pg, code_guid[tid]), "creatingUser": coder,
                                                 "creationDateTime": r.created_at})
                    _el(coding, "CodeRef", {"targetGUID": code_guid[tid]})
            if u.year:
                _variable_value(ts, var_guid[YEAR], int(u.year))
            if u.title:
                _variable_value(ts, var_guid[TITLE], u.title)
            steps.step()

    with atomic_file(out, force=force) as f, zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as z:
        _add(z, "project.qde", xml_bytes(root))
        for name, data in files:
            _add(z, name, data)
    steps.step()
    return ExportResult(Path(out), "qdpx", passages=len(recs), themes=themes, sources=len(units),
                        renamed=renamed(resolved.tree, names) if resolved.tree else [])


def _add(z: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    z.writestr(info, data)
