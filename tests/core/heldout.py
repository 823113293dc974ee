"""Harness for the held-out outline set (tests/data/heldout): documents the structure rules were not
written on, with gold outlines in the form of seeds-gold.json, scored by the project's real scorer
(shared/tools/score.py) as the application reads them (clean, then find_units).

    python -m tests.core.heldout [dev|locked|late|real|all] [--misses]   # per-file figures

READER_HELDOUT_EXTRA=DIR adds the split "real": DIR/gold-real.json (same form) and DIR/docs/, kept
outside the repository (real report texts found on the web are not ours to copy into it).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from pathlib import Path

from tests.shared import SCORER, SHARED, scorer

HELDOUT = Path(__file__).resolve().parents[1] / "data" / "heldout"
DOCS = HELDOUT / "docs"
ADJACENT = SHARED / "corpus" / "adjacent"
EXTRA = Path(os.environ["READER_HELDOUT_EXTRA"]) if os.environ.get("READER_HELDOUT_EXTRA") else None
SPLITS = ("dev", "locked", "late") + (("real",) if EXTRA else ())




def gold(split: str) -> dict:
    folder = EXTRA if split == "real" and EXTRA else HELDOUT
    return json.loads((folder / f"gold-{split}.json").read_text(encoding="utf-8"))


def path_of(name: str) -> Path | None:
    for folder in (DOCS, ADJACENT, *([EXTRA / "docs"] if EXTRA else [])):
        if (folder / name).exists():
            return folder / name
    return None


def available(split: str) -> bool:
    return SCORER.exists() and all(path_of(d["file"]) for d in gold(split)["documents"])


def _sections(secs, base):
    return [{"heading": s.heading, "start": s.start - base, "children": _sections(s.children, base)} for s in secs]


def parse(name: str) -> list[dict]:
    """One file as the application reads it, in the shape of `reader outline --json` units."""
    from reader.core.clean.pipeline import clean
    from reader.core.structure.units import find_units

    cleaned = clean(path_of(name).read_text(encoding="utf-8"))
    out = []
    for u in find_units(cleaned.text, cleaned.hints, name, published=cleaned.published):
        p = u.place
        out.append({"source": name, "county": p and p.county, "province": p and p.province,
                    "prefecture": p and p.prefecture, "author": u.author, "year": u.year, "title": u.title,
                    "sections": _sections(u.sections, u.start)})
    return out


def score(gold_doc: dict, parsed: list[dict]) -> tuple[dict[str, float], str]:
    """The scorer's figures for some documents, and what it printed (the misses)."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        figures = scorer().score_outline(gold_doc, {"units": parsed})
    return figures, buf.getvalue()


def details(gold_doc: dict, parsed: list[dict]) -> dict[str, float]:
    """What score.py does not check: province and prefecture of each found county, year, author,
    title (compared on hanzi, digits and letters)."""
    sc = scorer()
    n = place = year = author = title = 0
    year_n = author_n = 0
    for source, unit in sc.gold_units(gold_doc):
        got = sc.find_unit(parsed, source, unit["county"], unit["sections"])
        n += 1
        if got is None:
            continue
        place += (got["province"], got["prefecture"]) == (unit["province"], unit["prefecture"])
        if unit.get("year") is not None:
            year_n += 1
            year += got["year"] == unit["year"]
        if unit.get("author"):
            author_n += 1
            author += got["author"] == unit["author"]
        title += sc.core(got["title"]) == sc.core(unit["title"])
    return {"places": place / max(n, 1), "years": year / max(year_n, 1), "authors": author / max(author_n, 1),
            "titles": title / max(n, 1)}


def evaluate(split: str) -> tuple[dict[str, float], dict[str, float], dict[str, dict[str, float]], str]:
    """(scorer figures over the split, detail figures, per-file scorer figures, misses)."""
    g = gold(split)
    parsed: list[dict] = []
    per_file: dict[str, dict[str, float]] = {}
    for doc in g["documents"]:
        units = parse(doc["file"])
        parsed += units
        per_file[doc["file"]] = score({"documents": [doc]}, units)[0]
    figures, misses = score(g, parsed)
    return figures, details(g, parsed), per_file, misses


def main(argv: list[str]) -> None:
    splits = SPLITS if not argv or argv[0] == "all" else (argv[0],)
    for split in splits:
        figures, extra, per_file, misses = evaluate(split)
        print(f"== {split}")
        wanted = {d["file"]: sum(len(s["subsections"]) for u in d["units"] for s in u["sections"])
                  for d in gold(split)["documents"]}
        for name, f in per_file.items():
            shown = {k: ("  -  " if k == "subsections" and not wanted[name] else f"{v:.3f}") for k, v in f.items()}
            print(f"  {name:28s} " + " ".join(f"{k}={v}" for k, v in shown.items()))
        print("  ALL " + " ".join(f"{k}={v:.3f}" for k, v in {**figures, **extra}.items()))
        if "--misses" in argv:
            print(misses)


if __name__ == "__main__":
    main(sys.argv[1:])
