"""Running blocking work (geocoding, exports, optimising) off the GUI thread.

``ThreadPoolRunner`` runs each job in ``QThreadPool`` and hands its result or exception to the
callbacks through a queued signal, so they run on the GUI thread. A job that outlives its
timeout is reported as ``TimeoutError`` and its late answer is dropped. ``SyncRunner`` runs the
job at once on the calling thread: the same contract, for tests.

``ProgressTask`` is for work the organiser waits for: a busy progress dialog (shown only when the
work takes longer than ``SHOW_AFTER_MS``) with a cancel button. The job gets a ``CancelToken`` to
ask; cancelled work raises ``hongtu.core.cancel.CancelledError`` before it changes anything.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_MS = 12_000

Success = Callable[[Any], None]
Failure = Callable[[BaseException], None]


class TaskRunner(Protocol):
    def run(
        self,
        job: Callable[[], Any],
        on_success: Success,
        on_failure: Failure,
        timeout_ms: int = DEFAULT_TIMEOUT_MS,
    ) -> None: ...


class SyncRunner:
    """Runs the job immediately; callbacks are called before ``run`` returns."""

    def run(
        self,
        job: Callable[[], Any],
        on_success: Success,
        on_failure: Failure,
        timeout_ms: int = DEFAULT_TIMEOUT_MS,
    ) -> None:
        del timeout_ms
        try:
            result = job()
        except Exception as exc:
            on_failure(exc)
            return
        on_success(result)


@dataclass
class _Pending:
    on_success: Success
    on_failure: Failure


class _Job(QRunnable):
    def __init__(self, task_id: int, job: Callable[[], Any], relay: ThreadPoolRunner) -> None:
        super().__init__()
        self._task_id = task_id
        self._job = job
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._job()
        except Exception as exc:
            self._answer(self._relay.failed, exc)
            return
        self._answer(self._relay.succeeded, result)

    def _answer(self, signal: Any, value: object) -> None:
        """Hands the answer to the GUI thread; an answer arriving after its runner was deleted
        (its window closed, HongTu quitting) has no one to go to and is dropped quietly."""
        try:
            signal.emit(self._task_id, value)
        except RuntimeError:  # "Signal source has been deleted"
            log.info("background task %d ended after its window closed", self._task_id)


class ThreadPoolRunner(QObject):
    """Lives on the GUI thread; emitted from workers, its signals are delivered queued."""

    succeeded = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        # The runnables stay owned here until their answer is back on the GUI thread: a
        # QRunnable auto-deleted by the pool frees its Python wrapper on the worker thread
        # (heap corruption, seen as "malloc_consolidate(): unaligned fastbin chunk").
        self._running: dict[int, _Job] = {}
        self.succeeded.connect(self._on_succeeded)
        self.failed.connect(self._on_failed)

    def run(
        self,
        job: Callable[[], Any],
        on_success: Success,
        on_failure: Failure,
        timeout_ms: int = DEFAULT_TIMEOUT_MS,
    ) -> None:
        task_id = next(self._ids)
        self._pending[task_id] = _Pending(on_success, on_failure)
        # No timer object per task: a finished task's timeout finds nothing pending and does
        # nothing, and no timer is left to delete later (a deferred delete could outlive this
        # runner).
        QTimer.singleShot(timeout_ms, self, lambda: self._on_timed_out(task_id))
        runnable = _Job(task_id, job, self)
        runnable.setAutoDelete(False)
        self._running[task_id] = runnable
        self._pool.start(runnable)

    def busy(self) -> bool:
        return bool(self._pending)

    def _take(self, task_id: int) -> _Pending | None:
        return self._pending.pop(task_id, None)

    @Slot(int, object)
    def _on_succeeded(self, task_id: int, result: object) -> None:
        self._running.pop(task_id, None)
        pending = self._take(task_id)
        if pending is not None:
            pending.on_success(result)

    @Slot(int, object)
    def _on_failed(self, task_id: int, error: object) -> None:
        self._running.pop(task_id, None)
        pending = self._take(task_id)
        if pending is not None:
            pending.on_failure(error if isinstance(error, BaseException) else RuntimeError(error))

    def _on_timed_out(self, task_id: int) -> None:
        pending = self._take(task_id)
        if pending is not None:
            log.info("background task %d timed out; its answer will be ignored", task_id)
            pending.on_failure(TimeoutError())


# ---- work the organiser waits for ------------------------------------------------------------

SHOW_AFTER_MS = 300  # quicker work finishes without a dialog flashing up
LONG_TIMEOUT_MS = 30 * 60 * 1000


def tr(text: str) -> str:
    return QCoreApplication.translate("Tasks", text)


class CancelToken:
    """Set from the GUI thread, asked from the worker (a ``ShouldStop``)."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    def __call__(self) -> bool:
        return self._event.is_set()


class ProgressTask(QObject):
    """``job(token)`` on ``runner`` with a busy dialog and a cancel button; one callback after."""

    def __init__(
        self,
        parent: QWidget | None,
        runner: TaskRunner,
        label: str,
        job: Callable[[CancelToken], Any],
        on_success: Success,
        on_failure: Failure,
        timeout_ms: int = LONG_TIMEOUT_MS,
    ) -> None:
        super().__init__(parent)
        self.token = CancelToken()
        self.done = False
        self._on_success = on_success
        self._on_failure = on_failure
        self.dialog = QProgressDialog(label, tr("取消"), 0, 0, parent)
        self.dialog.setWindowTitle(tr("请稍候"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        runner.run(lambda: job(self.token), self._succeeded, self._failed, timeout_ms)

    def cancel(self) -> None:
        if not self.done:
            self.token.cancel()
            self.dialog.setLabelText(tr("正在取消…"))

    def _finish(self) -> None:
        self.done = True
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.hide()
        self.dialog.deleteLater()
        self.deleteLater()

    def _succeeded(self, result: object) -> None:
        self._finish()
        self._on_success(result)

    def _failed(self, error: BaseException) -> None:
        self.token.cancel()  # a timed-out job must not change anything when it ends after all
        self._finish()
        self._on_failure(error)
