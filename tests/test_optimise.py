"""Stop-order optimisation: exact against brute force, the heuristic's guarantees, the plan API."""

from __future__ import annotations

import random
from itertools import permutations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factories import LOUFAN, TAIYUAN_CENTRE, make_plan, make_site, site_map, site_stop
from hongtu.core.geo import LatLon
from hongtu.core.optimise import (
    EXACT_LIMIT,
    TourProblem,
    best_order,
    exact_order,
    heuristic_order,
    optimise_stop_order,
    order_cost,
    tour_minutes,
    unplaced_stop_count,
)
from hongtu.core.plans import CustomPlace, GatheringPoint, TransportMode
from hongtu.core.routing import DEFAULT_SETTINGS, travel_matrix
from hongtu.core.schedule import compute_schedule
from hongtu.core.sites import Site

# ---- instances -------------------------------------------------------------------------------


@st.composite
def problems(draw: st.DrawFn, max_stops: int = 7, min_stops: int = 0) -> TourProblem:
    """Random (possibly asymmetric) minute matrices with pins at random positions."""
    n = draw(st.integers(min_stops, max_stops))
    minutes = tuple(
        tuple(draw(st.integers(1, 120)) if i != j else 0 for j in range(n + 1))
        for i in range(n + 1)
    )
    pinned_positions = draw(st.sets(st.integers(0, max(n - 1, 0)), max_size=n)) if n else set()
    # the plan pins a stop where it stands; the solver accepts any stop at any position
    shuffled = draw(st.permutations(range(n)))
    pins = {position: shuffled[position] for position in pinned_positions}
    return TourProblem(minutes, pins, draw(st.booleans()))


def brute_force(problem: TourProblem) -> int:
    best = None
    for order in permutations(range(problem.size)):
        if all(order[position] == stop for position, stop in problem.pins.items()):
            cost = order_cost(problem, order)
            best = cost if best is None or cost < best else best
    assert best is not None
    return best


def respects(problem: TourProblem, order: list[int]) -> bool:
    return sorted(order) == list(range(problem.size)) and all(
        order[position] == stop for position, stop in problem.pins.items()
    )


# ---- the exact solver ------------------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(problems())
def test_exact_matches_brute_force(problem: TourProblem) -> None:
    order = exact_order(problem)
    assert respects(problem, order)
    assert order_cost(problem, order) == brute_force(problem)


def exhaustive_best(problem: TourProblem) -> int:
    """The least cost over every order that respects the pins, by depth-first search.

    A branch is cut only when its cost so far plus the cheapest way into each place still to
    be entered cannot beat the best complete order found: no order is assumed, only bounded.
    """
    n, minutes = problem.size, problem.minutes
    pinned = set(problem.pins.values())
    cheapest_in = [min(minutes[i][j] for i in range(n + 1) if i != j) for j in range(n + 1)]
    best = order_cost(problem, _pinned_shuffle(problem, random.Random(0)))

    def visit(node: int, used: int, position: int, cost: int, bound: int) -> None:
        nonlocal best
        if cost + bound >= best:
            return
        if position == n:
            best = min(best, cost + (minutes[node][0] if problem.returns else 0))
            return
        if position in problem.pins:
            candidates: list[int] = [problem.pins[position]]
        else:
            candidates = [s for s in range(n) if s not in pinned and not used >> s & 1]
        for stop in candidates:
            step = minutes[node][stop + 1]
            visit(
                stop + 1, used | 1 << stop, position + 1, cost + step, bound - cheapest_in[stop + 1]
            )

    if n == 0:
        return 0
    visit(0, 0, 0, 0, sum(cheapest_in[1:]) + (cheapest_in[0] if problem.returns else 0))
    return best


@settings(max_examples=10, deadline=None)
@given(problems(min_stops=8, max_stops=10))
def test_exact_matches_exhaustive_search_at_8_to_10_stops(problem: TourProblem) -> None:
    order = exact_order(problem)
    assert respects(problem, order)
    assert order_cost(problem, order) == exhaustive_best(problem)


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("size", [11, 12])
def test_exact_matches_exhaustive_search_at_11_and_12_stops(size: int, seed: int) -> None:
    rng = random.Random(size * 100 + seed)
    minutes = tuple(
        tuple(rng.randint(1, 120) if i != j else 0 for j in range(size + 1))
        for i in range(size + 1)
    )
    stops = list(range(size))
    rng.shuffle(stops)
    pins = {position: stops[position] for position in rng.sample(range(size), seed)}
    problem = TourProblem(minutes, pins, returns=seed != 1)
    order = exact_order(problem)
    assert respects(problem, order)
    assert order_cost(problem, order) == exhaustive_best(problem)


def test_exact_on_a_known_instance() -> None:
    # start 0, stops 1..3 on a line: 0 — 1 — 2 — 3; visiting in line order is best
    line = [0, 10, 20, 30]
    minutes = tuple(tuple(abs(a - b) for b in line) for a in line)
    assert exact_order(TourProblem(minutes, {}, False)) == [0, 1, 2]
    # pinning the far stop first forces the tour to go out and come back
    assert exact_order(TourProblem(minutes, {0: 2}, False)) == [2, 1, 0]
    assert exact_order(TourProblem(minutes, {}, True)) in ([0, 1, 2], [2, 1, 0])


def test_exact_of_nothing_and_of_one() -> None:
    assert exact_order(TourProblem(((0,),), {}, True)) == []
    assert exact_order(TourProblem(((0, 5), (5, 0)), {0: 0}, True)) == [0]


# ---- the heuristic ---------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(problems(max_stops=9))
def test_heuristic_respects_pins_and_is_never_better_than_exact(problem: TourProblem) -> None:
    order = heuristic_order(problem)
    assert respects(problem, order)
    assert order_cost(problem, order) >= order_cost(problem, exact_order(problem))


@settings(max_examples=200, deadline=None)
@given(problems(max_stops=6).filter(lambda problem: problem.size - len(problem.pins) <= 3))
def test_heuristic_is_exact_with_three_free_stops(problem: TourProblem) -> None:
    # with ≤ 3 free stops every other order is one move away, so a local optimum is global
    assert order_cost(problem, heuristic_order(problem)) == brute_force(problem)


@settings(max_examples=100, deadline=None)
@given(problems(max_stops=8), st.randoms(use_true_random=False))
def test_heuristic_never_worsens_a_start_order(problem: TourProblem, rng: random.Random) -> None:
    start = _pinned_shuffle(problem, rng)
    order = heuristic_order(problem, start)
    assert respects(problem, order)
    assert order_cost(problem, order) <= order_cost(problem, start)


def _pinned_shuffle(problem: TourProblem, rng: random.Random) -> list[int]:
    pinned = set(problem.pins.values())
    free = [stop for stop in range(problem.size) if stop not in pinned]
    rng.shuffle(free)
    return [
        problem.pins[position] if position in problem.pins else free.pop()
        for position in range(problem.size)
    ]


# ---- the plan API ----------------------------------------------------------------------------


def _line_sites(count: int) -> dict[int, Site]:
    """Sites due north of the gathering point, 2 km apart: site i is i·2 km away."""
    return site_map(
        make_site(i, f"站点{i}", point=LatLon(TAIYUAN_CENTRE.lat + i * 0.018, TAIYUAN_CENTRE.lon))
        for i in range(1, count + 1)
    )


def test_plan_order_is_optimised() -> None:
    sites = _line_sites(5)
    plan = make_plan([site_stop(i) for i in (3, 1, 5, 2, 4)], returns=False)
    order = optimise_stop_order(plan, sites, DEFAULT_SETTINGS)
    by_id = {stop.id: stop.site_id for stop in plan.stops}
    assert [by_id[stop_id] for stop_id in order] == [1, 2, 3, 4, 5]
    assert tour_minutes(order, plan, sites, DEFAULT_SETTINGS) < tour_minutes(
        [stop.id for stop in plan.stops], plan, sites, DEFAULT_SETTINGS
    )


def test_pinned_stops_keep_their_index() -> None:
    sites = _line_sites(5)
    stops = [site_stop(i) for i in (3, 1, 5, 2, 4)]
    stops[0].pinned = True  # site 3 stays first
    plan = make_plan(stops, returns=False)
    order = optimise_stop_order(plan, sites, DEFAULT_SETTINGS)
    by_id = {stop.id: stop.site_id for stop in plan.stops}
    assert by_id[order[0]] == 3
    assert sorted(order) == sorted(stop.id for stop in plan.stops)


def test_an_optimal_order_is_returned_unchanged() -> None:
    # two places the same distance east and west of the gathering point: both orders tie
    east = LatLon(TAIYUAN_CENTRE.lat, TAIYUAN_CENTRE.lon + 0.05)
    west = LatLon(TAIYUAN_CENTRE.lat, TAIYUAN_CENTRE.lon - 0.05)
    sites = site_map([make_site(1, "东", point=east), make_site(2, "西", point=west)])
    for first, second in ((1, 2), (2, 1)):
        plan = make_plan([site_stop(first), site_stop(second)], returns=True)
        assert optimise_stop_order(plan, sites, DEFAULT_SETTINGS) == [s.id for s in plan.stops]


def test_best_order_keeps_the_current_order_on_ties() -> None:
    minutes = ((0, 5, 5, 5), (5, 0, 5, 5), (5, 5, 0, 5), (5, 5, 5, 0))
    problem = TourProblem(minutes, {}, True)
    for current in ([2, 0, 1], [1, 2, 0]):
        assert best_order(problem, current) == current
    uneven = TourProblem(((0, 1, 9), (9, 0, 1), (1, 9, 0)), {}, False)
    assert best_order(uneven, [1, 0]) == [0, 1]


def test_tour_minutes_equals_the_schedules_travel_minutes() -> None:
    sites = _line_sites(4)
    for returns in (True, False):
        plan = make_plan([site_stop(i) for i in (2, 4, 1, 3)], returns=returns)
        schedule = compute_schedule(plan, sites, DEFAULT_SETTINGS)
        order = [stop.id for stop in plan.stops]
        assert tour_minutes(order, plan, sites, DEFAULT_SETTINGS) == schedule.travel_minutes


def test_tour_minutes_refuses_a_wrong_order() -> None:
    sites = _line_sites(2)
    plan = make_plan([site_stop(1), site_stop(2)])
    with pytest.raises(ValueError):
        tour_minutes([plan.stops[0].id], plan, sites, DEFAULT_SETTINGS)


def test_beyond_the_exact_limit_the_heuristic_orders_a_line() -> None:
    count = EXACT_LIMIT + 4
    sites = _line_sites(count)
    rng = random.Random(7)
    ids = list(range(1, count + 1))
    rng.shuffle(ids)
    stops = [site_stop(i) for i in ids]
    pinned_index = ids.index(8)
    stops[pinned_index].pinned = True
    plan = make_plan(stops, returns=False)
    order = optimise_stop_order(plan, sites, DEFAULT_SETTINGS)
    by_id = {stop.id: stop.site_id for stop in plan.stops}
    assert by_id[order[pinned_index]] == 8
    assert sorted(order) == sorted(by_id)
    before = tour_minutes([stop.id for stop in plan.stops], plan, sites, DEFAULT_SETTINGS)
    assert tour_minutes(order, plan, sites, DEFAULT_SETTINGS) < before
    if pinned_index == 7:  # the pin sits where the line order puts it anyway
        assert [by_id[stop_id] for stop_id in order] == list(range(1, count + 1))


def test_unknown_positions_do_not_break_the_optimiser() -> None:
    sites = {**_line_sites(3), 9: make_site(9, "无位置", point=None)}
    plan = make_plan([site_stop(i) for i in (3, 9, 1, 2)])
    order = optimise_stop_order(plan, sites, DEFAULT_SETTINGS)
    assert sorted(order) == sorted(stop.id for stop in plan.stops)


def test_an_unplaced_gathering_point_orders_the_stops_among_themselves() -> None:
    sites = _line_sites(5)
    gate = GatheringPoint(custom=CustomPlace("单位大门"))
    plan = make_plan([site_stop(i) for i in (3, 1, 5, 2, 4)], gathering=gate, returns=True)
    order = optimise_stop_order(plan, sites, DEFAULT_SETTINGS)
    by_id = {stop.id: stop.site_id for stop in plan.stops}
    line = [by_id[stop_id] for stop_id in order]
    assert line in ([1, 2, 3, 4, 5], [5, 4, 3, 2, 1])  # either end may come first
    # legs from and back to the gathering point are the same minimum leg whatever the order
    reverse = list(reversed(order))
    assert tour_minutes(order, plan, sites, DEFAULT_SETTINGS) == tour_minutes(
        reverse, plan, sites, DEFAULT_SETTINGS
    )
    schedule = compute_schedule(plan, sites, DEFAULT_SETTINGS)
    assert schedule.legs[0].minutes == DEFAULT_SETTINGS.min_leg_minutes


def test_a_catalogue_site_as_gathering_point_is_the_start_of_the_tour() -> None:
    sites = _line_sites(4)
    plan = make_plan(
        [site_stop(i) for i in (3, 1, 2)], gathering=GatheringPoint(site_id=4), returns=False
    )
    order = optimise_stop_order(plan, sites, DEFAULT_SETTINGS)
    by_id = {stop.id: stop.site_id for stop in plan.stops}
    assert [by_id[stop_id] for stop_id in order] == [3, 2, 1]  # from the far end, inwards


def test_a_stop_without_a_position_cannot_hide_a_long_crossing() -> None:
    """太原 → 娄烦 → 太原: the unknown legs around 督军府 are not a free way across."""
    sites = {
        1: make_site(1, "市区甲", point=TAIYUAN_CENTRE),
        # 5.5 km north: far enough that starting there costs more than the ~1 km it saves on
        # the way to 娄烦, which is driven at the intercity speed
        2: make_site(2, "市区乙", point=LatLon(TAIYUAN_CENTRE.lat + 0.05, TAIYUAN_CENTRE.lon)),
        3: make_site(3, "娄烦", point=LOUFAN),
        4: make_site(4, "督军府", point=None),
    }
    plan = make_plan([site_stop(i) for i in (1, 3, 2, 4)], returns=False)
    order = optimise_stop_order(plan, sites, DEFAULT_SETTINGS)
    by_id = {stop.id: stop.site_id for stop in plan.stops}
    # the stop without a position stays last; the placed stops are ordered on their own
    assert [by_id[stop_id] for stop_id in order] == [1, 2, 3, 4]
    before = tour_minutes([s.id for s in plan.stops], plan, sites, DEFAULT_SETTINGS)
    after = tour_minutes(order, plan, sites, DEFAULT_SETTINGS)
    # the saving is what the known legs save: 娄烦 is no longer visited there and back
    assert 0 < before - after < before
    assert after >= _single_leg(sites[1], sites[3])
    assert unplaced_stop_count(plan, sites) == 1


def test_stops_without_a_position_keep_their_index() -> None:
    sites = {**_line_sites(5), 9: make_site(9, "无位置", point=None)}
    for unplaced_at in range(6):
        ids = [3, 1, 5, 2, 4]
        ids.insert(unplaced_at, 9)
        plan = make_plan([site_stop(i) for i in ids], returns=False)
        order = optimise_stop_order(plan, sites, DEFAULT_SETTINGS)
        by_id = {stop.id: stop.site_id for stop in plan.stops}
        expected = [1, 2, 3, 4, 5]
        expected.insert(unplaced_at, 9)
        assert [by_id[stop_id] for stop_id in order] == expected


def test_an_unplaced_stop_and_a_pin_together() -> None:
    sites = {**_line_sites(5), 9: make_site(9, "无位置", point=None)}
    stops = [site_stop(i) for i in (9, 4, 1, 5, 2, 3)]
    stops[3].pinned = True  # site 5 stays fourth
    plan = make_plan(stops, returns=False)
    order = optimise_stop_order(plan, sites, DEFAULT_SETTINGS)
    by_id = {stop.id: stop.site_id for stop in plan.stops}
    line = [by_id[stop_id] for stop_id in order]
    assert line[0] == 9 and line[3] == 5
    assert line == [9, 1, 2, 5, 4, 3]


def _single_leg(a: Site, b: Site) -> int:
    """The minutes of the leg from a to b (first leg: no boarding), as the optimiser counts it."""
    assert a.position is not None and b.position is not None
    points = (a.position.point, b.position.point)
    return travel_matrix(points, TransportMode.COACH, DEFAULT_SETTINGS).minutes[0][1]
