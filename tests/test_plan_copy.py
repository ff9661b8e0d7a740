"""Copying a plan for an edit: equal to the original, sharing nothing that an edit could change."""

from __future__ import annotations

import copy
from datetime import time

from factories import NORTH, make_plan, site_stop
from hongtu.core.plans import (
    Activity,
    ActivityKind,
    CustomPlace,
    GatheringPoint,
    Stop,
    copy_plan,
)


def full_plan():  # type: ignore[no-untyped-def]
    stops = [site_stop(1), Stop(custom=CustomPlace("烈士陵园东门", NORTH)), site_stop(3)]
    stops[0].activities = [
        Activity(ActivityKind.TOUR, 40),
        Activity(ActivityKind.CUSTOM, 20, "合影"),
    ]
    stops[0].start_override = time(9, 30)
    stops[2].pinned = True
    stops[2].leg_minutes_override = 25
    plan = make_plan(stops, gathering=GatheringPoint(custom=CustomPlace("单位大门", NORTH)))
    plan.notes = "着装整齐"
    plan.return_leg_override = 30
    return plan


def test_a_copy_equals_the_plan_and_deepcopy() -> None:
    plan = full_plan()
    assert copy_plan(plan) == plan == copy.deepcopy(plan)


def test_changing_the_copy_leaves_the_plan_alone() -> None:
    plan = full_plan()
    before = copy.deepcopy(plan)
    edited = copy_plan(plan)
    edited.stops[0].activities.append(Activity(ActivityKind.OATH, 15))
    edited.stops[0].activities[0].minutes = 5
    edited.stops[1].custom.name = "改了"  # type: ignore[union-attr]
    edited.stops.pop()
    edited.gathering.custom = None
    edited.title = "另一个主题"
    assert plan == before
    assert edited != plan
