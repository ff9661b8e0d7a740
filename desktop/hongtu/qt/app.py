"""Starting the desktop app: show the window first, then open the data and the map."""

from __future__ import annotations

import logging
import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from hongtu.core import paths
from hongtu.core.storage.database import DatabaseError
from hongtu.qt.crash import install_excepthook
from hongtu.qt.errors import database_error_message
from hongtu.qt.i18n import install_translators
from hongtu.qt.mainwindow import MainWindow

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


def prepare_environment() -> None:
    """Chromium refuses to run as root without its sandbox switched off."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")


class Controller:
    """Opens the workspace after the window is on screen and hands sites to the window."""

    def __init__(self, window: MainWindow, db: str | None, probe: bool) -> None:
        self.window = window
        self.db = db
        self.workspace = None
        self._probe = probe
        self._t0 = float(os.environ.get("HONGTU_PROBE_T0", "0") or 0)

    def start(self) -> None:
        from hongtu.core.mappage import map_page_file
        from hongtu.core.workspace import open_workspace

        self.window.map_view.load_page(map_page_file())
        try:
            self.workspace = open_workspace(self.db)
        except DatabaseError as exc:
            log.error("database could not be opened: %s", exc)
            QMessageBox.critical(self.window, tr("无法打开数据库"), database_error_message(exc))
            QApplication.exit(2)
            return
        self.window.show_sites(self.workspace.sites.list_sites())

    def probe(self, event: str) -> None:
        if self._probe:
            print(f"{event}_s={time.time() - self._t0:.3f}", flush=True)


def run_gui(db: str | None, lang: str) -> int:
    prepare_environment()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("hongtu")
    app.setApplicationDisplayName("红途")
    app.setWindowIcon(QIcon(str(paths.resource_path("icons", "hongtu.svg"))))
    install_translators(app, lang)
    install_excepthook()
    window = MainWindow()
    probe = bool(os.environ.get("HONGTU_PROBE_T0"))
    controller = Controller(window, db, probe)
    window.show()
    controller.probe("window_shown")
    if probe:
        window.sites_shown_on_map.connect(lambda _n: (controller.probe("map_ready"), app.quit()))
    QTimer.singleShot(0, controller.start)
    code = app.exec()
    if controller.workspace is not None:
        controller.workspace.close()
    return code
