"""A recorded day keeps the theme (活动主题) it was held under, as it keeps its day and places.

Renaming the plan afterwards (reusing it for next month) leaves that day's title in the 台账; the
window asks before renaming a recorded plan, ``hongtu plans rename`` says what the 台账 keeps, a
correction may change the recorded title, and migration 0006 gives existing records their plan's
title."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from alembic import command

from hongtu.cli import main
from hongtu.core.ledger import load_ledger
from hongtu.core.records import ActivityRecord, everyone_present
from hongtu.core.workspace import open_workspace
from journey_helpers import BoxAnswers, ime_type, journey_window
from record_helpers import BRANCH, open_record_dialog, save, seed_branch, select_plan
from test_database import alembic_config

NEXT_MONTH = "12月主题党日：参观太原解放纪念馆"


def _recorded(db: str, tmp_path: Path) -> tuple[int, str]:
    seeded = seed_branch(db, tmp_path)
    workspace = open_workspace(db)
    try:
        roster = workspace.members.members(BRANCH, on=seeded.past_day)
        workspace.records.save(
            ActivityRecord(
                seeded.past_plan, seeded.past_day, everyone_present(roster, seeded.past_day)
            )
        )
        title = workspace.plans.get(seeded.past_plan).title
    finally:
        workspace.close()
    return seeded.past_plan, title


def _ledger_titles(db: str, year: int) -> list[str]:
    workspace = open_workspace(db)
    try:
        return [d.title for d in load_ledger(workspace, BRANCH, year).days]
    finally:
        workspace.close()


def test_renaming_a_recorded_plan_leaves_the_days_title_and_a_correction_may_change_it(
    tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "title.sqlite3")
    plan_id, title = _recorded(db, tmp_path)
    workspace = open_workspace(db)
    try:
        year = workspace.records.for_plan(plan_id).day.year  # type: ignore[union-attr]
    finally:
        workspace.close()
    assert main(["--db", db, "plans", "rename", str(plan_id), NEXT_MONTH]) == 0
    out = capsys.readouterr().out
    assert f"台账中这一天仍是记录时的主题“{title}”" in out
    assert _ledger_titles(db, year) == [title]
    assert main(["--db", db, "record", str(plan_id), "--summary", "补记"]) == 0  # kept
    assert _ledger_titles(db, year) == [title]
    assert main(["--db", db, "record", str(plan_id), "--title", "重温入党誓词"]) == 0
    assert _ledger_titles(db, year) == ["重温入党誓词"]
    assert main(["--db", db, "record", str(plan_id), "--title", "党" * 201]) != 0
    assert "文字太长：活动主题" in capsys.readouterr().err


def test_the_window_asks_before_renaming_a_recorded_plan(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "title.sqlite3")
    plan_id, title = _recorded(db, tmp_path)
    with journey_window(qtbot, db) as (window, controller):
        ui = window.plan_ui
        select_plan(qtbot, window, plan_id)
        ui.editor.tabs.setCurrentIndex(1)  # 基本信息
        answers = BoxAnswers()
        answers.no()
        ui.editor.title.selectAll()
        ime_type(ui.editor.title, NEXT_MONTH)
        ui.editor.title_text.flush()
        qtbot.waitUntil(lambda: len(answers.seen) == 1)
        assert "主题、日期和去过的地点" in answers.seen[0]
        assert ui.session.plan is not None and ui.session.plan.title == title
        qtbot.waitUntil(lambda: ui.editor.title.text() == title)

        answers.yes()
        ui.editor.title.selectAll()
        ime_type(ui.editor.title, NEXT_MONTH)
        ui.editor.title_text.flush()
        qtbot.waitUntil(lambda: len(answers.seen) == 2)
        qtbot.waitUntil(lambda: controller.workspace.plans.get(plan_id).title == NEXT_MONTH)
        record = controller.workspace.records.for_plan(plan_id)
        assert record is not None and record.title == title
        dialog = open_record_dialog(qtbot, window, plan_id)  # the correction shows the day's
        assert dialog.title.text() == title
        dialog.title.selectAll()
        ime_type(dialog.title, "重温入党誓词")
        save(qtbot, dialog)
        record = controller.workspace.records.for_plan(plan_id)
        assert record is not None and record.title == "重温入党誓词"


def test_migration_0006_gives_each_record_its_plans_title(tmp_path: Path) -> None:
    file = tmp_path / "before.sqlite3"
    command.upgrade(alembic_config(f"sqlite:///{file}"), "0005")
    con = sqlite3.connect(file)
    con.execute(
        "INSERT INTO plans (id, title, branch, day, participants, organiser, phone, transport,"
        " gathering, gathering_time, returns_to_gathering, notes, status, created_at,"
        " updated_at, version) VALUES (7, '重温入党誓词', '第一党支部', '2025-07-01', 25,"
        " '王书记', '', 'coach', '{}', '08:00', 1, '', 'done',"
        " '2025-06-01 10:00:00', '2025-06-02 10:00:00', 3)"
    )
    con.execute(
        "INSERT INTO branches (id, name, created_at) VALUES (1, '第一党支部', '2025-06-01')"
    )
    con.execute(
        "INSERT INTO activity_records (id, plan_id, branch_id, day, summary, host, recorder,"
        " status, created_at, updated_at, version) VALUES (1, 7, 1, '2025-07-01', '', '', '',"
        " 'recorded', '2025-07-01 18:00:00', '2025-07-01 18:00:00', 1)"
    )
    con.commit()
    con.close()
    workspace = open_workspace(str(file))
    try:
        assert workspace.database.backup is not None and "0005" in workspace.database.backup.name
        record = workspace.records.for_plan(7)
        assert record is not None and record.title == "重温入党誓词"
        workspace.plans.update(7, lambda plan: replace(plan, title="新"))
        assert [d.title for d in load_ledger(workspace, BRANCH, 2025).days] == ["重温入党誓词"]
    finally:
        workspace.close()
