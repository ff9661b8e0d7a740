"""The plan store keeps a gathering point's name when its coordinate is not known (yet)."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

from sqlalchemy import select

from factories import NORTH, make_plan, site_stop
from hongtu.core.plans import CustomPlace, GatheringPoint
from hongtu.core.storage.models import PlanRow
from hongtu.core.storage.quick_read import read_plan_quickly
from hongtu.core.workspace import open_workspace


def test_a_gathering_point_without_a_coordinate_is_stored_by_name(workspace) -> None:
    site_id = workspace.sites.list_sites()[0].id
    plan = make_plan([site_stop(site_id)], gathering=GatheringPoint(custom=CustomPlace("单位大门")))
    saved = workspace.plans.save(plan)
    assert saved.id is not None
    loaded = workspace.plans.get(saved.id)
    assert loaded.gathering == GatheringPoint(custom=CustomPlace("单位大门", None))
    assert loaded == saved
    with workspace.database.sessions() as session:
        row = session.scalars(select(PlanRow).where(PlanRow.id == saved.id)).one()
        assert row.gathering == {"custom": {"name": "单位大门"}}


def test_the_latest_return_is_stored_and_read_back(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """…by the window's store and by the command line's quick read of a current file."""
    db = str(tmp_path / "plans.sqlite3")
    plan = make_plan([])
    plan.return_by = time(15, 0)
    workspace = open_workspace(db)
    try:
        saved = workspace.plans.save(plan)
        assert saved.id is not None
        assert workspace.plans.get(saved.id).return_by == time(15, 0)
        with workspace.database.sessions() as session:
            row = session.scalars(select(PlanRow).where(PlanRow.id == saved.id)).one()
            assert row.return_by == "15:00"
        cleared = workspace.plans.save(replace(saved, return_by=None, title="不限返回时间"))
        assert cleared.id is not None and workspace.plans.get(cleared.id).return_by is None
    finally:
        workspace.close()
    snapshot = read_plan_quickly(db, saved.id)
    assert snapshot is not None and snapshot.plan.return_by is None


def test_adding_the_coordinate_later_keeps_the_name(workspace) -> None:
    plan = workspace.plans.save(make_plan([], gathering=GatheringPoint(custom=CustomPlace("大门"))))
    assert plan.id is not None
    plan.gathering = GatheringPoint(custom=CustomPlace("大门", NORTH))
    workspace.plans.save(plan)
    assert workspace.plans.get(plan.id).gathering.custom == CustomPlace("大门", NORTH)
