"""Atomic file writes for exports: the target is either the old file or the complete new one.

Data goes to a temporary file in the target's own folder (so ``os.replace`` is a rename on one
file system), is flushed and fsynced, checked to be complete, then replaces the target. On any
failure the temporary file is removed and the old target is left as it was. Operating-system
errors become an ``ExportError`` with a code the UI turns into a sentence; a file that turns out
shorter than what was written (a full disk that a writer did not report, such as Qt's PDF engine)
is ``INCOMPLETE``. Other exceptions (bugs in a writer) are re-raised unchanged after the clean-up.

Temporary files are named ``.<stem>.<random>.hongtu-partial`` and are held under an advisory
lock (``flock``) while they are written, so ``remove_stale_partials`` can tell the leftovers of a
killed process from a write that another process is still doing, and removes only the former.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from hongtu.core.cancel import ShouldStop, check

log = logging.getLogger(__name__)

NEW_FILE_MODE = 0o644
PARTIAL_SUFFIX = ".hongtu-partial"
# Where file locks are not available, a leftover is only taken for dead after this long.
UNLOCKED_STALE_SECONDS = 24 * 3600

Verify = Callable[[Path], None]
"""Checks a finished temporary file; raises ``IncompleteFileError`` if it is not whole."""


class ExportErrorCode(StrEnum):
    DISK_FULL = "disk_full"
    PERMISSION = "permission"
    NOT_A_DIRECTORY = "not_a_directory"  # the folder is missing or is not a folder
    EXISTS = "exists"  # the target exists and overwriting was not allowed
    UNSUPPORTED = "unsupported"  # a format this writer cannot produce (e.g. PDF without Qt)
    MISSING_INPUT = "missing_input"  # a format needs data that was not passed (JSON needs the plan)
    INCOMPLETE = "incomplete"  # the written file is shorter than the data (usually a full disk)
    NO_CHINESE_FONT = "no_chinese_font"  # a PDF on a machine with no font that draws Chinese
    OTHER = "other"


class ExportError(Exception):
    """An expected export failure: ``code`` and ``path`` are for the UI's message."""

    def __init__(self, code: ExportErrorCode, path: Path, detail: str = "") -> None:
        super().__init__(f"{code.value}: {path}" + (f" ({detail})" if detail else ""))
        self.code = code
        self.path = path
        self.detail = detail


class IncompleteFileError(Exception):
    """Raised by a ``Verify`` check: the temporary file is not the whole document."""


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


def is_partial(path: Path) -> bool:
    return path.name.startswith(".") and path.name.endswith(PARTIAL_SUFFIX)


@contextlib.contextmanager
def atomic_path(
    path: Path, verify: Verify | None = None, should_stop: ShouldStop | None = None
) -> Iterator[Path]:
    """Yields a temporary path (same folder) for a writer that needs a file name.

    When the block ends normally, ``verify`` (if given) checks the temporary file, then it
    replaces ``path``; otherwise it is removed and ``path`` is untouched. ``should_stop`` is asked
    just before the rename: if it says stop, ``CancelledError`` is raised and nothing replaced.
    """
    path = Path(path)
    try:
        fd, name = tempfile.mkstemp(
            prefix=f".{path.stem[:40]}.", suffix=f"{path.suffix}{PARTIAL_SUFFIX}", dir=path.parent
        )
    except OSError as exc:
        raise export_error(exc, path) from exc
    temp = Path(name)
    _lock(fd)  # held until the rename (or the clean-up): the writer is alive
    try:
        yield temp
        if verify is not None:
            verify(temp)
        check(should_stop)
        _commit(temp, path)
    except OSError as exc:
        _discard(temp)
        raise export_error(exc, path) from exc
    except IncompleteFileError as exc:
        _discard(temp)
        raise ExportError(ExportErrorCode.INCOMPLETE, path, str(exc)) from exc
    except BaseException:
        _discard(temp)
        raise
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_file(
    path: Path, size: int | None = None, should_stop: ShouldStop | None = None
) -> Iterator[BinaryIO]:
    """Yields a binary file to write; it replaces ``path`` only when the block succeeds.

    ``size``: the number of bytes the caller will write; the file is checked to hold them all.
    """
    verify = None if size is None else expect_size(size)
    with atomic_path(path, verify, should_stop) as temp, temp.open("wb") as stream:
        yield stream


def write_atomic(path: Path, data: bytes, should_stop: ShouldStop | None = None) -> None:
    """Writes ``data`` to ``path`` atomically; raises ``ExportError`` on failure."""
    with atomic_file(path, size=len(data), should_stop=should_stop) as stream:
        written = stream.write(data)
        if written != len(data):  # a raw stream may write less without an error
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def expect_size(size: int) -> Verify:
    def check(temp: Path) -> None:
        actual = temp.stat().st_size
        if actual != size:
            raise IncompleteFileError(f"{actual} of {size} bytes written")

    return check


PDF_END = b"%%EOF"


def verify_pdf(temp: Path) -> None:
    """A PDF is complete when it starts with ``%PDF-`` and ends with ``%%EOF``."""
    size = temp.stat().st_size
    if size < len(PDF_END) + 5:
        raise IncompleteFileError(f"the PDF has {size} bytes")
    with temp.open("rb") as stream:
        head = stream.read(5)
        stream.seek(max(0, size - 64))
        tail = stream.read()
    if head != b"%PDF-" or PDF_END not in tail:
        raise IncompleteFileError("the PDF is cut short")


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


# ---- leftovers of interrupted writes -----------------------------------------------------------


def _lock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows: leftovers are recognised by age instead
        return
    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _abandoned(path: Path) -> bool:
    """True when no living process is writing ``path``."""
    try:
        import fcntl
    except ImportError:
        return time.time() - path.stat().st_mtime > UNLOCKED_STALE_SECONDS
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # another process holds it: a write in progress
    finally:
        os.close(fd)  # closing releases our lock too
    return True


def remove_stale_partials(folders: Iterable[Path]) -> list[Path]:
    """Removes the temporary files of interrupted writes in ``folders``; returns them."""
    removed: list[Path] = []
    for folder in dict.fromkeys(Path(f) for f in folders):
        try:
            candidates = [p for p in folder.iterdir() if is_partial(p)]
        except OSError:
            continue
        for candidate in candidates:
            try:
                if candidate.is_file() and _abandoned(candidate):
                    candidate.unlink()
                    removed.append(candidate)
            except OSError as exc:
                log.info("could not remove a leftover temporary file: %s", exc.strerror)
    if removed:
        log.info("removed %d temporary file(s) of interrupted writes", len(removed))
    return removed
