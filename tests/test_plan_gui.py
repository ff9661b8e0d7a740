"""Planning a Party-day in the real window: stops in, re-ordered, re-timed, drawn, undone, kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from gui_helpers import MAP_TIMEOUT_MS, close_main_window, run_js
from hongtu.core.atomic import ExportError, ExportErrorCode
from hongtu.core.plans import ItemKind
from hongtu.core.settings import load_settings
from hongtu.qt import messages
from hongtu.qt.app import Controller
from hongtu.qt.mainwindow import MainWindow
from hongtu.qt.plan_models import ScheduleColumn, StopColumn

pytestmark = [pytest.mark.gui, pytest.mark.webengine]

TIMEOUT = 10_000


def open_main_window(qtbot, db: str) -> tuple[MainWindow, Controller]:
    """Like gui_helpers.open_main_window, but the test closes it itself (to open it again)."""
    window = MainWindow()
    controller = Controller(window, db, probe=False)
    window.show()
    with qtbot.waitSignal(window.sites_shown_on_map, timeout=MAP_TIMEOUT_MS):
        controller.start()
    return window, controller


def route(qtbot, window) -> dict:
    return json.loads(run_js(qtbot, window, "routeSummary"))


def route_names(qtbot, window) -> list[str]:
    return [stop["name"] for stop in route(qtbot, window)["stops"]]


def stop_names(window) -> list[str]:
    model = window.plan_ui.editor.stops_model
    return [model.index(row, StopColumn.PLACE).data() for row in range(model.rowCount())]


def visit_times(window) -> dict[str, str]:
    """Each stop's visit row in the on-screen schedule: place → "08:25–09:25"."""
    model = window.plan_ui.schedule.schedule_model
    return {
        model.index(row, ScheduleColumn.PLACE).data(): model.index(row, ScheduleColumn.TIME).data()
        for row in range(model.rowCount())
        if model.item_at(row).kind is ItemKind.VISIT
    }


def type_text(widget, text: str) -> None:
    """Type like an input method would (QTest's key clicks only know ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def site_id(window, name: str) -> int:
    return next(s.id for s in window.site_model.sites() if s.name == name)


def double_click_site(qtbot, window, name: str) -> None:
    window.select_site(site_id(window, name))
    table = window.site_list.table
    rect = table.visualRect(table.currentIndex())
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def build_three_stop_plan(qtbot, window) -> None:
    ui = window.plan_ui
    ui.left_tabs.setCurrentWidget(ui.plan_list)
    with qtbot.waitSignal(ui.session.plan_changed, timeout=TIMEOUT):
        qtbot.mouseClick(ui.plan_list.new_button, Qt.MouseButton.LeftButton)
    # gathering point: a custom place with a pasted coordinate
    gathering = ui.editor.gathering
    ui.editor.tabs.setCurrentIndex(1)
    gathering.kind.setCurrentIndex(2)
    gathering.kind.activated.emit(2)
    type_text(gathering.name, "单位大门")
    with qtbot.waitSignal(ui.session.plan_changed, timeout=TIMEOUT):
        qtbot.keyClicks(gathering.coordinate, "37.8706, 112.5489")
    # 1: double-click in the site list; 2: the map popup's 加入方案; 3: the search box
    ui.left_tabs.setCurrentWidget(window.site_list)
    double_click_site(qtbot, window, "太原解放纪念馆")
    window.map_view.bridge.receive(
        json.dumps({"type": "add_stop", "id": site_id(window, "八路军驻晋办事处旧址")})
    )
    search = ui.editor.stop_search
    type_text(search, "山西国民师范")
    popup = ui.editor.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=TIMEOUT)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "plans.sqlite3")


def test_plan_a_day_reorder_undo_and_reopen_after_restart(qtbot, db) -> None:
    window, controller = open_main_window(qtbot, db)
    ui = window.plan_ui
    build_three_stop_plan(qtbot, window)
    first_order = ["太原解放纪念馆", "八路军驻晋办事处旧址", "山西国民师范旧址革命活动纪念馆"]
    assert stop_names(window) == first_order
    assert not ui.schedule.isHidden() and ui.schedule.totals.text().startswith("08:00 集合")
    qtbot.waitUntil(lambda: route_names(qtbot, window) == first_order, timeout=TIMEOUT)
    assert route(qtbot, window)["gathering"] == "单位大门"
    times_before = visit_times(window)

    # keyboard: the first stop goes down one place
    view = ui.editor.stops_view
    view.setFocus()
    ui.editor.select_stop(ui.session.plan.stops[0].id)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    second_order = [first_order[1], first_order[0], first_order[2]]
    assert stop_names(window) == second_order
    assert ui.editor.selected_stop_id() == ui.session.plan.stops[1].id  # selection followed
    times_after = visit_times(window)
    assert times_after[first_order[1]] != times_before[first_order[1]]  # now visited first
    qtbot.waitUntil(lambda: route_names(qtbot, window) == second_order, timeout=TIMEOUT)

    # drag and drop, as the view does it: the last stop dropped on top
    model = ui.editor.stops_model
    data = model.mimeData([model.index(2, StopColumn.PLACE)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    third_order = [second_order[2], second_order[0], second_order[1]]
    assert stop_names(window) == third_order
    qtbot.waitUntil(lambda: route_names(qtbot, window) == third_order, timeout=TIMEOUT)

    # 编辑 → 撤销 takes back the drop only
    assert "调整顺序" in ui.undo_action.text()
    ui.undo_action.trigger()
    assert stop_names(window) == second_order
    assert visit_times(window) == times_after
    qtbot.waitUntil(lambda: route_names(qtbot, window) == second_order, timeout=TIMEOUT)

    # a title typed just before closing is flushed on close, not lost
    ui.editor.tabs.setCurrentIndex(0)
    ui.editor.title.selectAll()
    type_text(ui.editor.title, "七一主题党日")
    plan_id = ui.session.plan.id
    close_main_window(window, controller)

    window, controller = open_main_window(qtbot, db)
    try:
        ui = window.plan_ui
        row = ui.plan_list.model.row_of(plan_id)
        assert row is not None
        assert ui.plan_list.model.summary_at(row).title == "七一主题党日"
        ui.session.open(plan_id)
        assert stop_names(window) == second_order
        assert ui.editor.title.text() == "七一主题党日"
        qtbot.waitUntil(lambda: route_names(qtbot, window) == second_order, timeout=TIMEOUT)
    finally:
        close_main_window(window, controller)


def test_schedule_override_is_shown_and_the_plan_can_be_deleted_and_undeleted(
    qtbot, db, monkeypatch
) -> None:
    window, controller = open_main_window(qtbot, db)
    try:
        ui = window.plan_ui
        build_three_stop_plan(qtbot, window)
        model = ui.schedule.schedule_model
        visit = next(r for r in range(model.rowCount()) if model.item_at(r).kind is ItemKind.VISIT)
        start = model.index(visit, ScheduleColumn.TIME)
        assert model.setData(start, "10:00")
        assert start.data().startswith("10:00")
        assert start.data(Qt.ItemDataRole.FontRole).bold()
        assert tooltip_text(start.data(Qt.ItemDataRole.ToolTipRole)).startswith("手动设定")
        texts = ui.warnings.model.texts()  # an arrival after 10:00 is fine, the checks still run
        assert all("：" in text for text in texts)

        plan_id = ui.session.plan.id
        monkeypatch.setattr(messages, "question", lambda *a, **k: True)
        with qtbot.waitSignal(ui.session.plan_closed, timeout=TIMEOUT):
            qtbot.mouseClick(ui.plan_list.delete_button, Qt.MouseButton.LeftButton)
        assert ui.plan_list.model.rowCount() == 0 and ui.schedule.isHidden()
        qtbot.waitUntil(lambda: route(qtbot, window)["stops"] == [], timeout=TIMEOUT)
        ui.undo_action.trigger()
        assert ui.plan_list.model.row_of(plan_id) is not None
        assert len(stop_names(window)) == 3
    finally:
        close_main_window(window, controller)


def test_adding_a_stop_without_an_open_plan_says_what_to_do(qtbot, db, monkeypatch) -> None:
    window, controller = open_main_window(qtbot, db)
    try:
        monkeypatch.setattr(messages, "question", lambda *a, **k: False)  # 不新建方案
        assert window.plan_ui.add_site(site_id(window, "太原解放纪念馆")) is False
        assert "新建或打开一个方案" in window.statusBar().currentMessage()
    finally:
        close_main_window(window, controller)


def test_a_gathering_name_without_a_coordinate_is_kept_after_reopening(qtbot, db) -> None:
    window, controller = open_main_window(qtbot, db)
    ui = window.plan_ui
    ui.left_tabs.setCurrentWidget(ui.plan_list)
    with qtbot.waitSignal(ui.session.plan_changed, timeout=TIMEOUT):
        qtbot.mouseClick(ui.plan_list.new_button, Qt.MouseButton.LeftButton)
    ui.add_site(site_id(window, "太原解放纪念馆"))
    gathering = ui.editor.gathering
    ui.editor.tabs.setCurrentIndex(1)
    gathering.kind.setCurrentIndex(2)
    gathering.kind.activated.emit(2)
    with qtbot.waitSignal(ui.session.plan_changed, timeout=TIMEOUT):
        type_text(gathering.name, "单位大门")  # no coordinate: saved after the debounce
    assert "位置未知" in gathering.hint.text()
    assert ui.session.plan.gathering.custom.name == "单位大门"
    assert any(text.startswith("集合地点 单位大门：") for text in ui.warnings.model.texts())
    qtbot.waitUntil(lambda: route_names(qtbot, window) == ["太原解放纪念馆"], timeout=TIMEOUT)
    assert route(qtbot, window)["gathering"] is None  # nothing to draw for it
    plan_id = ui.session.plan.id
    close_main_window(window, controller)

    window, controller = open_main_window(qtbot, db)
    try:
        ui = window.plan_ui
        ui.session.open(plan_id)
        gathering = ui.editor.gathering
        assert gathering.kind.currentIndex() == 2 and gathering.name.text() == "单位大门"
        assert gathering.coordinate.text() == "" and "位置未知" in gathering.hint.text()
        assert ui.schedule.schedule_model.index(0, ScheduleColumn.PLACE).data() == "单位大门"
    finally:
        close_main_window(window, controller)


def test_a_new_speed_in_the_settings_re_times_the_open_plan(qtbot, db, monkeypatch) -> None:
    from hongtu.qt.settings_dialog import SettingsDialog

    window, controller = open_main_window(qtbot, db)
    try:
        ui = window.plan_ui
        build_three_stop_plan(qtbot, window)
        qtbot.waitUntil(lambda: len(ui.session.plan.stops) == 3, timeout=TIMEOUT)
        before = [leg.minutes for leg in ui.session.schedule.legs]
        steps = ui.session.undo_stack.count()

        def accept_a_slower_coach(dialog: SettingsDialog) -> int:
            dialog.speeds["coach_kmh"].setValue(dialog.speeds["coach_kmh"].value() / 2)
            return SettingsDialog.DialogCode.Accepted

        monkeypatch.setattr(SettingsDialog, "exec", accept_a_slower_coach)
        with qtbot.waitSignal(window.site_editing.settings_changed, timeout=TIMEOUT):
            window.site_editing.settings_action.trigger()
        after = [leg.minutes for leg in ui.session.schedule.legs]
        assert after != before and all(a >= b for a, b in zip(after, before, strict=True))
        model = ui.schedule.schedule_model
        travel = next(
            r for r in range(model.rowCount()) if model.item_at(r).kind is ItemKind.TRAVEL
        )
        assert model.item_at(travel).leg.minutes == after[0]
        assert ui.session.undo_stack.count() == steps  # not an edit of the plan
        assert ui.session.store.get(ui.session.plan.id) == ui.session.plan
        assert load_settings().travel == window.site_editing.settings.travel

        # settings the disk refused still apply until HongTu closes: the plan follows them too
        def refuse(*_args: object) -> None:
            raise ExportError(ExportErrorCode.DISK_FULL, Path("settings.json"))

        monkeypatch.setattr("hongtu.qt.site_editing.save_settings", refuse)
        window.site_editing.settings_action.trigger()
        assert [leg.minutes for leg in ui.session.schedule.legs] != after
        assert "设置未能保存" in window.statusBar().currentMessage()
    finally:
        close_main_window(window, controller)


def tooltip_text(tip: str) -> str:
    """What the organiser reads in the tooltip (tooltips are escaped rich text)."""
    from PySide6.QtGui import QTextDocumentFragment

    return QTextDocumentFragment.fromHtml(tip).toPlainText()
