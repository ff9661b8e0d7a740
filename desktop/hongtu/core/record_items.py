"""What a record starts with as 实际活动内容: the plan's stops and their activities, done as
planned. Qt-free: the window's 记录活动 and ``hongtu record`` fill a first record from the same
function, so a day recorded either way has the same items in the 台账."""

from __future__ import annotations

from collections.abc import Mapping

from hongtu.core.document import DocumentLabels, activity_name
from hongtu.core.plans import Plan
from hongtu.core.records import DoneItem, DoneState
from hongtu.core.schedule import stop_place
from hongtu.core.sites import Site

RECORD_WORDS = DocumentLabels()  # the activities' names as the Chinese documents print them


def planned_items(plan: Plan, sites: Mapping[int, Site]) -> tuple[DoneItem, ...]:
    """The plan's stops and their activities, all done as planned.

    Stored as text in Chinese whatever the window's language: the 台账 is the branch's official
    Chinese record, and a day recorded in English must not read "…：On-site Party lesson"."""
    items: list[DoneItem] = []
    for stop in plan.stops:
        name = stop_place(stop, sites).name
        items.append(DoneItem(name, DoneState.DONE, stop.id))
        for activity in stop.activities:
            items.append(DoneItem(f"{name}：{activity_name(activity, RECORD_WORDS)}"))
    return tuple(items)
