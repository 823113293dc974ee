"""Units and sections. STUB: one unit, no sections; the real rules land next."""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.model import HeadingHint, UnitSpan


def find_units(text: str, hints: Sequence[HeadingHint] = (), source_name: str | None = None) -> list[UnitSpan]:
    return [UnitSpan(0, len(text))]
