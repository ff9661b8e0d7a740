"""The photo store: once by content hash, a thumbnail upright by EXIF, originals untouched, and
every bad file a PhotoError with a reason (never a crash, never half a photo stored)."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from hongtu.core import paths
from hongtu.core.photos import (
    THUMB_SIDE,
    PhotoError,
    PhotoErrorCode,
    PhotoStore,
    heic_readable,
    store_photo,
)

EXIF_ORIENTATION = 0x0112


def jpeg(width: int, height: int, *, orientation: int | None = None, colour=(200, 30, 30)) -> bytes:
    image = Image.new("RGB", (width, height), colour)
    # the left half green: after turning, which side it ends on shows the turn was applied
    image.paste((30, 160, 30), (0, 0, width // 2, height))
    out = io.BytesIO()
    if orientation is None:
        image.save(out, "JPEG", quality=90)
    else:
        exif = Image.Exif()
        exif[EXIF_ORIENTATION] = orientation
        image.save(out, "JPEG", quality=90, exif=exif)
    return out.getvalue()


def png(width: int, height: int, *, alpha: bool = False) -> bytes:
    image = Image.new(
        "RGBA" if alpha else "RGB", (width, height), (10, 20, 200, 0 if alpha else 255)
    )
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def test_a_jpeg_is_stored_byte_for_byte_by_its_hash_with_a_thumbnail(tmp_path: Path) -> None:
    data = jpeg(1600, 1200)
    source = tmp_path / "IMG_0001.JPG"
    source.write_bytes(data)
    ref = store_photo(source, caption="合影")
    digest = hashlib.sha256(data).hexdigest()
    assert ref.content_hash == digest
    assert ref.path == f"photos/{digest[:2]}/{digest}.jpg"
    assert ref.thumbnail_path == f"photos/thumbs/{digest}.jpg"
    assert ref.caption == "合影"
    data_dir = paths.data_dir()
    assert (data_dir / ref.path).read_bytes() == data  # the original as it was, full size
    with Image.open(data_dir / ref.thumbnail_path) as thumb:
        assert thumb.format == "JPEG"
        assert max(thumb.size) == THUMB_SIDE
        assert thumb.size == (320, 240)
    store = PhotoStore()
    assert store.file(ref) == data_dir / ref.path
    assert store.thumbnail(ref) == data_dir / ref.thumbnail_path


def test_the_same_photo_twice_is_stored_once(tmp_path: Path) -> None:
    data = png(300, 200)
    first, second = tmp_path / "a.png", tmp_path / "copy of a.png"
    first.write_bytes(data)
    second.write_bytes(data)
    store = PhotoStore(tmp_path / "data")
    one = store.add(first)
    before = {p: p.stat().st_mtime_ns for p in files_under(store.root)}
    two = store.add(second)
    assert one.path == two.path and one.content_hash == two.content_hash
    assert {p: p.stat().st_mtime_ns for p in files_under(store.root)} == before
    assert len(before) == 2  # one original, one thumbnail


def test_a_lost_thumbnail_is_made_again(tmp_path: Path) -> None:
    source = tmp_path / "a.png"
    source.write_bytes(png(50, 40))
    store = PhotoStore(tmp_path / "data")
    ref = store.add(source)
    store.thumbnail(ref).unlink()
    store.add(source)
    assert store.thumbnail(ref).is_file()


@pytest.mark.parametrize(
    ("orientation", "size"), [(1, (320, 160)), (6, (160, 320)), (8, (160, 320)), (3, (320, 160))]
)
def test_the_thumbnail_is_turned_by_exif_orientation(
    tmp_path: Path, orientation: int, size: tuple[int, int]
) -> None:
    data = jpeg(800, 400, orientation=orientation)
    source = tmp_path / "phone.jpg"
    source.write_bytes(data)
    store = PhotoStore(tmp_path / "data")
    ref = store.add(source)
    assert store.file(ref).read_bytes() == data  # the original keeps its EXIF as it was
    with Image.open(store.thumbnail(ref)) as thumb:
        assert thumb.size == size
        rgb = thumb.convert("RGB")
        w, h = rgb.size
        green = (30, 160, 30)
        # where the green half ended up: left (1), top (6: turned 90° clockwise),
        # bottom (8: turned anticlockwise), right (3: upside down)
        probe = {1: (w // 8, h // 2), 6: (w // 2, h // 8), 8: (w // 2, h - h // 8),
                 3: (w - w // 8, h // 2)}[orientation]  # fmt: skip
        pixel = rgb.getpixel(probe)
        assert all(abs(a - b) < 40 for a, b in zip(pixel, green, strict=True)), pixel


def test_a_transparent_png_gets_a_white_background_in_its_thumbnail(tmp_path: Path) -> None:
    source = tmp_path / "logo.png"
    source.write_bytes(png(64, 64, alpha=True))
    store = PhotoStore(tmp_path / "data")
    ref = store.add(source)
    assert ref.path.endswith(".png")
    with Image.open(store.thumbnail(ref)) as thumb:
        assert thumb.convert("RGB").getpixel((10, 10)) == pytest.approx((255, 255, 255), abs=3)


def test_the_format_is_read_from_the_bytes_not_the_name(tmp_path: Path) -> None:
    source = tmp_path / "really a png.jpg"
    source.write_bytes(png(40, 30))
    ref = PhotoStore(tmp_path / "data").add(source)
    assert ref.path.endswith(".png")


def _refused(store: PhotoStore, source: Path) -> PhotoErrorCode:
    with pytest.raises(PhotoError) as caught:
        store.add(source)
    assert caught.value.path == source
    return caught.value.code


def test_bad_files_are_refused_with_a_reason_and_nothing_stored(tmp_path: Path) -> None:
    store = PhotoStore(tmp_path / "data")
    assert _refused(store, tmp_path / "gone.jpg") is PhotoErrorCode.MISSING
    assert _refused(store, tmp_path) is PhotoErrorCode.MISSING  # a folder is no photo
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    assert _refused(store, empty) is PhotoErrorCode.NOT_AN_IMAGE
    text = tmp_path / "notes.jpg"
    text.write_text("活动小结：参观了纪念馆。", encoding="utf-8")
    assert _refused(store, text) is PhotoErrorCode.NOT_AN_IMAGE
    gif = tmp_path / "anim.gif"
    Image.new("P", (10, 10)).save(gif, "GIF")
    assert _refused(store, gif) is PhotoErrorCode.UNSUPPORTED
    whole = jpeg(1200, 900)
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(whole[: len(whole) // 2])
    assert _refused(store, cut) is PhotoErrorCode.DAMAGED
    cut_png = tmp_path / "cut.png"
    cut_png.write_bytes(png(400, 300)[:60])
    assert _refused(store, cut_png) is PhotoErrorCode.DAMAGED
    assert not store.root.exists() or files_under(store.root) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "locked.jpg"
    source.write_bytes(jpeg(20, 20))
    source.chmod(0)
    try:
        assert _refused(PhotoStore(tmp_path / "data"), source) is PhotoErrorCode.UNREADABLE
    finally:
        source.chmod(0o600)


def test_heic_without_a_reader_is_named_as_such(tmp_path: Path) -> None:
    source = tmp_path / "IMG_0002.HEIC"
    source.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64))
    store = PhotoStore(tmp_path / "data")
    if heic_readable():
        assert _refused(store, source) is PhotoErrorCode.DAMAGED  # not a real HEIC picture
    else:
        assert _refused(store, source) is PhotoErrorCode.HEIC_UNAVAILABLE


def test_a_data_folder_that_cannot_be_written_is_a_reason_not_a_crash(tmp_path: Path) -> None:
    source = tmp_path / "a.png"
    source.write_bytes(png(30, 30))
    blocked = tmp_path / "data"
    blocked.mkdir()
    (blocked / "photos").write_text("a file where the folder should be")
    assert _refused(PhotoStore(blocked), source) is PhotoErrorCode.NOT_STORED


PREFIXES = [b"", b"\xff\xd8\xff", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", b"\x89PNG\r\n\x1a\n",
            b"\x00\x00\x00\x18ftypheic", b"GIF89a", b"BM"]  # fmt: skip


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=2048))
def test_random_bytes_are_stored_or_refused_never_a_crash(
    tmp_path: Path, prefix: bytes, body: bytes
) -> None:
    source = tmp_path / "random.jpg"
    source.write_bytes(prefix + body)
    store = PhotoStore(tmp_path / "data")
    try:
        ref = store.add(source)
    except PhotoError as exc:
        assert isinstance(exc.code, PhotoErrorCode)
        return
    assert store.file(ref).read_bytes() == prefix + body
    assert store.thumbnail(ref).is_file()


def test_random_cuts_of_a_real_photo_are_stored_whole_or_refused(tmp_path: Path) -> None:
    whole = jpeg(640, 480, orientation=6)
    store = PhotoStore(tmp_path / "data")
    for cut in range(0, len(whole), max(1, len(whole) // 40)):
        source = tmp_path / f"cut{cut}.jpg"
        source.write_bytes(whole[:cut])
        with pytest.raises(PhotoError):
            store.add(source)
    source = tmp_path / "whole.jpg"
    source.write_bytes(whole)
    assert store.file(store.add(source)).read_bytes() == whole
