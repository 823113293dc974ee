"""Compilations for quick sharing: Markdown and a standalone HTML page, grouped like the Word
compilation (theme, then county; each excerpt quoted with its citation).

Everything taken from reports or typed by users is escaped: a quote holding * or # shows as
written in Markdown, and <, & in HTML; a control or text-direction character is shown as a visible
one (reader.core.visible).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import BinaryIO

import reader
from reader.core.export.compilation import citation
from reader.core.export.result import ExportResult
from reader.core.export.selection import NO_THEME, Selection
from reader.core.export.writing import EXCERPTS, Job, write_passages
from reader.core.messages import no_theme, unknown_county
from reader.core.progress import Progress
from reader.core.store.project import Project
from reader.core.visible import visible

# CommonMark: any ASCII punctuation may be backslash-escaped; these are the ones that can start or
# end markup somewhere in a line.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~=&])")


def md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", visible(text))


def _md_block(text: str, prefix: str) -> list[str]:
    """Lines of a block (a quote '> '), blank lines kept inside it."""
    return [(prefix + md_escape(line)).rstrip() for line in text.split("\n")]


def _labels(lang: str) -> dict[str, str]:
    zh = lang == "zh"
    return {
        "title": "人大工作报告标注摘编" if zh else "Tagged excerpts",
        "no_theme": no_theme(lang),
        "no_county": unknown_county(lang),
        "note": "备注：" if zh else "Note: ",
        "count": "共 {n} 段标注" if zh else "{n} passage(s)",
    }


def _county_heading(county, labels) -> str:
    place = "".join(x for x in (county.province, county.prefecture) if x and x != county.county)
    head = county.county or labels["no_county"]
    return f"{head}（{place}）" if place else head


def write_markdown(
    project: Project,
    out: str | Path,
    selection: Selection | None = None,
    *,
    force: bool = False,
    lang: str = "zh",
    progress: Progress | None = None,
    cancel: object | None = None,
) -> ExportResult:
    labels = _labels(lang)

    def write(job: Job, f: BinaryIO) -> None:
        said = job.selection.describe(lang, job.resolved.county_names(lang))
        lines = [f"# {md_escape(labels['title'])}", "", md_escape(f"{said}；{labels['count'].format(n=len(job.records))}"), ""]
        for group in job.groups:
            lines += [f"## {md_escape(group.theme if group.theme != NO_THEME else labels['no_theme'])}", ""]
            for county in group.counties:
                lines += [f"### {md_escape(_county_heading(county, labels))}", ""]
                for r in county.records:
                    lines += _md_block(r.quote, "> ")
                    lines.append("")
                    if r.note:
                        lines += [md_escape(labels["note"] + r.note).replace("\n", "  \n"), ""]
                    lines += [md_escape(citation(r, lang)), ""]
                    job.step()
        f.write("\n".join(lines).encode("utf-8"))

    return write_passages(project, out, selection, write, fmt="md", rows=EXCERPTS, label="Markdown", every=200,
                          force=force, progress=progress, cancel=cancel)


_CSS = """body{font-family:"Noto Serif CJK SC","Source Han Serif SC","Songti SC",SimSun,serif;max-width:52em;
margin:2em auto;padding:0 1em;line-height:1.7;color:#222}
h1,h2,h3{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",SimHei,sans-serif}
blockquote{margin:1em 0 .2em;padding:.2em 1em;border-left:4px solid #9ab;background:#f6f8fa;white-space:pre-wrap}
p.cite{margin:0 0 1.2em;text-align:right;color:#666;font-size:.9em}p.note{color:#444}"""


def write_html(
    project: Project,
    out: str | Path,
    selection: Selection | None = None,
    *,
    force: bool = False,
    lang: str = "zh",
    progress: Progress | None = None,
    cancel: object | None = None,
) -> ExportResult:
    labels = _labels(lang)

    def esc(text: str) -> str:
        return html.escape(visible(text))

    def write(job: Job, f: BinaryIO) -> None:
        said = job.selection.describe(lang, job.resolved.county_names(lang))
        parts = [
            "<!DOCTYPE html>",
            f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
            '<head><meta charset="utf-8">',
            f"<title>{esc(labels['title'])}</title>",
            f'<meta name="generator" content="Renda Reader {esc(reader.__version__)}">',
            f"<style>{_CSS}</style></head>",
            "<body>",
            f"<h1>{esc(labels['title'])}</h1>",
            f"<p>{esc(said)}；{esc(labels['count'].format(n=len(job.records)))}</p>",
        ]
        for group in job.groups:
            parts.append(f"<h2>{esc(group.theme if group.theme != NO_THEME else labels['no_theme'])}</h2>")
            for county in group.counties:
                parts.append(f"<h3>{esc(_county_heading(county, labels))}</h3>")
                for r in county.records:
                    parts.append(f"<blockquote>{esc(r.quote)}</blockquote>")
                    if r.note:
                        parts.append(f'<p class="note">{esc(labels["note"] + r.note)}</p>')
                    parts.append(f'<p class="cite">{esc(citation(r, lang))}</p>')
                    job.step()
        parts += ["</body>", "</html>", ""]
        f.write("\n".join(parts).encode("utf-8"))

    return write_passages(project, out, selection, write, fmt="html", rows=EXCERPTS, label="HTML", every=200,
                          force=force, progress=progress, cancel=cancel)
