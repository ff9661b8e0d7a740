"""Atomic file writes for exports: the target is either the old file or the complete new one.

Data goes to a temporary file in the target's own folder (so ``os.replace`` is a rename on one
file system), is flushed and fsynced, then replaces the target. On any failure the temporary
file is removed. Operating-system errors become an ``ExportError`` with a code the UI turns into
a sentence; other exceptions (bugs in a writer) are re-raised unchanged after the clean-up.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

NEW_FILE_MODE = 0o644


class ExportErrorCode(StrEnum):
    DISK_FULL = "disk_full"
    PERMISSION = "permission"
    NOT_A_DIRECTORY = "not_a_directory"  # the folder is missing or is not a folder
    EXISTS = "exists"  # the target exists and overwriting was not allowed
    UNSUPPORTED = "unsupported"  # a format this writer cannot produce (e.g. PDF without Qt)
    MISSING_INPUT = "missing_input"  # a format needs data that was not passed (JSON needs the plan)
    OTHER = "other"


class ExportError(Exception):
    """An expected export failure: ``code`` and ``path`` are for the UI's message."""

    def __init__(self, code: ExportErrorCode, path: Path, detail: str = "") -> None:
        super().__init__(f"{code.value}: {path}" + (f" ({detail})" if detail else ""))
        self.code = code
        self.path = path
        self.detail = detail


_ERRNO_CODES = {
    errno.ENOSPC: ExportErrorCode.DISK_FULL,
    errno.EDQUOT: ExportErrorCode.DISK_FULL,
    errno.EFBIG: ExportErrorCode.DISK_FULL,
    errno.EACCES: ExportErrorCode.PERMISSION,
    errno.EPERM: ExportErrorCode.PERMISSION,
    errno.EROFS: ExportErrorCode.PERMISSION,
    errno.ENOTDIR: ExportErrorCode.NOT_A_DIRECTORY,
    errno.ENOENT: ExportErrorCode.NOT_A_DIRECTORY,
}


def error_code(exc: OSError) -> ExportErrorCode:
    return _ERRNO_CODES.get(exc.errno or 0, ExportErrorCode.OTHER)


def export_error(exc: OSError, path: Path) -> ExportError:
    return ExportError(error_code(exc), path, exc.strerror or str(exc))


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yields a temporary path (same folder, same suffix) for a writer that needs a file name.

    When the block ends normally the temporary file replaces ``path``; otherwise it is removed.
    """
    path = Path(path)
    try:
        fd, name = tempfile.mkstemp(
            prefix=f".{path.stem[:40]}.", suffix=f"{path.suffix}.tmp", dir=path.parent
        )
        os.close(fd)
    except OSError as exc:
        raise export_error(exc, path) from exc
    temp = Path(name)
    try:
        yield temp
        _commit(temp, path)
    except OSError as exc:
        _discard(temp)
        raise export_error(exc, path) from exc
    except BaseException:
        _discard(temp)
        raise


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """Yields a binary file to write; it replaces ``path`` only when the block succeeds."""
    with atomic_path(path) as temp, temp.open("wb") as stream:
        yield stream


def write_atomic(path: Path, data: bytes) -> None:
    """Writes ``data`` to ``path`` atomically; raises ``ExportError`` on failure."""
    with atomic_file(path) as stream:
        stream.write(data)


def _commit(temp: Path, path: Path) -> None:
    with temp.open("rb+") as stream:
        stream.flush()
        os.fsync(stream.fileno())
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = NEW_FILE_MODE
    os.chmod(temp, mode)
    os.replace(temp, path)
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _discard(temp: Path) -> None:
    with contextlib.suppress(OSError):
        temp.unlink()
