"""Update the interface translations: extract the tr()/translate() strings of reader/ui into
resources/i18n/reader_*.ts (pyside6-lupdate, keeping what is translated), then build the .qm
files shipped beside them (pyside6-lrelease).

    python packaging/update_translations.py          # after changing strings: then translate the
                                                     # new entries (Qt Linguist or any editor)
    python packaging/update_translations.py --release   # only rebuild the .qm files

tests/ui/test_i18n.py fails while an entry is untranslated or a .qm is older than its .ts.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "reader" / "ui"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this Python, else on PATH."""
    here = Path(sys.executable).with_name(name)
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))


def ts_file(lang: str) -> Path:
    return I18N / f"reader_{lang}.ts"


def lupdate(ts: Path) -> None:
    subprocess.run(
        [tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", *sources(), "-ts", str(ts)],
        cwd=ROOT,
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--release", action="store_true", help="only build the .qm files")
    args = ap.parse_args(argv)
    I18N.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        ts = ts_file(lang)
        if not args.release:
            lupdate(ts)
        lrelease(ts, ts.with_suffix(".qm"))
        print(f"{ts.relative_to(ROOT)} -> {ts.with_suffix('.qm').name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
