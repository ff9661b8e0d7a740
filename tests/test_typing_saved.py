"""What is typed reaches the plan within a second even while the organiser keeps typing.

``DebouncedText`` waits for a pause before it saves; a steady typist (a key every 150 ms, faster
than the pause) must not keep everything on screen only until they stop: a kill -9 meanwhile
would lose all of it. Nothing typed stays unsaved for more than a second.
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from hongtu.qt.plan_fields import DebouncedText

KEY_EVERY_MS = 150
TEXT = "学习红色历史传承红色基因缅怀革命先烈重温入党誓词"


@pytest.mark.gui
@pytest.mark.parametrize("kind", [QLineEdit, QPlainTextEdit])
def test_steady_typing_is_saved_within_a_second(qtbot, kind) -> None:
    field = kind()
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    saved: list[tuple[float, str]] = []
    debounced = DebouncedText(field, lambda text: saved.append((time.monotonic(), text)))
    typed: list[float] = []  # when each character appeared on screen

    def key() -> None:
        if len(typed) == len(TEXT):
            ticker.stop()
            return
        for kind_of_event in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind_of_event, 0, Qt.KeyboardModifier.NoModifier, TEXT[len(typed)])
            QApplication.sendEvent(field, event)
        typed.append(time.monotonic())

    ticker = QTimer()
    ticker.timeout.connect(key)
    ticker.start(KEY_EVERY_MS)
    qtbot.waitUntil(lambda: not ticker.isActive(), timeout=30_000)
    qtbot.waitUntil(lambda: not debounced.pending, timeout=5_000)

    assert saved and saved[-1][1] == TEXT
    for index, shown_at in enumerate(typed):  # each character: saved within a second
        first_save = next(at for at, text in saved if len(text) > index)
        assert first_save - shown_at < 1.0, (index, first_save - shown_at)
