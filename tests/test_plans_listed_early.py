"""At start-up the plans list is filled straight from the file, before the workspace is open.

The organiser can scroll and filter it at once; a plan clicked meanwhile opens as soon as the
workspace is there (the buttons that change plans wait for it).
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from hongtu.core.plans import Plan
from hongtu.core.storage.quick_read import read_plan_summaries_quickly
from hongtu.qt.plan_list import PlanListPanel
from hongtu.qt.plan_models import PLAN_ID_ROLE
from hongtu.qt.plan_session import PlanSession

pytestmark = pytest.mark.gui


def test_a_plan_clicked_before_the_workspace_opens_is_opened_after(qtbot, workspace) -> None:
    for n in range(5):
        workspace.plans.save(Plan(title=f"方案{n}", date=date(2026, 7, 1 + n)))
    session = PlanSession()
    panel = PlanListPanel(session)
    qtbot.addWidget(panel)
    panel.resize(500, 400)
    panel.show()
    early = read_plan_summaries_quickly(str(workspace.database.url).removeprefix("sqlite:///"))
    assert early is not None
    panel.show_early(early)
    assert panel.listed_early and panel.proxy.rowCount() == 5
    assert not panel.new_button.isEnabled()  # changing plans waits for the workspace
    QTest.keyClicks(panel.search, "3")  # filtering works at once
    assert panel.proxy.rowCount() == 1
    row = panel.table.visualRect(panel.proxy.index(0, 0)).center()
    QTest.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(row))
    chosen = panel.proxy.index(0, 0).data(PLAN_ID_ROLE)
    assert session.plan is None  # not yet: there is no workspace to read it from
    session.attach(workspace.plans, workspace.sites.list_sites())
    assert session.plan is not None and session.plan.id == chosen
    assert session.plan.title == "方案3" and panel.selected_plan_id() == chosen
    assert panel.new_button.isEnabled()
