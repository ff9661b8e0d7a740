"""Many `hongtu` CLI processes renaming the same plans at once: lost updates and failures.

    python benchmarks/concurrent_writers.py [--processes 16] [--renames 5] [--plans 3]

Each process runs `hongtu plans rename` several times on plans shared with all the others. A
rename reads and writes the plan in one write transaction (BEGIN IMMEDIATE, 10 s busy timeout),
and every successful save raises the plan's version by exactly one. So after the run

    lost updates = successful renames - (sum of every plan's version - 1)

must be 0, and every failed command must have said why in one plain line (never a traceback).
tests/test_cli_writers.py runs a small round of the same; this script prints the figures.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Figures:
    commands: int
    succeeded: int
    refused: int  # exit 2 with a one-line message (e.g. locked longer than the busy timeout)
    tracebacks: int
    lost_updates: int


def _hongtu(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "desktop"), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "hongtu", "--db", db, *args],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip


def prepare(db: str, plans: int) -> list[int]:
    sys.path.insert(0, str(ROOT / "desktop"))
    from datetime import date

    from hongtu.core.plans import Plan
    from hongtu.core.workspace import open_workspace

    workspace = open_workspace(db)
    try:
        return [
            workspace.plans.save(Plan(title=f"方案{n}", date=date(2026, 12, 1))).id or 0
            for n in range(plans)
        ]
    finally:
        workspace.close()


def run(db: str, processes: int, renames: int, plans: int) -> Figures:
    ids = prepare(db, plans)

    def writer(number: int) -> list[subprocess.CompletedProcess[str]]:
        return [
            _hongtu(db, "plans", "rename", str(ids[(number + k) % len(ids)]), f"进程{number}-{k}")
            for k in range(renames)
        ]

    with ThreadPoolExecutor(max_workers=processes) as pool:
        results = [r for batch in pool.map(writer, range(processes)) for r in batch]
    succeeded = sum(1 for r in results if r.returncode == 0)
    refused = sum(1 for r in results if r.returncode == 2 and len(r.stderr.splitlines()) == 1)
    tracebacks = sum(1 for r in results if "Traceback" in r.stderr)
    con = sqlite3.connect(db)
    try:
        saved = con.execute("SELECT SUM(version - 1) FROM plans").fetchone()[0]
    finally:
        con.close()
    return Figures(len(results), succeeded, refused, tracebacks, succeeded - saved)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=16)
    parser.add_argument("--renames", type=int, default=5)
    parser.add_argument("--plans", type=int, default=3)
    parser.add_argument("--db", default=None, help="a new file (default: a temporary one)")
    args = parser.parse_args()
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        db = args.db or str(Path(folder) / "writers.sqlite3")
        figures = run(db, args.processes, args.renames, args.plans)
    print(
        f"{args.processes} processes x {args.renames} renames on {args.plans} plans: "
        f"{figures.commands} commands, {figures.succeeded} saved, {figures.refused} refused in "
        f"one line, {figures.tracebacks} tracebacks, lost updates {figures.lost_updates}"
    )
    return 0 if figures.lost_updates == 0 and figures.tracebacks == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
