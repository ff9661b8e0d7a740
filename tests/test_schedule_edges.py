"""What each line of the schedule carries besides its times: the stop a leg goes to (the table
clears a hand-set leg through it) and where it arrives (the CSV and calendar give that place's
coordinates); the leg home arrives at the gathering point."""

from __future__ import annotations

from datetime import time

from factories import EAST, NORTH, TAIYUAN_CENTRE, make_plan, make_site, site_map, site_stop
from hongtu.core.document import build_document
from hongtu.core.exports import ExportFormat, render_bytes
from hongtu.core.plans import ItemKind
from hongtu.core.routing import DEFAULT_SETTINGS
from hongtu.core.schedule import compute_schedule

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
