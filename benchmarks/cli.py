"""The command line at scale: listing and exporting cost the same at 10,000 plans as at none.

    .venv/bin/python benchmarks/cli.py [--runs 7]

Builds, in the same run, an empty database (the catalogue only) and one with 10,000 plans
(``scale_fixture``), plus one with 10,000 plans and 2,000 custom places, then times fresh
``python -m hongtu`` processes, interleaved, and reports medians and ratios:

* ``plans list`` and ``sites list --json`` at 10,000 plans against the empty database (goal
  ≤ 2×); ``sites list --json`` with 2,000 more places is reported too (its output is 2,000 rows
  longer, so it is not held to the same ratio);
* ``plans export`` of a 10-stop plan in each non-PDF format against ``hongtu --version``
  (goal ≤ 3×: no heavy import or work that the format does not need).

The last line is JSON.
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

NON_PDF = ("csv", "xlsx", "docx", "html", "ics", "gpx", "kml", "json")


def installed_like(env: dict[str, str], folder: Path) -> None:
    """Byte-code compiled once and reused, as an installed HongTu has it. Without this, a
    ``PYTHONDONTWRITEBYTECODE`` in the environment (these shared machines set it) makes every
    process compile HongTu's modules from source again, which no user's start ever pays."""
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")


def timed(args: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "hongtu", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    elapsed = time.perf_counter() - began
    if done.returncode != 0:
        raise RuntimeError(f"hongtu {' '.join(args)} failed: {done.stderr[-2000:]}")
    return elapsed


def plan_to_export(db: Path) -> int:
    from hongtu.core.geo import LatLon
    from hongtu.core.plans import Activity, ActivityKind, CustomPlace, GatheringPoint, Plan, Stop
    from hongtu.core.workspace import open_workspace

    workspace = open_workspace(str(db))
    try:
        sites = [s.id for s in workspace.sites.list_sites() if s.position is not None][:10]
        from datetime import date

        plan = Plan(
            title="学习红色历史 传承红色基因",
            date=date(2026, 6, 1),
            gathering=GatheringPoint(custom=CustomPlace("单位大门", LatLon(37.8706, 112.5489))),
            stops=[Stop(site_id=s, activities=[Activity(ActivityKind.TOUR, 40)]) for s in sites],
        )
        saved = workspace.plans.save(plan)
        assert saved.id is not None
        return saved.id
    finally:
        workspace.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    # removed at the end, whatever happens (the children have all ended by then)
    scratch = tempfile.TemporaryDirectory(prefix="hongtu-cli-", ignore_cleanup_errors=True)
    with scratch as name:
        folder = Path(name)
        return measure(args, folder)


def measure(args: argparse.Namespace, folder: Path) -> int:
    """The databases, the timed runs and the report, all in ``folder`` (removed afterwards)."""
    from scale_fixture import build_scale_database

    env = dict(os.environ, HONGTU_HOME=str(folder / "home"), QT_QPA_PLATFORM="offscreen")
    installed_like(env, folder)
    dbs = {
        "empty": folder / "empty.sqlite3",
        "10k": folder / "10k.sqlite3",
        "10k+2k": folder / "10k-2k.sqlite3",
    }
    build_scale_database(dbs["empty"], 0, 0)
    build_scale_database(dbs["10k"], 10_000, 0)
    build_scale_database(dbs["10k+2k"], 10_000, 2_000)
    plan_id = plan_to_export(dbs["10k"])
    out = folder / "out"
    out.mkdir()
    cases: dict[str, list[str]] = {"version": ["--version"]}
    for name, db in dbs.items():
        cases[f"plans list/{name}"] = ["--db", str(db), "plans", "list"]
        cases[f"sites list --json/{name}"] = ["--db", str(db), "sites", "list", "--json"]
    for fmt in NON_PDF:
        cases[f"export {fmt}"] = [
            "--db", str(dbs["10k"]), "plans", "export", str(plan_id), "--format", fmt,
            "--output", str(out), "--overwrite",
        ]  # fmt: skip
    for args_ in cases.values():  # warm the page cache and the byte-code once
        timed(args_, env)
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.runs):
        for name, args_ in cases.items():
            times[name].append(timed(args_, env))
    med = {name: statistics.median(values) for name, values in times.items()}
    report: dict[str, Any] = {"medians_s": {k: round(v, 3) for k, v in med.items()}}
    for command in ("plans list", "sites list --json"):
        ratio = med[f"{command}/10k"] / med[f"{command}/empty"]
        report[f"{command} 10k/empty"] = round(ratio, 2)
        print(
            f"{command}: empty {med[f'{command}/empty']:.3f} s, 10,000 plans "
            f"{med[f'{command}/10k']:.3f} s (ratio {ratio:.2f}, goal ≤ 2), with 2,000 places "
            f"{med[f'{command}/10k+2k']:.3f} s"
        )
    print(f"hongtu --version: {med['version']:.3f} s")
    for fmt in NON_PDF:
        ratio = med[f"export {fmt}"] / med["version"]
        report[f"export {fmt}/version"] = round(ratio, 2)
        print(f"plans export --format {fmt}: {med[f'export {fmt}']:.3f} s ({ratio:.2f}× --version)")
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
