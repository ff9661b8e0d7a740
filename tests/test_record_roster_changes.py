"""A recorded day (活动记录) is the branch's document of that day: its 应到/实到/请假/缺席/列席 are
what was recorded. A roster changed after the day (a 入党日期 moved earlier, a 离开日期 before the
day, a member added with a 加入日期 before it) no longer changes some of a day's figures and not
others: each person keeps the 政治面貌 the record froze when it was saved (migration 0011 gives
existing records what they showed). Where the roster now disagrees, the 台账 (window, ``hongtu
ledger show``, the exports) says so beside the day, and 记录活动 corrects it: the member who had
left taken out, the one who had joined put in, the 政治面貌 taken from the roster as it is."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date, timedelta
from pathlib import Path

from alembic import command

from hongtu.cli import main
from hongtu.core.exports.ledger_labels import LedgerLabels
from hongtu.core.exports.ledger_summary import build_ledger_summary
from hongtu.core.exports.ledger_text import roster_note
from hongtu.core.ledger import Counts, load_ledger
from hongtu.core.members import Member, PartyStatus
from hongtu.core.records import ActivityRecord, Presence, RosterChange, everyone_present
from hongtu.core.workspace import open_workspace
from journey_helpers import click, journey_window
from ledger_helpers import open_ledger_by_keys
from record_helpers import BRANCH, open_record_dialog, save, seed_branch
from test_database import alembic_config

# 张三 李四 王五 钱七 (正式党员) and 赵六 (预备党员, admitted the day after: 列席 that day) and
# 孙八 (入党积极分子): 应到 4, 钱七 absent, 列席 2
RECORDED = Counts(expected=4, present=3, leave=0, absent=1, observers=2)


def _recorded_then_roster_changed(db: str, tmp_path: Path) -> tuple[int, date]:
    """The past plan recorded; then the roster changed: 赵六's 入党日期 moved before the day,
    钱七 left the day before it, 周九 added with a 加入日期 before it."""
    seeded = seed_branch(db, tmp_path)
    day = seeded.past_day
    workspace = open_workspace(db)
    try:
        members = {m.name: m for m in workspace.members.members(BRANCH)}
        zhao = members["赵六"]
        admitted = dataclasses.replace(zhao, admitted_on=day + timedelta(days=1))
        zhao = workspace.members.update(admitted, was=zhao)
        qian = members["钱七"].id
        assert qian is not None
        roster = workspace.members.members(BRANCH, on=day)
        workspace.records.save(
            ActivityRecord(seeded.past_plan, day, everyone_present(roster, day, absent=[qian]))
        )
        assert load_ledger(workspace, BRANCH, day.year).days[0].counts == RECORDED
        workspace.members.update(
            dataclasses.replace(zhao, admitted_on=day - timedelta(days=30)), was=zhao
        )
        workspace.members.leave(qian, day - timedelta(days=1))
        joined = day - timedelta(days=10)
        workspace.members.add(BRANCH, Member(None, "周九", "", PartyStatus.FULL, joined))
    finally:
        workspace.close()
    return seeded.past_plan, day


def _note(day: date) -> str:
    return (
        "名单有变动（赵六当天按名单是预备党员，记录为列席；"
        f"钱七已于 {day - timedelta(days=1)} 离开；"
        f"周九已于 {day - timedelta(days=10)} 加入，不在记录中），可在“记录活动”中更正"
    )


def test_a_roster_changed_after_the_day_leaves_the_recorded_figures(tmp_path: Path) -> None:
    db = str(tmp_path / "h.sqlite3")
    _plan_id, day = _recorded_then_roster_changed(db, tmp_path)
    workspace = open_workspace(db)
    try:
        ledger = load_ledger(workspace, BRANCH, day.year)
    finally:
        workspace.close()
    (recorded,) = ledger.days
    assert recorded.counts == RECORDED  # 赵六 still 列席, 钱七 still absent, 周九 not in it
    assert ledger.counts == RECORDED
    assert [(change, m.name) for change, m in recorded.roster_changes] == [
        (RosterChange.IN_PARTY, "赵六"),
        (RosterChange.LEFT, "钱七"),
        (RosterChange.NOT_RECORDED, "周九"),
    ]
    assert roster_note(recorded, LedgerLabels()) == _note(day)
    summary = build_ledger_summary(ledger)
    assert summary.roster_notes == (f"{day} 重温入党誓词主题党日：{_note(day)}",)
    # the member's year follows the record too: 赵六 came as 列席, not as a Party member
    zhao = next(m for m in ledger.members if m.name == "赵六")
    assert (zhao.counts.expected, zhao.counts.observers, zhao.party_status) == (
        0,
        1,
        PartyStatus.ACTIVIST,
    )


def test_hongtu_ledger_show_names_the_change_and_record_corrects_it(
    tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "h.sqlite3")
    plan_id, day = _recorded_then_roster_changed(db, tmp_path)
    show = ["--db", db, "ledger", "show", "--branch", BRANCH, "--year", str(day.year)]
    capsys.readouterr()
    assert main(show) == 0
    out = capsys.readouterr().out
    assert f"{day}  重温入党誓词主题党日  4     3     0     1     75.0%   2" in out
    assert f"{day} 重温入党誓词主题党日：{_note(day)}" in out
    assert f"hongtu record 方案编号（{plan_id}）" in out
    correct = ["--db", db, "record", str(plan_id), "--drop", "钱七", "--present", "周九"]
    assert main(correct) == 0
    # 赵六 a 预备党员 that day by the roster as it is now: in 应到, 周九 present
    out = capsys.readouterr().out
    assert "应到 5，实到 5，请假 0，缺席 0，列席 1" in out
    assert "政治面貌已按现在的成员名单记录：赵六（预备党员）" in out
    assert main(show) == 0
    out = capsys.readouterr().out
    assert "名单有变动" not in out and "hongtu record 方案编号" not in out


def test_the_ledger_window_says_it_and_the_record_dialog_corrects_it(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "h.sqlite3")
    plan_id, day = _recorded_then_roster_changed(db, tmp_path)
    with journey_window(qtbot, db) as (window, controller):
        ledger = open_ledger_by_keys(qtbot, window)
        assert ledger.days_model.rows()[0][3:9] == ("4", "3", "0", "1", "75.0%", "2")
        assert ledger.roster_notes.isVisible()
        assert ledger.roster_notes.text() == f"{day} 重温入党誓词主题党日：{_note(day)}"
        ledger.close()
        dialog = open_record_dialog(qtbot, window, plan_id)
        assert "成员名单在记录之后有变动（赵六当天按名单是预备党员，记录为列席；" in (
            dialog.notice.text()
        )
        workspace = controller.workspace
        ids = {m.name: m.id for m in workspace.members.members(BRANCH)}
        take_out, put_in = dialog.take_out[ids["钱七"]], dialog.put_in[ids["周九"]]
        assert put_in.text() == (
            f"周九 按成员名单当天在册（{day - timedelta(days=10)} 加入），"
            "不在这一天的记录中：加入记录"
        )
        assert dialog.attendance.row_of("周九") is not None
        assert [a.name for a in dialog.attendance.attendance()].count("周九") == 0
        click(qtbot, take_out)
        click(qtbot, put_in)
        assert "应到 5 人　实到 5 人　请假 0 人　缺席 0 人　列席 1 人" in dialog.counts.text()
        save(qtbot, dialog)
        corrected = load_ledger(workspace, BRANCH, day.year).days[0]
        assert corrected.counts == Counts(5, 5, 0, 0, 1)
        assert corrected.roster_changes == ()
        record = workspace.records.for_plan(plan_id)
        assert record is not None
        assert {a.name: a.presence for a in record.attendance}["周九"] is Presence.PRESENT


def test_migration_0011_freezes_what_each_record_showed(tmp_path: Path) -> None:
    file = tmp_path / "before.sqlite3"
    command.upgrade(alembic_config(f"sqlite:///{file}"), "0010")
    con = sqlite3.connect(file)
    con.execute(
        "INSERT INTO branches (id, name, created_at) VALUES (1, ?, '2025-01-01')", (BRANCH,)
    )
    for member_id, name, status, admitted, full in [
        (1, "张三", "full", None, None),
        (2, "李四", "full", "2025-03-01", "2026-03-01"),  # 预备党员 on the day
        (3, "王五", "probationary", "2025-06-01", None),  # admitted after the day: 列席
        (4, "孙八", "activist", None, None),
    ]:
        con.execute(
            "INSERT INTO members (id, branch_id, name, role, party_status, admitted_on,"
            " full_since, created_at, updated_at) VALUES (?, 1, ?, '', ?, ?, ?, '2025-01-01',"
            " '2025-01-01')",
            (member_id, name, status, admitted, full),
        )
    con.execute(
        "INSERT INTO plans (id, title, branch, day, participants, organiser, phone, transport,"
        " gathering, gathering_time, returns_to_gathering, notes, status, created_at,"
        " updated_at, version) VALUES (1, '主题党日', ?, '2025-05-01', 10, '', '', 'coach', '{}',"
        " '08:00', 1, '', 'done', '2025-05-01', '2025-05-01', 1)",
        (BRANCH,),
    )
    con.execute(
        "INSERT INTO activity_records (id, plan_id, branch_id, day, title, summary, host,"
        " recorder, status, created_at, updated_at, version) VALUES (1, 1, 1, '2025-05-01',"
        " '主题党日', '', '', '', 'recorded', '2025-05-01', '2025-05-01', 1)"
    )
    for member_id, state in [(1, "present"), (2, "absent"), (3, "present"), (4, "present")]:
        con.execute(
            "INSERT INTO record_attendance (record_id, member_id, state, reason)"
            " VALUES (1, ?, ?, '')",
            (member_id, state),
        )
    con.commit()
    con.close()
    workspace = open_workspace(str(file))
    try:
        assert workspace.database.backup is not None and "0010" in workspace.database.backup.name
        record = workspace.records.for_plan(1)
        assert record is not None
        assert [a.status for a in record.attendance] == [
            PartyStatus.FULL,
            PartyStatus.PROBATIONARY,
            PartyStatus.ACTIVIST,
            PartyStatus.ACTIVIST,
        ]
        # as the 台账 showed it before: 张三 present, 李四 absent, 王五 and 孙八 列席
        assert load_ledger(workspace, BRANCH, 2025).counts == Counts(2, 1, 0, 1, 2)
        # and so it stays when 王五's 入党日期 is corrected to before the day
        wang = next(m for m in workspace.members.members(BRANCH) if m.name == "王五")
        workspace.members.update(dataclasses.replace(wang, admitted_on=date(2025, 1, 1)), was=wang)
        day = load_ledger(workspace, BRANCH, 2025).days[0]
        assert day.counts == Counts(2, 1, 0, 1, 2)
        assert [(c, m.name) for c, m in day.roster_changes] == [(RosterChange.IN_PARTY, "王五")]
    finally:
        workspace.close()
