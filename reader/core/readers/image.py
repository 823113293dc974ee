"""Pictures read by OCR: one picture (PNG, JPEG, TIFF, WebP; a multi-page TIFF is one page per
frame; a long screenshot is one tall page) or a folder of page pictures, one report in the natural
order of their names (页2.jpg before 页10.jpg).

A folder's pictures travel as one blob (`pack`/`unpack`: each name and its bytes), so that the
import hashes, hands out and reads them like any file's bytes.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

from reader.core import ocr
from reader.core.errors import DamagedFile, NeedsOcr, NoTextRecognised, OcrUnavailable
from reader.core.model import RawDocument
from reader.core.ocr import NEVER, OcrOptions

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp"}
MAX_FRAMES = 500
MIN_CHARS = 4  # fewer letters, digits or hanzi than this: nothing was read (a blank page, a photo)


def natural_key(name: str) -> list:
    """页2 before 页10: digits compare as numbers."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part.lower()) for part in re.split(r"(\d+)", name)]


def page_files(folder: Path) -> list[Path]:
    """The pictures directly in `folder`, in natural order (hidden files left out)."""
    files = [p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES and not p.name.startswith(".")
             and p.is_file()]
    return sorted(files, key=lambda p: natural_key(p.name))


def pack(files: list[Path]) -> bytes:
    out = bytearray()
    for f in files:
        name, data = f.name.encode("utf-8"), f.read_bytes()
        out += struct.pack(">IQ", len(name), len(data)) + name + data
    return bytes(out)


def unpack(blob: bytes, path: str) -> list[tuple[str, bytes]]:
    out, k = [], 0
    try:
        while k < len(blob):
            n, size = struct.unpack_from(">IQ", blob, k)
            k += 12
            name = blob[k : k + n].decode("utf-8")
            k += n
            out.append((name, blob[k : k + size]))
            k += size
    except (struct.error, UnicodeDecodeError) as e:
        raise DamagedFile(path, "image", str(e)) from e
    return out


def _frames(data: bytes, frames: int, path: str):
    """The pages of one picture file (a TIFF may hold several), as RGB PIL images."""
    from reader.core.ocr.images import open_image

    yield open_image(data, path)
    if frames > 1:
        import io

        from PIL import Image, ImageSequence

        with Image.open(io.BytesIO(data)) as img:
            for k, frame in enumerate(ImageSequence.Iterator(img)):
                if 0 < k < frames:
                    out = io.BytesIO()
                    frame.save(out, "PNG")
                    yield open_image(out.getvalue(), path)


def read_images(files: list[tuple[str, bytes]], path: str, options: OcrOptions | None = None,
                fmt: str = "image") -> RawDocument:
    """OCR the pictures (name, bytes), in order, as the pages of one document."""
    from reader.core.ocr.record import assemble
    from reader.core.ocr.run import PageJob, read_pages

    options = options or OcrOptions()
    if options.mode == NEVER:
        raise NeedsOcr(path)
    if not ocr.available():
        raise OcrUnavailable(path)
    frames = [_check(data, name, path) for name, data in files]  # every picture checked before any is read

    def jobs():
        number = 0
        for (name, data), count in zip(files, frames, strict=True):
            for frame in _frames(data, count, path):
                number += 1
                yield PageJob(number, name, frame)

    results = read_pages(path, jobs(), sum(frames), options.on_page, options.cancel)
    text, record = assemble(results)
    if sum(ch.isalnum() for ch in text) < MIN_CHARS:
        raise NoTextRecognised(path)
    return RawDocument(text=text, encoding=None, format=fmt, ocr=record)


def _check(data: bytes, name: str, path: str) -> int:
    """The picture's header read (its size checked) without decoding it; its number of frames."""
    import io

    from PIL import Image

    from reader.core.errors import ImageTooLarge
    from reader.core.ocr.images import MAX_PIXELS, limit_pillow

    limit_pillow()
    try:
        with Image.open(io.BytesIO(data)) as img:
            w, h = img.size
            frames = min(MAX_FRAMES, getattr(img, "n_frames", 1) if img.format == "TIFF" else 1)
    except (OSError, ValueError, SyntaxError, TypeError, EOFError) as e:
        raise DamagedFile(path, "image", f"{name}: {type(e).__name__}: {e}") from e
    if w * h > MAX_PIXELS:
        raise ImageTooLarge(path, round(w * h / 1e6), MAX_PIXELS // 1_000_000)
    return frames


def read_image(data: bytes, path: str, options: OcrOptions | None = None) -> RawDocument:
    return read_images([(Path(path).name, data)], path, options)


def read_folder(blob: bytes, path: str, options: OcrOptions | None = None) -> RawDocument:
    return read_images(unpack(blob, path), path, options, fmt="pages")
