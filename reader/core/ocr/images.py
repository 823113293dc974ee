"""Pictures and PDF pages as pixels for OCR, and page images kept for the window.

A picture's size is read from its header before anything is decoded: one over MAX_PIXELS (an
image bomb, a small file that decodes to gigapixels) is refused with ImageTooLarge, one that does
not decode is DamagedFile. Photographs are turned upright by their EXIF orientation. A picture
wider than MAX_WIDTH is scaled down to it (the recogniser works on lines 48 pixels tall: more
pixels only cost time). PDF pages are rendered by pypdfium2 (PDFium, the PDF engine of Chrome) at
DPI.

The page image kept with the document is greyscale JPEG, at most KEEP_WIDTH pixels wide (a page's
150 dpi): about 100-200 kB a page, enough to check a character against its print.
"""

from __future__ import annotations

import io
import warnings

from reader.core.errors import DamagedFile, ImageTooLarge

MAX_PIXELS = 120_000_000  # a 20,000-pixel-tall screenshot is 22 million; a 600 dpi A3 scan 70 million
MAX_WIDTH = 2400
DPI = 150
KEEP_WIDTH = 1300
KEEP_QUALITY = 70


def limit_pillow() -> None:
    """Pillow's own bomb check off: every picture's size is checked here from its header, before it
    is decoded, so that the refusal can say how large it claims to be."""
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = None


def open_image(data: bytes, path: str):
    """The picture in `data` as an RGB PIL image (upright, at most MAX_WIDTH wide), or a typed error."""
    from PIL import Image, ImageOps

    limit_pillow()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            img = Image.open(io.BytesIO(data))
            w, h = img.size
            if w * h > MAX_PIXELS:
                raise ImageTooLarge(path, round(w * h / 1e6), MAX_PIXELS // 1_000_000)
            img.load()
            img = ImageOps.exif_transpose(img)
            img = _flatten(img)
    except (OSError, ValueError, SyntaxError, TypeError, EOFError, IndexError, KeyError) as e:
        raise DamagedFile(path, "image", f"{type(e).__name__}: {e}") from e
    if img.width > MAX_WIDTH:
        img = img.resize((MAX_WIDTH, round(img.height * MAX_WIDTH / img.width)), Image.LANCZOS)
    return img


def _flatten(img):
    """RGB on white (a transparent PNG's background is white paper, not black)."""
    from PIL import Image

    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        img = img.convert("RGBA")
        back = Image.new("RGBA", img.size, (255, 255, 255, 255))
        back.alpha_composite(img)
        img = back
    return img.convert("RGB")


def pdf_pages(data: bytes, path: str, indices: list[int], dpi: int = DPI):
    """The PDF's pages `indices` rendered as RGB PIL images, one at a time (a generator)."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        raise DamagedFile(path, "pdf", str(e)) from e
    try:
        for index in indices:
            page = pdf[index]
            try:
                w, h = page.get_size()
                scale = dpi / 72
                if w * h * scale * scale > MAX_PIXELS:  # a page of absurd size: fewer dots per inch
                    scale = (MAX_PIXELS / (w * h)) ** 0.5
                bitmap = page.render(scale=scale, grayscale=True)
                yield bitmap.to_pil().convert("RGB")
            except pdfium.PdfiumError as e:
                raise DamagedFile(path, "pdf", str(e)) from e
            finally:
                page.close()
    finally:
        pdf.close()


def keep_image(img) -> tuple[bytes, float]:
    """(greyscale JPEG of the page for the window, its scale from the OCR pixels)."""
    from PIL import Image

    grey = img.convert("L")
    scale = min(1.0, KEEP_WIDTH / grey.width)
    if scale < 1.0:
        grey = grey.resize((KEEP_WIDTH, max(1, round(grey.height * scale))), Image.LANCZOS)
    if grey.height > 65000:  # JPEG's limit: a very long screenshot is kept at a smaller scale
        factor = 65000 / grey.height
        grey = grey.resize((max(1, round(grey.width * factor)), 65000), Image.LANCZOS)
        scale *= factor
    out = io.BytesIO()
    grey.save(out, "JPEG", quality=KEEP_QUALITY, optimize=True)
    return out.getvalue(), scale
