"""What a desktop's window manager does about activation, for the offscreen platform.

The offscreen platform plugin, which the tests run on, has no window manager. It makes every
window it shows the focus window (popups too) and does nothing when that window goes:

- a completer's list shown and hidden again within one turn of the event loop (a name typed and
  Enter pressed at once) became the focus window after it had gone, and Qt took the hidden list
  for the active window: the main window lost activation, a click into a field no longer gave it
  the keyboard focus, and the time typed into 集合时间 and left with Tab was never taken;
- a dialog closed (a progress dialog shown because the machine was slow, say) stayed the focus
  window, hidden, with the same effect.

On a real desktop the window manager never gives a popup the focus and, when the active window
closes, activates the window it belonged to. ``WindowManager`` does the same here: a focus window
that is hidden, or is gone, hands activation to the window it belonged to or else to the last
active window still shown. Nothing else of the platform's behaviour changes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QGuiApplication, QWindow
from shiboken6 import isValid


def _takes_focus(window: QWindow) -> bool:
    """A window a window manager activates: shown, and not a popup or tooltip."""
    kind = window.type()
    return window.isVisible() and kind not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)


class WindowManager(QObject):
    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        self._app = app
        self._active: list[QWindow] = []  # the windows activated, the latest last
        self._focus: QWindow | None = None
        app.focusWindowChanged.connect(self._on_focus_window_changed)

    @Slot(QWindow)
    def _on_focus_window_changed(self, window: QWindow | None) -> None:
        self._stop_watching()
        if window is None:
            self._activate_another(None)
            return
        if not window.isVisible():  # shown and hidden before the platform's word arrived
            self._activate_another(window)
            return
        if _takes_focus(window):
            self._active = [w for w in self._active if isValid(w) and w is not window]
            self._active.append(window)
        self._focus = window
        window.visibleChanged.connect(self._on_focus_window_visible_changed)

    @Slot(bool)
    def _on_focus_window_visible_changed(self, visible: bool) -> None:
        window = self._focus
        if visible or window is None or self._app.focusWindow() is not window:
            return
        self._stop_watching()
        self._activate_another(window)

    def _stop_watching(self) -> None:
        if self._focus is not None and isValid(self._focus):
            self._focus.visibleChanged.disconnect(self._on_focus_window_visible_changed)
        self._focus = None

    def _activate_another(self, gone: QWindow | None) -> None:
        """The window ``gone`` belonged to if it is shown, else the last active one still shown."""
        candidates = [w for w in self._active if isValid(w)]
        self._active = candidates
        if gone is not None:
            parent = gone.transientParent()
            if parent is not None:
                candidates = [*candidates, parent]
        for window in reversed(candidates):
            if window is not gone and _takes_focus(window):
                window.requestActivate()
                return
