"""The yearly ledger (台账) at its edges: a record given without its plan's facts still counts
(no title, no places; a deleted plan's record is left out before this, by the store), each row
keeps its plan, each member their id and role, and a rate nobody could reach prints as —."""

from __future__ import annotations

from datetime import date

from hongtu.core.ledger import PlanFacts, build_ledger, load_ledger, rate_text
from hongtu.core.members import Member
from hongtu.core.records import ActivityRecord, Attendance, Presence

MEMBERS = (Member(1, "王芳", role="书记"), Member(2, "张伟", role="组织委员"))


def record(plan_id: int, day: date) -> ActivityRecord:
    return ActivityRecord(
        plan_id,
        day,
        (Attendance(1, "王芳", Presence.PRESENT), Attendance(2, "张伟", Presence.ABSENT)),
    )


def test_a_record_without_its_plans_facts_is_still_in_the_ledger_without_a_title() -> None:
    plans = {7: PlanFacts("重温入党誓词", (("s1", "八路军总部旧址"),))}
    ledger = build_ledger(
        "第一党支部",
        2026,
        [record(7, date(2026, 3, 5)), record(8, date(2026, 4, 2))],
        plans,
        MEMBERS,
    )
    assert ledger.branch == "第一党支部"
    assert [(d.plan_id, d.title, d.places) for d in ledger.days] == [
        (7, "重温入党誓词", ("八路军总部旧址",)),
        (8, "", ()),
    ]
    assert [(m.member_id, m.name, m.role) for m in ledger.members] == [
        (1, "王芳", "书记"),
        (2, "张伟", "组织委员"),
    ]


def test_a_rate_prints_with_one_decimal_or_as_a_dash() -> None:
    assert rate_text(None) == "—"
    assert rate_text(0.5) == "50.0%"
    assert rate_text(2 / 3) == "66.7%"


def test_a_branch_with_nothing_recorded_yet_gets_its_own_empty_ledger(workspace) -> None:  # type: ignore[no-untyped-def]
    ledger = load_ledger(workspace, "第一党支部", 2026)
    assert (ledger.branch, ledger.year, ledger.days, ledger.members) == ("第一党支部", 2026, (), ())
    assert ledger.held == (False,) * 12
