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
    session.set_plan_field("status", PlanStatus.PLANNED)  # its day (2025-01-04) has passed
    assert [s for t, _, s in listed_with_status(panel) if t == "重温入党誓词"] == ["待记录"]
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


# ---- finding and ordering plans over the years -------------------------------------------------

YEAR_TODAY = date(2026, 11, 30)
YEAR_PLANS = [  # title, day, status, stops
    ("1月主题党日", date(2026, 1, 16), PlanStatus.DONE),
    ("9月主题党日", date(2026, 9, 18), PlanStatus.PLANNED),  # held, not yet recorded
    ("重温入党誓词", date(2026, 11, 20), PlanStatus.DRAFT),
    ("12月主题党日", date(2026, 12, 18), PlanStatus.PLANNED),
    ("1月主题党日", date(2027, 1, 15), PlanStatus.DRAFT),
    ("学习二十大精神", date(2025, 12, 19), PlanStatus.DONE),
]


@pytest.fixture
def year_panel(qtbot, workspace):
    workspace.plans.save_many(
        [Plan(title=title, date=day, status=status) for title, day, status in YEAR_PLANS]
    )
    session = PlanSession(today=lambda: YEAR_TODAY)
    panel = PlanListPanel(session)
    qtbot.addWidget(panel)
    session.attach(workspace.plans, workspace.sites.list_sites())
    panel.resize(700, 400)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def shown(panel: PlanListPanel) -> list[tuple[str, str, str]]:
    proxy = panel.proxy
    return [
        tuple(str(proxy.index(row, c).data()) for c in (0, 1, 2))  # type: ignore[misc]
        for row in range(proxy.rowCount())
    ]


def search(qtbot, panel: PlanListPanel, text: str) -> list[str]:
    from test_plan_gui import type_text

    panel.search.clear()
    panel.search.setFocus()
    type_text(panel.search, text)
    return [f"{title} {day}" for title, day, _ in shown(panel)]


def test_plans_are_found_by_year_month_and_status(qtbot, year_panel) -> None:
    panel = year_panel
    assert search(qtbot, panel, "2026") == [
        "12月主题党日 2026-12-18", "重温入党誓词 2026-11-20", "9月主题党日 2026-09-18",
        "1月主题党日 2026-01-16",
    ]
    assert search(qtbot, panel, "2026-09") == ["9月主题党日 2026-09-18"]
    assert search(qtbot, panel, "2026年1月") == ["1月主题党日 2026-01-16"]
    # 1月 is January (the titles and the days), not 11月 or 12月
    assert search(qtbot, panel, "1月") == ["1月主题党日 2027-01-15", "1月主题党日 2026-01-16"]
    assert search(qtbot, panel, "已完成") == [
        "1月主题党日 2026-01-16", "学习二十大精神 2025-12-19",
    ]
    assert search(qtbot, panel, "草稿") == ["1月主题党日 2027-01-15", "重温入党誓词 2026-11-20"]
    assert search(qtbot, panel, "待记录") == ["9月主题党日 2026-09-18"]
    assert search(qtbot, panel, "已定") == ["12月主题党日 2026-12-18"]
    assert search(qtbot, panel, "不存在") == []


def test_in_english_the_status_words_shown_find_plans_too(qapp, qtbot, year_panel) -> None:
    from PySide6.QtCore import QLocale

    from hongtu.qt.i18n import install_translators

    previous_locale = QLocale()
    installed = install_translators(qapp, "en")
    try:
        assert installed, "hongtu_en.qm did not load"
        assert search(qtbot, year_panel, "to record") == ["9月主题党日 2026-09-18"]
        assert search(qtbot, year_panel, "PLANNED") == ["12月主题党日 2026-12-18"]
        assert search(qtbot, year_panel, "已完成") == [  # the Chinese word still works
            "1月主题党日 2026-01-16", "学习二十大精神 2025-12-19",
        ]
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(previous_locale)


def test_a_held_plan_not_yet_recorded_is_told_apart_from_a_planned_one(qtbot, year_panel) -> None:
    statuses = {(title, day): status for title, day, status in shown(year_panel)}
    assert statuses[("9月主题党日", "2026-09-18")] == "待记录"
    assert statuses[("12月主题党日", "2026-12-18")] == "已定"
    assert statuses[("重温入党誓词", "2026-11-20")] == "草稿"  # a draft never went ahead
    assert statuses[("1月主题党日", "2026-01-16")] == "已完成"
    row = next(r for r in range(year_panel.proxy.rowCount())
               if year_panel.proxy.index(r, 1).data() == "2026-09-18")
    assert "还没有记录" in year_panel.proxy.index(row, PlanColumn.STATUS).data(
        Qt.ItemDataRole.ToolTipRole
    )


def click_header(qtbot, panel: PlanListPanel, column: PlanColumn) -> None:
    from PySide6.QtCore import QPoint

    header = panel.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_clicking_a_header_sorts_the_plans_by_that_column(qtbot, year_panel) -> None:
    panel = year_panel
    days = [day for _, day, _ in shown(panel)]
    assert days == sorted(days, reverse=True)  # newest first, as before
    select_title(panel, "重温入党誓词")
    opened = panel.session.plan.id  # type: ignore[union-attr]
    click_header(qtbot, panel, PlanColumn.DATE)
    assert [day for _, day, _ in shown(panel)] == sorted(days)  # oldest first
    click_header(qtbot, panel, PlanColumn.STATUS)
    assert [status for _, _, status in shown(panel)] == [
        "草稿", "草稿", "已定", "待记录", "已完成", "已完成",
    ]
    assert panel.selected_plan_id() == opened  # the open plan stays chosen
    assert panel.session.plan.id == opened  # type: ignore[union-attr]
    click_header(qtbot, panel, PlanColumn.TITLE)
    titles = [title for title, _, _ in shown(panel)]
    assert titles[:3] == ["1月主题党日", "1月主题党日", "9月主题党日"]  # numbers as numbers
    assert titles[3] == "12月主题党日"
    # an edit puts the row where the order shown says, not back among the dates
    panel.session.set_plan_field("title", "0 新方案")  # type: ignore[union-attr]
    assert shown(panel)[0][0] == "0 新方案"
    assert panel.selected_plan_id() == opened
    assert search(qtbot, panel, "2026")[0] == "0 新方案 2026-11-20"  # searched, still in order
