"""Memory over a long session: RSS of the real window across 11,000 edits of every kind.

    python benchmarks/soak_memory.py [EDITS]     (default 11,000: 1,000 warm-up + 10,000)

Runs tests/soak_child.py (the real main window offscreen, map included) with ``--rss`` and
reports the resident set size after the 1,000-edit warm-up and after every further 1,000 edits,
the growth over the 10,000 edits after the warm-up, and the wall time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = ROOT / "tests" / "soak_child.py"
WARM_UP = 1000


def main() -> int:
    edits = int(sys.argv[1]) if len(sys.argv) > 1 else WARM_UP + 10_000
    folder = Path(tempfile.mkdtemp(prefix="hongtu-soak-"))
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "desktop"),
        "HONGTU_HOME": str(folder / "home"),
        "QT_QPA_PLATFORM": "offscreen",
        "QTWEBENGINE_DISABLE_SANDBOX": "1",
    }
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, str(CHILD), str(folder / "soak.sqlite3"), str(edits), "8", "--rss"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        seconds = time.perf_counter() - started
    finally:  # the child has ended (subprocess.run waits for it, or kills it on an exception)
        shutil.rmtree(folder, ignore_errors=True)
    samples = {
        int(parts[1]): int(parts[2])
        for parts in (line.split() for line in done.stdout.splitlines())
        if parts and parts[0] == "rss"
    }
    print(f"exit code {done.returncode}; {edits} edits in {seconds:.0f} s (start-up included)")
    for count, kb in sorted(samples.items()):
        print(f"  after {count:>6} edits: RSS {kb / 1024:7.1f} MiB")
    if WARM_UP in samples and edits in samples:
        growth = (samples[edits] - samples[WARM_UP]) / 1024
        per_thousand = growth / ((edits - WARM_UP) / 1000)
        print(
            f"growth over {edits - WARM_UP} edits after a {WARM_UP}-edit warm-up: "
            f"{growth:.1f} MiB ({per_thousand:.2f} MiB per 1,000 edits)"
        )
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
