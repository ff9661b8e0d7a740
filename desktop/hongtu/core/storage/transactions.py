"""Write transactions that take SQLite's write lock at once (``BEGIN IMMEDIATE``).

A deferred transaction that reads first and writes later can fail at the write with "database is
locked" without waiting (its snapshot is already stale). Taking the write lock at the start makes
concurrent writers queue up for the busy timeout instead, and a read-check-write (the plan's
version) inside the transaction is then atomic.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session, sessionmaker

from hongtu.core.storage.problems import DatabaseError, DatabaseProblem

WRITE_OPTION = "hongtu_write"
WAIT_OPTION = "hongtu_wait_ms"  # how long this write waits for another writer's lock


@contextmanager
def writing(sessions: sessionmaker[Session], wait_ms: int | None = None) -> Iterator[Session]:
    """Like ``sessions.begin()``, but the transaction starts with the write lock held.

    ``wait_ms``: how long to wait for another program's write lock before "locked" (the window's
    saves wait briefly and try again later rather than freeze); None: the busy timeout."""
    options: dict[str, object] = {WRITE_OPTION: True}
    if wait_ms is not None:
        options[WAIT_OPTION] = wait_ms
    with sessions.begin() as session:
        session.connection(execution_options=options)
        yield session


@contextmanager
def stored_rows(sessions: sessionmaker[Session]) -> Iterator[None]:
    """Around turning stored rows into plans and sites: a value the model cannot take (an enum
    name or a key changed by damage inside a data page, which ``PRAGMA quick_check`` cannot
    see) is a damaged database, said as such, never a traceback. Wrap only the conversion."""
    try:
        yield
    except (ValueError, KeyError, TypeError) as exc:
        from hongtu.core.storage.files import sqlite_file

        bind = sessions.kw.get("bind")
        url = str(bind.url) if bind is not None else ""
        location = str(sqlite_file(url) or url)
        detail = f"a stored value could not be read ({type(exc).__name__})"
        raise DatabaseError(DatabaseProblem.CORRUPT, location, detail) from exc
