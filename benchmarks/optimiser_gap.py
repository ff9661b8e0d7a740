"""How far the heuristic stop order is from the optimum, and how long the exact solver takes.

Run: ``.venv/bin/python benchmarks/optimiser_gap.py [instances] [seed]``.

Instances are realistic: 9–12 stops scattered over central Taiyuan (about 30 × 30 km), one in
five with a far site (娄烦, ~70 km), random pins on a third of the instances, returning to the
gathering point on two thirds, coach travel with the default settings. For each instance the
heuristic (nearest neighbour + 2-opt/Or-opt/swap, the one used beyond 12 stops) and Held–Karp
solve the same minute matrix; the gap is (heuristic − optimum) / optimum.
"""

from __future__ import annotations

import random
import statistics
import sys
import time

from hongtu.core.geo import LatLon
from hongtu.core.optimise import TourProblem, exact_order, heuristic_order, order_cost
from hongtu.core.plans import TransportMode
from hongtu.core.routing import DEFAULT_SETTINGS, travel_matrix

CENTRE = LatLon(37.8706, 112.5489)
LOUFAN = LatLon(38.0670, 111.7930)


def random_instance(rng: random.Random) -> TourProblem:
    stops = rng.randint(9, 12)
    points = [
        LatLon(CENTRE.lat + rng.uniform(-0.15, 0.15), CENTRE.lon + rng.uniform(-0.17, 0.17))
        for _ in range(stops + 1)
    ]
    if rng.random() < 0.2:
        points[rng.randint(1, stops)] = LOUFAN
    pins: dict[int, int] = {}
    if rng.random() < 1 / 3:
        for position in rng.sample(range(stops), rng.randint(1, 3)):
            pins[position] = position
    matrix = travel_matrix(tuple(points), TransportMode.COACH, DEFAULT_SETTINGS)
    return TourProblem(matrix.minutes, pins, rng.random() < 2 / 3)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure_gaps(instances: int, seed: int) -> list[float]:
    rng = random.Random(seed)
    gaps = []
    for _ in range(instances):
        problem = random_instance(rng)
        best = order_cost(problem, exact_order(problem))
        found = order_cost(problem, heuristic_order(problem))
        gaps.append((found - best) / best)
    return gaps


def time_exact(stops: int, runs: int, seed: int) -> list[float]:
    rng = random.Random(seed)
    points = tuple(
        LatLon(CENTRE.lat + rng.uniform(-0.15, 0.15), CENTRE.lon + rng.uniform(-0.17, 0.17))
        for _ in range(stops + 1)
    )
    matrix = travel_matrix(points, TransportMode.COACH, DEFAULT_SETTINGS)
    problem = TourProblem(matrix.minutes, {}, True)  # no pins: the largest search
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        exact_order(problem)
        timings.append(time.perf_counter() - began)
    return timings


def main() -> None:
    instances = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 2025
    gaps = measure_gaps(instances, seed)
    exact_share = sum(gap == 0 for gap in gaps) / len(gaps)
    print(f"instances: {instances} (9–12 stops, seed {seed})")
    print(f"heuristic optimal on: {exact_share:.1%}")
    print(f"gap mean: {statistics.fmean(gaps):.2%}")
    print(f"gap 95th percentile: {percentile(gaps, 0.95):.2%}")
    print(f"gap max: {max(gaps):.2%}")
    timings = time_exact(12, 20, seed)
    print(
        f"exact, 12 stops, no pins: median {statistics.median(timings) * 1000:.1f} ms, "
        f"max {max(timings) * 1000:.1f} ms (20 runs)"
    )


if __name__ == "__main__":
    main()
