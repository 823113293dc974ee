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


@pytest.mark.skipif(not have_tools(), reason="pyside6-lupdate/lrelease missing")
def test_catalogue_is_current_and_qm_is_built_from_it(tmp_path):
    copy = tmp_path / TS.name
    shutil.copyfile(TS, copy)
    ut.lupdate(copy)  # extracting again from reader/ui changes nothing
    assert copy.read_text(encoding="utf-8") == TS.read_text(encoding="utf-8"), (
        "strings changed: run python packaging/update_translations.py and translate the new entries"
    )
    qm = tmp_path / QM.name
    ut.lrelease(TS, qm)
    assert qm.read_bytes() == QM.read_bytes(), "rebuild the .qm: python packaging/update_translations.py"


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
