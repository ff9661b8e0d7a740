"""A database on a network drive keeps SQLite's rollback journal, never the write-ahead log.

WAL's index lives in shared memory that two computers cannot share: two organisers opening one
file in a shared folder could lose each other's saves. On a local disk WAL stays (readers never
wait for a writer).
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from hongtu.core.plans import Plan
from hongtu.core.storage import filesystems
from hongtu.core.storage.filesystems import (
    DRIVE_REMOTE,
    filesystem_type,
    parse_mounts,
    windows_path_is_remote,
)
from hongtu.core.workspace import open_workspace

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw,relatime 0 0
//nas/党支部 /mnt/branch cifs rw,vers=3.0 0 0
/dev/sdb1 /mnt/branch/usb vfat rw 0 0
server:/export /srv/shared\\040folder nfs4 rw 0 0
tmpfs /srv/over tmpfs rw 0 0
server:/over /srv/over nfs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/home/organiser/hongtu.sqlite3", "ext4"),
        ("/mnt/branch/2026/hongtu.sqlite3", "cifs"),
        ("/mnt/branch/usb/hongtu.sqlite3", "vfat"),  # a local drive mounted inside the share
        ("/mnt/branchx/hongtu.sqlite3", "ext4"),  # a sibling whose name starts the same
        ("/srv/shared folder/hongtu.sqlite3", "nfs4"),  # the kernel writes the space as \040
        ("/srv/over/hongtu.sqlite3", "nfs"),  # mounted over a tmpfs: the last mount counts
    ],
)
def test_the_file_system_holding_a_path(path: str, kind: str) -> None:
    assert filesystem_type(PurePosixPath(path), parse_mounts(MOUNTS)) == kind


def test_windows_network_paths() -> None:
    def drive_type(root: str) -> int:
        return {"Z:\\": DRIVE_REMOTE}.get(root, 3)  # 3: a fixed disk

    assert windows_path_is_remote(PureWindowsPath(r"\\nas\党支部\hongtu.sqlite3"), drive_type)
    assert windows_path_is_remote(PureWindowsPath(r"Z:\红途\hongtu.sqlite3"), drive_type)
    assert not windows_path_is_remote(PureWindowsPath(r"C:\Users\a\hongtu.sqlite3"), drive_type)


def journal_mode(db: Path) -> str:
    with closing(sqlite3.connect(db)) as connection:
        return str(connection.execute("PRAGMA journal_mode").fetchone()[0])


def mount_as(monkeypatch, tmp_path: Path, folder: Path, kind: str) -> None:
    """``folder`` is a mount of type ``kind`` as far as HongTu can tell (its mount table)."""
    table = tmp_path / "mounts"
    table.write_text(f"/dev/sda1 / ext4 rw 0 0\nserver:/x {folder.resolve()} {kind} rw 0 0\n")
    monkeypatch.setattr(filesystems, "MOUNTS", table)


def test_a_database_on_a_network_share_uses_the_rollback_journal(monkeypatch, tmp_path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    mount_as(monkeypatch, tmp_path, share, "cifs")
    workspace = open_workspace(str(share / "branch.sqlite3"))
    try:
        workspace.plans.save(Plan(title="七一主题党日", date=date(2026, 7, 1)))
        assert journal_mode(share / "branch.sqlite3") == "delete"
        assert not (share / "branch.sqlite3-wal").exists()
    finally:
        workspace.close()
    reopened = open_workspace(str(share / "branch.sqlite3"))
    try:
        assert [p.title for p in reopened.plans.list_plans()] == ["七一主题党日"]
    finally:
        reopened.close()


def test_a_database_moved_onto_a_share_leaves_the_write_ahead_log(monkeypatch, tmp_path) -> None:
    local = tmp_path / "local"
    local.mkdir()
    workspace = open_workspace(str(local / "branch.sqlite3"))
    workspace.plans.save(Plan(title="重温入党誓词", date=date(2026, 7, 1)))
    workspace.close()
    assert journal_mode(local / "branch.sqlite3") == "wal"  # a local disk keeps WAL
    mount_as(monkeypatch, tmp_path, local, "nfs4")  # the folder is now on the branch's server
    moved = open_workspace(str(local / "branch.sqlite3"))
    try:
        assert journal_mode(local / "branch.sqlite3") == "delete"
        assert [p.title for p in moved.plans.list_plans()] == ["重温入党誓词"]
    finally:
        moved.close()


def test_a_local_disk_keeps_the_write_ahead_log(monkeypatch, tmp_path) -> None:
    mount_as(monkeypatch, tmp_path, tmp_path / "elsewhere", "cifs")
    (tmp_path / "elsewhere").mkdir()
    workspace = open_workspace(str(tmp_path / "branch.sqlite3"))
    workspace.close()
    assert journal_mode(tmp_path / "branch.sqlite3") == "wal"
