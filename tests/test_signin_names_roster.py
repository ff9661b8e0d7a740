"""QA s26: a newcomer typed the 38 names of the branch into the 签到表's list, printed it, and after
the day 记录活动 refused — “还没有成员名单” — so the names had to be entered again, one dialog per
person, and 记录活动 chosen again once the roster was filled.

Now the export dialog keeps the typed names as the branch's 成员名单 (a tick box, on when the
branch has no roster that day), and 记录活动 goes straight on once 成员名单 is closed with
members."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from hongtu.core.members import PartyStatus
from hongtu.qt.plan_outputs import ExportDialog
from journey_helpers import (
    TIMEOUT,
    BoxAnswers,
    click,
    ime_type,
    journey_window,
    type_export_path,
    when_shown,
)
from record_helpers import record_button, seed_branch, select_plan

pytestmark = [pytest.mark.gui, pytest.mark.webengine]


def test_names_typed_for_the_signin_sheet_become_the_roster_and_the_day_can_be_recorded(
    qtbot, tmp_path: Path, lang
) -> None:
    db = str(tmp_path / "names.sqlite3")
    seeded = seed_branch(db, tmp_path)
    assert seeded.other_branch_plan is not None
    out = tmp_path / "签到表.pdf"
    with journey_window(qtbot, db) as (window, controller):
        ui = window.plan_ui
        shown: list[bool] = []

        def export_signin(dialog: QDialog) -> None:
            assert isinstance(dialog, ExportDialog)
            dialog.format.setCurrentIndex(dialog.format.findData("signin"))
            assert dialog.keep_names.isVisible() and dialog.keep_names.isChecked()
            assert "第二党支部" in dialog.keep_names.text()
            click(qtbot, dialog.names)
            ime_type(dialog.names, "周一\t组长\n吴二\n周一")  # a name twice: kept once
            type_export_path(qtbot, dialog, str(out))
            click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
            qtbot.waitUntil(lambda: dialog.task is None, timeout=60_000)
            done = dialog.done_label.text()
            shown.append("第二党支部" in done and ("2 人" in done or "2 people" in done))
            click(qtbot, dialog.close_button)

        select_plan(qtbot, window, seeded.other_branch_plan)
        when_shown(ExportDialog, export_signin)
        ui.export_action.trigger()
        qtbot.waitUntil(lambda: bool(shown), timeout=TIMEOUT)
        assert shown == [True] and out.exists()
        members = controller.workspace.members.members("第二党支部")
        assert [(m.name, m.role, m.party_status) for m in members] == [
            ("周一", "组长", PartyStatus.FULL),
            ("吴二", "", PartyStatus.FULL),
        ]
        # 记录活动 now opens the record with them, no question asked
        answers = BoxAnswers()
        click(qtbot, record_button(window))
        qtbot.waitUntil(lambda: ui.records.dialog is not None, timeout=TIMEOUT)
        assert answers.seen == []
        dialog = ui.records.dialog
        assert dialog is not None
        assert [m.name for m in dialog.attendance.members] == ["周一", "吴二"]
        dialog.reject()

        # a branch with a roster: the names typed are for this sheet only
        def look(dialog: QDialog) -> None:
            assert isinstance(dialog, ExportDialog)
            dialog.format.setCurrentIndex(dialog.format.findData("signin"))
            shown.append(dialog.keep_names.isVisible())
            dialog.reject()

        select_plan(qtbot, window, seeded.past_plan)
        when_shown(ExportDialog, look)
        ui.export_action.trigger()
        qtbot.waitUntil(lambda: len(shown) == 2, timeout=TIMEOUT)
        assert shown == [True, False]


def test_the_record_goes_on_once_the_roster_is_filled(qtbot, tmp_path: Path) -> None:
    db = str(tmp_path / "roster.sqlite3")
    seeded = seed_branch(db, tmp_path)
    assert seeded.other_branch_plan is not None
    second = tmp_path / "第二党支部.csv"
    second.write_text("姓名,政治面貌\n周一,正式党员\n吴二,预备党员\n", encoding="utf-8")
    with journey_window(qtbot, db) as (window, _controller):
        ui = window.plan_ui
        answers = BoxAnswers()
        select_plan(qtbot, window, seeded.other_branch_plan)
        answers.yes()  # 现在打开“成员名单”吗？
        click(qtbot, record_button(window))
        qtbot.waitUntil(lambda: len(answers.seen) == 1, timeout=TIMEOUT)
        roster = window.branch_tools.roster_dialog
        assert roster is not None
        qtbot.waitUntil(roster.isVisible, timeout=TIMEOUT)
        # closed without adding anyone: nothing more happens
        roster.close()
        qtbot.waitUntil(lambda: not roster.isVisible(), timeout=TIMEOUT)
        assert ui.records.dialog is None and len(answers.seen) == 1
        answers.yes()
        click(qtbot, record_button(window))
        qtbot.waitUntil(lambda: len(answers.seen) == 2, timeout=TIMEOUT)
        roster = window.branch_tools.roster_dialog
        assert roster is not None
        qtbot.waitUntil(roster.isVisible, timeout=TIMEOUT)
        assert roster.import_file(second)
        roster.close()
        qtbot.waitUntil(lambda: ui.records.dialog is not None, timeout=TIMEOUT)
        dialog = ui.records.dialog
        assert dialog is not None
        assert [m.name for m in dialog.attendance.members] == ["周一", "吴二"]
        assert len(answers.seen) == 2  # no further question
        dialog.reject()
