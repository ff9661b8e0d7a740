"""Damaged databases: one bit flipped at a random place of a real HongTu database, N times.

    python benchmarks/damaged_databases.py [N] [--seed S]

The database holds 8 plans (a 40-stop one among them), the catalogue and an organiser's
correction of a site. Each copy gets one bit flipped in a random page after the first, then is
opened as the CLI and the window open it (``open_workspace``), every plan and site read, and closed.
Counted per copy: refused as damaged (or another named problem) before anything was written;
opened and read (damage SQLite's quick check cannot see: text shown with U+FFFD, or a value
that changed but still reads); refused while reading (a value no longer readable: one plain
message); and **tracebacks** (any other exception). For every copy: whether the file's bytes,
its modification time or the files beside it changed. Goals: 0 tracebacks, 0 refused files
changed.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "desktop"), str(ROOT / "tests")]

from hongtu.core import paths  # noqa: E402
from hongtu.core.storage.problems import DatabaseError  # noqa: E402
from hongtu.core.workspace import open_workspace  # noqa: E402


def _healthy(folder: Path) -> Path:
    from factories import make_plan
    from hongtu.core.geo import LatLon
    from hongtu.core.plans import Activity, ActivityKind, CustomPlace, Stop

    file = folder / "healthy.sqlite3"
    workspace = open_workspace(str(file))
    try:
        for number in range(7):
            plan = make_plan([])
            plan.title = f"缅怀先烈主题党日{number}"
            plan.notes = "着正装，携带身份证；准时集合。" * 20
            workspace.plans.save(plan)
        stops = [
            Stop(custom=CustomPlace(f"旧址{i}", LatLon(37.8 + i / 1000, 112.5)),
                 activities=[Activity(ActivityKind.TOUR, 30)])
            for i in range(40)
        ]
        workspace.plans.save(make_plan(stops))
        site = workspace.sites.list_sites()[0]
        workspace.sites.set_visit_minutes(site.id, 75)  # an organiser's correction
    finally:
        workspace.close()
    return file


def _fingerprint(file: Path) -> tuple[str, int, list[str]]:
    beside = sorted(p.name for p in file.parent.iterdir() if p.name != file.name)
    return hashlib.sha256(file.read_bytes()).hexdigest(), file.stat().st_mtime_ns, beside


def _use(file: Path) -> str:
    try:
        workspace = open_workspace(str(file))
    except DatabaseError as error:
        return f"refused at opening: {error.problem.value}"
    try:
        for summary in workspace.plans.list_plans():
            workspace.plans.get(summary.id)
        workspace.sites.list_sites()
        return "opened and read"
    except DatabaseError as error:
        return f"refused while reading: {error.problem.value}"
    finally:
        workspace.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("count", nargs="?", type=int, default=500)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    # removed at the end, whatever happens (the healthy database, the copy in hand and the home)
    scratch = tempfile.TemporaryDirectory(prefix="hongtu-damaged-", ignore_cleanup_errors=True)
    with scratch as name:
        work = Path(name)
        return damage(args, work)


def damage(args: argparse.Namespace, work: Path) -> int:
    rng = random.Random(args.seed)
    paths.set_home(work / "home")
    healthy = _healthy(work)
    data = healthy.read_bytes()
    page = 65536 if int.from_bytes(data[16:18], "big") == 1 else int.from_bytes(data[16:18], "big")
    outcomes: collections.Counter[str] = collections.Counter()
    changed: collections.Counter[str] = collections.Counter()
    tracebacks: list[str] = []
    started = time.perf_counter()
    for number in range(args.count):
        damaged = bytearray(data)
        offset = page + rng.randrange(len(data) - page)
        damaged[offset] ^= 1 << rng.randrange(8)
        folder = work / str(number)
        folder.mkdir()
        file = folder / "hongtu.sqlite3"
        file.write_bytes(bytes(damaged))
        before = _fingerprint(file)
        try:
            outcome = _use(file)
        except Exception as exc:  # counted: the goal is that none arrive here
            outcome = "traceback"
            tracebacks.append(f"page {offset // page + 1}: {type(exc).__name__}: {exc}"[:200])
        outcomes[outcome] += 1
        if _fingerprint(file) != before:
            changed[outcome] += 1
        shutil.rmtree(folder)
    seconds = time.perf_counter() - started
    refused_changed = sum(v for k, v in changed.items() if k.startswith("refused"))
    print(f"damaged copies: {args.count} ({len(data) // page} pages) in {seconds:.1f} s")
    for outcome, count in outcomes.most_common():
        print(f"  {outcome}: {count} (file changed: {changed[outcome]})")
    print(f"tracebacks: {outcomes['traceback']}")
    print(f"refused files changed: {refused_changed}")
    for line in tracebacks[:5]:
        print("  " + line)
    print(json.dumps({"copies": args.count, "tracebacks": outcomes["traceback"],
                      "refused_changed": refused_changed, **outcomes}, ensure_ascii=False))
    return 0 if outcomes["traceback"] == 0 and refused_changed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
