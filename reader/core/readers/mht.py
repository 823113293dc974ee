"""Single-file web pages (.mht, .mhtml), as Chrome, Edge, Internet Explorer, Word and WPS save them.

The file is a MIME message (the standard library's email package reads it): a multipart/related
whose root part (named by its `start` parameter, else the first text/html part) is the page, the
pictures and style sheets beside it. The page's bytes are taken out of their transfer encoding
(quoted-printable or base64) and handed to the HTML reader (reader.core.readers.html) with the
charset the part declares, which takes the place of the page's own <meta charset> (the HTML reader
checks either against the bytes, as pages lie about it; GBK, GB18030 and Big5 pages read as .html
ones do). So the article is chosen, page furniture left out, headings marked and limits kept as for
a .html file; a file without a web page inside is DamagedFile.

Limits, beside the size limit (reader.core.readers.LIMIT_MB): multipart parts nest at most
MAX_NESTING deep and a file holds at most MAX_PARTS parts, counted before the message is parsed
from its multipart headers and its lines that begin as a boundary's delimiter does (TooComplex: the
email package spent 95 MB and 1.7 s on 1.4 MB of empty parts); the page itself may be at most PAGE_LIMIT_MB once decoded, the
limit of a .html file (TooComplex); the HTML reader's own limits then hold.
"""

from __future__ import annotations

import dataclasses
import email
import email.message
import email.utils
import re

from reader.core.errors import DamagedFile, TooComplex
from reader.core.model import RawDocument
from reader.core.readers.html import looks_like_html, read_html

# Real pages have one multipart (two where a part is multipart/alternative) and some hundreds of parts.
MAX_NESTING = 16
MAX_PARTS = 20_000
PAGE_LIMIT_MB = 64  # as reader.core.readers.LIMIT_MB["html"]
_MULTIPART = re.compile(rb"^content-type[ \t]*:[ \t]*(?:\r?\n[ \t]+)?multipart/", re.I | re.M)
_TRANSFERS = {"", "7bit", "8bit", "binary", "quoted-printable", "base64", "x-uuencode", "uuencode", "x-uue", "uue"}
_DELIMITER = re.compile(rb"^--", re.M)  # a line that may open a part (a boundary's delimiter line)


def read_mht(data: bytes, path: str) -> RawDocument:
    if looks_like_html(data):  # a page saved as .mht without its MIME envelope
        return dataclasses.replace(read_html(data, path), format="mht")
    multiparts = len(_MULTIPART.findall(data))
    if multiparts > MAX_NESTING:
        raise TooComplex(path, "mht", "depth", MAX_NESTING)
    if sum(1 for _ in _DELIMITER.finditer(data)) > MAX_PARTS:
        raise TooComplex(path, "mht", "parts", MAX_PARTS)
    message = email.message_from_bytes(data)
    if not message.keys():
        raise DamagedFile(path, "mht", "no MIME headers")
    page = _root(message)
    if page is None:
        raise DamagedFile(path, "mht", "no web page inside")
    transfer = str(page.get("Content-Transfer-Encoding", "")).strip().lower()
    if transfer not in _TRANSFERS:  # the email package would hand over the encoded text as the page
        raise DamagedFile(path, "mht", f"unknown transfer encoding {transfer[:40]}")
    body = page.get_payload(decode=True)
    if not isinstance(body, bytes) or not body.strip():
        raise DamagedFile(path, "mht", "the web page is empty")
    if len(body) > PAGE_LIMIT_MB << 20:
        raise TooComplex(path, "mht", "content", PAGE_LIMIT_MB)
    raw = read_html(body, path, charset=page.get_content_charset())
    return dataclasses.replace(raw, format="mht")


def _parts(message: email.message.Message) -> list[email.message.Message]:
    """Every part that is not a multipart, in order (without recursion)."""
    out: list[email.message.Message] = []
    stack = [message]
    while stack:
        part = stack.pop()
        payload = part.get_payload()
        if part.is_multipart() and isinstance(payload, list):
            stack.extend(reversed(payload))
        else:
            out.append(part)
    return out


def _content_id(part: email.message.Message) -> str:
    return (part.get("Content-ID") or "").strip().strip("<>").strip()


def _root(message: email.message.Message) -> email.message.Message | None:
    """The page: the part the multipart/related names as its start, else the first text/html part."""
    parts = _parts(message)
    start = (message.get_param("start") or "") if message.is_multipart() else ""
    if isinstance(start, tuple):  # an RFC 2231 parameter
        start = email.utils.collapse_rfc2231_value(start)
    start = str(start).strip().strip("<>").strip()
    if start:
        for part in parts:
            if _content_id(part) == start and part.get_content_maintype() == "text":
                return part
    return next((p for p in parts if p.get_content_type() in ("text/html", "application/xhtml+xml")), None)
