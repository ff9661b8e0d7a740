"""A member recorded on a day, whose 离开日期 entered since puts them off the roster that day, can
be taken out when the day is corrected: in the window (a tick box that says why) and with
``hongtu record --drop``. The day's and the year's figures follow."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from hongtu.cli import main
from hongtu.core.ledger import load_ledger
from hongtu.core.records import (
    ActivityRecord,
    Presence,
    RecordProblem,
    RecordRefusedError,
    everyone_present,
)
from hongtu.core.workspace import open_workspace
from journey_helpers import click, journey_window
from record_helpers import BRANCH, open_record_dialog, save, seed_branch


def _recorded_then_left(db: str, tmp_path: Path) -> tuple[int, date, int]:
    """The past plan recorded with 钱七 absent; then 钱七's 离开日期 entered: the day before."""
    seeded = seed_branch(db, tmp_path)
    workspace = open_workspace(db)
    try:
        roster = workspace.members.members(BRANCH, on=seeded.past_day)
        qian = next(m for m in roster if m.name == "钱七")
        assert qian.id is not None
        attendance = everyone_present(roster, seeded.past_day, absent=[qian.id])
        workspace.records.save(ActivityRecord(seeded.past_plan, seeded.past_day, attendance))
        workspace.members.leave(qian.id, seeded.past_day - timedelta(days=1))
    finally:
        workspace.close()
    return seeded.past_plan, seeded.past_day, qian.id


def test_the_store_takes_a_correction_without_a_member_who_had_left(tmp_path: Path) -> None:
    db = str(tmp_path / "left.sqlite3")
    plan_id, day, qian = _recorded_then_left(db, tmp_path)
    workspace = open_workspace(db)
    try:
        record = workspace.records.for_plan(plan_id)
        assert record is not None
        others = tuple(a for a in record.attendance if a.member_id != qian)
        workspace.records.save(ActivityRecord(plan_id, day, others, version=record.version))
        counts = load_ledger(workspace, BRANCH, day.year).counts
        # 孙八, an 入党积极分子, is 列席: not in 应到
        assert (counts.expected, counts.present, counts.absent, counts.observers) == (4, 4, 0, 1)
        # someone still on the roster that day cannot be left out
        record = workspace.records.for_plan(plan_id)
        assert record is not None
        with pytest.raises(RecordRefusedError) as refused:
            workspace.records.save(
                ActivityRecord(plan_id, day, record.attendance[1:], version=record.version)
            )
        assert refused.value.problem is RecordProblem.MISSING_MEMBER
    finally:
        workspace.close()


def test_hongtu_record_drop_takes_out_only_someone_off_the_roster(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "left.sqlite3")
    plan_id, day, _qian = _recorded_then_left(db, tmp_path)
    assert main(["--db", db, "record", str(plan_id), "--summary", "补记"]) == 0
    out = capsys.readouterr().out
    assert "钱七 在 " + day.isoformat() + " 不在册" in out and "--drop" in out
    assert main(["--db", db, "record", str(plan_id), "--drop", "张三"]) != 0
    assert "张三 按成员名单在 " + day.isoformat() + " 在册" in capsys.readouterr().err
    assert main(["--db", db, "record", str(plan_id), "--drop", "钱七"]) == 0
    assert "应到 4，实到 4，请假 0，缺席 0，列席 1" in capsys.readouterr().out
    workspace = open_workspace(db)
    try:
        record = workspace.records.for_plan(plan_id)
        assert record is not None and "钱七" not in [a.name for a in record.attendance]
        assert record.summary == "补记"
    finally:
        workspace.close()


def test_the_correction_dialog_says_why_and_takes_the_member_out(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "left.sqlite3")
    plan_id, day, qian = _recorded_then_left(db, tmp_path)
    with journey_window(qtbot, db) as (window, controller):
        dialog = open_record_dialog(qtbot, window, plan_id)
        box = dialog.take_out[qian]
        left_on = (day - timedelta(days=1)).isoformat()
        assert box.text() == f"钱七 按成员名单当天不在册（{left_on} 已离开）：从这一天的记录中去掉"
        assert box.isVisible() and not box.isChecked()
        assert "应到 5 人" in dialog.counts.text()  # 孙八, an 入党积极分子, is 列席
        click(qtbot, box)
        assert "应到 4 人　实到 4 人　请假 0 人　缺席 0 人　列席 1 人" in dialog.counts.text()
        save(qtbot, dialog)
        record = controller.workspace.records.for_plan(plan_id)
        assert record is not None
        assert [a.presence for a in record.attendance] == [Presence.PRESENT] * 5
        counts = load_ledger(controller.workspace, BRANCH, day.year).counts
        assert (counts.expected, counts.present, counts.absent) == (4, 4, 0)
