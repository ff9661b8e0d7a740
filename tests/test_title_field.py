"""The plan's title field counts characters as the core does and never cuts what was typed.

A 205-character paste was cut to 200 silently; 199 characters and an emoji saved 199 (the field
counted the emoji as two). Now up to 200 characters of any kind are saved, and a longer title
stays on screen, refused in words, until it is shortened.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from hongtu.core.limits import TEXT_LIMITS
from hongtu.core.plans import Plan
from hongtu.qt.plan_editor import PlanEditor
from hongtu.qt.plan_session import PlanSession

pytestmark = pytest.mark.gui

LIMIT = TEXT_LIMITS["title"]


@pytest.fixture
def editor(qtbot, workspace) -> PlanEditor:
    session = PlanSession(today=lambda: date(2026, 6, 1))
    session.attach(workspace.plans, [])
    plan = workspace.plans.save(Plan(title="缅怀革命先烈", date=date(2026, 7, 1)))
    widget = PlanEditor(session)
    qtbot.addWidget(widget)
    widget.show()
    session.open(plan.id)
    qtbot.waitExposed(widget)
    return widget


def paste_title(editor: PlanEditor, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    editor.title.setFocus()
    editor.title.selectAll()
    QTest.keyClick(editor.title, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    editor.flush()


def test_a_title_with_an_emoji_at_the_limit_is_saved_whole(editor, workspace) -> None:
    title = "红" * (LIMIT - 1) + "🚩"
    paste_title(editor, title)
    assert editor.session.plan.title == title
    assert workspace.plans.get(editor.session.plan.id).title == title
    assert editor.title_problem.isHidden()


def test_a_longer_title_is_refused_in_words_and_kept_on_screen(editor, workspace) -> None:
    paste_title(editor, "党" * (LIMIT + 5))
    assert editor.title.text() == "党" * (LIMIT + 5)  # not cut
    assert editor.session.plan.title == "缅怀革命先烈"  # not saved
    assert f"最多 {LIMIT} 字，现在是 {LIMIT + 5} 字" in editor.title_problem.text()
    assert not editor.title_problem.isHidden()
    paste_title(editor, "党" * LIMIT)
    assert workspace.plans.get(editor.session.plan.id).title == "党" * LIMIT
    assert editor.title_problem.isHidden()
