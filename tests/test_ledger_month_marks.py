"""QA s28: in the members × months grid a month on leave and a month absent both read "0/1"
(the window set both off in one yellow), and a member's months after their 离开日期 were blank,
as if nothing were known. Now the month says 假 or 缺 (the window adds a colour of each, never
the colour alone) and 已离开 from the month they left, in the window and in every export."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from hongtu.core.exports.ledger_docx import render_ledger_docx
from hongtu.core.exports.ledger_summary import build_ledger_summary
from hongtu.core.exports.ledger_xlsx import render_ledger_xlsx
from hongtu.core.ledger import YearLedger, build_ledger
from hongtu.core.members import Member, PartyStatus
from hongtu.core.records import ActivityRecord, everyone_present

BRANCH = "第一党支部"
LEFT_ON = date(2025, 6, 15)
ROSTER = [
    Member(1, "张三", "书记", PartyStatus.FULL),
    Member(2, "李四", "", PartyStatus.FULL, left_on=LEFT_ON),
    Member(3, "王五", "", PartyStatus.FULL),
    Member(4, "赵六", "", PartyStatus.ACTIVIST),  # 列席 when he comes
]
MARCH, MAY, JULY = date(2025, 3, 10), date(2025, 5, 10), date(2025, 7, 10)
#: what each member's twelve months say: 李四 on leave in March, 王五 absent; 李四 gone from June
EXPECTED = {
    "张三": ("", "", "1/1", "", "1/1", "", "缺", "", "", "", "", ""),
    "李四": ("", "", "假", "", "1/1", *["已离开"] * 7),
    "王五": ("", "", "缺", "", "1/1", "", "1/1", "", "", "", "", ""),
    "赵六": ("", "", "列席", "", "列席", "", "列席", "", "", "", "", ""),
}
MARKS_NOTE = "“假”：请假；“缺”：缺席；“已离开”：离开日期之后的月份。"


def _year() -> YearLedger:
    def day(on: date, plan: int, leave: dict[int, str], absent: list[int]) -> ActivityRecord:
        roster = [m for m in ROSTER if m.active_on(on)]
        return ActivityRecord(plan, on, everyone_present(roster, on, leave, absent))

    records = [day(MARCH, 1, {2: "出差"}, [3]), day(MAY, 2, {}, []), day(JULY, 3, {}, [1])]
    return build_ledger(BRANCH, 2025, records, {}, ROSTER, today=date(2025, 12, 31))


def test_the_months_say_leave_absence_and_left_apart() -> None:
    summary = build_ledger_summary(_year())
    assert {row[0]: row[1:13] for row in summary.member_rows} == EXPECTED
    assert summary.marks_note == MARKS_NOTE


def test_the_xlsx_and_the_docx_print_the_same_words() -> None:
    ledger = _year()
    sheet = load_workbook(io.BytesIO(render_ledger_xlsx(ledger)))["成员出勤"]
    rows = [[c.value or "" for c in row] for row in sheet.iter_rows(min_row=2)]
    assert {row[0]: tuple(row[3:15]) for row in rows[:4]} == EXPECTED
    assert rows[-1][0] == MARKS_NOTE
    document = Document(io.BytesIO(render_ledger_docx(ledger)))
    members = document.tables[2]
    cells = [[c.text for c in row.cells] for row in members.rows[1:]]
    assert {row[0]: tuple(row[1:13]) for row in cells} == EXPECTED
    assert MARKS_NOTE in [p.text for p in document.paragraphs]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_pdf_prints_them_on_one_page(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from hongtu.qt.printing import render_ledger_pdf

    pdf = render_ledger_pdf(build_ledger_summary(_year()), tmp_path / "台账.pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert re.search(r"^Pages:\s+1$", info.stdout, re.M) and "(A4)" in info.stdout
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    rows = {line.split()[0]: line.split()[1:] for line in text.splitlines() if line.strip()}
    assert rows["李四"][:8] == ["假", "1/1", *["已离开"] * 6]
    assert rows["王五"][:2] == ["缺", "1/1"] and rows["张三"][2] == "缺"
    assert MARKS_NOTE in text.replace(" ", "")


@pytest.mark.gui
def test_the_window_sets_leave_absence_and_left_apart_by_word_and_colour(
    qtbot, workspace
) -> None:
    from PySide6.QtCore import Qt

    from hongtu.qt.ledger_view import LedgerWindow
    from hongtu.qt.tasks import SyncRunner

    window = LedgerWindow(workspace, runner=SyncRunner(), today=lambda: date(2026, 1, 10))
    qtbot.addWidget(window)
    window.show()
    window.show_ledger(_year())
    window.tabs.setCurrentIndex(1)
    model = window.members_model
    rows = {model.text(r, 0): r for r in range(model.rowCount())}

    def cell(name: str, month: int) -> tuple[str, str | None, str | None]:
        index = model.index(rows[name], month)
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        return (
            index.data(),
            background.color().name() if background is not None else None,
            foreground.color().name() if foreground is not None else None,
        )

    leave, absent, left = cell("李四", 3), cell("王五", 3), cell("李四", 8)
    assert (leave[0], absent[0], left[0]) == ("假", "缺", "已离开")
    assert leave[1] is not None and absent[1] is not None and leave[1] != absent[1]
    assert left[1] is None and left[2] is not None  # greyed, not a missed month
    assert cell("张三", 3) == ("1/1", None, None)
    note = window.members_note.text()
    assert "“假”（黄色）为请假" in note and "“缺”（红色）为缺席" in note and "已离开" in note


@pytest.mark.gui
def test_every_month_word_shows_whole_at_125_percent(lang, qtbot, workspace) -> None:
    """QA s28: the English window's Members tab read "Obser…" in every month of an observer:
    each month's word (列席, 假, 缺, 已离开 and their English) is whole on a 1366×768 laptop at
    125 %, the twelve months still sharing the width (nothing to scroll)."""
    from hongtu.qt.ledger_view import LedgerWindow
    from hongtu.qt.tasks import SyncRunner

    window = LedgerWindow(workspace, runner=SyncRunner(), today=lambda: date(2026, 1, 10))
    qtbot.addWidget(window)
    window.show()
    # a 1366×768 screen at 125 % is 1093×614 logical pixels: 552 under a title bar and a taskbar
    window.resize(1093, 552)
    table = window.members
    window.show_ledger(_year())
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.size().toTuple() == (1093, 552))
    for column in range(1, 13):
        assert table.sizeHintForColumn(column) <= table.columnWidth(column), column
    words = {window.members_model.text(1, 8), window.members_model.text(3, 3)}  # 李四, 赵六
    assert words == ({"Left", "Obs."} if lang == "en" else {"已离开", "列席"})
    assert table.horizontalHeader().length() <= table.viewport().width()
