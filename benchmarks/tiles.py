"""Offline map packages: how fast the page draws tiles from an MBTiles file while panning and
zooming over the packaged area (goal: ≤ 50 ms a tile at the median).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/tiles.py [--steps 30]

A package of Taiyuan's centre (zoom 10–16, a 256 px PNG per tile) is written to a temporary
home; the real window shows it through hongtu-tiles:// and is panned and zoomed ``--steps``
times. Per tile: Leaflet's request → image loaded → next animation frame (painted), the page's
resource timing (request start → last byte) and, separately, the handler's time on the GUI
thread (reading the tile and replying). The goal is judged on request → painted. Last line: JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "desktop"))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=30)
    args = parser.parse_args()
    # removed at the end, whatever happens (it starts no process of its own)
    scratch = tempfile.TemporaryDirectory(prefix="hongtu-tiles-bench-", ignore_cleanup_errors=True)
    with scratch as name:
        home = Path(name)
        return measure(args, home)


def measure(args: argparse.Namespace, home: Path) -> int:
    from hongtu.core import paths

    paths.set_home(home)
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from hongtu.qt import tile_handler, tile_scheme

    tile_scheme.register_tile_scheme()
    app = QApplication(sys.argv[:1])
    from hongtu.core.tilepack import area
    from hongtu.core.tilepack.mbtiles import MBTiles
    from hongtu.core.tilepack.packages import find_package, package_path
    from hongtu.qt.app import Controller
    from hongtu.qt.mainwindow import MainWindow
    from map_helpers import solid_png

    box = area.BBox(112.45, 37.78, 112.65, 37.95)
    with MBTiles(package_path("bench"), create=True) as store:
        store.set_metadata(
            {
                "name": "bench",
                "format": "png",
                "minzoom": "10",
                "maxzoom": "16",
                "attribution": "bench",
                "bounds": box.bounds_text(),
                "provider": "custom",
            }
        )
        for r in area.tile_ranges(box, 10, 16):
            # a different image per tile, so no cache can answer for the file
            store.put_tiles(
                (z, x, y, solid_png(256, (x % 256, y % 256, z * 10))) for z, x, y in r.tiles()
            )

    handler_ms: list[float] = []
    original = tile_handler.TilePackHandler.requestStarted

    def timed(self, job):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        original(self, job)
        handler_ms.append((time.perf_counter() - start) * 1000)

    tile_handler.TilePackHandler.requestStarted = timed  # type: ignore[method-assign]

    def wait(predicate, timeout_s: float = 30.0) -> bool:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if predicate():
                return True
            loop = QEventLoop()
            QTimer.singleShot(20, loop.quit)
            loop.exec()
        return False

    def js(script: str):  # type: ignore[no-untyped-def]
        box_: list[object] = []
        window.map_view.page().runJavaScript(script, 0, box_.append)
        wait(lambda: bool(box_))
        return box_[0] if box_ else None

    window = MainWindow()
    controller = Controller(window, str(paths.data_dir() / "bench.sqlite3"), probe=False)
    shown: list[int] = []
    window.sites_shown_on_map.connect(shown.append)
    window.resize(1200, 800)
    window.show()
    controller.start()
    wait(lambda: bool(shown), 60)
    # the page's own clock per tile: Leaflet's tileloadstart (the <img> is asked for) to
    # tileload (the image arrived and decoded) and to the next animation frame (painted)
    js(
        "window.__tiles = {start: {}, load: [], paint: [], views: []};"
        "L.TileLayer.addInitHook(function () {"
        " var view = null;"
        " this.on('loading', function () { view = {t0: performance.now(), tiles: 0}; });"
        " this.on('load', function () {"
        "  if (view && view.tiles) {"
        "   var v = view; requestAnimationFrame(function () { window.__tiles.views.push("
        "    {ms: performance.now() - v.t0, tiles: v.tiles}); }); }"
        "  view = null; });"
        " this.on('tileload', function () { if (view) { view.tiles += 1; } });"
        " this.on('tileloadstart', function (e) {"
        "  window.__tiles.start[e.coords.z + '/' + e.coords.x + '/' + e.coords.y] ="
        "   performance.now(); });"
        " this.on('tileload', function (e) {"
        "  var t0 = window.__tiles.start[e.coords.z + '/' + e.coords.x + '/' + e.coords.y];"
        "  if (t0 === undefined) { return; }"
        "  window.__tiles.load.push(performance.now() - t0);"
        "  requestAnimationFrame(function () {"
        "   window.__tiles.paint.push(performance.now() - t0); }); });"
        "}); 1"
    )
    window.map_controller.show_package(find_package("bench"))
    rng = random.Random(7)
    for _ in range(args.steps):
        lat = rng.uniform(box.south + 0.03, box.north - 0.03)
        lon = rng.uniform(box.west + 0.03, box.east - 0.03)
        zoom = rng.randint(11, 16)
        before = json.loads(js("hongtuMap.tileStats()"))["loads"]
        js(f"hongtuMap.setView({lat}, {lon}, {zoom})")
        wait(lambda b=before: json.loads(js("hongtuMap.tileStats()"))["loads"] > b, 10)
    page_ms = js(
        "JSON.stringify(performance.getEntriesByType('resource')"
        ".filter(e => e.name.startsWith('hongtu-tiles:'))"
        ".map(e => e.responseEnd - e.startTime))"
    )
    page = [float(v) for v in json.loads(page_ms or "[]") if v > 0]
    leaflet = json.loads(js("JSON.stringify(window.__tiles)") or "{}")
    stats = json.loads(js("hongtuMap.tileStats()"))
    window.close()
    app.processEvents()

    def describe(values: list[float]) -> dict[str, float | int]:
        if not values:
            return {"count": 0}
        ordered = sorted(values)
        return {
            "count": len(values),
            "median_ms": round(statistics.median(ordered), 2),
            "p90_ms": round(ordered[int(0.9 * (len(ordered) - 1))], 2),
            "max_ms": round(ordered[-1], 2),
        }

    result = {
        "steps": args.steps,
        "tile_loads": stats["loads"],
        "tile_errors": stats["errors"],
        "page": describe(page),
        "request_to_load": describe([float(v) for v in leaflet.get("load", [])]),
        "request_to_paint": describe([float(v) for v in leaflet.get("paint", [])]),
        # a whole view: Leaflet's "loading" → "load" (every tile in view) → painted, per tile
        "view_per_tile": describe(
            [float(v["ms"]) / int(v["tiles"]) for v in leaflet.get("views", []) if v["tiles"]]
        ),
        "handler": describe(handler_ms),
    }
    paint = result["request_to_paint"]
    median = paint.get("median_ms") if paint.get("count") else result["page"].get("median_ms")
    result["goal_met"] = median is not None and median <= 50
    print(f"page (request → last byte): {result['page']}")
    print(f"tileloadstart → tileload:   {result['request_to_load']}")
    print(f"tileloadstart → painted:    {result['request_to_paint']}")
    print(f"a whole view, per tile:     {result['view_per_tile']}")
    print(f"handler on the GUI thread:  {result['handler']}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
