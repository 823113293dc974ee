"""The codebook in REFI-QDA form: the <Codes> tree shared by a project's CodeBook and a standalone
.qdc file (namespace urn:QDA-XML:codebook:1.0), written and read.

Themes become Codes, nested as in the project. A theme with children is a category: a non-codable
code (isCodable="false") holding its children. A theme that has children and also passages
tagged with it directly stays one code, marked codable (isCodable="true"), so those passages keep
their theme and tools that code with parent codes (MAXQDA, QualCoder) show them there; every
other theme is codable. Colours are written #RRGGBB; descriptions as <Description>. Keywords and
shortcuts are ours and do not travel.

Every code's name is unique in the file (exchange_names): QDA tools key codes by name (QualCoder
merged 依法监督/执法检查 and 监督工作/执法检查 into one code, and codings of the other arrived with
none), so each theme whose name another shares is written with its parent: 执法检查（监督工作）
(the export's result lists them). Reading such a file back, a code named 名（上级） under that parent
gets its name again (read_codes), so our own round trip keeps the paths.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree as ET

import reader
from reader.core.archive import check_archive, read_member
from reader.core.errors import (
    BadExchangeFile,
    DamagedFile,
    InvalidInput,
    PathMissing,
    PathUnreadable,
    TooComplex,
    TooLarge,
)
from reader.core.export.codebook_merge import MAX_CODES, MAX_DEPTH, CodeNode, MergeReport, merge_codebook
from reader.core.export.refi.common import CODEBOOK_NS, CODEBOOK_SCHEMA, XSI_NS, guid, xml_bytes
from reader.core.export.result import ExportResult, xml_text
from reader.core.export.safe import atomic_file, check_target
from reader.core.store.project import Project
from reader.core.store.themes import Theme, theme_counts, theme_tree

MAX_ZIPPED_MB = 64  # a zipped codebook unpacks to no more than this (reader.core.archive)
MAX_QDC_MB = 64  # a .qdc file
# REFI-QDA XML (project.qde, .qdc): elements in all, and how deep they nest (codes nest at most
# MAX_DEPTH deep, a few levels below the root). ElementTree keeps about 100 bytes an element.
MAX_XML_ELEMENTS = 2_000_000
MAX_XML_DEPTH = MAX_DEPTH + 12
XML_CHUNK = 1 << 20


def theme_guid(theme: Theme) -> str:
    return guid("theme", theme.path)


def is_codable(theme: Theme, direct: dict[int, int]) -> bool:
    return not theme.children or direct.get(theme.id, 0) > 0


PARENT_OPEN, PARENT_CLOSE, PARENT_SEP = "（", "）", "·"
_WITH_PARENT = re.compile(r"^(?P<name>.+)（(?P<parents>[^（）]+)）$")


def exchange_names(themes: list[Theme]) -> dict[int, str]:
    """The name each theme of the tree `themes` is written with: its own, or, when another theme has
    that name too, with as much of its parent path as makes it unique: 执法检查（监督工作）,
    执法检查（A·监督工作）. A top-level theme keeps its name (siblings' names differ)."""
    every = [t for root in themes for t in root.walk()]
    parents: dict[int, list[str]] = {}
    for root in themes:
        stack = [(root, [])]
        while stack:
            t, above = stack.pop()
            parents[t.id] = above
            stack.extend((c, [*above, t.name]) for c in t.children)
    count: dict[str, int] = {}
    for t in every:
        count[t.name] = count.get(t.name, 0) + 1
    names = {t.id: xml_text(t.name) for t in every}
    taken = {n for t, n in ((t, names[t.id]) for t in every) if count[t.name] == 1 or not parents[t.id]}
    for t in every:
        if count[t.name] == 1 or not parents[t.id]:
            continue
        above = parents[t.id]
        for k in range(1, len(above) + 1):
            name = xml_text(f"{t.name}{PARENT_OPEN}{PARENT_SEP.join(above[-k:])}{PARENT_CLOSE}")
            if name not in taken or k == len(above):
                break
        names[t.id] = name
        taken.add(name)
    return names


def renamed(themes: list[Theme], names: dict[int, str]) -> list[str]:
    """'path → name written' for each theme written under another name than its own."""
    return [f"{t.path} → {names[t.id]}" for root in themes for t in root.walk() if names[t.id] != xml_text(t.name)]


def add_codes(parent: ET.Element, ns: str, themes: list[Theme], direct: dict[int, int],
              names: dict[int, str] | None = None) -> int:
    """<Code> elements for `themes` and their children under `parent`, named by exchange_names (of
    `themes` when not given); returns how many."""
    if names is None:
        names = exchange_names(themes)
    n = 0
    for t in themes:
        attrs = {"guid": theme_guid(t), "name": names[t.id], "isCodable": "true" if is_codable(t, direct) else "false"}
        if t.colour:
            attrs["color"] = t.colour.upper()
        el = ET.SubElement(parent, f"{{{ns}}}Code", attrs)
        if t.description:
            ET.SubElement(el, f"{{{ns}}}Description").text = xml_text(t.description)
        n += 1 + add_codes(el, ns, t.children, direct, names)
    return n


def write_qdc(project: Project, out: str | Path, *, force: bool = False, **_: object) -> ExportResult:
    """The project's codebook as a REFI-QDA .qdc file."""
    check_target(out, force)
    tree = theme_tree(project)
    if not tree:
        raise InvalidInput("codebook", "0 themes")
    ET.register_namespace("", CODEBOOK_NS)
    ET.register_namespace("xsi", XSI_NS)
    root = ET.Element(
        f"{{{CODEBOOK_NS}}}CodeBook",
        {"origin": f"Renda Reader {reader.__version__}", f"{{{XSI_NS}}}schemaLocation": f"{CODEBOOK_NS} {CODEBOOK_SCHEMA}"},
    )
    codes = ET.SubElement(root, f"{{{CODEBOOK_NS}}}Codes")
    names = exchange_names(tree)
    n = add_codes(codes, CODEBOOK_NS, tree, theme_counts(project), names)
    with atomic_file(out, force=force) as f:
        f.write(xml_bytes(root))
    return ExportResult(Path(out), "qdc", themes=n, renamed=renamed(tree, names))


# -- reading -------------------------------------------------------------------------------------


def namespace(el: ET.Element) -> str:
    return el.tag[1:].split("}", 1)[0] if el.tag.startswith("{") else ""


def q(ns: str, name: str) -> str:
    return f"{{{ns}}}{name}" if ns else name


def read_codes(codes: ET.Element | None, ns: str, path: str = "", fmt: str = "qdc") -> list[CodeNode]:
    """CodeNodes (key = the code's GUID) from a <Codes> or <Code> element's children, read without
    recursion; TooComplex past MAX_CODES codes or MAX_DEPTH levels."""
    if codes is None:
        return []
    out: list[CodeNode] = []
    count = 0
    stack: list[tuple[ET.Element, list[CodeNode], int]] = [(codes, out, 0)]
    while stack:
        parent, into, depth = stack.pop()
        if depth >= MAX_DEPTH and parent.find(q(ns, "Code")) is not None:
            raise TooComplex(path, fmt, "depth", MAX_DEPTH)
        for el in parent.findall(q(ns, "Code")):
            count += 1
            if count > MAX_CODES:
                raise TooComplex(path, fmt, "codes", MAX_CODES)
            desc = el.find(q(ns, "Description"))
            node = CodeNode(
                name=el.get("name") or "",
                colour=el.get("color"),
                description=(desc.text or "").strip() if desc is not None else "",
                key=(el.get("guid") or "").strip("{}").upper() or None,
            )
            into.append(node)
            stack.append((el, node.children, depth + 1))
    _own_names(out)
    return out


def _own_names(nodes: list[CodeNode]) -> None:
    """Give back its name to a code that exchange_names wrote with its parents (名（上级）under 上级),
    unless a sibling has that name."""
    stack: list[tuple[list[CodeNode], list[str]]] = [(nodes, [])]
    while stack:
        siblings, above = stack.pop()
        names = {n.name for n in siblings}
        for node in siblings:
            m = _WITH_PARENT.match(node.name)
            joined = PARENT_SEP.join(above)
            if m and above and m["name"] not in names and (
                joined == m["parents"] or joined.endswith(PARENT_SEP + m["parents"])
            ):
                node.name = m["name"]
        for node in siblings:
            stack.append((node.children, [*above, node.name]))


def parse_xml(data: bytes, path: Path, fmt: str) -> ET.Element:
    """The document's root, parsed a piece at a time: BadExchangeFile for XML that is not well formed
    (expat refuses external entities and entity bombs itself), TooComplex past MAX_XML_ELEMENTS
    elements or MAX_XML_DEPTH levels, before the tree grows further."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    parser = ET.XMLPullParser(events=("start", "end"))
    root: ET.Element | None = None
    count = depth = 0
    try:
        for k in range(0, max(len(data), 1), XML_CHUNK):
            parser.feed(data[k : k + XML_CHUNK])
            for event, el in parser.read_events():
                if event == "end":
                    depth -= 1
                    continue
                if root is None:
                    root = el
                count += 1
                depth += 1
                if count > MAX_XML_ELEMENTS:
                    raise TooComplex(str(path), fmt, "elements", MAX_XML_ELEMENTS)
                if depth > MAX_XML_DEPTH:
                    raise TooComplex(str(path), fmt, "depth", MAX_XML_DEPTH)
        parser.close()
    except ET.ParseError as e:
        raise BadExchangeFile(str(path), fmt, f"XML: {e}") from e
    if root is None:
        raise BadExchangeFile(str(path), fmt, "XML: no element found")
    return root


def read_qdc(path: str | Path) -> list[CodeNode]:
    """The codes of a .qdc file (a CodeBook document; a .qdc zipped by some tools is read too)."""
    path = Path(path)
    if not path.exists():
        raise PathMissing(str(path))
    try:
        if path.stat().st_size > MAX_QDC_MB << 20:
            raise TooLarge(str(path), MAX_QDC_MB)
        data = path.read_bytes()
    except OSError as e:
        raise PathUnreadable(str(path), e.strerror or str(e)) from e
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(path) as z:
                check_archive(z, str(path), "qdc", MAX_ZIPPED_MB)
                name = next((n for n in z.namelist() if n.lower().endswith((".qdc", ".xml"))), None)
                if name is None:
                    raise BadExchangeFile(str(path), "qdc", "no codebook in the archive")
                data = read_member(z, name, str(path), "qdc", MAX_ZIPPED_MB)
        except DamagedFile as e:
            raise BadExchangeFile(str(path), "qdc", e.reason) from e
        except (zipfile.BadZipFile, zlib.error, EOFError) as e:
            raise BadExchangeFile(str(path), "qdc", str(e)) from e
    root = parse_xml(data, path, "qdc")
    ns = namespace(root)
    if root.tag != q(ns, "CodeBook"):
        raise BadExchangeFile(str(path), "qdc", f"the root element is <{root.tag.split('}')[-1]}>, not <CodeBook>")
    return read_codes(root.find(q(ns, "Codes")), ns, str(path), "qdc")


def import_qdc(project: Project, path: str | Path) -> MergeReport:
    """Merge a .qdc codebook into the project's themes by path."""
    return merge_codebook(project, read_qdc(path), take_colours=True)
