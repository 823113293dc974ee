"""Every typed error has a Chinese and an English message that uses all of its fields."""

from __future__ import annotations

import dataclasses
import inspect
import re

import pytest

from reader.core import errors
from reader.core.messages import CATALOGUE, describe

ERRORS = [
    cls
    for _, cls in inspect.getmembers(errors, inspect.isclass)
    if issubclass(cls, errors.ReaderError) and cls is not errors.ReaderError
]


def sample(cls):
    values = {}
    for f in dataclasses.fields(cls):
        values[f.name] = 3 if f.type in ("int", int) else f"«{f.name}»"
    if "kind" in values:
        values["kind"] = "theme"
    return cls(**values)


def test_catalogue_complete():
    assert len(ERRORS) >= 20
    for cls in ERRORS:
        assert cls.code in CATALOGUE, cls.__name__
        assert set(CATALOGUE[cls.code]) == {"zh", "en"}, cls.__name__


@pytest.mark.parametrize("cls", ERRORS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_messages_use_every_field(cls, lang):
    error = sample(cls)
    text = describe(error, lang)
    assert text and "\n" not in text
    assert not re.search(r"\{\w+\}", text), text
    for f in dataclasses.fields(cls):
        if f.name not in ("kind", "reason"):
            assert str(getattr(error, f.name)) in text, (cls.__name__, f.name, text)


def test_language_and_kind_words():
    e = errors.NotFound("theme", "民生")
    assert describe(e, "zh") == "找不到主题：民生"
    assert describe(e, "en") == "No such theme: 民生"
    assert describe(e, "en_US") == describe(e, "en")
    assert str(e) == describe(e, "en")


def test_long_values_are_shortened():
    text = describe(errors.QuoteNotFound(1, "字" * 100), "zh")
    assert "…" in text and len(text) < 100


def test_long_paths_keep_the_file_name():
    text = describe(errors.EmptyDocument("/very/long/folder/" * 6 + "报告.txt"), "zh")
    assert text.endswith("报告.txt") and "…" in text
