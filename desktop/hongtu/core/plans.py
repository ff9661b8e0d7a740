"""Party-day plans (活动方案): the ordered plan model every view and export is rendered from."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum

from hongtu.core.geo import LatLon
from hongtu.core.plan_terms import PlanStatus as PlanStatus  # defined there, part of this model
from hongtu.core.plan_terms import TransportMode as TransportMode


class ActivityKind(StrEnum):
    TOUR = "tour"  # 参观学习
    OATH = "oath"  # 重温入党誓词
    WREATH = "wreath"  # 敬献花篮
    LESSON = "lesson"  # 现场党课
    DISCUSSION = "discussion"  # 交流研讨
    LUNCH = "lunch"  # 午餐
    CUSTOM = "custom"  # free text in ``Activity.label``


@dataclass(slots=True)
class Activity:
    kind: ActivityKind
    minutes: int
    label: str = ""  # required for CUSTOM; optional extra wording otherwise


@dataclass(slots=True)
class CustomPlace:
    """A place that is not in the catalogue (a unit's gate, a restaurant).

    ``point`` None: the position is not known yet (organisers gather at "单位大门" without knowing
    its coordinate). Its legs are then estimated like any place without a position: the minimum
    leg, flagged ``UNKNOWN_DISTANCE``. The editor only creates such places as gathering points;
    a stop's custom place always has a point there, and the plan file requires one for stops.
    """

    name: str
    point: LatLon | None = None  # WGS-84


def new_stop_id() -> str:
    return os.urandom(6).hex()  # 48 random bits, as uuid4().hex[:12] (without importing uuid)


@dataclass(slots=True)
class Stop:
    """One stop of the day: a catalogue site or a custom place, with what happens there.

    ``visit_minutes`` None means "use the site's default"; the activities are what the group does
    there and, when they add up to more than the visit minutes, the stop lasts as long as they do.
    """

    site_id: int | None = None
    custom: CustomPlace | None = None
    visit_minutes: int | None = None
    activities: list[Activity] = field(default_factory=list)
    pinned: bool = False  # the optimiser keeps a pinned stop at its position
    start_override: time | None = None  # the organiser fixed the arrival/start time
    leg_minutes_override: int | None = None  # minutes of the leg that arrives here
    id: str = field(default_factory=new_stop_id)

    def __post_init__(self) -> None:
        if (self.site_id is None) == (self.custom is None):
            raise ValueError("a stop is either a catalogue site or a custom place")


@dataclass(slots=True)
class GatheringPoint:
    """Where the group gathers (集合地点): a catalogue site or a custom place."""

    site_id: int | None = None
    custom: CustomPlace | None = None


@dataclass(slots=True)
class Plan:
    title: str  # 活动主题
    date: date
    id: int | None = None
    branch: str = ""  # 党支部
    participants: int = 20
    organiser: str = ""  # 联系人
    phone: str = ""
    transport: TransportMode = TransportMode.COACH
    gathering: GatheringPoint = field(default_factory=GatheringPoint)
    gathering_time: time = time(8, 0)
    returns_to_gathering: bool = True
    return_leg_override: int | None = None
    # 返回时间（最晚）: when the branch must be back (None: not said); a later end is warned of
    return_by: time | None = None
    notes: str = ""  # 工作要求 / 注意事项
    status: PlanStatus = PlanStatus.DRAFT
    stops: list[Stop] = field(default_factory=list)
    # The stored version this copy was read at or saved as (0: never saved). Not part of what
    # the plan *is*: two copies with the same content are equal whatever their versions.
    version: int = field(default=0, compare=False)
    # When the plan was first saved in its database (None: never saved): with ``id``, what
    # tells this plan from every other plan in any database (calendar entries' UIDs).
    created: datetime | None = field(default=None, compare=False)


# ---- the computed schedule -------------------------------------------------------------------


def copy_plan(plan: Plan) -> Plan:
    """A deep copy of ``plan``, shared with nothing; several times faster than ``copy.deepcopy``.

    Every edit copies the plan it changes, so at 200 stops the copy matters. Each field is an
    immutable value (str, int, date, enum, ``LatLon``, None), a list, or one of the slotted
    classes above, copied field by field (new fields are copied without changes here).
    """
    result = _copy_value(plan)
    assert isinstance(result, Plan)
    return result


def same_contents(a: Plan, b: Plan) -> bool:
    """Whether two plans say the same thing (a plan file imported again): equal apart from
    their ids, their status and their stops' ids, which a copy read from a file never shares
    with the plan it was written from (and a status the receiver moved on since)."""

    def bare(plan: Plan) -> Plan:
        stripped = copy_plan(plan)
        stripped.id, stripped.status = None, PlanStatus.DRAFT
        for stop in stripped.stops:
            stop.id = ""
        return stripped

    return bare(a) == bare(b)


_MUTABLE = (Plan, Stop, Activity, CustomPlace, GatheringPoint)


def _copy_value(value: object) -> object:
    if isinstance(value, list):
        return [_copy_value(item) for item in value]
    kind = type(value)
    if kind in _MUTABLE:
        copied = object.__new__(kind)
        for name in kind.__slots__:
            object.__setattr__(copied, name, _copy_value(getattr(value, name)))
        return copied
    if isinstance(value, dict | set):
        raise TypeError(f"copy_plan cannot copy a {kind.__name__}")
    return value


class ItemKind(StrEnum):
    GATHER = "gather"  # 集合、乘车
    TRAVEL = "travel"  # a leg between two places
    VISIT = "visit"  # time at a stop (its activities are listed inside)
    ACTIVITY = "activity"  # one activity within a visit
    RETURN = "return"  # back at the gathering point


@dataclass(frozen=True, slots=True)
class Leg:
    from_name: str
    to_name: str
    km: float  # geodesic distance
    minutes: int
    overridden: bool
    to_stop_id: str | None  # None for the return leg
    distance_known: bool = True  # False: an end has no position, ``km`` is 0 and not a distance
    road_km: float = 0.0  # the estimated road (or path) length the minutes are timed over

    @property
    def pending(self) -> bool:
        """Nobody knows how long this leg takes (待定): an end has no position and no minutes
        were set by hand. Its ``minutes`` only keep the day going; they are never shown."""
        return not self.distance_known and not self.overridden


@dataclass(frozen=True, slots=True)
class ScheduleItem:
    """One timed row of the day, in order. The screen, the print-out and exports all use these."""

    kind: ItemKind
    start: time
    end: time
    title: str  # the place or the activity, in the user's words (not markup)
    stop_id: str | None = None
    stop_number: int | None = None  # 1-based stop number, as on the map
    leg: Leg | None = None
    overridden: bool = False  # the start time or minutes were set by hand
    point: LatLon | None = None
    activity_kind: ActivityKind | None = None  # ACTIVITY items: what is done (title = its label)
    # The clock times come after a leg of unknown length (待定) and leave it out: the real
    # times are later by that leg. A start time fixed by hand ends this (the day goes on from it).
    provisional: bool = False


class ScheduleFlagCode(StrEnum):
    """Facts the scheduler noticed that the plan warnings turn into messages."""

    START_BEFORE_ARRIVAL = "start_before_arrival"  # start_override earlier than possible arrival
    UNKNOWN_DISTANCE = "unknown_distance"  # a place without a position: its legs are guesses


@dataclass(frozen=True, slots=True)
class ScheduleFlag:
    code: ScheduleFlagCode
    stop_id: str | None  # None: the gathering point
    arrival: time | None = None  # START_BEFORE_ARRIVAL: the earliest possible arrival
    arrival_day: int = 0  # …on the gathering day (0), the next day (1), …
    minutes_early: int = 0  # …how long after the fixed start time (> 0)


@dataclass(frozen=True, slots=True)
class Schedule:
    items: tuple[ScheduleItem, ...]
    legs: tuple[Leg, ...]
    start: time
    end: time
    total_minutes: int
    travel_minutes: int
    total_km: float  # geodesic
    flags: tuple[ScheduleFlag, ...] = ()
    pending_legs: int = 0  # legs of unknown length (待定): the totals are only a lower bound
    total_road_km: float = 0.0  # the estimated road km: what the documents print, as an estimate

    @property
    def complete(self) -> bool:
        return self.pending_legs == 0

    @property
    def end_provisional(self) -> bool:
        """The day's end comes after a leg of unknown length: it is later than ``end``."""
        return bool(self.items) and self.items[-1].provisional
