"""QA s28: the open 台账 window kept showing figures that were no longer true while the CLI (or
a colleague's HongTu on a shared database) recorded a day, and 导出台账 wrote them (the PDF said
实到 5 / 缺席 0 where the database had 4 / 1): it re-read the year only when the window was
activated again. The window now follows the database as the plans list does, and an export
checks the database again first, so a file never carries figures the database no longer has."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from factories import custom_place, make_plan
from hongtu.core.geo import LatLon
from hongtu.core.ledger import load_ledger
from hongtu.core.members import Member, PartyStatus
from hongtu.core.plans import Stop
from hongtu.core.records import Presence
from hongtu.core.workspace import open_workspace
from hongtu.qt.ledger_view import LedgerWindow
from hongtu.qt.tasks import SyncRunner
from journey_helpers import seen_within_looks
from ledger_helpers import BRANCH, TODAY, record_year

pytestmark = pytest.mark.gui

MAY = date(2025, 5, 12)


@pytest.fixture
def window(qtbot, workspace):  # type: ignore[no-untyped-def]
    record_year(workspace, members=6, months=(3, 5))
    window = LedgerWindow(workspace, branch=BRANCH, runner=SyncRunner(), today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def may_row(window: LedgerWindow) -> tuple[str, ...]:
    return next(row for row in window.days_model.rows() if row[0] == MAY.isoformat())


def present_in_may(workspace) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """The plan recorded in May and someone who came that day."""
    (record,) = [r for r in workspace.records.records(BRANCH, 2025) if r.day == MAY]
    name = next(a.name for a in record.attendance if a.presence is Presence.PRESENT)
    return record.plan_id, name


def test_a_day_corrected_by_the_cli_shows_while_the_window_stays_active(
    qtbot, workspace, window
) -> None:
    before = may_row(window)
    plan_id, name = present_in_may(workspace)
    db = workspace.database.url.removeprefix("sqlite:///")
    command = [sys.executable, "-m", "hongtu", "--db", db, "record", str(plan_id)]
    done = subprocess.run([*command, "--absent", name], capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()

    expected, present, leave, absent = (int(n) for n in before[3:7])
    after = (str(expected), str(present - 1), str(leave), str(absent + 1))
    seen_within_looks(qtbot, window.watch_timer, lambda: may_row(window)[3:7] == after)
    assert window.isActiveWindow()  # followed the database, not a click into the window
    assert name in may_row(window)[9]  # 缺席及原因
    counts = load_ledger(workspace, BRANCH, 2025, TODAY).counts
    assert window.totals.text().startswith(f"全年开展 2 次主题党日：应到 {counts.expected}，")
    assert f"缺席 {counts.absent}，" in window.totals.text()


def test_an_export_writes_what_the_database_has_not_what_was_on_screen(
    qtbot, workspace, window, tmp_path
) -> None:
    """Another writer corrects the day just before 导出台账, between two of the window's looks:
    the file has the correction, and so has the window."""
    window.watch_timer.stop()  # the other writer saves after the window's last look
    before = may_row(window)
    plan_id, name = present_in_may(workspace)
    other = open_workspace(workspace.database.url.removeprefix("sqlite:///"))
    try:
        record = other.records.for_plan(plan_id)
        assert record is not None
        attendance = tuple(
            replace(a, presence=Presence.ABSENT) if a.name == name else a
            for a in record.attendance
        )
        other.records.save(replace(record, attendance=attendance), today=TODAY)
    finally:
        other.close()
    assert may_row(window) == before  # not looked at yet

    with qtbot.waitSignal(window.exported) as signal:
        window.export_to("xlsx", tmp_path / "台账.xlsx")
    sheet = load_workbook(signal.args[0])["2025年"]
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == MAY.isoformat())
    expected, present, _leave, absent = (int(n) for n in before[3:7])
    assert row[5:9] == (expected, present - 1, int(before[5]), absent + 1)
    assert name in row[11]
    assert may_row(window)[3:7] == tuple(str(v) for v in row[5:9])  # the window shows it too


SECOND = "机关第二党支部"


def years_listed(window: LedgerWindow) -> list[int]:
    return [window.year.itemData(i) for i in range(window.year.count())]


def branches_listed(window: LedgerWindow) -> list[str]:
    return [window.branch.itemText(i) for i in range(window.branch.count())]


def record_elsewhere(db: str, days: list[tuple[str, date]]) -> None:
    """Another program: a plan for each branch and day saved through a workspace of its own,
    then recorded with ``hongtu record`` (everyone present)."""
    other = open_workspace(db)
    try:
        plan_ids = []
        for branch, day in days:
            plan = make_plan([Stop(custom=custom_place("太原解放纪念馆", LatLon(37.85, 112.58)))])
            plan.date, plan.branch = day, branch
            plan_ids.append(other.plans.save(plan).id)
    finally:
        other.close()
    for plan_id in plan_ids:
        command = [sys.executable, "-m", "hongtu", "--db", db, "record", str(plan_id)]
        done = subprocess.run(command, capture_output=True, check=False)
        assert done.returncode == 0, done.stderr.decode()


def test_a_year_and_a_branch_recorded_elsewhere_join_the_lists(qtbot, workspace, window) -> None:
    """QA s29: the CLI (or a colleague's HongTu) recorded a day in a year the branch had no
    record in, and a first day for another branch; the open 台账 window's figures followed
    the database, but its year and branch lists never offered them. Now both lists follow
    while the window stays active, and the year and branch the organiser chose stay chosen."""
    assert years_listed(window) == [2026, 2025] and branches_listed(window) == [BRANCH]
    shown = window.days_model.rows()
    db = workspace.database.url.removeprefix("sqlite:///")
    other = open_workspace(db)
    try:
        other.members.import_members(SECOND, [Member(None, "赵红梅", "书记", PartyStatus.FULL)])
    finally:
        other.close()
    record_elsewhere(db, [(BRANCH, date(2024, 6, 12)), (SECOND, date(2025, 7, 1))])

    looks = window.watch_timer
    seen_within_looks(qtbot, looks, lambda: years_listed(window) == [2026, 2025, 2024])
    seen_within_looks(qtbot, looks, lambda: branches_listed(window) == [BRANCH, SECOND])
    assert window.isActiveWindow()  # followed the database, not a click into the window
    assert (window.branch.currentText(), window.year.currentData()) == (BRANCH, 2025)
    assert window.days_model.rows() == shown

    QTest.keyClick(window.year, Qt.Key.Key_Down)  # 2025年 → 2024年, the year just listed
    assert window.year.currentData() == 2024
    assert window.days_model.rows()[0][0] == "2024-06-12"
    QTest.keyClick(window.branch, Qt.Key.Key_Down)  # → the branch just listed, its year
    assert (window.branch.currentText(), window.year.currentData()) == (SECOND, 2025)
    assert window.days_model.rows()[0][0] == "2025-07-01"


def test_a_window_opened_before_any_branch_shows_the_first_one_recorded_elsewhere(
    qtbot, tmp_path
) -> None:
    """No roster and no record yet when the 台账 opened: the branch another program records
    a day for is listed and shown."""
    db = str(tmp_path / "hongtu.sqlite3")
    empty = open_workspace(db)
    window = LedgerWindow(empty, runner=SyncRunner(), today=lambda: TODAY)
    qtbot.addWidget(window)
    try:
        window.show()
        assert branches_listed(window) == [] and window.ledger is None
        other = open_workspace(db)
        try:
            other.members.import_members(SECOND, [Member(None, "赵红梅", "书记", PartyStatus.FULL)])
        finally:
            other.close()
        record_elsewhere(db, [(SECOND, date(2025, 7, 1))])
        seen_within_looks(qtbot, window.watch_timer, lambda: window.days_model.rowCount() > 0)
        assert branches_listed(window) == [SECOND]
        assert window.year.currentData() == 2025
        assert window.days_model.rows()[0][0] == "2025-07-01"
    finally:
        window.close()
        empty.close()
