"""The window's exports are written in a child process, never in the window's own.

Writing a file holds Python's GIL for long stretches: Qt's text layout of a PDF
(``QTextDocument.setHtml``, pagination, painting), and the DOCX and XLSX writers' work for
the Word and Excel files. On a worker thread of the window's process that
still froze the window (seconds for a 500-stop PDF, 150 ms for its DOCX:
``benchmarks/responsiveness.py``). So the 导出 dialog's worker thread hands every format to a
child — ``python -m hongtu.qt.export_process`` (the frozen app: ``hongtu --export-worker``) —
sending it the already rendered ``PlanDocument``, the plan and its sites (for the plan file)
and the targets, as a length-prefixed pickle on its standard input (data this process made,
never a file). It then only waits, asking its cancel token. The child writes each file with the
same writers as the command line (atomic, checked whole), asks the parent just before it
replaces a target, and answers one JSON line per target. The 台账 window's exports travel the
same way (``LedgerExportRequest``: the year's ledger and where the photos are; the 台账
documents are in Chinese whatever the window's language).

The child serves one request after another. After a request it is kept for ``IDLE_SECONDS``, so
the next export (another format, a second click) does not pay for a new interpreter and its
imports; then its standard input is closed and it ends. It ends too when the window's process
ends (its standard input reaches end of file), however that process ends.

取消 while a file is laid out kills the child; its temporary file (held under a lock while it
was written) is then removed at once with ``hongtu.core.atomic.remove_stale_partials``; 取消
when it is about to replace a target answers ``stop``. Either way the old file stays and nothing
is left behind. A child that fails without an answer is an ``ExportError`` (OTHER).
"""

from __future__ import annotations

import atexit
import contextlib
import copyreg
import io
import json
import logging
import os
import pickle
import queue
import subprocess
import sys
import threading
import traceback
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import IO, Any

from hongtu.core import paths
from hongtu.core.atomic import ExportError, ExportErrorCode, remove_stale_partials
from hongtu.core.cancel import CancelledError, ShouldStop
from hongtu.core.document import PlanDocument
from hongtu.core.ledger import YearLedger
from hongtu.core.plans import Plan
from hongtu.core.records import ActivityRecord
from hongtu.core.sites import Site

log = logging.getLogger(__name__)

WORKER_FLAG = "--export-worker"  # the frozen app's entry point runs ``main`` on this argument
POLL_SECONDS = 0.05  # how often the waiting worker thread asks its cancel token
IDLE_SECONDS = 60.0  # a child left without work this long is ended
QT_FORMAT_NAMES = frozenset({"pdf", "signin"})  # ``hongtu.core.exports.QT_FORMATS``' values


@dataclass(frozen=True)
class ExportTarget:
    fmt: str  # an ``ExportFormat`` value
    path: Path
    overwrite: bool


@dataclass(frozen=True)
class ExportRequest:
    """What the child needs: the document for every format; the plan, the sites it uses and
    its activity record for the plan file (JSON); the names and blank rows for the 签到表."""

    document: PlanDocument
    targets: tuple[ExportTarget, ...]
    signin_names: tuple[str, ...] = ()
    blank_rows: int = 5
    plan: Plan | None = None
    sites: Mapping[int, Site] | None = None
    record: ActivityRecord | None = None


@dataclass(frozen=True)
class LedgerExportRequest:
    """A branch's year for the 台账 window's exports (DOCX, XLSX, the summary's PDF); ``home``
    is where this process keeps its data (the photos the DOCX places), for the child to read."""

    ledger: YearLedger
    targets: tuple[ExportTarget, ...]
    home: Path | None = field(default_factory=paths.chosen_home)


Request = ExportRequest | LedgerExportRequest


def _read_only(mapping: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(mapping)


def _dumps(request: Request) -> bytes:
    """Pickles the request; read-only mappings travel as plain dicts."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    table = copyreg.dispatch_table.copy()
    table[MappingProxyType] = lambda proxy: (_read_only, (dict(proxy),))
    pickler.dispatch_table = table
    pickler.dump(request)
    return buffer.getvalue()


def command() -> list[str]:
    """How to start the child with this very interpreter (or the frozen app)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_FLAG]
    return [sys.executable, "-m", "hongtu.qt.export_process"]


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    package_root = str(Path(__file__).resolve().parents[2])  # the folder holding ``hongtu``
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    if sys.platform.startswith("linux"):
        env["QT_QPA_PLATFORM"] = "offscreen"  # no window, no display connection needed
    return env


def write_exports(request: Request, should_stop: ShouldStop) -> list[Path]:
    """Writes ``request``'s targets in a child process, in order; blocks (a worker thread).

    The child asks before it replaces each target (``{"ready": …}``), and this thread answers
    ``go`` or ``stop`` from ``should_stop``, exactly where the in-process writers ask it. While
    the child writes, ``should_stop`` is asked every ``POLL_SECONDS`` and kills it.
    Raises ``CancelledError`` when stopped (every old file untouched, no temporary file left)
    and ``ExportError`` for what the child reports."""
    folders = {target.path.parent for target in request.targets}
    worker = _take()
    try:
        answers = worker.serve(request, should_stop)
    except CancelledError:  # killed while it wrote: never used again
        worker.kill()
        remove_stale_partials(folders)
        raise
    except _EndedError as ended:
        worker.kill()
        return _written(request, worker.exit_code(), ended.answers, folders)  # raises
    except BaseException:
        worker.kill()
        raise
    _give_back(worker)
    if answers and "cancelled" in answers[-1]:  # 取消 just before a target was replaced
        remove_stale_partials(folders)
        raise CancelledError
    return _written(request, worker.exit_code(), answers, folders)


class _Worker:
    """One child process, its pipes and the thread reading its answers."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(  # our own interpreter, no shell
            command(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # Qt's warnings; a full pipe must never stall the child
            env=_environment(),
        )
        assert self.process.stdout is not None
        self.lines: queue.Queue[bytes | None] = queue.Queue()
        self.reader = threading.Thread(
            target=_read_lines, args=(self.process.stdout, self.lines), daemon=True
        )
        self.reader.start()
        self.retire_timer: threading.Timer | None = None

    def alive(self) -> bool:
        return self.process.poll() is None

    def exit_code(self) -> int | None:
        return self.process.poll()

    def serve(self, request: Request, should_stop: ShouldStop) -> list[dict[str, Any]]:
        """The child's answers to ``request`` up to its ``done`` (or up to its end: then the
        child has died and the answers are short). ``CancelledError`` once it was killed."""
        payload = _dumps(request)
        self._send(len(payload).to_bytes(8, "big") + payload)
        answers: list[dict[str, Any]] = []
        while True:
            try:
                line = self.lines.get(timeout=POLL_SECONDS)
            except queue.Empty:
                if should_stop():
                    self.kill()
                    raise CancelledError from None
                continue
            if line is None:  # the child closed its output: it has ended
                self.process.wait()
                raise _EndedError(answers)
            answer = _answer(line)
            if "done" in answer:
                return answers
            if "ready" in answer:  # asked just before the target is replaced, as in process
                self._send(b"stop\n" if should_stop() else b"go\n")
                continue
            answers.append(answer)

    def _send(self, data: bytes) -> None:
        assert self.process.stdin is not None
        with contextlib.suppress(OSError):  # the child has ended: its exit code tells
            self.process.stdin.write(data)
            self.process.stdin.flush()

    def close(self) -> None:
        """Ends an idle child: its standard input reaches end of file."""
        with contextlib.suppress(OSError):
            assert self.process.stdin is not None
            self.process.stdin.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.kill()
        self._drop_pipes()

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.process.kill()
        self.process.wait()
        with contextlib.suppress(OSError):
            assert self.process.stdin is not None
            self.process.stdin.close()
        self._drop_pipes()

    def _drop_pipes(self) -> None:
        self.reader.join(timeout=5)
        assert self.process.stdout is not None
        self.process.stdout.close()


class _EndedError(Exception):
    """The child ended before it finished a request."""

    def __init__(self, answers: list[dict[str, Any]]) -> None:
        super().__init__("the export process ended early")
        self.answers = answers


# ---- the one idle child ---------------------------------------------------------------------

_pool_lock = threading.Lock()
_idle: _Worker | None = None


def _take() -> _Worker:
    """The idle child if it is still there, else a new one."""
    global _idle
    with _pool_lock:
        worker, _idle = _idle, None
    if worker is not None:
        if worker.retire_timer is not None:
            worker.retire_timer.cancel()
        if worker.alive():
            return worker
        worker.kill()
    return _Worker()


def _give_back(worker: _Worker) -> None:
    """Keeps ``worker`` for the next export (one child at most), for ``IDLE_SECONDS``."""
    global _idle
    if not worker.alive():
        worker.kill()
        return
    with _pool_lock:
        spare, _idle = _idle, worker
        timer = threading.Timer(IDLE_SECONDS, _retire, args=(worker,))
        timer.daemon = True  # never keeps the app from quitting
        worker.retire_timer = timer
        timer.start()
    if spare is not None:  # two exports ran at once: keep one child
        _end(spare)


def _retire(worker: _Worker) -> None:
    """The idle time is up: ends ``worker`` unless an export has taken it meanwhile."""
    global _idle
    with _pool_lock:
        if _idle is not worker:
            return
        _idle = None
    worker.close()


def _end(worker: _Worker) -> None:
    if worker.retire_timer is not None:
        worker.retire_timer.cancel()
    worker.close()


def close_idle() -> None:
    """Ends the idle child now (the app quits; tests)."""
    global _idle
    with _pool_lock:
        worker, _idle = _idle, None
    if worker is not None:
        _end(worker)


atexit.register(close_idle)


def _read_lines(stream: IO[bytes], lines: queue.Queue[bytes | None]) -> None:
    with contextlib.suppress(ValueError, OSError):  # closed under us: the child was killed
        for line in stream:
            lines.put(line)
    lines.put(None)


def _answer(line: bytes) -> dict[str, Any]:
    try:
        answer = json.loads(line.decode("utf-8", "replace"))
    except ValueError:
        return {}
    return answer if isinstance(answer, dict) else {}


def _written(
    request: Request,
    code: int | None,
    answers: list[dict[str, Any]],
    folders: set[Path],
) -> list[Path]:
    written: list[Path] = []
    for answer in answers:
        if "written" in answer:
            written.append(Path(answer["written"]))
        elif "error" in answer:
            raise ExportError(
                ExportErrorCode(answer["error"]), Path(answer["path"]), answer.get("detail", "")
            )
        elif "failed" in answer:  # a bug in a writer: the log has where, the user a message
            log.error("an export failed in the export process: %s", answer["failed"])
    if len(written) != len(request.targets):
        log.error("the export process ended early (exit code %s)", code)
        remove_stale_partials(folders)
        where = request.targets[len(written)].path
        raise ExportError(ExportErrorCode.OTHER, where, f"exit {code}")
    return written


# ---- the child ---------------------------------------------------------------------------------


def _say(answer: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(answer, ensure_ascii=True) + "\n")
    sys.stdout.flush()


def _next_request(stream: IO[bytes]) -> Request | None:
    head = stream.read(8)
    if len(head) < 8:
        return None  # the parent closed our input: the window's process is done with us
    request = pickle.loads(stream.read(int.from_bytes(head, "big")))  # written by our parent
    return request if isinstance(request, ExportRequest | LedgerExportRequest) else None


def serve(stream: IO[bytes]) -> int:
    """Writes one request after another until the parent closes ``stream``."""
    app: object | None = None
    while (request := _next_request(stream)) is not None:
        if app is None and any(target.fmt in QT_FORMAT_NAMES for target in request.targets):
            app = _qt_application()
        _write_all(request)
        _say({"done": True})
    return 0


def _qt_application() -> object:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([sys.argv[0]])


def _write_all(request: Request) -> None:
    """Each target in order; the first failure or a cancel ends the request."""
    for target in request.targets:
        try:
            path = _write(request, target)
        except CancelledError:
            _say({"cancelled": True})
            return
        except ExportError as exc:
            _say({"error": exc.code.value, "path": str(exc.path), "detail": exc.detail})
            return
        except Exception as exc:  # a bug: its type and where, never its text (user data)
            where = "".join(traceback.format_tb(exc.__traceback__)[-3:])
            _say({"failed": f"{type(exc).__name__}\n{where}"})
            return
        _say({"written": str(path)})


def _write(request: Request, target: ExportTarget) -> Path:
    if isinstance(request, LedgerExportRequest):
        from hongtu.qt.ledger_files import write_ledger

        paths.set_home(request.home)  # the photos are where the window keeps them
        return write_ledger(request.ledger, target.fmt, target.path, _parent_says_stop)
    if target.fmt in QT_FORMAT_NAMES:
        from hongtu.qt.printing import export_document

        return export_document(
            request.document,
            target.fmt,
            target.path,
            signin_names=list(request.signin_names),
            blank_rows=request.blank_rows,
            overwrite=target.overwrite,
            should_stop=_parent_says_stop,
        )
    from hongtu.core.exports import export_plan

    return export_plan(
        request.document,
        target.fmt,
        target.path,
        plan=request.plan,
        sites=request.sites,
        overwrite=target.overwrite,
        should_stop=_parent_says_stop,
        record=request.record,
    )


def _parent_says_stop() -> bool:
    """Asked just before a target is replaced: the parent answers ``go`` or ``stop``."""
    _say({"ready": True})
    return sys.stdin.buffer.readline().strip() != b"go"


def main(argv: Sequence[str] | None = None) -> int:
    del argv
    return serve(sys.stdin.buffer)


if __name__ == "__main__":  # run as ``-m``: the request's classes are this module's, by name
    from hongtu.qt.export_process import main as module_main

    sys.exit(module_main())
