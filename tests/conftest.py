"""Shared fixtures. Every test runs with READER_HOME in a temporary folder (so nothing touches the
real home) and Qt offscreen. Projects are closed after each test."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "resources" / "sample").glob("*.txt"))


@pytest.fixture(autouse=True)
def reader_home(tmp_path_factory, monkeypatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("READER_HOME", str(home))
    monkeypatch.setenv("QT_QPA_PLATFORM", os.environ.get("QT_QPA_PLATFORM") or "offscreen")
    return home


@pytest.fixture
def project(tmp_path):
    """A fresh project with the default codebook and no documents."""
    from reader.core.store.db import open_project

    p = open_project(tmp_path / "test.renda")
    yield p
    p.close()


@pytest.fixture(scope="session")
def sample_project_file(tmp_path_factory) -> Path:
    """The sample seeds imported once per session (the file is copied for each test)."""
    from reader.core.ingest.importing import import_paths
    from reader.core.store.db import open_project

    path = tmp_path_factory.mktemp("sample") / "sample.renda"
    with open_project(path) as p:
        report = import_paths(p, SAMPLES)
        assert not report.failed, [(i.name, i.error) for i in report.failed]
    assert not Path(str(path) + "-wal").exists() or Path(str(path) + "-wal").stat().st_size == 0
    return path


@pytest.fixture
def sample_project_path(sample_project_file, tmp_path) -> Path:
    dest = tmp_path / "sample.renda"
    shutil.copyfile(sample_project_file, dest)
    return dest


@pytest.fixture
def sample_project(sample_project_path):
    from reader.core.store.db import open_project

    p = open_project(sample_project_path, create=False)
    yield p
    p.close()


def write_text(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def scans(tmp_path_factory) -> dict[str, Path]:
    """Two sample reports printed as scans: an image-only PDF (one column) and a folder of PNG pages
    (two columns), each with a running head and page numbers (tests/ocr_scans.py)."""
    from tests.ocr_scans import make_scans, needs_ocr

    if needs_ocr.args[0]:
        pytest.skip("the OCR extra is not installed")
    return make_scans(tmp_path_factory.mktemp("scans"))


@pytest.fixture(scope="session")
def scan_project_file(scans, tmp_path_factory) -> Path:
    """The two scans imported by OCR, once per session (copy it before changing it)."""
    from reader.core.ingest.importing import import_paths
    from reader.core.store.db import open_project

    path = tmp_path_factory.mktemp("scanned") / "scans.renda"
    with open_project(path) as p:
        report = import_paths(p, list(scans.values()))
        assert not report.failed, [(i.name, i.error) for i in report.failed]
    return path


@pytest.fixture
def scan_project_path(scan_project_file, tmp_path) -> Path:
    dest = tmp_path / "scans.renda"
    shutil.copyfile(scan_project_file, dest)
    return dest
