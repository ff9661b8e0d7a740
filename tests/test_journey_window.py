"""Journey: the organiser's window on a laptop, day after day — it fits, it comes back as it was
left, its tools stay out of the way, and the small things say the right thing at once.
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui_helpers import MAP_TIMEOUT_MS, close_main_window, open_main_window, run_js
from hongtu.core.basemaps import BaseMapId
from hongtu.core.geo import Crs, LatLon
from hongtu.core.settings import load_settings
from hongtu.qt.mainwindow import sites_status_text
from hongtu.qt.settings_dialog import SettingsDialog
from hongtu.qt.tool_placement import map_rect
from hongtu.qt.window_state import available_area

pytestmark = [pytest.mark.gui, pytest.mark.webengine]

LAPTOP = (1366, 728)  # 1366×768 less a task bar


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type like an input method would (QTest's key clicks only know ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def site_named(window, name: str):  # type: ignore[no-untyped-def]
    return next(s for s in window.site_model.sites() if s.name == name)


def placed_sites(window, count: int):  # type: ignore[no-untyped-def]
    return [s for s in window.site_model.sites() if s.position is not None][:count]


def test_the_first_window_fits_the_screen_and_names_the_app_once(qtbot, tmp_path) -> None:
    window, controller = open_main_window(qtbot, str(tmp_path / "a.sqlite3"))
    try:
        area = available_area(window)
        assert area.contains(window.frameGeometry())
        title = window.windowTitle()
        display = QApplication.applicationDisplayName()
        # Qt appends the display name to a title that does not end with it; HongTu sets none
        shown = title if display in ("hongtu", "") or title.endswith(display) else title + display
        assert shown.count("红途") == 1
    finally:
        close_main_window(window, controller)


def test_geometry_panes_tab_and_plan_come_back_at_the_next_start(qtbot, tmp_path) -> None:
    db = str(tmp_path / "a.sqlite3")
    window, controller = open_main_window(qtbot, db)
    try:
        window.resize(1200, 700)
        size = (window.width(), window.height())
        ui = window.plan_ui
        ui.left_tabs.setCurrentWidget(ui.plan_list)
        qtbot.mouseClick(ui.plan_list.new_button, Qt.MouseButton.LeftButton)
        plan_id = ui.session.plan.id
        splitter = window.centralWidget()
        splitter.setSizes([300, 520, 380])
        sizes = splitter.sizes()
        ui.right_tabs.setCurrentIndex(0)  # back to 站点详情
    finally:
        close_main_window(window, controller)
    window, controller = open_main_window(qtbot, db)
    try:
        ui = window.plan_ui
        assert (window.width(), window.height()) == size
        assert window.centralWidget().sizes() == sizes
        assert ui.left_tabs.currentWidget() is ui.plan_list
        assert ui.right_tabs.currentIndex() == 0
        assert ui.session.plan is not None and ui.session.plan.id == plan_id
    finally:
        close_main_window(window, controller)


def test_a_base_map_that_fails_is_not_kept_and_settings_and_toolbar_agree(qtbot, tmp_path) -> None:
    window, controller = open_main_window(qtbot, str(tmp_path / "a.sqlite3"))
    try:
        editing = window.site_editing
        editing.switch_base_map(BaseMapId.OSM)
        assert load_settings().base_map is BaseMapId.OSM
        window.map_view.bridge.tiles_failed.emit("osm")  # the page could not load a tile
        assert load_settings().base_map is BaseMapId.NONE
        assert editing.base_combo.currentData() == BaseMapId.NONE.value
        assert SettingsDialog(editing.settings, window).base_map.currentData() == "none"
        # 天地图 chosen in the settings without a key: nothing to show, so nothing is kept
        editing.apply_settings(
            SettingsDialog(editing.settings, window)
            .settings()
            .__class__(base_map=BaseMapId.TIANDITU)
        )
        assert load_settings().base_map is BaseMapId.NONE
        assert editing.base_combo.currentData() == BaseMapId.NONE.value
        assert "密钥" in window.statusBar().currentMessage()
    finally:
        close_main_window(window, controller)


def test_the_correction_action_and_the_counts_follow_at_once(qtbot, tmp_path) -> None:
    window, controller = open_main_window(qtbot, str(tmp_path / "a.sqlite3"))
    try:
        site = placed_sites(window, 1)[0]
        action = window.site_editing.correct_action
        assert not action.isEnabled()
        window.select_site(site.id)
        assert action.isEnabled()
        type_text(window.site_list.search, "没有这个名字的地方")
        assert window.site_list.selected_site_id() is None
        assert not action.isEnabled()  # no site selected any more: nothing to correct
        window.site_list.search.clear()
        # an estimated position corrected: 位置待核实 goes down by one in the status bar
        before = window.status_sites.text()
        estimate = next(s for s in window.site_model.sites() if s.position_is_estimate
                        and s.position is not None)  # fmt: skip
        window.select_site(estimate.id)
        action.trigger()
        dialog = window.site_editing.correction.dialog
        qtbot.keyClicks(dialog.paste, "112.5632,37.8571")
        QTest.keyClick(dialog.paste, Qt.Key.Key_Return)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        after = window.status_sites.text()
        assert after != before and after == sites_status_text(window.site_model.sites())
    finally:
        close_main_window(window, controller)


def test_the_correction_tool_sits_beside_the_map_and_plan_markers_can_be_grabbed(
    qtbot, tmp_path
) -> None:
    window, controller = open_main_window(qtbot, str(tmp_path / "a.sqlite3"))
    try:
        window.resize(*LAPTOP)
        ui = window.plan_ui
        qtbot.mouseClick(ui.plan_list.new_button, Qt.MouseButton.LeftButton)
        site = placed_sites(window, 1)[0]
        ui.add_site(site.id)  # now a numbered stop marker sits on top of the site's marker
        assert json.loads(run_js(qtbot, window, "routeSummary"))["stops"]
        assert not run_js(qtbot, window, "markerOnTop", site.id)
        window.select_site(site.id)
        window.site_editing.correct_action.trigger()
        dialog = window.site_editing.correction.dialog
        assert dialog is not None and dialog.isVisible()
        assert not dialog.frameGeometry().intersects(map_rect(window.map_view))
        assert run_js(qtbot, window, "markerOnTop", site.id)  # it can be dragged
        dialog.close()
        assert not run_js(qtbot, window, "markerOnTop", site.id)
        window.site_editing.add_action.trigger()
        adding = window.site_editing.adding.dialog
        assert not adding.frameGeometry().intersects(map_rect(window.map_view))
        adding.close()
    finally:
        close_main_window(window, controller)


def test_optimising_says_what_it_saved_then_that_the_order_is_shortest(qtbot, tmp_path) -> None:
    window, controller = open_main_window(qtbot, str(tmp_path / "a.sqlite3"))
    try:
        ui = window.plan_ui
        qtbot.mouseClick(ui.plan_list.new_button, Qt.MouseButton.LeftButton)
        by_lon = sorted(placed_sites(window, 40), key=lambda s: s.position.point.lon)
        for site in (by_lon[0], by_lon[-1], by_lon[1], by_lon[-2]):  # zig-zag west–east
            ui.add_site(site.id)
        button = ui.editor.optimise_button
        status = window.statusBar()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # found on a worker thread
        qtbot.waitUntil(lambda: "比原来少" in status.currentMessage(), timeout=MAP_TIMEOUT_MS)
        qtbot.waitUntil(lambda: ui.optimising is None, timeout=MAP_TIMEOUT_MS)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "已经是最短" in status.currentMessage(), timeout=MAP_TIMEOUT_MS)
    finally:
        close_main_window(window, controller)


def test_optimising_says_which_stops_it_left_out_for_want_of_a_position(qtbot, tmp_path) -> None:
    window, controller = open_main_window(qtbot, str(tmp_path / "a.sqlite3"))
    try:
        ui = window.plan_ui
        qtbot.mouseClick(ui.plan_list.new_button, Qt.MouseButton.LeftButton)
        for name in ("太原解放纪念馆", "刘胡兰纪念馆", "双塔革命烈士陵园", "高君宇故居"):
            ui.add_site(site_named(window, name).id)
        ui.add_site(site_named(window, "山西督军府旧址").id)  # no coordinate
        status = window.statusBar()
        qtbot.mouseClick(ui.editor.optimise_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "比原来少" in status.currentMessage(), timeout=MAP_TIMEOUT_MS)
        assert "1 个站点位置未知，留在原处" in status.currentMessage()
        assert ui.session.plan.stops[-1].site_id == site_named(window, "山西督军府旧址").id
    finally:
        close_main_window(window, controller)


def test_ctrl_z_right_after_adding_from_the_box_takes_the_stop_away(qtbot, tmp_path) -> None:
    window, controller = open_main_window(qtbot, str(tmp_path / "a.sqlite3"))
    try:
        window.activateWindow()
        ui = window.plan_ui
        qtbot.mouseClick(ui.plan_list.new_button, Qt.MouseButton.LeftButton)
        ui.right_tabs.setCurrentWidget(ui.plan_pane)
        ui.editor.tabs.setCurrentIndex(0)
        box = ui.editor.stop_search
        box.setFocus()
        QTest.keyClicks(box, "gjy")
        QTest.keyClick(box, Qt.Key.Key_Return)
        assert [s.site_id for s in ui.session.plan.stops] == [site_named(window, "高君宇故居").id]
        assert box.text() == "" and box.hasFocus()
        QTest.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert ui.session.plan.stops == [] and box.text() == ""  # the plan's undo, not the box's
        QTest.keyClick(box, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
        assert len(ui.session.plan.stops) == 1 and box.text() == ""
        QTest.keyClicks(box, "sl")  # text of its own: Ctrl+Z undoes the typing first
        QTest.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert box.text() == "" and len(ui.session.plan.stops) == 1
    finally:
        close_main_window(window, controller)


def test_an_empty_search_offers_to_add_the_place_and_offline_lookup_says_no_network(
    qtbot, tmp_path
) -> None:
    window, controller = open_main_window(qtbot, str(tmp_path / "a.sqlite3"))
    try:
        site_list = window.site_list
        type_text(site_list.search, "某某村党史馆")
        assert site_list.not_found.isVisible()
        assert "某某村党史馆" in site_list.not_found.text()
        qtbot.mouseClick(site_list.not_found, Qt.MouseButton.LeftButton)
        dialog = window.site_editing.adding.dialog
        assert dialog is not None and dialog.name.text() == "某某村党史馆"
        type_text(dialog.query, "太原市迎泽区迎泽公园")
        QTest.keyClick(dialog.query, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.search_button.isEnabled(), timeout=MAP_TIMEOUT_MS)
        assert "没有网络" in dialog.status.text()
        dialog.close()
        site_list.search.clear()
        assert not site_list.not_found.isVisible()
    finally:
        close_main_window(window, controller)


def test_positions_typed_in_gcj02_are_stored_in_wgs84(qtbot, tmp_path) -> None:
    """The paste box's first choice is GCJ-02 (what 高德 shows)."""
    window, controller = open_main_window(qtbot, str(tmp_path / "a.sqlite3"))
    try:
        site = placed_sites(window, 1)[0]
        window.select_site(site.id)
        window.site_editing.correct_action.trigger()
        dialog = window.site_editing.correction.dialog
        assert dialog.crs.crs() is Crs.GCJ02
        qtbot.keyClicks(dialog.paste, "112.5632,37.8571")
        QTest.keyClick(dialog.paste, Qt.Key.Key_Return)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        stored = controller.workspace.sites.get(site.id).position
        assert stored is not None and stored.crs_origin is Crs.GCJ02
        assert stored.point != LatLon(37.8571, 112.5632)  # shifted back to WGS-84
    finally:
        close_main_window(window, controller)
