"""Harness for the development set of real reports of other shapes (shared/corpus/real-dev: provincial
government work reports as published on the web, and several years of the State Council's report),
scored the way the program is judged on reports it has not seen: `reader import DIR --project P` into a
fresh project, then `reader outline --json` and `reader align --json`, scored by
shared/tools/score_by_source.py (units matched by file name).

    python -m tests.core.real_dev [provincial-2026|national|all] [--misses]
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tests.shared import SHARED

ROOT = Path(__file__).resolve().parents[2]
REAL_DEV = SHARED / "corpus" / "real-dev"
SCORER = SHARED / "tools" / "score_by_source.py"
FOLDERS = ("provincial-2026", "national")


def available(folder: str) -> bool:
    return SCORER.exists() and (REAL_DEV / folder / "gold.json").exists()


@lru_cache(maxsize=1)
def scorer():
    spec = importlib.util.spec_from_file_location("renda_score_by_source", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def gold(folder: str) -> dict:
    return json.loads((REAL_DEV / folder / "gold.json").read_text(encoding="utf-8"))


def _reader(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"reader {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout


@dataclass
class Run:
    folder: str
    outline: dict
    align: dict


@lru_cache(maxsize=2)
def run(folder: str) -> Run:
    """Import the folder into a fresh project and read its outline and rows through the command line."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, READER_HOME=str(Path(tmp) / "home"))
        env.pop("READER_DEBUG", None)
        project = str(Path(tmp) / "p.renda")
        _reader(["import", str(REAL_DEV / folder), "--project", project, "--lang", "en"], env)
        outline = json.loads(_reader(["outline", "--project", project, "--json"], env))
        align = json.loads(_reader(["align", "--project", project, "--json"], env))
    return Run(folder, outline, align)


def _quiet(fn, *args) -> tuple[dict, list[str]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        result = fn(*args)
    return result, out.getvalue().splitlines()


def outline_figures(folder: str) -> tuple[dict, list[str]]:
    return _quiet(scorer().score_outline, gold(folder), run(folder).outline)


def align_figures(folder: str) -> tuple[dict, list[str]]:
    return _quiet(scorer().score_align, gold(folder), run(folder).align, set())


def main(argv: list[str]) -> None:
    folders = FOLDERS if not argv or argv[0] in ("all", "--misses") else (argv[0],)
    for folder in folders:
        outline, o_lines = outline_figures(folder)
        align, a_lines = align_figures(folder)
        print(f"== {folder}")
        print("  outline " + " ".join(f"{k}={v:.3f}" for k, v in outline.items()))
        print("  align   " + " ".join(f"{k}={v:.3f}" for k, v in align.items()))
        if "--misses" in argv:
            print("\n".join(o_lines + a_lines))


if __name__ == "__main__":
    main(sys.argv[1:])
