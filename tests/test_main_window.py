"""The working app: the window shows the catalogue beside an offline map that follows the list."""

from __future__ import annotations

import pytest

from gui_helpers import close_main_window, map_state, open_main_window, run_js

pytestmark = [pytest.mark.gui, pytest.mark.webengine]


@pytest.fixture
def main_window(qtbot, tmp_path):
    window, controller = open_main_window(qtbot, str(tmp_path / "gui.sqlite3"))
    yield window
    close_main_window(window, controller)


def test_map_shows_one_marker_per_site_with_a_position(qtbot, main_window) -> None:
    sites = main_window.site_model.sites()
    placed = {s.id for s in sites if s.position is not None}
    state = map_state(qtbot, main_window)
    assert state["markers"] == len(placed) >= 10
    assert set(state["markerIds"]) == placed
    assert state["pinsInDom"] == len(placed)  # really drawn in the page, not only counted
    assert state["baseMap"] is None  # no base map by default: nothing to download
    # the offline district outlines follow once the markers are on screen
    qtbot.waitUntil(lambda: map_state(qtbot, main_window)["outlinesInDom"] >= 10)


def test_clicking_a_marker_selects_the_site_in_the_list(qtbot, main_window) -> None:
    site = next(s for s in main_window.site_model.sites() if s.name == "太原解放纪念馆")
    with qtbot.waitSignal(main_window.site_selected, timeout=10_000) as blocker:
        assert run_js(qtbot, main_window, "clickMarker", site.id) is True
    assert blocker.args == [site.id]
    assert main_window.site_list.selected_site_id() == site.id
    assert "太原解放纪念馆" in main_window.details.toPlainText()


def test_selecting_in_the_list_highlights_and_centres_the_marker(qtbot, main_window) -> None:
    site = next(s for s in main_window.site_model.sites() if s.name == "高君宇故居")
    main_window.select_site(site.id)
    qtbot.waitUntil(lambda: map_state(qtbot, main_window)["selected"] == site.id, timeout=10_000)
    centre = map_state(qtbot, main_window)["center"]
    assert site.position is not None
    assert abs(centre[0] - site.position.point.lat) < 0.01
    assert abs(centre[1] - site.position.point.lon) < 0.01


def test_estimates_are_marked_in_list_details_and_map(qtbot, main_window) -> None:
    site = next(s for s in main_window.site_model.sites() if s.name == "八路军驻晋办事处旧址")
    main_window.select_site(site.id)
    assert "位置待核实" in main_window.details.toPlainText()
    assert "位置待核实" in main_window.status_sites.text()
    count = count_estimate_pins(qtbot, main_window)  # the page draws estimates dashed
    assert count == sum(1 for s in main_window.site_model.sites()
                        if s.position is not None and s.position_is_estimate)


def count_estimate_pins(qtbot, window) -> int:
    with qtbot.waitCallback(timeout=10_000) as callback:
        window.map_view.page().runJavaScript(
            "document.querySelectorAll('.leaflet-marker-pane .ht-estimate').length", 0, callback
        )
    return int(callback.args[0])


def test_search_box_filters_the_list(qtbot, main_window) -> None:
    qtbot.keyClicks(main_window.site_list.search, "blj")
    names = [main_window.site_list.proxy.index(r, 0).data()
             for r in range(main_window.site_list.proxy.rowCount())]
    assert names == ["八路军驻晋办事处旧址"]


def test_tools_installed_after_first_paint_still_get_the_workspace(qtbot, tmp_path) -> None:
    """The app builds the plan editor just after showing the window; nothing is missed."""
    from hongtu.qt.app import Controller
    from hongtu.qt.mainwindow import MainWindow

    window = MainWindow(defer_tools=True)
    controller = Controller(window, str(tmp_path / "deferred.sqlite3"))
    try:
        window.show()
        assert window.plan_ui is None
        menus = [a.text() for a in window.menuBar().actions()]
        assert "方案(&P)" not in menus
        with qtbot.waitSignal(window.sites_shown_on_map, timeout=30_000):
            controller.start()  # the workspace arrives before the tools were installed
        assert window.plan_ui is not None and window.site_editing is not None
        assert window.plan_ui.new_action.isEnabled()  # attached to the workspace
        assert "方案(&P)" in [a.text() for a in window.menuBar().actions()]
        window.install_tools()  # idempotent
        assert len([a for a in window.menuBar().actions() if a.text() == "方案(&P)"]) == 1
    finally:
        close_main_window(window, controller)


def test_the_plan_tools_are_built_a_step_at_a_time_the_window_answering_between(qtbot) -> None:
    """Start-up builds the plan editor and the site tools after the window is shown: the
    window handles its events between the steps (no one freeze for the whole build), and the
    tools are the window's only once all of them are there."""
    from PySide6.QtCore import QTimer

    from hongtu.qt.mainwindow import MainWindow
    from hongtu.qt.mapview import delete_now

    window = MainWindow(defer_tools=True)
    turns: list[bool] = []  # at each turn of the event loop: are the tools the window's yet?
    ticker = QTimer()
    ticker.setInterval(0)
    ticker.timeout.connect(lambda: turns.append(window.plan_ui is not None))
    done: list[bool] = []
    try:
        window.show()
        ticker.start()
        window.install_tools_stepwise(lambda: done.append(window.plan_ui is not None))
        qtbot.waitUntil(lambda: bool(done))
        ticker.stop()
        assert done == [True]
        assert turns.count(False) >= 3  # the loop ran between the steps
        assert [a.text() for a in window.menuBar().actions()].count("方案(&P)") == 1
    finally:
        ticker.stop()
        window.close()
        delete_now(window)


def test_a_workspace_arriving_mid_build_finishes_the_tools_once(qtbot, tmp_path) -> None:
    """The workspace may open while the tools are still being built step by step: attaching it
    finishes them at once (attached), and the steps left behind add nothing twice."""
    from hongtu.core.workspace import open_workspace
    from hongtu.qt.mainwindow import MainWindow
    from hongtu.qt.mapview import delete_now

    workspace = open_workspace(str(tmp_path / "midway.sqlite3"))
    window = MainWindow(defer_tools=True)
    done: list[bool] = []
    try:
        window.show()
        window.install_tools_stepwise(lambda: done.append(True))  # its first step only
        assert window.plan_ui is None
        window.attach_workspace(workspace)
        assert window.plan_ui is not None and window.plan_ui.new_action.isEnabled()
        qtbot.waitUntil(lambda: bool(done))
        assert done == [True]
        assert [a.text() for a in window.menuBar().actions()].count("方案(&P)") == 1
    finally:
        window.close()
        delete_now(window)
        workspace.close()


def test_workspace_opens_even_if_the_map_page_never_loads(qtbot, monkeypatch, tmp_path) -> None:
    from hongtu.core.workspace import open_workspace
    from hongtu.qt import app as app_module
    from hongtu.qt.app import Controller
    from hongtu.qt.mainwindow import MainWindow

    db = str(tmp_path / "nomap.sqlite3")
    open_workspace(db).close()  # an existing database: start-up takes the fast path
    monkeypatch.setattr(app_module, "PAGE_WAIT_MS", 50)
    monkeypatch.setattr(Controller, "load_map", lambda self: None)  # the page never comes
    window = MainWindow(defer_tools=True)
    controller = Controller(window, db)
    try:
        controller.start_in_background()
        assert window.site_model.rowCount() >= 10  # the list is there from the fast read
        qtbot.waitUntil(lambda: controller.workspace is not None, timeout=20_000)
        assert window.plan_ui is not None and window.plan_ui.new_action.isEnabled()
    finally:
        close_main_window(window, controller)
