"""The database file: which one to use, and what schema revision it holds.

Uses only the standard library, so start-up can look at the file before SQLAlchemy is imported.
"""

from __future__ import annotations

import functools
import os
import sqlite3
from pathlib import Path
from urllib.parse import quote, unquote_to_bytes

from hongtu.core.storage.problems import (
    BUSY_TIMEOUT_MS,
    DatabaseError,
    DatabaseProblem,
    problem_from_os_error,
    problem_from_sqlite_message,
)

# The newest migration in db/versions. A test checks it against Alembic's head, so start-up can
# skip importing Alembic when the file is already current.
SCHEMA_HEAD = "0011"
KNOWN_REVISIONS = (
    "0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011",
)  # fmt: skip


def resolve_url(db: str | None) -> str:
    """``--db`` / ``HONGTU_DB``: a file path or any SQLAlchemy URL; default in the data dir."""
    choice = db or os.environ.get("HONGTU_DB")
    if not choice:
        from hongtu.core import paths  # platformdirs: not needed to read ahead (``--db``)

        choice = str(paths.default_database_file())
    if "://" in choice:
        return choice
    # a plain path means exactly that file: %, ?, # and spaces are escaped in the URL (which
    # SQLAlchemy and ``sqlite_file`` unescape), never read as an escape, a query or a fragment.
    # The escapes are of the name's bytes on disk (``os.fsencode``): a folder whose name is not
    # UTF-8 (GBK bytes from a zip made on Chinese Windows) is still that folder.
    return f"sqlite:///{quote(os.fsencode(Path(choice).expanduser().resolve()), safe='/')}"


def sqlite_file(url: str) -> Path | None:
    """The file behind a ``sqlite:///`` URL (also SQLite's own ``file:`` form, with
    ``uri=true``); None for memory databases and other servers."""
    if not url.startswith("sqlite:///") or not url.partition("?")[0][len("sqlite:///") :]:
        return None
    name = url.partition("?")[0][len("sqlite:///") :]
    if name.startswith("file:") and "uri=true" in url.partition("?")[2].lower().split("&"):
        name = name.removeprefix("file:")
    return None if name == ":memory:" else Path(os.fsdecode(unquote_to_bytes(name)))


def uri_path(path: Path) -> str:
    """``path`` for SQLite's ``file:`` URIs: the escapes of its name's bytes on disk."""
    return quote(os.fsencode(path))


def utf8_name(path: Path) -> bool:
    """Whether ``path``'s bytes on disk are its text in UTF-8, as Qt opens file names. Not so
    for GBK bytes unzipped on Linux (kept as surrogates), nor under a GB18030 locale."""
    try:
        return str(path).encode("utf-8") == os.fsencode(path)
    except UnicodeEncodeError:
        return False


def asks_read_only(url: str) -> bool:
    """Whether the URL asks SQLite to open the file read-only (``?mode=ro``, ``immutable=1``):
    HongTu writes (its checks, migrations, every save), so such a URL is refused before any of
    that, rather than the option being ignored and the file written after all."""
    options = url.partition("?")[2].lower().split("&")
    return "mode=ro" in options or "immutable=1" in options


_CHECK_TIMEOUT_S = BUSY_TIMEOUT_MS / 1000

#: Text read from a file that may be damaged: bytes that are no longer UTF-8 become U+FFFD.
lenient_text = functools.partial(str, encoding="utf-8", errors="replace")


def quick_check(con: sqlite3.Connection, limit: int = 5) -> list[str]:
    """``PRAGMA quick_check``'s verdict (``["ok"]`` for a sound file). A damaged schema can make
    SQLite's own error message quote bytes that are not UTF-8, which Python cannot even decode:
    that too is a verdict (damaged), never a traceback."""
    con.text_factory = lenient_text
    try:
        return [str(row[0]) for row in con.execute(f"PRAGMA quick_check({int(limit)})")]
    except UnicodeDecodeError:
        return ["damaged: SQLite's message about the file is not readable text"]


def inspect_sqlite_file(path: Path, *, writable: bool = True) -> str | None:
    """Return the file's schema revision (None for a new or empty file), or raise.
    ``writable`` False: the file is only to be read, so it need not be writable.

    Nothing here writes to an existing file until it has passed ``PRAGMA quick_check`` on a
    read-only connection that leaves no ``-wal``/``-shm`` behind: a damaged file is refused
    exactly as it was found.
    """
    if path.is_dir():
        raise DatabaseError(DatabaseProblem.IS_A_FOLDER, str(path))
    if not path.exists():
        _prepare_new_file(path)
        return None
    if not os.access(path, os.R_OK):
        raise DatabaseError(DatabaseProblem.NO_PERMISSION, str(path))
    if path.stat().st_size == 0:
        if writable:
            _check_writable(path)
        return None
    # The file is never opened here other than through SQLite: closing any other handle on it
    # would drop the POSIX locks of this process's own connections (a second workspace on the
    # same file), after which another program could reset the WAL under them.
    revision = _read_checked(path)
    if writable:
        _check_writable(path)
    return revision


def read_only_uri(path: Path) -> str:
    """A URI that reads ``path`` without creating anything next to it.

    A read-only connection to a WAL database creates ``-wal`` and ``-shm`` and cannot remove
    them again; when no other program has the file open (no ``-wal``), ``immutable=1`` reads
    the file as it lies. Otherwise the other program's ``-wal`` must be read, so ``mode=ro``.
    """
    quoted = uri_path(path)
    if not Path(f"{path}-wal").exists() and not Path(f"{path}-journal").exists():
        return f"file:{quoted}?immutable=1"
    return f"file:{quoted}?mode=ro"


def _read_checked(path: Path) -> str | None:
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True, timeout=_CHECK_TIMEOUT_S)
    except sqlite3.Error as exc:
        raise _classify_sqlite_error(path, exc) from exc
    try:
        verdict = quick_check(con)
        if verdict != ["ok"]:
            raise DatabaseError(DatabaseProblem.CORRUPT, str(path), "; ".join(map(str, verdict)))
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return None
        if "alembic_version" not in tables or "sites" not in tables:
            raise DatabaseError(DatabaseProblem.NOT_HONGTU, str(path))
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise _classify_sqlite_error(path, exc) from exc
    except UnicodeDecodeError as exc:  # SQLite's message quotes damaged bytes (see quick_check)
        raise DatabaseError(DatabaseProblem.CORRUPT, str(path), "unreadable message") from exc
    finally:
        con.close()
    revision = row[0] if row else None
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DatabaseError(DatabaseProblem.TOO_NEW, str(path), revision)
    return revision


def _prepare_new_file(path: Path) -> None:
    folder = _nearest_existing(path.parent)
    if not folder.is_dir():
        raise DatabaseError(DatabaseProblem.NOT_A_FOLDER, str(path), f"{folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DatabaseError(DatabaseProblem.READ_ONLY_FOLDER, str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(problem_from_os_error(exc), str(path), str(exc)) from exc


def _nearest_existing(folder: Path) -> Path:
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def _check_writable(path: Path) -> None:
    """Prove the file can be written (the lock taken and released, nothing changed)."""
    if not os.access(path, os.W_OK):
        raise DatabaseError(DatabaseProblem.READ_ONLY_FILE, str(path))
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise DatabaseError(DatabaseProblem.READ_ONLY_FOLDER, str(path))
    log_was_there = any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm"))
    try:
        con = sqlite3.connect(
            f"file:{uri_path(path)}?mode=rw", uri=True, timeout=_CHECK_TIMEOUT_S
        )
    except sqlite3.Error as exc:
        raise _classify_sqlite_error(path, exc) from exc
    try:
        con.execute("BEGIN IMMEDIATE")  # released by the rollback below
        con.rollback()
    except sqlite3.DatabaseError as exc:
        con.close()
        error = _classify_sqlite_error(path, exc)
        if error.problem is DatabaseProblem.DISK_FULL and not log_was_there:
            _remove_empty_log(path)  # only what this check began; another program's, never
        raise error from exc
    finally:
        con.close()


def _remove_empty_log(path: Path) -> None:
    """A write check that failed (a full disk: no room for the ``-shm`` index) may leave the
    ``-wal``/``-shm`` it began beside the file; removed again while the log holds nothing, so a
    refused file is left as it was found."""
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    try:
        if wal.stat().st_size == 0:
            wal.unlink()
            shm.unlink(missing_ok=True)
    except OSError:
        pass


def _classify_sqlite_error(path: Path, exc: sqlite3.Error) -> DatabaseError:
    problem = problem_from_sqlite_message(str(exc), path.parent)
    if problem is None:
        text = str(exc).lower()
        # "unable to open database file" on an existing, readable file: the folder refuses the
        # journal SQLite must create next to it.
        problem = (
            DatabaseProblem.READ_ONLY_FOLDER
            if "unable to open" in text
            else DatabaseProblem.CORRUPT
        )
    return DatabaseError(problem, str(path), str(exc))
