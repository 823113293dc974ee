"""Intercoder agreement: how alike two (or more) coders tagged the same reports, per theme and over
all themes. No Qt, no SQL beyond reading the passages (load_codings); the measures are pure
functions of the codings, so the tests check them against values worked by hand.

The chosen units (reports) and themes: by default the reports every chosen coder tagged at least
once, and the themes any of them used there (in codebook order). A passage counts for the themes it
is tagged with directly (a passage of 执法检查 is not one of its parent 依法监督). For coders A and B:

- characters: every character of the chosen units' cleaned text is, for each theme, coded or not by
  each coder (coded: inside one of the coder's passages of that theme). The counts both, only A,
  only B, neither give the observed agreement pₒ = (both + neither) / n and Cohen's
  κ = (pₒ − pₑ) / (1 − pₑ), with pₑ = pA·pB + (1 − pA)(1 − pB) from each coder's marginals
  (pA = (both + only A) / n). κ is undefined (None), not 0 or 1, when pₑ = 1 (both coders coded
  all of it, or none of it). Over all themes: the same on the pooled counts (each character and
  theme is one item).
- reports: per unit, whether each coder used the theme at all; the same agreement and κ over the
  units (over all themes: the pooled unit-and-theme items).
- segments (MAXQDA's rule): a coder's passage is matched when the other coder has a passage of the
  same theme in the same unit that overlaps it by at least `min_overlap` % of the longer of the
  two (default 90); the figure is the percent of both coders' segments that are matched.

With more than two coders every pair is measured, and all together with Fleiss' κ (characters and
reports; each item rated coded or not by every coder): P̄ is the mean over items of the share of
agreeing rater pairs, P̄ₑ = p² + (1 − p)² with p the share of all ratings that are "coded", and
κ = (P̄ − P̄ₑ) / (1 − P̄ₑ), undefined when P̄ₑ = 1.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from reader.core.errors import InvalidInput, NotFound
from reader.core.store.coders import NO_CODER, check_known, coder_filter
from reader.core.store.project import Project
from reader.core.store.themes import list_themes

DEFAULT_MIN_OVERLAP = 90
DIGITS = 4  # decimals of the figures in JSON

Span = tuple[int, int]


# == the measures, on plain numbers ====================================================================


@dataclass(frozen=True)
class Table:
    """A 2 × 2 table of items rated coded or not by coders A and B, and what it gives."""

    both: int
    only_a: int
    only_b: int
    neither: int

    @property
    def n(self) -> int:
        return self.both + self.only_a + self.only_b + self.neither

    @property
    def agreement(self) -> float | None:
        """pₒ: the share of items both rated alike (None: no items)."""
        return (self.both + self.neither) / self.n if self.n else None

    @property
    def expected(self) -> float | None:
        """pₑ: the agreement expected by chance from each coder's marginals."""
        if not self.n:
            return None
        pa = (self.both + self.only_a) / self.n
        pb = (self.both + self.only_b) / self.n
        return pa * pb + (1 - pa) * (1 - pb)

    @property
    def kappa(self) -> float | None:
        """Cohen's κ; None (undefined) when pₑ = 1 or there are no items."""
        po, pe = self.agreement, self.expected
        if po is None or pe is None or self.both == self.n or self.neither == self.n:
            return None  # pₑ = 1: both coded every item, or neither coded any (pA = pB = 1 or 0)
        return (po - pe) / (1 - pe)

    def __add__(self, other: Table) -> Table:
        return Table(self.both + other.both, self.only_a + other.only_a, self.only_b + other.only_b,
                     self.neither + other.neither)

    def to_json(self) -> dict:
        return {"agreement": _round(self.agreement), "kappa": _round(self.kappa), "both": self.both,
                "only_a": self.only_a, "only_b": self.only_b, "neither": self.neither}


EMPTY = Table(0, 0, 0, 0)


@dataclass(frozen=True)
class Segments:
    """MAXQDA's segment agreement: of each coder's passages, how many the other coder matched."""

    matched_a: int
    total_a: int
    matched_b: int
    total_b: int

    @property
    def percent(self) -> float | None:
        """The percent of all segments matched (None: neither coder has a segment)."""
        total = self.total_a + self.total_b
        return 100 * (self.matched_a + self.matched_b) / total if total else None

    def __add__(self, other: Segments) -> Segments:
        return Segments(self.matched_a + other.matched_a, self.total_a + other.total_a,
                        self.matched_b + other.matched_b, self.total_b + other.total_b)

    def to_json(self) -> dict:
        return {"matched_a": self.matched_a, "total_a": self.total_a, "matched_b": self.matched_b,
                "total_b": self.total_b, "percent": _round(self.percent, 2)}


NO_SEGMENTS = Segments(0, 0, 0, 0)


@dataclass(frozen=True)
class Fleiss:
    """Fleiss' κ for `raters` coders rating items coded or not: `counts[k]` items were rated coded
    by exactly k of them."""

    raters: int
    counts: tuple[int, ...]  # index k = 0..raters

    @property
    def n(self) -> int:
        return sum(self.counts)

    @property
    def agreement(self) -> float | None:
        """P̄: the mean share of agreeing rater pairs per item."""
        m = self.raters
        if not self.n or m < 2:
            return None
        pairs = sum(c * (k * (k - 1) + (m - k) * (m - k - 1)) for k, c in enumerate(self.counts))
        return pairs / (self.n * m * (m - 1))

    @property
    def expected(self) -> float | None:
        if not self.n or self.raters < 2:
            return None
        p = sum(k * c for k, c in enumerate(self.counts)) / (self.n * self.raters)
        return p * p + (1 - p) * (1 - p)

    @property
    def kappa(self) -> float | None:
        """Fleiss' κ; None (undefined) when P̄ₑ = 1 or there are no items."""
        po, pe = self.agreement, self.expected
        if po is None or pe is None or self.counts[0] == self.n or self.counts[-1] == self.n:
            return None
        return (po - pe) / (1 - pe)

    def __add__(self, other: Fleiss) -> Fleiss:
        return Fleiss(self.raters, tuple(a + b for a, b in zip(self.counts, other.counts, strict=True)))

    def to_json(self) -> dict:
        return {"agreement": _round(self.agreement), "kappa": _round(self.kappa), "items": self.n,
                "coded_by": list(self.counts)}


def _round(value: float | None, digits: int = DIGITS) -> float | None:
    return None if value is None else round(value, digits)


READINGS = ((0.4, "weak"), (0.6, "moderate"), (0.8, "substantial"))


def reading(kappa: float | None) -> str | None:
    """The usual reading of κ: weak (< 0.4), moderate (0.4–0.6), substantial (0.6–0.8), almost
    perfect (> 0.8); None when κ is undefined. Words: reader.core.messages.kappa_reading."""
    if kappa is None:
        return None
    for bound, word in READINGS:
        if kappa < bound:
            return word
    return "substantial" if kappa <= 0.8 else "almost perfect"


def merged(spans: Iterable[Span]) -> list[Span]:
    """The union of spans as sorted, disjoint spans (touching spans join)."""
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def length(spans: Sequence[Span]) -> int:
    """The characters covered by merged spans."""
    return sum(e - s for s, e in spans)


def overlap(a: Sequence[Span], b: Sequence[Span]) -> int:
    """The characters two lists of merged spans share (one pass over both)."""
    i = j = total = 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if hi > lo:
            total += hi - lo
        if a[i][1] <= b[j][1]:
            i += 1
        else:
            j += 1
    return total


def matches(span: Span, other: Span, min_overlap: int) -> bool:
    """Whether two segments overlap by at least `min_overlap` % of the longer of them."""
    shared = min(span[1], other[1]) - max(span[0], other[0])
    longest = max(span[1] - span[0], other[1] - other[0])
    return shared > 0 and shared * 100 >= min_overlap * longest


def matched_count(mine: Sequence[Span], theirs: Sequence[Span], min_overlap: int) -> int:
    """How many of `mine` have a match among `theirs`."""
    ordered = sorted(theirs)
    n = 0
    for span in mine:
        if any(matches(span, o, min_overlap) for o in ordered if o[0] < span[1] and o[1] > span[0]):
            n += 1
    return n


def character_table(a: Sequence[Span], b: Sequence[Span], unit_length: int) -> Table:
    """The characters table of one unit and theme: `a`, `b` each coder's merged spans."""
    la, lb, both = length(a), length(b), overlap(a, b)
    return Table(both, la - both, lb - both, unit_length - la - lb + both)


def coverage_counts(codings: Sequence[Sequence[Span]], unit_length: int) -> list[int]:
    """For m coders' merged spans over a unit: counts[k] = characters coded by exactly k of them."""
    events: list[tuple[int, int]] = []
    for spans in codings:
        for s, e in spans:
            events += [(s, 1), (e, -1)]
    events.sort()
    counts = [0] * (len(codings) + 1)
    depth, last = 0, 0
    for pos, step in events:
        counts[depth] += pos - last
        depth += step
        last = pos
    counts[0] += unit_length - last
    return counts


# == the codings of a project ======================================================================


@dataclass
class Codings:
    """The passages the measures read: spans[(coder, unit, theme)] (as stored, unmerged), the units'
    lengths and the themes (id -> path) in codebook order."""

    coders: tuple[str, ...]
    units: dict[int, int]  # unit id -> length of its text
    themes: dict[int, str]  # theme id -> path, in codebook order
    spans: dict[tuple[str, int, int], list[Span]] = field(default_factory=dict)
    passages: dict[tuple[str, int, int], list[int]] = field(default_factory=dict)  # the passage ids, alike

    def of(self, coder: str, unit: int, theme: int) -> list[Span]:
        return self.spans.get((coder, unit, theme), [])

    def used(self, coder: str, unit: int, theme: int) -> bool:
        return bool(self.spans.get((coder, unit, theme)))


def check_coders(project: Project, coders: Sequence[str]) -> tuple[str, ...]:
    """Two or more coders of the project, each once (NotFound for a coder without passages)."""
    chosen = tuple(dict.fromkeys(c or NO_CODER for c in coders))
    if len(chosen) < 2:
        raise InvalidInput("coders", " ".join(chosen))
    return check_known(project, chosen)


def load_codings(
    project: Project,
    coders: Sequence[str],
    theme_ids: Sequence[int] | None = None,
    unit_ids: Sequence[int] | None = None,
) -> Codings:
    """The chosen coders' passages (NotFound for an unknown coder, theme or unit). Units: `unit_ids`,
    else those every coder tagged; themes: `theme_ids`, else those any coder used in the units."""
    chosen = check_coders(project, coders)
    condition, names = coder_filter(chosen)
    rows = project.db.execute(
        'SELECT p.id, coalesce(p.coder, \'\'), p.unit_id, p.start, p."end", pt.theme_id FROM passages p '
        f"JOIN passage_themes pt ON pt.passage_id = p.id WHERE {condition} ORDER BY p.unit_id, p.start, p.id",
        names,
    ).fetchall()
    lengths = dict(project.db.execute('SELECT id, "end" - start FROM units'))
    if unit_ids is not None:
        for u in unit_ids:
            if u not in lengths:
                raise NotFound("unit", str(u))
        units = list(dict.fromkeys(unit_ids))
    else:
        tagged = {c: set() for c in chosen}
        for coder, unit in project.db.execute(
            f"SELECT DISTINCT coalesce(p.coder, ''), p.unit_id FROM passages p WHERE {condition}", names
        ):
            tagged[coder].add(unit)
        units = sorted(set.intersection(*tagged.values()))
    unit_set = set(units)
    order = [(t.id, t.path) for t in list_themes(project)]
    if theme_ids is not None:
        known = {tid for tid, _ in order}
        for t in theme_ids:
            if t not in known:
                raise NotFound("theme", str(t))
        wanted = set(theme_ids)
    else:
        wanted = {tid for _pid, _c, unit, _s, _e, tid in rows if unit in unit_set}
    out = Codings(chosen, {u: lengths[u] for u in units}, {tid: path for tid, path in order if tid in wanted})
    for pid, coder, unit, start, end, tid in rows:
        if unit in unit_set and tid in wanted:
            out.spans.setdefault((coder, unit, tid), []).append((start, end))
            out.passages.setdefault((coder, unit, tid), []).append(pid)
    return out


# == agreement ======================================================================================


@dataclass
class ThemeFigures:
    """One theme's figures for a pair of coders (theme_id None: over all themes)."""

    theme_id: int | None
    theme: str  # the path ('' over all themes)
    characters: Table
    reports: Table
    segments: Segments

    def to_json(self) -> dict:
        out = {"characters": self.characters.to_json(), "reports": self.reports.to_json(),
               "segments": self.segments.to_json()}
        return {"theme": self.theme, **out} if self.theme_id is not None else out


@dataclass
class PairAgreement:
    coders: tuple[str, str]
    themes: list[ThemeFigures]
    overall: ThemeFigures

    def to_json(self) -> dict:
        return {"coders": list(self.coders), "themes": [t.to_json() for t in self.themes],
                "overall": self.overall.to_json()}


@dataclass
class GroupFigures:
    """Fleiss' κ of all the chosen coders together for one theme (theme_id None: over all)."""

    theme_id: int | None
    theme: str
    characters: Fleiss
    reports: Fleiss

    def to_json(self) -> dict:
        out = {"characters": self.characters.to_json(), "reports": self.reports.to_json()}
        return {"theme": self.theme, **out} if self.theme_id is not None else out


@dataclass
class Agreement:
    coders: tuple[str, ...]
    units: list[int]
    min_overlap: int
    pairs: list[PairAgreement]
    group: list[GroupFigures] = field(default_factory=list)  # more than two coders: per theme
    group_overall: GroupFigures | None = None

    def to_json(self) -> dict:
        out: dict = {"coders": list(self.coders), "units": self.units, "min_overlap": self.min_overlap,
                     "pairs": [p.to_json() for p in self.pairs]}
        if self.group_overall is not None:
            out["all"] = {"measure": "fleiss_kappa", "themes": [g.to_json() for g in self.group],
                          "overall": self.group_overall.to_json()}
        return out


def check_min_overlap(value: int) -> int:
    if not 1 <= value <= 100:
        raise InvalidInput("min_overlap", str(value))
    return value


def pair_figures(codings: Codings, a: str, b: str, min_overlap: int = DEFAULT_MIN_OVERLAP) -> PairAgreement:
    """The three measures for coders `a` and `b`, per theme and over all."""
    figures = []
    for tid, path in codings.themes.items():
        chars, reports, segments = EMPTY, EMPTY, NO_SEGMENTS
        for unit, n in codings.units.items():
            sa, sb = codings.of(a, unit, tid), codings.of(b, unit, tid)
            chars = chars + character_table(merged(sa), merged(sb), n)
            reports = reports + Table(int(bool(sa) and bool(sb)), int(bool(sa) and not sb),
                                      int(bool(sb) and not sa), int(not sa and not sb))
            if sa or sb:
                segments = segments + Segments(matched_count(sa, sb, min_overlap), len(sa),
                                               matched_count(sb, sa, min_overlap), len(sb))
        figures.append(ThemeFigures(tid, path, chars, reports, segments))
    overall = ThemeFigures(
        None, "",
        sum((f.characters for f in figures), EMPTY),
        sum((f.reports for f in figures), EMPTY),
        sum((f.segments for f in figures), NO_SEGMENTS),
    )
    return PairAgreement((a, b), figures, overall)


def group_figures(codings: Codings) -> tuple[list[GroupFigures], GroupFigures]:
    """Fleiss' κ of all the coders of `codings`, per theme and over all."""
    m = len(codings.coders)
    out = []
    for tid, path in codings.themes.items():
        chars = [0] * (m + 1)
        reports = [0] * (m + 1)
        for unit, n in codings.units.items():
            spans = [merged(codings.of(c, unit, tid)) for c in codings.coders]
            for k, count in enumerate(coverage_counts(spans, n)):
                chars[k] += count
            reports[sum(1 for s in spans if s)] += 1
        out.append(GroupFigures(tid, path, Fleiss(m, tuple(chars)), Fleiss(m, tuple(reports))))
    zero = Fleiss(m, (0,) * (m + 1))
    overall = GroupFigures(None, "", sum((g.characters for g in out), zero), sum((g.reports for g in out), zero))
    return out, overall


def measure(codings: Codings, min_overlap: int = DEFAULT_MIN_OVERLAP) -> Agreement:
    """Every pair of the codings' coders, and all together when there are more than two."""
    check_min_overlap(min_overlap)
    pairs = [pair_figures(codings, a, b, min_overlap) for a, b in combinations(codings.coders, 2)]
    result = Agreement(codings.coders, list(codings.units), min_overlap, pairs)
    if len(codings.coders) > 2:
        result.group, result.group_overall = group_figures(codings)
    return result


def agreement(
    project: Project,
    coders: Sequence[str],
    *,
    theme_ids: Sequence[int] | None = None,
    unit_ids: Sequence[int] | None = None,
    min_overlap: int = DEFAULT_MIN_OVERLAP,
) -> Agreement:
    """The agreement of `coders` (two or more) on the project (see the module's docstring)."""
    check_min_overlap(min_overlap)
    return measure(load_codings(project, coders, theme_ids, unit_ids), min_overlap)
