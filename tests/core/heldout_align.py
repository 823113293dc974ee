"""Harness for the held-out alignment set (tests/data/heldout_align): reports the alignment engine
was not written on, with gold rows in the form of seeds-gold.json `alignment`, scored through the
application's real path: `reader import DIR --project P`, `reader align --project P --json`, then
the project's scorer (shared/tools/score.py align).

    python -m tests.core.heldout_align [syn|gov|dev|locked|late|all] [--misses] [--check]

--misses prints the scorer's misses and the rows of the gold members (never for the locked split,
which is looked at only as overall figures); --check only tells, from the outline alone, whether
every gold member names a section the reader parses (a typo check of the gold: it does not align).
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import sys
import tempfile
from pathlib import Path

from tests.shared import SCORER, SHARED, scorer

DATA = Path(__file__).resolve().parents[1] / "data"
HELDOUT = DATA / "heldout_align"
FOLDERS = (HELDOUT / "docs", DATA / "heldout" / "docs")
ADJACENT = SHARED / "corpus" / "adjacent"
SPLITS = ("syn", "gov", "dev", "locked", "late")
LOOKED_AT = ("syn", "gov", "dev")  # splits whose misses may be read while the engine is changed




def gold(split: str) -> dict:
    return json.loads((HELDOUT / f"gold-{split}.json").read_text(encoding="utf-8"))


def path_of(name: str) -> Path | None:
    for folder in (*FOLDERS, ADJACENT):
        if (folder / name).exists():
            return folder / name
    return None


def exists(split: str) -> bool:
    return (HELDOUT / f"gold-{split}.json").exists()


def available(split: str) -> bool:
    return exists(split) and SCORER.exists() and all(path_of(d["file"]) for d in gold(split)["documents"])


def _cli(argv: list[str]) -> str:
    """Run the `reader` command in this process; its standard output."""
    from reader.cli import main

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = main(argv)
    if code:
        raise RuntimeError(f"reader {' '.join(argv)} exited {code}")
    return buf.getvalue()


def run(split: str, workdir: Path) -> dict:
    """The split's documents imported into a fresh project and aligned: the `reader align --json` output."""
    docs = workdir / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for d in gold(split)["documents"]:
        shutil.copy(path_of(d["file"]), docs / d["file"])
    project = str(workdir / f"{split}.rdproj")
    _cli(["import", str(docs), "--project", project])
    return json.loads(_cli(["align", "--project", project, "--json"]))


def score(split: str, parsed: dict) -> tuple[dict[str, float], str]:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        figures = scorer().score_align(gold(split), parsed)
    return figures, buf.getvalue()


def evaluate(split: str) -> tuple[dict[str, float], str, dict]:
    with tempfile.TemporaryDirectory() as tmp:
        parsed = run(split, Path(tmp))
    figures, misses = score(split, parsed)
    return figures, misses, parsed


def placement(split: str, parsed: dict) -> list[str]:
    """For each gold member: its group and the labels of the rows it landed in (for reading misses)."""
    sc = scorer()
    lines = []
    groups = gold(split)["alignment"]["groups"]
    for name, specs in groups.items():
        for spec in specs:
            county, year, prefix = sc.member_key(spec)
            rows = []
            for row in parsed["rows"]:
                for m in row["members"]:
                    if m.get("county") != county:
                        continue
                    if year is not None and m.get("year") != year and str(year) not in (m.get("source") or ""):
                        continue
                    if sc.heading_matches(prefix, m.get("heading", "")):
                        rows.append(row["label"])
            lines.append(f"{name:10s} {county} {year or ''} {prefix:24s} -> {' | '.join(rows) or 'NONE'}")
    return lines


def check(split: str) -> list[str]:
    """Gold members that name no parsed section (outline only, no alignment)."""
    from reader.core.clean.pipeline import clean
    from reader.core.structure.units import find_units

    sc = scorer()
    heads: list[tuple[str | None, int | None, str, str]] = []

    def walk(secs, county, year, source):
        for s in secs:
            heads.append((county, year, source, s.heading))
            walk(s.children, county, year, source)

    for d in gold(split)["documents"]:
        cleaned = clean(path_of(d["file"]).read_text(encoding="utf-8"))
        for u in find_units(cleaned.text, cleaned.hints, d["file"], published=cleaned.published):
            walk(u.sections, u.place and u.place.county, u.year, d["file"])
    out = []
    al = gold(split)["alignment"]
    for spec in [s for specs in al["groups"].values() for s in specs] + al.get("unscored", []):
        county, year, prefix = sc.member_key(spec)
        hits = [h for h in heads if h[0] == county and (year is None or h[1] == year or str(year) in h[2])
                and sc.heading_matches(prefix, h[3])]
        if len(hits) != 1:
            out.append(f"{len(hits)} sections for {county} {year} {prefix}")
    return out


def main(argv: list[str]) -> None:
    splits = [s for s in SPLITS if exists(s)] if not argv or argv[0] in ("all", "--check", "--misses") else [argv[0]]
    for split in splits:
        if "--check" in argv:
            print(f"== {split}: " + ("; ".join(check(split)) or "every gold member names one parsed section"))
            continue
        figures, misses, parsed = evaluate(split)
        members = sum(len(v) for v in gold(split)["alignment"]["groups"].values())
        rows = sum(1 for r in parsed["rows"] if r["members"])
        print(f"== {split}: {len(gold(split)['documents'])} files, {members} gold members, {rows} rows: "
              + " ".join(f"{k}={v:.3f}" for k, v in figures.items()))
        if "--misses" in argv and split in LOOKED_AT:
            print(misses)
            print("\n".join(placement(split, parsed)))


if __name__ == "__main__":
    main(sys.argv[1:])
