"""The yearly ledger (台账): figures per day, month and year, and every export read back."""

from __future__ import annotations

import io
import json
import struct
import zlib
from dataclasses import replace
from datetime import date

import pytest
from docx import Document
from docx.shared import Cm
from openpyxl import load_workbook

from factories import custom_place, make_plan
from hongtu.cli import main
from hongtu.core import paths
from hongtu.core.exports.ledger_docx import render_ledger_docx
from hongtu.core.exports.ledger_labels import LedgerLabels
from hongtu.core.exports.ledger_text import missing_text
from hongtu.core.exports.ledger_xlsx import render_ledger_xlsx
from hongtu.core.geo import LatLon
from hongtu.core.ledger import load_ledger, rate_text
from hongtu.core.members import Member, PartyStatus
from hongtu.core.plans import Stop
from hongtu.core.records import (
    ActivityRecord,
    DoneItem,
    DoneState,
    PhotoRef,
    everyone_present,
)
from ledger_helpers import month_text

BRANCH = "第一党支部"
NAMES = ["张三", "李四", "王五", "赵六", "钱七", "孙八"]


def png(width: int, height: int) -> bytes:
    """A small red PNG (no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def _year(workspace) -> None:  # type: ignore[no-untyped-def]
    workspace.members.import_members(
        BRANCH,
        [Member(None, n, "书记" if i == 0 else "", PartyStatus.FULL) for i, n in enumerate(NAMES)],
    )
    members = workspace.members.members(BRANCH)
    ids = {m.name: m.id for m in members}
    photo = paths.data_dir() / "photos" / "p1.png"
    photo.parent.mkdir(parents=True, exist_ok=True)
    photo.write_bytes(png(40, 30))
    days = [
        (date(2025, 1, 10), {}, [], "八路军太原办事处纪念馆"),
        (date(2025, 3, 7), {ids["李四"]: "出差"}, [ids["赵六"], ids["钱七"]], "晋绥烈士陵园"),
        (date(2025, 7, 1), {ids["王五"]: "病假"}, [], "八路军太原办事处纪念馆"),
    ]
    for number, (day, leave, absent, place) in enumerate(days):
        stop = Stop(custom=custom_place(place, LatLon(37.86, 112.55)))
        plan = make_plan([stop], on=day)
        plan.title = f"主题党日{number + 1}"
        plan = workspace.plans.save(plan)
        if number == 2:  # a member leaves before July: not expected then
            workspace.members.leave(ids["孙八"], date(2025, 6, 1))
            members = workspace.members.members(BRANCH)
        workspace.records.save(
            ActivityRecord(
                plan.id,
                day,
                everyone_present(members, day, leave=leave, absent=absent),
                summary=f"小结{number + 1}",
                host="张三",
                recorder="李四",
                done=(DoneItem("参观学习", DoneState.DONE, stop.id),),
                photos=(
                    (
                        PhotoRef("a" * 64, "photos/p1.png", "", "合影"),
                        PhotoRef("b" * 64, "photos/gone.jpg", "", "丢失的照片"),
                    )
                    if number == 1
                    else ()
                ),
            ),
            today=date(2025, 12, 31),
        )


def test_the_year_counts_days_months_places_and_members(workspace) -> None:
    _year(workspace)
    ledger = load_ledger(workspace, BRANCH, 2025)
    assert [d.day.month for d in ledger.days] == [1, 3, 7]
    assert ledger.held == tuple(m in (1, 3, 7) for m in range(1, 13))
    figures = [(c.expected, c.present, c.leave, c.absent) for c in (d.counts for d in ledger.days)]
    assert figures == [(6, 6, 0, 0), (6, 3, 1, 2), (5, 4, 1, 0)]
    assert (ledger.counts.expected, ledger.counts.present) == (17, 13)
    assert rate_text(ledger.counts.rate) == "76.5%"
    assert ledger.places == (("八路军太原办事处纪念馆", 2), ("晋绥烈士陵园", 1))
    members = {m.name: m for m in ledger.members}
    assert (members["孙八"].counts.expected, members["孙八"].months[6]) == (2, None)
    assert members["赵六"].months[2] is not None and members["赵六"].months[2].absent == 1
    assert members["李四"].counts.leave == 1 and members["李四"].counts.present == 2
    assert load_ledger(workspace, BRANCH, 2024).days == ()


def test_xlsx_ledger_holds_every_figure(workspace) -> None:
    _year(workspace)
    ledger = load_ledger(workspace, BRANCH, 2025)
    book = load_workbook(io.BytesIO(render_ledger_xlsx(ledger)))
    days = book["2025年"]
    rows = [[c.value for c in row] for row in days.iter_rows(min_row=2)]
    assert len(rows) == len(ledger.days) + 2  # the days, the year, and what the figures count
    for row, day in zip(rows, ledger.days, strict=False):
        c = day.counts
        assert row[0] == day.day.isoformat() and row[1] == day.title
        assert row[2] == "；".join(day.places)
        figures = [c.expected, c.present, c.leave, c.absent, c.rate, c.observers]
        assert row[5:11] == figures
    assert rows[1][11] == "李四（请假：出差）；赵六（缺席）；钱七（缺席）"
    total = ledger.counts
    assert rows[-2][0] == "全年"
    assert rows[-2][5:11] == [
        total.expected,
        total.present,
        total.leave,
        total.absent,
        total.rate,
        total.observers,
    ]
    assert rows[-1][0].startswith("应到、实到、请假、缺席和出席率只计党员")
    sheet = book["成员出勤"]
    table = [[c.value for c in row] for row in sheet.iter_rows()]
    assert table[0][3:15] == [f"{m}月" for m in range(1, 13)]
    for row, member in zip(table[1:], ledger.members, strict=False):
        assert row[0] == member.name
        months = [
            "已离开" if c is None and member.left_in(2025, month) else month_text(c) or None
            for month, c in enumerate(member.months, start=1)
        ]
        if member.name == "孙八":  # left on 1 June
            assert months[5:] == ["已离开"] * 7
        assert [v or None for v in row[3:15]] == months
        c = member.counts
        figures = [c.expected, c.present, c.leave, c.absent, c.rate, c.observers]
        assert row[15:21] == figures
    # and the lines saying what the figures count and what the marks mean
    assert len(table) == len(ledger.members) + 3
    assert table[-1][0] == "“假”：请假；“缺”：缺席；“已离开”：离开日期之后的月份。"


def test_xlsx_rates_are_numbers_excel_can_add_and_chart(workspace) -> None:
    """QA s28: 出席率 was the text "83.3%": Excel could neither sum nor chart it. It is the
    fraction, shown as a percent with one decimal, as every other output prints it."""
    _year(workspace)
    ledger = load_ledger(workspace, BRANCH, 2025)
    book = load_workbook(io.BytesIO(render_ledger_xlsx(ledger)))
    days = book["2025年"]
    march = days["J3"]  # 6 expected, 3 present
    assert march.value == pytest.approx(0.5) and march.number_format == "0.0%"
    july = days["J4"]
    assert july.value == pytest.approx(4 / 5) and july.number_format == "0.0%"
    total = days["J5"]
    assert total.value == pytest.approx(13 / 17) and total.number_format == "0.0%"
    assert days["F3"].value == 6 and days["F3"].number_format == "General"
    members = book["成员出勤"]
    rates = {row[0].value: row[19] for row in members.iter_rows(min_row=2, max_row=7)}
    assert rates["张三"].value == pytest.approx(1.0) and rates["张三"].number_format == "0.0%"
    assert rates["孙八"].value == pytest.approx(1.0)
    assert rates["李四"].value == pytest.approx(2 / 3)  # on leave in March

def test_xlsx_ledger_prints_each_sheet_one_page_wide_with_nothing_cut_off(workspace) -> None:
    """The 台账 is filed on paper: both sheets print on A4 landscape, one page wide, the heading
    on every page; a long 缺席及原因 wraps and its row is as tall as its lines."""
    _year(workspace)
    ledger = load_ledger(workspace, BRANCH, 2025)
    book = load_workbook(io.BytesIO(render_ledger_xlsx(ledger)))
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert (int(setup.paperSize), setup.orientation, int(setup.fitToWidth)) == (
            9,
            "landscape",
            1,
        )
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$1" and sheet.freeze_panes == "A2"
    days = book["2025年"]
    reasons = days["L3"]  # 李四（请假：出差）；赵六（缺席）；钱七（缺席）: 44 units, column 40
    assert reasons.alignment.wrap_text
    assert days.row_dimensions[3].height >= 2 * 11 * 1.2
    assert days["F2"].alignment.horizontal == "center"  # 应到 beside 出席率, never run together


def test_docx_ledger_has_a_record_page_per_day_with_photos(workspace) -> None:
    _year(workspace)
    ledger = load_ledger(workspace, BRANCH, 2025)
    document = Document(io.BytesIO(render_ledger_docx(ledger)))
    _months, summary, _members, *pages = document.tables
    assert len(pages) == len(ledger.days)
    # a date on one line and the figures narrow, not ten equal columns that wrapped
    # "2025-01-12" and every theme (LibreOffice and WPS keep the widths as written)
    widths = [cell.width for cell in summary.rows[0].cells]
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    assert abs(sum(widths) - text_width) < Cm(0.05)
    # the theme, the places and the reasons take the rest, beside six figure columns (列席
    # too); 出席率 wide enough for a bold "100.0%" (test_ledger_docx_columns: each on one line)
    assert widths[0] >= Cm(2.0) and max(widths[3:9]) <= Cm(1.6)
    assert min(widths[1], widths[2]) >= Cm(1.7) and widths[9] >= Cm(3.0)
    assert widths[7] >= Cm(1.5)  # 出席率: a bold "100.0%" in LibreOffice without 宋体
    cells = [[c.text for c in row.cells] for row in summary.rows]
    for row, day in zip(cells[1:], ledger.days, strict=False):
        c = day.counts
        assert row == [
            day.day.isoformat(),
            day.title,
            "；".join(day.places),
            str(c.expected),
            str(c.present),
            str(c.leave),
            str(c.absent),
            rate_text(c.rate),
            str(c.observers),
            missing_text(day.missing, LedgerLabels()),
        ]
    t = ledger.counts
    assert cells[-1][3:9] == [
        str(t.expected),
        str(t.present),
        str(t.leave),
        str(t.absent),
        rate_text(t.rate),
        str(t.observers),
    ]
    for table, day in zip(pages, ledger.days, strict=True):
        fields = {row.cells[0].text: row.cells[1].text for row in table.rows}
        assert fields["主题"] == day.title and fields["时间"] == day.day.isoformat()
        c = day.counts
        assert fields["出勤"] == (
            f"应到 {c.expected}，实到 {c.present}，请假 {c.leave}，缺席 {c.absent}，"
            f"出席率 {rate_text(c.rate)}，列席 {c.observers}"
        )  # the order of the window's tables
        assert fields["小结"] == day.summary
        assert (fields["主持人"], fields["记录人"]) == ("张三", "李四")
        assert fields["地点"] == "；".join(day.places)
    assert (
        "李四（请假：出差）"
        in {r.cells[0].text: r.cells[1].text for r in pages[1].rows}["缺席及原因"]
    )
    assert len(document.inline_shapes) == 1  # the readable photo; the missing one is named
    assert any("照片无法读取：丢失的照片" in p.text for p in document.paragraphs)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "未开展主题党日的月份：2月；4月；5月；6月；8月；9月；10月；11月；12月" in text


def test_english_labels_change_words_not_figures(workspace) -> None:
    _year(workspace)
    ledger = load_ledger(workspace, BRANCH, 2025)
    labels = LedgerLabels(year_sheet_format="Y{year}", list_separator="; ")
    book = load_workbook(io.BytesIO(render_ledger_xlsx(ledger, labels)))
    assert book.sheetnames[0] == "Y2025"


def test_cli_shows_and_exports_the_ledger(workspace, tmp_path, capsys) -> None:
    _year(workspace)
    db = workspace.database.url.removeprefix("sqlite:///")
    assert main(["--db", db, "ledger", "show", "--branch", BRANCH, "--year", "2025", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["months_held"] == [1, 3, 7]
    assert shown["year_totals"] == {
        "expected": 17,
        "present": 13,
        "leave": 2,
        "absent": 2,
        "rate": round(13 / 17, 4),
        "observers": 0,
    }
    assert [d["absent"] for d in shown["days"]] == [0, 2, 0]
    assert main(["--db", db, "ledger", "show", "--branch", BRANCH, "--year", "2025"]) == 0
    assert "76.5%" in capsys.readouterr().out
    for fmt in ("xlsx", "docx"):
        out = tmp_path / f"台账.{fmt}"
        assert (
            main(
                [
                    "--db",
                    db,
                    "ledger",
                    "export",
                    "--branch",
                    BRANCH,
                    "--year",
                    "2025",
                    "--format",
                    fmt,
                    "--output",
                    str(out),
                ]
            )
            == 0
        )
        assert out.stat().st_size > 0
        assert (
            main(
                [
                    "--db",
                    db,
                    "ledger",
                    "export",
                    "--branch",
                    BRANCH,
                    "--year",
                    "2025",
                    "--format",
                    fmt,
                    "--output",
                    str(out),
                ]
            )
            == 2
        )
    rate = load_workbook(tmp_path / "台账.xlsx")["2025年"]["J5"]
    assert rate.value == pytest.approx(13 / 17) and rate.number_format == "0.0%"
    assert (
        main(
            [
                "--db",
                db,
                "ledger",
                "export",
                "--branch",
                BRANCH,
                "--year",
                "2025",
                "--format",
                "pptx",
                "--output",
                str(tmp_path / "x.pptx"),
            ]
        )
        == 2
    )


def test_cli_ledger_speaks_english(workspace, capsys) -> None:
    from test_cli_writers import _remove_cli_translators

    _year(workspace)
    db = workspace.database.url.removeprefix("sqlite:///")
    try:
        code = main(
            ["--db", db, "--lang", "en", "ledger", "show", "--branch", BRANCH, "--year", "2025"]
        )
    finally:
        _remove_cli_translators()
    out = capsys.readouterr().out
    assert code == 0
    assert "Expected" in out and "Months (● held" in out
    # a site visited once is not "1 times" (QA); figures stay those of the year
    assert "晋绥烈士陵园 (1×)" in out and "八路军太原办事处纪念馆 (2×)" in out
    assert "times)" not in out


def test_cli_records_a_day_with_two_absences_and_the_ledger_shows_it(tmp_path, capsys) -> None:
    from datetime import timedelta

    db = str(tmp_path / "r.sqlite3")
    roster = tmp_path / "名册.csv"
    roster.write_text(
        "姓名,职务,政治面貌\n张三,书记,正式党员\n李四,,正式党员\n王五,,预备党员\n"
        "赵六,,入党积极分子\n",
        encoding="utf-8",
    )
    assert main(["--db", db, "members", "import", str(roster), "--branch", BRANCH]) == 0
    from hongtu.core.workspace import open_workspace

    workspace = open_workspace(db)
    today = date.today()
    past = workspace.plans.save(make_plan(on=today - timedelta(days=1))).id
    future = workspace.plans.save(make_plan(on=today + timedelta(days=1))).id
    workspace.close()
    capsys.readouterr()
    assert main(["--db", db, "record", str(future)]) == 2
    assert "还没到" in capsys.readouterr().err
    assert main(["--db", db, "record", str(past), "--leave", "李四="]) == 2
    assert "需要填写原因" in capsys.readouterr().err
    assert (
        main(
            [
                "--db",
                db,
                "record",
                str(past),
                "--absent",
                "王五",
                "--absent",
                "赵六",
                "--summary",
                "参观并重温入党誓词",
            ]
        )
        == 0
    )
    # 赵六, an 入党积极分子, is not in 应到: only a Party member's absence counts
    assert "应到 3，实到 2，请假 0，缺席 1，列席 0" in capsys.readouterr().out
    year = str((today - timedelta(days=1)).year)
    assert main(["--db", db, "ledger", "show", "--branch", BRANCH, "--year", year, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["year_totals"]["absent"] == 1 and shown["year_totals"]["present"] == 2
    assert [m["name"] for m in shown["days"][0]["missing"]] == ["王五"]
    assert main(["--db", db, "plans", "list", "--json"]) == 0
    statuses = {p["id"]: p["status"] for p in json.loads(capsys.readouterr().out)}
    assert statuses[past] == "done" and statuses[future] != "done"


def test_cli_ledger_of_a_mistyped_branch_is_refused_naming_the_branches(
    workspace, tmp_path, capsys
) -> None:
    _year(workspace)
    workspace.members.import_members("第二党支部", [Member(None, "周九")])
    db = workspace.database.url.removeprefix("sqlite:///")
    assert main(["--db", db, "ledger", "show", "--branch", "不存在", "--year", "2025"]) == 2
    said = capsys.readouterr()
    assert said.out == "" and "不存在" in said.err
    assert "第一党支部" in said.err and "第二党支部" in said.err
    out = tmp_path / "台账.pdf"
    export = ["ledger", "export", "--year", "2025", "--format", "pdf", "--output", str(out)]
    assert main(["--db", db, *export, "--branch", "第一党支 部"]) == 2
    assert not out.exists() and "已导出" not in capsys.readouterr().out
    # spaces around the name, as pasted: the branch's ledger
    assert main(["--db", db, "ledger", "show", "--branch", f" {BRANCH} ", "--year", "2025"]) == 0
    shown = capsys.readouterr().out
    assert f"{BRANCH}2025年" in shown and "76.5%" in shown
    assert workspace.records.years(f"{BRANCH} ") == [2025]
    assert workspace.records.stamp(f"{BRANCH} ", 2025) == workspace.records.stamp(BRANCH, 2025)
    assert workspace.records.stamp(f"{BRANCH} ", 2025) != ()


def test_cli_ledger_documents_are_chinese_in_english(workspace, tmp_path, capsys) -> None:
    """QA s25: ``--lang en ledger export`` wrote "第一党支部: Party-day ledger 2025", "M1 … M12",
    "李四 (On leave: 出差)" and an English colon before a Chinese one. The 台账 is the branch's
    filed record: Chinese whatever the language, as the plan's documents are."""
    from test_cli_writers import _remove_cli_translators

    _year(workspace)
    db = workspace.database.url.removeprefix("sqlite:///")
    written = {fmt: tmp_path / f"ledger.{fmt}" for fmt in ("xlsx", "docx")}
    try:
        for fmt, out in written.items():
            args = ["--db", db, "--lang", "en", "ledger", "export", "--branch", BRANCH]
            args += ["--year", "2025", "--format", fmt, "--output", str(out)]
            assert main(args) == 0
        assert "Exported" in capsys.readouterr().out  # the command itself speaks English
    finally:
        _remove_cli_translators()
    book = load_workbook(written["xlsx"])
    assert book.sheetnames == ["2025年", "成员出勤"]
    assert [c.value for c in book["2025年"][1]][:3] == ["日期", "主题", "地点"]
    document = Document(str(written["docx"]))
    text = "\n".join(p.text for p in document.paragraphs)
    assert text.startswith(f"{BRANCH}2025年主题党日活动台账")
    assert "未开展主题党日的月份：2月；4月" in text
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "李四（请假：出差）" in cells
    for english in ("Party-day", "On leave", "Expected", "M1", ": "):
        assert english not in text + cells, english


def test_months_still_to_come_are_not_reported_as_without_a_party_day() -> None:
    """QA s25: opened in the middle of the year, the 台账 listed every later month as 未开展, so
    a secretary printing it for a mid-year review handed up the future as missed months."""
    from hongtu.core.exports.ledger_summary import build_ledger_summary
    from hongtu.core.ledger import MonthState, build_ledger

    roster = [Member(1, "张三", "", PartyStatus.FULL)]
    records = [
        ActivityRecord(m, date(2026, m, 12), everyone_present(roster, date(2026, m, 12)))
        for m in (1, 3, 6)
    ]
    in_june = build_ledger(BRANCH, 2026, records[:2], {}, roster, today=date(2026, 6, 15))
    assert in_june.missed_months() == [2, 4, 5]  # June is not over: not missed yet
    assert in_june.month_state(6) is MonthState.TO_COME
    assert in_june.month_state(12) is MonthState.TO_COME
    summary = build_ledger_summary(in_june)
    assert [mark for _name, mark, _figures in summary.months] == [
        "已开展", "未开展", "已开展", "未开展", "未开展", *["待开展"] * 7
    ]  # fmt: skip
    assert summary.months_without == "未开展主题党日的月份：2月；4月；5月"
    text = "\n".join(p.text for p in Document(io.BytesIO(render_ledger_docx(in_june))).paragraphs)
    assert "未开展主题党日的月份：2月；4月；5月" in text and "12月" not in text
    # a day recorded this month marks it held; the next year's months are all to come
    recorded = build_ledger(BRANCH, 2026, records, {}, roster, today=date(2026, 6, 15))
    assert recorded.month_state(6) is MonthState.HELD
    assert build_ledger(BRANCH, 2026, records, {}, roster, date(2026, 7, 1)).missed_months() == [
        2, 4, 5
    ]  # fmt: skip
    next_year = build_ledger(BRANCH, 2026, [], {}, roster, today=date(2025, 12, 31))
    assert next_year.missed_months() == []


def test_cli_ledger_of_next_year_has_no_months_without_a_party_day(workspace, capsys) -> None:
    _year(workspace)
    db = workspace.database.url.removeprefix("sqlite:///")
    year = str(date.today().year + 1)
    args = ["--db", db, "ledger", "show", "--branch", BRANCH, "--year", year]
    assert main([*args, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["months_held"] == [] and shown["months_not_held"] == []
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "1·  2·" in out and "12·" in out and "○" not in out.split("：", 1)[1]


def test_docx_ledger_has_the_members_months_and_the_sites_like_the_pdf(workspace) -> None:
    """QA s25: the Word 台账 had no member attendance and no 参观地点 (the PDF and the XLSX
    have both), wrote 应到/实到 9/8 where the window reads 应到 9 实到 8, and printed a lone "/"
    for an empty 主持人 and 记录人."""
    from docx.enum.section import WD_ORIENT

    from hongtu.core.exports.ledger_summary import build_ledger_summary

    _year(workspace)
    record = workspace.records.records(BRANCH, 2025)[0]
    workspace.records.save(replace(record, host="", recorder=""))
    ledger = load_ledger(workspace, BRANCH, 2025)
    summary = build_ledger_summary(ledger)
    document = Document(io.BytesIO(render_ledger_docx(ledger)))
    _months, _days, members, first, *_pages = document.tables
    rows = [tuple(c.text for c in row.cells) for row in members.rows]
    assert rows == [summary.member_header, *summary.member_rows]
    assert rows[1][0] == "张三" and rows[1][-6:] == ("3", "3", "0", "0", "100.0%", "0")
    texts = [p.text for p in document.paragraphs]
    places = texts[texts.index("参观地点") + 1]
    assert places == "八路军太原办事处纪念馆（2次）；晋绥烈士陵园（1次）"
    assert "成员全年出勤（党员：实到/应到；其他人：列席）" in texts
    # the twelve months on a landscape page, the 活动记录 pages upright again
    orientations = [s.orientation for s in document.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    fields = {r.cells[0].text: r.cells[1].text for r in first.rows}
    assert (fields["主持人"], fields["记录人"]) == ("", "")
    assert "/" not in "".join(fields.values())
    assert fields["出勤"] == "应到 6，实到 6，请假 0，缺席 0，出席率 100.0%，列席 0"


def test_cli_ledger_show_prints_each_members_year(workspace, capsys) -> None:
    """QA s25: the README promised each member's months from ``ledger show``; the text ended at
    参观地点 (members only with --json). One line a member fits a terminal: the year's figures
    and the months they were on leave or absent."""
    _year(workspace)
    db = workspace.database.url.removeprefix("sqlite:///")
    assert main(["--db", db, "ledger", "show", "--branch", BRANCH, "--year", "2025"]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = next(line for line in lines if line.startswith("姓名"))
    assert header.split() == [
        "姓名", "应到", "实到", "请假", "缺席", "出席率", "列席", "请假或缺席的月份"
    ]  # fmt: skip
    members = {line.split()[0]: line.split()[1:] for line in lines[lines.index(header) + 2 :]}
    assert members["张三"] == ["3", "3", "0", "0", "100.0%", "0"]
    assert members["李四"] == ["3", "2", "1", "0", "66.7%", "0", "3月请假"]
    assert members["孙八"] == ["2", "2", "0", "0", "100.0%", "0"]  # left in June: two days
    assert max(len(line) for line in lines[lines.index(header) :]) <= 80


def test_months_before_the_branchs_first_record_are_not_reported_as_missed(
    workspace, capsys
) -> None:
    """QA s26: a branch that began recording in HongTu in December got a 台账 (window, PDF, Word)
    saying 1–11月 未开展 — filed upward, eleven months without a Party-day that it did hold, just
    not in HongTu. The months before its first recorded Party-day are 无记录; a month missed
    after it is still 未开展, and a day recorded in an earlier year makes them count again."""
    from hongtu.core.exports.ledger_summary import build_ledger_summary
    from hongtu.core.ledger import MonthState

    workspace.members.import_members(BRANCH, [Member(None, "张三", "", PartyStatus.FULL)])
    roster = workspace.members.members(BRANCH)
    plan = workspace.plans.save(make_plan(on=date(2025, 12, 10)))
    assert plan.id is not None
    december = date(2025, 12, 10)
    workspace.records.save(ActivityRecord(plan.id, december, everyone_present(roster, december)))
    ledger = load_ledger(workspace, BRANCH, 2025, today=date(2026, 1, 5))
    assert ledger.missed_months() == []
    assert ledger.months_in(MonthState.NOT_RECORDED) == list(range(1, 12))
    summary = build_ledger_summary(ledger)
    assert [mark for _name, mark, _figures in summary.months] == [*["无记录"] * 11, "已开展"]
    assert summary.months_without == (
        "未开展主题党日的月份：无；1月—11月无记录（本支部在红途中首次记录活动之前）"
    )
    text = "\n".join(p.text for p in Document(io.BytesIO(render_ledger_docx(ledger))).paragraphs)
    assert "1月—11月无记录" in text and "未开展主题党日的月份：无" in text
    db = workspace.database.url.removeprefix("sqlite:///")
    assert main(["--db", db, "ledger", "show", "--branch", BRANCH, "--year", "2025", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["months_not_held"] == [] and shown["months_not_recorded"] == list(range(1, 12))
    # a Party-day recorded in the spring (entered late) makes the months after it count
    spring = workspace.plans.save(make_plan(on=date(2025, 3, 12)))
    assert spring.id is not None
    march = date(2025, 3, 12)
    workspace.records.save(ActivityRecord(spring.id, march, everyone_present(roster, march)))
    ledger = load_ledger(workspace, BRANCH, 2025, today=date(2026, 1, 5))
    assert ledger.months_in(MonthState.NOT_RECORDED) == [1, 2]
    assert ledger.missed_months() == [4, 5, 6, 7, 8, 9, 10, 11]
