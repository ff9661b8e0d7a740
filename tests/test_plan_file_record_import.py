"""Importing a plan file that carries its day's record: the plan (已完成) and the record are
stored in one transaction, so a crash between them cannot leave a 已完成 plan without its
record; and the same file imported twice is refused in words instead of counting the day twice
in the 台账."""

from __future__ import annotations

import os
import signal
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from factories import make_plan
from hongtu.cli import main
from hongtu.core.plans import PlanStatus
from hongtu.core.records import ActivityRecord, everyone_present
from hongtu.core.workspace import open_workspace
from kill_writer import run_killed
from test_plan_file_record import BRANCH, DAY, _recorded, _roster

CHILD = Path(__file__).with_name("kill_writer.py")


def _exported(tmp_path: Path) -> Path:
    """A version-2 plan file with its record (4 members: 2 present, 1 on leave, 1 absent)."""
    sender, plan, _record = _recorded(tmp_path / "sender.sqlite3")
    sender.close()
    out = tmp_path / "plan.hongtu.json"
    args = ["--db", str(tmp_path / "sender.sqlite3"), "plans", "export", str(plan.id)]
    assert main([*args, "--format", "json", "--output", str(out)]) == 0
    return out


def _receiver(tmp_path: Path) -> str:
    db = str(tmp_path / "receiver.sqlite3")
    workspace = open_workspace(db)
    _roster(workspace)
    workspace.close()
    return db


def _stored(db: str) -> list[tuple[PlanStatus, int | None]]:
    """Each plan's status and the number of people in its record (None: no record)."""
    workspace = open_workspace(db)
    try:
        found = []
        for summary in workspace.plans.list_plans():
            record = workspace.records.for_plan(summary.id)
            found.append((summary.status, len(record.attendance) if record else None))
        return found
    finally:
        workspace.close()


def test_the_same_file_imported_twice_counts_the_day_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file, db = _exported(tmp_path), _receiver(tmp_path)
    assert main(["--db", db, "plans", "import", str(plan_file)]) == 0
    capsys.readouterr()

    assert main(["--db", db, "plans", "import", str(plan_file)]) == 2  # refused, as a bad file is
    said = capsys.readouterr().err
    assert "已经导入过" in said and "方案编号 1" in said
    assert _stored(db) == [(PlanStatus.DONE, 4)]
    workspace = open_workspace(db)
    try:
        assert len(workspace.records.records(BRANCH, 2025)) == 1  # the 台账 counts it once
    finally:
        workspace.close()


def test_a_kill_between_the_plan_and_its_record_leaves_neither(tmp_path: Path) -> None:
    plan_file, db = _exported(tmp_path), _receiver(tmp_path)
    env = {
        **os.environ,
        "HONGTU_HOME": str(tmp_path / "home"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join(
            [str(Path(__file__).parents[1] / "desktop"), os.environ.get("PYTHONPATH", "")]
        ),
    }
    command = [sys.executable, str(CHILD), "record_flushed", "--db", db, "plans", "import"]
    code, err = run_killed([*command, str(plan_file)], env, None, timeout=120)
    assert code == -signal.SIGKILL, err.decode("utf-8", "replace")
    assert _stored(db) == []  # no 已完成 plan without its record

    assert main(["--db", db, "plans", "import", str(plan_file)]) == 0
    assert _stored(db) == [(PlanStatus.DONE, 4)]


def test_the_window_refuses_the_same_file_dropped_twice(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from hongtu.qt import messages
    from journey_helpers import journey_window

    plan_file, db = _exported(tmp_path), _receiver(tmp_path)
    warned: list[str] = []
    monkeypatch.setattr(messages, "warning", lambda _parent, _title, text: warned.append(text))
    with journey_window(qtbot, db) as (window, controller):
        window.plan_files_dropped.emit([plan_file])  # as dropping the file on the window does
        first = window.plan_ui.session.plan
        assert first is not None and first.status is PlanStatus.DONE
        assert controller.workspace.records.for_plan(first.id) is not None
        window.plan_files_dropped.emit([plan_file])
        assert len(warned) == 1 and "已经导入过" in warned[0]
        assert len(controller.workspace.plans.list_plans()) == 1
        assert len(controller.workspace.records.records(BRANCH, 2025)) == 1


def test_a_recorded_plan_moved_to_another_date_exports_a_file_that_imports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The window lets a recorded plan move to another date (after asking); the record keeps its
    day, and the file exported from it imports with the record on that day."""
    sender, plan, _record = _recorded(tmp_path / "sender.sqlite3")
    plan.date = date(2025, 10, 16)
    sender.plans.save(plan)
    sender.close()
    out = tmp_path / "moved.hongtu.json"
    args = ["--db", str(tmp_path / "sender.sqlite3"), "plans", "export", str(plan.id)]
    assert main([*args, "--format", "json", "--output", str(out)]) == 0
    db = _receiver(tmp_path)
    capsys.readouterr()

    assert main(["--db", db, "plans", "import", str(out)]) == 0
    assert "活动记录已一并导入" in capsys.readouterr().err
    workspace = open_workspace(db)
    try:
        imported = workspace.plans.list_plans()[0]
        record = workspace.records.for_plan(imported.id)
        assert imported.day == date(2025, 10, 16)
        assert record is not None and record.day == date(2025, 10, 15)
    finally:
        workspace.close()


def test_a_file_recording_a_day_the_branch_recorded_under_another_title_brings_the_plan_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The receiver's branch recorded its own Party-day on the same day under another title;
    the colleague's file of that day is imported without its record, which the 台账 would
    otherwise count as a second Party-day on one date."""
    plan_file, db = _exported(tmp_path), _receiver(tmp_path)
    workspace = open_workspace(db)
    try:
        members = workspace.members.members(BRANCH)
        ours = workspace.plans.save(replace(make_plan([], on=DAY), title="本支部的主题党日"))
        workspace.records.save(
            ActivityRecord(plan_id=ours.id, day=DAY, attendance=everyone_present(members, DAY)),
            today=date(2025, 11, 1),
        )
    finally:
        workspace.close()
    capsys.readouterr()

    assert main(["--db", db, "plans", "import", str(plan_file)]) == 0
    said = capsys.readouterr().err
    assert "活动记录没有导入" in said and "本支部的主题党日" in said
    workspace = open_workspace(db)
    try:
        assert len(workspace.records.records(BRANCH, 2025)) == 1  # the 台账 counts the day once
        assert len(workspace.plans.list_plans()) == 2  # the colleague's plan is there to read
    finally:
        workspace.close()


def test_the_same_file_is_known_after_its_plan_was_renamed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The day keeps the title it was recorded under, so the file is recognised as imported
    before even once the organiser renamed the plan (for reuse, say)."""
    plan_file, db = _exported(tmp_path), _receiver(tmp_path)
    assert main(["--db", db, "plans", "import", str(plan_file)]) == 0
    assert main(["--db", db, "plans", "rename", "1", "另起的名字"]) == 0
    capsys.readouterr()

    assert main(["--db", db, "plans", "import", str(plan_file)]) == 2
    assert "已经导入过" in capsys.readouterr().err
    assert _stored(db) == [(PlanStatus.DONE, 4)]
