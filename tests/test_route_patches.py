"""Edits reach the map as small patches: only what changed is sent, and the map ends up right."""

from __future__ import annotations

import json
import random
from datetime import date
from typing import Any

import pytest

from gui_helpers import close_main_window, open_main_window, run_js
from hongtu.core.geo import LatLon
from hongtu.core.plans import Activity, ActivityKind, CustomPlace, GatheringPoint
from hongtu.qt.map_controller import route_patch
from hongtu.qt.plan_ui import route_payload


def stop(stop_id: str, number: int, lat: float = 37.87) -> dict[str, Any]:
    return {"id": stop_id, "number": number, "lat": lat, "lon": 112.55, "name": f"站{stop_id}"}


GATE = {"lat": 37.8706, "lon": 112.5489, "name": "单位大门"}


def route(*stops: dict[str, Any], gathering: dict[str, Any] | None = GATE) -> dict[str, Any]:
    return {"gathering": gathering, "stops": list(stops), "returns": True}


def test_an_unchanged_route_sends_nothing() -> None:
    old = route(stop("a", 1), stop("b", 2))
    assert route_patch(old, route(stop("a", 1), stop("b", 2))) == {}


def test_a_first_route_sends_everything() -> None:
    new = route(stop("a", 1))
    assert route_patch(None, new) == {"gathering": GATE, "returns": True, "upsert": [stop("a", 1)]}


def test_a_stop_added_at_the_end_sends_only_that_stop() -> None:
    old = route(*(stop(str(n), n) for n in range(1, 41)))
    new = route(*(stop(str(n), n) for n in range(1, 42)))
    assert route_patch(old, new) == {"upsert": [stop("41", 41)]}


def test_a_removed_stop_sends_its_id_and_the_stops_renumbered_after_it() -> None:
    old = route(stop("a", 1), stop("b", 2), stop("c", 3), stop("d", 4))
    new = route(stop("a", 1), stop("c", 2), stop("d", 3))
    assert route_patch(old, new) == {"remove": ["b"], "upsert": [stop("c", 2), stop("d", 3)]}


def test_a_moved_gathering_point_sends_only_the_gathering_point() -> None:
    old = route(stop("a", 1))
    moved = dict(GATE, lat=37.9)
    assert route_patch(old, route(stop("a", 1), gathering=moved)) == {"gathering": moved}


# ---- in the real window ------------------------------------------------------------------------


@pytest.fixture
def main_window(qtbot, tmp_path):
    window, controller = open_main_window(qtbot, str(tmp_path / "patches.sqlite3"))
    yield window
    close_main_window(window, controller)


def drawn_route(qtbot, window) -> dict[str, Any]:
    return json.loads(run_js(qtbot, window, "routeSummary"))


def expected_route(window) -> tuple[list[tuple[str, str]], int]:
    session = window.plan_ui.session
    payload = route_payload(session.plan, session.sites)
    stops = [(s["name"], str(s["number"])) for s in payload["stops"]]
    points = len(stops) + (1 if payload["gathering"] else 0)
    if payload["returns"] and payload["gathering"] and points > 1:
        points += 1
    return stops, points if points > 1 else 0


@pytest.mark.gui
@pytest.mark.webengine
def test_random_edits_are_drawn_by_patches_that_carry_only_the_change(qtbot, main_window) -> None:
    window = main_window
    session = window.plan_ui.session
    sent: list[tuple[str, Any]] = []
    real_call = window.map_view.call

    def spy(function: str, *args: Any, **kwargs: Any) -> None:
        sent.append((function, args))
        real_call(function, *args, **kwargs)

    window.map_view.call = spy  # type: ignore[method-assign]
    sites = [s.id for s in window.site_model.sites() if s.position is not None]
    session.create("学习红色历史", date(2026, 6, 1))
    session.set_gathering(GatheringPoint(custom=CustomPlace("单位大门", LatLon(37.87, 112.55))))
    for site in sites[:12]:
        session.add_site_stop(site)
    rng = random.Random(11)
    for _ in range(25):
        sent.clear()
        plan = session.plan
        assert plan is not None
        kind = rng.choice(["add", "remove", "move", "title", "activity", "undo", "redo"])
        if kind == "add":
            session.add_site_stop(rng.choice(sites), rng.randrange(len(plan.stops) + 1))
        elif kind == "remove" and plan.stops:
            session.remove_stop(rng.choice(plan.stops).id)
        elif kind == "move" and len(plan.stops) > 1:
            session.move_stop(rng.choice(plan.stops).id, rng.randrange(len(plan.stops)))
        elif kind == "title":
            session.set_plan_field("title", f"主题{rng.randrange(1000)}")
        elif kind == "activity" and plan.stops:
            session.add_activity(plan.stops[0].id, Activity(ActivityKind.OATH, 15))
        elif kind == "undo":
            session.undo()
        elif kind == "redo":
            session.redo()
        route_calls = [args for function, args in sent if function in ("setRoute", "patchRoute")]
        assert all(function != "setRoute" for function, _ in sent)
        if kind in ("title", "activity"):
            assert route_calls == []  # nothing on the map changed, nothing is sent
        for (patch,) in route_calls:
            # never the whole day again: only stops that are new, moved or renumbered
            assert len(patch.get("upsert", [])) <= len(session.plan.stops)  # type: ignore[union-attr]
        stops, points = expected_route(window)
        drawn = drawn_route(qtbot, window)
        assert [(s["name"], s["number"]) for s in drawn["stops"]] == stops
        assert len(drawn["line"]) == points
        assert drawn["layers"] == len(stops) + 2  # the stops, the gathering marker, the line


@pytest.mark.gui
@pytest.mark.webengine
def test_adding_one_stop_to_a_long_plan_sends_one_stop(qtbot, main_window) -> None:
    window = main_window
    session = window.plan_ui.session
    sites = [s.id for s in window.site_model.sites() if s.position is not None]
    session.create("长方案", date(2026, 6, 1))
    for n in range(30):
        session.add_site_stop(sites[n % len(sites)])
    sent: list[tuple[str, Any]] = []
    real_call = window.map_view.call
    window.map_view.call = lambda f, *a, **k: (sent.append((f, a)), real_call(f, *a, **k))  # type: ignore[method-assign]
    session.add_site_stop(sites[0])
    patches = [args[0] for function, args in sent if function == "patchRoute"]
    assert len(patches) == 1
    assert [s["number"] for s in patches[0]["upsert"]] == [31]
    assert set(patches[0]) == {"upsert"}
    assert len(drawn_route(qtbot, window)["stops"]) == 31
