"""A first-time secretary plans 太原解放纪念馆 and 高君宇故居 by coach (probe s26): the long way
to 娄烦 is timed by expressway, not at town speed; the km shown are the road estimate the times
use; and while the gathering point has no coordinate, the times after its unknown legs say
they are not final — on screen, in Chinese and in English."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from hongtu.core.plans import ItemKind
from hongtu.core.routing import km_text
from hongtu.core.warnings import WarningCode
from hongtu.qt.plan_models import ScheduleColumn
from hongtu.qt.settings_dialog import SettingsDialog
from journey_helpers import (
    TIMEOUT,
    click,
    ime_type,
    journey_window,
    new_plan_by_mouse,
    no_chinese,
    tr,
    when_shown,
)

pytestmark = [pytest.mark.gui, pytest.mark.webengine]

STOPS = ["太原解放纪念馆", "高君宇故居"]


def new_plan_gathering_at_the_gate(qtbot, window, coordinate: str | None) -> None:  # type: ignore[no-untyped-def]
    """方案 › 新建; 基本信息: 集合地点 自定义地点 “单位大门”, its coordinate pasted or not;
    then the two stops typed into 添加站点."""
    ui = window.plan_ui
    new_plan_by_mouse(qtbot, window)
    gathering = ui.editor.gathering
    ui.editor.tabs.setCurrentWidget(gathering.parentWidget())
    gathering.kind.setFocus()
    qtbot.keyClick(gathering.kind, Qt.Key.Key_Down)
    qtbot.keyClick(gathering.kind, Qt.Key.Key_Down)  # 自定义地点
    with qtbot.waitSignal(ui.session.plan_changed, timeout=TIMEOUT):
        ime_type(gathering.name, "单位大门")
    if coordinate is not None:
        click(qtbot, gathering.coordinate)
        with qtbot.waitSignal(ui.session.plan_changed, timeout=TIMEOUT):
            qtbot.keyClicks(gathering.coordinate, coordinate)
    ui.editor.tabs.setCurrentIndex(0)
    for name in STOPS:
        box = ui.editor.stop_search
        click(qtbot, box)
        ime_type(box, name)
        qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(ui.session.plan.stops) == 2, timeout=TIMEOUT)


def shown(model, kind: ItemKind, column: ScheduleColumn, stop_number: int | None) -> str:  # type: ignore[no-untyped-def]
    row = next(
        r
        for r in range(model.rowCount())
        if model.item_at(r).kind is kind and model.item_at(r).stop_number == stop_number
    )
    return str(model.index(row, column).data())


def test_a_coach_to_gaojunyu_is_timed_by_expressway_and_the_speed_is_the_organisers(
    qtbot, tmp_path
) -> None:
    with journey_window(qtbot, str(tmp_path / "r.sqlite3")) as (window, _controller):
        ui = window.plan_ui
        new_plan_gathering_at_the_gate(qtbot, window, "37.867090, 112.557320")
        schedule = ui.session.schedule
        assert schedule.complete
        to_memorial, to_gaojunyu, back = schedule.legs
        # across town as before: ~8 road km at 35 km/h, no boarding after the gathering
        assert to_memorial.road_km < 15
        assert to_memorial.minutes == math.ceil(to_memorial.road_km / 35 * 60) <= 20
        # ~81 km geodesic, ~106 road km: 1¾ hours, not the 192 minutes of town speed
        assert 100 <= to_gaojunyu.minutes <= 130 and 100 <= back.minutes <= 130
        model = ui.schedule.schedule_model
        minutes = shown(model, ItemKind.TRAVEL, ScheduleColumn.MINUTES, 2)
        assert minutes == tr("PlanModels", "{0} 分钟").format(to_gaojunyu.minutes)
        distance = shown(model, ItemKind.TRAVEL, ScheduleColumn.DISTANCE, 2)
        assert distance == tr("PlanModels", "约 {0} km").format(km_text(to_gaojunyu.road_km))
        assert 100 < to_gaojunyu.road_km < 110  # the road the minutes are for, not 81 km
        assert f"路程约 {km_text(schedule.total_road_km)} km（估算）" in ui.schedule.totals.text()
        assert WarningCode.DAY_TOO_LONG not in {w.code for w in ui.session.warnings}

        # 设置: a branch whose coach is slow on the expressway types its own intercity speed
        def slow_coach(dialog: QDialog) -> None:
            assert isinstance(dialog, SettingsDialog)
            box = dialog.speeds["coach_intercity_kmh"]
            assert box.accessibleName() == tr("SettingsDialog", "{0}城际平均速度").format(
                tr("PlanModels", "大巴")
            )
            click(qtbot, box)
            qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            qtbot.keyClicks(box, "35")
            buttons = dialog.findChild(QDialogButtonBox)
            click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Ok))

        when_shown(SettingsDialog, slow_coach)
        with qtbot.waitSignal(window.site_editing.settings_changed, timeout=TIMEOUT):
            window.site_editing.settings_action.trigger()
        slow = ui.session.schedule.legs
        assert slow[0].minutes == to_memorial.minutes  # the town leg does not change
        assert slow[1].minutes == 192  # town speed all the way, as the organiser set
        assert shown(model, ItemKind.TRAVEL, ScheduleColumn.MINUTES, 2) == tr(
            "PlanModels", "{0} 分钟"
        ).format(192)


def test_times_after_an_unknown_leg_say_tbc_on_screen(qtbot, tmp_path, lang) -> None:
    """The gathering point has a name and no coordinate: "15:07 返回集合地点" read as the real
    return. Every time after the unknown way out is marked, and the footer says the end is
    the earliest, with the legs not counted."""
    with journey_window(qtbot, str(tmp_path / "t.sqlite3")) as (window, _controller):
        ui = window.plan_ui
        new_plan_gathering_at_the_gate(qtbot, window, None)
        schedule = ui.session.schedule
        assert schedule.pending_legs == 2 and schedule.end_provisional
        model = ui.schedule.schedule_model
        mark = tr("PlanModels", "{time}（待定）")
        gather = shown(model, ItemKind.GATHER, ScheduleColumn.TIME, None)
        assert gather == f"{schedule.start:%H:%M}–08:10"  # before any unknown leg: as it is
        visit = next(i for i in schedule.items if i.kind is ItemKind.VISIT)
        assert shown(model, ItemKind.VISIT, ScheduleColumn.TIME, 1) == mark.format(
            time=f"{visit.start:%H:%M}–{visit.end:%H:%M}"
        )
        back = shown(model, ItemKind.RETURN, ScheduleColumn.TIME, None)
        assert back == mark.format(time=f"{schedule.end:%H:%M}")
        assert ("(TBC)" if lang == "en" else "（待定）") in back
        row = next(r for r in range(model.rowCount()) if model.item_at(r).kind is ItemKind.RETURN)
        tip = model.index(row, ScheduleColumn.TIME).data(Qt.ItemDataRole.ToolTipRole)
        assert tr("PlanModels", "前面有一段路程待定，这个时间没有算上它，实际会更晚") in tip
        totals = ui.schedule.totals.text()
        end = QCoreApplication.translate(
            "PlanSchedule", "最早 {0} 结束（未计入 %n 段待定路程，实际更晚）", None, 2
        ).format(f"{schedule.end:%H:%M}")
        assert end in totals
        if lang == "en":
            assert no_chinese(totals) and no_chinese(back)
