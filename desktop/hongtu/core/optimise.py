"""Stop order (路线优化): the order of stops with the least travel time, pinned stops kept in place.

The problem is a small travelling-salesman path from the gathering point through every stop
(and back when the plan returns there). Legs are the estimated minutes of
``routing.travel_matrix``; hand-typed leg minutes are ignored here, because they belong to one
order of the stops and mean nothing in another.

- Up to ``EXACT_LIMIT`` (12) stops: Held–Karp dynamic programming over bitmasks, where a stop
  placed at position *p* must be the stop pinned there (if any) and a pinned stop can only be
  placed at its own position. Exact. 12 free stops take about 20–30 ms in CPython (see
  docs/optimiser.md, ``benchmarks/optimiser_gap.py``).
- Beyond (see ``heuristic_order``): nearest neighbour (respecting pins), then local search
  (2-opt reversals, Or-opt moves of 1–3 stops, also reversed, and, with pins, swaps) over the
  free stops only, so pinned stops never move; then seeded kicks (two neighbouring runs of
  stops swap places), each followed by local search again (iterated local search). Measured
  gap to the optimum on 9–12-stop instances: mean 0.03 %, 95th percentile 0 %, max 2.75 %
  (docs/optimiser.md); to OR-Tools on 20–50 stops: mean ≤ 0 % (benchmarks/optimiser_scale.py).

When the current order is already as good as the best found, it is returned unchanged.

Stops without a position (a custom place whose coordinate is not known, a site not yet located)
stay at their index, like pinned stops, and are left out of the travel minutes: their legs are
unknown, and counting them as minimum legs would let the order hide a long crossing behind
them. The placed stops are ordered around them as if the route went straight past them.

A gathering point without a position (none chosen yet, or a custom place whose coordinate is not
known) makes every leg from it and back to it the same minimum leg (``travel_matrix``), so those
legs cannot favour any order: the stops are ordered among themselves only, as an open path.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from operator import add

from hongtu.core.cancel import CancelledError, ShouldStop, never
from hongtu.core.plans import Plan
from hongtu.core.routing import TravelSettings, travel_matrix
from hongtu.core.schedule import gathering_place, stop_place
from hongtu.core.sites import Site

EXACT_LIMIT = 12
_INFINITY = 1 << 60
_OR_OPT_LENGTHS = (1, 2, 3)
_KICKS = 20  # perturbations of the iterated local search
_KICK_SEED = 20250701
_MIN_FREE_TO_KICK = 5  # below that, 2-opt/Or-opt/swap already reach every order nearby
_KICK_SECONDS = 0.18  # without pins: kicks after the first _MIN_KICKS only while this lasts
_MIN_KICKS = 5
_NEIGHBOURS = 10  # without pins, moves only towards a stop's nearest stops


@dataclass(frozen=True, slots=True)
class TourProblem:
    """Stops 0…n-1 (node i+1 in ``minutes``; node 0 is the gathering point).

    ``pins`` maps a position to the stop that must stay there; ``returns`` adds the leg back.
    """

    minutes: tuple[tuple[int, ...], ...]
    pins: Mapping[int, int]
    returns: bool

    @property
    def size(self) -> int:
        return len(self.minutes) - 1


def order_cost(problem: TourProblem, order: Sequence[int]) -> int:
    """Travel minutes of visiting the stops in ``order`` (stop indexes)."""
    minutes = problem.minutes
    total = 0
    node = 0
    for stop in order:
        total += minutes[node][stop + 1]
        node = stop + 1
    if problem.returns and order:
        total += minutes[node][0]
    return total


# ---- exact: Held–Karp with pinned positions --------------------------------------------------


def exact_order(problem: TourProblem) -> list[int]:
    """The optimal order of stop indexes (Held–Karp, O(2^n · n²)); for n ≤ ~13."""
    n = problem.size
    if n == 0:
        return []
    table = _held_karp_table(problem)
    full = (1 << n) - 1
    ends = table[full]
    assert ends is not None, "every stop's pin is satisfiable once all stops are placed"
    last_costs = [ends[j] + (problem.minutes[j + 1][0] if problem.returns else 0) for j in range(n)]
    last = min(range(n), key=last_costs.__getitem__)
    return _walk_back(problem, table, full, last)


def _allowed_stops(problem: TourProblem) -> list[list[int]]:
    """For each position, the stops that may stand there."""
    pinned = set(problem.pins.values())
    free = [stop for stop in range(problem.size) if stop not in pinned]
    return [
        [problem.pins[position]] if position in problem.pins else free
        for position in range(problem.size)
    ]


def _pinned_prefixes(problem: TourProblem) -> tuple[int, list[int]]:
    """The bitmask of pinned stops and, per mask size s, the pinned stops a mask must hold."""
    pinned_mask = 0
    for stop in problem.pins.values():
        pinned_mask |= 1 << stop
    prefixes = [0] * (problem.size + 1)
    for size in range(1, problem.size + 1):
        position = size - 1
        extra = 1 << problem.pins[position] if position in problem.pins else 0
        prefixes[size] = prefixes[size - 1] | extra
    return pinned_mask, prefixes


def _held_karp_table(problem: TourProblem) -> list[list[int] | None]:
    """table[mask][j]: least minutes from the start through ``mask`` ending at stop j."""
    n = problem.size
    minutes = problem.minutes
    into = [[minutes[i + 1][j + 1] for i in range(n)] for j in range(n)]  # into[j][i] = i→j
    allowed = _allowed_stops(problem)
    pinned_mask, prefixes = _pinned_prefixes(problem)
    table: list[list[int] | None] = [None] * (1 << n)
    for mask in range(1, 1 << n):
        size = mask.bit_count()
        if mask & pinned_mask != prefixes[size]:
            continue
        row = [_INFINITY] * n
        for j in allowed[size - 1]:
            bit = 1 << j
            if not mask & bit:
                continue
            previous = mask ^ bit
            if previous == 0:
                row[j] = minutes[0][j + 1]
                continue
            before = table[previous]
            if before is not None:
                row[j] = min(map(add, before, into[j]))
        table[mask] = row
    return table


def _walk_back(
    problem: TourProblem, table: list[list[int] | None], mask: int, last: int
) -> list[int]:
    order = [last]
    minutes = problem.minutes
    while mask & (mask - 1):
        row = table[mask]
        assert row is not None
        previous = mask ^ (1 << last)
        before = table[previous]
        assert before is not None
        last = next(
            i
            for i in range(problem.size)
            if previous >> i & 1 and before[i] + minutes[i + 1][last + 1] == row[last]
        )
        order.append(last)
        mask = previous
    order.reverse()
    return order


# ---- heuristic: nearest neighbour + local search over the free stops -------------------------


def heuristic_order(
    problem: TourProblem, start: Sequence[int] | None = None, should_stop: ShouldStop = never
) -> list[int]:
    """A good order by nearest neighbour and local search; pinned stops stay at their positions.

    ``start``, if given (a valid order), is improved too and the better result kept. The local
    optimum is then kicked (two neighbouring runs of free stops swap places) and searched again
    ``_KICKS`` times, keeping the best; the kicks use a fixed seed, so results are repeatable.
    Without pins the moves are priced in O(1) (``_RouteSearch``), there are up to two kicks per
    stop, and kicks stop after ``_KICK_SECONDS`` (past the first ``_MIN_KICKS``): 50 stops are
    ordered in about 0.25 s, and only a loaded machine can make a long plan's result differ.
    """
    candidates = [_nearest_neighbour(problem)]
    if start is not None:
        candidates.append(list(start))
    if not problem.pins:
        fast = _RouteSearch(problem, should_stop)
        best = min((fast.improve(order) for order in candidates), key=fast.cost)
        return fast.kick_and_improve(best)
    search = _LocalSearch(problem, should_stop)
    best = min((search.improve(order) for order in candidates), key=search.cost)
    return search.kick_and_improve(best)


def _nearest_neighbour(problem: TourProblem) -> list[int]:
    pinned = set(problem.pins.values())
    unplaced = [stop for stop in range(problem.size) if stop not in pinned]
    order: list[int] = []
    node = 0
    for position in range(problem.size):
        if position in problem.pins:
            stop = problem.pins[position]
        else:
            row = problem.minutes[node]
            stop = min(unplaced, key=lambda candidate: row[candidate + 1])
            unplaced.remove(stop)
        order.append(stop)
        node = stop + 1
    return order


class _LocalSearch:
    """Moves on the free stops of an order (those at unpinned positions)."""

    def __init__(self, problem: TourProblem, should_stop: ShouldStop = never) -> None:
        self.problem = problem
        self.should_stop = should_stop
        self.pinned = bool(problem.pins)
        self.slots = [position for position in range(problem.size) if position not in problem.pins]

    def cost(self, order: Sequence[int]) -> int:
        return order_cost(self.problem, order)

    def with_free(self, order: list[int], free: list[int]) -> list[int]:
        if not self.pinned:
            return free
        result = list(order)
        for position, stop in zip(self.slots, free, strict=True):
            result[position] = stop
        return result

    def improve(self, order: list[int]) -> list[int]:
        """First-improvement descent over 2-opt, Or-opt and swap moves until none helps."""
        free = [order[position] for position in self.slots]
        best = self.cost(order)
        improved = True
        while improved:
            improved = False
            for checked, candidate in enumerate(_moves(free)):
                if checked % 256 == 0 and self.should_stop():
                    raise CancelledError
                full = self.with_free(order, candidate)
                cost = self.cost(full)
                if cost < best:
                    best, free, order, improved = cost, candidate, full, True
                    break
        return order

    def kick_and_improve(self, order: list[int]) -> list[int]:
        if len(self.slots) < _MIN_FREE_TO_KICK:
            return order
        rng = random.Random(_KICK_SEED)
        best, best_cost = order, self.cost(order)
        for _ in range(_KICKS):
            free = [best[position] for position in self.slots]
            candidate = self.improve(self.with_free(best, _segment_exchange(free, rng)))
            cost = self.cost(candidate)
            if cost < best_cost:
                best, best_cost = candidate, cost
        return best


class _RouteSearch:
    """2-opt and Or-opt on an order without pins, each move priced in O(1).

    The route is the node sequence 0, stops…, (0 when the day returns). ``forward[k]`` is the
    minutes from the start to route position k, ``backward[k]`` the same route walked the other
    way, so a reversed segment costs ``backward[j] - backward[i]`` even though legs out of the
    gathering point differ from legs into it (the matrix is not symmetric). About 50 times
    faster than pricing every candidate order in full, which is what makes 50 stops take a
    fraction of a second.
    """

    def __init__(self, problem: TourProblem, should_stop: ShouldStop = never) -> None:
        self.problem = problem
        self.should_stop = should_stop
        self.started = time.perf_counter()
        self.minutes = problem.minutes
        self.kicks = max(_KICKS, 2 * problem.size)
        size = len(problem.minutes)
        count = min(size - 1, _NEIGHBOURS)
        m = problem.minutes
        self.near = [  # each node's nearest nodes, either way round (the start included)
            [v for _, v in sorted((min(m[u][v], m[v][u]), v) for v in range(size) if v != u)][
                :count
            ]
            for u in range(size)
        ]

    def cost(self, order: Sequence[int]) -> int:
        return order_cost(self.problem, order)

    def improve(self, order: list[int]) -> list[int]:
        route = [0, *(stop + 1 for stop in order)]
        if self.problem.returns:
            route.append(0)
        improved = True
        while improved:
            if self.should_stop():
                raise CancelledError
            improved = self._two_opt(route)
            improved = self._or_opt(route) or improved
        return [node - 1 for node in route[1 : len(order) + 1]]

    def _sums(self, route: list[int]) -> tuple[list[int], list[int]]:
        m = self.minutes
        forward = [0] * len(route)
        backward = [0] * len(route)
        for k in range(1, len(route)):
            forward[k] = forward[k - 1] + m[route[k - 1]][route[k]]
            backward[k] = backward[k - 1] + m[route[k]][route[k - 1]]
        return forward, backward

    def _two_opt(self, route: list[int]) -> bool:
        """Reverse route[i..j] when that is shorter; j only where route[j] is near route[i-1]."""
        m = self.minutes
        near = self.near
        last_stop = len(route) - 1 if not self.problem.returns else len(route) - 2
        forward, backward = self._sums(route)
        where = _positions(route, last_stop)
        any_better = False
        for i in range(1, last_stop):
            a = route[i - 1]
            for v in near[a]:
                j = where[v]
                if j <= i:
                    continue
                first, last = route[i], route[j]
                after = route[j + 1] if j + 1 < len(route) else -1
                old = m[a][first] + forward[j] - forward[i]
                new = m[a][last] + backward[j] - backward[i]
                if after >= 0:
                    old += m[last][after]
                    new += m[first][after]
                if new < old:
                    route[i : j + 1] = route[i : j + 1][::-1]
                    forward, backward = self._sums(route)
                    where = _positions(route, last_stop)
                    any_better = True
                    break
        return any_better

    def _or_opt(self, route: list[int]) -> bool:
        """Move 1–3 stops (maybe reversed) to a gap next to one of their nearest stops."""
        m = self.minutes
        near = self.near
        end = len(route)
        last_stop = end - 1 if not self.problem.returns else end - 2
        any_better = False
        for length in _OR_OPT_LENGTHS:
            i = 1
            forward, backward = self._sums(route)
            where = _positions(route, last_stop)
            while i + length - 1 <= last_stop:
                a, s1, s2 = route[i - 1], route[i], route[i + length - 1]
                b = route[i + length] if i + length < end else -1
                gain = m[a][s1] + (m[s2][b] - m[a][b] if b >= 0 else 0)
                reverse_extra = backward[i + length - 1] - backward[i]
                reverse_extra -= forward[i + length - 1] - forward[i]
                best_delta, best_gap, best_reversed = 0, -1, False
                gaps = {where[v] for v in near[s1]} | {where[v] - 1 for v in near[s2]}
                gaps |= {where[v] for v in near[s2]} | {where[v] - 1 for v in near[s1]}
                for k in gaps:
                    if k < 0 or k > last_stop or i - 1 <= k <= i + length - 1:
                        continue
                    p = route[k]
                    q = route[k + 1] if k + 1 < end else -1
                    base = -m[p][q] if q >= 0 else 0
                    added = m[p][s1] + (m[s2][q] if q >= 0 else 0) + base
                    if added - gain < best_delta:
                        best_delta, best_gap, best_reversed = added - gain, k, False
                    if length > 1:
                        added = m[p][s2] + (m[s1][q] if q >= 0 else 0) + base + reverse_extra
                        if added - gain < best_delta:
                            best_delta, best_gap, best_reversed = added - gain, k, True
                if best_gap < 0:
                    i += 1
                    continue
                segment = route[i : i + length]
                if best_reversed:
                    segment.reverse()
                del route[i : i + length]
                position = best_gap if best_gap < i else best_gap - length
                route[position + 1 : position + 1] = segment
                forward, backward = self._sums(route)
                where = _positions(route, last_stop)
                any_better = True
        return any_better

    def kick_and_improve(self, order: list[int]) -> list[int]:
        if self.problem.size < _MIN_FREE_TO_KICK:
            return order
        rng = random.Random(_KICK_SEED)
        best, best_cost = order, self.cost(order)
        deadline = self.started + _KICK_SECONDS
        for kick in range(self.kicks):
            if kick >= _MIN_KICKS and time.perf_counter() > deadline:
                break  # a long plan: stop kicking once the time is spent
            candidate = self.improve(_segment_exchange(best, rng))
            cost = self.cost(candidate)
            if cost < best_cost:
                best, best_cost = candidate, cost
        return best


def _positions(route: list[int], last_stop: int) -> list[int]:
    """Route position of every node; the start (node 0) at position 0."""
    where = [0] * len(route)
    for k in range(1, last_stop + 1):
        where[route[k]] = k
    return where


def _segment_exchange(free: list[int], rng: random.Random) -> list[int]:
    """A B C D → A C B D at random cuts (A, D may be empty): a jump one move cannot make."""
    first, second, third = sorted(rng.sample(range(len(free) + 1), 3))
    return free[:first] + free[second:third] + free[first:second] + free[third:]


def _moves(free: list[int]) -> Iterator[list[int]]:
    yield from _two_opt_moves(free)
    yield from _or_opt_moves(free)
    yield from _swap_moves(free)


def _two_opt_moves(free: list[int]) -> Iterator[list[int]]:
    for i in range(len(free) - 1):
        for j in range(i + 1, len(free)):
            yield free[:i] + free[i : j + 1][::-1] + free[j + 1 :]


def _or_opt_moves(free: list[int]) -> Iterator[list[int]]:
    for length in _OR_OPT_LENGTHS:
        for i in range(len(free) - length + 1):
            segment = free[i : i + length]
            rest = free[:i] + free[i + length :]
            for k in range(len(rest) + 1):
                if k == i:
                    continue
                yield rest[:k] + segment + rest[k:]
                if length > 1:
                    yield rest[:k] + segment[::-1] + rest[k:]


def _swap_moves(free: list[int]) -> Iterator[list[int]]:
    for i in range(len(free) - 1):
        for j in range(i + 2, len(free)):
            swapped = list(free)
            swapped[i], swapped[j] = swapped[j], swapped[i]
            yield swapped


def best_order(
    problem: TourProblem, current: Sequence[int], should_stop: ShouldStop = never
) -> list[int]:
    """Exact up to ``EXACT_LIMIT`` stops, heuristic beyond; ``current`` wins ties.

    ``should_stop`` is asked now and then during the heuristic's search (it runs on a worker
    thread for the window); when it answers True, ``CancelledError`` is raised."""
    if problem.size <= EXACT_LIMIT:
        found = exact_order(problem)
    else:
        found = heuristic_order(problem, current, should_stop)
    if order_cost(problem, found) < order_cost(problem, current):
        return found
    return list(current)


# ---- the plan-level API ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlanTour:
    """A plan's stops as a ``TourProblem`` of the stops with a position.

    ``placed`` holds the plan indexes of those stops, in the plan's order: problem stop k is plan
    stop ``placed[k]``. Stops without a position are left out: their legs are unknown, so they
    cannot tell a short order from a long one (counting them as a minimum leg would let the
    optimiser hide a long crossing behind them). They keep their index, like pinned stops, and
    the placed stops are ordered around them as if the route went straight past them.
    """

    problem: TourProblem
    placed: tuple[int, ...]


def plan_tour(plan: Plan, sites: Mapping[int, Site], settings: TravelSettings) -> PlanTour:
    """The plan's placed stops as a ``TourProblem``; a pinned stop is pinned at its index."""
    points = [stop_place(stop, sites).point for stop in plan.stops]
    placed = tuple(index for index, point in enumerate(points) if point is not None)
    start = gathering_place(plan.gathering, sites).point
    matrix = travel_matrix(
        (start, *(points[index] for index in placed)), plan.transport, settings
    )
    # the unplaced stops keep their positions, so a placed stop keeps its slot among the placed
    pins = {slot: slot for slot, index in enumerate(placed) if plan.stops[index].pinned}
    problem = TourProblem(matrix.minutes, pins, plan.returns_to_gathering)
    return PlanTour(problem, placed)


def optimise_stop_order(
    plan: Plan,
    sites: Mapping[int, Site],
    settings: TravelSettings,
    should_stop: ShouldStop = never,
) -> list[str]:
    """The stop ids in the order with the least estimated travel time.

    Pinned stops and stops without a position stay at their index; the others are ordered.
    """
    tour = plan_tour(plan, sites, settings)
    order = best_order(tour.problem, list(range(tour.problem.size)), should_stop)
    ids = [stop.id for stop in plan.stops]
    for slot, stop in zip(tour.placed, order, strict=True):
        ids[slot] = plan.stops[tour.placed[stop]].id
    return ids


def unplaced_stop_count(plan: Plan, sites: Mapping[int, Site]) -> int:
    """How many stops the optimiser leaves where they are because their position is unknown."""
    return sum(stop_place(stop, sites).point is None for stop in plan.stops)


def tour_minutes(
    order: Sequence[str], plan: Plan, sites: Mapping[int, Site], settings: TravelSettings
) -> int:
    """Estimated travel minutes of visiting the plan's stops in ``order`` (stop ids).

    Hand-typed leg minutes are ignored, as in the optimiser, so two orders compare fairly.
    Stops without a position are skipped (their legs are unknown): with every position known,
    this is the schedule's travel time; otherwise it is the travel between the known places only.
    """
    index_of = {stop.id: index for index, stop in enumerate(plan.stops)}
    if sorted(order) != sorted(index_of):
        raise ValueError("order must list every stop of the plan exactly once")
    tour = plan_tour(plan, sites, settings)
    slot_of = {index: slot for slot, index in enumerate(tour.placed)}
    placed_order = [slot_of[index_of[i]] for i in order if index_of[i] in slot_of]
    return order_cost(tour.problem, placed_order)
