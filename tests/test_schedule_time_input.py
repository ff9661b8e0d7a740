"""Typing a start time into the schedule table, through the table's own editor, as a person does.

``0930``, ``9:30``, ``9：30``, ``09:30``, an input method's ``０９：３０`` and ``9点30`` set the
stop's start; forms that are not a time are refused in words and change nothing; an emptied cell
gives the computed time back.
"""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from hongtu.core.geo import LatLon
from hongtu.core.plans import CustomPlace, GatheringPoint, ItemKind
from hongtu.qt.plan_models import ScheduleColumn
from hongtu.qt.plan_schedule import PlanSchedulePanel
from hongtu.qt.plan_session import PlanSession

pytestmark = pytest.mark.gui

GATE = GatheringPoint(custom=CustomPlace("单位大门", LatLon(37.8706, 112.5489)))


@pytest.fixture
def panel(qtbot, workspace) -> PlanSchedulePanel:
    session = PlanSession(today=lambda: date(2025, 10, 1))
    session.attach(workspace.plans, workspace.sites.list_sites())
    widget = PlanSchedulePanel(session)  # follows the session from here on
    session.create("学习红色历史", date(2025, 10, 15))
    session.set_gathering(GATE)
    site = next(s.id for s in session.sites.values() if "太原解放纪念馆" in s.name)
    session.add_site_stop(site)
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    widget.activateWindow()
    qtbot.waitActive(widget)
    return widget


def visit_row(panel: PlanSchedulePanel) -> int:
    items = panel.session.schedule.items
    return next(i for i, item in enumerate(items) if item.kind is ItemKind.VISIT)


def visit_start(panel: PlanSchedulePanel) -> tuple[time, bool]:
    item = panel.session.schedule.items[visit_row(panel)]
    return item.start, item.overridden


def type_into_time_cell(qtbot, panel: PlanSchedulePanel, text: str) -> None:
    table = panel.table
    index = table.model().index(visit_row(panel), ScheduleColumn.TIME)
    table.setCurrentIndex(index)
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_F2)  # the table's own edit key opens its editor
    assert table.state() is QAbstractItemView.State.EditingState
    editors = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1  # the delegate's editor in the cell
    editor = editors[0]
    editor.selectAll()
    if not text:
        QTest.keyClick(editor, Qt.Key.Key_Delete)
    for char in text:
        if char.isascii():
            QTest.keyClicks(editor, char)
        else:  # "：" or "９" come from an input method, as a committed string
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(editor, event)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() is QAbstractItemView.State.NoState)


@pytest.mark.parametrize(
    "typed", ["0930", "9:30", "9：30", "09:30", " 9:30 ", "９:３０", "０９：３０", "9点30", "9点半"]
)
def test_a_typed_start_time_sets_the_stop(qtbot, panel, typed: str) -> None:
    type_into_time_cell(qtbot, panel, typed)
    assert visit_start(panel) == (time(9, 30), True)
    index = panel.table.model().index(visit_row(panel), ScheduleColumn.TIME)
    assert "09:30" in index.data()


@pytest.mark.parametrize("typed", ["25:00", "9.30", "930a", "abc", "12:60", "-1:00", "九点"])
def test_a_form_that_is_not_a_time_changes_nothing(qtbot, panel, typed: str) -> None:
    before = visit_start(panel)
    plan_before = panel.session.plan
    said: list[str] = []
    panel.schedule_model.refused.connect(said.append)
    type_into_time_cell(qtbot, panel, typed)
    assert visit_start(panel) == before and before[1] is False
    assert panel.session.plan == plan_before
    assert len(said) == 1 and f"“{typed.strip()}”不是一个时间" in said[0]


def test_emptying_the_cell_gives_the_computed_time_back(qtbot, panel) -> None:
    computed, _ = visit_start(panel)
    type_into_time_cell(qtbot, panel, "1100")
    assert visit_start(panel) == (time(11, 0), True)
    type_into_time_cell(qtbot, panel, "")
    assert visit_start(panel) == (computed, False)
