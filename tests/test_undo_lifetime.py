"""A plan session's undo history never outlives it badly: a session that is collected with its
steps (a cycle Python's collector takes apart in any order) goes without taking the process with
it. Before, its steps held the session, and a session without a parent collected so freed them
before its stack, whose clearing then crashed with a segmentation fault."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

#: In a process of its own: a crash must fail this test, not end the test run.
COLLECTED_WITH_STEPS = r"""
import gc, sys
from datetime import date
from PySide6.QtWidgets import QApplication
from hongtu.core.workspace import open_workspace
from hongtu.qt.plan_session import PlanSession

app = QApplication([])
workspace = open_workspace(sys.argv[1])
sites = workspace.sites.list_sites()
for _ in range(3):
    session = PlanSession(today=lambda: date(2026, 12, 1))  # no parent: Python owns it
    session.attach(workspace.plans, sites)
    session.create("七一主题党日", date(2026, 12, 16))
    session.add_site_stop(sites[0].id)
    session.set_plan_field("returns_to_gathering", False)
    session.undo()
    steps = session.undo_stack.count()
    del session
    gc.collect()
workspace.close()
print("steps", steps)
"""


@pytest.mark.gui
def test_a_session_collected_with_its_undo_steps_does_not_crash(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", COLLECTED_WITH_STEPS, str(tmp_path / "undo.sqlite3")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["steps", "3"]  # created, a stop added, a field set
