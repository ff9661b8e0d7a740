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

WRITE_OPTION = "hongtu_write"


@contextmanager
def writing(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """Like ``sessions.begin()``, but the transaction starts with the write lock held."""
    with sessions.begin() as session:
        session.connection(execution_options={WRITE_OPTION: True})
        yield session
