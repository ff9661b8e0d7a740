"""A day that runs past midnight says so wherever its span is written.

The checks warn about such a day, but the Word 活动方案's 活动时间, the calendar's description and
the route files' description read "2025年10月15日（星期三）22:30—01:30", a short day on one date.
"""

from __future__ import annotations

from datetime import time
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt

from factories import make_plan
from hongtu.core.document import build_document
from hongtu.core.exports import ExportFormat, export_plan
from hongtu.core.routing import DEFAULT_SETTINGS
from hongtu.core.schedule import compute_schedule
from hongtu.qt.plan_models import ScheduleColumn
from journey_helpers import TIMEOUT, journey_window, no_chinese
from test_exports import build_sample
from test_journey_form_fields import retype_time
from test_journey_route_estimates import new_plan_gathering_at_the_gate


def test_the_span_of_a_day_past_midnight_names_the_end_date(tmp_path: Path) -> None:
    plan, sites, _ = build_sample(evil=False)
    plan.gathering_time = time(22, 30)
    schedule = compute_schedule(plan, sites, DEFAULT_SETTINGS)
    assert schedule.end < schedule.start  # the sample runs past midnight from 22:30
    doc = build_document(plan, schedule, sites)
    end = f"10月16日{schedule.end:%H:%M}"
    assert doc.time_text == f"2025年10月15日（星期三）22:30—{end}"
    word = docx.Document(str(export_plan(doc, ExportFormat.DOCX, tmp_path / "p.docx")))
    assert any(end in paragraph.text for paragraph in word.paragraphs)
    calendar = export_plan(doc, ExportFormat.ICS, tmp_path / "p.ics").read_text("utf-8")
    assert end in calendar.replace("\r\n ", "")
    assert end in export_plan(doc, ExportFormat.KML, tmp_path / "p.kml").read_text("utf-8")


def test_a_day_within_its_date_keeps_the_short_span() -> None:
    plan = make_plan()
    schedule = compute_schedule(plan, {}, DEFAULT_SETTINGS)
    doc = build_document(plan, schedule, {})
    assert doc.time_text == f"2025年10月15日（星期三）08:00—{schedule.end:%H:%M}"


def test_the_window_says_the_day_ends_the_next_day() -> None:
    from hongtu.qt.plan_schedule import totals_text

    plan, sites, _ = build_sample(evil=False)
    plan.gathering_time = time(22, 30)
    schedule = compute_schedule(plan, sites, DEFAULT_SETTINGS)
    assert f"次日{schedule.end:%H:%M} 结束" in totals_text(schedule)
    plan.gathering_time = time(8, 0)
    same_day = compute_schedule(plan, sites, DEFAULT_SETTINGS)
    assert f"· {same_day.end:%H:%M} 结束" in totals_text(same_day) or (
        f"最早 {same_day.end:%H:%M} 结束" in totals_text(same_day)
    )


@pytest.mark.gui
@pytest.mark.webengine
def test_the_windows_schedule_says_next_day_as_the_printout_does(qtbot, tmp_path, lang) -> None:
    """The window's 日程 showed "00:46–01:26" after midnight, as if it were the morning, while the
    printed schedule and the totals under it said 次日: each time is now the printout's."""
    with journey_window(qtbot, str(tmp_path / "a.sqlite3")) as (window, _controller):
        # 单位大门 at 22:30, then 太原解放纪念馆 and 高君宇故居 (80 km away)
        new_plan_gathering_at_the_gate(qtbot, window, "37.867090, 112.557320")
        ui = window.plan_ui
        editor = ui.editor
        bar = editor.tabs.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())  # 基本信息
        qtbot.waitUntil(editor.gathering_time.isVisible, timeout=TIMEOUT)
        retype_time(qtbot, editor.gathering_time, "2230")
        session = ui.session
        qtbot.waitUntil(lambda: session.plan.gathering_time == time(22, 30), timeout=TIMEOUT)
        table = ui.schedule.table
        qtbot.waitUntil(table.isVisible, timeout=TIMEOUT)
        model = table.model()
        shown = [model.index(row, ScheduleColumn.TIME).data() for row in range(model.rowCount())]
        printed = [row.time_range for row in session.view.document.rows]  # 打印日程 lays these out
        assert len(shown) == len(printed) and "次日" in printed[-1]
        if lang == "zh_CN":
            assert shown == printed
        else:
            for chinese, english in zip(printed, shown, strict=True):
                assert ("次日" in chinese) == ("next day" in english), (chinese, english)
            assert all(no_chinese(text) for text in shown), shown
        # the totals under the table end the day as its last row does
        end = f"{shown[-1]} 结束" if lang == "zh_CN" else f"ends {shown[-1]}"
        assert end in ui.schedule.totals.text()
