"""The user guide shipped with the program (resources/guide): both languages, every picture and
page it links to exists, every link inside a page has its target, nothing is fetched from the web,
and the installer bundles it. (That its menu paths exist and 帮助 ▸ 使用说明 opens it: tests/ui/test_help.py.)"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import ROOT

GUIDE = ROOT / "resources" / "guide"
LANGS = ("zh_CN", "en")
SECTIONS = ("install", "first", "projects", "import", "reading", "codebook", "search", "compare", "export",
            "backup", "data", "cli", "team")


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images: list[str] = []
        self.hrefs: list[str] = []
        self.anchors: set[str] = set()
        self.stylesheets: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "img":
            self.images.append(a.get("src", ""))
        if tag == "link" and a.get("rel") == "stylesheet":
            self.stylesheets.append(a.get("href", ""))
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        for key in ("id", "name"):
            if a.get(key):
                self.anchors.add(a[key])


def parse(lang: str) -> Links:
    links = Links()
    links.feed((GUIDE / lang / "index.html").read_text(encoding="utf-8"))
    return links


@pytest.mark.parametrize("lang", LANGS)
def test_guide_exists_with_every_section(lang):
    links = parse(lang)
    assert set(SECTIONS) <= links.anchors, set(SECTIONS) - links.anchors
    assert {h[1:] for h in links.hrefs if h.startswith("#")} == set(SECTIONS)  # the contents list


@pytest.mark.parametrize("lang", LANGS)
def test_every_picture_and_link_of_the_guide_exists(lang):
    links = parse(lang)
    page = GUIDE / lang / "index.html"
    assert len(links.images) >= 3
    for src in links.images:
        assert not re.match(r"\w+:", src), f"remote or absolute picture {src}"
        assert (page.parent / src).is_file(), src
    for href in links.hrefs:
        if href.startswith("#"):
            continue
        assert not re.match(r"https?:", href), f"the guide links to the web: {href}"
        target, _, anchor = href.partition("#")
        assert (page.parent / target).is_file(), href


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_links_the_one_shared_stylesheet(lang):
    page = GUIDE / lang / "index.html"
    assert parse(lang).stylesheets == ["../guide.css"] and (page.parent / "../guide.css").is_file()
    assert "<style" not in page.read_text(encoding="utf-8")  # the look is written once, in guide.css


def test_both_languages_show_the_same_pictures():
    assert sorted(parse("zh_CN").images) == sorted(parse("en").images)


def test_the_installer_bundles_the_guide():
    """The spec ships resources/ whole and drops only what the program never reads; the guide is
    read (reader.resources.resource_path), so it must not be dropped."""
    spec = (ROOT / "packaging" / "reader.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "resources"), "resources")' in spec
    dropped = re.search(r"dest\.startswith\(\((.*?)\)\)", spec).group(1)
    assert "resources/guide" not in dropped and '"resources/"' not in dropped
    smoke = (ROOT / "packaging" / "smoke_test.sh").read_text(encoding="utf-8")
    assert "resources/guide/zh_CN/index.html" in smoke and "resources/guide/en/index.html" in smoke
    assert "resources/guide/guide.css" in smoke


def test_screenshot_script_writes_the_guide_pictures():
    script = (ROOT / "packaging" / "make_screenshots.py").read_text(encoding="utf-8")
    for lang in LANGS:
        for src in parse(lang).images:
            assert f'"{Path(src).name}"' in script, src
