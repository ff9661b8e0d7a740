"""Where 添加地点 and 更正位置 open: beside the map, and always wholly on the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QVBoxLayout, QWidget

from hongtu.qt.tool_placement import place_beside

pytestmark = [pytest.mark.gui]


def test_a_tool_taller_than_a_narrow_low_map_keeps_its_title_bar_on_the_screen(qtbot) -> None:
    """1366×768 at 125 %: the map is narrow (no room for the tool on either side) and shorter
    than the tool, so it goes into the map's corner — once 39 px above the top of the screen."""
    map_view = QWidget()
    qtbot.addWidget(map_view)
    map_view.setGeometry(QRect(420, 0, 560, 300))  # 420 px on either side: not enough room
    map_view.show()
    tool = QWidget()
    qtbot.addWidget(tool)
    QVBoxLayout(tool).addWidget(QWidget(minimumWidth=540, minimumHeight=340))  # ~ 添加地点
    tool.show()
    spot = place_beside(tool, map_view)
    area = map_view.screen().availableGeometry()
    assert area.contains(spot), (spot, area)
    assert area.contains(tool.frameGeometry()), (tool.frameGeometry(), area)
