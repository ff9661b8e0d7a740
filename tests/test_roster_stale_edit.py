"""成员名单 left open while a roster is imported elsewhere (the command line, another window):
editing a member in the stale list saves only what the organiser changed, so it never undoes a
离开日期 set meanwhile; editing a field that was itself changed elsewhere is refused in words
and the list is read again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from hongtu.cli import main
from hongtu.core.members import Member, MemberEditError, MemberEditProblem
from hongtu.qt.roster_dialog import MemberDialog, RosterDialog
from journey_helpers import click, ime_type
from test_roster_window import when_modal

BRANCH = "第一党支部"
DB_NAME = "hongtu.sqlite3"  # the conftest workspace's file


def _import_elsewhere(tmp_path: Path, csv: str) -> None:
    roster = tmp_path / "新名册.csv"
    roster.write_text(csv, encoding="utf-8")
    db = str(tmp_path / DB_NAME)
    assert main(["--db", db, "members", "import", str(roster), "--branch", BRANCH]) == 0


def _edit_role(qtbot, dialog: RosterDialog, row: int, role: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Select the row, click 编辑…, type the 职务 and click 保存; what the member dialog said."""
    said: dict[str, str] = {}

    def edit(member_dialog: MemberDialog) -> None:
        member_dialog.role.clear()
        ime_type(member_dialog.role, role)
        buttons = member_dialog.findChild(QDialogButtonBox)
        click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Save))
        if member_dialog.isVisible():  # refused: read what it says, then give up
            said["problem"] = member_dialog.problem.text()
            member_dialog.reject()

    dialog.table.selectRow(row)
    when_modal(edit)
    click(qtbot, dialog.edit_button)
    return said


def test_a_stale_edit_keeps_the_leaving_date_set_elsewhere(
    qtbot, workspace, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    workspace.members.import_members(
        BRANCH,
        [Member(None, "张三", "书记"), Member(None, "李四", "组织委员"), Member(None, "王五")],
    )
    dialog = RosterDialog(workspace.members, [BRANCH], BRANCH)
    qtbot.addWidget(dialog)
    dialog.show()
    # elsewhere: 李四 has left (his 职务 stays as it was)
    _import_elsewhere(tmp_path, "姓名,职务,离开日期\n李四,组织委员,2026-11-25\n")

    assert _edit_role(qtbot, dialog, 1, "宣传委员") == {}
    lisi = workspace.members.members(BRANCH)[1]
    assert (lisi.name, lisi.role, lisi.left_on) == ("李四", "宣传委员", date(2026, 11, 25))
    assert dialog.table.item(1, 4).text() == "2026-11-25"


def test_editing_a_field_changed_elsewhere_is_refused_and_the_list_reread(
    qtbot, workspace, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    workspace.members.import_members(BRANCH, [Member(None, "张三", "书记"), Member(None, "李四")])
    dialog = RosterDialog(workspace.members, [BRANCH], BRANCH)
    qtbot.addWidget(dialog)
    dialog.show()
    _import_elsewhere(tmp_path, "姓名,职务\n李四,纪检委员\n")  # elsewhere: 李四's 职务

    said = _edit_role(qtbot, dialog, 1, "宣传委员")
    assert "李四" in said["problem"] and "别处" in said["problem"]
    assert workspace.members.members(BRANCH)[1].role == "纪检委员"
    assert dialog.table.item(1, 1).text() == "纪检委员"  # the list shows what is stored now


def test_the_store_writes_only_the_changed_fields(workspace) -> None:  # type: ignore[no-untyped-def]
    read = workspace.members.add(BRANCH, Member(None, "李四", "组织委员"))
    workspace.members.leave(read.id, date(2026, 11, 25))
    edited = Member(read.id, "李四", "宣传委员")
    saved = workspace.members.update(edited, was=read)
    assert (saved.role, saved.left_on) == ("宣传委员", date(2026, 11, 25))
    stale = Member(read.id, "李四", "书记")
    with pytest.raises(MemberEditError) as refused:  # read.role is no longer stored
        workspace.members.update(stale, was=read)
    assert refused.value.problem is MemberEditProblem.CHANGED_ELSEWHERE
    assert workspace.members.members(BRANCH)[0].role == "宣传委员"
