"""One window per database: a second launch on the same database brings the first forward.

The running window listens on a local socket (``QLocalServer``) named after a hash of the
resolved database URL; a lock file next to it (``QLockFile``, which notices a crashed holder)
decides who is first, so two launches at the same moment cannot both become the window. A
second launch connects, asks the first to come forward, and exits.
"""

from __future__ import annotations

import getpass
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QByteArray, QCryptographicHash, QDir, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

ACTIVATE = b"activate\n"
CONNECT_MS = 1000


def instance_key(url: str) -> str:
    """A short, stable, filesystem-safe name for the database at ``url`` and this user.

    Another user on the same machine opening the same shared database gets a window of their
    own (the two windows then see each other's saves like any two writers).
    """
    owner = QByteArray(f"{getpass.getuser()}\n{url}".encode())
    # Qt's SHA-256, not hashlib's: importing hashlib loads OpenSSL (~3 ms before the window)
    digest = QCryptographicHash.hash(owner, QCryptographicHash.Algorithm.Sha256)
    return "hongtu-" + bytes(digest.toHex().data()).decode("ascii")[:24]


def _window_lock(key: str) -> QLockFile:
    lock = QLockFile(QDir.temp().absoluteFilePath(f"{key}.lock"))
    lock.setStaleLockTime(0)  # only a dead holder makes a lock stale, never its age
    return lock


@contextmanager
def no_window_on(url: str) -> Iterator[bool]:
    """While the block runs no window opens on the database at ``url`` (a launch meanwhile
    takes the lock for another window's and exits); yields False when a window has the
    database open now (``hongtu backup restore`` must not replace the file under it)."""
    lock = _window_lock(instance_key(url))
    if not lock.tryLock(0):
        yield lock.error() is not QLockFile.LockError.LockFailedError  # no lock file: go on
        return
    try:
        yield True
    finally:
        lock.unlock()


class SingleInstance(QObject):
    """``claim()`` True: this process is the window for the database. Else the other one was
    asked to come forward; ``activated`` is emitted in the first when a second launch asks."""

    activated = Signal()

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._lock = _window_lock(key)
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        if not self._lock.tryLock(0):
            if self._lock.error() is QLockFile.LockError.LockFailedError:  # another window
                self._ask_first_to_activate()
                return False
            # No lock file can be made (the temporary folder is missing or refuses files):
            # this window opens without knowing of others, rather than never opening at all.
            log.warning("no single-window lock (%s): opening anyway", self._lock.fileName())
            return True
        QLocalServer.removeServer(self.key)  # a socket left by a crashed window
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.key):
            # Without a socket this window cannot be found, but it can still be used.
            return True
        server.newConnection.connect(self._on_new_connection)
        self._server = server
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _ask_first_to_activate(self) -> None:
        socket = QLocalSocket()
        socket.connectToServer(self.key)
        if socket.waitForConnected(CONNECT_MS):
            socket.write(ACTIVATE)
            socket.waitForBytesWritten(CONNECT_MS)
            socket.disconnectFromServer()

    def _on_new_connection(self) -> None:
        server = self._server
        if server is None:
            return
        while (socket := server.nextPendingConnection()) is not None:
            # The second launch writes at once after connecting, so this wait is short.
            if socket.bytesAvailable() or socket.waitForReadyRead(CONNECT_MS):
                asked = ACTIVATE.strip() in bytes(socket.readAll().data())
            else:
                asked = False
            socket.abort()
            socket.deleteLater()
            if asked:
                self.activated.emit()
