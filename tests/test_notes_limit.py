"""A note pasted past its limit (200,000 characters) is not cut unseen.

The one-line fields stop at their limit as the organiser types (``setMaxLength``); the notes
field cannot, and the plan keeps only the first 200,000 characters. What is kept is what the
field shows, and the window says that the rest was not kept.
"""

from __future__ import annotations

import pytest

from gui_helpers import close_main_window, open_main_window
from hongtu.core import limits


@pytest.mark.gui
@pytest.mark.webengine
def test_a_note_pasted_past_its_limit_is_cut_visibly(qtbot, tmp_path) -> None:
    window, controller = open_main_window(qtbot, str(tmp_path / "hongtu.sqlite3"))
    try:
        ui = window.plan_ui
        ui.plan_list.create_plan()
        limit = limits.TEXT_LIMITS["notes"]
        pasted = "着正装。" * (limit // 4) + "最后这句超出了上限"
        ui.editor.notes.setFocus()
        ui.editor.notes.insertPlainText(pasted)
        ui.editor.notes_text.flush()
        plan = ui.session.plan
        assert plan is not None and plan.id is not None
        stored = controller.workspace.plans.get(plan.id).notes
        assert stored == pasted[:limit]
        qtbot.waitUntil(lambda: ui.editor.notes.toPlainText() == stored)  # shown as kept
        notice = ui.editor.notes_problem
        assert f"{limit:,}" in notice.text() and "没有保存" in notice.text()
        assert notice.isVisibleTo(ui.editor.notes.parentWidget())  # beside the note, on its tab
        ui.editor.notes.setFocus()
        ui.editor.notes.setPlainText("着正装。")  # back within the limit: the notice goes
        ui.editor.notes_text.flush()
        assert not notice.isVisibleTo(ui.editor.notes.parentWidget())
    finally:
        close_main_window(window, controller)
