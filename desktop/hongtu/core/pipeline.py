"""The one plan pipeline: plan, catalogue and settings in; schedule, warnings, document out.

The window (``PlanSession``), the command line (``hongtu plans show`` / ``export``) and every
export call ``render_plan``, so all of them time the day with the organiser's speeds and warn
against the longest day the organiser set. Nothing here reads the disk: the caller passes the
settings it loaded once and the day it counts as today.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING

from hongtu.core.document import DocumentLabels, PlanDocument, build_document
from hongtu.core.plans import Plan, Schedule
from hongtu.core.schedule import compute_schedule
from hongtu.core.settings import Settings
from hongtu.core.sites import Site
from hongtu.core.warnings import PlanWarning, plan_warnings

if TYPE_CHECKING:  # a roster comes read; the pipeline only passes it on
    from hongtu.core.members import Member


@dataclass(frozen=True)
class PlanView:
    """A plan as the organiser sees it: timed, checked, and laid out for print and export.

    ``document`` is built on first use (the window re-renders on every keystroke, exports are
    rarer); it always describes this ``plan`` and ``schedule``.
    """

    plan: Plan
    sites: Mapping[int, Site]
    settings: Settings
    schedule: Schedule
    warnings: tuple[PlanWarning, ...]
    labels: DocumentLabels | None = field(default=None, compare=False)
    roster: tuple[Member, ...] = ()  # the plan's branch's members (the 签到表 and 应到)

    @cached_property
    def document(self) -> PlanDocument:
        return build_document(self.plan, self.schedule, self.sites, self.labels, self.roster)


def site_index(sites: Iterable[Site] | Mapping[int, Site]) -> Mapping[int, Site]:
    """The catalogue by site id, read-only."""
    if isinstance(sites, Mapping):
        return MappingProxyType(dict(sites))
    return MappingProxyType({site.id: site for site in sites})


def render_plan(
    plan: Plan,
    sites: Iterable[Site] | Mapping[int, Site],
    settings: Settings,
    *,
    today: date,
    labels: DocumentLabels | None = None,
    roster: Iterable[Member] = (),
    previous: PlanView | None = None,
) -> PlanView:
    """Time ``plan`` with ``settings.travel`` and check it against ``settings.max_day_minutes``.

    ``roster``: the members of the plan's branch, as stored (the caller reads them); the
    members on the roster on the plan's day fill the 签到表 and its 应到 count.
    ``previous``: the view shown before this edit; its schedule is taken as it is when nothing
    the timing reads has changed (a title or a note typed into a 500-stop plan is not timed
    again)."""
    catalogue = site_index(sites)
    if previous is not None and _same_timing(previous, plan, catalogue, settings):
        schedule = previous.schedule
    else:
        schedule = compute_schedule(plan, catalogue, settings.travel)
    warnings = plan_warnings(
        plan, schedule, catalogue, settings.travel, today, settings.max_day_minutes
    )
    return PlanView(plan, catalogue, settings, schedule, tuple(warnings), labels, tuple(roster))


def timing_inputs(plan: Plan) -> tuple[object, ...]:
    """Everything of ``plan`` that ``compute_schedule`` reads."""
    return (
        plan.gathering,
        plan.gathering_time,
        plan.transport,
        plan.returns_to_gathering,
        plan.return_leg_override,
        plan.stops,
    )


def _same_timing(
    previous: PlanView, plan: Plan, catalogue: Mapping[int, Site], settings: Settings
) -> bool:
    return (
        previous.settings.travel == settings.travel
        and timing_inputs(previous.plan) == timing_inputs(plan)
        and previous.sites == catalogue
    )


__all__ = ["PlanView", "render_plan", "site_index", "timing_inputs"]
