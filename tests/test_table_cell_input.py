"""Typing into the plan's tables as a person does (F2, type, Enter): a visit's minutes, an
activity's name and minutes, a leg's minutes.

A cell that is emptied gives the default back, as its tooltip says (a number box could not be
emptied: the old value stayed); a value that cannot be taken is refused in words and changes
nothing (it was refused silently); an activity's name is never cut.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTableView

from hongtu.core.plans import Activity, ActivityKind, ItemKind
from hongtu.qt.plan_editor import PlanEditor
from hongtu.qt.plan_models import ActivityColumn, ScheduleColumn, StopColumn
from hongtu.qt.plan_schedule import PlanSchedulePanel
from hongtu.qt.plan_session import PlanSession
from test_plan_gui import type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def session(workspace) -> PlanSession:
    session = PlanSession(today=lambda: date(2025, 10, 1))
    session.attach(workspace.plans, workspace.sites.list_sites())
    return session


def two_stops(session: PlanSession) -> None:
    """A plan of two stops, made once its tables follow the session."""
    session.create("学习红色历史", date(2025, 10, 15))
    for name in ("太原解放纪念馆", "双塔革命烈士陵园"):
        session.add_site_stop(next(s.id for s in session.sites.values() if s.name == name))


@pytest.fixture
def editor(qtbot, session) -> PlanEditor:
    widget = PlanEditor(session)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    widget.activateWindow()
    qtbot.waitActive(widget)
    two_stops(session)
    return widget


def type_into_cell(qtbot, table: QTableView, row: int, column: int, text: str) -> None:
    table.setCurrentIndex(table.model().index(row, column))
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_F2)
    assert table.state() is QAbstractItemView.State.EditingState
    (cell,) = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    cell.selectAll()
    QTest.keyClick(cell, Qt.Key.Key_Delete)
    type_text(cell, text)
    QTest.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() is QAbstractItemView.State.NoState)


def said_by(model) -> list[str]:  # type: ignore[no-untyped-def]
    said: list[str] = []
    model.refused.connect(said.append)
    return said


def test_visit_minutes_typed_cleared_and_refused(qtbot, editor, session) -> None:
    stop = session.plan.stops[0].id
    said = said_by(editor.stops_model)
    type_into_cell(qtbot, editor.stops_view, 0, StopColumn.MINUTES, "45")
    assert session.plan.stops[0].visit_minutes == 45
    type_into_cell(qtbot, editor.stops_view, 0, StopColumn.MINUTES, "")  # back to the default
    assert session.plan.stops[0].visit_minutes is None
    assert "（默认）" in editor.stops_model.index(0, StopColumn.MINUTES).data()
    for typed in ("-5", "1441", "九十"):
        before = session.plan
        type_into_cell(qtbot, editor.stops_view, 0, StopColumn.MINUTES, typed)
        assert session.plan == before and session.plan.stops[0].id == stop
        assert f"现在填的是“{typed}”" in said[-1] and "清空则恢复站点默认值" in said[-1]
    assert len(said) == 3


def test_an_activity_needs_a_minute_and_a_name_that_is_not_cut(qtbot, editor, session) -> None:
    stop = session.plan.stops[0].id
    session.add_activity(stop, Activity(ActivityKind.TOUR, 30))
    editor.select_stop(stop)
    said = said_by(editor.activities_model)
    table = editor.activities_view
    type_into_cell(qtbot, table, 0, ActivityColumn.MINUTES, "０")
    assert session.plan.stops[0].activities[0].minutes == 30
    assert "活动时长应在 1–1440 分钟之间" in said[-1]
    type_into_cell(qtbot, table, 0, ActivityColumn.MINUTES, "２０")  # an input method's digits
    assert session.plan.stops[0].activities[0].minutes == 20
    long_name = "重温入党誓词并交流心得" * 20  # 220 characters
    type_into_cell(qtbot, table, 0, ActivityColumn.ACTIVITY, long_name)
    assert session.plan.stops[0].activities[0].kind is ActivityKind.TOUR  # not cut and taken
    assert "活动名称太长：最多 200 字，现在是 220 字" in said[-1]
    type_into_cell(qtbot, table, 0, ActivityColumn.ACTIVITY, "座谈交流")
    assert session.plan.stops[0].activities[0].label == "座谈交流"


def test_a_leg_typed_then_cleared_is_computed_again(qtbot, session) -> None:
    panel = PlanSchedulePanel(session)
    qtbot.addWidget(panel)
    panel.resize(900, 400)
    panel.show()
    panel.activateWindow()
    qtbot.waitActive(panel)
    two_stops(session)
    row = next(
        i
        for i, item in enumerate(session.schedule.items)
        if item.kind is ItemKind.TRAVEL and item.stop_number == 2
    )
    said = said_by(panel.schedule_model)
    type_into_cell(qtbot, panel.table, row, ScheduleColumn.MINUTES, "45")
    assert session.plan.stops[1].leg_minutes_override == 45
    type_into_cell(qtbot, panel.table, row, ScheduleColumn.MINUTES, "99999")
    assert session.plan.stops[1].leg_minutes_override == 45
    assert "清空即恢复自动计算" in said[-1]
    type_into_cell(qtbot, panel.table, row, ScheduleColumn.MINUTES, "")
    assert session.plan.stops[1].leg_minutes_override is None


def test_a_narrow_schedule_shares_its_room_between_the_item_and_the_place(qtbot, session) -> None:
    """At 1280×720 in English the schedule pane is ~430 px wide: the place column was squeezed
    to one character ("太…") while "By coach to stop 1" kept its whole width."""
    panel = PlanSchedulePanel(session)
    qtbot.addWidget(panel)
    panel.resize(430, 300)
    panel.show()
    qtbot.waitExposed(panel)
    two_stops(session)
    header = panel.table.horizontalHeader()
    item, place = header.sectionSize(ScheduleColumn.ITEM), header.sectionSize(ScheduleColumn.PLACE)
    assert place >= 60 and abs(item - place) <= 1
    row = next(i for i, it in enumerate(session.schedule.items) if it.kind is ItemKind.VISIT)
    index = panel.schedule_model.index(row, ScheduleColumn.PLACE)
    assert index.data() in index.data(Qt.ItemDataRole.ToolTipRole)  # the whole name on hover
