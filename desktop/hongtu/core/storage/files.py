"""The database file: which one to use, and what schema revision it holds.

Uses only the standard library, so start-up can look at the file before SQLAlchemy is imported.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import unquote

from hongtu.core import paths
from hongtu.core.storage.problems import DatabaseError, DatabaseProblem

# The newest migration in db/versions. A test checks it against Alembic's head, so start-up can
# skip importing Alembic when the file is already current.
SCHEMA_HEAD = "0002"
KNOWN_REVISIONS = ("0001", "0002")


def resolve_url(db: str | None) -> str:
    """``--db`` / ``HONGTU_DB``: a file path or any SQLAlchemy URL; default in the data dir."""
    choice = db or os.environ.get("HONGTU_DB") or str(paths.default_database_file())
    if "://" in choice:
        return choice
    return f"sqlite:///{Path(choice).expanduser().resolve()}"


def sqlite_file(url: str) -> Path | None:
    """The file behind a ``sqlite:///`` URL; None for memory databases and other servers."""
    if not url.startswith("sqlite:///") or not url.partition("?")[0][len("sqlite:///") :]:
        return None
    name = unquote(url.partition("?")[0][len("sqlite:///") :])
    return None if name == ":memory:" else Path(name)


def inspect_sqlite_file(path: Path) -> str | None:
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
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DatabaseError(DatabaseProblem.TOO_NEW, str(path), revision)
    return revision


def _classify_sqlite_error(path: Path, exc: sqlite3.DatabaseError) -> DatabaseError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseError(DatabaseProblem.LOCKED, str(path), str(exc))
    if "not a database" in text:
        return DatabaseError(DatabaseProblem.NOT_A_DATABASE, str(path), str(exc))
    return DatabaseError(DatabaseProblem.CORRUPT, str(path), str(exc))
