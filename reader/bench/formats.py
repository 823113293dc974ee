"""Report files in every format the readers take, built from the sample reports: encodings, Word,
saved web pages (generic and WeChat-like, with page chrome around the article) and PDF. Used by the
reader tests and by the reader benchmark (reader.bench.readers)."""

from __future__ import annotations

import html
from functools import lru_cache
from pathlib import Path

from reader.bench.pdfwriter import make_pdf, paginate
from reader.resources import resource_path

ASTRAL = "𠮷𡈼"  # outside the BMP: four bytes in UTF-8, GB18030 and UTF-16 (a surrogate pair)

# Text of page chrome that must never reach the document.
CHROME = {
    "script": "var tracker = 'SCRIPT-TEXT';",
    "style": ".STYLE-TEXT { color: red }",
    "nav": "网站首页",
    "menu": "政务公开",
    "counter": "阅读 1234",
    "footer": "版权所有 FOOTER-TEXT",
    "share": "分享到微博",
    "noscript": "NOSCRIPT-TEXT",
    "hidden": "HIDDEN-TEXT",
    "related": "相关阅读RELATED",
}


def samples() -> list[Path]:
    return sorted(resource_path("sample").glob("*.txt"))


def sample_lines(index: int = 0) -> list[str]:
    return samples()[index].read_text(encoding="utf-8").split("\n")


@lru_cache(maxsize=4)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def traditional(text: str) -> str:
    """Simplified to traditional as Big5 files hold it (Taiwan forms: 為 群 眾, all in Big5)."""
    return _converter("s2tw").convert(text)


def big5_bytes(text: str) -> tuple[bytes, str]:
    """`text` in Big5 (cp950), or Big5-HKSCS when it holds characters plain Big5 lacks (pinyin
    letters); characters in neither become '?'. Returns the bytes and the codec used."""
    try:
        return text.encode("cp950"), "cp950"
    except UnicodeEncodeError:
        return text.encode("big5hkscs", errors="replace"), "big5hkscs"


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# -- Word --------------------------------------------------------------------------------------


def docx_bytes(paragraphs: list[tuple[str, str | None]], title: str | None = None, table: list[list[str]] | None = None,
               table_after: int = 0) -> bytes:
    """A .docx of (text, style name or None) paragraphs; a table after paragraph `table_after`."""
    import io

    import docx

    document = docx.Document()
    if title:
        document.core_properties.title = title
    for k, (text, style) in enumerate(paragraphs):
        document.add_paragraph(text, style=style)
        if table is not None and k == table_after:
            t = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, cell in enumerate(row):
                    t.cell(r, c).text = cell
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def rtf_bytes(lines: list[str]) -> bytes:
    """An RTF of one paragraph a line as WPS writes Chinese: GBK bytes as \\'hh in a font of charset 134
    (\\uN for a character GBK lacks)."""
    out = [r"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 \'cb\'ce\'cc\'e5;}}\pard\plain\f0 "]
    for line in lines:
        for ch in line:
            if ch in "\\{}":
                out.append("\\" + ch)
            elif ord(ch) < 0x80:
                out.append(ch)
            else:
                try:
                    out.append("".join(f"\\'{b:02x}" for b in ch.encode("gbk")))
                except UnicodeEncodeError:
                    code = ord(ch)
                    units = [code] if code < 0x10000 else [0xD800 + ((code - 0x10000) >> 10), 0xDC00 + (code & 0x3FF)]
                    out.append("".join(f"\\u{u - 65536 if u > 32767 else u}?" for u in units))
        out.append("\\par\n")
    out.append("}")
    return "".join(out).encode("ascii")


# -- web pages ---------------------------------------------------------------------------------


def mht_bytes(page: bytes, charset: str | None = None, transfer: str = "quoted-printable",
              before: list[tuple[str, bytes]] | None = None, start: bool = False) -> bytes:
    """A single-file web page (.mht) holding `page` as Chrome and Internet Explorer save it: a
    multipart/related of the page (its part declaring `charset`, or none as Chrome's), in `transfer`
    encoding (quoted-printable, base64 or 8bit), and a picture; `before`: (content type, bytes) parts put ahead of the page (a frame),
    which then needs `start` (the root's Content-ID named in the header) to be found."""
    import base64
    import quopri

    boundary = "----MultipartBoundary--abcDEF123----"

    def part(content_type: str, body: bytes, encoding: str, cid: str) -> bytes:
        encoded = (quopri.encodestring(body) if encoding == "quoted-printable"
                   else base64.encodebytes(body) if encoding == "base64" else body)
        return (f"--{boundary}\r\nContent-Type: {content_type}\r\nContent-ID: <{cid}>\r\n"
                f"Content-Transfer-Encoding: {encoding}\r\nContent-Location: https://example.org/{cid}\r\n\r\n"
                ).encode() + encoded.replace(b"\n", b"\r\n") + b"\r\n"

    root = "frame-root@mhtml.blink"
    head = ("From: <Saved by Blink>\r\nSubject: =?utf-8?Q?=E5=B7=A5=E4=BD=9C=E6=8A=A5=E5=91=8A?=\r\n"
            "MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n"
            + (f'\tstart="<{root}>";\r\n' if start else "") + f'\tboundary="{boundary}"\r\n\r\n').encode()
    parts = [part(kind, body, "base64", f"before{k}@mhtml.blink") for k, (kind, body) in enumerate(before or [])]
    page_type = f"text/html; charset={charset}" if charset else "text/html"
    parts.append(part(page_type, page, transfer, root))
    parts.append(part("image/png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "base64", "image0@mhtml.blink"))
    return head + b"".join(parts) + f"--{boundary}--\r\n".encode()



def _paragraphs_html(lines: list[str], headings: dict[int, int] | None = None) -> str:
    out = []
    for k, line in enumerate(lines):
        if not line.strip():
            continue
        level = (headings or {}).get(k)
        tag = f"h{level}" if level else "p"
        out.append(f"<{tag}>{html.escape(line)}</{tag}>")
    return "\n".join(out)


def page_html(lines: list[str], title: str = "工作报告", headings: dict[int, int] | None = None,
              charset: str = "utf-8") -> str:
    """A saved article page of a government site: the article between navigation, menus, a
    counter, share buttons, related links, scripts, styles and a footer. Line 0 is the title <h1>
    outside the article body."""
    c = CHROME
    menu = "".join(f'<li><a href="/m{k}">{c["menu"]}{k}</a></li>' for k in range(6))
    related = "".join(f'<li><a href="/a{k}.html">{c["related"]}{k}</a></li>' for k in range(5))
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{html.escape(title)}</title>
<style>{c["style"]}</style>
<script>{c["script"]}</script>
</head>
<body>
<nav class="topnav"><a href="/">{c["nav"]}</a> | <a href="/x">关于我们</a></nav>
<div class="menu-bar"><ul>{menu}</ul></div>
<div class="main">
  <div class="article-title"><h1>{html.escape(lines[0])}</h1></div>
  <div class="info">发布时间：2022-03-01 <span class="view-count">{c["counter"]}</span>
    <span class="share-box"><a href="#">{c["share"]}</a></span></div>
  <div class="TRS_Editor" id="zoom">
{_paragraphs_html(lines[1:], {k - 1: v for k, v in (headings or {}).items() if k > 0})}
  </div>
  <noscript>{c["noscript"]}</noscript>
  <div style="display: none">{c["hidden"]}</div>
  <div class="related"><h3>相关阅读</h3><ul>{related}</ul></div>
</div>
<script type="text/javascript">
  document.write("<p>{c["script"]}</p>");
</script>
<footer><p>{c["footer"]}</p></footer>
</body></html>
"""


def wechat_html(lines: list[str]) -> str:
    """A saved WeChat article: title, account and counters around div#js_content (hidden until
    the page's script shows it, as saved pages are)."""
    body = "".join(
        f'<p style="text-indent: 2em;"><span style="font-size: 16px;">{html.escape(line)}</span></p>'
        for line in lines[1:]
        if line.strip()
    )
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<meta property="og:title" content="{html.escape(lines[0])}">
<title></title><script>var msg_title = "SCRIPT-TEXT";</script></head>
<body id="activity-detail" class="zh_CN">
<div class="rich_media_wrp"><div class="rich_media_inner"><div id="page-content" class="rich_media_area_primary">
<h1 class="rich_media_title" id="activity-name">
  {html.escape(lines[0])}
</h1>
<div id="meta_content" class="rich_media_meta_list"><span id="js_author_name">ACCOUNT-NAME</span>
<em id="publish_time">2023-01-02 08:00</em></div>
<div class="rich_media_content js_underline_content" id="js_content" style="visibility: hidden;">{body}</div>
<div class="rich_media_tool" id="js_toobar3"><div id="js_read_area3">阅读 <span id="readNum3">10万+</span></div>
<span class="media_tool_meta"><span id="like3">在看 <em>88</em></span></span></div>
<div class="qr_code_pc_outer" id="js_pc_qr_code"><p>微信扫一扫关注该公众号</p></div>
</div></div></div>
<div id="js_cmt_area" class="rich_media_extra"><div class="discuss_container">写留言 COMMENT-TEXT</div></div>
</body></html>
"""


# -- PDF ---------------------------------------------------------------------------------------


def pdf_bytes(lines: list[str], per_page: int = 40) -> bytes:
    return make_pdf(paginate([ln for ln in lines if ln.strip()], per_page))


# -- a report in each format ---------------------------------------------------------------------

FORMATS = ("gb18030-crlf", "big5", "utf-16", "docx", "html", "html-gbk", "wechat", "mht", "rtf", "pdf")


def convert(path: Path, fmt: str, out: Path) -> Path:
    """The UTF-8 report at `path` written into folder `out` in format `fmt` (one of FORMATS), under
    the same name with the format's suffix. Big5 files hold the text in traditional characters."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    stem = path.stem
    if fmt == "gb18030-crlf":
        return write(out / f"{stem}.txt", text.replace("\n", "\r\n").encode("gb18030"))
    if fmt == "big5":
        return write(out / f"{stem}.txt", big5_bytes(traditional(text))[0])
    if fmt == "utf-16":
        return write(out / f"{stem}.txt", text.encode("utf-16"))
    if fmt == "docx":
        return write(out / f"{stem}.docx", docx_bytes([(ln, None) for ln in lines]))
    if fmt == "html":
        return write(out / f"{stem}.html", page_html(lines, title=lines[0]).encode("utf-8"))
    if fmt == "html-gbk":
        return write(out / f"{stem}.htm", page_html(lines, title=lines[0], charset="gbk").encode("gb18030"))
    if fmt == "wechat":
        return write(out / f"{stem}.html", wechat_html(lines).encode("utf-8"))
    if fmt == "mht":
        page = page_html(lines, title=lines[0], charset="gbk").encode("gb18030")
        return write(out / f"{stem}.mht", mht_bytes(page, "gbk"))
    if fmt == "rtf":
        return write(out / f"{stem}.rtf", rtf_bytes(lines))
    if fmt == "pdf":
        return write(out / f"{stem}.pdf", pdf_bytes(lines))
    raise ValueError(f"unknown format: {fmt}")
