"""The start-up sweep of interrupted writes, in one process: an export still being written (its
temporary file locked) is never removed; the leftovers of a killed one are, and nothing else."""

from __future__ import annotations

import errno
import fcntl
import io
import os
import stat
import sys
import time
from pathlib import Path
from typing import BinaryIO

import pytest

from hongtu.core.atomic import (
    PARTIAL_SUFFIX,
    UNLOCKED_STALE_SECONDS,
    ExportError,
    ExportErrorCode,
    atomic_file,
    atomic_path,
    is_partial,
    remove_stale_partials,
    write_atomic,
)
from hongtu.core.cancel import CancelledError


def leftover(folder: Path, name: str) -> Path:
    """What a killed export leaves: a temporary file nobody holds a lock on."""
    path = folder / f".{name}.k1llED{PARTIAL_SUFFIX}"
    path.write_bytes(b"half of an export")
    return path


def test_a_write_in_progress_survives_the_sweep_and_a_dead_ones_leftovers_do_not(
    tmp_path: Path,
) -> None:
    dead = leftover(tmp_path, "活动方案")
    with atomic_file(tmp_path / "日程安排表.xlsx") as stream:
        stream.write(b"still writing")
        (in_progress,) = (p for p in tmp_path.iterdir() if p != dead)
        assert remove_stale_partials([tmp_path]) == [dead]
        assert in_progress.exists() and not dead.exists()
    assert (tmp_path / "日程安排表.xlsx").read_bytes() == b"still writing"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["日程安排表.xlsx"]


def test_the_sweep_goes_through_every_folder_once_and_touches_only_leftovers(
    tmp_path: Path,
) -> None:
    first, second = tmp_path / "settings", tmp_path / "exports"
    first.mkdir()
    second.mkdir()
    dead = [leftover(first, "settings"), leftover(second, "行程")]
    mine = second / f"notes{PARTIAL_SUFFIX}"  # no leading dot: not one of HongTu's
    mine.write_bytes(b"keep")
    a_folder = second / f".looks.like{PARTIAL_SUFFIX}"
    a_folder.mkdir()
    missing = tmp_path / "gone"
    removed = remove_stale_partials([missing, first, second, first])
    assert sorted(removed) == sorted(dead)
    assert mine.exists() and a_folder.is_dir()
    assert remove_stale_partials([first, second]) == []


def test_a_leftover_that_cannot_be_removed_is_skipped_not_fatal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stuck, other = leftover(tmp_path, "a"), leftover(tmp_path, "b")
    real_unlink = Path.unlink

    def refuse_one(self: Path, missing_ok: bool = False) -> None:
        if self == stuck:
            raise PermissionError(13, "Permission denied", str(self))
        real_unlink(self, missing_ok)

    monkeypatch.setattr(Path, "unlink", refuse_one)
    assert remove_stale_partials([tmp_path]) == [other]
    assert stuck.exists()


def test_a_failed_write_whose_temporary_file_is_already_gone_still_reports_the_failure(
    tmp_path: Path,
) -> None:
    """The clean-up after a failure tolerates a temporary file that has vanished."""
    target = tmp_path / "行程.csv"
    target.write_bytes(b"old")
    with pytest.raises(ExportError) as caught, atomic_path(target) as temp:
        temp.write_bytes(b"new")
        os.remove(temp)
        raise OSError(28, "No space left on device")
    assert caught.value.code is ExportErrorCode.DISK_FULL
    assert target.read_bytes() == b"old"


# ---- a write that the system says went well, but did not ---------------------------------------


def _lying_writer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every temporary file takes only half of what is written yet reports all of it written
    (a full disk that the file system does not report until later)."""
    real_open = Path.open

    class Lying(io.RawIOBase):
        def __init__(self, inner: BinaryIO) -> None:
            self.inner = inner

        def writable(self) -> bool:
            return True

        def write(self, data: object) -> int:
            chunk = bytes(data)  # type: ignore[call-overload]
            self.inner.write(chunk[: len(chunk) // 2])
            return len(chunk)

        def close(self) -> None:
            self.inner.close()
            super().close()

    def lying_open(self: Path, mode: str = "r", *args: object, **kwargs: object) -> object:
        stream = real_open(self, mode, *args, **kwargs)  # type: ignore[call-overload]
        return Lying(stream) if mode == "wb" and is_partial(self) else stream

    monkeypatch.setattr(Path, "open", lying_open)


def test_a_write_that_silently_lost_half_is_refused_and_the_old_file_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "日程安排表.csv"
    target.write_bytes(b"old")
    _lying_writer(monkeypatch)
    with pytest.raises(ExportError) as caught:
        write_atomic(target, b"x" * 1000)
    assert caught.value.code is ExportErrorCode.INCOMPLETE
    assert target.read_bytes() == b"old"
    assert [p for p in tmp_path.iterdir() if p != target] == []


def test_a_cancelled_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "活动方案.docx"
    target.write_bytes(b"old")
    with pytest.raises(CancelledError):
        write_atomic(target, b"new", should_stop=lambda: True)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["活动方案.docx"]
    write_atomic(target, b"new", should_stop=lambda: False)
    assert target.read_bytes() == b"new"


# ---- file systems without what the writer would like --------------------------------------------


def test_a_folder_that_cannot_be_synced_does_not_fail_a_finished_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some network drives refuse to sync a folder: the file itself is synced and in place."""
    real_fsync = os.fsync

    def no_folder_sync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "Invalid argument")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", no_folder_sync)
    write_atomic(tmp_path / "行程.csv", b"rows")
    assert (tmp_path / "行程.csv").read_bytes() == b"rows"


def test_a_file_system_without_locks_still_takes_the_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_locks(*_: object) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    write_atomic(tmp_path / "行程.csv", b"rows")
    assert (tmp_path / "行程.csv").read_bytes() == b"rows"


def test_without_file_locks_a_leftover_is_taken_for_dead_only_after_a_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where there are no file locks (Windows), age decides: a day old exactly is kept."""
    now = 2_000_000_000.0
    monkeypatch.setattr(time, "time", lambda: now)
    monkeypatch.setitem(sys.modules, "fcntl", None)  # ``import fcntl`` now fails
    fresh, day_old, older = (leftover(tmp_path, name) for name in ("a", "b", "c"))
    for path, age in (
        (fresh, 60),
        (day_old, UNLOCKED_STALE_SECONDS),
        (older, UNLOCKED_STALE_SECONDS + 1),
    ):
        os.utime(path, (now - age, now - age))
    assert remove_stale_partials([tmp_path]) == [older]
