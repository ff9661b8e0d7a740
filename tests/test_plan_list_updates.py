"""The plans list follows edits row by row: an edit never re-lists every plan."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from hongtu.core.plans import Plan, PlanStatus
from hongtu.qt.plan_list import PlanListPanel
from hongtu.qt.plan_list_model import PLAN_ID_ROLE, PlanColumn
from hongtu.qt.plan_session import PlanSession

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot, workspace):
    workspace.plans.save_many(
        [Plan(title=f"方案{n}", date=date(2025, 1, 1 + n)) for n in range(20)]
    )
    session = PlanSession(today=lambda: date(2025, 10, 1))
    panel = PlanListPanel(session)
    qtbot.addWidget(panel)
    session.attach(workspace.plans, workspace.sites.list_sites())
    return panel


def listed(panel: PlanListPanel) -> list[tuple[str, str, str]]:
    model = panel.model
    return [
        tuple(str(model.index(row, c).data()) for c in (0, 1, 3))  # type: ignore[misc]
        for row in range(model.rowCount())
    ]


def listed_with_status(panel: PlanListPanel) -> list[tuple[str, str, str]]:
    model = panel.model
    return [
        tuple(str(model.index(row, c).data()) for c in (0, 1, 2))  # type: ignore[misc]
        for row in range(model.rowCount())
    ]


def watch_resets(panel: PlanListPanel) -> list[int]:
    resets: list[int] = []
    panel.model.modelAboutToBeReset.connect(lambda: resets.append(1))
    return resets


def select_title(panel: PlanListPanel, title: str) -> None:
    row = next(r for r in range(panel.proxy.rowCount()) if panel.proxy.index(r, 0).data() == title)
    panel.table.setCurrentIndex(panel.proxy.index(row, 0))


def test_edits_update_only_the_plans_own_row(qtbot, panel) -> None:
    session = panel.session
    resets = watch_resets(panel)
    select_title(panel, "方案3")
    assert session.plan is not None and session.plan.title == "方案3"
    site = next(iter(session.sites))
    session.set_plan_field("title", "重温入党誓词")
    session.add_site_stop(site)
    session.add_site_stop(site)
    assert ("重温入党誓词", "2025-01-04", "2") in listed(panel)
    assert "方案3" not in [title for title, _, _ in listed(panel)]
    session.set_plan_field("status", PlanStatus.PLANNED)
    assert [s for t, _, s in listed_with_status(panel) if t == "重温入党誓词"] == ["已定"]
    assert resets == []
    assert panel.selected_plan_id() == session.plan.id


def test_a_new_date_moves_the_row_and_keeps_it_selected(qtbot, panel) -> None:
    session = panel.session
    resets = watch_resets(panel)
    select_title(panel, "方案0")
    session.set_plan_field("date", date(2026, 5, 1))
    titles = [title for title, _, _ in listed(panel)]
    assert titles[0] == "方案0"
    days = [day for _, day, _ in listed(panel)]
    assert days == sorted(days, reverse=True)
    assert panel.table.currentIndex().data(PLAN_ID_ROLE) == session.plan.id  # type: ignore[union-attr]
    assert resets == []


def test_new_deleted_and_undone_plans_come_and_go_row_by_row(qtbot, panel) -> None:
    session = panel.session
    resets = watch_resets(panel)
    session.create("追寻红色足迹", date(2025, 2, 10))
    assert panel.model.rowCount() == 21
    assert ("追寻红色足迹", "2025-02-10", "0") in listed(panel)
    assert panel.selected_plan_id() == session.plan.id  # type: ignore[union-attr]
    new_id = session.plan.id  # type: ignore[union-attr]
    session.delete(new_id)
    assert panel.model.rowCount() == 20
    assert "追寻红色足迹" not in [title for title, _, _ in listed(panel)]
    session.undo()
    assert panel.model.rowCount() == 21
    assert panel.selected_plan_id() == new_id
    session.undo()  # undo the creation
    assert panel.model.rowCount() == 20
    assert resets == []
    assert [t for t, _, _ in listed(panel)] == [f"方案{n}" for n in range(19, -1, -1)]
    assert panel.model.index(0, PlanColumn.TITLE).data() == "方案19"


def test_filtering_the_list_never_opens_or_selects_another_plan(qtbot, panel) -> None:
    session = panel.session
    select_title(panel, "方案3")
    opened = session.plan.id  # type: ignore[union-attr]
    panel.search.setFocus()
    qtbot.keyClicks(panel.search, "1")
    shown = [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]
    assert sorted(shown) == sorted(["方案1", *(f"方案{n}" for n in range(10, 20))])
    assert session.plan.id == opened  # type: ignore[union-attr]
    assert panel.selected_plan_id() is None  # the open plan is filtered out: nothing selected
    assert not panel.delete_button.isEnabled() and not panel.copy_button.isEnabled()
    qtbot.keyClick(panel.search, Qt.Key.Key_Backspace)
    assert panel.proxy.rowCount() == 20
    assert panel.selected_plan_id() == opened
    assert session.plan.id == opened  # type: ignore[union-attr]


def test_a_copy_of_a_title_at_its_limit_is_still_marked_as_a_copy(qtbot, panel) -> None:
    from hongtu.core.limits import TEXT_LIMITS

    session = panel.session
    longest = "红" * (TEXT_LIMITS["title"] - 1) + "🚩"  # 200 characters, 201 UTF-16 units
    session.create(longest, date(2025, 10, 15))
    assert session.plan.title == longest
    select_title(panel, longest)
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    copy = session.plan.title
    assert copy != longest and copy.endswith("…（副本）")
    assert len(copy) == TEXT_LIMITS["title"] and copy.startswith("红" * 190)
