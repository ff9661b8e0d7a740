"""Plan edits are pure: each returns a new plan and leaves the one it was given untouched."""

from __future__ import annotations

import copy
from datetime import date, time

import pytest

from factories import EAST, NORTH, WEST, make_plan, site_stop
from hongtu.core import plan_edits
from hongtu.core.plans import (
    Activity,
    ActivityKind,
    CustomPlace,
    GatheringPoint,
    PlanStatus,
    TransportMode,
)


def three_stops():
    return make_plan([site_stop(1), site_stop(2), site_stop(3)])


def site_ids(plan):
    return [stop.site_id for stop in plan.stops]


def test_every_edit_leaves_the_original_plan_unchanged() -> None:
    plan = three_stops()
    snapshot = copy.deepcopy(plan)
    first = plan.stops[0].id
    plan_edits.move_stop(plan, first, 2)
    plan_edits.remove_stop(plan, first)
    plan_edits.add_stop(plan, plan_edits.site_stop(9))
    plan_edits.set_stop_field(plan, first, "visit_minutes", 30)
    plan_edits.add_activity(plan, first, Activity(ActivityKind.OATH, 15))
    plan_edits.set_plan_field(plan, "title", "新主题")
    plan_edits.apply_order(plan, [s.id for s in reversed(plan.stops)])
    assert plan == snapshot


def test_add_stop_appends_or_inserts_where_asked() -> None:
    plan = three_stops()
    assert site_ids(plan_edits.add_stop(plan, plan_edits.site_stop(9))) == [1, 2, 3, 9]
    assert site_ids(plan_edits.add_stop(plan, plan_edits.site_stop(9), 1)) == [1, 9, 2, 3]
    place = CustomPlace("午餐饭店", NORTH)
    added = plan_edits.add_stop(plan, plan_edits.custom_stop(place))
    assert added.stops[-1].custom == place


def test_the_same_stop_cannot_be_added_twice() -> None:
    plan = three_stops()
    with pytest.raises(ValueError):
        plan_edits.add_stop(plan, plan.stops[0])


def test_move_stop_puts_it_at_the_new_position() -> None:
    plan = three_stops()
    first, _second, third = (stop.id for stop in plan.stops)
    assert site_ids(plan_edits.move_stop(plan, first, 2)) == [2, 3, 1]
    assert site_ids(plan_edits.move_stop(plan, third, 0)) == [3, 1, 2]
    assert site_ids(plan_edits.move_stop(plan, third, 99)) == [1, 2, 3]  # clamped


def test_remove_stop_by_id_keeps_the_others_in_order() -> None:
    plan = three_stops()
    assert site_ids(plan_edits.remove_stop(plan, plan.stops[1].id)) == [1, 3]
    with pytest.raises(KeyError):
        plan_edits.remove_stop(plan, "no-such-stop")


def test_apply_order_needs_every_stop_once() -> None:
    plan = three_stops()
    ids = [stop.id for stop in plan.stops]
    assert site_ids(plan_edits.apply_order(plan, [ids[2], ids[0], ids[1]])) == [3, 1, 2]
    with pytest.raises(ValueError):
        plan_edits.apply_order(plan, ids[:2])
    with pytest.raises(ValueError):
        plan_edits.apply_order(plan, [ids[0], ids[0], ids[1]])


def test_stop_fields_are_checked() -> None:
    plan = three_stops()
    stop_id = plan.stops[0].id
    edited = plan_edits.set_stop_field(plan, stop_id, "start_override", time(9, 30))
    assert edited.stops[0].start_override == time(9, 30)
    assert plan_edits.set_pinned(plan, stop_id, True).stops[0].pinned
    back_to_default = plan_edits.set_stop_field(edited, stop_id, "start_override", None)
    assert back_to_default.stops[0].start_override is None
    with pytest.raises(ValueError):
        plan_edits.set_stop_field(plan, stop_id, "visit_minutes", -5)
    with pytest.raises(KeyError):
        plan_edits.set_stop_field(plan, stop_id, "site_id", 4)
    with pytest.raises(TypeError):
        plan_edits.set_stop_field(plan, stop_id, "visit_minutes", "60")


def test_activities_are_added_changed_moved_and_removed() -> None:
    plan = three_stops()
    stop_id = plan.stops[0].id
    plan = plan_edits.add_activity(plan, stop_id, plan_edits.new_activity(ActivityKind.TOUR))
    plan = plan_edits.add_activity(plan, stop_id, plan_edits.new_activity(ActivityKind.OATH))
    assert [(a.kind, a.minutes) for a in plan.stops[0].activities] == [
        (ActivityKind.TOUR, 60),
        (ActivityKind.OATH, 15),
    ]
    plan = plan_edits.change_activity(plan, stop_id, 1, Activity(ActivityKind.OATH, 20))
    plan = plan_edits.move_activity(plan, stop_id, 1, 0)
    assert [(a.kind, a.minutes) for a in plan.stops[0].activities] == [
        (ActivityKind.OATH, 20),
        (ActivityKind.TOUR, 60),
    ]
    plan = plan_edits.remove_activity(plan, stop_id, 0)
    assert [a.kind for a in plan.stops[0].activities] == [ActivityKind.TOUR]


def test_a_free_text_activity_needs_words() -> None:
    custom = plan_edits.new_activity(ActivityKind.CUSTOM, "  集体合影 ")
    assert (custom.label, custom.minutes) == ("集体合影", 20)
    with pytest.raises(ValueError):
        plan_edits.new_activity(ActivityKind.CUSTOM, "  ")


def test_plan_fields_are_checked() -> None:
    plan = three_stops()
    assert plan_edits.set_plan_field(plan, "title", "  重温誓词 ").title == "重温誓词"
    assert plan_edits.set_plan_field(plan, "status", PlanStatus.DONE).status is PlanStatus.DONE
    assert plan_edits.set_plan_field(plan, "date", date(2026, 7, 1)).date == date(2026, 7, 1)
    walk = plan_edits.set_plan_field(plan, "transport", TransportMode.WALK)
    assert walk.transport is TransportMode.WALK
    with pytest.raises(ValueError):
        plan_edits.set_plan_field(plan, "title", "   ")
    with pytest.raises(ValueError):
        plan_edits.set_plan_field(plan, "participants", 0)
    with pytest.raises(KeyError):
        plan_edits.set_plan_field(plan, "id", 5)


def test_gathering_is_a_site_or_a_custom_place() -> None:
    plan = three_stops()
    at_site = plan_edits.set_gathering(plan, GatheringPoint(site_id=4))
    assert at_site.gathering == GatheringPoint(site_id=4)
    custom = GatheringPoint(custom=CustomPlace("单位大门", WEST))
    assert plan_edits.set_gathering(plan, custom).gathering.custom.point == WEST
    with pytest.raises(ValueError):
        plan_edits.set_gathering(plan, GatheringPoint(site_id=4, custom=CustomPlace("门口", EAST)))


def test_a_custom_gathering_point_may_wait_for_its_coordinate_a_custom_stop_may_not() -> None:
    plan = three_stops()
    unplaced = GatheringPoint(custom=CustomPlace("单位大门"))
    assert plan_edits.set_gathering(plan, unplaced).gathering.custom == CustomPlace("单位大门")
    with pytest.raises(ValueError):
        plan_edits.custom_stop(CustomPlace("某饭店"))
    assert plan_edits.custom_stop(CustomPlace("某饭店", NORTH)).custom.point == NORTH


def legs_set_by_hand(plan) -> dict[int, int]:
    """Site id → hand-typed minutes of the leg arriving there (0: the way back)."""
    legs = {s.site_id: s.leg_minutes_override for s in plan.stops if s.leg_minutes_override}
    if plan.return_leg_override is not None:
        legs[0] = plan.return_leg_override
    return legs


def with_hand_typed_legs():
    """1 → 2 typed as 45 minutes, 2 → 3 as 20, and the way back from 3 as 30."""
    plan = three_stops()
    plan = plan_edits.set_stop_field(plan, plan.stops[1].id, "leg_minutes_override", 45)
    plan = plan_edits.set_stop_field(plan, plan.stops[2].id, "leg_minutes_override", 20)
    return plan_edits.set_plan_field(plan, "return_leg_override", 30)


def test_a_hand_typed_leg_is_cleared_when_its_stop_comes_from_elsewhere() -> None:
    plan = with_hand_typed_legs()
    second = plan.stops[1].id
    moved = plan_edits.move_stop(plan, second, 0)  # 2, 1, 3: every leg starts elsewhere
    assert site_ids(moved) == [2, 1, 3]
    assert legs_set_by_hand(moved) == {0: 30}  # the way back still starts at 3
    assert plan_edits.forgotten_leg_count(plan, moved) == 2
    ids = [stop.id for stop in plan.stops]
    reordered = plan_edits.apply_order(plan, [ids[0], ids[2], ids[1]])  # 1, 3, 2
    assert legs_set_by_hand(reordered) == {}
    assert plan_edits.forgotten_leg_count(plan, reordered) == 3
    assert legs_set_by_hand(plan_edits.apply_order(plan, ids)) == {2: 45, 3: 20, 0: 30}


def test_removing_or_inserting_a_neighbour_clears_only_the_legs_it_changes() -> None:
    plan = with_hand_typed_legs()
    removed = plan_edits.remove_stop(plan, plan.stops[0].id)  # 2 now comes from the start
    assert legs_set_by_hand(removed) == {3: 20, 0: 30}
    assert plan_edits.forgotten_leg_count(plan, removed) == 1
    without_last = plan_edits.remove_stop(plan, plan.stops[2].id)  # the way back is from 2
    assert legs_set_by_hand(without_last) == {2: 45}
    inserted = plan_edits.add_stop(plan, plan_edits.site_stop(9), 2)  # 1, 2, 9, 3
    assert legs_set_by_hand(inserted) == {2: 45, 0: 30}
    appended = plan_edits.add_stop(plan, plan_edits.site_stop(9))  # 1, 2, 3, 9
    assert legs_set_by_hand(appended) == {2: 45, 3: 20}


# ---- a new plan's day --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 11, 30), date(2026, 12, 8)),  # a week ahead is Monday 12-07: the Tuesday
        (date(2026, 12, 1), date(2026, 12, 8)),  # Tuesday: a week ahead
        (date(2026, 12, 6), date(2026, 12, 13)),  # Sunday: a week ahead, a Sunday
        (date(2026, 12, 28), date(2027, 1, 5)),  # over the new year, still not a Monday
    ],
)
def test_a_new_plan_is_a_week_ahead_but_never_on_a_monday(today: date, expected: date) -> None:
    day = plan_edits.default_plan_date(today)
    assert day == expected and day.weekday() != 0
