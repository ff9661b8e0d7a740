"""The offline map packages in the user's data folder: list, delete, export and import.

Each package is ``<data>/tiles/<name>.mbtiles``. Names are short and plain (letters, digits,
CJK, ``-`` and ``_``) because they appear in file names and in the page's tile URLs. Export and
import copy through ``core.atomic``: the target is either absent/old or the whole new file. An
imported file is checked first; a file that is not an MBTiles package changes nothing.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from hongtu.core.atomic import atomic_path
from hongtu.core.geo import Crs
from hongtu.core.paths import data_dir
from hongtu.core.tilepack.mbtiles import (
    AREA_KEY,
    COMPLETE_KEY,
    MBTiles,
    PackageError,
    PackageProblem,
    validate,
)

SUFFIX = ".mbtiles"
_NAME = re.compile(r"[0-9A-Za-z_\-\u4e00-\u9fff]{1,64}")


def packages_dir() -> Path:
    """The offline map packages' folder, made if missing; when it cannot be made (a file in the
    data folder's place) there are no packages, and writing one there says why."""
    folder = data_dir() / "tiles"
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def check_name(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise PackageError(PackageProblem.BAD_NAME, name[:64])
    return name


def package_path(name: str) -> Path:
    return packages_dir() / f"{check_name(name)}{SUFFIX}"


@dataclass(frozen=True, slots=True)
class PackageInfo:
    name: str
    path: Path
    provider: str
    attribution: str
    review_number: str
    crs: Crs
    min_zoom: int
    max_zoom: int
    bounds: tuple[float, float, float, float] | None  # west, south, east, north
    tiles: int
    bytes: int
    complete: bool
    image_format: str
    area: str = ""  # as the organiser chose it when downloading ("" for a foreign file)
    modified: float = 0.0  # the file's last change (download or import), seconds since 1970


def read_info(path: Path) -> PackageInfo:
    meta = validate(path)
    with MBTiles(path, readonly=True) as store:
        tiles, size = store.tile_count(), store.byte_count()
    try:
        crs = Crs(meta.get("crs", Crs.WGS84.value))
    except ValueError:
        crs = Crs.WGS84
    return PackageInfo(
        name=path.stem,
        path=path,
        provider=meta.get("provider", ""),
        attribution=meta.get("attribution", ""),
        review_number=meta.get("review_number", ""),
        crs=crs,
        min_zoom=_int(meta.get("minzoom"), 0),
        max_zoom=_int(meta.get("maxzoom"), 18),
        bounds=_bounds(meta.get("bounds")),
        tiles=tiles,
        bytes=size,
        complete=meta.get(COMPLETE_KEY, "1") == "1",
        image_format=meta["format"],
        area=meta.get(AREA_KEY, "")[:64],
        modified=path.stat().st_mtime,
    )


def _int(value: str | None, default: int) -> int:
    try:
        return max(0, min(22, int(value or "")))
    except ValueError:
        return default


def _bounds(text: str | None) -> tuple[float, float, float, float] | None:
    try:
        west, south, east, north = (float(part) for part in (text or "").split(","))
    except ValueError:
        return None
    return west, south, east, north


def package_names() -> list[str]:
    """The names of the package files in the data folder (nothing is opened: cheap)."""
    return [
        path.stem
        for path in sorted(packages_dir().glob(f"*{SUFFIX}"))
        if _NAME.fullmatch(path.stem) and path.is_file()
    ]


def list_packages() -> list[PackageInfo]:
    """Every readable package, by name; unreadable files are left out (not deleted)."""
    found = []
    for path in sorted(packages_dir().glob(f"*{SUFFIX}")):
        if not _NAME.fullmatch(path.stem):
            continue
        try:
            found.append(read_info(path))
        except PackageError:
            continue
    return found


def find_package(name: str) -> PackageInfo:
    path = package_path(name)
    if not path.is_file():
        raise PackageError(PackageProblem.MISSING, name)
    return read_info(path)


def delete_package(name: str) -> None:
    path = package_path(name)
    if not path.is_file():
        raise PackageError(PackageProblem.MISSING, name)
    path.unlink()
    for extra in ("-journal", "-wal", "-shm"):
        path.with_name(path.name + extra).unlink(missing_ok=True)


def _copy_database(source: Path, temp: Path) -> None:
    """A consistent copy through sqlite's backup (safe while the source is being read)."""
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(temp)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def export_package(name: str, target: Path) -> Path:
    """Copies the package to ``target`` (a file, or a folder to put ``<name>.mbtiles`` in)."""
    path = find_package(name).path
    target = Path(target)
    if target.is_dir():
        target = target / path.name
    with atomic_path(target, verify=_verified) as temp:
        _copy_database(path, temp)
    return target


def _verified(temp: Path) -> None:
    from hongtu.core.atomic import IncompleteFileError

    try:
        validate(temp)
    except PackageError as exc:
        raise IncompleteFileError(str(exc)) from None


def import_package(source: Path, name: str | None = None, *, replace: bool = False) -> PackageInfo:
    """Checks ``source`` is an MBTiles package and copies it in; a bad file changes nothing."""
    source = Path(source)
    meta = validate_import(source)
    chosen = check_name(name or _name_from(source, meta))
    target = package_path(chosen)
    if target.exists() and not replace:
        raise PackageError(PackageProblem.EXISTS, chosen)
    with atomic_path(target, verify=_verified) as temp:
        _copy_database(source, temp)
    with MBTiles(target) as store:
        store.set_metadata({"name": chosen})
    return read_info(target)


def import_name(source: Path) -> str:
    """The name a package file takes when imported without one (its file name, cleaned up);
    raises ``PackageError`` when it is not a package."""
    return check_name(_name_from(Path(source), validate_import(source)))


def validate_import(source: Path) -> dict[str, str]:
    """``validate``, and a package to import must hold tiles: an empty one was listed as
    完整 and, used as the base map, only fell back with a network-failure message."""
    meta = validate(source)
    with MBTiles(source, readonly=True) as store:
        if store.tile_count() == 0:
            raise PackageError(PackageProblem.NO_TILES, Path(source).name)
    return meta


def _name_from(source: Path, meta: dict[str, str]) -> str:
    for candidate in (source.stem, meta.get("name", "")):
        if _NAME.fullmatch(candidate):
            return candidate
    cleaned = re.sub(r"[^0-9A-Za-z_\-\u4e00-\u9fff]+", "_", source.stem).strip("_")[:64]
    return cleaned or "imported"
