"""记录活动 typed like a person: Enter in a line field does not save the whole record, and the
主持人 / 记录人 fields count characters as the core does, refusing an over-long one in words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from hongtu.core.records import MAX_PERSON_CHARS
from test_plan_gui import type_text
from test_record_dialog import _dialog, _save, _setup

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("field", ["host", "recorder", "guests"])
def test_enter_in_a_line_field_goes_on_and_saves_nothing(qtbot, workspace, field: str) -> None:
    plan, members = _setup(workspace)
    dialog = _dialog(qtbot, workspace, plan, members)
    edit = getattr(dialog, field)
    edit.setFocus()
    type_text(edit, "张三")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.saved is None
    assert workspace.records.for_plan(plan.id) is None
    assert QApplication.focusWidget() is not edit  # on to the next field
    assert edit.text() == "张三"


def test_a_pasted_host_is_counted_in_characters_and_never_cut(qtbot, workspace) -> None:
    plan, members = _setup(workspace)
    dialog = _dialog(qtbot, workspace, plan, members)
    flags = "🇨🇳" * 60  # 120 characters (two each), 240 UTF-16 units
    QApplication.clipboard().setText(flags)
    dialog.host.setFocus()
    QTest.keyClick(dialog.host, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert dialog.host.text() == flags
    _save(dialog)
    assert dialog.saved is not None and dialog.saved.host == flags


def test_an_over_long_recorder_is_refused_in_words_not_cut(qtbot, workspace) -> None:
    plan, members = _setup(workspace)
    dialog = _dialog(qtbot, workspace, plan, members)
    too_long = "李" * (MAX_PERSON_CHARS + 5)
    QApplication.clipboard().setText(too_long)
    dialog.recorder.setFocus()
    QTest.keyClick(dialog.recorder, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert dialog.recorder.text() == too_long
    _save(dialog)
    assert dialog.saved is None and dialog.isVisible()
    assert dialog.problem.text() == f"记录人太长：最多 {MAX_PERSON_CHARS} 字"
    assert workspace.records.for_plan(plan.id) is None
