"""The panels plug into the real window through its interface: menus in order, the site list's
context menu and double-click, status bar text that stays consistent after an edit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from gui_helpers import close_main_window, open_main_window
from hongtu.core.geo import Crs, LatLon

pytestmark = [pytest.mark.gui, pytest.mark.webengine]


@pytest.fixture
def main_window(qtbot, tmp_path):
    window, controller = open_main_window(qtbot, str(tmp_path / "panels.sqlite3"))
    yield window
    close_main_window(window, controller)


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_menus_come_in_the_usual_order(main_window) -> None:
    assert menu_titles(main_window) == [
        "文件(&F)",
        "编辑(&E)",
        "方案(&P)",
        "地图(&M)",
        "台账(&L)",
        "帮助(&H)",
    ]


def test_site_context_menu_offers_site_tools_then_adding_to_the_plan(
    qtbot, monkeypatch, main_window
) -> None:
    shown: list[list[str]] = []
    monkeypatch.setattr(
        QMenu, "popup", lambda menu, _pos, _action=None: shown.append(
            ["—" if a.isSeparator() else a.text() for a in menu.actions()]
        ),
    )  # fmt: skip
    table = main_window.site_list.table
    table.selectRow(0)
    rect = table.visualRect(table.model().index(0, 0))
    table.customContextMenuRequested.emit(rect.center())
    assert shown == [
        [
            "更正所选站点位置(&C)…",
            "恢复目录坐标(&R)",
            "编辑站点信息(&I)…",
            "—",
            "添加地点(&P)…",
            "将所选站点加入方案(&A)",
        ]
    ]


def test_double_clicking_a_site_adds_it_to_the_open_plan(qtbot, main_window) -> None:
    ui = main_window.plan_ui
    ui.plan_list.create_plan()
    table = main_window.site_list.table
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: ui.session.plan is not None and len(ui.session.plan.stops) == 1)
    assert "已加入第 1 站" in main_window.statusBar().currentMessage()


def test_site_counts_keep_one_wording_after_a_correction(qtbot, main_window) -> None:
    before = main_window.status_sites.text()
    assert "个位置未知" in before
    site = next(s for s in main_window.site_model.sites() if s.position is None)
    store = main_window.site_editing.workspace.sites
    main_window.update_site(store.set_position(site.id, LatLon(37.87, 112.55), Crs.WGS84))
    after = main_window.status_sites.text()
    assert after != before and "个位置未知" in after  # the same sentence, new numbers
