"""Opening the database: choose the URL, refuse what cannot be opened, back up, then migrate.

The order matters and is the promise to the organiser: nothing is ever written to a file that
cannot be read as a HongTu database, and an existing file is copied aside before any migration.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from hongtu.core import paths
from hongtu.core.storage.files import (
    SCHEMA_HEAD,
    inspect_sqlite_file,
    resolve_url,
    sqlite_file,
)
from hongtu.core.storage.problems import DatabaseError, DatabaseProblem

__all__ = ["SCHEMA_HEAD", "Database", "DatabaseError", "DatabaseProblem", "open_database"]


@dataclass(frozen=True)
class Database:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    backup: Path | None  # the copy made before migrating, if one was made

    def close(self) -> None:
        self.engine.dispose()


def open_database(db: str | None = None) -> Database:
    url = resolve_url(db)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(DatabaseProblem.BAD_URL, url, str(exc)) from exc
    backup: Path | None = None
    db_file = sqlite_file(url)
    if db_file is not None:
        revision = inspect_sqlite_file(db_file)
        if revision != SCHEMA_HEAD and db_file.exists() and db_file.stat().st_size > 0:
            backup = backup_sqlite_file(db_file, revision)
    engine = _create_engine(url)
    try:
        if db_file is None or _current_revision(engine) != SCHEMA_HEAD:
            _migrate(engine, parsed.render_as_string(hide_password=False))
    except DatabaseError:
        engine.dispose()
        raise
    return Database(url, engine, sessionmaker(engine, expire_on_commit=False), backup)


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
