"""The real app quits cleanly: its map page is deleted before the web profile Qt releases."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest


def start_app_until_map_ready(home: Path, db: Path) -> subprocess.CompletedProcess[str]:
    """The real app started as the organiser starts it, on ``home`` (its user folders) and
    ``db``; it quits by itself once the markers are drawn (``HONGTU_PROBE_T0``)."""
    env = dict(os.environ, HONGTU_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    env["HONGTU_PROBE_T0"] = repr(time.time())
    return subprocess.run(
        [sys.executable, "-m", "hongtu", "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.gui
@pytest.mark.webengine
def test_the_app_quits_without_leaving_its_web_page_behind(tmp_path: Path) -> None:
    result = start_app_until_map_ready(tmp_path / "home", tmp_path / "exit.sqlite3")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "map_ready_s=" in result.stdout
    assert "WebEnginePage still not deleted" not in result.stderr
    assert "Expect troubles" not in result.stderr
