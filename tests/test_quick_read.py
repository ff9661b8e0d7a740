"""The start-up fast path reads exactly what the full store reads, or steps aside."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date

from hongtu.core.geo import Crs, LatLon
from hongtu.core.plans import CustomPlace, Plan, PlanStatus, Stop
from hongtu.core.sites import VisitRules
from hongtu.core.storage.quick_read import (
    read_plan_summaries_quickly,
    read_site_pins_quickly,
    read_sites_quickly,
    site_pin,
)
from hongtu.core.workspace import open_workspace


def test_fast_path_matches_the_full_store_including_edits(tmp_path) -> None:
    file = str(tmp_path / "h.sqlite3")
    ws = open_workspace(file)
    site = ws.sites.list_sites()[2]
    ws.sites.set_position(site.id, LatLon(37.9, 112.6), Crs.BD09)
    ws.sites.set_fact(site.id, "opening_hours", "9:00-17:00")
    ws.sites.set_rules(site.id, VisitRules(max_group_size=40))
    ws.sites.add_place("单位门口", LatLon(37.86, 112.55), Crs.WGS84, "迎泽区")
    full = ws.sites.list_sites()
    ws.close()
    assert read_sites_quickly(file) == full


def test_the_pins_read_for_the_first_markers_are_where_the_sites_are(tmp_path) -> None:
    """Start-up draws the markers from the sites' pins, read without building the sites: the
    same places as the sites read whole, whatever the organiser corrected or added."""
    file = str(tmp_path / "h.sqlite3")
    ws = open_workspace(file)
    sites = ws.sites.list_sites()
    ws.sites.set_position(sites[2].id, LatLon(37.9, 112.6), Crs.BD09)  # moved
    ws.sites.set_fact(sites[3].id, "opening_hours", "9:00-17:00")  # edited, not moved
    unverified = next(s for s in sites if s.position is not None and s.position_is_estimate)
    ws.sites.set_position(unverified.id, LatLon(37.88, 112.56), Crs.WGS84)  # now confirmed
    ws.sites.add_place("单位门口", LatLon(37.86, 112.55), Crs.WGS84, "迎泽区")
    ws.close()
    with closing(sqlite3.connect(file)) as con, con:  # a place whose position nobody knows: no pin
        con.execute("UPDATE sites SET lat = NULL, lon = NULL WHERE id = ?", (sites[5].id,))
    full = read_sites_quickly(file)
    assert full is not None
    pins = read_site_pins_quickly(file)
    assert pins == [pin for site in full if (pin := site_pin(site)) is not None]
    assert sites[5].id not in {pin.id for pin in pins}
    moved = next(pin for pin in pins if pin.id == sites[2].id)
    assert moved.point != sites[2].position.point  # the correction, not the catalogue's
    assert {pin.estimate for pin in pins} == {True, False}
    assert read_site_pins_quickly(str(tmp_path / "missing.sqlite3")) is None


def test_fast_path_steps_aside_for_new_old_or_foreign_files(tmp_path) -> None:
    assert read_sites_quickly(str(tmp_path / "missing.sqlite3")) is None
    assert read_sites_quickly("sqlite://") is None
    foreign = tmp_path / "foreign.sqlite3"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE x (y)")
    con.commit()
    con.close()
    assert read_sites_quickly(str(foreign)) is None
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    assert read_sites_quickly(str(junk)) is None


def test_the_plans_list_read_quickly_is_the_stores_list(tmp_path) -> None:
    """Same lines, same order (newest day first, then newest id); deleted plans left out."""
    file = str(tmp_path / "h.sqlite3")
    ws = open_workspace(file)
    place = CustomPlace("单位门口", LatLon(37.86, 112.55))
    ids = []
    for n, day in enumerate(
        (date(2026, 7, 1), date(2026, 5, 4), date(2026, 7, 1), date(2027, 1, 9))
    ):
        plan = Plan(
            title=f"方案{n}",
            date=day,
            branch="第一支部",
            stops=[Stop(custom=place) for _ in range(n)],
        )
        ids.append(ws.plans.save(plan).id)
    gone = ws.plans.save(Plan(title="已删除", date=date(2026, 8, 1)))
    assert gone.id is not None
    ws.plans.delete(gone.id)
    renamed = ws.plans.get(ids[1])
    renamed.title, renamed.status = "改名的方案", PlanStatus.PLANNED
    ws.plans.save(renamed)
    full = ws.plans.list_plans()
    ws.close()
    assert read_plan_summaries_quickly(file) == full
    assert [line.stop_count for line in full] == [3, 2, 0, 1]


def test_the_plans_list_steps_aside_for_foreign_files(tmp_path) -> None:
    assert read_plan_summaries_quickly(str(tmp_path / "missing.sqlite3")) is None
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    assert read_plan_summaries_quickly(str(junk)) is None
