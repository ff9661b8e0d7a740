"""The record dialog on its own: what it saves, and what it refuses in words (attendance that no
longer adds up, a copy corrected elsewhere, files that are not photos)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from factories import custom_place, make_plan
from hongtu.core.geo import LatLon
from hongtu.core.members import Member, PartyStatus
from hongtu.core.photos import PhotoStore
from hongtu.core.plans import Activity, ActivityKind, Stop
from hongtu.core.records import ActivityRecord, DoneState, Presence, everyone_present
from hongtu.qt.record_dialog import RecordDialog, guests_from_text
from journey_helpers import no_chinese, wheel
from record_helpers import BRANCH, drop_files, photo_file

DAY = date.today() - timedelta(days=1)


def _setup(workspace):  # type: ignore[no-untyped-def]
    workspace.members.import_members(
        BRANCH, [Member(None, n, "", PartyStatus.FULL) for n in ("张三", "李四", "王五")]
    )
    stop = Stop(
        custom=custom_place("太原解放纪念馆", LatLon(37.87, 112.55)),
        activities=[Activity(ActivityKind.TOUR, 60)],
    )
    plan = workspace.plans.save(make_plan([stop], on=DAY))
    return plan, workspace.members.members(BRANCH, on=DAY)


def _dialog(qtbot, workspace, plan, members, current=None) -> RecordDialog:  # type: ignore[no-untyped-def]
    dialog = RecordDialog(
        plan,
        members,
        current,
        {},
        PhotoStore(),
        lambda record: workspace.records.save(record),
    )
    # a test that leaves typed changes behind closes it without the 放弃修改？ question
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _save(dialog: RecordDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_done_items_guests_and_host_go_into_the_record(qtbot, workspace) -> None:
    plan, members = _setup(workspace)
    dialog = _dialog(qtbot, workspace, plan, members)
    table = dialog.done_items
    assert [d.text for d in table.entries()] == ["太原解放纪念馆", "太原解放纪念馆：参观学习"]
    table.cellWidget(1, 1).setCurrentIndex(2)  # 参观学习 not done
    table.cellWidget(0, 1).setCurrentIndex(1)  # the visit changed…
    table.cellWidget(0, 2).setText("闭馆半小时，改为室外参观")  # …and how
    qtbot.mouseClick(dialog.add_item_button, Qt.MouseButton.LeftButton)
    editor = QApplication.focusWidget()
    assert editor is not None
    qtbot.keyClicks(editor, "Singing")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next loop turn
    qtbot.waitUntil(lambda: table.item(2, 0).text() == "Singing")
    assert dialog.remove_item_button.isEnabled()  # an added item can go again
    dialog.guests.setText("区委组织部 王老师、 , 李同志，王老师")
    dialog.host.setText("张三")
    _save(dialog)
    saved = dialog.saved
    assert saved is not None and not dialog.isVisible()
    states = [(d.text, d.state, d.note) for d in saved.done]
    assert states == [
        ("太原解放纪念馆", DoneState.CHANGED, "闭馆半小时，改为室外参观"),
        ("太原解放纪念馆：参观学习", DoneState.SKIPPED, ""),
        ("Singing", DoneState.ADDED, ""),
    ]
    assert saved.done[0].stop_uid == plan.stops[0].id
    assert [g.name for g in saved.guests] == ["区委组织部 王老师", "李同志", "王老师"]
    assert saved.host == "张三" and saved.count(Presence.PRESENT) == 3


def test_the_wheel_over_the_done_items_changes_no_state(qtbot, workspace) -> None:
    """Scrolling past the rows with the pointer over a 情况 box leaves each row 已完成."""
    plan, members = _setup(workspace)
    dialog = _dialog(qtbot, workspace, plan, members)
    dialog.host.setFocus()
    table = dialog.done_items
    for row in range(table.rowCount()):
        wheel(table.cellWidget(row, 1), -3)
    _save(dialog)
    saved = dialog.saved
    assert saved is not None
    assert [d.state for d in saved.done] == [DoneState.DONE, DoneState.DONE]


def test_attendance_that_no_longer_adds_up_is_refused_in_words(qtbot, workspace, lang) -> None:
    plan, members = _setup(workspace)
    dialog = _dialog(qtbot, workspace, plan, members)
    # someone joined the roster (another window) while the dialog was open
    workspace.members.add(BRANCH, Member(None, "赵六", "", PartyStatus.FULL, DAY))
    _save(dialog)
    assert dialog.isVisible() and dialog.saved is None
    assert "赵六" in dialog.problem.text()
    if lang == "en":
        assert no_chinese(dialog.problem.text().replace("赵六", ""))
    else:
        assert "没有出勤情况" in dialog.problem.text()
    assert workspace.records.for_plan(plan.id) is None


def test_a_record_corrected_elsewhere_meanwhile_is_not_overwritten(qtbot, workspace) -> None:
    plan, members = _setup(workspace)
    first = workspace.records.save(
        ActivityRecord(plan.id, DAY, everyone_present(members, DAY), summary="第一次")
    )
    dialog = _dialog(qtbot, workspace, plan, members, first)
    assert dialog.summary.toPlainText() == "第一次" and dialog.notice.isVisible()
    # recorded without the items (as hongtu record does): the plan's are offered to tick off
    assert [d.text for d in dialog.done_items.entries()] == [
        "太原解放纪念馆",
        "太原解放纪念馆：参观学习",
    ]
    workspace.records.save(  # the CLI corrects it meanwhile
        ActivityRecord(plan.id, DAY, first.attendance, summary="别处改的", version=first.version)
    )
    dialog.summary.setPlainText("这里改的")
    _save(dialog)
    assert "别处修改过" in dialog.problem.text()
    assert workspace.records.for_plan(plan.id).summary == "别处改的"


def test_what_is_not_a_photo_is_named_and_text_drags_are_not_taken(
    qtbot, workspace, tmp_path: Path
) -> None:
    plan, members = _setup(workspace)
    dialog = _dialog(qtbot, workspace, plan, members)
    text = QMimeData()
    text.setText("只是一段文字")
    enter = QDragEnterEvent(
        QPoint(5, 5), Qt.DropAction.CopyAction, text, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(dialog, enter)
    assert not enter.isAccepted()
    notes = tmp_path / "小结.docx"
    notes.write_bytes(b"PK\x03\x04 not a photo")
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(photo_file(tmp_path / "whole.jpg", (10, 10, 10)).read_bytes()[:400])
    good = photo_file(tmp_path / "good.jpg", (200, 10, 10))
    assert drop_files(dialog.guests, [notes, cut, good, tmp_path / "gone.png"])
    assert dialog.guests.text() == ""  # the file names did not go into the text box
    assert dialog.photos.list.count() == 1
    problem = dialog.problem.text()
    assert problem.startswith("3 个文件没有添加")
    assert "小结.docx：不是照片文件" in problem
    assert "cut.jpg：照片文件已损坏或不完整" in problem
    assert "gone.png：找不到这个文件" in problem


def test_guest_names_are_split_on_commas_and_keep_their_notes() -> None:
    from hongtu.core.records import Guest

    assert guests_from_text("") == ()
    before = (Guest("王老师", "区委党校"),)
    assert guests_from_text("王老师；李同志\n王老师", before) == (
        Guest("王老师", "区委党校"),
        Guest("李同志"),
    )


def test_the_dialog_fits_a_laptop_screen_in_either_language(qtbot, workspace, lang) -> None:
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    plan, members = _setup(workspace)
    dialog = _dialog(qtbot, workspace, plan, members)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1366 - 40 and hint.height() <= 728 - 60  # a taskbar takes 40 px
    dialog.resize(1300, 660)
    qtbot.waitUntil(lambda: dialog.width() == 1300)
    buttons = [b for b in dialog.findChildren(QAbstractButton) if b.isVisible() and b.text()]
    for button in buttons:  # every button shows its whole word
        assert button.width() >= button.fontMetrics().horizontalAdvance(button.text()), (
            button.text()
        )
    if lang == "en":
        words = [b.text() for b in buttons]
        words += [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
        words += [g.title() for g in dialog.findChildren(QGroupBox)]
        shown = [w for w in words if w not in (plan.title, dialog.facts.text())]
        assert all(no_chinese(w) for w in shown), [w for w in shown if not no_chinese(w)]


#: The room a 1366×768 laptop at 125 % leaves under a title bar and a taskbar (logical pixels).
LAPTOP_125 = (1093, 551)


def test_correcting_a_day_fits_a_laptop_at_125_percent_with_save_in_sight(
    qtbot, workspace, lang
) -> None:
    """The correction of a recorded day (its notice line shown) fits 1093×551: 保存 and 取消 are
    on the dialog, and the photos below the summary are reached by scrolling the right side."""
    from PySide6.QtWidgets import QScrollArea

    plan, members = _setup(workspace)
    first = workspace.records.save(ActivityRecord(plan.id, DAY, everyone_present(members, DAY)))
    dialog = _dialog(qtbot, workspace, plan, members, first)
    assert dialog.notice.isVisible()
    assert dialog.minimumSizeHint().height() <= LAPTOP_125[1]
    dialog.resize(*LAPTOP_125)
    qtbot.waitUntil(lambda: dialog.height() == LAPTOP_125[1])
    for kind in (QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Cancel):
        button = dialog.buttons.button(kind)
        place = button.geometry().translated(button.parentWidget().mapTo(dialog, QPoint(0, 0)))
        assert button.isVisible() and dialog.rect().contains(place), (kind, place)
    add_photo = dialog.photos.add_button
    scroll = next(s for s in dialog.findChildren(QScrollArea) if s.isAncestorOf(add_photo))
    scroll.ensureWidgetVisible(add_photo)
    spot = add_photo.mapTo(scroll.viewport(), QPoint(0, 0))
    assert scroll.viewport().rect().contains(spot + add_photo.rect().bottomRight())
    assert scroll.horizontalScrollBar().maximum() == 0  # nothing cut at the side


def test_tab_walks_the_whole_dialog_and_out_of_both_tables(qtbot, workspace) -> None:
    """Keyboard only: Tab from the first member's 出席 reaches every row, the done items, the
    summary and 保存 (the tables used to keep Tab to themselves, moving an invisible cell)."""
    from PySide6.QtWidgets import QComboBox

    plan, members = _setup(workspace)
    dialog = _dialog(qtbot, workspace, plan, members)
    first = dialog.attendance.presence_buttons[0].buttons[Presence.PRESENT]
    first.setFocus()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    reached = []
    for _ in range(40):
        widget = QApplication.focusWidget()
        reached.append(widget)
        if widget is save:
            break
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert save in reached
    for row in range(3):
        assert dialog.attendance.presence_buttons[row].buttons[Presence.PRESENT] in reached
    assert any(isinstance(w, QComboBox) for w in reached)  # the done item's 情况
    assert dialog.summary in reached and dialog.guests in reached
    combos = [w for w in reached if isinstance(w, QComboBox)]
    assert reached.index(dialog.guests) < reached.index(combos[0])  # 来宾, then what was done
    # arrows pick 请假 for the row, and Tab then goes to its reason box
    second = dialog.attendance.presence_buttons[1]
    second.buttons[Presence.PRESENT].setFocus()
    qtbot.keyClick(second.buttons[Presence.PRESENT], Qt.Key.Key_Right)
    assert second.presence() is Presence.LEAVE
    widget = QApplication.focusWidget()
    for _ in range(3):
        if widget is dialog.attendance.reasons[1]:
            break
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
    assert widget is dialog.attendance.reasons[1]


def test_focus_starts_in_the_attendance_and_tab_follows_the_layout(qtbot, workspace) -> None:
    """QA: the dialog opened with the cursor in 来宾, and 来宾 came after the done items' rows.
    Now: the first member's 出勤 first, then Tab goes attendance → 来宾 → 活动小结 → done items
    (after a row added on the day too) → 主持人 → 记录人 → photos → the dialog's buttons."""
    plan, members = _setup(workspace)
    dialog = _dialog(qtbot, workspace, plan, members)
    table = dialog.attendance
    assert QApplication.focusWidget() is table.presence_buttons[0].buttons[Presence.PRESENT]
    dialog.add_item_button.click()  # a row added on the day: its boxes join the walk in place
    dialog.summary.setFocus()
    first = table.presence_buttons[0].buttons[Presence.PRESENT]
    first.setFocus()
    box = dialog.buttons.layout()
    box_buttons = [box.itemAt(i).widget() for i in range(box.count())]  # as laid out: 保存/取消
    box_buttons = [b for b in box_buttons if b is not None and b.isVisible()]
    assert len(box_buttons) == 2
    last = box_buttons[-1]
    reached = []
    for _ in range(60):
        widget = QApplication.focusWidget()
        reached.append(widget)
        if widget is last:
            break
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert last in reached

    def at(widget) -> int:  # type: ignore[no-untyped-def]
        assert widget in reached, widget
        return reached.index(widget)

    done = dialog.done_items
    rows = done.rowCount()
    assert rows >= 2 and done.is_added(rows - 1) and not done.is_added(0)
    states = [done.cellWidget(r, 1) for r in range(rows)]
    notes = [done.cellWidget(r, 2) for r in range(rows)]
    order = [
        *(table.presence_buttons[r].buttons[Presence.PRESENT] for r in range(3)),
        dialog.guests,
        dialog.summary,  # under the attendance
        states[0],
        notes[0],
        states[1],
        notes[-1],  # the added row (its 情况 is fixed: 临时增加)
        dialog.add_item_button,
        dialog.host,
        dialog.recorder,
        dialog.photos.add_button,
        *box_buttons,
    ]
    positions = [at(w) for w in order]
    assert positions == sorted(positions), [type(w).__name__ for w in reached]
    # and back: Shift+Tab from 来宾 returns to the attendance, not to the done items
    dialog.guests.setFocus()
    qtbot.keyClick(dialog.guests, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget().parent().parent() is table.viewport()  # type: ignore[union-attr]


def test_esc_with_unsaved_changes_asks_before_throwing_them_away(qtbot, workspace) -> None:
    from journey_helpers import BoxAnswers

    plan, members = _setup(workspace)
    dialog = _dialog(qtbot, workspace, plan, members)
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Escape)  # nothing typed: closes at once
    assert not dialog.isVisible()

    dialog = _dialog(qtbot, workspace, plan, members)
    dialog.summary.setFocus()
    qtbot.keyClicks(dialog.summary, "We read the oath together")
    answers = BoxAnswers()
    answers.no()  # keep typing
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Escape)
    assert len(answers.seen) == 1 and dialog.isVisible()
    assert dialog.summary.toPlainText() == "We read the oath together"
    answers.no()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert len(answers.seen) == 2 and dialog.isVisible()
    answers.yes()  # discard
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Escape)
    assert len(answers.seen) == 3 and not dialog.isVisible()
    assert workspace.records.for_plan(plan.id) is None


def test_the_leave_reason_has_room_in_either_language(qtbot, workspace, lang) -> None:
    """At 1366×768 with a 30-character official title on the roster, the 请假原因 box of a member
    on leave is wide enough to type in (in English the columns squeezed it to a 40 px sliver)."""
    from hongtu.qt.record_attendance import MIN_REASON_WIDTH, Column

    title = "中共太原市某某区委机关第一党支部组织委员兼纪检委员兼青年委员"[:30]
    workspace.members.import_members(
        BRANCH,
        [Member(None, "张三", title, PartyStatus.FULL), Member(None, "李四", "", PartyStatus.FULL)],
    )
    plan = workspace.plans.save(make_plan(on=DAY))
    members = workspace.members.members(BRANCH, on=DAY)
    dialog = _dialog(qtbot, workspace, plan, members)
    assert dialog.frameGeometry().width() <= 1366
    qtbot.mouseClick(dialog.attendance.presence_buttons[1].buttons[Presence.LEAVE],
                     Qt.MouseButton.LeftButton)  # fmt: skip
    reason = dialog.attendance.reasons[1]
    assert reason.hasFocus()
    assert dialog.attendance.columnWidth(Column.REASON) >= MIN_REASON_WIDTH
    assert reason.width() >= MIN_REASON_WIDTH - 4


def test_a_day_recorded_in_english_reads_in_chinese_in_the_ledger(  # type: ignore[no-untyped-def]
    qtbot, workspace, lang, tmp_path
) -> None:
    from docx import Document

    from hongtu.cli.ledger import ledger_labels
    from hongtu.core.ledger import load_ledger
    from hongtu.qt.ledger_files import write_ledger
    from hongtu.qt.ledger_record import record_fields

    plan, members = _setup(workspace)
    dialog = _dialog(qtbot, workspace, plan, members)
    _save(dialog)
    record = workspace.records.for_plan(plan.id)
    assert record is not None
    # what was done is stored in the 台账's words whatever the window's language
    assert [d.text for d in record.done] == ["太原解放纪念馆", "太原解放纪念馆：参观学习"]
    ledger = load_ledger(workspace, BRANCH, DAY.year)
    # the 台账 document is the branch's filed record: Chinese in either language
    path = write_ledger(ledger, "docx", tmp_path / "台账.docx", lambda: False)
    page = Document(str(path)).tables[-1]
    content = {r.cells[0].text: r.cells[1].text for r in page.rows}["活动内容"]
    # a line per stop, its activities after it; how it went said only where not as planned
    assert content.splitlines() == ["太原解放纪念馆：参观学习"]
    # the window's view of the day speaks the window's language around the stored items
    labels = ledger_labels()
    shown = dict(record_fields(ledger.days[0], labels))[labels.content]
    if lang == "en":
        assert shown.splitlines()[0] == "太原解放纪念馆 (Done)"
    else:
        assert shown.splitlines()[0] == "太原解放纪念馆（已完成）"


def test_at_125_percent_the_planned_items_and_the_attendance_show_whole(
    qtbot, workspace, lang
) -> None:
    """QA at 125 % on 1366×768: 实际活动内容 held two of three items, cut, in a right column
    that scrolled, while the attendance on the left had ~200 px to spare. Now a day of seven
    members and three items shows every row of both whole, and the right column does not
    scroll."""
    from PySide6.QtWidgets import QScrollArea

    names = ("王芳", "李建国", "张伟", "赵晓燕", "陈静", "孙卫东", "周秀英")
    workspace.members.import_members(
        BRANCH, [Member(None, n, "", PartyStatus.FULL) for n in names]
    )
    stop = Stop(
        custom=custom_place("八路军驻晋办事处旧址", LatLon(37.87, 112.55)),
        activities=[Activity(ActivityKind.TOUR, 60), Activity(ActivityKind.OATH, 15)],
    )
    plan = workspace.plans.save(make_plan([stop], on=DAY))
    members = workspace.members.members(BRANCH, on=DAY)
    first = workspace.records.save(ActivityRecord(plan.id, DAY, everyone_present(members, DAY)))
    dialog = _dialog(qtbot, workspace, plan, members, first)
    dialog.resize(*LAPTOP_125)
    qtbot.waitUntil(lambda: dialog.height() == LAPTOP_125[1])
    for table in (dialog.done_items, dialog.attendance):
        view = table.viewport().rect()
        for row in range(table.rowCount()):
            rect = table.visualRect(table.model().index(row, 0))
            assert view.contains(rect), (type(table).__name__, row, rect, view)
    assert dialog.done_items.rowCount() == 3
    right = next(s for s in dialog.findChildren(QScrollArea) if s.isAncestorOf(dialog.done_items))
    assert right.verticalScrollBar().maximum() == 0


#: The QA's roster: its roles and 政治面貌 make the attendance as wide as it was in English.
QA_ROSTER = (
    ("王芳", "书记", PartyStatus.FULL),
    ("李建国", "组织委员", PartyStatus.FULL),
    ("张伟", "宣传委员", PartyStatus.FULL),
    ("赵晓燕", "", PartyStatus.PROBATIONARY),
    ("陈静", "", PartyStatus.ACTIVIST),
    ("孙卫东", "", PartyStatus.PROBATIONARY),
    ("周秀英", "", PartyStatus.FULL),
)
#: The record dialog on a 1366×768 laptop, at 100 % and at 125 % (``fit_to_screen``: the screen
#: less a taskbar, a frame and a title bar).
RECORD_SIZES = [(1180, 668), (1053, 551)]


@pytest.mark.parametrize("size", RECORD_SIZES)
@pytest.mark.parametrize(
    "place", ["八路军驻晋办事处旧址", "山西国民师范旧址革命活动纪念馆"], ids=["name10", "name15"]
)
def test_each_planned_item_reads_whole_at_100_and_125_percent(
    qtbot, workspace, lang, size, place
) -> None:
    """QA s28: 实际活动内容's 内容 shared the table's width equally with 说明, so at 125 % it
    read “八路军驻晋办事处旧址…” for a stop's activities in English (“…：重温入…” in Chinese).
    Now 内容 is as wide as its longest item where 说明 keeps some room, and an item longer
    than that goes on onto a second line: every item reads whole, every row shows, and the
    right-hand column still does not scroll."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QScrollArea

    from hongtu.qt.table_rows import cell_padding
    from journey_helpers import laid_out

    workspace.members.import_members(
        BRANCH, [Member(None, name, role, status) for name, role, status in QA_ROSTER]
    )
    stop = Stop(
        custom=custom_place(place, LatLon(37.87, 112.55)),
        activities=[Activity(ActivityKind.TOUR, 60), Activity(ActivityKind.OATH, 15)],
    )
    plan = workspace.plans.save(make_plan([stop], on=DAY))
    members = workspace.members.members(BRANCH, on=DAY)
    dialog = _dialog(qtbot, workspace, plan, members)
    dialog.resize(*size)
    qtbot.waitUntil(lambda: dialog.size().toTuple() == size)
    laid_out()
    table = dialog.done_items
    metrics, view = table.fontMetrics(), table.viewport().rect()
    room = table.columnWidth(0) - cell_padding(table)
    assert table.rowCount() == 3
    for row in range(table.rowCount()):
        text = table.item(row, 0).text()
        assert text.startswith(place)
        lines = metrics.boundingRect(QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, text)
        assert lines.width() <= room and lines.height() < table.rowHeight(row), (lang, size, text)
        assert view.contains(table.visualRect(table.model().index(row, 0))), (lang, size, row)
    right = next(s for s in dialog.findChildren(QScrollArea) if s.isAncestorOf(table))
    assert right.verticalScrollBar().maximum() == 0, (lang, size)
