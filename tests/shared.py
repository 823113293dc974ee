"""The shared folder beside the checkout (../shared: corpus, gold files, the project's scorer) and
the scorer loaded once, for every test and harness that scores against a gold file."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
SCORER = SHARED / "tools" / "score.py"

# The corpus lives beside the checkout, not in it: a checkout without it skips what reads it.
needs_corpus = pytest.mark.skipif(not (CORPUS.is_dir() and SCORER.is_file()), reason="shared corpus not present")


@lru_cache(maxsize=1)
def scorer():
    """shared/tools/score.py as a module (score_outline, score_align, core...)."""
    spec = importlib.util.spec_from_file_location("renda_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
