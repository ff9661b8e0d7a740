"""Start-up speed: the real app against a bare QWebEngineView, in the same run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/startup.py [--runs 5] [--scale]
        [--against CHECKOUT]

``--scale`` compares, in one run, an empty database with 10,000 plans, with 2,000 custom places
and with both (built by ``scale_fixture``), and reports when the plans list is filled.

Each run is a fresh process. "window shown" is the moment the main window is shown; "map ready"
is the moment every site marker is on the page (the page reported its marker count). The
baseline is a bare QWebEngineView loading a trivial local page to ``loadFinished``. All three
are measured from just before the process is spawned. One warm-up run of the app builds the
cached map page and seeds the database first (a first start ever pays that once); its numbers
are printed separately. The last line is machine-readable.

``--against`` also starts the app of another checkout (e.g. ``git worktree add /tmp/before
<commit>``), interleaved with this one, so that a change is measured side by side on the same
machine at the same moment.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: The bare web view; its page is made in the benchmark's home (``HONGTU_HOME``), which is
#: removed when the benchmark ends.
BASELINE = r"""
import sys, time, os, tempfile, pathlib
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication
from PySide6.QtWebEngineWidgets import QWebEngineView
t0 = float(os.environ["HONGTU_PROBE_T0"])
page = pathlib.Path(tempfile.mkdtemp(dir=os.environ["HONGTU_HOME"])) / "trivial.html"
page.write_text("<!doctype html><html><body><p>baseline</p></body></html>")
app = QApplication(sys.argv)
view = QWebEngineView()
def done(ok):
    print(f"baseline_s={time.time() - t0:.3f}", flush=True)
    app.quit()
view.loadFinished.connect(done)
view.load(QUrl.fromLocalFile(str(page)))
view.show()
app.exec()
"""


def environment(home: Path, checkout: Path) -> dict[str, str]:
    """``checkout``: whose ``desktop/`` is imported. Every app started, and the bare web view,
    has it first on its path, so that two checkouts' starts differ in their code alone."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(checkout.resolve() / "desktop")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    env["HONGTU_HOME"] = str(home)
    # Byte-code compiled once and reused, as an installed HongTu has it: a PYTHONDONTWRITEBYTECODE
    # in the environment would make every start compile HongTu's modules from source again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    return env


#: The checkout this file belongs to (its app is measured, not whichever HongTu is installed).
THIS_CHECKOUT = Path(__file__).resolve().parent.parent

#: The moments at which the CPU time spent so far is taken (``cpu_s``): the map is ready.
CPU_MOMENTS = ("map_ready_s", "baseline_s")


def run(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """The ``name_s=`` figures the process prints, and ``cpu_s``: the CPU time (user + system)
    of the process and every process it started, taken when it reports the map ready (Linux)."""
    env = dict(env, HONGTU_PROBE_T0=repr(time.time()))
    values = {}
    with subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,  # its Chromium processes too: waited for (``wait_for_session``)
    ) as process:
        assert process.stdout is not None
        try:
            for line in process.stdout:
                if "_s=" in line:
                    name, _, number = line.strip().partition("=")
                    values[name] = float(number)
                    if name in CPU_MOMENTS:
                        cpu = tree_cpu_seconds(process.pid)
                        if cpu is not None:
                            values["cpu_s"] = cpu
            process.wait(timeout=120)
            wait_for_session(process.pid)
        except BaseException:  # Ctrl-C, a timeout: not left running in the home being removed
            process.kill()
            process.wait()
            forget_instance(process.pid)
            raise
    return values


def wait_for_session(session: int, timeout_s: float = 10.0) -> None:
    """Until every process of the run's session has ended (Chromium's processes outlive the
    app by a moment): the next run must not share the cores with this one's ending."""
    proc = Path("/proc")
    deadline = time.monotonic() + timeout_s
    while proc.is_dir() and time.monotonic() < deadline:
        if not any(_session_of(entry) == session for entry in proc.iterdir()):
            return
        time.sleep(0.02)


def _session_of(entry: Path) -> int | None:
    if not entry.name.isdigit():
        return None
    try:
        stat = (entry / "stat").read_text()
    except OSError:
        return None
    return int(stat[stat.rindex(")") + 2 :].split()[3])


def forget_instance(pid: int) -> None:
    """Removes the one-window lock file and socket (``hongtu.qt.single_instance``, in the
    temporary folder) of the app process ``pid``, killed before it could release them."""
    for lock in Path(tempfile.gettempdir()).glob("hongtu-*.lock"):
        with contextlib.suppress(OSError, UnicodeDecodeError):
            if lock.read_text().split("\n", 1)[0] == str(pid):
                lock.unlink()
                lock.with_suffix("").unlink(missing_ok=True)


def tree_cpu_seconds(pid: int) -> float | None:
    """CPU seconds used so far by ``pid`` and its descendants (Chromium's processes); None
    without ``/proc``."""
    proc = Path("/proc")
    if not proc.is_dir():
        return None
    tick = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    cpu: dict[int, float] = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        parents[int(entry.name)] = int(fields[1])
        cpu[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        total += cpu.get(current, 0.0)
        todo.extend(child for child, parent in parents.items() if parent == current)
    return total


def scale_runs(runs: int, env: dict[str, str], home: Path) -> None:
    """Map ready and plans listed at 10,000 plans and at 2,000 places against an empty database.

    The databases are built in this run (``scale_fixture``); each start is interleaved with the
    others and with the bare web view, so the ratios compare like with like.
    """
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from scale_fixture import build_scale_database

    dbs = {
        "empty": home / "empty.sqlite3",
        "10,000 plans": home / "plans.sqlite3",
        "2,000 places": home / "places.sqlite3",
        "both": home / "both.sqlite3",
    }
    sizes = {"empty": (0, 0), "10,000 plans": (10_000, 0), "2,000 places": (0, 2_000)}
    sizes["both"] = (10_000, 2_000)
    for name, db in dbs.items():
        build_scale_database(db, *sizes[name])
    app = [sys.executable, "-m", "hongtu"]
    base = [sys.executable, "-c", BASELINE]
    plans_env = dict(env, HONGTU_PROBE_UNTIL="plans")
    for db in dbs.values():  # first starts: page cache, checks
        run([*app, "--db", str(db)], env)
    ready: dict[str, list[float]] = {name: [] for name in dbs}
    listed: dict[str, list[float]] = {name: [] for name in dbs}
    baseline: list[float] = []
    for _ in range(runs):
        baseline.append(run(base, env)["baseline_s"])
        for name, db in dbs.items():
            ready[name].append(run([*app, "--db", str(db)], env)["map_ready_s"])
            values = run([*app, "--db", str(db)], plans_env)
            listed[name].append(values["plans_listed_s"] - values["window_shown_s"])
    med = statistics.median
    print(f"bare web view: {med(baseline):.3f} s")
    for name in dbs:
        print(
            f"{name}: map ready {med(ready[name]):.3f} s "
            f"({med(ready[name]) / med(baseline):.2f}× bare web view, "
            f"{med(ready[name]) / med(ready['empty']):.2f}× empty; goals 1.3 / 1.1); "
            f"plans list filled {med(listed[name]):.3f} s after the window (goal ≤ 0.3 s)"
        )
    report = {
        name: {
            "map_ready_s": round(med(ready[name]), 3),
            "vs_empty": round(med(ready[name]) / med(ready["empty"]), 2),
            "plans_listed_after_window_s": round(med(listed[name]), 3),
        }
        for name in dbs
    }
    report["baseline_s"] = round(med(baseline), 3)  # type: ignore[assignment]
    print(json.dumps(report, ensure_ascii=False))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--against",
        type=Path,
        help="another checkout whose app is started too, alternately (its desktop/ is imported)",
    )
    parser.add_argument(
        "--scale",
        action="store_true",
        help="also empty vs 10,000 plans vs 2,000 places (databases built in this run)",
    )
    args = parser.parse_args()
    # removed at the end, whatever happens (run() waits for each process or kills it)
    scratch = tempfile.TemporaryDirectory(prefix="hongtu-bench-", ignore_cleanup_errors=True)
    with scratch as name:
        home = Path(name)
        return measure(args, home)


def measure(args: argparse.Namespace, home: Path) -> int:
    """The runs and the report; the databases, the caches and the pages in ``home``."""
    env = environment(home, THIS_CHECKOUT)
    if args.scale:
        scale_runs(args.runs, env, home)
        return 0
    app = [sys.executable, "-m", "hongtu"]
    base = [sys.executable, "-c", BASELINE]
    first = run(app, env)
    print(f"first start (builds map page cache, seeds database): {first}")
    other_env = None
    if args.against is not None:
        other_env = environment(home / "against", args.against)
        run(app, other_env)  # its own first start: page cache, database
    shown, ready, baseline, other = [], [], [], []
    cpu: dict[str, list[float]] = {"app": [], "baseline": []}
    for index in range(args.runs):
        if other_env is not None and index % 2 == 0:  # each goes first every other time
            other.append(run(app, other_env)["map_ready_s"])
        app_run = run(app, env)
        if other_env is not None and index % 2 == 1:
            other.append(run(app, other_env)["map_ready_s"])
        base_run = run(base, env)
        shown.append(app_run["window_shown_s"])
        ready.append(app_run["map_ready_s"])
        baseline.append(base_run["baseline_s"])
        for name, values in (("app", app_run), ("baseline", base_run)):
            if "cpu_s" in values:
                cpu[name].append(values["cpu_s"])
        print(
            f"run: window_shown={shown[-1]:.3f}s map_ready={ready[-1]:.3f}s "
            f"baseline={baseline[-1]:.3f}s"
        )
    med = statistics.median
    if cpu["app"] and cpu["baseline"]:
        print(
            f"CPU time until the map is ready (all processes, {os.sysconf('SC_CLK_TCK')} ticks/s): "
            f"app {med(cpu['app']):.2f} s, bare web view {med(cpu['baseline']):.2f} s; "
            f"cores busy on average {med(cpu['app']) / med(ready):.2f} and "
            f"{med(cpu['baseline']) / med(baseline):.2f}"
        )
    if other:
        ratios = f"{med(other) / med(baseline):.2f}, this checkout {med(ready) / med(baseline):.2f}"
        print(f"{args.against}: map ready {med(other):.3f} s, ratio {ratios}")
    print(
        f"medians over {args.runs} runs: window shown {med(shown):.3f} s (goal ≤ 0.5 s), "
        f"map ready {med(ready):.3f} s, bare web view {med(baseline):.3f} s, "
        f"ratio {med(ready) / med(baseline):.2f} (goal ≤ 1.3)"
    )
    print(
        f"window_shown_s={med(shown):.3f} map_ready_s={med(ready):.3f} "
        f"baseline_s={med(baseline):.3f} ratio={med(ready) / med(baseline):.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
