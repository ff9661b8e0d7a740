"""Clearing away what interrupted writes left behind, once at start-up.

A killed export or settings save can leave its temporary file (``.<name>.<random>.<suffix>
.hongtu-partial``, see ``hongtu.core.atomic``) next to its target. At start-up the folders HongTu
writes to are swept: the settings and cache folders, the database's folder, the default export
folder (the home folder) and the folder the organiser last exported to. Files another process is
still writing are left alone. A `hongtu plans export` sweeps the folder it writes to first.
"""

from __future__ import annotations

from pathlib import Path

from hongtu.core import paths
from hongtu.core.atomic import remove_stale_partials


def known_write_folders(db: str | None) -> list[Path]:
    from hongtu.core.export_folder import last_export_folder
    from hongtu.core.storage.files import resolve_url, sqlite_file

    folders = [paths.config_dir(), paths.cache_dir(), paths.cache_dir() / "map", Path.home()]
    exported_to = last_export_folder()
    if exported_to is not None:
        folders.append(exported_to)
    database = sqlite_file(resolve_url(db))
    if database is not None:
        folders.append(database.parent)
    return folders


def sweep_partials(db: str | None, extra: list[Path] | None = None) -> list[Path]:
    """Removes the leftovers of interrupted writes; returns the removed files."""
    return remove_stale_partials([*known_write_folders(db), *(extra or [])])
