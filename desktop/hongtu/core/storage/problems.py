"""Why a database could not be opened. Kept free of SQLAlchemy so start-up can import it cheaply."""

from __future__ import annotations

import errno
from enum import StrEnum
from pathlib import Path

BUSY_TIMEOUT_MS = 10_000  # how long a write waits for another writer before "locked"
#: …in the window, which must not freeze that long (``Database.wait_for_writers``)
WINDOW_WAIT_MS = 2_000


class DatabaseProblem(StrEnum):
    LOCKED = "locked"
    CORRUPT = "corrupt"  # the integrity check failed: the file is damaged
    NOT_A_DATABASE = "not_a_database"
    NOT_HONGTU = "not_hongtu"  # a valid SQLite file of some other program
    TOO_NEW = "too_new"  # written by a newer HongTu
    NO_PERMISSION = "no_permission"  # the file cannot even be read
    READ_ONLY_FILE = "read_only_file"  # readable, but the file may not be written
    READ_ONLY_OLD = "read_only_old"  # read-only, and from an older HongTu: needs an upgrade
    READ_ONLY_FOLDER = "read_only_folder"  # the folder refuses new files (journal, new database)
    IS_A_FOLDER = "is_a_folder"  # a folder was given where the database file should be
    NOT_A_FOLDER = "not_a_folder"  # a file stands where the database's folder should be
    DISK_FULL = "disk_full"
    BAD_URL = "bad_url"
    READ_ONLY_URL = "read_only_url"  # the URL asks SQLite to open the file read-only (mode=ro)
    MIGRATION_FAILED = "migration_failed"


class DatabaseError(Exception):
    def __init__(
        self,
        problem: DatabaseProblem,
        location: str,
        detail: str = "",
        *,
        backup: Path | None = None,
        touched: bool = False,
    ) -> None:
        super().__init__(f"{problem.value}: {location} {detail}".strip())
        self.problem = problem
        self.location = location
        self.detail = detail
        self.backup = backup  # the copy made before a migration, when one was made
        self.touched = touched  # True only if the file may have been changed before the failure


#: Less free space than this beside the database: a write that failed is a full disk.
NEARLY_FULL_BYTES = 1 << 20


def problem_from_sqlite_message(message: str, folder: Path | None = None) -> DatabaseProblem | None:
    """The problem an SQLite error message names, None when it names none of ours.

    ``folder``: where the database lies. On a full disk SQLite often cannot even make the
    ``-shm`` index it maps and says only "disk I/O error"; with (almost) no free space left in
    ``folder`` that is a full disk, not a damaged file.
    """
    text = message.lower()
    if "disk i/o error" in text and folder is not None and _nearly_full(folder):
        return DatabaseProblem.DISK_FULL
    if "locked" in text or "busy" in text:
        return DatabaseProblem.LOCKED
    if "disk is full" in text or "database or disk is full" in text:
        return DatabaseProblem.DISK_FULL
    if "readonly database" in text or "read-only" in text:
        return DatabaseProblem.READ_ONLY_FILE
    if "not a database" in text:
        return DatabaseProblem.NOT_A_DATABASE
    if "malformed" in text or "corrupt" in text:
        return DatabaseProblem.CORRUPT
    return None


def driver_problem(exc: BaseException, folder: Path | None = None) -> DatabaseProblem | None:
    """The problem a database driver's error (SQLAlchemy's or sqlite3's) names, by its message
    (the driver's own, not SQLAlchemy's wrapping); None when it names none of ours."""
    return problem_from_sqlite_message(str(getattr(exc, "orig", None) or exc), folder)


def _nearly_full(folder: Path) -> bool:
    import shutil  # only when a write failed: start-up imports this module and not shutil

    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def problem_from_os_error(error: OSError) -> DatabaseProblem:
    if error.errno == errno.ENOSPC or error.errno == errno.EDQUOT:
        return DatabaseProblem.DISK_FULL
    if error.errno == errno.EISDIR:
        return DatabaseProblem.IS_A_FOLDER
    if error.errno == errno.ENOTDIR:
        return DatabaseProblem.NOT_A_FOLDER
    if error.errno == errno.EROFS:
        return DatabaseProblem.READ_ONLY_FOLDER
    return DatabaseProblem.NO_PERMISSION
