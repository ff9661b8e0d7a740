"""At start-up the plans list is filled straight from the file, before the workspace is open.

The organiser can scroll and filter it at once; a plan clicked meanwhile opens as soon as the
workspace is there (the buttons that change plans wait for it).
"""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTabWidget

from gui_helpers import MAP_TIMEOUT_MS, close_main_window
from hongtu.core.plans import Plan, PlanStatus
from hongtu.core.storage.plan_summary import PlanSummary
from hongtu.core.storage.quick_read import read_plan_summaries_quickly
from hongtu.core.workspace import open_workspace
from hongtu.qt.app import Controller
from hongtu.qt.mainwindow import MainWindow
from hongtu.qt.plan_list import PlanListPanel
from hongtu.qt.plan_list_model import PLAN_ID_ROLE
from hongtu.qt.plan_session import PlanSession

pytestmark = pytest.mark.gui

SCREEN = (1366, 768)


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


def many_plans(path: Path, count: int) -> str:
    """A database file with ``count`` plans (方案0000 … on consecutive days), in one insert."""
    workspace = open_workspace(str(path))
    try:
        workspace.plans.save_many(
            [
                Plan(title=f"方案{n:04d}", date=date(2020, 1, 1) + timedelta(days=n))
                for n in range(count)
            ]
        )
    finally:
        workspace.close()
    return str(path)


def shown_titles(panel: PlanListPanel) -> list[str]:
    return [panel.proxy.index(row, 0).data() for row in range(panel.proxy.rowCount())]


def test_the_window_lists_many_plans_before_the_workspace_and_keys_open_one(
    qtbot, monkeypatch, tmp_path
) -> None:
    """2,000 plans: the window lists them from the file while the workspace is still opening;
    typing in the search box filters them, Enter chooses the first one shown, and it opens as
    soon as the workspace is there. Then the keys move through the whole list."""
    import hongtu.core.workspace as workspace_module

    db = many_plans(tmp_path / "many.sqlite3", 2_000)
    opening = threading.Event()  # the workspace opens only when the test lets it (a slow disk)
    real_open = workspace_module.open_workspace

    def slow_open(*args: Any, **kwargs: Any) -> Any:
        opening.wait()
        return real_open(*args, **kwargs)

    monkeypatch.setattr(workspace_module, "open_workspace", slow_open)
    window = MainWindow(defer_tools=True)  # as the app starts it
    controller = Controller(window, db)
    try:
        window.resize(*SCREEN)
        window.show()
        with qtbot.waitSignal(controller.plans_listed, timeout=MAP_TIMEOUT_MS):
            controller.start_in_background()
        assert controller.workspace is None
        panel = window.plan_list_panel()
        tabs = panel.parentWidget().parentWidget()  # the 站点 | 方案 tabs
        assert isinstance(tabs, QTabWidget)
        bar = tabs.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
        assert tabs.currentWidget() is panel and panel.isVisible()
        assert panel.proxy.rowCount() == 2_000
        assert shown_titles(panel)[:2] == ["方案1999", "方案1998"]  # newest first
        QTest.keyClicks(panel.search, "0042")
        assert shown_titles(panel) == ["方案0042"]
        QTest.keyClick(panel.search, Qt.Key.Key_Return)
        chosen = panel.selected_plan_id()
        assert chosen is not None and panel.table.currentIndex().data() == "方案0042"
        qtbot.waitUntil(lambda: window.plan_ui is not None)  # the plan tools follow the list
        session = window.plan_ui.session  # type: ignore[union-attr]
        assert session.plan is None  # not yet: the workspace is still opening
        opening.set()
        qtbot.waitUntil(lambda: session.plan is not None, timeout=MAP_TIMEOUT_MS)
        assert session.plan is not None and session.plan.id == chosen
        assert session.plan.title == "方案0042"
        assert shown_titles(panel) == ["方案0042"]  # the workspace's list, still filtered
        QTest.keyClick(panel.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(panel.search, Qt.Key.Key_Backspace)
        assert panel.proxy.rowCount() == 2_000
        assert panel.table.currentIndex().data() == "方案0042"  # the open plan stays chosen
        QTest.keyClick(panel.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        assert session.plan.title == "方案0000"
        assert panel.table.currentIndex().row() == 1_999  # the oldest plan, at the bottom
    finally:
        opening.set()
        close_main_window(window, controller)


LETTERS = "方案党日ABCabcİıßẞ 1０-"  # Chinese, Latin, letters whose case is awkward, digits


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    titles=st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=8), max_size=12),
    needle=st.text(alphabet=LETTERS, max_size=3),
)
def test_the_search_shows_exactly_the_titles_containing_the_text(qtbot, titles, needle) -> None:
    """Whatever the titles and the typed text, ignoring case: no plan lost, none extra."""
    panel = PlanListPanel()  # no session yet: as listed at start-up
    qtbot.addWidget(panel)
    day = date(2026, 7, 1)
    panel.show_early(
        [
            PlanSummary(n + 1, title, day, "", PlanStatus.DRAFT, 0, datetime(2026, 1, 1))
            for n, title in enumerate(titles)
        ]
    )
    panel.search.setText(needle)
    expected = [t for t in titles if needle.casefold() in t.casefold()]
    assert sorted(shown_titles(panel)) == sorted(expected)


def test_the_workspaces_list_does_not_move_the_list_read_from_the_file(qtbot, tmp_path) -> None:
    """The organiser scrolled and searched the list read at start-up: when the workspace opens
    with the same plans, the list stays where it was (no reset, no jump to the top)."""
    db = many_plans(tmp_path / "same.sqlite3", 300)
    session = PlanSession()
    panel = PlanListPanel(session)
    qtbot.addWidget(panel)
    panel.resize(500, 400)
    panel.show()
    early = read_plan_summaries_quickly(db)
    assert early is not None
    panel.show_early(early)
    QTest.keyClicks(panel.search, "0")  # 方案0000 … 方案0299: every one
    bar = panel.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # laid out
    bar.setValue(bar.maximum() // 2)
    where = bar.value()
    assert where > 0
    resets: list[int] = []
    panel.model.modelAboutToBeReset.connect(lambda: resets.append(1))
    workspace = open_workspace(db)
    try:
        session.attach(workspace.plans, workspace.sites.list_sites())
        assert resets == [] and bar.value() == where
        assert panel.proxy.rowCount() == 300 and panel.new_button.isEnabled()
    finally:
        workspace.close()
