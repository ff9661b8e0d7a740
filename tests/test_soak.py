"""A long session is safe: 20,000 edits of every kind in the real window, then a normal quit.

The child (tests/soak_child.py) runs the real main window offscreen, map included. With a
binding that leaks references to ``None``/``True`` (PySide6 6.12.0 on Python 3.11) this process
aborts with ``Fatal Python error: none_dealloc`` after about a thousand edits.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hongtu.core.workspace import open_workspace

CHILD = Path(__file__).with_name("soak_child.py")
EDITS = 20_000


@pytest.mark.gui
@pytest.mark.webengine
@pytest.mark.timeout(900)
def test_twenty_thousand_edits_then_a_clean_exit_with_the_shown_plan_on_disk(tmp_path) -> None:
    db = tmp_path / "soak.sqlite3"
    env = {
        **os.environ,
        "HONGTU_HOME": str(tmp_path / "home"),
        "QT_QPA_PLATFORM": "offscreen",
        "QTWEBENGINE_DISABLE_SANDBOX": "1",
        "PYTHONFAULTHANDLER": "1",
    }
    done = subprocess.run(
        [sys.executable, str(CHILD), str(db), str(EDITS)],
        capture_output=True,
        text=True,
        env=env,
        timeout=880,
        check=False,
    )
    assert "Fatal Python error" not in done.stderr
    assert done.returncode == 0, done.stderr[-2000:]
    shown_line = next(line for line in done.stdout.splitlines() if line.startswith("shown "))
    shown = json.loads(shown_line.removeprefix("shown "))
    assert shown["edits"] == EDITS
    workspace = open_workspace(str(db))
    try:
        listed = sorted([p.id, p.title] for p in workspace.plans.list_plans())
        assert listed == shown["listed"]
        assert shown["plan_id"] is not None
        plan = workspace.plans.get(shown["plan_id"])
        assert plan.title == shown["title_field"].strip()
        assert plan.notes == shown["notes_field"].strip()
        assert plan.branch == shown["branch_field"].strip()
        assert plan.participants == shown["participants_field"]
        stops = [[stop.site_id, [a.kind.value for a in stop.activities]] for stop in plan.stops]
        assert stops == shown["stops"]
    finally:
        workspace.close()
