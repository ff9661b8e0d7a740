"""Start-up: the map page loads while the rest of HongTu is imported, before the window exists,
and the window that takes its view shows the same map as one that made its own."""

from __future__ import annotations

import threading

import pytest

from gui_helpers import MAP_TIMEOUT_MS, close_main_window, map_state
from hongtu.qt.app import Controller
from hongtu.qt.early_page import EarlyPage, run_beside_page
from hongtu.qt.mainwindow import MainWindow

pytestmark = pytest.mark.gui


def test_the_page_loads_while_the_helper_thread_works(qtbot) -> None:
    page = EarlyPage.start()
    assert page.view is not None
    came_up = threading.Event()
    page.view.bridge.ready.connect(came_up.set)
    try:
        # the helper thread waits for the page: it only comes up if the GUI thread serves it
        assert run_beside_page(lambda: came_up.wait(MAP_TIMEOUT_MS / 1000)) is True
        assert page.view.is_ready
    finally:
        page.close()
    assert page.view is None


def test_what_goes_wrong_on_the_helper_thread_is_raised_here(qtbot) -> None:
    def fails() -> None:
        raise LookupError("a module that is not there")

    with pytest.raises(LookupError, match="not there"):
        run_beside_page(fails)
    assert run_beside_page(lambda: 42) == 42


def test_a_window_taking_a_page_loaded_unseen_frames_every_placed_site(qtbot, tmp_path) -> None:
    page = EarlyPage.start()
    view = page.take_view()
    with qtbot.waitSignal(view.map_ready, timeout=MAP_TIMEOUT_MS):
        pass  # loaded while no window shows it: the page has no size yet
    window = MainWindow(map_view=view)
    controller = Controller(window, str(tmp_path / "early.sqlite3"), probe=False)
    controller.page_loading = True
    window.show()
    try:
        with qtbot.waitSignal(window.sites_shown_on_map, timeout=MAP_TIMEOUT_MS):
            controller.start()
        assert window.map_view is view and view.url().isLocalFile()
        placed = [s for s in window.site_model.sites() if s.position is not None]
        assert len(placed) >= 11
        assert map_state(qtbot, window)["markers"] == len(placed)

        def framed() -> bool:
            state = map_state(qtbot, window)
            south, west, north, east = state["bounds"]
            return state["zoom"] >= 8 and all(
                south < s.position.point.lat < north and west < s.position.point.lon < east
                for s in placed
                if s.position is not None
            )

        qtbot.waitUntil(framed, timeout=10_000)  # once the window gave the map its size
        # the district names (sent once the page is ready), though it came up before the window
        assert map_state(qtbot, window)["districtLabels"] == 12
    finally:
        close_main_window(window, controller)
