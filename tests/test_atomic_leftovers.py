"""The start-up sweep of interrupted writes, in one process: an export still being written (its
temporary file locked) is never removed; the leftovers of a killed one are, and nothing else."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hongtu.core.atomic import (
    PARTIAL_SUFFIX,
    ExportError,
    ExportErrorCode,
    atomic_file,
    atomic_path,
    remove_stale_partials,
)


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
