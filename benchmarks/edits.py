"""Edits never freeze: plan edits drawn on the map, at every database size, with a stall monitor.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/edits.py [--rounds 15] [--quick]

Builds, in the same run, a small database (100 plans) and scale databases (10,000 plans and
2,000 custom places) with ``scale_fixture``; then, for each database and each plan size (10, 40
and 200 stops), starts the real main window in a fresh process and times every kind of plan edit
from the call until the map page has applied it (a JavaScript round trip queued after the edit
returns, so everything the edit sent to the page has run):

    add a stop, remove a stop, move a stop, a visit length, an activity, a pin, the title,
    the date, the gathering point, undo, redo.

A stall monitor runs all the time: a 5 ms ``QTimer`` whose lateness is the longest time the GUI
thread was blocked. Besides the edits, the scripted session filters the plans list and the site
list, switches between plans and exports the open plan (all formats but PDF, one at a time
through the 导出 dialog's own code: written by its export process, the worker thread waiting).
Goals: ≤ 50 ms median and ≤ 100 ms 95th percentile for ≤ 40 stops, ≤ 150 ms at 200 stops,
whatever the database; the longest block ≤ 100 ms. The ratio "10,000
plans / 100 plans" shows the cost is flat in the size of the database. Last line: JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

EDITS = (
    "add_stop",
    "remove_stop",
    "move_stop",
    "visit_minutes",
    "add_activity",
    "pin",
    "title",
    "date",
    "gathering",
    "undo",
    "redo",
)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


# ---- the child: one window, one database, one plan size ----------------------------------------


def child(db: str, stops: int, rounds: int) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    from datetime import date, timedelta

    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from hongtu.core.geo import LatLon
    from hongtu.core.plans import CustomPlace, GatheringPoint, Plan, Stop
    from hongtu.qt.app import Controller
    from hongtu.qt.mainwindow import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow()
    controller = Controller(window, db, probe=False, freeze_heap=True)  # as the app
    window.resize(1400, 900)
    window.show()
    loop = QEventLoop()
    window.sites_shown_on_map.connect(lambda _n: loop.quit())
    controller.start()
    loop.exec()
    ui = window.plan_ui
    assert ui is not None and controller.workspace is not None
    session = ui.session
    sites = [s.id for s in controller.workspace.sites.list_sites() if s.position is not None]

    def make(count: int, title: str) -> int:
        plan = Plan(
            title=title,
            date=date(2026, 6, 1),
            gathering=GatheringPoint(custom=CustomPlace("单位大门", LatLon(37.8706, 112.5489))),
            stops=[Stop(site_id=sites[(i * 7) % len(sites)]) for i in range(count)],
        )
        return controller.workspace.plans.save(plan).id  # type: ignore[union-attr,return-value]

    plan_id = make(stops, f"基准方案{stops}站")
    other_id = make(8, "另一个方案")
    ui.plan_list.refresh()

    # ---- the stall monitor ----
    worst = [0.0]
    phase = ["edits"]
    worst_by_phase: dict[str, float] = {}
    tick = QElapsedTimer()
    tick.start()
    last = [tick.nsecsElapsed()]
    interval_ms = 5

    def on_tick() -> None:
        now = tick.nsecsElapsed()
        late = (now - last[0]) / 1e6 - interval_ms
        worst[0] = max(worst[0], late)
        worst_by_phase[phase[0]] = max(worst_by_phase.get(phase[0], 0.0), late)
        last[0] = now

    monitor = QTimer()
    monitor.setInterval(interval_ms)
    monitor.timeout.connect(on_tick)

    def drawn() -> None:
        """Wait until everything sent to the page so far has run there."""
        wait = QEventLoop()
        window.map_view.page().runJavaScript("1", 0, lambda _r: wait.quit())
        wait.exec()

    def settle(ms: int = 30) -> None:
        wait = QEventLoop()
        QTimer.singleShot(ms, wait.quit)
        wait.exec()

    session.open(plan_id)
    drawn()
    settle(200)
    last[0] = tick.nsecsElapsed()  # lateness counts from here, not from before the plan opened
    monitor.start()
    timings: dict[str, list[float]] = {name: [] for name in EDITS}

    def timed(name: str, action: Any) -> None:
        settle(20)
        # the first round pays once for what later edits reuse (lazy imports, caches)
        phase[0] = "first edits" if len(timings[name]) == 0 else "edits"
        began = time.perf_counter()
        action()
        drawn()
        timings[name].append((time.perf_counter() - began) * 1000)

    extra = [s for s in sites if s not in {st.site_id for st in session.plan.stops}] or sites  # type: ignore[union-attr]
    for n in range(rounds):
        plan = session.plan
        assert plan is not None
        timed("add_stop", lambda n=n: session.add_site_stop(extra[n % len(extra)], 1))
        stop_id = session.plan.stops[1].id  # type: ignore[union-attr]
        timed("remove_stop", lambda s=stop_id: session.remove_stop(s))
        first = session.plan.stops[0].id  # type: ignore[union-attr]
        timed("move_stop", lambda f=first: session.move_stop(f, len(session.plan.stops) // 2))  # type: ignore[union-attr]
        target = session.plan.stops[2].id  # type: ignore[union-attr]
        timed(
            "visit_minutes",
            lambda t=target, n=n: session.set_stop_field(t, "visit_minutes", 30 + n),
        )
        from hongtu.core.plans import Activity, ActivityKind

        timed(
            "add_activity",
            lambda t=target: session.add_activity(t, Activity(ActivityKind.OATH, 15)),
        )
        timed("pin", lambda t=target, n=n: session.set_pinned(t, n % 2 == 0))
        timed("title", lambda n=n: session.set_plan_field("title", f"基准方案 第{n}轮"))
        timed(
            "date", lambda n=n: session.set_plan_field("date", date(2026, 6, 1) + timedelta(days=n))
        )
        point = LatLon(37.8706 + 0.001 * n, 112.5489)
        timed(
            "gathering",
            lambda p=point: session.set_gathering(
                GatheringPoint(custom=CustomPlace("单位大门", p))
            ),
        )
        timed("undo", session.undo)
        timed("redo", session.redo)

    # ---- the rest of the scripted session: filtering, switching, exporting ----
    other: dict[str, list[float]] = {"filter_plans": [], "filter_sites": [], "switch_plan": []}
    phase[0] = "filter_plans"
    for text in ("基准", "方案", "", "第1", ""):
        began = time.perf_counter()
        ui.plan_list.search.setText(text)
        app.processEvents()
        other["filter_plans"].append((time.perf_counter() - began) * 1000)
    phase[0] = "filter_sites"
    for text in ("纪念", "集合点1", "活动", ""):
        began = time.perf_counter()
        window.site_list.search.setText(text)
        app.processEvents()
        drawn()
        other["filter_sites"].append((time.perf_counter() - began) * 1000)
    phase[0] = "switch_plan"
    for target_id in (other_id, plan_id, other_id, plan_id):
        began = time.perf_counter()
        session.open(target_id)
        drawn()
        other["switch_plan"].append((time.perf_counter() - began) * 1000)
    phase[0] = "exports"
    export_ms = run_exports(app, session, settle)
    settle(100)
    monitor.stop()
    window.close()
    controller.workspace.close()
    return {
        "edits": timings,
        "other": other,
        "export_ms": export_ms,
        "longest_block_ms": worst[0],
        "longest_block_by_phase_ms": worst_by_phase,
    }


def run_exports(app: Any, session: Any, settle: Any) -> float:
    """Every non-PDF format of the open plan through the 导出 dialog's own code (written by its
    export process, as the dialog does it: the stall monitor sees what the organiser would)."""
    from hongtu.core.exports import ExportFormat
    from hongtu.qt.plan_outputs import ExportDialog

    began = time.perf_counter()
    dialog = ExportDialog(session.view)
    with tempfile.TemporaryDirectory() as folder:
        for fmt in ExportFormat:
            if fmt.suffix == ".pdf":
                continue
            dialog.start_export([(fmt, Path(folder) / f"plan{fmt.suffix}", True)])
            while dialog.task is not None:
                settle(10)
    dialog.deleteLater()
    return (time.perf_counter() - began) * 1000


# ---- the parent: databases, children, report ---------------------------------------------------


def run_child(db: Path, stops: int, rounds: int) -> dict[str, Any]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    env["HONGTU_HOME"] = str(db.parent / f"home-{db.stem}")
    command = [sys.executable, __file__, "--child", str(db), str(stops), str(rounds)]
    out = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900, check=False)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"child failed ({out.returncode}):\n{out.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def summarise(result: dict[str, Any]) -> tuple[float, float]:
    every = [ms for values in result["edits"].values() for ms in values]
    return statistics.median(every), percentile(every, 0.95)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--quick", action="store_true", help="only 40 stops, 100 and 10,000 plans")
    parser.add_argument("--child", nargs=3, metavar=("DB", "STOPS", "ROUNDS"))
    args = parser.parse_args()
    if args.child:
        result = child(args.child[0], int(args.child[1]), int(args.child[2]))
        print(json.dumps(result))
        return 0
    # removed at the end, whatever happens (the children have all ended by then)
    scratch = tempfile.TemporaryDirectory(prefix="hongtu-edits-", ignore_cleanup_errors=True)
    with scratch as name:
        folder = Path(name)
        return parent(args, folder)


def parent(args: argparse.Namespace, folder: Path) -> int:
    """The databases and the children's homes in ``folder`` (removed afterwards), the report."""
    from scale_fixture import build_scale_database

    databases = {"100 plans": (100, 0), "10,000 plans + 2,000 places": (10_000, 2_000)}
    paths = {}
    for name, (plans, places) in databases.items():
        paths[name] = folder / f"{plans}-{places}.sqlite3"
        built = build_scale_database(paths[name], plans, places)
        print(f"built {name} in {built['total_s']:.1f} s")
    sizes = (40,) if args.quick else (10, 40, 200)
    report: dict[str, Any] = {}
    for stops in sizes:
        goal = 150 if stops > 40 else 50
        goal95 = 150 if stops > 40 else 100
        medians = {}
        for name, path in paths.items():
            result = run_child(path, stops, args.rounds)
            median, p95 = summarise(result)
            medians[name] = median
            per_edit = ", ".join(
                f"{edit} {statistics.median(values):.0f}"
                for edit, values in result["edits"].items()
            )
            other = ", ".join(
                f"{what} max {max(values):.0f}" for what, values in result["other"].items()
            )
            print(
                f"{stops:>3} stops, {name}: edits median {median:.1f} ms, p95 {p95:.1f} ms "
                f"(goal ≤ {goal}/{goal95}); longest GUI block {result['longest_block_ms']:.0f} ms "
                f"(goal ≤ 100)\n    per edit (ms, median): {per_edit}\n    {other}; "
                f"exports through the dialog {result['export_ms']:.0f} ms\n"
                f"    longest block by phase (ms): "
                + ", ".join(
                    f"{what} {ms:.0f}" for what, ms in result["longest_block_by_phase_ms"].items()
                )
            )
            report[f"{stops}/{name}"] = {
                "median_ms": round(median, 1),
                "p95_ms": round(p95, 1),
                "longest_block_ms": round(result["longest_block_ms"], 1),
            }
        small, large = medians.values()
        print(f"{stops:>3} stops: ratio 10,000 plans / 100 plans = {large / small:.2f}")
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
