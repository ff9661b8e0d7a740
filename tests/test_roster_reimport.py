"""The roster a secretary keeps in Excel, imported again every year: the same file changes
nothing (a member who left is not added again); a member who comes back gets a new time on the
roster; names padded for alignment ("王 芳", "张  伟", "王　芳") are the same people as "王芳";
the signature and total lines under the list (制表人：王芳, 合计, 填表日期：…) are not members,
also after a blank row; a file that is not there is said to be missing."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from openpyxl import Workbook
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from hongtu.cli import main
from hongtu.core.members import (
    Member,
    MemberEditError,
    MemberImportError,
    MemberProblemCode,
    read_member_file,
)
from hongtu.core.roster import RosterProblemCode, read_roster
from hongtu.core.workspace import open_workspace
from journey_helpers import BoxAnswers, click, ime_type, when_shown
from test_database import alembic_config
from test_roster_window import _choose_file

BRANCH = "小店区某某社区第一党支部"
HEADER = ["序号", "姓名", "性别", "职务", "政治面貌", "入党日期", "转正日期", "转出日期", "备注"]
PEOPLE = [
    [1, "王 芳", "女", "书记", "正式党员", dt.datetime(2005, 7, 1), dt.datetime(2006, 7, 1)],
    [2, "李建国", "男", "组织委员", "正式党员", dt.datetime(1998, 6, 15)],
    [3, "张  伟", "男", "宣传委员", "正式党员", "2010.10.1"],
    [4, "赵晓燕", "女", "", "预备党员", "2025年11月20日"],
    [5, "刘 洋", "男", "", "正式党员", "2012/5/4", None, "2026年6月15日", "2026年6月转出"],
    [6, "陈静", "女", "", "入党积极分子"],
    [7, "孙卫东", "男", "", "预备党员", "2026-05-10", None, None, "年中发展"],
    [8, "周秀英", "女", "", "正式党员", "1985-03-08", None, None, "退休"],
]
NAMES = ["王芳", "李建国", "张伟", "赵晓燕", "刘洋", "陈静", "孙卫东", "周秀英"]


def _roster(path: Path, *after: list[object], people: list[list[object]] = PEOPLE) -> Path:
    """The branch's Excel roster as secretaries keep it: a merged title row, the header, the
    people, then ``after`` (blank rows, the 制表人 line …)."""
    book = Workbook()
    sheet = book.active
    sheet.merge_cells("A1:I1")
    sheet["A1"] = "中共太原市小店区某某社区第一党支部党员花名册（2026年）"
    sheet.append(HEADER)
    for row in [*people, *after]:
        sheet.append(row)
    book.save(path)
    return path


def _cli(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


def _listed(db: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    assert _cli(db, "members", "list", "--branch", BRANCH, "--json") == 0
    return list(json.loads(capsys.readouterr().out))


def test_the_same_roster_imported_again_changes_nothing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db, file = tmp_path / "h.sqlite3", _roster(tmp_path / "名册.xlsx")
    assert _cli(db, "members", "import", str(file), "--branch", BRANCH) == 0
    assert "新增 8 人，更新 0 人，0 人没有变化" in capsys.readouterr().out
    for _ in range(2):
        assert _cli(db, "members", "import", str(file), "--branch", BRANCH) == 0
        assert "新增 0 人，更新 0 人，8 人没有变化" in capsys.readouterr().out
    listed = _listed(db, capsys)
    assert [m["name"] for m in listed] == NAMES  # 刘洋, who left, once
    assert listed[4]["left_on"] == "2026-06-15"
    workspace = open_workspace(str(db))
    try:  # the 签到表 of a day before he left names him once
        on_day = [m.name for m in workspace.members.members(BRANCH, on=dt.date(2026, 3, 15))]
    finally:
        workspace.close()
    assert on_day.count("刘洋") == 1 and len(on_day) == 8


def test_a_list_without_roles_or_status_keeps_those_stored(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """A later list of names alone (or names and 职务) leaves each member's Party status and
    role as stored: before, everyone became 其他 (not 应到 any more) and 书记 lost her role."""
    db, file = tmp_path / "h.sqlite3", _roster(tmp_path / "名册.xlsx")
    assert _cli(db, "members", "import", str(file), "--branch", BRANCH) == 0
    before = {m["name"]: (m["role"], m["party_status"]) for m in _listed(db, capsys)}
    names_only = tmp_path / "names.csv"
    names_only.write_text("姓名\n" + "\n".join(NAMES) + "\n", "utf-8")
    with_roles = tmp_path / "roles.csv"
    with_roles.write_text("姓名,职务\n王芳,支部书记\n李建国,组织委员\n", "utf-8")
    capsys.readouterr()
    assert _cli(db, "members", "import", str(names_only), "--branch", BRANCH) == 0
    assert "新增 0 人，更新 0 人" in capsys.readouterr().out
    assert {m["name"]: (m["role"], m["party_status"]) for m in _listed(db, capsys)} == before
    assert _cli(db, "members", "import", str(with_roles), "--branch", BRANCH) == 0
    after = {m["name"]: (m["role"], m["party_status"]) for m in _listed(db, capsys)}
    assert after["王芳"] == ("支部书记", before["王芳"][1])  # the file's role, her status kept
    assert after["赵晓燕"] == before["赵晓燕"]  # 预备党员 still
    workspace = open_workspace(str(db))
    try:  # still counted on the day: 应到 is the Party members, as before
        on_day = workspace.members.members(BRANCH, on=dt.date(2026, 3, 15))
    finally:
        workspace.close()
    assert sum(m.party_status.value != "other" for m in on_day) >= 6


def test_a_member_who_left_comes_back_only_with_a_later_joining_date(  # type: ignore[no-untyped-def]
    tmp_path: Path, capsys
) -> None:
    db = tmp_path / "h.sqlite3"
    first = tmp_path / "2025.csv"
    first.write_text("姓名,加入日期,离开日期\n刘洋,2012-05-04,2025-06-15\n李建国,,\n", "utf-8")
    assert _cli(db, "members", "import", str(first), "--branch", BRANCH) == 0
    # last year's roster, before he left: he stays as he is, and the secretary is told how
    older = tmp_path / "2024.csv"
    older.write_text("姓名\n刘洋\n李建国\n", "utf-8")
    capsys.readouterr()
    assert _cli(db, "members", "import", str(older), "--branch", BRANCH) == 0
    out = capsys.readouterr().out
    assert "新增 0 人，更新 0 人，1 人没有变化" in out
    assert "刘洋 已于 2025-06-15 离开支部，名册里没有写离开日期，仍按已离开处理" in out
    assert [(m["name"], m["left_on"]) for m in _listed(db, capsys)] == [
        ("刘洋", "2025-06-15"),
        ("李建国", None),
    ]
    # back in the branch: a new time on the roster; the old one keeps his past records
    back = tmp_path / "2026.csv"
    back.write_text("姓名,加入日期,离开日期\n刘洋,2026-03-01,\n李建国,,\n", "utf-8")
    assert _cli(db, "members", "import", str(back), "--branch", BRANCH) == 0
    out = capsys.readouterr().out
    assert "新增 1 人，更新 0 人，1 人没有变化" in out and "刘洋 重新加入支部" in out
    for again in (back, first):  # either file again: nothing more
        assert _cli(db, "members", "import", str(again), "--branch", BRANCH) == 0
        assert "新增 0 人" in capsys.readouterr().out
    assert [(m["name"], m["joined_on"], m["left_on"]) for m in _listed(db, capsys)] == [
        ("刘洋", "2012-05-04", "2025-06-15"),
        ("李建国", None, None),
        ("刘洋", "2026-03-01", None),
    ]


def test_a_name_padded_for_alignment_is_the_same_person(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db, file = tmp_path / "h.sqlite3", _roster(tmp_path / "名册.xlsx")
    assert _cli(db, "members", "import", str(file), "--branch", BRANCH) == 0
    later = tmp_path / "later.csv"
    later.write_text(
        "姓名,职务,政治面貌\n王芳,书记,正式党员\n张伟,宣传委员,正式党员\n"
        "Tursun  Ali,,正式党员\n阿依古丽·买买提,,\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert _cli(db, "members", "import", str(later), "--branch", BRANCH) == 0
    assert "新增 2 人，更新 0 人，2 人没有变化" in capsys.readouterr().out
    names = [m["name"] for m in _listed(db, capsys)]
    assert names == [*NAMES, "Tursun Ali", "阿依古丽·买买提"]
    # typed with the full-width space an input method gives, or none: the same 王芳
    assert _cli(db, "members", "add", "--branch", BRANCH, "--name", "王　芳") == 2
    assert "支部里已有一位叫“王芳”的成员" in capsys.readouterr().err
    # a file with 王 芳 and 王芳 names one person twice
    twice = tmp_path / "twice.csv"
    twice.write_text("姓名\n王 芳\n王芳\n", encoding="utf-8")
    with pytest.raises(MemberImportError) as refused:
        read_member_file(twice)
    assert [(p.row, p.code, p.text) for p in refused.value.problems] == [
        (3, MemberProblemCode.DUPLICATE, "王芳")
    ]


def test_the_day_is_recorded_with_the_name_written_either_way(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from factories import make_plan

    db, file = tmp_path / "h.sqlite3", tmp_path / "名册.csv"
    file.write_text("姓名,政治面貌\n王 芳,党员\n张  伟,党员\n刘 洋,党员\n李建国,党员\n", "utf-8")
    assert _cli(db, "members", "import", str(file), "--branch", BRANCH) == 0
    workspace = open_workspace(str(db))
    try:
        plan = make_plan(on=dt.date.today() - dt.timedelta(days=3))
        plan.branch = BRANCH
        plan_id = workspace.plans.save(plan).id
    finally:
        workspace.close()
    capsys.readouterr()
    named = ["--leave", "王芳=出差", "--absent", "张 伟", "--absent", "刘　洋"]
    assert _cli(db, "record", str(plan_id), *named) == 0, capsys.readouterr().err
    assert "应到 4，实到 1，请假 1，缺席 2" in capsys.readouterr().out


def test_stored_padded_names_are_rewritten_once_after_a_backup(tmp_path: Path) -> None:
    file = tmp_path / "before.sqlite3"
    command.upgrade(alembic_config(f"sqlite:///{file}"), "0009")
    con = sqlite3.connect(file)
    con.execute(
        "INSERT INTO branches (id, name, created_at) VALUES (1, ?, '2025-01-01')", (BRANCH,)
    )
    for member_id, name, left_on in [
        (1, "王 芳", None),
        (2, "刘 洋", "2026-06-15"),
        (3, "刘 洋", "2026-06-15"),  # imported twice before: both kept, both 刘洋
        (4, "张  伟", None),
        (5, "张伟", None),  # imported once each way: two current members, one left padded
        (6, "Tursun Ali", None),
        (7, "王　芳", "2020-01-01"),
    ]:
        con.execute(
            "INSERT INTO members (id, branch_id, name, role, party_status, left_on, created_at,"
            " updated_at) VALUES (?, 1, ?, '', 'full', ?, '2025-01-01', '2025-01-01')",
            (member_id, name, left_on),
        )
    con.commit()
    con.close()
    workspace = open_workspace(str(file))
    try:
        backup = workspace.database.backup
        names = [m.name for m in workspace.members.members(BRANCH)]
        assert names == ["王芳", "刘洋", "刘洋", "张  伟", "张伟", "Tursun Ali", "王芳"]
        # the one left padded is still 张伟: not a third one, and the file's spelling once the
        # secretary has deleted the other
        workspace.members.remove(5)
        with pytest.raises(MemberEditError):
            workspace.members.add(BRANCH, Member(None, "张伟"))
        outcome = workspace.members.import_members(BRANCH, [Member(None, "张伟", "委员")])
        assert (outcome.added, outcome.updated) == (0, 1)
        assert [(m.id, m.role) for m in workspace.members.members(BRANCH) if m.name == "张伟"] == [
            (4, "委员")
        ]
    finally:
        workspace.close()
    assert backup is not None and "0009" in backup.name
    kept = sqlite3.connect(backup)
    assert kept.execute("SELECT name FROM members WHERE id = 1").fetchone() == ("王 芳",)
    kept.close()


def test_the_lines_under_the_list_are_not_members(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "h.sqlite3"
    blank: list[object] = []
    signed = [None, "制表人：王芳"]
    for number, after in enumerate(
        [
            [signed],  # right under the last name
            [blank, signed],  # after a blank row
            [blank, blank, ["合计", "8人"], [None, None, None, "填表日期：2026年1月5日"]],
            [signed, [None, "审核人 李建国"], blank],
        ]
    ):
        file = _roster(tmp_path / f"名册{number}.xlsx", *after)
        listed = read_member_file(file)
        assert [m.name for m in listed.members] == NAMES
        assert listed.footer_row == 11 + after.index(next(a for a in after if a))
    capsys.readouterr()
    file = _roster(tmp_path / "名册.xlsx", blank, signed)
    assert _cli(db, "members", "import", str(file), "--branch", BRANCH) == 0
    out = capsys.readouterr().out
    assert "新增 8 人" in out
    assert "第 12 行起（“制表人：王芳”）是名单下面的落款、合计等，没有作为成员导入" in out
    # the sign-in sheet's name list from the same file leaves the line out, and says so
    roster = read_roster(file)
    assert "制表人：王芳" not in [entry.name for entry in roster.entries]
    assert [(p.row, p.code) for p in roster.problems] == [(12, RosterProblemCode.NOT_A_NAME)]


def test_a_blank_row_or_a_signature_among_the_names_says_what_to_do(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "h.sqlite3"
    people = [*PEOPLE[:3], [None, "制表人：王芳"], *PEOPLE[3:5], [], *PEOPLE[5:]]
    file = _roster(tmp_path / "名册.xlsx", people=people)
    with pytest.raises(MemberImportError) as refused:
        read_member_file(file)
    assert [(p.row, p.code) for p in refused.value.problems] == [
        (6, MemberProblemCode.NOT_A_NAME),
        (9, MemberProblemCode.EMPTY_ROW),
    ]
    assert _cli(db, "members", "import", str(file), "--branch", BRANCH) == 2
    err = capsys.readouterr().err
    assert "第 6 行（“制表人：王芳”）不是姓名，而像表尾的制表人、合计等，下面却还有姓名" in err
    assert "第 9 行是空行（或合并单元格的一部分），下面还有姓名：请删去这一行" in err
    assert "名册有 2 处问题，未导入任何人" in err


def test_a_roster_file_that_is_not_there_is_said_to_be_missing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db, missing = tmp_path / "h.sqlite3", tmp_path / "没有这个名册.xlsx"
    assert _cli(db, "members", "import", str(missing), "--branch", BRANCH) == 2
    assert f"找不到名册文件：{missing}" in capsys.readouterr().err
    assert main(["--lang", "en", "--db", str(db), "members", "import", str(missing),
                 "--branch", BRANCH]) == 2  # fmt: skip
    assert f"No such roster file: {missing}" in capsys.readouterr().err


def test_the_roster_window_imports_again_and_says_what_it_left(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch, lang: str
) -> None:
    from hongtu.qt.roster_dialog import MemberDialog, RosterDialog

    workspace = open_workspace(str(tmp_path / "h.sqlite3"))
    try:
        dialog = RosterDialog(workspace.members, [BRANCH], BRANCH)
        qtbot.addWidget(dialog)
        dialog.show()
        file = _roster(tmp_path / "名册.xlsx", [], [None, "制表人：王芳"])
        _choose_file(monkeypatch, file)
        for _ in range(2):
            click(qtbot, dialog.import_button)
        assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == NAMES
        assert dialog.outcome.toPlainText().splitlines() == (
            [
                "已从 名册.xlsx 导入：新增 0 人，更新 0 人，8 人没有变化",
                "第 12 行起（“制表人：王芳”）是名单下面的落款、合计等，没有作为成员导入",
            ]
            if lang == "zh_CN"
            else [
                "Imported from 名册.xlsx: 0 added, 0 updated, 8 unchanged",
                "Row 12 on (“制表人：王芳”) is a signature, date or total under the list: "
                "not imported as a member",
            ]
        )
        # an older roster, without his 转出日期: he stays as he is, and every line of why shows
        older = _roster(tmp_path / "旧名册.xlsx", [], [None, "制表人：王芳"], people=[[1, "刘 洋"]])
        _choose_file(monkeypatch, older)
        click(qtbot, dialog.import_button)
        assert len(dialog.outcome.toPlainText().splitlines()) == 3
        assert dialog.outcome.verticalScrollBar().maximum() == 0  # a wrapped line is not cut
        assert [dialog.table.item(r, 4).text() for r in range(dialog.table.rowCount())][4] == (
            "2026-06-15"
        )
        # 添加成员… with the full-width space an input method puts between the characters
        seen: list[str] = []

        def add(member_dialog: MemberDialog) -> None:
            ime_type(member_dialog.name, "王　芳")
            buttons = member_dialog.findChild(QDialogButtonBox)
            click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Save))
            seen.append(member_dialog.problem.text())
            member_dialog.reject()

        when_shown(MemberDialog, add)
        click(qtbot, dialog.add_button)
        assert seen == [
            "支部里已有一位叫“王芳”的成员" if lang == "zh_CN" else
            "The branch already has a member called “王芳”"
        ]  # fmt: skip
        assert dialog.table.rowCount() == len(NAMES)
        dialog.close()
    finally:
        workspace.close()


def _recorded(db: Path, absent: str) -> int:
    """A past Party-day of the branch recorded with everyone on the roster, ``absent`` away."""
    from factories import make_plan
    from hongtu.core.records import ActivityRecord, everyone_present

    workspace = open_workspace(str(db))
    try:
        day = dt.date.today() - dt.timedelta(days=3)
        plan = make_plan(on=day)
        plan.branch = BRANCH
        plan_id = workspace.plans.save(plan).id
        assert plan_id is not None
        roster = workspace.members.members(BRANCH, on=day)
        away = [m.id for m in roster if m.name == absent and m.id is not None]
        workspace.records.save(
            ActivityRecord(plan_id, day, everyone_present(roster, day, absent=away))
        )
        return plan_id
    finally:
        workspace.close()


def test_a_member_added_by_mistake_is_removed_one_on_a_record_is_not(  # type: ignore[no-untyped-def]
    tmp_path: Path, capsys
) -> None:
    db, file = tmp_path / "h.sqlite3", tmp_path / "名册.csv"
    file.write_text("姓名,政治面貌\n李建国,党员\n赵晓燕,党员\n", "utf-8")
    assert _cli(db, "members", "import", str(file), "--branch", BRANCH) == 0
    _recorded(db, absent="赵晓燕")
    assert _cli(db, "members", "add", "--branch", BRANCH, "--name", "李建困") == 0
    ids = {m["name"]: m["id"] for m in _listed(db, capsys)}
    assert _cli(db, "members", "remove", str(ids["赵晓燕"]), "--branch", BRANCH) == 2
    err = capsys.readouterr().err
    day = (dt.date.today() - dt.timedelta(days=3)).isoformat()
    assert f"赵晓燕 在 {day} 的活动记录里，不能删除（台账的出勤要用到）" in err
    assert _cli(db, "members", "remove", str(ids["李建困"]), "--branch", "第二党支部") == 2
    assert f"第二党支部 没有编号为 {ids['李建困']} 的成员" in capsys.readouterr().err
    assert _cli(db, "members", "remove", str(ids["李建困"]), "--branch", BRANCH) == 0
    assert f"已删除：李建困（编号 {ids['李建困']}）" in capsys.readouterr().out
    assert [m["name"] for m in _listed(db, capsys)] == ["李建国", "赵晓燕"]


def test_the_roster_window_deletes_a_wrongly_added_member_once_confirmed(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, lang: str
) -> None:
    from hongtu.qt.roster_dialog import RosterDialog

    db = tmp_path / "h.sqlite3"
    file = tmp_path / "名册.csv"
    file.write_text("姓名,政治面貌\n李建国,党员\n赵晓燕,党员\n", "utf-8")
    assert _cli(db, "members", "import", str(file), "--branch", BRANCH) == 0
    _recorded(db, absent="赵晓燕")
    workspace = open_workspace(str(db))
    try:
        workspace.members.add(BRANCH, Member(None, "制表人：王芳"))
        dialog = RosterDialog(workspace.members, [BRANCH], BRANCH)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert not dialog.remove_button.isEnabled()  # nobody chosen
        boxes = BoxAnswers()
        dialog.table.selectRow(1)  # 赵晓燕, on the recorded day: told to mark her as left
        boxes.answer(lambda box: box.button(QMessageBox.StandardButton.Ok))
        click(qtbot, dialog.remove_button)
        dialog.table.selectRow(2)
        boxes.no()  # 取消: nothing happens
        click(qtbot, dialog.remove_button)
        assert dialog.table.rowCount() == 3
        dialog.table.selectRow(2)
        boxes.yes()
        click(qtbot, dialog.remove_button)
        day = (dt.date.today() - dt.timedelta(days=3)).isoformat()
        confirm = (
            "从名单中删除 制表人：王芳 吗？只用于误加的人（如名册里多读进来的一行）；不能撤销。"
            if lang == "zh_CN"
            else "Delete 制表人：王芳 from the list? Only for someone added by mistake (such as "
            "an extra line read from a roster file); this cannot be undone."
        )
        refused = (
            f"赵晓燕 在 {day} 的活动记录里，不能删除：台账的出勤要用到。"
            "如已离开支部，请用“标记离开…”。"
            if lang == "zh_CN"
            else f"赵晓燕 is on the record of {day} and cannot be deleted: the ledger's "
            "attendance needs them. If they have left the branch, use “Mark as Left…”."
        )
        assert boxes.seen == [refused, confirm, confirm]
        assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == [
            "李建国",
            "赵晓燕",
        ]
        assert [m.name for m in workspace.members.members(BRANCH)] == ["李建国", "赵晓燕"]
        assert dialog.selected_member() is None and not dialog.remove_button.isEnabled()
        dialog.close()
    finally:
        workspace.close()
