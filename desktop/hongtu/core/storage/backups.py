"""The copies made before migrations, and putting the newest one back over a damaged file.

Restoring never destroys anything: the damaged file (and any ``-wal`` beside it) is renamed
aside to ``<name>.damaged-<time>`` first, exactly as it was, then the backup is copied in.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from hongtu.core.storage.files import quick_check, read_only_uri


def backups_of(path: Path) -> list[Path]:
    """Backups of ``path``, newest first."""
    found = [p for p in path.parent.glob(f"{glob_escape(path.name)}.backup-*") if p.is_file()]
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def newest_sound_backup(path: Path) -> Path | None:
    """The newest backup that passes the integrity check, None when there is none."""
    for backup in backups_of(path):
        if _sound(backup):
            return backup
    return None


def restore_backup(path: Path, backup: Path) -> Path:
    """Put ``backup`` in place of ``path``; returns where the damaged file was moved."""
    temp = path.with_name(f".{path.name}.restoring")
    shutil.copyfile(backup, temp)
    with temp.open("rb+") as file:
        os.fsync(file.fileno())
    aside = set_aside(path)
    os.replace(temp, path)
    return aside


_SIDE_FILES = ("-wal", "-shm", "-journal")


def set_aside(path: Path) -> Path:
    """Rename the damaged ``path`` (and its ``-wal``, ``-shm``, ``-journal``) to
    ``<name>.damaged-<time>`` in the same folder, exactly as it is; returns the new name."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while aside.exists():
        counter += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
    os.replace(path, aside)
    for suffix in _SIDE_FILES:
        side = Path(f"{path}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{aside}{suffix}"))
    return aside


def put_back(aside: Path, path: Path) -> None:
    """Undo ``set_aside`` (what was to replace the file could not be put there)."""
    for suffix in _SIDE_FILES:
        side = Path(f"{aside}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{path}{suffix}"))
    os.replace(aside, path)


def _sound(path: Path) -> bool:
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            return quick_check(con, 1) == ["ok"]
        finally:
            con.close()
    except sqlite3.Error:
        return False


def glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[]" else c for c in name)
