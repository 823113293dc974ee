"""Reading scans: the page layout on boxes (no engine), the OCR record, bad scans, the OCR modes.
The tests marked `ocr` run the engine (in its processes) on small rendered pictures."""

from __future__ import annotations

import io
import struct
import zlib

import pytest

from reader.core import readers
from reader.core.errors import DamagedFile, ImageTooLarge, NeedsOcr, NoTextRecognised, OcrUnavailable
from reader.core.ingest import importing as ingest
from reader.core.messages import describe
from reader.core.ocr import NEVER, OcrOptions
from reader.core.ocr.engine import Box
from reader.core.ocr.layout import is_page_number, lay_out, repeated_edges
from reader.core.ocr.record import TEXT_LAYER, PageResult, assemble
from tests.ocr_scans import needs_ocr

W, H = 1240, 1754  # an A4 page at 150 dpi
CH = 25  # a character's size in pixels


def box(x0, y, text, conf=0.99, size=CH):
    return Box(x0, y, x0 + size * len(text), y + size, text, [conf] * len(text))


def column(x0, width, y0, paragraphs):
    """Boxes of paragraphs laid out in a column: first lines indented, lines full to the edge."""
    per_line = width // CH
    out, y = [], y0
    for para in paragraphs:
        first = True
        while para:
            room = per_line - (2 if first else 0)
            line, para = para[:room], para[room:]
            out.append(box(x0 + (2 * CH if first else 0), y, line))
            first = False
            y += 40
    return out


LEFT = ["一、加强监督工作，依法开展执法检查和专题询问活动，推动问题整改落实到位见效", "听取审议专项报告十二项。"]
RIGHT = ["二、密切联系代表，建设代表联络站四十个，收集意见建议三百余条并转交办理", "开展代表活动六十余次。"]


def test_two_columns_are_read_column_by_column_under_a_spanning_title():
    title = box(300, 150, "关于二〇二三年人大常委会工作情况的报告", size=30)
    left = column(150, 450, 260, LEFT)
    right = column(650, 450, 260, RIGHT)
    interleaved = [b for pair in zip(left, right, strict=False) for b in pair] + left[len(right):] + right[len(left):]
    page = lay_out([*interleaved, title], W, H)
    text = "\n".join(ln.text for ln in page.lines)
    assert text.index("关于二〇二三年") < text.index("一、加强") < text.index("听取审议") < text.index("二、密切")
    assert text.index("二、密切") < text.index("开展代表活动")


def test_a_line_whose_punctuation_hangs_into_the_gutter_stays_in_its_column():
    left = column(150, 450, 260, LEFT)
    right = column(650, 450, 260, RIGHT)
    hanging = left[1]
    hanging.x1 += 30  # its closing comma hangs past the column's edge, into the gutter
    page = lay_out([*right, *left], W, H)
    text = "".join(ln.text for ln in page.lines)
    assert text == "".join(LEFT) + "".join(RIGHT)


def test_furniture_is_dropped_and_paragraphs_are_joined():
    body = column(150, 940, 230, [LEFT[0] * 2, RIGHT[0]])
    head = box(500, 100, "人大常委会工作报告", size=20)
    number = box(590, 1640, "- 3 -", size=20)
    page = lay_out([head, *body, number], W, H)
    assert [b.text for b in page.furniture] == ["人大常委会工作报告", "- 3 -"]
    text, record = assemble([PageResult(1, "p.png", W, H, [head, *body, number], b"", 1.0)])
    assert text == LEFT[0] * 2 + "\n" + RIGHT[0]
    assert len(record.confidence) == len(text) and record.confidence[len(LEFT[0] * 2)] == TEXT_LAYER
    assert all(text[ln.start : ln.end] == ln.text for ln in record.lines)


def test_a_running_head_as_large_as_the_text_is_furniture_when_it_repeats():
    pages = []
    for n in (1, 2):
        head = box(400, 100, "某县人大常委会二〇二三年工作报告")  # same size as the body, no gap rule
        pages.append([head, *column(150, 940, 160, [LEFT[0]]), box(600, 1650, f"第{n}页")])
    from reader.core.ocr.layout import edge_texts

    repeated = repeated_edges([edge_texts(p, H) for p in pages])
    assert "某县人大常委会二〇二三年工作报告" in repeated
    text, _ = assemble([PageResult(n + 1, "x", W, H, p, b"", 1.0) for n, p in enumerate(pages)])
    assert "工作报告" not in text and "页" not in text


@pytest.mark.parametrize("text, number", [("- 12 -", True), ("第3页", True), ("3/20", True), ("第 3 页 共 20 页", True),
                                          ("Page 4", True), ("12", True), ("一、总体情况", False), ("2023年", False)])
def test_page_numbers(text, number):
    assert is_page_number(text) is number


def test_text_layer_pages_keep_their_place_between_scanned_pages():
    scanned = PageResult(1, "s.pdf", W, H, column(150, 940, 200, [LEFT[0]]), b"", 0.5)
    third = PageResult(3, "s.pdf", W, H, column(150, 940, 200, [RIGHT[0]]), b"", 0.5)
    text, record = assemble([scanned, "第二页的文字层。", third])
    assert text.split("\n") == [LEFT[0], "第二页的文字层。", RIGHT[0]]
    assert len(record.pages) == 2 and [ln.page for ln in record.lines] == [0, 0, 1]
    middle = text.index("第二页")
    assert set(record.confidence[middle : middle + 8]) == {TEXT_LAYER}
    assert record.lines[0].box[0] == 100  # boxes kept in the kept image's pixels (scale 0.5)


# -- bad scans: refused before any OCR --------------------------------------------------------------


def _png_header(width: int, height: int) -> bytes:
    """A PNG that says it is width x height (an image bomb's header) with a token of data."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + chunk(b"IEND", b"")


def _jpeg(size=(400, 300)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, (200, 180, 160)).save(out, "JPEG")
    return out.getvalue()


@needs_ocr
def test_an_image_bomb_is_refused_from_its_header(tmp_path):
    path = tmp_path / "bomb.png"
    path.write_bytes(_png_header(100_000, 100_000))
    assert path.stat().st_size < 2000
    with pytest.raises(ImageTooLarge) as caught:
        readers.read_path(path)
    message = describe(caught.value, "zh")
    assert "bomb.png" in message and "10000" in message


@needs_ocr
@pytest.mark.parametrize("cut", [200, 10], ids=["truncated", "header-only"])
def test_a_corrupt_jpeg_is_a_damaged_file(tmp_path, cut):
    path = tmp_path / "photo.jpg"
    path.write_bytes(_jpeg()[:cut])
    with pytest.raises(DamagedFile) as caught:
        readers.read_path(path)
    assert "photo.jpg" in describe(caught.value, "en")


def test_without_the_ocr_extra_a_scan_says_how_to_add_it(tmp_path, monkeypatch):
    from reader.bench.pdfwriter import make_pdf

    monkeypatch.setattr("reader.core.ocr.available", lambda: False)
    picture = tmp_path / "page.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(make_pdf([None, None]))
    for path in (picture, scan):
        with pytest.raises(OcrUnavailable) as caught:
            readers.read_path(path)
        for lang in ("zh", "en"):
            message = describe(caught.value, lang)
            assert "renda-reader[ocr]" in message and path.name in message
    # a PDF with a text layer still reads, and one scanned page among text pages is left out
    from tests.core.readers.test_readers import LINES

    mixed = tmp_path / "mixed.pdf"
    mixed.write_bytes(make_pdf([LINES[:6], None, LINES[6:12]]))
    assert readers.read_path(mixed).text.split("\n") == LINES[:12]


def test_ocr_never_refuses_pictures_and_scans(tmp_path):
    from reader.bench.pdfwriter import make_pdf

    picture = tmp_path / "page.png"
    picture.write_bytes(_png_header(10, 10))
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(make_pdf([None, None]))
    for path in (picture, scan):
        with pytest.raises(NeedsOcr) as caught:
            readers.read_path(path, ocr=OcrOptions(NEVER))
        assert path.name in describe(caught.value, "en")


def test_a_folder_of_pictures_is_one_report_in_natural_order(tmp_path):
    folder = tmp_path / "report"
    folder.mkdir()
    for name in ("页10.png", "页9.png", "页1.png", ".hidden.png"):
        (folder / name).write_bytes(_png_header(10, 10))
    (folder / "notes.txt").write_text("一份说明", encoding="utf-8")
    lone = tmp_path / "other"
    lone.mkdir()
    (lone / "cover.jpg").write_bytes(_jpeg())
    found = [p for p, _ in ingest.collect([tmp_path])]
    assert found == [tmp_path / "other" / "cover.jpg", folder, folder / "notes.txt"]
    from reader.core.readers.image import page_files, unpack

    assert [p.name for p in page_files(folder)] == ["页1.png", "页9.png", "页10.png"]
    assert [n for n, _ in unpack(readers.read_bytes(folder), "x")] == ["页1.png", "页9.png", "页10.png"]


# -- with the engine ------------------------------------------------------------------------------


def _render(text: str, size=(900, 600), font_px=28, y=40):
    from PIL import Image, ImageDraw, ImageFont

    from reader.bench.scanpages import font_path

    img = Image.new("RGB", size, "white")
    font = ImageFont.truetype(str(font_path()), font_px, index=2 if str(font_path()).endswith(".ttc") else 0)
    draw = ImageDraw.Draw(img)
    for k, line in enumerate(text.split("\n")):
        draw.text((30, y + k * font_px * 1.6), line, font=font, fill="black")
    return img


def _png(img) -> bytes:
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


@pytest.mark.ocr
@needs_ocr
def test_bad_scans_each_give_one_clear_line(project, tmp_path):
    from PIL import Image, ImageDraw

    blank = tmp_path / "blank.png"
    blank.write_bytes(_png(Image.new("L", (1240, 1754), 250)))
    photo = Image.new("RGB", (800, 600), (90, 140, 60))
    draw = ImageDraw.Draw(photo)
    for k in range(12):  # a field with trees: shapes and shades, no writing
        draw.ellipse((40 + 60 * k, 200 + (k % 3) * 40, 110 + 60 * k, 330 + (k % 3) * 40), fill=(30 + 10 * k, 90, 40))
    draw.rectangle((0, 0, 800, 150), fill=(150, 190, 240))
    (tmp_path / "photo.jpg").write_bytes(_jpeg_of(photo))
    (tmp_path / "corrupt.jpg").write_bytes(_jpeg()[:300])
    (tmp_path / "bomb.png").write_bytes(_png_header(60_000, 60_000))
    names = ["blank.png", "photo.jpg", "corrupt.jpg", "bomb.png"]
    report = ingest.import_paths(project, [tmp_path / n for n in names])
    errors = {i.name: type(i.error) for i in report.items}
    assert errors == {"blank.png": NoTextRecognised, "photo.jpg": NoTextRecognised, "corrupt.jpg": DamagedFile,
                      "bomb.png": ImageTooLarge}
    for item in report.items:
        assert "\n" not in describe(item.error, "zh") and item.name in describe(item.error, "zh")
    assert project.db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    assert project.db.execute("SELECT count(*) FROM ocr_pages").fetchone()[0] == 0


def _jpeg_of(img) -> bytes:
    out = io.BytesIO()
    img.save(out, "JPEG", quality=90)
    return out.getvalue()


@pytest.mark.ocr
@needs_ocr
def test_a_long_screenshot_is_one_tall_page_read_in_order(tmp_path):
    from PIL import Image

    lines = ["一、加强监督工作成效明显", "二、代表联络站建设全覆盖", "三、自身建设不断加强"]
    tall = Image.new("RGB", (720, 20_000), "white")
    for k, line in enumerate(lines):  # text at the top, in the middle (across a tile's edge) and at the foot
        tall.paste(_render(line, size=(720, 90), y=20), (0, [100, 9_700, 19_800][k]))
    path = tmp_path / "长截图.png"
    path.write_bytes(_png(tall))
    raw = readers.read_path(path)
    assert raw.text.split("\n") == lines
    assert raw.format == "image" and len(raw.ocr.pages) == 1 and raw.ocr.pages[0].height > 10_000


@pytest.mark.ocr
@needs_ocr
def test_a_pdf_with_some_scanned_pages_reads_them_in_their_place(tmp_path):
    from pypdf import PdfReader, PdfWriter

    from reader.bench.pdfwriter import make_pdf
    from reader.bench.scanpages import to_pdf

    scan = _render("二、密切联系代表\n建设代表联络站四十个，收集意见建议三百余条。", size=(1240, 400))
    garbage = make_pdf([["\ue000\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008\ue009\ue00a\ue00b" * 3]])
    text_pdf = make_pdf([["一、加强监督工作", "听取审议专项报告十二项，开展执法检查五次。"], None,
                         ["三、加强自身建设", "组织学习二十次。"]])
    writer = PdfWriter()
    pages = PdfReader(io.BytesIO(text_pdf)).pages
    scanned = PdfReader(io.BytesIO(to_pdf([scan]))).pages[0]
    for page in (pages[0], scanned, pages[2]):
        writer.add_page(page)
    garbled = writer.add_page(PdfReader(io.BytesIO(to_pdf([_render("四、其他工作\n完成各项任务。", size=(1240, 400))]))).pages[0])
    garbled.merge_page(PdfReader(io.BytesIO(garbage)).pages[0])  # a text layer of unmapped characters on top
    out = io.BytesIO()
    writer.write(out)
    path = tmp_path / "mixed.pdf"
    path.write_bytes(out.getvalue())
    raw = readers.read_path(path)
    assert raw.text.split("\n") == ["一、加强监督工作", "听取审议专项报告十二项，开展执法检查五次。", "二、密切联系代表",
                                    "建设代表联络站四十个，收集意见建议三百余条。", "三、加强自身建设", "组织学习二十次。",
                                    "四、其他工作", "完成各项任务。"]
    assert [p.number for p in raw.ocr.pages] == [2, 4]
    never = readers.read_path(path, ocr=OcrOptions(NEVER))
    assert "二、密切联系代表" not in never.text and "三、加强自身建设" in never.text


@pytest.mark.ocr
@needs_ocr
def test_a_multipage_tiff_is_one_page_a_frame(tmp_path):
    frames = [_render(line, size=(720, 90), y=20) for line in ("一、加强监督工作成效明显", "二、代表联络站建设全覆盖")]
    path = tmp_path / "scan.tiff"
    frames[0].save(path, "TIFF", save_all=True, append_images=frames[1:])
    seen = []
    raw = readers.read_path(path, ocr=OcrOptions(on_page=lambda done, total, text: seen.append((done, total))))
    first, second = raw.text.split("\n")
    assert "加强监督工作成效明显" in first and "代表联络站建设全覆盖" in second
    assert seen == [(1, 2), (2, 2)] and [p.number for p in raw.ocr.pages] == [1, 2]


@pytest.mark.ocr
@needs_ocr
def test_a_photographed_page(tmp_path):
    """A phone photo of a printed page (turned, in perspective, unevenly lit, blurred, noisy, JPEG)."""
    from reader.bench.cer import cer
    from reader.bench.scanpages import Layout, photograph, render_pages
    from reader.core.clean import pipeline
    from tests.ocr_scans import ONE_COLUMN, cleaned_text

    printed = cleaned_text(ONE_COLUMN)
    path = tmp_path / "photo.jpg"
    path.write_bytes(photograph(render_pages(printed, Layout(dpi=200))[0]))
    text = pipeline.clean(readers.read_path(path)).text
    read = "".join(text.split())
    assert len(read) > 1000
    assert cer(read, "".join(printed.split())[: len(read)]) < 0.02
    assert not text.startswith("人大常委会工作报告")  # the running head is dropped
    assert text.split("\n")[1] == "2024-01-23"  # the title, then the date: lines kept apart


_ENGINE_PROBE = r"""
import json, sys
import numpy as np
from PIL import Image, ImageDraw, ImageFont
from reader.bench.scanpages import font_path
from reader.core.ocr import engine as E

eng = E.engine()
page = np.full((1754, 1240, 3), 255, np.uint8)  # an A4 page at 150 dpi
det_input = eng.text_det.get_preprocess(1754)(page).shape
small = eng.text_det.get_preprocess(900)(np.full((300, 900, 3), 255, np.uint8)).shape
font = ImageFont.truetype(str(font_path()), 25, index=2 if str(font_path()).endswith(".ttc") else 0)
words = "听取审议专项工作报告十二项，建设代表联络站"
img = Image.new("RGB", (round(ImageDraw.Draw(Image.new("L", (1, 1))).textlength(words, font=font)) + 8, 31), "white")
ImageDraw.Draw(img).text((4, 2), words, font=font, fill="black")  # a line as the detector crops it
line = np.asarray(img)
ours = eng.text_rec([line])[0][0]
print(json.dumps({"det": det_input, "small": small, "text": ours[0], "conf": len(ours[2]),
                  "heights": [E.rec_height(h) for h in (12, 23, 40, 44, 60, 300)]}))
"""


@pytest.mark.ocr
@needs_ocr
def test_the_engine_reads_lines_at_their_own_height_and_pages_at_1280_pixels():
    """In a process of its own (the tests' process never imports the engine): the detector sees an
    A4 page at 150 dpi scaled to 1,280 pixels on its long side (a small picture as rapidocr sizes
    it), and a 12-point line is read one line a run at 40 pixels, every character with its
    confidence."""
    import json
    import subprocess
    import sys

    from tests.ocr_scans import ROOT

    out = subprocess.run([sys.executable, "-c", _ENGINE_PROBE], capture_output=True, text=True, cwd=ROOT,
                         timeout=300, check=True).stdout
    probe = json.loads(out.strip().splitlines()[-1])
    assert probe["det"][2:] == [1280, 896]  # 1,754 x 1,240 scaled by 1280/1754, to multiples of 32
    assert probe["small"][2:] == [736, 2208]  # rapidocr's own: the short side up to 736
    assert probe["text"] == "听取审议专项工作报告十二项，建设代表联络站"
    assert probe["conf"] == len(probe["text"])
    assert probe["heights"] == [40, 40, 40, 44, 48, 48]
