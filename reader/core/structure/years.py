"""The year a report speaks of: from its title, the meeting it was given at, its source name, or the
years its text names."""

from __future__ import annotations

import re
from collections import Counter

_YEAR = re.compile(r"(?<!\d)((?:19[89]|20[0-4])\d)\s*年(?!代)")
# A year that starts a period ("从2021年起", "自2017年以来") is not the report's year ("2023年以来"
# without 从/自 is this year so far, and is).
_SINCE = re.compile(r"\s*(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?\s*(?:起|以来|至今|开始)")
_BARE_YEAR = re.compile(r"(?<!\d)((?:19[89]|20[0-4])\d)(?!\d)")
# "2012年政府工作总体要求", "2017年工作安排": the year the report plans for is its year.
_PLAN = re.compile(r"(?<!\d)((?:19[89]|20[0-4])\d)\s*年(?:政府)?(?:工作(?:安排|任务|总体要求|要求|目标)|的?主要(?:目标|任务))")


def _since(text: str, m: re.Match[str]) -> bool:
    return text[max(0, m.start() - 1) : m.start()] in ("从", "自") and bool(_SINCE.match(text, m.end()))


def unit_year(title: str | None, body: str, source_name: str | None = None, session: int | None = None) -> int | None:
    """`session`: the year of the meeting the report was given at (from its subtitle)."""
    if title:
        m = _YEAR.search(title) or _BARE_YEAR.search(title)
        if m:
            return int(m.group(1))
    if session:
        return session
    if source_name:
        m = _BARE_YEAR.search(source_name)
        if m:
            return int(m.group(1))
    m = _PLAN.search(body)
    if m:
        return int(m.group(1))
    head = body[:20000]
    counts = Counter(int(m.group(1)) for m in _YEAR.finditer(head) if not _since(head, m))
    if not counts:
        return None
    best = max(counts.values())
    return max(y for y, n in counts.items() if n == best)
