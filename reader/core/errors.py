"""Typed errors raised by the core.

Each error carries fields, never sentences: reader.core.messages puts them into words
(Chinese or English) for the command line and the window alike.
"""

# ruff: noqa: N818 - the house style names errors for what happened (NotFound), without "Error"

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class ReaderError(Exception):
    """Base of every error a user can cause. `code` names the message in the catalogue."""

    code = "error"

    def fields(self) -> dict[str, object]:
        return dict(getattr(self, "__dict__", {}))

    def __str__(self) -> str:  # plain, for logs; users see reader.core.messages.describe()
        from reader.core.messages import describe

        return describe(self, "en")


@dataclass
class Cancelled(ReaderError):
    """The user cancelled a long task. Not a failure: callers end quietly."""

    code = "cancelled"


@dataclass
class PathMissing(ReaderError):
    path: str
    code = "path_missing"


@dataclass
class PathUnreadable(ReaderError):
    path: str
    reason: str = ""
    code = "path_unreadable"


@dataclass
class UnsupportedFormat(ReaderError):
    path: str
    suffix: str
    code = "unsupported_format"


@dataclass
class EmptyDocument(ReaderError):
    path: str
    code = "empty_document"


@dataclass
class BinaryContent(ReaderError):
    """Bytes that are not text in any encoding we read (a binary file named .txt)."""

    path: str
    code = "binary_content"


@dataclass
class UndecodableText(ReaderError):
    path: str
    code = "undecodable_text"


@dataclass
class DamagedFile(ReaderError):
    """A .docx/.pdf/.html that its format library cannot open."""

    path: str
    format: str
    reason: str = ""
    code = "damaged_file"


@dataclass
class TooLarge(ReaderError):
    path: str
    limit_mb: int
    code = "too_large"


@dataclass
class NeedsOcr(ReaderError):
    """A scan (a PDF without a text layer, a picture) read with OCR turned off."""

    path: str
    code = "needs_ocr"


@dataclass
class OcrUnavailable(ReaderError):
    """A scan (an image, a PDF page without a usable text layer) to read, and the OCR extra
    (rapidocr-onnxruntime, pypdfium2) is not installed."""

    path: str
    code = "ocr_unavailable"


@dataclass
class NoTextRecognised(ReaderError):
    """OCR found no text on the pages of a scan or picture (a blank page, a photo of no text)."""

    path: str
    code = "no_text_recognised"


@dataclass
class ImageTooLarge(ReaderError):
    """A picture whose size in pixels is beyond what is read (an image bomb: a small file that
    decodes to gigapixels), found from its header before it is decoded."""

    path: str
    megapixels: int
    limit: int
    code = "image_too_large"


@dataclass
class NotAProject(ReaderError):
    path: str
    reason: str = ""
    code = "not_a_project"


@dataclass
class ProjectTooNew(ReaderError):
    path: str
    version: int
    supported: int
    code = "project_too_new"


@dataclass
class ProjectLocked(ReaderError):
    path: str
    code = "project_locked"


@dataclass
class ProjectDamaged(ReaderError):
    """The project file failed SQLite's integrity check (or cannot be read as a database): it is
    refused and left as it is; `backups` copies of it exist to restore from."""

    path: str
    reason: str = ""
    backups: int = 0
    code = "project_damaged"


@dataclass
class NotFound(ReaderError):
    """A unit, section, theme or passage named by id or name does not exist."""

    kind: str
    key: str
    code = "not_found"


@dataclass
class InvalidInput(ReaderError):
    """An argument a user gave is out of range or malformed."""

    what: str
    value: str
    code = "invalid_input"


@dataclass
class QuoteNotFound(ReaderError):
    unit: int
    quote: str
    code = "quote_not_found"


@dataclass
class AmbiguousQuote(ReaderError):
    unit: int
    quote: str
    count: int
    code = "ambiguous_quote"


@dataclass
class DuplicateName(ReaderError):
    kind: str
    name: str
    code = "duplicate_name"


@dataclass
class FileExists(ReaderError):
    path: str
    code = "file_exists"


@dataclass
class WriteFailed(ReaderError):
    path: str
    reason: str = ""
    code = "write_failed"


@dataclass
class AmbiguousName(ReaderError):
    """A name (of a theme, say) matches more than one thing; give a path such as 父主题/子主题."""

    kind: str
    name: str
    count: int
    code = "ambiguous_name"


@dataclass
class FormatNotYetSupported(ReaderError):
    """A format we recognise and reserve (QDA exchange .qdpx/.qdc) but cannot import yet."""

    path: str
    suffix: str
    code = "format_not_yet_supported"


@dataclass
class NothingToImport(ReaderError):
    """The paths given hold no file of a type we import."""

    path: str
    code = "nothing_to_import"


@dataclass
class ImportFailed(ReaderError):
    """A file could not be imported because of a fault in the program (not in the file as far as
    we know); recorded for that file so that the rest of a batch still imports."""

    path: str
    reason: str = ""
    code = "import_failed"


@dataclass
class BadExchangeFile(ReaderError):
    """A REFI-QDA exchange file (.qdpx project, .qdc codebook) that does not follow the standard:
    not a zip archive, no project.qde, XML we cannot read, a source file missing..."""

    path: str
    format: str
    reason: str = ""
    code = "bad_exchange_file"


@dataclass
class Encrypted(ReaderError):
    """A .pdf or .docx that is encrypted (password-protected): it cannot be read as it is."""

    path: str
    format: str
    code = "encrypted"


@dataclass
class OldFormat(ReaderError):
    """A file in a version or variant of its format that is not read (a .doc saved by Word 95 or
    older, or as Word 2003 XML): Word or WPS opens it and saves it as .docx."""

    path: str
    format: str
    code = "old_format"


def display_path(path: str | Path) -> str:
    return str(path)


@dataclass
class NotAligned(ReaderError):
    """The project has no stored alignment yet (corrections need its rows)."""

    path: str
    code = "not_aligned"


@dataclass
class AmbiguousPlace(AmbiguousName):
    """A county named by a name several places of the project share (鼓楼区 in 福州 and 南京):
    `choices` lists how to name each one (福州市/鼓楼区、南京市/鼓楼区)."""

    choices: str = ""
    code = "ambiguous_place"


@dataclass
class ProjectReadOnly(ReaderError):
    """The project file (or its folder) cannot be written: it opens for reading, and the first
    change says so."""

    path: str
    code = "project_read_only"


@dataclass
class NoReportsToAlign(ReaderError):
    """An alignment chose no report (an empty project, or no report matches the choice); the stored
    comparison is left as it was."""

    path: str
    code = "no_reports_to_align"


@dataclass
class AlignFailed(ReaderError):
    """The process that aligned the reports stopped before it finished (it ran out of memory, was
    killed, or met a fault); the stored comparison is left as it was."""

    reason: str
    code = "align_failed"


@dataclass
class NotACodebook(ReaderError):
    """A file given as a codebook that is not one of the codebook kinds (.qdc .csv .xlsx)."""

    path: str
    suffix: str
    code = "not_a_codebook"


@dataclass
class ProjectInUse(ProjectReadOnly):
    """The project is open for writing in another window or program (it holds the project's lock):
    here it opens for reading only, and a change, a restore or a write command says so."""

    code = "project_in_use"


@dataclass
class NotAFile(ReaderError):
    """A path to import that is not an ordinary file: a pipe, a device, a link that leads nowhere
    or round in a loop. It is never opened (reading a pipe or a device could wait or run forever)."""

    path: str
    code = "not_a_file"


@dataclass
class TextTooLong(ReaderError):
    """A document whose text is longer than the program cleans and stores in one go."""

    path: str
    length: int
    limit: int
    code = "text_too_long"


@dataclass
class UnpacksTooLarge(ReaderError):
    """An archive (.docx, .qdpx) whose members would unpack to more than the limit: a damaged file
    or a zip bomb. Refused from the sizes it declares, before anything is unpacked."""

    path: str
    format: str
    limit_mb: int
    code = "unpacks_too_large"


@dataclass
class UnsafeArchivePath(ReaderError):
    """An archive member or a path inside an exchange file that leads out of the archive (../,
    an absolute path, a drive letter): the archive is refused."""

    path: str
    member: str
    code = "unsafe_archive_path"


@dataclass
class MixedEncodings(ReaderError):
    """A text file whose lines are in different encodings (pasted together from a GB and a Big5 or
    UTF-8 copy): no single reading is right, so it is refused rather than half garbled."""

    path: str
    encodings: str
    code = "mixed_encodings"


@dataclass
class ThemeMappingNeeded(ReaderError):
    """A teammate's copy holds themes that look like ours renamed or moved: they must be mapped onto
    ours or added as new themes before the merge writes anything. `themes` lists the suggested
    mappings as OURS=THEIRS."""

    path: str
    count: int
    themes: str
    code = "theme_mapping_needed"


@dataclass
class TargetIsProject(ReaderError):
    """An export or save target that is a project file of ours (the project itself through any path
    or link, another project, a backup) or lives beside one as its journal, shared memory or lock:
    writing it would destroy the project, so it is refused whatever --force says."""

    path: str
    code = "target_is_project"


@dataclass
class BackupOfAnotherProject(ReaderError):
    """A backup chosen for a restore that is a copy of another project (its project id differs from
    the project's): it is not put in place."""

    path: str
    backup: str
    code = "backup_of_another_project"


@dataclass
class TooComplex(ReaderError):
    """A file within its size limit that passes another limit its reader keeps so that memory and
    time stay bounded (reader.core.readers and the exchange readers, limits in README): too many
    elements, rows or codes, nested too deep, or too long to read. A real report never comes near;
    a damaged file or one made to attack might."""

    path: str
    format: str
    what: str  # one of messages.LIMITS: elements, depth, codes, rows, seconds, content, parts
    limit: int
    code = "too_complex"


@dataclass
class LinkLeavesFolder(ReaderError):
    """A link inside a folder being imported that leads out of it (a link named report.txt in an
    unpacked archive pointing at a private file): not followed. A file the user names is read."""

    path: str
    code = "link_leaves_folder"
