"""Plan edits at their limits: the first and last allowed value of every number, the first and
last place in a list, a full plan, and an edited plan that shares nothing with what was given."""

from __future__ import annotations

from datetime import date, time

import pytest

from factories import NORTH, make_plan, site_stop
from hongtu.core import limits, plan_edits
from hongtu.core.plans import Activity, ActivityKind, CustomPlace, GatheringPoint, TransportMode


def one_stop_with(*kinds: ActivityKind):  # type: ignore[no-untyped-def]
    plan = make_plan([site_stop(1, *(Activity(kind, 10) for kind in kinds))])
    return plan, plan.stops[0].id


def kinds(plan) -> list[ActivityKind]:  # type: ignore[no-untyped-def]
    return [activity.kind for activity in plan.stops[0].activities]


def test_a_new_plan_has_its_title_day_and_transport() -> None:
    plan = plan_edits.new_plan("  重温入党誓词 ", date(2026, 7, 1), TransportMode.WALK)
    assert (plan.title, plan.date, plan.transport) == (
        "重温入党誓词",
        date(2026, 7, 1),
        TransportMode.WALK,
    )
    assert plan_edits.new_plan("主题党日", date(2026, 7, 1)).transport is TransportMode.COACH
    assert (
        len(plan_edits.new_plan("长" * 300, date(2026, 7, 1)).title) == limits.TEXT_LIMITS["title"]
    )
    with pytest.raises(ValueError):
        plan_edits.new_plan("   ", date(2026, 7, 1))


@pytest.mark.parametrize(
    ("name", "first", "last", "below", "above"),
    [
        ("participants", 1, 1000, 0, 1001),
        ("date", limits.FIRST_DATE, limits.LAST_DATE, date(1899, 12, 31), None),
        ("return_leg_override", 0, limits.MAX_MINUTES, -1, limits.MAX_MINUTES + 1),
    ],
)
def test_a_plan_number_takes_its_first_and_last_value_and_nothing_beyond(
    name: str, first: object, last: object, below: object, above: object
) -> None:
    plan = make_plan([site_stop(1)])
    assert getattr(plan_edits.set_plan_field(plan, name, first), name) == first
    assert getattr(plan_edits.set_plan_field(plan, name, last), name) == last
    for bad in (below, above):
        if bad is not None:
            with pytest.raises(ValueError):
                plan_edits.set_plan_field(plan, name, bad)
    if name == "return_leg_override":  # back to the estimate
        assert plan_edits.set_plan_field(plan, name, None).return_leg_override is None


def test_a_number_of_people_is_not_a_yes_or_no() -> None:
    plan = make_plan([site_stop(1)])
    with pytest.raises(TypeError):
        plan_edits.set_plan_field(plan, "participants", True)
    with pytest.raises(TypeError):
        plan_edits.set_plan_field(plan, "return_leg_override", 1.5)


@pytest.mark.parametrize("name", ["visit_minutes", "leg_minutes_override"])
def test_stop_minutes_run_from_zero_to_one_day(name: str) -> None:
    plan = make_plan([site_stop(1)])
    stop_id = plan.stops[0].id
    for value in (0, limits.MAX_MINUTES, None):
        assert (
            getattr(plan_edits.set_stop_field(plan, stop_id, name, value).stops[0], name) == value
        )
    for bad in (-1, limits.MAX_MINUTES + 1):
        with pytest.raises(ValueError):
            plan_edits.set_stop_field(plan, stop_id, name, bad)


def test_a_stop_inserted_at_the_front_comes_first() -> None:
    plan = make_plan([site_stop(1), site_stop(2)])
    front = plan_edits.add_stop(plan, plan_edits.site_stop(9), 0)
    assert [s.site_id for s in front.stops] == [9, 1, 2]
    before_the_start = plan_edits.add_stop(plan, plan_edits.site_stop(9), -3)
    assert [s.site_id for s in before_the_start.stops] == [9, 1, 2]


def test_a_full_plan_takes_no_more_stops() -> None:
    almost = make_plan([site_stop(i) for i in range(limits.MAX_STOPS - 1)])
    full = plan_edits.add_stop(almost, plan_edits.site_stop(999))
    assert len(full.stops) == limits.MAX_STOPS and full.stops[-1].site_id == 999
    assert plan_edits.add_stop(full, plan_edits.site_stop(1000)) is full


def test_what_was_added_is_the_plans_own_copy() -> None:
    """Changing the stop or gathering point the caller still holds does not change the plan (the
    undo history keeps every version)."""
    plan = make_plan([site_stop(1)])
    stop = plan_edits.site_stop(9)
    added = plan_edits.add_stop(plan, stop)
    stop.visit_minutes = 5
    stop.activities.append(Activity(ActivityKind.OATH, 15))
    assert (added.stops[-1].visit_minutes, added.stops[-1].activities) == (None, [])
    gathering = GatheringPoint(custom=CustomPlace("单位大门", NORTH))
    moved = plan_edits.set_gathering(plan, gathering)
    gathering.custom.name = "别处"  # type: ignore[union-attr]
    assert moved.gathering.custom is not None and moved.gathering.custom.name == "单位大门"


def test_a_custom_gathering_points_name_is_fitted() -> None:
    plan = make_plan([site_stop(1)])
    long_name = GatheringPoint(custom=CustomPlace("门" * 300, NORTH))
    fitted = plan_edits.set_gathering(plan, long_name)
    assert fitted.gathering.custom is not None
    assert fitted.gathering.custom.name == "门" * limits.TEXT_LIMITS["place"]


def test_a_new_activity_has_its_usual_length_unless_told_and_no_label_by_default() -> None:
    tour = plan_edits.new_activity(ActivityKind.TOUR)
    assert (tour.kind, tour.minutes, tour.label) == (ActivityKind.TOUR, 60, "")
    assert plan_edits.new_activity(ActivityKind.TOUR, minutes=25).minutes == 25
    assert plan_edits.new_activity(ActivityKind.TOUR, minutes=0).minutes == 0
    assert plan_edits.new_activity(ActivityKind.LUNCH, minutes=limits.MAX_MINUTES).minutes == 1440
    for bad in (-1, limits.MAX_MINUTES + 1):
        with pytest.raises(ValueError):
            plan_edits.new_activity(ActivityKind.TOUR, minutes=bad)


def test_an_added_or_changed_activity_is_checked_and_fitted() -> None:
    plan, stop_id = one_stop_with(ActivityKind.TOUR)
    for bad in (Activity(ActivityKind.OATH, -1), Activity(ActivityKind.CUSTOM, 10, "  ")):
        with pytest.raises(ValueError):
            plan_edits.add_activity(plan, stop_id, bad)
        with pytest.raises(ValueError):
            plan_edits.change_activity(plan, stop_id, 0, bad)
    photo = Activity(ActivityKind.CUSTOM, 10, "合影" + "\n" + "留念" * 200)
    added = plan_edits.add_activity(plan, stop_id, photo).stops[0].activities[-1]
    changed = plan_edits.change_activity(plan, stop_id, 0, photo).stops[0].activities[0]
    for activity in (added, changed):
        assert "\n" not in activity.label
        assert len(activity.label) == limits.TEXT_LIMITS["label"]
        assert activity.label.startswith("合影")


def test_an_activity_goes_where_it_is_put() -> None:
    plan, stop_id = one_stop_with(ActivityKind.TOUR, ActivityKind.OATH)
    oath = Activity(ActivityKind.WREATH, 15)
    assert kinds(plan_edits.add_activity(plan, stop_id, oath, 0))[0] is ActivityKind.WREATH
    assert kinds(plan_edits.add_activity(plan, stop_id, oath, 1))[1] is ActivityKind.WREATH
    assert kinds(plan_edits.add_activity(plan, stop_id, oath, -5))[0] is ActivityKind.WREATH
    assert kinds(plan_edits.add_activity(plan, stop_id, oath, 99))[-1] is ActivityKind.WREATH


def test_a_stop_with_fifty_activities_takes_no_more() -> None:
    plan = make_plan(
        [site_stop(1, *[Activity(ActivityKind.OATH, 1)] * (limits.MAX_ACTIVITIES - 1))]
    )
    stop_id = plan.stops[0].id
    full = plan_edits.add_activity(plan, stop_id, Activity(ActivityKind.TOUR, 5))
    assert len(full.stops[0].activities) == limits.MAX_ACTIVITIES
    assert plan_edits.add_activity(full, stop_id, Activity(ActivityKind.TOUR, 5)) is full


def test_the_first_and_last_activity_can_be_changed_moved_and_removed_and_no_further() -> None:
    plan, stop_id = one_stop_with(ActivityKind.TOUR, ActivityKind.OATH, ActivityKind.LESSON)
    lunch = Activity(ActivityKind.LUNCH, 60)
    assert kinds(plan_edits.change_activity(plan, stop_id, 0, lunch))[0] is ActivityKind.LUNCH
    assert kinds(plan_edits.change_activity(plan, stop_id, 2, lunch))[2] is ActivityKind.LUNCH
    assert kinds(plan_edits.move_activity(plan, stop_id, 0, 2)) == [
        ActivityKind.OATH,
        ActivityKind.LESSON,
        ActivityKind.TOUR,
    ]
    assert kinds(plan_edits.remove_activity(plan, stop_id, 2)) == [
        ActivityKind.TOUR,
        ActivityKind.OATH,
    ]
    for index in (-1, 3):
        with pytest.raises(IndexError):
            plan_edits.change_activity(plan, stop_id, index, lunch)
        with pytest.raises(IndexError):
            plan_edits.move_activity(plan, stop_id, index, 0)
        with pytest.raises(IndexError):
            plan_edits.remove_activity(plan, stop_id, index)


def test_a_start_time_can_be_fixed_and_a_stop_pinned_only_with_the_right_kind_of_value() -> None:
    plan = make_plan([site_stop(1)])
    stop_id = plan.stops[0].id
    assert plan_edits.set_stop_field(plan, stop_id, "start_override", time(0, 0)).stops[
        0
    ].start_override == time(0, 0)
    with pytest.raises(TypeError):
        plan_edits.set_stop_field(plan, stop_id, "start_override", "09:30")
    with pytest.raises(TypeError):
        plan_edits.set_stop_field(plan, stop_id, "pinned", 1)
