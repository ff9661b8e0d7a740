"""The photos of a Party-day, stored once by content hash in the user's data folder.

Layout (everything photo-related lives under ``data_dir() / "photos"``; backups carry the folder):

    photos/<first 2 hex>/<sha256>.<jpg|png|heic>   the original, byte for byte (never re-encoded)
    photos/thumbs/<sha256>.jpg                      a thumbnail, ``THUMB_SIDE`` px on its long
                                                    side, turned upright by its EXIF orientation

A ``PhotoRef`` names both paths relative to the data folder, so the database and the folder can
move together. The same photo picked twice is stored once. A file that is missing, unreadable,
not an image, of another format, cut short or too large is a ``PhotoError`` with a reason code
the UI words; nothing is written for it. Writes are atomic (``core.atomic``). Qt-free.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from hongtu.core import paths
from hongtu.core.atomic import ExportError, write_atomic
from hongtu.core.records import PhotoRef

if TYPE_CHECKING:
    from PIL.Image import Image as Picture

FOLDER = "photos"
THUMBS = "thumbs"
THUMB_SIDE = 320
THUMB_QUALITY = 85
MAX_PHOTO_BYTES = 200 * 1024 * 1024  # a camera's largest JPEG is a few tens of MB
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".heif")  # what the file picker offers

_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1",
                b"msf1"}  # fmt: skip


def is_original(relative: str) -> bool:
    """Whether ``relative`` (a ``/`` path inside the photos folder) names an original photo,
    ``<first 2 hex>/<sha256>.<ext>``, rather than a copy made from one (``thumbs/…``, the
    ledger's ``print/…``) — what "how many photos" counts."""
    folder, _, name = relative.partition("/")
    return (
        len(folder) == 2
        and all(c in "0123456789abcdef" for c in folder)
        and name.startswith(folder)
        and "/" not in name
    )


class PhotoErrorCode(StrEnum):
    MISSING = "missing"  # no file at that path (moved, deleted, a folder)
    UNREADABLE = "unreadable"  # the file is there but cannot be read (permissions, a bad disk)
    NOT_AN_IMAGE = "not_an_image"  # empty, or not a picture at all
    UNSUPPORTED = "unsupported"  # a picture, but not JPEG, PNG or HEIC
    HEIC_UNAVAILABLE = "heic_unavailable"  # HEIC, and this computer has no HEIC reader
    DAMAGED = "damaged"  # cut short or corrupt: it cannot be decoded
    TOO_LARGE = "too_large"  # more than MAX_PHOTO_BYTES, or too many pixels to decode safely
    NOT_STORED = "not_stored"  # the data folder could not be written (disk full, permissions)


class PhotoError(Exception):
    def __init__(self, code: PhotoErrorCode, path: Path, detail: str = "") -> None:
        super().__init__(f"{code.value}: {path}" + (f" ({detail})" if detail else ""))
        self.code = code
        self.path = path
        self.detail = detail


@dataclass(frozen=True, slots=True)
class _Kind:
    name: str  # "jpeg" | "png" | "heic"
    suffix: str


JPEG = _Kind("jpeg", "jpg")
PNG = _Kind("png", "png")
HEIC = _Kind("heic", "heic")


@cache
def heic_readable() -> bool:
    """True when ``pillow_heif`` is installed: HEIC photos (iPhones) can be read."""
    try:
        import pillow_heif  # type: ignore[import-not-found]
    except ImportError:
        return False
    pillow_heif.register_heif_opener()
    return True


def sniff(data: bytes) -> _Kind | None:
    """The format by its first bytes (never by the file name)."""
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if len(data) >= 12 and data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return HEIC
    return None


class PhotoStore:
    """Photos under ``data_folder / "photos"`` (the user's data folder unless given)."""

    def __init__(self, data_folder: Path | None = None) -> None:
        self._data = data_folder

    @property
    def data_folder(self) -> Path:
        return self._data if self._data is not None else paths.data_dir()

    @property
    def root(self) -> Path:
        return self.data_folder / FOLDER

    def add(self, source: Path, caption: str = "") -> PhotoRef:
        """Store the photo at ``source`` (once) and its thumbnail; its reference."""
        source = Path(source)
        data = _read(source)
        kind = sniff(data)
        if kind is None:
            raise PhotoError(_other_image_or_not(data), source)
        if kind is HEIC and not heic_readable():
            raise PhotoError(PhotoErrorCode.HEIC_UNAVAILABLE, source)
        digest = hashlib.sha256(data).hexdigest()
        original = Path(FOLDER, digest[:2], f"{digest}.{kind.suffix}")
        thumb = Path(FOLDER, THUMBS, f"{digest}.jpg")
        ref = PhotoRef(digest, original.as_posix(), thumb.as_posix(), caption)
        target, thumb_target = self.data_folder / original, self.data_folder / thumb
        if _same_size(target, len(data)) and thumb_target.is_file():
            return ref  # picked before: stored once
        thumbnail = make_thumbnail(data, source)  # decodes it: a damaged file stops here
        try:
            for folder in (target.parent, thumb_target.parent):
                folder.mkdir(parents=True, exist_ok=True)
            if not _same_size(target, len(data)):
                write_atomic(target, data)
            write_atomic(thumb_target, thumbnail)
        except (ExportError, OSError) as exc:
            raise PhotoError(PhotoErrorCode.NOT_STORED, source, str(exc)) from exc
        return ref

    def file(self, ref: PhotoRef) -> Path:
        """Where the original is (references are relative to the data folder)."""
        return self._resolve(ref.path)

    def thumbnail(self, ref: PhotoRef) -> Path:
        return self._resolve(ref.thumbnail_path or ref.path)

    def _resolve(self, stored: str) -> Path:
        path = Path(stored)
        return path if path.is_absolute() else self.data_folder / path


def store_photo(source: Path, caption: str = "") -> PhotoRef:
    """Store a photo in the user's data folder (``PhotoStore().add``)."""
    return PhotoStore().add(source, caption)


def make_thumbnail(data: bytes, source: Path = Path()) -> bytes:
    """A JPEG at most ``THUMB_SIDE`` px on its long side, upright by its EXIF orientation."""
    from PIL import Image, ImageOps

    heic_readable()  # registers the HEIC opener when there is one
    try:
        with warnings.catch_warnings():
            # Up to twice Pillow's pixel limit is decoded (a large camera photo); beyond it the
            # error below says the photo is too large.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                image.draft("RGB", (THUMB_SIDE * 2, THUMB_SIDE * 2))  # JPEG: decode smaller
                image.load()
                upright = ImageOps.exif_transpose(image)
                picture = _flattened(upright)
                picture.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.LANCZOS)
                out = io.BytesIO()
                picture.save(out, "JPEG", quality=THUMB_QUALITY)
                return out.getvalue()
    except Image.DecompressionBombError as exc:
        raise PhotoError(PhotoErrorCode.TOO_LARGE, source, str(exc)) from exc
    except (OSError, ValueError, SyntaxError, EOFError, IndexError, TypeError,
            MemoryError, ZeroDivisionError) as exc:  # fmt: skip
        # Pillow's decoders report a cut-short or corrupt file with any of these.
        raise PhotoError(PhotoErrorCode.DAMAGED, source, type(exc).__name__) from exc


def _flattened(image: Picture) -> Picture:
    """RGB for JPEG: transparency over white, palettes and 16-bit greys converted."""
    from PIL import Image

    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _read(source: Path) -> bytes:
    try:
        if not source.is_file():
            raise PhotoError(PhotoErrorCode.MISSING, source)
        size = source.stat().st_size
        if size > MAX_PHOTO_BYTES:
            raise PhotoError(PhotoErrorCode.TOO_LARGE, source, str(size))
        with source.open("rb") as stream:
            data = stream.read(MAX_PHOTO_BYTES + 1)
    except PermissionError as exc:
        raise PhotoError(PhotoErrorCode.UNREADABLE, source, exc.strerror or "") from exc
    except FileNotFoundError as exc:
        raise PhotoError(PhotoErrorCode.MISSING, source) from exc
    except OSError as exc:
        raise PhotoError(PhotoErrorCode.UNREADABLE, source, exc.strerror or str(exc)) from exc
    if len(data) > MAX_PHOTO_BYTES:
        raise PhotoError(PhotoErrorCode.TOO_LARGE, source, str(len(data)))
    if not data:
        raise PhotoError(PhotoErrorCode.NOT_AN_IMAGE, source, "empty")
    return data


def _other_image_or_not(data: bytes) -> PhotoErrorCode:
    """Not JPEG/PNG/HEIC: another picture format (GIF, BMP, WebP…) or no picture at all."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)):
                return PhotoErrorCode.UNSUPPORTED
    except Exception:  # any failure to identify it means: not a picture
        return PhotoErrorCode.NOT_AN_IMAGE


def _same_size(path: Path, size: int) -> bool:
    try:
        return path.is_file() and path.stat().st_size == size
    except OSError:
        return False
