"""Journey: an organiser plans from the keyboard alone in the 1366×768 main window — Tab and
Shift+Tab go from part to part (arrows move inside the tables), and the window's shortcuts work
wherever the cursor is."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from journey_helpers import TIMEOUT, journey_window

pytestmark = [pytest.mark.gui, pytest.mark.webengine]

MOST_TABS = 40  # more than every part of the window has stops, less than a table's cells


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def tab_until(target: QWidget, key: Qt.Key = Qt.Key.Key_Tab) -> list[QWidget]:
    """Press Tab (or Shift+Tab) as a person does until ``target`` has the keys; the widgets
    passed on the way (the test fails if it never comes)."""
    passed: list[QWidget] = []
    for _ in range(MOST_TABS):
        widget = focused()
        assert widget is not None
        if widget is target:
            return passed
        passed.append(widget)
        QTest.keyClick(widget, key)
    raise AssertionError(
        f"{key.name} never reached {type(target).__name__}: "
        + ", ".join(type(w).__name__ for w in passed[-12:])
    )


def ready_window(qtbot: Any, window: Any) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)


def plan_with_stops(qtbot: Any, window: Any) -> None:
    ui = window.plan_ui
    with qtbot.waitSignal(ui.session.plan_changed, timeout=TIMEOUT):
        ui.plan_list.create_plan()
    for site in [s for s in window.site_model.sites() if s.position is not None][:3]:
        ui.add_site(site.id)


def test_tab_goes_from_the_site_list_to_the_plan_and_back_and_arrows_stay_in_tables(
    qtbot, tmp_path
) -> None:
    with journey_window(qtbot, str(tmp_path / "a.sqlite3")) as (window, _controller):
        ready_window(qtbot, window)
        plan_with_stops(qtbot, window)
        editor, sites = window.plan_ui.editor, window.site_list
        sites.search.setFocus()
        passed = tab_until(editor.title)
        assert sites.table in passed and window.plan_ui.add_site_button in passed
        passed = tab_until(editor.stop_search)
        assert editor.tabs.tabBar() in passed  # 行程安排 | 基本信息 on the way
        tab_until(editor.stops_view)
        # in the stops table the arrows move between stops; Tab goes on to its buttons
        editor.select_stop(window.plan_ui.session.plan.stops[0].id)
        QTest.keyClick(editor.stops_view, Qt.Key.Key_Down)
        assert editor.stops_view.currentIndex().row() == 1 and focused() is editor.stops_view
        QTest.keyClick(editor.stops_view, Qt.Key.Key_Tab)
        assert focused() is not editor.stops_view
        schedule = window.plan_ui.schedule.table
        tab_until(schedule)
        QTest.keyClick(schedule, Qt.Key.Key_Tab)
        assert focused() is not schedule
        tab_until(sites.search)  # round the window to where it began
        # and back again: Shift+Tab from the plan's title goes back through the site list
        editor.title.setFocus()
        passed = tab_until(sites.search, Qt.Key.Key_Backtab)
        assert sites.table in passed
        # from the 方案 list too
        window.plan_ui.left_tabs.setCurrentWidget(window.plan_ui.plan_list)
        window.plan_ui.plan_list.table.setFocus()
        tab_until(editor.title)


def test_ctrl_n_and_the_new_button_open_the_new_plan_with_its_title_ready_to_type_over(
    qtbot, tmp_path
) -> None:
    from hongtu.core.plan_edits import NEW_PLAN_TITLE

    with journey_window(qtbot, str(tmp_path / "a.sqlite3")) as (window, _controller):
        ready_window(qtbot, window)
        ui = window.plan_ui
        window.site_list.search.setFocus()
        with qtbot.waitSignal(ui.session.plan_changed, timeout=TIMEOUT):
            QTest.keyClick(
                window.site_list.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
            )
        title = ui.editor.title
        assert focused() is title and title.selectedText() == NEW_PLAN_TITLE
        QTest.keyClicks(title, "Dang ri")
        assert title.text() == "Dang ri"
        # the 新建方案 button in the 方案 list does the same
        ui.left_tabs.setCurrentWidget(ui.plan_list)
        with qtbot.waitSignal(ui.session.plan_changed, timeout=TIMEOUT):
            QTest.mouseClick(ui.plan_list.new_button, Qt.MouseButton.LeftButton)
        assert focused() is title and title.selectedText() == NEW_PLAN_TITLE


class LinuxEndOfLine(QObject):
    """A text box's claim on Ctrl+E as Qt makes it on Linux (X11 key bindings: to the end of
    the line); the test screen uses Windows key bindings, where the box does not claim it."""

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_E
            and event.modifiers() == Qt.KeyboardModifier.ControlModifier
        ):
            event.accept()  # the box wants the key: the window's shortcut does not fire
            return True
        return False


def test_ctrl_e_exports_while_typing_in_a_text_box_and_the_text_keeps_its_own_keys(
    qtbot, tmp_path
) -> None:
    """On Linux a line edit takes Ctrl+E to the end of the line: 导出 did nothing right after
    the organiser typed the theme or a stop."""
    from PySide6.QtCore import QTimer

    linux = LinuxEndOfLine()

    with journey_window(qtbot, str(tmp_path / "a.sqlite3")) as (window, _controller):
        ready_window(qtbot, window)
        plan_with_stops(qtbot, window)
        editor = window.plan_ui.editor
        boxes = (editor.title, editor.stop_search, editor.branch)
        for box in boxes:
            box.installEventFilter(linux)  # before the box ever has the keys, as its own code is
        opened: list[str] = []
        looked: list[bool] = []

        def close_it() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is not None:
                opened.append(dialog.windowTitle())
                dialog.close()
            looked.append(True)

        for box in boxes:
            ready_window(qtbot, window)  # again, once the last dialog has closed
            editor.tabs.setCurrentIndex(1 if box is editor.branch else 0)
            box.setFocus()
            if box is not editor.stop_search:  # (typing there opens its suggestions)
                QTest.keyClicks(box, "ab")
            opened.clear()
            looked.clear()
            QTimer.singleShot(0, close_it)  # in the dialog's own loop, or after the key if none
            QTest.keyClick(box, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
            qtbot.waitUntil(lambda: bool(looked), timeout=TIMEOUT)
            assert opened, f"Ctrl+E in {box.placeholderText()} opened nothing"
            # the box's own keys stay its own: Ctrl+Z undoes the typing, not a plan edit
            stops = len(window.plan_ui.session.plan.stops)
            box.setFocus()
            box.setText("")
            QTest.keyClicks(box, "xy")
            QTest.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
            assert box.text() == "" and len(window.plan_ui.session.plan.stops) == stops
