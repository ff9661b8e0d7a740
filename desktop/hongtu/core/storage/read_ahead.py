"""Reading ahead: a command that only reads starts its SQLite work the moment its words are known.

``hongtu plans list`` spends ~40 ms importing and parsing before its handler runs; at 10,000
plans the summary query's first step (the scan, every plan's stop count, the sort) takes ~25 ms
and the file's ``quick_check`` ~40 ms. Both run in SQLite without the GIL, so they are started
on threads before those imports (``hongtu.cli.main``) and ``quick_read`` takes the open
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
    ``first`` started on it, with ``PRAGMA quick_check`` on a connection of its own beside it.

    ``opened`` waits for the thread and gives what it opened (None if ``db`` is no SQLite file
    or anything failed: the caller then opens the workspace as ever); ``close`` closes it all
    and says whether the check passed."""

    def __init__(self, db: str | None, first: str | None = None) -> None:
        from hongtu.core.storage.files import read_only_uri, resolve_url, sqlite_file

        self.first = first
        self._opened: Opened | None = None
        self._check: Beside | None = None
        self._closed = False
        self._thread: threading.Thread | None = None
        try:
            path = sqlite_file(resolve_url(db))
            if path is None or not path.is_file():
                return
            uri = read_only_uri(path)
        except (OSError, ValueError):  # no file to read ahead: the command says what is wrong
            return
        self._check = Beside(uri, "PRAGMA quick_check(5)")
        self._thread = threading.Thread(target=self._open, args=(path, uri), name="read-ahead")
        self._thread.start()

    def _open(self, path: Path, uri: str) -> None:
        try:
            con = sqlite3.connect(uri, uri=True, timeout=0.2, check_same_thread=False)
        except sqlite3.Error:  # not a file SQLite opens: the caller finds out
            return
        try:
            con.execute("BEGIN")  # one read transaction: everything read is of one moment
            started = None
            if self.first is not None:
                started = con.cursor()
                started.row_factory = None  # plain tuples
                started.execute(self.first)
        except Exception:  # an older schema, a lock, damage: the caller opens the workspace
            con.close()
            return
        self._opened = Opened(path, uri, con, started)

    def opened(self) -> Opened | None:
        if self._thread is not None:
            self._thread.join()
        return None if self._closed else self._opened

    def close(self) -> bool:
        """Close the connection (after the thread is done) and wait for the check; True if
        the file passed it."""
        if self._thread is not None:
            self._thread.join()
        self._closed = True
        if self._opened is not None:
            self._opened.con.close()
        return self._check is not None and self._check.rows() == [("ok",)]


class Beside:
    """``sql`` run on a connection of its own to the file at ``uri``, on a thread, started at
    once; ``rows`` waits for it and gives its rows (None if it failed in any way: a message
    SQLite quotes undecodable bytes in, a lock, …)."""

    def __init__(self, uri: str, sql: str) -> None:
        self._rows: list[tuple[Any, ...]] | None = None
        self._thread = threading.Thread(target=self._run, args=(uri, sql), name="quick-read")
        self._thread.start()

    def _run(self, uri: str, sql: str) -> None:
        try:
            con = sqlite3.connect(uri, uri=True, timeout=0.2)
            try:
                self._rows = con.execute(sql).fetchall()
            finally:
                con.close()
        except Exception:  # any failure is no answer: the caller then trusts nothing
            self._rows = None

    def rows(self) -> list[tuple[Any, ...]] | None:
        self._thread.join()
        return self._rows
