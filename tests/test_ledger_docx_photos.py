"""Ledger DOCX photos: two to a row at about 7 cm, upright by EXIF, scaled for print; a photo
that cannot be read is named and the export still succeeds (read back with python-docx)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from docx import Document
from docx.shared import Cm
from PIL import Image

from hongtu.core import paths
from hongtu.core.exports.ledger_docx import PRINT_SIDE, render_ledger_docx
from hongtu.core.ledger import Counts, LedgerDay, YearLedger
from hongtu.core.records import PhotoRef


def _jpeg(width: int, height: int, *, orientation: int | None = None) -> bytes:
    image = Image.new("RGB", (width, height), (200, 30, 30))
    out = io.BytesIO()
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def _store(name: str, data: bytes) -> str:
    path = paths.data_dir() / "photos" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return f"photos/{name}"


def _ledger(photos: tuple[PhotoRef, ...]) -> YearLedger:
    counts = Counts(3, 3, 0, 0)
    day = LedgerDay(
        1, date(2025, 7, 1), "重温入党誓词", ("八路军太原办事处纪念馆",), "张三", "李四",
        counts, (), (), (), "小结", photos,
    )  # fmt: skip
    held = tuple(m == 7 for m in range(1, 13))
    return YearLedger("第一党支部", 2025, (day,), held, counts, (), ())


def _pictures(document) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    """(width, height, paragraph text) of every picture, in order, with its paragraph."""
    found = []
    for paragraph in document.paragraphs:
        for inline in paragraph._p.xpath(".//wp:inline"):
            extent = inline.xpath("./wp:extent")[0]
            found.append((int(extent.get("cx")), int(extent.get("cy")), paragraph.text))
    return found


def test_photos_two_to_a_row_upright_scaled_and_a_missing_one_named(tmp_path: Path) -> None:
    camera = _jpeg(4000, 3000, orientation=6)  # a phone held upright: stored sideways + EXIF
    landscape = _jpeg(1600, 1200)
    thumb_only = _jpeg(320, 240)
    photos = (
        PhotoRef("a" * 64, _store("aa/upright.jpg", camera), "", "合影"),
        PhotoRef("b" * 64, _store("bb/wide.jpg", landscape), "", "参观展厅"),
        PhotoRef("c" * 64, "photos/cc/gone.jpg", "", "丢失的照片"),
        # the original was lost but its thumbnail is there: the thumbnail is printed
        PhotoRef("d" * 64, "photos/dd/lost.jpg", _store("thumbs/d.jpg", thumb_only), "宣誓"),
    )
    data = render_ledger_docx(_ledger(photos))
    document = Document(io.BytesIO(data))
    pictures = _pictures(document)
    assert len(pictures) == 3
    (w1, h1, _), (w2, h2, _), (w3, h3, _) = pictures
    assert h3 == h2
    # the upright photo is taller than wide (EXIF applied); the wide one is wider than tall
    assert h1 > w1 and abs(w1 / h1 - 3 / 4) < 0.01
    assert w2 > h2 and abs(w2 / h2 - 4 / 3) < 0.01
    # about 7 cm wide, two fit side by side in the 14.66 cm text width
    assert Cm(6.5) <= w1 <= Cm(7.5) and Cm(6.5) <= w2 <= Cm(7.5) and w1 + w2 < Cm(14.66)
    assert w3 == w2  # the thumbnail is placed at the same size
    texts = [p.text for p in document.paragraphs]
    picture_rows = [p for p in document.paragraphs if p._p.xpath(".//wp:inline")]
    assert [len(p._p.xpath(".//wp:inline")) for p in picture_rows] == [2, 1]
    assert "\t合影\t参观展厅" in texts and "\t宣誓" in texts
    assert any("照片无法读取：丢失的照片" in t for t in texts)
    # scaled for print: the camera photo is not embedded at 12 megapixels
    assert len(data) < len(camera) + 200_000
    embedded = [
        Image.open(io.BytesIO(part.blob))
        for part in document.part.package.parts
        if part.content_type == "image/jpeg"
    ]
    assert max(max(i.size) for i in embedded) <= PRINT_SIDE
    assert any(i.size == (750, PRINT_SIDE) for i in embedded)  # upright, long side 1000


def test_a_damaged_photo_is_named_and_the_rest_still_export() -> None:
    good = _jpeg(800, 600)
    photos = (
        PhotoRef("e" * 64, _store("ee/cut.jpg", good[: len(good) // 3]), "", "半张"),
        PhotoRef("f" * 64, _store("ff/text.jpg", b"not a picture"), "", ""),
        PhotoRef("g" * 64, _store("gg/ok.jpg", good), "", "完好"),
    )
    document = Document(io.BytesIO(render_ledger_docx(_ledger(photos))))
    texts = [p.text for p in document.paragraphs]
    assert len(_pictures(document)) == 1
    assert any("照片无法读取：半张" in t for t in texts)
    assert any("照片无法读取：text.jpg" in t for t in texts)


def _size(path: Path) -> tuple[int, int]:
    with Image.open(path) as image:
        return image.size


def test_the_scaled_copy_is_kept_for_the_next_export() -> None:
    digest = "c" * 64
    original = _store(f"cc/{digest}.jpg", _jpeg(2000, 1500))
    ledger = _ledger((PhotoRef(digest, original, "", "合影"),))
    first = render_ledger_docx(ledger)
    kept = paths.data_dir() / "photos" / "print" / f"{digest}.jpg"
    assert kept.is_file() and _size(kept) == (PRINT_SIDE, 750)
    # the next export reads the kept copy (the camera's file is not decoded again)
    (paths.data_dir() / original).unlink()
    again = Document(io.BytesIO(render_ledger_docx(ledger)))
    assert len(_pictures(again)) == 1
    assert len(first) > 0
    # a damaged copy is made again from the original
    (paths.data_dir() / original).write_bytes(_jpeg(2000, 1500))
    kept.write_bytes(b"broken")
    third = Document(io.BytesIO(render_ledger_docx(ledger)))
    assert len(_pictures(third)) == 1 and _size(kept) == (PRINT_SIDE, 750)
