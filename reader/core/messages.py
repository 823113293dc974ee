"""The one message catalogue: puts ReaderError fields into words, in Chinese or English.

Used by the command line (one line on stderr) and by the window (a dialog or the status bar).
Every ReaderError subclass has an entry; tests check that none is missing. This module does not
import reader.core.errors (errors import it, to give a readable str() in logs): an error is
described by its `code` and `fields()` alone (Describable).
"""

from __future__ import annotations

import errno
import os
from typing import Protocol


class Describable(Protocol):
    """What describe() reads of an error (reader.core.errors.ReaderError has both)."""

    code: str

    def fields(self) -> dict[str, object]: ...


CATALOGUE: dict[str, dict[str, str]] = {
    "error": {"zh": "出错了。", "en": "Something went wrong."},
    "cancelled": {"zh": "已取消。", "en": "Cancelled."},
    "path_missing": {"zh": "找不到文件或文件夹：{path}", "en": "No such file or folder: {path}"},
    "path_unreadable": {"zh": "无法读取 {path}：{reason}", "en": "Cannot read {path}: {reason}"},
    "unsupported_format": {
        "zh": "不支持的文件类型 {suffix}：{path}（支持 .txt .md .docx .doc .rtf .html .htm .mht .mhtml .pdf .png .jpg .jpeg .tif .tiff .webp .qdpx .qdc）",
        "en": "Unsupported file type {suffix}: {path} (supported: .txt .md .docx .doc .rtf .html .htm .mht .mhtml .pdf .png .jpg .jpeg .tif .tiff .webp .qdpx .qdc)",
    },
    "empty_document": {"zh": "文件没有文字内容：{path}", "en": "The file has no text: {path}"},
    "binary_content": {
        "zh": "这不是文本文件（内容是二进制数据）：{path}",
        "en": "This is not a text file (it holds binary data): {path}",
    },
    "undecodable_text": {
        "zh": "无法识别文件的文字编码：{path}",
        "en": "Cannot tell the text encoding of {path}",
    },
    "damaged_file": {
        "zh": "文件已损坏，无法作为 {format} 打开：{path}",
        "en": "The file is damaged and cannot be opened as {format}: {path}",
    },
    "too_large": {
        "zh": "文件太大（上限 {limit_mb} MB）：{path}",
        "en": "The file is too large (limit {limit_mb} MB): {path}",
    },
    "needs_ocr": {
        "zh": "这个文件没有文字层（是扫描件或图片），而文字识别（OCR）已关闭（--ocr never）：{path}",
        "en": "This file has no text layer (it is a scan or a picture) and OCR is turned off (--ocr never): {path}",
    },
    "ocr_unavailable": {
        "zh": "这是扫描件或图片，需要文字识别（OCR），但没有安装 OCR 组件："
        "请运行 pip install 'renda-reader[ocr]'（安装包已自带），或用 --ocr never 只导入有文字层的页：{path}",
        "en": "This is a scan or a picture and needs OCR, which is not installed: run "
        "pip install 'renda-reader[ocr]' (the installer includes it), or use --ocr never to import "
        "only the pages with a text layer: {path}",
    },
    "no_text_recognised": {
        "zh": "文字识别（OCR）在这个扫描件或图片中没有找到文字（空白页，或不是文字的照片）：{path}",
        "en": "OCR found no text in this scan or picture (a blank page, or a photo of no text): {path}",
    },
    "image_too_large": {
        "zh": "图片太大（{megapixels} 百万像素，上限 {limit}；可能已损坏，或是“图片炸弹”），未打开：{path}",
        "en": "The picture is too large ({megapixels} megapixels, limit {limit}; it may be damaged or an "
        "image bomb) and was not opened: {path}",
    },
    "not_a_project": {
        "zh": "这不是人大报告对读的项目文件，未做任何修改：{path}",
        "en": "This is not a Renda Reader project file; it was left unchanged: {path}",
    },
    "project_too_new": {
        "zh": "这个项目由更新版本的程序创建（格式 {version}，本程序支持到 {supported}），请升级程序：{path}",
        "en": "This project was made by a newer version of the program (format {version}; "
        "this one reads up to {supported}). Please upgrade: {path}",
    },
    "project_locked": {
        "zh": "项目正被另一个窗口或程序占用（正在写入），这次未能读写，请稍后再试：{path}",
        "en": "The project is busy in another window or program (it is being written); nothing was done, "
        "try again in a moment: {path}",
    },
    "project_damaged": {
        "zh": "项目文件已损坏（{reason}），未做任何修改：{path}。可恢复的备份：{backups} 个（文件 ▸ 恢复…，或 reader restore）",
        "en": "The project file is damaged ({reason}) and was left unchanged: {path}. Backups to restore "
        "from: {backups} (File ▸ Restore…, or reader restore)",
    },
    "not_found": {"zh": "找不到{kind}：{key}", "en": "No such {kind}: {key}"},
    "invalid_input": {"zh": "{what}无效：{value}", "en": "Invalid {what}: {value}"},
    "quote_not_found": {
        "zh": "在报告 {unit} 中找不到这段文字：{quote}",
        "en": "The text was not found in unit {unit}: {quote}",
    },
    "ambiguous_quote": {
        "zh": "这段文字在报告 {unit} 中出现了 {count} 次，请用 --start/--end 指定位置：{quote}",
        "en": "The text occurs {count} times in unit {unit}; give --start/--end instead: {quote}",
    },
    "duplicate_name": {"zh": "{kind}已存在：{name}", "en": "A {kind} with this name exists: {name}"},
    "ambiguous_name": {
        "zh": "有 {count} 个{kind}叫“{name}”，请写出上级，如 上级/{name}",
        "en": "{count} {kind}s are named '{name}'; name the parent too, e.g. parent/{name}",
    },
    "format_not_yet_supported": {
        "zh": "暂不支持导入 {suffix} 文件（计划在以后的版本中支持）：{path}",
        "en": "Importing {suffix} files is not supported yet (planned for a later version): {path}",
    },
    "nothing_to_import": {
        "zh": "没有找到可导入的文件（.txt .md .docx .doc .rtf .html .htm .mht .mhtml .pdf）：{path}",
        "en": "No files to import (.txt .md .docx .doc .rtf .html .htm .mht .mhtml .pdf) in: {path}",
    },
    "import_failed": {
        "zh": "导入时程序出错（{reason}），其他文件不受影响：{path}",
        "en": "The program failed while importing ({reason}); other files are not affected: {path}",
    },
    "file_exists": {
        "zh": "文件已存在：{path}（要覆盖请加 --force）",
        "en": "The file exists: {path} (use --force to overwrite)",
    },
    "write_failed": {"zh": "无法写入 {path}：{reason}", "en": "Cannot write {path}: {reason}"},
    "bad_exchange_file": {
        "zh": "无法读取这个 {format} 文件（{reason}）：{path}",
        "en": "Cannot read this {format} file ({reason}): {path}",
    },
    "encrypted": {
        "zh": "文件已加密（有密码保护），无法作为 {format} 读取，请解除加密后再导入：{path}",
        "en": "The file is encrypted (password-protected) and cannot be read as {format}; remove the "
        "protection, then import it: {path}",
    },
    "old_format": {
        "zh": "无法读取这种 {format} 文件（Word 95 或更早版本保存的，或 Word 2003 XML 格式）；请用 Word 或 WPS "
        "打开后另存为 .docx 再导入：{path}",
        "en": "This kind of {format} file (saved by Word 95 or earlier, or as Word 2003 XML) cannot be read; open it "
        "in Word or WPS, save it as .docx and import that: {path}",
    },
    "not_aligned": {
        "zh": "这个项目还没有做过章节对齐，请先运行对齐（reader align）：{path}",
        "en": "This project has not been aligned yet; run the alignment first (reader align): {path}",
    },
    "ambiguous_place": {
        "zh": "“{name}”可指 {count} 个县区，请写明是哪一个（同名的写出上级地市）：{choices}",
        "en": "'{name}' can mean {count} counties; say which one (a shared name with its prefecture): {choices}",
    },
    "project_read_only": {
        "zh": "项目文件是只读的：可以阅读，但不能保存更改（请检查文件或文件夹的权限）：{path}",
        "en": "The project file is read-only: you can read it, but changes cannot be saved (check the "
        "permissions of the file or its folder): {path}",
    },
    "align_failed": {
        "zh": "对齐没有完成（对齐进程中途停止：{reason}）；已保存的对齐结果未改动。",
        "en": "The alignment did not finish (its process stopped: {reason}); the stored alignment is unchanged.",
    },
    "no_reports_to_align": {
        "zh": "没有可对齐的报告（项目是空的，或没有报告符合所选条件）；已保存的对齐结果未改动：{path}",
        "en": "No reports to align (the project is empty, or no report matches the choice); the stored "
        "alignment is unchanged: {path}",
    },
    "project_in_use": {
        "zh": "项目已在另一个窗口或程序中打开并正在使用：这里只能阅读，不能保存更改（请在那边关闭后再打开）：{path}",
        "en": "The project is open in another window or program: here it can be read but not changed "
        "(close it there, then open it again): {path}",
    },
    "not_a_codebook": {
        "zh": "这不是编码表文件（{suffix}）：{path}（编码表支持 .qdc .csv .xlsx）",
        "en": "This is not a codebook file ({suffix}): {path} (codebooks: .qdc .csv .xlsx)",
    },
    "not_a_file": {
        "zh": "这不是普通文件（是管道、设备，或是指向不存在之处或绕成圈的链接），未读取：{path}",
        "en": "This is not an ordinary file (a pipe, a device, or a link that leads nowhere or round in a loop); "
        "it was not read: {path}",
    },
    "text_too_long": {
        "zh": "文件的文字太长（{length} 字，上限 {limit} 字），未导入；请把它拆成几个文件：{path}",
        "en": "The file's text is too long ({length} characters; the limit is {limit}); it was not imported, "
        "split it into several files: {path}",
    },
    "unpacks_too_large": {
        "zh": "这个 {format} 文件解压后会超过 {limit_mb} MB（文件已损坏，或是“压缩炸弹”），未打开：{path}",
        "en": "This {format} file would unpack to more than {limit_mb} MB (it is damaged or a zip bomb); "
        "it was not opened: {path}",
    },
    "unsafe_archive_path": {
        "zh": "压缩包里的路径指向包外（{member}），为安全起见未导入：{path}",
        "en": "A path in the archive leads outside it ({member}); for safety it was not imported: {path}",
    },
    "theme_mapping_needed": {
        "zh": "对方的项目里有 {count} 个主题像是本项目的主题改了名或换了位置：{themes}。请用 --map 本项目的主题=对方的主题 "
        "对应，或用 --add-theme 对方的主题 作为新主题加入；未写入任何内容：{path}",
        "en": "{count} theme(s) of the other project look like ours renamed or moved: {themes}. Map each with "
        "--map OURS=THEIRS, or add it as a new theme with --add-theme THEIRS; nothing was written: {path}",
    },
    "mixed_encodings": {
        "zh": "文件里混有几种文字编码（{encodings}），无法整体正确读取；请统一另存为 UTF-8 后再导入：{path}",
        "en": "The file mixes text encodings ({encodings}) and cannot be read as a whole; save it all in one "
        "encoding (UTF-8) and import it again: {path}",
    },
    "backup_of_another_project": {
        "zh": "这个备份是另一个项目的副本，不能用来恢复这个项目，未做任何修改：{backup} → {path}",
        "en": "This backup is a copy of another project and cannot restore this one; nothing was changed: "
        "{backup} → {path}",
    },
    "link_leaves_folder": {
        "zh": "这是指向文件夹以外的链接，为安全起见未读取（要导入它指向的文件，请直接选中那个文件）：{path}",
        "en": "This is a link leading out of the folder; for safety it was not followed (to import the file "
        "it leads to, name that file itself): {path}",
    },
    "too_complex": {
        "zh": "这个 {format} 文件的{what}超过上限（{limit}），未读取（文件已损坏，或是为攻击而造）：{path}",
        "en": "This {format} file passes the limit on {what} ({limit}); it was not read (it is damaged or made "
        "to attack): {path}",
    },
    "target_is_project": {
        "zh": "这是项目文件（或它的日志、锁、备份），写在上面会毁掉项目，未写入；请另选文件名：{path}",
        "en": "This is a project file (or its journal, lock or backup): writing over it would destroy the project, "
        "so nothing was written; choose another file name: {path}",
    },
}

# Names of things used inside messages ({kind}), in both languages.
KINDS: dict[str, dict[str, str]] = {
    "unit": {"zh": "报告", "en": "unit"},
    "line": {"zh": "识别的行", "en": "OCR line"},
    "section": {"zh": "章节", "en": "section"},
    "theme": {"zh": "主题", "en": "theme"},
    "passage": {"zh": "标注段落", "en": "passage"},
    "document": {"zh": "文档", "en": "document"},
    "row": {"zh": "对比行", "en": "row"},
    "county": {"zh": "县区", "en": "county"},
    "year": {"zh": "年份", "en": "year"},
    "prefecture": {"zh": "地市", "en": "prefecture"},
    "correction": {"zh": "对齐修正", "en": "correction"},
    "place": {"zh": "地区", "en": "place"},
    "backup": {"zh": "备份", "en": "backup"},
    "unplaced_passage": {"zh": "待定位的标注", "en": "unplaced passage"},
    "coder": {"zh": "标注人", "en": "coder"},
    "their_theme": {"zh": "对方项目中的主题", "en": "theme in the other project"},
}


# TooComplex: what passed its limit ({what}), in both languages.
LIMITS: dict[str, dict[str, str]] = {
    "elements": {"zh": "元素（标签）数", "en": "elements (tags)"},
    "depth": {"zh": "嵌套层数", "en": "nesting depth"},
    "codes": {"zh": "编码（主题）数", "en": "codes (themes)"},
    "rows": {"zh": "行数", "en": "rows"},
    "seconds": {"zh": "读取时间（秒）", "en": "reading time (seconds)"},
    "content": {"zh": "一页的内容（MB）", "en": "content of a page (MB)"},
    "parts": {"zh": "组成部分（MIME 部分）数", "en": "parts (MIME parts)"},
}


# InvalidInput: what the input is called (its `what`), in both languages.
INPUTS: dict[str, dict[str, str]] = {
    "query": {"zh": "检索词", "en": "search text"},
    "line_text": {"zh": "更正的一行", "en": "corrected line"},
    "limit": {"zh": "数量上限", "en": "limit"},
    "span": {"zh": "位置范围", "en": "span"},
    "quote": {"zh": "引文", "en": "quote"},
    "name": {"zh": "名称", "en": "name"},
    "colour": {"zh": "颜色", "en": "colour"},
    "shortcut": {"zh": "快捷键", "en": "shortcut key"},
    "themes": {"zh": "主题", "en": "theme"},
    "pattern": {"zh": "标题匹配词", "en": "heading pattern"},
    "regex": {"zh": "正则表达式", "en": "regular expression"},
    "year": {"zh": "年份", "en": "year"},
    "county": {"zh": "县区", "en": "county"},
    "prefecture": {"zh": "地市", "en": "prefecture"},
    "section": {"zh": "章节", "en": "section"},
    "row": {"zh": "对比行", "en": "row"},
    "label": {"zh": "名称", "en": "label"},
    "format": {"zh": "格式", "en": "format"},
    "codebook": {"zh": "编码表", "en": "codebook"},
    "line endings": {"zh": "换行方式", "en": "line endings"},
    "unit_id": {"zh": "报告编号", "en": "unit id"},
    "offset": {"zh": "位置", "en": "offset"},
    "correction_id": {"zh": "修正编号", "en": "correction id"},
    "coder": {"zh": "标注人", "en": "coder"},
    "coders": {"zh": "标注人", "en": "coders"},
    "min_overlap": {"zh": "重合比例", "en": "overlap"},
    "theme_map": {"zh": "主题对应", "en": "theme mapping"},
    "settled_coder": {"zh": "定稿标注人", "en": "settled coder"},
    "choice": {"zh": "选择", "en": "choice"},
}

# InvalidInput: whole sentences for the inputs users get wrong most often ({value}: what they gave).
INPUT_SENTENCES: dict[str, dict[str, str]] = {
    "span": {
        "zh": "位置范围无效：{value}（起点要小于终点，并在报告文字之内）",
        "en": "Invalid span {value}: the start must come before the end, within the unit text",
    },
    "blank_span": {
        "zh": "选中的只有空白，没有可标注的文字：请选中文字再标注。",
        "en": "The selection is only blank space: select some text to tag.",
    },
    "timeline": {
        "zh": "请给出一个词语，或者用 --theme 给出一个主题（二者只选其一）：{value}",
        "en": "Give a phrase, or a theme with --theme (one of the two): {value}",
    },
    "offsets_or_quote": {
        "zh": "请给出 --start 和 --end，或者 --quote（二者只选其一）：{value}",
        "en": "Give either --start and --end, or --quote (one of the two): {value}",
    },
    "name": {
        "zh": "名称里不能有“/”（它用来写出 上级/下级）：{value}",
        "en": "A name cannot contain '/' (it separates parent/child): {value}",
    },
    "colour": {
        "zh": "颜色无效：{value}（请写成 #RRGGBB，例如 #2471a3）",
        "en": "Invalid colour {value} (write it as #RRGGBB, e.g. #2471a3)",
    },
    "shortcut": {
        "zh": "快捷键只能是 1 到 9 中的一个数字：{value}",
        "en": "A shortcut key is one digit from 1 to 9: {value}",
    },
    "merge": {
        "zh": "不能把主题合并到它自己或它的子主题：{value}",
        "en": "A theme cannot be merged into itself or one of its subthemes: {value}",
    },
    "parent": {
        "zh": "不能把主题移到它自己或它的子主题之下：{value}",
        "en": "A theme cannot be moved under itself or one of its subthemes: {value}",
    },
    "regex": {
        "zh": "正则表达式写得不对：{value}",
        "en": "The regular expression is not valid: {value}",
    },
    "year": {
        "zh": "年份无效：{value}（应为 1949–2100 之间的年份，或 2019-2022 这样的范围）",
        "en": "Invalid year {value} (a year from 1949 to 2100, or a range such as 2019-2022)",
    },
    "limit": {"zh": "数量上限不能是负数：{value}", "en": "The limit cannot be negative: {value}"},
    "unit_id": {"zh": "报告编号应为从 1 起的整数：{value}", "en": "A unit id is a whole number from 1: {value}"},
    "offset": {"zh": "位置应为从 0 起的整数：{value}", "en": "An offset is a whole number from 0: {value}"},
    "correction_id": {
        "zh": "修正编号应为从 1 起的整数：{value}",
        "en": "A correction id is a whole number from 1: {value}",
    },
    "coder": {
        "zh": "标注人名称无效：{value}（一行文字，最多 64 个字）",
        "en": "Invalid coder name {value} (one line, at most 64 characters)",
    },
    "coders": {
        "zh": "请选择两个或更多不同的标注人：{value}",
        "en": "Choose two or more different coders: {value}",
    },
    "min_overlap": {
        "zh": "重合比例应为 1 到 100 之间的整数（百分比）：{value}",
        "en": "The overlap is a whole number from 1 to 100 (per cent): {value}",
    },
    "settled_coder": {
        "zh": "定稿的标注人要另起一个名字，不能是正在比较的两位标注人之一：{value}",
        "en": "The settled coding needs a coder name of its own, not one of the two coders compared: {value}",
    },
    "theme_map": {
        "zh": "主题对应写成 本项目的主题=对方的主题，例如 --map 代表工作=代表履职：{value}",
        "en": "Write a theme mapping as OURS=THEIRS, e.g. --map 代表工作=代表履职: {value}",
    },
}

# Names of things that have no name of their own, the same in every window, list, export and line of
# the command line.
NAMES: dict[str, dict[str, str]] = {
    "unknown_county": {"zh": "（县区未识别）", "en": "(county not identified)"},
    "no_theme": {"zh": "（未分主题）", "en": "(no theme)"},
}


def unknown_county(lang: str = "zh") -> str:
    """What the reports whose county was not identified are called, everywhere."""
    return NAMES["unknown_county"]["zh" if lang == "zh" else "en"]


def no_theme(lang: str = "zh") -> str:
    """What the group of passages without a theme (a note only) is called, everywhere."""
    return NAMES["no_theme"]["zh" if lang == "zh" else "en"]


EMPTY_INPUT = {"zh": "{what}不能为空。", "en": "The {what} is empty."}
EMPTY_SENTENCES: dict[str, dict[str, str]] = {
    "query": {"zh": "检索词为空：请输入要查找的文字。", "en": "The search text is empty: type something to find."},
    "themes": {"zh": "请至少选择一个主题。", "en": "Choose at least one theme."},
    "name": {"zh": "名称不能为空。", "en": "The name is empty."},
    "coder": {"zh": "标注人名称不能为空。", "en": "The coder's name is empty."},
    "coders": {"zh": "请选择两个或更多标注人。", "en": "Choose two or more coders."},
    "timeline": {"zh": "请给出一个词语，或者用 --theme 给出一个主题。", "en": "Give a phrase, or a theme with --theme."},
}

# Reasons the operating system or SQLite gives (English text), in both languages.
_REASON_ERRNOS = {
    errno.ENOENT: ("文件或文件夹不存在", "No such file or folder"),
    errno.EACCES: ("没有权限", "Permission denied"),
    errno.EPERM: ("不允许这样操作", "Operation not permitted"),
    errno.EISDIR: ("这是一个文件夹", "It is a folder"),
    errno.ENOTDIR: ("路径中有一部分不是文件夹", "A part of the path is not a folder"),
    errno.ENAMETOOLONG: ("文件名太长", "The file name is too long"),
    errno.ENOSPC: ("磁盘已满", "The disk is full"),
    errno.EROFS: ("所在磁盘是只读的", "The disk is read-only"),
    errno.EEXIST: ("文件已存在", "The file exists"),
    errno.EINVAL: ("文件名中有系统不接受的字符", "The name holds characters the system does not accept"),
    errno.EBUSY: ("文件正被占用", "The file is in use"),
    errno.ENXIO: ("没有程序在读取这个管道", "Nothing is reading from this pipe"),
}
REASONS: dict[str, dict[str, str]] = {
    os.strerror(code): {"zh": zh, "en": en} for code, (zh, en) in _REASON_ERRNOS.items()
}
REASONS.update({
    "attempt to write a readonly database": {"zh": "项目文件是只读的", "en": "the project file is read-only"},
    "database is locked": {"zh": "项目正被其他程序占用", "en": "the project is busy in another program"},
    "database disk image is malformed": {"zh": "数据库文件结构已损坏", "en": "the database file is malformed"},
    "file is not a database": {"zh": "不是数据库文件", "en": "not a database file"},
    "embedded null byte": {"zh": "名称中有空字符", "en": "the name holds a null character"},
    "unexpected data": {"zh": "其中有本程序不会写入的数据", "en": "it holds data the program does not write"},
    "unable to open database file": {"zh": "无法建立文件（磁盘是只读的，或没有权限）",
                                     "en": "the file cannot be made (a read-only disk, or no permission)"},
    "integrity check failed": {"zh": "完整性检查未通过", "en": "the integrity check failed"},
    "not an ordinary file": {"zh": "这不是普通文件（是套接字或块设备）", "en": "it is not an ordinary file (a socket or a block device)"},
})


def describe(error: Describable, lang: str = "zh") -> str:
    """One sentence for the user, in `lang` ('zh' or 'en')."""
    lang = "en" if lang.startswith("en") else "zh"
    if error.code == "invalid_input":
        return _invalid_input(str(getattr(error, "what", "")), str(getattr(error, "value", "")), lang)
    entry = CATALOGUE.get(error.code, CATALOGUE["error"])
    fields = {k: _word(k, v, lang) for k, v in error.fields().items()}
    try:
        return entry[lang].format(**fields)
    except (KeyError, IndexError):
        return entry[lang]


def _invalid_input(what: str, value: str, lang: str) -> str:
    """An InvalidInput in words: a sentence made for this input, else '{what} is invalid: {value}'
    with the input's name in the language ('{what} is empty' when nothing was given)."""
    name = INPUTS.get(what, {}).get(lang, what)
    shown = _word("value", value, lang)
    if not value.strip() and what != "blank_span":
        sentence = EMPTY_SENTENCES.get(what) or EMPTY_INPUT
        return sentence[lang].format(what=name)
    if what in INPUT_SENTENCES:
        return INPUT_SENTENCES[what][lang].format(value=shown)
    return CATALOGUE["invalid_input"][lang].format(what=name, value=shown)


def _word(key: str, value: object, lang: str) -> object:
    if isinstance(value, str):
        from reader.core.visible import one_line

        value = one_line(value)  # a name with a newline or an escape sequence is shown, not obeyed
    if key == "kind" and isinstance(value, str) and value in KINDS:
        return KINDS[value][lang]
    if key == "what" and isinstance(value, str) and value in LIMITS:
        return LIMITS[value][lang]
    if key == "reason" and isinstance(value, str) and value in REASONS:
        return REASONS[value][lang]
    if key == "suffix" and value == "":
        return "无扩展名" if lang == "zh" else "no extension"
    if key == "path" and isinstance(value, str) and len(value) > 60:
        return "…" + value[-57:]  # a long path keeps its end: the file's name
    if isinstance(value, str) and len(value) > 60:
        return value[:57] + "…"
    return value


# Why a backup was made (reader.core.store.backups: DAILY, MIGRATION, MANUAL, BEFORE_RESTORE), in the
# command line's list and the window's restore dialog alike.
BACKUP_REASONS: dict[str, dict[str, str]] = {
    "daily": {"zh": "每日（打开时）", "en": "Daily, on opening"},
    "migration": {"zh": "文件格式升级前", "en": "Before an upgrade of the file"},
    "manual": {"zh": "手动备份", "en": "Made by hand"},
    "before-restore": {"zh": "恢复前", "en": "Before a restore"},
    "before-merge": {"zh": "合并项目前", "en": "Before a merge"},
}


def backup_reason(reason: str, lang: str = "zh") -> str:
    """Why a backup was made, in words (an unknown reason as it is)."""
    words = BACKUP_REASONS.get(reason)
    return words[lang] if words else reason


# What an exchange file (.qdpx) brought that could not be taken (reader.core.export.refi: Skipped).
SKIPPED: dict[str, dict[str, str]] = {
    "source_kind": {"zh": "{source}：{detail} 类型的材料（只导入文字材料）",
                    "en": "{source}: a {detail} (only text sources are imported)"},
    "whole_source_codes": {"zh": "{source}：对整篇材料的编码（没有具体位置）",
                           "en": "{source}: codes on the whole source (no position)"},
    "no_positions": {"zh": "{source}：一处没有起止位置的标注", "en": "{source}: a selection without positions"},
    "empty_source": {"zh": "{source}：材料没有文字", "en": "{source}: the source has no text"},
    "outside": {"zh": "{source}：位置 {start}–{end} 的标注超出了文字范围",
                "en": "{source}: a selection {start}–{end} outside the text"},
    "binary_source": {"zh": "{source}：文字中有控制字符（二进制数据，文本文件也会因此被拒绝），未导入，其中 {detail} 处标注一并未导入",
                      "en": "{source}: the text holds control characters (binary data, refused in a text file too); "
                      "not imported, nor its {detail} selection(s)"},
    "no_code": {"zh": "{source}：位置 {start}–{end} 的标注既没有编码也没有备注",
                "en": "{source}: a selection {start}–{end} with neither a code nor a note"},
}


def describe_skipped(item: object, lang: str = "zh") -> str:
    """One line for a Skipped item of an exchange import, in `lang`."""
    lang = "en" if lang.startswith("en") else "zh"
    fields = {k: getattr(item, k, "") for k in ("source", "detail", "start", "end")}
    entry = SKIPPED.get(str(getattr(item, "kind", "")))
    return entry[lang].format(**fields) if entry else f"{fields['source']}: {getattr(item, 'kind', '')}"


# The usual reading of an agreement κ (reader.core.team.agreement.reading), in words.
KAPPA_READINGS: dict[str, dict[str, str]] = {
    "weak": {"zh": "弱", "en": "weak"},
    "moderate": {"zh": "中等", "en": "moderate"},
    "substantial": {"zh": "较强", "en": "substantial"},
    "almost perfect": {"zh": "几乎完全一致", "en": "almost perfect"},
    "undefined": {"zh": "无法计算", "en": "undefined"},
}


def kappa_reading(word: str | None, lang: str = "zh") -> str:
    """A reading of κ in words (None: κ undefined, since chance agreement is 1)."""
    lang = "en" if lang.startswith("en") else "zh"
    return KAPPA_READINGS.get(word or "undefined", {}).get(lang, word or "")
