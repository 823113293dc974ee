"""Alignment of sections across reports: AlignUnits (reports with their section trees, texts and
the themes tagged in them) in, an AlignResult out: rows of sections about the same work. The engine
knows no project: reader.core.compare runs it on one and stores its rows.

    from reader.core.align import align, to_json, AlignUnit, AlignSection
"""

from reader.core.align.engine import align
from reader.core.align.model import (
    OTHER_KEY,
    OTHER_LABEL,
    AlignMember,
    AlignResult,
    AlignRow,
    AlignSection,
    AlignTheme,
    AlignUnit,
    Correction,
    to_json,
)
from reader.core.align.terms import tokenizer

__all__ = [
    "OTHER_KEY", "OTHER_LABEL", "AlignMember", "AlignResult", "AlignRow", "AlignSection", "AlignTheme",
    "AlignUnit", "Correction", "align", "to_json", "tokenizer",
]
