"""The plan editor's own fields driven like an organiser would, on a session without a window."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from hongtu.core.plans import GatheringPoint
from hongtu.qt.plan_editor import PlanEditor
from hongtu.qt.plan_session import PlanSession

pytestmark = pytest.mark.gui


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type like an input method would (QTest's key clicks only know ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


@pytest.fixture
def editor(qtbot, workspace):  # type: ignore[no-untyped-def]
    session = PlanSession(today=lambda: date(2025, 10, 1))
    session.attach(workspace.plans, workspace.sites.list_sites())
    editor = PlanEditor(session)
    qtbot.addWidget(editor)
    editor.resize(700, 650)
    editor.show()
    session.create("学习红色历史", date(2025, 10, 15))
    return editor


def stored_gathering(editor: PlanEditor) -> GatheringPoint:
    plan = editor.session.plan
    assert plan is not None and plan.id is not None
    return editor.session.store.get(plan.id).gathering


def test_undoing_a_custom_gathering_point_shows_none_again(qtbot, editor) -> None:
    editor.tabs.setCurrentIndex(1)  # 基本信息
    gathering = editor.gathering
    gathering.kind.setFocus()
    QTest.keyClick(gathering.kind, Qt.Key.Key_Down)
    QTest.keyClick(gathering.kind, Qt.Key.Key_Down)  # 自定义地点
    assert gathering.kind.currentIndex() == 2
    type_text(gathering.name, "单位大门")
    editor.flush()
    assert stored_gathering(editor).custom is not None
    editor.session.undo_stack.undo()  # 编辑 › 撤销
    assert stored_gathering(editor) == GatheringPoint()
    assert gathering.kind.currentIndex() == 0 and gathering.kind.currentText() == "未设置"
    assert gathering.pages.currentIndex() == 0
    editor.session.undo_stack.redo()
    assert gathering.kind.currentIndex() == 2 and gathering.name.text() == "单位大门"


def test_a_custom_place_being_typed_is_not_taken_away_by_another_edit(qtbot, editor) -> None:
    editor.tabs.setCurrentIndex(1)
    gathering = editor.gathering
    gathering.kind.setFocus()
    QTest.keyClick(gathering.kind, Qt.Key.Key_Down)
    QTest.keyClick(gathering.kind, Qt.Key.Key_Down)
    editor.session.set_plan_field("participants", 40)  # nothing typed yet: nothing saved
    assert gathering.kind.currentIndex() == 2


def test_the_gathering_point_takes_only_the_room_its_choice_needs(qtbot, editor) -> None:
    """On a laptop the info tab is short: 工作要求 gets what 未设置 leaves, not four rows less."""
    editor.resize(620, 470)
    editor.tabs.setCurrentIndex(1)
    gathering = editor.gathering
    qtbot.waitUntil(lambda: editor.notes.isVisible())
    QApplication.processEvents()
    none_height = gathering.pages.height()
    notes_with_none = editor.notes.height()
    assert none_height < gathering.name.sizeHint().height()  # 未设置 leaves no blank band
    gathering.kind.setFocus()
    QTest.keyClick(gathering.kind, Qt.Key.Key_Down)
    QTest.keyClick(gathering.kind, Qt.Key.Key_Down)  # 自定义地点: name, coordinate, system, hint
    qtbot.waitUntil(lambda: gathering.pages.height() > none_height + 3 * gathering.name.height())
    assert gathering.name.isVisible() and gathering.hint.isVisible()
    assert editor.notes.height() < notes_with_none
    QTest.keyClick(gathering.kind, Qt.Key.Key_Up)
    QTest.keyClick(gathering.kind, Qt.Key.Key_Up)  # back to 未设置
    qtbot.waitUntil(lambda: gathering.pages.height() == none_height)
    assert editor.notes.height() == notes_with_none
    assert notes_with_none > 4 * editor.notes.fontMetrics().lineSpacing()
    editor.resize(620, 760)  # room to spare goes to 工作要求, not to a blank band under 未设置
    qtbot.waitUntil(lambda: editor.notes.height() > notes_with_none)
    assert gathering.pages.height() < gathering.name.sizeHint().height()
