"""Journey 5: the organiser reads the warnings worst first, clicks one and lands on the stop; the
stops, the schedule rows and the map's stop markers with a problem carry a mark; a day over
lunch without a meal gets a hint; a leg nobody can measure says 待定 and the totals say so."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLineEdit

from gui_helpers import run_js
from hongtu.core.plans import ActivityKind, ItemKind
from hongtu.core.warnings import SEVERITY_ORDER, Severity, WarningCode
from hongtu.qt.plan_models import SEVERITY_ROLE, ScheduleColumn, StopColumn
from hongtu.qt.plan_schedule import totals_text
from journey_helpers import (
    TIMEOUT,
    click,
    click_at,
    ime_type,
    journey_window,
    new_plan_by_mouse,
    no_chinese,
    tr,
)

pytestmark = [pytest.mark.gui, pytest.mark.webengine]

STOPS = ["太原解放纪念馆", "高君宇故居", "晋绥八分区旧址", "八路军驻晋办事处旧址"]


def add_by_typing(qtbot, window, name: str) -> None:
    box = window.plan_ui.editor.stop_search
    click(qtbot, box)
    ime_type(box, name)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def site_id(window, name: str) -> int:
    return next(s.id for s in window.site_model.sites() if s.name == name)


def visit_row(schedule, stop_id: str) -> int:
    return next(
        r
        for r in range(schedule.rowCount())
        if schedule.item_at(r).kind is ItemKind.VISIT and schedule.item_at(r).stop_id == stop_id
    )


def route_stops(qtbot, window) -> list[dict]:
    return json.loads(run_js(qtbot, window, "routeSummary"))["stops"]


def test_warnings_worst_first_folded_clickable_and_marked(qtbot, tmp_path, lang) -> None:
    with journey_window(qtbot, str(tmp_path / "w.sqlite3")) as (window, _controller):
        ui = window.plan_ui
        new_plan_by_mouse(qtbot, window)
        for name in STOPS:
            add_by_typing(qtbot, window, name)
        plan = ui.session.plan
        assert [s.site_id for s in plan.stops] == [site_id(window, n) for n in STOPS]

        # worst first, and one line for the four stops whose hours nobody knows
        model = ui.warnings.model
        severities = [model.group_at(r).severity for r in range(model.rowCount())]
        assert severities == sorted(severities, key=SEVERITY_ORDER.index)
        texts = model.texts()
        folded = QCoreApplication.translate(
            "WarningText", "%n 个站点开放时间未知，请出行前电话确认", None, 4
        )
        hours_rows = [t for t in texts if t.startswith(folded)]
        assert len(hours_rows) == 1 and all(name in hours_rows[0] for name in STOPS)
        assert sum(t.count(folded.split("，")[0]) for t in texts) == 1
        if lang == "en":
            assert no_chinese(folded)
        lunch = tr(
            "WarningText",
            "行程跨过午饭时间（12:00—13:00），但没有安排午餐；可在某一站添加“午餐”活动。",
        )
        assert any(lunch in t for t in texts)

        # the unknown leg is 待定 on screen, and the day's totals say they are incomplete
        schedule = ui.schedule.schedule_model
        pending = [
            r for r in range(schedule.rowCount())
            if schedule.item_at(r).kind is ItemKind.TRAVEL and schedule.item_at(r).leg.pending
        ]  # fmt: skip
        assert pending
        for row in pending:
            assert schedule.index(row, ScheduleColumn.MINUTES).data() == tr("PlanModels", "待定")
        assert not ui.session.schedule.complete
        totals = ui.schedule.totals.text()
        assert ("at least" if lang == "en" else "至少") in totals
        assert totals == totals_text(ui.session.schedule)

        # a stop with a problem is marked in the stops table and the schedule
        unplaced = plan.stops[2].id
        stops_model = ui.editor.stops_model
        assert stops_model.index(2, StopColumn.NUMBER).data(SEVERITY_ROLE) == Severity.WARNING
        assert stops_model.index(2, StopColumn.NUMBER).data(Qt.ItemDataRole.DecorationRole)
        assert (
            schedule.index(visit_row(schedule, unplaced), ScheduleColumn.TIME).data(SEVERITY_ROLE)
            == "warning"
        )

        # a start fixed earlier than the group can arrive, typed into the schedule: stop 2 and its
        # map marker get the mark
        second = plan.stops[1].id
        row = visit_row(schedule, second)
        table = ui.schedule.table
        table.scrollTo(schedule.index(row, ScheduleColumn.TIME))
        cell = table.visualRect(schedule.index(row, ScheduleColumn.TIME))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
        editor = table.viewport().findChild(QLineEdit)
        assert editor is not None and editor.isVisible()
        editor.selectAll()
        qtbot.keyClicks(editor, "08:05")
        with qtbot.waitSignal(ui.session.plan_changed, timeout=TIMEOUT):
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        codes = [w.code for w in ui.session.warnings if w.stop_id == second]
        assert WarningCode.START_BEFORE_ARRIVAL in codes
        qtbot.waitUntil(
            lambda: [s["problem"] for s in route_stops(qtbot, window)][1] == "warning",
            timeout=TIMEOUT,
        )
        assert route_stops(qtbot, window)[0]["problem"] is None

        # clicking a warning selects its stop in the editor and on the map
        model = ui.warnings.model
        row = next(
            r for r in range(model.rowCount())
            if model.group_at(r).code is WarningCode.START_BEFORE_ARRIVAL
        )  # fmt: skip
        view = ui.warnings.view
        view.scrollTo(model.index(row, 0))
        click_at(qtbot, view.viewport(), view.visualRect(model.index(row, 0)))
        assert ui.editor.selected_stop_id() == second
        qtbot.waitUntil(
            lambda: (
                json.loads(run_js(qtbot, window, "state"))["selected"] == site_id(window, STOPS[1])
            ),
            timeout=TIMEOUT,
        )

        # a lunch at stop 1 ends the hint
        ui.editor.select_stop(plan.stops[0].id, chosen=True)
        choice = ui.editor.activity_choice
        choice.setCurrentIndex(choice.findData(ActivityKind.LUNCH.value))
        with qtbot.waitSignal(ui.session.plan_changed, timeout=TIMEOUT):
            click(qtbot, ui.editor.add_activity_button)
        assert not any(lunch in t for t in ui.warnings.model.texts())


def test_after_the_day_the_plan_points_to_recording_it_and_drops_pre_trip_advice(
    qtbot, tmp_path
) -> None:
    with journey_window(qtbot, str(tmp_path / "w.sqlite3")) as (window, _controller):
        ui = window.plan_ui
        yesterday = date.today() - timedelta(days=1)
        with qtbot.waitSignal(ui.session.plan_changed, timeout=TIMEOUT):
            ui.session.create("十二月主题党日", yesterday)
        add_by_typing(qtbot, window, "太原解放纪念馆")  # its opening hours are unknown
        model = ui.warnings.model

        def lines() -> dict[str, str]:
            return {model.texts()[r]: model.group_at(r).severity for r in range(model.rowCount())}

        past = [(t, s) for t, s in lines().items() if "已过" in t]
        assert len(past) == 1, lines()
        text, severity = past[0]
        assert severity is Severity.INFO  # information, not a problem
        assert "记录活动…" in text and yesterday.isoformat() in text
        assert not any("请出行前电话确认" in t for t in lines()), lines()
        # the same plan moved to next week: the advice for before the trip is back
        ui.session.set_plan_field("date", date.today() + timedelta(days=8))
        assert any("请出行前电话确认" in t for t in lines()), lines()
        assert not any("已过" in t for t in lines())
