"""Stock phrases shared across a comparison row: the formulas counties borrow from each other and from
above (四个意识, 代表联络站, 民生实事项目票决制).

A shared phrase is a run of at least four Han characters (punctuation and line breaks end a run;
spaces inside one are skipped, as OCR leaves them) that occurs in members of at least two different
counties. Phrases are maximal where they are shown: a phrase is not highlighted where a longer
shared phrase covers the same place. Phrases made only of words that say nothing (工作, 进一步,
加强, 人大常委会 …) are generic: dropped unless asked for, and ranked last.

Offsets are code points relative to the unit text, like every offset the program shows. Where a
phrase occurs in the whole project: `occurrences` (full-text search).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Literal

from reader.core.align.terms import STOP, tokenizer
from reader.core.search import SearchResult, search
from reader.core.store.counties import unit_groups
from reader.core.store.project import Project

MIN_LENGTH = 4
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007\U00020000-\U0003134f]")
_SKIP = frozenset(" \t\u3000\u00a0")
# Short words that carry no topic of their own, besides the alignment stop list.
_FUNCTION = frozenset("的 了 和 与 及 在 是 为 对 把 将 以 等 中 上 下 也 都 并 而 由 从 向 于 之 其 各 有 一 个 年".split())


@dataclass
class Source:
    """A text the phrases are sought in: a section of a unit."""

    section_id: int
    unit_id: int
    group: str  # members of the same group (a county) do not count as sharing
    text: str
    base: int = 0  # where `text` starts in the unit text


@dataclass
class PhraseSpan:
    section_id: int
    unit_id: int
    start: int  # in the unit text
    end: int


@dataclass
class SharedPhrase:
    text: str  # the Han characters of the phrase
    groups: list[str]  # the counties (groups) whose members hold it, in member order
    spans: list[PhraseSpan]  # where it is highlighted (not inside a longer shared phrase there)
    weight: float  # the rank: counties × characters of content words
    generic: bool = False
    content: list[str] = field(default_factory=list)  # its words that carry meaning

    @property
    def counties(self) -> list[str]:
        return self.groups

    def to_json(self) -> dict:
        return {"text": self.text, "counties": self.groups, "weight": round(self.weight, 3), "generic": self.generic,
                "spans": [{"section": s.section_id, "unit": s.unit_id, "start": s.start, "end": s.end} for s in self.spans]}


def is_han(ch: str) -> bool:
    return bool(_HAN.match(ch))


@dataclass
class _Stream:
    chars: list[str] = field(default_factory=list)  # Han characters of every run, runs separated by '\0'
    where: list[int] = field(default_factory=list)  # for each, its offset in the unit text (-1 at separators)
    source: list[int] = field(default_factory=list)
    run_end: list[int] = field(default_factory=list)  # for each, the end of its run in `chars`


def _stream(sources: Sequence[Source]) -> _Stream:
    s = _Stream()
    for k, src in enumerate(sources):
        run_start = len(s.chars)
        for i, ch in enumerate(src.text):
            if is_han(ch):
                s.chars.append(ch)
                s.where.append(src.base + i)
                s.source.append(k)
            elif ch in _SKIP and s.chars and s.chars[-1] != "\0" and len(s.chars) > run_start:
                continue
            elif s.chars and s.chars[-1] != "\0":
                s.chars.append("\0")
                s.where.append(-1)
                s.source.append(k)
        if not s.chars or s.chars[-1] != "\0":
            s.chars.append("\0")
            s.where.append(-1)
            s.source.append(k)
    end = len(s.chars)
    s.run_end = [0] * end
    for i in range(end - 1, -1, -1):
        if s.chars[i] == "\0":
            end = i
        s.run_end[i] = end
    return s


def _maximal(s: _Stream, group: list[int], min_length: int) -> list[tuple[int, int]]:
    """(start, length) in the stream of every shared run that no longer shared run covers there.

    Level by level: the occurrences of shared k-grams are extended by one character; an occurrence
    whose extension to the right, and whose left neighbour's extension, are not shared is maximal."""
    text = "".join(s.chars)
    first: list[int] = []
    multi: list[bool] = []
    classes: dict[object, int] = {}
    occ: list[tuple[int, int]] = []
    for i in range(len(text) - min_length + 1):
        if s.run_end[i] - i < min_length:
            continue
        gram = text[i : i + min_length]
        c = classes.get(gram)
        g = group[s.source[i]]
        if c is None:
            c = classes[gram] = len(first)
            first.append(g)
            multi.append(False)
        elif not multi[c] and first[c] != g:
            multi[c] = True
        occ.append((i, c))
    shared = [(i, c) for i, c in occ if multi[c]]
    k = min_length
    out: list[tuple[int, int]] = []
    while shared:
        classes, first, multi = {}, [], []
        grown: list[tuple[int, int]] = []
        for i, c in shared:
            j = i + k
            if j >= s.run_end[i]:
                continue
            key = (c, text[j])
            nc = classes.get(key)
            g = group[s.source[i]]
            if nc is None:
                nc = classes[key] = len(first)
                first.append(g)
                multi.append(False)
            elif not multi[nc] and first[nc] != g:
                multi[nc] = True
            grown.append((i, nc))
        longer = [(i, c) for i, c in grown if multi[c]]
        starts = {i for i, _ in longer}
        out += [(i, k) for i, _ in shared if i not in starts and i - 1 not in starts]
        shared = longer
        k += 1
    return out


def _empty_word(word: str) -> bool:
    """A word that says nothing: a stop word, function characters, or stop words run together (充分发挥)."""
    n = len(word)
    ok = [True] + [False] * n  # ok[i]: word[:i] is made of empty pieces
    for i in range(1, n + 1):
        ok[i] = any(ok[j] and (word[j:i] in STOP or (i - j == 1 and word[j] in _FUNCTION)) for j in range(max(0, i - 6), i))
    return ok[n]


def words(phrase: str) -> list[str]:
    return tokenizer().lcut(phrase, HMM=False)


def content_words(phrase: str) -> list[str]:
    """The words of a phrase that carry meaning (jieba with the domain dictionary, empty words out)."""
    return [w for w in words(phrase) if len(w) >= 2 and not _empty_word(w)]


def _boundaries(s: _Stream, i: int, cache: dict[int, frozenset[int]]) -> frozenset[int]:
    """Stream indexes where a word starts (or the run ends) in the run holding index i."""
    start = i
    while start > 0 and s.chars[start - 1] != "\0":
        start -= 1
    got = cache.get(start)
    if got is None:
        end = s.run_end[i]
        cuts, at = {end}, start
        for w in words("".join(s.chars[start:end])):
            cuts.add(at)
            at += len(w)
        got = cache[start] = frozenset(cuts)
    return got


def _trim(s: _Stream, i: int, k: int, cache: dict[int, frozenset[int]]) -> tuple[int, int]:
    """The occurrence without single characters at its ends that are function words (的, 和, 年 …) or,
    in their own text, part of a longer word: a run cut out where two texts stop agreeing often
    starts or ends inside a word (县委决策部署 / 市委决策部署 share 委决策部署)."""
    toks = words("".join(s.chars[i : i + k]))
    start, end = i, i + k
    cuts: frozenset[int] | None = None
    while toks and len(toks[0]) == 1:
        if toks[0] not in _FUNCTION:
            cuts = cuts or _boundaries(s, i, cache)
            if start in cuts and start + 1 in cuts:
                break
        toks.pop(0)
        start += 1
    while toks and len(toks[-1]) == 1:
        if toks[-1] not in _FUNCTION:
            cuts = cuts or _boundaries(s, i, cache)
            if end - 1 in cuts and end in cuts:
                break
        toks.pop()
        end -= 1
    return start, end - start


def shared_phrases(
    sources: Sequence[Source],
    min_length: int = MIN_LENGTH,
    min_groups: int = 2,
    keep_generic: bool = False,
    limit: int | None = None,
) -> list[SharedPhrase]:
    """Phrases shared by sources of at least `min_groups` groups, strongest first."""
    if not sources:
        return []
    names = sorted({src.group for src in sources})
    gid = {g: n for n, g in enumerate(names)}
    group = [gid[src.group] for src in sources]
    s = _stream(sources)
    found: dict[str, list[PhraseSpan]] = {}
    seen: set[tuple[int, int]] = set()
    cache: dict[int, frozenset[int]] = {}
    for i, k in _maximal(s, group, min_length):
        i, k = _trim(s, i, k, cache)
        if k < min_length or (i, k) in seen:
            continue
        seen.add((i, k))
        text = "".join(s.chars[i : i + k])
        src = sources[s.source[i]]
        found.setdefault(text, []).append(PhraseSpan(src.section_id, src.unit_id, s.where[i], s.where[i + k - 1] + 1))
    han = [_han_only(src.text) for src in sources]
    order = {src.section_id: n for n, src in enumerate(sources)}
    phrases = []
    for text in sorted(found):
        groups: list[str] = []
        for src, h in zip(sources, han, strict=True):
            if src.group not in groups and text in h:
                groups.append(src.group)
        if len(groups) < min_groups:
            continue
        content = content_words(text)
        weight = len(groups) * sum(len(w) for w in content)
        spans = sorted(found[text], key=lambda p: (order[p.section_id], p.start))
        phrases.append(SharedPhrase(text, groups, spans, float(weight), not content, content))
    if not keep_generic:
        phrases = [p for p in phrases if not p.generic]
    phrases.sort(key=lambda p: (p.generic, -p.weight, -len(p.text), p.text))
    return phrases[:limit] if limit is not None else phrases


def _han_only(text: str) -> str:
    """Runs of Han characters (spaces inside dropped) joined by '\\0', for containment tests."""
    out: list[str] = []
    for ch in text:
        if is_han(ch):
            out.append(ch)
        elif ch not in _SKIP and out and out[-1] != "\0":
            out.append("\0")
    return "".join(out)


def row_sources(project: Project, row, across: Literal["county", "unit"] = "county",
                section_ids: Collection[int] | None = None) -> list[Source]:
    """The members of a comparison row (reader.core.compare.Row), or those in `section_ids`, as
    sources: their section texts, grouped by county (a place: two of one name are two groups, named
    鼓楼区（福州市）…; a unit without a county is a group of its own) or by unit."""
    from reader.core.compare import section_texts

    members = [m for m in row.members if section_ids is None or m.section_id in section_ids]
    texts = section_texts(project, [m.section_id for m in members])
    places = unit_groups(project, {m.unit_id for m in members}) if across == "county" else {}
    out = []
    for m in members:
        if m.section_id not in texts:
            continue
        unit_id, start, _end, text = texts[m.section_id]
        group = places.get(unit_id, f"#{unit_id}") if across == "county" else f"#{unit_id}"
        out.append(Source(m.section_id, unit_id, group, text, start))
    return out


def row_phrases(
    project: Project,
    row,
    across: Literal["county", "unit"] = "county",
    keep_generic: bool = False,
    limit: int | None = None,
    section_ids: Collection[int] | None = None,
) -> list[SharedPhrase]:
    """Shared phrases of a comparison row (or of its members in `section_ids`), for highlighting its
    members and the legend, strongest first."""
    return shared_phrases(row_sources(project, row, across, section_ids), keep_generic=keep_generic, limit=limit)


def occurrences(project: Project, phrase: str, limit: int | None = 100) -> SearchResult:
    """Everywhere the phrase occurs in the project (every unit, not only the row)."""
    return search(project, phrase, limit=limit)
