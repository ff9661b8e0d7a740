"""A record freezes who was expected that day: correcting it, in the window or the store, keeps
the record's people and does not add members put on the roster since (a member typed in with no
加入日期 counts as "always a member", so without this a correction counted him as present)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hongtu.core.members import Member
from hongtu.core.records import (
    ActivityRecord,
    Presence,
    RecordProblem,
    RecordRefusedError,
    everyone_present,
)
from hongtu.core.workspace import open_workspace
from journey_helpers import journey_window
from record_helpers import BRANCH, ROSTER, mark, open_record_dialog, save, seed_branch


def _record_then_add_a_member(db: str, tmp_path: Path) -> tuple[int, ActivityRecord]:
    seeded = seed_branch(db, tmp_path)
    workspace = open_workspace(db)
    try:
        roster = workspace.members.members(BRANCH, on=seeded.past_day)
        first = workspace.records.save(
            ActivityRecord(
                seeded.past_plan, seeded.past_day, everyone_present(roster, seeded.past_day)
            )
        )
        workspace.members.add(BRANCH, Member(None, "新成员"))
    finally:
        workspace.close()
    return seeded.past_plan, first


def test_the_store_takes_a_correction_that_keeps_the_records_people(tmp_path: Path) -> None:
    db = str(tmp_path / "frozen.sqlite3")
    plan_id, first = _record_then_add_a_member(db, tmp_path)
    workspace = open_workspace(db)
    try:
        corrected = workspace.records.save(
            ActivityRecord(plan_id, first.day, first.attendance, summary="更正", version=1)
        )
        assert [a.name for a in corrected.attendance] == ROSTER
        dropped = ActivityRecord(plan_id, first.day, first.attendance[1:], version=2)
        with pytest.raises(RecordRefusedError) as refused:  # the record's people stay in it
            workspace.records.save(dropped)
        assert refused.value.problem is RecordProblem.MISSING_MEMBER
    finally:
        workspace.close()


def test_correcting_in_the_window_lists_only_the_records_people(qtbot, tmp_path: Path) -> None:
    db = str(tmp_path / "frozen.sqlite3")
    plan_id, _first = _record_then_add_a_member(db, tmp_path)
    with journey_window(qtbot, db) as (window, controller):
        dialog = open_record_dialog(qtbot, window, plan_id)
        assert [m.name for m in dialog.attendance.members] == ROSTER
        assert "应到 5 人" in dialog.counts.text()  # 孙八, an 入党积极分子, is 列席
        mark(qtbot, dialog, "赵六", Presence.ABSENT)
        save(qtbot, dialog)
        corrected = controller.workspace.records.for_plan(plan_id)
        assert corrected is not None and corrected.version == 2
        assert len(corrected.attendance) == 6 and corrected.count(Presence.PRESENT) == 5
