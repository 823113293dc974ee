"""Importing a REFI-QDA project (.qdpx) or codebook (.qdc) into a project.

A .qdpx: the codebook is merged into the themes by path (categories, isCodable="false", are themes
with children); each TextSource becomes a document whose one unit is exactly the source's text,
so the selections' positions stay right (only CRLF and lone CR become LF, and positions are moved
for that; sections are still found on the text by reader.core.structure.units); the county comes from
the Case that refers to the source, province and prefecture from the Case's variables, the year
from the source's (or the Case's) variable; PlainTextSelections with Codings become passages with
their themes, coder, date and note (Description, NoteRefs). Each Coding keeps its coder (its
creatingUser, else the selection's): codings of one selection by two users become two passages,
one per coder, so intercoder agreement survives a round trip through another tool. Sources may sit in `sources/` or
`Sources/`, be named by `internal://X.txt` or a relative path, or be inline PlainTextContent, with
or without a BOM. A source already in the project (same bytes) is skipped with its passages.
Everything is one transaction: a damaged archive adds nothing.

Limits: what the archive's members declare (MAX_ARCHIVE_MB) and what is read of them in all
(MAX_READ_MB), each source's bytes (MAX_SOURCE_BYTES) and its text (readers.MAX_CHARS, as for any
imported file), and project.qde's elements and nesting (refi.codebook.parse_xml).
"""

from __future__ import annotations

import hashlib
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree as ET

from reader.core.archive import check_archive, read_member
from reader.core.errors import (
    BadExchangeFile,
    DamagedFile,
    PathMissing,
    PathUnreadable,
    ReaderError,
    TextTooLong,
    UnpacksTooLarge,
    UnsafeArchivePath,
)
from reader.core.export.codebook_merge import MergeReport, merge_codebook
from reader.core.export.refi.codebook import import_qdc, namespace, parse_xml, q, read_codes
from reader.core.export.refi.common import VARIABLE_ALIASES, SourceText
from reader.core.model import Place, UnitSpan
from reader.core.readers import MAX_CHARS
from reader.core.readers.decode import control_heavy
from reader.core.store import documents
from reader.core.store.passages import passage_row, text_hash
from reader.core.store.project import Project
from reader.core.structure import units as structure
from reader.core.structure.places import gazetteer, place_by_name

FORMAT = "qdpx"
MAX_SOURCE_BYTES = 64 * 1024 * 1024  # one source, as a text file (readers.LIMIT_MB)
MAX_ARCHIVE_MB = 512  # all members together, as declared (reader.core.archive): pictures and PDFs too
MAX_READ_MB = 256  # what is read of them in all: project.qde and the text sources


@dataclass(frozen=True)
class Skipped:
    """Something of an exchange file that could not be taken (put into words by
    reader.core.messages.describe_skipped): `kind` one of SKIPPED_KINDS, in source `source`."""

    kind: str
    source: str
    detail: str = ""  # the kind of an unsupported source (PictureSource...)
    start: int | None = None
    end: int | None = None


@dataclass
class ExchangeImport:
    """What importing a .qdpx or .qdc did."""

    path: Path
    themes: MergeReport = field(default_factory=MergeReport)
    documents: list[int] = field(default_factory=list)
    units: list[tuple[int, str | None, str | None]] = field(default_factory=list)  # (id, county, title)
    passages: int = 0
    duplicates: int = 0  # sources already in the project (skipped with their passages)
    skipped: list[Skipped] = field(default_factory=list)  # what could not be taken, and why

    @property
    def changed(self) -> bool:
        return bool(self.themes.added or self.documents or self.passages)


@dataclass
class _Selection:
    start: int
    end: int
    name: str
    codes: list[str]
    coder: str | None
    created: str | None
    note: str
    coders: list[str | None] = field(default_factory=list)  # each code's coder (the Coding's creatingUser)

    def by_coder(self) -> dict[str | None, list[str]]:
        """The codes grouped by who coded them (a Coding without a user: the selection's coder)."""
        out: dict[str | None, list[str]] = {}
        for k, code in enumerate(self.codes):
            coder = self.coders[k] if k < len(self.coders) and self.coders[k] else self.coder
            out.setdefault(coder, []).append(code)
        return out or {self.coder: []}


@dataclass
class _Source:
    guid: str
    name: str
    entry: str  # where the text came from
    data: bytes
    selections: list[_Selection]
    values: dict[str, str]
    declared: frozenset[str] = frozenset()  # what the file states for every source ('county' when it has Cases)


def import_file(project: Project, path: str | Path) -> ExchangeImport:
    """Import a .qdpx project or a .qdc codebook (by suffix)."""
    path = Path(path)
    if path.suffix.lower() == ".qdc":
        return ExchangeImport(path, themes=import_qdc(project, path))
    return import_qdpx(project, path)


def _guid(value: str | None) -> str:
    return (value or "").strip().strip("{}").upper()


def _values(el: ET.Element, ns: str, variables: dict[str, str]) -> dict[str, str]:
    """VariableValues of a Case or source, by our alias ('province', 'prefecture', 'year', 'county')."""
    out: dict[str, str] = {}
    for vv in el.findall(q(ns, "VariableValue")):
        ref = vv.find(q(ns, "VariableRef"))
        name = variables.get(_guid(ref.get("targetGUID")) if ref is not None else "", "")
        key = next((k for k, names in VARIABLE_ALIASES.items() if name.strip().lower() in names), None)
        value = next((c.text for c in vv if c is not ref and c.text and c.text.strip()), None)
        if key and value:
            out[key] = value.strip()
    return out


class _Archive:
    def __init__(self, path: Path):
        self.path = path
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, zipfile.LargeZipFile) as e:
            raise BadExchangeFile(str(path), FORMAT, f"not a zip archive: {e}") from e
        except OSError as e:
            raise PathUnreadable(str(path), e.strerror or str(e)) from e
        try:
            check_archive(self.zip, str(path), FORMAT, MAX_ARCHIVE_MB)
        except ReaderError:
            self.zip.close()
            raise
        self.names = {n.lower(): n for n in self.zip.namelist() if not n.endswith("/")}
        self.read_bytes = 0

    def read(self, name: str) -> bytes:
        info = self.zip.getinfo(name)
        if info.file_size > MAX_SOURCE_BYTES:
            raise BadExchangeFile(str(self.path), FORMAT, f"{name} is larger than {MAX_SOURCE_BYTES >> 20} MB")
        self.read_bytes += info.file_size
        if self.read_bytes > MAX_READ_MB << 20:
            raise UnpacksTooLarge(str(self.path), FORMAT, MAX_READ_MB)
        try:
            return read_member(self.zip, name, str(self.path), FORMAT, MAX_SOURCE_BYTES >> 20)
        except DamagedFile as e:  # a member inflating past its declared size
            raise BadExchangeFile(str(self.path), FORMAT, e.reason) from e
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as e:  # EOFError: a cut-off archive
            raise BadExchangeFile(str(self.path), FORMAT, f"{name}: {e}") from e

    def project_qde(self) -> str:
        found = sorted((n for low, n in self.names.items() if PurePosixPath(low).name == "project.qde"), key=len)
        if not found:
            raise BadExchangeFile(str(self.path), FORMAT, "no project.qde in the archive")
        return found[0]

    def source(self, ref: str) -> str | None:
        """The archive entry a plainTextPath names (internal://X, sources/X, Sources/X, a relative
        path; for an absolute path, its file name in sources/)."""
        ref = ref.strip().replace("\\", "/")
        if ".." in PurePosixPath(ref.split("://", 1)[-1]).parts:
            raise UnsafeArchivePath(str(self.path), ref)
        low = ref.lower()
        if low.startswith("internal://"):
            low = low[len("internal://") :]
        elif "://" in low:
            low = low.split("://", 1)[1]
        low = low.lstrip("/")
        base = PurePosixPath(low).name
        for cand in (low, f"sources/{low}", f"sources/{base}", base):
            if cand in self.names:
                return self.names[cand]
        return None


def _decode(data: bytes, where: str, path: Path) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")  # not the standard, but what a Chinese tool might write
    except UnicodeDecodeError as e:
        raise BadExchangeFile(str(path), FORMAT, f"{where} is not UTF-8 text") from e


def read_qdpx(path: Path):
    """Parse the archive: (codes, sources, users, skipped) without touching any project."""
    if not path.exists():
        raise PathMissing(str(path))
    archive = _Archive(path)
    with archive.zip:
        root = parse_xml(archive.read(archive.project_qde()), path, FORMAT)
        ns = namespace(root)
        if root.tag != q(ns, "Project"):
            raise BadExchangeFile(str(path), FORMAT, f"the root element is <{root.tag.split('}')[-1]}>, not <Project>")
        users = {_guid(u.get("guid")): u.get("name") or u.get("id") for u in root.iterfind(f"{q(ns, 'Users')}/{q(ns, 'User')}")}
        codes = read_codes(root.find(f"{q(ns, 'CodeBook')}/{q(ns, 'Codes')}"), ns, str(path), FORMAT)
        variables = {_guid(v.get("guid")): v.get("name") or "" for v in root.iterfind(f"{q(ns, 'Variables')}/{q(ns, 'Variable')}")}
        declared = {k for name in variables.values() for k, names in VARIABLE_ALIASES.items() if name.strip().lower() in names}
        if root.find(f"{q(ns, 'Cases')}/{q(ns, 'Case')}") is not None:
            declared.add("county")
        case_of: dict[str, dict[str, str]] = {}
        for case in root.iterfind(f"{q(ns, 'Cases')}/{q(ns, 'Case')}"):
            values = _values(case, ns, variables)
            if case.get("name"):
                values.setdefault("county", _case_county(case.get("name")))
            for ref in case.findall(q(ns, "SourceRef")):
                case_of.setdefault(_guid(ref.get("targetGUID")), values)
        notes = {}
        for note in root.iterfind(f"{q(ns, 'Notes')}/{q(ns, 'Note')}"):
            content = note.find(q(ns, "PlainTextContent"))
            notes[_guid(note.get("guid"))] = (content.text or "").strip() if content is not None else ""
        sources: list[_Source] = []
        skipped: list[Skipped] = []
        sources_el = root.find(q(ns, "Sources"))
        for el in list(sources_el) if sources_el is not None else []:
            kind = el.tag.split("}")[-1]
            name = el.get("name") or el.get("guid") or kind
            if kind != "TextSource":
                skipped.append(Skipped("source_kind", name, detail=kind))
                continue
            content = el.find(q(ns, "PlainTextContent"))
            if content is not None and content.text is not None:
                entry, data = "PlainTextContent", content.text.encode("utf-8")
            else:
                ref = el.get("plainTextPath") or ""
                entry = archive.source(ref) if ref else None
                if entry is None:
                    raise BadExchangeFile(str(path), FORMAT, f"source text missing: {ref or name}")
                data = archive.read(entry)
            if el.findall(q(ns, "Coding")):
                skipped.append(Skipped("whole_source_codes", name))
            selections = []
            for sel in el.findall(q(ns, "PlainTextSelection")):
                try:
                    start, end = int(sel.get("startPosition", "")), int(sel.get("endPosition", ""))
                except ValueError:
                    skipped.append(Skipped("no_positions", name))
                    continue
                codings = [c for c in sel.findall(q(ns, "Coding")) if c.find(q(ns, "CodeRef")) is not None]
                codes_of = [_guid(c.find(q(ns, "CodeRef")).get("targetGUID")) for c in codings]
                coders_of = [users.get(_guid(c.get("creatingUser"))) if c.get("creatingUser") else None for c in codings]
                coder_guid = _guid(sel.get("creatingUser") or next((c.get("creatingUser") for c in codings if c.get("creatingUser")), None))
                desc = sel.find(q(ns, "Description"))
                note_parts = [(desc.text or "").strip()] if desc is not None else []
                note_parts += [notes.get(_guid(r.get("targetGUID")), "") for r in sel.findall(q(ns, "NoteRef"))]
                selections.append(
                    _Selection(start, end, sel.get("name") or "", codes_of, users.get(coder_guid),
                               sel.get("creationDateTime") or next((c.get("creationDateTime") for c in codings if c.get("creationDateTime")), None),
                               "\n".join(p for p in note_parts if p), coders_of)
                )
            values = dict(case_of.get(_guid(el.get("guid")), {}))
            values.update(_values(el, ns, variables))
            sources.append(_Source(_guid(el.get("guid")), name, entry, data, selections, values, frozenset(declared)))
    return codes, sources, skipped


def _case_county(name: str) -> str:
    """The county of a Case's name: 鼓楼区（福州市）, as we name one of two places of a name, is 鼓楼区
    (its province and prefecture are the Case's variables)."""
    name = name.strip()
    bare = re.sub(r"\s*[（(][^（）()]*[）)]$", "", name)
    return bare if bare in gazetteer().by_name else name


def _year(value: str | None) -> int | None:
    digits = "".join(c for c in (value or "") if c.isdigit())[:4]
    return int(digits) if len(digits) == 4 else None


def _unit(text: str, src: _Source) -> UnitSpan:
    """One unit over the whole source text, its sections found by structure. County, year and title
    come from the file where it states them (a file with Cases states the county of every source:
    a source in no Case has none); what the file does not state is found in the text as for any
    import."""
    found = structure.find_units(text, (), src.name)
    first = found[0]
    if first.place is None:
        first.place, first.place_method = _place_in_traditional(text, src.name)
    unit = UnitSpan(0, len(text), title=first.title or src.name, author=first.author, year=first.year,
                    place=first.place, place_method=first.place_method,
                    sections=[s for u in found for s in u.sections])
    values = src.values
    if "county" in src.declared or values.get("county"):
        unit.place, unit.place_method = _place(values, text), "refi"
        if unit.place is None:
            unit.place_method = None
    if "year" in src.declared or values.get("year"):
        unit.year = _year(values.get("year"))
    if "title" in src.declared or values.get("title"):
        unit.title = values.get("title") or None
    return unit


def _place_in_traditional(text: str, name: str) -> tuple[Place | None, str | None]:
    """The place of a report in traditional characters, found on a simplified copy as a direct import
    finds it on its cleaned text (the source text itself is kept exactly: its positions are the
    selections')."""
    from reader.core.clean.script import convert_t2s, is_mostly_traditional

    if not is_mostly_traditional(text):
        return None, None
    first = structure.find_units(convert_t2s(text), (), name)[0]
    return first.place, first.place_method


def _place(values: dict[str, str], text: str) -> Place | None:
    county = values.get("county")
    if not county:
        return None
    province, prefecture = values.get("province"), values.get("prefecture")
    known = place_by_name(county, " ".join(x for x in (province, prefecture, text[:2000]) if x))
    if known is not None and known.county != county:
        known = None
    return Place(
        county=county,
        province=province or (known.province if known else None),
        prefecture=prefecture or (known.prefecture if known else None),
        code=known.code if known else None,
    )


def import_qdpx(project: Project, path: str | Path) -> ExchangeImport:
    path = Path(path)
    codes, sources, skipped = read_qdpx(path)
    report = ExchangeImport(path, skipped=skipped)
    db = project.db
    with db.atomic():
        report.themes = merge_codebook(project, codes, take_colours=True)
        for src in sources:
            sha = hashlib.sha256(src.data).hexdigest()
            if documents.find_sha256(project, sha) is not None:
                report.duplicates += 1
                continue
            inserted = insert_source(project, path, src, report)
            if inserted is None:
                continue
            unit_id, st = inserted
            report.passages += _passages(project, unit_id, st, src, report)
    return report


def source_text(src: _Source, path: Path) -> SourceText:
    """The text of a source as we store it (reader.core.team.merge matches reports by it)."""
    return SourceText(_decode(src.data, src.entry, path))


def insert_source(project: Project, path: Path, src: _Source, report: ExchangeImport) -> tuple[int, SourceText] | None:
    """Store a source of the archive at `path` as a document of one unit (inside the caller's
    transaction): (unit id, its text), or None for a source without text (noted in `report`)."""
    decoded = _decode(src.data, src.entry, path)
    if len(decoded) > MAX_CHARS:
        raise TextTooLong(str(path), len(decoded), MAX_CHARS)
    if control_heavy(decoded):  # the bytes a .txt would be refused for: not a text
        report.skipped.append(Skipped("binary_source", src.name, detail=str(len(src.selections))))
        return None
    st = SourceText(decoded)
    del decoded
    if not st.text.strip():
        report.skipped.append(Skipped("empty_source", src.name))
        return None
    unit = _unit(st.text, src)
    offsets = st.offset_map()
    doc_id, (unit_id,) = documents.insert_document(
        project,
        source_path=f"{path.resolve()}#{src.entry}",
        source_name=src.name,
        sha256=hashlib.sha256(src.data).hexdigest(),
        encoding="utf-8",
        format=FORMAT,
        original_text=st.original,
        cleaned_text=st.text,
        offsets=offsets,
        steps=["refi_line_endings"] if st.changed else [],
        damaged=[],
        units=[unit],
    )
    report.documents.append(doc_id)
    report.units.append((unit_id, unit.place.county if unit.place else None, unit.title))
    return unit_id, st


def _passages(project: Project, unit_id: int, st: SourceText, src: _Source, report: ExchangeImport) -> int:
    text = st.text
    digest = text_hash(text)
    n = 0
    for sel in src.selections:
        start, end = st.span(sel.start, sel.end, sel.name)
        if not (0 <= sel.start < sel.end <= len(st.original) and 0 <= start < end <= len(text)):  # never clamped
            report.skipped.append(Skipped("outside", src.name, start=sel.start, end=sel.end))
            continue
        for coder, codes in sel.by_coder().items():
            theme_ids = list(dict.fromkeys(report.themes.ids[g] for g in codes if g in report.themes.ids))
            if not theme_ids and not sel.note:
                report.skipped.append(Skipped("no_code", src.name, start=sel.start, end=sel.end))
                continue
            row = passage_row(unit_id, text, start, end, coder=coder, note=sel.note, created_at=sel.created,
                              digest=digest)
            pid = project.db["passages"].insert(row, pk="id").last_pk
            if theme_ids:
                project.db["passage_themes"].insert_all(
                    [{"passage_id": pid, "theme_id": t} for t in theme_ids], pk=("passage_id", "theme_id")
                )
            n += 1
    return n
