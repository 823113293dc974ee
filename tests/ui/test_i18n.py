"""Translations: every entry of the Chinese catalogue is translated, the catalogue holds exactly
the strings of the source (re-extracting changes nothing), and the shipped .qm is built from it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reader.ui import i18n
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "packaging"))
import update_translations as ut  # noqa: E402

TS = i18n.ts_path(i18n.ZH)
QM = i18n.qm_path(i18n.ZH)


def have_tools() -> bool:
    try:
        ut.tool("pyside6-lupdate")
        ut.tool("pyside6-lrelease")
    except SystemExit:
        return False
    return True


def test_every_entry_is_translated():
    messages = list(ET.parse(TS).iter("message"))
    assert len(messages) > 150
    for m in messages:
        t = m.find("translation")
        assert t.get("type") is None, m.find("source").text  # not unfinished, obsolete or vanished
        assert (t.text or "").strip(), m.find("source").text


def test_placeholders_are_kept():
    import re

    for m in ET.parse(TS).iter("message"):
        source, translation = m.find("source").text, m.find("translation").text
        assert sorted(re.findall(r"\{\w+\}", source)) == sorted(re.findall(r"\{\w+\}", translation)), source


def entries(ts: Path) -> dict[tuple[str, str, str], str]:
    """(context, source, comment) -> translation of every message in a .ts file."""
    out = {}
    for context in ET.parse(ts).iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            out[(name, m.findtext("source"), m.findtext("comment") or "")] = m.findtext("translation") or ""
    return out


@pytest.mark.skipif(not have_tools(), reason="pyside6-lupdate missing")
def test_catalogue_holds_exactly_the_strings_of_the_source(tmp_path):
    copy = tmp_path / TS.name
    shutil.copyfile(TS, copy)
    ut.lupdate(copy)  # extract again from reader/ui into a copy
    assert entries(copy) == entries(TS), (
        "strings changed: run python packaging/update_translations.py and translate the new entries"
    )


def test_shipped_qm_matches_the_catalogue(qapp):
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(QM))
    for (context, source, comment), translation in entries(TS).items():
        got = translator.translate(context, source, comment or None)
        assert got == translation, f"{source!r}: rebuild the .qm with python packaging/update_translations.py"


def test_translator_loads(qapp):
    assert Path(QM).is_file()
    i18n.install(i18n.ZH)
    assert i18n.tr("&File") == "文件(&F)"
    i18n.install(i18n.EN)
    assert i18n.tr("&File") == "&File" and i18n.message_lang() == "en"
    i18n.install(i18n.ZH)


def test_lrelease_is_quiet_about_the_catalogue(tmp_path):
    if not have_tools():
        pytest.skip("no lrelease")
    r = subprocess.run([ut.tool("pyside6-lrelease"), str(TS), "-qm", str(tmp_path / "x.qm")], capture_output=True, text=True)
    assert r.returncode == 0 and "untranslated" not in (r.stdout + r.stderr).replace(" 0 untranslated", "")
