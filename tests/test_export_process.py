"""Every export of the 导出 dialog is written by a child process (``hongtu.qt.export_process``).

What the organiser must still get from it: a full disk says so in plain words and leaves the old
file; the next export starts at once (the waiting child is used again); and no export process is
left running once the app is done with it, however the app ends.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from hongtu.core.atomic import is_partial
from hongtu.core.exports import ExportFormat
from hongtu.core.pipeline import PlanView, render_plan
from hongtu.core.settings import Settings
from hongtu.qt import export_process, messages
from hongtu.qt.plan_outputs import ExportDialog
from stall_monitor import big_plan
from tiny_disk import tiny_disk

pytestmark = pytest.mark.gui
LONG_MS = 120_000


def _view(stops: int = 60) -> PlanView:
    plan = big_plan(stops, note_chars=2_000)
    plan.id = 1
    return render_plan(plan, [], Settings(), today=date(2026, 6, 1))


def _export(qtbot, dialog: ExportDialog, fmt: ExportFormat, target: Path) -> None:  # type: ignore[no-untyped-def]
    dialog.format.setCurrentIndex(dialog.format.findData(fmt.value))
    dialog.path.setText(str(target))
    dialog._on_buttons_accepted()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=LONG_MS)


def _ended(pid: int) -> bool:
    """The process is gone (or a zombie nobody has reaped yet: it runs no more)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return True
    return "State:\tZ" in status


@pytest.mark.skipif(sys.platform != "linux", reason="a real tiny tmpfs needs Linux")
@pytest.mark.parametrize("fmt", [ExportFormat.DOCX, ExportFormat.PDF, ExportFormat.XLSX])
def test_a_full_disk_in_the_export_process_says_so_and_keeps_the_old_file(
    qtbot, monkeypatch, tmp_path: Path, fmt: ExportFormat
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(messages, "warning", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(messages, "question", lambda *a, **k: True)  # yes, replace it
    dialog = ExportDialog(_view(stops=200))
    qtbot.addWidget(dialog)
    with tiny_disk(tmp_path / "disk") as disk:
        target = disk / f"活动方案{fmt.suffix}"
        target.write_bytes(b"the old file")
        with open(disk / "filler", "wb") as filler, contextlib.suppress(OSError):
            filler.write(b"\0" * (64 * 1024 - 8 * 1024 - 4096))  # leave about 8 KiB free
        _export(qtbot, dialog, fmt, target)
        assert dialog.written is None
        assert shown and "磁盘" in shown[0] and "原有文件没有被改动" in shown[0]
        assert target.read_bytes() == b"the old file"
        assert not [p for p in disk.iterdir() if is_partial(p)]


def test_the_next_export_uses_the_waiting_process_which_ends_when_idle(
    qtbot, monkeypatch, tmp_path: Path
) -> None:
    dialog = ExportDialog(_view())
    qtbot.addWidget(dialog)
    _export(qtbot, dialog, ExportFormat.CSV, tmp_path / "日程.csv")
    waiting = export_process._idle
    assert waiting is not None and waiting.alive()
    _export(qtbot, dialog, ExportFormat.DOCX, tmp_path / "活动方案.docx")
    assert export_process._idle is waiting  # no new interpreter for the second export
    assert (tmp_path / "日程.csv").read_text("utf-8-sig").count("地点") >= 60
    assert (tmp_path / "活动方案.docx").read_bytes().startswith(b"PK")

    monkeypatch.setattr(export_process, "IDLE_SECONDS", 0.2)
    _export(qtbot, dialog, ExportFormat.ICS, tmp_path / "日历.ics")
    pid = waiting.process.pid
    qtbot.waitUntil(lambda: export_process._idle is None and _ended(pid), timeout=LONG_MS)


_APP = textwrap.dedent(
    """
    import sys
    from datetime import date
    from pathlib import Path
    from hongtu.core.pipeline import render_plan
    from hongtu.core.settings import Settings
    from hongtu.qt import export_process
    from stall_monitor import big_plan

    view = render_plan(big_plan(10, 100), [], Settings(), today=date(2026, 6, 1))
    target = export_process.ExportTarget("csv", Path(sys.argv[1]), True)
    request = export_process.ExportRequest(view.document, (target,))
    export_process.write_exports(request, lambda: False)
    print(export_process._idle.process.pid, flush=True)
    sys.stdin.readline()  # the app goes on until it is killed
    """
)


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="looks at /proc")
def test_the_export_process_ends_when_the_app_is_killed(qtbot, tmp_path: Path) -> None:
    tests = str(Path(__file__).resolve().parent)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([tests, os.environ.get("PYTHONPATH", "")]))
    app = subprocess.Popen(
        [sys.executable, "-c", _APP, str(tmp_path / "plan.csv")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert app.stdout is not None
    child = int(app.stdout.readline())
    assert (tmp_path / "plan.csv").is_file() and not _ended(child)
    app.send_signal(signal.SIGKILL)
    app.wait()
    app.stdout.close()
    assert app.stdin is not None
    app.stdin.close()
    qtbot.waitUntil(lambda: _ended(child), timeout=LONG_MS)
