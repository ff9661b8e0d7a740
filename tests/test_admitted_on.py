"""入党日期: the day a member was admitted as 预备党员. An 入党积极分子 (列席 at Party-days)
admitted during the year had no date for it: entered as 预备党员 they were counted in 应到 (and
absent) for the months before, entered as 入党积极分子 they stayed 列席 after. A record of a day
before the 入党日期 now counts the member as 入党积极分子 (列席, not in 应到), from it on as a
Party member. It is stored as the 转正日期 is: a roster file (入党日期 / 入党时间 / admitted),
``hongtu members add --admitted`` and 成员名单; a bad date, a date for someone not in the Party
or a 入党日期 after the 转正日期 is refused in words and changes nothing. Older databases are
migrated (0009) after a backup; their members keep the status they had, on every day."""

from __future__ import annotations

import io
import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from alembic import command
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from factories import make_plan
from hongtu.cli import main
from hongtu.core.exports.ledger_xlsx import render_ledger_xlsx
from hongtu.core.ledger import load_ledger
from hongtu.core.members import (
    Member,
    MemberImportError,
    MemberProblemCode,
    PartyStatus,
    read_member_file,
)
from hongtu.core.records import ActivityRecord, Presence, everyone_present
from hongtu.core.workspace import open_workspace
from hongtu.qt.record_attendance import Column
from hongtu.qt.roster_dialog import MemberDialog, RosterDialog
from journey_helpers import journey_window
from record_helpers import open_record_dialog
from test_database import alembic_config
from test_full_since import _roster_file, _save_button
from test_plan_gui import type_text
from test_roster_typing import retype

BRANCH = "第一党支部"  # make_plan's branch
ADMITTED = date(2025, 7, 1)


@pytest.mark.parametrize("header", ["入党日期", "入党时间", "admitted"])
def test_a_roster_file_gives_the_day_of_admission(tmp_path: Path, header: str) -> None:
    path = _roster_file(
        tmp_path,
        f"姓名,政治面貌,{header},转正日期\n张三,正式党员,,\n李四,预备党员,2025年7月1日,\n"
        "王五,,2025/7/1,\n赵六,正式党员,2024-05-04,2025-05-04\n",
    )
    members = {m.name: m for m in read_member_file(path).members}
    assert members["张三"].admitted_on is None
    assert members["李四"].admitted_on == members["王五"].admitted_on == ADMITTED
    for name in ("李四", "王五"):  # a date alone: a 预备党员
        assert members[name].status_on(date(2025, 6, 30)) is PartyStatus.ACTIVIST
        assert members[name].status_on(ADMITTED) is PartyStatus.PROBATIONARY
        assert not members[name].in_party_on(date(2025, 6, 30))
    zhao = members["赵六"]  # admitted, then full a year later
    assert [zhao.status_on(date(y, 1, 1)) for y in (2024, 2025, 2026)] == [
        PartyStatus.ACTIVIST,
        PartyStatus.PROBATIONARY,
        PartyStatus.FULL,
    ]


def test_a_bad_date_a_non_member_or_admission_after_full_membership_imports_nobody(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _roster_file(
        tmp_path,
        "姓名,政治面貌,入党日期,转正日期\n张三,正式党员,,\n李四,预备党员,2025-02-30,\n"
        "王五,入党积极分子,2025-07-01,\n赵六,正式党员,2025-07-01,2025-06-01\n",
    )
    with pytest.raises(MemberImportError) as refused:
        read_member_file(path)
    found = [(p.row, p.code, p.text) for p in refused.value.problems]
    assert found == [
        (3, MemberProblemCode.BAD_DATE, "2025-02-30"),
        (4, MemberProblemCode.ADMITTED_NOT_IN_PARTY, "入党积极分子"),
        (5, MemberProblemCode.ADMITTED_AFTER_FULL_SINCE, "赵六"),
    ]
    db = str(tmp_path / "m.sqlite3")
    assert main(["--db", db, "members", "import", str(path), "--branch", BRANCH]) != 0
    err = capsys.readouterr().err
    assert "第 4 行有入党日期，但政治面貌是“入党积极分子”" in err
    assert "第 5 行（赵六）的入党日期晚于转正日期" in err
    assert "名册有 3 处问题，未导入任何人" in err
    workspace = open_workspace(db)
    try:
        assert workspace.members.members(BRANCH) == []
    finally:
        workspace.close()


def test_importing_again_takes_the_date_and_keeps_it_when_the_file_has_none(
    tmp_path: Path,
) -> None:
    workspace = open_workspace(str(tmp_path / "m.sqlite3"))
    try:
        store = workspace.members
        store.import_members(BRANCH, [Member(None, "李四", "", PartyStatus.ACTIVIST)])
        admitted = _roster_file(tmp_path, "姓名,政治面貌,入党日期\n李四,预备党员,2025-07-01\n")
        assert store.import_members(BRANCH, read_member_file(admitted).members).updated == 1
        (li,) = store.members(BRANCH)
        assert (li.party_status, li.admitted_on) == (PartyStatus.PROBATIONARY, ADMITTED)
        older = _roster_file(tmp_path, "姓名,政治面貌\n李四,预备党员\n")  # an older roster file
        assert store.import_members(BRANCH, read_member_file(older).members).updated == 0
        (li,) = store.members(BRANCH)
        assert li.admitted_on == ADMITTED
        # a 转正日期 before the kept 入党日期: refused, nothing changed
        full = _roster_file(tmp_path, "姓名,政治面貌,转正日期\n李四,预备党员,2025-06-01\n")
        with pytest.raises(ValueError, match="admitted_after_full_since"):
            store.import_members(BRANCH, read_member_file(full).members)
        assert store.members(BRANCH) == [li]
        # out of the Party: the date goes with the status
        out = _roster_file(tmp_path, "姓名,政治面貌\n李四,其他\n")
        store.import_members(BRANCH, read_member_file(out).members)
        (li,) = store.members(BRANCH)
        assert (li.party_status, li.admitted_on) == (PartyStatus.OTHER, None)
    finally:
        workspace.close()


def _year(workspace) -> None:  # type: ignore[no-untyped-def]
    """李四, an 入党积极分子, is admitted as 预备党员 on 2025-07-01; Party-days in March (he came)
    and in September (he did not)."""
    workspace.members.import_members(
        BRANCH,
        [
            Member(None, "张三", "书记", PartyStatus.FULL),
            Member(None, "李四", "", PartyStatus.PROBATIONARY, admitted_on=ADMITTED),
        ],
    )
    roster = workspace.members.members(BRANCH)
    li = next(m.id for m in roster if m.name == "李四")
    for day, absent in ((date(2025, 3, 7), []), (date(2025, 9, 5), [li])):
        plan = workspace.plans.save(make_plan(on=day))
        workspace.records.save(
            ActivityRecord(plan.id, day, everyone_present(roster, day, absent=absent)),
            today=date(2025, 12, 31),
        )


def test_before_the_day_of_admission_the_member_is_an_observer_not_expected(workspace) -> None:  # type: ignore[no-untyped-def]
    _year(workspace)
    ledger = load_ledger(workspace, BRANCH, 2025)
    march, september = ledger.days
    assert (march.counts.expected, march.counts.present, march.counts.observers) == (1, 1, 1)
    assert march.observers == ("李四",)
    assert (september.counts.expected, september.counts.absent) == (2, 1)
    assert [m.name for m in september.missing] == ["李四"]
    (li,) = [m for m in ledger.members if m.name == "李四"]
    assert (li.party_status, li.admitted_on, li.counts.expected) == (
        PartyStatus.PROBATIONARY,
        ADMITTED,
        1,
    )
    sheet = load_workbook(io.BytesIO(render_ledger_xlsx(ledger)))["成员出勤"]
    rows = {r[0].value: r[2].value for r in sheet.iter_rows(min_row=2) if r[2].value}
    assert rows == {"张三": "正式党员", "李四": "预备党员（2025-07-01入党）"}
    # the record of March keeps him present, as 列席
    record = workspace.records.for_plan(march.plan_id)
    assert [a.presence for a in record.attendance if a.name == "李四"] == [Presence.PRESENT]


def test_ledger_show_and_members_list_give_the_date(workspace, capsys) -> None:  # type: ignore[no-untyped-def]
    _year(workspace)
    db = workspace.database.url.removeprefix("sqlite:///")
    base = ["--db", db]
    assert main([*base, "ledger", "show", "--branch", BRANCH, "--year", "2025", "--json"]) == 0
    members = json.loads(capsys.readouterr().out)["members"]
    li = next(m for m in members if m["name"] == "李四")
    assert (li["party_status"], li["admitted_on"], li["expected"]) == (
        "probationary",
        "2025-07-01",
        1,
    )
    assert main([*base, "members", "list", "--branch", BRANCH, "--json"]) == 0
    listed = {m["name"]: m for m in json.loads(capsys.readouterr().out)}
    assert listed["李四"]["admitted_on"] == "2025-07-01"
    assert main([*base, "members", "list", "--branch", BRANCH]) == 0
    text = capsys.readouterr().out
    assert "入党日期" in text and "2025-07-01" in text


def test_members_add_takes_the_date_and_refuses_a_bad_one(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "m.sqlite3")
    add = ["--db", db, "members", "add", "--branch", BRANCH]
    assert main([*add, "--name", "李四", "--admitted", "2025-07-01"]) == 0
    capsys.readouterr()
    assert main([*add, "--name", "王五", "--admitted", "2025-13-01"]) != 0
    assert "入党日期“2025-13-01”不是日期" in capsys.readouterr().err
    assert main([*add, "--name", "赵六", "--status", "入党积极分子", "--admitted", "2025-07-01"])
    assert "只有正式党员或预备党员才有入党日期" in capsys.readouterr().err
    late = ["--admitted", "2025-07-01", "--full-since", "2025-01-01"]
    assert main([*add, "--name", "钱七", "--status", "预备党员", *late]) != 0
    assert "钱七 的入党日期不能晚于转正日期" in capsys.readouterr().err
    workspace = open_workspace(db)
    try:
        (li,) = workspace.members.members(BRANCH)
        assert (li.name, li.party_status, li.admitted_on) == (
            "李四",
            PartyStatus.PROBATIONARY,  # a date alone: a 预备党员
            ADMITTED,
        )
    finally:
        workspace.close()


def test_migration_0009_backs_up_and_keeps_every_members_status(tmp_path: Path) -> None:
    file = tmp_path / "before.sqlite3"
    command.upgrade(alembic_config(f"sqlite:///{file}"), "0008")
    con = sqlite3.connect(file)
    con.execute(
        "INSERT INTO branches (id, name, created_at) VALUES (1, '第一党支部', '2025-01-01')"
    )
    con.execute(
        "INSERT INTO members (id, branch_id, name, role, party_status, joined_on, left_on,"
        " full_since, created_at, updated_at) VALUES (1, 1, '李四', '', 'probationary', NULL,"
        " NULL, NULL, '2025-01-01', '2025-01-01')"
    )
    con.commit()
    con.close()
    workspace = open_workspace(str(file))
    try:
        assert workspace.database.backup is not None and "0008" in workspace.database.backup.name
        (li,) = workspace.members.members(BRANCH)
        assert (li.party_status, li.admitted_on) == (PartyStatus.PROBATIONARY, None)
        assert li.status_on(date(2000, 1, 1)) is PartyStatus.PROBATIONARY
    finally:
        workspace.close()


def test_the_roster_window_takes_the_date_and_keeps_one_still_to_come(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    roster = RosterDialog(workspace.members, [BRANCH], BRANCH)
    qtbot.addWidget(roster)
    roster.show()
    dialog = roster.member_dialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_text(dialog.name, "李四")
    dialog.status.setCurrentIndex(dialog.status.findText("预备党员"))
    QTest.mouseClick(dialog.admitted.known, Qt.MouseButton.LeftButton)
    retype(dialog.admitted.edit.text, "2025年2月30日")
    QTest.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.saved is None and dialog.isVisible()
    assert "入党日期“2025年2月30日”不是有效日期" in dialog.problem.text()
    assert workspace.members.members(BRANCH) == []
    soon = date.today() + timedelta(days=30)
    retype(dialog.admitted.edit.text, soon.isoformat())
    QTest.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.saved is not None
    roster.reload()
    headers = [roster.table.horizontalHeaderItem(c).text() for c in range(roster.COLUMNS)]
    row = {h: roster.table.item(0, c).text() for c, h in enumerate(headers)}
    assert (row["政治面貌"], row["入党日期"]) == ("入党积极分子", soon.isoformat())  # not yet

    # editing another field: the form shows 预备党员 with the date to come, and keeps both
    (li,) = workspace.members.members(BRANCH)
    edit = MemberDialog(lambda m: workspace.members.update(m, was=li), li)
    qtbot.addWidget(edit)
    edit.show()
    assert edit.status.currentText() == "预备党员" and edit.admitted.isEnabled()
    assert edit.admitted.known.isChecked() and edit.admitted.edit.text.text() == soon.isoformat()
    retype(edit.role, "宣传委员")
    QTest.mouseClick(_save_button(edit), Qt.MouseButton.LeftButton)
    (li,) = workspace.members.members(BRANCH)
    assert (li.role, li.party_status, li.admitted_on) == (
        "宣传委员",
        PartyStatus.PROBATIONARY,
        soon,
    )
    # an 入党积极分子 has no 入党日期 to give
    edit = MemberDialog(lambda m: workspace.members.update(m, was=li), li)
    qtbot.addWidget(edit)
    edit.show()
    edit.status.setCurrentIndex(edit.status.findText("入党积极分子"))
    assert not edit.admitted.isEnabled()
    QTest.mouseClick(_save_button(edit), Qt.MouseButton.LeftButton)
    (li,) = workspace.members.members(BRANCH)
    assert (li.party_status, li.admitted_on) == (PartyStatus.ACTIVIST, None)


def test_the_record_of_a_day_before_the_date_lists_the_member_as_an_activist(
    qtbot, tmp_path: Path
) -> None:
    db = str(tmp_path / "r.sqlite3")
    day = date.today() - timedelta(days=3)
    workspace = open_workspace(db)
    try:
        workspace.members.import_members(
            BRANCH,
            [
                Member(None, "张三", "书记", PartyStatus.FULL),
                Member(
                    None, "李四", "", PartyStatus.PROBATIONARY, admitted_on=day + timedelta(days=1)
                ),
            ],
        )
        plan_id = workspace.plans.save(make_plan(on=day)).id
    finally:
        workspace.close()
    with journey_window(qtbot, db) as (window, _controller):
        dialog = open_record_dialog(qtbot, window, plan_id)
        row = dialog.attendance.row_of("李四")
        assert row is not None
        assert dialog.attendance.item(row, Column.STATUS).text() == "入党积极分子（列席）"
        assert "应到 1 人" in dialog.counts.text() and "列席 1 人" in dialog.counts.text()
        dialog.reject()
