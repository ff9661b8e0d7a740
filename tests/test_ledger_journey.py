"""Journey: after the day, the organiser opens the 台账 in the real window (1366×768) by keys and
mouse, finds the day's figures (two not there: 李四 on leave, 赵六 absent), opens the day's record
and exports the year's ledger as Word, Excel and PDF, where the same figures are printed.

The roster is imported from a CSV file and the day is recorded through the core (as 记录活动
saves it), with a photo, before the window opens."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QPlainTextEdit

from factories import custom_place, make_plan
from hongtu.core.geo import LatLon
from hongtu.core.members import read_member_file
from hongtu.core.photos import store_photo
from hongtu.core.plans import Stop
from hongtu.core.records import ActivityRecord, everyone_present
from hongtu.qt.ledger_view import LedgerWindow
from journey_helpers import SCREEN, TIMEOUT, click, journey_window

pytestmark = [
    pytest.mark.gui,
    pytest.mark.webengine,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils"),
]

BRANCH = "第一党支部"
ROSTER_CSV = (
    "序号,姓名,职务,政治面貌\n"
    "1,张三,支部书记,正式党员\n"
    "2,李四,组织委员,正式党员\n"
    "3,王五,宣传委员,正式党员\n"
    "4,赵六,,预备党员\n"
    "5,钱七,,正式党员\n"
    "6,孙八,,入党积极分子\n"
)
PLACES = ["八路军太原办事处纪念馆", "双塔烈士陵园"]


def _record_a_day(db: str, folder: Path, day: date) -> None:
    from hongtu.core.workspace import open_workspace

    roster = folder / "第一党支部名册.csv"
    roster.write_text(ROSTER_CSV, encoding="utf-8")
    picture = folder / "合影.jpg"
    Image.new("RGB", (1200, 800), (180, 20, 20)).save(picture, "JPEG")
    workspace = open_workspace(db)
    try:
        workspace.members.import_members(BRANCH, read_member_file(roster).members)
        members = workspace.members.members(BRANCH)
        ids = {m.name: m.id for m in members}
        plan = make_plan(
            [Stop(custom=custom_place(p, LatLon(37.86, 112.55))) for p in PLACES], on=day
        )
        plan.title = "重温入党誓词主题党日"
        plan.branch = BRANCH
        plan = workspace.plans.save(plan)
        assert plan.id is not None
        workspace.records.save(
            ActivityRecord(
                plan.id,
                day,
                everyone_present(members, day, leave={ids["李四"]: "出差"}, absent=[ids["赵六"]]),
                summary="参观纪念馆，重温入党誓词，向烈士敬献花篮。",
                host="张三",
                recorder="李四",
                photos=(store_photo(picture),),
            ),
            today=day + timedelta(days=3),
        )
    finally:
        workspace.close()


def _pdf_lines(path: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [re.sub(r"\s+", " ", line.strip()) for line in out.splitlines() if line.strip()]


def test_the_year_view_and_the_exported_ledger_show_the_recorded_day(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    day = date.today() - timedelta(days=3)
    db = str(tmp_path / "journey.sqlite3")
    _record_a_day(db, tmp_path, day)
    targets: list[Path] = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *_a, **_k: (str(targets[-1]), "")),
    )
    with journey_window(qtbot, db) as (window, _controller):
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=TIMEOUT)
        QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # 年度台账
        qtbot.waitUntil(
            lambda: isinstance(QApplication.activeWindow(), LedgerWindow), timeout=TIMEOUT
        )
        ledger = QApplication.activeWindow()
        assert isinstance(ledger, LedgerWindow)
        frame = ledger.frameGeometry()
        assert frame.width() <= SCREEN[0] and frame.height() <= SCREEN[1]
        assert ledger.branch.currentText() == BRANCH and ledger.year.currentData() == day.year

        # the year at a glance: the month held, the day's figures, the year's totals; 应到
        # counts the five Party members, 孙八 (入党积极分子) came as 列席
        month = ledger.months.buttons[day.month - 1]
        assert month.isEnabled() and "3/5" in month.text()
        first, total = ledger.days_model.rows()
        assert first[0] == day.isoformat()
        assert first[2] == "；".join(PLACES)
        assert first[3:9] == ("5", "3", "1", "1", "60.0%", "1")
        assert first[9] == "李四（请假：出差）；赵六（缺席）"
        assert total[3:9] == first[3:9]
        assert "应到 5，实到 3，请假 1，缺席 1，出席率 60.0%，列席 1" in ledger.totals.text()
        members = {row[0]: row for row in ledger.members_model.rows()}
        assert members["赵六"][day.month] == "缺" and members["张三"][day.month] == "1/1"
        assert members["李四"][day.month] == "假"
        assert members["孙八"][day.month] == "列席"

        # the month's button shows the day; a double-click opens its record
        click(qtbot, month)
        row = ledger.days.selectionModel().selectedRows()[0].row()
        rect = ledger.days.visualRect(ledger.days_model.index(row, 0))
        QTest.mouseClick(ledger.days.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        QTest.mouseDClick(ledger.days.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        texts = [w.toPlainText() for w in ledger.findChildren(QPlainTextEdit) if w.isVisible()]
        assert "李四（请假：出差）；赵六（缺席）" in texts
        assert "参观纪念馆，重温入党誓词，向烈士敬献花篮。" in texts

        # the ledger exported from the view prints the same figures
        for fmt in ("xlsx", "docx", "pdf"):
            targets.append(tmp_path / f"台账.{fmt}")
            assert ledger.export_actions[fmt] in ledger.export_button.menu().actions()
            with qtbot.waitSignal(ledger.exported, timeout=TIMEOUT):
                ledger.export_actions[fmt].trigger()
            qtbot.waitUntil(lambda f=fmt: f"台账.{f}" in window.statusBar().currentMessage())
        sheet = load_workbook(targets[0])[f"{day.year}年"]
        values = [c.value for c in sheet[2]]
        assert values[0] == day.isoformat()
        assert values[5:12] == [5, 3, 1, 1, 0.6, 1, "李四（请假：出差）；赵六（缺席）"]
        document = Document(str(targets[1]))
        fields = {r.cells[0].text: r.cells[1].text for r in document.tables[3].rows}
        assert fields["出勤"] == "应到 5，实到 3，请假 1，缺席 1，出席率 60.0%，列席 1"
        assert fields["缺席及原因"] == "李四（请假：出差）；赵六（缺席）"
        assert fields["列席"] == "孙八"
        assert len(document.inline_shapes) == 1  # the photo
        lines = _pdf_lines(targets[2])
        row_text = next(line for line in lines if line.startswith(day.isoformat()))
        assert "5 3 1 1 60.0% 1" in row_text
        assert any(line.startswith("赵六") and "缺" in line for line in lines)
        ledger.close()
