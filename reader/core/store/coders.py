"""Coders: every passage records who tagged it (passages.coder). The current coder is set once on
a machine (编辑 ▸ 标注人, `reader coders --set NAME`; kept in the config folder's state.json, so a
research assistant's copy of the project gets her name, not the lead's) and defaults to the user
name. Passages stored without a coder (older projects, REFI-QDA files without users) belong to the
coder named NO_CODER ("").

Filters: `coder_filter(coders)` is the SQL condition on passages (alias p) that keeps the passages
of the given coders; None keeps every passage.
"""

from __future__ import annotations

import getpass
from collections.abc import Collection
from dataclasses import dataclass

from reader.core import paths
from reader.core.errors import InvalidInput, NotFound
from reader.core.store.project import Project

NO_CODER = ""  # the key of passages stored without a coder
MAX_NAME = 64


@dataclass(frozen=True)
class Coder:
    """A coder of the project and how much they tagged."""

    name: str  # NO_CODER for passages without a coder
    passages: int
    units: int  # reports with at least one of their passages

    def to_json(self) -> dict:
        return {"coder": self.name, "passages": self.passages, "reports": self.units}


def default_coder() -> str | None:
    """Who tags here: the coder name set on this machine (编辑 ▸ 标注人, kept in state.json), else
    the user name."""
    named = paths.remembered_coder()
    if named:
        return named
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        return None


def current_coder() -> str:
    """The name passages tagged here are stored under (NO_CODER when there is none at all)."""
    return default_coder() or NO_CODER


def check_name(name: str | None) -> str:
    """A coder name as stored: trimmed, one line, not empty, at most MAX_NAME characters."""
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise InvalidInput("coder", name or "")
    if len(cleaned) > MAX_NAME:
        raise InvalidInput("coder", cleaned)
    return cleaned


def set_current_coder(name: str) -> str:
    """Make `name` this machine's coder (for the window and the command line); returns it as stored."""
    cleaned = check_name(name)
    paths.remember_coder(cleaned)
    return cleaned


def list_coders(project: Project) -> list[Coder]:
    """The project's coders, most passages first (then by name)."""
    rows = project.db.execute(
        "SELECT coalesce(coder, '') AS c, count(*), count(DISTINCT unit_id) FROM passages GROUP BY c"
    ).fetchall()
    return sorted((Coder(name, n, units) for name, n, units in rows), key=lambda c: (-c.passages, c.name))


def check_known(project: Project, coders: Collection[str | None]) -> tuple[str, ...]:
    """`coders` as stored (None: NO_CODER), NotFound for one without passages in the project."""
    known = {r[0] for r in project.db.execute("SELECT DISTINCT coalesce(coder, '') FROM passages")}
    out = tuple(dict.fromkeys(c or NO_CODER for c in coders))
    for c in out:
        if c not in known:
            raise NotFound("coder", c or coder_label(c, "en"))
    return out


def coder_filter(coders: Collection[str | None] | None, alias: str = "p") -> tuple[str, list[str]]:
    """The condition keeping the passages of `coders` (None in them: NO_CODER) and its parameters:
    ("", []) for None (no filter); a condition nothing meets for an empty collection."""
    if coders is None:
        return "", []
    names = sorted({c or NO_CODER for c in coders})
    if not names:
        return "0", []
    return f"coalesce({alias}.coder, '') IN ({','.join('?' * len(names))})", names


def coder_label(name: str | None, lang: str = "zh") -> str:
    """A coder as lists show it: passages without a coder as （未署名） / (no coder)."""
    if name:
        return name
    return "（未署名）" if lang == "zh" else "(no coder)"
