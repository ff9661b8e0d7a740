"""Correcting a site (drag or paste) and adding a place (click, paste, geocode), end to end."""

from __future__ import annotations

import dataclasses
import json

import pytest
from geopy import exc as geopy_exc
from geopy.location import Location
from PySide6.QtWidgets import QDialogButtonBox

from gui_helpers import close_main_window, map_state, open_main_window, run_js
from hongtu.core.basemaps import BASE_MAPS, BaseMapId, TileLayerSpec
from hongtu.core.catalogue import load_catalogue
from hongtu.core.coords import gcj02_to_wgs84, wgs84_to_bd09, wgs84_to_gcj02
from hongtu.core.geo import Crs, LatLon
from hongtu.core.geocoding import GeocoderKind, baidu_service, nominatim_service
from hongtu.core.sites import PositionOrigin
from hongtu.core.workspace import open_workspace
from hongtu.qt.place_dialog import PlaceDialog
from hongtu.qt.position_dialog import PositionDialog
from hongtu.qt.site_model import SiteColumn
from hongtu.qt.tasks import SyncRunner
from map_helpers import open_window_unregistered, tile_server

pytestmark = [pytest.mark.gui, pytest.mark.webengine]

BALING = "八路军驻晋办事处旧址"
PASTED_GCJ = "112.5632,37.8571"  # as copied from 高德 (lon,lat)


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "correct.sqlite3")


@pytest.fixture
def main_window(qtbot, db):
    window, controller = open_main_window(qtbot, db)
    yield window
    close_main_window(window, controller)


def site_named(window, name: str):
    return next(s for s in window.site_model.sites() if s.name == name)


def list_status(window, site_id: int) -> str:
    row = window.site_model.row_of(site_id)
    return window.site_model.index(row, SiteColumn.POSITION).data()


def open_correction(window, name: str) -> PositionDialog:
    site = site_named(window, name)
    window.select_site(site.id)
    window.site_editing.correct_selected()
    dialog = window.site_editing.correction.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def drag_message(site_id: int, point: LatLon) -> str:
    return json.dumps({"type": "marker_dragged", "id": site_id, "lat": point.lat, "lon": point.lon})


def test_markers_are_not_draggable_until_correction_mode(qtbot, main_window) -> None:
    site = site_named(main_window, BALING)
    main_window.map_view.bridge.receive(drag_message(site.id, LatLon(37.9, 112.6)))
    assert main_window.site_editing.correction.dialog is None
    assert main_window.workspace.sites.get(site.id).position.origin is PositionOrigin.CATALOGUE
    open_correction(main_window, BALING)
    assert map_state(qtbot, main_window)["editing"] == site.id


def test_drag_to_correct_on_amap_stores_wgs84(qtbot, main_window) -> None:
    site = site_named(main_window, BALING)
    amap = dataclasses.replace(BASE_MAPS[BaseMapId.AMAP], layers=())  # GCJ-02, no tiles
    main_window.map_controller.set_base_map(amap)
    dialog = open_correction(main_window, BALING)
    target = LatLon(37.8650, 112.5600)  # where the organiser wants it, in WGS-84
    shown = wgs84_to_gcj02(target)  # what the page reports: the marker sits on GCJ-02 tiles
    main_window.map_view.bridge.receive(drag_message(site.id, shown))
    assert dialog.save_button.isEnabled()
    assert "距原位置" in dialog.result_label.text()
    dialog.save_button.click()
    stored = main_window.workspace.sites.get(site.id).position
    assert stored.origin is PositionOrigin.USER and stored.crs_origin is Crs.GCJ02
    assert abs(stored.point.lat - target.lat) < 1e-6 and abs(stored.point.lon - target.lon) < 1e-6
    assert list_status(main_window, site.id) == "已核实"
    assert "位置待核实" not in main_window.details.toPlainText().split("坐标")[0]
    drawn = LatLon(*json.loads(run_js(qtbot, main_window, "markerLatLng", site.id)))
    assert abs(drawn.lon - shown.lon) < 1e-9  # still drawn shifted on the GCJ-02 map
    assert map_state(qtbot, main_window)["editing"] is None


def test_paste_to_correct_survives_restart_and_reseed_then_restores(qtbot, db) -> None:
    window, controller = open_window_unregistered(qtbot, db)
    try:
        site = site_named(window, BALING)
        dialog = open_correction(window, BALING)
        assert dialog.crs.crs() is Crs.GCJ02  # the default: pasting from 高德
        dialog.paste.setText(PASTED_GCJ)
        dialog.show_button.click()
        expected = gcj02_to_wgs84(LatLon(37.8571, 112.5632))
        drawn = LatLon(*json.loads(run_js(qtbot, window, "markerLatLng", site.id)))
        assert abs(drawn.lat - expected.lat) < 1e-9  # the candidate is shown before saving
        assert window.workspace.sites.get(site.id).position.origin is PositionOrigin.CATALOGUE
        dialog.save_button.click()
        estimates_before = _estimate_pins(qtbot, window)
    finally:
        close_main_window(window, controller)
    workspace = open_workspace(db)
    try:  # a newer catalogue re-seeds every site; the organiser's correction stays
        catalogue = load_catalogue()
        workspace.sites.seed(catalogue.entries, catalogue.version + 1)
    finally:
        workspace.close()
    window, controller = open_window_unregistered(qtbot, db)
    try:
        corrected = window.workspace.sites.get(site.id)
        assert corrected.position.origin is PositionOrigin.USER
        assert abs(corrected.position.point.lat - expected.lat) < 1e-6
        assert list_status(window, site.id) == "已核实"
        assert _estimate_pins(qtbot, window) == estimates_before
        dialog = open_correction(window, BALING)
        assert dialog.restore_button.isVisible()
        dialog.restore_button.click()
        restored = window.workspace.sites.get(site.id)
        assert restored.position.origin is PositionOrigin.CATALOGUE
        assert list_status(window, site.id) == "位置待核实"
        assert "位置待核实" in window.details.toPlainText()
        assert _estimate_pins(qtbot, window) == estimates_before + 1
    finally:
        close_main_window(window, controller)


def _estimate_pins(qtbot, window) -> int:
    with qtbot.waitCallback(timeout=10_000) as callback:
        window.map_view.page().runJavaScript(
            "document.querySelectorAll('.leaflet-marker-pane .ht-estimate').length", 0, callback
        )
    return int(callback.args[0])


def test_a_bad_paste_is_explained_and_nothing_is_saved(main_window) -> None:
    site = site_named(main_window, BALING)
    dialog = open_correction(main_window, BALING)
    dialog.paste.setText("东经一百一十二度")
    dialog.show_button.click()
    assert not dialog.save_button.isEnabled()
    assert dialog.result_label.text()  # a sentence in Chinese, not an exception
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert main_window.workspace.sites.get(site.id).position.origin is PositionOrigin.CATALOGUE


# ---- adding a place ----------------------------------------------------------------------------


class FakeGeocoder:
    def __init__(self, answer=None, error: Exception | None = None) -> None:
        self.answer, self.error, self.queries = answer, error, []

    def geocode(self, query: str, **kwargs):
        self.queries.append((query, kwargs))
        if self.error is not None:
            raise self.error
        return self.answer


def use_geocoder(window, fake: FakeGeocoder) -> None:
    flow = window.site_editing.adding
    flow.runner = SyncRunner()
    flow.services = lambda kind: fake_service(kind, fake)


def fake_service(kind: GeocoderKind, fake: FakeGeocoder):
    if kind is GeocoderKind.BAIDU:
        return baidu_service("k", geocoder=fake)
    service = nominatim_service(geocoder=fake)
    service.limiter = None  # no one-per-second wait in tests
    return service


def open_add(window) -> PlaceDialog:
    window.site_editing.add_place()
    dialog = window.site_editing.adding.dialog
    assert dialog is not None
    return dialog


def test_geocoded_place_is_confirmed_on_the_map_then_saved(qtbot, main_window) -> None:
    park = LatLon(37.8576, 112.5606)
    bd = wgs84_to_bd09(park)
    use_geocoder(main_window, FakeGeocoder(Location("迎泽公园", (bd.lat, bd.lon), {})))
    dialog = open_add(main_window)
    assert map_state(qtbot, main_window)["mode"] == "add_place"
    dialog.name.setText("迎泽公园南门")
    dialog.query.setText("太原市迎泽公园")
    dialog.provider.setCurrentIndex(dialog.provider.findData("baidu"))
    count = main_window.workspace.sites.count()
    dialog.search_button.click()
    assert dialog.results.count() == 1
    assert main_window.workspace.sites.count() == count  # a suggestion is not saved
    preview = map_state(qtbot, main_window)["preview"]
    assert abs(preview[0] - park.lat) < 1e-5 and abs(preview[1] - park.lon) < 1e-5
    dialog.save_button.click()
    added = site_named(main_window, "迎泽公园南门")
    assert added.district == "迎泽区" and added.position.crs_origin is Crs.BD09
    assert abs(added.position.point.lat - park.lat) < 1e-5
    assert not added.phone.known and not added.opening_hours.known  # unknown stays unknown
    assert added.id in map_state(qtbot, main_window)["markerIds"]
    assert map_state(qtbot, main_window)["mode"] == "none"


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (geopy_exc.GeocoderTimedOut("slow"), "超时"),
        (geopy_exc.GeocoderAuthenticationFailure("bad key"), "拒绝"),
        (geopy_exc.GeocoderUnavailable("no route"), "无法连接"),
        (None, "没有找到"),
    ],
)
def test_geocoding_failures_are_said_plainly(main_window, error, words) -> None:
    use_geocoder(main_window, FakeGeocoder(error=error))
    dialog = open_add(main_window)
    dialog.name.setText("某地")
    dialog.query.setText("不存在的路 1 号")
    dialog.search_button.click()
    assert words in dialog.status.text()
    assert dialog.search_button.isEnabled() and not dialog.save_button.isEnabled()


def test_clicking_the_map_in_add_mode_places_a_pin_in_wgs84(qtbot, main_window) -> None:
    with tile_server() as template:
        amap = dataclasses.replace(BASE_MAPS[BaseMapId.AMAP], layers=(TileLayerSpec(template),))
        main_window.map_controller.set_base_map(amap)
        dialog = open_add(main_window)
        clicked = LatLon(37.8700, 112.5500)  # in GCJ-02, as the page reports it
        main_window.map_view.bridge.receive(
            json.dumps({"type": "map_clicked", "lat": clicked.lat, "lon": clicked.lon})
        )
        assert dialog.candidate == gcj02_to_wgs84(clicked)
        dialog.name.setText("点选的地点")
        dialog.save_button.click()
    added = site_named(main_window, "点选的地点")
    assert added.position.point == gcj02_to_wgs84(clicked)
    assert added.position.crs_origin is Crs.GCJ02


def test_map_clicks_outside_add_mode_change_nothing(main_window) -> None:
    count = main_window.workspace.sites.count()
    main_window.map_view.bridge.receive(
        json.dumps({"type": "map_clicked", "lat": 37.8, "lon": 112.5})
    )
    assert main_window.workspace.sites.count() == count
    assert main_window.site_editing.adding.dialog is None


# ---- only what a corrections file can carry ------------------------------------------------------

ITALY = LatLon(37.0, 12.0)


def click_map(window, point: LatLon) -> None:
    window.map_view.bridge.receive(
        json.dumps({"type": "map_clicked", "lat": point.lat, "lon": point.lon})
    )


def test_a_drag_outside_china_is_refused_and_the_marker_goes_back(qtbot, main_window) -> None:
    site = site_named(main_window, BALING)
    before = LatLon(*json.loads(run_js(qtbot, main_window, "markerLatLng", site.id)))
    dialog = open_correction(main_window, BALING)
    main_window.map_view.bridge.receive(drag_message(site.id, ITALY))
    assert not dialog.save_button.isEnabled()
    assert "不在中国境内" in dialog.result_label.text()
    qtbot.waitUntil(
        lambda: LatLon(*json.loads(run_js(qtbot, main_window, "markerLatLng", site.id)))
        == before
    )
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert main_window.workspace.sites.get(site.id).position.origin is PositionOrigin.CATALOGUE


def test_a_click_outside_china_places_no_pin(qtbot, main_window) -> None:
    dialog = open_add(main_window)
    dialog.name.setText("远方")
    click_map(main_window, ITALY)
    assert dialog.candidate is None and not dialog.save_button.isEnabled()
    assert "不在中国境内" in dialog.status.text()
    assert map_state(qtbot, main_window)["preview"] is None


def test_a_second_place_of_the_same_name_is_refused_in_the_dialog(qtbot, main_window) -> None:
    dialog = open_add(main_window)
    dialog.name.setText("村史馆")
    click_map(main_window, LatLon(37.80, 112.50))
    dialog.save_button.click()
    assert main_window.site_editing.adding.dialog is None  # saved and closed
    count = main_window.workspace.sites.count()
    dialog = open_add(main_window)
    dialog.name.setText("村史馆")
    click_map(main_window, LatLon(37.81, 112.51))
    dialog.save_button.click()
    assert main_window.site_editing.adding.dialog is dialog and dialog.isVisible()
    assert "已经有一个叫“村史馆”的地点了" in dialog.status.text()
    assert main_window.workspace.sites.count() == count
    dialog.name.setText("党" * 201)
    dialog.save_button.click()
    assert "名称太长了（最多 200 个字）" in dialog.status.text()
    assert main_window.workspace.sites.count() == count
