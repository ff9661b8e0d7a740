"""Reading ahead: a command that only reads starts its SQLite work the moment its words are known.

``hongtu plans list`` spends ~40 ms importing and parsing before its handler runs; at 10,000
plans the summary query's first step (the scan, every plan's stop count, the sort) takes ~25 ms
and the file's ``quick_check`` ~40 ms. Both run in SQLite without the GIL, so they are started
on a thread before those imports (``hongtu.cli.main``) and ``quick_read`` takes the open
connection, the started query and the check's verdict when the handler gets there. Only
SQLite's single long steps run there: a thread that built Python rows would wait for the GIL
at every row while the imports hold it.

Only the file's name is found on the caller's thread: a thread that imported would take the
GIL from the imports it is meant to run beside.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any, NamedTuple

# The plans list: the same summary query as ``PlanStore.list_plans`` (no stops loaded), in the
# same order (newest day first, then newest id). Its ORDER BY is no index's, so SQLite does all
# of its work (scan, stop counts, sort) in the first step, which the read-ahead thread takes.
SUMMARIES = """
SELECT p.id, p.title, p.day, p.branch, p.status,
       (SELECT count(s.id) FROM plan_stops AS s WHERE s.plan_id = p.id), p.updated_at
FROM plans AS p WHERE p.deleted_at IS NULL ORDER BY p.day DESC, p.id DESC
"""


class Opened(NamedTuple):
    """What a ``ReadAhead`` opened: the file, its read-only URI, a connection in a read
    transaction, and the cursor of its first query, started (None if it was given none)."""

    path: Path
    uri: str
    con: sqlite3.Connection
    started: sqlite3.Cursor | None


class ReadAhead:
    """The SQLite file of ``db`` opened read-only on a thread, a read transaction begun and
    ``first`` started on it; then, on the same thread and a connection of its own,
    ``PRAGMA quick_check``.

    ``opened`` waits until the first query has started and gives what was opened (None if
    ``db`` is no SQLite file or anything failed: the caller then opens the workspace as ever);
    ``close`` waits for the check, closes it all and says whether the file passed it. One
    thread, not two: on two cores a third busy thread would slow the caller's own imports and
    rows, and the check (~40 ms at 10,000 plans) is done before the caller needs its verdict.
    """

    def __init__(self, db: str | None, first: str | None = None) -> None:
        from hongtu.core.storage.files import read_only_uri, resolve_url, sqlite_file

        self.first = first
        self._opened: Opened | None = None
        self._verdict: list[tuple[Any, ...]] | None = None
        self._started = threading.Event()
        self._closed = False
        self._thread: threading.Thread | None = None
        try:
            path = sqlite_file(resolve_url(db))
            if path is None or not path.is_file():
                return
            uri = read_only_uri(path)
        except (OSError, ValueError):  # no file to read ahead: the command says what is wrong
            return
        self._thread = threading.Thread(target=self._read, args=(path, uri), name="read-ahead")
        self._thread.start()

    def _read(self, path: Path, uri: str) -> None:
        try:
            self._opened = _begin(path, uri, self.first)
        finally:
            self._started.set()
        self._verdict = _quick_check(uri)

    def opened(self) -> Opened | None:
        if self._thread is not None:
            self._started.wait()
        return None if self._closed else self._opened

    def close(self) -> bool:
        """Close the connection (after the thread is done) and wait for the check; True if
        the file passed it."""
        if self._thread is not None:
            self._thread.join()
        self._closed = True
        if self._opened is not None:
            self._opened.con.close()
        return self._verdict == [("ok",)]


def _begin(path: Path, uri: str, first: str | None) -> Opened | None:
    """A connection to ``uri`` in a read transaction, ``first`` started on it (its first step
    taken); None if SQLite cannot open the file, or the query fails (an older schema, a lock,
    damage): the caller then opens the workspace."""
    try:
        con = sqlite3.connect(uri, uri=True, timeout=0.2, check_same_thread=False)
    except sqlite3.Error:
        return None
    try:
        con.execute("BEGIN")  # one read transaction: everything read is of one moment
        started = None
        if first is not None:
            started = con.cursor()
            started.row_factory = None  # plain tuples
            started.execute(first)
    except Exception:
        con.close()
        return None
    return Opened(path, uri, con, started)


def _quick_check(uri: str) -> list[tuple[Any, ...]] | None:
    """``PRAGMA quick_check``'s rows, on a connection of its own (None if it failed in any way:
    a message SQLite quotes undecodable bytes in, a lock, …)."""
    try:
        con = sqlite3.connect(uri, uri=True, timeout=0.2)
        try:
            return con.execute("PRAGMA quick_check(5)").fetchall()
        finally:
            con.close()
    except Exception:  # any failure is no answer: the caller then trusts nothing
        return None
