"""Properties of the scheduler over random plans: order, durations, waiting and totals.

Random plans mix catalogue sites (one without a position, one with its own visit length) and
custom places, activities, pinned stops, fixed start times (before and after the arrival),
fixed leg minutes, every transport mode and both return choices. The day is kept within one
calendar day, so clock times compare directly.
"""

from __future__ import annotations

from datetime import time
from itertools import pairwise

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factories import EAST, NORTH, TAIYUAN_CENTRE, WEST, custom_place, make_plan, make_site
from hongtu.core.geo import LatLon
from hongtu.core.plans import (
    Activity,
    ActivityKind,
    GatheringPoint,
    ItemKind,
    Plan,
    Schedule,
    ScheduleFlagCode,
    Stop,
    TransportMode,
)
from hongtu.core.routing import DEFAULT_SETTINGS, TravelSettings, distance_km, leg_minutes
from hongtu.core.schedule import (
    clock,
    compute_schedule,
    gathering_place,
    minutes_of,
    stop_place,
    visit_length,
)

SITES = {
    1: make_site(1, "北馆", point=NORTH, visit_minutes=45),
    2: make_site(2, "东馆", point=EAST),
    3: make_site(3, "无位置旧址", point=None, visit_minutes=30),
    4: make_site(4, "西馆", point=WEST, visit_minutes=20),
}
TRAVEL = TravelSettings(coach_boarding_minutes=12, cars_boarding_minutes=7)

points = st.builds(
    LatLon,
    st.floats(min_value=37.75, max_value=37.95, allow_nan=False),
    st.floats(min_value=112.45, max_value=112.65, allow_nan=False),
)
activities = st.builds(
    Activity,
    st.sampled_from(list(ActivityKind)),
    st.integers(min_value=0, max_value=20),
    st.text(alphabet="学习交流", min_size=1, max_size=4),
)


@st.composite
def stops(draw: st.DrawFn) -> Stop:
    if draw(st.booleans()):
        place: dict[str, object] = {"site_id": draw(st.sampled_from(sorted(SITES)))}
    else:
        place = {"custom": custom_place(draw(st.text(min_size=1, max_size=5)), draw(points))}
    start = draw(st.none() | st.integers(min_value=6 * 60, max_value=12 * 60).map(clock))
    return Stop(
        **place,  # type: ignore[arg-type]
        visit_minutes=draw(st.none() | st.integers(min_value=0, max_value=60)),
        activities=draw(st.lists(activities, max_size=3)),
        pinned=draw(st.booleans()),
        start_override=start,
        leg_minutes_override=draw(st.none() | st.integers(min_value=0, max_value=60)),
    )


gatherings = st.one_of(
    st.just(GatheringPoint()),
    st.builds(GatheringPoint, site_id=st.sampled_from(sorted(SITES))),
    st.builds(GatheringPoint, custom=st.builds(custom_place, st.just("单位大门"), points)),
    st.just(GatheringPoint(custom=custom_place("单位大门", None))),  # type: ignore[arg-type]
)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    plan = make_plan(
        draw(st.lists(stops(), max_size=4)),
        gathering=draw(gatherings),
        gathering_time=clock(draw(st.integers(min_value=5 * 60, max_value=9 * 60))),
        transport=draw(st.sampled_from(list(TransportMode))),
        returns=draw(st.booleans()),
    )
    plan.return_leg_override = draw(st.none() | st.integers(min_value=0, max_value=60))
    return plan


def _expected_kinds(plan: Plan) -> list[ItemKind]:
    kinds = [ItemKind.GATHER]
    for stop in plan.stops:
        kinds += [ItemKind.TRAVEL, ItemKind.VISIT] + [ItemKind.ACTIVITY] * len(stop.activities)
    if plan.returns_to_gathering and plan.stops:
        kinds += [ItemKind.TRAVEL, ItemKind.RETURN]
    return kinds


def _within_one_day(plan: Plan, schedule: Schedule) -> bool:
    """Whether no item can pass midnight (a walk between far places may): clock times then
    compare directly. Bound: the latest fixed start (or the gathering) plus every duration."""
    latest_fix = max(
        [minutes_of(plan.gathering_time)]
        + [minutes_of(s.start_override) for s in plan.stops if s.start_override is not None]
    )
    visits = sum(visit_length(s, stop_place(s, SITES).site) for s in plan.stops)
    longest = TRAVEL.boarding_minutes(plan.transport) + sum(leg.minutes for leg in schedule.legs)
    return latest_fix + longest + visits < 24 * 60


def _length(start: time, end: time) -> int:
    return minutes_of(end) - minutes_of(start)


@settings(max_examples=300, deadline=None)
@given(plans())
def test_items_follow_the_plan_in_time_order_and_add_up(plan: Plan) -> None:
    schedule = compute_schedule(plan, SITES, TRAVEL)
    assume(_within_one_day(plan, schedule))
    items = schedule.items
    assert [item.kind for item in items] == _expected_kinds(plan)
    assert schedule.start == plan.gathering_time
    assert all(item.end >= item.start for item in items)
    early = {f.stop_id for f in schedule.flags if f.code is ScheduleFlagCode.START_BEFORE_ARRIVAL}
    # the generated days never pass midnight, and a day never runs backwards
    assert schedule.end >= schedule.start
    assert all(a.start <= b.start for a, b in pairwise(items))
    gather = items[0]
    assert _length(gather.start, gather.end) == TRAVEL.boarding_minutes(plan.transport)
    now, waiting, visiting = gather.end, 0, 0
    position = 1
    for number, stop in enumerate(plan.stops, start=1):
        travel, visit = items[position], items[position + 1]
        assert travel.start == now and travel.leg is not None
        assert travel.leg.to_stop_id == stop.id and travel.stop_number == number
        assert _length(travel.start, travel.end) == travel.leg.minutes
        if stop.leg_minutes_override is not None:
            assert travel.leg.minutes == stop.leg_minutes_override and travel.leg.overridden
        else:
            assert not travel.leg.overridden
        assert (visit.stop_id, visit.stop_number) == (stop.id, number)
        if stop.start_override is None:
            assert visit.start == travel.end and not visit.overridden
        elif stop.start_override < travel.end:  # fixed too early: flagged, starts on arrival
            assert visit.start == travel.end and visit.overridden
        else:
            assert visit.start == stop.start_override and visit.overridden
            waiting += _length(travel.end, visit.start)
        assert (stop.id in early) == (
            stop.start_override is not None and stop.start_override < travel.end
        )
        place = stop_place(stop, SITES)
        assert _length(visit.start, visit.end) == visit_length(stop, place.site)
        visiting += visit_length(stop, place.site)
        moment = visit.start
        for activity, row in zip(stop.activities, items[position + 2 :], strict=False):
            assert row.start == moment and _length(row.start, row.end) == activity.minutes
            assert row.stop_id == stop.id and row.activity_kind is activity.kind
            moment = row.end
        assert moment <= visit.end  # the visit lasts at least as long as its activities
        now = visit.end
        position += 2 + len(stop.activities)
    if plan.returns_to_gathering and plan.stops:
        back, home = items[-2], items[-1]
        assert back.start == now and back.leg is not None and back.leg.to_stop_id is None
        if plan.return_leg_override is not None:
            assert back.leg.minutes == plan.return_leg_override
        now = back.end
        assert home.start == home.end == now

    assert schedule.end == now
    assert len(schedule.legs) == len(plan.stops) + (plan.returns_to_gathering and bool(plan.stops))
    assert schedule.travel_minutes == sum(leg.minutes for leg in schedule.legs)
    assert schedule.travel_minutes == sum(
        _length(item.start, item.end) for item in items if item.kind is ItemKind.TRAVEL
    )
    assert schedule.total_km == sum(leg.km for leg in schedule.legs)
    boarding = TRAVEL.boarding_minutes(plan.transport)
    assert schedule.total_minutes == boarding + schedule.travel_minutes + visiting + waiting
    assert schedule.total_minutes == _length(schedule.start, schedule.end)


@settings(max_examples=200, deadline=None)
@given(plans())
def test_estimated_legs_and_unknown_positions(plan: Plan) -> None:
    schedule = compute_schedule(plan, SITES, TRAVEL)
    gathering = gathering_place(plan.gathering, SITES)
    places = [stop_place(stop, SITES) for stop in plan.stops]
    route = [gathering, *places, *([gathering] if plan.returns_to_gathering and places else [])]
    overrides = [s.leg_minutes_override for s in plan.stops] + [plan.return_leg_override]
    for index, leg in enumerate(schedule.legs):
        a, b = route[index].point, route[index + 1].point
        known = a is not None and b is not None
        assert leg.distance_known is known
        assert leg.km == (distance_km(a, b) if a is not None and b is not None else 0.0)
        assert (leg.from_name, leg.to_name) == (route[index].name, route[index + 1].name)
        if overrides[index] is None:
            expected = leg_minutes(leg.km, plan.transport, TRAVEL, boarding=index > 0)
            assert leg.minutes == expected
    unknown = {f.stop_id for f in schedule.flags if f.code is ScheduleFlagCode.UNKNOWN_DISTANCE}
    expected_unknown = {s.id for s, p in zip(plan.stops, places, strict=True) if p.point is None}
    if plan.stops and gathering.point is None:
        expected_unknown.add(None)  # type: ignore[arg-type]
    assert unknown == expected_unknown


def test_waiting_for_a_fixed_start_is_part_of_the_day() -> None:
    plan = make_plan(
        [Stop(site_id=2, visit_minutes=60, start_override=time(11, 0))],
        gathering=GatheringPoint(custom=custom_place("单位大门", TAIYUAN_CENTRE)),
        returns=False,
    )
    schedule: Schedule = compute_schedule(plan, SITES, DEFAULT_SETTINGS)
    travel, visit = schedule.items[1], schedule.items[2]
    assert travel.end < time(9, 0) and visit.start == time(11, 0)
    assert schedule.end == time(12, 0)
    assert schedule.total_minutes == 4 * 60
    assert schedule.travel_minutes < 60 and not schedule.flags
