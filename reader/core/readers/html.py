"""Saved web pages (.html, .htm): the visible article text only.

The page is decoded by its byte-order mark, then its <meta charset> (checked like any other
guess, since pages lie about it), then reader.core.readers.decode. It is parsed with the standard
library's html.parser into a small tree (implied end tags of p, li, td... closed the way browsers
do), and the text is taken from:

- a WeChat article's body (div#js_content / .rich_media_content), or else
- the largest <article>, or else <main> / role="main", or else the whole <body>,

plus the page's first <h1> when it stands outside that part (the article title usually does).
Left out: script, style, noscript, templates, forms, embedded frames and media, navigation,
headers and footers outside the article, asides, hidden elements, blocks named as page chrome by
their class or id (share, comment, counter, breadcrumb, pager...) and blocks that are mostly links
(menus, lists of other articles). Block elements become line breaks; h1-h6 become heading hints;
<title> (or og:title) is the document title. Entities are unescaped; runs of white space become
one space, and white space between Chinese characters goes.

Limits (so that memory and time stay linear in the page, whatever it holds): elements nest at most
MAX_DEPTH deep (deeper ones are added flat); a page of more than MAX_ELEMENTS elements and pieces
of text is refused (TooComplex: 24 MB of unclosed <b> tags made a tree of 2.8 GB); and a '<' that
opens something the parser would look for the end of in vain (a <![CDATA[, a comment or a tag
that is never closed) is read as the character it is before parsing (defuse): html.parser looks
for that end again from every such '<', which made 2.2 MB of unterminated <![CDATA[ take 102 s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import parser as html_parser
from html.parser import HTMLParser

from reader.core.chars import CJK
from reader.core.errors import TooComplex
from reader.core.model import RawDocument, hinted_text
from reader.core.readers.decode import decode

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
        "wbr", "basefont", "bgsound", "frame", "keygen"}
BLOCK = {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
         "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
         "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre",
         "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"}
# Never text of the article.
JUNK = {"script", "style", "noscript", "template", "head", "title", "form", "button", "select", "option",
        "textarea", "input", "label", "iframe", "frame", "frameset", "object", "embed", "canvas", "svg", "math",
        "audio", "video", "map", "nav", "aside", "dialog", "menu"}
# Page chrome by class or id (whole words of it: "share-box", "comment_list", "rich_media_tool").
CHROME_WORDS = {
    "share", "sharing", "social", "comment", "comments", "counter", "count", "views", "viewcount", "hits",
    "like", "likes", "toolbar", "tool", "tools", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "footer",
    "header", "nav", "navbar", "navigation", "menu", "sidebar", "related", "recommend", "ad", "ads",
    "advert", "advertisement", "banner", "copyright", "login", "qrcode", "qr", "reward", "print", "pager",
    "pagination", "subscribe", "popup", "modal", "cookie", "search", "skip",
}
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
# A block whose text is at least this share link text, with this many links, is navigation.
LINK_SHARE, LINK_MIN = 0.6, 3
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{2,40})""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:\-]{2,40})""", re.I)
_SPACES = re.compile(r"[ \t\n\r\f\u00a0]+")
_SPACE_IN_CHINESE = re.compile(rf"(?<=[{CJK}]) (?=[{CJK}])")
_LINE_EDGES = re.compile(r"^[ \u3000]+|[ \u3000]+$")


@dataclass(eq=False, slots=True)
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)
    parent: Node | None = None
    # (characters but white space, <a> below, characters inside those <a>, an <h1> below): worked
    # out once for the whole subtree by _stats, so that judging every block stays linear
    stats: tuple[int, int, int, bool] | None = field(default=None, repr=False)

    def iter(self):
        """This node and every node below it, in document order (without recursion: a page of
        100,000 nested tags costs each visit once, not once per level)."""
        stack: list[Node] = [self]
        while stack:
            n = stack.pop()
            yield n
            stack.extend(reversed([c for c in n.children if isinstance(c, Node)]))

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def classes(self) -> set[str]:
        words = f"{self.attrs.get('class', '')} {self.attrs.get('id', '')}".lower()
        return {w for w in re.split(r"[\s_\-]+", words) if w}


# -- parsing -------------------------------------------------------------------------------------

# Opening one of these closes an open <p> (as browsers do).
_CLOSES_P = BLOCK - {"body", "html", "td", "th", "tr", "tbody", "thead", "tfoot", "caption", "li", "dd", "dt"}
# tag -> (tags it closes when open, tags that bound the search)
_IMPLIED = {
    "li": ({"li"}, {"ul", "ol", "menu", "table"}),
    "dt": ({"dt", "dd"}, {"dl", "table"}),
    "dd": ({"dt", "dd"}, {"dl", "table"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "tr": ({"tr", "td", "th"}, {"table", "tbody", "thead", "tfoot"}),
    "tbody": ({"tbody", "thead", "tfoot", "tr", "td", "th"}, {"table"}),
    "thead": ({"tbody", "thead", "tfoot", "tr", "td", "th"}, {"table"}),
    "tfoot": ({"tbody", "thead", "tfoot", "tr", "td", "th"}, {"table"}),
    "option": ({"option"}, {"select"}),
}


# Deeper than this, elements are added flat (never opened): broken pages that never close their
# <font> or <span> tags nest without end, and the tree must stay walkable.
MAX_DEPTH = 200
# Elements and pieces of text a page may hold (a long report's page holds some thousands; about 100
# bytes each in the tree).
MAX_ELEMENTS = 200_000


class _TooManyElementsError(Exception):
    pass


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.stack = [self.root]
        self.count = 0

    def _counted(self) -> None:
        self.count += 1
        if self.count > MAX_ELEMENTS:
            raise _TooManyElementsError

    def _open(self, tag: str) -> int | None:
        """Index in the stack of the innermost open `tag`, or None."""
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                return i
        return None

    def _close_implied(self, tag: str) -> None:
        if tag in _CLOSES_P:
            i = self._open("p")
            if i is not None and not any(n.tag in {"td", "th", "button", "table"} for n in self.stack[i + 1:]):
                del self.stack[i:]
        if tag in _IMPLIED:
            closes, bounds = _IMPLIED[tag]
            for i in range(len(self.stack) - 1, 0, -1):
                t = self.stack[i].tag
                if t in bounds:
                    break
                if t in closes:
                    del self.stack[i:]
                    break

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._counted()
        self._close_implied(tag)
        node = Node(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID and len(self.stack) < MAX_DEPTH:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._counted()
        self._close_implied(tag)
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":  # </br> is read as <br> by browsers
            self._counted()
            self.stack[-1].children.append(Node("br", parent=self.stack[-1]))
            return
        i = self._open(tag)
        if i is not None:
            del self.stack[i:]

    def handle_data(self, data: str) -> None:
        self._counted()
        self.stack[-1].children.append(data)


def parse(html_text: str, path: str = "") -> Node:
    """The page as a tree (TooComplex past MAX_ELEMENTS)."""
    builder = _TreeBuilder()
    try:
        builder.feed(defuse(html_text))
        builder.close()
    except _TooManyElementsError:
        raise TooComplex(path, "html", "elements", MAX_ELEMENTS) from None
    return builder.root


# What ends the constructs html.parser looks for the end of (its own patterns where it has them).
_COMMENT_END = getattr(html_parser, "commentclose", re.compile(r"--\s*>"))
_SECTION_END = re.compile(r"]\s*]\s*>")  # <![CDATA[ … ]]> and the other SGML marked sections
_MS_SECTION_END = re.compile(r"]\s*>")  # <![if …]>, <![endif]> (Microsoft Office's conditionals)
_SECTION_NAME = re.compile(r"<!\[\s*([a-zA-Z][-_.a-zA-Z0-9]*)")
_SECTION_NAMES = {"temp", "cdata", "ignore", "include", "rcdata"}
_MS_SECTION_NAMES = {"if", "else", "endif"}


class _NextMatch:
    """Where a pattern next matches at or after a position, for positions that only grow: each
    search starts where it is needed and its answer serves every position up to the match, so all
    the questions together cost one pass over the text."""

    def __init__(self, text: str, pattern: re.Pattern[str]):
        self.text, self.pattern = text, pattern
        self.found: int | None = -1  # -1: not searched yet; None: no match at or after `since`

    def after(self, i: int) -> bool:
        if self.found is None:
            return False
        if self.found < i:
            m = self.pattern.search(self.text, i)
            self.found = m.start() if m else None
        return self.found is not None


_OPENERS = re.compile(r"<!--|<!\[")


def defuse(text: str) -> str:
    """`text` with every '<' that opens a construct html.parser would look for the end of in vain
    written as &lt; (read back as '<', as the parser shows an unfinished construct): every '<'
    after the last '>', a comment without its end, a marked section without its end or of a kind
    the parser cannot name. The parser searched again from each of them to the end of the text
    (quadratic; and a nameless <![ made it fail). Linear; a page without such a '<' is returned as
    it was."""
    last_gt = text.rfind(">")
    comment, section, ms_section = (_NextMatch(text, p) for p in (_COMMENT_END, _SECTION_END, _MS_SECTION_END))
    cut: list[int] = []
    for m in _OPENERS.finditer(text, 0, max(last_gt, 0)):
        i = m.start()
        if m.group() == "<!--":
            done = comment.after(i + 4)
        else:
            found = _SECTION_NAME.match(text, i)
            name = found.group(1).lower() if found else ""
            if name in _SECTION_NAMES:
                done = section.after(i + 3)
            elif name in _MS_SECTION_NAMES:
                done = ms_section.after(i + 3)
            else:
                done = False
        if not done:
            cut.append(i)
    tail = text[last_gt + 1 :]
    if not cut and "<" not in tail:
        return text
    parts, last = [], 0
    for i in cut:
        parts += [text[last:i], "&lt;"]
        last = i + 1
    parts += [text[last : last_gt + 1], tail.replace("<", "&lt;")]
    return "".join(parts)


# -- choosing and pruning ------------------------------------------------------------------------


def _first(root: Node, test) -> Node | None:
    return next((n for n in root.iter() if test(n)), None)


def _is_wechat_body(n: Node) -> bool:
    return n.attrs.get("id") == "js_content" or "rich_media_content" in n.attrs.get("class", "").split()


def content_root(root: Node) -> Node:
    wechat = _first(root, _is_wechat_body)
    if wechat is not None:
        return wechat
    articles = [n for n in root.iter() if n.tag == "article"]
    if articles:
        return max(articles, key=lambda n: len(n.text()))
    main = _first(root, lambda n: n.tag == "main" or n.attrs.get("role") == "main")
    if main is not None:
        return main
    return _first(root, lambda n: n.tag == "body") or root


def _stats(n: Node) -> tuple[int, int, int, bool]:
    """Node.stats of `n`, computing it (and its descendants') bottom-up on first use."""
    stack: list[tuple[Node, bool]] = [(n, False)]
    while stack:
        node, ready = stack.pop()
        if node.stats is not None:
            continue
        if not ready:
            stack.append((node, True))
            stack.extend((c, False) for c in node.children if isinstance(c, Node) and c.stats is None)
            continue
        chars = links = linked = 0
        h1 = False
        for c in node.children:
            if isinstance(c, str):
                chars += len(_SPACES.sub("", c))
                continue
            c_chars, c_links, c_linked, c_h1 = c.stats  # type: ignore[misc]
            is_link = c.tag == "a"
            chars += c_chars
            links += c_links + is_link
            linked += c_linked + (c_chars if is_link else 0)
            h1 = h1 or c_h1 or c.tag == "h1"
        node.stats = (chars, links, linked, h1)
    return n.stats  # type: ignore[return-value]


def _has_title(n: Node) -> bool:
    return n.tag == "h1" or _stats(n)[3]


def _hidden(n: Node) -> bool:
    return "hidden" in n.attrs or bool(_HIDDEN_STYLE.search(n.attrs.get("style", "")))


def _link_dense(n: Node) -> bool:
    if n.tag not in {"div", "ul", "ol", "dl", "table", "tbody", "section", "td", "p", "span", "nav"}:
        return False
    total, links, linked, _h1 = _stats(n)
    if links < LINK_MIN:
        return False
    return total > 0 and linked >= LINK_SHARE * total


def _dropped(n: Node) -> bool:
    """Whether element `n` and all it holds are left out of the text."""
    if n.tag in JUNK:
        return True
    if _hidden(n):
        return True
    if n.tag in ("header", "footer") or n.classes() & CHROME_WORDS:
        return not _has_title(n)
    return _link_dense(n)


# -- text ----------------------------------------------------------------------------------------


@dataclass
class _Lines:
    """Lines of text as the walk finds them; '\x00' marks a <br> inside a line."""

    lines: list[tuple[str, int | None]] = field(default_factory=list)
    buffer: list[str] = field(default_factory=list)
    level: int | None = None

    def flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer.clear()
        if text.strip():
            self.lines.append((text, self.level))

    def split(self) -> list[tuple[str, int | None]]:
        """Each <br> a line of its own; a heading's level on its first non-empty line."""
        out: list[tuple[str, int | None]] = []
        for text, level in self.lines:
            for part in text.split("\x00"):
                part = _tidy(part)
                if part:
                    out.append((part, level))
                    level = None
        return out


def _tidy(line: str) -> str:
    line = _SPACES.sub(" ", line)
    line = _SPACE_IN_CHINESE.sub("", line)
    return _LINE_EDGES.sub("", line)


def _walk(n: Node, out: _Lines, pre: bool = False) -> None:
    for c in n.children:
        if isinstance(c, str):
            c = c.replace("\x00", "")
            out.buffer.append(c.replace("\n", "\x00") if pre else c)
            continue
        if _dropped(c):
            continue
        tag = c.tag
        if tag == "br":
            out.buffer.append("\x00")
        elif tag in _HEADINGS:
            out.flush()
            out.level = _HEADINGS[tag]
            _walk(c, out, pre)
            out.flush()
            out.level = None
        elif tag in BLOCK:
            out.flush()
            _walk(c, out, pre or tag == "pre")
            out.flush()
        else:
            _walk(c, out, pre)


def _title_heading(top: Node, root: Node) -> Node | None:
    """The last visible <h1> before the chosen part of the page, outside it (the article title)."""
    found = None
    for n in top.iter():
        if n is root:
            break
        if n.tag == "h1" and n.text().strip() and not _dropped_anywhere(n):
            found = n
    return found


def _dropped_anywhere(n: Node) -> bool:
    a: Node | None = n
    while a is not None:
        if _dropped(a):
            return True
        a = a.parent
    return False


def _extract(root: Node, top: Node) -> list[tuple[str, int | None]]:
    out = _Lines()
    title = _title_heading(top, root) if root is not top else None
    if title is not None:
        out.level = 1
        _walk(title, out)
        out.flush()
        out.level = None
    _walk(root, out)
    out.flush()
    return out.split()


def page_title(top: Node) -> str | None:
    for n in top.iter():
        if n.tag == "title":
            t = _tidy(n.text())
            if t:
                return t
    for n in top.iter():
        if n.tag == "meta" and n.attrs.get("property", n.attrs.get("name", "")).lower() in ("og:title", "twitter:title"):
            t = _tidy(n.attrs.get("content", ""))
            if t:
                return t
    return None


def declared_charset(data: bytes) -> str | None:
    head = data[:4096]
    m = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii") if m else None


# The first bytes of a web page (after a byte-order mark, white space and a comment).
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.{0,200}?-->\s*)?<(?:!doctype\s+html|html|head|body|meta)\b",
                         re.I | re.S)


def looks_like_html(data: bytes) -> bool:
    """Whether `data` begins as a web page does (a file saved as .doc or .mht that is one)."""
    return bool(_HTML_START.match(data[:1024]))


def read_html(data: bytes, path: str, charset: str | None = None) -> RawDocument:
    """`charset`: the encoding the page's container declares for it (a saved single-file page's
    part), tried before the page's own <meta charset>."""
    decoded = decode(data, path, declared=charset or declared_charset(data))
    top = parse(decoded.text, path)
    text, hints = hinted_text(_extract(content_root(top), top))
    return RawDocument(
        text=text,
        encoding=decoded.encoding,
        format="html",
        hints=hints,
        title=page_title(top),
    )
