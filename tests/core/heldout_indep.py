"""Harness for the independent held-out set (tests/data/heldout_indep): report files written without
reading the reading rules, gold written before the program ran on them. Scored the way the program is
judged: `reader import DIR --project P` into a fresh project (READER_HOME a temporary folder), then
`reader outline --json` and `reader align --json`, scored by shared/tools/score.py.

    python -m tests.core.heldout_indep [first|locked|all] [--misses]

Per file for `first`; `locked` is only ever looked at as a whole (--misses is refused for it).
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from tests.shared import SCORER, scorer

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "heldout_indep"
SPLITS = ("first", "locked")


def available() -> bool:
    return SCORER.exists()




def gold(split: str) -> dict:
    return json.loads((DATA / f"gold-{split}.json").read_text(encoding="utf-8"))


def _reader(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"reader {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout


@dataclass
class Run:
    split: str
    outline: dict
    align: dict
    import_log: str


@lru_cache(maxsize=4)
def run(split: str) -> Run:
    """Import the split into a fresh project and read its outline and rows through the command line."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, READER_HOME=str(Path(tmp) / "home"))
        env.pop("READER_DEBUG", None)
        project = str(Path(tmp) / "p.renda")
        log = _reader(["import", str(DATA / split), "--project", project, "--lang", "en"], env)
        outline = json.loads(_reader(["outline", "--project", project, "--json"], env))
        align = json.loads(_reader(["align", "--project", project, "--json"], env))
    return Run(split, outline, align, log)


def _quiet(fn, *args):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        result = fn(*args)
    return result, [ln for ln in out.getvalue().splitlines() if ln and not ln.startswith("extra units")]


def outline_figures(split: str) -> tuple[dict, list[str]]:
    return _quiet(scorer().score_outline, gold(split), run(split).outline)


def align_figures(split: str) -> tuple[dict, list[str]]:
    return _quiet(scorer().score_align, gold(split), run(split).align)


@dataclass
class FileFigures:
    file: str
    outline: dict
    outline_misses: list[str]
    pairs: dict = field(default_factory=dict)  # tp, fp, fn of pairs with a member of this file
    align_misses: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # province/prefecture/year/author differences


def _landed(groups: dict, rows: list[dict]) -> dict:
    """score.py's reading of which rows each gold member landed in."""
    sc = scorer()
    landed: dict = {}
    members = {sc.member_key(spec): name for name, specs in groups.items() for spec in specs}
    for i, row in enumerate(rows):
        for m in row["members"]:
            for key in members:
                county, year, prefix = key
                if m.get("county") != county:
                    continue
                if year is not None and m.get("year") != year and str(year) not in (m.get("source") or ""):
                    continue
                if sc.heading_matches(prefix, m.get("heading", "")):
                    landed.setdefault(key, set()).add(i)
    return members, landed


def _home_rows(members: dict, landed: dict) -> dict:
    """The row holding most members of each gold group."""
    counts: dict = {}
    for key, group in members.items():
        for r in landed.get(key, ()):
            counts.setdefault(group, {}).setdefault(r, 0)
            counts[group][r] += 1
    return {g: max(c, key=c.get) for g, c in counts.items()} | {g: None for g in set(members.values()) - set(counts)}


def per_file(split: str) -> list[FileFigures]:
    sc = scorer()
    g = gold(split)
    result = run(split)
    members, landed = _landed(g["alignment"]["groups"], result.align["rows"])
    row_labels = [r.get("label") for r in result.align["rows"]]
    out = []
    for doc in g["documents"]:
        one = {"documents": [doc]}
        figures, misses = _quiet(sc.score_outline, one, result.outline)
        if not any(s["subsections"] for u in doc["units"] for s in u["sections"]):
            figures["subsections"] = float("nan")  # none expected
        ff = FileFigures(doc["file"], figures, misses)
        keys = {(u["county"], u["year"]) for u in doc["units"]}
        counties = {u["county"] for u in doc["units"]}

        def mine(key, counties=counties, keys=keys):
            county, year, _ = key
            return county in counties and (year is None or (county, year) in keys)

        tp = fp = fn = 0
        for a, b in itertools.combinations(sorted(members, key=str), 2):
            if a[:2] == b[:2] or not (mine(a) or mine(b)):
                continue
            same_gold = members[a] == members[b]
            same_row = bool(landed.get(a, set()) & landed.get(b, set()))
            tp += same_gold and same_row
            fn += same_gold and not same_row
            fp += same_row and not same_gold
        ff.pairs = {"tp": tp, "fp": fp, "fn": fn}
        home = _home_rows(members, landed)
        sizes = {g: sum(1 for v in members.values() if v == g) for g in home}
        for key in sorted((k for k in members if mine(k)), key=str):
            rows, group = landed.get(key, set()), members[key]
            if rows != {home[group]}:
                got = [row_labels[r] for r in sorted(rows)] or "no row"
                ff.align_misses.append(f"{key[2]} [{group}] -> {got}")
            else:
                bigger = [g for g in home if g != group and home[g] == home[group] and sizes[g] >= sizes[group]]
                if bigger:
                    ff.align_misses.append(f"{key[2]} [{group}] -> {[row_labels[r] for r in rows]}, the row of {bigger}")
        for unit in doc["units"]:
            got = sc.find_unit(result.outline["units"], doc["file"], unit["county"], unit["sections"])
            if got is None:
                continue
            for attr in ("province", "prefecture", "year", "author"):
                if got.get(attr) != unit[attr]:
                    ff.places.append(f"{unit['county']} {attr}: {got.get(attr)!r}, expected {unit[attr]!r}")
        out.append(ff)
    return out


def attributes(split: str) -> dict:
    """Shares of found units with the gold province, prefecture, year and author (score.py does not check
    them)."""
    sc = scorer()
    result = run(split)
    right = dict.fromkeys(("province", "prefecture", "year", "author"), 0)
    found = 0
    for _source, unit in sc.gold_units(gold(split)):
        got = sc.find_unit(result.outline["units"], _source, unit["county"], unit["sections"])
        if got is None:
            continue
        found += 1
        for attr in right:
            right[attr] += got.get(attr) == unit[attr]
    return {k: v / max(found, 1) for k, v in right.items()}


def _line(figures: dict) -> str:
    return " ".join(f"{k}={v:.3f}" for k, v in figures.items())


def main(argv: list[str]) -> int:
    misses = "--misses" in argv
    names = [a for a in argv if not a.startswith("--")] or ["first"]
    splits = SPLITS if names == ["all"] else names
    if not available():
        print(f"no scorer at {SCORER}")
        return 1
    for split in splits:
        outline, _ = outline_figures(split)
        align, _ = align_figures(split)
        print(f"== {split}: outline {_line(outline)} | align {_line(align)}")
        print(f"   attributes {_line(attributes(split))}")
        if split == "locked":
            if misses:
                print("   (the locked split is looked at as a whole only)")
            continue
        for ff in per_file(split):
            print(f"   {ff.file}: {_line(ff.outline)} pairs {ff.pairs}")
            if misses:
                for m in ff.outline_misses + ff.align_misses + ff.places:
                    print(f"      {m}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
