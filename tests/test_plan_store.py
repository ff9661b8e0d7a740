"""The plan store keeps a gathering point's name when its coordinate is not known (yet)."""

from __future__ import annotations

from sqlalchemy import select

from factories import NORTH, make_plan, site_stop
from hongtu.core.plans import CustomPlace, GatheringPoint
from hongtu.core.storage.models import PlanRow


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


def test_adding_the_coordinate_later_keeps_the_name(workspace) -> None:
    plan = workspace.plans.save(make_plan([], gathering=GatheringPoint(custom=CustomPlace("大门"))))
    assert plan.id is not None
    plan.gathering = GatheringPoint(custom=CustomPlace("大门", NORTH))
    workspace.plans.save(plan)
    assert workspace.plans.get(plan.id).gathering.custom == CustomPlace("大门", NORTH)
