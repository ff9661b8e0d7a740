"""The plans list comes from one summary query; bulk inserts give the same plans as one by one."""

from __future__ import annotations

import random
from dataclasses import replace

from sqlalchemy import event

from factories import NORTH, make_plan, site_stop
from hongtu.core.geo import Crs
from hongtu.core.plans import Activity, ActivityKind, PlanStatus
from hongtu.core.storage.plan_store import PlanNotFoundError, PlanSummary
from hongtu.core.storage.site_store import NewPlace


def _summary_from_plan(workspace, plan_id: int) -> tuple[object, ...]:  # type: ignore[no-untyped-def]
    plan = workspace.plans.get(plan_id)
    return (plan.id, plan.title, plan.date, plan.branch, plan.status, len(plan.stops))


def _key(summary: PlanSummary) -> tuple[object, ...]:
    return (
        summary.id,
        summary.title,
        summary.day,
        summary.branch,
        summary.status,
        summary.stop_count,
    )


def _random_plans(workspace, count: int, seed: int):  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    site_ids = [s.id for s in workspace.sites.list_sites() if s.position is not None]
    plans = []
    for number in range(count):
        stops = [site_stop(rng.choice(site_ids)) for _ in range(rng.randint(0, 12))]
        for stop in stops:
            stop.activities = [Activity(ActivityKind.TOUR, rng.randint(10, 90))]
        plans.append(
            replace(make_plan(stops), title=f"方案{number}", status=rng.choice(list(PlanStatus)))
        )
    return plans


def test_the_summary_list_equals_what_loading_every_plan_says(workspace) -> None:
    ids = workspace.plans.save_many(_random_plans(workspace, 40, seed=3))
    workspace.plans.delete(ids[5])
    summaries = workspace.plans.list_plans()
    assert [s.id for s in summaries if s.id == ids[5]] == []
    assert len(summaries) == 39
    for summary in summaries:
        assert _key(summary) == _summary_from_plan(workspace, summary.id)
        assert workspace.plans.summary(summary.id) == summary
    days = [(s.day, s.id) for s in summaries]
    assert days == sorted(days, reverse=True)


def test_listing_plans_is_one_query_whatever_the_number_of_plans(workspace) -> None:
    workspace.plans.save_many(_random_plans(workspace, 30, seed=4))
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    engine = workspace.database.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        assert len(workspace.plans.list_plans()) == 30
    finally:
        event.remove(engine, "before_cursor_execute", record)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 1


def test_a_deleted_plan_has_no_summary(workspace) -> None:
    saved = workspace.plans.save(make_plan([]))
    assert saved.id is not None
    workspace.plans.delete(saved.id)
    try:
        workspace.plans.summary(saved.id)
    except PlanNotFoundError as error:
        assert error.plan_id == saved.id
    else:
        raise AssertionError("a deleted plan must not be summarised")


def test_plans_saved_in_bulk_load_as_saved(workspace) -> None:
    plans = _random_plans(workspace, 12, seed=5)
    ids = workspace.plans.save_many(plans)
    assert len(set(ids)) == 12
    for plan_id, plan in zip(ids, plans, strict=True):
        assert workspace.plans.get(plan_id) == replace(plan, id=plan_id)


def test_places_added_in_bulk_are_listed_with_their_positions(workspace) -> None:
    before = len(workspace.sites.list_sites())
    places = [NewPlace(f"集合点{n}", NORTH, Crs.WGS84, address="示例路1号") for n in range(3)]
    ids = workspace.sites.add_places(places)
    sites = {site.id: site for site in workspace.sites.list_sites()}
    assert len(sites) == before + 3
    for place_id, place in zip(ids, places, strict=True):
        assert sites[place_id].name == place.name
        assert sites[place_id].position is not None
        assert sites[place_id].position.point == NORTH


def test_a_prefetched_list_is_used_once_and_never_after_a_write(workspace) -> None:
    workspace.plans.save_many(_random_plans(workspace, 5, seed=6))
    workspace.prefetch()
    assert workspace.plans.list_plans() == workspace.plans.list_plans()
    workspace.prefetch()
    saved = workspace.plans.save(replace(make_plan([]), title="后来保存的方案"))
    assert saved.id in {s.id for s in workspace.plans.list_plans()}
    workspace.prefetch()
    workspace.sites.add_places([NewPlace("新集合点", NORTH, Crs.WGS84)])
    assert "新集合点" in {s.name for s in workspace.sites.list_sites()}
