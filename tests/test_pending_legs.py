"""A leg whose length nobody knows is 待定 in every output, and the totals say they are partial."""

from __future__ import annotations

import io
import zipfile
from datetime import time

import pytest

from factories import EAST, LOUFAN, NORTH, make_plan, make_site, site_map, site_stop
from hongtu.core.document import DocumentLabels, build_document
from hongtu.core.exports import ExportFormat, render_bytes
from hongtu.core.plans import CustomPlace, GatheringPoint, ItemKind
from hongtu.core.routing import DEFAULT_SETTINGS
from hongtu.core.schedule import compute_schedule

LABELS = DocumentLabels()


def output_text(data: bytes, fmt: ExportFormat) -> str:
    """The words of an exported file: the Word document's body, every spreadsheet cell."""
    if fmt is ExportFormat.DOCX:
        data = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    if fmt is ExportFormat.XLSX:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(data))
        cells = [str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True)
                 for c in row if c is not None]  # fmt: skip
        data = "\n".join(cells).encode("utf-8")
    return data.decode("utf-8-sig")


def unplaced_plan():  # type: ignore[no-untyped-def]
    placed = make_site(1, "北馆", point=NORTH)
    unplaced = make_site(2, "无坐标旧址", point=None)
    sites = site_map([placed, unplaced])
    plan = make_plan([site_stop(1), site_stop(2)])
    return plan, sites


def test_the_schedule_counts_the_pending_legs_and_the_document_prints_no_minutes() -> None:
    plan, sites = unplaced_plan()
    schedule = compute_schedule(plan, sites, DEFAULT_SETTINGS)
    assert schedule.pending_legs == 2 and not schedule.complete  # to it and back from it
    document = build_document(plan, schedule, sites)
    pending = [r for r in document.rows if r.leg is not None and r.leg.pending]
    assert len(pending) == 2
    for row in pending:
        assert row.details == LABELS.leg_pending
        leaves = LABELS.pending_time_format.format(start=f"{row.start:%H:%M}")
        if row.provisional:  # the way back leaves after the unknown way there
            leaves = LABELS.provisional_time_format.format(time=leaves)
        assert row.time_range == leaves
        assert "分钟" not in row.details and "–" not in row.time_range
    known = [r for r in document.rows if r.kind is ItemKind.TRAVEL and not r.leg.pending]
    assert known and all("分钟" in r.details for r in known)
    assert "至少" in document.totals.text and "不含2段待定路程" in document.totals.text
    assert not document.totals.complete


def test_a_leg_set_by_hand_is_no_longer_pending() -> None:
    plan, sites = unplaced_plan()
    plan.stops[1].leg_minutes_override = 25
    plan.return_leg_override = 30
    schedule = compute_schedule(plan, sites, DEFAULT_SETTINGS)
    assert schedule.complete
    document = build_document(plan, schedule, sites)
    assert "至少" not in document.totals.text and "25分钟" in "".join(
        r.details for r in document.rows
    )


@pytest.mark.parametrize(
    "fmt", [ExportFormat.HTML, ExportFormat.CSV, ExportFormat.DOCX, ExportFormat.XLSX]
)
def test_every_output_says_tbc(fmt: ExportFormat) -> None:
    plan, sites = unplaced_plan()
    document = build_document(plan, compute_schedule(plan, sites, DEFAULT_SETTINGS), sites)
    text = output_text(render_bytes(document, fmt, plan=plan, sites=sites), fmt)
    assert LABELS.leg_pending in text
    if fmt in (ExportFormat.HTML, ExportFormat.DOCX):  # the formats that print the totals
        assert "至少" in text and "起" in text


def unplaced_gathering_plan():  # type: ignore[no-untyped-def]
    """The gathering point "单位大门" has a name and no coordinate: the way out and back are
    待定, as for a secretary who has not looked the coordinate up yet."""
    sites = site_map([make_site(1, "北馆", point=NORTH), make_site(2, "东馆", point=EAST)])
    plan = make_plan(
        [site_stop(1), site_stop(2)], gathering=GatheringPoint(custom=CustomPlace("单位大门"))
    )
    return plan, sites


def test_the_times_after_a_leg_of_unknown_length_say_they_are_not_final() -> None:
    """“15:07 返回集合地点” read as a real return time when the way back was hours long and
    not counted: every time after the unknown leg now says （待定）, the end of the day too."""
    plan, sites = unplaced_gathering_plan()
    schedule = compute_schedule(plan, sites, DEFAULT_SETTINGS)
    document = build_document(plan, schedule, sites)
    gather, leave, *after = document.rows
    assert not gather.provisional and gather.time_range == "08:00–08:10"
    assert not leave.provisional and leave.time_range == "08:10 起"  # when it leaves is known
    assert after and all(row.provisional for row in after)
    for row in after:
        assert row.time_range.endswith("（待定）"), row
    back = document.rows[-1]
    assert back.kind is ItemKind.RETURN and back.time_range == f"{back.start:%H:%M}（待定）"
    assert schedule.end_provisional
    assert document.time_text.endswith(f"08:00—{schedule.end:%H:%M}（待定）")
    assert "标“待定”的时间未计入这些路程，实际会更晚" in document.totals.text


def test_a_start_fixed_by_hand_after_an_unknown_leg_is_the_organisers_time() -> None:
    plan, sites = unplaced_gathering_plan()
    plan.stops[1].start_override = time(13, 0)
    plan.return_leg_override = 40
    schedule = compute_schedule(plan, sites, DEFAULT_SETTINGS)
    document = build_document(plan, schedule, sites)
    visits = (ItemKind.VISIT, ItemKind.ACTIVITY)
    first, second = (
        [r for r in document.rows if r.stop_id == stop.id and r.kind in visits]
        for stop in plan.stops
    )
    assert first and all(r.provisional for r in first)  # after the unknown way out
    assert second[0].time_range.startswith("13:00–")  # as set, not 待定
    assert not any(r.provisional for r in second)
    assert not schedule.end_provisional and not document.time_text.endswith("（待定）")


@pytest.mark.parametrize(
    "fmt", [ExportFormat.HTML, ExportFormat.CSV, ExportFormat.DOCX, ExportFormat.XLSX]
)
def test_every_output_marks_the_return_time_tbc(fmt: ExportFormat) -> None:
    plan, sites = unplaced_gathering_plan()
    schedule = compute_schedule(plan, sites, DEFAULT_SETTINGS)
    document = build_document(plan, schedule, sites)
    text = output_text(render_bytes(document, fmt, plan=plan, sites=sites), fmt)
    assert f"{schedule.end:%H:%M}（待定）" in text
    if fmt is not ExportFormat.CSV:  # the formats that print the totals
        assert "实际会更晚" in text


# ---- the km printed are the road km the times are timed over -------------------------------


@pytest.mark.parametrize(
    "fmt", [ExportFormat.HTML, ExportFormat.CSV, ExportFormat.DOCX, ExportFormat.XLSX]
)
def test_every_output_prints_the_estimated_road_km_the_times_use(fmt: ExportFormat) -> None:
    """“全程约164.9公里” was the straight line while the times assume ~1.3× that on the road: a
    coach company quoted those km would be 50 km short. The road estimate is printed, and says
    it is one."""
    sites = site_map([make_site(1, "高君宇故居", point=LOUFAN)])
    plan = make_plan([site_stop(1)])
    schedule = compute_schedule(plan, sites, DEFAULT_SETTINGS)
    out, back = schedule.legs
    assert out.road_km == pytest.approx(out.km * 1.3) and 85 < out.road_km < 95
    document = build_document(plan, schedule, sites)
    assert document.totals.total_km == pytest.approx(out.road_km + back.road_km)
    text = output_text(render_bytes(document, fmt, plan=plan, sites=sites), fmt)
    assert f"约{out.road_km:.0f}公里，{out.minutes}分钟" in text
    assert f"{out.km:.1f}" not in text  # the straight line is not a distance to quote
    if fmt is not ExportFormat.CSV:  # the formats that print the totals
        assert f"全程约{out.road_km + back.road_km:.0f}公里（估算）" in text


def test_the_word_time_column_widens_for_the_marked_times() -> None:
    """（待定） after each time would wrap in the 3.3 cm 时间 column of the Word 活动方案."""
    import re

    def first_column_twips(plan, sites) -> int:  # type: ignore[no-untyped-def]
        document = build_document(plan, compute_schedule(plan, sites, DEFAULT_SETTINGS), sites)
        xml = output_text(render_bytes(document, ExportFormat.DOCX), ExportFormat.DOCX)
        return int(re.search(r'<w:gridCol w:w="(\d+)"/>', xml).group(1))  # type: ignore[union-attr]

    placed = site_map([make_site(1, "北馆", point=NORTH), make_site(2, "东馆", point=EAST)])
    assert first_column_twips(make_plan([site_stop(1), site_stop(2)]), placed) < 2000  # 3.3 cm
    assert first_column_twips(*unplaced_gathering_plan()) >= 2700  # “08:15–09:25（待定）”, 小四
