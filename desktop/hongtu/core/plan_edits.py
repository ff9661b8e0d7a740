"""Edits to a plan as pure functions: each takes a plan and returns a new one, the old untouched.

The Qt session keeps the plan before and after every edit for undo, so nothing here may mutate
its argument. A stop is named by its ``Stop.id`` (stable across re-ordering), an activity by its
index within the stop. Bad arguments (an unknown stop, a negative number of minutes, a blank
title) raise ``ValueError``/``KeyError``; the UI prevents them, so they mean a bug.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, time, timedelta
from typing import Any

from hongtu.core import limits
from hongtu.core.limits import fit_text
from hongtu.core.plans import (
    Activity,
    ActivityKind,
    CustomPlace,
    GatheringPoint,
    Plan,
    PlanStatus,
    Stop,
    TransportMode,
    copy_plan,
)
from hongtu.core.text import shortened

MAX_MINUTES = limits.MAX_MINUTES
TEXT_FIELDS = frozenset({"title", "branch", "organiser", "phone", "notes"})

#: Plan fields ``set_plan_field`` may change, with the type each must have.
PLAN_FIELDS: dict[str, type | tuple[type, ...]] = {
    "title": str,
    "branch": str,
    "date": date,
    "participants": int,
    "organiser": str,
    "phone": str,
    "transport": TransportMode,
    "gathering_time": time,
    "returns_to_gathering": bool,
    "return_leg_override": (int, type(None)),
    "return_by": (time, type(None)),
    "notes": str,
    "status": PlanStatus,
}

#: Stop fields ``set_stop_field`` may change.
STOP_FIELDS: dict[str, type | tuple[type, ...]] = {
    "visit_minutes": (int, type(None)),
    "pinned": bool,
    "start_override": (time, type(None)),
    "leg_minutes_override": (int, type(None)),
}

#: Usual length of each activity, in minutes, when the organiser adds it.
DEFAULT_ACTIVITY_MINUTES: dict[ActivityKind, int] = {
    ActivityKind.TOUR: 60,
    ActivityKind.OATH: 15,
    ActivityKind.WREATH: 15,
    ActivityKind.LESSON: 45,
    ActivityKind.DISCUSSION: 30,
    ActivityKind.LUNCH: 60,
    ActivityKind.CUSTOM: 20,
}


#: A new plan's title, and how a copy's title is marked. The title is printed on the branch's
#: documents, which are Chinese whatever the window's language (docs/exports.md), so these are
#: Chinese too: an English "Party day activity" came out as "“Party day activity”主题党日活动".
NEW_PLAN_TITLE = "主题党日活动"
COPY_MARK = "（副本）"


def copy_title(title: str) -> str:
    """The title of a copy: "…（副本）", the title shortened (…) when the mark would not fit
    within the title's limit (then it would be cut off and the copy look like the original)."""
    return shortened(title, limits.TEXT_LIMITS["title"] - len(COPY_MARK)) + COPY_MARK


def default_plan_date(today: date) -> date:
    """A new plan's day: a week ahead, time to book the sites; the Tuesday after when that is a
    Monday. Many memorial halls close on Mondays, and as no site's closing days are known yet
    nothing would warn of it: a Monday is left for the organiser to choose, not offered."""
    day = today + timedelta(days=7)
    return day + timedelta(days=1) if day.weekday() == 0 else day


def new_plan(title: str, day: date, transport: TransportMode = TransportMode.COACH) -> Plan:
    title = fit_text("title", title)
    if not title:
        raise ValueError("a plan needs a title")
    return Plan(title=title, date=day, transport=transport)


def _copy(plan: Plan) -> Plan:
    return copy_plan(plan)


def _check_minutes(value: int | None, name: str) -> None:
    if value is not None and not 0 <= value <= MAX_MINUTES:
        raise ValueError(f"{name} must be between 0 and {MAX_MINUTES}")


def _check_type(value: Any, expected: type | tuple[type, ...], name: str) -> None:
    if isinstance(value, bool) and expected is int:
        raise TypeError(f"{name} must be an int")
    if not isinstance(value, expected):
        raise TypeError(f"{name} has the wrong type: {type(value).__name__}")


# ---- the plan's own fields ---------------------------------------------------------------------


def set_plan_field(plan: Plan, name: str, value: Any) -> Plan:
    if name not in PLAN_FIELDS:
        raise KeyError(name)
    _check_type(value, PLAN_FIELDS[name], name)
    if name in TEXT_FIELDS:
        value = fit_text(name, value)
    if name == "title" and not value:
        raise ValueError("a plan needs a title")
    if name == "participants" and not limits.MIN_PARTICIPANTS <= value <= limits.MAX_PARTICIPANTS:
        raise ValueError("participants out of range")
    if name == "date" and not limits.FIRST_DATE <= value <= limits.LAST_DATE:
        raise ValueError("date out of range")
    if name == "return_leg_override":
        _check_minutes(value, name)
    # Only an immutable value of the plan itself changes: the new plan shares the stops and
    # the gathering point with the old one (a keystroke in the notes of a 500-stop plan copied
    # all of them). Both stay as they are: every edit of a stop copies the plan first.
    edited = replace(plan)
    setattr(edited, name, value)
    return edited


def set_gathering(plan: Plan, gathering: GatheringPoint) -> Plan:
    if gathering.site_id is not None and gathering.custom is not None:
        raise ValueError("a gathering point is a site or a custom place, not both")
    edited = _copy(plan)
    edited.gathering = copy.deepcopy(gathering)
    if edited.gathering.custom is not None:
        edited.gathering.custom.name = fit_text("place", edited.gathering.custom.name)
    return edited


# ---- stops -------------------------------------------------------------------------------------


def stop_index(plan: Plan, stop_id: str) -> int:
    for index, stop in enumerate(plan.stops):
        if stop.id == stop_id:
            return index
    raise KeyError(stop_id)


def site_stop(site_id: int) -> Stop:
    """A new stop at a catalogue site, visit minutes from the site's default."""
    return Stop(site_id=site_id)


def custom_stop(place: CustomPlace) -> Stop:
    """A new stop at a custom place; a stop's custom place needs its point (the plan file too)."""
    if place.point is None:
        raise ValueError("a custom stop needs a position")
    return Stop(custom=CustomPlace(fit_text("place", place.name), place.point))


def add_stop(plan: Plan, stop: Stop, index: int | None = None) -> Plan:
    """Insert ``stop`` at ``index`` (default: at the end); a full plan stays as it is."""
    if any(existing.id == stop.id for existing in plan.stops):
        raise ValueError(f"stop {stop.id} is already in the plan")
    if len(plan.stops) >= limits.MAX_STOPS:
        return plan
    edited = _copy(plan)
    position = len(edited.stops) if index is None else max(0, min(index, len(edited.stops)))
    edited.stops.insert(position, copy.deepcopy(stop))
    return _forget_moved_legs(plan, edited)


def remove_stop(plan: Plan, stop_id: str) -> Plan:
    edited = _copy(plan)
    del edited.stops[stop_index(edited, stop_id)]
    return _forget_moved_legs(plan, edited)


def move_stop(plan: Plan, stop_id: str, new_index: int) -> Plan:
    """Move a stop so that it ends up at ``new_index`` (clamped to the list).

    Hand-typed leg minutes whose leg now starts somewhere else are cleared
    (``_forget_moved_legs``).
    """
    edited = _copy(plan)
    stop = edited.stops.pop(stop_index(edited, stop_id))
    position = max(0, min(new_index, len(edited.stops)))
    edited.stops.insert(position, stop)
    return _forget_moved_legs(plan, edited)


def apply_order(plan: Plan, order: Sequence[str]) -> Plan:
    """Put the stops in ``order`` (every stop id exactly once); legs that change lose their
    hand-typed minutes (``_forget_moved_legs``)."""
    by_id = {stop.id: stop for stop in plan.stops}
    if sorted(order) != sorted(by_id):
        raise ValueError("the order must name every stop exactly once")
    edited = _copy(plan)
    edited_by_id = {stop.id: stop for stop in edited.stops}
    edited.stops = [edited_by_id[stop_id] for stop_id in order]
    return _forget_moved_legs(plan, edited)


def _leg_starts(plan: Plan) -> tuple[dict[str, str | None], str | None]:
    """Where each stop's arriving leg starts (a stop id; None: the gathering point), and the
    stop the return leg starts from (None: no stops)."""
    starts: dict[str, str | None] = {}
    previous: str | None = None
    for stop in plan.stops:
        starts[stop.id] = previous
        previous = stop.id
    return starts, previous


def _forget_moved_legs(before: Plan, edited: Plan) -> Plan:
    """Clear hand-typed leg minutes on ``edited`` (a fresh copy) where the leg now starts
    elsewhere than in ``before``: they were typed for the way from one place to another, and
    kept on a new leg they would pass an unknown or different journey off as confirmed."""
    old_starts, old_last = _leg_starts(before)
    new_starts, new_last = _leg_starts(edited)
    for stop in edited.stops:
        moved = stop.id in old_starts and old_starts[stop.id] != new_starts[stop.id]
        if moved and stop.leg_minutes_override is not None:
            stop.leg_minutes_override = None
    if edited.return_leg_override is not None and old_last != new_last:
        edited.return_leg_override = None
    return edited


def forgotten_leg_count(before: Plan, after: Plan) -> int:
    """How many hand-typed leg minutes an edit of the stops' order cleared."""
    still_set = {stop.id: stop.leg_minutes_override is not None for stop in after.stops}
    count = sum(
        stop.leg_minutes_override is not None and still_set.get(stop.id) is False
        for stop in before.stops
    )
    lost_return = before.return_leg_override is not None and after.return_leg_override is None
    return count + lost_return


def set_stop_field(plan: Plan, stop_id: str, name: str, value: Any) -> Plan:
    if name not in STOP_FIELDS:
        raise KeyError(name)
    _check_type(value, STOP_FIELDS[name], name)
    if name in ("visit_minutes", "leg_minutes_override"):
        _check_minutes(value, name)
    edited = _copy(plan)
    setattr(edited.stops[stop_index(edited, stop_id)], name, value)
    return edited


def set_pinned(plan: Plan, stop_id: str, pinned: bool) -> Plan:
    return set_stop_field(plan, stop_id, "pinned", pinned)


# ---- activities --------------------------------------------------------------------------------


def new_activity(kind: ActivityKind, label: str = "", minutes: int | None = None) -> Activity:
    if kind is ActivityKind.CUSTOM and not label.strip():
        raise ValueError("a custom activity needs a label")
    length = DEFAULT_ACTIVITY_MINUTES[kind] if minutes is None else minutes
    _check_minutes(length, "minutes")
    return Activity(kind, length, fit_text("label", label).strip())


def _check_activity(activity: Activity) -> None:
    _check_minutes(activity.minutes, "minutes")
    if activity.kind is ActivityKind.CUSTOM and not activity.label.strip():
        raise ValueError("a custom activity needs a label")


def _fitted(activity: Activity) -> Activity:
    return Activity(activity.kind, activity.minutes, fit_text("label", activity.label))


def add_activity(plan: Plan, stop_id: str, activity: Activity, index: int | None = None) -> Plan:
    """A stop that has ``limits.MAX_ACTIVITIES`` already stays as it is."""
    _check_activity(activity)
    if len(plan.stops[stop_index(plan, stop_id)].activities) >= limits.MAX_ACTIVITIES:
        return plan
    edited = _copy(plan)
    activities = edited.stops[stop_index(edited, stop_id)].activities
    position = len(activities) if index is None else max(0, min(index, len(activities)))
    activities.insert(position, _fitted(activity))
    return edited


def remove_activity(plan: Plan, stop_id: str, index: int) -> Plan:
    edited = _copy(plan)
    activities = edited.stops[stop_index(edited, stop_id)].activities
    if not 0 <= index < len(activities):
        raise IndexError(index)
    del activities[index]
    return edited


def change_activity(plan: Plan, stop_id: str, index: int, activity: Activity) -> Plan:
    _check_activity(activity)
    edited = _copy(plan)
    activities = edited.stops[stop_index(edited, stop_id)].activities
    if not 0 <= index < len(activities):
        raise IndexError(index)
    activities[index] = _fitted(activity)
    return edited


def move_activity(plan: Plan, stop_id: str, index: int, new_index: int) -> Plan:
    edited = _copy(plan)
    activities = edited.stops[stop_index(edited, stop_id)].activities
    if not 0 <= index < len(activities):
        raise IndexError(index)
    activity = activities.pop(index)
    activities.insert(max(0, min(new_index, len(activities))), activity)
    return edited
