"""The core's layout: one package a stage of the pipeline, imports that run one way only.

The import graph is read from the source (ast), so these tests see every import, those inside
functions too; an import under `if TYPE_CHECKING:` never runs and is left out. Importing a module
runs its packages' __init__ first, so an import of reader.core.store.db from outside the store
depends on reader/core/store/__init__.py too.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import reader.core
from tests.conftest import ROOT

CORE = Path(reader.core.__file__).parent
PREFIX = "reader.core"
# The ground floor: modules every stage may use, which use no stage.
GROUND = {"archive", "chars", "errors", "messages", "model", "offsets", "paths", "progress", "visible"}
STAGES = {"readers", "clean", "structure", "ocr", "store", "ingest", "search", "tagging", "align", "compare",
          "analysis", "export", "team"}


def modules(core: Path = CORE) -> dict[str, Path]:
    """Every module of reader.core (in the folder `core`) by its dotted name (a package by its own name)."""
    out = {}
    for path in sorted(core.rglob("*.py")):
        parts = [PREFIX, *path.relative_to(core).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _import_nodes(tree: ast.AST):
    """The import statements that can run (those under `if TYPE_CHECKING:` left out)."""
    todo = [tree]
    while todo:
        node = todo.pop()
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking(child):
                todo.extend(child.orelse)
                continue
            if isinstance(child, ast.Import | ast.ImportFrom):
                yield child
            todo.append(child)


def _with_packages(name: str, importer: str, known: dict[str, Path]) -> set[str]:
    """`name` and the packages above it that importing it runs (not those the importer is inside)."""
    out = set()
    parts = name.split(".")
    for k in range(3, len(parts) + 1):
        prefix = ".".join(parts[:k])
        if prefix in known and not (importer + ".").startswith(prefix + "."):
            out.add(prefix)
    return out


def graph(core: Path = CORE) -> dict[str, set[str]]:
    """module -> the reader.core modules importing it runs."""
    known = modules(core)
    edges: dict[str, set[str]] = {}
    for name, path in known.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    targets |= _with_packages(alias.name, name, known)
                continue
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([node.module] if node.module else []))
            targets |= _with_packages(base, name, known)
            for alias in node.names:
                if f"{base}.{alias.name}" in known:
                    targets |= _with_packages(f"{base}.{alias.name}", name, known)
                elif base in known:  # a name defined in the package's own __init__, from inside it too
                    targets.add(base)
        edges[name] = {t for t in targets if t != name and t.startswith(PREFIX + ".")}
    return edges


def stage(module: str) -> str:
    """The stage (or ground-floor module) a module belongs to: reader.core.store.db -> store ("" for
    reader.core itself)."""
    parts = module.split(".")
    return parts[2] if len(parts) > 2 else ""


def stage_graph() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for source, targets in graph().items():
        if not stage(source):
            continue
        out.setdefault(stage(source), set()).update(stage(t) for t in targets if stage(t) != stage(source))
    return out


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph as a path that ends where it starts, or None."""
    state: dict[str, int] = {}  # 1: on the path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_the_graph_is_what_importing_runs(tmp_path):
    core = tmp_path / "core"
    files = {
        "__init__.py": "",
        "a.py": "def f():\n    from reader.core import b\n",  # inside a function: it runs when f does
        "b.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from reader.core import a\n",
        "c.py": "from reader.core.p.x import X\n",  # runs p/__init__.py first
        "p/__init__.py": "from reader.core.p.x import X\n",
        "p/x.py": "from reader.core.p import y\nX = 1\n",  # p is being imported already: no edge to it
        "p/y.py": "from reader.core.p import LIMIT\n",  # a name of p's __init__: an edge to it
    }
    for name, text in files.items():
        (core / name).parent.mkdir(parents=True, exist_ok=True)
        (core / name).write_text(text, encoding="utf-8")
    edges = graph(core)
    assert edges["reader.core.a"] == {"reader.core.b"}
    assert edges["reader.core.b"] == set()
    assert edges["reader.core.c"] == {"reader.core.p", "reader.core.p.x"}
    assert edges["reader.core.p.x"] == {"reader.core.p.y"}
    assert edges["reader.core.p.y"] == {"reader.core.p"}
    assert find_cycle(edges) == ["reader.core.p", "reader.core.p.x", "reader.core.p.y", "reader.core.p"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_module_of_the_core_imports_itself_in_a_circle():
    assert find_cycle(graph()) is None


def test_the_stages_import_one_way():
    assert find_cycle(stage_graph()) is None


def test_the_core_is_the_stages_and_the_ground_floor():
    assert set(stage_graph()) == STAGES | GROUND


def test_the_store_imports_only_the_store_and_the_ground_floor():
    outside = {t for s, targets in graph().items() if stage(s) == "store" for t in targets
               if stage(t) not in GROUND | {"store"}}
    assert outside == set()


def test_the_ground_floor_imports_no_stage():
    assert {t for g in GROUND for t in stage_graph().get(g, ()) if t not in GROUND} == set()


def test_every_package_of_the_core_says_what_it_holds():
    for name, path in modules().items():
        if path.name == "__init__.py" and name != PREFIX:
            doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
            assert doc and len(doc.split()) >= 12, name


def test_a_command_that_reads_a_project_loads_no_reader_nor_the_cleaning(sample_project_path):
    """Importing one module of a stage must not run the rest of the pipeline: `reader search`
    (and every command that only reads a project) starts without the readers, the cleaning or the
    importer (a package __init__ that imports its whole stage would load them)."""
    code = (
        "import json, sys\n"
        "from reader.cli import main\n"
        "main(['search', '代表', '--json', '--project', sys.argv[1]])\n"
        "heavy = ('reader.core.readers', 'reader.core.clean', 'reader.core.ingest.importing', 'reader.core.ocr')\n"
        "print('LOADED', json.dumps(sorted(m for m in sys.modules if m.startswith(heavy))))\n"
    )
    r = subprocess.run([sys.executable, "-c", code, str(sample_project_path)], cwd=ROOT, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    loaded = json.loads(r.stdout.rsplit("LOADED ", 1)[1])
    assert loaded == []
