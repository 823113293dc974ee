"""Informal timing of the alignment engine (not a test: no timing asserts in the suite).

    python -m tests.core.align.align_timing [N ...]     # default: 20 and 3000 units

Units are made from the seed units and the adjacent government reports: sentences dropped and
shuffled at random and numbers varied, so every text is new to the token cache.
"""

from __future__ import annotations

import random
import re
import sys
import time

from reader.core.align import AlignSection, AlignUnit, align, tokenizer
from tests.core import align_fixtures as fx

_SENTENCE = re.compile(r"(?<=[。；！？])")


def _vary(text: str, rng: random.Random) -> str:
    parts = [p for p in _SENTENCE.split(text) if p]
    head, rest = parts[:1], parts[1:]
    kept = [p for p in rest if rng.random() > 0.25]
    rng.shuffle(kept)
    return re.sub(r"\d+", lambda m: str(rng.randint(1, 999)), "".join(head + kept))


def _copy(section: AlignSection, unit_id: int, ids: list[int], rng: random.Random) -> AlignSection:
    ids[0] += 1
    children = [_copy(c, unit_id, ids, rng) for c in section.children]
    own = section.text.split(section.children[0].heading[:8])[0] if section.children else section.text
    text = _vary(own, rng) + "".join("\n" + c.text for c in children)
    return AlignSection(ids[0], unit_id, section.heading, text, section.level, children)


def synthetic_units(n: int, seed: int = 1) -> list[AlignUnit]:
    rng = random.Random(seed)
    pool = fx.seed_units() + fx.gov_units()
    ids = [0]
    out = []
    for i in range(n):
        base = rng.choice(pool)
        uid = i + 1
        sections = [_copy(s, uid, ids, rng) for s in base.sections]
        out.append(AlignUnit(uid, f"{base.county or 'XX'}{i}", base.year, f"{i:05d}-{base.source}", sections))
    return out


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [20, 3000]
    t = time.perf_counter()
    tokenizer()
    print(f"jieba init (once per process): {time.perf_counter() - t:.2f} s")
    for n in sizes:
        units = synthetic_units(n)
        chars = sum(len(s.text) for u in units for s in u.sections)
        t = time.perf_counter()
        result = align(units)
        cold = time.perf_counter() - t
        t = time.perf_counter()
        align(units)
        warm = time.perf_counter() - t
        sections = sum(len(r.members) for r in result.rows)
        print(f"{n} units, {chars / 1e6:.1f} M chars, {sections} aligned sections, {len(result.rows)} rows: "
              f"{cold:.2f} s first run, {warm:.2f} s re-align (tokens cached)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
