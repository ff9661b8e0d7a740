"""Where 添加地点 and 更正位置 open: beside the map, and always wholly on the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QVBoxLayout, QWidget

from hongtu.qt.tool_placement import place_beside
from hongtu.qt.window_state import available_area

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
    area = available_area(map_view)
    assert area.contains(spot), (spot, area)
    assert area.contains(tool.frameGeometry()), (tool.frameGeometry(), area)


def test_sizing_dialogs_to_the_screen_leaves_the_screen_to_no_dialog(qtbot) -> None:
    """Dialogs fitted to the screen (导出, 站点资料, the tools beside the map) ask for it in a way
    that does not make the screen's Python object a child of the dialog: with
    ``widget.screen()`` PySide did (its return-value rule), and a dialog Qt later deleted with
    that child was followed by HongTu crashing in Qt's screen code."""
    import shiboken6
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QDialog

    from hongtu.qt.window_state import fit_to_screen, keep_on_screen, screen_of

    dialog, map_view = QDialog(), QWidget()
    qtbot.addWidget(dialog)
    qtbot.addWidget(map_view)

    def unowned() -> bool:
        screen = QGuiApplication.primaryScreen()
        return screen is not None and "parent" not in shiboken6.dump(screen)

    fit_to_screen(dialog, dialog.sizeHint())
    assert unowned()
    dialog.show()
    keep_on_screen(dialog)
    assert unowned()
    place_beside(dialog, map_view)
    assert unowned()
    assert screen_of(dialog) is QGuiApplication.primaryScreen() and unowned()
    assert available_area(dialog) == QGuiApplication.primaryScreen().availableGeometry()


def test_a_dialog_not_yet_shown_is_sized_for_the_screen_of_the_window_it_opens_over(
    qtbot,
) -> None:
    """A dialog fits itself to the screen as it is built, before it is shown: the screen is the
    one its (shown) parent window is on, not wherever an unshown window says it is."""
    from PySide6.QtWidgets import QDialog

    from hongtu.qt.window_state import placed_window

    window = QWidget()
    qtbot.addWidget(window)
    window.setGeometry(QRect(300, 200, 600, 400))
    window.show()
    dialog = QDialog(QWidget(window))  # built from a pane inside the window
    assert placed_window(dialog) is window
    dialog.show()
    qtbot.addWidget(dialog)
    assert placed_window(dialog) is dialog
