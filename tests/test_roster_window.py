"""The 成员名单 dialog and 备份/恢复 in the real window, driven like a person: a bad roster file
names its row and imports nobody, a good one fills the list and the open plan's 签到表, members
are added (a duplicate is refused in the dialog), marked as left (kept, greyed), the dialog fits
1366×768 in both languages; a backup made in the window restores, a bad archive changes nothing."""

from __future__ import annotations

import hashlib
import threading
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QPushButton

from factories import make_plan
from hongtu.core import backup, paths
from hongtu.core.members import Member, PartyStatus
from hongtu.core.workspace import open_workspace
from hongtu.qt import messages, plan_watch
from hongtu.qt.roster_dialog import LEFT_COLOUR, LeaveDialog, MemberDialog, RosterDialog
from journey_helpers import SCREEN, click, ime_type, journey_window
from ledger_helpers import open_ledger_by_keys

BRANCH = "第一党支部"  # make_plan's branch
SHOTS = Path("/tmp/ledgerfiles-shots")


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def when_modal(act) -> None:  # type: ignore[no-untyped-def]
    """Act on the modal dialog about to open (runs inside its event loop)."""

    def run() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or widget.property("acted"):
            QTimer.singleShot(10, run)
            return
        widget.setProperty("acted", True)
        act(widget)

    QTimer.singleShot(0, run)


def _ignored(_result: object) -> None:
    pass


def _choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def test_roster_dialog_journey(qtbot, tmp_path: Path, monkeypatch, lang: str) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "roster.sqlite3")
    ws = open_workspace(db)
    plan = ws.plans.save(make_plan(on=date(2025, 10, 15)))
    ws.close()
    bad = _xlsx(tmp_path / "bad.xlsx", [["姓名", "职务"], ["张三", "书记"], [None], ["李四", ""]])
    good = _xlsx(
        tmp_path / "名册.xlsx",
        [["姓名", "职务", "政治面貌"], ["张三", "书记", "正式党员"], ["李四", "", "预备党员"],
         ["王五", "组织委员", "党员"]],
    )  # fmt: skip
    with journey_window(qtbot, db) as (window, _controller):
        session = window.plan_ui.session
        session.open(plan.id)
        tools = window.branch_tools
        assert tools is not None
        assert tools.roster_action in window.file_menu.actions()
        assert tools.backup_action in window.file_menu.actions()
        assert tools.restore_action in window.file_menu.actions()
        tools.roster_action.trigger()
        dialog = tools.roster_dialog
        assert isinstance(dialog, RosterDialog)
        qtbot.waitExposed(dialog)
        assert dialog.current_branch() == BRANCH  # the open plan's branch
        assert session.view is not None and session.view.document.expected == 30

        _choose_file(monkeypatch, bad)
        click(qtbot, dialog.import_button)
        assert dialog.outcome.isVisible()
        text = dialog.outcome.toPlainText()
        assert ("第 3 行" if lang == "zh_CN" else "Row 3") in text
        assert dialog.table.rowCount() == 0

        _choose_file(monkeypatch, good)
        click(qtbot, dialog.import_button)
        assert dialog.table.rowCount() == 3
        assert [dialog.table.item(r, 0).text() for r in range(3)] == ["张三", "李四", "王五"]
        # the open plan's sign-in sheet now lists the roster and 应到 is its count
        assert [line.name for line in session.view.document.signin] == ["张三", "李四", "王五"]
        assert session.view.document.expected == 3

        seen: dict[str, str] = {}

        def add(member_dialog) -> None:  # type: ignore[no-untyped-def]
            assert isinstance(member_dialog, MemberDialog)
            ime_type(member_dialog.name, "张三")
            ime_type(member_dialog.role, "宣传委员")
            buttons = member_dialog.findChild(QDialogButtonBox)
            save = buttons.button(QDialogButtonBox.StandardButton.Save)
            click(qtbot, save)  # refused: the dialog stays open and says why
            assert member_dialog.isVisible() and member_dialog.problem.isVisible()
            seen["duplicate"] = member_dialog.problem.text()
            SHOTS.mkdir(exist_ok=True)
            member_dialog.grab().save(str(SHOTS / f"member-{lang}.png"))
            member_dialog.name.clear()
            ime_type(member_dialog.name, "孙八")
            click(qtbot, save)

        when_modal(add)
        click(qtbot, dialog.add_button)
        assert "张三" in seen["duplicate"]
        assert dialog.table.rowCount() == 4 and dialog.table.item(3, 1).text() == "宣传委员"
        assert dialog.selected_member() is not None
        assert dialog.selected_member().name == "孙八"  # type: ignore[union-attr]

        dialog.table.selectRow(1)  # 李四
        assert dialog.leave_button.isEnabled()

        def leave(leave_dialog) -> None:  # type: ignore[no-untyped-def]
            assert isinstance(leave_dialog, LeaveDialog)
            leave_dialog.day.setDate(QDate(2025, 9, 1))
            leave_dialog.accept()

        when_modal(leave)
        click(qtbot, dialog.leave_button)
        assert dialog.table.rowCount() == 4  # history stays
        assert dialog.table.item(1, 4).text() == "2025-09-01"
        assert dialog.table.item(1, 0).foreground().color() == LEFT_COLOUR
        assert [line.name for line in session.view.document.signin] == ["张三", "王五", "孙八"]
        assert session.view.document.expected == 3

        # fits a 1366×768 screen, every button shows its whole text
        assert dialog.width() <= SCREEN[0] and dialog.height() <= SCREEN[1] - 60
        for button in dialog.findChildren(QPushButton):
            if button.isVisible():
                needed = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
                assert needed <= button.width(), button.text()
        SHOTS.mkdir(exist_ok=True)
        dialog.grab().save(str(SHOTS / f"roster-{lang}.png"))
        dialog.close()


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_backup_and_restore_from_the_window(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = paths.data_dir() / "hongtu.sqlite3"
    ws = open_workspace(str(db))
    ws.members.add(BRANCH, Member(None, "张三", "书记", PartyStatus.FULL))
    ws.close()
    photo = paths.data_dir() / "photos" / "ab" / ("ab" + "0" * 62 + ".jpg")
    photo.parent.mkdir(parents=True)
    photo.write_bytes(b"\xff\xd8\xffphoto")
    for copy in ("thumbs", "print"):  # made from the photo: not photos of their own
        derived = paths.data_dir() / "photos" / copy / photo.name
        derived.parent.mkdir(parents=True)
        derived.write_bytes(b"\xff\xd8\xffsmall")
    archive = tmp_path / "窗口备份.zip"
    answers: list[str] = []
    monkeypatch.setattr(messages, "question", lambda *a, **k: answers.append(a[2]) or True)
    monkeypatch.setattr(messages, "information", lambda *a, **k: answers.append(a[2]))
    monkeypatch.setattr(messages, "critical", lambda *a, **k: answers.append(a[2]))
    with journey_window(qtbot, str(db)) as (window, controller):
        tools = window.branch_tools
        assert tools is not None
        closed: list[bool] = []
        tools.close_after_restore = lambda: closed.append(True)
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(archive), ""))
        )
        tools.backup_action.trigger()
        assert archive.is_file()
        assert str(archive) in window.statusBar().currentMessage()

        # a bad archive: named, nothing changes, the window goes on working
        junk = tmp_path / "junk.zip"
        junk.write_bytes(b"not a zip")
        _choose_file(monkeypatch, junk)
        tools.restore_action.trigger()
        assert answers and ("zip" in answers[-1]) and not closed
        assert [m.name for m in controller.workspace.members.members(BRANCH)] == ["张三"]

        controller.workspace.members.add(BRANCH, Member(None, "李四", "", PartyStatus.OTHER))
        photo.unlink()
        before_restore = len(answers)
        _choose_file(monkeypatch, archive)
        tools.restore_action.trigger()
        assert closed == [True]
        assert len(answers) == before_restore + 2  # the question, then "restored, closing"
        assert "1 个照片文件" in answers[before_restore]  # one photo, not its copies
    after = open_workspace(str(db))
    try:
        assert [m.name for m in after.members.members(BRANCH)] == ["张三"]
    finally:
        after.close()
    assert photo.read_bytes() == b"\xff\xd8\xffphoto"
    assert list((paths.data_dir() / "restore-safety").glob("before-restore-*.zip"))


def test_a_restore_closes_the_open_ledger_window_before_the_file_is_replaced(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The 台账 window watches the database through a connection of its own: left open during
    恢复数据 it kept that connection on the file being replaced (on Windows the restore could not
    replace it) and read the old data again when it was next activated."""
    db = paths.data_dir() / "hongtu.sqlite3"
    ws = open_workspace(str(db))
    ws.members.add(BRANCH, Member(None, "张三", "书记", PartyStatus.FULL))
    ws.close()
    archive = tmp_path / "备份.zip"
    monkeypatch.setattr(messages, "question", lambda *a, **k: True)
    monkeypatch.setattr(messages, "information", lambda *a, **k: None)
    with journey_window(qtbot, str(db)) as (window, _controller):
        tools = window.branch_tools
        assert tools is not None
        tools.close_after_restore = lambda: None
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(archive), ""))
        )
        tools.backup_action.trigger()
        ledger = open_ledger_by_keys(qtbot, window)
        assert ledger.isVisible() and ledger._watcher is not None  # watching the file
        watcher = ledger._watcher

        replacing = backup.restore
        open_when_replaced: list[bool] = []

        def restore(*args, **kwargs):  # type: ignore[no-untyped-def]
            open_when_replaced.append(watcher._probe._con is not None)
            return replacing(*args, **kwargs)

        monkeypatch.setattr(backup, "restore", restore)
        _choose_file(monkeypatch, archive)
        # a look still running on the look thread (another program's write being read): the
        # probe's closing waits behind it there, and the restore must wait for both
        look_ends = threading.Event()
        plan_watch._look_runner().run(lambda: look_ends.wait(10), _ignored, _ignored)
        threading.Timer(0.3, look_ends.set).start()
        tools.restore_action.trigger()
        assert not ledger.isVisible()
        assert open_when_replaced == [False]  # closed before the file was replaced
        assert window.ledger_ui.ledger_window is None  # 台账 opens afresh on the new data


def test_tab_goes_through_the_member_table_to_the_buttons(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    """Keyboard only: from the member list Tab reaches 从文件导入…, 添加成员… and 关闭 (the table
    used to keep Tab, walking its cells round and round)."""
    from PySide6.QtCore import Qt

    workspace.members.import_members(
        BRANCH, [Member(None, n, "", PartyStatus.FULL) for n in ("张三", "李四", "王五")]
    )
    dialog = RosterDialog(workspace.members, [BRANCH], BRANCH)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    dialog.table.setFocus()
    reached = []
    for _ in range(20):
        widget = QApplication.focusWidget()
        reached.append(widget)
        if widget is close:
            break
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert dialog.import_button in reached and dialog.add_button in reached and close in reached


def test_a_roster_file_with_a_leaving_date_imports_it(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, workspace, monkeypatch
) -> None:
    """The 离开日期 column (the dialog's own column) is read: whoever left before a Party-day is
    not on that day's list; a re-import marks a current member as left; a 离开日期 before the
    加入日期 is refused and nobody is imported."""
    dialog = RosterDialog(workspace.members, [BRANCH], BRANCH)
    qtbot.addWidget(dialog)
    dialog.show()
    first = _xlsx(
        tmp_path / "名册.xlsx",
        [["姓名", "职务", "加入日期", "离开日期"], ["张三", "书记", None, None],
         ["李四", "", "2020-03-01", "2025-09-01"], ["王五", "", None, None]],
    )  # fmt: skip
    _choose_file(monkeypatch, first)
    click(qtbot, dialog.import_button)
    assert dialog.table.item(1, 4).text() == "2025-09-01"
    assert dialog.table.item(1, 0).foreground().color() == LEFT_COLOUR
    day = date(2025, 10, 15)
    assert [m.name for m in workspace.members.members(BRANCH, on=day)] == ["张三", "王五"]

    again = _xlsx(tmp_path / "名册2.xlsx", [["姓名", "离开日期"], ["王五", "2025/10/1"]])
    _choose_file(monkeypatch, again)
    click(qtbot, dialog.import_button)
    assert [m.name for m in workspace.members.members(BRANCH, on=day)] == ["张三"]
    assert dialog.counts.text() == "在册 1 人，已离开 2 人"

    bad = _xlsx(
        tmp_path / "bad.xlsx",
        [["姓名", "加入日期", "离开日期"], ["赵六", "2024-05-01", "2024-04-01"],
         ["钱七", None, None]],
    )  # fmt: skip
    _choose_file(monkeypatch, bad)
    click(qtbot, dialog.import_button)
    assert dialog.outcome.isVisible() and "赵六" in dialog.outcome.toPlainText()
    assert [m.name for m in workspace.members.members(BRANCH)] == ["张三", "李四", "王五"]


def test_a_roster_file_with_two_leaving_date_columns_is_refused_naming_both(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, workspace, monkeypatch
) -> None:
    """离开日期 left empty and the date in 转出日期: not a member who never left, but a file
    whose columns the organiser is asked to sort out; nobody is imported."""
    dialog = RosterDialog(workspace.members, [BRANCH], BRANCH)
    qtbot.addWidget(dialog)
    dialog.show()
    path = _xlsx(
        tmp_path / "名册.xlsx",
        [["姓名", "离开日期", "政治面貌", "转出日期"], ["张三", None, "正式党员", "2024-03-01"]],
    )
    _choose_file(monkeypatch, path)
    click(qtbot, dialog.import_button)
    assert dialog.outcome.isVisible()
    assert dialog.outcome.toPlainText() == (
        "第 1 行的表头里，B 列“离开日期”和 D 列“转出日期”说的是同一项，不知道该用哪一列："
        "请删去其中一列（或改名）再导入\n未导入任何人。"
    )
    assert workspace.members.members(BRANCH) == []


def _paste(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    QApplication.clipboard().setText(text)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_a_pasted_name_is_counted_in_characters_and_never_cut(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    flags = "🇨🇳" * 15  # 30 characters (two each), 60 UTF-16 units
    dialog = MemberDialog(lambda m: workspace.members.add(BRANCH, m))
    qtbot.addWidget(dialog)
    dialog.show()
    _paste(qtbot, dialog.name, flags)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    click(qtbot, save)
    assert dialog.saved is not None and dialog.saved.name == flags
    assert [m.name for m in workspace.members.members(BRANCH)] == [flags]

    too_long = "a" + "😀" * 30  # 31 characters: refused in words, not cut to a half emoji
    dialog = MemberDialog(lambda m: workspace.members.add(BRANCH, m))
    qtbot.addWidget(dialog)
    dialog.show()
    _paste(qtbot, dialog.name, too_long)
    assert dialog.name.text() == too_long
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    click(qtbot, save)
    assert dialog.saved is None and dialog.isVisible()
    assert dialog.problem.isVisible() and "30" in dialog.problem.text()
    assert [m.name for m in workspace.members.members(BRANCH)] == [flags]


def test_an_added_member_clears_the_old_refusal_and_a_long_name_leaves_room_for_roles(  # type: ignore[no-untyped-def]
    qtbot, workspace, tmp_path: Path, monkeypatch
) -> None:
    workspace.members.import_members(
        BRANCH,
        [Member(None, "张三", "支部书记", PartyStatus.FULL), Member(None, "李四", "组织委员")],
    )
    dialog = RosterDialog(workspace.members, [BRANCH], BRANCH)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _choose_file(monkeypatch, _xlsx(tmp_path / "bad.xlsx", [["姓名"], ["张三"], ["张三"]]))
    click(qtbot, dialog.import_button)
    assert dialog.outcome.isVisible()  # refused: the same name twice

    long_name = "阿卜杜热合曼·买买提艾力·阿不都克里木·热合曼江·买买提艾力"  # 30 characters
    assert len(long_name) == 30

    def add(member_dialog) -> None:  # type: ignore[no-untyped-def]
        ime_type(member_dialog.name, long_name)
        ime_type(member_dialog.role, "宣传委员")
        buttons = member_dialog.findChild(QDialogButtonBox)
        click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Save))

    when_modal(add)
    click(qtbot, dialog.add_button)
    assert dialog.table.rowCount() == 3
    assert not dialog.outcome.isVisible()  # the refusal was about an earlier file
    table = dialog.table
    for row in range(table.rowCount()):  # every role shows whole
        role = table.item(row, 1).text()
        assert table.fontMetrics().horizontalAdvance(role) + 8 <= table.columnWidth(1), role
    name = table.item(2, 0)
    assert name.text() == long_name and name.toolTip() == long_name  # whole on hovering
