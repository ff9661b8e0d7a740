"""Travel estimates and the timed schedule of a plan."""

from __future__ import annotations

import math
import time as clock
from dataclasses import replace
from datetime import time
from itertools import pairwise

import pytest

from factories import (
    EAST,
    LOUFAN,
    NORTH,
    TAIYUAN_CENTRE,
    WEST,
    custom_place,
    make_plan,
    make_site,
    site_map,
    site_stop,
)
from hongtu.core.geo import LatLon
from hongtu.core.plans import (
    Activity,
    ActivityKind,
    CustomPlace,
    GatheringPoint,
    ItemKind,
    Schedule,
    ScheduleFlag,
    ScheduleFlagCode,
    ScheduleItem,
    Stop,
    TransportMode,
)
from hongtu.core.routing import (
    DEFAULT_SETTINGS,
    TravelSettings,
    distance_km,
    leg_minutes,
    travel_matrix,
)
from hongtu.core.schedule import compute_schedule, minutes_of, visit_length

SITES = site_map(
    [
        make_site(1, "北馆", point=NORTH, visit_minutes=90),
        make_site(2, "东馆", point=EAST),
        make_site(3, "无位置旧址", point=None),
        make_site(4, "高君宇故居", point=LOUFAN, visit_minutes=120),
    ]
)


def kinds(schedule: Schedule) -> list[ItemKind]:
    return [item.kind for item in schedule.items]


# ---- routing ---------------------------------------------------------------------------------


def test_distance_is_geodesic_and_symmetric() -> None:
    km = distance_km(TAIYUAN_CENTRE, LOUFAN)
    assert 65 < km < 75
    assert distance_km(LOUFAN, TAIYUAN_CENTRE) == km
    assert distance_km(NORTH, NORTH) == 0.0


def test_leg_minutes_rounds_up_and_adds_boarding() -> None:
    settings = TravelSettings()
    # 10 km × 1.3 = 13 road km at 35 km/h = 22.29 min → 23, plus 10 boarding
    assert leg_minutes(10.0, TransportMode.COACH, settings) == 33
    assert leg_minutes(10.0, TransportMode.COACH, settings, boarding=False) == 23
    # 1 km × 1.2 on foot at 4 km/h = 18 min, no boarding buffer
    assert leg_minutes(1.0, TransportMode.WALK, settings) == 18


def catalogue_point(name: str) -> LatLon:
    """A site's position as the bundled catalogue gives it."""
    from hongtu.core.catalogue import load_catalogue

    entry = next(e for e in load_catalogue() if e.name == name)
    assert entry.position is not None
    return entry.position.point


def test_a_coach_to_gaojunyu_is_timed_by_expressway_and_a_city_leg_as_before() -> None:
    """太原解放纪念馆 → 高君宇故居 (~81 km geodesic, ~106 road km) was 192 minutes at the urban
    35 km/h all the way; a coach does it in 1½–2 hours. The first 15 road km at 35 km/h
    (25.7 min), the other 90.8 at 70 km/h (77.8 min), plus boarding: 114."""
    memorial = catalogue_point("太原解放纪念馆")
    far = distance_km(memorial, catalogue_point("高君宇故居"))
    assert 80 < far < 83
    assert leg_minutes(far, TransportMode.COACH, DEFAULT_SETTINGS) == 114
    assert leg_minutes(far, TransportMode.CARS, DEFAULT_SETTINGS) < 114
    # a leg across town keeps its urban time: 5.9 km × 1.3 = 7.7 road km at 35 km/h = 14 min
    near = distance_km(memorial, catalogue_point("八路军驻晋办事处旧址"))
    assert leg_minutes(near, TransportMode.COACH, DEFAULT_SETTINGS, boarding=False) == 14
    # the organiser's speeds: an intercity speed as slow as the town's is the old estimate
    town_speed = TravelSettings(coach_intercity_kmh=35.0)
    assert leg_minutes(far, TransportMode.COACH, town_speed) == 192
    assert leg_minutes(near, TransportMode.COACH, town_speed) == 24
    everything_urban = TravelSettings(urban_road_km=1000.0)
    assert leg_minutes(far, TransportMode.COACH, everything_urban) == 192
    # walking has one speed, however far
    walk = leg_minutes(far, TransportMode.WALK, DEFAULT_SETTINGS)
    assert walk == math.ceil(round(far * 1.2 / 4.0 * 60, 6))


def test_leg_minutes_has_a_minimum() -> None:
    assert leg_minutes(0.0, TransportMode.WALK, DEFAULT_SETTINGS) == 5
    assert leg_minutes(0.0, TransportMode.COACH, DEFAULT_SETTINGS, boarding=False) == 5
    assert leg_minutes(0.0, TransportMode.COACH, DEFAULT_SETTINGS) == 10


def test_settings_are_validated_and_hashable() -> None:
    with pytest.raises(ValueError):
        TravelSettings(coach_kmh=0)
    with pytest.raises(ValueError):
        TravelSettings(road_detour=0.9)
    with pytest.raises(ValueError):
        TravelSettings(min_leg_minutes=-1)
    assert hash(TravelSettings()) == hash(DEFAULT_SETTINGS)


def test_travel_matrix_is_cached_and_marks_unknown_legs() -> None:
    points = (TAIYUAN_CENTRE, NORTH, None)
    matrix = travel_matrix(points, TransportMode.COACH, DEFAULT_SETTINGS)
    assert travel_matrix(points, TransportMode.COACH, DEFAULT_SETTINGS) is matrix
    assert matrix.known[0][1] and not matrix.known[1][2] and not matrix.known[2][0]
    assert matrix.km[1][2] == 0.0
    km = distance_km(TAIYUAN_CENTRE, NORTH)
    coach = TransportMode.COACH
    assert matrix.minutes[0][1] == leg_minutes(km, coach, DEFAULT_SETTINGS, boarding=False)
    assert matrix.minutes[1][0] == leg_minutes(km, coach, DEFAULT_SETTINGS)


# ---- the schedule ----------------------------------------------------------------------------


def test_a_two_stop_day_in_order() -> None:
    plan = make_plan(
        [
            site_stop(1, Activity(ActivityKind.TOUR, 60), Activity(ActivityKind.OATH, 15)),
            site_stop(2, Activity(ActivityKind.LESSON, 45, "现场党课：太原解放")),
        ]
    )
    schedule = compute_schedule(plan, SITES, DEFAULT_SETTINGS)
    assert kinds(schedule) == [
        ItemKind.GATHER,
        ItemKind.TRAVEL,
        ItemKind.VISIT,
        ItemKind.ACTIVITY,
        ItemKind.ACTIVITY,
        ItemKind.TRAVEL,
        ItemKind.VISIT,
        ItemKind.ACTIVITY,
        ItemKind.TRAVEL,
        ItemKind.RETURN,
    ]
    items = schedule.items
    gather, first_leg, visit1, tour, oath, second_leg, visit2, lesson, back, ret = items
    assert (gather.start, gather.end, gather.title) == (time(8, 0), time(8, 10), "单位大门")
    first_km = distance_km(TAIYUAN_CENTRE, NORTH)
    expected_first = leg_minutes(first_km, TransportMode.COACH, DEFAULT_SETTINGS, boarding=False)
    assert first_leg.leg is not None
    assert first_leg.leg.minutes == expected_first
    assert first_leg.leg.km == pytest.approx(first_km)
    assert (first_leg.leg.from_name, first_leg.leg.to_name) == ("单位大门", "北馆")
    assert first_leg.start == time(8, 10)
    assert visit1.start == first_leg.end
    assert (visit1.title, visit1.stop_number, visit1.stop_id) == ("北馆", 1, plan.stops[0].id)
    assert visit1.point == NORTH
    # the site's default of 90 minutes is longer than the 75 minutes of activities
    assert _span(visit1) == 90
    assert (tour.start, tour.end) == (visit1.start, _add(visit1.start, 60))
    assert (oath.start, _span(oath)) == (tour.end, 15)
    assert oath.activity_kind is ActivityKind.OATH and oath.title == ""
    assert lesson.title == "现场党课：太原解放"
    assert second_leg.start == visit1.end
    assert second_leg.leg is not None and second_leg.leg.to_stop_id == plan.stops[1].id
    boarding = leg_minutes(distance_km(NORTH, EAST), TransportMode.COACH, DEFAULT_SETTINGS)
    assert second_leg.leg.minutes == boarding
    assert _span(visit2) == 60  # the default visit
    assert back.leg is not None and back.leg.to_stop_id is None and back.leg.to_name == "单位大门"
    assert ret.start == ret.end == back.end == schedule.end
    assert ret.point == TAIYUAN_CENTRE
    assert schedule.legs == (first_leg.leg, second_leg.leg, back.leg)
    assert schedule.travel_minutes == sum(leg.minutes for leg in schedule.legs)
    assert schedule.total_km == pytest.approx(sum(leg.km for leg in schedule.legs))
    assert schedule.total_minutes == _minutes(schedule.end) - 8 * 60
    assert schedule.flags == ()


def test_activities_longer_than_the_visit_extend_it() -> None:
    stop = site_stop(2, Activity(ActivityKind.TOUR, 50), Activity(ActivityKind.LESSON, 40))
    assert visit_length(stop, SITES[2]) == 90
    stop.visit_minutes = 120
    assert visit_length(stop, SITES[2]) == 120
    stop.visit_minutes = 0
    assert visit_length(stop, SITES[2]) == 90
    assert visit_length(Stop(custom=custom_place("饭店", WEST)), None) == 60


def test_leg_override_is_used_and_marked() -> None:
    plan = make_plan([site_stop(1, leg_minutes_override=42)])
    plan.return_leg_override = 7
    schedule = compute_schedule(plan, SITES, DEFAULT_SETTINGS)
    first, back = schedule.legs
    assert (first.minutes, first.overridden) == (42, True)
    assert (back.minutes, back.overridden) == (7, True)
    travel = [item for item in schedule.items if item.kind is ItemKind.TRAVEL]
    assert all(item.overridden for item in travel)
    assert travel[0].end == time(8, 52)


def test_start_override_later_than_arrival_waits() -> None:
    plan = make_plan([site_stop(1, start_override=time(10, 0))])
    schedule = compute_schedule(plan, SITES, DEFAULT_SETTINGS)
    visit = next(item for item in schedule.items if item.kind is ItemKind.VISIT)
    assert visit.start == time(10, 0) and visit.overridden
    assert schedule.flags == ()


def test_start_override_earlier_than_arrival_is_flagged_and_the_visit_starts_on_arrival() -> None:
    plan = make_plan([site_stop(4, start_override=time(8, 30))])  # Loufan is ~80 min away
    schedule = compute_schedule(plan, SITES, DEFAULT_SETTINGS)
    travel, visit = schedule.items[1], schedule.items[2]
    assert visit.start == travel.end and visit.overridden  # the day does not run backwards
    early = minutes_of(travel.end) - 8 * 60 - 30
    assert schedule.flags == (
        ScheduleFlag(
            ScheduleFlagCode.START_BEFORE_ARRIVAL,
            plan.stops[0].id,
            travel.end,
            minutes_early=early,
        ),
    )


def test_a_fixed_start_the_day_has_passed_by_midnight_does_not_shorten_the_day() -> None:
    """第2站 fixed at 23:00 and 第4站 at 09:00: the group reaches 第4站 after midnight, so
    09:00 cannot be kept; the day runs past midnight and is as long as it really is."""
    plan = make_plan([site_stop(1), site_stop(2), site_stop(1), site_stop(2), site_stop(1)])
    plan.stops[1].start_override = time(23, 0)
    plan.stops[3].start_override = time(9, 0)
    schedule = compute_schedule(plan, SITES, DEFAULT_SETTINGS)
    assert schedule.total_minutes > 24 * 60 - 8 * 60  # from 08:00 to past midnight
    starts = [minutes_of(item.start) for item in schedule.items]
    # one midnight, and never back in time otherwise
    assert sum(after < before for before, after in pairwise(starts)) == 1
    (flag,) = [f for f in schedule.flags if f.code is ScheduleFlagCode.START_BEFORE_ARRIVAL]
    assert flag.stop_id == plan.stops[3].id and flag.arrival_day == 1
    assert flag.minutes_early == 24 * 60 + minutes_of(flag.arrival) - 9 * 60 > 0


def test_a_stop_without_position_gets_zero_km_legs_and_a_flag() -> None:
    plan = make_plan([site_stop(1), site_stop(3), site_stop(2)])
    schedule = compute_schedule(plan, SITES, DEFAULT_SETTINGS)
    known = [leg.distance_known for leg in schedule.legs]
    assert known == [True, False, False, True]
    assert schedule.legs[1].km == 0.0 and schedule.legs[2].km == 0.0
    assert schedule.legs[1].minutes == DEFAULT_SETTINGS.coach_boarding_minutes
    assert schedule.flags == (ScheduleFlag(ScheduleFlagCode.UNKNOWN_DISTANCE, plan.stops[1].id),)


def test_no_gathering_point_yet_is_flagged_not_fatal() -> None:
    plan = make_plan([site_stop(1)], gathering=GatheringPoint())
    schedule = compute_schedule(plan, SITES, DEFAULT_SETTINGS)
    assert schedule.items[0].title == "" and schedule.items[0].point is None
    assert not schedule.legs[0].distance_known and not schedule.legs[-1].distance_known
    assert schedule.flags == (ScheduleFlag(ScheduleFlagCode.UNKNOWN_DISTANCE, None),)


def test_a_named_gathering_point_without_a_coordinate_has_unknown_legs() -> None:
    gate = GatheringPoint(custom=CustomPlace("单位大门"))
    plan = make_plan([site_stop(1), site_stop(2)], gathering=gate)
    schedule = compute_schedule(plan, SITES, DEFAULT_SETTINGS)
    assert schedule.items[0].title == "单位大门" and schedule.items[0].point is None
    assert schedule.items[-1].kind is ItemKind.RETURN and schedule.items[-1].title == "单位大门"
    first, middle, back = schedule.legs
    assert (first.from_name, back.to_name) == ("单位大门", "单位大门")
    assert not first.distance_known and not back.distance_known and middle.distance_known
    assert first.km == 0.0 and back.km == 0.0
    assert first.minutes == DEFAULT_SETTINGS.min_leg_minutes  # no boarding buffer on leg 1
    assert back.minutes == DEFAULT_SETTINGS.coach_boarding_minutes  # the minimum, with boarding
    assert schedule.total_km == pytest.approx(distance_km(NORTH, EAST))
    assert schedule.flags == (ScheduleFlag(ScheduleFlagCode.UNKNOWN_DISTANCE, None),)


def test_gathering_at_a_catalogue_site() -> None:
    plan = make_plan([site_stop(2)], gathering=GatheringPoint(site_id=1))
    schedule = compute_schedule(plan, SITES, DEFAULT_SETTINGS)
    assert schedule.items[0].title == "北馆" and schedule.items[-1].title == "北馆"
    assert schedule.legs[0].km == pytest.approx(distance_km(NORTH, EAST))


def test_a_site_missing_from_the_catalogue_does_not_crash() -> None:
    plan = make_plan([site_stop(99)])
    schedule = compute_schedule(plan, SITES, DEFAULT_SETTINGS)
    visit = schedule.items[2]
    assert visit.title == "" and visit.point is None
    assert _span(visit) == 60


def test_without_return_the_day_ends_after_the_last_visit() -> None:
    plan = make_plan([site_stop(1), site_stop(2)], returns=False)
    schedule = compute_schedule(plan, SITES, DEFAULT_SETTINGS)
    assert schedule.items[-1].kind is ItemKind.VISIT
    assert schedule.end == schedule.items[-1].end
    assert len(schedule.legs) == 2


def test_an_empty_plan_is_just_the_gathering() -> None:
    schedule = compute_schedule(make_plan([]), SITES, DEFAULT_SETTINGS)
    assert kinds(schedule) == [ItemKind.GATHER]
    assert (schedule.total_minutes, schedule.travel_minutes, schedule.total_km) == (10, 0, 0.0)


def test_walking_has_no_gathering_buffer_and_slow_legs() -> None:
    plan = make_plan(
        [Stop(custom=custom_place("纪念碑", LatLon(37.8796, 112.5489)))],
        transport=TransportMode.WALK,
    )
    schedule = compute_schedule(plan, SITES, DEFAULT_SETTINGS)
    gather, travel = schedule.items[0], schedule.items[1]
    assert gather.start == gather.end == time(8, 0)
    assert travel.leg is not None
    # 1.0 km × 1.2 at 4 km/h = 18 minutes
    assert travel.leg.minutes == 18
    assert travel.title == "纪念碑"


def test_settings_change_the_estimate() -> None:
    plan = make_plan([site_stop(4)])
    slow = compute_schedule(plan, SITES, replace(DEFAULT_SETTINGS, coach_kmh=20))
    fast = compute_schedule(plan, SITES, DEFAULT_SETTINGS)
    assert slow.travel_minutes > fast.travel_minutes


def test_a_day_past_midnight_wraps_the_clock_but_not_the_total() -> None:
    plan = make_plan([site_stop(1, visit_minutes=1000)], gathering_time=time(20, 0))
    schedule = compute_schedule(plan, SITES, DEFAULT_SETTINGS)
    assert schedule.total_minutes > 1000
    assert schedule.end < schedule.start


def test_twenty_stops_are_scheduled_in_well_under_5_ms() -> None:
    sites = site_map(
        make_site(i, f"站点{i}", point=LatLon(37.7 + i * 0.01, 112.4 + (i % 5) * 0.03))
        for i in range(1, 21)
    )
    plan = make_plan(
        [
            site_stop(i, Activity(ActivityKind.TOUR, 30), Activity(ActivityKind.OATH, 10))
            for i in range(1, 21)
        ]
    )
    compute_schedule(plan, sites, DEFAULT_SETTINGS)  # distances are cached after a first call
    timings = []
    for _ in range(20):
        began = clock.perf_counter()
        compute_schedule(plan, sites, DEFAULT_SETTINGS)
        timings.append(clock.perf_counter() - began)
    assert min(timings) < 0.005


# ---- helpers ---------------------------------------------------------------------------------


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _span(item: ScheduleItem) -> int:
    return _minutes(item.end) - _minutes(item.start)


def _add(moment: time, minutes: int) -> time:
    total = _minutes(moment) + minutes
    return time(total // 60, total % 60)
