"""The tests' stand-in for a window manager (window_manager.py) keeps activation where a desktop
keeps it, so a click into a field gives it the keyboard focus as it does for the organiser."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCompleter, QDialog, QLineEdit, QVBoxLayout, QWidget

from journey_helpers import TIMEOUT, click, ime_type

pytestmark = pytest.mark.gui


def _window_with_two_fields(qtbot):  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    typed, other = QLineEdit(window), QLineEdit(window)
    layout.addWidget(typed)
    layout.addWidget(other)
    typed.setCompleter(QCompleter(["高君宇故居", "高平"], typed))
    window.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=TIMEOUT)
    return window, typed, other


def test_a_completer_list_shown_and_gone_at_once_leaves_the_focus_where_it_was_put(qtbot) -> None:
    """As a journey types a stop and Enter, then clicks into the next field: the platform's
    late word that the list was activated must not take the window's activation, nor move the
    keyboard focus to the field the list completes."""
    window, typed, other = _window_with_two_fields(qtbot)
    ime_type(typed, "高")  # the list opens…
    assert typed.completer().popup().isVisible()
    QTest.keyClick(typed.completer().popup(), Qt.Key.Key_Escape)  # …and closes in the same turn
    click(qtbot, other)
    assert other.hasFocus()
    QApplication.processEvents()  # the platform's word that the list had the focus arrives
    qtbot.waitUntil(lambda: QApplication.focusWindow() is window.windowHandle(), timeout=TIMEOUT)
    assert QApplication.activeWindow() is window and other.hasFocus()
    QTest.keyClicks(other, "8")
    assert other.text() == "8" and typed.text() == "高"


def test_a_dialog_closed_gives_activation_back_to_its_window(qtbot) -> None:
    window, _typed, other = _window_with_two_fields(qtbot)
    dialog = QDialog(window)
    dialog.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=TIMEOUT)
    dialog.hide()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=TIMEOUT)
    click(qtbot, other)
    assert other.hasFocus()
