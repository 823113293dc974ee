"""The one message catalogue: puts ReaderError fields into words, in Chinese or English.

Used by the command line (one line on stderr) and by the window (a dialog or the status bar).
Every ReaderError subclass has an entry; tests check that none is missing.
"""

from __future__ import annotations

import errno
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.errors import ReaderError

CATALOGUE: dict[str, dict[str, str]] = {
    "error": {"zh": "出错了。", "en": "Something went wrong."},
    "cancelled": {"zh": "已取消。", "en": "Cancelled."},
    "path_missing": {"zh": "找不到文件或文件夹：{path}", "en": "No such file or folder: {path}"},
    "path_unreadable": {"zh": "无法读取 {path}：{reason}", "en": "Cannot read {path}: {reason}"},
    "unsupported_format": {
        "zh": "不支持的文件类型 {suffix}：{path}（支持 .txt .md .docx .html .htm .pdf .qdpx .qdc）",
        "en": "Unsupported file type {suffix}: {path} (supported: .txt .md .docx .html .htm .pdf .qdpx .qdc)",
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
        "zh": "这个 PDF 没有文字层（是扫描图片），请先做文字识别（OCR）再导入：{path}",
        "en": "This PDF has no text layer (it is a scanned image); run OCR on it first, then import: {path}",
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
        "zh": "没有找到可导入的文件（.txt .md .docx .html .htm .pdf）：{path}",
        "en": "No files to import (.txt .md .docx .html .htm .pdf) in: {path}",
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
    "mixed_encodings": {
        "zh": "文件里混有几种文字编码（{encodings}），无法整体正确读取；请统一另存为 UTF-8 后再导入：{path}",
        "en": "The file mixes text encodings ({encodings}) and cannot be read as a whole; save it all in one "
        "encoding (UTF-8) and import it again: {path}",
    },
}

# Names of things used inside messages ({kind}), in both languages.
KINDS: dict[str, dict[str, str]] = {
    "unit": {"zh": "报告", "en": "unit"},
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
}


# InvalidInput: what the input is called (its `what`), in both languages.
INPUTS: dict[str, dict[str, str]] = {
    "query": {"zh": "检索词", "en": "search text"},
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
    "integrity check failed": {"zh": "完整性检查未通过", "en": "the integrity check failed"},
})


def describe(error: ReaderError, lang: str = "zh") -> str:
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
    if key == "kind" and isinstance(value, str) and value in KINDS:
        return KINDS[value][lang]
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
    "no_code": {"zh": "{source}：位置 {start}–{end} 的标注既没有编码也没有备注",
                "en": "{source}: a selection {start}–{end} with neither a code nor a note"},
}


def describe_skipped(item: object, lang: str = "zh") -> str:
    """One line for a Skipped item of an exchange import, in `lang`."""
    lang = "en" if lang.startswith("en") else "zh"
    fields = {k: getattr(item, k, "") for k in ("source", "detail", "start", "end")}
    entry = SKIPPED.get(str(getattr(item, "kind", "")))
    return entry[lang].format(**fields) if entry else f"{fields['source']}: {getattr(item, 'kind', '')}"
