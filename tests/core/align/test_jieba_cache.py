"""jieba's prefix dictionary is cached in the user cache folder (platformdirs' user_cache_dir, or
READER_HOME/cache), never in a /tmp/jieba.cache shared by every user; the second start reads it."""

from __future__ import annotations

import sys

import pytest

from reader.core import paths
from reader.core.align import terms


@pytest.fixture
def fresh_tokenizer():
    """A tokenizer built anew for the test; the process's own is put back after."""
    saved = dict(terms._STATE)
    terms._STATE.clear()
    yield
    terms._STATE.clear()
    terms._STATE.update(saved)


def test_the_dictionary_cache_is_written_to_and_read_from_the_cache_folder(tmp_path, monkeypatch, fresh_tokenizer):
    monkeypatch.setenv(paths.ENV_HOME, str(tmp_path / "home"))
    tok = terms.tokenizer()
    cache = tmp_path / "home" / "cache" / "jieba.cache"
    assert tok.tmp_dir == str(cache.parent) and cache.is_file() and cache.stat().st_size > 1_000_000
    written = cache.stat().st_mtime_ns
    terms._STATE.clear()
    again = terms.tokenizer()
    assert again is not tok and cache.stat().st_mtime_ns == written  # read back, not rebuilt
    assert "代表联络站" in again.lcut("加强代表联络站建设")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_without_reader_home_the_cache_folder_is_the_users(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.ENV_HOME, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert terms._cache_dir() == str(tmp_path / "xdg" / "renda-reader")
    assert (tmp_path / "xdg" / "renda-reader").is_dir()
