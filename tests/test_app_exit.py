"""The real app quits cleanly: its map page is deleted before the web profile Qt releases."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest


@pytest.mark.gui
@pytest.mark.webengine
def test_the_app_quits_without_leaving_its_web_page_behind(tmp_path: Path) -> None:
    env = dict(os.environ, HONGTU_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    env["HONGTU_PROBE_T0"] = repr(time.time())  # the app quits once the markers are drawn
    result = subprocess.run(
        [sys.executable, "-m", "hongtu", "--db", str(tmp_path / "exit.sqlite3")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "map_ready_s=" in result.stdout
    assert "WebEnginePage still not deleted" not in result.stderr
    assert "Expect troubles" not in result.stderr
