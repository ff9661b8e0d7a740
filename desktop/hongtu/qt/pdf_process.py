"""The window's PDFs are laid out and painted in a child process, never in the window's own.

Qt's text layout (``QTextDocument.setHtml``, pagination, painting) runs without releasing
Python's GIL: on a worker thread it still froze the window for seconds at 500 stops
(``benchmarks/responsiveness.py``). So the 导出 dialog's worker thread starts
``python -m hongtu.qt.pdf_process`` (the frozen app: ``hongtu --pdf-worker``), sends it the
already rendered ``PlanDocument`` and the targets (a length-prefixed pickle on its standard
input: data this process made, never a file), and waits for it while asking its cancel token.
The child writes each file with ``hongtu.qt.printing.export_document`` (atomic, checked whole),
asks the parent just before it replaces a target, and answers one JSON line per target.

取消 while a file is laid out kills the child; its temporary file (held under a lock while it
was written) is then removed at once with ``hongtu.core.atomic.remove_stale_partials``; 取消
when it is about to replace a target answers ``stop``. Either way the old file stays and nothing
is left behind. A child that fails without an answer is an ``ExportError`` (OTHER).
"""

from __future__ import annotations

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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import IO, Any

from hongtu.core.atomic import ExportError, ExportErrorCode, remove_stale_partials
from hongtu.core.cancel import CancelledError, ShouldStop
from hongtu.core.document import PlanDocument

log = logging.getLogger(__name__)

WORKER_FLAG = "--pdf-worker"  # the frozen app's entry point runs ``main`` on this argument
POLL_SECONDS = 0.05  # how often the waiting worker thread asks its cancel token


@dataclass(frozen=True)
class PdfTarget:
    fmt: str  # an ``ExportFormat`` value of ``QT_FORMATS``
    path: Path
    overwrite: bool


@dataclass(frozen=True)
class PdfRequest:
    document: PlanDocument
    targets: tuple[PdfTarget, ...]
    signin_names: tuple[str, ...] = ()
    blank_rows: int = 5


def _read_only(mapping: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(mapping)


def _dumps(request: PdfRequest) -> bytes:
    """Pickles the request; the document's read-only mappings travel as plain dicts."""
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
    return [sys.executable, "-m", "hongtu.qt.pdf_process"]


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    package_root = str(Path(__file__).resolve().parents[2])  # the folder holding ``hongtu``
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    if sys.platform.startswith("linux"):
        env["QT_QPA_PLATFORM"] = "offscreen"  # no window, no display connection needed
    return env


def write_pdfs(request: PdfRequest, should_stop: ShouldStop) -> list[Path]:
    """Writes ``request``'s targets in a child process; blocks (a worker thread) until done.

    The child asks before it replaces each target (``{"ready": …}``), and this thread answers
    ``go`` or ``stop`` from ``should_stop``, exactly where the in-process writers ask it. While
    the child lays a file out, ``should_stop`` is asked every ``POLL_SECONDS`` and kills it.
    Raises ``CancelledError`` when stopped (every old file untouched, no temporary file left)
    and ``ExportError`` for what the child reports."""
    process = subprocess.Popen(  # our own interpreter, no shell
        command(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # Qt's warnings; a full pipe must never stall the child
        env=_environment(),
    )
    assert process.stdin is not None and process.stdout is not None
    lines: queue.Queue[bytes | None] = queue.Queue()
    reader = threading.Thread(target=_read_lines, args=(process.stdout, lines), daemon=True)
    reader.start()
    answers: list[dict[str, Any]] = []
    try:
        payload = _dumps(request)
        _send(process, len(payload).to_bytes(8, "big") + payload)
        while True:
            try:
                line = lines.get(timeout=POLL_SECONDS)
            except queue.Empty:
                if should_stop():
                    _kill(process, request)
                    raise CancelledError from None
                continue
            if line is None:  # the child closed its output: it has ended
                break
            answer = _answer(line)
            if "ready" not in answer:
                answers.append(answer)
                continue
            stop = should_stop()  # asked just before the target is replaced, as in process
            _send(process, b"stop\n" if stop else b"go\n")
            if stop:
                process.wait()
                remove_stale_partials({target.path.parent for target in request.targets})
                raise CancelledError
        process.wait()
    finally:
        with contextlib.suppress(OSError):
            process.stdin.close()
        reader.join(timeout=5)
        process.stdout.close()
    return _written(request, process.returncode, answers)


def _send(process: subprocess.Popen[bytes], data: bytes) -> None:
    assert process.stdin is not None
    with contextlib.suppress(OSError):  # the child has ended: its exit code tells
        process.stdin.write(data)
        process.stdin.flush()


def _read_lines(stream: IO[bytes], lines: queue.Queue[bytes | None]) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


def _answer(line: bytes) -> dict[str, Any]:
    try:
        answer = json.loads(line.decode("utf-8", "replace"))
    except ValueError:
        return {}
    return answer if isinstance(answer, dict) else {}


def _kill(process: subprocess.Popen[bytes], request: PdfRequest) -> None:
    process.kill()
    process.wait()
    remove_stale_partials({target.path.parent for target in request.targets})


def _written(request: PdfRequest, code: int, answers: list[dict[str, Any]]) -> list[Path]:
    written: list[Path] = []
    for answer in answers:
        if "written" in answer:
            written.append(Path(answer["written"]))
        elif "error" in answer:
            raise ExportError(
                ExportErrorCode(answer["error"]), Path(answer["path"]), answer.get("detail", "")
            )
    if code != 0 or len(written) != len(request.targets):
        log.error("the PDF process ended with exit code %s", code)
        remove_stale_partials({target.path.parent for target in request.targets})
        first = request.targets[len(written)] if len(written) < len(request.targets) else None
        where = first.path if first is not None else request.targets[0].path
        raise ExportError(ExportErrorCode.OTHER, where, f"exit {code}")
    return written


# ---- the child ---------------------------------------------------------------------------------


def _say(answer: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(answer, ensure_ascii=True) + "\n")
    sys.stdout.flush()


def run_child(request: PdfRequest) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from hongtu.qt.printing import export_document

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    try:
        for target in request.targets:
            try:
                path = export_document(
                    request.document,
                    target.fmt,
                    target.path,
                    signin_names=list(request.signin_names),
                    blank_rows=request.blank_rows,
                    overwrite=target.overwrite,
                    should_stop=_parent_says_stop,
                )
            except CancelledError:
                return 3
            except ExportError as exc:
                _say({"error": exc.code.value, "path": str(exc.path), "detail": exc.detail})
                return 1
            _say({"written": str(path)})
    finally:
        del app
    return 0


def _parent_says_stop() -> bool:
    """Asked just before a target is replaced: the parent answers ``go`` or ``stop``."""
    _say({"ready": True})
    return sys.stdin.buffer.readline().strip() != b"go"


def main(argv: Sequence[str] | None = None) -> int:
    del argv
    size = int.from_bytes(sys.stdin.buffer.read(8), "big")
    request = pickle.loads(sys.stdin.buffer.read(size))  # written by our parent
    if not isinstance(request, PdfRequest):
        return 2
    return run_child(request)


if __name__ == "__main__":  # run as ``-m``: the request's classes are this module's, by name
    from hongtu.qt.pdf_process import main as module_main

    sys.exit(module_main())
