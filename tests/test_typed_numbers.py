"""Number fields keep what the organiser typed, or refuse it in words; never another number.

Typed like a person: select the field's text, type (full-width digits as an input method sends
them), then Enter, Tab or a click on 保存.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from hongtu.core.exports import ExportFormat
from hongtu.core.plans import Plan
from hongtu.core.settings import Settings
from hongtu.qt.plan_editor import PlanEditor
from hongtu.qt.plan_outputs import BUNDLE, ExportDialog
from hongtu.qt.plan_session import PlanSession
from hongtu.qt.window_state import available_area
from test_plan_gui import type_text
from test_plan_outputs import as_shown, choose

pytestmark = pytest.mark.gui


def retype(box, text: str) -> None:  # type: ignore[no-untyped-def]
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(box, text)


@pytest.fixture
def warnings_said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    from hongtu.qt import messages

    said: list[str] = []
    monkeypatch.setattr(messages, "warning", lambda _parent, _title, text: said.append(text))
    return said


def settings_dialog(qtbot):  # type: ignore[no-untyped-def]
    from hongtu.qt.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings(max_day_minutes=600))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click_save(dialog) -> None:  # type: ignore[no-untyped-def]
    buttons = dialog.findChild(QDialogButtonBox)
    QTest.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


@pytest.mark.parametrize(
    ("field", "typed", "finish", "words"),
    [
        ("max_day", "30", "enter", "单日最长时长应在 60–1440 分钟之间，现在填的是 30 分钟。"),
        ("max_day", "5000", "click", "现在填的是 5000 分钟"),
        ("max_day", "-100", "click", "现在填的是 -100 分钟"),
        ("max_day", "0", "tab", "现在填的是 0 分钟"),
        ("coach_kmh", "0", "click", "大巴市区平均速度应在 1–120 km/h之间，现在填的是 0 km/h。"),
        ("coach_kmh", "500", "enter", "现在填的是 500 km/h"),
        ("walk_buf", "999", "click", "步行上车集合时间应在 0–120 分钟之间，现在填的是 999 分钟。"),
        ("walk_buf", "-1", "enter", "现在填的是 -1 分钟"),
        ("max_day", "", "enter", "请填写单日最长时长"),
        ("max_day", "", "click", "请填写单日最长时长"),
    ],
)
def test_settings_refuse_a_number_out_of_range_and_stay_open(
    qtbot, warnings_said, field: str, typed: str, finish: str, words: str
) -> None:
    dialog = settings_dialog(qtbot)
    box = {
        "max_day": dialog.max_day,
        "coach_kmh": dialog.speeds["coach_kmh"],
        "walk_buf": dialog.buffers["walk_boarding_minutes"],
    }[field]
    retype(box, typed)
    if not typed:
        QTest.keyClick(box, Qt.Key.Key_Backspace)
    if finish == "enter":
        QTest.keyClick(box, Qt.Key.Key_Return)
    else:
        if finish == "tab":
            QTest.keyClick(box, Qt.Key.Key_Tab)
        click_save(dialog)
    assert len(warnings_said) == 1 and words in warnings_said[0]
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.focusWidget() is box
    assert typed in box.text()  # what was typed is still there to correct


@pytest.mark.parametrize(
    ("typed", "saved"), [("12,5", 12.5), ("３０", 30.0), ("１２．５", 12.5)]
)
def test_settings_read_a_decimal_comma_and_full_width_digits(
    qtbot, warnings_said, typed: str, saved: float
) -> None:
    dialog = settings_dialog(qtbot)
    retype(dialog.speeds["coach_kmh"], typed)
    QTest.keyClick(dialog.speeds["coach_kmh"], Qt.Key.Key_Return)
    assert warnings_said == []
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.settings().travel.coach_kmh == saved


def test_settings_save_a_number_within_range_with_enter(qtbot, warnings_said) -> None:
    dialog = settings_dialog(qtbot)
    retype(dialog.max_day, "90")
    QTest.keyClick(dialog.max_day, Qt.Key.Key_Enter)
    assert warnings_said == []
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.settings().max_day_minutes == 90


@pytest.fixture
def export_dialog(qtbot, workspace):  # type: ignore[no-untyped-def]
    plan = Plan(title="缅怀革命先烈", date=date(2026, 12, 18), participants=3)
    plan = workspace.plans.save(plan)
    dialog = ExportDialog(as_shown(workspace, plan))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize("typed", ["99", "-3", "61"])
def test_export_refuses_blank_rows_out_of_range_and_writes_nothing(
    qtbot, warnings_said, export_dialog, tmp_path, typed: str
) -> None:
    choose(export_dialog, ExportFormat.SIGNIN)
    target = tmp_path / "签到表.pdf"
    export_dialog.path.setText(str(target))
    retype(export_dialog.blank_rows, typed)
    QTest.keyClick(export_dialog.blank_rows, Qt.Key.Key_Return)
    assert warnings_said == [f"另加空白行应在 0–60之间，现在填的是 {typed}。"]
    assert export_dialog.task is None and not target.exists()
    assert export_dialog.blank_rows.text() == typed
    assert export_dialog.focusWidget() is export_dialog.blank_rows


def test_the_export_dialog_grown_for_the_whole_set_stays_on_the_screen(
    qtbot, export_dialog, lang
) -> None:
    choose(export_dialog, ExportFormat.CSV)
    area = available_area(export_dialog)
    export_dialog.move(export_dialog.x(), area.bottom() - export_dialog.frameGeometry().height())
    export_dialog.format.setCurrentIndex(export_dialog.format.findData(BUNDLE))
    assert export_dialog.extras.isVisible()
    assert area.contains(export_dialog.frameGeometry()), (export_dialog.frameGeometry(), area)


@pytest.fixture
def plan_editor(qtbot, workspace):  # type: ignore[no-untyped-def]
    session = PlanSession(today=lambda: date(2026, 6, 1))
    session.attach(workspace.plans, [])
    plan = workspace.plans.save(Plan(title="缅怀革命先烈", date=date(2026, 7, 1), participants=30))
    editor = PlanEditor(session)
    qtbot.addWidget(editor)
    editor.show()
    session.open(plan.id)
    editor.tabs.setCurrentIndex(1)
    qtbot.waitExposed(editor)
    return editor


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("-5", "参加人数应在 1–1000 人之间，现在填的是 -5 人。"),
        ("0", "现在填的是 0 人"),
        ("1001", "现在填的是 1001 人"),
        ("999999", "现在填的是 999999 人"),
        ("", "请填写参加人数：1–1000 人之间的数。"),
    ],
)
def test_participants_out_of_range_are_said_beside_the_field_and_not_saved(
    qtbot, workspace, plan_editor, typed: str, words: str
) -> None:
    box = plan_editor.participants
    retype(box, typed)
    if not typed:
        QTest.keyClick(box, Qt.Key.Key_Delete)
    assert plan_editor.participants_problem.isVisible()
    assert words in plan_editor.participants_problem.text()
    QTest.keyClick(box, Qt.Key.Key_Tab)  # leaving the field saves what it holds, if it can
    plan_editor.flush()
    assert plan_editor.session.plan.participants == 30
    assert workspace.plans.get(plan_editor.session.plan.id).participants == 30
    assert box.text().startswith(typed)  # still there to correct
    assert plan_editor.participants_problem.isVisible()
    # an edit elsewhere does not put 30 back over it
    plan_editor.session.set_plan_field("organiser", "王书记")
    assert box.text().startswith(typed) and plan_editor.participants_problem.isVisible()
    retype(box, "45")
    QTest.keyClick(box, Qt.Key.Key_Tab)
    assert not plan_editor.participants_problem.isVisible()
    assert workspace.plans.get(plan_editor.session.plan.id).participants == 45


def test_participants_typed_in_full_width_digits_are_saved(qtbot, workspace, plan_editor) -> None:
    retype(plan_editor.participants, "１２")
    qtbot.waitUntil(lambda: plan_editor.session.plan.participants == 12)  # saved while typing
    assert plan_editor.participants.text() == "12 人"
    assert workspace.plans.get(plan_editor.session.plan.id).participants == 12


# ---- a key a number box cannot take ----------------------------------------------------------


def test_letters_in_the_participants_box_are_answered_and_change_nothing(  # type: ignore[no-untyped-def]
    qtbot, lang, workspace, plan_editor
) -> None:
    """“四十”, the 人 of “40人” or “forty” used to vanish without a word; now the box says a
    number goes there and its range, and the number stays as it was."""
    box = plan_editor.participants
    hint = "请输入数字（1–1000 人）" if lang == "zh_CN" else "Please type a number (1–1000 people)"
    retype(box, "四十")  # as an input method sends it
    assert box.typing_hint.shown() == hint
    assert box.value() == 30 and box.text().startswith("30")
    QTest.keyClick(box, Qt.Key.Key_End)
    QTest.keyClicks(box, "forty")
    assert box.typing_hint.shown() == hint and box.value() == 30
    plan_editor.flush()
    assert workspace.plans.get(plan_editor.session.plan.id).participants == 30

    retype(box, "4")  # a digit is taken: the words go
    assert box.typing_hint.shown() is None
    QTest.keyClicks(box, "0")
    type_text(box, "人")
    assert box.typing_hint.shown() == hint and box.value() == 40
    QTest.keyClick(box, Qt.Key.Key_Tab)  # leaving the box: the words go, 40 is kept
    assert box.typing_hint.shown() is None
    plan_editor.flush()
    assert workspace.plans.get(plan_editor.session.plan.id).participants == 40
    assert not plan_editor.participants_problem.isVisible()


def test_letters_in_the_settings_and_zoom_boxes_name_their_range(qtbot) -> None:  # type: ignore[no-untyped-def]
    from hongtu.core.settings import load_settings
    from hongtu.core.tilepack import area
    from hongtu.qt.offline_download import DownloadDialog

    dialog = settings_dialog(qtbot)
    box = dialog.max_day
    box.setFocus()
    QTest.keyClicks(box, "abc")
    assert box.typing_hint.shown() == "请输入数字（60–1440 分钟）"
    assert box.value() == 600
    download = DownloadDialog(load_settings, None, None)
    qtbot.addWidget(download)
    download.show()
    zoom = download.min_zoom
    before = zoom.value()
    zoom.setFocus()
    QTest.keyClicks(zoom, "x")
    assert zoom.typing_hint.shown() == f"请输入数字（0–{area.MAX_ZOOM}）"  # type: ignore[attr-defined]
    assert zoom.value() == before
    download.close()


def test_end_and_backspace_change_the_number_not_its_unit(  # type: ignore[no-untyped-def]
    qtbot, workspace, plan_editor
) -> None:
    """QA s26: End then Backspace in “30 人” left “30  人”, and the box took no more digits
    (the box's own mending of its unit was thrown away). End now stops before the unit."""
    box = plan_editor.participants
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_End)
    QTest.keyClick(box, Qt.Key.Key_Backspace)
    assert box.text() == "3 人" and box.value() == 3
    QTest.keyClicks(box, "8")
    assert box.text() == "38 人" and box.value() == 38
    assert box.typing_hint.shown() is None
    QTest.keyClick(box, Qt.Key.Key_Tab)
    plan_editor.flush()
    assert workspace.plans.get(plan_editor.session.plan.id).participants == 38
