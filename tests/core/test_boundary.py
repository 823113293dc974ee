"""The core never imports Qt: every reader.core module imports in a process without PySide6."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_core_imports_no_qt():
    code = (
        "import importlib, pkgutil, sys, reader.core\n"
        "for m in pkgutil.walk_packages(reader.core.__path__, 'reader.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "assert 'PySide6' not in sys.modules, [k for k in sys.modules if k.startswith('PySide6')]\n"
        "print('ok')\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr
