"""Opening the database: choose the URL, refuse what cannot be opened, back up, then migrate.

The order matters and is the promise to the organiser: nothing is ever written to a file that
cannot be read as a HongTu database, and an existing file is copied aside before any migration.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from hongtu.core import paths

# The newest migration in db/versions. A test checks it against Alembic's head, so start-up can
# skip importing Alembic when the file is already current.
SCHEMA_HEAD = "0002"
_ORDER = ("0001", "0002")


class DatabaseProblem(StrEnum):
    LOCKED = "locked"
    CORRUPT = "corrupt"
    NOT_A_DATABASE = "not_a_database"
    NOT_HONGTU = "not_hongtu"  # a valid SQLite file of some other program
    TOO_NEW = "too_new"  # written by a newer HongTu
    NO_PERMISSION = "no_permission"
    BAD_URL = "bad_url"
    MIGRATION_FAILED = "migration_failed"


class DatabaseError(Exception):
    def __init__(self, problem: DatabaseProblem, location: str, detail: str = "") -> None:
        super().__init__(f"{problem.value}: {location} {detail}".strip())
        self.problem = problem
        self.location = location
        self.detail = detail


@dataclass(frozen=True)
class Database:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    backup: Path | None  # the copy made before migrating, if one was made

    def close(self) -> None:
        self.engine.dispose()


def resolve_url(db: str | None) -> str:
    """``--db`` / ``HONGTU_DB``: a file path or any SQLAlchemy URL; default in the data dir."""
    choice = db or os.environ.get("HONGTU_DB") or str(paths.default_database_file())
    if "://" in choice:
        return choice
    return f"sqlite:///{Path(choice).expanduser().resolve()}"


def open_database(db: str | None = None) -> Database:
    url = resolve_url(db)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(DatabaseProblem.BAD_URL, url, str(exc)) from exc
    backup: Path | None = None
    sqlite_file = _sqlite_file(url)
    if sqlite_file is not None:
        revision = _inspect_sqlite_file(sqlite_file)
        if revision != SCHEMA_HEAD and sqlite_file.exists() and sqlite_file.stat().st_size > 0:
            backup = backup_sqlite_file(sqlite_file, revision)
    engine = _create_engine(url)
    try:
        if sqlite_file is None or _current_revision(engine) != SCHEMA_HEAD:
            _migrate(engine, parsed.render_as_string(hide_password=False))
    except DatabaseError:
        engine.dispose()
        raise
    return Database(url, engine, sessionmaker(engine, expire_on_commit=False), backup)


def _sqlite_file(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _inspect_sqlite_file(path: Path) -> str | None:
    """Return the file's schema revision (None for a new or empty file), or raise."""
    if not path.exists():
        if not os.access(path.parent if path.parent.exists() else Path.cwd(), os.W_OK):
            raise DatabaseError(DatabaseProblem.NO_PERMISSION, str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        return None
    if not os.access(path, os.R_OK | os.W_OK):
        raise DatabaseError(DatabaseProblem.NO_PERMISSION, str(path))
    try:
        con = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=2.0)
    except sqlite3.Error as exc:
        raise DatabaseError(DatabaseProblem.CORRUPT, str(path), str(exc)) from exc
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        con.execute("BEGIN IMMEDIATE")  # proves we can write; released by rollback below
        con.rollback()
        if not tables:
            return None
        if "alembic_version" not in tables or "sites" not in tables:
            raise DatabaseError(DatabaseProblem.NOT_HONGTU, str(path))
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise _classify_sqlite_error(path, exc) from exc
    finally:
        con.close()
    revision = row[0] if row else None
    if revision is not None and revision not in _ORDER:
        raise DatabaseError(DatabaseProblem.TOO_NEW, str(path), revision)
    return revision


def _classify_sqlite_error(path: Path, exc: sqlite3.DatabaseError) -> DatabaseError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseError(DatabaseProblem.LOCKED, str(path), str(exc))
    if "not a database" in text:
        return DatabaseError(DatabaseProblem.NOT_A_DATABASE, str(path), str(exc))
    return DatabaseError(DatabaseProblem.CORRUPT, str(path), str(exc))


def backup_sqlite_file(path: Path, revision: str | None) -> Path:
    """Copy the database aside (consistently, WAL included) before a migration touches it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.backup-{revision or 'none'}-{stamp}")
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    shutil.copymode(path, target)
    return target


def _create_engine(url: str) -> Engine:
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _configure_sqlite_connection)
    return engine


def _configure_sqlite_connection(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout = 3000")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _current_revision(engine: Engine) -> str | None:
    with engine.connect() as con:
        has_table = con.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).first()
        if not has_table:
            return None
        row = con.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        return row[0] if row else None


def _migrate(engine: Engine, url: str) -> None:
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
        raise DatabaseError(DatabaseProblem.MIGRATION_FAILED, url, str(exc)) from exc
