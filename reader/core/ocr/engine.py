"""The OCR engine: rapidocr-onnxruntime (PaddleOCR's PP-OCRv4 Chinese detection and recognition
models, shipped inside its wheel and run by onnxruntime on the CPU: nothing is downloaded).

One engine per process, made on first use (0.7 s to load the models). It reads with one thread:
pages are spread over processes, one per core, which is faster on a shared machine than threads
inside one page. The angle classifier is off (printed and photographed report pages are upright;
it costs time on every line). Each line comes back with the confidence of each character: the
recogniser's CTC decoder is given a subclass that keeps the per-character probabilities it
averages. A picture much taller than wide (a phone screenshot, a WeChat article image) is read in
overlapping tiles, each as tall as about one and a half widths, so that the detector's resize
keeps its text legible; a line in an overlap is kept from the tile that holds its middle, and a
tile of one shade is not read at all.

Importing this module imports nothing heavy; `recognise` imports OpenCV and onnxruntime, which is
why it only runs in the OCR processes (reader.core.ocr.run), never in the window's.
"""

from __future__ import annotations

from dataclasses import dataclass

TILE_RATIO = 1.5  # a tile's height, in widths
TALL_RATIO = 2.2  # pictures taller than this many widths are read in tiles
OVERLAP = 0.12  # of a tile's width
TEXT_SCORE = 0.5  # lines recognised below this mean confidence are dropped (as rapidocr does)


@dataclass
class Box:
    """One line of text found on a page: its box in page pixels and each character's confidence."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    conf: list[float]

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


_engine: list = []


def _make_engine():
    from rapidocr_onnxruntime import RapidOCR
    from rapidocr_onnxruntime.ch_ppocr_rec.utils import CTCLabelDecode

    class CharConfidence(CTCLabelDecode):
        """The decoder, keeping each character's probability beside the text and their mean."""

        def decode(self, text_index, text_prob=None, return_word_box=False, is_remove_duplicate=False):
            import numpy as np

            out = []
            for row, probs in zip(text_index, text_prob, strict=True):
                keep = np.ones(len(row), dtype=bool)
                if is_remove_duplicate:
                    keep[1:] = row[1:] != row[:-1]
                for token in self.get_ignored_tokens():
                    keep &= row != token
                chars = [self.character[i] for i in row[keep]]
                conf = [float(p) for p in probs[keep]]
                out.append(("".join(chars), float(np.mean(conf)) if conf else 0.0, conf))
            return out

    engine = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1, text_score=TEXT_SCORE)
    decoder = engine.text_rec.postprocess_op
    engine.text_rec.postprocess_op = CharConfidence(character=decoder.character[1:-1])
    return engine


def engine():
    if not _engine:
        _engine.append(_make_engine())
    return _engine[0]


def _read(img) -> list[Box]:
    """The lines rapidocr finds on one image (an RGB array), in page pixels."""
    result, _ = engine()(img, use_cls=False)
    boxes = []
    for quad, text, _score, conf in result or []:
        xs = [p[0] for p in quad]
        ys = [p[1] for p in quad]
        text = text.strip()
        if text:
            conf = list(conf)
            if len(conf) != len(text):  # a space the decoder kept at an end
                conf = (conf + [1.0] * len(text))[: len(text)]
            boxes.append(Box(min(xs), min(ys), max(xs), max(ys), text, conf))
    return boxes


def _blank(img) -> bool:
    """A stretch of one shade (the empty part of a long screenshot): nothing to read."""
    small = img[::8, ::8]
    return int(small.max()) - int(small.min()) < 40


def recognise(img) -> list[Box]:
    """Every line of text on a page image (an RGB numpy array), in page pixels."""
    h, w = img.shape[:2]
    if h <= TALL_RATIO * w:
        return _read(img)
    tile = max(int(TILE_RATIO * w), 600)
    overlap = max(int(OVERLAP * w), 120)
    boxes: list[Box] = []
    top = 0
    while True:
        bottom = min(h, top + tile)
        keep_from = top + overlap / 2 if top > 0 else 0
        keep_to = bottom - overlap / 2 if bottom < h else h
        piece = img[top:bottom]
        for b in ([] if _blank(piece) else _read(piece)):
            b.y0 += top
            b.y1 += top
            if keep_from <= b.cy < keep_to:
                boxes.append(b)
        if bottom >= h:
            return boxes
        top = bottom - overlap
