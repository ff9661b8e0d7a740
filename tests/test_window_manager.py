"""The tests' stand-in for a window manager (window_manager.py) keeps activation where a desktop
keeps it, so a click into a field gives it the keyboard focus as it does for the organiser."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout, QWidget

from journey_helpers import TIMEOUT, click

pytestmark = pytest.mark.gui


def _window_with_two_fields(qtbot):  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    typed, other = QLineEdit(window), QLineEdit(window)
    layout.addWidget(typed)
    layout.addWidget(other)
    window.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=TIMEOUT)
    return window, typed, other


def test_a_dialog_closed_gives_activation_back_to_its_window(qtbot) -> None:
    window, _typed, other = _window_with_two_fields(qtbot)
    dialog = QDialog(window)
    dialog.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=TIMEOUT)
    dialog.hide()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=TIMEOUT)
    click(qtbot, other)
    assert other.hasFocus()


def test_a_window_shown_as_another_closes_is_the_active_one(qtbot) -> None:
    """成员名单 closed and 记录活动's dialog opened at once: the newest window is active."""
    window, _typed, _other = _window_with_two_fields(qtbot)
    first, second = QDialog(window), QDialog(window)
    second.setModal(True)
    first.show()  # shown and closed before the platform's word for it came
    first.hide()
    second.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is second, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: QApplication.focusWindow() is second.windowHandle(), timeout=TIMEOUT)
    QApplication.processEvents()  # nothing still on its way takes it back
    assert QApplication.activeWindow() is second
