"""A leg whose length nobody knows is 待定 in every output, and the totals say they are partial."""

from __future__ import annotations

import pytest

from factories import NORTH, make_plan, make_site, site_map, site_stop
from hongtu.core.document import DocumentLabels, build_document
from hongtu.core.exports import ExportFormat, render_bytes
from hongtu.core.plans import ItemKind
from hongtu.core.routing import DEFAULT_SETTINGS
from hongtu.core.schedule import compute_schedule

LABELS = DocumentLabels()


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
        assert row.time_range == LABELS.pending_time_format.format(start=f"{row.start:%H:%M}")
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
    import io
    import zipfile

    plan, sites = unplaced_plan()
    document = build_document(plan, compute_schedule(plan, sites, DEFAULT_SETTINGS), sites)
    data = render_bytes(document, fmt, plan=plan, sites=sites)
    if fmt is ExportFormat.DOCX:
        data = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    if fmt is ExportFormat.XLSX:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(data))
        cells = [str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True)
                 for c in row if c is not None]  # fmt: skip
        data = "\n".join(cells).encode("utf-8")
    text = data.decode("utf-8-sig")
    assert LABELS.leg_pending in text
    if fmt in (ExportFormat.HTML, ExportFormat.DOCX):  # the formats that print the totals
        assert "至少" in text and "起" in text
