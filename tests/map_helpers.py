"""Map test helpers: a local tile server (one small PNG for every request; no network) and a
window the test closes itself, e.g. to check what survives a restart."""

from __future__ import annotations

import struct
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from PySide6.QtWebEngineCore import QWebEngineUrlRequestInfo, QWebEngineUrlRequestInterceptor

from gui_helpers import MAP_TIMEOUT_MS
from hongtu.qt.mapview import map_profile

#: Nothing listens on the discard port: Chromium's connection is refused locally, at once.
REFUSED_TEMPLATE = "http://127.0.0.1:9/{z}/{x}/{y}.png"


def solid_png(size: int = 256, rgb: tuple[int, int, int] = (214, 230, 245)) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    row = b"\x00" + bytes(rgb) * size
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * size))
        + chunk(b"IEND", b"")
    )


class _TileHandler(BaseHTTPRequestHandler):
    png = solid_png()

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(self.png)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(self.png)

    def log_message(self, *_args: object) -> None:
        return


@contextmanager
def tile_server() -> Iterator[str]:
    """Yields a Leaflet URL template served from 127.0.0.1."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _TileHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{{z}}/{{x}}/{{y}}.png"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def open_window_unregistered(qtbot: Any, db: str) -> tuple[Any, Any]:
    """Like ``open_main_window`` for a window the test itself closes (and deletes)."""
    from hongtu.qt.app import Controller
    from hongtu.qt.mainwindow import MainWindow

    window = MainWindow()
    controller = Controller(window, db, probe=False)
    window.show()
    with qtbot.waitSignal(window.sites_shown_on_map, timeout=MAP_TIMEOUT_MS):
        controller.start()
    return window, controller


# Schemes a page may load without any network.
LOCAL_SCHEMES = {"file", "qrc", "data", "blob", "about"}


class RecordingInterceptor(QWebEngineUrlRequestInterceptor):
    """Records every URL the page asks for (Chromium calls this for every request it makes)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self._lock = threading.Lock()

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802
        with self._lock:
            self.urls.append(info.requestUrl().toString())


@contextmanager
def recorded_map_window(qtbot: Any, db: str) -> Iterator[tuple[Any, RecordingInterceptor]]:
    """The real window started on ``db`` with every request of its page recorded from the start;
    yields (window, recorder) once the sites are on the map, and closes the window after."""
    from gui_helpers import close_main_window
    from hongtu.qt.app import Controller
    from hongtu.qt.mainwindow import MainWindow

    window = MainWindow()
    controller = Controller(window, db, probe=False)
    interceptor = RecordingInterceptor()
    profile = map_profile()
    profile.setUrlRequestInterceptor(interceptor)
    try:
        window.show()
        with qtbot.waitSignal(window.sites_shown_on_map, timeout=MAP_TIMEOUT_MS):
            controller.start()
        yield window, interceptor
    finally:
        profile.setUrlRequestInterceptor(None)
        close_main_window(window, controller)
