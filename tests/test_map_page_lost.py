"""The map page's own process can end under the window (the system ran out of memory, a
graphics driver failed, a security tool killed it): the map must not stay blank. The page is
loaded again and everything it showed is drawn again; a page that keeps dying is left, and the
window says so. Plans and sites are never affected."""

from __future__ import annotations

import json
import os
import signal

import pytest
from PySide6.QtCore import Qt

from gui_helpers import MAP_TIMEOUT_MS, close_main_window, map_state, open_main_window
from hongtu.qt import mapview
from test_plan_gui import build_three_stop_plan, route_names

pytestmark = [pytest.mark.gui, pytest.mark.webengine]


def kill_page_process(window) -> None:  # type: ignore[no-untyped-def]
    pid = window.map_view.page().renderProcessPid()
    assert pid > 0 and pid != os.getpid()
    os.kill(pid, signal.SIGKILL)


def test_a_page_whose_process_is_killed_comes_back_as_it_was(qtbot, tmp_path) -> None:
    window, controller = open_main_window(qtbot, str(tmp_path / "lost.sqlite3"))
    try:
        build_three_stop_plan(qtbot, window)
        qtbot.waitUntil(lambda: len(route_names(qtbot, window)) == 3, timeout=MAP_TIMEOUT_MS)
        window.site_list.search.setText("故居")  # a filter: the other sites are dimmed
        before, names = map_state(qtbot, window), route_names(qtbot, window)
        assert before["hidden"] and before["routeLayers"] > 0
        with qtbot.waitSignal(window.map_controller.ready, timeout=MAP_TIMEOUT_MS):
            kill_page_process(window)
        assert "地图页面意外停止，已重新载入" in window.statusBar().currentMessage()
        qtbot.waitUntil(lambda: map_state(qtbot, window)["outlines"] > 0, timeout=MAP_TIMEOUT_MS)
        after = map_state(qtbot, window)
        for key in ("markers", "hidden", "routeLayers", "districtLabels", "legend", "baseMap"):
            assert after[key] == before[key], key
        assert route_names(qtbot, window) == names
        # and it is the same live map: an edit is drawn on the new page
        editor = window.plan_ui.editor
        editor.stops_view.selectRow(0)
        with qtbot.waitSignal(window.plan_ui.session.plan_changed, timeout=MAP_TIMEOUT_MS):
            qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(route_names(qtbot, window)) == 2, timeout=MAP_TIMEOUT_MS)
    finally:
        close_main_window(window, controller)


def test_a_page_that_keeps_dying_is_left_and_the_window_says_so(
    qtbot, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(mapview, "MAX_PAGE_RELOADS", 0)
    window, controller = open_main_window(qtbot, str(tmp_path / "gone.sqlite3"))
    try:
        with qtbot.waitSignal(window.map_controller.page_lost, timeout=MAP_TIMEOUT_MS) as lost:
            kill_page_process(window)
        assert lost.args == [False]
        assert "请重新启动红途" in window.statusBar().currentMessage()
        for _ in range(50):  # calls made afterwards are dropped, not queued for ever
            window.map_controller.set_plan_sites([1])
            window.map_controller.set_plan_sites([])
        assert window.map_view._queue == []
        assert window.site_model.rowCount() >= 11  # the window itself goes on
        json.dumps(window.map_controller._sites)  # its state is whole, for a restart
    finally:
        close_main_window(window, controller)
