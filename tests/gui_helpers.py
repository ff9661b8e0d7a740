"""Helpers for GUI tests: open the real main window on a test database and talk to the map."""

from __future__ import annotations

import json
from typing import Any

from hongtu.qt.app import Controller
from hongtu.qt.mainwindow import MainWindow
from hongtu.qt.mapview import delete_now

MAP_TIMEOUT_MS = 30_000


def open_main_window(qtbot: Any, db: str) -> tuple[MainWindow, Controller]:
    """The window once its map is drawn as the organiser first sees it: the sites' markers,
    then (a frame later) the district outlines, which the district names follow at street
    zoom; a test reading the map before the outlines came would see a map no one sees."""
    window = MainWindow()  # closed and deleted by close_main_window, not by qtbot
    controller = Controller(window, db, probe=False)
    window.show()
    with qtbot.waitSignal(window.sites_shown_on_map, timeout=MAP_TIMEOUT_MS):
        controller.start()
    qtbot.waitUntil(lambda: outlines_drawn(map_state(qtbot, window)), timeout=MAP_TIMEOUT_MS)
    return window, controller


def outlines_drawn(state: dict[str, Any]) -> bool:
    return state["outlines"] > 0 and state["outlinesInDom"] == state["outlines"]


def close_main_window(window: MainWindow, controller: Controller) -> None:
    """The test is over: what it left unsaved on purpose (a conflict, a save still waiting) is
    dropped, not asked about (a question box would wait for an answer no one gives)."""
    if window.plan_ui is not None and window.isVisible():
        window.plan_ui.session.forget_unsaved()
    window.close()
    delete_now(window)  # the map's page before the web profile, as the app does
    controller.close_workspace()


def map_state(qtbot: Any, window: MainWindow) -> dict[str, Any]:
    return json.loads(run_js(qtbot, window, "state"))


def run_js(qtbot: Any, window: MainWindow, function: str, *args: Any) -> Any:
    with qtbot.waitCallback(timeout=MAP_TIMEOUT_MS) as callback:
        window.map_view.call(function, *args, callback=callback)
    return callback.args[0]
