"""Where things live: the bundled ``resources/`` and ``db/`` folders, and the user's own files.

One locator finds the bundled folders in a source checkout, an installed wheel and a frozen
(PyInstaller) bundle. One place owns every user path; ``HONGTU_HOME`` (or ``set_home``) moves all
of them under one folder, which the tests use.
"""

from __future__ import annotations

import contextlib
import os
import sys
from functools import cache
from pathlib import Path

import platformdirs

from hongtu import APP_NAME

_PACKAGE_DIR = Path(__file__).resolve().parent.parent
_home_override: Path | None = None


@cache
def bundle_root() -> Path:
    """The folder that holds ``resources/`` and ``db/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen:
        candidates.append(Path(frozen))
    candidates.append(_PACKAGE_DIR / "_bundled")  # installed wheel
    candidates.append(_PACKAGE_DIR.parent.parent)  # source checkout: desktop/hongtu/../..
    for root in candidates:
        if (root / "resources").is_dir() and (root / "db").is_dir():
            return root
    raise FileNotFoundError("HongTu's resources/ and db/ folders were not found")


def resource_path(*parts: str) -> Path:
    """A file or folder under ``resources/``; refuses paths that climb out of it."""
    return _contained(bundle_root() / "resources", parts)


def db_path(*parts: str) -> Path:
    """A file or folder under the bundled ``db/`` (Alembic migrations, seed data)."""
    return _contained(bundle_root() / "db", parts)


def _contained(base: Path, parts: tuple[str, ...]) -> Path:
    path = base.joinpath(*parts).resolve()
    if not path.is_relative_to(base.resolve()):
        raise ValueError(f"path escapes {base.name}/: {'/'.join(parts)}")
    return path


def set_home(path: Path | None) -> None:
    """Put every user file under ``path`` (tests, portable installs); None restores defaults."""
    global _home_override
    _home_override = path


def chosen_home() -> Path | None:
    """The folder every user file is under when one was chosen (``set_home``, ``HONGTU_HOME``);
    None: the platform's own folders."""
    return _home()


def _home() -> Path | None:
    if _home_override is not None:
        return _home_override
    env = os.environ.get("HONGTU_HOME")
    return Path(env) if env else None


def _user_dir(kind: str) -> Path:
    home = _home()
    if home is not None:
        path = home / kind
    elif kind == "data":
        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    elif kind == "config":
        path = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    elif kind == "cache":
        path = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    else:
        path = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    # A file in its place, no permission, a full disk: whoever reads or writes there meets the
    # error and says so in its own words (the database, the settings, the log); nothing here.
    with contextlib.suppress(OSError):
        path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    return _user_dir("data")


def config_dir() -> Path:
    return _user_dir("config")


def cache_dir() -> Path:
    return _user_dir("cache")


def log_dir() -> Path:
    return _user_dir("log")


def default_database_file() -> Path:
    return data_dir() / "hongtu.sqlite3"
