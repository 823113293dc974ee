"""The agreement table and the disagreement list as a researcher reports them: XLSX (a sheet of
each) or CSV (UTF-8 with BOM, so Excel shows Chinese: the table in the file named, the
disagreements beside it in <name>-分歧.csv, or <name>-disagreements.csv in English).

The table has a row per pair of coders and theme, a row over all themes for each pair, and with
more than two coders the rows of Fleiss' κ for all of them together. Agreement is in per cent,
κ with three decimals and its usual reading; an undefined κ is an empty cell with the reading
"无法计算" (undefined).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import InvalidInput
from reader.core.export.result import sheet_cell
from reader.core.export.safe import atomic_file, check_target
from reader.core.messages import kappa_reading
from reader.core.store.coders import coder_label
from reader.core.store.documents import get_unit, unit_text
from reader.core.store.project import Project
from reader.core.team.agreement import Agreement, Fleiss, Table, reading
from reader.core.team.disagreements import Review

FORMATS = ("xlsx", "csv")
KINDS = {"only_a": ("只有甲标注", "only A coded it"), "only_b": ("只有乙标注", "only B coded it"),
         "boundaries": ("范围不同", "different extent")}
CHOICE_WORDS = {"a": ("采纳甲", "A accepted"), "b": ("采纳乙", "B accepted"), "both": ("两者都采纳", "both accepted"),
                "neither": ("都不采纳", "neither accepted")}


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def agreement_header(lang: str = "zh") -> list[str]:
    t = lambda zh, en: _t(lang, zh, en)  # noqa: E731 - a local shorthand
    return [t("标注人 A", "coder A"), t("标注人 B", "coder B"), t("主题", "theme"),
            t("字符一致率 %", "characters: agreement %"), t("字符 κ", "characters: κ"), t("字符 κ 解读", "characters: reading"),
            t("两人都标（字）", "both (characters)"), t("仅 A（字）", "only A (characters)"),
            t("仅 B（字）", "only B (characters)"), t("都未标（字）", "neither (characters)"),
            t("报告一致率 %", "reports: agreement %"), t("报告 κ", "reports: κ"), t("报告 κ 解读", "reports: reading"),
            t("A 的段落被匹配", "A's segments matched"), t("A 的段落", "A's segments"),
            t("B 的段落被匹配", "B's segments matched"), t("B 的段落", "B's segments"),
            t("段落一致率 %", "segments: agreement %")]


def _pct(value: float | None) -> float | str:
    return "" if value is None else round(100 * value, 1)


def _kappa(value: float | None) -> float | str:
    return "" if value is None else round(value, 3)


def _table_cells(t: Table | Fleiss, lang: str) -> list:
    return [_pct(t.agreement), _kappa(t.kappa), kappa_reading(reading(t.kappa), lang)]


def agreement_rows(result: Agreement, lang: str = "zh") -> list[list]:
    all_themes = _t(lang, "（全部主题）", "(all themes)")
    rows = []
    for pair in result.pairs:
        a, b = (coder_label(c, lang) for c in pair.coders)
        for f in [*pair.themes, pair.overall]:
            c, r, s = f.characters, f.reports, f.segments
            rows.append([a, b, f.theme or all_themes, *_table_cells(c, lang), c.both, c.only_a, c.only_b, c.neither,
                         *_table_cells(r, lang), s.matched_a, s.total_a, s.matched_b, s.total_b,
                         "" if s.percent is None else round(s.percent, 1)])
    if result.group_overall is not None:
        everyone = _t(lang, "（全体，Fleiss κ）", "(all, Fleiss' κ)")
        for g in [*result.group, result.group_overall]:
            counts = g.characters.counts
            rows.append([everyone, "、".join(coder_label(c, lang) for c in result.coders), g.theme or all_themes,
                         *_table_cells(g.characters, lang), counts[-1], "", "", counts[0],
                         *_table_cells(g.reports, lang), "", "", "", "", ""])
    return rows


def disagreement_header(lang: str = "zh") -> list[str]:
    t = lambda zh, en: _t(lang, zh, en)  # noqa: E731
    return [t("报告", "report"), t("县区", "county"), t("年份", "year"), t("主题", "theme"), t("起", "start"),
            t("止", "end"), t("类型", "kind"), t("标注人 A", "coder A"), t("A 的标注", "A's passages"),
            t("标注人 B", "coder B"), t("B 的标注", "B's passages"), t("定稿", "settled")]


def disagreement_rows(project: Project, reviews: list[Review], lang: str = "zh") -> list[list]:
    rows = []
    texts: dict[int, str] = {}
    for rv in reviews:
        a, b = (coder_label(c, lang) for c in rv.coders)
        for c in rv.disagreements:
            text = texts.setdefault(c.unit_id, unit_text(project, c.unit_id))
            unit = get_unit(project, c.unit_id)
            kind = KINDS[c.kind][0 if lang == "zh" else 1]
            choice = rv.decision(c)
            rows.append([unit.title or unit.source, unit.county or "", unit.year or "", c.theme, c.start, c.end, kind,
                         a, " ｜ ".join(text[s:e] for s, e in c.a), b, " ｜ ".join(text[s:e] for s, e in c.b),
                         CHOICE_WORDS[choice][0 if lang == "zh" else 1] if choice in CHOICE_WORDS else ""])
    return rows


@dataclass
class TablesWritten:
    paths: list[Path]
    rows: int  # of the agreement table
    disagreements: int


def disagreements_path(out: Path, lang: str = "zh") -> Path:
    """Where the CSV of disagreements goes, beside the table's."""
    return out.with_name(out.stem + _t(lang, "-分歧", "-disagreements") + out.suffix)


def write_tables(
    project: Project,
    result: Agreement,
    reviews: list[Review],
    out: str | Path,
    *,
    fmt: str | None = None,
    force: bool = False,
    lang: str = "zh",
) -> TablesWritten:
    """Write the agreement table and the disagreements of `reviews` as XLSX or CSV (by `fmt`,
    else by the suffix). Each file is written whole or not at all; FileExists without `force`."""
    out = Path(out)
    fmt = (fmt or out.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise InvalidInput("format", fmt or out.name)
    table = agreement_rows(result, lang)
    listed = disagreement_rows(project, reviews, lang)
    if fmt == "csv":
        second = disagreements_path(out, lang)
        check_target(out, force)
        check_target(second, force)
        _csv(out, agreement_header(lang), table, force)
        _csv(second, disagreement_header(lang), listed, force)
        return TablesWritten([out, second], len(table), len(listed))
    _xlsx(out, lang, table, listed, force)
    return TablesWritten([out], len(table), len(listed))


def _csv(path: Path, header: list[str], rows: list[list], force: bool) -> None:
    with atomic_file(path, force=force) as f:
        text = io.TextIOWrapper(f, encoding="utf-8-sig", newline="")
        w = csv.writer(text)
        w.writerow(header)
        w.writerows(rows)
        text.flush()
        text.detach()


def _xlsx(path: Path, lang: str, table: list[list], listed: list[list], force: bool) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    for title, header, rows, widths in (
        (_t(lang, "一致性", "Agreement"), agreement_header(lang), table, {3: 24}),
        (_t(lang, "分歧", "Disagreements"), disagreement_header(lang), listed, {1: 28, 4: 24, 9: 50, 11: 50}),
    ):
        ws = wb.create_sheet(title)
        for i in range(1, len(header) + 1):
            ws.column_dimensions[get_column_letter(i)].width = widths.get(i, 12)
        ws.freeze_panes = "A2"
        ws.append([sheet_cell(ws, h, font=bold) for h in header])
        for row in rows:
            ws.append([sheet_cell(ws, v) for v in row])
    with atomic_file(path, force=force) as f:
        wb.save(f)
