"""The one message catalogue: puts ReaderError fields into words, in Chinese or English.

Used by the command line (one line on stderr) and by the window (a dialog or the status bar).
Every ReaderError subclass has an entry; tests check that none is missing.
"""

from __future__ import annotations

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
        "zh": "项目正由另一个窗口或程序使用，只能以只读方式打开：{path}",
        "en": "The project is in use by another window or program; it can only be opened read-only: {path}",
    },
    "project_damaged": {
        "zh": "项目文件已损坏（{reason}），请从备份恢复：{path}",
        "en": "The project file is damaged ({reason}); restore it from a backup: {path}",
    },
    "not_found": {"zh": "找不到{kind}：{key}", "en": "No such {kind}: {key}"},
    "invalid_input": {"zh": "{what} 的值无效：{value}", "en": "Invalid {what}: {value}"},
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
}


def describe(error: ReaderError, lang: str = "zh") -> str:
    """One sentence for the user, in `lang` ('zh' or 'en')."""
    lang = "en" if lang.startswith("en") else "zh"
    entry = CATALOGUE.get(error.code, CATALOGUE["error"])
    fields = {k: _word(k, v, lang) for k, v in error.fields().items()}
    try:
        return entry[lang].format(**fields)
    except (KeyError, IndexError):
        return entry[lang]


def _word(key: str, value: object, lang: str) -> object:
    if key == "kind" and isinstance(value, str) and value in KINDS:
        return KINDS[value][lang]
    if key == "path" and isinstance(value, str) and len(value) > 60:
        return "…" + value[-57:]  # a long path keeps its end: the file's name
    if isinstance(value, str) and len(value) > 60:
        return value[:57] + "…"
    return value
