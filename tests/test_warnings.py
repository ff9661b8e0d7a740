"""Plan warnings: every rule fires when it should and stays quiet when it should not."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, time

import pytest

from factories import (
    LOUFAN,
    NORTH,
    custom_place,
    make_plan,
    make_rules,
    make_site,
    site_map,
    site_stop,
)
from hongtu.core.plans import CustomPlace, GatheringPoint, Plan, PlanStatus, Stop
from hongtu.core.routing import DEFAULT_SETTINGS
from hongtu.core.schedule import compute_schedule
from hongtu.core.sites import Site
from hongtu.core.warnings import _SEVERITY, PlanWarning, Severity, WarningCode, plan_warnings

WEDNESDAY = date(2025, 10, 15)
MONDAY = date(2025, 10, 13)
HOLIDAY_MONDAY = date(2025, 10, 6)  # inside the National Day holiday
MONDAY_BEYOND_DATA = date(2027, 10, 4)
TODAY = date(2025, 10, 1)


def check(
    plan: Plan,
    sites: Mapping[int, Site],
    *,
    today: date = TODAY,
    max_day_minutes: int = 600,
) -> list[PlanWarning]:
    schedule = compute_schedule(plan, sites, DEFAULT_SETTINGS)
    return plan_warnings(plan, schedule, sites, DEFAULT_SETTINGS, today, max_day_minutes)


def codes(warnings: list[PlanWarning]) -> list[WarningCode]:
    return [warning.code for warning in warnings]


def only(warnings: list[PlanWarning], code: WarningCode) -> PlanWarning:
    found = [warning for warning in warnings if warning.code is code]
    assert len(found) == 1, codes(warnings)
    return found[0]


def one_site_plan(site: Site, *, on: date = WEDNESDAY, **stop_fields: object) -> Plan:
    """A plan gathering at 08:30 and arriving at 09:00 at ``site`` (north of the centre)."""
    return make_plan([site_stop(site.id, **stop_fields)], on=on, gathering_time=time(8, 30))


def site(**rules: object) -> Site:
    return make_site(1, "北馆", point=NORTH, rules=make_rules(**rules), phone="0351-1234567")


# ---- a clean plan ------------------------------------------------------------------------------


def test_a_sound_plan_has_no_warnings() -> None:
    north = site()
    assert check(one_site_plan(north), site_map([north])) == []


def test_every_code_has_a_severity() -> None:
    north = site(opens=None)
    warnings = check(one_site_plan(north), site_map([north]))
    assert warnings[0].severity is Severity.INFO
    assert set(_SEVERITY) == set(WarningCode)


# ---- the date ----------------------------------------------------------------------------------


def test_plan_in_the_past() -> None:
    north = site()
    plan = one_site_plan(north)
    warning = only(
        check(plan, site_map([north]), today=date(2025, 10, 20)), WarningCode.PLAN_IN_PAST
    )
    assert warning.stop_id is None and warning.site_name == ""
    assert warning.details == {"date": "2025-10-15", "today": "2025-10-20"}
    assert warning.severity is Severity.INFO  # not a fault: the day is there to be recorded
    assert check(plan, site_map([north]), today=WEDNESDAY) == []


@pytest.mark.parametrize(
    ("status", "today"),
    [(PlanStatus.PLANNED, date(2025, 10, 20)), (PlanStatus.DONE, date(2025, 10, 20)),
     (PlanStatus.DONE, WEDNESDAY)],
)  # fmt: skip
def test_after_the_day_no_advice_for_before_the_trip(status: PlanStatus, today: date) -> None:
    """Phoning the site or booking in time is moot once the day is past or recorded."""
    unknown_hours = site(opens=None, reservation_lead_days=30)
    plan = one_site_plan(unknown_hours)
    plan.status = status
    before = codes(check(plan, site_map([unknown_hours]), today=date(2025, 10, 1)))
    if status is PlanStatus.PLANNED:
        assert WarningCode.CONFIRM_HOURS_BY_PHONE in before
        assert WarningCode.RESERVATION_TOO_LATE in before
    after = codes(check(plan, site_map([unknown_hours]), today=today))
    assert WarningCode.CONFIRM_HOURS_BY_PHONE not in after
    assert WarningCode.RESERVATION_TOO_LATE not in after


# ---- the length of the day ---------------------------------------------------------------------


def test_day_too_long() -> None:
    north = site()
    plan = one_site_plan(north, visit_minutes=400)
    warnings = check(plan, site_map([north]), max_day_minutes=300)
    warning = only(warnings, WarningCode.DAY_TOO_LONG)
    assert warning.details["max_minutes"] == 300
    assert int(warning.details["minutes"]) > 400
    assert WarningCode.DAY_TOO_LONG not in codes(check(plan, site_map([north])))


# ---- closed days and holidays ------------------------------------------------------------------


def test_site_closed_on_its_closing_weekday() -> None:
    north = site()
    warning = only(
        check(one_site_plan(north, on=MONDAY), site_map([north])), WarningCode.SITE_CLOSED
    )
    assert (warning.stop_id is not None, warning.site_name) == (True, "北馆")
    assert warning.details == {"weekday": 0}
    assert warning.severity is Severity.PROBLEM
    assert WarningCode.SITE_CLOSED not in codes(check(one_site_plan(north), site_map([north])))


def test_closed_weekday_that_is_a_public_holiday() -> None:
    opens_on_holidays = site(open_on_public_holidays=True)
    plan = one_site_plan(opens_on_holidays, on=HOLIDAY_MONDAY)
    holiday = WarningCode.PUBLIC_HOLIDAY  # the day itself is worth a thought, open or not
    assert codes(check(plan, site_map([opens_on_holidays]))) == [holiday]
    for rule in (False, None):  # closed on holidays too, or not known: warn
        closed = site(open_on_public_holidays=rule)
        plan = one_site_plan(closed, on=HOLIDAY_MONDAY)
        assert codes(check(plan, site_map([closed]))) == [holiday, WarningCode.SITE_CLOSED]


@pytest.mark.parametrize(
    ("day", "holiday"),
    [
        (date(2026, 2, 17), "spring_festival"),  # 正月初一
        (date(2026, 2, 22), "spring_festival"),  # a Sunday inside the break
        (date(2026, 6, 19), "dragon_boat"),
        (date(2026, 10, 1), "national_day"),
        (date(2026, 1, 1), "new_year"),
    ],
)
def test_a_plan_on_a_public_holiday_gets_a_notice(day: date, holiday: str) -> None:
    north = site(closed_weekdays=frozenset())
    warnings = check(one_site_plan(north, on=day), site_map([north]), today=date(2025, 12, 1))
    warning = only(warnings, WarningCode.PUBLIC_HOLIDAY)
    assert (warning.stop_id, warning.site_name) == (None, "")
    assert warning.details == {"holiday": holiday}
    assert warning.severity is Severity.WARNING  # a notice to think about, not a refusal


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 2, 14),  # a Saturday worked for the Spring Festival (调休上班)
        date(2026, 3, 7),  # an ordinary Saturday
        date(2026, 3, 11),  # an ordinary Wednesday
        date(2027, 2, 6),  # beyond the holiday data: nothing is assumed
    ],
)
def test_working_days_weekends_and_unknown_years_get_no_holiday_notice(day: date) -> None:
    north = site(closed_weekdays=frozenset())
    warnings = check(one_site_plan(north, on=day), site_map([north]), today=date(2025, 12, 1))
    assert WarningCode.PUBLIC_HOLIDAY not in codes(warnings)


def test_a_holiday_already_past_gets_no_holiday_notice() -> None:
    north = site(closed_weekdays=frozenset())
    plan = one_site_plan(north, on=date(2025, 10, 1))
    warnings = check(plan, site_map([north]), today=date(2025, 10, 2))
    assert codes(warnings) == [WarningCode.PLAN_IN_PAST]


def test_unknown_closing_days_do_not_warn() -> None:
    north = site(closed_weekdays=None)
    assert check(one_site_plan(north, on=MONDAY), site_map([north])) == []


def test_beyond_the_holiday_data_the_app_does_not_assume() -> None:
    north = site(open_on_public_holidays=True)
    plan = one_site_plan(north, on=MONDAY_BEYOND_DATA)
    warnings = check(plan, site_map([north]), today=TODAY)
    warning = only(warnings, WarningCode.HOLIDAY_DATA_UNKNOWN)
    assert warning.details == {"weekday": 0, "year": 2027}
    assert WarningCode.SITE_CLOSED not in codes(warnings)
    # a site closed on Mondays whatever the holidays needs no holiday data
    strict = site(open_on_public_holidays=False)
    warnings = check(one_site_plan(strict, on=MONDAY_BEYOND_DATA), site_map([strict]))
    assert codes(warnings) == [WarningCode.SITE_CLOSED]
    # an open weekday needs none either
    wednesday = date(2027, 10, 6)
    assert check(one_site_plan(north, on=wednesday), site_map([north])) == []


# ---- opening hours -----------------------------------------------------------------------------


def test_arrival_before_opening() -> None:
    north = site()
    plan = one_site_plan(north)
    plan.gathering_time = time(7, 30)
    warning = only(check(plan, site_map([north])), WarningCode.ARRIVAL_BEFORE_OPENING)
    assert warning.details == {"arrival": "08:00", "opens": "09:00"}
    plan.gathering_time = time(8, 30)  # arrives 09:00 sharp
    assert check(plan, site_map([north])) == []


def test_arrival_after_last_entry() -> None:
    north = site()
    late = one_site_plan(north, start_override=time(16, 45))
    warning = only(check(late, site_map([north])), WarningCode.ARRIVAL_AFTER_LAST_ENTRY)
    assert warning.details == {"arrival": "16:45", "last_entry": "16:30"}
    just_in_time = one_site_plan(north, start_override=time(16, 30))
    assert check(just_in_time, site_map([north])) == []


def test_arrival_after_closing_when_last_entry_is_unknown() -> None:
    north = site(last_entry=None)
    late = one_site_plan(north, start_override=time(17, 0))
    warning = only(check(late, site_map([north])), WarningCode.ARRIVAL_AFTER_CLOSING)
    assert warning.details == {"arrival": "17:00", "closes": "17:00"}
    assert check(one_site_plan(north, start_override=time(16, 59)), site_map([north])) == []
    # with a known last entry, the last entry is the rule
    with_entry = site()
    warnings = check(one_site_plan(with_entry, start_override=time(17, 30)), site_map([with_entry]))
    only(warnings, WarningCode.ARRIVAL_AFTER_LAST_ENTRY)
    assert WarningCode.ARRIVAL_AFTER_CLOSING not in codes(warnings)


def test_unknown_hours_ask_to_confirm_by_phone() -> None:
    north = site(opens=None)
    plan = one_site_plan(north)
    plan.gathering_time = time(6, 0)  # would be before opening
    warning = only(check(plan, site_map([north])), WarningCode.CONFIRM_HOURS_BY_PHONE)
    assert warning.details == {"phone": "0351-1234567"}
    assert codes(check(plan, site_map([north]))) == [WarningCode.CONFIRM_HOURS_BY_PHONE]
    no_phone = make_site(1, "北馆", point=NORTH, rules=make_rules(closes=None))
    warning = only(check(plan, site_map([no_phone])), WarningCode.CONFIRM_HOURS_BY_PHONE)
    assert warning.details == {}


# ---- booking and group size --------------------------------------------------------------------


def test_reservation_lead_time() -> None:
    north = site(reservation_lead_days=3)
    plan = one_site_plan(north)
    warnings = check(plan, site_map([north]), today=date(2025, 10, 13))
    warning = only(warnings, WarningCode.RESERVATION_TOO_LATE)
    assert warning.details == {"lead_days": 3, "days_left": 2}
    assert check(plan, site_map([north]), today=date(2025, 10, 12)) == []
    no_rule = site()
    assert check(one_site_plan(no_rule), site_map([no_rule]), today=WEDNESDAY) == []


def test_group_too_large() -> None:
    small_hall = site(max_group_size=25)
    plan = one_site_plan(small_hall)  # 30 participants
    warning = only(check(plan, site_map([small_hall])), WarningCode.GROUP_TOO_LARGE)
    assert warning.details == {"participants": 30, "max_group_size": 25}
    plan.participants = 25
    assert check(plan, site_map([small_hall])) == []


# ---- positions and distances -------------------------------------------------------------------


def test_position_only_an_estimate() -> None:
    unverified = make_site(1, "北馆", point=NORTH, verified=False)
    warning = only(
        check(one_site_plan(unverified), site_map([unverified])), WarningCode.POSITION_ESTIMATE
    )
    assert warning.details == {"position": "unverified"}
    assert warning.severity is Severity.INFO


def test_no_position_is_an_estimate_and_an_unknown_distance() -> None:
    nowhere = make_site(1, "无位置旧址", point=None)
    plan = one_site_plan(nowhere)
    warnings = check(plan, site_map([nowhere]))
    assert only(warnings, WarningCode.POSITION_ESTIMATE).details == {"position": "none"}
    distance = only(warnings, WarningCode.UNKNOWN_DISTANCE)
    assert (distance.stop_id, distance.details) == (plan.stops[0].id, {"place": "stop"})


def test_unknown_distance_from_a_gathering_point_not_yet_chosen() -> None:
    north = site()
    plan = make_plan([site_stop(1)], gathering=GatheringPoint(), gathering_time=time(8, 30))
    warning = only(check(plan, site_map([north])), WarningCode.UNKNOWN_DISTANCE)
    assert (warning.stop_id, warning.details) == (None, {"place": "gathering"})


def test_unknown_distance_from_a_named_gathering_point_without_a_coordinate() -> None:
    north = site()
    gate = GatheringPoint(custom=CustomPlace("单位大门"))
    plan = make_plan([site_stop(1)], gathering=gate, gathering_time=time(8, 30))
    warnings = check(plan, site_map([north]))
    warning = only(warnings, WarningCode.UNKNOWN_DISTANCE)
    assert (warning.stop_id, warning.site_name) == (None, "单位大门")
    assert warning.details == {"place": "gathering"}
    assert not [w for w in warnings if w.code is WarningCode.POSITION_ESTIMATE]


def test_gathering_at_an_unverified_catalogue_site() -> None:
    north = site()
    gate = make_site(2, "旧址大门", point=NORTH, verified=False)
    plan = make_plan(
        [site_stop(1)], gathering=GatheringPoint(site_id=2), gathering_time=time(8, 30)
    )
    warnings = check(plan, site_map([north, gate]))
    warning = only(warnings, WarningCode.POSITION_ESTIMATE)
    assert (warning.stop_id, warning.site_name) == (None, "旧址大门")


def test_custom_places_are_not_checked_against_site_rules() -> None:
    plan = make_plan([Stop(custom=custom_place("饭店", NORTH))], on=MONDAY)
    assert check(plan, {}) == []


# ---- the schedule's flags ----------------------------------------------------------------------


def test_start_fixed_before_the_group_can_arrive() -> None:
    far = make_site(4, "高君宇故居", point=LOUFAN)
    plan = one_site_plan(far, start_override=time(9, 0))
    warning = only(check(plan, site_map([far])), WarningCode.START_BEFORE_ARRIVAL)
    assert warning.stop_id == plan.stops[0].id and warning.site_name == "高君宇故居"
    assert warning.details["start"] == "09:00"
    arrival = str(warning.details["arrival"])
    hours, minutes = map(int, arrival.split(":"))
    assert warning.details["minutes_early"] == hours * 60 + minutes - 9 * 60 > 0
    later = one_site_plan(far, start_override=time(12, 0))
    assert WarningCode.START_BEFORE_ARRIVAL not in codes(check(later, site_map([far])))


def test_a_site_missing_from_the_catalogue() -> None:
    plan = one_site_plan(site())
    warnings = check(plan, {})
    warning = only(warnings, WarningCode.SITE_MISSING)
    assert warning.details == {"site_id": 1}


# ---- order -------------------------------------------------------------------------------------


def test_plan_warnings_come_first_then_stops_in_order() -> None:
    first = make_site(1, "一号", point=None)
    second = make_site(2, "二号", point=NORTH, rules=make_rules(max_group_size=5))
    plan = make_plan([site_stop(1), site_stop(2)], on=MONDAY, gathering_time=time(8, 30))
    warnings = check(plan, site_map([first, second]), today=date(2025, 10, 20))
    assert warnings[0].code is WarningCode.PLAN_IN_PAST
    stop_order = [warning.stop_id for warning in warnings[1:]]
    first_id, second_id = plan.stops[0].id, plan.stops[1].id
    assert stop_order == sorted(stop_order, key=[first_id, second_id].index)
    assert set(stop_order) == {first_id, second_id}


@pytest.mark.parametrize("code", list(WarningCode))
def test_codes_are_stable_strings(code: WarningCode) -> None:
    assert code.value == code.name.lower()


# ---- the gathering hour ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "side", "limit"),
    [
        (time(4, 0), "early", "06:00"),
        (time(5, 59), "early", "06:00"),
        (time(21, 0), "late", "20:00"),
    ],
)
def test_a_gathering_time_in_the_night_is_questioned(moment: time, side: str, limit: str) -> None:
    north = site()
    plan = make_plan([site_stop(north.id)], on=WEDNESDAY, gathering_time=moment)
    warning = only(check(plan, site_map([north])), WarningCode.UNUSUAL_GATHERING_TIME)
    assert warning.details == {"time": f"{moment:%H:%M}", "limit": limit, "side": side}
    assert warning.severity is Severity.WARNING and warning.stop_id is None


@pytest.mark.parametrize("moment", [time(6, 0), time(8, 0), time(13, 30), time(20, 0)])
def test_a_gathering_time_in_the_day_is_not_questioned(moment: time) -> None:
    north = site()
    plan = make_plan([site_stop(north.id)], on=WEDNESDAY, gathering_time=moment)
    assert WarningCode.UNUSUAL_GATHERING_TIME not in codes(check(plan, site_map([north])))
