"""备份/恢复: one archive carries the database and the photos; a bad archive changes nothing."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import random
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factories import make_plan
from hongtu.cli import main
from hongtu.core import paths
from hongtu.core.backup import (
    MANIFEST,
    BackupError,
    BackupProblem,
    create_backup,
    read_manifest,
    restore,
)
from hongtu.core.members import Member, PartyStatus
from hongtu.core.storage.files import SCHEMA_HEAD
from hongtu.core.workspace import open_workspace
from test_damaged_database import DAMAGE

BRANCH = "机关第一党支部"
JPEG = b"\xff\xd8\xff\xe0" + b"photo" * 40


def _photos() -> Path:
    return paths.data_dir() / "photos"


def _add_photo(data: bytes, ext: str = "jpg") -> str:
    digest = hashlib.sha256(data).hexdigest()
    original = _photos() / digest[:2] / f"{digest}.{ext}"
    original.parent.mkdir(parents=True, exist_ok=True)
    original.write_bytes(data)
    thumb = _photos() / "thumbs" / f"{digest}.jpg"
    thumb.parent.mkdir(parents=True, exist_ok=True)
    thumb.write_bytes(data[:20])
    return digest


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _state(db: Path) -> tuple[list[str], list[str], dict[str, bytes]]:
    """What the organiser sees: plan titles, member names and the photo files."""
    ws = open_workspace(str(db))
    try:
        titles = [p.title for p in ws.plans.list_plans()]
        names = [m.name for m in ws.members.members(BRANCH)]
    finally:
        ws.close()
    return titles, names, _tree(_photos())


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """A database in the data folder with a plan, two members and a photo, left open (WAL)."""
    db = paths.data_dir() / "hongtu.sqlite3"
    ws = open_workspace(str(db))
    plan = make_plan()
    plan.title = "重温入党誓词"
    ws.plans.save(plan)
    ws.members.add(BRANCH, Member(None, "张三", "书记", PartyStatus.FULL))
    ws.members.add(BRANCH, Member(None, "李四", "", PartyStatus.PROBATIONARY))
    ws.close()
    _add_photo(JPEG)
    return db


def test_cli_backup_then_restore_brings_back_the_database_and_the_photos(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _state(filled)
    archive = tmp_path / "备份.zip"
    # the backup is taken while the database is open and has unwritten WAL pages
    live = open_workspace(str(filled))
    live.members.add(BRANCH, Member(None, "王五", "", PartyStatus.ACTIVIST))
    assert main(["--db", str(filled), "backup", "create", "--output", str(archive)]) == 0
    live.close()
    before = (before[0], [*before[1], "王五"], before[2])
    out = capsys.readouterr().out
    assert str(archive) in out and "1 个照片文件" in out  # one photo (its thumbnail not counted)
    manifest = json.loads(zipfile.ZipFile(archive).read(MANIFEST))
    assert manifest["schema_revision"] == SCHEMA_HEAD and manifest["app_version"]
    assert set(manifest["files"]) == {"hongtu.sqlite3", *(f"photos/{n}" for n in before[2])}

    # the day after: a member leaves the list, a photo is lost, another one arrives
    ws = open_workspace(str(filled))
    ws.members.add(BRANCH, Member(None, "赵六", "", PartyStatus.OTHER))
    ws.close()
    for path in _photos().rglob("*.jpg"):
        path.unlink()
    _add_photo(b"\x89PNG" + b"new" * 30, "png")
    changed = _state(filled)

    assert main(["--db", str(filled), "backup", "restore", str(archive)]) == 0
    out = capsys.readouterr().out
    assert "已从" in out and "恢复前的数据已保存在" in out
    assert _state(filled) == before
    safety = next((paths.data_dir() / "restore-safety").glob("before-restore-*.zip"))
    # the safety copy holds exactly what was replaced
    restore(safety, filled, _photos())
    assert _state(filled) == changed


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _rewrite(archive: Path, target: Path, change) -> Path:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(target, "w") as out:
        entries = {info.filename: source.read(info) for info in source.infolist()}
        for name, data in change(entries).items():
            out.writestr(name, data)
    return target


def _manifest_edit(**fields: object):  # type: ignore[no-untyped-def]
    def change(entries: dict[str, bytes]) -> dict[str, bytes]:
        manifest = json.loads(entries[MANIFEST])
        manifest.update(fields)
        return {**entries, MANIFEST: json.dumps(manifest).encode()}

    return change


def _manifest_key_twice(entries: dict[str, bytes]) -> dict[str, bytes]:
    """A manifest naming a key twice: which value holds is not for HongTu to guess."""
    text = entries[MANIFEST].decode()
    twice = text.replace("{", '{"created_at": "2020-01-01T00:00:00", ', 1)
    return {**entries, MANIFEST: twice.encode()}


def _swap_photo(entries: dict[str, bytes]) -> dict[str, bytes]:
    name = next(n for n in entries if n.startswith("photos/") and "thumbs" not in n)
    return {**entries, name: b"another picture"}


def _escape(entries: dict[str, bytes]) -> dict[str, bytes]:
    manifest = json.loads(entries[MANIFEST])
    manifest["files"]["photos/../../evil.txt"] = {
        "sha256": hashlib.sha256(b"x").hexdigest(),
        "size": 1,
    }
    return {**entries, MANIFEST: json.dumps(manifest).encode(), "photos/../../evil.txt": b"x"}


def test_the_photo_count_is_the_originals_not_their_thumbnails_or_print_copies(
    filled: Path, tmp_path: Path
) -> None:
    """QA: one photo was announced as "2 个照片文件" (its thumbnail counted, and a print copy
    made for the ledger would make it 3)."""
    digest = hashlib.sha256(JPEG).hexdigest()
    print_copy = _photos() / "print" / f"{digest}.jpg"
    print_copy.parent.mkdir(parents=True)
    print_copy.write_bytes(JPEG[:30])
    second = _add_photo(b"\x89PNG" + b"two" * 30, "png")
    manifest = create_backup(filled, _photos(), tmp_path / "b.zip")
    assert len([n for n in manifest.files if n.startswith("photos/")]) == 5  # all are carried
    assert manifest.photo_count == 2
    assert read_manifest(tmp_path / "b.zip").photo_count == 2
    assert f"photos/thumbs/{second}.jpg" in manifest.files


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda good, path: _written(path, b"PK\x03\x04 but not really"), "not"),
        (lambda good, path: _written(path, good.read_bytes()[: good.stat().st_size // 2]), "cut"),
        (lambda good, path: _rewrite(good, path, lambda e: {"a.txt": b"hi"}), "foreign"),
        (lambda good, path: _rewrite(good, path, _manifest_edit(format="other")), "foreign"),
        (lambda good, path: _rewrite(good, path, _manifest_edit(schema_revision="0099")), "newer"),
        (lambda good, path: _rewrite(good, path, _manifest_edit(version=7)), "newer-format"),
        (lambda good, path: _rewrite(good, path, _swap_photo), "damaged"),
        (lambda good, path: _rewrite(good, path, _escape), "unsafe"),
        (lambda good, path: _rewrite(good, path, _manifest_key_twice), "damaged"),
    ],
)
def test_a_bad_archive_is_refused_by_name_and_nothing_changes(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], make, problem: str
) -> None:
    good = tmp_path / "good.zip"
    create_backup(filled, _photos(), good)
    bad = make(good, tmp_path / "bad.zip")
    expected = {
        "not": BackupProblem.NOT_AN_ARCHIVE,
        "cut": BackupProblem.NOT_AN_ARCHIVE,
        "foreign": BackupProblem.FOREIGN,
        "newer": BackupProblem.NEWER_SCHEMA,
        "newer-format": BackupProblem.NEWER_FORMAT,
        "damaged": BackupProblem.DAMAGED,
        "unsafe": BackupProblem.UNSAFE_NAME,
    }[problem]
    before = _state(filled), filled.read_bytes()
    with pytest.raises(BackupError) as caught:
        read_manifest(bad)
    assert caught.value.problem is expected
    assert main(["--db", str(filled), "backup", "restore", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "当前数据未被改动" in err
    assert (_state(filled), filled.read_bytes()) == before
    assert not (paths.data_dir() / "restore-safety").exists()
    assert not (tmp_path.parent / "evil.txt").exists()
    leftovers = [p.name for p in paths.data_dir().iterdir() if p.name.startswith(".hongtu")]
    assert leftovers == []


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(position=st.floats(0, 1, exclude_max=True), value=st.integers(0, 255))
def test_any_damaged_byte_is_refused_or_restores_exactly(
    filled: Path, tmp_path: Path, position: float, value: int
) -> None:
    good = tmp_path / "good.zip"
    if not good.exists():
        create_backup(filled, _photos(), good)
    data = bytearray(good.read_bytes())
    data[int(position * len(data))] = value
    bad = tmp_path / "mutated.zip"
    bad.write_bytes(bytes(data))
    before = _state(filled)
    with contextlib.suppress(BackupError):
        restore(bad, filled, _photos())
    assert _state(filled) == before


@pytest.mark.parametrize("name", ["manifest.json", "hongtu.sqlite3"])
def test_a_file_whose_compression_method_is_damaged_is_refused(
    filled: Path, tmp_path: Path, name: str
) -> None:
    """A byte of the archive's directory that names no compression method zipfile knows (it
    raised NotImplementedError, not a refusal)."""
    good = tmp_path / "good.zip"
    create_backup(filled, _photos(), good)
    data = bytearray(good.read_bytes())
    # the file's entry in the central directory: its compression method at offset 10
    entry = data.index(b"PK\x01\x02")
    while data[entry + 46 : entry + 46 + len(name)] != name.encode():
        entry = data.index(b"PK\x01\x02", entry + 4)
    data[entry + 10 : entry + 12] = (99).to_bytes(2, "little")
    bad = tmp_path / "mutated.zip"
    bad.write_bytes(bytes(data))
    before = _state(filled)
    with pytest.raises(BackupError) as caught:
        restore(bad, filled, _photos())
    assert caught.value.problem is BackupProblem.DAMAGED
    assert _state(filled) == before


def test_a_backup_file_that_is_not_there_is_named(filled: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "不存在.zip"
    with pytest.raises(BackupError) as caught:
        read_manifest(missing)
    assert caught.value.problem is BackupProblem.NOT_FOUND
    assert main(["--db", str(filled), "backup", "restore", str(missing)]) == 2
    assert "找不到备份文件" in capsys.readouterr().err


def test_backup_of_a_database_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BackupError) as caught:
        create_backup(tmp_path / "none.sqlite3", _photos(), tmp_path / "out.zip")
    assert caught.value.problem is BackupProblem.NO_DATABASE
    assert not (tmp_path / "out.zip").exists()


def test_a_full_disk_while_backing_up_says_so_not_that_the_database_is_damaged(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    """SQLite's copy is the first thing written: when the disk fills up under it the organiser
    reads that the disk is full, not that the database fails its check (in English)."""
    connect = sqlite3.connect

    def little_room(database, *args, **kwargs):  # type: ignore[no-untyped-def]
        con = connect(database, *args, **kwargs)
        if not kwargs.get("uri"):  # the copy being written (the database is read by URI)
            con.execute("PRAGMA max_page_count = 2")  # SQLite's own "database or disk is full"
        return con

    monkeypatch.setattr(sqlite3, "connect", little_room)
    (tmp_path / "U盘").mkdir()
    output = tmp_path / "U盘" / "备份.zip"
    assert main(["--db", str(filled), "backup", "create", "--output", str(output)]) == 2
    err = capsys.readouterr().err
    assert f"无法写入 {output}：磁盘空间不足" in err
    assert "完整性" not in err and "disk is full" not in err and "Traceback" not in err
    assert list(output.parent.iterdir()) == []  # no half backup, no temporary folder


def test_a_restore_into_a_read_only_folder_says_so_and_changes_nothing(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    """A database on a read-only file system (a write-protected stick): the restore cannot put
    the new file beside it, and says so — even removing a file that was never made fails there."""
    archive = tmp_path / "备份.zip"
    create_backup(filled, _photos(), archive)
    folder = tmp_path / "只读"
    folder.mkdir()
    database = folder / "hongtu.sqlite3"
    database.write_bytes(filled.read_bytes())
    before = database.read_bytes()

    def read_only(path: Path) -> None:
        if Path(path).parent == folder:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    copyfile, unlink = shutil.copyfile, Path.unlink

    def copy_file(source, target, *args, **kwargs):  # type: ignore[no-untyped-def]
        read_only(Path(target))
        return copyfile(source, target, *args, **kwargs)

    def remove(path: Path, missing_ok: bool = False) -> None:
        read_only(path)
        unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(shutil, "copyfile", copy_file)
    monkeypatch.setattr(Path, "unlink", remove)
    assert main(["--db", str(database), "backup", "restore", str(archive)]) == 2
    err = capsys.readouterr().err
    assert f"无法写入 {folder}：没有写入权限。当前数据未被改动。" in err
    assert "Traceback" not in err
    assert database.read_bytes() == before and [p.name for p in folder.iterdir()] == [database.name]


def test_a_restore_where_there_is_no_database_keeps_the_photos_it_replaces(
    filled: Path, tmp_path: Path
) -> None:
    """A damaged file set aside (or a new --db path): there is no database to keep a safety copy
    of, but the photos in the data folder are not thrown away by the restore."""
    archive = tmp_path / "备份.zip"
    create_backup(filled, _photos(), archive)
    later = _add_photo(b"\xff\xd8\xff" + b"taken after the backup" * 9)
    photos_before = _tree(_photos())
    filled.rename(tmp_path / "set-aside.sqlite3")
    outcome = restore(archive, filled, _photos())
    assert outcome.safety_copy is not None and outcome.safety_copy.is_dir()
    assert _tree(outcome.safety_copy) == photos_before  # with the photo taken after the backup
    assert not any(later in name for name in _tree(_photos()))


def _not_a_database(file: Path) -> None:
    file.write_bytes(random.Random(27).randbytes(5000))


@pytest.mark.parametrize("damage", ["random bytes", *DAMAGE])
def test_a_backup_is_restored_over_a_damaged_database_which_is_kept_aside(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    """The window would not open the file (无法打开数据库), so the organiser restores their
    backup from the command line: the damaged file cannot be archived, so it is renamed aside
    exactly as it was and named; the photos it would replace are kept too."""
    archive = tmp_path / "备份.zip"
    assert main(["--db", str(filled), "backup", "create", "--output", str(archive)]) == 0
    before = _state(filled)
    _add_photo(b"\xff\xd8\xff" + b"taken after the backup" * 9)
    photos_before = _tree(_photos())
    {"random bytes": _not_a_database, **DAMAGE}[damage](filled)
    damaged = filled.read_bytes()
    capsys.readouterr()

    assert main(["--db", str(filled), "backup", "restore", str(archive)]) == 0
    out = capsys.readouterr().out
    kept = list(filled.parent.glob(f"{filled.name}.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert f"原来的数据库文件已损坏，已改名保留为 {kept[0]}（没有删除或改动）" in out
    assert _state(filled) == before
    photos_kept = next((paths.data_dir() / "restore-safety").glob("photos-before-restore-*"))
    assert f"恢复前的数据已保存在 {photos_kept}" in out
    assert _tree(photos_kept) == photos_before


def test_the_damaged_database_is_named_in_english_too(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "backup.zip"
    create_backup(filled, _photos(), archive)
    _not_a_database(filled)
    assert main(["--lang", "en", "--db", str(filled), "backup", "restore", str(archive)]) == 0
    out = capsys.readouterr().out
    kept = next(filled.parent.glob(f"{filled.name}.damaged-*"))
    assert f"The database file that was there is damaged; it was kept as {kept}" in out
    assert "已" not in out


def _disk_full_in(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk of ``folder`` fills up: a copy into it fails (a rename still works)."""
    copyfile = shutil.copyfile

    def copy_file(source, target, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(target).parent == folder:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
        return copyfile(source, target, *args, **kwargs)

    monkeypatch.setattr(shutil, "copyfile", copy_file)


def test_a_restore_over_a_damaged_database_that_fails_puts_it_back(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    """The damaged file on a stick whose disk fills up while the backup's database is copied
    beside it: the restore fails, and the damaged file is back where it was, as it was."""
    archive = tmp_path / "备份.zip"
    create_backup(filled, _photos(), archive)
    folder = tmp_path / "U盘"
    folder.mkdir()
    database = folder / "hongtu.sqlite3"
    _not_a_database(database)
    damaged = database.read_bytes()
    _disk_full_in(folder, monkeypatch)
    assert main(["--db", str(database), "backup", "restore", str(archive)]) == 2
    err = capsys.readouterr().err
    assert f"无法写入 {folder}：磁盘空间不足" in err and err.rstrip().endswith("当前数据未被改动。")
    assert [p.name for p in folder.iterdir()] == [database.name]
    assert database.read_bytes() == damaged


def test_a_damaged_database_that_cannot_be_put_back_is_named(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    import hongtu.core.backup

    archive = tmp_path / "备份.zip"
    create_backup(filled, _photos(), archive)
    folder = tmp_path / "U盘"
    folder.mkdir()
    database = folder / "hongtu.sqlite3"
    _not_a_database(database)
    damaged = database.read_bytes()
    _disk_full_in(folder, monkeypatch)

    def refused(_aside: Path, _path: Path) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(hongtu.core.backup, "put_back", refused)
    assert main(["--db", str(database), "backup", "restore", str(archive)]) == 2
    err = capsys.readouterr().err
    kept = next(folder.glob("hongtu.sqlite3.damaged-*"))
    assert kept.read_bytes() == damaged and not database.exists()
    assert f"损坏的数据库文件已改名保留为 {kept}。" in err and "未被改动" not in err
