"""Dev tool: screenshots of the base-map, correction and add-place UI, offscreen, with no network.

QT_QPA_PLATFORM=offscreen python scripts/screenshot_maps.py OUT_DIR

Tiles come from a local server that draws each tile's z/x/y on a grid, so a base-map switch and
the GCJ-02 shift are visible without going online. A failing provider is simulated with a refused
local port. Writes basemap-none.png, basemap-amap-correct.png, position-dialog.png,
tiles-failed.png, place-dialog.png and settings-dialog.png.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from hongtu.core import paths
from hongtu.core.basemaps import BASE_MAPS, BaseMap, BaseMapId, TileLayerSpec
from hongtu.qt.app import Controller, prepare_environment
from hongtu.qt.i18n import install_translators
from hongtu.qt.mainwindow import MainWindow
from hongtu.qt.settings_dialog import SettingsDialog


def tile_png(path: str) -> bytes:
    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor("#e8eef4"))
    painter = QPainter(image)
    painter.setPen(QColor("#9fb3c8"))
    painter.drawRect(0, 0, 255, 255)
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, path)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


class Tiles(BaseHTTPRequestHandler):
    cache: dict[str, bytes] = {}  # noqa: RUF012

    def do_GET(self) -> None:
        body = self.cache.get(self.path) or tile_png(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        return


def save(widget: QWidget, out: Path, name: str) -> None:
    widget.grab().save(str(out / name))
    print(out / name)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/hongtu-shots")
    out.mkdir(parents=True, exist_ok=True)
    prepare_environment()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    paths.set_home(Path(tempfile.mkdtemp(prefix="hongtu-shots-")))
    server = ThreadingHTTPServer(("127.0.0.1", 0), Tiles)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    template = f"http://127.0.0.1:{server.server_address[1]}/{{z}}/{{x}}/{{y}}.png"
    app = QApplication(sys.argv)
    install_translators(app, "zh_CN")
    window = MainWindow()
    window.resize(1400, 860)
    controller = Controller(window, None, probe=False)
    window.show()
    steps = Steps(window, out, template)
    window.sites_shown_on_map.connect(lambda _n: QTimer.singleShot(800, steps.next))
    QTimer.singleShot(0, controller.start)
    QTimer.singleShot(60_000, app.quit)
    code = app.exec()
    server.shutdown()
    return code


class Steps:
    def __init__(self, window: MainWindow, out: Path, template: str) -> None:
        self.window, self.out, self.template = window, out, template
        self.queue = [self.none, self.amap, self.correct, self.fail, self.add, self.settings]

    def next(self) -> None:
        if not self.queue:
            QApplication.quit()
            return
        self.queue.pop(0)()
        QTimer.singleShot(1500, self.next)

    def local(self, basemap_id: BaseMapId, template: str) -> BaseMap:
        return dataclasses.replace(BASE_MAPS[basemap_id], layers=(TileLayerSpec(template),))

    def none(self) -> None:
        site = next(s for s in self.window.site_model.sites() if "八路军" in s.name)
        self.window.select_site(site.id)
        QTimer.singleShot(700, lambda: save(self.window, self.out, "basemap-none.png"))

    def amap(self) -> None:
        self.window.map_controller.set_base_map(self.local(BaseMapId.AMAP, self.template))

    def correct(self) -> None:
        self.window.site_editing.correct_selected()
        dialog = self.window.site_editing.correction.dialog
        assert dialog is not None
        dialog.paste.setText("112.5632,37.8571")
        dialog.show_button.click()

        def shoot() -> None:
            save(self.window, self.out, "basemap-amap-correct.png")
            save(dialog, self.out, "position-dialog.png")
            dialog.close()

        QTimer.singleShot(800, shoot)

    def fail(self) -> None:
        refused = self.local(BaseMapId.OSM, "http://127.0.0.1:9/{z}/{x}/{y}.png")
        self.window.map_controller.set_base_map(refused)
        QTimer.singleShot(1200, lambda: save(self.window, self.out, "tiles-failed.png"))

    def add(self) -> None:
        self.window.site_editing.add_place()
        dialog = self.window.site_editing.adding.dialog
        assert dialog is not None
        dialog.name.setText("迎泽公园南门")
        dialog.paste.setText("112.5606,37.8530")
        dialog.paste_button.click()
        QTimer.singleShot(
            800,
            lambda: (
                save(dialog, self.out, "place-dialog.png"),
                save(self.window, self.out, "add-place.png"),
                dialog.close(),
            ),
        )

    def settings(self) -> None:
        dialog = SettingsDialog(self.window.site_editing.settings, self.window)
        dialog.show()
        QTimer.singleShot(
            300, lambda: (save(dialog, self.out, "settings-dialog.png"), dialog.close())
        )


if __name__ == "__main__":
    sys.exit(main())
