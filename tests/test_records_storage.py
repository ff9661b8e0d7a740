"""Members and activity records in the database: migration 0004, saving, correcting, history."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from alembic import command

from factories import make_plan
from hongtu.core.members import Member, PartyStatus
from hongtu.core.plans import PlanStatus
from hongtu.core.records import (
    ActivityRecord,
    DoneItem,
    DoneState,
    Guest,
    PhotoRef,
    Presence,
    RecordProblem,
    RecordRefusedError,
    everyone_present,
)
from hongtu.core.storage.database import SCHEMA_HEAD
from hongtu.core.workspace import open_workspace
from test_database import alembic_config

BRANCH = "第一党支部"
DAY = date(2025, 10, 15)


def test_database_of_the_current_release_upgrades_with_plans_untouched(tmp_path) -> None:
    file = tmp_path / "release.sqlite3"
    command.upgrade(alembic_config(f"sqlite:///{file}"), "0003")
    con = sqlite3.connect(file)
    con.execute(
        "INSERT INTO plans (id, title, branch, day, participants, organiser, phone, transport,"
        " gathering, gathering_time, returns_to_gathering, notes, status, created_at,"
        " updated_at, version) VALUES (7, '重温入党誓词', '第一党支部', '2025-07-01', 25,"
        " '王书记', '13800000000', 'coach', '{}', '08:00', 1, '带党徽', 'planned',"
        " '2025-06-01 10:00:00', '2025-06-02 10:00:00', 3)"
    )
    con.execute(
        "INSERT INTO plan_stops (plan_id, position, stop_uid, custom, activities, pinned)"
        ' VALUES (7, 0, \'abc\', \'{"name": "单位大门", "lat": 37.8, "lon": 112.5}\','
        " '[]', 0)"
    )
    con.commit()
    before_plans = con.execute("SELECT * FROM plans").fetchall()
    before_stops = con.execute("SELECT * FROM plan_stops").fetchall()
    con.close()

    ws = open_workspace(str(file))
    try:
        assert ws.database.backup is not None and "0003" in ws.database.backup.name
        plan = ws.plans.get(7)
        assert (plan.title, plan.version, plan.status) == ("重温入党誓词", 3, PlanStatus.PLANNED)
        assert ws.members.members(BRANCH) == []
    finally:
        ws.close()
    migrated = sqlite3.connect(file)
    assert migrated.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_HEAD,)
    # the plans as they were, and (0008) no 返回时间（最晚） said
    assert migrated.execute("SELECT * FROM plans").fetchall() == [
        (*row, None) for row in before_plans
    ]
    assert migrated.execute("SELECT * FROM plan_stops").fetchall() == before_stops
    migrated.close()
    backup = sqlite3.connect(ws.database.backup)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0003",)
    assert backup.execute("SELECT * FROM plans").fetchall() == before_plans
    backup.close()


def _roster(workspace) -> list[Member]:  # type: ignore[no-untyped-def]
    workspace.members.import_members(
        BRANCH,
        [
            Member(None, "张三", "书记", PartyStatus.FULL),
            Member(None, "李四", "组织委员", PartyStatus.FULL),
            Member(None, "王五", "", PartyStatus.PROBATIONARY),
            Member(None, "赵六", "", PartyStatus.ACTIVIST),
        ],
    )
    return workspace.members.members(BRANCH)


def test_recording_a_day_marks_the_plan_done_and_keeps_every_part(workspace) -> None:
    members = _roster(workspace)
    plan = workspace.plans.save(make_plan(on=DAY))
    ids = {m.name: m.id for m in members}
    attendance = everyone_present(members, DAY, leave={ids["李四"]: "出差"}, absent=[ids["赵六"]])
    saved = workspace.records.save(
        ActivityRecord(
            plan.id,
            DAY,
            attendance,
            summary="参观后重温入党誓词。",
            host="张三",
            recorder="王五",
            guests=(Guest("刘老师", "讲解员"),),
            done=(DoneItem("参观学习", DoneState.DONE, "s1"), DoneItem("座谈", DoneState.ADDED)),
            photos=(PhotoRef("ab" * 32, "photos/ab.jpg", "thumbs/ab.jpg", "合影"),),
        ),
        today=DAY,
    )
    assert saved.version == 1 and saved.branch == BRANCH
    again = workspace.records.for_plan(plan.id)
    assert again == saved
    assert (again.count(Presence.PRESENT), again.count(Presence.LEAVE)) == (2, 1)
    assert again.count(Presence.ABSENT) == 1
    assert {a.name: a.reason for a in again.attendance}["李四"] == "出差"
    assert again.photos[0].caption == "合影" and again.guests[0].name == "刘老师"
    stored_plan = workspace.plans.get(plan.id)
    assert stored_plan.status is PlanStatus.DONE and stored_plan.version == plan.version + 1


def test_a_correction_keeps_the_previous_state_and_refuses_an_older_copy(workspace) -> None:
    members = _roster(workspace)
    plan = workspace.plans.save(make_plan(on=DAY))
    first = workspace.records.save(
        ActivityRecord(plan.id, DAY, everyone_present(members, DAY), summary="初稿"), today=DAY
    )
    ids = {m.name: m.id for m in members}
    corrected = workspace.records.save(
        ActivityRecord(
            plan.id,
            DAY,
            everyone_present(members, DAY, absent=[ids["王五"]]),
            summary="改正：王五缺席",
            version=first.version,
        ),
        today=DAY,
    )
    assert corrected.version == 2 and corrected.count(Presence.ABSENT) == 1
    history = workspace.records.history(plan.id)
    assert [h["summary"] for h in history] == ["初稿"]
    assert all(a["presence"] == "present" for a in history[0]["attendance"])
    with pytest.raises(RecordRefusedError) as refused:
        workspace.records.save(
            ActivityRecord(plan.id, DAY, everyone_present(members, DAY), version=first.version),
            today=DAY,
        )
    assert refused.value.problem is RecordProblem.STALE
    assert workspace.records.for_plan(plan.id).summary == "改正：王五缺席"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ("future", RecordProblem.FUTURE_DATE),
        ("missing", RecordProblem.MISSING_MEMBER),
        ("twice", RecordProblem.TWICE),
        ("no_reason", RecordProblem.LEAVE_WITHOUT_REASON),
        ("left", RecordProblem.NOT_ON_ROSTER),
    ],
)
def test_a_record_that_cannot_be_true_is_refused_and_nothing_is_written(
    workspace, change, problem
) -> None:
    members = _roster(workspace)
    plan = workspace.plans.save(make_plan(on=DAY))
    attendance = list(everyone_present(members, DAY))
    today = DAY
    if change == "future":
        today = date(2025, 10, 14)
    elif change == "missing":
        attendance.pop()
    elif change == "twice":
        attendance.append(attendance[0])
    elif change == "no_reason":
        attendance[0] = type(attendance[0])(attendance[0].member_id, "张三", Presence.LEAVE, " ")
    elif change == "left":
        workspace.members.leave(members[3].id, date(2025, 9, 30))
    with pytest.raises(RecordRefusedError) as refused:
        workspace.records.save(ActivityRecord(plan.id, DAY, tuple(attendance)), today=today)
    assert refused.value.problem is problem
    assert workspace.records.for_plan(plan.id) is None
    assert workspace.plans.get(plan.id).status is not PlanStatus.DONE


def test_members_who_leave_stay_in_the_history(workspace) -> None:
    members = _roster(workspace)
    workspace.members.leave(members[0].id, date(2025, 12, 1))
    assert [m.name for m in workspace.members.members(BRANCH, on=date(2025, 12, 2))] == [
        "李四",
        "王五",
        "赵六",
    ]
    everyone = workspace.members.members(BRANCH)
    assert everyone[0].name == "张三" and everyone[0].left_on == date(2025, 12, 1)
    assert len(workspace.members.members(BRANCH, on=date(2025, 11, 30))) == 4
