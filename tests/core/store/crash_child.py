"""The child of the crash test (tests/core/store/test_crash_safety.py): imports documents and tags
passages into one project in a loop until it is killed.

    python -m tests.core.store.crash_child PROJECT WORKDIR SEED

It prints `ready` once the project is open, then for every document `D <document id> <units>`
after its import committed and for every passage `P <id> <unit> <start> <end>` after its
transaction committed (flushed at once): what it printed is what a user was told was saved.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from reader.core.ingest.importing import import_paths
from reader.core.store.db import open_project
from reader.core.store.documents import unit_text
from reader.core.store.passages import tag
from reader.core.store.themes import list_themes

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = sorted((ROOT / "resources" / "sample").glob("*.txt"))


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(project_path: str, workdir: str, seed: str) -> None:
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES]
    folder = Path(workdir)
    folder.mkdir(parents=True, exist_ok=True)
    project = open_project(project_path)
    themes = [t.id for t in list_themes(project)]
    say("ready")
    n = 0
    while True:
        n += 1
        source = folder / f"{seed}-{n}.txt"
        # a document no other run made (its own bytes), so every import adds one
        source.write_text(rng.choice(texts) + f"\n（附：第 {seed}-{n} 份）\n", encoding="utf-8")
        report = import_paths(project, [source])
        for item in report.imported:
            say(f"D {item.document_id} {len(item.units)}")
            for unit in item.units:
                text = unit_text(project, unit.id)
                for _ in range(3):
                    start = rng.randrange(0, max(1, len(text) - 40))
                    end = start + rng.randrange(5, 40)
                    if not text[start:end].strip():
                        continue
                    p = tag(project, unit.id, start, end, rng.sample(themes, 2), note=f"run {seed}")
                    say(f"P {p.id} {p.unit_id} {p.start} {p.end}")
        for item in report.failed:
            say(f"F {item.name} {item.error}")
        source.unlink()


if __name__ == "__main__":
    main(*sys.argv[1:4])
