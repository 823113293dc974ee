"""Harness for the alignment engine: AlignUnits cut from the seed reports at the gold headings (a
stand-in for the outline parser), units from the adjacent government work reports (cut with a tiny
local regex), and scoring with the project's real scorer (shared/tools/score.py)."""

from __future__ import annotations

import contextlib
import io
import json
import random
import re
from dataclasses import dataclass

from reader.core.align import AlignSection, AlignUnit, to_json
from tests.shared import SCORER, SHARED, scorer

GOLD = SHARED / "corpus" / "seeds-gold.json"
SEEDS = SHARED / "corpus" / "seeds"
ADJACENT = SHARED / "corpus" / "adjacent"

CORE = re.compile(r"[\u3400-\u9fff0-9A-Za-z]")
PINYIN = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")
UNIT_LINE = re.compile(r"^(?:#+\s*)?□", re.M)


def available() -> bool:
    return GOLD.exists() and SEEDS.exists() and SCORER.exists()


def gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


def seed_text(name: str) -> str:
    text = (SEEDS / name).read_text(encoding="utf-8")
    if name.startswith("001"):
        import opencc

        text = opencc.OpenCC("t2s").convert(text)
        text = PINYIN.sub("", text).replace("著力", "着力").replace("??", "")
    return text


@dataclass
class _Cut:
    title: str
    start: int
    end: int
    subs: list[_Cut]


class _Ids:
    def __init__(self) -> None:
        self.next = 0

    def __call__(self) -> int:
        self.next += 1
        return self.next


def _core_map(text: str) -> tuple[str, list[int]]:
    chars, where = [], []
    for i, c in enumerate(text):
        if CORE.match(c):
            chars.append(c)
            where.append(i)
    return "".join(chars), where


def _locate(text: str, title: str, lo: int, hi: int) -> int:
    """Where the heading `title` starts in text[lo:hi] (its line start when only a marker precedes it)."""
    core, where = _core_map(text)
    want = "".join(CORE.findall(title))
    first = next((k for k, p in enumerate(where) if p >= lo), len(where))
    at = core.find(want, first)
    if at < 0 or where[at] >= hi:
        raise LookupError(title)
    pos = where[at]
    line = text.rfind("\n", 0, pos) + 1
    return line if pos - line <= 8 else pos


def _regions(name: str, text: str, units: list[dict]) -> list[tuple[int, int]]:
    if len(units) == 1:
        return [(0, len(text))]
    starts = [m.start() for m in UNIT_LINE.finditer(text)]
    out = []
    for unit in units:
        s = next(p for p in starts if unit["county"] in text[p:text.find("\n", p)])
        e = next((p for p in starts if p > s), len(text))
        out.append((s, e))
    return out


def _cuts(text: str, unit: dict, lo: int, hi: int) -> list[_Cut]:
    cuts = []
    pos = lo
    for sec in unit["sections"]:
        start = _locate(text, sec["title"], pos, hi)
        cuts.append(_Cut(sec["title"], start, hi, []))
        pos = start + 1
    for a, b in zip(cuts, cuts[1:], strict=False):
        a.end = b.start
    for cut, sec in zip(cuts, unit["sections"], strict=True):
        p = cut.start + 1
        for sub in sec["subsections"]:
            try:
                s = _locate(text, sub, p, cut.end)
            except LookupError:
                continue
            cut.subs.append(_Cut(sub, s, cut.end, []))
            p = s + 1
        for a, b in zip(cut.subs, cut.subs[1:], strict=False):
            a.end = b.start
    return cuts


def _section(text: str, cut: _Cut, unit_id: int, ids: _Ids, level: int, truncate: int | None) -> AlignSection:
    sid = ids()
    children = [_section(text, s, unit_id, ids, level + 1, truncate) for s in cut.subs]
    own_end = cut.subs[0].start if cut.subs else cut.end
    own = text[cut.start:own_end]
    if truncate is not None:
        own = own[: len(cut.title) + 2 + truncate]
    body = own + "".join("\n" + c.text for c in children)
    return AlignSection(sid, unit_id, cut.title, body, level, children)


def seed_units(truncate: int | None = None, shuffle_seed: int | None = None, children: bool = True) -> list[AlignUnit]:
    """One AlignUnit per gold unit, its sections cut from heading to next heading."""
    g = gold()
    ids = _Ids()
    units: list[AlignUnit] = []
    for doc in g["documents"]:
        text = seed_text(doc["file"])
        for unit, (lo, hi) in zip(doc["units"], _regions(doc["file"], text, doc["units"]), strict=True):
            uid = len(units) + 1
            cuts = _cuts(text, unit, lo, hi)
            if not children:
                for c in cuts:
                    c.subs = []
            sections = [_section(text, c, uid, ids, 1, truncate) for c in cuts]
            if shuffle_seed is not None:
                random.Random(shuffle_seed * 1000 + uid).shuffle(sections)
            units.append(AlignUnit(uid, unit["county"], unit.get("year"), doc["file"], sections))
    return units




def score(result) -> dict[str, float]:
    """score.py's pairwise precision/recall/F1 of an AlignResult against the gold."""
    with contextlib.redirect_stdout(io.StringIO()):
        return scorer().score_align(gold(), to_json(result))


# --- the adjacent genre: government work reports of one district ---------------------------------

GOV_H1 = re.compile(r"^[一二三四五六七八九十]+、")
GOV_H2 = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")


def gov_units(start_id: int = 1000) -> list[AlignUnit]:
    ids = _Ids()
    ids.next = start_id * 100
    units = []
    for k, path in enumerate(sorted(ADJACENT.glob("*.txt"))):
        year = int(re.search(r"(\d{4})", path.name).group(1))
        uid = start_id + k
        units.append(AlignUnit(uid, "海拉尔区", year, path.name, _gov_sections(path.read_text(encoding="utf-8"), uid, ids)))
    return units


def _gov_heading(line: str) -> str:
    head = re.split(r"[。]", line, maxsplit=1)[0]
    return head[:40]


def _gov_sections(text: str, uid: int, ids: _Ids) -> list[AlignSection]:
    tops: list[AlignSection] = []
    current: AlignSection | None = None
    for raw in text.splitlines():
        line = raw.strip(" \u3000\t")
        if GOV_H1.match(line):
            current = AlignSection(ids(), uid, _gov_heading(line), line, 1, [])
            tops.append(current)
        elif GOV_H2.match(line) and current is not None:
            current.children.append(AlignSection(ids(), uid, _gov_heading(line), line, 2, []))
            current.text += "\n" + line
        elif current is not None and line:
            if current.children:
                current.children[-1].text += "\n" + line
            current.text += "\n" + line
    return tops


def flat(units: list[AlignUnit]) -> dict[int, AlignSection]:
    out: dict[int, AlignSection] = {}

    def walk(s: AlignSection) -> None:
        out[s.id] = s
        for c in s.children:
            walk(c)

    for u in units:
        for s in u.sections:
            walk(s)
    return out


# --- the real reading: the project's cleaning pipeline and outline parser ------------------------


def parsed_units() -> list[AlignUnit]:
    """The seeds as the application reads them (clean, then find_units), as AlignUnits."""
    from reader.core.clean.pipeline import clean
    from reader.core.structure.units import find_units

    ids = _Ids()
    units: list[AlignUnit] = []
    for path in sorted(SEEDS.glob("*.txt")):
        cleaned = clean(path.read_text(encoding="utf-8"))
        for span in find_units(cleaned.text, cleaned.hints, path.name, published=cleaned.published):
            uid = len(units) + 1
            county = span.place.county if span.place else None
            sections = [_from_span(cleaned.text, s, uid, ids) for s in span.sections]
            units.append(AlignUnit(uid, county, span.year, path.name, sections))
    return units


def _from_span(text: str, span, unit_id: int, ids: _Ids) -> AlignSection:
    sid = ids()
    children = [_from_span(text, c, unit_id, ids) for c in span.children]
    return AlignSection(sid, unit_id, span.heading, text[span.start:span.end], span.level, children)
