"""Full-text search over unit texts: every exact occurrence of a word (代表) or phrase (代表联络站),
its total counted by the index, every hit listable.

The index (reader.core.store.fulltext, which the store keeps in step with the units) is a
contentless FTS5 table keyed by unit id in which every character of a unit's text
is one token, written as its code point in hex (tokens_text: "代表" -> "00004ee3 00008868"), under
FTS5's ascii tokenizer. So a phrase of the query's tokens matches exactly where the query stands
in the text: punctuation, spaces and line breaks are tokens too (the index cannot run over them),
letters keep their case, and no character's class depends on the Unicode tables of the SQLite at
hand.

Counting: FTS5's bm25() of a one-phrase query is a known function of the phrase's instances in the
row (its documented formula: the row's length, the average length and the rows matched), so the
instances of every matching unit come out of the index without reading any text
(index_counts). They are the non-overlapping occurrences str.count finds unless the query can
overlap itself (人人 in 人人人): then, and whenever the numbers are not whole, the candidate units
are read and counted. Without FTS5, every unit is read (a plain instr() scan); results are the same.

Hits: a SearchResult holds the first `limit` hits and the count of every unit with one; HitList
makes every hit from those counts when it is asked for, a unit at a time (its text read, its
sections found), so listing a million hits costs no more than counting them.

Offsets in hits are relative to the unit text, like every offset the program shows.
"""

from __future__ import annotations

import logging
import math
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from reader.core.errors import InvalidInput
from reader.core.store.documents import innermost_section, sections_of, unit_texts
from reader.core.store.fulltext import FTS_TABLE, candidates, fts_query, has_index
from reader.core.store.project import Project

log = logging.getLogger(__name__)

SNIPPET_CONTEXT = 20
FIRST_CHUNK = 20  # units read at a time when only the first hits are wanted
READ_CHUNK = 200  # units read at a time otherwise
MARK_OPEN, MARK_CLOSE = "【", "】"
BM25_K1, BM25_B = 1.2, 0.75  # FTS5's bm25() constants (its documentation, "The bm25() function")
BM25_MIN_IDF = 1e-6  # what bm25() uses for a phrase in half the rows or more


@dataclass
class Hit:
    unit: int
    section: int | None
    county: str | None
    heading: str | None
    start: int  # relative to the unit text
    end: int
    snippet: str  # ±20 characters, the hit marked with 【】, line breaks as spaces

    def to_json(self) -> dict:
        return dict(self.__dict__)


@dataclass
class SearchResult:
    query: str
    total: int  # every occurrence in the project
    hits: list[Hit]  # the first `limit` of them, by unit then position
    method: str  # 'fts5' or 'scan'
    complete: bool = True  # False: only the first hits were looked for; total counts those units only
    units: list[tuple[int, int]] = field(default_factory=list)  # (unit id, occurrences), in unit order
    counted_by: str = "text"  # 'index': the total came from the index; 'text': from reading the units


def overlaps_itself(query: str) -> bool:
    """Whether two occurrences of `query` can overlap (人人, 哈哈哈, abab): a proper prefix that is
    also a suffix. The index counts overlapping instances, str.count does not."""
    return any(query[:k] == query[-k:] for k in range(1, len(query)))


# -- counting ------------------------------------------------------------------------------------


def index_counts(project: Project, query: str) -> list[tuple[int, int]] | None:
    """(unit id, occurrences of `query`) of every unit that holds it, in unit order, from the index
    alone; None when the index cannot say exactly (no index, a query that overlaps itself, or
    numbers that do not come out whole: an index out of step with the units)."""
    if not has_index(project) or overlaps_itself(query):
        return None
    rows = project.db.execute(
        f"SELECT rowid, bm25({FTS_TABLE}) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? ORDER BY rowid",
        [fts_query(query)],
    ).fetchall()
    if not rows:
        return []
    n_rows, n_tokens = project.db.execute('SELECT count(*), total("end" - start) FROM units').fetchone()
    lengths = dict(_lengths(project, [r[0] for r in rows]))
    if not n_rows or len(lengths) != len(rows):
        return None
    avgdl = n_tokens / n_rows
    idf = math.log((n_rows - len(rows) + 0.5) / (len(rows) + 0.5))
    if idf <= 0.0:
        idf = BM25_MIN_IDF
    out = []
    for uid, score in rows:
        # score = -idf * f(k1 + 1) / (f + k1(1 - b + b D / avgdl)), D the row's tokens (characters)
        k = BM25_K1 * (1 - BM25_B + BM25_B * lengths[uid] / avgdl)
        v = -score / idf
        if not 0 < v < BM25_K1 + 1:
            return None
        f = k * v / (BM25_K1 + 1 - v)
        n = round(f)
        if n < 1 or abs(f - n) > 1e-4:
            log.warning("search index out of step with unit %s (%.6f occurrences of %r): the texts are read", uid, f, query)
            return None
        out.append((uid, n))
    return out


def _lengths(project: Project, unit_ids: list[int]) -> Iterator[tuple[int, int]]:
    if len(unit_ids) > 2000:  # most of the project: one pass over the table
        wanted = set(unit_ids)
        for uid, n in project.db.execute('SELECT id, "end" - start FROM units'):
            if uid in wanted:
                yield uid, n
        return
    for k in range(0, len(unit_ids), 500):
        chunk = unit_ids[k : k + 500]
        yield from project.db.execute(
            f'SELECT id, "end" - start FROM units WHERE id IN ({",".join("?" * len(chunk))})', chunk
        )


def _counted_by_reading(project: Project, query: str, unit_ids: list[int] | None) -> list[tuple[int, int]]:
    """(unit id, occurrences) by reading the units (`unit_ids`, or all of them with instr())."""
    if unit_ids is None:
        rows = project.db.execute(
            'SELECT u.id, substr(d.cleaned_text, u.start + 1, u."end" - u.start) AS body '
            "FROM units u JOIN documents d ON d.id = u.document_id WHERE instr(body, ?) > 0 ORDER BY u.id",
            [query],
        )
        return [(uid, body.count(query)) for uid, body in rows]
    out = []
    for k in range(0, len(unit_ids), READ_CHUNK):
        for uid, body in unit_texts(project, unit_ids[k : k + READ_CHUNK]):
            n = body.count(query)
            if n:
                out.append((uid, n))
    return out


# -- searching -----------------------------------------------------------------------------------


def search(project: Project, query: str, limit: int | None = 100, *, force_scan: bool = False,
           first_only: bool = False) -> SearchResult:
    """Every exact occurrence of `query` in the project's unit texts (counted non-overlapping,
    like str.count); `hits` holds the first `limit` (None: all), `units` the count of every unit
    with one (HitList lists them all). With `first_only`, units are read only until `limit` hits
    are found (the window shows them while the whole count runs); the result then has
    complete=False unless every unit was read."""
    if not query or not query.strip():
        raise InvalidInput("query", query)
    if limit is not None and limit < 0:
        raise InvalidInput("limit", str(limit))
    indexed = has_index(project) and not force_scan
    if indexed and first_only:
        return _first_hits(project, query, limit)
    counted_by = "text"
    if indexed:
        units = index_counts(project, query)
        if units is None:
            units = _counted_by_reading(project, query, candidates(project, query))
        else:
            counted_by = "index"
    else:
        units = _counted_by_reading(project, query, None)
    hits = HitList(project, query, units)
    shown = list(hits) if limit is None else hits.first(limit)
    return SearchResult(query, hits.total, shown, "fts5" if indexed else "scan", True, units, counted_by)


def _first_hits(project: Project, query: str, limit: int | None) -> SearchResult:
    """The first `limit` hits, reading candidate units in order only until they are found."""
    cursor = project.db.execute(
        f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? ORDER BY rowid", [fts_query(query)])
    units: list[tuple[int, int]] = []
    found = 0
    exhausted = False
    while limit is None or found < limit:
        chunk = [r[0] for r in cursor.fetchmany(FIRST_CHUNK)]
        if not chunk:
            exhausted = True
            break
        for uid, body in unit_texts(project, chunk):
            n = body.count(query)
            if n:
                units.append((uid, n))
                found += n
    if not exhausted and cursor.fetchone() is None:
        exhausted = True
    hits = HitList(project, query, units)
    shown = list(hits) if limit is None else hits.first(limit)
    return SearchResult(query, hits.total, shown, "fts5", exhausted, units if exhausted else [], "text")


class HitList(Sequence):
    """Every hit of a search, made when asked for: from the count of each unit (a SearchResult's
    `units`), hit k is found by its unit and made with the rest of that unit's hits (its text
    read, its sections found); the last units made are kept. Reads `project` on the thread that
    asks (the window: its own connection)."""

    KEEP = 64  # units whose hits are kept made

    def __init__(self, project: Project, query: str, units: list[tuple[int, int]]):
        self.project, self.query = project, query
        self.units = [uid for uid, _n in units]
        self.ends: list[int] = []  # hits up to and including each unit
        total = 0
        for _uid, n in units:
            total += n
            self.ends.append(total)
        self.total = total
        self._made: OrderedDict[int, list[Hit]] = OrderedDict()

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(self.total))]
        if k < 0:
            k += self.total
        if not 0 <= k < self.total:
            raise IndexError(k)
        u = bisect_right(self.ends, k)
        hits = self._unit_hits(u)
        first = self.ends[u - 1] if u else 0
        return hits[min(k - first, len(hits) - 1)]

    def __iter__(self) -> Iterator[Hit]:
        for start in range(0, len(self.units), READ_CHUNK):
            chunk = range(start, min(start + READ_CHUNK, len(self.units)))
            self._make([u for u in chunk if self.units[u] not in self._made])
            for u in chunk:
                yield from self._unit_hits(u)

    def first(self, n: int) -> list[Hit]:
        """The first n hits, reading only the units they are in."""
        if n <= 0 or not self.total:
            return []
        last = bisect_right(self.ends, min(n, self.total) - 1)
        self._make(list(range(last + 1)))
        out: list[Hit] = []
        for u in range(last + 1):
            out += self._unit_hits(u)
        return out[:n]

    def _unit_hits(self, u: int) -> list[Hit]:
        uid = self.units[u]
        if uid not in self._made:
            self._make([u])
        self._made.move_to_end(uid)
        return self._made[uid]

    def _make(self, positions: list[int]) -> None:
        """Make the hits of the units at `positions` (a few queries for all of them)."""
        ids = [self.units[u] for u in positions if self.units[u] not in self._made]
        if not ids:
            return
        q, width = self.query, len(self.query)
        trees = sections_of(self.project, ids)
        counties = dict(self.project.db.execute(
            f"SELECT id, county FROM units WHERE id IN ({','.join('?' * len(ids))})", ids))
        for uid, body in unit_texts(self.project, ids):
            tree = trees.get(uid, [])
            hits = []
            i = body.find(q)
            while i >= 0:
                section = innermost_section(tree, i)
                hits.append(Hit(uid, section.id if section else None, counties.get(uid),
                                section.heading if section else None, i, i + width, snippet(body, i, i + width)))
                i = body.find(q, i + width)
            if not hits:  # the unit changed since it was counted: nothing to show for it
                hits = [Hit(uid, None, counties.get(uid), None, 0, 0, "")]
            self._made[uid] = hits
        while len(self._made) > max(self.KEEP, len(ids)):
            self._made.popitem(last=False)


def snippet(text: str, start: int, end: int, context: int = SNIPPET_CONTEXT) -> str:
    before = text[max(0, start - context) : start]
    after = text[end : end + context]
    s = (
        ("…" if start > context else "")
        + before
        + MARK_OPEN
        + text[start:end]
        + MARK_CLOSE
        + after
        + ("…" if end + context < len(text) else "")
    )
    return s.replace("\r", " ").replace("\n", " ")
