"""The main window's shortcuts work while the cursor is in a text box.

A text box claims some Ctrl keys for itself before the window's menus see them: on Linux a line
edit takes Ctrl+E to the end of the line, so 导出 (Ctrl+E) did nothing right after the organiser
typed the theme or a stop. Here the window's enabled actions win over such keys — but never over
the text's own editing keys (undo, redo, cut, copy, paste, select all, delete), which stay with
the text box. The focused text box is watched (one at a time), not the whole application.
"""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

TEXT_BOXES = (QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit)
#: Keys a text box keeps even when the window has an action on them.
TEXT_EDITING_KEYS = (
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.SelectAll,
    QKeySequence.StandardKey.Delete,
    QKeySequence.StandardKey.Backspace,
)
COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class WindowShortcuts(QObject):
    """Installed once by the main window (``window``)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self._watched: QWidget | None = None
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._on_focus_changed)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._watched is not None:
            with suppress(RuntimeError):  # the box may be gone already
                self._watched.removeEventFilter(self)
            self._watched = None
        if isinstance(new, TEXT_BOXES) and new.window() is self.window:
            new.installEventFilter(self)
            self._watched = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.modifiers() & COMMAND_MODIFIERS
            and self._is_window_shortcut(event)
        ):
            event.ignore()  # not the text box's: the shortcut goes to the window's action
            return True
        return super().eventFilter(watched, event)

    def _is_window_shortcut(self, event: QKeyEvent) -> bool:
        if any(event.matches(key) for key in TEXT_EDITING_KEYS):
            return False
        pressed = QKeySequence(event.keyCombination())
        exact = QKeySequence.SequenceMatch.ExactMatch
        return any(
            action.isEnabled() and shortcut.matches(pressed) == exact
            for action in self.window.findChildren(QAction)
            for shortcut in action.shortcuts()
        )
