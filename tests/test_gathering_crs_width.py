"""QA: in English in a 1280-px window, the 集合地点 custom place's coordinate-system box read
"GCJ-02 (Amap, Tencent, phone map ap": each system, once chosen, reads whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

from journey_helpers import TIMEOUT, journey_window
from test_journey_form_fields import new_plan


@pytest.mark.parametrize("lang", ["en"], indirect=True)
def test_each_coordinate_system_reads_whole_in_a_1280_window(qtbot, tmp_path, lang) -> None:
    with journey_window(qtbot, str(tmp_path / "a.sqlite3")) as (window, _controller):
        window.resize(1280, 720)
        qtbot.waitUntil(lambda: window.width() == 1280, timeout=TIMEOUT)
        editor = new_plan(qtbot, window)
        kind = editor.gathering.kind
        kind.setFocus()  # (a click opens its list, which would keep the keys)
        qtbot.keyClick(kind, Qt.Key.Key_End)  # 自定义地点
        combo = editor.gathering.crs
        qtbot.waitUntil(lambda: combo.isVisible() and combo.height() > 0, timeout=TIMEOUT)
        for index in range(combo.count()):
            combo.setFocus()
            qtbot.keyClick(combo, Qt.Key.Key_Home)
            for _ in range(index):
                qtbot.keyClick(combo, Qt.Key.Key_Down)
            assert combo.currentIndex() == index
            option = QStyleOptionComboBox()
            combo.initStyleOption(option)
            option.rect = combo.rect()
            field = combo.style().subControlRect(
                QStyle.ComplexControl.CC_ComboBox, option,
                QStyle.SubControl.SC_ComboBoxEditField, combo,
            )  # fmt: skip
            needed = combo.fontMetrics().horizontalAdvance(combo.currentText())
            assert field.width() >= needed, (combo.currentText(), field.width(), needed)
