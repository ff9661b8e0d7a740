"""Start-up's first step: Chromium starts loading the map page before the window exists.

Loading the page is mostly work for Chromium's own processes (on another core), but each of its
steps passes through this process's GUI thread (the navigation, ``qrc:`` files, the web
channel). So the page is started as soon as PySide6 is imported, and the rest of HongTu is
imported on a helper thread (``run_beside_page``) while the GUI thread's event loop serves
Chromium. The window then takes the view (``MainWindow(map_view=...)``) instead of making one.

Only PySide6, ``mapview`` and the page cache are imported here: this module is imported first.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Signal
from PySide6.QtWidgets import QApplication

from hongtu.qt.mapview import MapView, delete_now
from hongtu.qt.site_markers import marker_columns, pin_markers
from hongtu.qt.tile_scheme import register_tile_scheme

log = logging.getLogger(__name__)
T = TypeVar("T")

#: While the helper thread imports, the GUI thread takes the GIL back this often at the latest
#: for the few Python calls Chromium's steps make (the bridge); Python's default is 5 ms.
SWITCH_INTERVAL_S = 0.001


def prepare_environment() -> None:
    """What must precede the QApplication: Chromium refuses to run as root without its sandbox
    switched off, and it must know the offline-tiles URL scheme before the application exists."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    if QCoreApplication.instance() is None:
        register_tile_scheme()


def application() -> QApplication:
    existing = QApplication.instance()
    return existing if isinstance(existing, QApplication) else QApplication(sys.argv)


class _Finished(QObject):
    finished = Signal()


class EarlyPage(QObject):
    """The map view, its page already loading; handed to the window, or closed.

    ``read_sites`` (on the helper thread) reads where the last saved sites are straight from the
    file (their pins, not the sites themselves) and has their markers drawn at once
    (``MapView.prefetch``); the window's first ``setSites`` with the same markers then takes the
    page's answer instead of sending them again."""

    _markers_read = Signal(object)

    def __init__(self, view: MapView) -> None:
        super().__init__()
        self.view: MapView | None = view
        self.markers: list[dict[str, Any]] | None = None  # as read ahead and sent; None: not
        self._markers_read.connect(self._send_markers)

    @classmethod
    def start(cls, page_file: Path | None = None) -> EarlyPage:
        """``page_file``: the map page (default: the cached one, built first if it is not)."""
        from hongtu.core.mappage import map_page

        prepare_environment()
        application()
        view = MapView()
        view.load_page(page_file or map_page())
        return cls(view)

    def read_sites(self, db: str | None) -> None:
        """On the helper thread: read the sites' pins (plain ``sqlite3``, which lets go of the
        GIL) and hand their markers to the GUI thread, which sends them to the page."""
        from hongtu.core.storage.quick_read import read_site_pins_quickly

        try:
            pins = read_site_pins_quickly(db)
        except Exception:  # the workspace opens it properly and reports what is wrong
            log.exception("the sites could not be read ahead")
            return
        if pins is not None:
            self._markers_read.emit(pin_markers(pins))

    def _send_markers(self, markers: list[dict[str, Any]]) -> None:
        if self.view is None:
            return
        self.markers = markers
        self.view.prefetch("setSites", marker_columns(markers))

    def take_view(self) -> MapView:
        """The view, for the window (once)."""
        view = self.view
        if view is None:
            raise RuntimeError("the early map view was already taken")
        self.view = None
        return view

    def close(self) -> None:
        """Not used after all (a second window, a bad argument): the page goes now, before the
        web profile Qt releases at exit."""
        if self.view is not None:
            delete_now(self.view)
            self.view = None


def run_beside_page(work: Callable[[], T]) -> T:
    """``work()`` on a helper thread while this (the GUI) thread's event loop runs, so the page
    keeps loading meanwhile; its result, or its exception raised here."""
    outcome: dict[str, object] = {}
    signal = _Finished()
    loop = QEventLoop()
    signal.finished.connect(loop.quit)  # emitted on the helper thread: queued to this one

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # re-raised on the GUI thread
            outcome["error"] = exc
        finally:
            signal.finished.emit()

    switch = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    thread = threading.Thread(target=run, name="hongtu-start-imports", daemon=True)
    try:
        thread.start()
        loop.exec()
        thread.join()
    finally:
        sys.setswitchinterval(switch)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
