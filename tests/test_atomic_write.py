"""The atomic writer keeps an existing file's permissions and forces the data to disk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hongtu.core.atomic import NEW_FILE_MODE, write_atomic


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o755])
def test_replacing_a_file_keeps_its_mode(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "plan.csv"
    target.write_bytes(b"old")
    target.chmod(mode)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == mode


def test_a_new_file_gets_the_usual_mode_whatever_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o077)
    try:
        write_atomic(tmp_path / "new.csv", b"x")
    finally:
        os.umask(previous)
    assert (tmp_path / "new.csv").stat().st_mode & 0o777 == NEW_FILE_MODE == 0o644


def test_data_and_folder_are_fsynced_around_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.docx"
    target.write_bytes(b"old")
    events: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        path = os.readlink(f"/proc/self/fd/{fd}")
        content = Path(path).read_bytes() if Path(path).is_file() else None
        events.append(("fsync", path if content is None else f"{path}={content.decode()}"))
        real_fsync(fd)

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        events.append(("replace", f"{os.fspath(src)}->{os.fspath(dst)}"))
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write_atomic(target, b"new plan")

    assert [kind for kind, _ in events] == ["fsync", "replace", "fsync"]
    synced_file, renamed, synced_folder = (what for _, what in events)
    temp = renamed.split("->")[0]
    assert synced_file == f"{temp}=new plan"  # the whole new content, before the rename
    assert renamed == f"{temp}->{target}" and Path(temp).parent == tmp_path
    assert synced_folder == str(tmp_path)  # the rename itself is made durable
    assert target.read_bytes() == b"new plan"
