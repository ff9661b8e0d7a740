"""Plan checks (注意事项): what could go wrong on the day, as codes and data for the UI to word.

``plan_warnings`` looks at the plan, its computed schedule and the sites' ``VisitRules``. A rule
whose facts are unknown does not fire; unknown opening hours give ``CONFIRM_HOURS_BY_PHONE``
instead, and a date beyond the holiday data gives ``HOLIDAY_DATA_UNKNOWN`` rather than an
assumption. ``details`` values are plain strings ("HH:MM", ISO dates) and integers.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum

from hongtu.core.clocktime import hhmm
from hongtu.core.holidays import DayKind, day_kind, holiday_of
from hongtu.core.plan_terms import DEFAULT_MAX_DAY_MINUTES
from hongtu.core.plans import (
    ActivityKind,
    ItemKind,
    Plan,
    PlanStatus,
    Schedule,
    ScheduleFlagCode,
    ScheduleItem,
    Stop,
)
from hongtu.core.routing import TravelSettings
from hongtu.core.schedule import gathering_place, stop_place
from hongtu.core.sites import Site, VisitRules


class WarningCode(StrEnum):
    PLAN_IN_PAST = "plan_in_past"  # details: date, today
    # the day is a public holiday (members away, sites crowded, coaches dear); details: holiday
    # (a ``holidays.Holiday`` value)
    PUBLIC_HOLIDAY = "public_holiday"
    DAY_TOO_LONG = "day_too_long"  # details: minutes, max_minutes
    SITE_CLOSED = "site_closed"  # details: weekday (0 = Monday), day_kind
    HOLIDAY_DATA_UNKNOWN = "holiday_data_unknown"  # details: weekday, year
    ARRIVAL_BEFORE_OPENING = "arrival_before_opening"  # details: arrival, opens
    ARRIVAL_AFTER_LAST_ENTRY = "arrival_after_last_entry"  # details: arrival, last_entry
    ARRIVAL_AFTER_CLOSING = "arrival_after_closing"  # details: arrival, closes (no last entry)
    RESERVATION_TOO_LATE = "reservation_too_late"  # details: lead_days, days_left
    GROUP_TOO_LARGE = "group_too_large"  # details: participants, max_group_size
    POSITION_ESTIMATE = "position_estimate"  # details: position ("none" | "unverified")
    CONFIRM_HOURS_BY_PHONE = "confirm_hours_by_phone"  # details: phone (if known)
    # details: start (as fixed), arrival, arrival_day (0: the gathering day, 1: the next day…),
    # minutes_early
    START_BEFORE_ARRIVAL = "start_before_arrival"
    UNKNOWN_DISTANCE = "unknown_distance"  # details: place ("stop" | "gathering")
    SITE_MISSING = "site_missing"  # a stop's site id is not in the catalogue; details: site_id
    NO_LUNCH = "no_lunch"  # the day spans lunchtime and no stop has a meal; details: start, end
    NO_STOPS = "no_stops"  # pre-flight only: the plan has no stops
    NO_GATHERING = "no_gathering"  # pre-flight only: no gathering point is chosen
    # indoor activities at a site not confirmed open to visitors; details: activities
    # (comma-separated ``ActivityKind`` values, in the stop's order)
    INDOOR_NOT_CONFIRMED_OPEN = "indoor_not_confirmed_open"
    # the group gathers before 06:00 or after 20:00: a slip (a wheel turned over the field, a
    # typo) more likely than the plan; details: time, limit ("HH:MM"), side ("early" | "late")
    UNUSUAL_GATHERING_TIME = "unusual_gathering_time"
    # the day ends after the plan's 返回时间（最晚）; details: end, return_by ("HH:MM"),
    # minutes_late, complete (0: legs of unknown length, so the end is the earliest it can be)
    RETURN_TOO_LATE = "return_too_late"
    # a stop's 午餐 starts outside 11:00–13:30; details: start, earliest, latest ("HH:MM")
    LUNCH_OUT_OF_HOURS = "lunch_out_of_hours"


class Severity(StrEnum):
    PROBLEM = "problem"  # the plan cannot work as it is
    WARNING = "warning"  # likely trouble; check
    INFO = "info"  # worth confirming


_SEVERITY: dict[WarningCode, Severity] = {
    WarningCode.PLAN_IN_PAST: Severity.INFO,  # not a fault: the day is there to be recorded
    WarningCode.PUBLIC_HOLIDAY: Severity.WARNING,
    WarningCode.DAY_TOO_LONG: Severity.WARNING,
    WarningCode.SITE_CLOSED: Severity.PROBLEM,
    WarningCode.HOLIDAY_DATA_UNKNOWN: Severity.WARNING,
    WarningCode.ARRIVAL_BEFORE_OPENING: Severity.WARNING,
    WarningCode.ARRIVAL_AFTER_LAST_ENTRY: Severity.PROBLEM,
    WarningCode.ARRIVAL_AFTER_CLOSING: Severity.PROBLEM,
    WarningCode.RESERVATION_TOO_LATE: Severity.PROBLEM,
    WarningCode.GROUP_TOO_LARGE: Severity.WARNING,
    WarningCode.POSITION_ESTIMATE: Severity.INFO,
    WarningCode.CONFIRM_HOURS_BY_PHONE: Severity.INFO,
    WarningCode.START_BEFORE_ARRIVAL: Severity.WARNING,
    WarningCode.UNKNOWN_DISTANCE: Severity.WARNING,
    WarningCode.SITE_MISSING: Severity.PROBLEM,
    WarningCode.NO_LUNCH: Severity.INFO,
    WarningCode.NO_STOPS: Severity.PROBLEM,
    WarningCode.NO_GATHERING: Severity.WARNING,
    WarningCode.INDOOR_NOT_CONFIRMED_OPEN: Severity.WARNING,
    WarningCode.UNUSUAL_GATHERING_TIME: Severity.WARNING,
    WarningCode.RETURN_TOO_LATE: Severity.WARNING,
    WarningCode.LUNCH_OUT_OF_HOURS: Severity.WARNING,
}

SEVERITY_ORDER = (Severity.PROBLEM, Severity.WARNING, Severity.INFO)

#: Advice for before the trip (phone the site, book in time): once the day is over (its date
#: passed, or recorded as 已完成) there is nothing left to do about it, so it is not shown.
BEFORE_THE_DAY = frozenset(
    {
        WarningCode.CONFIRM_HOURS_BY_PHONE,
        WarningCode.RESERVATION_TOO_LATE,
        WarningCode.HOLIDAY_DATA_UNKNOWN,
    }
)
LUNCH_FROM = time(12, 0)  # a day that is under way over this hour needs a meal
LUNCH_TO = time(13, 0)
LUNCH_WINDOW = (time(11, 0), time(14, 0))  # where a meal break can fall
LUNCH_BREAK_MINUTES = 40
LUNCH_HOURS = (time(11, 0), time(13, 30))  # when a planned 午餐 may start
# a Party day's group gathers within these hours (an early coach to a distant site included)
GATHERING_HOURS = (time(6, 0), time(20, 0))

#: Activities that need the inside of the building (the exhibition, a lecture or meeting room).
#: An oath or a wreath is an exterior ceremony; lunch is not at the site; a free-text activity
#: says nothing the app can judge.
INDOOR_ACTIVITIES = frozenset({ActivityKind.TOUR, ActivityKind.LESSON, ActivityKind.DISCUSSION})


@dataclass(frozen=True, slots=True)
class PlanWarning:
    code: WarningCode
    stop_id: str | None  # None: the whole plan or the gathering point
    site_name: str  # "" for the whole plan
    details: dict[str, str | int] = field(default_factory=dict)
    severity: Severity = Severity.WARNING


def _warning(
    code: WarningCode, stop_id: str | None, site_name: str, **details: str | int
) -> PlanWarning:
    return PlanWarning(code, stop_id, site_name, dict(details), _SEVERITY[code])


# ---- whole-plan rules --------------------------------------------------------------------------


def _date_warnings(plan: Plan, today: date) -> Iterator[PlanWarning]:
    if plan.date < today and plan.status is not PlanStatus.DONE:  # recorded: past as it should be
        yield _warning(
            WarningCode.PLAN_IN_PAST, None, "", date=plan.date.isoformat(), today=today.isoformat()
        )
    holiday = holiday_of(plan.date)
    if holiday is not None and plan.date >= today:  # a day still to come: worth a thought
        yield _warning(WarningCode.PUBLIC_HOLIDAY, None, "", holiday=holiday.value)


def _gathering_time_warnings(plan: Plan) -> Iterator[PlanWarning]:
    earliest, latest = GATHERING_HOURS
    moment = plan.gathering_time
    if earliest <= moment <= latest:
        return
    side, limit = ("early", earliest) if moment < earliest else ("late", latest)
    yield _warning(
        WarningCode.UNUSUAL_GATHERING_TIME,
        None,
        "",
        time=hhmm(moment),
        limit=hhmm(limit),
        side=side,
    )


def _length_warnings(schedule: Schedule, max_day_minutes: int) -> Iterator[PlanWarning]:
    if schedule.total_minutes > max_day_minutes:
        yield _warning(
            WarningCode.DAY_TOO_LONG,
            None,
            "",
            minutes=schedule.total_minutes,
            max_minutes=max_day_minutes,
        )


def _return_warnings(plan: Plan, schedule: Schedule) -> Iterator[PlanWarning]:
    """The day ends after the time the branch must be back by."""
    if plan.return_by is None or not plan.stops:
        return
    end = _minutes(schedule.start) + schedule.total_minutes  # past midnight: over 24 h
    late = end - _minutes(plan.return_by)
    if late > 0:
        yield _warning(
            WarningCode.RETURN_TOO_LATE,
            None,
            "",
            end=hhmm(schedule.end),
            return_by=hhmm(plan.return_by),
            minutes_late=late,
            complete=int(schedule.complete),
        )


def _lunch_hour_warnings(
    plan: Plan, schedule: Schedule, sites: Mapping[int, Site]
) -> Iterator[PlanWarning]:
    """A planned 午餐 at an hour nobody eats lunch (08:24, 14:57): the order or times are off."""
    stops = {stop.id: stop for stop in plan.stops}
    earliest, latest = LUNCH_HOURS
    day_start = _minutes(schedule.start)
    for item in schedule.items:
        if item.kind is not ItemKind.ACTIVITY or item.activity_kind is not ActivityKind.LUNCH:
            continue
        if _minutes(earliest) <= _since(item.start, day_start) <= _minutes(latest):
            continue
        stop = stops.get(item.stop_id or "")
        if stop is None:
            continue  # a schedule of another version of the plan
        yield _warning(
            WarningCode.LUNCH_OUT_OF_HOURS,
            stop.id,
            stop_place(stop, sites).name,
            start=hhmm(item.start),
            earliest=hhmm(earliest),
            latest=hhmm(latest),
        )


def _lunch_warnings(plan: Plan, schedule: Schedule) -> Iterator[PlanWarning]:
    """The group is out over lunchtime, has no meal planned and no free hour for one."""
    if not plan.stops:
        return
    start = _minutes(schedule.start)
    end = start + schedule.total_minutes
    if start > _minutes(LUNCH_FROM) or end < _minutes(LUNCH_TO):
        return
    if any(a.kind is ActivityKind.LUNCH for stop in plan.stops for a in stop.activities):
        return
    if _longest_free_minutes(schedule, start) >= LUNCH_BREAK_MINUTES:
        return  # a gap in the day (waiting for a fixed start) leaves time to eat
    yield _warning(
        WarningCode.NO_LUNCH, None, "", start=hhmm(schedule.start), end=hhmm(schedule.end)
    )


def _longest_free_minutes(schedule: Schedule, day_start: int) -> int:
    """The longest stretch inside the lunch window (11:00–14:00) with nothing scheduled."""
    window_from, window_to = _minutes(LUNCH_WINDOW[0]), _minutes(LUNCH_WINDOW[1])
    busy = sorted(
        (_since(item.start, day_start), _since(item.end, day_start))
        for item in schedule.items
        if item.kind in (ItemKind.GATHER, ItemKind.TRAVEL, ItemKind.VISIT)
    )
    longest, cursor = 0, window_from
    for begin, finish in busy:
        if begin > cursor:
            longest = max(longest, min(begin, window_to) - cursor)
        cursor = max(cursor, finish)
        if cursor >= window_to:
            break
    return max(longest, window_to - cursor if cursor < window_to else 0)


def _since(moment: time, day_start: int) -> int:
    """Minutes since midnight of the gathering day (a time before the start is the next day)."""
    minutes = _minutes(moment)
    return minutes + 24 * 60 if minutes < day_start else minutes


# ---- per-site rules ----------------------------------------------------------------------------


def _closed_day_warnings(stop: Stop, site: Site, on: date) -> Iterator[PlanWarning]:
    rules = site.rules
    weekday = on.weekday()
    if rules.closed_weekdays is None or weekday not in rules.closed_weekdays:
        return
    if not rules.open_on_public_holidays:  # closed that weekday, holiday or not (or unknown)
        yield _warning(WarningCode.SITE_CLOSED, stop.id, site.name, weekday=weekday)
        return
    kind = day_kind(on)
    if kind is DayKind.UNKNOWN:
        yield _warning(
            WarningCode.HOLIDAY_DATA_UNKNOWN, stop.id, site.name, weekday=weekday, year=on.year
        )
    elif kind is not DayKind.PUBLIC_HOLIDAY:
        yield _warning(WarningCode.SITE_CLOSED, stop.id, site.name, weekday=weekday)


def _hours_warnings(stop: Stop, site: Site, visit: ScheduleItem | None) -> Iterator[PlanWarning]:
    rules = site.rules
    if not rules.hours_known:
        yield _phone_warning(stop, site)
        return
    if visit is None:
        return
    yield from _arrival_warnings(stop, site, rules, visit.start)


def _phone_warning(stop: Stop, site: Site) -> PlanWarning:
    code = WarningCode.CONFIRM_HOURS_BY_PHONE
    if site.phone.value:
        return _warning(code, stop.id, site.name, phone=site.phone.value)
    return _warning(code, stop.id, site.name)


def _arrival_warnings(
    stop: Stop, site: Site, rules: VisitRules, arrival: time
) -> Iterator[PlanWarning]:
    assert rules.opens is not None and rules.closes is not None
    if arrival < rules.opens:
        yield _warning(
            WarningCode.ARRIVAL_BEFORE_OPENING,
            stop.id,
            site.name,
            arrival=hhmm(arrival),
            opens=hhmm(rules.opens),
        )
    elif rules.last_entry is not None:
        if arrival > rules.last_entry:
            yield _warning(
                WarningCode.ARRIVAL_AFTER_LAST_ENTRY,
                stop.id,
                site.name,
                arrival=hhmm(arrival),
                last_entry=hhmm(rules.last_entry),
            )
    elif arrival >= rules.closes:
        yield _warning(
            WarningCode.ARRIVAL_AFTER_CLOSING,
            stop.id,
            site.name,
            arrival=hhmm(arrival),
            closes=hhmm(rules.closes),
        )


def _booking_warnings(stop: Stop, site: Site, plan: Plan, today: date) -> Iterator[PlanWarning]:
    rules = site.rules
    days_left = (plan.date - today).days
    if rules.reservation_lead_days is not None and days_left < rules.reservation_lead_days:
        yield _warning(
            WarningCode.RESERVATION_TOO_LATE,
            stop.id,
            site.name,
            lead_days=rules.reservation_lead_days,
            days_left=days_left,
        )
    if rules.max_group_size is not None and plan.participants > rules.max_group_size:
        yield _warning(
            WarningCode.GROUP_TOO_LARGE,
            stop.id,
            site.name,
            participants=plan.participants,
            max_group_size=rules.max_group_size,
        )


def _position_warning(stop_id: str | None, site: Site) -> Iterator[PlanWarning]:
    if site.position_is_estimate:
        state = "none" if site.position is None else "unverified"
        yield _warning(WarningCode.POSITION_ESTIMATE, stop_id, site.name, position=state)


def _access_warning(stop: Stop, site: Site) -> Iterator[PlanWarning]:
    """Indoor activities where the evidence says the building may be viewable from outside only."""
    if not site.access.exterior_only:
        return
    indoor = list(dict.fromkeys(a.kind for a in stop.activities if a.kind in INDOOR_ACTIVITIES))
    if indoor:
        activities = ",".join(kind.value for kind in indoor)
        yield _warning(
            WarningCode.INDOOR_NOT_CONFIRMED_OPEN, stop.id, site.name, activities=activities
        )


def _site_warnings(
    stop: Stop, site: Site, plan: Plan, visit: ScheduleItem | None, today: date
) -> Iterator[PlanWarning]:
    yield from _access_warning(stop, site)
    yield from _closed_day_warnings(stop, site, plan.date)
    yield from _hours_warnings(stop, site, visit)
    yield from _booking_warnings(stop, site, plan, today)
    yield from _position_warning(stop.id, site)


# ---- schedule flags ----------------------------------------------------------------------------


def _flag_warnings(
    plan: Plan, schedule: Schedule, sites: Mapping[int, Site]
) -> Iterator[PlanWarning]:
    stops = {stop.id: stop for stop in plan.stops}
    starts = {item.stop_id: item.start for item in schedule.items if item.kind is ItemKind.VISIT}
    for flag in schedule.flags:
        stop = stops.get(flag.stop_id) if flag.stop_id is not None else None
        if flag.stop_id is not None and stop is None:
            continue  # a schedule of another version of the plan
        name = (
            stop_place(stop, sites).name
            if stop is not None
            else gathering_place(plan.gathering, sites).name
        )
        if flag.code is ScheduleFlagCode.START_BEFORE_ARRIVAL and flag.arrival is not None:
            if stop is None or stop.start_override is None or flag.stop_id not in starts:
                continue
            yield _warning(
                WarningCode.START_BEFORE_ARRIVAL,
                flag.stop_id,
                name,
                start=hhmm(stop.start_override),
                arrival=hhmm(flag.arrival),
                arrival_day=flag.arrival_day,
                minutes_early=flag.minutes_early,
            )
        elif flag.code is ScheduleFlagCode.UNKNOWN_DISTANCE:
            place = "stop" if stop is not None else "gathering"
            yield _warning(WarningCode.UNKNOWN_DISTANCE, flag.stop_id, name, place=place)


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


# ---- entry point -------------------------------------------------------------------------------


def plan_warnings(
    plan: Plan,
    schedule: Schedule,
    sites: Mapping[int, Site],
    settings: TravelSettings,
    today: date,
    max_day_minutes: int = DEFAULT_MAX_DAY_MINUTES,
) -> list[PlanWarning]:
    """Every warning: the whole plan's and the gathering point's first, then per stop in order.

    ``schedule`` must be ``compute_schedule(plan, sites, settings)``; ``settings`` is accepted so
    future rules about travel can use it.
    """
    del settings  # no rule depends on it yet
    warnings = [
        *_date_warnings(plan, today),
        *_gathering_time_warnings(plan),
        *_length_warnings(schedule, max_day_minutes),
        *_lunch_warnings(plan, schedule),
        *_return_warnings(plan, schedule),
    ]
    gathering = plan.gathering
    if gathering.custom is None and gathering.site_id is not None:
        gathering_site = sites.get(gathering.site_id)
        if gathering_site is not None:
            warnings.extend(_position_warning(None, gathering_site))
    visits = {item.stop_id: item for item in schedule.items if item.kind is ItemKind.VISIT}
    for stop in plan.stops:
        if stop.site_id is None:
            continue
        site = sites.get(stop.site_id)
        if site is None:
            warnings.append(_warning(WarningCode.SITE_MISSING, stop.id, "", site_id=stop.site_id))
            continue
        warnings.extend(_site_warnings(stop, site, plan, visits.get(stop.id), today))
    warnings.extend(_flag_warnings(plan, schedule, sites))
    warnings.extend(_lunch_hour_warnings(plan, schedule, sites))
    if plan.status is PlanStatus.DONE or plan.date < today:
        warnings = [warning for warning in warnings if warning.code not in BEFORE_THE_DAY]
    position = {stop.id: number for number, stop in enumerate(plan.stops, start=1)}
    return sorted(warnings, key=lambda warning: position.get(warning.stop_id or "", 0))


# ---- for the organiser: worst first, alike folded, checked before an output ---------------------


def by_severity(warnings: Sequence[PlanWarning]) -> list[PlanWarning]:
    """问题 before 注意 before 提示; within one severity, the order of ``plan_warnings``."""
    return sorted(warnings, key=lambda warning: SEVERITY_ORDER.index(warning.severity))


# a notice that says the same about every stop it names: many of them fold into one line
FOLDABLE = frozenset(
    {
        WarningCode.CONFIRM_HOURS_BY_PHONE,
        WarningCode.POSITION_ESTIMATE,
        WarningCode.UNKNOWN_DISTANCE,
        WarningCode.SITE_CLOSED,
        WarningCode.HOLIDAY_DATA_UNKNOWN,
    }
)


@dataclass(frozen=True, slots=True)
class WarningGroup:
    """One line of the warnings list: a single warning, or one notice for several stops."""

    code: WarningCode
    severity: Severity
    warnings: tuple[PlanWarning, ...]

    @property
    def folded(self) -> bool:
        return len(self.warnings) > 1

    @property
    def stop_ids(self) -> tuple[str, ...]:
        return tuple(w.stop_id for w in self.warnings if w.stop_id is not None)


def fold_warnings(warnings: Sequence[PlanWarning]) -> list[WarningGroup]:
    """Worst first; the same foldable notice for several stops becomes one group, placed where
    its first warning was."""
    groups: list[WarningGroup] = []
    where: dict[WarningCode, int] = {}
    for warning in by_severity(warnings):
        if warning.code in FOLDABLE and warning.stop_id is not None and warning.code in where:
            index = where[warning.code]
            group = groups[index]
            groups[index] = WarningGroup(group.code, group.severity, (*group.warnings, warning))
            continue
        if warning.code in FOLDABLE and warning.stop_id is not None:
            where[warning.code] = len(groups)
        groups.append(WarningGroup(warning.code, warning.severity, (warning,)))
    return groups


# what the organiser must see before a plan goes out, whatever its severity
PREFLIGHT_CODES = frozenset(
    {
        WarningCode.SITE_CLOSED,
        WarningCode.UNKNOWN_DISTANCE,
        WarningCode.DAY_TOO_LONG,
        WarningCode.GROUP_TOO_LARGE,
        WarningCode.UNUSUAL_GATHERING_TIME,
        WarningCode.RETURN_TOO_LATE,
    }
)


# what the 签到表 prints besides its names: the title, the date, the gathering point and time.
# Of the plan's problems only a gathering time that looks like a slip is on it; the stops, legs
# and times of the day are not, and no gathering point yet prints as （未设置）
SIGNIN_PREFLIGHT_CODES = frozenset({WarningCode.UNUSUAL_GATHERING_TIME})


def preflight(
    plan: Plan, warnings: Sequence[PlanWarning], *, signin_only: bool = False
) -> list[PlanWarning]:
    """The problems to list before exporting or printing: no stops, no gathering point, and the
    plan's warnings that are problems or in ``PREFLIGHT_CODES``; worst first. Empty: go ahead.

    ``signin_only``: for the 签到表 alone, only those about what it prints
    (``SIGNIN_PREFLIGHT_CODES``)."""
    if signin_only:
        return by_severity([w for w in warnings if w.code in SIGNIN_PREFLIGHT_CODES])
    found: list[PlanWarning] = []
    if not plan.stops:
        found.append(_warning(WarningCode.NO_STOPS, None, ""))
    no_gathering = plan.gathering.site_id is None and plan.gathering.custom is None
    if no_gathering:
        found.append(_warning(WarningCode.NO_GATHERING, None, ""))
    for warning in warnings:
        if no_gathering and warning.code is WarningCode.UNKNOWN_DISTANCE and not warning.stop_id:
            continue  # with no gathering point at all, its unknown distance says nothing more
        if warning.severity is Severity.PROBLEM or warning.code in PREFLIGHT_CODES:
            found.append(warning)
    return by_severity(found)


def worst_by_stop(warnings: Sequence[PlanWarning]) -> dict[str, Severity]:
    """Each stop's worst 问题 or 注意 (提示 leaves no mark), for marks on rows and markers."""
    worst: dict[str, Severity] = {}
    for warning in warnings:
        if warning.stop_id is None or warning.severity is Severity.INFO:
            continue
        known = worst.get(warning.stop_id)
        if known is None or SEVERITY_ORDER.index(warning.severity) < SEVERITY_ORDER.index(known):
            worst[warning.stop_id] = warning.severity
    return worst
