"""Typed text that is saved as it is typed: debounced, and flushed on focus-out and on request.

``DebouncedText`` watches one ``QLineEdit`` or ``QPlainTextEdit``. Each keystroke restarts a
short timer; when it fires, when the field loses focus, or when ``flush`` is called (another plan
opened, undo, the window closing), the text is handed to ``commit``. A steady typist never pauses
that long, so the first unsaved keystroke also starts a timer that is not restarted: what is on
screen is handed over within ``MAX_UNSAVED_MS`` however fast the typing goes on. A plan change
arriving from elsewhere (undo) replaces the text only while nothing typed is pending, so typing
is never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

DEBOUNCE_MS = 400  # ≤ 500 ms: what is on screen for a second is on disk
MAX_UNSAVED_MS = 600  # … also while typing goes on without a pause (saving takes a moment too)


class DebouncedText(QObject):
    def __init__(
        self,
        widget: QLineEdit | QPlainTextEdit,
        commit: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or widget)
        self.widget = widget
        self._commit = commit
        self._pending = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.flush)
        self.longest_wait = QTimer(self)  # started by the first unsaved keystroke, never restarted
        self.longest_wait.setSingleShot(True)
        self.longest_wait.setInterval(MAX_UNSAVED_MS)
        self.longest_wait.timeout.connect(self.flush)
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._on_widget_edited)
            widget.editingFinished.connect(self.flush)
        else:
            widget.textChanged.connect(self._on_widget_edited)
            widget.installEventFilter(self)

    @property
    def pending(self) -> bool:
        return self._pending

    def text(self) -> str:
        if isinstance(self.widget, QLineEdit):
            return self.widget.text()
        return self.widget.toPlainText()

    def show_value(self, value: str) -> None:
        """Show the saved value unless the organiser is in the middle of typing."""
        if self._pending or self.text() == value:
            return
        self.widget.blockSignals(True)
        if isinstance(self.widget, QLineEdit):
            self.widget.setText(value)
            self.widget.setCursorPosition(0)  # a long title shows its beginning, not its end
        else:
            self.widget.setPlainText(value)
        self.widget.blockSignals(False)

    def flush(self) -> None:
        self.timer.stop()
        self.longest_wait.stop()
        if not self._pending:
            return
        self._pending = False
        self._commit(self.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.widget and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return False

    def _on_widget_edited(self, *_args: object) -> None:
        self._pending = True
        self.timer.start()
        if not self.longest_wait.isActive():
            self.longest_wait.start()
