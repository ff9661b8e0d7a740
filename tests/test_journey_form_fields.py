"""Journey: a first-time secretary fills in 基本信息 in the 1366×768 window — scrolling the form
with the wheel changes nothing, a time is typed as people type it, and the day's times are
checked against what the branch said (gathering hour, lunch, back by)."""

from __future__ import annotations

from datetime import time
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from hongtu.qt.plan_editor import PlanEditor
from journey_helpers import TIMEOUT, click, journey_window, wheel

pytestmark = [pytest.mark.gui, pytest.mark.webengine]


def new_plan(qtbot: Any, window: Any) -> PlanEditor:
    ui = window.plan_ui
    with qtbot.waitSignal(ui.session.plan_changed, timeout=TIMEOUT):
        ui.plan_list.create_plan()
    editor: PlanEditor = ui.editor
    bar = editor.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())  # 基本信息
    qtbot.waitUntil(lambda: editor.gathering_time.isVisible(), timeout=TIMEOUT)
    return editor


def info_scroller(editor: PlanEditor) -> QScrollArea:
    scroller = editor.tabs.widget(1)
    assert isinstance(scroller, QScrollArea)
    return scroller


def test_the_wheel_scrolls_basic_info_and_changes_no_field_it_passes_over(qtbot, tmp_path) -> None:
    with journey_window(qtbot, str(tmp_path / "a.sqlite3")) as (window, _controller):
        editor = new_plan(qtbot, window)
        window.resize(1366, 600)  # a short laptop screen: the form scrolls
        scroller = info_scroller(editor)
        qtbot.waitUntil(lambda: scroller.verticalScrollBar().maximum() > 0, timeout=TIMEOUT)
        session = window.plan_ui.session
        before = session.plan
        click(qtbot, editor.branch)  # the cursor is in 党支部, not in the fields wheeled over
        bar = scroller.verticalScrollBar()
        for field in (
            editor.date,
            editor.participants,
            editor.transport,
            editor.gathering.kind,
            editor.gathering_time,
            editor.status,
        ):
            bar.setValue(bar.maximum())
            wheel(field, 2)  # up: the form scrolls back towards its top
            assert bar.value() < bar.maximum(), type(field).__name__
            wheel(field, -4)
            QApplication.processEvents()
        plan = session.plan
        assert plan is not None and before is not None
        assert plan == before and plan.gathering_time == time(8, 0)
        assert editor.date.date() == QDate(plan.date) and editor.gathering.kind.currentIndex() == 0
        assert editor.gathering_time.time().toString("HH:mm") == "08:00"
        # a field clicked into takes the wheel as before
        click(qtbot, editor.participants)
        wheel(editor.participants, 1)
        qtbot.waitUntil(lambda: session.plan.participants == before.participants + 1)
