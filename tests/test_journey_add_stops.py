"""Journey 1: an organiser adds stops by typing, by choosing a suggestion with the mouse, from the
site list and from the map — in a 1366×768 window, in Chinese and in English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gui_helpers import run_js
from hongtu.core.search import best_match
from hongtu.qt.plan_models import StopColumn
from journey_helpers import (
    LONG_TITLE,
    TIMEOUT,
    BoxAnswers,
    click,
    click_at,
    ime_type,
    journey_window,
    new_plan_by_mouse,
    no_chinese,
    tr,
)

pytestmark = [pytest.mark.gui, pytest.mark.webengine]

JIEFANG = "太原解放纪念馆"
GAO = "高君宇故居"
BALU = "八路军驻晋办事处旧址"
GUOSHI = "山西国民师范旧址革命活动纪念馆"
PENGZHEN = "中共太原支部旧址"


def stop_names(window) -> list[str]:
    model = window.plan_ui.editor.stops_model
    return [model.index(r, StopColumn.PLACE).data() for r in range(model.rowCount())]


def site_id(window, name: str) -> int:
    return next(s.id for s in window.site_model.sites() if s.name == name)


def type_and_enter(qtbot, window, text: str, *, chinese: bool) -> None:
    box = window.plan_ui.editor.stop_search
    click(qtbot, box)
    if chinese:
        ime_type(box, text)
    else:
        qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_typed_names_aliases_and_initials_each_add_one_stop_and_the_box_stays_ready(
    qtbot, tmp_path, lang, monkeypatch
) -> None:
    with journey_window(qtbot, str(tmp_path / "a.sqlite3")) as (window, _controller):
        ui = window.plan_ui
        editor = ui.editor
        new_plan_by_mouse(qtbot, window)
        click(qtbot, editor.title)
        editor.title.selectAll()
        ime_type(editor.title, LONG_TITLE)
        editor.flush()
        assert ui.session.plan.title == LONG_TITLE

        # 1 a full name through the input method, Enter
        type_and_enter(qtbot, window, JIEFANG, chinese=True)
        assert stop_names(window) == [JIEFANG]
        assert editor.stop_search.text() == "" and editor.stop_search.hasFocus()
        # 2 pinyin initials typed on the keyboard, Enter (the popup is open: Enter still adds one)
        type_and_enter(qtbot, window, "gjygj", chinese=False)
        assert stop_names(window) == [JIEFANG, GAO]
        assert editor.stop_search.text() == ""
        # 3 a suggestion chosen with the mouse
        click(qtbot, editor.stop_search)
        ime_type(editor.stop_search, "八路军")
        popup = editor.completer.popup()
        qtbot.waitUntil(popup.isVisible, timeout=TIMEOUT)
        first = popup.model().index(0, 0)
        assert first.data() == BALU
        click_at(qtbot, popup.viewport(), popup.visualRect(first))
        assert stop_names(window) == [JIEFANG, GAO, BALU]
        assert editor.stop_search.text() == "" and not popup.isVisible()
        # 4 the box still adds after a mouse-chosen completion: an alias, Enter
        type_and_enter(qtbot, window, "国师纪念馆", chinese=True)
        assert stop_names(window) == [JIEFANG, GAO, BALU, GUOSHI]  # four typed, four stops
        assert editor.stop_search.text() == ""
        # the new stop is the selected one, at the end
        assert editor.selected_stop_id() == ui.session.plan.stops[-1].id
        added = tr("PlanUi", "已加入第 {0} 站：{1}").format(4, GUOSHI)
        assert window.statusBar().currentMessage() == added

        # text that matches nothing stays in the box and says so
        type_and_enter(qtbot, window, "zzzz", chinese=False)
        assert len(stop_names(window)) == 4 and editor.stop_search.text() == "zzzz"
        assert editor.search_problem.isVisible()
        assert ("zzzz" in editor.search_problem.text()) and (
            lang != "en" or no_chinese(editor.search_problem.text().replace("zzzz", ""))
        )
        editor.stop_search.clear()

        # the organiser chooses a place: click stop 1, then add — it goes in as stop 2
        view = editor.stops_view
        rect = view.visualRect(editor.stops_model.index(0, StopColumn.PLACE))
        click_at(qtbot, view.viewport(), rect)
        type_and_enter(qtbot, window, PENGZHEN, chinese=True)
        assert stop_names(window) == [JIEFANG, PENGZHEN, GAO, BALU, GUOSHI]
        assert editor.selected_stop_id() == ui.session.plan.stops[1].id

        # a site already in the plan: asked first; No keeps the plan, Yes adds it again
        answers = BoxAnswers()
        answers.no()
        type_and_enter(qtbot, window, JIEFANG, chinese=True)
        assert len(stop_names(window)) == 5
        assert JIEFANG in answers.seen[-1]
        if lang == "en":
            assert no_chinese(answers.seen[-1].replace(JIEFANG, ""))
        answers.yes()
        type_and_enter(qtbot, window, JIEFANG, chinese=True)
        assert stop_names(window).count(JIEFANG) == 2

        # the site list and the marker popup say 已在方案中
        in_plan = tr("MainWindow", "已在方案中")
        row = window.site_model.row_of(site_id(window, GAO))
        assert (
            tr("SiteModel", "{0}（已在方案中）").format(GAO)
            == window.site_model.index(row, 0).data()
        )
        other = window.site_model.row_of(site_id(window, "刘胡兰纪念馆"))
        assert window.site_model.index(other, 0).data() == "刘胡兰纪念馆"
        qtbot.waitUntil(
            lambda: in_plan in (run_js(qtbot, window, "popupText", site_id(window, GAO)) or ""),
            timeout=TIMEOUT,
        )
        assert in_plan not in run_js(qtbot, window, "popupText", site_id(window, "刘胡兰纪念馆"))
        if lang == "en":
            assert no_chinese(in_plan)


def test_add_to_plan_with_no_plan_open_offers_to_create_one(qtbot, tmp_path, lang) -> None:
    with journey_window(qtbot, str(tmp_path / "b.sqlite3")) as (window, _controller):
        ui = window.plan_ui
        assert ui.session.plan is None
        window.select_site(site_id(window, JIEFANG))
        answers = BoxAnswers()
        answers.yes()
        with qtbot.waitSignal(ui.session.plan_changed, timeout=TIMEOUT):
            click(qtbot, ui.add_site_button)  # 加入方案
        assert JIEFANG in answers.seen[-1]
        assert ui.session.plan is not None and stop_names(window) == [JIEFANG]
        assert ui.right_tabs.currentWidget() is ui.plan_pane
        # from the map popup, into the open plan, at the end
        with qtbot.waitSignal(ui.session.plan_changed, timeout=TIMEOUT):
            window.map_view.bridge.add_stop_requested.emit(site_id(window, GAO))
        assert stop_names(window) == [JIEFANG, GAO]


def test_the_best_match_is_what_the_popup_shows_first() -> None:
    sites = [(1, GAO, "高君宇故居 gaojunyuguju gjygj"), (2, "高君宇纪念广场", "x gjyjngc")]
    assert best_match(sites, "gjy") == 1  # the shorter name of two equal prefixes
    assert best_match(sites, "gjyjngc") == 2  # exact initials beat a prefix
    assert best_match(sites, "nothing") is None
