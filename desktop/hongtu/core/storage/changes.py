"""Noticing, cheaply, that another program (a second window, the CLI) wrote to the database.

For an SQLite file, ``PRAGMA data_version`` on one connection of our own changes whenever any
other connection commits: one tiny read per look, no page of data read. For other databases
every look reports a possible change and the caller compares plan versions.

A file put in the database's place (a restore by another user, or on another computer sharing
the folder, renames the restored file over it) is not a commit: the connections opened before
go on reading and writing the old file, which is gone. ``replaced`` tells it by the file's
identity (device and inode, the file index on Windows).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hongtu.core.storage.files import sqlite_file, uri_path


class ChangeProbe:
    def __init__(self, url: str) -> None:
        path = sqlite_file(url)
        self._path = path
        self._identity = _identity(path) if path is not None else None
        self._con: sqlite3.Connection | None = None
        if path is not None:
            self._con = sqlite3.connect(
                f"file:{uri_path(path)}?mode=rw", uri=True, timeout=0.2,
                check_same_thread=False, isolation_level=None,
            )  # fmt: skip
        self._last = self._token()

    def changed(self) -> bool:
        """True when something may have been committed since the last look."""
        token = self._token()
        if token == self._last and token is not None:
            return False
        self._last = token
        return True

    def replaced(self) -> bool:
        """True when another file now stands at the database's path than the one opened. A
        file missing for a moment (in the middle of a rename, a network drive that did not
        answer) is not taken for a replaced one."""
        if self._path is None or self._identity is None:
            return False
        now = _identity(self._path)
        return now is not None and now != self._identity

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def _token(self) -> int | None:
        if self._con is None:
            return None
        try:
            row = self._con.execute("PRAGMA data_version").fetchall()[0]
        except sqlite3.Error:  # busy for a moment: look again next time
            return None
        return int(row[0])


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino
