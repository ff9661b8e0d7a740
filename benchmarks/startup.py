"""Start-up speed: the real app against a bare QWebEngineView, in the same run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/startup.py [--runs 5]

Each run is a fresh process. "window shown" is the moment the main window is shown; "map ready"
is the moment every site marker is on the page (the page reported its marker count). The
baseline is a bare QWebEngineView loading a trivial local page to ``loadFinished``. All three
are measured from just before the process is spawned. One warm-up run of the app builds the
cached map page and seeds the database first (a first start ever pays that once); its numbers
are printed separately. The last line is machine-readable.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASELINE = r"""
import sys, time, os, tempfile, pathlib
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication
from PySide6.QtWebEngineWidgets import QWebEngineView
t0 = float(os.environ["HONGTU_PROBE_T0"])
page = pathlib.Path(tempfile.mkdtemp()) / "trivial.html"
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


def environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    env["HONGTU_HOME"] = str(home)
    return env


def run(command: list[str], env: dict[str, str]) -> dict[str, float]:
    env = dict(env, HONGTU_PROBE_T0=repr(time.time()))
    out = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120,
                         check=False).stdout
    values = {}
    for line in out.splitlines():
        if "_s=" in line:
            name, _, number = line.partition("=")
            values[name] = float(number)
    return values


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="hongtu-bench-"))
    env = environment(home)
    app = [sys.executable, "-m", "hongtu"]
    base = [sys.executable, "-c", BASELINE]
    first = run(app, env)
    print(f"first start (builds map page cache, seeds database): {first}")
    shown, ready, baseline = [], [], []
    for _ in range(args.runs):
        app_run = run(app, env)
        base_run = run(base, env)
        shown.append(app_run["window_shown_s"])
        ready.append(app_run["map_ready_s"])
        baseline.append(base_run["baseline_s"])
        print(f"run: window_shown={shown[-1]:.3f}s map_ready={ready[-1]:.3f}s "
              f"baseline={baseline[-1]:.3f}s")
    med = statistics.median
    print(f"medians over {args.runs} runs: window shown {med(shown):.3f} s (goal ≤ 0.5 s), "
          f"map ready {med(ready):.3f} s, bare web view {med(baseline):.3f} s, "
          f"ratio {med(ready) / med(baseline):.2f} (goal ≤ 1.5)")
    print(f"window_shown_s={med(shown):.3f} map_ready_s={med(ready):.3f} "
          f"baseline_s={med(baseline):.3f} ratio={med(ready) / med(baseline):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
