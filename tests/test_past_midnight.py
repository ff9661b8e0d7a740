"""A day that runs past midnight says so wherever its span is written.

The checks warn about such a day, but the Word 活动方案's 活动时间, the calendar's description and
the route files' description read "2025年10月15日（星期三）22:30—01:30", a short day on one date.
"""

from __future__ import annotations

from datetime import time
from pathlib import Path

import docx

from factories import make_plan
from hongtu.core.document import build_document
from hongtu.core.exports import ExportFormat, export_plan
from hongtu.core.routing import DEFAULT_SETTINGS
from hongtu.core.schedule import compute_schedule
from test_exports import build_sample


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
    assert f"次日 {schedule.end:%H:%M} 结束" in totals_text(schedule)
    plan.gathering_time = time(8, 0)
    same_day = compute_schedule(plan, sites, DEFAULT_SETTINGS)
    assert f"· {same_day.end:%H:%M} 结束" in totals_text(same_day) or (
        f"最早 {same_day.end:%H:%M} 结束" in totals_text(same_day)
    )
