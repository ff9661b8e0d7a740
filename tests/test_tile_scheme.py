"""Offline map packages in the real page: tiles come through hongtu-tiles:// from the MBTiles
file with no network at all, the provider's attribution shows, and bad paths are refused."""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from gui_helpers import MAP_TIMEOUT_MS, map_state, run_js
from hongtu.core.geo import Crs
from hongtu.core.tilepack import area
from hongtu.core.tilepack.mbtiles import MBTiles
from hongtu.core.tilepack.packages import find_package, package_path
from hongtu.qt.tile_handler import TilePackHandler
from hongtu.qt.tile_scheme import parse_tile_path
from map_helpers import LOCAL_SCHEMES, recorded_map_window, solid_png

pytestmark = [pytest.mark.gui, pytest.mark.webengine]

CENTRE = (37.87, 112.55)


def make_package(name: str = "城区", crs: Crs = Crs.WGS84, max_zoom: int = 13) -> None:
    box = area.BBox(112.15, 37.60, 112.95, 38.15)  # wider than the window at zoom 12
    with MBTiles(package_path(name), create=True) as store:
        store.set_metadata(
            {
                "name": name,
                "format": "png",
                "minzoom": "10",
                "maxzoom": str(max_zoom),
                "bounds": box.bounds_text(),
                "attribution": "© 测试瓦片",
                "provider": "amap" if crs is Crs.GCJ02 else "custom",
                "crs": crs.value,
                "review_number": "GS(2099)1号",
            }
        )
        png = solid_png()
        store.put_tiles(
            (z, x, y, png) for r in area.tile_ranges(box, 10, max_zoom) for z, x, y in r.tiles()
        )


def test_a_package_draws_with_the_network_unplugged(qtbot, tmp_path) -> None:
    make_package()
    with recorded_map_window(qtbot, str(tmp_path / "pack.sqlite3")) as (window, interceptor):
        run_js(qtbot, window, "setView", CENTRE[0], CENTRE[1], 12)
        window.map_controller.show_package(find_package("城区"))
        qtbot.waitUntil(
            lambda: json.loads(run_js(qtbot, window, "tileStats"))["loads"] > 0,
            timeout=MAP_TIMEOUT_MS,
        )
        state = map_state(qtbot, window)
        assert "© 测试瓦片" in state["attribution"] and "GS(2099)1号" in state["attribution"]
        assert "城区" in window.status_map.text()
        # past the package's deepest level the last tiles are enlarged, not left blank
        before = json.loads(run_js(qtbot, window, "tileStats"))["loads"]
        run_js(qtbot, window, "setView", CENTRE[0], CENTRE[1], 15)
        qtbot.waitUntil(
            lambda: json.loads(run_js(qtbot, window, "tileStats"))["loads"] > before,
            timeout=MAP_TIMEOUT_MS,
        )
        assert json.loads(run_js(qtbot, window, "tileStats"))["errors"] == 0
    schemes = {url.split(":", 1)[0].lower() for url in interceptor.urls}
    assert any(url.startswith("hongtu-tiles://pack/") for url in interceptor.urls)
    assert schemes <= LOCAL_SCHEMES | {"hongtu-tiles"}, interceptor.urls


@pytest.mark.parametrize(
    ("host", "path", "expected"),
    [
        ("pack", "/城区/12/3328/1580", ("城区", 12, 3328, 1580)),
        ("pack", "/../12/1/1", None),
        ("pack", "/a/b/12/1/1", None),
        ("pack", "/城区/12/4096/1", None),  # beyond the zoom level's columns
        ("pack", "/城区/-1/1/1", None),
        ("pack", "/城区/1/1/1x", None),
        ("other", "/城区/1/1/1", None),
        ("pack", "/城区%2F..%2Fx/1/1/1", None),
    ],
)
def test_only_well_formed_tile_paths_are_served(host, path, expected) -> None:
    assert parse_tile_path(host, path) == expected


def test_a_package_file_replaced_elsewhere_is_read_anew(qtbot, tmp_path) -> None:
    """``hongtu tiles import`` in another process replaces a package's file while the window
    shows it: the window's tiles come from the new file, not from the handle it had open on the
    old one (which had no tiles at the new file's deepest level)."""
    import os

    from hongtu.core.tilepack.packages import package_path

    make_package(max_zoom=12)
    with recorded_map_window(qtbot, str(tmp_path / "pack.sqlite3")) as (window, _interceptor):
        window.map_controller.show_package(find_package("城区"))
        run_js(qtbot, window, "setView", CENTRE[0], CENTRE[1], 12)
        qtbot.waitUntil(
            lambda: json.loads(run_js(qtbot, window, "tileStats"))["loads"] > 0,
            timeout=MAP_TIMEOUT_MS,
        )
        old = package_path("城区")
        os.replace(old, tmp_path / "old.mbtiles")  # the new file comes in by a rename
        make_package(max_zoom=13)
        window.map_controller.show_package(find_package("城区"))  # as the window re-lists it
        run_js(qtbot, window, "setView", CENTRE[0], CENTRE[1], 13)
        qtbot.waitUntil(
            lambda: json.loads(run_js(qtbot, window, "tileStats"))["loads"] > 0,
            timeout=MAP_TIMEOUT_MS,
        )
        assert json.loads(run_js(qtbot, window, "tileStats"))["errors"] == 0


def _held_open(path: Path) -> bool:
    """Whether this process has ``path`` open (Linux: its file descriptors)."""
    target = os.path.realpath(path)
    return any(
        os.path.realpath(fd) == target for fd in Path("/proc/self/fd").iterdir() if fd.exists()
    )


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="open files are read from /proc")
def test_a_package_file_that_cannot_be_read_is_not_held_open(qapp) -> None:  # type: ignore[no-untyped-def]
    """A package still being written (a download: no metadata yet) draws no tiles, and the
    handler lets go of the file at once: held open, it could be neither replaced nor deleted
    on Windows, and its handle was left for Python's collector to close."""
    path = package_path("下载中")
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path)) as con, con:
        con.execute("CREATE TABLE tiles (zoom_level, tile_column, tile_row, tile_data)")
    handler = TilePackHandler()
    try:
        assert handler._store("下载中") is None
        assert not _held_open(path)
    finally:
        handler.deleteLater()
