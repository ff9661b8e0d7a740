"""Fuzz the plan file reader with plan files generated from the format's definition.

    python benchmarks/fuzz_plan_files.py [N]        (default 2,000 files)

Each generated file goes through what ``hongtu plans import`` does (read, then save), and an
accepted plan also through timing, every fast export and a re-read of its own export. Counted:
accepted, refused (by error code), crashes (any other exception) and partial writes (a refused
file that changed the database anyway). The goal for crashes and partial writes is 0.
"""

from __future__ import annotations

import collections
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "desktop"), str(ROOT / "tests")]

from hypothesis import HealthCheck, given, settings  # noqa: E402

from hongtu.core import paths  # noqa: E402
from hongtu.core.planfile import PlanFileError, load_plan  # noqa: E402
from hongtu.core.workspace import open_workspace  # noqa: E402
from plan_file_strategies import plan_file_text  # noqa: E402
from test_plan_rules import SITE_KEYS, _check_accepted, _resolver  # noqa: E402


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    # removed at the end, whatever happens (a crash is reported by its printed traceback)
    scratch = tempfile.TemporaryDirectory(prefix="hongtu-fuzz-", ignore_cleanup_errors=True)
    with scratch as name:
        folder = Path(name)
        return fuzz(count, folder)


def fuzz(count: int, folder: Path) -> int:
    paths.set_home(folder / "home")
    workspace = open_workspace(str(folder / "fuzz.sqlite3"))
    outcomes: collections.Counter[str] = collections.Counter()
    crashes: list[str] = []
    resolve = _resolver(workspace)

    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(text=plan_file_text(SITE_KEYS))
    def one(text: str) -> None:
        before = workspace.plans.list_plans()
        try:
            plan = load_plan(text, resolve)
        except PlanFileError as error:
            outcomes[f"refused:{error.code.value}"] += 1
            if workspace.plans.list_plans() != before:
                outcomes["partial_write"] += 1
            return
        except Exception:
            outcomes["crash"] += 1
            crashes.append(traceback.format_exc(limit=3))
            return
        try:
            _check_accepted(plan, workspace)
        except Exception:
            outcomes["crash_after_accept"] += 1
            crashes.append(traceback.format_exc(limit=3))
            return
        outcomes["accepted"] += 1

    started = time.perf_counter()
    one()
    seconds = time.perf_counter() - started
    workspace.close()
    total = sum(v for k, v in outcomes.items() if k != "partial_write")
    print(f"plan files generated: {total} in {seconds:.1f} s")
    for key, value in sorted(outcomes.items()):
        print(f"  {key}: {value}")
    print(f"crashes: {outcomes['crash'] + outcomes['crash_after_accept']}")
    print(f"partial writes: {outcomes['partial_write']}")
    for crash in crashes[:3]:
        print(crash)
    return 1 if crashes or outcomes["partial_write"] else 0


if __name__ == "__main__":
    sys.exit(main())
