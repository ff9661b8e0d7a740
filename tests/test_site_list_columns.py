"""The site list's district, category and position columns fit their entries and stay put while
the organiser types a filter (``SiteListPanel``)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from factories import listed_site
from hongtu.qt.mainwindow import CONTENT_COLUMNS, SiteListPanel
from hongtu.qt.site_model import SiteColumn, SiteTableModel

pytestmark = pytest.mark.gui

LONG_DISTRICT = "山西转型综合改革示范区阳曲产业园区"


def column_widths(panel: SiteListPanel) -> list[int]:
    """As drawn: the header resizes its sections on the event loop's next turn."""
    QApplication.processEvents()
    return [panel.table.columnWidth(column) for column in CONTENT_COLUMNS]


def shown_panel(qtbot, sites) -> SiteListPanel:
    model = SiteTableModel()
    model.set_sites(sites)
    panel = SiteListPanel(model)
    qtbot.addWidget(panel)
    panel.resize(1000, 500)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def district_fits(panel: SiteListPanel, text: str) -> bool:
    QApplication.processEvents()
    width = panel.table.fontMetrics().horizontalAdvance(text)
    return width < panel.table.columnWidth(SiteColumn.DISTRICT)


def test_columns_fit_the_widest_entry_and_stay_put_while_typing(qtbot) -> None:
    panel = shown_panel(
        qtbot, [listed_site(1, "太原解放纪念馆"), listed_site(2, "集合点：园区北门", LONG_DISTRICT)]
    )
    assert district_fits(panel, LONG_DISTRICT)
    before = column_widths(panel)

    QTest.keyClicks(panel.search, "jn")  # pinyin initials of 纪念: the long district goes
    assert panel.proxy.rowCount() == 1
    assert column_widths(panel) == before
    panel.search.clear()
    assert panel.proxy.rowCount() == 2
    assert column_widths(panel) == before


def test_a_place_with_a_longer_district_widens_its_column(qtbot) -> None:
    panel = shown_panel(qtbot, [listed_site(1, "太原解放纪念馆")])
    assert not district_fits(panel, LONG_DISTRICT)

    panel.model.set_sites(
        [listed_site(1, "太原解放纪念馆"), listed_site(2, "集合点", LONG_DISTRICT)]
    )
    assert district_fits(panel, LONG_DISTRICT)
    panel.model.update_site(listed_site(1, "太原解放纪念馆", LONG_DISTRICT + "东区"))
    assert district_fits(panel, LONG_DISTRICT + "东区")


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Down])
def test_enter_or_down_in_the_search_box_goes_to_the_site_found(qtbot, key) -> None:
    panel = shown_panel(
        qtbot, [listed_site(1, "八路军驻晋办事处旧址"), listed_site(2, "刘胡兰纪念馆")]
    )
    panel.search.setFocus()
    QTest.keyClicks(panel.search, "lhl")  # 刘胡兰's initials: one site found
    QTest.keyClick(panel.search, key)
    assert panel.selected_site_id() == 2
    assert panel.focusWidget() is panel.table  # where the keys go next


def test_enter_keeps_a_site_already_chosen_among_those_found(qtbot) -> None:
    panel = shown_panel(qtbot, [listed_site(1, "纪念馆甲"), listed_site(2, "纪念馆乙")])
    panel.select_site(2)
    panel.search.setFocus()
    QTest.keyClick(panel.search, Qt.Key.Key_Return)
    assert panel.selected_site_id() == 2 and panel.focusWidget() is panel.table
