"""What a change did, as the window's panels need to know it (after Anki's OpChanges): the main
window refreshes only what a Changes says."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Changes:
    passages: bool = False  # passages added, removed or edited
    themes: bool = False  # the codebook (names, colours, shortcuts, tree)
    outline: bool = False  # reports added, removed or moved to another place
    labels: bool = False  # a report's title or year
    units: set[int] = field(default_factory=set)  # the reports concerned
    alignment: bool = False  # the stored comparison rows (a correction, its undo or a re-align)
    rows: set[str] = field(default_factory=set)  # keys of the comparison rows concerned

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.passages or other.passages,
            self.themes or other.themes,
            self.outline or other.outline,
            self.labels or other.labels,
            self.units | other.units,
            self.alignment or other.alignment,
            self.rows | other.rows,
        )
