"""The same Party-day is never counted twice by accident.

A copy of a past or recorded plan is for another day (it gets a new plan's date, a week ahead);
recording a second plan on a day the branch has already recorded is asked about in the window
and refused by ``hongtu record`` without --again; a deleted plan's record leaves the 台账 and
comes back when the plan is restored."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from factories import make_plan
from hongtu.cli import main
from hongtu.core.ledger import load_ledger
from hongtu.core.members import Member, PartyStatus
from hongtu.core.plan_edits import default_plan_date
from hongtu.core.plans import PlanStatus
from hongtu.core.records import (
    ActivityRecord,
    RecordProblem,
    RecordRefusedError,
    everyone_present,
)
from hongtu.core.workspace import open_workspace
from journey_helpers import BoxAnswers, click, journey_window
from record_helpers import BRANCH, open_record_dialog, save, seed_branch, select_plan

TODAY = date(2026, 11, 30)
DAY = date(2026, 11, 20)


def first_record(workspace, plan_id: int, day: date = DAY) -> ActivityRecord:  # type: ignore[no-untyped-def]
    roster = workspace.members.members(BRANCH)
    return ActivityRecord(plan_id, day, everyone_present(roster, day), branch=BRANCH)


@pytest.fixture
def branch_day(workspace):  # type: ignore[no-untyped-def]
    """Three Party members and the 11月 plan of 2026-11-20, recorded."""
    for name in ("张三", "李四", "王五"):
        workspace.members.add(BRANCH, Member(None, name, "", PartyStatus.FULL))
    plan = make_plan(on=DAY)
    plan.title = "11月主题党日"
    plan_id = workspace.plans.save(plan).id
    workspace.records.save(first_record(workspace, plan_id), today=TODAY)
    return plan_id


def test_a_copy_of_a_recorded_or_past_plan_gets_a_new_plans_date(workspace, branch_day) -> None:  # type: ignore[no-untyped-def]
    copy = workspace.plans.duplicate(branch_day, "11月主题党日（副本）", today=TODAY)
    # a week ahead, 2026-12-07, is a Monday: the Tuesday after
    assert (copy.date, copy.status) == (date(2026, 12, 8), PlanStatus.DRAFT)
    assert workspace.records.for_plan(copy.id) is None
    past = make_plan(on=TODAY - timedelta(days=1))
    past_copy = workspace.plans.duplicate(workspace.plans.save(past).id, "副本", today=TODAY)
    assert past_copy.date == date(2026, 12, 8)
    coming = make_plan(on=TODAY + timedelta(days=20))  # not held yet: the copy keeps its day
    coming_copy = workspace.plans.duplicate(workspace.plans.save(coming).id, "副本", today=TODAY)
    assert coming_copy.date == TODAY + timedelta(days=20)


def test_a_second_record_of_the_branchs_day_is_refused_unless_wanted(workspace, branch_day) -> None:  # type: ignore[no-untyped-def]
    other = make_plan(on=DAY)
    other.title = "党课"
    other_id = workspace.plans.save(other).id
    assert workspace.records.same_day(other_id, BRANCH, DAY) == "11月主题党日"
    assert workspace.records.same_day(branch_day, BRANCH, DAY) is None  # its own day
    with pytest.raises(RecordRefusedError) as refused:
        workspace.records.save(first_record(workspace, other_id), today=TODAY)
    assert (refused.value.problem, refused.value.detail) == (RecordProblem.SAME_DAY, "11月主题党日")
    assert workspace.records.for_plan(other_id) is None
    assert load_ledger(workspace, BRANCH, 2026).counts.expected == 3
    workspace.records.save(first_record(workspace, other_id), today=TODAY, same_day=True)
    assert load_ledger(workspace, BRANCH, 2026).counts.expected == 6
    # a correction of either record is its own day, not a second one
    again = workspace.records.for_plan(branch_day)
    workspace.records.save(again, today=TODAY)


def test_a_deleted_plans_record_leaves_the_ledger_and_comes_back_with_it(  # type: ignore[no-untyped-def]
    workspace, branch_day
) -> None:
    before = workspace.records.stamp(BRANCH, 2026)
    workspace.plans.delete(branch_day)
    ledger = load_ledger(workspace, BRANCH, 2026)
    assert (ledger.days, ledger.counts.expected, ledger.held[10]) == ((), 0, False)
    assert workspace.records.years(BRANCH) == []
    assert workspace.records.stamp(BRANCH, 2026) != before  # an open 台账 view reloads
    # the day may be recorded again for another plan: the deleted one no longer counts
    other = workspace.plans.save(make_plan(on=DAY)).id
    assert workspace.records.same_day(other, BRANCH, DAY) is None
    workspace.plans.restore(branch_day)
    ledger = load_ledger(workspace, BRANCH, 2026)
    assert [(d.plan_id, d.day, d.counts.expected) for d in ledger.days] == [(branch_day, DAY, 3)]
    assert workspace.records.for_plan(branch_day) is not None  # kept all along


def test_hongtu_record_refuses_a_second_record_of_the_day_without_again(
    tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "r.sqlite3")
    roster = tmp_path / "名册.csv"
    roster.write_text("姓名\n张三\n李四\n", encoding="utf-8")
    assert main(["--db", db, "members", "import", str(roster), "--branch", BRANCH]) == 0
    day = date.today() - timedelta(days=3)
    workspace = open_workspace(db)
    try:
        first = make_plan(on=day)
        first.title = "11月主题党日"
        first_id = workspace.plans.save(first).id
        second_id = workspace.plans.save(make_plan(on=day)).id
    finally:
        workspace.close()
    assert main(["--db", db, "record", str(first_id)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "record", str(second_id)]) != 0
    err = capsys.readouterr().err
    assert "已经记录过一次主题党日（“11月主题党日”）" in err and "--again" in err
    assert main(["--db", db, "record", str(second_id), "--again"]) == 0


def test_the_window_asks_before_recording_the_day_twice_and_says_what_deleting_does(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "twice.sqlite3")
    seeded = seed_branch(db, tmp_path)
    workspace = open_workspace(db)
    try:
        lesson = make_plan(on=seeded.past_day)
        lesson.title = "同一天的党课"
        lesson_id = workspace.plans.save(lesson).id
    finally:
        workspace.close()
    with journey_window(qtbot, db) as (window, controller):
        ui = window.plan_ui
        save(qtbot, open_record_dialog(qtbot, window, seeded.past_plan))

        select_plan(qtbot, window, seeded.past_plan)  # 复制 the recorded plan
        click(qtbot, ui.plan_list.copy_button)
        qtbot.waitUntil(lambda: ui.session.plan.id not in (seeded.past_plan, None))
        assert ui.session.plan.date == default_plan_date(date.today())
        assert ui.session.plan.status is PlanStatus.DRAFT

        answers = BoxAnswers()
        answers.no()
        select_plan(qtbot, window, lesson_id)
        click(qtbot, ui.plan_list.action_buttons[0])  # 记录活动…: asked, 否 records nothing
        qtbot.waitUntil(lambda: len(answers.seen) == 1)
        assert "这一天已经记录过一次主题党日（“重温入党誓词主题党日”）" in answers.seen[0]
        assert "台账会算两次" in answers.seen[0]
        assert ui.records.dialog is None
        assert controller.workspace.records.for_plan(lesson_id) is None

        select_plan(qtbot, window, seeded.past_plan)
        answers.yes()
        click(qtbot, ui.plan_list.delete_button)
        qtbot.waitUntil(lambda: len(answers.seen) == 2)
        assert "这一天的记录随方案移出台账" in answers.seen[1]
        year = seeded.past_day.year
        qtbot.waitUntil(lambda: not load_ledger(controller.workspace, BRANCH, year).days)
