"""Killing the app loses nothing that was on screen for more than a second."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from hongtu.core.workspace import open_workspace

CHILD = Path(__file__).with_name("kill_child.py")


@pytest.mark.gui
@pytest.mark.webengine
def test_typed_title_survives_sigkill_within_a_second(tmp_path) -> None:
    db = tmp_path / "kill.sqlite3"
    title = "缅怀先烈主题党日"
    env = {
        **os.environ,
        "HONGTU_HOME": str(tmp_path / "home"),
        "QT_QPA_PLATFORM": "offscreen",
        "QTWEBENGINE_DISABLE_SANDBOX": "1",
    }
    lines: list[str] = []
    with subprocess.Popen(
        [sys.executable, str(CHILD), str(db), title],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    ) as child:
        try:
            assert child.stdout is not None
            for line in child.stdout:
                lines.append(line.strip())
                if line.startswith("saved"):
                    child.send_signal(signal.SIGKILL)  # no clean shutdown, no flush on close
                    break
            child.wait(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
    saved = next(line for line in lines if line.startswith("saved"))
    _, seconds, read_back = saved.split()
    assert float(seconds) < 1.0  # on disk well within the promised second
    assert read_back == "True"
    assert child.returncode == -signal.SIGKILL
    workspace = open_workspace(str(db))
    try:
        plans = workspace.plans.list_plans()
        assert [p.title for p in plans] == [title]
    finally:
        workspace.close()
