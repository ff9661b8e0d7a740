"""Work still running when its window closes (HongTu quitting during a download): its late
answer is dropped quietly, with no crash report, and a crash met off the window's thread
never tries to open a dialog there."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QThreadPool
from shiboken6 import delete

from hongtu.core import paths
from hongtu.qt import crash, crash_dialog
from hongtu.qt.tasks import ThreadPoolRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def crashes(monkeypatch) -> list[BaseException]:
    """What reached the crash hook, and no crash dialog ever really opens."""
    seen: list[BaseException] = []
    monkeypatch.setattr(crash_dialog.CrashDialog, "exec", lambda self: 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    crash.install_excepthook()
    hook = sys.excepthook

    def recording(exc_type, exc, tb) -> None:  # type: ignore[no-untyped-def]
        seen.append(exc)
        hook(exc_type, exc, tb)

    monkeypatch.setattr(sys, "excepthook", recording)
    return seen


def test_an_answer_after_the_window_closed_is_dropped_quietly(qtbot, crashes) -> None:
    pool = QThreadPool()
    runner = ThreadPoolRunner(pool=pool)
    release = threading.Event()
    answers: list[object] = []
    runner.run(lambda: release.wait(5) and "tiles", answers.append, answers.append)
    delete(runner)  # the download dialog is gone: HongTu is closing
    release.set()
    assert pool.waitForDone(5000)
    assert crashes == []
    assert answers == []
    assert not list(paths.log_dir().glob("crash-*.log"))


def test_a_crash_off_the_window_thread_is_logged_without_a_dialog(qtbot, crashes, monkeypatch):  # type: ignore[no-untyped-def]
    opened: list[str] = []
    monkeypatch.setattr(crash_dialog.CrashDialog, "__init__", lambda *a: opened.append("dialog"))

    def worker() -> None:
        try:
            raise ValueError("在工作线程里出错")
        except ValueError:
            sys.excepthook(*sys.exc_info())

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(5)
    assert opened == []
    [log] = list(paths.log_dir().glob("crash-*.log"))
    assert "在工作线程里出错" in log.read_text("utf-8")
