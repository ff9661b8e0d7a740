"""Unexpected errors: a log file and a dialog with a copyable report; the app keeps running.

The dialog (``crash_dialog``) is imported when there is a crash to show: its widget classes are
not made on every start.
"""

from __future__ import annotations

import logging
import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QThread, qVersion
from PySide6.QtWidgets import QApplication

from hongtu import __version__
from hongtu.core import paths
from hongtu.core.secrets import redact
from hongtu.core.storage.problems import DatabaseError

log = logging.getLogger("hongtu.crash")


def tr(text: str) -> str:
    return QCoreApplication.translate("CrashDialog", text)


def crash_report(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    import platform  # only when there is a crash to report: not on every start

    lines = traceback.format_exception(exc_type, exc, tb)
    header = (
        f"HongTu {__version__} · Python {platform.python_version()} · Qt {qVersion()} · "
        f"{platform.platform()} · {datetime.now():%Y-%m-%d %H:%M:%S}"
    )
    return redact(header + "\n\n" + "".join(lines))  # a library may quote a URL with a key


def write_crash_log(report: str) -> Path:
    path = paths.log_dir() / f"crash-{datetime.now():%Y%m%d-%H%M%S}.log"
    path.write_text(report, encoding="utf-8")
    return path


def install_excepthook() -> None:
    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if isinstance(exc, DatabaseError):  # expected, said in the organiser's words
            _database_problem(exc, tb)
            return
        problem = storage_problem(exc)
        if problem is not None:  # the driver's words for one of those
            _database_problem(problem, tb)
            return
        report = crash_report(exc_type, exc, tb)
        log.error("unexpected error\n%s", report)
        try:
            log_file: Path | None = write_crash_log(report)
        except OSError:
            log_file = None
        if can_show_dialog():
            from hongtu.qt.crash_dialog import CrashDialog

            CrashDialog(report, log_file, QApplication.activeWindow()).exec()

    sys.excepthook = hook


def can_show_dialog() -> bool:
    """A dialog only on the window's thread of a running app: a worker thread cannot make
    widgets, and an app shutting down has no window to show it over (trying aborted HongTu)."""
    app = QApplication.instance()
    if app is None or QCoreApplication.closingDown():
        return False
    return QThread.currentThread() is app.thread()


#: The database the window has open, for the messages of problems met in use.
database_location = ""


def storage_problem(exc: BaseException) -> DatabaseError | None:
    """A database driver's error that names a problem of the organiser's world (another program
    holds the database past the busy timeout, a full disk, a read-only file) as that problem;
    None for anything else, which stays a crash with its report (a bug must never read as a
    damaged database)."""
    import sqlite3

    from sqlalchemy.exc import SQLAlchemyError

    from hongtu.core.storage.problems import DatabaseProblem, driver_problem

    if not isinstance(exc, SQLAlchemyError | sqlite3.Error):
        return None
    folder = Path(database_location).parent if database_location else None
    problem = driver_problem(exc, folder)
    world = (DatabaseProblem.LOCKED, DatabaseProblem.DISK_FULL, DatabaseProblem.READ_ONLY_FILE)
    if problem not in world:
        return None
    return DatabaseError(problem, database_location, str(getattr(exc, "orig", None) or exc))


def _database_problem(error: DatabaseError, tb: TracebackType | None) -> None:
    """A damaged part of the database (or a full disk, …) met in use: a plain message, the
    details in the log (never the values: the error carries none), the window kept open."""
    from hongtu.qt import messages
    from hongtu.qt.errors import database_problem_in_use

    log.error("database problem in use: %s\n%s", error, "".join(traceback.format_tb(tb)))
    if can_show_dialog():
        messages.warning(
            QApplication.activeWindow(), tr("数据库有问题"), database_problem_in_use(error)
        )
