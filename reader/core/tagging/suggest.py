"""Suggested passages: sentences that name a theme's keywords. Offered, never applied."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.core.structure.sentences import sentence_spans


@dataclass(frozen=True)
class ThemeKeywords:
    theme_id: int
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Suggestion:
    start: int
    end: int
    theme_id: int
    keywords: tuple[str, ...]  # the keywords found in the sentence, strongest (longest) first


def suggest(
    text: str,
    themes: Iterable[ThemeKeywords],
    *,
    start: int = 0,
    end: int | None = None,
    taken: Sequence[tuple[int, int, int]] = (),
) -> list[Suggestion]:
    """Sentences in text[start:end] that contain keywords of a theme, one suggestion per sentence
    and theme; sentences already tagged with that theme (`taken`: (start, end, theme_id)) are left out."""
    themes = [t for t in themes if t.keywords]
    covered = {(s, e, t) for s, e, t in taken}
    out: list[Suggestion] = []
    for s, e in sentence_spans(text, start, end):
        sentence = text[s:e]
        for theme in themes:
            found = tuple(sorted({k for k in theme.keywords if k and k in sentence}, key=lambda k: (-len(k), k)))
            if not found or _already(covered, s, e, theme.theme_id):
                continue
            out.append(Suggestion(s, e, theme.theme_id, found))
    return out


def _already(covered: set[tuple[int, int, int]], s: int, e: int, theme_id: int) -> bool:
    return any(t == theme_id and a < e and s < b for a, b, t in covered)
