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
    path = "/home/user/Documents/人大报告/2022年/各县区/" + "子目录/" * 10 + "新绛县工作报告.docx"
    text = describe(errors.DamagedFile(path, "docx"), "zh")
    assert text.endswith("新绛县工作报告.docx") and "…" in text


@pytest.mark.parametrize(
    "what,value",
    [("query", ""), ("span", "10-5 (0-3814)"), ("merge", "依法监督 → 依法监督"), ("name", ""), ("name", "a/b"),
     ("regex", "["), ("shortcut", "0"), ("colour", "#12"), ("offsets_or_quote", "—"), ("year", "abc"),
     ("unit_id", "abc"), ("offset", "-3"), ("limit", "-1"), ("themes", "")],
)
def test_invalid_input_reads_as_chinese_with_no_internal_names(what, value):
    zh, en = describe(errors.InvalidInput(what, value), "zh"), describe(errors.InvalidInput(what, value), "en")
    words = re.sub(r"--(start|end|quote)|#RRGGBB", "", zh.replace(value, ""))
    assert not re.search(r"[A-Za-z_]{3,}", words), zh
    assert value in zh and value in en
    assert "的值无效" not in zh and "_" not in en and "|" not in en


def test_system_reasons_are_in_the_users_language():
    import errno
    import os

    e = errors.WriteFailed("/tmp/x.csv", os.strerror(errno.EACCES))
    assert describe(e, "zh") == "无法写入 /tmp/x.csv：没有权限"
    assert describe(e, "en") == "Cannot write /tmp/x.csv: Permission denied"
    assert describe(errors.ProjectDamaged("p.renda", "database disk image is malformed"), "zh").count("数据库文件结构已损坏") == 1
    assert "（无）" not in describe(errors.UnsupportedFormat("README", ""), "en")


def test_every_backup_reason_has_words_in_both_languages():
    from reader.core.messages import backup_reason
    from reader.core.store import backups as bk

    for reason in bk.REASONS:
        zh, en = backup_reason(reason, "zh"), backup_reason(reason, "en")
        assert zh != reason and en != reason and zh != en
    assert backup_reason("unknown-reason", "en") == "unknown-reason"
