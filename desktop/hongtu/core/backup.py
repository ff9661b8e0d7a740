"""备份/恢复: one zip archive that carries the database and the photos together.

The archive holds ``hongtu.sqlite3`` (a consistent copy made with SQLite's backup API, never a
file copy of a live database), every file under the photos folder (``photos/…``) and
``manifest.json``: the archive format and version, the app version, the schema revision, when
it was made, and the SHA-256 and size of every other file in it.

``restore`` checks the whole archive before it changes anything (a damaged, foreign or cut-off
archive, or one made by a newer HongTu, is refused with a ``BackupProblem``), keeps a safety
archive of the current database and photos, then swaps the restored files in by renames on the
same file system; if a step fails the earlier ones are undone. A current database that is
damaged (or not a database at all) cannot be archived: it is renamed aside in its own folder
instead (``<name>.damaged-<time>``, exactly as it was), and put back if the restore fails. The
caller must have closed every connection to the database first (the window closes its workspace
and starts again).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path, PurePosixPath

from hongtu import __version__
from hongtu.core import strict_json
from hongtu.core.atomic import ExportErrorCode, error_code
from hongtu.core.photos import is_original
from hongtu.core.storage.backups import put_back, set_aside
from hongtu.core.storage.files import (
    KNOWN_REVISIONS,
    inspect_sqlite_file,
    quick_check,
    read_only_uri,
)
from hongtu.core.storage.problems import (
    DatabaseError,
    DatabaseProblem,
    problem_from_sqlite_message,
)

ARCHIVE_FORMAT = "hongtu-backup"
ARCHIVE_VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "hongtu.sqlite3"
PHOTOS = "photos"
SAFETY_FOLDER = "restore-safety"  # under the data folder: the state before each restore
_CHUNK = 1 << 20
_MAX_MANIFEST_BYTES = 16 << 20


class BackupProblem(StrEnum):
    NOT_FOUND = "not_found"  # there is no such file
    NOT_AN_ARCHIVE = "not_an_archive"  # not a zip file at all (or unreadable)
    FOREIGN = "foreign"  # a zip, but not a HongTu backup (no or another manifest)
    DAMAGED = "damaged"  # a listed file is missing, cut short or has another hash
    UNSAFE_NAME = "unsafe_name"  # a name that would land outside the data folder
    NEWER_FORMAT = "newer_format"  # made by a newer HongTu (archive version)
    NEWER_SCHEMA = "newer_schema"  # its database has a schema this HongTu does not know
    BAD_DATABASE = "bad_database"  # the database in it fails SQLite's integrity check
    NO_DATABASE = "no_database"  # there is no database file to back up (or not SQLite)
    WRITE_FAILED = "write_failed"  # disk full, no permission, …


class BackupError(Exception):
    def __init__(self, problem: BackupProblem, detail: str = "", reason: str = "") -> None:
        super().__init__(f"{problem.value}: {detail}" + (f" ({reason})" if reason else ""))
        self.problem = problem
        self.detail = detail  # the file in the archive, the system's message, or (WRITE_FAILED)
        # the organiser's file or folder that could not be written, never a temporary name
        self.reason = reason  # WRITE_FAILED: why, as an ``ExportErrorCode`` value
        # a failed restore: where the damaged database it had renamed aside still is, when it
        # could not be put back (None: every file is where it was)
        self.damaged_file: Path | None = None


def _write_failed(exc: OSError, place: Path) -> BackupError:
    return BackupError(BackupProblem.WRITE_FAILED, str(place), error_code(exc).value)


@dataclass(frozen=True)
class BackupManifest:
    app_version: str
    schema_revision: str | None
    created_at: str  # ISO 8601, local time
    files: dict[str, tuple[str, int]]  # archive name → (sha256, size)

    @property
    def photo_count(self) -> int:
        """The photos, each counted once: originals only, not their thumbnails or print copies."""
        prefix = f"{PHOTOS}/"
        return sum(
            1 for name in self.files if name.startswith(prefix) and is_original(name[len(prefix) :])
        )

    def to_json(self) -> dict[str, object]:
        return {
            "format": ARCHIVE_FORMAT,
            "version": ARCHIVE_VERSION,
            "app_version": self.app_version,
            "schema_revision": self.schema_revision,
            "created_at": self.created_at,
            "files": {name: {"sha256": h, "size": s} for name, (h, s) in self.files.items()},
        }


@dataclass(frozen=True)
class RestoreOutcome:
    manifest: BackupManifest
    # the archive of what was there before (None: nothing was); with no database there (or a
    # damaged one), the folder of the photos it replaced
    safety_copy: Path | None
    # the damaged database (or the file that was not one) that was there, renamed aside as it
    # was; None when there was none
    damaged_file: Path | None = None


# ---- writing ------------------------------------------------------------------------------


def create_backup(db_file: Path, photos_dir: Path, output: Path) -> BackupManifest:
    """Write the archive to ``output`` (replaced atomically: the old file or the whole new one)."""
    if not db_file.is_file():
        raise BackupError(BackupProblem.NO_DATABASE, str(db_file))
    output = Path(output)
    try:
        with tempfile.TemporaryDirectory(prefix=".hongtu-backup-", dir=output.parent) as tmp:
            copy = Path(tmp) / DATABASE
            _copy_database(db_file, copy)
            files = {DATABASE: _hash(copy)}
            photo_files = sorted(_photo_files(photos_dir))
            partial = Path(tmp) / "archive.zip"
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
                archive.write(copy, DATABASE)
                for path, name in photo_files:
                    files[name] = _hash(path)
                    # photos are already compressed: stored as they are
                    archive.write(path, name, compress_type=zipfile.ZIP_STORED)
                manifest = BackupManifest(
                    __version__,
                    _revision(copy),
                    datetime.now().isoformat(timespec="seconds"),
                    files,
                )
                text = json.dumps(manifest.to_json(), ensure_ascii=False, indent=2)
                archive.writestr(MANIFEST, text)
            with partial.open("rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(partial, output)
    except OSError as exc:
        raise _write_failed(exc, output) from exc
    except sqlite3.Error as exc:
        raise _copy_failed(exc, output) from exc
    return manifest


def _copy_failed(exc: sqlite3.Error, output: Path) -> BackupError:
    """SQLite could not make the copy: writing it (a full disk beside ``output``, a folder that
    refuses it) is a write failure there; anything else is the database's own problem."""
    reasons: dict[DatabaseProblem | None, ExportErrorCode] = {
        DatabaseProblem.DISK_FULL: ExportErrorCode.DISK_FULL,
        DatabaseProblem.READ_ONLY_FILE: ExportErrorCode.PERMISSION,
    }
    reason = reasons.get(problem_from_sqlite_message(str(exc), output.parent))
    if reason is not None:
        return BackupError(BackupProblem.WRITE_FAILED, str(output), reason.value)
    return BackupError(BackupProblem.BAD_DATABASE, str(exc))


def _copy_database(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's backup API (WAL content included)."""
    src = sqlite3.connect(read_only_uri(source), uri=True, timeout=10)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file in the archive
        finally:
            dst.close()
    finally:
        src.close()


def _photo_files(photos_dir: Path) -> Iterator[tuple[Path, str]]:
    if not photos_dir.is_dir():
        return
    for path in photos_dir.rglob("*"):
        if path.is_file() and not path.is_symlink():
            relative = path.relative_to(photos_dir).as_posix()
            yield path, f"{PHOTOS}/{relative}"


def _hash(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _revision(db_file: Path) -> str | None:
    con = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        has = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has:
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    finally:
        con.close()


# ---- checking -----------------------------------------------------------------------------


def read_manifest(archive_path: Path) -> BackupManifest:
    """The archive's manifest, after checking every file in it; raises ``BackupError``."""
    with tempfile.TemporaryDirectory(prefix=".hongtu-check-") as tmp:
        return _extract_checked(archive_path, Path(tmp))


def _extract_checked(archive_path: Path, target: Path) -> BackupManifest:
    """Check the whole archive and unpack it into ``target``; raises ``BackupError``."""
    if not Path(archive_path).is_file():
        raise BackupError(BackupProblem.NOT_FOUND, str(archive_path))
    try:
        archive = zipfile.ZipFile(archive_path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise BackupError(BackupProblem.NOT_AN_ARCHIVE, str(exc)) from exc
    with archive:
        manifest = _manifest(archive)
        names = set(archive.namelist())
        extra = names - set(manifest.files) - {MANIFEST}
        if extra:
            raise BackupError(BackupProblem.FOREIGN, sorted(extra)[0])
        if DATABASE not in manifest.files:
            raise BackupError(BackupProblem.FOREIGN, DATABASE)
        for name, (expected, size) in manifest.files.items():
            if name not in names:
                raise BackupError(BackupProblem.DAMAGED, name)
            destination = target.joinpath(*PurePosixPath(name).parts)
            _unpack(archive, name, destination, expected, size)
    database = target / DATABASE
    _check_database(database, manifest)
    return manifest


def _manifest(archive: zipfile.ZipFile) -> BackupManifest:
    try:
        info = archive.getinfo(MANIFEST)
    except KeyError as exc:
        raise BackupError(BackupProblem.FOREIGN, MANIFEST) from exc
    if info.file_size > _MAX_MANIFEST_BYTES:
        raise BackupError(BackupProblem.FOREIGN, MANIFEST)
    try:
        data = strict_json.loads(archive.read(MANIFEST).decode("utf-8"))  # a key twice: damaged
    # NotImplementedError: a damaged byte naming a compression method zipfile does not know
    except (
        zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error, NotImplementedError
    ) as exc:  # fmt: skip
        raise BackupError(BackupProblem.DAMAGED, MANIFEST) from exc
    if not isinstance(data, dict) or data.get("format") != ARCHIVE_FORMAT:
        raise BackupError(BackupProblem.FOREIGN, MANIFEST)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BackupError(BackupProblem.FOREIGN, MANIFEST)
    if version > ARCHIVE_VERSION:
        raise BackupError(BackupProblem.NEWER_FORMAT, str(version))
    revision = data.get("schema_revision")
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise BackupError(BackupProblem.NEWER_SCHEMA, str(revision))
    raw_files = data.get("files")
    if not isinstance(raw_files, dict):
        raise BackupError(BackupProblem.FOREIGN, MANIFEST)
    files: dict[str, tuple[str, int]] = {}
    for name, facts in raw_files.items():
        _check_name(name)
        if not isinstance(facts, dict):
            raise BackupError(BackupProblem.FOREIGN, str(name))
        digest, size = facts.get("sha256"), facts.get("size")
        if not isinstance(digest, str) or not isinstance(size, int) or isinstance(size, bool):
            raise BackupError(BackupProblem.FOREIGN, str(name))
        files[name] = (digest, size)
    return BackupManifest(
        str(data.get("app_version", "")), revision, str(data.get("created_at", "")), files
    )


def _check_name(name: object) -> None:
    """Only ``hongtu.sqlite3`` and plain relative names under ``photos/``."""
    if not isinstance(name, str) or name == MANIFEST:
        raise BackupError(BackupProblem.UNSAFE_NAME, str(name))
    if name == DATABASE:
        return
    parts = PurePosixPath(name).parts
    if (
        len(parts) < 2
        or parts[0] != PHOTOS
        or "\\" in name
        or "\x00" in name
        or any(part in ("", ".", "..") or ":" in part for part in parts)
        or name.startswith("/")
    ):
        raise BackupError(BackupProblem.UNSAFE_NAME, name)


def _unpack(
    archive: zipfile.ZipFile, name: str, destination: Path, expected: str, size: int
) -> None:
    digest = hashlib.sha256()
    written = 0
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        with archive.open(name) as source, destination.open("wb") as out:
            while chunk := source.read(_CHUNK):
                written += len(chunk)
                if written > size:
                    raise BackupError(BackupProblem.DAMAGED, name)
                digest.update(chunk)
                out.write(chunk)
    except (
        zipfile.BadZipFile, EOFError, ValueError, zipfile.LargeZipFile, zlib.error,
        NotImplementedError,  # a compression method zipfile does not know: a damaged byte
    ) as exc:  # fmt: skip
        raise BackupError(BackupProblem.DAMAGED, name) from exc
    except OSError as exc:
        raise _write_failed(exc, destination) from exc
    if written != size or digest.hexdigest() != expected:
        raise BackupError(BackupProblem.DAMAGED, name)


def _check_database(database: Path, manifest: BackupManifest) -> None:
    try:
        con = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            ok = quick_check(con, 1) == ["ok"]
        finally:
            con.close()
        revision = _revision(database)
    except sqlite3.Error as exc:
        raise BackupError(BackupProblem.BAD_DATABASE, str(exc)) from exc
    if not ok:
        raise BackupError(BackupProblem.BAD_DATABASE, DATABASE)
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise BackupError(BackupProblem.NEWER_SCHEMA, revision)
    if revision != manifest.schema_revision:
        raise BackupError(BackupProblem.DAMAGED, DATABASE)


# ---- restoring ----------------------------------------------------------------------------


def restore(
    archive_path: Path, db_file: Path, photos_dir: Path, *, known_damaged: bool = False
) -> RestoreOutcome:
    """Replace the database and the photos with the archive's; see the module text.

    Nothing is changed when the archive is refused. Every connection to ``db_file`` must be
    closed. The current state is kept as an archive in ``<data folder>/restore-safety/``; a
    damaged ``db_file`` is renamed aside instead (``RestoreOutcome.damaged_file``), and so is
    one the caller ``known_damaged`` (it failed to open for damage a quick check cannot see).
    """
    data_dir = photos_dir.parent
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".hongtu-restore-", dir=data_dir))
    except OSError as exc:
        raise _write_failed(exc, data_dir) from exc
    side_copy: Path | None = None
    damaged: Path | None = None
    try:
        try:
            manifest = _extract_checked(archive_path, staging / "new")
        except BackupError as exc:  # unpacking into the data folder failed: say which folder
            if exc.problem is BackupProblem.WRITE_FAILED:
                raise BackupError(exc.problem, str(data_dir), exc.reason) from exc
            raise
        if db_file.is_file() and (known_damaged or _is_damaged(db_file)):  # kept as it is
            safety = None
            damaged = _set_damaged_aside(db_file)
        else:
            safety = _safety_copy(db_file, photos_dir, data_dir, stamp)
        if safety is None and _has_files(photos_dir):  # where the photos replaced will go
            try:
                (data_dir / SAFETY_FOLDER).mkdir(exist_ok=True)
            except OSError as exc:
                raise _write_failed(exc, data_dir / SAFETY_FOLDER) from exc
        new_db = staging / "new" / DATABASE
        if db_file.parent.resolve() != data_dir.resolve():  # renames stay on one file system
            side_copy = db_file.with_name(f".{db_file.name}.restoring-{stamp}")
            try:
                shutil.copyfile(new_db, side_copy)
            except OSError as exc:
                raise _write_failed(exc, db_file.parent) from exc
            new_db = side_copy
        _swap_in(staging, new_db, db_file, photos_dir)
        if safety is None:  # no database to archive: the photos replaced are kept as they were
            safety = _keep_old_photos(staging / "old" / PHOTOS, data_dir, stamp)
    except BackupError as exc:  # nothing was replaced (a failed swap undoes itself)
        if damaged is not None:
            exc.damaged_file = _put_back(damaged, db_file)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if side_copy is not None:  # a read-only folder refuses even removing what is not there
            with contextlib.suppress(OSError):
                side_copy.unlink(missing_ok=True)
    return RestoreOutcome(manifest, safety, damaged)


def _is_damaged(db_file: Path) -> bool:
    """Whether the file HongTu would refuse to open as damaged (the window's 无法打开数据库:
    ``PRAGMA quick_check`` fails, or it is not a database at all) — never written, only read."""
    try:
        inspect_sqlite_file(db_file, writable=False)
    except DatabaseError as exc:
        return exc.problem in (DatabaseProblem.CORRUPT, DatabaseProblem.NOT_A_DATABASE)
    return False


def _set_damaged_aside(db_file: Path) -> Path:
    try:
        return set_aside(db_file)
    except OSError as exc:
        raise _write_failed(exc, db_file.parent) from exc


def _put_back(damaged: Path, db_file: Path) -> Path | None:
    """The damaged file back where it was, after a restore that failed; where it still is when
    that fails too (None: put back)."""
    try:
        put_back(damaged, db_file)
    except OSError:
        return damaged
    return None


def _safety_copy(db_file: Path, photos_dir: Path, data_dir: Path, stamp: str) -> Path | None:
    if not db_file.is_file() or db_file.stat().st_size == 0:
        return None
    folder = data_dir / SAFETY_FOLDER
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise _write_failed(exc, folder) from exc
    target = folder / f"before-restore-{stamp}.zip"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"before-restore-{stamp}-{counter}.zip"
    create_backup(db_file, photos_dir, target)
    return target


def _has_files(folder: Path) -> bool:
    return folder.is_dir() and any(path.is_file() for path in folder.rglob("*"))


def _keep_old_photos(old: Path, data_dir: Path, stamp: str) -> Path | None:
    """The photos a restore replaced where there was no database (a new ``--db`` path, a
    damaged file set aside): moved to ``restore-safety/photos-before-restore-<time>`` (a
    rename in the data folder, whose safety folder was made before anything was replaced)."""
    if not _has_files(old):
        return None
    target = data_dir / SAFETY_FOLDER / f"photos-before-restore-{stamp}"
    counter = 1
    while target.exists():
        counter += 1
        target = data_dir / SAFETY_FOLDER / f"photos-before-restore-{stamp}-{counter}"
    os.replace(old, target)
    return target


def _swap_in(staging: Path, new_db: Path, db_file: Path, photos_dir: Path) -> None:
    """Renames only: the old database goes aside in its own folder and the old photos into
    ``staging/old`` (both removed after success), the new ones in. Each step done is undone if
    a later one fails."""
    new, old = staging / "new", staging / "old"
    old.mkdir()
    aside = db_file.with_name(f".{db_file.name}.replaced-{staging.name}")
    undo: list[tuple[Path, Path]] = []  # (from, to) renames to do backwards on failure

    def move(source: Path, target: Path) -> None:
        os.replace(source, target)
        undo.append((target, source))

    moved_aside: list[Path] = []
    try:
        for suffix in ("", "-wal", "-shm", "-journal"):
            side = Path(f"{db_file}{suffix}")
            if side.exists():
                move(side, Path(f"{aside}{suffix}"))
                moved_aside.append(Path(f"{aside}{suffix}"))
        if photos_dir.exists():
            move(photos_dir, old / PHOTOS)
        restored_photos = new / PHOTOS
        if restored_photos.is_dir():
            move(restored_photos, photos_dir)
        else:
            photos_dir.mkdir()
            undo.append((photos_dir, photos_dir))
        move(new_db, db_file)
    except OSError as exc:
        for source, target in reversed(undo):
            with contextlib.suppress(OSError):
                if source == target:
                    source.rmdir()
                else:
                    os.replace(source, target)
        raise _write_failed(exc, db_file) from exc
    for path in moved_aside:  # kept in the safety archive
        path.unlink(missing_ok=True)


__all__ = [
    "BackupError",
    "BackupManifest",
    "BackupProblem",
    "RestoreOutcome",
    "create_backup",
    "read_manifest",
    "restore",
]
