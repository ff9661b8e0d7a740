"""Start-up: the map page loads while the rest of HongTu is imported, before the window exists,
and the window that takes its view shows the same map as one that made its own."""

from __future__ import annotations

import threading

import pytest

from gui_helpers import MAP_TIMEOUT_MS, close_main_window, map_state
from hongtu.qt.app import Controller
from hongtu.qt.early_page import EarlyPage, run_beside_page
from hongtu.qt.mainwindow import MainWindow
from hongtu.qt.mapview import delete_now

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


def _record_scripts(monkeypatch, view) -> list[str]:
    scripts: list[str] = []
    run = view._run

    def recording(script, callback):  # type: ignore[no-untyped-def]
        scripts.append(script)
        run(script, callback)

    monkeypatch.setattr(view, "_run", recording)
    return scripts


def _window_on_an_early_page(qtbot, monkeypatch, db: str):  # type: ignore[no-untyped-def]
    """As start-up makes it: the page started, the pins read ahead and their markers sent, the
    window taking the view; and every script sent to the page."""
    page = EarlyPage.start()
    assert page.view is not None
    scripts = _record_scripts(monkeypatch, page.view)
    page.read_sites(db)  # on the GUI thread here; start-up calls it on the helper thread
    assert page.markers is not None
    with qtbot.waitSignal(page.view.map_ready, timeout=MAP_TIMEOUT_MS):
        pass
    window = MainWindow(map_view=page.take_view())
    controller = Controller(window, db, probe=False)
    controller.page_loading = True
    controller.markers_read_ahead = page.markers
    window.show()
    return window, controller, scripts


def test_sites_read_ahead_are_drawn_once_and_the_window_takes_the_answer(
    qtbot, tmp_path, monkeypatch
) -> None:
    from hongtu.core.storage.quick_read import read_sites_quickly
    from hongtu.core.workspace import open_workspace

    db = str(tmp_path / "ahead.sqlite3")
    open_workspace(db).close()  # seeded: the fast path can read it
    sites = read_sites_quickly(db)
    assert sites is not None
    placed = [s for s in sites if s.position is not None]
    window, controller, scripts = _window_on_an_early_page(qtbot, monkeypatch, db)
    try:
        with qtbot.waitSignal(window.sites_shown_on_map, timeout=MAP_TIMEOUT_MS) as drawn:
            controller.start_in_background()
        assert drawn.args == [len(placed)]
        # the list's sites come from the file right after, and the markers are not sent again
        qtbot.waitUntil(lambda: window.site_model.sites() == sites, timeout=MAP_TIMEOUT_MS)
        assert sum(s.startswith("hongtuMap.setSites(") for s in scripts) == 1
        assert map_state(qtbot, window)["markers"] == len(placed)
        qtbot.waitUntil(lambda: controller.workspace is not None, timeout=MAP_TIMEOUT_MS)
        assert sum(s.startswith("hongtuMap.setSites(") for s in scripts) == 1
    finally:
        close_main_window(window, controller)


def test_the_site_list_is_filled_once_the_first_markers_are_drawn(qtbot, tmp_path) -> None:
    """Filling the site list first uses Qt's table classes for the first time (~50 ms on the
    GUI thread), which held up the page's answer that the markers are drawn when the sites
    were read before it: the list now follows the markers, and never waits longer than that
    answer may take (``PAGE_WAIT_MS``)."""
    from hongtu.core.mappage import map_page
    from hongtu.core.storage.quick_read import read_site_pins_quickly, read_sites_quickly
    from hongtu.core.workspace import open_workspace
    from hongtu.qt.site_markers import pin_markers

    db = str(tmp_path / "follow.sqlite3")
    open_workspace(db).close()
    sites, pins = read_sites_quickly(db), read_site_pins_quickly(db)
    assert sites is not None and pins is not None
    window = MainWindow(defer_tools=True)  # its page is loaded below, after the sites came
    controller = Controller(window, db, probe=False)
    controller.page_loading = True
    controller.markers_read_ahead = pin_markers(pins)
    window.show()
    try:
        with qtbot.waitSignal(controller._sites_reader.read, timeout=MAP_TIMEOUT_MS):
            controller.start_in_background()
        assert window.site_model.rowCount() == 0  # read, kept until the markers are drawn
        with qtbot.waitSignal(window.sites_shown_on_map, timeout=MAP_TIMEOUT_MS):
            window.map_controller.load_page(map_page())
        assert window.site_model.sites() == sites
        qtbot.waitUntil(lambda: controller.workspace is not None, timeout=MAP_TIMEOUT_MS)
    finally:
        close_main_window(window, controller)


def test_a_window_closed_while_its_workspace_opens_leaves_it_closed(
    qtbot, tmp_path, monkeypatch
) -> None:
    """Closed in its first second, while the workspace still opens on the helper thread: the
    thread ends without an error (its signal's window is gone) and closes the workspace no one
    takes, rather than leave it holding the file."""
    from hongtu.core import workspace as workspace_module

    opened: list[object] = []
    closed: list[object] = []
    may_finish = threading.Event()
    open_real, close_real = workspace_module.open_workspace, workspace_module.Workspace.close

    db = str(tmp_path / "closing.sqlite3")

    def open_and_wait(file: str | None = None, **options: object) -> object:
        workspace = open_real(file, **options)  # type: ignore[arg-type]
        if file == db:
            opened.append(workspace)
            may_finish.wait(MAP_TIMEOUT_MS / 1000)  # until the window is gone
        return workspace

    def close_noted(workspace: object) -> None:
        if workspace in opened:
            closed.append(workspace)
        close_real(workspace)  # type: ignore[arg-type]

    monkeypatch.setattr(workspace_module, "open_workspace", open_and_wait)
    monkeypatch.setattr(workspace_module.Workspace, "close", close_noted)
    window = MainWindow(defer_tools=True)
    controller = Controller(window, db, probe=False)
    window.show()
    controller._start_preloader_once()
    qtbot.waitUntil(lambda: bool(opened), timeout=MAP_TIMEOUT_MS)
    (thread,) = [t for t in threading.enumerate() if t.name == "hongtu-preload"]
    close_main_window(window, controller)
    may_finish.set()
    thread.join(MAP_TIMEOUT_MS / 1000)
    assert not thread.is_alive()
    assert closed == opened


def test_with_many_places_the_plans_are_listed_before_the_sites(
    qtbot, tmp_path, monkeypatch
) -> None:
    """A county's worth of places: the plans list (it has a time goal) is read first, then the
    site list's sites, then the workspace opens; the markers are drawn once, from the pins."""
    from hongtu.core.geo import Crs, LatLon
    from hongtu.core.storage.quick_read import read_sites_quickly
    from hongtu.core.storage.site_store import NewPlace
    from hongtu.core.workspace import open_workspace
    from hongtu.qt.app import SITES_READ_AT_ONCE

    db = str(tmp_path / "many.sqlite3")
    ws = open_workspace(db)
    ws.sites.add_places(
        NewPlace(f"集合点{n}", LatLon(37.7 + n / 2000, 112.4 + n / 1500), Crs.WGS84)
        for n in range(SITES_READ_AT_ONCE + 1)
    )
    ws.close()
    sites = read_sites_quickly(db)
    assert sites is not None
    import hongtu.qt.app as app_module

    plans_may_go = threading.Event()
    sites_asked = threading.Event()
    read_plans, read_sites = app_module._plans_in_file, app_module._sites_in_file

    def plans_when_let(file: str | None) -> object:  # the real read, held until let go
        plans_may_go.wait(MAP_TIMEOUT_MS / 1000)
        return read_plans(file)

    def sites_noted(file: str | None) -> object:
        sites_asked.set()
        return read_sites(file)

    monkeypatch.setattr(app_module, "_plans_in_file", plans_when_let)
    monkeypatch.setattr(app_module, "_sites_in_file", sites_noted)
    window, controller, scripts = _window_on_an_early_page(qtbot, monkeypatch, db)
    try:
        with qtbot.waitSignal(window.sites_shown_on_map, timeout=MAP_TIMEOUT_MS):
            controller.start_in_background()
        assert not sites_asked.is_set() and window.site_model.rowCount() == 0
        with qtbot.waitSignal(controller.plans_listed, timeout=MAP_TIMEOUT_MS):
            plans_may_go.set()
        qtbot.waitUntil(lambda: window.site_model.sites() == sites, timeout=MAP_TIMEOUT_MS)
        assert sites_asked.is_set()
        qtbot.waitUntil(lambda: controller.workspace is not None, timeout=MAP_TIMEOUT_MS)
        assert sum(s.startswith("hongtuMap.setSites(") for s in scripts) == 1
        assert window.site_model.rowCount() == len(sites)
    finally:
        plans_may_go.set()
        close_main_window(window, controller)


def test_a_call_that_differs_from_the_one_made_ahead_is_sent(qtbot, monkeypatch) -> None:
    page = EarlyPage.start()
    view = page.take_view()
    scripts = _record_scripts(monkeypatch, view)
    one = {
        "id": 1,
        "name": "甲",
        "district": "",
        "category": "memorial_hall",
        "lat": 37.9,
        "lon": 112.5,
        "estimate": False,
    }
    two = dict(one, id=2, name="乙", lat=37.8)
    view.prefetch("setSites", [one])
    try:
        with qtbot.waitCallback(timeout=MAP_TIMEOUT_MS) as answered:
            view.call("setSites", [one, two], callback=answered)
        assert answered.args == [2]
        assert [s[: s.index("(")] for s in scripts] == ["hongtuMap.setSites"] * 2
    finally:
        delete_now(view)


def test_the_first_start_of_a_version_shows_the_window_before_building_the_page(qtbot) -> None:
    """The page is started ahead of the window only when it is cached: building it (Folium,
    about a second) would otherwise hold the window back on the first start."""
    from hongtu.cli import _start_map_page
    from hongtu.core.mappage import cached_map_page_file, map_page_file
    from hongtu.heap import resume_collector

    nothing = (None, None)
    assert cached_map_page_file() is None  # a new user folder: nothing cached yet
    assert _start_map_page([]) == nothing
    assert _start_map_page(["--version"]) == nothing == _start_map_page(["sites", "list"])
    built = map_page_file()
    assert cached_map_page_file() == built
    page, parser = _start_map_page(["--db", "x.sqlite3"])
    try:
        assert page is not None and page.view is not None
        assert page.view.page().requestedUrl().toLocalFile() == str(built)
        assert parser is not None and parser.parse_args(["--db", "y"]).db == "y"
    finally:
        if page is not None:
            page.close()
        resume_collector()  # paused by the start, as hongtu.cli.main would resume it


def test_the_first_start_of_a_version_builds_the_page_while_the_window_answers(
    qtbot, tmp_path, monkeypatch
) -> None:
    """No page cached (a new version): Folium's ~0.3 s is spent on a helper thread."""
    from PySide6.QtCore import QTimer

    from hongtu.core import mappage

    build = mappage.build_map_page_html
    built_on: list[threading.Thread] = []
    released = threading.Event()

    def build_when_released() -> str:
        built_on.append(threading.current_thread())
        released.wait(MAP_TIMEOUT_MS / 1000)  # released by the window's event loop
        return build()

    monkeypatch.setattr(mappage, "build_map_page_html", build_when_released)
    assert mappage.cached_map_page_file() is None
    window = MainWindow()
    controller = Controller(window, str(tmp_path / "first.sqlite3"), probe=False)
    window.show()
    try:
        with qtbot.waitSignal(window.sites_shown_on_map, timeout=MAP_TIMEOUT_MS) as drawn:
            controller.start_in_background()
            QTimer.singleShot(0, released.set)  # runs only if the build left the loop free
        assert built_on and built_on[0] is not threading.main_thread()
        placed = [s for s in window.site_model.sites() if s.position is not None]
        assert drawn.args == [len(placed)] and len(placed) >= 11
        assert mappage.cached_map_page_file() is not None  # cached for the next start
    finally:
        close_main_window(window, controller)


def test_the_map_comes_up_when_its_page_cannot_be_cached(qtbot, tmp_path) -> None:
    """A full disk or a cache folder that is not a folder: the page is loaded from memory."""
    from gui_helpers import open_main_window
    from hongtu.core import paths

    (paths.cache_dir() / "map").write_text("not a folder")
    window, controller = open_main_window(qtbot, str(tmp_path / "nocache.sqlite3"))
    try:
        placed = [s for s in window.site_model.sites() if s.position is not None]
        state = map_state(qtbot, window)
        assert state["markers"] == len(placed) >= 11
        assert state["outlines"] > 0  # the page's own data, drawn from memory too
        assert not window.map_view.url().path().endswith(".html")  # no file: the page itself
        assert (paths.cache_dir() / "map").read_text() == "not a folder"
    finally:
        close_main_window(window, controller)


def _fresh_python(*lines: str) -> list[str]:
    """What ``lines`` print, run in a Python of their own (a start's imports, from nothing)."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", "\n".join(lines)], capture_output=True, text=True, check=True
    )
    return done.stdout.split()


def test_nothing_before_the_page_starts_makes_qts_namespace() -> None:
    """Qt's namespace (``from PySide6.QtCore import Qt``: 93 enums made at once, ~13 ms) is made
    on the helper thread beside the loading page, never on the way to starting it (a MapView
    that imported it held the page up by that much)."""
    printed = _fresh_python(
        "import PySide6.QtCore as core, hongtu.cli, hongtu.qt.early_page",
        "print('Qt' in vars(core))",
    )
    assert printed == ["False"]


def test_the_window_built_at_start_makes_no_widget_classes_it_does_not_use() -> None:
    """The first plain QWidget of Qt's that comes back to Python (a table's viewport) makes
    PySide build every widget class it might be (QMdiArea, QGraphicsView, QWizard… with their
    enums: ~20 ms) to find its type. The window a start builds and shows before its first
    markers asks for none: the site list's viewport is asked for once its sites come."""
    printed = _fresh_python(
        "import PySide6.QtWidgets as widgets",
        "from hongtu.qt.early_page import application",
        "app = application()",
        "from hongtu.qt.mainwindow import MainWindow",
        "window = MainWindow(defer_tools=True)",
        "window.show()",
        "app.processEvents()",
        "made = ('QMdiArea', 'QGraphicsView', 'QWizard')",
        "print(sorted(name for name in made if name in vars(widgets)))",
        "window.close()",
    )
    assert printed[-1] == "[]"


def test_importing_what_the_window_needs_compiles_no_pattern() -> None:
    """HongTu's regular expressions (~11 ms to compile) are made when first used, not on the
    helper thread's way to the window (``hongtu.core.lazy_pattern``)."""
    made, compiled_at_import, compiled_once_used = map(
        int,
        _fresh_python(
            "import gc",
            "import hongtu.core.settings, hongtu.core.storage.quick_read, hongtu.qt.app",
            "from hongtu.core.lazy_pattern import LazyPattern",
            "from hongtu.core.text import clean_line",
            "patterns = [o for o in gc.get_objects() if isinstance(o, LazyPattern)]",
            "print(len(patterns), sum(p._compiled is not None for p in patterns))",
            "clean_line('a\\tb')",
            "print(sum(p._compiled is not None for p in patterns))",
        ),
    )
    assert made >= 8 and compiled_at_import == 0
    assert compiled_once_used == 2  # clean_line's two
