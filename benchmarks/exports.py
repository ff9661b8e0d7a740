"""Benchmark: every export format (the two PDFs included) for a ten-stop plan.

Run offscreen: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/exports.py``.
Goal: all formats together under 2 s. The last line is ``exports_total_s=<seconds>``.
"""

from __future__ import annotations

import os
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


def ten_stop_plan() -> tuple[Plan, dict]:
    entries = [e for e in load_catalogue() if e.position is not None][:10]
    sites = {i: entry.to_site(i) for i, entry in enumerate(entries, start=1)}
    stops = [
        Stop(
            site_id=i,
            activities=[Activity(ActivityKind.TOUR, 40), Activity(ActivityKind.OATH, 15)],
        )
        for i in sites
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


def main() -> None:
    started = time.perf_counter()
    from PySide6.QtGui import QGuiApplication

    from hongtu.qt.printing import export_document

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    plan, sites = ten_stop_plan()
    doc = build_document(plan, compute_schedule(plan, sites, DEFAULT_SETTINGS), sites)
    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for fmt in ExportFormat:
            t0 = time.perf_counter()
            path = Path(folder) / f"plan-{fmt.value}{fmt.suffix}"
            export_document(doc, fmt, path, plan=plan, sites=sites, signin_names=[])
            timings[fmt.value] = time.perf_counter() - t0
    total = sum(timings.values())
    for name, seconds in timings.items():
        print(f"{name:>7}: {seconds * 1000:7.1f} ms")
    print(f"with Qt start-up and imports: {time.perf_counter() - started:.2f} s")
    del app
    print(f"exports_total_s={total:.3f}")


if __name__ == "__main__":
    main()
