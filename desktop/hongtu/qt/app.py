"""Starting the desktop app.

The order is chosen for speed: the map page starts loading before the window is shown (Chromium
starts in its own processes), the heavy storage imports (SQLAlchemy) run on a helper thread while
the window paints, and only then is the database opened and the sites sent to the page.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from hongtu.core import paths
from hongtu.core.storage.problems import WINDOW_WAIT_MS, DatabaseError, DatabaseProblem
from hongtu.qt import messages
from hongtu.qt.crash import install_excepthook
from hongtu.qt.early_page import EarlyPage, application, prepare_environment
from hongtu.qt.errors import database_error_message, restore_question
from hongtu.qt.i18n import install_translators
from hongtu.qt.mainwindow import TOOL_MODULES, MainWindow
from hongtu.qt.mapview import delete_now
from hongtu.qt.single_instance import SingleInstance, instance_key

if TYPE_CHECKING:
    from hongtu.core.settings import Settings
    from hongtu.core.workspace import Workspace

log = logging.getLogger(__name__)

# Imported on a helper thread during start-up; nothing here touches Qt or opens files.
# How long start-up waits for the map page before opening the workspace regardless.
PAGE_WAIT_MS = 2000
#: Up to this many placed sites (a few ms to read), the site list's sites are read as soon as
#: the window is shown; more wait until the plans list is filled.
SITES_READ_AT_ONCE = 300
STORAGE_MODULES = ("hongtu.core.workspace", "hongtu.core.catalogue", "sqlalchemy.orm")
#: A file HongTu cannot use at all: a backup may be restored over it, or a new database begun.
_WAY_ON = (DatabaseProblem.CORRUPT, DatabaseProblem.NOT_A_DATABASE)


def tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


class _Preloader(QObject):
    """Imports storage, opens the workspace and reads its sites and plans list, off the GUI
    thread. ``finished`` carries the workspace, the ``DatabaseError`` that stopped it, or None
    after any other failure (the GUI thread then opens it itself and reports what happens)."""

    finished = Signal(object)

    def __init__(self, db: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db

    def start(self) -> None:
        threading.Thread(target=self._run, name="hongtu-preload", daemon=True).start()

    def _run(self) -> None:
        for name in STORAGE_MODULES:
            importlib.import_module(name)
        from hongtu.core.workspace import open_workspace

        result: object = None
        workspace: Workspace | None = None
        try:
            workspace = open_workspace(self.db)
            workspace.prefetch()  # 2,000 places and 10,000 plans are read here, not in the window
            result = workspace
        except DatabaseError as exc:
            result = exc
        except Exception:  # anything else: the GUI thread tries again and reports it
            log.exception("the workspace could not be opened in the background")
        if workspace is not None and result is not workspace:
            workspace.close()  # opened but not read: the GUI thread opens it again
        try:
            self.finished.emit(result)
        except RuntimeError:  # the window closed while it opened: no one takes it
            if workspace is not None and result is workspace:
                workspace.close()


class _ReadAhead(QObject):
    """Reads what the window shows first straight from the file on a helper thread (plain
    sqlite3, which lets go of the GIL while it steps): ``read`` carries it, or None when the
    file cannot be read that way (the workspace shows it then)."""

    read = Signal(object)

    def __init__(self, what: str, reader: Callable[[], object], parent: QObject) -> None:
        super().__init__(parent)
        self.what = what  # "sites", "plans": the thread's name, the log's words
        self._reader = reader

    def start(self) -> None:
        threading.Thread(target=self._run, name=f"hongtu-{self.what}", daemon=True).start()

    def _run(self) -> None:
        result = None
        try:
            result = self._reader()
        except Exception:  # the workspace shows them, and reports what is wrong
            log.exception("the %s could not be read ahead", self.what)
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self.read.emit(result)


def _sites_in_file(db: str | None) -> object:
    from hongtu.core.storage.quick_read import read_sites_quickly

    return read_sites_quickly(db)


def _plans_in_file(db: str | None) -> object:
    from hongtu.core.storage.quick_read import read_plan_summaries_quickly

    return read_plan_summaries_quickly(db)


class _Imports(QObject):
    """Imports modules on a helper thread, then ``done`` (if one fails, the GUI thread's own
    import of it says why). Importing is Python work: the GUI thread takes the GIL back every
    few milliseconds, so the window answers meanwhile."""

    done = Signal()

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.running = False  # started, and ``done`` not yet handled on the GUI thread

    def start(self, names: tuple[str, ...]) -> None:
        self.running = True
        thread = threading.Thread(target=self._run, args=(names,), name="hongtu-imports")
        thread.daemon = True
        thread.start()

    def _run(self, names: tuple[str, ...]) -> None:
        try:
            for name in names:
                importlib.import_module(name)
        except Exception:
            log.exception("modules could not be imported ahead")
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self.done.emit()


class Controller(QObject):
    """Opens the workspace once the window is up and hands the sites to the window."""

    workspace_failed = Signal(object)
    plans_listed = Signal()  # the plans list is filled: from the file, or from the workspace

    def __init__(
        self, window: MainWindow, db: str | None, probe: bool = False, *, freeze_heap: bool = False
    ) -> None:
        """``freeze_heap``: once the workspace is attached, freeze the start-up heap
        (``hongtu.heap``); the app does, tests that open many windows in one process do not."""
        super().__init__(window)
        self._freeze_heap = freeze_heap
        self.window = window
        self.db = db
        self.workspace: Workspace | None = None
        self._probe = probe
        self._t0 = float(os.environ.get("HONGTU_PROBE_T0", "0") or 0)
        self._preloader = _Preloader(db, self)
        self._preloader_started = False
        self._restored = False  # a backup is offered once per start
        self._way_offered = False  # …and a way on from a damaged file
        self._fonts_checked = False  # a machine without a Chinese font is told once
        self._preloader.finished.connect(self._on_preloader_finished)
        self.page_loading = False  # the map page is loading (maybe came with the window's view)
        self._page_builder: _ReadAhead | None = None  # the first start of a version builds it
        self.markers_read_ahead: list[dict[str, Any]] | None = None  # sent by the early page
        self._sites_to_read = False  # many places: the list's sites, once the plans are listed
        self._open_after_sites = False  # … and the workspace once they are
        self._sites_waiting: list[Any] | None = None  # read before the first markers were drawn
        self._page_waited = False  # PAGE_WAIT_MS passed: nothing waits for the markers any more
        self._sites_reader = _ReadAhead("sites", lambda: _sites_in_file(db), self)
        self._sites_reader.read.connect(self._on_sites_read)
        self._plans_reader = _ReadAhead("plans", lambda: _plans_in_file(db), self)
        self._plans_reader.read.connect(self._on_plans_read)
        self._early_plans: object = None  # what the reader read (a list), until it is shown
        self._plans_read = self._markers_drawn = self._plans_shown = False
        self._tool_imports = _Imports(self)
        self._workspace_waiting: Workspace | None = None  # opened while the tools' imports ran
        self._tool_imports.done.connect(self._install_tools)

    def load_map(self) -> None:
        """The map page, built now if it is not cached (tests, scripts)."""
        if self.page_loading:
            return
        from hongtu.core.mappage import map_page

        self.page_loading = True
        self.window.map_controller.load_page(map_page())

    def _load_map_in_background(self) -> None:
        """The cached map page at once; else it is built on a helper thread (the first start
        of a version: Folium's ~0.3 s would freeze the window just shown)."""
        if self.page_loading:
            return
        from hongtu.core.mappage import cached_map_page_file, map_page

        self.page_loading = True
        cached = cached_map_page_file()
        if cached is not None:
            self.window.map_controller.load_page(cached)
            return
        self._page_builder = _ReadAhead("map page", map_page, self)
        self._page_builder.read.connect(self._on_page_built)
        self._page_builder.start()

    def _on_page_built(self, page: object) -> None:
        if isinstance(page, Path | str):
            self.window.map_controller.load_page(page)
        else:  # it failed on the helper thread (logged): again here, where it is reported
            self.page_loading = False
            self.load_map()

    def start(self) -> None:
        """Load the map and open the workspace synchronously (tests, scripts)."""
        self.load_map()
        self.open_workspace()

    def start_in_background(self) -> None:
        """Draw the last saved sites at once and list the plans (``_show_early_plans``), then
        build the plan tools and open the full workspace off the hot path."""
        from hongtu.core.storage.quick_read import read_sites_quickly

        self._load_map_in_background()
        markers = self.markers_read_ahead
        quick = read_sites_quickly(self.db) if markers is None else None
        if markers is None and quick is None:  # a new database (or unreadable this way)
            self._open_in_background()  # the tools' imports beside it, not on the GUI thread
            return
        # Importing on a helper thread while the page loads slows the page (the GIL), so the
        # full workspace is opened only once the first markers are on the map.
        # If the page is slow or broken, the workspace must not wait for it for long.
        self.window.sites_shown_on_map.connect(self._on_first_markers)
        if markers is not None:  # drawn from the sites' pins: the list's sites are read next
            self.window.show_markers(markers)
            if len(markers) <= SITES_READ_AT_ONCE:
                self._sites_reader.start()  # a few ms: the list is filled with the window
            else:  # after the plans list (its time goal): the two would share the GIL
                self._sites_to_read = True
        elif quick is not None:
            self.window.show_sites(quick)
        self._plans_reader.start()  # the plans list, off the GUI thread while the page loads
        QTimer.singleShot(PAGE_WAIT_MS, self._page_wait_over)

    def _on_sites_read(self, sites: object) -> None:
        if not (self._markers_drawn or self._page_waited or self._open_after_sites):
            # Filling the list first (~50 ms on the first use of Qt's table classes) would
            # hold up the page's answer that the markers are drawn: the list follows them.
            self._sites_waiting = sites if isinstance(sites, list) else None
            return
        self._show_site_list(sites)
        if self._open_after_sites:
            self._open_in_background()

    def _show_site_list(self, sites: object) -> None:
        if isinstance(sites, list) and self.workspace is None:  # else the workspace's are shown
            self.window.show_site_list(sites)
            self.probe("sites_listed")

    def _show_waiting_sites(self) -> None:
        sites, self._sites_waiting = self._sites_waiting, None
        if sites is not None:
            self._show_site_list(sites)

    def _page_wait_over(self) -> None:
        """The page did not report its markers in time (slow or broken): the site list and the
        workspace stop waiting for it."""
        self._page_waited = True
        self._show_waiting_sites()
        self._start_preloader_once()

    def _on_first_markers(self, _count: int) -> None:
        self.window.sites_shown_on_map.disconnect(self._on_first_markers)
        self._markers_drawn = True
        self._show_waiting_sites()
        self._show_early_plans()

    def _on_plans_read(self, plans: object) -> None:
        self._early_plans, self._plans_read = plans, True
        self._show_early_plans()

    def _show_early_plans(self) -> None:
        """List the plans read from the file in the plans list alone (not the plan editor), so
        it is usable before the workspace is open; the workspace's own list replaces it.

        Only once the first markers are on the map: building the list while the page loads
        would hold the page up (one GUI thread). The workspace starts opening after it, and
        the plan editor and site tools are built once their modules are imported on a helper
        thread (~0.2 s of CPU that would otherwise freeze the list just shown). When the
        markers came from the sites' pins, the site list's sites are read first, alone."""
        if not (self._markers_drawn and self._plans_read):
            return
        plans, self._early_plans = self._early_plans, None
        if isinstance(plans, list) and self.workspace is None:
            self.window.plan_list_panel().show_early(plans)
            self._listed()
        if self._sites_to_read:  # many places: the reader and the imports would share the GIL
            self._sites_to_read = False
            self._open_after_sites = True
            self._sites_reader.start()  # _on_sites_read goes on
            return
        self._open_in_background()

    def _open_in_background(self) -> None:
        # Only now: the preloader's imports would contend with the lists for the GIL.
        self._start_preloader_once()
        self._tool_imports.start(TOOL_MODULES)

    def _install_tools(self) -> None:
        # a step per turn of the event loop: the window just shown answers between them;
        # a workspace opened meanwhile still waits for the last (``running``)
        self.window.install_tools_stepwise(self._tools_installed)

    def _tools_installed(self) -> None:
        self._tool_imports.running = False
        workspace, self._workspace_waiting = self._workspace_waiting, None
        if workspace is not None:  # it came first and waited for the tools
            self._attach(workspace)

    def _say_if_no_chinese_font(self) -> None:
        from hongtu.qt.fonts import has_chinese_font

        if not has_chinese_font():
            log.warning("no font that draws Chinese is installed: text shows as boxes")
            self.window.show_missing_font_notice()

    def _listed(self) -> None:
        if not self._plans_shown:
            self._plans_shown = True
            self.plans_listed.emit()

    def _start_preloader_once(self, _count: int = 0) -> None:
        if self._preloader_started:
            return
        self._preloader_started = True
        self._preloader.start()

    def open_workspace(self) -> None:
        from hongtu.core.workspace import open_workspace

        try:
            workspace = open_workspace(self.db)
        except DatabaseError as exc:
            self._open_failed(exc)
            return
        self._attach(workspace)

    def _on_preloader_finished(self, result: object) -> None:
        if isinstance(result, DatabaseError):
            self._open_failed(result)
        elif result is None:
            self.open_workspace()
        else:
            self._attach(result)  # type: ignore[arg-type]

    def _attach(self, workspace: Workspace) -> None:
        from hongtu.core.storage.files import sqlite_file
        from hongtu.qt import crash

        if self._tool_imports.running:  # the tools are built first (their modules are not
            self._workspace_waiting = workspace  # imported a second time, on this thread)
            return
        self.workspace = workspace
        # Another program's write lock (DB Browser, a backup tool): every write of the window
        # waits at most this long, then says so; it never freezes for the whole busy timeout.
        workspace.database.wait_for_writers(WINDOW_WAIT_MS)
        url = str(workspace.database.url)
        crash.database_location = str(sqlite_file(url) or url)
        self.window.attach_workspace(workspace)
        self._listed()
        if not self._fonts_checked:  # off start-up's path: looking through the fonts ~13 ms
            self._fonts_checked = True
            QTimer.singleShot(0, self._say_if_no_chinese_font)
        if self._freeze_heap:
            from hongtu.heap import freeze_start_up_heap

            freeze_start_up_heap()

    def close_workspace(self) -> None:
        """At exit: the workspace, attached or still waiting for the tools."""
        for workspace in (self.workspace, self._workspace_waiting):
            if workspace is not None:
                workspace.close()

    def _open_failed(self, exc: DatabaseError) -> None:
        log.error("database could not be opened: %s", exc.problem.value)
        if exc.problem is DatabaseProblem.CORRUPT and self._offer_restore():
            return
        damaged = self._damaged_file(exc)
        if damaged is None:
            self.workspace_failed.emit(exc)
            messages.critical(self.window, tr("无法打开数据库"), database_error_message(exc))
            QApplication.exit(2)
            return
        from hongtu.qt.damaged_start import offer_way_forward

        self._way_offered = True
        notice = offer_way_forward(self.window, damaged, exc)  # the message, and the choices
        if notice is None:
            self.workspace_failed.emit(exc)
            QApplication.exit(2)
            return
        log.warning("%s", notice)
        self.open_workspace()  # reports its own failure
        if self.workspace is not None:
            self.window.notify(notice, 0)

    def _damaged_file(self, exc: DatabaseError) -> Path | None:
        """The damaged file (or not a database at all) HongTu was to open, once per start:
        there is a way on from it (``damaged_start``)."""
        from hongtu.core.storage.files import resolve_url, sqlite_file

        if self._way_offered or exc.problem not in _WAY_ON:
            return None
        path = sqlite_file(resolve_url(self.db))
        return path if path is not None and path.is_file() else None

    def _offer_restore(self) -> bool:
        """A damaged file with a sound backup beside it: offer to put the backup back.

        Returns True when the backup was restored and the workspace opened from it.
        """
        from hongtu.core.storage.backups import newest_sound_backup, restore_backup
        from hongtu.core.storage.files import resolve_url, sqlite_file

        path = sqlite_file(resolve_url(self.db))
        backup = newest_sound_backup(path) if path is not None else None
        if path is None or backup is None or self._restored:
            return False
        self._restored = True
        if not messages.question(
            self.window,
            tr("数据库已损坏"),
            tr("数据库文件已损坏（完整性检查未通过），红途没有修改它。")
            + "\n\n"
            + restore_question(backup),
        ):
            return False
        try:
            aside = restore_backup(path, backup)
        except OSError as exc:
            log.error("backup could not be restored: %s", exc)
            return False
        log.warning("restored %s from %s; the damaged file is kept as %s", path, backup, aside)
        self.open_workspace()  # reports its own failure, if the restored copy fails too
        return True

    def probe(self, event: str) -> None:
        if self._probe:
            print(f"{event}_s={time.time() - self._t0:.3f}", flush=True)


def configure_logging() -> None:
    """Everything worth knowing goes to ``hongtu.log`` in the user log folder (never keys)."""
    from hongtu.core.logfile import RotatingLogFile
    from hongtu.core.secrets import RedactingFormatter

    path = paths.log_dir() / "hongtu.log"
    problem: OSError | None = None
    try:
        handler: logging.Handler = RotatingLogFile(path, max_bytes=1_000_000, backups=3)
    except OSError as exc:  # the app runs without its log file: warnings go to the console
        problem, handler = exc, logging.StreamHandler()
        handler.setLevel(logging.WARNING)
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    if problem is not None:
        log.warning("the log file %s cannot be written (%s): none this time", path, problem)


def remove_leftovers(db: str | None) -> None:
    """Temporary files of writes a crash or kill interrupted (exports, settings) go away."""
    from hongtu.core.leftovers import sweep_partials

    try:
        sweep_partials(db)
    except (OSError, RuntimeError) as exc:  # never keeps the app from starting
        log.info("leftover temporary files not swept: %s", exc)


def _probe_plans_listed(controller: Controller) -> None:
    """Benchmarks: report when the plans list is filled (from the file or the workspace), quit."""
    controller.probe("plans_listed")
    QApplication.quit()


def configure_application(app: QApplication) -> None:
    """Name, icon and desktop entry. No display name: the platform would append it to every
    window title, and the main window's title already names the app (红途 — …)."""
    app.setApplicationName("hongtu")
    app.setDesktopFileName("io.github.hongtu.HongTu")
    app.setWindowIcon(QIcon(str(paths.resource_path("icons", "hongtu.svg"))))


def bring_forward(window: QWidget) -> None:
    """A second launch asked for this window: un-minimise it, raise it and give it focus."""
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


def run_gui(
    db: str | None, lang: str, settings: Settings | None = None, page: EarlyPage | None = None
) -> int:
    """``settings``: as already read by the command line (None: the window reads them).
    ``page``: the map page, already loading (``hongtu.qt.early_page``); None: made here."""
    from hongtu.core.storage.files import resolve_url

    prepare_environment()
    configure_logging()
    app = application()
    instance = SingleInstance(instance_key(resolve_url(db)), app)
    if not instance.claim():  # another window has this database open: it comes forward
        log.info("the database is open in another window; asked it to come forward")
        if page is not None:
            page.close()
        return 0
    remove_leftovers(db)  # only the window that owns the database may sweep beside it
    configure_application(app)
    install_translators(app, lang)
    install_excepthook()
    view = page.take_view() if page is not None else None
    window = MainWindow(defer_tools=True, settings=settings, map_view=view)
    probe = bool(os.environ.get("HONGTU_PROBE_T0"))
    controller = Controller(window, db, probe, freeze_heap=True)
    controller.page_loading = view is not None
    if page is not None:
        controller.markers_read_ahead = page.markers
    if probe:  # connected first: "map ready" is when the markers are drawn, nothing later

        def map_ready(_count: int) -> None:
            controller.probe("map_ready")
            app.quit()

        window.sites_shown_on_map.connect(map_ready)
    window.show()
    controller.probe("window_shown")
    controller.start_in_background()
    # The plans list alone, then the plan editor and site tools, are built once the first
    # markers are on the map: building them while the page loads would hold up the page.
    instance.activated.connect(lambda: bring_forward(window))
    if probe and os.environ.get("HONGTU_PROBE_UNTIL") == "plans":
        window.sites_shown_on_map.disconnect(map_ready)
        controller.plans_listed.connect(lambda: _probe_plans_listed(controller))
    code = app.exec()
    instance.release()
    delete_now(window)  # its map page goes before the web profile Qt releases at exit
    controller.close_workspace()
    return code
