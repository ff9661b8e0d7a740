"""Finding and choosing a site with the map beside the list, as an organiser does at 1366×768:
a search narrows the map as well as the list, a click on the marker that was found chooses it
and keeps the search, a filter never chooses a site for the organiser, and a place just added
is the one chosen."""

from __future__ import annotations

import json
from itertools import pairwise

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox

from gui_helpers import MAP_TIMEOUT_MS, map_state, run_js
from journey_helpers import TIMEOUT, click, ime_type, journey_window

pytestmark = [pytest.mark.gui, pytest.mark.webengine]

BALUJUN = "八路军驻晋办事处旧址"
EXHIBITION = "中国共产党太原历史展览馆"  # 迎泽区, drawn near 八路军驻晋办事处旧址


def site_named(window, name: str):  # type: ignore[no-untyped-def]
    return next(s for s in window.site_model.sites() if s.name == name)


def listed(window) -> list[str]:  # type: ignore[no-untyped-def]
    proxy = window.site_list.proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def pin_centre(qtbot, window, name: str) -> QPoint:  # type: ignore[no-untyped-def]
    """Where the site's marker (titled with its name) is drawn, in the map view's pixels."""
    with qtbot.waitCallback(timeout=MAP_TIMEOUT_MS) as callback:
        window.map_view.page().runJavaScript(
            "JSON.stringify(Array.prototype.filter.call("
            "document.querySelectorAll('.leaflet-marker-pane .leaflet-marker-icon'),"
            f" function (n) {{ return n.title === {json.dumps(name)}; }})"
            ".map(function (n) { var r = n.getBoundingClientRect();"
            " return [r.left + r.width / 2, r.top + r.height / 2]; })[0])",
            0,
            callback,
        )
    x, y = json.loads(callback.args[0])
    return QPoint(round(x), round(y))


def click_map(window, at: QPoint) -> None:  # type: ignore[no-untyped-def]
    """A real mouse click on the map (Chromium's own input events)."""
    QTest.mouseClick(window.map_view.focusProxy(), Qt.MouseButton.LeftButton, pos=at)


def test_clicking_the_marker_a_search_found_chooses_it_and_keeps_the_search(
    qtbot, tmp_path
) -> None:
    with journey_window(qtbot, str(tmp_path / "search.sqlite3")) as (window, _controller):
        found, covering = site_named(window, BALUJUN), site_named(window, EXHIBITION)
        ime_type(window.site_list.search, "八路军太原办事处旧址")  # its other name
        assert listed(window) == [BALUJUN]
        qtbot.waitUntil(lambda: covering.id in map_state(qtbot, window)["hidden"], timeout=TIMEOUT)
        # at the opening zoom the dimmed 展览馆 lies on the found marker; it stays beneath it
        assert run_js(qtbot, window, "markerOnTop", found.id)
        with qtbot.waitSignal(window.site_selected, timeout=TIMEOUT) as chosen:
            click_map(window, pin_centre(qtbot, window, BALUJUN))
        assert chosen.args == [found.id]
        assert window.site_list.search.text() == "八路军太原办事处旧址"  # the search stands
        assert listed(window) == [BALUJUN]
        assert BALUJUN in window.details.toPlainText()
        assert EXHIBITION not in window.details.toPlainText()


def test_a_filter_that_hides_the_chosen_site_chooses_no_other(qtbot, tmp_path) -> None:
    with journey_window(qtbot, str(tmp_path / "filter.sqlite3")) as (window, _controller):
        exhibition = site_named(window, EXHIBITION)
        window.select_site(exhibition.id)
        qtbot.waitUntil(
            lambda: map_state(qtbot, window)["selected"] == exhibition.id, timeout=TIMEOUT
        )
        chosen: list[int] = []
        window.site_selected.connect(chosen.append)
        combo = window.site_list.district
        combo.setFocus()
        while combo.currentText() != "杏花岭区":  # chosen with the keyboard, as a person may
            QTest.keyClick(combo, Qt.Key.Key_Down)
        assert EXHIBITION not in listed(window) and listed(window)
        assert chosen == []  # no site the organiser never picked
        assert window.site_list.selected_site_id() is None
        assert EXHIBITION not in window.details.toPlainText()
        assert window.details.toPlainText().startswith("在列表或地图上选择")
        qtbot.waitUntil(lambda: map_state(qtbot, window)["selected"] is None, timeout=TIMEOUT)
        assert window.site_editing is not None
        assert not window.site_editing.correct_action.isEnabled()  # nothing chosen to correct


def test_a_place_just_saved_is_the_one_chosen(qtbot, tmp_path) -> None:
    with journey_window(qtbot, str(tmp_path / "place.sqlite3")) as (window, _controller):
        window.select_site(site_named(window, "太原工程队旧址").id)
        assert window.site_editing is not None
        window.site_editing.add_action.trigger()
        dialog = window.site_editing.adding.dialog
        assert dialog is not None and dialog.isVisible()
        ime_type(dialog.name, "单位门口")
        ime_type(dialog.paste, "112.5489,37.8706")
        click(qtbot, dialog.paste_button)
        click(qtbot, dialog.save_button)
        added = site_named(window, "单位门口")
        assert window.site_list.selected_site_id() == added.id
        assert window.details.toPlainText().startswith("单位门口")
        assert "太原工程队旧址" not in window.details.toPlainText()
        qtbot.waitUntil(lambda: map_state(qtbot, window)["selected"] == added.id, timeout=TIMEOUT)
        assert window.site_editing.correct_action.isEnabled()  # its actions apply to it


def test_a_place_saved_while_planning_is_shown_in_the_list_and_its_details(
    qtbot, tmp_path
) -> None:
    """Added with the 方案 and 当前方案 tabs in front, the new place was chosen in a list and a
    details pane no one could see; its row and its details come forward, the map on it."""
    with journey_window(qtbot, str(tmp_path / "planning.sqlite3")) as (window, _controller):
        ui = window.plan_ui
        assert ui is not None and window.site_editing is not None
        for tabs, page in ((ui.left_tabs, ui.plan_list), (ui.right_tabs, ui.plan_pane)):
            bar = tabs.tabBar()
            qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
            assert tabs.currentWidget() is page
        run_js(qtbot, window, "setView", 37.70, 112.40, 15)  # looking elsewhere
        window.site_editing.add_action.trigger()
        dialog = window.site_editing.adding.dialog
        assert dialog is not None
        ime_type(dialog.name, "单位门口")
        ime_type(dialog.paste, "112.5489,37.8706")
        click(qtbot, dialog.paste_button)
        run_js(qtbot, window, "setView", 37.70, 112.40, 15)  # and looked away again
        click(qtbot, dialog.save_button)
        added = site_named(window, "单位门口")
        assert ui.left_tabs.currentWidget() is window.site_list
        assert ui.right_tabs.currentWidget() is window.details
        table = window.site_list.table
        assert table.isVisible() and window.site_list.selected_site_id() == added.id
        assert table.viewport().rect().intersects(table.visualRect(table.currentIndex()))
        assert window.details.isVisible()
        assert window.details.toPlainText().startswith("单位门口")

        def centred() -> bool:
            lat, lon = map_state(qtbot, window)["center"]
            return abs(lat - 37.87) < 0.01 and abs(lon - 112.54) < 0.01  # (shown in WGS-84)

        qtbot.waitUntil(centred, timeout=TIMEOUT)


def test_the_add_place_dialog_opens_beside_the_map_with_room_to_type(qtbot, tmp_path, lang) -> None:
    with journey_window(qtbot, str(tmp_path / "room.sqlite3")) as (window, _controller):
        assert window.site_editing is not None
        window.site_editing.add_action.trigger()
        dialog = window.site_editing.adding.dialog
        assert dialog is not None and dialog.isVisible()
        view = window.map_view
        map_rect = QRect(view.mapToGlobal(QPoint(0, 0)), view.size())
        assert not dialog.frameGeometry().intersects(map_rect)  # the map stays free to click
        ime_type(dialog.query, "太原市迎泽区迎泽大街1号")
        for box in (dialog.query, dialog.paste):  # what is typed there is seen whole
            wanted = max(
                box.fontMetrics().horizontalAdvance(text)
                for text in (box.text(), box.placeholderText())
            )
            assert wanted + 12 <= box.width(), (box.placeholderText(), box.width())
        if lang != "en":  # the coordinate systems' names are read whole
            assert text_room(dialog.crs) >= dialog.crs.fontMetrics().horizontalAdvance(
                dialog.crs.currentText()
            ), (dialog.crs.width(), dialog.width())
        dialog.close()


def text_room(combo: QComboBox) -> int:
    """How wide a text a closed combo box shows without eliding it."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


def test_districts_are_offered_in_pinyin_order_and_the_file_menu_in_groups(qtbot, tmp_path) -> None:
    with journey_window(qtbot, str(tmp_path / "order.sqlite3")) as (window, _controller):
        combo = window.site_list.district
        names = [combo.itemText(i) for i in range(1, combo.count())]
        assert names[:4] == ["古交市", "娄烦县", "文水县", "五台县"]  # gu, lou, wen, wu…
        assert names[-3:] == ["杏花岭区", "阳曲县", "迎泽区"]  # …xing, yang, ying
        entries = window.file_menu.actions()
        separators = [a for a in entries if a.isSeparator()]
        commands = [a for a in entries if not a.isSeparator()]
        assert len(commands) >= 7 and len(separators) <= 4  # a line between groups only
        assert not any(a.isSeparator() and b.isSeparator() for a, b in pairwise(entries))
        assert entries[-2].isSeparator() and entries[-1] is commands[-1]  # … | 退出


def test_a_place_the_organiser_added_says_added_not_corrected(qtbot, tmp_path) -> None:
    with journey_window(qtbot, str(tmp_path / "added.sqlite3")) as (window, _controller):
        assert window.site_editing is not None
        window.site_editing.add_action.trigger()
        dialog = window.site_editing.adding.dialog
        assert dialog is not None
        ime_type(dialog.name, "单位门口")
        ime_type(dialog.paste, "112.5489,37.8706")
        click(qtbot, dialog.paste_button)
        click(qtbot, dialog.save_button)
        details = window.details.toPlainText()
        assert "组织者添加于" in details and "更正" not in details
