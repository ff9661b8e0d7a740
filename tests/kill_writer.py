"""Child process for test_kill_during_writes: the real CLI, killed with SIGKILL at a chosen point.

Run as ``python kill_writer.py POINT CLI-ARGS…``. ``POINT`` is where the process kills itself:

- ``none``: never (the parent may kill it at any moment instead);
- ``plan_flushed``: the imported plan's rows are in the database transaction, not yet committed;
- ``record_flushed``: an imported plan file's record rows are in the transaction, not committed;
- ``file_written``: an export's temporary file is written and fsynced, not yet renamed;
- ``renamed``: the export has replaced the target, the folder is not yet fsynced.
"""

from __future__ import annotations

import os
import signal
import sys

# The plan file killed imports and exports use (the suite's test_kill_during_writes and
# benchmarks/kill_nine.py): 40 stops and a long note, so a kill lands mid-write.
PLAN_STOPS = 40
PLAN_FILE = {
    "format": "hongtu-plan",
    "version": 1,
    "plan": {
        "title": "缅怀先烈主题党日",
        "date": "2026-07-01",
        "participants": 30,
        "transport": "coach",
        "gathering_time": "08:00",
        "notes": "着正装。" * 500,
        "stops": [
            {
                "custom": {
                    "name": f"旧址{i}",
                    "lat": 37.8 + i / 1000,
                    "lon": 112.5,
                    "crs": "wgs84",
                },
                "activities": [{"kind": "tour", "minutes": 30}],
            }
            for i in range(PLAN_STOPS)
        ],
    },
}


def run_killed(
    command: list[str], env: dict[str, str], kill_after: float | None, timeout: float
) -> tuple[int, bytes]:
    """Run ``command``, killed with SIGKILL after ``kill_after`` seconds (None: never, but it
    must end within ``timeout``); its exit code and what it wrote to stderr. The parent's side,
    for the suite's kill tests and benchmarks/kill_nine.py."""
    import subprocess

    with subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    ) as child:
        try:
            _, err = child.communicate(timeout=kill_after if kill_after is not None else timeout)
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGKILL)
            _, err = child.communicate(timeout=timeout)
    return child.returncode, err


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def install(point: str) -> None:
    if point in ("plan_flushed", "record_flushed"):
        from sqlalchemy import event
        from sqlalchemy.orm import Session

        from hongtu.core.storage.models import PlanRow, RecordRow

        kind = PlanRow if point == "plan_flushed" else RecordRow

        def after_flush(session: Session, _context: object) -> None:
            rows = [*session.new, *session.identity_map.values()]
            if any(isinstance(row, kind) for row in rows):
                die()

        event.listen(Session, "after_flush", after_flush)
    elif point in ("file_written", "renamed"):
        from hongtu.core import atomic

        real_replace = os.replace

        def replace(src: str, dst: str) -> None:
            if point == "file_written" and atomic.is_partial(atomic.Path(src)):
                die()
            real_replace(src, dst)
            if point == "renamed":
                die()

        atomic.os.replace = replace  # type: ignore[attr-defined]


def main() -> int:
    point, args = sys.argv[1], sys.argv[2:]
    install(point)
    from hongtu.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
