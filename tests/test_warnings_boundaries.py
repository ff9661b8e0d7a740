"""Warnings at their edges: the lunch hint at exactly 40 free minutes, a day past midnight, the
latest return and the hour of lunch, and each site's warning on the row of the stop it is about."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from factories import EAST, NORTH, make_plan, make_rules, make_site, site_map, site_stop
from hongtu.core.plans import Activity, ActivityKind, CustomPlace, GatheringPoint, Plan, Stop
from hongtu.core.routing import DEFAULT_SETTINGS, TravelSettings
from hongtu.core.schedule import compute_schedule
from hongtu.core.sites import Site
from hongtu.core.warnings import (
    PlanWarning,
    Severity,
    WarningCode,
    fold_warnings,
    plan_warnings,
    preflight,
    worst_by_stop,
)

WEDNESDAY = date(2025, 10, 15)
MONDAY = date(2025, 10, 13)
TODAY = date(2025, 10, 1)
NORTH_HALL = make_site(
    1,
    "北馆",
    point=NORTH,
    rules=make_rules(
        opens=time(0, 0), closes=time(23, 59), last_entry=None, closed_weekdays=frozenset()
    ),
)
EAST_HALL = make_site(
    2,
    "东馆",
    point=EAST,
    rules=make_rules(
        opens=time(0, 0), closes=time(23, 59), last_entry=None, closed_weekdays=frozenset()
    ),
)
SITES = site_map([NORTH_HALL, EAST_HALL])


def warnings_of(
    plan: Plan, sites: dict[int, Site] = SITES, settings: TravelSettings = DEFAULT_SETTINGS
) -> list[PlanWarning]:
    schedule = compute_schedule(plan, sites, settings)
    return plan_warnings(plan, schedule, sites, settings, TODAY, max_day_minutes=24 * 60)


def lunch_hint(plan: Plan, settings: TravelSettings = DEFAULT_SETTINGS) -> PlanWarning | None:
    found = [w for w in warnings_of(plan, settings=settings) if w.code is WarningCode.NO_LUNCH]
    assert len(found) <= 1
    return found[0] if found else None


# ---- the lunch hint: 40 free minutes between 11:00 and 14:00 are enough to eat ------------------


def two_stops_with_a_wait(second_start: time) -> Plan:
    """Gather 10:00 (boarding 10 min), 北馆 10:30–12:00, on to 东馆 by 12:10, start fixed later,
    90 minutes there and 20 back."""
    plan = make_plan(
        [
            site_stop(1, visit_minutes=90, leg_minutes_override=20),
            site_stop(2, visit_minutes=90, leg_minutes_override=10, start_override=second_start),
        ],
        gathering_time=time(10, 0),
    )
    return replace(plan, return_leg_override=20)


def test_a_wait_of_forty_minutes_at_lunchtime_is_time_to_eat() -> None:
    assert lunch_hint(two_stops_with_a_wait(time(12, 50))) is None  # waits 12:10–12:50
    hint = lunch_hint(two_stops_with_a_wait(time(12, 49)))  # 39 minutes: too short
    assert hint is not None
    assert (hint.stop_id, hint.site_name, hint.severity) == (None, "", Severity.INFO)
    assert hint.details == {"start": "10:00", "end": "14:39"}


def one_long_visit(gathering: time, visit_minutes: int, return_minutes: int = 20) -> Plan:
    """Gather (boarding 10 min), 20 minutes to 北馆, one visit, ``return_minutes`` back."""
    plan = make_plan(
        [site_stop(1, visit_minutes=visit_minutes, leg_minutes_override=20)],
        gathering_time=gathering,
    )
    return replace(plan, return_leg_override=return_minutes)


def test_gathering_late_in_the_morning_leaves_time_to_eat_before() -> None:
    # the group is free 11:00–11:40 before it gathers
    assert lunch_hint(one_long_visit(time(11, 40), 180)) is None
    hint = lunch_hint(one_long_visit(time(11, 39), 180))  # 39 free minutes before gathering
    assert hint is not None and hint.details["start"] == "11:39"


def test_back_by_one_twenty_leaves_time_to_eat_after() -> None:
    # gather 09:00, 北馆 09:30–13:00, back at 13:20: free 13:20–14:00
    assert lunch_hint(one_long_visit(time(9, 0), 210, return_minutes=20)) is None
    hint = lunch_hint(one_long_visit(time(9, 0), 210, return_minutes=21))  # back 13:21
    assert hint is not None and hint.details == {"start": "09:00", "end": "13:21"}


def test_gathering_itself_is_not_free_time() -> None:
    # a 40-minute gathering from 11:00 fills the only free stretch before the visit
    slow_boarding = TravelSettings(coach_boarding_minutes=40)
    plan = one_long_visit(time(11, 0), 180)
    assert lunch_hint(plan, slow_boarding) is not None
    # the same group gathering at 11:40 is free before it
    assert lunch_hint(one_long_visit(time(11, 40), 180), slow_boarding) is None


def test_a_day_that_runs_past_midnight_still_gets_the_lunch_hint() -> None:
    # gather 09:00, 北馆 09:30 until 00:30 the next day, back at 00:50
    plan = one_long_visit(time(9, 0), 900)
    hint = lunch_hint(plan)
    assert hint is not None
    assert hint.details == {"start": "09:00", "end": "00:50"}


def test_past_midnight_the_small_hours_are_the_next_day_not_the_morning() -> None:
    """Gather 06:00, 北馆 06:30–11:00, 东馆 11:10 until 00:20 the next day: the visit covers all
    of lunchtime although its end (00:20) reads earlier than its start on the clock."""
    plan = make_plan(
        [
            site_stop(1, visit_minutes=270, leg_minutes_override=20),
            site_stop(2, visit_minutes=13 * 60 + 10, leg_minutes_override=10),
        ],
        gathering_time=time(6, 0),
    )
    hint = lunch_hint(replace(plan, return_leg_override=30))
    assert hint is not None and hint.details == {"start": "06:00", "end": "00:50"}


# ---- each site's warning names its stop and its site -------------------------------------------


def closed_on_monday(site_id: int, name: str, **rules: object) -> Site:
    point = NORTH if site_id == 1 else EAST
    return make_site(
        site_id, name, point=point, rules=make_rules(**rules), phone=f"0351-00{site_id}"
    )


@pytest.mark.parametrize(
    ("rules", "on", "code"),
    [
        (
            {"closed_weekdays": frozenset({0}), "open_on_public_holidays": False},
            MONDAY,
            WarningCode.SITE_CLOSED,
        ),
        (
            {"closed_weekdays": frozenset({0}), "open_on_public_holidays": True},
            MONDAY,
            WarningCode.SITE_CLOSED,
        ),
        ({"closed_weekdays": frozenset({0})}, date(2027, 10, 4), WarningCode.HOLIDAY_DATA_UNKNOWN),
        ({"opens": None}, WEDNESDAY, WarningCode.CONFIRM_HOURS_BY_PHONE),
        ({"opens": time(11, 0)}, WEDNESDAY, WarningCode.ARRIVAL_BEFORE_OPENING),
        (
            {"last_entry": time(8, 0), "closes": time(17, 0)},
            WEDNESDAY,
            WarningCode.ARRIVAL_AFTER_LAST_ENTRY,
        ),
        (
            {"last_entry": None, "closes": time(8, 0), "opens": time(7, 0)},
            WEDNESDAY,
            WarningCode.ARRIVAL_AFTER_CLOSING,
        ),
        ({"reservation_lead_days": 30}, WEDNESDAY, WarningCode.RESERVATION_TOO_LATE),
        ({"max_group_size": 10}, WEDNESDAY, WarningCode.GROUP_TOO_LARGE),
    ],
)
def test_a_site_warning_is_on_its_own_stop_and_names_its_site(
    rules: dict[str, object], on: date, code: WarningCode
) -> None:
    """Two stops; only the second site breaks the rule: the warning is on the second row."""
    fine = make_site(1, "北馆", point=NORTH, rules=make_rules(closed_weekdays=frozenset()))
    strict = closed_on_monday(2, "东馆", **rules)
    plan = make_plan(
        [site_stop(1, visit_minutes=30), site_stop(2, visit_minutes=30)],
        on=on,
        gathering_time=time(8, 30),
    )
    sites = site_map([fine, strict])
    found = [w for w in warnings_of(plan, sites) if w.code is code]
    assert [(w.stop_id, w.site_name) for w in found] == [(plan.stops[1].id, "东馆")]
    if code in (WarningCode.SITE_CLOSED, WarningCode.HOLIDAY_DATA_UNKNOWN):
        assert found[0].details["weekday"] == 0


# ---- as the organiser reads them ---------------------------------------------------------------


def test_a_row_is_marked_with_its_worst_warning_whatever_the_order() -> None:
    def warning(stop_id: str, severity: Severity) -> PlanWarning:
        return PlanWarning(WarningCode.ARRIVAL_BEFORE_OPENING, stop_id, "北馆", {}, severity)

    marks = worst_by_stop(
        [
            warning("a", Severity.WARNING),
            warning("a", Severity.PROBLEM),
            warning("a", Severity.WARNING),
            warning("b", Severity.WARNING),
            warning("b", Severity.INFO),
            warning("c", Severity.INFO),
        ]
    )
    assert marks == {"a": Severity.PROBLEM, "b": Severity.WARNING}


def test_the_gathering_points_notice_stays_apart_from_the_stops_folded_one() -> None:
    """No coordinate for the gathering point nor for two stops: the gathering point's line and
    one line for both stops."""
    nowhere = [make_site(i, f"旧址{i}", point=None) for i in (1, 2)]
    plan = make_plan(
        [site_stop(1), site_stop(2)],
        gathering=GatheringPoint(custom=CustomPlace("单位大门", None)),
    )
    groups = [
        g
        for g in fold_warnings(warnings_of(plan, site_map(nowhere)))
        if g.code is WarningCode.UNKNOWN_DISTANCE
    ]
    assert [g.stop_ids for g in groups] == [(), (plan.stops[0].id, plan.stops[1].id)]
    assert [w.details["place"] for w in groups[0].warnings] == ["gathering"]


def test_the_pre_flight_notices_about_the_whole_plan_name_no_stop_or_site() -> None:
    empty = make_plan([], gathering=GatheringPoint())
    found = preflight(empty, [])
    assert [(w.code, w.stop_id, w.site_name) for w in found] == [
        (WarningCode.NO_STOPS, None, ""),
        (WarningCode.NO_GATHERING, None, ""),
    ]


# ---- the whole day, the gathering point and places outside the catalogue ------------------------


def test_a_day_exactly_as_long_as_the_longest_day_set_is_not_too_long() -> None:
    plan = one_long_visit(time(9, 0), 180)  # 09:00–12:50: 230 minutes
    schedule = compute_schedule(plan, SITES, DEFAULT_SETTINGS)
    assert schedule.total_minutes == 230

    def too_long(max_minutes: int) -> list[PlanWarning]:
        found = plan_warnings(plan, schedule, SITES, DEFAULT_SETTINGS, TODAY, max_minutes)
        return [w for w in found if w.code is WarningCode.DAY_TOO_LONG]

    assert too_long(230) == []
    (warning,) = too_long(229)
    assert (warning.stop_id, warning.site_name) == (None, "")
    assert warning.details == {"minutes": 230, "max_minutes": 229}


def test_a_site_without_a_phone_number_still_names_itself_in_the_hours_notice() -> None:
    unknown_hours = make_site(2, "东馆", point=EAST, rules=make_rules(opens=None, closes=None))
    plan = make_plan([site_stop(1), site_stop(2)], gathering_time=time(8, 30))
    found = [
        w
        for w in warnings_of(plan, site_map([NORTH_HALL, unknown_hours]))
        if w.code is WarningCode.CONFIRM_HOURS_BY_PHONE
    ]
    assert [(w.stop_id, w.site_name, w.details) for w in found] == [(plan.stops[1].id, "东馆", {})]


def test_a_custom_place_first_does_not_hide_the_sites_after_it() -> None:
    closed = make_site(2, "东馆", point=EAST, rules=make_rules(closed_weekdays=frozenset({0})))
    restaurant = Stop(custom=CustomPlace("午餐饭店", NORTH))
    plan = make_plan([restaurant, site_stop(2)], on=MONDAY, gathering_time=time(8, 30))
    found = warnings_of(plan, site_map([closed]))
    assert [(w.code, w.stop_id) for w in found if w.code is WarningCode.SITE_CLOSED] == [
        (WarningCode.SITE_CLOSED, plan.stops[1].id)
    ]


def test_a_catalogue_gathering_point_without_a_position_is_named_in_the_distance_notice() -> None:
    nowhere = make_site(7, "无坐标旧址", point=None)
    plan = make_plan(
        [site_stop(1)], gathering=GatheringPoint(site_id=7), gathering_time=time(8, 30)
    )
    found = [
        w
        for w in warnings_of(plan, site_map([NORTH_HALL, nowhere]))
        if w.code is WarningCode.UNKNOWN_DISTANCE
    ]
    assert [(w.stop_id, w.site_name, w.details) for w in found] == [
        (None, "无坐标旧址", {"place": "gathering"})
    ]


def test_notices_from_a_schedule_made_before_a_stop_was_removed_still_cover_the_others() -> None:
    """The schedule is a step behind the plan (a stop just removed): its flags for the removed
    stop are dropped, the remaining stops' flags are all kept."""
    unplaced = [make_site(i, f"旧址{i}", point=None) for i in (1, 2, 3)]
    sites = site_map(unplaced)
    before = make_plan([site_stop(1), site_stop(2), site_stop(3)], gathering_time=time(8, 30))
    schedule = compute_schedule(before, sites, DEFAULT_SETTINGS)
    after = replace(before, stops=before.stops[1:])
    found = plan_warnings(after, schedule, sites, DEFAULT_SETTINGS, TODAY)
    distances = [w.stop_id for w in found if w.code is WarningCode.UNKNOWN_DISTANCE]
    assert distances == [after.stops[0].id, after.stops[1].id]


def test_a_site_gone_from_the_catalogue_is_named_on_its_row_and_the_rest_still_checked() -> None:
    closed = make_site(2, "东馆", point=EAST, rules=make_rules(closed_weekdays=frozenset({0})))
    plan = make_plan([site_stop(99), site_stop(2)], on=MONDAY, gathering_time=time(8, 30))
    found = warnings_of(plan, site_map([closed]))
    named = (WarningCode.SITE_MISSING, WarningCode.SITE_CLOSED)
    assert [(w.code, w.stop_id, w.site_name) for w in found if w.code in named] == [
        (WarningCode.SITE_MISSING, plan.stops[0].id, ""),
        (WarningCode.SITE_CLOSED, plan.stops[1].id, "东馆"),
    ]
    assert [w.details for w in found if w.code is WarningCode.SITE_MISSING] == [{"site_id": 99}]


def test_the_gathering_points_notices_come_before_the_first_stops() -> None:
    closed = make_site(1, "北馆", point=NORTH, rules=make_rules(closed_weekdays=frozenset({0})))
    plan = make_plan(
        [site_stop(1)],
        on=MONDAY,
        gathering=GatheringPoint(custom=CustomPlace("单位大门", None)),
        gathering_time=time(8, 30),
    )
    named = (WarningCode.UNKNOWN_DISTANCE, WarningCode.SITE_CLOSED)
    found = warnings_of(plan, site_map([closed]))
    assert [(w.code, w.stop_id) for w in found if w.code in named] == [
        (WarningCode.UNKNOWN_DISTANCE, None),
        (WarningCode.SITE_CLOSED, plan.stops[0].id),
    ]


# ---- the latest return (返回时间（最晚）) and the hour of lunch ------------------------------


def day_of(*, return_by: time | None, visit: int = 300) -> Plan:
    """Gather 08:00 (boarding 10 min), 20 minutes to 北馆, ``visit`` minutes there, 20 back."""
    plan = make_plan([site_stop(1, visit_minutes=visit, leg_minutes_override=20)])
    return replace(plan, return_leg_override=20, return_by=return_by)


def test_a_day_that_ends_after_the_latest_return_is_warned_of_by_how_much() -> None:
    plan = day_of(return_by=time(13, 30), visit=300)  # back 13:50
    schedule = compute_schedule(plan, SITES, DEFAULT_SETTINGS)
    assert schedule.end == time(13, 50)
    late = [w for w in warnings_of(plan) if w.code is WarningCode.RETURN_TOO_LATE]
    assert [w.details for w in late] == [
        {"end": "13:50", "return_by": "13:30", "minutes_late": 20, "complete": 1}
    ]
    assert late[0].severity is Severity.WARNING and late[0].stop_id is None
    assert late[0] in preflight(plan, warnings_of(plan))  # said again before printing


@pytest.mark.parametrize("return_by", [None, time(13, 50), time(15, 0)])
def test_a_day_back_in_time_or_with_no_latest_return_is_not_warned_of(
    return_by: time | None,
) -> None:
    plan = day_of(return_by=return_by, visit=300)
    assert WarningCode.RETURN_TOO_LATE not in [w.code for w in warnings_of(plan)]


def test_a_day_past_midnight_is_later_than_any_latest_return() -> None:
    plan = day_of(return_by=time(23, 30), visit=960)  # back 00:50 the next day
    late = [w for w in warnings_of(plan) if w.code is WarningCode.RETURN_TOO_LATE]
    assert [w.details["minutes_late"] for w in late] == [80]


@pytest.mark.parametrize(
    ("gathering", "warned"),
    [
        (time(8, 0), True),  # lunch at 08:30: the first thing in the day
        (time(10, 30), False),  # 11:00: the earliest lunch
        (time(13, 0), False),  # 13:30: the latest
        (time(13, 1), True),  # 13:31
    ],
)
def test_a_lunch_outside_eleven_to_half_past_one_is_warned_of(
    gathering: time, warned: bool
) -> None:
    lunch = site_stop(1, Activity(ActivityKind.LUNCH, 60), leg_minutes_override=20)
    plan = make_plan([lunch], gathering_time=gathering)  # boarding 10 + 20 on the way
    found = [w for w in warnings_of(plan) if w.code is WarningCode.LUNCH_OUT_OF_HOURS]
    if not warned:
        assert found == []
        return
    start = gathering.hour * 60 + gathering.minute + 30
    assert [w.details for w in found] == [
        {"start": f"{start // 60:02d}:{start % 60:02d}", "earliest": "11:00", "latest": "13:30"}
    ]
    assert found[0].stop_id == plan.stops[0].id and found[0].site_name == "北馆"
