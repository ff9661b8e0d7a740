"""One MBTiles 1.3 file: a ``metadata`` table of name/value pairs and a ``tiles`` table.

MBTiles stores rows in the TMS scheme (row 0 at the south); the app speaks XYZ (row 0 at the
north), so ``tile_row = 2**z - 1 - y`` on the way in and out. The provider's key is never written
here: ``set_metadata`` refuses any value that holds a key the app knows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path

from hongtu.core.secrets import known_keys

SQLITE_MAGIC = b"SQLite format 3\x00"
REQUIRED_METADATA = ("name", "format")
COMPLETE_KEY = "hongtu_complete"  # "1" once every tile of the area was fetched
AREA_KEY = "hongtu_area"  # the area as the organiser chose it (太原市, a county, a plan)

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS metadata (name TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE IF NOT EXISTS tiles (zoom_level INTEGER, tile_column INTEGER, "
    "tile_row INTEGER, tile_data BLOB, PRIMARY KEY (zoom_level, tile_column, tile_row))",
)


class PackageProblem(StrEnum):
    MISSING = "missing"  # no such file
    NOT_SQLITE = "not_sqlite"  # not an SQLite database at all
    NOT_MBTILES = "not_mbtiles"  # a database without the MBTiles tables
    NO_METADATA = "no_metadata"  # the required name/format metadata are missing
    BAD_FORMAT = "bad_format"  # tiles that are not png/jpg/webp images
    NO_TILES = "no_tiles"  # a valid package with nothing to draw (imported, it only fell back)
    CORRUPT = "corrupt"  # the database fails its integrity check
    BAD_NAME = "bad_name"  # a package name with characters a file name cannot carry
    EXISTS = "exists"  # a package of that name is already there


class PackageError(Exception):
    """An expected package failure; ``problem`` is what the UI turns into a sentence."""

    def __init__(self, problem: PackageProblem, detail: str = "") -> None:
        super().__init__(problem.value + (f": {detail}" if detail else ""))
        self.problem = problem
        self.detail = detail


IMAGE_FORMATS = ("png", "jpg", "webp")


def tms_row(z: int, y: int) -> int:
    return (1 << z) - 1 - y


class MBTiles:
    """An open MBTiles file. Not thread-safe: one thread writes (the download's own thread)."""

    def __init__(self, path: Path, *, create: bool = False, readonly: bool = False) -> None:
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise PackageError(PackageProblem.MISSING, self.path.name)
        if readonly:
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        else:
            self._db = sqlite3.connect(self.path, check_same_thread=False)
        if create:
            with self._db:
                for statement in _SCHEMA:
                    self._db.execute(statement)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> MBTiles:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # ---- metadata ------------------------------------------------------------------------------

    def metadata(self) -> dict[str, str]:
        rows = self._db.execute("SELECT name, value FROM metadata").fetchall()
        return {str(name): str(value) for name, value in rows}

    def set_metadata(self, values: dict[str, str]) -> None:
        for value in values.values():
            if any(key in value for key in known_keys()):
                raise ValueError("a provider key must never be stored in a package")
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO metadata (name, value) VALUES (?, ?)", values.items()
            )

    # ---- tiles (XYZ in, XYZ out) ---------------------------------------------------------------

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        row = self._db.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
            (z, x, tms_row(z, y)),
        ).fetchone()
        return None if row is None else bytes(row[0])

    def put_tiles(self, tiles: Iterable[tuple[int, int, int, bytes]]) -> None:
        """Stores (z, x, y, data) in one transaction: an interruption keeps all or none."""
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO tiles (zoom_level, tile_column, tile_row, tile_data) "
                "VALUES (?, ?, ?, ?)",
                ((z, x, tms_row(z, y), sqlite3.Binary(data)) for z, x, y, data in tiles),
            )

    def stored(self, z: int) -> set[tuple[int, int]]:
        """The (x, y) of every stored tile at zoom ``z``."""
        rows = self._db.execute(
            "SELECT tile_column, tile_row FROM tiles WHERE zoom_level=?", (z,)
        ).fetchall()
        return {(x, tms_row(z, row)) for x, row in rows}

    def tile_count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM tiles").fetchone()[0])

    def byte_count(self) -> int:
        value = self._db.execute("SELECT SUM(LENGTH(tile_data)) FROM tiles").fetchone()[0]
        return int(value or 0)


def validate(path: Path) -> dict[str, str]:
    """The metadata of a readable MBTiles file; raises ``PackageError`` naming the problem."""
    path = Path(path)
    try:
        with path.open("rb") as stream:
            head = stream.read(len(SQLITE_MAGIC))
    except OSError:  # named by the file, never by the system's English words
        raise PackageError(PackageProblem.MISSING, path.name) from None
    if head != SQLITE_MAGIC:
        raise PackageError(PackageProblem.NOT_SQLITE, path.name)
    try:
        with MBTiles(path, readonly=True) as store:
            tables = {
                str(row[0])
                for row in store._db.execute(
                    "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
                )
            }
            if not {"metadata", "tiles"} <= tables:
                raise PackageError(PackageProblem.NOT_MBTILES, path.name)
            if store._db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise PackageError(PackageProblem.CORRUPT, path.name)
            meta = store.metadata()
            store._db.execute(
                "SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles LIMIT 1"
            ).fetchall()
    except sqlite3.DatabaseError as exc:
        raise PackageError(PackageProblem.CORRUPT, str(exc)) from None
    if any(not meta.get(key) for key in REQUIRED_METADATA):
        raise PackageError(PackageProblem.NO_METADATA, path.name)
    if meta["format"] not in IMAGE_FORMATS:
        raise PackageError(PackageProblem.BAD_FORMAT, meta["format"][:20])
    return meta
