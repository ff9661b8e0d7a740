"""Exporting from the window: the dialog writes the chosen format, asks before overwriting and
says plainly what went wrong."""

from __future__ import annotations

import csv
from datetime import date, time

import pytest
from PySide6.QtWidgets import QMessageBox

from hongtu.core.exports import ExportFormat
from hongtu.core.pipeline import PlanView, render_plan
from hongtu.core.plans import Activity, ActivityKind, Plan, Stop
from hongtu.core.settings import Settings
from hongtu.qt import messages
from hongtu.qt.plan_outputs import ExportDialog


@pytest.fixture
def saved_plan(workspace):
    sites = {s.name: s for s in workspace.sites.list_sites()}
    plan = Plan(
        title="缅怀革命先烈",
        date=date(2026, 12, 18),
        branch="第三党支部",
        gathering_time=time(8, 30),
    )
    plan.gathering.site_id = sites["中共太原支部旧址"].id
    plan.stops = [
        Stop(
            site_id=sites["太原解放纪念馆"].id,
            activities=[Activity(ActivityKind.WREATH, 20), Activity(ActivityKind.OATH, 15)],
        ),
        Stop(site_id=sites["双塔革命烈士陵园"].id),
    ]
    return workspace.plans.save(plan)


def as_shown(workspace, plan: Plan) -> PlanView:
    """The plan as the window shows it, with the default settings."""
    return render_plan(plan, workspace.sites.list_sites(), Settings(), today=date(2026, 12, 1))


def choose(dialog: ExportDialog, fmt: ExportFormat) -> None:
    dialog.format.setCurrentIndex(dialog.format.findData(fmt.value))


def test_dialog_exports_the_schedule_in_plan_order(qtbot, workspace, saved_plan, tmp_path) -> None:
    dialog = ExportDialog(as_shown(workspace, saved_plan))
    qtbot.addWidget(dialog)
    choose(dialog, ExportFormat.CSV)
    dialog.path.setText(str(tmp_path / "日程.csv"))
    dialog._on_buttons_accepted()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60_000)  # PDFs by a child process
    assert dialog.written == tmp_path / "日程.csv"
    rows = list(csv.reader((tmp_path / "日程.csv").read_text("utf-8-sig").splitlines()))
    text = "\n".join(",".join(r) for r in rows)
    assert text.index("太原解放纪念馆") < text.index("双塔革命烈士陵园")
    assert "08:30" in text and "敬献花篮" in text


def test_signin_options_show_only_for_the_signin_sheet(qtbot, workspace, saved_plan) -> None:
    dialog = ExportDialog(as_shown(workspace, saved_plan))
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog, ExportFormat.SIGNIN)
    assert dialog.names.isVisible()
    assert dialog.path.text().endswith("签到表.pdf")
    choose(dialog, ExportFormat.DOCX)
    assert not dialog.names.isVisible()
    assert dialog.path.text().endswith("活动方案.docx")


def test_existing_file_is_kept_when_the_organiser_says_no(
    qtbot, monkeypatch, workspace, saved_plan, tmp_path
) -> None:
    target = tmp_path / "plan.gpx"
    target.write_text("old", "utf-8")
    monkeypatch.setattr(messages, "question", lambda *a, **k: False)
    dialog = ExportDialog(as_shown(workspace, saved_plan))
    qtbot.addWidget(dialog)
    choose(dialog, ExportFormat.GPX)
    dialog.path.setText(str(target))
    dialog._on_buttons_accepted()
    assert target.read_text("utf-8") == "old" and dialog.written is None
    monkeypatch.setattr(messages, "question", lambda *a, **k: True)
    dialog._on_buttons_accepted()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60_000)
    assert "<gpx" in target.read_text("utf-8")


def test_missing_folder_gets_a_plain_message(
    qtbot, monkeypatch, workspace, saved_plan, tmp_path
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(messages, "warning", lambda _p, _t, text: shown.append(text))
    dialog = ExportDialog(as_shown(workspace, saved_plan))
    qtbot.addWidget(dialog)
    choose(dialog, ExportFormat.ICS)
    dialog.path.setText(str(tmp_path / "no" / "such" / "plan.ics"))
    dialog._on_buttons_accepted()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60_000)
    assert dialog.written is None
    assert shown and "文件夹不存在" in shown[0] and "原有文件没有被改动" in shown[0]


@pytest.mark.gui
@pytest.mark.webengine
def test_plan_menu_previews_the_open_plan_in_plan_order(qtbot, monkeypatch, tmp_path) -> None:
    from gui_helpers import close_main_window, open_main_window
    from hongtu.qt import printing

    previewed: list = []
    monkeypatch.setattr(
        printing,
        "print_preview",
        lambda doc, kind, parent=None, **kw: previewed.append((doc, kind)),
    )
    from PySide6.QtWidgets import QDialog

    from hongtu.qt.preflight import PreflightDialog

    asked: list[list[str]] = []
    monkeypatch.setattr(
        PreflightDialog,
        "exec",
        lambda d: asked.append([w.code.value for w in d.problems]) or QDialog.DialogCode.Accepted,
    )  # 仍然打印: the plan has no gathering point yet (not asked for the 签到表)
    window, controller = open_main_window(qtbot, str(tmp_path / "menu.sqlite3"))
    try:
        ui = window.plan_ui
        assert not ui.print_schedule_action.isEnabled()  # nothing to print without a plan
        ui.plan_list.create_plan()
        names = {s.name: s.id for s in window.site_model.sites()}
        ui.add_site(names["双塔革命烈士陵园"])
        ui.add_site(names["太原解放纪念馆"])
        assert ui.print_schedule_action.isEnabled()
        assert ui.export_action in ui.plan_menu.actions()
        ui.print_schedule_action.trigger()
        ui.print_signin_action.trigger()
        assert [kind for _doc, kind in previewed] == ["schedule", "signin"]
        assert len(asked) == 1 and "no_gathering" in asked[0]
        stops = [stop.name for stop in previewed[0][0].stops]
        assert stops == ["双塔革命烈士陵园", "太原解放纪念馆"]
    finally:
        close_main_window(window, controller)


def test_a_title_with_markup_is_shown_as_text_when_asking(qtbot, monkeypatch) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    seen: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        seen.append(box)
        return int(QMessageBox.StandardButton.No)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert messages.question(None, "删除方案", "删除方案“<b>七一</b>”？") is False
    assert seen[0].textFormat() == Qt.TextFormat.PlainText
    assert "<b>七一</b>" in seen[0].text()


def test_a_folder_typed_as_the_path_gets_the_file_inside_it(
    qtbot, workspace, saved_plan, tmp_path
) -> None:
    """Typing an existing folder wrote 'folder.pdf' beside it; now the file goes into the
    folder under its default name, as `hongtu plans export --output FOLDER` does."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    folder = tmp_path / "exports"
    folder.mkdir()
    dialog = ExportDialog(as_shown(workspace, saved_plan))
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog, ExportFormat.CSV)
    dialog.path.selectAll()
    QTest.keyClicks(dialog.path, str(folder))
    QTest.keyClick(dialog.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.task is None and dialog.written is not None, timeout=60_000)
    assert dialog.written is not None
    assert dialog.written.parent == folder and dialog.written.name.endswith("行程.csv")
    assert "缅怀革命先烈" in dialog.written.name and dialog.written.exists()
    assert not (tmp_path / "exports.csv").exists()
    assert dialog.path.text() == str(dialog.written)


def test_the_plan_file_reads_as_for_anyone_who_opens_it_in_hongtu(qapp) -> None:
    """Sending the plan to the branch's 组织委员 is what a plan file is for, as much as sending
    it to another branch: the choice says so, and that HongTu opens it."""
    from hongtu.qt.plan_outputs import format_labels

    label = format_labels()[ExportFormat.JSON]
    assert "本支部成员" in label and "其他支部" in label and "红途" in label
