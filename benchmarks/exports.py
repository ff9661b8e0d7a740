"""Benchmark: every export format (the two PDFs included) for a ten-stop and a 200-stop plan.

Run offscreen: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/exports.py [--stops N]
[--rounds R]``. Goal: all formats together under 2 s, for 10 stops and for 200 (the catalogue's
sites, then places of the organiser's own, each stop with two activities). Each plan is
exported ``R`` times (default 3) and the medians are reported: on a shared machine one round's
CPU time moves by ±20 %. The last line is ``exports_total_s=<seconds>``, the median total for
the largest plan.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hongtu.core.catalogue import load_catalogue
from hongtu.core.document import build_document
from hongtu.core.exports import ExportFormat
from hongtu.core.geo import LatLon
from hongtu.core.plans import (
    Activity,
    ActivityKind,
    CustomPlace,
    GatheringPoint,
    Plan,
    Stop,
)
from hongtu.core.routing import DEFAULT_SETTINGS
from hongtu.core.schedule import compute_schedule


def ten_stop_plan(stops_wanted: int = 10) -> tuple[Plan, dict]:
    entries = [e for e in load_catalogue() if e.position is not None][:10]
    sites = {i: entry.to_site(i) for i, entry in enumerate(entries, start=1)}
    ids = list(sites)
    rng = random.Random(200)
    activities = [Activity(ActivityKind.TOUR, 40), Activity(ActivityKind.OATH, 15)]
    stops = [  # the catalogue's sites first, then places of the organiser's own
        Stop(site_id=ids[n], activities=list(activities))
        if n < len(ids)
        else Stop(
            custom=CustomPlace(
                f"活动点{n}",
                LatLon(37.8706 + rng.uniform(-0.2, 0.2), 112.5489 + rng.uniform(-0.2, 0.2)),
            ),
            activities=list(activities),
        )
        for n in range(stops_wanted)
    ]
    plan = Plan(
        title="学习红色历史 传承红色基因",
        date=date(2025, 10, 15),
        id=1,
        branch="第一党支部",
        participants=40,
        organiser="王书记",
        phone="13800000000",
        gathering=GatheringPoint(custom=CustomPlace("单位大门", LatLon(37.8706, 112.5489))),
        notes="着装整齐\n携带身份证\n注意安全，听从指挥",
        stops=stops,
    )
    return plan, sites


Timings = dict[str, tuple[float, float]]  # a step: wall and CPU seconds (this thread)


def export_all(stops: int, rounds: int) -> float:
    """Every format of a ``stops``-stop plan, ``rounds`` times; the median total (wall)."""
    runs = [export_once(stops) for _ in range(rounds)]
    timings = {
        name: (
            statistics.median(run[name][0] for run in runs),
            statistics.median(run[name][1] for run in runs),
        )
        for name in runs[0]
    }
    total = statistics.median(sum(wall for wall, _ in run.values()) for run in runs)
    total_cpu = statistics.median(sum(cpu for _, cpu in run.values()) for run in runs)
    print(f"{stops} stops, medians of {rounds} rounds (wall / CPU of this thread):")
    for name, (wall, cpu_s) in timings.items():
        print(f"{name:>17}: {wall * 1000:7.1f} ms / {cpu_s * 1000:7.1f} ms")
    print(
        f"{stops} stops, all formats: {total:.2f} s wall, {total_cpu:.2f} s CPU (goal < 2 s; "
        "on a loaded machine the CPU time is the fair figure)"
    )
    return total


def export_once(stops: int) -> Timings:
    from hongtu.qt.printing import export_document

    plan, sites = ten_stop_plan(stops)
    began, cpu = time.perf_counter(), time.thread_time()
    doc = build_document(plan, compute_schedule(plan, sites, DEFAULT_SETTINGS), sites)
    timings: Timings = {
        "schedule+document": (time.perf_counter() - began, time.thread_time() - cpu)
    }
    with tempfile.TemporaryDirectory() as folder:
        for fmt in ExportFormat:
            t0, c0 = time.perf_counter(), time.thread_time()
            path = Path(folder) / f"plan-{fmt.value}{fmt.suffix}"
            export_document(doc, fmt, path, plan=plan, sites=sites, signin_names=[])
            timings[fmt.value] = (time.perf_counter() - t0, time.thread_time() - c0)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stops", type=int, nargs="*", default=[10, 200])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    started = time.perf_counter()
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    totals = [export_all(stops, args.rounds) for stops in args.stops]
    print(f"with Qt start-up and imports: {time.perf_counter() - started:.2f} s")
    del app
    print(f"exports_total_s={totals[-1]:.3f}")


if __name__ == "__main__":
    main()
