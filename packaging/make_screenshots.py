"""Make the screenshots of the user guide (resources/guide/<lang>/images/) and of the README
(resources/screenshots/), in Chinese and English, with `reader --screenshot`.

    python packaging/make_screenshots.py            # with the development interpreter

It imports the sample reports (resources/sample) into a project in a temporary folder (READER_HOME
there too, so the real settings are never touched), tags a few sentences through `reader tag`, then
runs `reader --screenshot` for each view and language: the reading window on a section, the
comparison view and the welcome; and, for the README only, a sample report printed as a two-column
scan, imported by OCR and shown with its page image (scan.png). The guide's copies are scaled to GUIDE_WIDTH
pixels (smoothly, with Qt) so that the guide shows them at their size; the README's are kept whole.
Open the PNGs and look at them before committing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "resources" / "guide"
README_SHOTS = ROOT / "resources" / "screenshots"
GUIDE_WIDTH = 820
SECTION = "新绛县/提升能力"  # a section of the sample reports with something to tag in it
# (theme, a word that sentences of the section to tag with it contain)
TAGS = (("代表培训", "培训"), ("代表联络站", "联络站"), ("建议办理", "建议"))
LANGS = {"zh_CN": "zh", "en": "en"}
# image name: extra arguments of `reader --screenshot`
VIEWS = {
    "window.png": ["--select", SECTION],
    "compare.png": ["--view", "compare"],
    "welcome.png": ["--view", "welcome"],
}
README_VIEWS = {"window.png", "compare.png", "welcome.png"}


def reader(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "reader", *args], env=env, capture_output=True, text=True, encoding="utf-8"
    )
    if result.returncode:
        raise SystemExit(f"reader {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout


def sentences_with(text: str, word: str) -> list[str]:
    parts = [s + "。" for s in text.split("。") if word in s]
    return [s.strip() for s in parts if text.count(s.strip()) == 1 and len(s.strip()) > 10]


def make_project(env: dict, project: Path) -> None:
    reader(env, "--project", str(project), "import", str(ROOT / "resources" / "sample"))
    outline = json.loads(reader(env, "--project", str(project), "outline", "--json"))
    county, heading = SECTION.split("/")
    unit = next(u for u in outline["units"] if u["county"] == county)
    text = reader(env, "--project", str(project), "text", "--unit", str(unit["id"]))
    section = next(s for s in unit["sections"] if heading in s["heading"])
    body = text[section["start"]:section["end"]]
    for theme, word in TAGS:
        found = sentences_with(body, word)
        if found:
            reader(env, "--project", str(project), "tag", "--unit", str(unit["id"]), "--quote", found[0],
                   "--theme", theme)


SCAN_SAMPLE = "000_31e8ac0237fc797b.txt"
SCAN_SECTION = "新绛县/依法监督"


def scan_shot(env: dict, tmp: Path) -> None:
    """A sample report printed as two-column page pictures (reader.bench.scanpages), imported by OCR,
    shown beside its page image."""
    sys.path.insert(0, str(ROOT))
    from reader.bench.scanpages import Layout, render_pages, to_png
    from reader.core.clean import pipeline
    from reader.core.readers import read_path

    folder = tmp / "扫描件"
    folder.mkdir()
    text = pipeline.clean(read_path(ROOT / "resources" / "sample" / SCAN_SAMPLE)).text
    for k, page in enumerate(render_pages(text, Layout(columns=2))):
        (folder / f"页{k + 1}.png").write_bytes(to_png(page))
    project = tmp / "scan.renda"
    reader(env, "--project", str(project), "import", str(folder))
    README_SHOTS.mkdir(parents=True, exist_ok=True)
    reader(env, "--project", str(project), "--screenshot", str(README_SHOTS / "scan.png"), "--select", SCAN_SECTION)
    print("zh_CN: scan.png")


def scale(src: Path, dest: Path, width: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    image = QImage(str(src))
    if image.isNull():
        raise SystemExit(f"{src} is not an image")
    if image.width() > width:
        image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    dest.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(dest), "PNG"):
        raise SystemExit(f"cannot write {dest}")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, READER_HOME=str(Path(tmp) / "home"), QT_QPA_PLATFORM="offscreen",
                   PYTHONPATH=str(ROOT))
        project = Path(tmp) / "样例 sample.renda"
        make_project(env, project)
        for lang, code in LANGS.items():
            for name, extra in VIEWS.items():
                full = Path(tmp) / f"{lang}-{name}"
                reader(env, "--project", str(project), "--screenshot", str(full), "--lang", code, *extra)
                scale(full, GUIDE / lang / "images" / name, GUIDE_WIDTH)
                if lang == "zh_CN" and name in README_VIEWS:
                    README_SHOTS.mkdir(parents=True, exist_ok=True)
                    (README_SHOTS / name).write_bytes(full.read_bytes())
                print(f"{lang}: {name}")
        scan_shot(env, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
