"""The OCR engine: rapidocr-onnxruntime (PaddleOCR's PP-OCRv4 Chinese detection and recognition
models, shipped inside its wheel and run by onnxruntime on the CPU: nothing is downloaded).

One engine per process, made on first use (0.7 s to load the models). It reads with one thread:
pages are spread over processes, one per core, which is faster on a shared machine than threads
inside one page (two threads on one page took twice the CPU time for the same page, measured on
the shared 2-core machine). Speed (an A4 page at 150 dpi, one column, CPU seconds in its process:
rapidocr's defaults 14-17 s, here about 3 s): the recogniser reads one line a run at about the
line's own height (`LineReader`, `rec_height`), and the detector sees a large page scaled down
(`_detector_input`). The angle classifier is off (printed and photographed report pages are upright;
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

REC_HEIGHT = 48  # the recogniser's input height (it was trained at 48 pixels)
MIN_REC_HEIGHT = 40  # a line printed smaller is scaled up to this, not to REC_HEIGHT
MIN_REC_WIDTH = 320  # rapidocr's narrowest input (a short line is padded to it)
DET_SIDE = 1280  # the detector sees a larger page scaled to this many pixels on its long side


def rec_height(crop_height: int) -> int:
    """The height a line is recognised at: its own, within [MIN_REC_HEIGHT, REC_HEIGHT].

    Recognition costs in proportion to the input's width, which grows with the height a line is
    scaled to: scaling a 23-pixel line (12 pt at 150 dpi) to 48 pixels adds no detail and doubles
    the cost. Measured on rendered sample pages (7 one-column and 2 two-column A4 pages at 150 dpi,
    the detector at full size), CPU seconds a page and character error: at 48, 5.2 s, 0.06 % and 0.17 %; at 40, 3.9 s, 0.07 %
    and 0.17 %; at 36, 3.4 s, 0.09 % and 0.21 %; at 32, 2.8 s, 0.25 % and 0.25 % (落 read as 洛,
    着 as 看). Lines as tall as REC_HEIGHT or taller (300 dpi scans, photographs) are read at
    REC_HEIGHT, as the model was trained."""
    return max(MIN_REC_HEIGHT, min(REC_HEIGHT, crop_height))


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
    engine.text_rec = LineReader(engine.text_rec)
    engine.text_det.get_preprocess = _detector_input(engine.text_det)
    return engine


def _detector_input(detector):
    """The detector's resize: a page longer than DET_SIDE is scaled down to it, a smaller picture
    is left to rapidocr (which scales its short side up to 736 pixels).

    rapidocr gives the detector the page as it is (up to 2,000 pixels): the detector's cost goes
    with the pixels, and its boxes are mapped back to the page, whose own pixels the recogniser
    reads. Measured on rendered pages (CPU seconds for detection, 150 dpi A4): 0.9 s as it is,
    0.43 s at 1,280; a 300 dpi page or a photograph read at 2,000 pixels: 2.5 s more. The character
    error stayed the same on one- and two-column pages at 150 dpi, a 300 dpi page, print of 7.5, 9
    and 10.5 points, and the simulated photographs (1,600 and 3,000 pixels wide): text of 7.5 points
    at 150 dpi is 11 pixels tall at this scale, still found whole."""
    from rapidocr_onnxruntime.ch_ppocr_det.utils import DetPreProcess

    rapidocr = detector.get_preprocess

    def preprocess(longest: int):
        if longest > DET_SIDE:
            return DetPreProcess(DET_SIDE, "max", detector.mean, detector.std)
        return rapidocr(longest)

    return preprocess


class LineReader:
    """rapidocr's recogniser run one line at a time, each at its own height (`rec_height`).

    rapidocr reads lines in batches of six padded to the widest: on a page of full-width lines
    every batch is a new input shape, and onnxruntime (its memory arena off, as rapidocr sets it)
    takes fresh memory for each from the system, zeroed page by page: measured on one-column A4
    pages at 150 dpi, 7.4-9.4 s of CPU a page in the recogniser and 1.2-12.8 s in the kernel. One
    line a run needs a fifth of the memory, which the allocator keeps and reuses, and pads nothing:
    4.5-5.8 s a page at 48 pixels, none in the kernel."""

    def __init__(self, recogniser) -> None:
        self.session = recogniser.session
        self.postprocess_op = recogniser.postprocess_op

    def __call__(self, img_list, return_word_box: bool = False):
        import time

        start = time.perf_counter()
        out = [self.read_line(img) for img in img_list]
        return out, time.perf_counter() - start

    def read_line(self, img):
        import cv2
        import numpy as np

        h, w = img.shape[:2]
        height = rec_height(h)
        width = max(1, int(np.ceil(height * w / h)))
        line = cv2.resize(img, (width, height))
        floor = round(MIN_REC_WIDTH * height / REC_HEIGHT)
        batch = np.zeros((1, 3, height, max(width, floor)), dtype=np.float32)
        batch[0, :, :, :width] = line.transpose(2, 0, 1).astype(np.float32) / 127.5 - 1.0
        preds = self.session(batch)[0]
        return self.postprocess_op(preds)[0]


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
