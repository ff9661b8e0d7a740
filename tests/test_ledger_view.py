"""The 台账 view: the year at a glance shows the core ledger's figures, opens a day's record,
draws its charts from the same figures and exports documents that print what it shows."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from itertools import pairwise

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from PySide6.QtCharts import QBarCategoryAxis, QHorizontalBarSeries, QStackedBarSeries
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from hongtu.core.exports.ledger_labels import LedgerLabels
from hongtu.core.exports.ledger_summary import build_ledger_summary
from hongtu.core.geo import LatLon
from hongtu.core.ledger import Counts, YearLedger, build_ledger, load_ledger, rate_text
from hongtu.core.members import Member, PartyStatus
from hongtu.core.plans import CustomPlace
from hongtu.core.records import ActivityRecord, Attendance, Presence
from hongtu.qt.ledger_record import RecordDialog
from hongtu.qt.ledger_view import LedgerWindow
from hongtu.qt.tasks import SyncRunner
from hongtu.qt.window_state import available_area
from ledger_helpers import BRANCH, TODAY, cell_text, month_text, record_year

pytestmark = pytest.mark.gui


def figures(c: Counts) -> tuple[str, ...]:
    """应到, 实到, 请假, 缺席, 出席率 and 列席 as the tables show them."""
    numbers = (c.expected, c.present, c.leave, c.absent)
    return (*(str(n) for n in numbers), rate_text(c.rate), str(c.observers))


@pytest.fixture
def ledger_window(qtbot, workspace):  # type: ignore[no-untyped-def]
    def open_window(**kwargs: object) -> LedgerWindow:
        window = LedgerWindow(
            workspace, branch=BRANCH, runner=SyncRunner(), today=lambda: TODAY, **kwargs
        )
        qtbot.addWidget(window)
        window.show()
        return window

    return open_window


def test_the_view_shows_every_figure_of_the_core_ledger(workspace, ledger_window) -> None:
    record_year(workspace, members=12)
    ledger = load_ledger(workspace, BRANCH, 2025)
    window = ledger_window()
    assert window.year.currentData() == 2025 and window.branch.currentText() == BRANCH
    rows = window.days_model.rows()
    assert len(rows) == len(ledger.days) + 1
    for row, day in zip(rows, ledger.days, strict=False):
        assert row[0] == day.day.isoformat() and row[1] == day.title
        assert row[2] == "；".join(day.places)
        assert row[3:9] == figures(day.counts)
    assert rows[-1][0] == "全年" and rows[-1][3:9] == figures(ledger.counts)
    c = ledger.counts
    assert window.totals.text() == (
        f"全年开展 {len(ledger.days)} 次主题党日：应到 {c.expected}，实到 {c.present}，"
        f"请假 {c.leave}，缺席 {c.absent}，出席率 {rate_text(c.rate)}，列席 {c.observers}"
    )
    for month, button in enumerate(window.months.buttons, start=1):
        held = ledger.held[month - 1]
        assert button.isEnabled() is held
        assert ("已开展" in button.text()) is held and ("未开展" in button.text()) is not held
        days = [d.counts for d in ledger.days if d.day.month == month]
        if days:
            present, expected = sum(c.present for c in days), sum(c.expected for c in days)
            assert button.text().splitlines()[2] == f"{present}/{expected}"
    assert window.missing_months.text() == "未开展主题党日的月份：2月；6月；8月；11月"
    members = window.members_model.rows()
    assert [r[0] for r in members] == [m.name for m in ledger.members]  # roster order
    for row, member in zip(members, ledger.members, strict=True):
        months = tuple(
            "已离开" if m is None and member.left_in(2025, month) else month_text(m)
            for month, m in enumerate(member.months, start=1)
        )
        assert row[1:13] == months and row[13:] == figures(member.counts)
    for place, days in ledger.places:
        assert f"{place}（{days}次）" in window.places.text()
    assert not window.days.isSortingEnabled() and not window.members.isSortingEnabled()


def test_a_months_button_selects_its_day_and_a_double_click_opens_the_record(
    qtbot, workspace, ledger_window
) -> None:
    record_year(workspace, members=12)
    ledger = load_ledger(workspace, BRANCH, 2025)
    window = ledger_window()
    window.tabs.setCurrentIndex(1)
    QTest.mouseClick(window.months.buttons[3], Qt.MouseButton.LeftButton)  # April
    assert window.tabs.currentIndex() == 0
    row = window.days.selectionModel().selectedRows()[0].row()
    april = ledger.days[row]
    assert april.day == date(2025, 4, 12)
    QTest.keyClick(window.days, Qt.Key.Key_Return)  # Enter opens the selected day too
    (dialog,) = [d for d in window.findChildren(RecordDialog) if d.isVisible()]
    assert dialog.windowTitle() == "活动记录：2025-04-12"
    dialog.close()
    rect = window.days.visualRect(window.days_model.index(row, 0))
    QTest.mouseClick(window.days.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(window.days.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialogs = [w for w in window.findChildren(QPlainTextEdit) if w.isVisible()]
    texts = [w.toPlainText() for w in dialogs]
    assert any("（请假：出差）" in t and "（请假：病假）" in t for t in texts), texts
    assert any(t == april.summary for t in texts)


def test_the_totals_row_opens_nothing_and_the_button_follows_the_selection(
    workspace, ledger_window
) -> None:
    record_year(workspace, months=(3, 5))
    window = ledger_window()
    assert not window.open_button.isEnabled()
    window.days.selectRow(2)  # 全年
    assert not window.open_button.isEnabled() and window.open_selected_day() is None
    window.days.selectRow(0)
    assert window.open_button.isEnabled()
    dialog = window.open_selected_day()
    assert dialog is not None and dialog.windowTitle() == "活动记录：2025-03-12"


def test_charts_are_drawn_from_the_same_figures(qtbot, workspace, ledger_window) -> None:
    record_year(workspace, members=12)
    ledger = load_ledger(workspace, BRANCH, 2025)
    window = ledger_window()
    assert window.attendance_view.chart().series() == []  # drawn when their tab is opened
    window.tabs.setCurrentWidget(window.charts_tab)
    (stacked,) = window.attendance_view.chart().series()
    assert isinstance(stacked, QStackedBarSeries)
    present, leave, absent = stacked.barSets()
    for month in range(1, 13):
        days = [d.counts for d in ledger.days if d.day.month == month]
        assert present.at(month - 1) == sum(c.present for c in days)
        assert leave.at(month - 1) == sum(c.leave for c in days)
        assert absent.at(month - 1) == sum(c.absent for c in days)
    assert sum(absent.at(i) for i in range(12)) == ledger.counts.absent
    (bars,) = window.places_view.chart().series()
    assert isinstance(bars, QHorizontalBarSeries)
    (visits,) = bars.barSets()
    assert [visits.at(i) for i in range(visits.count())] == [
        n for _p, n in reversed(ledger.places)
    ]


def test_choosing_another_year_loads_only_that_year(workspace, ledger_window) -> None:
    for year in (2023, 2024, 2025):
        record_year(workspace, year=year, months=(3,) if year < 2025 else (3, 4))
    window = ledger_window()
    assert [window.year.itemData(i) for i in range(window.year.count())] == [2026, 2025, 2024, 2023]
    assert window.year.currentData() == 2025  # the latest year with a record
    window.year.setCurrentIndex(window.year.findData(2023))
    assert window.ledger is not None and window.ledger.year == 2023
    assert len(window.days_model.rows()) == 2
    window.year.setCurrentIndex(window.year.findData(2026))
    assert window.days_model.rows()[-1][3:9] == ("0", "0", "0", "0", "—", "0")
    assert all(not b.isEnabled() for b in window.months.buttons)


def test_the_view_opens_on_the_branch_that_recorded_last(qtbot, workspace) -> None:
    record_year(workspace, branch="第二党支部", months=(9,))
    record_year(workspace, months=(3,))  # 机关第一党支部 sorts first but recorded earlier
    window = LedgerWindow(workspace, runner=SyncRunner(), today=lambda: TODAY)
    qtbot.addWidget(window)
    assert window.branch.currentText() == "第二党支部"
    assert [window.branch.itemText(i) for i in range(window.branch.count())] == [
        BRANCH,
        "第二党支部",
    ]


def test_a_ledger_window_closed_before_it_was_shown_lets_go_of_the_file(
    qtbot, workspace
) -> None:  # type: ignore[no-untyped-def]
    """It watches the file for other programs' writes from the start, through a connection of
    its own: closed unseen, it left that connection open until Python collected it."""
    window = LedgerWindow(workspace, runner=SyncRunner(), today=lambda: TODAY)
    qtbot.addWidget(window)
    watcher = window._watcher
    assert watcher is not None and watcher._probe._con is not None
    assert window.close()
    assert window._watcher is None
    # closed on the look thread, after a look that may still be running there
    qtbot.waitUntil(lambda: watcher._probe._con is None, timeout=5_000)


def test_a_closed_ledger_window_reads_nothing_when_an_activation_reaches_it_late(
    qtbot, workspace, ledger_window, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Coming back to the window reloads the year if it changed; an activation the platform
    delivers after the window was closed (the main window closing, 恢复数据) read the database
    again, through a workspace that may be closed by then: a connection opened on a disposed
    engine and never closed (Python 3.13 reports it when it is collected)."""
    record_year(workspace, months=(3,))
    reads: list[tuple[str, int]] = []
    stamp = workspace.records.stamp

    def counted(branch: str, year: int) -> object:
        reads.append((branch, year))
        return stamp(branch, year)

    monkeypatch.setattr(workspace.records, "stamp", counted)
    window = ledger_window()
    qtbot.waitExposed(window)
    assert window.close()
    before = len(reads)
    QApplication.processEvents()  # the platform's activation of the window shown, late
    assert reads[before:] == []  # closed: nothing read
    window.show()  # open again: coming back to it looks for changes
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    before = len(reads)
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    assert reads[before:] == [(BRANCH, 2025)]


def test_a_branch_without_records_shows_an_empty_year(workspace, ledger_window) -> None:
    workspace.members.import_members("第二党支部", [Member(None, "甲", "", PartyStatus.FULL)])
    record_year(workspace, months=(3,))
    window = ledger_window()
    window.branch.setCurrentIndex(window.branch.findText("第二党支部"))
    assert window.year.currentData() == TODAY.year
    assert window.ledger is not None and window.ledger.days == ()
    assert "全年开展 0 次主题党日" in window.totals.text()


def test_names_typed_by_people_stay_text(workspace, ledger_window) -> None:
    record_year(workspace, months=(3,))
    plan_id = load_ledger(workspace, BRANCH, 2025).days[0].plan_id
    plan = workspace.plans.get(plan_id)
    plan.title = "<b>粗体</b>&amp;"
    plan.stops[0].custom = CustomPlace(name="<i>纪念馆</i>", point=LatLon(37.86, 112.55))
    workspace.plans.save(plan)
    record = workspace.records.for_plan(plan_id)  # the day keeps its own title: corrected
    workspace.records.save(replace(record, title=plan.title))
    window = ledger_window()
    assert window.days_model.rows()[0][1] == "<b>粗体</b>&amp;"
    assert window.days_model.rows()[0][2].startswith("<i>纪念馆</i>；")
    window.tabs.setCurrentWidget(window.charts_tab)
    (names,) = [
        axis
        for axis in window.places_view.chart().axes()
        if isinstance(axis, QBarCategoryAxis)
    ]
    assert "&lt;i&gt;纪念馆&lt;/i&gt;" in names.categories()  # axis labels are rich text
    dialog = (window.days.selectRow(0), window.open_selected_day())[1]
    assert dialog is not None
    shown = dialog.fields["主题"]
    assert shown.textFormat() == Qt.TextFormat.PlainText and shown.text() == "<b>粗体</b>&amp;"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_exports_from_the_view_print_the_figures_on_screen(
    qtbot, workspace, ledger_window, tmp_path
) -> None:
    record_year(workspace, members=20)
    window = ledger_window()
    rows = window.days_model.rows()
    members = window.members_model.rows()
    written = {}
    for fmt in ("docx", "xlsx", "pdf"):
        with qtbot.waitSignal(window.exported) as signal:
            window.export_to(fmt, tmp_path / f"台账.{fmt}")
        written[fmt] = signal.args[0]
    from hongtu.core.export_folder import last_export_folder

    assert last_export_folder() == tmp_path  # the next export dialog opens there
    book = load_workbook(written["xlsx"])
    sheet = [[c.value for c in r] for r in book["2025年"].iter_rows(min_row=2)]
    for row, shown in zip(sheet[:-1], rows, strict=True):  # then what the figures count
        assert row[0] == shown[0] and tuple(cell_text(v) for v in row[5:11]) == shown[3:9]
    attendance = [[c.value for c in r] for r in book["成员出勤"].iter_rows(min_row=2)]
    for row, shown in zip(attendance[:-2], members, strict=True):  # then the two notes
        assert row[0] == shown[0]
        assert tuple(v or "" for v in row[3:15]) == shown[1:13]
        assert tuple(cell_text(v) for v in row[15:21]) == shown[13:]
    _months, summary, _members, *pages = Document(written["docx"]).tables
    for row, shown in zip(summary.rows[1:], rows, strict=True):
        assert tuple(c.text for c in row.cells) == shown  # the places and reasons too
    assert len(pages) == len(rows) - 1
    text = subprocess.run(
        ["pdftotext", "-layout", str(written["pdf"]), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = {re.split(r"\s+", line.strip())[0]: line for line in text.splitlines() if line.strip()}
    for shown in rows:
        assert re.split(r"\s+", lines[shown[0]].strip())[-6:] == list(shown[3:9]) or (
            " ".join(shown[3:9]) in re.sub(r"\s+", " ", lines[shown[0]])
        )
    for shown in members:
        assert re.split(r"\s+", lines[shown[0]].strip())[-6:] == list(shown[13:])


def test_a_failed_export_says_so_and_keeps_the_old_file(
    qtbot, workspace, ledger_window, tmp_path, monkeypatch
) -> None:
    from hongtu.qt import messages

    record_year(workspace, months=(3,))
    window = ledger_window()
    said: list[str] = []
    monkeypatch.setattr(messages, "warning", lambda _parent, _title, text: said.append(text))
    window.export_to("docx", tmp_path / "no-such-folder" / "台账.docx")
    assert said and "原有文件没有被改动" in said[0]
    assert not (tmp_path / "no-such-folder").exists()
    assert window.task is None


def test_english_words_with_the_same_figures(lang, workspace, ledger_window) -> None:
    record_year(workspace, months=(3, 4))
    ledger = load_ledger(workspace, BRANCH, 2025)
    window = ledger_window()
    total = window.days_model.rows()[-1]
    assert total[3:9] == figures(ledger.counts)
    if lang == "en":
        assert total[0] == "Year" and window.tabs.tabText(0) == "Party-days"
        assert window.months.buttons[4].text().splitlines()[1] == "Not held"
        # before the branch's first recorded Party-day (March)
        assert window.months.buttons[0].text().splitlines()[1] == "No record"
    else:
        assert total[0] == "全年" and window.tabs.tabText(0) == "每次活动"


@pytest.mark.parametrize("lang", ["en"], indirect=True)
def test_the_english_summary_reads_right_for_one_party_day_and_for_many(
    lang, workspace, ledger_window
) -> None:
    """QA: a year with one Party-day said "1 Party-days this year"."""
    record_year(workspace, months=(3,))
    one = ledger_window().totals.text()
    assert one.startswith("Party-days this year: 1;") and "1 Party-days" not in one
    record_year(workspace, months=(4, 5))
    assert ledger_window().totals.text().startswith("Party-days this year: 3;")


def test_the_view_fits_a_laptop_screen_in_both_languages(lang, workspace, ledger_window) -> None:
    record_year(workspace, members=60)
    window = ledger_window()
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 700
    assert window.width() <= 1366 and window.height() <= 720
    for button in window.months.buttons:  # every month's words are whole
        metrics = button.fontMetrics()
        widest = max(metrics.horizontalAdvance(line) for line in button.text().splitlines())
        assert widest <= button.width()


def test_the_view_fits_a_1280_by_720_laptop_under_its_taskbar(
    qtbot, monkeypatch, workspace, ledger_window
) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    room = 720 - 40 - 32  # a 1280×720 screen less a taskbar and a title bar
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(0, 0, 1280, 680))
    record_year(workspace, members=60)
    window = ledger_window()
    assert window.height() <= room and window.width() <= 1280
    assert window.minimumSizeHint().height() <= room


def test_a_record_with_a_200_character_title_wraps_and_scrolls_without_overlap(qtbot) -> None:
    from hongtu.cli.ledger import ledger_labels
    from hongtu.core.ledger import LedgerDay, Missing
    from hongtu.core.records import DoneItem, DoneState, PhotoRef

    title = ("中共太原市某某区委机关第一党支部开展学习贯彻党的二十大精神暨重温红色记忆" * 6)[:200]
    place = "八路军太原办事处纪念馆（太原市杏花岭区胜利街与新建路交叉口东北角）" * 2
    day = LedgerDay(
        plan_id=1,
        day=date(2025, 7, 1),
        title=title,
        places=(place, "双塔烈士陵园"),
        host="何娟明" * 60,
        recorder="李四",
        counts=Counts(60, 56, 3, 1),
        missing=(Missing("何强平", Presence.LEAVE, "因公出差在外地参加培训" * 10),),
        guests=(),
        done=(DoneItem(place, DoneState.DONE, "s1"), DoneItem("座谈", DoneState.ADDED)),
        summary="今天我们参观了八路军驻晋办事处旧址，重温入党誓词。" * 10,
        photos=(PhotoRef("a" * 64, "photos/a.jpg"), PhotoRef("b" * 64, "photos/b.jpg")),
    )
    labels = ledger_labels()
    dialog = RecordDialog(day, labels)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    names = (labels.theme, labels.time, labels.place, labels.host, labels.recorder)
    shown = [dialog.fields[name] for name in names]
    assert shown[0].text() == title and shown[2].text().startswith(place)
    for field in shown:  # every line of the text is there
        assert field.height() >= field.heightForWidth(field.width()), field.text()[:10]
    for upper, lower in pairwise(shown):  # no row over the next
        assert upper.geometry().bottom() < lower.geometry().top()
    screen = available_area(dialog)
    assert dialog.frameGeometry().height() <= screen.height()


# ---- the figures themselves, for any attendance ---------------------------------------------

presences = st.sampled_from([Presence.PRESENT, Presence.LEAVE, Presence.ABSENT])


@st.composite
def recorded_years(draw: st.DrawFn) -> YearLedger:
    size = draw(st.integers(1, 8))
    roster = [Member(i + 1, f"成员{i}", "", PartyStatus.FULL) for i in range(size)]
    months = draw(st.lists(st.integers(1, 12), max_size=14))
    records = []
    for plan_id, month in enumerate(months, start=1):
        chosen = draw(st.lists(presences, min_size=size, max_size=size))
        attendance = tuple(
            Attendance(m.id or 0, m.name, p, "事假" if p is Presence.LEAVE else "")
            for m, p in zip(roster, chosen, strict=True)
        )
        records.append(ActivityRecord(plan_id, date(2025, month, 1 + plan_id % 28), attendance))
    return build_ledger(BRANCH, 2025, records, {}, roster)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledger=recorded_years())
def test_summary_figures_add_up_for_any_attendance(ledger: YearLedger) -> None:
    summary = build_ledger_summary(ledger, LedgerLabels())
    *days, total = summary.day_rows
    for column in range(3, 7):  # 应到, 实到, 请假, 缺席
        assert int(total[column]) == sum(int(row[column]) for row in days)
        assert int(total[column]) == sum(int(row[column + 10]) for row in summary.member_rows)
    for expected, present, leave, absent in [
        *(row[3:7] for row in (*days, total)),
        *(row[13:17] for row in summary.member_rows),
    ]:
        assert int(expected) == int(present) + int(leave) + int(absent)
    assert [mark == "已开展" for _name, mark, _figures in summary.months] == list(ledger.held)
    for month, (_name, _mark, shown) in enumerate(summary.months, start=1):
        days = [d.counts for d in ledger.days if d.day.month == month]
        present, expected = sum(c.present for c in days), sum(c.expected for c in days)
        assert shown == (f"{present}/{expected}" if days else "")


def test_coming_back_to_the_window_shows_a_day_recorded_meanwhile(
    qtbot, workspace, ledger_window
) -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    record_year(workspace, months=(3,))
    window = ledger_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()  # the organiser records another day elsewhere
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
    record_year(workspace, months=(5,))
    assert len(window.days_model.rows()) == 2  # not read while away
    window.activateWindow()
    qtbot.waitUntil(lambda: len(window.days_model.rows()) == 3)
    assert window.months.buttons[4].isEnabled()


@given(st.integers(min_value=0, max_value=5000))
def test_the_count_axis_ticks_on_whole_numbers(top: int) -> None:
    from hongtu.qt.ledger_charts import count_axis

    axis = count_axis(top)
    steps = axis.tickCount() - 1
    assert axis.min() == 0 and axis.max() >= top and 1 <= steps <= 5
    assert (axis.max() / steps).is_integer()  # every label printed with %d is the tick's value


def test_a_day_of_six_reads_true_on_the_chart(qtbot, workspace, ledger_window) -> None:
    """Six on the roster (4 present): the axis ticks are 0, 2, 4, 6, so 实到 4 ends on '4'."""
    record_year(workspace, members=6, months=(3,))
    window = ledger_window()
    window.tabs.setCurrentWidget(window.charts_tab)
    (counts,) = window.attendance_view.chart().axes(Qt.Orientation.Vertical)
    ticks = [counts.min() + i * (counts.max() - counts.min()) / (counts.tickCount() - 1)
             for i in range(counts.tickCount())]  # fmt: skip
    assert ticks == [0, 2, 4, 6]


def test_tab_goes_through_the_day_table_to_the_close_button(qtbot, workspace, ledger_window):
    """Keyboard only: Tab leaves the table (it used to walk its cells round and round)."""
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    record_year(workspace, members=6, months=(3, 5))
    window = ledger_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    close = window.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    window.branch.setFocus()
    reached = []
    for _ in range(30):
        widget = QApplication.focusWidget()
        reached.append(widget)
        if widget is close:
            break
        QTest.keyClick(widget, Qt.Key.Key_Tab)
    assert window.days in reached and close in reached


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
@pytest.mark.parametrize("lang", ["en"], indirect=True)
def test_the_english_window_exports_the_ledger_in_chinese(
    lang, qtbot, workspace, ledger_window, tmp_path
) -> None:
    """QA s25: the English window's 台账 documents were half English ("M1 … M12 Not held",
    "Sites visited：…"). The documents are the branch's filed records, in Chinese; the window's
    own lines are English, with an English colon."""
    record_year(workspace, months=(1, 3))
    window = ledger_window()
    assert window.places.text().startswith("Sites visited: ")
    assert window.missing_months.text().startswith("Months without a Party-day: ")
    assert "：" not in window.places.text() + window.missing_months.text()
    written = {}
    for fmt in ("docx", "xlsx", "pdf"):
        with qtbot.waitSignal(window.exported) as signal:
            window.export_to(fmt, tmp_path / f"ledger.{fmt}")
        written[fmt] = signal.args[0]
    assert load_workbook(written["xlsx"]).sheetnames == ["2025年", "成员出勤"]
    document = Document(written["docx"])
    docx_text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        c.text for t in document.tables for r in t.rows for c in r.cells
    )
    pdf_text = subprocess.run(
        ["pdftotext", str(written["pdf"]), "-"], capture_output=True, text=True, check=True
    ).stdout
    for text in (docx_text, pdf_text):
        assert f"{BRANCH}2025年主题党日活动台账" in text and "未开展主题党日的月份：2月" in text
        for english in ("Party-day", "Held", "Expected", "Sites visited", "M12"):
            assert english not in text, english


def test_months_still_to_come_show_as_not_yet_due(lang, qtbot, workspace) -> None:
    """QA s25: opened on 30 November, the window said "12月 未开展" and listed December among
    the months without a Party-day; a month not over yet is 待开展, and not listed."""
    record_year(workspace, months=(1, 3, 6))  # in 2025; June recorded early
    window = LedgerWindow(
        workspace, branch=BRANCH, runner=SyncRunner(), today=lambda: date(2025, 6, 5)
    )
    qtbot.addWidget(window)
    window.show()
    marks = [button.text().splitlines()[1] for button in window.months.buttons]
    if lang == "en":
        assert marks[5:] == ["Held", *["Not yet due"] * 6] and marks[3] == "Not held"
        assert window.missing_months.text() == "Months without a Party-day: M2; M4; M5"
    else:
        held, missed = "已开展", "未开展"
        assert marks == [held, missed, held, missed, missed, held, *["待开展"] * 6]
        assert window.missing_months.text() == "未开展主题党日的月份：2月；4月；5月"
    to_come = window.months.buttons[6]
    assert not to_come.isEnabled() and to_come.toolTip()
    for button in window.months.buttons:  # "Not yet due" is whole in its tile
        metrics = button.fontMetrics()
        widest = max(metrics.horizontalAdvance(line) for line in button.text().splitlines())
        assert widest <= button.width()


def test_member_rates_are_whole_with_a_larger_font(workspace, ledger_window) -> None:
    """QA s25: at 125 % the 成员出勤 出席率 column read "100.…" while twelve mostly empty month
    columns took equal shares: the name and the figures are sized to their text."""
    record_year(workspace, members=12)
    window = ledger_window()
    window.resize(1024, 700)
    font = window.members.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    window.members.setFont(font)
    window.members.horizontalHeader().setFont(font)
    window.refresh()
    window.tabs.setCurrentIndex(1)
    table, model = window.members, window.members_model
    assert any(row[-2] == "100.0%" for row in model.rows())
    for column in (0, *range(13, 19)):
        assert table.sizeHintForColumn(column) <= table.columnWidth(column), column
    assert table.horizontalHeader().length() <= table.viewport().width()
