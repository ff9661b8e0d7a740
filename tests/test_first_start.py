"""The first start on a new database: the window stays responsive while the catalogue is seeded.

The plan editor's and site tools' modules (~0.12 s of imports) are imported on a helper thread
beside the workspace being created, as on every later start, not on the window's thread once it
is open; a workspace that is ready first waits for them instead of importing them again.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gui_helpers import MAP_TIMEOUT_MS, close_main_window
from hongtu.qt.app import Controller
from hongtu.qt.mainwindow import MainWindow

pytestmark = pytest.mark.gui

#: Prints the thread that imports each of the tools' modules, then runs the app.
WATCHED_START = """
import sys, threading
WATCHED = {"hongtu.qt.plan_ui", "hongtu.qt.plan_editor", "hongtu.qt.site_editing"}
class Watch:
    def find_spec(self, name, path=None, target=None):
        if name in WATCHED:
            print(f"import {name} on {threading.current_thread().name}", flush=True)
        return None
sys.meta_path.insert(0, Watch())
from hongtu.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.webengine
def test_a_new_database_imports_the_tools_off_the_window_thread(tmp_path: Path) -> None:
    env = dict(os.environ, HONGTU_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    env.update(HONGTU_PROBE_T0=repr(time.time()), HONGTU_PROBE_UNTIL="plans")
    result = subprocess.run(
        [sys.executable, "-c", WATCHED_START, "--db", str(tmp_path / "new.sqlite3")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "plans_listed_s=" in result.stdout  # the workspace was attached: its list is shown
    imports = [line for line in result.stdout.splitlines() if line.startswith("import ")]
    assert sorted(imports) == [
        "import hongtu.qt.plan_editor on hongtu-imports",
        "import hongtu.qt.plan_ui on hongtu-imports",
        "import hongtu.qt.site_editing on hongtu-imports",
    ]


@pytest.mark.webengine
def test_a_new_database_opens_with_its_tools_ready(qtbot, tmp_path: Path) -> None:
    window = MainWindow(defer_tools=True)
    controller = Controller(window, str(tmp_path / "first.sqlite3"))
    window.show()
    try:
        controller.start_in_background()
        qtbot.waitUntil(lambda: controller.workspace is not None, timeout=MAP_TIMEOUT_MS)
        assert window.plan_ui is not None and window.plan_ui.new_action.isEnabled()
        assert window.site_model.rowCount() >= 10  # the catalogue, seeded on the helper thread
        assert window.plan_ui.workspace is controller.workspace
    finally:
        close_main_window(window, controller)
