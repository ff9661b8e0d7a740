"""The optimiser on long plans: time for 20, 30 and 50 stops and the gap to OR-Tools.

    .venv/bin/python benchmarks/optimiser_scale.py [--ortools /tmp/ortools-venv/bin/python]

Seeded random instances (central Taiyuan, about 30 × 30 km, coach, default settings; two in
three return to the gathering point), ten of each size. HongTu's heuristic (the one used beyond
12 stops) is timed on each. The reference is OR-Tools' routing solver (guided local search, 5 s
per instance) run in a *separate* Python given with ``--ortools`` (OR-Tools is not a dependency
of HongTu: ``python -m venv /tmp/ortools-venv && /tmp/ortools-venv/bin/pip install ortools``);
without it the reference costs stored in ``optimiser_reference.json`` (made by this script) are
used. Goal: 50 stops within 300 ms (median), mean gap ≤ 1 %. The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from hongtu.core.geo import LatLon
from hongtu.core.optimise import TourProblem, heuristic_order, order_cost
from hongtu.core.plans import TransportMode
from hongtu.core.routing import DEFAULT_SETTINGS, travel_matrix

CENTRE = LatLon(37.8706, 112.5489)
SIZES = (20, 30, 50)
PER_SIZE = 10
SEED = 2026
REFERENCE = Path(__file__).with_name("optimiser_reference.json")

ORTOOLS = r"""
import json, sys
from ortools.constraint_solver import pywrapcp, routing_enums_pb2
jobs = json.load(sys.stdin)
out = []
for job in jobs:
    m = job["minutes"]
    n = len(m)
    returns = job["returns"]
    size = n if returns else n + 1   # an open path ends at a free dummy node
    end = 0 if returns else n
    def cost(i, j):
        if not returns and (i == n or j == n):
            return 0
        return m[i][j]
    manager = pywrapcp.RoutingIndexManager(size, 1, [0], [end])
    routing = pywrapcp.RoutingModel(manager)
    def callback(a, b):
        return cost(manager.IndexToNode(a), manager.IndexToNode(b))
    index = routing.RegisterTransitCallback(callback)
    routing.SetArcCostEvaluatorOfAllVehicles(index)
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    params.local_search_metaheuristic = (
        routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH)
    params.time_limit.seconds = job["seconds"]
    solution = routing.SolveWithParameters(params)
    out.append(solution.ObjectiveValue())
print(json.dumps(out))
"""


def instances() -> list[tuple[str, TourProblem]]:
    rng = random.Random(SEED)
    found = []
    for size in SIZES:
        for number in range(PER_SIZE):
            points = tuple(
                LatLon(CENTRE.lat + rng.uniform(-0.15, 0.15), CENTRE.lon + rng.uniform(-0.17, 0.17))
                for _ in range(size + 1)
            )
            matrix = travel_matrix(points, TransportMode.COACH, DEFAULT_SETTINGS)
            found.append(
                (f"{size}-{number}", TourProblem(matrix.minutes, {}, rng.random() < 2 / 3))
            )
    return found


def reference_costs(problems: list[tuple[str, TourProblem]], python: str | None) -> dict[str, int]:
    if python is None:
        stored: dict[str, int] = json.loads(REFERENCE.read_text())["costs"]
        return stored
    jobs = [{"minutes": p.minutes, "returns": p.returns, "seconds": 5} for _, p in problems]
    out = subprocess.run(
        [python, "-c", ORTOOLS], input=json.dumps(jobs), capture_output=True, text=True, check=True
    ).stdout
    costs = dict(zip((name for name, _ in problems), json.loads(out), strict=True))
    REFERENCE.write_text(
        json.dumps({"solver": "OR-Tools routing, guided local search, 5 s", "costs": costs},
                   indent=1) + "\n"
    )  # fmt: skip
    return costs


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ortools", help="a Python with OR-Tools installed (not HongTu's)")
    args = parser.parse_args()
    problems = instances()
    reference = reference_costs(problems, args.ortools)
    report = {}
    for size in SIZES:
        gaps, seconds = [], []
        for name, problem in problems:
            if not name.startswith(f"{size}-"):
                continue
            began = time.perf_counter()
            order = heuristic_order(problem)
            seconds.append(time.perf_counter() - began)
            gaps.append((order_cost(problem, order) - reference[name]) / reference[name])
        report[size] = {
            "median_ms": round(statistics.median(seconds) * 1000, 1),
            "max_ms": round(max(seconds) * 1000, 1),
            "mean_gap_pct": round(statistics.fmean(gaps) * 100, 2),
            "max_gap_pct": round(max(gaps) * 100, 2),
        }
        print(
            f"{size} stops: median {report[size]['median_ms']} ms, max {report[size]['max_ms']} "
            f"ms; gap to OR-Tools mean {report[size]['mean_gap_pct']} %, max "
            f"{report[size]['max_gap_pct']} % (goal: 50 stops ≤ 300 ms, mean gap ≤ 1 %)"
        )
    source = "OR-Tools, run now" if args.ortools else f"stored reference ({REFERENCE.name})"
    print(f"reference: {source}")
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
