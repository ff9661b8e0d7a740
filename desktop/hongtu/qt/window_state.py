"""The window as the organiser left it: geometry, pane sizes, open tabs and the last open plan.

Kept with ``QSettings`` in an INI file beside ``settings.json`` (``config_dir()/window.ini``), so
``HONGTU_HOME`` moves it with every other user file. Reading never fails: a missing or damaged
value is simply not restored. The first window (nothing saved yet) is sized to fit the screen's
available area, so no part of it starts off-screen on a 1366×768 laptop.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize, QStandardPaths
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget, QWidget

from hongtu.core import paths

STATE_FILE = "window.ini"
PREFERRED_SIZE = QSize(1280, 800)
SCREEN_MARGIN = 16  # leave a little of the desktop visible around a first window
DIALOG_FRAME = QSize(40, 60)  # room around a dialog for its window frame and title bar
SIDE_PANES = (330, 420)  # 站点 | 方案 and 站点详情 | 当前方案, when the window has the room
MIDDLE_SHARE = 0.4  # of a narrower window, the map and the 日程 under it keep this much


def state_settings() -> QSettings:
    return QSettings(str(paths.config_dir() / STATE_FILE), QSettings.Format.IniFormat)


def screen_of(widget: QWidget) -> QScreen | None:
    """The screen ``widget``'s window is on (by its centre; else the primary one), found
    without ``widget.screen()``: PySide makes the one wrapper of a QScreen the child of
    whichever widget last asked it that way (its return-value rule for a QObject with no
    parent), and a dialog Qt deleted with that child was followed by HongTu crashing in QScreen
    code (``QScreen::virtualSiblings`` as the next dialog was made; ``saveGeometry`` as the
    window closed after three 导出 dialogs). ``QGuiApplication.screenAt`` gives it no parent."""
    centre = placed_window(widget).geometry().center()
    return QGuiApplication.screenAt(centre) or QGuiApplication.primaryScreen()


def placed_window(widget: QWidget) -> QWidget:
    """``widget``'s window, or, while it is not shown yet (a dialog sizing itself as it is
    built), the nearest window above it that is: the dialog opens over that one, on its
    screen, not where a window not yet shown happens to say it is."""
    window = widget.window()
    while not window.isVisible() and (parent := window.parentWidget()) is not None:
        window = parent.window()
    return window


def available_area(widget: QWidget) -> QRect:
    screen = screen_of(widget)
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def fit_to_screen(widget: QWidget, preferred: QSize) -> None:
    """Size a dialog or tool window to ``preferred``, shrunk to the screen's available area
    less room for its frame and title bar (a 1280×720 laptop has ~650 px under them)."""
    area = available_area(widget)
    widget.resize(
        min(preferred.width(), area.width() - DIALOG_FRAME.width()),
        min(preferred.height(), area.height() - DIALOG_FRAME.height()),
    )


def keep_on_screen(widget: QWidget) -> None:
    """Move a window that grew past the screen's bottom or right edge back onto it (its frame
    and title bar included), as far as its size allows: its top stays on the screen."""
    area = available_area(widget)
    frame = widget.frameGeometry()
    x = max(area.left(), min(frame.left(), area.right() + 1 - frame.width()))
    y = max(area.top(), min(frame.top(), area.bottom() + 1 - frame.height()))
    if (x, y) != (frame.left(), frame.top()):
        widget.move(x, y)


def first_window_size(area: QRect) -> QSize:
    """The preferred size, shrunk to the available area less a margin."""
    return QSize(
        min(PREFERRED_SIZE.width(), area.width() - 2 * SCREEN_MARGIN),
        min(PREFERRED_SIZE.height(), area.height() - 2 * SCREEN_MARGIN),
    )


def pane_widths(room: int, least: tuple[int, int], wanted: tuple[int, int]) -> list[int]:
    """The main window's left, middle and right panes in ``room`` pixels: the side panes as
    wide as ``wanted`` while the middle keeps ``MIDDLE_SHARE``; in a narrower window they give
    way first, down to ``least`` (what their own controls need). A side pane dragged shut
    stays shut."""
    left, right = wanted
    sides = max(room - round(room * MIDDLE_SHARE), 0)
    if left + right > sides:
        left, right = left * sides // (left + right), right * sides // (left + right)
    left = max(left, least[0]) if wanted[0] else 0
    right = max(right, least[1]) if wanted[1] else 0
    return [left, max(room - left - right, 0), right]


def fit_first_window(window: QMainWindow) -> None:
    area = available_area(window)
    size = first_window_size(area)
    window.resize(size)
    window.move(
        area.x() + (area.width() - size.width()) // 2,
        area.y() + (area.height() - size.height()) // 2,
    )


def _bytes(value: object) -> QByteArray | None:
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, bytes | bytearray) and value:
        return QByteArray(bytes(value))
    return None


def _int(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    try:
        return int(value)
    except ValueError:
        return None


def restore_geometry(window: QMainWindow) -> bool:
    """The saved geometry, when there is one and it is on a screen now; else a fitting size."""
    geometry = _bytes(state_settings().value("window/geometry"))
    if geometry is not None and window.restoreGeometry(geometry):
        area = available_area(window)
        if area.intersects(window.frameGeometry()):
            if window.width() > area.width() or window.height() > area.height():
                fit_first_window(window)
            return True
    fit_first_window(window)
    return False


def save_geometry(window: QMainWindow) -> None:
    settings = state_settings()
    settings.setValue("window/geometry", window.saveGeometry())
    settings.sync()


def restore_splitter(name: str, splitter: QSplitter) -> bool:
    state = _bytes(state_settings().value(f"splitters/{name}"))
    return state is not None and splitter.restoreState(state)


def save_splitters(splitters: dict[str, QSplitter]) -> None:
    settings = state_settings()
    for name, splitter in splitters.items():
        settings.setValue(f"splitters/{name}", splitter.saveState())
    settings.sync()


def restore_tab(name: str, tabs: QTabWidget) -> None:
    index = _int(state_settings().value(f"tabs/{name}"))
    if index is not None and 0 <= index < tabs.count():
        tabs.setCurrentIndex(index)


def save_tabs(tabs: dict[str, QTabWidget]) -> None:
    settings = state_settings()
    for name, widget in tabs.items():
        settings.setValue(f"tabs/{name}", widget.currentIndex())
    settings.sync()


def last_plan_id() -> int | None:
    return _int(state_settings().value("plans/last_open"))


def save_last_plan_id(plan_id: int | None) -> None:
    settings = state_settings()
    if plan_id is None:
        settings.remove("plans/last_open")
    else:
        settings.setValue("plans/last_open", plan_id)
    settings.sync()


def documents_folder() -> Path:
    """Where a file dialog opens: the user's Documents folder when it exists, else home (a file
    dialog given a missing folder opens elsewhere with its name typed in as a file name)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()
