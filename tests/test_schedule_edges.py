"""What each line of the schedule carries besides its times: the stop a leg goes to (the table
clears a hand-set leg through it) and where it arrives (the CSV and calendar give that place's
coordinates); the leg home arrives at the gathering point."""

from __future__ import annotations

from datetime import time

from factories import EAST, NORTH, TAIYUAN_CENTRE, make_plan, make_site, site_map, site_stop
from hongtu.core.document import build_document
from hongtu.core.exports import ExportFormat, render_bytes
from hongtu.core.plans import Activity, ActivityKind, ItemKind, ScheduleFlagCode
from hongtu.core.routing import DEFAULT_SETTINGS
from hongtu.core.schedule import clock, compute_schedule, minutes_of

SITES = site_map([make_site(1, "北馆", point=NORTH), make_site(2, "东馆", point=EAST)])


def test_every_leg_names_the_stop_it_goes_to_and_arrives_where_that_stop_is() -> None:
    plan = make_plan([site_stop(1), site_stop(2)], gathering_time=time(8, 30))
    schedule = compute_schedule(plan, SITES, DEFAULT_SETTINGS)
    legs = [item for item in schedule.items if item.kind is ItemKind.TRAVEL]
    assert [(item.stop_id, item.stop_number, item.point) for item in legs] == [
        (plan.stops[0].id, 1, NORTH),
        (plan.stops[1].id, 2, EAST),
        (None, None, TAIYUAN_CENTRE),  # home to the gathering point
    ]
    assert [leg.to_stop_id for leg in schedule.legs] == [plan.stops[0].id, plan.stops[1].id, None]


def test_the_csv_gives_the_gathering_points_coordinates_on_the_leg_home() -> None:
    plan = make_plan([site_stop(1)], gathering_time=time(8, 30))
    schedule = compute_schedule(plan, SITES, DEFAULT_SETTINGS)
    text = render_bytes(build_document(plan, schedule, SITES), ExportFormat.CSV).decode("utf-8-sig")
    home = text.splitlines()[-2]  # the leg home, then the arrival back at the gathering point
    assert home.endswith(f"{TAIYUAN_CENTRE.lat:.6f},{TAIYUAN_CENTRE.lon:.6f}")


def test_only_what_the_organiser_set_by_hand_is_marked_as_set_by_hand() -> None:
    """``plans show --json`` and the schedule table mark hand-set times: a start and a leg here,
    nothing else (not the gathering, the activities or the way home)."""
    plan = make_plan(
        [
            site_stop(1, Activity(ActivityKind.TOUR, 30), start_override=time(10, 0)),
            site_stop(2, leg_minutes_override=25),
        ],
        gathering_time=time(8, 30),
    )
    schedule = compute_schedule(plan, SITES, DEFAULT_SETTINGS)
    marked = [(item.kind, item.stop_number) for item in schedule.items if item.overridden]
    assert marked == [(ItemKind.VISIT, 1), (ItemKind.TRAVEL, 2)]


def test_a_start_fixed_at_the_arrival_itself_is_not_too_early() -> None:
    plan = make_plan([site_stop(1)], gathering_time=time(8, 30))
    arrival = compute_schedule(plan, SITES, DEFAULT_SETTINGS).items[1].end
    plan.stops[0].start_override = arrival
    schedule = compute_schedule(plan, SITES, DEFAULT_SETTINGS)
    assert schedule.flags == ()
    plan.stops[0].start_override = clock(minutes_of(arrival) - 1)
    flags = compute_schedule(plan, SITES, DEFAULT_SETTINGS).flags
    assert [(f.code, f.stop_id, f.arrival) for f in flags] == [
        (ScheduleFlagCode.START_BEFORE_ARRIVAL, plan.stops[0].id, arrival)
    ]


def test_the_gathering_row_gives_the_gathering_points_coordinates() -> None:
    plan = make_plan([site_stop(1)], gathering_time=time(8, 30))
    schedule = compute_schedule(plan, SITES, DEFAULT_SETTINGS)
    assert schedule.items[0].kind is ItemKind.GATHER and schedule.items[0].point == TAIYUAN_CENTRE
    text = render_bytes(build_document(plan, schedule, SITES), ExportFormat.CSV).decode("utf-8-sig")
    gathering = text.splitlines()[1]  # after the header
    assert gathering.endswith(f"{TAIYUAN_CENTRE.lat:.6f},{TAIYUAN_CENTRE.lon:.6f}")
