"""Damaged storage is never made worse, and each storage problem is named truthfully.

Damaged databases are made from a real HongTu database (flipped bytes in a data page, a cut-off
file, a zeroed page). Opening one must refuse it before anything is written: the file keeps its
bytes and its modification time, no ``-wal``/``-shm``/``-journal`` appears beside it and no
backup is made. The module prints the figure the issue asks for (cases with files changed).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from hongtu.core.storage import database as database_module
from hongtu.core.storage import files as files_module
from hongtu.core.storage.backups import newest_sound_backup, restore_backup
from hongtu.core.storage.database import (
    SCHEMA_HEAD,
    DatabaseError,
    DatabaseProblem,
    backup_sqlite_file,
    open_database,
)
from hongtu.core.storage.quick_read import read_sites_quickly
from hongtu.core.workspace import open_workspace


def healthy_database(folder: Path) -> Path:
    file = folder / "hongtu.sqlite3"
    open_workspace(str(file)).close()
    assert not Path(f"{file}-wal").exists()
    return file


def _page_size(data: bytes) -> int:
    size = int.from_bytes(data[16:18], "big")
    return 65536 if size == 1 else size


def _root_page(file: Path, table: str) -> int:
    con = sqlite3.connect(f"file:{file}?immutable=1", uri=True)
    try:
        return int(con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
                   .fetchone()[0])  # fmt: skip
    finally:
        con.close()


def flip_sites_page(file: Path) -> None:
    """Flip the b-tree header and cell pointers of the sites table's root page."""
    data = bytearray(file.read_bytes())
    start = (_root_page(file, "sites") - 1) * _page_size(data)
    for offset in range(start + 1, start + 48):
        data[offset] ^= 0x5A
    file.write_bytes(bytes(data))


def truncate_to_half(file: Path) -> None:
    data = file.read_bytes()
    page = _page_size(data)
    file.write_bytes(data[: (len(data) // page // 2) * page])


def zero_plans_page(file: Path) -> None:
    data = bytearray(file.read_bytes())
    page = _page_size(data)
    start = (_root_page(file, "plan_stops") - 1) * page
    data[start : start + page] = bytes(page)
    file.write_bytes(bytes(data))


def flip_schema_page(file: Path) -> None:
    """Damage the schema (page 1 after its 100-byte header)."""
    data = bytearray(file.read_bytes())
    for offset in range(100, 140):
        data[offset] ^= 0xFF
    file.write_bytes(bytes(data))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "flipped data page": flip_sites_page,
    "truncated": truncate_to_half,
    "zeroed page": zero_plans_page,
    "flipped schema page": flip_schema_page,
}


def fingerprint(file: Path) -> tuple[str, int, list[str]]:
    beside = sorted(p.name for p in file.parent.iterdir() if p.name != file.name)
    return hashlib.sha256(file.read_bytes()).hexdigest(), file.stat().st_mtime_ns, beside


CHANGED: list[str] = []


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_database_is_refused_and_left_exactly_as_it_was(tmp_path, damage) -> None:
    file = healthy_database(tmp_path)
    DAMAGE[damage](file)
    before = fingerprint(file)

    with pytest.raises(DatabaseError) as caught:
        open_workspace(str(file))
    read_sites_quickly(str(file))  # the start-up fast path reads too: it must not write either

    after = fingerprint(file)
    if after != before:
        CHANGED.append(damage)
    assert caught.value.problem is DatabaseProblem.CORRUPT
    assert after == before  # bytes, mtime, and nothing new beside it (no -wal, -shm, backup)


def test_figure_damaged_databases_with_files_changed(tmp_path) -> None:
    """Runs every kind of damage once more and prints the figure for the issue's note."""
    changed = 0
    for number, (name, damage) in enumerate(DAMAGE.items()):
        folder = tmp_path / str(number)
        folder.mkdir()
        file = healthy_database(folder)
        damage(file)
        before = fingerprint(file)
        with contextlib.suppress(DatabaseError):
            open_workspace(str(file)).close()
        if fingerprint(file) != before:
            changed += 1
            print(f"changed: {name}")
    print(f"damaged-database cases: {len(DAMAGE)}, files changed: {changed}")
    assert changed == 0


def test_the_newest_sound_backup_is_restored_and_the_damaged_file_kept(tmp_path) -> None:
    file = healthy_database(tmp_path)
    older = backup_sqlite_file(file, SCHEMA_HEAD)
    damaged_backup = backup_sqlite_file(file, SCHEMA_HEAD)
    flip_sites_page(damaged_backup)
    os.utime(older, (1, 1))  # the damaged one is the newest; it must be passed over
    flip_sites_page(file)
    damaged_bytes = file.read_bytes()

    backup = newest_sound_backup(file)
    assert backup == older
    aside = restore_backup(file, backup)

    assert aside.read_bytes() == damaged_bytes
    workspace = open_workspace(str(file))
    try:
        assert workspace.sites.count() >= 10
    finally:
        workspace.close()


def test_a_folder_given_as_the_database_is_named_as_a_folder(tmp_path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    with pytest.raises(DatabaseError) as caught:
        open_database(str(folder))
    assert caught.value.problem is DatabaseProblem.IS_A_FOLDER
    assert list(folder.iterdir()) == []


def _deny_writes(monkeypatch, denied: Path) -> None:
    """Root may write anything, so a read-only file or folder is simulated for os.access."""
    real_access = os.access

    def access(path: object, mode: int, *args: object, **kwargs: object) -> bool:
        if Path(str(path)) == denied and mode & os.W_OK:
            return False
        return real_access(path, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(files_module.os, "access", access)


def test_a_read_only_file_is_named_as_read_only_and_not_touched(tmp_path, monkeypatch) -> None:
    file = healthy_database(tmp_path)
    file.chmod(0o444)
    if os.geteuid() == 0:
        _deny_writes(monkeypatch, file)
    before = fingerprint(file)
    with pytest.raises(DatabaseError) as caught:
        open_workspace(str(file))
    assert caught.value.problem is DatabaseProblem.READ_ONLY_FILE
    assert fingerprint(file) == before


def test_a_read_only_folder_is_named_as_such(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    file = healthy_database(folder)
    folder.chmod(0o555)
    try:
        if os.geteuid() == 0:
            _deny_writes(monkeypatch, folder)
        before = fingerprint(file)
        with pytest.raises(DatabaseError) as caught:
            open_workspace(str(file))
        assert caught.value.problem is DatabaseProblem.READ_ONLY_FOLDER
        assert fingerprint(file) == before
        with pytest.raises(DatabaseError) as new_file:
            open_workspace(str(folder / "new.sqlite3"))
        assert new_file.value.problem is DatabaseProblem.READ_ONLY_FOLDER
    finally:
        folder.chmod(0o755)


def test_a_full_disk_is_named_as_a_full_disk(tmp_path, monkeypatch) -> None:
    """SQLite's page limit makes every write that needs a new page fail with SQLITE_FULL."""
    configure = database_module._configure_sqlite_connection

    def tiny_disk(connection: sqlite3.Connection, record: object) -> None:
        configure(connection, record)
        connection.execute("PRAGMA max_page_count = 12")

    monkeypatch.setattr(database_module, "_configure_sqlite_connection", tiny_disk)
    file = tmp_path / "张 三" / "new.sqlite3"  # a Chinese user name with a space (Windows)
    file.parent.mkdir()
    with pytest.raises(DatabaseError) as caught:
        open_workspace(str(file))
    assert caught.value.problem is DatabaseProblem.DISK_FULL
    assert caught.value.location == str(file)  # the path, not a percent-encoded URL


def test_a_backup_that_cannot_be_finished_leaves_no_half_copy(tmp_path, monkeypatch) -> None:
    file = healthy_database(tmp_path)

    def no_space(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(database_module.shutil, "copymode", no_space)
    with pytest.raises(DatabaseError) as caught:
        backup_sqlite_file(file, "0002")
    assert caught.value.problem is DatabaseProblem.DISK_FULL
    assert not list(tmp_path.glob("*.backup-*"))


def test_a_failed_migration_leaves_one_backup_and_the_file_as_it_was(tmp_path) -> None:
    from alembic import command

    from test_database import alembic_config

    file = tmp_path / "张 三" / "old.sqlite3"
    file.parent.mkdir()
    command.upgrade(alembic_config(f"sqlite:///{file}"), "0002")
    con = sqlite3.connect(file)
    con.execute("PRAGMA journal_mode = WAL")
    # A table migration 0003 changes has gone (removed by hand): the migration fails.
    con.execute("DROP TABLE plan_stops")
    con.execute("DROP TABLE plans")
    con.commit()
    con.close()
    before = hashlib.sha256(file.read_bytes()).hexdigest()

    with pytest.raises(DatabaseError) as caught:
        open_database(str(file))

    error = caught.value
    assert error.problem is DatabaseProblem.MIGRATION_FAILED
    assert error.location == str(file)  # the path, not a percent-encoded URL
    backups = list(file.parent.glob("*.backup-*"))
    assert backups == [error.backup]
    assert hashlib.sha256(file.read_bytes()).hexdigest() == before
    con = sqlite3.connect(f"file:{file}?immutable=1", uri=True)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0002",)
    con.close()
    from hongtu.qt.errors import database_error_message

    message = database_error_message(error)  # what the window says, truthfully
    assert "升级" in message and "已撤销" in message and "已损坏" not in message
    assert str(error.backup) in message and "红途没有修改这个文件" in message


@pytest.mark.parametrize(
    ("problem", "words"),
    [
        (DatabaseProblem.DISK_FULL, "磁盘空间已满"),
        (DatabaseProblem.READ_ONLY_FILE, "只读"),
        (DatabaseProblem.READ_ONLY_FOLDER, "文件夹不允许写入"),
        (DatabaseProblem.IS_A_FOLDER, "是一个文件夹"),
        (DatabaseProblem.MIGRATION_FAILED, "升级"),
    ],
)
def test_each_storage_problem_has_its_own_true_message(problem, words) -> None:
    from hongtu.qt.errors import database_error_message

    message = database_error_message(DatabaseError(problem, "/data/hongtu.sqlite3"))
    assert words in message and "已损坏" not in message


class _FullDiskConnection:
    """What SQLite does on a full disk when it opens a WAL database for writing: it begins the
    ``-wal`` and the ``-shm`` index it maps, cannot grow the index, says "disk I/O error"."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def execute(self, _sql: str) -> None:
        Path(f"{self.path}-wal").write_bytes(b"")
        Path(f"{self.path}-shm").write_bytes(bytes(8192))
        raise sqlite3.OperationalError("disk I/O error")

    def rollback(self) -> None:
        pass

    def close(self) -> None:
        pass


def test_a_real_full_disk_is_a_full_disk_and_leaves_nothing_beside_the_file(
    tmp_path, monkeypatch
) -> None:
    """Measured on a full 1 MiB tmpfs: the write check failed with "disk I/O error", which was
    called a damaged file, and its -wal/-shm stayed beside it."""
    file = healthy_database(tmp_path)
    before = fingerprint(file)
    real_connect = sqlite3.connect

    def connect(database: str, *args: object, **kwargs: object) -> object:
        if "mode=rw" in database:
            return _FullDiskConnection(file)
        return real_connect(database, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(files_module.sqlite3, "connect", connect)
    monkeypatch.setattr(  # 4 KiB left, as on that tmpfs
        shutil, "disk_usage", lambda _folder: shutil._ntuple_diskusage(1 << 20, 1 << 20, 4096)
    )
    with pytest.raises(DatabaseError) as caught:
        open_workspace(str(file))
    assert caught.value.problem is DatabaseProblem.DISK_FULL
    assert fingerprint(file) == before  # no -wal, no -shm left


def test_a_disk_io_error_with_room_to_spare_is_not_called_a_full_disk(tmp_path) -> None:
    from hongtu.core.storage.problems import problem_from_sqlite_message

    assert problem_from_sqlite_message("disk I/O error", tmp_path) is None  # room to spare
    assert problem_from_sqlite_message("database or disk is full") is DatabaseProblem.DISK_FULL
