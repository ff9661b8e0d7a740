"""Kill -9 during an import, an export and typing: what was lost, counted.

    python benchmarks/kill_nine.py [--imports N] [--exports N] [--typing N] [--seed S]

* **Imports**: `hongtu plans import` of a 40-stop plan into a database that already holds one
  plan, killed with SIGKILL at a random moment of its run (and once right after the plan's rows
  were flushed, not committed). Counted: databases failing SQLite's integrity check, plans held
  in part (not 0 or 40 stops), plans that were there before and are gone.
* **Exports**: `hongtu plans export --overwrite` over an existing file (PDF, DOCX, XLSX, ICS,
  CSV), killed at a random moment (and once each between the temporary file and the rename, and
  between the rename and the folder's sync). Counted: targets that are neither the old file nor
  a whole new one; temporary files left after the next export into that folder.
* **Typing**: the real window, a new plan's title typed one key every 150 ms, killed at a random
  moment 1.5–4.5 s into the typing. Counted: characters on screen for at least a second before
  the kill that are not in the database, and titles that are not what was typed.

The goal for every "lost" figure is 0. tests/test_kill_during_writes.py and tests/test_no_loss.py
run a few of the same in the suite; this script prints the counts.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "desktop"), str(ROOT / "tests")]

from hongtu.core.atomic import is_partial  # noqa: E402
from kill_writer import PLAN_FILE, run_killed  # noqa: E402
from kill_writer import PLAN_STOPS as STOPS  # noqa: E402

WRITER = ROOT / "tests" / "kill_writer.py"
TYPED = "学习红色历史传承红色基因缅怀革命先烈重温入党誓词在党旗下庄严宣誓"
KEY_EVERY_MS = 150



def _env(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "HONGTU_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "QTWEBENGINE_DISABLE_SANDBOX": "1",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "desktop"), str(ROOT / "tests")]),
    }


def _writer(home: Path, point: str, args: list[str], kill_after: float | None) -> tuple[int, bool]:
    """Run the CLI in a child; kill it after ``kill_after`` s. (exit code, traceback seen)."""
    code, err = run_killed([sys.executable, str(WRITER), point, *args], _env(home), kill_after, 300)
    return code, b"Traceback" in err


def _plans(db: Path) -> tuple[bool, list[tuple[str, int]]]:
    """(integrity ok, [(title, stops)]) read with plain sqlite3 after the kill."""
    with contextlib.closing(sqlite3.connect(db)) as con:
        sound = con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = con.execute(
            "SELECT p.title, (SELECT count(*) FROM plan_stops s WHERE s.plan_id = p.id) "
            "FROM plans p WHERE p.deleted_at IS NULL ORDER BY p.id"
        ).fetchall()
    return sound, [(title, stops) for title, stops in rows]


def _fresh_database(folder: Path) -> Path:
    from hongtu.core.workspace import open_workspace

    db = folder / "kill.sqlite3"
    workspace = open_workspace(str(db))
    try:
        from factories import make_plan

        workspace.plans.save(make_plan([]))  # a plan that was there before
    finally:
        workspace.close()
    return db


def imports(count: int, rng: random.Random, work: Path) -> dict[str, int]:
    plan_file = work / "plan.hongtu.json"
    plan_file.write_text(json.dumps(PLAN_FILE, ensure_ascii=False), encoding="utf-8")
    seconds = float("inf")
    for number in range(2):  # the first run of all is slower (cold caches): the faster of two
        timing = work / f"import-timing-{number}"
        timing.mkdir()
        db = _fresh_database(timing)
        started = time.monotonic()
        code, _ = _writer(timing, "none", ["--db", str(db), "plans", "import", str(plan_file)],
                          None)
        seconds = min(seconds, time.monotonic() - started)
        assert code == 0, "the import itself fails"
    figures = dict(runs=0, killed=0, tracebacks=0, unsound=0, partial=0, lost_before=0, whole=0)
    for number in range(count + 1):
        folder = work / f"import-{number}"
        folder.mkdir()
        db = _fresh_database(folder)
        _, before = _plans(db)
        point, kill_after = ("plan_flushed", None) if number == 0 else (
            "none", rng.uniform(0.2, 1.1) * seconds)
        code, traceback = _writer(folder, point, ["--db", str(db), "plans", "import",
                                                   str(plan_file)], kill_after)
        sound, after = _plans(db)
        figures["runs"] += 1
        figures["killed"] += code == -signal.SIGKILL
        figures["tracebacks"] += traceback
        figures["unsound"] += not sound
        figures["lost_before"] += any(plan not in after for plan in before)
        new = [plan for plan in after if plan not in before]
        figures["partial"] += any(stops != STOPS for _, stops in new) or len(new) > 1
        figures["whole"] += new == [(PLAN_FILE["plan"]["title"], STOPS)]
    return figures


def _valid(path: Path, fmt: str) -> bool:
    data = path.read_bytes()
    if fmt == "pdf":
        return data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]
    if fmt in ("docx", "xlsx"):
        try:
            with zipfile.ZipFile(path) as archive:
                return archive.testzip() is None
        except zipfile.BadZipFile:
            return False
    if fmt == "ics":
        return data.rstrip().endswith(b"END:VCALENDAR")
    return data.endswith(b"\n") and len(data.splitlines()) > STOPS


def exports(count: int, rng: random.Random, work: Path) -> dict[str, int]:
    folder = work / "exports"
    folder.mkdir()
    db = folder / "kill.sqlite3"
    from hongtu.core.workspace import open_workspace

    open_workspace(str(db)).close()
    plan_file = work / "plan.hongtu.json"
    code, _ = _writer(folder, "none", ["--db", str(db), "plans", "import", str(plan_file)], None)
    assert code == 0
    formats = ["pdf", "docx", "xlsx", "ics", "csv"]
    seconds: dict[str, float] = {}
    out = folder / "out"
    out.mkdir()
    for fmt in formats:
        started = time.monotonic()
        args = ["--db", str(db), "plans", "export", "1", "--format", fmt, "--output",
                str(out / f"timing.{fmt}")]
        assert _writer(folder, "none", args, None)[0] == 0
        seconds[fmt] = time.monotonic() - started
    runs = [(fmt, point, None) for fmt in ("pdf", "docx") for point in ("file_written", "renamed")]
    for _ in range(count):
        fmt = rng.choice(formats)
        runs.append((fmt, "none", rng.uniform(0.2, 1.1) * seconds[fmt]))
    figures = dict(runs=0, killed=0, tracebacks=0, damaged=0, old_kept=0, new_whole=0,
                   left_after_sweep=0)
    for fmt, point, kill_after in runs:
        target = out / f"方案.{fmt}"
        target.write_bytes(b"the old export")
        args = ["--db", str(db), "plans", "export", "1", "--format", fmt, "--output",
                str(target), "--overwrite"]
        code, traceback = _writer(folder, point, args, kill_after)
        figures["runs"] += 1
        figures["killed"] += code == -signal.SIGKILL
        figures["tracebacks"] += traceback
        old = target.read_bytes() == b"the old export"
        whole = not old and _valid(target, fmt)
        figures["old_kept"] += old
        figures["new_whole"] += whole
        figures["damaged"] += not (old or whole)
        # the next start: a CLI export into the same folder (it sweeps the folder first)
        args = ["--db", str(db), "plans", "export", "1", "--format", "csv", "--output",
                str(out / "next.csv"), "--overwrite"]
        assert _writer(folder, "none", args, None)[0] == 0
        figures["left_after_sweep"] += sum(1 for p in out.iterdir() if is_partial(p))
    return figures


# ---- typing in the real window ------------------------------------------------------------------


def typist(db: str) -> int:
    """Child: the real window, a new plan's title typed one key every KEY_EVERY_MS."""
    from PySide6.QtCore import QTimer

    from kill_child import type_text, window_with_a_new_plan

    app, _controller, window = window_with_a_new_plan(db)
    title = window.plan_ui.editor.title
    typed = [0]

    def key() -> None:
        if typed[0] == len(TYPED):
            return
        type_text(title, TYPED[typed[0]])
        typed[0] += 1
        print(f"typed {typed[0]}", flush=True)

    def begin() -> None:
        title.setFocus()
        title.selectAll()
        print("typing", flush=True)
        ticker.start(KEY_EVERY_MS)

    ticker = QTimer()
    ticker.timeout.connect(key)
    QTimer.singleShot(500, begin)
    QTimer.singleShot(60_000, app.quit)  # never outlive the parent
    return app.exec()


def typing(count: int, rng: random.Random, work: Path) -> dict[str, int]:
    figures = dict(runs=0, killed=0, lost_characters=0, runs_losing=0, wrong_title=0)
    for number in range(count):
        folder = work / f"typing-{number}"
        folder.mkdir()
        db = folder / "kill.sqlite3"
        shown: list[tuple[float, int]] = []  # (when the parent heard of it, characters typed)
        with subprocess.Popen(
            [sys.executable, __file__, "--typist", str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=_env(folder / "home"),
        ) as child:
            assert child.stdout is not None
            kill_at = None
            buffer = b""
            try:
                while True:
                    timeout = None if kill_at is None else max(0.0, kill_at - time.monotonic())
                    ready, _, _ = select.select([child.stdout], [], [], timeout)
                    if not ready:
                        break  # the moment to kill
                    chunk = os.read(child.stdout.fileno(), 4096)
                    if not chunk:
                        break
                    buffer += chunk
                    *lines, buffer = buffer.split(b"\n")
                    for line in lines:
                        if line == b"typing":
                            kill_at = time.monotonic() + rng.uniform(1.5, 4.5)
                        elif line.startswith(b"typed "):
                            shown.append((time.monotonic(), int(line.split()[1])))
            finally:  # also on an exception or Ctrl-C: no window left typing into the folder
                killed_at = time.monotonic()
                child.send_signal(signal.SIGKILL)
                child.wait()
        figures["runs"] += 1
        figures["killed"] += child.returncode == -signal.SIGKILL
        with contextlib.closing(sqlite3.connect(db)) as con:
            row = con.execute("SELECT title FROM plans ORDER BY id LIMIT 1").fetchone()
        stored = row[0] if row else ""
        # on screen for at least a second before the kill (the parent hears of a key a moment
        # after it is shown, so this errs towards counting more as needed)
        needed = max((n for at, n in shown if at <= killed_at - 1.0), default=0)
        kept = len(stored) if TYPED.startswith(stored) and stored else 0
        if stored and not TYPED.startswith(stored) and needed:
            figures["wrong_title"] += 1
        lost = max(0, needed - kept)
        figures["lost_characters"] += lost
        figures["runs_losing"] += lost > 0
    return figures


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--typist":
        return typist(sys.argv[2])
    parser = argparse.ArgumentParser()
    parser.add_argument("--imports", type=int, default=10)
    parser.add_argument("--exports", type=int, default=10)
    parser.add_argument("--typing", type=int, default=5)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hongtu-kill-"))
    try:
        return kill(args, work)
    finally:
        _end_children()  # none may write into the folder once it is removed
        shutil.rmtree(work, ignore_errors=True)


def _end_children() -> None:
    """Kills and reaps this process's children still running: after a Ctrl-C that reached only
    this process, ``run_killed`` leaves its child running (it waits a quarter of a second)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return
    me = os.getpid()
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):  # ended meanwhile; already reaped
            stat = (entry / "stat").read_text()
            if int(stat[stat.rindex(")") + 2 :].split()[1]) == me:
                os.kill(int(entry.name), signal.SIGKILL)
                os.waitpid(int(entry.name), 0)


def kill(args: argparse.Namespace, work: Path) -> int:
    rng = random.Random(args.seed)
    from hongtu.core import paths

    paths.set_home(work / "home")
    results = {}
    if args.imports:
        results["import"] = imports(args.imports, rng, work)
        print("kill -9 during import:", results["import"], flush=True)
    if args.exports:
        (work / "plan.hongtu.json").exists() or (work / "plan.hongtu.json").write_text(
            json.dumps(PLAN_FILE, ensure_ascii=False), encoding="utf-8")
        results["export"] = exports(args.exports, rng, work)
        print("kill -9 during export:", results["export"], flush=True)
    if args.typing:
        results["typing"] = typing(args.typing, rng, work)
        print("kill -9 during typing:", results["typing"], flush=True)
    lost = sum(
        figures.get(key, 0)
        for figures in results.values()
        for key in ("unsound", "partial", "lost_before", "damaged", "left_after_sweep",
                    "lost_characters", "wrong_title", "tracebacks")
    )
    print(json.dumps({"lost_or_damaged": lost, **results}, ensure_ascii=False))
    return 0 if lost == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
