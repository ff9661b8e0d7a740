"""保留我的修改 after the open plan's day was recorded elsewhere (``hongtu record``, another
window): the bar says the day was recorded, and keeping the organiser's copy keeps the plan
已完成 (its status comes from the record), instead of putting back the copy's 已定."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from hongtu.core.members import Member
from hongtu.core.plans import PlanStatus
from hongtu.core.records import ActivityRecord, everyone_present
from test_two_writers_gui import (
    db,
    listed_titles,
    open_plan,
    other,
    saved_plan,
    window,
    within_looks,
)

__all__ = ["db", "other", "window"]  # the fixtures, shared with the two-writers tests

pytestmark = pytest.mark.gui


def test_keeping_my_copy_after_the_day_was_recorded_elsewhere_keeps_it_done(
    qtbot, window, other
) -> None:  # type: ignore[no-untyped-def]
    plan = saved_plan(other, "重温入党誓词")
    plan.date = date.today() - timedelta(days=2)
    plan = other.plans.save(plan)
    within_looks(qtbot, window, lambda: "重温入党誓词" in listed_titles(window))
    open_plan(qtbot, window, plan.id)
    ui = window.plan_ui
    ui.watch_timer.stop()
    other.members.import_members(plan.branch, [Member(None, "张三"), Member(None, "李四")])
    roster = other.members.members(plan.branch)
    other.records.save(ActivityRecord(plan.id, plan.date, everyone_present(roster, plan.date)))

    ui.editor.notes.setFocus()
    qtbot.keyClicks(ui.editor.notes, "bring ID")
    ui.editor.flush()
    bar = ui.conflict_bar
    assert bar.isVisible() and "已在别处记录" in bar.message.text()

    qtbot.mouseClick(bar.keep_button, Qt.MouseButton.LeftButton)
    stored = other.plans.get(plan.id)
    assert stored.notes == "bring ID" and stored.status is PlanStatus.DONE
    assert other.records.for_plan(plan.id) is not None
