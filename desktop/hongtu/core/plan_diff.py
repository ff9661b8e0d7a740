"""What changed between two copies of a plan, field by field (for "changed elsewhere" notices).

Returns structured changes; the window puts them into words (translated).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from hongtu.core.plans import Plan, Stop
from hongtu.core.schedule import stop_place
from hongtu.core.sites import Site

# The plan's own fields, in the order a person reads the editor.
PLAN_FIELDS = (
    "title",
    "date",
    "branch",
    "participants",
    "organiser",
    "phone",
    "transport",
    "gathering",
    "gathering_time",
    "returns_to_gathering",
    "return_leg_override",
    "return_by",
    "notes",
    "status",
)


class ChangeKind(StrEnum):
    FIELD = "field"  # ``name`` is one of PLAN_FIELDS
    STOP_ADDED = "stop_added"  # ``name`` is the place
    STOP_REMOVED = "stop_removed"
    STOP_MOVED = "stop_moved"  # ``before``/``after``: 1-based positions
    STOP_CHANGED = "stop_changed"  # visit length, activities, pinning, times


@dataclass(frozen=True)
class PlanChange:
    kind: ChangeKind
    name: str
    before: object = None
    after: object = None


def plan_changes(old: Plan, new: Plan, sites: dict[int, Site]) -> list[PlanChange]:
    changes = [
        PlanChange(ChangeKind.FIELD, name, getattr(old, name), getattr(new, name))
        for name in PLAN_FIELDS
        if getattr(old, name) != getattr(new, name)
    ]
    old_stops = {stop.id: (index, stop) for index, stop in enumerate(old.stops)}
    new_stops = {stop.id: (index, stop) for index, stop in enumerate(new.stops)}
    for stop in new.stops:
        if stop.id not in old_stops:
            changes.append(PlanChange(ChangeKind.STOP_ADDED, _name(stop, sites)))
    for stop in old.stops:
        if stop.id not in new_stops:
            changes.append(PlanChange(ChangeKind.STOP_REMOVED, _name(stop, sites)))
    kept_old = [s.id for s in old.stops if s.id in new_stops]
    kept_new = [s.id for s in new.stops if s.id in old_stops]
    for stop_id in kept_new:
        old_index, old_stop = old_stops[stop_id]
        new_index, new_stop = new_stops[stop_id]
        if kept_old.index(stop_id) != kept_new.index(stop_id):
            changes.append(
                PlanChange(ChangeKind.STOP_MOVED, _name(new_stop, sites), old_index + 1,
                           new_index + 1)
            )  # fmt: skip
        elif old_stop != new_stop:
            changes.append(PlanChange(ChangeKind.STOP_CHANGED, _name(new_stop, sites)))
    return changes


def merged_plan(base: Plan, mine: Plan, theirs: Plan) -> Plan | None:
    """Both copies' changes since ``base`` in one plan, when they changed different things:
    each field as the copy that changed it has it, the stops as the copy that changed them has
    them (``theirs``: the stored plan, whose id and version it keeps). None when both changed
    the same field (to different values) or both changed the stops: one would be lost."""
    merged = replace(theirs)
    for name in PLAN_FIELDS:
        ours = getattr(mine, name)
        if ours == getattr(base, name) or ours == getattr(theirs, name):
            continue
        if getattr(theirs, name) != getattr(base, name):
            return None
        setattr(merged, name, ours)
    if mine.stops != base.stops and mine.stops != theirs.stops:
        if theirs.stops != base.stops:
            return None
        merged.stops = mine.stops
    return merged


def _name(stop: Stop, sites: dict[int, Site]) -> str:
    return stop_place(stop, sites).name
