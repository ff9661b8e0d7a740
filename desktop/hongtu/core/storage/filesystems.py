"""Whether the database file lives on a network drive, where SQLite's write-ahead log is unsafe.

The write-ahead log keeps its index in shared memory (the ``-shm`` file every process maps);
processes on two computers cannot share that memory, so two organisers opening one file in a
shared folder would each follow their own index and could lose or damage each other's saves
("WAL does not work over a network filesystem", sqlite.org/wal.html). There the database keeps
the classic rollback journal, which locks the file itself.

Uses only the standard library; a drive that cannot be looked at counts as local.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath, PureWindowsPath

#: Linux file-system types (``/proc/self/mounts``) that reach another computer.
NETWORK_FILESYSTEMS = frozenset(
    {
        "9p",
        "afs",
        "beegfs",
        "ceph",
        "cifs",
        "coda",
        "davfs",
        "fuse.davfs2",
        "fuse.glusterfs",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.sshfs",
        "glusterfs",
        "gpfs",
        "lustre",
        "ncpfs",
        "nfs",
        "nfs4",
        "smb3",
        "smbfs",
        "sshfs",
    }
)

#: The mounted file systems (Linux).
MOUNTS = Path("/proc/self/mounts")

#: ``GetDriveTypeW``'s answer for a network drive.
DRIVE_REMOTE = 4

_ESCAPED = re.compile(r"\\([0-7]{3})")


def on_network_drive(path: Path) -> bool:
    """True when ``path`` (a database file, which may not exist yet) is on another computer."""
    if sys.platform == "win32":
        return windows_path_is_remote(PureWindowsPath(os.path.abspath(path)), _drive_type)
    try:
        table = MOUNTS.read_text(encoding="utf-8", errors="replace")
    except OSError:  # not Linux, or no /proc: counted as local
        return False
    where = PurePosixPath(os.path.realpath(path))
    return filesystem_type(where, parse_mounts(table)) in NETWORK_FILESYSTEMS


def parse_mounts(table: str) -> list[tuple[PurePosixPath, str]]:
    """``(mount point, file-system type)`` for each line of ``/proc/self/mounts``, in order
    (the kernel writes a space in a mount point as ``\\040``)."""
    mounts = []
    for line in table.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            point = _ESCAPED.sub(lambda m: chr(int(m.group(1), 8)), fields[1])
            mounts.append((PurePosixPath(point), fields[2]))
    return mounts


def filesystem_type(path: PurePosixPath, mounts: Iterable[tuple[PurePosixPath, str]]) -> str:
    """The type of the file system holding ``path``: its deepest mount point, the last one
    mounted there; "" when none holds it."""
    found, depth = "", -1
    for point, kind in mounts:
        if path.is_relative_to(point) and len(point.parts) >= depth:
            found, depth = kind, len(point.parts)
    return found


def windows_path_is_remote(path: PureWindowsPath, drive_type: Callable[[str], int]) -> bool:
    """A UNC path (``\\\\server\\share\\…``) or a drive letter mapped to a network share."""
    if path.drive.startswith("\\\\"):
        return True
    return bool(path.drive) and drive_type(path.drive + "\\") == DRIVE_REMOTE


def _drive_type(root: str) -> int:  # Windows only
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]
