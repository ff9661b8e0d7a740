"""Start-up runs without the cyclic garbage collector, and it is back once start-up is over.

Pausing it saves the ~60 collections that start-up's long-lived objects would trigger before the
window is shown; leaving it off for good would let reference cycles pile up for the whole session.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from gui_helpers import MAP_TIMEOUT_MS, close_main_window
from hongtu import heap
from hongtu.cli import main
from hongtu.core import mappage
from hongtu.qt.app import Controller
from hongtu.qt.mainwindow import MainWindow


@pytest.fixture(autouse=True)
def collector() -> Iterator[None]:
    """The test process's collector as it was, and its heap unfrozen, afterwards."""
    was_enabled = gc.isenabled()
    yield
    gc.unfreeze()
    heap._frozen = False
    heap.resume_collector()
    if was_enabled:
        gc.enable()


def test_freezing_the_start_up_heap_turns_the_paused_collector_back_on() -> None:
    heap.pause_collector()
    assert not gc.isenabled()
    heap.freeze_start_up_heap()
    assert gc.get_freeze_count() > 0
    assert gc.isenabled()


def test_a_collector_someone_else_turned_off_is_left_off() -> None:
    gc.disable()  # e.g. a profiler or an embedding application
    heap.pause_collector()
    heap.resume_collector()
    heap.freeze_start_up_heap()
    assert not gc.isenabled()


def test_a_listing_runs_without_collections_and_leaves_the_collector_as_it_was(
    tmp_path, capsys
) -> None:
    """``hongtu plans list`` (all it reads lives until printed) pauses the collector while it
    runs, and gives it back on, or off if someone else had turned it off."""
    collections = []
    gc.callbacks.append(lambda phase, info: collections.append(phase))
    try:
        db = str(tmp_path / "list.sqlite3")
        main(["--db", db, "sites", "list"])  # creates the file: the workspace's start collects
        collections.clear()
        assert main(["--db", db, "plans", "list"]) == 0
        assert collections == [] and gc.isenabled()
        gc.disable()
        assert main(["--db", db, "sites", "list"]) == 0
        assert not gc.isenabled()
    finally:
        gc.callbacks.pop()
    assert "高君宇故居" in capsys.readouterr().out


@pytest.mark.gui
def test_the_collector_is_back_once_the_window_has_its_workspace(qtbot, tmp_path) -> None:
    heap.pause_collector()  # as ``hongtu`` does before its first import of PySide6
    window = MainWindow()
    controller = Controller(window, str(tmp_path / "heap.sqlite3"), freeze_heap=True)
    window.show()
    try:
        with qtbot.waitSignal(controller.plans_listed, timeout=MAP_TIMEOUT_MS):
            controller.start_in_background()
        qtbot.waitUntil(lambda: controller.workspace is not None, timeout=MAP_TIMEOUT_MS)
        assert gc.isenabled()
    finally:
        close_main_window(window, controller)


@pytest.mark.gui
@pytest.mark.usefixtures("qtbot")
def test_a_start_that_stops_at_a_bad_argument_turns_the_collector_back_on(capsys) -> None:
    mappage.map_page_file()  # cached: the window's start begins with the page, collector paused
    with pytest.raises(SystemExit):
        main(["--lang", "xx"])  # words that open the window, until the language is judged
    assert "xx" in capsys.readouterr().err
    assert gc.isenabled()
