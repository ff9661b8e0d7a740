"""A branch's recorded year for the ledger's view and document tests: varied attendance, leave
with reasons, places visited, a member who leaves mid-year and months without a Party-day."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from factories import custom_place, make_plan
from hongtu.core.geo import LatLon
from hongtu.core.ledger import Counts, rate_text
from hongtu.core.members import Member, PartyStatus
from hongtu.core.plans import Stop
from hongtu.core.records import ActivityRecord, DoneItem, DoneState, everyone_present

BRANCH = "机关第一党支部"
PLACES = ("八路军太原办事处纪念馆", "太原解放纪念馆", "双塔烈士陵园", "高君宇故居")
TODAY = date(2026, 1, 10)


def member_names(count: int) -> list[str]:
    surnames = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗"
    given = ("建国", "秀英", "志强", "丽华", "海涛", "晓燕", "国庆", "红梅", "卫东", "静")
    return [f"{surnames[i % 20]}{given[(i // 2) % 10]}{'' if i < 20 else i}" for i in range(count)]


def record_year(
    workspace: Any,
    *,
    year: int = 2025,
    members: int = 12,
    months: tuple[int, ...] = (1, 3, 4, 5, 7, 9, 10, 12),
    branch: str = BRANCH,
) -> None:
    """Records one Party-day in each of ``months``; in month m members m and m+1 (when m is
    odd) are absent and every fourth month two are on leave. The last member leaves in June."""
    if not workspace.members.members(branch):
        workspace.members.import_members(
            branch,
            [
                Member(None, name, "书记" if i == 0 else "", PartyStatus.FULL)
                for i, name in enumerate(member_names(members))
            ],
        )
    roster = workspace.members.members(branch)
    for month in months:
        day = date(year, month, 12)
        if day >= date(year, 6, 1) and roster[-1].left_on is None:
            workspace.members.leave(roster[-1].id, date(year, 6, 1))
            roster = workspace.members.members(branch)
        stops = [
            Stop(custom=custom_place(PLACES[(month + k) % len(PLACES)], LatLon(37.86, 112.55)))
            for k in range(1 + month % 2)
        ]
        plan = make_plan(stops, on=day)
        plan.title = f"{month}月主题党日"
        plan.branch = branch
        plan = workspace.plans.save(plan)
        absent = [m.id for m in roster[month % len(roster) :][: 1 + month % 2]]
        leave = (
            {roster[1].id: "出差", roster[2].id: "病假"}
            if month % 4 == 0 and roster[1].id not in absent and roster[2].id not in absent
            else {}
        )
        workspace.records.save(
            ActivityRecord(
                plan.id,
                day,
                everyone_present(roster, day, leave=leave, absent=absent),
                summary=f"{month}月：参观学习，重温入党誓词。",
                host=roster[0].name,
                recorder=roster[1].name,
                # each stop, as 记录活动 lists them (the record names the places visited)
                done=tuple(
                    DoneItem(stop.custom.name if stop.custom else "", DoneState.DONE, stop.id)
                    for stop in stops
                ),
            ),
            today=TODAY,
        )


# ---- the 台账 in the real window ---------------------------------------------------------------


def open_ledger_by_keys(qtbot: Any, window: Any) -> Any:
    """Ctrl+L (台账 › 年度台账…) in the main window; the ledger window that comes up."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from hongtu.qt.ledger_view import LedgerWindow
    from journey_helpers import TIMEOUT

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=TIMEOUT)
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: isinstance(QApplication.activeWindow(), LedgerWindow), timeout=TIMEOUT
    )
    return QApplication.activeWindow()


def export_from_ledger(qtbot: Any, ledger: Any, folder: Path, monkeypatch: Any) -> list[Path]:
    """导出台账 › Word, Excel and PDF, each saved where the (patched) file dialog says."""
    from PySide6.QtWidgets import QFileDialog

    from journey_helpers import TIMEOUT

    targets = [folder / f"台账.{fmt}" for fmt in ("docx", "xlsx", "pdf")]
    for target in targets:
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", staticmethod(lambda *_a, t=target, **_k: (str(t), ""))
        )
        fmt = target.suffix[1:]
        assert ledger.export_actions[fmt] in ledger.export_button.menu().actions()
        with qtbot.waitSignal(ledger.exported, timeout=TIMEOUT):
            ledger.export_actions[fmt].trigger()
    return targets


def exported_day(targets: list[Path], day: date) -> dict[str, list[str]]:
    """The day's row as each exported ledger prints it: 应到, 实到, 请假, 缺席, rate, 列席, and
    the docx/xlsx 缺席及原因."""
    import re
    import shutil
    import subprocess

    from docx import Document
    from openpyxl import load_workbook

    docx, xlsx, pdf = targets
    document = Document(str(docx))
    fields = {r.cells[0].text: r.cells[1].text for r in document.tables[3].rows}  # 2: members
    summary = next(
        [c.text for c in row.cells]
        for row in document.tables[1].rows
        if row.cells[0].text == day.isoformat()
    )
    sheet = load_workbook(xlsx)[f"{day.year}年"]
    row = next(
        [c.value for c in r] for r in sheet.iter_rows(min_row=2) if r[0].value == day.isoformat()
    )
    found = {
        "docx": [*summary[3:9], fields["缺席及原因"]],
        "xlsx": [*(cell_text(v) for v in row[5:11]), str(row[11])],
    }
    if shutil.which("pdftotext"):  # poppler reads the PDF back where it is installed
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        line = next(x for x in text.splitlines() if x.strip().startswith(day.isoformat()))
        found["pdf"] = re.findall(r"\d+\.\d%|—|(?<![\d/-])\d+(?![\d/-])", line)[-6:]
    return found


def month_text(c: Counts | None) -> str:
    """A member's month as every ledger output prints it: 实到/应到; the month's one Party-day
    missed as 假 (on leave) or 缺 (absent); with more days the figures and the marks; 列席."""
    if c is None or not (c.expected or c.observers):
        return ""
    if not c.expected:
        return "列席"
    marks = "假" * bool(c.leave) + "缺" * bool(c.absent)
    if marks and c.expected == 1:
        return marks
    return f"{c.present}/{c.expected}{marks}"


def cell_text(value: object) -> str:
    """An XLSX figure as the window and the PDF print it: a rate (a fraction) as "83.3%"."""
    return rate_text(value) if isinstance(value, float) else str(value)
