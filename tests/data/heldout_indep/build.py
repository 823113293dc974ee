"""Builds the Word, web-page and non-UTF-8 files of the independent held-out set from the texts in
sources/ (the .txt files of first/ and locked/ are written by hand and are not built).

    python tests/data/heldout_indep/build.py

A source is named <stem>.<kind>.txt; kind is docx, html (a saved WeChat page), gov.html (a saved
government site page), wechattxt (a WeChat article copied as text), gb18030, big5 (traditional
characters, Big5 bytes) or s2tw (traditional characters, UTF-8, with a lost character or two).
Lines of a source starting with '@' carry page data (title, account, date, counters); '#T ', '#1 ',
'#2 ' mark Word styles; '**' marks a bold paragraph of a web page.
"""

from __future__ import annotations

import html
import io
from pathlib import Path

HERE = Path(__file__).parent

SPLIT = {
    "鄂托克旗人大常委会工作报告": "first",
    "长阳自治县人大常委会工作报告": "first",
    "鼓楼人大公众号": "first",
    "腾冲人大_繁体网页": "first",
    "嘉鱼县人大常委会工作报告": "first",
    "南海区人大常委会工作报告": "first",
    "晋江市人大常委会工作报告_繁体": "locked",
    "市中区人大常委会工作报告": "locked",
    "临潭县人大常委会工作报告": "locked",
    "峨边人大公众号": "locked",
}


def _traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2tw").convert(text)


def _split_source(text: str) -> tuple[dict[str, str], list[str]]:
    meta, lines = {}, []
    for line in text.split("\n"):
        if line.startswith("@"):
            key, _, value = line[1:].partition(" ")
            meta[key] = value
        elif line.strip():
            lines.append(line)
    return meta, lines


def build_docx(lines: list[str]) -> bytes:
    import docx

    styles = {"#T ": "Title", "#1 ": "Heading 1", "#2 ": "Heading 2"}
    document = docx.Document()
    document.core_properties.author = "Administrator"
    for line in lines:
        style = styles.get(line[:3])
        document.add_paragraph(line[3:] if style else line, style=style)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _img(k: int) -> str:
    return (f'<p style="text-align: center;"><img class="rich_pages wxw-img" data-ratio="0.6666" '
            f'data-src="https://mmbiz.qpic.cn/mmbiz_jpg/abc{k}/640?wx_fmt=jpeg" data-type="jpeg"></p>')


def build_wechat(meta: dict[str, str], lines: list[str]) -> bytes:
    body = []
    for k, line in enumerate(lines):
        if line == "[图片]":
            body.append(_img(k))
        elif line.startswith("**"):
            body.append(f'<section><p><strong><span style="color: rgb(192, 0, 0);">{html.escape(line[2:])}'
                        f'</span></strong></p></section>')
        elif line.startswith("▲"):
            body.append(f'<p style="text-align: center;"><span style="font-size: 12px;color: #888;">'
                        f'{html.escape(line)}</span></p>')
        else:
            body.append(f'<p style="text-indent: 2em;line-height: 1.75em;"><span style="font-size: 15px;">'
                        f'{html.escape(line)}</span></p>')
    title = html.escape(meta["TITLE"])
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1.0">
<meta property="og:title" content="{title}"><meta property="og:type" content="article">
<title>{title}</title>
<script type="text/javascript">var biz = "MzA5NjE2ODQ1MA=="; var msg_title = '{title}'.html(false);
var ct = "1673000000"; window.__report = function() {{ return "阅读原文"; }};</script>
<style>.rich_media_content {{ overflow: hidden; }} .qr_code_pc {{ display: none; }}</style>
</head>
<body id="activity-detail" class="zh_CN wx_wap_page">
<div id="js_article" class="rich_media">
<div class="rich_media_inner"><div id="page-content" class="rich_media_area_primary">
<div class="rich_media_area_primary_inner">
<h1 class="rich_media_title" id="activity-name">{title}</h1>
<div id="meta_content" class="rich_media_meta_list">
<span class="rich_media_meta rich_media_meta_text">原创</span>
<span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a id="js_name">{meta["ACCOUNT"]}</a></span>
<em id="publish_time" class="rich_media_meta rich_media_meta_text">{meta["DATE"]}</em>
<em id="js_ip_wording_wrp" class="rich_media_meta rich_media_meta_text">发表于四川</em>
</div>
<div class="rich_media_content js_underline_content" id="js_content" style="visibility: hidden;">
{chr(10).join(body)}
</div>
<div class="rich_media_tool_area"><div class="rich_media_tool" id="js_toobar3">
<a id="js_view_source" href="##">阅读原文</a>
<div class="media_tool_meta tips_global_primary meta_primary" id="js_read_area3">{meta["READ"]}</div>
<span class="media_tool_meta meta_extra"><span id="like3">{meta["LIKE"]}</span></span>
</div></div>
<div class="qr_code_pc_outer" id="js_pc_qr_code"><div class="qr_code_pc"><p>微信扫一扫<br>关注该公众号</p></div></div>
</div></div></div></div>
<div id="js_cmt_area" class="rich_media_extra"><div class="discuss_container">
<div class="discuss_title">留言</div><ul class="discuss_list"><li>写得好，为人大点赞！</li></ul></div></div>
<script>document.getElementById("js_content").style.visibility = "visible";</script>
</body></html>
"""
    return page.encode("utf-8")


def build_gov(meta: dict[str, str], lines: list[str]) -> bytes:
    paras = []
    for line in lines:
        if line.startswith("**"):
            paras.append(f'<p style="text-indent:2em"><strong>{html.escape(line[2:])}</strong></p>')
        else:
            paras.append(f'<p style="text-indent:2em">{html.escape(line)}</p>')
    title = html.escape(meta["TITLE"])
    menu = "".join(f'<li><a href="/col/col{k}/index.html">{name}</a></li>'
                   for k, name in enumerate(["首页", "人大概况", "代表工作", "监督工作", "常委会公报", "人大新闻", "互动交流"]))
    links = "".join(f'<li><a href="/art/2023/1/{k}/art_{k}.html">区人大常委会召开第{k}次主任会议</a><span>2023-01-0{k}</span></li>'
                    for k in range(1, 6))
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="ArticleTitle" content="{title}"><meta name="PubDate" content="{meta["DATE"]} 09:00">
<title>{title}_人大网</title>
<link rel="stylesheet" href="/css/style.css" />
<script src="/js/jquery.min.js"></script>
<script>var _hmt = _hmt || []; (function() {{ var hm = document.createElement("script"); }})();</script>
</head>
<body>
<div class="top"><div class="top-bar">今天是：<span id="today"></span> <a href="/">设为首页</a> <a href="/">加入收藏</a>
<a href="/wza">无障碍浏览</a></div>
<div class="logo"><img src="/images/logo.png" alt="人大网"></div>
<div class="search"><form action="/search"><input name="q" value="请输入关键字"><button>搜索</button></form></div>
<div class="nav"><ul>{menu}</ul></div></div>
<div class="wrap"><div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/col/col5">常委会公报</a> &gt; 正文</div>
<div class="xl-left">
<div class="xl-title"><h2>{title}</h2></div>
<div class="xl-info">发布日期：{meta["DATE"]}　来源：{meta["SOURCE"]}　浏览次数：<span id="hits">
<script>document.write(1836)</script></span>　字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></div>
<div class="xl-content"><div class="zw" id="zoom">
{chr(10).join(paras)}
</div></div>
<div class="xl-tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a>
<div class="bdsharebuttonbox"><a class="bds_weixin">分享到微信</a><a class="bds_tsina">分享到微博</a></div></div>
</div>
<div class="xl-right"><div class="side-title">最新动态</div><ul class="side-list">{links}</ul></div>
</div>
<div class="footer"><p>主办单位：人大常委会办公室　地址：人民路1号　<a href="https://beian.miit.gov.cn">ICP备12003456号</a></p>
<p>网站标识码：5110020001　<img src="/images/jiucuo.png" alt="政府网站找错"></p></div>
</body></html>
"""
    return page.encode("utf-8")


def build_wechat_text(meta: dict[str, str], lines: list[str]) -> bytes:
    head = [meta["TITLE"], f"原创 {meta['ACCOUNT']} {meta['ACCOUNT']} {meta['DATE']} 发表于四川", ""]
    tail = ["", "微信扫一扫关注该公众号", "", meta["READ"], meta["LIKE"], "分享 收藏 点赞"]
    body = [line[2:] if line.startswith("**") else line for line in lines]
    return "\n".join(head + body + tail).encode("utf-8")


def build(source: Path) -> Path:
    name = source.name.removesuffix(".txt")
    stem, _, kind = name.partition(".")
    meta, lines = _split_source(source.read_text(encoding="utf-8"))
    out = HERE / SPLIT[stem]
    if kind == "docx":
        path, data = out / f"{stem}.docx", build_docx(lines)
    elif kind == "html":
        path, data = out / f"{stem}.html", build_wechat(meta, lines)
    elif kind == "gov.html":
        path, data = out / f"{stem}.htm", build_gov(meta, lines)
    elif kind == "wechattxt":
        path, data = out / f"{stem}.txt", build_wechat_text(meta, lines)
    elif kind == "gb18030":
        path, data = out / f"{stem}.txt", "\r\n".join(lines).encode("gb18030")
    elif kind == "big5":
        path, data = out / f"{stem}.txt", "\r\n".join(_traditional("\n".join(lines)).split("\n")).encode("cp950")
    elif kind == "s2tw":
        text = _traditional("\n".join(lines)).replace("疆", "?").replace("楊?芬", "楊??芬")
        path, data = out / f"{stem}.txt", text.encode("utf-8")
    else:
        raise ValueError(f"unknown kind {kind!r} of {source.name}")
    path.write_bytes(data)
    return path


def main() -> None:
    for source in sorted((HERE / "sources").glob("*.txt")):
        print(build(source).relative_to(HERE))


if __name__ == "__main__":
    main()
