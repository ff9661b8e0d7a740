"""Journey: the organiser records a Party-day in the real window (1366×768), by mouse and keys.

A branch's roster is imported, a plan of three days ago is opened and 记录活动 clicked: everyone
is 出席 until two are marked (李四 请假 with a reason, 赵六 缺席); a photo is dropped on the
dialog and another picked with 添加照片…; 保存 marks the plan 已完成. The 台账 (Ctrl+L) shows the
day's figures, and the ledger exported from it as Word, Excel and PDF prints the same. Reopened,
the record is corrected (赵六 did come), the first version is kept in the history and the 台账
shows the correction."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from PIL import Image
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from hongtu.core import paths
from hongtu.core.members import read_member_file
from hongtu.core.plans import PlanStatus
from hongtu.core.records import DoneState, Presence
from hongtu.core.warnings import WarningCode
from hongtu.qt import printing
from hongtu.qt.plan_list_model import PlanColumn
from hongtu.qt.record_attendance import Column
from journey_helpers import BoxAnswers, click, ime_type, journey_window
from ledger_helpers import export_from_ledger, exported_day, open_ledger_by_keys
from record_helpers import (
    BRANCH,
    ROSTER,
    drop_files,
    mark,
    open_record_dialog,
    photo_file,
    record_button,
    save,
    seed_branch,
    select_plan,
)


def _status_text(window, plan_id: int) -> str:  # type: ignore[no-untyped-def]
    table = window.plan_ui.plan_list.table
    model = table.model()
    from hongtu.qt.plan_list_model import PLAN_ID_ROLE

    row = next(
        r for r in range(model.rowCount()) if model.index(r, 0).data(PLAN_ID_ROLE) == plan_id
    )
    return str(model.index(row, PlanColumn.STATUS).data())


def test_recording_a_day_with_two_absences_and_photos_then_correcting_it(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    db = str(tmp_path / "journey.sqlite3")
    seeded = seed_branch(db, tmp_path)
    dropped = photo_file(tmp_path / "合影.jpg", (180, 20, 20))
    picked = photo_file(tmp_path / "纪念馆.jpg", (20, 20, 180), orientation=1)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *_a, **_k: ([str(picked)], ""))
    )
    with journey_window(qtbot, db) as (window, controller):
        records = window.plan_ui.records  # also in the 方案 menu and the list's context menu
        assert records.action in window.plan_ui.plan_menu.actions()
        assert records.action in window.plan_ui.plan_list.table.actions()
        dialog = open_record_dialog(qtbot, window, seeded.past_plan)
        # everyone on the roster is there, all present; the plan's stops and activities listed
        warned = window.plan_ui.session.warnings  # not yet recorded: its date has passed
        assert any(w.code is WarningCode.PLAN_IN_PAST for w in warned)
        assert [m.name for m in dialog.attendance.members] == ROSTER
        imported = read_member_file(seeded.roster_file).members
        assert [m.name for m in imported] == ROSTER  # as imported
        # 应到 counts the Party members; 孙八, an 入党积极分子, is 列席
        assert "应到 5 人" in dialog.counts.text() and "实到 5 人" in dialog.counts.text()
        assert "列席 1 人" in dialog.counts.text()
        sun = dialog.attendance.row_of("孙八")
        assert sun is not None
        assert dialog.attendance.item(sun, Column.STATUS).text() == "入党积极分子（列席）"
        done = dialog.done_items.entries()
        assert [d.text for d in done if d.stop_uid] == seeded.stops
        assert len(done) == 5 and all(d.state is DoneState.DONE for d in done)
        assert dialog.frameGeometry().width() <= 1366 and dialog.frameGeometry().height() <= 768

        mark(qtbot, dialog, "李四", Presence.LEAVE)  # the cursor goes to the reason box
        row = dialog.attendance.row_of("李四")
        assert row is not None
        assert QApplication.focusWidget() is dialog.attendance.reasons[row]
        mark(qtbot, dialog, "赵六", Presence.ABSENT)
        assert "实到 3 人" in dialog.counts.text()
        assert "请假 1 人" in dialog.counts.text() and "缺席 1 人" in dialog.counts.text()

        # saving without the leave reason is refused, in words, and nothing is stored
        click(qtbot, dialog.buttons.buttons()[0])
        assert dialog.isVisible()
        assert "李四 请假，请填写请假原因" in dialog.problem.text()
        assert controller.workspace.records.for_plan(seeded.past_plan) is None
        ime_type(dialog.attendance.reasons[row], "出差")

        assert drop_files(dialog, [dropped])  # drag and drop onto the dialog
        assert dialog.photos.list.count() == 1
        click(qtbot, dialog.photos.add_button)  # and the file picker
        assert dialog.photos.list.count() == 2
        assert not drop_files(dialog.summary.viewport(), [])  # nothing to drop: not taken
        assert drop_files(dialog.summary.viewport(), [dropped])  # the same photo again: once
        assert dialog.photos.list.count() == 2
        ime_type(dialog.summary, "参观纪念馆，重温入党誓词，向烈士敬献花篮。")
        ime_type(dialog.recorder, "李四")
        save(qtbot, dialog)

        qtbot.waitUntil(lambda: _status_text(window, seeded.past_plan) == "已完成")
        session = window.plan_ui.session
        assert session.plan is not None and session.plan.status is PlanStatus.DONE
        # a recorded day no longer warns that its date has passed
        assert all(w.code is not WarningCode.PLAN_IN_PAST for w in session.warnings)
        assert "实到 3" in window.statusBar().currentMessage()
        assert "列席 1" in window.statusBar().currentMessage()
        record = controller.workspace.records.for_plan(seeded.past_plan)
        assert record is not None and record.version == 1
        assert len(record.attendance) == 6
        assert record.count(Presence.PRESENT) == 4
        missing = {a.name: (a.presence, a.reason) for a in record.attendance
                   if a.presence is not Presence.PRESENT}  # fmt: skip
        assert missing == {"李四": (Presence.LEAVE, "出差"), "赵六": (Presence.ABSENT, "")}
        assert record.summary == "参观纪念馆，重温入党誓词，向烈士敬献花篮。"
        assert record.recorder == "李四" and record.branch == BRANCH
        assert len(record.photos) == 2
        data = paths.data_dir()
        assert (data / record.photos[0].path).read_bytes() == dropped.read_bytes()
        assert (data / record.photos[1].path).read_bytes() == picked.read_bytes()
        for ref in record.photos:
            assert ref.path.startswith("photos/")
            assert ref.thumbnail_path.startswith("photos/thumbs/")
        with Image.open(data / record.photos[0].thumbnail_path) as thumb:
            assert thumb.height == 320 and thumb.width < 220  # the sideways photo stands upright

        # the 台账 (Ctrl+L): the day's figures in the year view and in the exported ledger
        day, figures = seeded.past_day, ["5", "3", "1", "1", "60.0%", "1"]
        ledger = open_ledger_by_keys(qtbot, window)
        assert ledger.branch.currentText() == BRANCH and ledger.year.currentData() == day.year
        shown = next(r for r in ledger.days_model.rows() if r[0] == day.isoformat())
        assert list(shown[3:9]) == figures and shown[9] == "李四（请假：出差）；赵六（缺席）"
        assert "3/5" in ledger.months.buttons[day.month - 1].text()
        members = {r[0]: r for r in ledger.members_model.rows()}
        assert members["赵六"][day.month] == "缺" and members["张三"][day.month] == "1/1"
        assert members["孙八"][day.month] == "列席"
        with monkeypatch.context() as window_process:
            # written in the export process: no ledger writer runs in the window's
            import hongtu.core.exports.ledger_docx as ledger_docx
            import hongtu.core.exports.ledger_xlsx as ledger_xlsx

            def not_here(*_args: object, **_kwargs: object) -> None:
                raise AssertionError("a ledger was written in the window's process")

            window_process.setattr(ledger_docx, "render_ledger_docx", not_here)
            window_process.setattr(ledger_xlsx, "render_ledger_xlsx", not_here)
            window_process.setattr(printing, "render_ledger_pdf", not_here)
            targets = export_from_ledger(qtbot, ledger, tmp_path, monkeypatch)
        exported = exported_day(targets, day)
        assert exported["docx"] == exported["xlsx"] == [*figures, shown[9]]
        # both photos are on the day's page: the export process found them where the window
        # keeps them (this test's data folder, not the default one)
        assert len(Document(str(targets[0])).inline_shapes) == 2
        assert exported.get("pdf", figures) == figures
        ledger.close()

        # reopen: the saved record, for correction; 赵六 came after all
        dialog = open_record_dialog(qtbot, window, seeded.past_plan)
        assert dialog.notice.isVisible()
        assert dialog.summary.toPlainText() == record.summary
        assert dialog.photos.list.count() == 2
        assert "缺席 1 人" in dialog.counts.text()
        mark(qtbot, dialog, "赵六", Presence.PRESENT)
        assert "实到 4 人" in dialog.counts.text()
        dialog.photos.list.setCurrentRow(1)
        click(qtbot, dialog.photos.remove_button)
        assert dialog.photos.list.count() == 1
        save(qtbot, dialog)
        corrected = controller.workspace.records.for_plan(seeded.past_plan)
        assert corrected is not None and corrected.version == 2
        assert corrected.count(Presence.PRESENT) == 5 and len(corrected.photos) == 1
        ledger = open_ledger_by_keys(qtbot, window)  # the 台账 shows the correction
        shown = next(r for r in ledger.days_model.rows() if r[0] == day.isoformat())
        assert list(shown[3:9]) == ["5", "4", "1", "0", "80.0%", "1"]
        ledger.close()
        history = controller.workspace.records.history(seeded.past_plan)
        assert len(history) == 1 and history[0]["version"] == 1
        assert len(history[0]["photos"]) == 2
        assert _status_text(window, seeded.past_plan) == "已完成"

        # a plan whose day has not come, and a branch without a roster: said in words
        answers = BoxAnswers()
        select_plan(qtbot, window, seeded.future_plan)
        answers.answer(lambda box: box.button(QMessageBox.StandardButton.Ok))
        click(qtbot, record_button(window))
        qtbot.waitUntil(lambda: len(answers.seen) == 1)
        assert "还没到" in answers.seen[0]
        assert seeded.other_branch_plan is not None
        select_plan(qtbot, window, seeded.other_branch_plan)
        answers.yes()  # 现在打开“成员名单”吗？
        click(qtbot, record_button(window))
        qtbot.waitUntil(lambda: len(answers.seen) == 2)
        assert "第二党支部" in answers.seen[1] and "成员名单" in answers.seen[1]
        assert window.plan_ui.records.dialog is None
        assert controller.workspace.records.for_plan(seeded.future_plan) is None

        # the roster is imported there (成员名单 → 从文件导入…), then the day can be recorded
        roster = window.branch_tools.roster_dialog
        assert roster is not None
        qtbot.waitUntil(roster.isVisible)
        assert roster.current_branch() == "第二党支部"
        second = tmp_path / "第二党支部.csv"
        second.write_text("姓名,政治面貌\n周一,正式党员\n吴二,预备党员\n", encoding="utf-8")
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(second), ""))
        )
        click(qtbot, roster.import_button)
        roster.close()
        qtbot.waitUntil(lambda: not roster.isVisible())
        dialog = open_record_dialog(qtbot, window, seeded.other_branch_plan)
        assert [m.name for m in dialog.attendance.members] == ["周一", "吴二"]
        assert "应到 2 人" in dialog.counts.text()
        dialog.reject()
