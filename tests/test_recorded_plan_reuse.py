"""Journey: an organiser reuses a recorded plan for next year (another date, a stop fewer).

The window asks first (once per plan), suggesting 复制方案; 否 leaves the plan as it was. Once
changed, the 台账 still shows the recorded day with the places visited then, and the record is
still corrected on its own day (not refused as a day that has not come)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateTimeEdit

from hongtu.core.ledger import PlanFacts, build_ledger, load_ledger
from hongtu.core.members import Member
from hongtu.core.records import ActivityRecord, Attendance, DoneItem, DoneState, Presence
from journey_helpers import BoxAnswers, click, journey_window
from record_helpers import BRANCH, open_record_dialog, save, seed_branch, select_plan


def test_a_recorded_plan_moved_to_next_year_keeps_its_day_and_places(
    qtbot, tmp_path: Path
) -> None:
    db = str(tmp_path / "reuse.sqlite3")
    seeded = seed_branch(db, tmp_path)
    with journey_window(qtbot, db) as (window, controller):
        save(qtbot, open_record_dialog(qtbot, window, seeded.past_plan))
        ui = window.plan_ui
        editor = ui.editor
        select_plan(qtbot, window, seeded.past_plan)
        editor.tabs.setCurrentIndex(1)  # 基本信息
        editor.date.setFocus()
        editor.date.setCurrentSection(QDateTimeEdit.Section.YearSection)
        answers = BoxAnswers()
        answers.no()
        qtbot.keyClick(editor.date, Qt.Key.Key_Up)  # next year: asked, and 否 keeps the date
        qtbot.waitUntil(lambda: len(answers.seen) == 1)
        assert seeded.past_day.isoformat() in answers.seen[0]
        assert "复制方案" in answers.seen[0]
        assert ui.session.plan is not None and ui.session.plan.date == seeded.past_day
        assert editor.date.date().toPython() == seeded.past_day

        answers.yes()
        qtbot.keyClick(editor.date, Qt.Key.Key_Up)  # asked again; 是 moves the plan
        qtbot.waitUntil(lambda: len(answers.seen) == 2)
        next_year = seeded.past_day.replace(year=seeded.past_day.year + 1)
        qtbot.waitUntil(lambda: ui.session.plan is not None and ui.session.plan.date == next_year)
        editor.tabs.setCurrentIndex(0)  # 行程安排: the first stop removed, not asked again
        editor.select_stop(ui.session.plan.stops[0].id)
        click(qtbot, editor.remove_button)
        assert len(ui.session.plan.stops) == 1 and len(answers.seen) == 2
        ui.flush()

        ledger = load_ledger(controller.workspace, BRANCH, seeded.past_day.year)
        assert [(d.day, d.places) for d in ledger.days] == [(seeded.past_day, tuple(seeded.stops))]
        assert dict(ledger.places) == dict.fromkeys(seeded.stops, 1)

        # the record is corrected on its own day, though the plan's date has not come
        dialog = open_record_dialog(qtbot, window, seeded.past_plan)
        assert seeded.past_day.isoformat() in dialog.facts.text()
        save(qtbot, dialog)
        record = controller.workspace.records.for_plan(seeded.past_plan)
        assert record is not None and record.version == 2 and record.day == seeded.past_day


def test_a_record_without_stop_items_falls_back_to_the_plans_stops() -> None:
    plans = {7: PlanFacts("主题党日", (("s1", "八路军太原办事处纪念馆"), ("s2", "双塔烈士陵园")))}
    present = (Attendance(1, "王芳", Presence.PRESENT),)
    records = [
        ActivityRecord(7, date(2026, 3, 5), present),  # hongtu record: no items
        ActivityRecord(  # recorded in the window: s1 visited, then a stop since removed
            7,
            date(2026, 4, 2),
            present,
            done=(
                DoneItem("八路军太原办事处纪念馆", DoneState.DONE, "s1"),
                DoneItem("太原解放纪念馆", DoneState.DONE, "gone"),
                DoneItem("双塔烈士陵园", DoneState.SKIPPED, "s2"),
                DoneItem("座谈", DoneState.ADDED),
            ),
        ),
    ]
    ledger = build_ledger(BRANCH, 2026, records, plans, [Member(1, "王芳")])
    assert [d.places for d in ledger.days] == [
        ("八路军太原办事处纪念馆", "双塔烈士陵园"),
        ("八路军太原办事处纪念馆", "太原解放纪念馆"),
    ]
