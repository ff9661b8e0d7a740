"""The timed schedule (日程) of a plan: gathering, legs, visits and their activities, return.

``compute_schedule`` is pure and cheap (it runs on every keystroke): times are whole minutes
since midnight while computing, distances come from the cached ``routing.distance_km``.
Nothing here raises on incomplete plans: a place without a position gets 0 km legs and a
``ScheduleFlag``; the items after such a leg (待定) are ``provisional``, their clock times leave
that leg out. A start time fixed earlier than the group can arrive is kept and flagged.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time

from hongtu.core.geo import LatLon
from hongtu.core.plans import (
    Activity,
    ActivityKind,
    GatheringPoint,
    ItemKind,
    Leg,
    Plan,
    Schedule,
    ScheduleFlag,
    ScheduleFlagCode,
    ScheduleItem,
    Stop,
)
from hongtu.core.routing import TravelSettings, distance_km, leg_minutes, road_km
from hongtu.core.sites import DEFAULT_VISIT_MINUTES, Site

MINUTES_PER_DAY = 24 * 60


@dataclass(frozen=True, slots=True)
class Place:
    """Where a stop or the gathering point is: its name, point and catalogue site (if any)."""

    name: str
    point: LatLon | None
    site: Site | None = None


def _site_place(site_id: int, sites: Mapping[int, Site]) -> Place:
    site = sites.get(site_id)
    if site is None:  # a stale id: keep going, the warnings say so
        return Place("", None)
    point = site.position.point if site.position is not None else None
    return Place(site.name, point, site)


def stop_place(stop: Stop, sites: Mapping[int, Site]) -> Place:
    if stop.custom is not None:
        return Place(stop.custom.name, stop.custom.point)
    assert stop.site_id is not None  # Stop.__post_init__ guarantees one of the two
    return _site_place(stop.site_id, sites)


def gathering_place(gathering: GatheringPoint, sites: Mapping[int, Site]) -> Place:
    """The gathering point; ``Place("", None)`` while none is chosen.

    A custom gathering point whose coordinate is not known yet has its name and no point.
    """
    if gathering.custom is not None:
        return Place(gathering.custom.name, gathering.custom.point)
    if gathering.site_id is not None:
        return _site_place(gathering.site_id, sites)
    return Place("", None)


def visit_length(stop: Stop, site: Site | None) -> int:
    """Minutes at a stop: the set (or site default) visit, or longer if the activities need it."""
    planned = stop.visit_minutes
    if planned is None:
        planned = site.visit_minutes if site is not None else DEFAULT_VISIT_MINUTES
    return max(planned, sum(activity.minutes for activity in stop.activities))


def clock(minutes: int) -> time:
    """Minutes since the gathering day's midnight → a clock time (wraps past midnight)."""
    minutes %= MINUTES_PER_DAY
    return time(minutes // 60, minutes % 60)


def minutes_of(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _estimate_leg(
    origin: Place,
    destination: Place,
    settings: TravelSettings,
    plan: Plan,
    *,
    boarding: bool,
    override: int | None,
    to_stop_id: str | None,
) -> Leg:
    a, b = origin.point, destination.point
    known = a is not None and b is not None
    km = distance_km(a, b) if a is not None and b is not None else 0.0
    if override is not None:
        minutes = override
    else:
        minutes = leg_minutes(km, plan.transport, settings, boarding=boarding)
    return Leg(
        from_name=origin.name,
        to_name=destination.name,
        km=km,
        minutes=minutes,
        overridden=override is not None,
        to_stop_id=to_stop_id,
        distance_known=known,
        road_km=road_km(km, plan.transport, settings),
    )


class _Timeline:
    """Accumulates items while the clock advances (in minutes since midnight)."""

    def __init__(self, start: int) -> None:
        self.now = start
        self.items: list[ScheduleItem] = []
        self.legs: list[Leg] = []
        self.flags: list[ScheduleFlag] = []
        self.provisional = False  # a 待定 leg came before: the clock runs early from here on

    def add(
        self,
        kind: ItemKind,
        start: int,
        end: int,
        title: str,
        *,
        stop_id: str | None = None,
        stop_number: int | None = None,
        leg: Leg | None = None,
        overridden: bool = False,
        point: LatLon | None = None,
        activity_kind: ActivityKind | None = None,
    ) -> None:
        item = ScheduleItem(
            kind,
            clock(start),
            clock(end),
            title,
            stop_id=stop_id,
            stop_number=stop_number,
            leg=leg,
            overridden=overridden,
            point=point,
            activity_kind=activity_kind,
            provisional=self.provisional,
        )
        self.items.append(item)

    def travel(self, leg: Leg, destination: Place, stop_number: int | None) -> int:
        """Adds a TRAVEL item leaving now; returns the arrival minute."""
        arrival = self.now + leg.minutes
        self.add(
            ItemKind.TRAVEL,
            self.now,
            arrival,
            destination.name,
            stop_id=leg.to_stop_id,
            stop_number=stop_number,
            leg=leg,
            overridden=leg.overridden,
            point=destination.point,
        )
        self.legs.append(leg)
        self.provisional = self.provisional or leg.pending
        return arrival

    def activities(self, stop: Stop, start: int) -> None:
        for activity in stop.activities:
            self._activity(stop, activity, start)
            start += activity.minutes

    def _activity(self, stop: Stop, activity: Activity, start: int) -> None:
        self.add(
            ItemKind.ACTIVITY,
            start,
            start + activity.minutes,
            activity.label,
            stop_id=stop.id,
            activity_kind=activity.kind,
        )


def _visit_start(stop: Stop, arrival: int, timeline: _Timeline) -> int:
    """When the visit starts: on arrival, or later at the time the organiser fixed.

    A fixed time is a clock time on the gathering day. One earlier than the group can arrive
    (09:00 when the day's earlier stops bring it there at 01:31 the next morning) cannot be
    kept: it is flagged and the visit starts on arrival, so the day never runs backwards, its
    length stays true and the time early is never negative. A fixed time that is kept is
    the organiser's, not an estimate: the times from it on are no longer provisional.
    """
    if stop.start_override is None:
        return arrival
    start = minutes_of(stop.start_override)
    if start >= arrival:
        timeline.provisional = False
    else:
        timeline.flags.append(
            ScheduleFlag(
                ScheduleFlagCode.START_BEFORE_ARRIVAL,
                stop.id,
                clock(arrival),
                arrival_day=arrival // MINUTES_PER_DAY,
                minutes_early=arrival - start,
            )
        )
        return arrival
    return start


def _unknown_position_flags(
    gathering: Place, places: list[Place], plan: Plan
) -> list[ScheduleFlag]:
    flags: list[ScheduleFlag] = []
    if plan.stops and gathering.point is None:
        flags.append(ScheduleFlag(ScheduleFlagCode.UNKNOWN_DISTANCE, None))
    for stop, place in zip(plan.stops, places, strict=True):
        if place.point is None:
            flags.append(ScheduleFlag(ScheduleFlagCode.UNKNOWN_DISTANCE, stop.id))
    return flags


def compute_schedule(plan: Plan, sites: Mapping[int, Site], settings: TravelSettings) -> Schedule:
    """The day's timed items, legs and totals for ``plan``."""
    gathering = gathering_place(plan.gathering, sites)
    places = [stop_place(stop, sites) for stop in plan.stops]
    day_start = minutes_of(plan.gathering_time)
    timeline = _Timeline(day_start)

    gather_end = day_start + settings.boarding_minutes(plan.transport)
    timeline.add(ItemKind.GATHER, day_start, gather_end, gathering.name, point=gathering.point)
    timeline.now = gather_end

    previous = gathering
    for number, (stop, place) in enumerate(zip(plan.stops, places, strict=True), start=1):
        leg = _estimate_leg(
            previous,
            place,
            settings,
            plan,
            boarding=number > 1,
            override=stop.leg_minutes_override,
            to_stop_id=stop.id,
        )
        arrival = timeline.travel(leg, place, number)
        start = _visit_start(stop, arrival, timeline)
        end = start + visit_length(stop, place.site)
        timeline.add(
            ItemKind.VISIT,
            start,
            end,
            place.name,
            stop_id=stop.id,
            stop_number=number,
            overridden=stop.start_override is not None,
            point=place.point,
        )
        timeline.activities(stop, start)
        timeline.now = end
        previous = place

    if plan.returns_to_gathering and plan.stops:
        leg = _estimate_leg(
            previous,
            gathering,
            settings,
            plan,
            boarding=True,
            override=plan.return_leg_override,
            to_stop_id=None,
        )
        timeline.now = timeline.travel(leg, gathering, None)
        timeline.add(
            ItemKind.RETURN, timeline.now, timeline.now, gathering.name, point=gathering.point
        )

    flags = [*timeline.flags, *_unknown_position_flags(gathering, places, plan)]
    return Schedule(
        items=tuple(timeline.items),
        legs=tuple(timeline.legs),
        start=clock(day_start),
        end=clock(timeline.now),
        total_minutes=timeline.now - day_start,
        travel_minutes=sum(leg.minutes for leg in timeline.legs),
        total_km=sum(leg.km for leg in timeline.legs),
        total_road_km=sum(leg.road_km for leg in timeline.legs),
        flags=tuple(flags),
        pending_legs=sum(1 for leg in timeline.legs if leg.pending),
    )
