"""Opening the database: choose the URL, refuse what cannot be opened, back up, then migrate.

The order matters and is the promise to the organiser: nothing is ever written to a file that
cannot be read as a HongTu database, and an existing file is copied aside before any migration.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from hongtu.core import paths
from hongtu.core.storage.files import (
    SCHEMA_HEAD,
    asks_read_only,
    inspect_sqlite_file,
    lenient_text,
    read_only_uri,
    resolve_url,
    sqlite_file,
)
from hongtu.core.storage.problems import (
    BUSY_TIMEOUT_MS,
    DatabaseError,
    DatabaseProblem,
    driver_problem,
    problem_from_os_error,
    problem_from_sqlite_message,
)
from hongtu.core.storage.transactions import WAIT_OPTION, WRITE_OPTION

__all__ = ["SCHEMA_HEAD", "Database", "DatabaseError", "DatabaseProblem", "open_database"]


@dataclass(frozen=True)
class Database:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    backup: Path | None  # the copy made before migrating, if one was made

    def close(self) -> None:
        self.engine.dispose()

    def wait_for_writers(self, wait_ms: int) -> None:
        """Every write from now on waits at most ``wait_ms`` for another program's write lock
        (the window: it must not freeze for the whole busy timeout), unless it says otherwise."""
        self.engine.update_execution_options(**{WAIT_OPTION: wait_ms})


def open_database(db: str | None = None) -> Database:
    url = resolve_url(db)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(DatabaseProblem.BAD_URL, url, str(exc)) from exc
    if asks_read_only(url):
        raise DatabaseError(DatabaseProblem.READ_ONLY_URL, url)
    backup: Path | None = None
    db_file = sqlite_file(url)
    if db_file is not None:
        revision = inspect_sqlite_file(db_file)  # integrity-checked, read-only, before any write
        if revision != SCHEMA_HEAD and db_file.exists() and db_file.stat().st_size > 0:
            backup = backup_sqlite_file(db_file, revision)
    engine = _create_engine(url)
    try:
        if db_file is None or _current_revision(engine) != SCHEMA_HEAD:
            _migrate(engine, parsed.render_as_string(hide_password=False), backup)
        if db_file is not None:
            _choose_journal(engine, db_file)
    except DatabaseError:
        engine.dispose()
        raise
    except (OperationalError, sqlite3.Error) as exc:
        engine.dispose()
        raise storage_error(exc, url, backup) from exc
    return Database(url, engine, sessionmaker(engine, expire_on_commit=False), backup)


def open_database_read_only(db: str | None = None) -> Database:
    """A current HongTu file opened only to be read (a reading command on a file the disk will
    not let it write, or a URL asking for read-only access): nothing is checked for writing,
    migrated or journalled, and nothing is created beside the file (``read_only_uri``).

    Raises ``DatabaseError``: READ_ONLY_OLD when the file would first need an upgrade.
    """
    from sqlalchemy.pool import NullPool

    url = resolve_url(db)
    path = sqlite_file(url)
    if path is None:
        raise DatabaseError(DatabaseProblem.BAD_URL, url)
    if inspect_sqlite_file(path, writable=False) != SCHEMA_HEAD:
        raise DatabaseError(DatabaseProblem.READ_ONLY_OLD, str(path), "needs an upgrade")
    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(
            read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        ),
        poolclass=NullPool,
        json_deserializer=_stored_json_reader(url),
    )
    event.listen(engine, "connect", _configure_sqlite_connection)
    event.listen(engine, "begin", _begin_sqlite_transaction)
    return Database(url, engine, sessionmaker(engine, expire_on_commit=False), None)


def storage_error(exc: Exception, location: str, backup: Path | None = None) -> DatabaseError:
    """An error from the database driver, as one of our problems (never a traceback)."""
    message = str(getattr(exc, "orig", None) or exc)
    file = sqlite_file(location) if location.startswith("sqlite:") else Path(location)
    folder = file.parent if file is not None else None
    problem = driver_problem(exc, folder) or DatabaseProblem.CORRUPT
    return DatabaseError(problem, where(location), message, backup=backup)


def where(location: str) -> str:
    """What a message names: the file behind a ``sqlite:///`` URL as a path (a Chinese user
    name is not percent-encoded), any other location as it is."""
    if not location.startswith("sqlite:"):
        return location
    return str(sqlite_file(location) or location)


def backup_sqlite_file(path: Path, revision: str | None) -> Path:
    """Copy the database aside (consistently, WAL included) before a migration touches it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.backup-{revision or 'none'}-{stamp}")
    counter = 1
    while target.exists():  # two upgrades in the same second must not share one copy
        counter += 1
        target = path.with_name(f"{path.name}.backup-{revision or 'none'}-{stamp}-{counter}")
    try:
        src = sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        shutil.copymode(path, target)
    except (OSError, sqlite3.Error) as exc:
        target.unlink(missing_ok=True)  # never leave half a backup that looks like a whole one
        problem = (
            problem_from_os_error(exc)
            if isinstance(exc, OSError)
            else problem_from_sqlite_message(str(exc)) or DatabaseProblem.DISK_FULL
        )
        raise DatabaseError(problem, str(path), f"backup failed: {exc}") from exc
    return target


def _create_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(
            url,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000},
            json_deserializer=_stored_json_reader(url),
            **_by_name_on_disk(url),
        )
        event.listen(engine, "connect", _configure_sqlite_connection)
        event.listen(engine, "begin", _begin_sqlite_transaction)
    else:
        engine = create_engine(url)
    return engine


def _by_name_on_disk(url: str) -> dict[str, Any]:
    """A file name SQLAlchemy would read otherwise than it is on disk: SQLAlchemy reads the
    URL's escapes as UTF-8, but they are the name's bytes on disk (``resolve_url``), which are
    not UTF-8 in a folder of GBK bytes unzipped on Linux, or under a GB18030 locale. Such a
    file is opened by its name on disk, as SQLAlchemy opens the others
    (``check_same_thread=False``, the busy timeout)."""
    path = sqlite_file(url)
    if path is None or "?" in url or make_url(url).database == str(path):
        return {}
    return {
        "creator": lambda: sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )
    }


# Damage inside a data page that ``PRAGMA quick_check`` cannot see (the b-tree intact, bytes of a
# stored value changed) must not become a traceback: text that is no longer UTF-8 is read with
# U+FFFD where its bytes are broken (shown, visibly); a JSON value that no longer parses is a
# damaged database (``_stored_json_reader``), said in one plain line.


def _stored_json_reader(url: str) -> Callable[[str], Any]:
    location = sqlite_file(url) or url

    def read(text: str) -> Any:
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:  # never the value itself (personal data) in it
            raise DatabaseError(
                DatabaseProblem.CORRUPT, str(location), f"unreadable stored value: {exc.msg}"
            ) from None

    return read


def _configure_sqlite_connection(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Transactions are begun by ``_begin_sqlite_transaction``, not by the driver's guesswork.
    dbapi_connection.isolation_level = None
    dbapi_connection.text_factory = lenient_text
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _choose_journal(engine: Engine, db_file: Path) -> None:
    """Write-ahead logging (readers never wait for the writer), kept in the file once set; the
    rollback journal on a network drive, where the log's shared index cannot be shared
    (``filesystems``).

    Switched only after the file passed its checks and any migration succeeded, so a file that
    is refused or whose migration failed keeps the journal mode it came with. A file moved to a
    network drive while another program still has it open in WAL mode stays so until the next
    start (SQLite cannot leave WAL mode while the file is open elsewhere).
    """
    from hongtu.core.storage.filesystems import on_network_drive

    shared = on_network_drive(db_file)
    raw = engine.raw_connection()  # outside any transaction: the mode cannot change inside one
    try:
        if not shared:
            raw.cursor().execute("PRAGMA journal_mode = WAL")
            return
        import logging

        log = logging.getLogger(__name__)
        try:
            raw.cursor().execute("PRAGMA journal_mode = DELETE")
        except sqlite3.OperationalError as exc:  # open in WAL mode elsewhere: next time
            log.warning("the database on a network drive keeps its write-ahead log: %s", exc)
        else:
            log.info("the database is on a network drive: rollback journal, not WAL")
    finally:
        raw.close()


def _begin_sqlite_transaction(connection: Connection) -> None:
    options = connection.get_execution_options()
    if not options.get(WRITE_OPTION):
        connection.exec_driver_sql("BEGIN")
        return
    wait_ms = options.get(WAIT_OPTION)
    if wait_ms is None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        return
    # Only taking the lock waits (in WAL mode the commit does not), so the connection goes
    # back to the usual busy timeout as soon as it has the lock, or has given up on it.
    connection.exec_driver_sql(f"PRAGMA busy_timeout = {int(wait_ms)}")
    try:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    finally:
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _current_revision(engine: Engine) -> str | None:
    with engine.connect() as con:
        has_table = con.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).first()
        if not has_table:
            return None
        row = con.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        return row[0] if row else None


def _migrate(engine: Engine, url: str, backup: Path | None) -> None:
    """Run the migrations in one transaction: they all apply, or none does."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(paths.db_path()))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except Exception as exc:  # an unknown failure inside a migration: report, never half-apply
        message = str(getattr(exc, "orig", None) or exc)
        problem = problem_from_sqlite_message(message)
        if problem in (DatabaseProblem.DISK_FULL, DatabaseProblem.LOCKED):
            raise DatabaseError(problem, where(url), message, backup=backup) from exc
        raise DatabaseError(
            DatabaseProblem.MIGRATION_FAILED, where(url), message, backup=backup
        ) from exc
