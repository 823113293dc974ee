"""The cleaning pipeline. STUB: identity; the real steps land next."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.model import HeadingHint, RawDocument
from reader.core.offsets import OffsetMap


@dataclass
class Cleaned:
    text: str
    offsets: OffsetMap
    steps: list[str] = field(default_factory=list)
    damaged: list[tuple[int, int]] = field(default_factory=list)
    hints: list[HeadingHint] = field(default_factory=list)


def clean(raw: RawDocument) -> Cleaned:
    return Cleaned(raw.text, OffsetMap.identity(len(raw.text)), [], [], list(raw.hints))
