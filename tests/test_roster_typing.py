"""成员名单 typed like a person: dates are kept as typed or refused in words, a left date before
the joined date is refused, and Enter in the 党支部 field shows that branch (opens no dialog)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from hongtu.core.members import Member, PartyStatus
from hongtu.qt.roster_dialog import LeaveDialog, MemberDialog, RosterDialog
from test_plan_gui import type_text

pytestmark = pytest.mark.gui

BRANCH = "第一党支部"


def retype(field, text: str) -> None:  # type: ignore[no-untyped-def]
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(field, text)


def add_dialog(qtbot, workspace) -> MemberDialog:  # type: ignore[no-untyped-def]
    dialog = MemberDialog(lambda m: workspace.members.add(BRANCH, m))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_text(dialog.name, "张三")
    QTest.mouseClick(dialog.joined.known, Qt.MouseButton.LeftButton)
    return dialog


@pytest.mark.parametrize(
    "typed", ["2021-5-1", "2021-05-01", "2021/5/1", "2021.5.1", "2021年5月1日", "２０２１-５-１"]
)
def test_a_joined_date_is_read_as_typed(qtbot, workspace, typed: str) -> None:
    dialog = add_dialog(qtbot, workspace)
    retype(dialog.joined.edit.text, typed)
    QTest.keyClick(dialog.joined.edit.text, Qt.Key.Key_Return)  # 保存
    assert dialog.saved is not None
    assert [m.joined_on for m in workspace.members.members(BRANCH)] == [date(2021, 5, 1)]


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("20210230", "加入日期“20210230”不是有效日期"),
        ("2021-02-30", "加入日期“2021-02-30”不是有效日期"),
        ("202", "加入日期“202”不是有效日期"),
        ("", "请填写加入日期。"),
    ],
)
def test_a_joined_date_that_is_none_is_refused_in_words(
    qtbot, workspace, typed: str, words: str
) -> None:
    dialog = add_dialog(qtbot, workspace)
    retype(dialog.joined.edit.text, typed)
    if not typed:
        QTest.keyClick(dialog.joined.edit.text, Qt.Key.Key_Delete)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    QTest.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.saved is None and dialog.isVisible()
    assert dialog.problem.isVisible() and words in dialog.problem.text()
    assert workspace.members.members(BRANCH) == []
    assert dialog.joined.edit.text.text() == typed  # kept to correct


def joined_member(workspace) -> Member:  # type: ignore[no-untyped-def]
    return workspace.members.add(
        BRANCH, Member(None, "李四", "", PartyStatus.FULL, date(2024, 3, 1), None)
    )


def test_a_left_date_before_the_joined_date_is_refused(qtbot, workspace) -> None:
    member = joined_member(workspace)
    dialog = LeaveDialog(member)
    qtbot.addWidget(dialog)
    dialog.show()
    retype(dialog.day.text, "2023-12-31")
    QTest.keyClick(dialog.day.text, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.problem.text() == "离开日期不能早于加入日期（2024-03-01）。"
    assert dialog.day.text.text() == "2023-12-31"  # not today's date in its place
    retype(dialog.day.text, "2025年9月1日")
    QTest.keyClick(dialog.day.text, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.chosen() == date(2025, 9, 1)


def test_enter_in_the_branch_field_shows_that_branch_and_opens_no_dialog(
    qtbot, workspace, monkeypatch
) -> None:
    joined_member(workspace)
    opened: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *a, **k: opened.append("file dialog") or ("", "")),
    )
    dialog = RosterDialog(workspace.members, [BRANCH, "第二党支部"], "第二党支部")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    editor = dialog.branch.lineEdit()
    retype(editor, BRANCH)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert opened == [] and dialog.isVisible()
    assert [m.name for m in dialog.members] == ["李四"]
    assert QApplication.focusWidget() is dialog.table or dialog.focusWidget() is dialog.table
