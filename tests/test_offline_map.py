"""The offline map can be read without any network: names, a legend, a framing opening view.

Each test opens the real window with no base map (the default) and looks at what the page drew.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import math
import re
from datetime import date
from typing import Any

import pytest

from gui_helpers import MAP_TIMEOUT_MS, close_main_window, map_state, open_main_window, run_js
from hongtu.core.basemaps import BASE_MAPS, BaseMap, BaseMapId, TileLayerSpec
from hongtu.core.coords import wgs84_to_gcj02
from hongtu.core.districts import (
    District,
    all_districts,
    contains,
    district_by_name,
    district_labels,
    label_points,
)
from hongtu.core.geo import LatLon
from map_helpers import LOCAL_SCHEMES, recorded_map_window, tile_server

pytestmark = [pytest.mark.gui, pytest.mark.webengine]

CJK = re.compile(r"[\u4e00-\u9fff]")
@pytest.fixture
def main_window(qtbot, tmp_path):
    window, controller = open_main_window(qtbot, str(tmp_path / "map.sqlite3"))
    yield window
    close_main_window(window, controller)


def local(basemap_id: BaseMapId, template: str) -> BaseMap:
    """A real provider definition whose tiles come from a local URL (never the internet)."""
    return dataclasses.replace(BASE_MAPS[basemap_id], layers=(TileLayerSpec(template),))


def labels(qtbot, window) -> dict[str, Any]:
    return json.loads(run_js(qtbot, window, "labelState"))


def site_id(window, name: str) -> int:
    return next(s.id for s in window.site_model.sites() if s.name == name)


def disjoint(boxes: list[list[float]]) -> bool:
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                return False
    return True


# ---- no network ----------------------------------------------------------------------------------


def test_no_network_request_of_any_kind_without_a_base_map(qtbot, tmp_path) -> None:
    with recorded_map_window(qtbot, str(tmp_path / "offline.sqlite3")) as (window, interceptor):
        state = map_state(qtbot, window)  # markers, names and legend are all drawn by now
        assert state["districtLabels"] == 12 and state["legend"]
        # select a site far out and zoom to the street: still nothing is fetched
        gao = site_id(window, "高君宇故居")
        window.select_site(gao)
        qtbot.waitUntil(lambda: map_state(qtbot, window)["selected"] == gao, timeout=10_000)
        run_js(qtbot, window, "setView", 38.139, 111.744, 16)
        assert labels(qtbot, window)["named"]
    schemes = {url.split(":", 1)[0].lower() for url in interceptor.urls}
    assert interceptor.urls, "the interceptor saw nothing: it was not installed"
    assert any(url.endswith("leaflet.js") for url in interceptor.urls)
    assert schemes <= LOCAL_SCHEMES, [u for u in interceptor.urls if not u.startswith("file:")]


def test_the_recorder_does_see_a_request_for_tiles(qtbot, tmp_path) -> None:
    """The check above would catch a request: with a base map (served on 127.0.0.1) it sees one."""
    online = str(tmp_path / "online.sqlite3")
    with recorded_map_window(qtbot, online) as (window, interceptor), tile_server() as template:
        window.map_controller.set_base_map(local(BaseMapId.OSM, template))
        qtbot.waitUntil(
            lambda: json.loads(run_js(qtbot, window, "tileStats"))["loads"] > 0,
            timeout=MAP_TIMEOUT_MS,
        )
        window.map_controller.set_base_map(BASE_MAPS[BaseMapId.NONE])
    assert any(url.startswith("http://127.0.0.1:") for url in interceptor.urls)


def test_district_names_move_with_the_outlines_on_a_gcj02_base_map(qtbot, main_window) -> None:
    before = labels(qtbot, main_window)["districtPoints"]
    with tile_server() as template:
        main_window.map_controller.set_base_map(local(BaseMapId.AMAP, template))
        shifted = labels(qtbot, main_window)["districtPoints"]
        main_window.map_controller.set_base_map(BASE_MAPS[BaseMapId.NONE])
    back = labels(qtbot, main_window)["districtPoints"]
    assert set(before) == set(shifted) == set(back) and len(before) == 12
    for name, (lat, lon) in before.items():
        gcj = wgs84_to_gcj02(LatLon(lat, lon))
        assert shifted[name] == pytest.approx([gcj.lat, gcj.lon], abs=1e-7), name
        assert back[name] == pytest.approx([lat, lon], abs=1e-9), name


# ---- the opening view ----------------------------------------------------------------------------


def test_opening_view_frames_every_placed_site(qtbot, main_window) -> None:
    south, west, north, east = map_state(qtbot, main_window)["bounds"]
    placed = [s for s in main_window.site_model.sites() if s.position is not None]
    assert len(placed) >= 11
    for site in placed:
        assert site.position is not None
        point = site.position.point
        assert south < point.lat < north and west < point.lon < east, site.name
    # framed, not merely somewhere in a world view
    assert map_state(qtbot, main_window)["zoom"] >= 8


def test_the_users_view_is_kept_when_sites_change(qtbot, main_window) -> None:
    run_js(qtbot, main_window, "setView", 37.872, 112.575, 14)
    main_window.show_sites(main_window.site_model.sites())  # e.g. after a correction
    qtbot.waitUntil(lambda: map_state(qtbot, main_window)["zoom"] == 14, timeout=10_000)
    centre = map_state(qtbot, main_window)["center"]
    assert abs(centre[0] - 37.872) < 0.001 and abs(centre[1] - 112.575) < 0.001


# ---- names ---------------------------------------------------------------------------------------


def test_districts_and_counties_are_named_on_the_outlines(qtbot, main_window) -> None:
    assert map_state(qtbot, main_window)["districtLabels"] == 12
    shown = labels(qtbot, main_window)
    # at the opening view the big counties around the city are named
    assert {"娄烦县", "古交市", "清徐县", "阳曲县"} <= set(shown["districts"])
    assert disjoint(shown["boxes"])  # no name is drawn over another


def test_at_street_zoom_the_districts_in_view_are_still_named(qtbot, main_window) -> None:
    run_js(qtbot, main_window, "setView", 37.8705, 112.5705, 14)  # 迎泽 / 杏花岭 border
    shown = labels(qtbot, main_window)
    assert {"迎泽区", "杏花岭区"} <= set(shown["districts"])
    for name, (lat, lon) in shown["districtsAt"].items():
        district = district_by_name(name)
        assert district is not None and contains(district, LatLon(lat, lon)), name
    assert disjoint(shown["boxes"])
    run_js(qtbot, main_window, "setView", 37.8705, 112.5705, 9)  # back out: their own points
    again = labels(qtbot, main_window)
    for name, point in again["districtsAt"].items():
        assert point == pytest.approx(again["districtPoints"][name]), name


def test_isolated_sites_are_named_and_crowded_ones_wait_for_a_closer_zoom(
    qtbot, main_window
) -> None:
    shown = labels(qtbot, main_window)
    for name in ("高君宇故居", "刘胡兰纪念馆"):  # far from everything else: always readable
        assert site_id(main_window, name) in shown["named"], name
    guomin = site_id(main_window, "山西国民师范旧址革命活动纪念馆")
    camp = site_id(main_window, "太原工程队旧址")  # ~150 m apart: their pins overlap
    assert guomin in shown["hidden"] and camp in shown["hidden"]
    assert disjoint(shown["boxes"])
    run_js(qtbot, main_window, "setView", 37.8864, 112.5704, 17)
    close = labels(qtbot, main_window)
    assert guomin in close["named"] and camp in close["named"]
    assert disjoint(close["boxes"])


def test_the_selected_site_is_always_named(qtbot, main_window) -> None:
    camp = site_id(main_window, "太原工程队旧址")
    main_window.select_site(camp)
    qtbot.waitUntil(lambda: map_state(qtbot, main_window)["selected"] == camp, timeout=10_000)
    assert camp in labels(qtbot, main_window)["named"]


# ---- the legend ----------------------------------------------------------------------------------


def test_the_legend_explains_every_marker_style(qtbot, main_window) -> None:
    legend = map_state(qtbot, main_window)["legend"]
    unplaced = sum(1 for s in main_window.site_model.sites() if s.position is None)
    assert legend == [
        "纪念馆",
        "革命旧址",
        "故居",
        "烈士陵园",
        "位置待核实（估计坐标）",
        f"位置未知：{unplaced} 个，未上图",
        "方案站点（按顺序编号）",
        "集合地点",
    ]
    count = run_js_expr(
        qtbot, main_window, "document.querySelectorAll('.ht-legend .ht-legend-swatch > *').length"
    )
    assert count == len(legend)  # each row has its swatch drawn like the markers


def run_js_expr(qtbot, window, expression: str) -> Any:
    with qtbot.waitCallback(timeout=MAP_TIMEOUT_MS) as callback:
        window.map_view.page().runJavaScript(expression, 0, callback)
    return callback.args[0]


def test_legend_and_labels_speak_english(qapp, qtbot, tmp_path) -> None:
    from hongtu.qt.i18n import install_translators

    installed = install_translators(qapp, "en")
    try:
        window, controller = open_main_window(qtbot, str(tmp_path / "en.sqlite3"))
        try:
            legend = map_state(qtbot, window)["legend"]
            assert legend and not [text for text in legend if CJK.search(text)], legend
            assert "Position unverified (estimated coordinate)" in legend
        finally:
            close_main_window(window, controller)
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


# ---- the label points themselves -----------------------------------------------------------------


def km_to_outline(district: District, point: LatLon) -> float:
    kx, ky = 111.32 * math.cos(math.radians(point.lat)), 110.57
    px, py = point.lon * kx, point.lat * ky
    best = math.inf
    for ring in district.rings:
        for (x1, y1), (x2, y2) in itertools.pairwise(ring):
            ax, ay, dx, dy = x1 * kx, y1 * ky, (x2 - x1) * kx, (y2 - y1) * ky
            t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy) if dx or dy else 0.0
            t = max(0.0, min(1.0, t))
            best = min(best, math.hypot(px - ax - t * dx, py - ay - t * dy))
    return best


def test_every_unit_has_a_label_point_well_inside_it() -> None:
    points = label_points()
    assert set(points) == {d.adcode for d in all_districts()}
    assert dict(district_labels()) == {d.name: points[d.adcode] for d in all_districts()}
    for district in all_districts():
        point = points[district.adcode]
        assert contains(district, point), district.name
        assert km_to_outline(district, point) > 2.0, district.name  # not astride a border


def _legend_folded(qtbot, window) -> bool:
    return bool(
        run_js_expr(
            qtbot,
            window,
            "document.querySelector('.ht-legend').classList.contains('ht-legend-closed')",
        )
    )


def test_the_legend_folds_on_a_short_map_and_opens_with_one_click(qtbot, main_window) -> None:
    """At 1366×768 the map is short; an open legend would cover much of the route."""
    main_window.resize(1366, 768)
    # with a plan open the schedule sits under the map, which leaves it short
    main_window.plan_ui.session.create("学习红色历史 传承红色基因", date(2026, 12, 9))
    qtbot.waitUntil(lambda: run_js_expr(qtbot, main_window, "window.innerHeight") < 560)
    qtbot.waitUntil(lambda: _legend_folded(qtbot, main_window))
    title = run_js_expr(
        qtbot,
        main_window,
        "JSON.stringify((function (r) { return [r.left + r.width / 2, r.top + r.height / 2]; })"
        "(document.querySelector('.ht-legend-title').getBoundingClientRect()))",
    )
    x, y = json.loads(title)
    run_js_expr(qtbot, main_window, f"document.elementFromPoint({x}, {y}).click()")
    assert not _legend_folded(qtbot, main_window)  # the organiser's choice now stands
    main_window.resize(1366, 1300)
    qtbot.waitUntil(lambda: run_js_expr(qtbot, main_window, "window.innerHeight") >= 560)
    assert not _legend_folded(qtbot, main_window)
