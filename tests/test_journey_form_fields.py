"""Journey: a first-time secretary fills in 基本信息 in the 1366×768 window — scrolling the form
with the wheel changes nothing, a time is typed as people type it, and the day's times are
checked against what the branch said (gathering hour, lunch, back by)."""

from __future__ import annotations

from datetime import time
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QScrollArea, QWidget

from hongtu.core.coords import gcj02_to_wgs84
from hongtu.core.geo import Crs, LatLon
from hongtu.core.plans import Activity, ActivityKind
from hongtu.qt.plan_editor import PlanEditor
from hongtu.qt.plan_models import ScheduleColumn
from journey_helpers import TIMEOUT, click, ime_type, journey_window, wheel

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
            editor.status,
        ):
            bar.setValue(bar.maximum())
            wheel(field, 2)  # up: the form scrolls back towards its top
            assert bar.value() < bar.maximum(), type(field).__name__
            wheel(field, -4)
            QApplication.processEvents()
        wheel(editor.gathering_time, -4)  # typed text: the wheel goes by (as over 党支部)
        plan = session.plan
        assert plan is not None and before is not None
        assert plan == before and plan.gathering_time == time(8, 0)
        assert editor.date.date() == QDate(plan.date) and editor.gathering.kind.currentIndex() == 0
        assert editor.gathering_time.text() == "08:00"
        # a field clicked into takes the wheel as before
        click(qtbot, editor.participants)
        wheel(editor.participants, 1)
        qtbot.waitUntil(lambda: session.plan.participants == before.participants + 1)


def retype_time(qtbot: Any, field: QWidget, keys: str, end: Qt.Key = Qt.Key.Key_Tab) -> None:
    """Click into the time (which selects it), type over it, and leave with ``end``."""
    click(qtbot, field)
    qtbot.waitUntil(field.hasFocus, timeout=TIMEOUT)  # the cursor is in it: Tab leaves it
    qtbot.waitUntil(lambda: field.selectedText() == field.text(), timeout=TIMEOUT)
    QTest.keyClicks(field, keys) if keys else QTest.keyClick(field, Qt.Key.Key_Delete)
    QTest.keyClick(field, end)


def test_a_gathering_time_is_typed_as_people_type_it(qtbot, tmp_path) -> None:
    with journey_window(qtbot, str(tmp_path / "a.sqlite3")) as (window, _controller):
        editor = new_plan(qtbot, window)
        session = window.plan_ui.session
        field, problem = editor.gathering_time, editor.gathering_time_problem
        session.set_plan_field("gathering_time", time(4, 0))
        assert field.text() == "04:00"
        # clicking into “04:00” and typing 0 8: eight o'clock
        retype_time(qtbot, field, "08")
        assert session.plan.gathering_time == time(8, 0) and field.text() == "08:00"
        for typed, expected in (("0730", time(7, 30)), ("800", time(8, 0)), ("9:15", time(9, 15))):
            retype_time(qtbot, field, typed)
            assert session.plan.gathering_time == expected, typed
            assert field.text() == f"{expected:%H:%M}" and problem.isHidden(), problem.text()
        # Ctrl+A, then the time and Enter
        field.setFocus()
        QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(field, "0800")
        QTest.keyClick(field, Qt.Key.Key_Return)
        assert session.plan.gathering_time == time(8, 0)
        # 7点半 through an input method (the cursor is still in the field: Ctrl+A first)
        QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        ime_type(field, "7点半")
        QTest.keyClick(field, Qt.Key.Key_Tab)
        assert session.plan.gathering_time == time(7, 30)
        # what is not a time is said, and changes nothing
        retype_time(qtbot, field, "25:00")
        assert session.plan.gathering_time == time(7, 30)
        assert problem.isVisible() and "“25:00”不是一个时间" in problem.text()
        assert "集合时间仍为 07:30" in problem.text()
        assert field.text() == "25:00"  # kept, to be corrected
        retype_time(qtbot, field, "8")
        assert session.plan.gathering_time == time(8, 0) and problem.isHidden()
        # ↑ and ↓ step five minutes
        field.setFocus()
        QTest.keyClick(field, Qt.Key.Key_Up)
        QTest.keyClick(field, Qt.Key.Key_Down)
        QTest.keyClick(field, Qt.Key.Key_Down)
        assert session.plan.gathering_time == time(7, 55) and field.text() == "07:55"


def test_a_latest_return_is_typed_and_the_day_is_checked_against_it_and_lunch(
    qtbot, tmp_path
) -> None:
    with journey_window(qtbot, str(tmp_path / "a.sqlite3")) as (window, _controller):
        editor = new_plan(qtbot, window)
        session = window.plan_ui.session
        window.plan_ui.add_site(
            next(s.id for s in window.site_model.sites() if s.name == "太原解放纪念馆")
        )
        lines = window.plan_ui.warnings.model
        assert editor.return_by.text() == "" and session.plan.return_by is None
        retype_time(qtbot, editor.return_by, "9:00")  # back by 09:00: the day ends later
        assert session.plan.return_by == time(9, 0) and editor.return_by.text() == "09:00"
        end = session.schedule.end
        late = [t for t in lines.texts() if "晚于最晚返回时间 09:00" in t]
        assert len(late) == 1 and f"{end:%H:%M}" in late[0], lines.texts()
        retype_time(qtbot, editor.return_by, "")  # cleared: no latest return
        assert session.plan.return_by is None
        assert not any("最晚返回时间" in t for t in lines.texts())
        # 午餐 added to the first stop, which the group reaches in the morning
        bar = editor.tabs.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
        box = editor.activity_choice
        click(qtbot, box)
        box.lineEdit().selectAll()
        ime_type(box.lineEdit(), "午餐")
        QTest.keyClick(box.lineEdit(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: any("午餐" in t and "不在午饭时间" in t for t in lines.texts()))


def test_double_clicking_an_activitys_minutes_in_the_day_changes_its_length(
    qtbot, tmp_path
) -> None:
    with journey_window(qtbot, str(tmp_path / "a.sqlite3")) as (window, _controller):
        ui = window.plan_ui
        with qtbot.waitSignal(ui.session.plan_changed, timeout=TIMEOUT):
            ui.plan_list.create_plan()
        ui.add_site(next(s.id for s in window.site_model.sites() if s.name == "太原解放纪念馆"))
        stop = ui.session.plan.stops[0]
        ui.session.add_activity(stop.id, Activity(ActivityKind.TOUR, 60))  # 参观学习 60 分钟
        ui.session.add_activity(stop.id, Activity(ActivityKind.OATH, 15))
        schedule, table = ui.schedule.schedule_model, ui.schedule.table
        row = next(
            r for r in range(schedule.rowCount())
            if schedule.item_at(r).activity_kind is ActivityKind.OATH
        )  # fmt: skip
        cell = schedule.index(row, ScheduleColumn.MINUTES)
        assert cell.data() == "15 分钟"
        assert "双击" in str(cell.data(Qt.ItemDataRole.ToolTipRole))

        def type_into_cell(text: str) -> None:
            table.scrollTo(cell)
            rect = table.visualRect(cell)
            qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            editors = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
            assert len(editors) == 1  # the cell is being edited
            editor = editors[0]
            editor.selectAll()
            QTest.keyClicks(editor, text)
            QTest.keyClick(editor, Qt.Key.Key_Return)

        with qtbot.waitSignal(ui.session.plan_changed, timeout=TIMEOUT):
            type_into_cell("30")
        activities = ui.session.plan.stops[0].activities
        assert [a.minutes for a in activities] == [60, 30]  # the oath, not the tour
        assert schedule.index(row, ScheduleColumn.MINUTES).data() == "30 分钟"
        type_into_cell("0")  # no length: said, and nothing changes
        qtbot.waitUntil(lambda: "活动时长应在" in window.statusBar().currentMessage())
        assert [a.minutes for a in ui.session.plan.stops[0].activities] == [60, 30]


def test_a_pasted_gathering_coordinate_stays_as_pasted_after_leaving_it(qtbot, tmp_path) -> None:
    with journey_window(qtbot, str(tmp_path / "a.sqlite3")) as (window, _controller):
        editor = new_plan(qtbot, window)
        session, gathering = window.plan_ui.session, editor.gathering
        click(qtbot, gathering.kind)  # the list opens: 自定义地点 is the third choice
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: gathering.name.isVisible(), timeout=TIMEOUT)
        ime_type(gathering.name, "单位大门")
        assert gathering.crs.crs() is Crs.GCJ02  # as 高德 shows it
        click(qtbot, gathering.coordinate)
        QTest.keyClicks(gathering.coordinate, "112.5636, 37.8676")  # longitude first
        QTest.keyClick(gathering.coordinate, Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda: session.plan.gathering.custom is not None, timeout=TIMEOUT)
        qtbot.waitUntil(lambda: session.plan.gathering.custom.point is not None, timeout=TIMEOUT)
        stored = session.plan.gathering.custom.point
        assert (round(stored.lat, 4), round(stored.lon, 4)) == (37.8671, 112.5573)  # WGS-84
        # later edits of the plan leave the field as pasted, in its system
        session.set_plan_field("participants", 38)
        window.plan_ui.add_site(
            next(s.id for s in window.site_model.sites() if s.name == "太原解放纪念馆")
        )
        assert gathering.coordinate.text() == "112.5636, 37.8676"
        assert gathering.crs.crs() is Crs.GCJ02
        assert "由 GCJ-02 换算" in gathering.hint.text()
        assert session.plan.gathering.custom.point == stored


def test_a_map_link_pasted_as_the_gathering_point_is_read_in_its_own_system(
    qtbot, tmp_path
) -> None:
    with journey_window(qtbot, str(tmp_path / "a.sqlite3")) as (window, _controller):
        editor = new_plan(qtbot, window)
        session, gathering = window.plan_ui.session, editor.gathering
        click(qtbot, gathering.kind)  # the list opens: 自定义地点 is the third choice
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: gathering.name.isVisible(), timeout=TIMEOUT)
        ime_type(gathering.name, "单位大门")
        click(qtbot, gathering.crs)  # chosen as if GPS: the link says otherwise
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        assert gathering.crs.crs() is Crs.WGS84
        link = "https://uri.amap.com/marker?position=112.5636,37.8676&name=单位大门"
        QApplication.clipboard().setText(link)
        click(qtbot, gathering.coordinate)
        QTest.keySequence(gathering.coordinate, QKeySequence.StandardKey.Paste)
        QTest.keyClick(gathering.coordinate, Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda: session.plan.gathering.custom is not None, timeout=TIMEOUT)
        qtbot.waitUntil(lambda: session.plan.gathering.custom.point is not None, timeout=TIMEOUT)
        stored = session.plan.gathering.custom.point
        assert stored == gcj02_to_wgs84(LatLon(37.8676, 112.5636))
        assert gathering.crs.crs() is Crs.GCJ02 and not gathering.crs.isEnabled()
        assert "高德地图链接：经度 112.5636，纬度 37.8676（GCJ-02）" in gathering.hint.text()
        session.set_plan_field("participants", 38)  # a later edit: still as pasted
        assert gathering.coordinate.text() == link and not gathering.crs.isEnabled()
        assert "由 GCJ-02 换算" in gathering.hint.text()
        gathering.coordinate.selectAll()  # typed over: the choice is the organiser's again
        QTest.keyClicks(gathering.coordinate, "112.5636, 37.8676")
        assert gathering.crs.isEnabled()


def test_the_file_menu_puts_plans_and_members_first_and_ctrl_q_quits(qtbot, tmp_path) -> None:
    with journey_window(qtbot, str(tmp_path / "a.sqlite3")) as (window, _controller):
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
        menu = window.file_menu
        menu.popup(window.mapToGlobal(window.rect().center()))  # as Alt+F opens it
        qtbot.waitUntil(menu.isVisible, timeout=TIMEOUT)
        shown: list[str] = []
        for action in menu.actions():
            if action.isSeparator():
                if shown and shown[-1] != "—" and menu.actionGeometry(action).height() > 0:
                    shown.append("—")
            elif action.isVisible():
                shown.append(action.text().split("(")[0].rstrip("…"))
        menu.close()
        assert shown == [
            "导入方案", "成员名单", "—", "备份数据", "恢复数据", "—",
            "导入核实信息", "导出核实信息", "—", "退出",
        ]  # fmt: skip
        quit_action = menu.actions()[-1]
        assert quit_action.shortcut() == QKeySequence("Ctrl+Q")
        assert "Ctrl+Q" in quit_action.shortcut().toString()
        QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=TIMEOUT)
