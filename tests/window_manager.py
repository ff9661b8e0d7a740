"""What a desktop's window manager does about activation, for the offscreen platform.

The offscreen platform plugin, which the tests run on, has no window manager. It makes every
window it shows the focus window (popups too) and does nothing when that window goes:

- a completer's list shown and hidden again within one turn of the event loop (a stop typed and
  Enter pressed at once, as journeys type) became the focus window after it had gone: the
  keyboard focus moved to the box the list completes (its focus proxy), wherever the organiser
  had clicked since, and Qt took the hidden list for the active window. In the full suite, a
  time typed into 集合时间 and left with Tab was then never taken (test_past_midnight, CI);
- a dialog closed (a progress dialog shown because the machine was slow, say) stayed the focus
  window, hidden, with the main window no longer active.

On a real desktop the window manager never gives a popup the focus and, when the active window
closes, activates the one below. ``WindowManager`` does the same here: when the focus window is
hidden or gone, the last active window still shown is activated at once, with the keyboard focus
where it was in it — unless a window shown since is on its way to being activated (the
platform's word for it still to come), which then wins as the newest window does on a desktop.
Nothing else of the platform's behaviour changes.
"""

from __future__ import annotations

import warnings

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid


def _takes_focus(window: QWindow) -> bool:
    """A window a window manager activates: shown, and not a popup or tooltip."""
    kind = window.type()
    return window.isVisible() and kind not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)


class WindowManager(QObject):
    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        self._app = app
        # the windows shown and activated, the latest last (a window manager's stacking order)
        self._stack: list[QWindow] = []
        self._watched: list[QWindow] = []  # whose showing and hiding is followed
        # where the keyboard focus was in each window while it was active and shown
        self._focus_in: list[tuple[QWindow, QWidget]] = []
        app.focusChanged.connect(self._on_focus_changed)
        app.focusWindowChanged.connect(self._on_focus_window_changed)

    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        window = self._app.focusWindow()
        if new is None or window is None or not _takes_focus(window):
            return  # a move made for a popup or a hidden window: not the organiser's
        self._focus_in = [
            (w, f) for w, f in self._focus_in if isValid(w) and isValid(f) and w is not window
        ]
        self._focus_in.append((window, new))

    @Slot(QWindow)
    def _on_focus_window_changed(self, window: QWindow | None) -> None:
        if window is None or not window.isVisible():  # gone, or hidden before the word came
            self._activate_top()
            return
        self._watch(window)
        if _takes_focus(window):
            self._stack = [w for w in self._stack if isValid(w) and w is not window]
            self._stack.append(window)

    def _watch(self, window: QWindow) -> None:
        self._watched = [w for w in self._watched if isValid(w)]
        if not any(w is window for w in self._watched):
            self._watched.append(window)
            window.visibleChanged.connect(self._on_visible_changed)

    @Slot(bool)
    def _on_visible_changed(self, visible: bool) -> None:
        window = self.sender()
        # shown again, it is activated again when the platform says so (until then it counts
        # as a window on its way up); hidden, it is out of the order
        self._stack = [w for w in self._stack if isValid(w) and w is not window]
        if not visible and self._app.focusWindow() is window:
            self._activate_top()

    def _activate_top(self) -> None:
        """The last activated window still shown, unless a window shown since is on its way to
        being activated (its word from the platform still to come): that one then wins."""
        self._stack = [w for w in self._stack if isValid(w) and _takes_focus(w)]
        if any(_takes_focus(w) and w not in self._stack for w in self._app.topLevelWindows()):
            return
        if not self._stack:
            return
        top = self._stack[-1]
        _activate(top)
        # a hidden list's late activation moved the keyboard focus to the field it completes
        # (its focus proxy): back to where the organiser had put it
        focus = next((f for w, f in self._focus_in if w is top and isValid(f)), None)
        active = QApplication.activeWindow()
        if focus is not None and focus.isVisible() and focus.window() is active:
            focus.setFocus(Qt.FocusReason.ActiveWindowFocusReason)


def _activate(window: QWindow) -> None:
    """What the window manager's word does, at once: the word itself (``requestActivate``) comes
    a turn later, and keys typed meanwhile, in one go as a journey types them, would go nowhere."""
    widget = next((w for w in QApplication.topLevelWidgets() if w.windowHandle() is window), None)
    if widget is not None:
        with warnings.catch_warnings():  # deprecated for programs: a window manager's own call
            warnings.simplefilter("ignore", DeprecationWarning)
            QApplication.setActiveWindow(widget)
    window.requestActivate()


def qt_focus_state() -> str:
    """Where Qt has the activation and the keyboard focus, and which windows are shown ("" when
    no application was made)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return ""

    def name(obj: QObject | None) -> str:
        if obj is None:
            return "none"
        return f"{type(obj).__name__}({obj.objectName()!r})"

    lines = [
        f"active window: {name(QApplication.activeWindow())}",
        f"focus window: {name(QApplication.focusWindow())}",
        f"focus widget: {name(QApplication.focusWidget())}",
        f"popup: {name(QApplication.activePopupWidget())}",
        f"modal: {name(QApplication.activeModalWidget())}",
    ]
    lines += [f"shown: {name(w)}" for w in QApplication.topLevelWidgets() if w.isVisible()]
    return "\n".join(lines)
