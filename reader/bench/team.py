"""How long merging a teammate's copy and measuring agreement take (a benchmark script, not a test:
speed is measured here, never asserted in the test suite).

    python -m reader.bench.team WORK_DIR [-n 300] [--passages 5000] [--seed 1] [--repeat 3]

Generates N reports (reader.bench.generate) and imports them into the lead's project; the lead (甲)
tags half the passages at random inside sections; the project is copied to an assistant (乙), who
tags the other half: three in five of them 甲's spans with their ends moved a little (as a second
coder tags the same thing), the rest spans of her own. The copy then holds all the passages. Measured,
each the median of --repeat runs on a fresh copy of the lead's project:

- merging the copy (.renda), with its backup first; merging it again (nothing to add); merging it
  into the project as it was before anyone tagged (every passage of the copy is new);
- merging the copy exported as REFI-QDA (.qdpx);
- the agreement of 甲 and 乙 over the reports both tagged (the three measures for every theme),
  and the disagreements of the pair as the agreement window lists them.

Targets (issue 15): agreement of two coders over 300 reports and 5,000 passages under 2 s; merging
a copy with 5,000 passages under 5 s.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import random
import shutil
import time
from pathlib import Path

from reader.bench.generate import generate
from reader.bench.timing import median_ms
from reader.core.export import export
from reader.core.ingest.importing import import_paths
from reader.core.store import documents, passages
from reader.core.store.db import open_project
from reader.core.store.themes import list_themes
from reader.core.team.agreement import agreement
from reader.core.team.disagreements import review
from reader.core.team.merge import merge

LEAD, ASSISTANT = "甲", "乙"


def _spans(project) -> list[tuple[int, int, int]]:
    out = []
    for unit in documents.outline(project):
        for s in unit.walk_sections():
            if s.end - s.heading_end > 60:
                out.append((unit.id, s.heading_end, s.end))
    return out


def tag_lead(project, n: int, rng: random.Random) -> list[tuple[int, int, int, list[int]]]:
    """`n` passages of 甲: random spans inside sections, one theme (sometimes two)."""
    themes = [t.id for t in list_themes(project)]
    spans = _spans(project)
    done = []
    with project.db.atomic():
        for _ in range(n):
            uid, lo, hi = rng.choice(spans)
            start = rng.randint(lo, hi - 30)
            end = min(hi, start + rng.randint(20, 240))
            chosen = rng.sample(themes, rng.choice((1, 1, 1, 2)))
            passages.tag(project, uid, start, end, chosen, coder=LEAD)
            done.append((uid, start, end, chosen))
    return done


def tag_assistant(project, lead: list, n: int, rng: random.Random) -> int:
    """`n` passages of 乙: three in five follow one of 甲's (ends moved by up to 15 characters,
    sometimes another theme), the rest are her own."""
    themes = [t.id for t in list_themes(project)]
    spans = _spans(project)
    lengths = {u.id: u.length for u in documents.list_units(project)}
    with project.db.atomic():
        for k in range(n):
            if k % 5 < 3:
                uid, start, end, chosen = rng.choice(lead)
                start = max(0, start + rng.randint(-15, 15))
                end = min(lengths[uid], max(start + 5, end + rng.randint(-15, 15)))
                if rng.random() < 0.1:
                    chosen = [rng.choice(themes)]
            else:
                uid, lo, hi = rng.choice(spans)
                start = rng.randint(lo, hi - 30)
                end = min(hi, start + rng.randint(20, 240))
                chosen = [rng.choice(themes)]
            if documents.unit_text(project, uid)[start:end].strip():
                passages.tag(project, uid, start, end, chosen, coder=ASSISTANT)
    return n


def fresh(src: Path, dst: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(str(dst) + suffix).unlink(missing_ok=True)
    shutil.rmtree(dst.with_name(dst.stem + ".backups"), ignore_errors=True)
    shutil.copyfile(src, dst)
    return dst


def timed_merge(lead: Path, copy: Path, work: Path, repeat: int) -> tuple[float, float, object]:
    """(median ms of a first merge, median ms of merging it again, the last result)."""
    firsts, agains, result = [], [], None
    for k in range(repeat):
        target = fresh(lead, work / f"merge-{k}.renda")
        with open_project(target, create=False) as project:
            t = time.perf_counter()
            result = merge(project, copy)
            firsts.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            again = merge(project, copy)
            agains.append((time.perf_counter() - t) * 1000)
            assert again.passages == 0
    firsts.sort()
    agains.sort()
    return firsts[len(firsts) // 2], agains[len(agains) // 2], result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("work", type=Path)
    ap.add_argument("-n", type=int, default=300, help="reports to generate")
    ap.add_argument("--passages", type=int, default=5000, help="passages of the two coders together")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    rng = random.Random(args.seed)
    t = time.perf_counter()
    paths = generate(work / "reports", args.n, args.seed)
    lead_path = work / "lead.renda"
    for suffix in ("", "-wal", "-shm"):
        Path(str(lead_path) + suffix).unlink(missing_ok=True)
    shutil.rmtree(work / "lead.backups", ignore_errors=True)
    logging.getLogger("reader.core.ingest.importing").setLevel(logging.CRITICAL)
    with open_project(lead_path) as project:
        imported = import_paths(project, paths)
        units = len(documents.list_units(project))
        project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        fresh(lead_path, work / "base.renda")  # the reports, no passage yet
        lead = tag_lead(project, args.passages // 2, rng)
        project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = fresh(lead_path, work / "assistant.renda")
    with open_project(copy, create=False) as project:
        tag_assistant(project, lead, args.passages - len(lead), rng)
        held = project.db.execute("SELECT count(*) FROM passages").fetchone()[0]
        export(project, "qdpx", work / "assistant.qdpx", force=True)
        project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(f"setup: {len(imported.imported)} files, {units} reports; the copy holds {held} passages "
          f"({len(lead)} of {LEAD}, {held - len(lead)} of {ASSISTANT}); {time.perf_counter() - t:.1f} s")

    first, again, result = timed_merge(lead_path, copy, work, args.repeat)
    print(f"merge the copy (.renda, {held} passages; {result.passages} added, {result.already} already there), "
          f"backup included: {first / 1000:.2f} s (median of {args.repeat})")
    print(f"merge the same copy again (adds nothing): {again / 1000:.2f} s")
    bfirst, _bagain, bresult = timed_merge(work / "base.renda", copy, work, args.repeat)
    print(f"merge the copy into the project before anyone tagged ({bresult.passages} added): {bfirst / 1000:.2f} s")
    qfirst, _qagain, qresult = timed_merge(lead_path, work / "assistant.qdpx", work, args.repeat)
    print(f"merge the copy as .qdpx ({qresult.passages} added): {qfirst / 1000:.2f} s")

    first, again, result = timed_merge(lead_path, copy, work, 1)  # the lead's project merged, for agreement
    merged = work / "merge-0.renda"
    with open_project(merged, create=False) as project:
        total = project.db.execute("SELECT count(*) FROM passages").fetchone()[0]
        ms, figures = median_ms(lambda: agreement(project, [LEAD, ASSISTANT]), args.repeat)
        overall = figures.pairs[0].overall
        print(f"agreement of {LEAD} and {ASSISTANT}: {len(figures.units)} reports, {len(figures.pairs[0].themes)} themes, "
              f"{total} passages: {ms / 1000:.3f} s (characters κ {overall.characters.kappa:.3f}, "
              f"segments {overall.segments.percent:.1f} %)")
        ms, found = median_ms(lambda: review(project, LEAD, ASSISTANT), args.repeat)
        print(f"disagreements of the pair ({len(found.disagreements)}; {len(found.agreements)} agreements): "
              f"{ms / 1000:.3f} s")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
