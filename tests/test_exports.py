"""The plan document and the Qt-free exports, each read back with a real reader."""

from __future__ import annotations

import csv
import errno
import io
import itertools
import json
import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from html.parser import HTMLParser
from pathlib import Path

import docx
import icalendar
import openpyxl
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm

from factories import (
    EAST,
    LOUFAN,
    NORTH,
    WEST,
    custom_place,
    make_plan,
    make_site,
    site_map,
    site_stop,
)
from hongtu.core.atomic import ExportError, ExportErrorCode, atomic_file, write_atomic
from hongtu.core.document import PlanDocument, build_document, note_lines
from hongtu.core.exports import ExportFormat, export_plan, render_bytes
from hongtu.core.exports.ics import render_ics
from hongtu.core.exports.svgmap import schematic_svg
from hongtu.core.geo import LatLon
from hongtu.core.plans import (
    Activity,
    ActivityKind,
    CustomPlace,
    GatheringPoint,
    ItemKind,
    Plan,
    Stop,
)
from hongtu.core.routing import DEFAULT_SETTINGS
from hongtu.core.schedule import compute_schedule
from hongtu.core.sites import Confidence, Fact, Site

EVIL = "<script>alert('x')</script> & <b>粗</b>"
QT_FREE = [f for f in ExportFormat if f not in (ExportFormat.PDF, ExportFormat.SIGNIN)]


def build_sample(
    *, evil: bool = True, stops: int = 3
) -> tuple[Plan, dict[int, Site], PlanDocument]:
    """A three-stop day (or ``stops`` generated ones) with user text that must be escaped."""
    if stops == 3:
        sites = site_map(
            [
                make_site(1, "八路军驻晋办事处旧址", point=NORTH),
                make_site(2, "太原解放纪念馆", point=EAST, verified=False),
                make_site(3, "双塔革命烈士陵园", point=WEST),
            ]
        )
        plan_stops = [
            site_stop(1, Activity(ActivityKind.TOUR, 50), Activity(ActivityKind.OATH, 20)),
            site_stop(2, Activity(ActivityKind.WREATH, 15), Activity(ActivityKind.LESSON, 40)),
            Stop(
                custom=custom_place(EVIL if evil else "单位食堂", LatLon(37.87, 112.53)),
                activities=[Activity(ActivityKind.LUNCH, 45)],
            ),
            site_stop(3, Activity(ActivityKind.CUSTOM, 30, "集体合影 & 交流")),
        ]
    else:
        address = Fact(
            "山西省太原市迎泽区某某街道某某路一百二十三号院内（原某某旧址）", Confidence.HIGH
        )
        sites = site_map(
            replace(
                make_site(
                    i, f"第{i}红色教育基地", point=LatLon(37.80 + 0.012 * i, 112.45 + 0.02 * i)
                ),
                address=address if i % 2 else Fact.unknown(),
            )
            for i in range(1, stops + 1)
        )
        plan_stops = [
            site_stop(
                i,
                Activity(ActivityKind.TOUR, 40),
                Activity(ActivityKind.CUSTOM, 15, "学习交流研讨" * (1 + i % 5)),
            )
            for i in range(1, stops + 1)
        ]
    plan = make_plan(plan_stops)
    plan.id = 42
    if evil:
        plan.title = f"重温红色记忆 {EVIL}"
    plan.notes = "1. 着装整齐，佩戴党员徽章\n2、携带身份证\n\n- 注意安全 & 守时"
    schedule = compute_schedule(plan, sites, DEFAULT_SETTINGS)
    return plan, sites, build_document(plan, schedule, sites)


@pytest.fixture
def sample() -> tuple[Plan, dict[int, Site], PlanDocument]:
    return build_sample()


def _in_order(haystack: str, needles: list[str]) -> bool:
    position = 0
    for needle in needles:
        found = haystack.find(needle, position)
        if found < 0:
            return False
        position = found + len(needle)
    return True


# ---- the document ------------------------------------------------------------------------


def test_document_rows_follow_the_schedule_in_order(sample) -> None:
    plan, sites, doc = sample
    schedule = compute_schedule(plan, sites, DEFAULT_SETTINGS)
    assert [r.kind for r in doc.rows] == [i.kind for i in schedule.items]
    assert [(r.start, r.end) for r in doc.rows] == [(i.start, i.end) for i in schedule.items]
    assert doc.rows[0].time_range == "08:00–08:10"
    assert doc.rows[-1].kind is ItemKind.RETURN and doc.rows[-1].time_range.count(":") == 1
    visits = [r.title for r in doc.rows if r.kind is ItemKind.VISIT]
    assert visits == [s.name for s in doc.stops]
    assert [s.number for s in doc.stops] == [1, 2, 3, 4]
    activities = [r.title for r in doc.rows if r.kind is ItemKind.ACTIVITY]
    assert activities[:4] == ["参观学习", "重温入党誓词", "敬献花篮", "现场党课"]
    assert "集体合影 & 交流" in activities


def test_document_facts_and_words(sample) -> None:
    _, _, doc = sample
    assert doc.date_text == "2025年10月15日" and doc.weekday == "星期三"
    assert doc.time_text.startswith("2025年10月15日（星期三）08:00—")
    assert doc.title.startswith("第一党支部“重温红色记忆")
    assert doc.transport == "大巴"
    assert doc.notes == ("着装整齐，佩戴党员徽章", "携带身份证", "注意安全 & 守时")
    assert doc.route[0].number is None and doc.route[-1].number is None
    assert [p.number for p in doc.route[1:-1]] == [1, 2, 3, 4]
    assert doc.stops[1].position_unverified
    legs = [r.details for r in doc.rows if r.kind is ItemKind.TRAVEL]
    # estimated road km: whole from 10 km on, one decimal below
    assert all(re.fullmatch(r"约(\d\.\d|\d\d+)公里，\d+分钟", text) for text in legs)
    assert "共4个站点" in doc.totals.text


def test_note_lines_drop_user_numbering() -> None:
    assert note_lines("（1）守时\n2、安全\n• 带证件\n\n  ") == ("守时", "安全", "带证件")


HEADED_NOTES = (
    "一、安全要求\n1. 乘车系好安全带\n2. 不得擅自离队\n二、纪律要求\n（一）着正装\n（二）佩戴党徽"
)


def test_notes_with_their_own_headings_are_printed_as_typed(tmp_path: Path) -> None:
    """"一、安全要求 / 1. … / 二、纪律要求 / （一）…" was flattened into 1.–6. (一、 stripped,
    （一） kept): the organiser's own numbering is now kept, and none added."""
    plan = make_plan([site_stop(1)])
    sites = site_map([make_site(1, "八路军驻晋办事处旧址")])
    plan.notes = HEADED_NOTES
    doc = build_document(plan, compute_schedule(plan, sites, DEFAULT_SETTINGS), sites)
    typed = tuple(HEADED_NOTES.split("\n"))
    assert doc.notes == typed and not doc.notes_numbered
    word = docx.Document(str(export_plan(doc, ExportFormat.DOCX, tmp_path / "p.docx")))
    paragraphs = [p.text for p in word.paragraphs]
    start = paragraphs.index("六、工作要求") + 1
    assert paragraphs[start : start + len(typed)] == list(typed)
    sheet = openpyxl.load_workbook(export_plan(doc, ExportFormat.XLSX, tmp_path / "p.xlsx")).active
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert cells[cells.index("注意事项") + 1 :][: len(typed)] == list(typed)
    page = export_plan(doc, ExportFormat.HTML, tmp_path / "p.html").read_text("utf-8")
    assert "一、安全要求<br>1. 乘车系好安全带" in page and "<ol" not in page
    plan.notes = "着正装\n准时集合"  # plain lines: numbered by the documents, as before
    doc = build_document(plan, compute_schedule(plan, sites, DEFAULT_SETTINGS), sites)
    assert doc.notes_numbered and doc.notes == ("着正装", "准时集合")


def test_rows_after_midnight_say_next_day() -> None:
    """A day that runs past midnight printed "00:46–01:26" as if it were the morning."""
    sites = site_map([make_site(1, "刘胡兰纪念馆", point=LOUFAN)])
    plan = make_plan([site_stop(1, Activity(ActivityKind.TOUR, 60))], gathering_time=time(21, 0))
    doc = build_document(plan, compute_schedule(plan, sites, DEFAULT_SETTINGS), sites)
    crossing = next(i for i, row in enumerate(doc.rows) if row.end < row.start)
    for number, row in enumerate(doc.rows):
        if row.end < row.start:  # across midnight
            assert re.fullmatch(r"2\d:\d\d–次日0\d:\d\d", row.time_range)
        elif number > crossing:
            assert row.time_range.startswith("次日0"), row.time_range
        else:
            assert "次日" not in row.time_range
    assert doc.rows[-1].time_range.startswith("次日")


def test_an_activity_label_that_names_its_kind_is_said_once() -> None:
    """A plan file's {"kind": "lesson", "label": "现场党课：八路军…"} printed
    "现场党课（现场党课：八路军…）"."""
    label = "现场党课：八路军驻晋办事处的历史"
    sites = site_map([make_site(1, "八路军驻晋办事处旧址")])
    stop = site_stop(1, Activity(ActivityKind.LESSON, 45, label), Activity(ActivityKind.TOUR, 30))
    plan = make_plan([stop])
    doc = build_document(plan, compute_schedule(plan, sites, DEFAULT_SETTINGS), sites)
    titles = [row.title for row in doc.rows if row.kind is ItemKind.ACTIVITY]
    assert titles == [label, "参观学习"]
    assert doc.stops[0].activities == (label, "参观学习")


def test_document_without_stops_or_gathering() -> None:
    plan = make_plan([])
    plan.gathering.custom = None
    schedule = compute_schedule(plan, {}, DEFAULT_SETTINGS)
    doc = build_document(plan, schedule, {})
    assert doc.stops == () and doc.route == ()
    assert doc.gathering_place == "（未设置）"
    for fmt in QT_FREE:
        if fmt is not ExportFormat.JSON:
            assert render_bytes(doc, fmt)


def unplaced_gathering_sample() -> tuple[Plan, dict[int, Site], PlanDocument]:
    """The sample day gathering at "单位大门" whose coordinate is not known."""
    plan, sites, _ = build_sample(evil=False)
    plan.gathering = GatheringPoint(custom=CustomPlace("单位大门"))
    return plan, sites, build_document(plan, compute_schedule(plan, sites, DEFAULT_SETTINGS), sites)


def test_a_gathering_point_without_a_coordinate_is_named_but_not_placed(tmp_path: Path) -> None:
    plan, sites, doc = unplaced_gathering_sample()
    assert doc.gathering_place == "单位大门" and doc.gathering_point is None
    assert doc.rows[0].place == "单位大门" and doc.rows[0].point is None
    assert doc.rows[-1].place == "单位大门"
    assert [p.number for p in doc.route] == [s.number for s in doc.stops]  # stops only
    for fmt in QT_FREE:
        path = export_plan(doc, fmt, tmp_path / f"plan{fmt.suffix}", plan=plan, sites=sites)
        assert path.stat().st_size > 0
    gpx = ET.parse(tmp_path / "plan.gpx").getroot()
    route_names = [p.findtext(f"{GPX}name") for p in gpx.iter(f"{GPX}rtept")]
    assert route_names == [f"{s.number}. {s.name}" for s in doc.stops]
    kml = ET.parse(tmp_path / "plan.kml").getroot()
    names = [p.findtext(f"{KML}name") for p in kml.iter(f"{KML}Placemark")]
    assert "单位大门" not in names and names[0] == f"1. {doc.stops[0].name}"
    calendar = icalendar.Calendar.from_ical((tmp_path / "plan.ics").read_bytes())
    gather = next(e for e in calendar.walk("VEVENT") if "单位大门" in str(e.get("location", "")))
    assert gather.get("geo") is None
    svg = schematic_svg(doc)
    assert "单位大门" not in svg and svg.count("<circle") == len(doc.stops)


# ---- formats read back -------------------------------------------------------------------


def test_csv_has_bom_header_and_every_row_in_order(sample, tmp_path: Path) -> None:
    _, _, doc = sample
    path = export_plan(doc, ExportFormat.CSV, tmp_path / "plan.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["序号", "站点", "时间"]
    body = rows[1:]
    assert [r[2] for r in body] == [r.time_range for r in doc.rows]
    assert [r[5] for r in body] == [r.title for r in doc.rows]
    visit_titles = [r[5] for r, d in zip(body, doc.rows, strict=True) if d.kind is ItemKind.VISIT]
    assert visit_titles == [s.name for s in doc.stops]


def test_csv_and_xlsx_never_turn_user_text_into_formulas(tmp_path: Path) -> None:
    plan, sites, _ = build_sample(evil=False)
    plan.stops[2].custom = custom_place('=HYPERLINK("http://x")', LatLon(37.87, 112.53))
    doc = build_document(plan, compute_schedule(plan, sites, DEFAULT_SETTINGS), sites)
    text = render_bytes(doc, ExportFormat.CSV).decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    book = openpyxl.load_workbook(io.BytesIO(render_bytes(doc, ExportFormat.XLSX)))
    cells = [c for row in book.active.iter_rows() for c in row if c.value]
    hits = [c for c in cells if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert hits and all(c.data_type == "s" for c in hits)


def test_xlsx_table_matches_the_schedule(sample, tmp_path: Path) -> None:
    _, _, doc = sample
    path = export_plan(doc, ExportFormat.XLSX, tmp_path / "plan.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["日程安排表"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(i for i, row in enumerate(values) if row[:3] == ["站点", "时间", "内容"])
    table = values[header + 1 : header + 1 + len(doc.rows)]
    assert [r[1] for r in table] == [r.time_range for r in doc.rows]
    assert [str(r[2]).strip("　") for r in table] == [r.title for r in doc.rows]
    assert values[0][0] == doc.title
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert int(sheet.page_setup.fitToWidth) == 1
    assert sheet.print_title_rows.endswith(f"${header + 1}:${header + 1}")
    assert sheet.column_dimensions["C"].width >= 20
    stops = [row[1].value for row in book["站点"].iter_rows(min_row=2)]
    assert stops == [s.name for s in doc.stops]


def _lines_needed(text: str, units: float) -> int:
    """Lines ``text`` needs in a cell ``units`` wide (units: half-width characters), counted
    character by character, as a spreadsheet wraps Chinese."""
    lines, used = 1, 0
    for ch in text:
        width = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + width > units:
            lines, used = lines + 1, 0
        used += width
    return lines


def test_xlsx_rows_are_tall_enough_that_no_text_is_cut_off(tmp_path: Path) -> None:
    """Excel, WPS and LibreOffice show each row at its stored height and never fit a merged
    cell: a long official title, a long branch name and a two-line address all show whole, on
    screen and on paper; the labels (集合地点) fit their column; both sheets print on A4, one
    page wide."""
    _, _, doc = build_sample(evil=False, stops=4)
    doc = replace(
        doc,
        title="深入学习贯彻习近平新时代中国特色社会主义思想主题教育暨“学习红色历史、传承红色基因、"
        "践行初心使命”主题党日 第三期",
    )
    book = openpyxl.load_workbook(export_plan(doc, ExportFormat.XLSX, tmp_path / "plan.xlsx"))
    sheet = book["日程安排表"]
    widths = {c: sheet.column_dimensions[c].width for c in "ABCDE"}
    merged = {str(r): r for r in sheet.merged_cells.ranges}

    def units(cell: openpyxl.cell.Cell) -> float:
        for area in merged.values():
            if cell.coordinate in area:
                columns = range(area.min_col, area.max_col + 1)
                return sum(widths[openpyxl.utils.get_column_letter(c)] for c in columns)
        return widths[cell.column_letter]

    checked = 0
    for row in sheet.iter_rows():
        height = sheet.row_dimensions[row[0].row].height or 15
        for cell in row:
            if not isinstance(cell.value, str) or not cell.value:
                continue
            size = cell.font.sz or 11
            if cell.alignment.wrap_text:
                room = units(cell) * 11 / size - 1
                needed = sum(_lines_needed(line, room) for line in cell.value.split("\n"))
                assert height >= needed * size * 1.2, (cell.coordinate, cell.value, height)
                checked += needed > 1
            elif cell.column_letter != "A":  # one line: it fits its column (A: labels, below)
                assert _lines_needed(cell.value, units(cell) * 11 / size) == 1, cell.coordinate
    assert checked >= 3  # the title and the long addresses did wrap
    # 集合地点, 参加人员 … in column A, bold, beside their values
    assert all(len(label) * 2 + 1 <= widths["A"] for label, _ in doc.facts)
    for name in ("日程安排表", "站点"):
        setup = book[name].page_setup
        assert int(setup.paperSize) == 9 and int(setup.fitToWidth) == 1
        assert book[name].sheet_properties.pageSetUpPr.fitToPage


def test_docx_is_an_official_plan_on_a4(sample, tmp_path: Path) -> None:
    _, _, doc = sample
    path = export_plan(doc, ExportFormat.DOCX, tmp_path / "plan.docx")
    document = docx.Document(str(path))
    section = document.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.01)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.01)
    assert abs(section.left_margin - Cm(3.17)) < Cm(0.01)
    assert abs(section.top_margin - Cm(2.54)) < Cm(0.01)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == doc.title + "方案"
    assert document.paragraphs[0].alignment == 1  # centred
    fonts = document.paragraphs[0].runs[0]._element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "宋体"
    headings = ["一、活动主题", "二、活动时间", "三、活动地点", "四、参加人员", "五、活动流程",
                "六、工作要求", "七、联系人及电话"]  # fmt: skip
    assert _in_order("\n".join(texts), headings)
    assert "1. 着装整齐，佩戴党员徽章" in texts
    assert "王书记，13800000000" in texts
    table = document.tables[0]
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0] == ["时间", "内容", "地点"]
    assert [r[0] for r in cells[1:]] == [r.time_range for r in doc.rows]
    contents = [r[1].split("\n")[0].strip("　") for r in cells[1:]]
    assert contents == [r.title for r in doc.rows]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_ics_events_uids_and_timezone(sample, tmp_path: Path) -> None:
    _, _, doc = sample
    path = export_plan(doc, ExportFormat.ICS, tmp_path / "plan.ics")
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    (tz,) = cal.walk("VTIMEZONE")
    assert str(tz["TZID"]) == "Asia/Shanghai"
    (standard,) = tz.walk("STANDARD")
    assert standard["TZOFFSETTO"].td == timedelta(hours=8) and not tz.walk("DAYLIGHT")
    events = cal.walk("VEVENT")
    expected = [r for r in doc.rows if r.kind in (ItemKind.GATHER, ItemKind.VISIT)]
    assert len(events) == len(expected) == 1 + len(doc.stops)
    starts = [e.decoded("DTSTART") for e in events]
    assert [(s.hour, s.minute) for s in starts] == [
        (r.start.hour, r.start.minute) for r in expected
    ]
    assert all(str(s.tzinfo) == "Asia/Shanghai" for s in starts)
    assert all(s.date() == date(2025, 10, 15) for s in starts)
    summaries = [str(e["SUMMARY"]) for e in events]
    assert [s.split(". ", 1)[1] for s in summaries[1:]] == [s.name for s in doc.stops]
    uids = [str(e["UID"]) for e in events]
    assert doc.calendar_key.startswith("42-")
    assert uids[0] == f"{doc.calendar_key}-gather-0@hongtu"
    assert uids[1:] == [f"{doc.calendar_key}-{s.stop_id}-0@hongtu" for s in doc.stops]
    assert "DTSTAMP" in events[0]
    assert events[1]["GEO"].latitude == pytest.approx(NORTH.lat)
    assert "参观学习" in str(events[1]["DESCRIPTION"])
    assert b"TZID=Asia/Shanghai" in path.read_bytes()


def test_ics_reexport_keeps_uids_and_raises_sequence(sample) -> None:
    _, _, doc = sample
    first = icalendar.Calendar.from_ical(render_ics(doc, datetime(2025, 10, 1, 8, 0)))
    later = icalendar.Calendar.from_ical(render_ics(doc, datetime(2025, 10, 2, 8, 0)))
    assert [e["UID"] for e in first.walk("VEVENT")] == [e["UID"] for e in later.walk("VEVENT")]
    assert later.walk("VEVENT")[0]["SEQUENCE"] > first.walk("VEVENT")[0]["SEQUENCE"]


GPX = "{http://www.topografix.com/GPX/1/1}"


def test_gpx_is_gpx_1_1_with_waypoints_and_route_in_order(sample, tmp_path: Path) -> None:
    _, _, doc = sample
    path = export_plan(doc, ExportFormat.GPX, tmp_path / "plan.gpx")
    root = ET.parse(path).getroot()
    assert root.tag == f"{GPX}gpx" and root.get("version") == "1.1"
    children = [child.tag.removeprefix(GPX) for child in root]
    assert children == ["metadata"] + ["wpt"] * len(doc.stops) + ["rte"]
    names = [w.findtext(f"{GPX}name") for w in root.iter(f"{GPX}wpt")]
    assert names == [f"{s.number}. {s.name}" for s in doc.stops]
    assert EVIL in names[2]  # escaped on the way out, intact on the way back
    points = list(root.find(f"{GPX}rte").iter(f"{GPX}rtept"))
    assert len(points) == len(doc.stops) + 2
    assert points[0].findtext(f"{GPX}name") == points[-1].findtext(f"{GPX}name") == "单位大门"
    lat_lon = [(float(p.get("lat")), float(p.get("lon"))) for p in points[1:-1]]
    assert lat_lon == [pytest.approx((s.point.lat, s.point.lon)) for s in doc.stops]
    assert b"<script>" not in path.read_bytes()


KML = "{http://www.opengis.net/kml/2.2}"


def test_kml_placemarks_and_line(sample, tmp_path: Path) -> None:
    _, _, doc = sample
    path = export_plan(doc, ExportFormat.KML, tmp_path / "plan.kml")
    root = ET.parse(path).getroot()
    assert root.tag == f"{KML}kml"
    placemarks = list(root.iter(f"{KML}Placemark"))
    names = [p.findtext(f"{KML}name") for p in placemarks]
    assert names[0] == "单位大门"
    assert names[1:-1] == [f"{s.number}. {s.name}" for s in doc.stops]
    line = placemarks[-1].find(f"{KML}LineString").findtext(f"{KML}coordinates").split()
    assert len(line) == len(doc.route)
    lon, lat, _ = map(float, line[1].split(","))
    assert (lat, lon) == pytest.approx((NORTH.lat, NORTH.lon))
    assert b"<script>" not in path.read_bytes() and b"&lt;script&gt;" in path.read_bytes()


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.tags: list[str] = []
        self._in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th"):
            self._in_cell = True
            self.rows[-1].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._in_cell = False

    def handle_data(self, data: str) -> None:
        if self._in_cell:
            self.rows[-1][-1] += data.strip()


def test_html_is_offline_escaped_and_ordered(sample, tmp_path: Path) -> None:
    _, _, doc = sample
    path = export_plan(doc, ExportFormat.HTML, tmp_path / "plan.html")
    page = path.read_text("utf-8")
    parser = _Cells()
    parser.feed(page)
    assert "script" not in parser.tags and "b" not in parser.tags
    assert "&lt;script&gt;" in page and "<script" not in page
    for pattern in (r"\bsrc\s*=", r"\bhref\s*=", r"url\(", r"@import", r"<link", r"<iframe"):
        assert not re.search(pattern, page, re.IGNORECASE), pattern
    assert set(re.findall(r"https?://[^\s\"'<>]+", page)) <= {"http://www.w3.org/2000/svg"}
    body = [row for row in parser.rows if len(row) == 4][1:]
    assert [r[1] for r in body] == [r.time_range for r in doc.rows]
    assert [r[2] for r in body] == [r.title for r in doc.rows]
    assert "<svg" in page and "示意图，非精确比例" in page and ">北<" in page


def test_schematic_svg_draws_every_placed_stop(sample) -> None:
    _, _, doc = sample
    root = ET.fromstring(schematic_svg(doc))
    ns = "{http://www.w3.org/2000/svg}"
    circles = root.findall(f"{ns}circle")
    assert len(circles) == len(doc.stops)
    texts = [t.text for t in root.iter(f"{ns}text")]
    assert [str(s.number) for s in doc.stops] == [t for t in texts if t and t.isdigit()]
    assert any(t and EVIL[:10] in t for t in texts)
    xs = [float(c.get("cx")) for c in circles]
    assert xs[2] < xs[0] < xs[1]  # WEST-ish custom stop, NORTH, EAST: west to east


def test_schematic_svg_names_unplaced_stops(sample) -> None:
    plan, sites, _ = sample
    sites = dict(sites)
    sites[2] = make_site(2, "太原解放纪念馆", point=None)
    doc = build_document(plan, compute_schedule(plan, sites, DEFAULT_SETTINGS), sites)
    svg = schematic_svg(doc)
    assert "未标注（位置未知）：2. 太原解放纪念馆" in svg


def test_json_delegates_to_the_plan_file(sample, tmp_path: Path) -> None:
    plan, sites, doc = sample
    path = export_plan(doc, ExportFormat.JSON, tmp_path / "plan.json", plan=plan, sites=sites)
    assert isinstance(json.loads(path.read_text("utf-8")), dict)
    with pytest.raises(ExportError) as info:
        export_plan(doc, ExportFormat.JSON, tmp_path / "other.json")
    assert info.value.code is ExportErrorCode.MISSING_INPUT


def test_export_refuses_to_overwrite_unless_told(sample, tmp_path: Path) -> None:
    _, _, doc = sample
    target = tmp_path / "plan.gpx"
    target.write_text("old")
    with pytest.raises(ExportError) as info:
        export_plan(doc, "gpx", target)
    assert info.value.code is ExportErrorCode.EXISTS and info.value.path == target
    assert target.read_text() == "old"
    export_plan(doc, "gpx", target, overwrite=True)
    assert target.read_bytes().startswith(b"<?xml")


@pytest.mark.parametrize("fmt", [ExportFormat.PDF, ExportFormat.SIGNIN])
def test_qt_formats_are_not_written_by_the_core(sample, tmp_path: Path, fmt) -> None:
    _, _, doc = sample
    with pytest.raises(ExportError) as info:
        export_plan(doc, fmt, tmp_path / "x.pdf")
    assert info.value.code is ExportErrorCode.UNSUPPORTED


def test_exports_import_no_qt() -> None:
    code = (
        "import sys, hongtu.core.exports as e, hongtu.core.exports.docx, "
        "hongtu.core.exports.xlsx, hongtu.core.exports.ics, hongtu.core.exports.html, "
        "hongtu.core.exports.gpx, hongtu.core.exports.kml, hongtu.core.exports.csv, "
        "hongtu.core.document, hongtu.core.atomic; "
        "assert not [m for m in sys.modules if m.startswith('PySide6')]"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# ---- atomic writes -----------------------------------------------------------------------


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_write_atomic_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two" and _leftovers(tmp_path) == []
    assert target.stat().st_mode & 0o777 == 0o644


def test_failed_replace_keeps_the_old_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "plan.docx"
    target.write_bytes(b"old plan")

    def full(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    doc = build_sample()[2]
    with pytest.raises(ExportError) as info:
        export_plan(doc, ExportFormat.DOCX, target, overwrite=True)
    assert info.value.code is ExportErrorCode.DISK_FULL and info.value.path == target
    assert target.read_bytes() == b"old plan"
    assert _leftovers(tmp_path) == []


def test_failure_mid_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "a.csv"
    target.write_bytes(b"old")
    with pytest.raises(ExportError) as info, atomic_file(target) as stream:
        stream.write(b"half of the new")
        raise PermissionError(errno.EACCES, "denied")
    assert info.value.code is ExportErrorCode.PERMISSION
    assert target.read_bytes() == b"old" and _leftovers(tmp_path) == []


def test_a_bug_in_a_writer_is_not_disguised(tmp_path: Path) -> None:
    target = tmp_path / "a.csv"
    with pytest.raises(ZeroDivisionError), atomic_file(target) as stream:
        stream.write(b"x")
        _ = 1 / 0
    assert not target.exists() and _leftovers(tmp_path) == []


def test_missing_or_file_folder_is_not_a_directory(tmp_path: Path) -> None:
    with pytest.raises(ExportError) as info:
        write_atomic(tmp_path / "nowhere" / "a.txt", b"x")
    assert info.value.code is ExportErrorCode.NOT_A_DIRECTORY
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError) as info:
        write_atomic(tmp_path / "file" / "a.txt", b"x")
    assert info.value.code is ExportErrorCode.NOT_A_DIRECTORY


def test_unwritable_folder_is_a_permission_error(tmp_path: Path, monkeypatch) -> None:
    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", denied)
    with pytest.raises(ExportError) as info:
        write_atomic(tmp_path / "a.txt", b"x")
    assert info.value.code is ExportErrorCode.PERMISSION


def test_day_past_midnight_moves_calendar_dates(sample) -> None:
    plan, sites, _ = sample
    plan.gathering_time = time(21, 0)
    doc = build_document(plan, compute_schedule(plan, sites, DEFAULT_SETTINGS), sites)
    cal = icalendar.Calendar.from_ical(render_ics(doc))
    starts = [e.decoded("DTSTART") for e in cal.walk("VEVENT")]
    assert starts == sorted(starts)
    assert starts[-1].date() == date(2025, 10, 16)


class _Viewer(HTMLParser):
    """A KML viewer's reading of a description: it is HTML; the tags and the text lines."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.lines = [""]
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)
        if tag == "br":
            self.lines.append("")

    def handle_data(self, data: str) -> None:
        self.lines[-1] += data


def test_kml_descriptions_show_user_markup_as_typed_line_by_line(tmp_path: Path) -> None:
    """A label like <a href='x'>link</a> became a live link in Google Earth (a description is
    HTML there) and a stop's lines ran together: it now shows as typed, one line each."""
    plan, sites, _ = build_sample(evil=False)
    hostile = "<a href='x'>link</a> & <b>粗</b>"
    plan.stops[0].activities.append(Activity(ActivityKind.CUSTOM, 10, hostile))
    doc = build_document(plan, compute_schedule(plan, sites, DEFAULT_SETTINGS), sites)
    path = export_plan(doc, ExportFormat.KML, tmp_path / "plan.kml")
    root = ET.parse(path).getroot()
    first_stop = [p for p in root.iter(f"{KML}Placemark")][1]
    viewer = _Viewer(first_stop.findtext(f"{KML}description"))
    assert set(viewer.tags) == {"br"}  # no link, no bold: only the line breaks
    expected = [
        f"{r.time_range} {r.title}"
        for r in doc.rows
        if r.stop_id == doc.stops[0].stop_id and r.item_index is not None
    ]
    assert viewer.lines == expected and any(hostile in line for line in viewer.lines)
    overview = _Viewer(root.find(f"{KML}Document").findtext(f"{KML}description"))
    assert overview.lines == [doc.time_text, doc.totals.text]


def _city_and_far_day() -> PlanDocument:
    """Twelve stops: eight in central Taiyuan a few hundred metres to 2 km apart, three far
    away (阳曲, 高君宇故居, 刘胡兰纪念馆): the map's scale is set by the far ones."""
    from hongtu.core.catalogue import load_catalogue

    keys = (
        "balujun-zhujin-banshichu-jiuzhi",
        "zhonggong-taiyuan-zhibu-jiuzhi",
        "shanxi-guomin-shifan-jiuzhi",
        "taiyuan-gongchengdui-jiuzhi",
        "zhonggong-taiyuan-lishi-zhanlanguan",
        "shuangta-geming-lieshi-lingyuan",
        "xibei-yezhanjun-qizong-silingbu-jiuzhi",
        "taiyuan-jiefang-jinianguan",
        "zhonggong-yangqu-xianwei-jiuzhi",
        "gao-junyu-guju",
        "liu-hulan-jinianguan",
    )
    catalogue = load_catalogue()
    sites = {i: catalogue.get(key).to_site(i) for i, key in enumerate(keys, start=1)}
    stops = [site_stop(i, Activity(ActivityKind.TOUR, 30)) for i in range(1, 7)]
    lunch = "午餐：太原市迎泽区某某街道某某社区党群服务中心职工食堂（二楼东侧）"
    stops.append(
        Stop(
            custom=custom_place(lunch, LatLon(37.858, 112.58)),
            activities=[Activity(ActivityKind.LUNCH, 45)],
        )
    )
    stops += [site_stop(i, Activity(ActivityKind.TOUR, 30)) for i in range(7, 12)]
    plan = make_plan(stops)
    return build_document(plan, compute_schedule(plan, sites, DEFAULT_SETTINGS), sites)


def test_printed_map_never_writes_a_name_over_another_or_over_a_marker() -> None:
    """On paper the map cannot be zoomed: the city stops' markers are drawn apart, each name
    stands clear of every other name and marker (on a leader line if need be), and a name
    that fits nowhere is listed under the map instead of written over another."""
    from hongtu.core.exports.svgmap import RADIUS, schematic_map

    doc = _city_and_far_day()
    chart = schematic_map(doc)
    root = ET.fromstring(chart.svg)
    ns = "{http://www.w3.org/2000/svg}"
    circles = [(float(c.get("cx")), float(c.get("cy"))) for c in root.iter(f"{ns}circle")]
    assert len(circles) == len(doc.stops) == 12
    for (x1, y1), (x2, y2) in itertools.combinations(circles, 2):
        assert (x1 - x2) ** 2 + (y1 - y2) ** 2 >= (2 * RADIUS) ** 2  # no marker under another
    boxes = [
        (float(r.get("x")), float(r.get("y")), float(r.get("width")), float(r.get("height")))
        for r in root.iter(f"{ns}rect")
        if r.get("rx") == "3"  # a name's white box
    ]

    def overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
        across = a[0] < b[0] + b[2] and b[0] < a[0] + a[2]
        return across and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]

    for one, other in itertools.combinations(boxes, 2):
        assert not overlap(one, other)
    for box in boxes:
        for x, y in circles:
            assert not overlap(box, (x - RADIUS, y - RADIUS, 2 * RADIUS, 2 * RADIUS))
    names = " ".join(t.text or "" for t in root.iter(f"{ns}text"))
    for stop in doc.stops:
        shown = stop.name[:10] in names
        listed = any(line.endswith(stop.name) for line in chart.unlabelled)
        assert shown != listed, stop.name  # on the map or under it, never both, never neither
    assert len(chart.unlabelled) <= 3  # most names are on the map


def test_the_window_and_plans_show_say_an_activity_kind_once(qapp, capsys, tmp_path) -> None:
    from hongtu.cli import main
    from hongtu.core.workspace import open_workspace
    from hongtu.qt.plan_models import activity_label

    label = "现场党课：八路军驻晋办事处的历史"
    lesson = Activity(ActivityKind.LESSON, 45, label)
    assert activity_label(lesson) == label
    db = str(tmp_path / "a.sqlite3")
    workspace = open_workspace(db)
    stop = Stop(custom=custom_place("八路军驻晋办事处旧址", NORTH), activities=[lesson])
    plan = workspace.plans.save(make_plan([stop]))
    workspace.close()
    assert main(["--db", db, "plans", "show", str(plan.id)]) == 0
    out = capsys.readouterr().out
    assert label in out and "现场党课：现场党课" not in out
