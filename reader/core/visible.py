"""Text as it may be shown to people: on a terminal, in an HTML, Markdown or CSV export.

Theme names, notes, file names and county names come from users and from other people's files. Raw,
some of their characters act instead of showing: a terminal runs escape sequences (ESC [2J clears
it, ESC ] sets its title), a carriage return or a newline in a file name forges lines of output, a
right-to-left override (U+202E) turns "exe.txt" into what reads as "txt.exe" in a spreadsheet or a
browser. Each such character is replaced by a visible one of the same length, so offsets into the
text still hold: control characters by their Unicode control pictures (ESC: ␛, newline: ␊), C1
controls, text-direction controls and lone surrogates (file names that are not UTF-8) by U+FFFD.

visible(text) keeps line breaks and tabs (notes, quotes: several lines); one_line(text) also shows
newlines and tabs as pictures (a name, a line of the command line's output). json_safe(dumped)
escapes the same characters in JSON text as \\uXXXX, which keeps the data exact.
"""

from __future__ import annotations

import re

_PICTURES = {c: chr(0x2400 + c) for c in range(0x20)} | {0x7F: "\u2421"}
_DIRECTION = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_REPLACED = f"\x80-\x9f{_DIRECTION}\ud800-\udfff"
_ANY = re.compile(f"[\x00-\x1f\x7f{_REPLACED}]")
_KEEP_LINES = re.compile(f"[\x00-\x08\x0b-\x1f\x7f{_REPLACED}]")
_IN_JSON = re.compile(f"[\x7f{_REPLACED}]")


def _shown(m: re.Match[str]) -> str:
    return _PICTURES.get(ord(m.group()), "\ufffd")


def visible(text: str) -> str:
    """`text` with every character that acts instead of showing replaced (line breaks and tabs kept)."""
    return _KEEP_LINES.sub(_shown, text)


def one_line(text: str) -> str:
    """`text` as one line: line breaks and tabs shown as pictures too."""
    return _ANY.sub(_shown, text)


def tabbed_line(text: str) -> str:
    """One line whose tabs separate columns (kept); everything else as one_line."""
    return "\t".join(one_line(part) for part in text.split("\t"))


def json_safe(dumped: str) -> str:
    """JSON text (json.dumps, ensure_ascii=False) with DEL, C1, text-direction characters and lone
    surrogates escaped as \\uXXXX (json escapes the other controls itself): the same data."""
    return _IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
