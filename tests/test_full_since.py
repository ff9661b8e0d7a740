"""转正日期: the day a 预备党员 became 正式党员. A record of a day before it counts and prints the
member as 预备党员, from it on as 正式党员, so a past year's 台账 no longer shows today's 政治面貌.
It is read from a roster file (转正日期 / 转正时间 / full member since, the dates 加入日期 takes),
typed with ``hongtu members add --full-since`` and in 成员名单; a bad date or a date for someone
not in the Party is refused in words and changes nothing. Older databases are migrated (0007)
after a backup; their members keep the status they had, on every day."""

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
from PySide6.QtWidgets import QDialogButtonBox

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
from hongtu.core.records import ActivityRecord, everyone_present
from hongtu.core.workspace import open_workspace
from hongtu.qt.record_attendance import Column
from hongtu.qt.roster_dialog import MemberDialog, RosterDialog
from journey_helpers import journey_window
from record_helpers import open_record_dialog
from test_database import alembic_config
from test_plan_gui import type_text
from test_roster_typing import retype

BRANCH = "第一党支部"  # make_plan's branch


def _roster_file(folder: Path, text: str) -> Path:
    path = folder / "名册.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("header", ["转正日期", "转正时间", "full member since"])
@pytest.mark.parametrize("typed", ["2025-06-15", "2025/6/15", "2025.6.15", "2025年6月15日"])
def test_a_roster_file_gives_the_full_membership_date(tmp_path: Path, header, typed) -> None:  # type: ignore[no-untyped-def]
    path = _roster_file(
        tmp_path,
        f"姓名,政治面貌,{header}\n张三,正式党员,\n李四,预备党员,{typed}\n王五,,{typed}\n",
    )
    members = {m.name: m for m in read_member_file(path).members}
    assert members["张三"].full_since is None
    assert members["李四"].full_since == date(2025, 6, 15)
    assert members["王五"].full_since == date(2025, 6, 15)  # a date alone: a Party member
    for name in ("李四", "王五"):
        assert members[name].status_on(date(2025, 6, 14)) is PartyStatus.PROBATIONARY
        assert members[name].status_on(date(2025, 6, 15)) is PartyStatus.FULL
    assert members["张三"].status_on(date(2000, 1, 1)) is PartyStatus.FULL  # no date: always


def test_a_bad_date_or_a_date_for_a_non_member_imports_nobody(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = _roster_file(
        tmp_path,
        "姓名,政治面貌,转正日期\n张三,正式党员,\n李四,预备党员,2025-02-30\n"
        "王五,入党积极分子,2025-06-15\n赵六,预备党员,明年\n",
    )
    with pytest.raises(MemberImportError) as refused:
        read_member_file(path)
    found = [(p.row, p.code, p.text) for p in refused.value.problems]
    assert found == [
        (3, MemberProblemCode.BAD_DATE, "2025-02-30"),
        (4, MemberProblemCode.FULL_SINCE_NOT_IN_PARTY, "入党积极分子"),
        (5, MemberProblemCode.BAD_DATE, "明年"),
    ]
    db = str(tmp_path / "m.sqlite3")
    assert main(["--db", db, "members", "import", str(path), "--branch", BRANCH]) != 0
    err = capsys.readouterr().err
    assert "第 3 行的日期无法识别（“2025-02-30”）" in err
    assert "第 4 行有转正日期，但政治面貌是“入党积极分子”" in err
    assert "名册有 3 处问题，未导入任何人" in err
    workspace = open_workspace(db)
    try:
        assert workspace.members.members(BRANCH) == []
    finally:
        workspace.close()


def test_importing_again_takes_the_date_and_keeps_it_when_the_file_has_none(
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "m.sqlite3")
    workspace = open_workspace(db)
    try:
        store = workspace.members
        store.import_members(BRANCH, [Member(None, "李四", "", PartyStatus.PROBATIONARY)])
        with_date = _roster_file(tmp_path, "姓名,政治面貌,转正日期\n李四,预备党员,2025-06-15\n")
        assert store.import_members(BRANCH, read_member_file(with_date).members).updated == 1
        (li,) = store.members(BRANCH)
        assert li.full_since == date(2025, 6, 15) and li.party_status is PartyStatus.FULL
        older = _roster_file(tmp_path, "姓名,政治面貌\n李四,预备党员\n")  # an older roster file
        assert store.import_members(BRANCH, read_member_file(older).members).updated == 0
        (li,) = store.members(BRANCH)
        assert li.full_since == date(2025, 6, 15)
        assert li.status_on(date(2025, 1, 1)) is PartyStatus.PROBATIONARY
    finally:
        workspace.close()


def _two_years(workspace) -> None:  # type: ignore[no-untyped-def]
    """李四 joined the Party in 2024 and became a full member on 2025-06-15; a Party-day in
    November 2024, March 2025 and July 2025."""
    workspace.members.import_members(
        BRANCH,
        [
            Member(None, "张三", "书记", PartyStatus.FULL),
            Member(None, "李四", "", PartyStatus.FULL, full_since=date(2025, 6, 15)),
        ],
    )
    roster = workspace.members.members(BRANCH)
    for day in (date(2024, 11, 8), date(2025, 3, 7), date(2025, 7, 1)):
        plan = workspace.plans.save(make_plan(on=day))
        workspace.records.save(
            ActivityRecord(plan.id, day, everyone_present(roster, day)), today=date(2025, 12, 31)
        )


def test_past_years_ledgers_show_the_status_of_their_days(workspace) -> None:  # type: ignore[no-untyped-def]
    _two_years(workspace)
    last_year = load_ledger(workspace, BRANCH, 2024)
    this_year = load_ledger(workspace, BRANCH, 2025)
    statuses = {m.name: (m.party_status, m.full_since) for m in last_year.members}
    assert statuses["李四"] == (PartyStatus.PROBATIONARY, None)  # not today's 正式党员
    statuses = {m.name: (m.party_status, m.full_since) for m in this_year.members}
    assert statuses["李四"] == (PartyStatus.FULL, date(2025, 6, 15))
    assert statuses["张三"] == (PartyStatus.FULL, None)
    # both are Party members on every day: counted in 应到 before and after 转正
    assert [d.counts.expected for d in this_year.days] == [2, 2]

    for ledger, shown in ((last_year, "预备党员"), (this_year, "正式党员（2025-06-15转正）")):
        sheet = load_workbook(io.BytesIO(render_ledger_xlsx(ledger)))["成员出勤"]
        rows = {r[0].value: r[2].value for r in sheet.iter_rows(min_row=2) if r[2].value}
        assert rows == {"张三": "正式党员", "李四": shown}


def test_ledger_show_gives_each_years_status(workspace, capsys) -> None:  # type: ignore[no-untyped-def]
    _two_years(workspace)
    db = workspace.database.url.removeprefix("sqlite:///")
    show = ["--db", db, "ledger", "show", "--branch", BRANCH, "--json", "--year"]
    years = {}
    for year in ("2024", "2025"):
        assert main([*show, year]) == 0
        members = json.loads(capsys.readouterr().out)["members"]
        years[year] = {m["name"]: (m["party_status"], m["full_since"]) for m in members}
    assert years["2024"]["李四"] == ("probationary", None)
    assert years["2025"]["李四"] == ("full", "2025-06-15")


def test_a_full_member_with_a_date_in_the_future_is_probationary_until_then(workspace) -> None:  # type: ignore[no-untyped-def]
    soon = date.today() + timedelta(days=30)
    member = workspace.members.add(
        BRANCH, Member(None, "王五", "", PartyStatus.PROBATIONARY, full_since=soon)
    )
    assert member.status_on(date.today()) is PartyStatus.PROBATIONARY
    assert member.status_on(soon) is PartyStatus.FULL
    refused = Member(None, "赵六", "", PartyStatus.ACTIVIST, full_since=soon)
    with pytest.raises(ValueError, match="full_since_not_in_party"):
        workspace.members.add(BRANCH, refused)
    assert [m.name for m in workspace.members.members(BRANCH)] == ["王五"]


def test_members_add_takes_full_since_and_list_shows_todays_status(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "m.sqlite3")
    add = ["--db", db, "members", "add", "--branch", BRANCH]
    assert main([*add, "--name", "李四", "--status", "预备党员", "--full-since", "2025-06-15"]) == 0
    capsys.readouterr()
    assert main([*add, "--name", "王五", "--full-since", "2025-13-01"]) != 0
    assert "转正日期“2025-13-01”不是日期" in capsys.readouterr().err
    assert main([*add, "--name", "赵六", "--status", "入党积极分子", "--full-since", "2025-06-15"])
    assert "只有正式党员或预备党员才有转正日期" in capsys.readouterr().err

    assert main(["--db", db, "members", "list", "--branch", BRANCH]) == 0
    text = capsys.readouterr().out
    assert "转正日期" in text and "2025-06-15" in text
    assert "王五" not in text and "赵六" not in text  # refused: nothing added
    row = next(line for line in text.splitlines() if "李四" in line)
    assert "正式党员" in row  # the date has come: a 预备党员 is shown as 正式党员
    assert main(["--db", db, "members", "list", "--branch", BRANCH, "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert (listed["party_status"], listed["full_since"]) == ("full", "2025-06-15")


def test_migration_0007_backs_up_and_keeps_every_members_status(tmp_path: Path) -> None:
    file = tmp_path / "before.sqlite3"
    command.upgrade(alembic_config(f"sqlite:///{file}"), "0006")
    con = sqlite3.connect(file)
    con.execute(
        "INSERT INTO branches (id, name, created_at) VALUES (1, '第一党支部', '2025-01-01')"
    )
    con.execute(
        "INSERT INTO members (id, branch_id, name, role, party_status, joined_on, left_on,"
        " created_at, updated_at) VALUES (1, 1, '李四', '', 'probationary', NULL, NULL,"
        " '2025-01-01', '2025-01-01')"
    )
    con.commit()
    con.close()
    workspace = open_workspace(str(file))
    try:
        assert workspace.database.backup is not None and "0006" in workspace.database.backup.name
        (li,) = workspace.members.members(BRANCH)
        assert (li.party_status, li.full_since) == (PartyStatus.PROBATIONARY, None)
        assert li.status_on(date(2030, 1, 1)) is PartyStatus.PROBATIONARY
    finally:
        workspace.close()


def _save_button(dialog):  # type: ignore[no-untyped-def]
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)


def test_the_roster_window_takes_the_date_and_refuses_a_bad_one(qtbot, workspace) -> None:  # type: ignore[no-untyped-def]
    roster = RosterDialog(workspace.members, [BRANCH], BRANCH)
    qtbot.addWidget(roster)
    roster.show()
    dialog = roster.member_dialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_text(dialog.name, "李四")
    dialog.status.setCurrentIndex(dialog.status.findText("预备党员"))
    QTest.mouseClick(dialog.full_since.known, Qt.MouseButton.LeftButton)
    retype(dialog.full_since.edit.text, "2025年2月30日")
    QTest.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.saved is None and dialog.isVisible()
    assert "转正日期“2025年2月30日”不是有效日期" in dialog.problem.text()
    assert workspace.members.members(BRANCH) == []

    retype(dialog.full_since.edit.text, "2025年6月15日")
    QTest.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.saved is not None
    roster.reload()
    headers = [roster.table.horizontalHeaderItem(c).text() for c in range(roster.COLUMNS)]
    row = {h: roster.table.item(0, c).text() for c, h in enumerate(headers)}
    assert (row["政治面貌"], row["转正日期"]) == ("正式党员", "2025-06-15")  # the date has come

    # editing: the form shows today's status; an 入党积极分子 has no 转正日期 to give
    (li,) = workspace.members.members(BRANCH)
    edit = MemberDialog(lambda m: workspace.members.update(m, was=li), li)
    qtbot.addWidget(edit)
    edit.show()
    assert edit.status.currentText() == "正式党员" and edit.full_since.known.isChecked()
    edit.status.setCurrentIndex(edit.status.findText("入党积极分子"))
    assert not edit.full_since.isEnabled()
    QTest.mouseClick(_save_button(edit), Qt.MouseButton.LeftButton)
    (li,) = workspace.members.members(BRANCH)
    assert (li.party_status, li.full_since) == (PartyStatus.ACTIVIST, None)


def test_the_record_of_a_day_before_the_date_lists_the_member_as_probationary(
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
                Member(None, "李四", "", PartyStatus.FULL, full_since=day + timedelta(days=1)),
            ],
        )
        plan_id = workspace.plans.save(make_plan(on=day)).id
    finally:
        workspace.close()
    with journey_window(qtbot, db) as (window, _controller):
        dialog = open_record_dialog(qtbot, window, plan_id)
        row = dialog.attendance.row_of("李四")
        assert row is not None
        assert dialog.attendance.item(row, Column.STATUS).text() == "预备党员"
        assert "应到 2 人" in dialog.counts.text()  # a 预备党员 is a Party member
        dialog.reject()
