"""Recording a Party day at its edges: who is listed (a member who left before the day is not,
and nobody after them is lost), and what a refusal tells the organiser (the day, the member)."""

from __future__ import annotations

from datetime import date

import pytest

from hongtu.core.members import Member
from hongtu.core.records import (
    MAX_REASON_CHARS,
    MAX_SUMMARY_CHARS,
    ActivityRecord,
    Attendance,
    Presence,
    RecordProblem,
    RecordRefusedError,
    check_record,
    everyone_present,
)

DAY = date(2026, 7, 1)
ROSTER = (
    Member(1, "王芳"),
    Member(2, "李强", left_on=date(2026, 6, 1)),  # left before the day
    Member(3, "张伟"),
    Member(4, "赵敏", joined_on=date(2026, 8, 1)),  # joins after it
    Member(5, "刘洋"),
)


def test_everyone_on_the_roster_that_day_is_listed_by_name_and_nobody_else() -> None:
    entries = everyone_present(ROSTER, DAY, leave={3: "出差"}, absent=[5])
    assert [(a.member_id, a.name, a.presence, a.reason) for a in entries] == [
        (1, "王芳", Presence.PRESENT, ""),
        (3, "张伟", Presence.LEAVE, "出差"),
        (5, "刘洋", Presence.ABSENT, ""),
    ]


def refusal(record: ActivityRecord, today: date = DAY) -> RecordRefusedError:
    with pytest.raises(RecordRefusedError) as caught:
        check_record(record, ROSTER, today)
    return caught.value


def test_a_day_not_yet_come_is_refused_naming_the_day() -> None:
    record = ActivityRecord(1, DAY, everyone_present(ROSTER, DAY))
    check_record(record, ROSTER, DAY)  # on the day itself: fine
    refused = refusal(record, today=date(2026, 6, 30))
    assert (refused.problem, refused.detail) == (RecordProblem.FUTURE_DATE, "2026-07-01")


def test_a_summary_may_fill_its_limit_and_no_more() -> None:
    present = everyone_present(ROSTER, DAY)
    check_record(ActivityRecord(1, DAY, present, summary="记" * MAX_SUMMARY_CHARS), ROSTER, DAY)
    refused = refusal(ActivityRecord(1, DAY, present, summary="记" * (MAX_SUMMARY_CHARS + 1)))
    assert (refused.problem, refused.detail) == (RecordProblem.TEXT_TOO_LONG, "summary")


def test_an_empty_roster_is_refused_as_such() -> None:
    with pytest.raises(RecordRefusedError) as caught:
        check_record(ActivityRecord(1, DAY, ()), (), DAY)
    assert (caught.value.problem, caught.value.detail) == (RecordProblem.NO_MEMBERS, "")


def entries(**changes: tuple[Presence, str]) -> tuple[Attendance, ...]:
    base = {a.name: a for a in everyone_present(ROSTER, DAY)}
    for name, (presence, reason) in changes.items():
        member = base[name]
        base[name] = Attendance(member.member_id, name, presence, reason)
    return tuple(base.values())


@pytest.mark.parametrize(
    ("attendance", "problem", "named"),
    [
        (
            (*entries(), Attendance(2, "李强", Presence.PRESENT)),
            RecordProblem.NOT_ON_ROSTER,
            "李强",
        ),
        ((*entries(), Attendance(3, "张伟", Presence.PRESENT)), RecordProblem.TWICE, "张伟"),
        (entries(王芳=(Presence.LEAVE, "  ")), RecordProblem.LEAVE_WITHOUT_REASON, "王芳"),
        (
            entries(刘洋=(Presence.LEAVE, "病" * (MAX_REASON_CHARS + 1))),
            RecordProblem.REASON_TOO_LONG,
            "刘洋",
        ),
        (entries()[1:], RecordProblem.MISSING_MEMBER, "王芳"),
    ],
    ids=["not on the roster", "twice", "leave without a reason", "reason too long", "missing"],
)
def test_a_refusal_about_a_member_names_the_member(
    attendance: tuple[Attendance, ...], problem: RecordProblem, named: str
) -> None:
    refused = refusal(ActivityRecord(1, DAY, attendance))
    assert (refused.problem, refused.detail) == (problem, named)


def test_a_reason_for_leave_may_fill_its_limit() -> None:
    check_record(
        ActivityRecord(1, DAY, entries(刘洋=(Presence.LEAVE, "病" * MAX_REASON_CHARS))), ROSTER, DAY
    )
