"""Pasting a coordinate in 更正位置 and 添加地点: Enter only shows it, and saving only ever saves
the point the organiser saw on the map (a later edit or another coordinate system drops it)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from factories import make_site
from hongtu.core.coords import bd09_to_wgs84, gcj02_to_wgs84, to_wgs84
from hongtu.core.geo import Crs, LatLon
from hongtu.qt.place_dialog import PlaceDialog
from hongtu.qt.position_dialog import PositionDialog
from test_plan_gui import type_text

pytestmark = pytest.mark.gui

PASTED = "112.5520,37.8770"
GIVEN = LatLon(37.8770, 112.5520)


def shown_dialog(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def saves_of(dialog) -> list[tuple]:
    saved: list[tuple] = []
    dialog.save_requested.connect(lambda *args: saved.append(args))
    return saved


def paste_and_press_enter(dialog, text: str) -> None:
    dialog.paste.setFocus()
    dialog.paste.selectAll()
    QTest.keyClicks(dialog.paste, text)
    QTest.keyClick(dialog.paste, Qt.Key.Key_Return)


def test_enter_in_the_correction_paste_box_shows_the_point_and_saves_nothing(qtbot) -> None:
    dialog = shown_dialog(qtbot, PositionDialog(make_site()))
    saved = saves_of(dialog)
    shown: list[LatLon] = []
    dialog.candidate_changed.connect(shown.append)
    paste_and_press_enter(dialog, PASTED)
    assert shown == [gcj02_to_wgs84(GIVEN)]  # 在地图上显示
    assert dialog.save_button.isEnabled()
    QTest.keyClick(dialog.paste, Qt.Key.Key_Return)  # a second Enter does not save either
    assert saved == []
    assert dialog.isVisible()
    dialog.save_button.click()
    assert saved == [(gcj02_to_wgs84(GIVEN), Crs.GCJ02.value)]


def test_enter_in_add_place_boxes_saves_nothing(qtbot) -> None:
    dialog = shown_dialog(qtbot, PlaceDialog())
    saved = saves_of(dialog)
    dialog.name.setFocus()
    type_text(dialog.name, "某村党史馆")
    paste_and_press_enter(dialog, PASTED)
    assert dialog.candidate == gcj02_to_wgs84(GIVEN) and dialog.save_button.isEnabled()
    QTest.keyClick(dialog.paste, Qt.Key.Key_Enter)
    dialog.query.setFocus()
    QTest.keyClick(dialog.query, Qt.Key.Key_Return)  # 查找 with nothing typed: says so
    assert saved == []
    assert "请输入要查找的地址" in dialog.status.text()
    dialog.save_button.click()
    assert [args[:3] for args in saved] == [("某村党史馆", gcj02_to_wgs84(GIVEN), "gcj02")]


@pytest.mark.parametrize("make", [lambda: PositionDialog(make_site()), PlaceDialog])
def test_garbage_after_a_good_paste_cannot_save_the_old_point(qtbot, make) -> None:
    dialog = shown_dialog(qtbot, make())
    if isinstance(dialog, PlaceDialog):
        dialog.name.setText("某村党史馆")
    saved = saves_of(dialog)
    paste_and_press_enter(dialog, PASTED)
    assert dialog.save_button.isEnabled()
    dialog.paste.selectAll()
    type_text(dialog.paste, "hello 世界")
    assert not dialog.save_button.isEnabled()  # the typed text is not what was shown
    QTest.keyClick(dialog.paste, Qt.Key.Key_Return)
    assert not dialog.save_button.isEnabled()
    dialog.save_button.click()
    assert saved == []


@pytest.mark.parametrize("make", [lambda: PositionDialog(make_site()), PlaceDialog])
def test_another_coordinate_system_reads_the_paste_again(qtbot, make) -> None:
    dialog = shown_dialog(qtbot, make())
    if isinstance(dialog, PlaceDialog):
        dialog.name.setText("某村党史馆")
    saved = saves_of(dialog)
    shown: list[LatLon] = []
    dialog.candidate_changed.connect(shown.append)
    paste_and_press_enter(dialog, PASTED)
    dialog.crs.set_crs(Crs.BD09)
    assert shown[-1] == bd09_to_wgs84(GIVEN)  # the map shows the new reading
    assert "BD-09" in (getattr(dialog, "result_label", None) or dialog.status).text()
    dialog.save_button.click()
    point_and_crs = saved[0][1:3] if isinstance(dialog, PlaceDialog) else saved[0]
    assert point_and_crs == (bd09_to_wgs84(GIVEN), Crs.BD09.value)


@pytest.mark.parametrize(
    ("pasted", "words"),
    [
        ("12529000.12,4534000.56", "墨卡托坐标"),  # 百度's own metres, not degrees
        ("https://surl.amap.com/2aB3cDeF", "短链接需要联网打开"),  # never opened
        ("【高德地图】太原解放纪念馆 https://surl.amap.com/2aB3cDeF", "短链接需要联网打开"),
        ("https://www.amap.com/place/B0FFFAB6J2", "从这个网址读不出位置"),
    ],
)
@pytest.mark.parametrize("make", [lambda: PositionDialog(make_site()), PlaceDialog])
def test_a_paste_that_is_not_two_degrees_says_what_to_paste(qtbot, make, pasted, words) -> None:
    dialog = shown_dialog(qtbot, make())
    paste_from_clipboard(dialog, pasted)
    status = (getattr(dialog, "result_label", None) or dialog.status).text()
    assert words in status and "112.5489,37.8706" in status  # an example of what works
    assert "不在中国境内" not in status  # each is a place in Taiyuan, in another form
    assert not dialog.save_button.isEnabled()


def paste_from_clipboard(dialog, text: str) -> None:
    """Ctrl+V in the paste box, then Enter, as an organiser pastes a copied link."""
    QApplication.clipboard().setText(text)
    dialog.paste.setFocus()
    dialog.paste.selectAll()
    QTest.keyClick(dialog.paste, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert dialog.paste.text() == text
    QTest.keyClick(dialog.paste, Qt.Key.Key_Return)


LINKED = LatLon(37.8706, 112.5489)  # what the links below hold


@pytest.mark.parametrize(
    ("pasted", "crs", "said"),
    [
        ("https://uri.amap.com/marker?position=112.5489,37.8706&name=单位门口&src=mypage",
         Crs.GCJ02, "高德地图链接：经度 112.5489，纬度 37.8706（GCJ-02）"),
        ("http://api.map.baidu.com/marker?location=37.8706,112.5489&title=单位门口&output=html",
         Crs.BD09, "百度地图链接：经度 112.5489，纬度 37.8706（BD-09）"),
        ("https://www.openstreetmap.org/?mlat=37.8706&mlon=112.5489#map=17/37.87/112.55",
         Crs.WGS84, "OpenStreetMap链接：经度 112.5489，纬度 37.8706（WGS-84）"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("make", [lambda: PositionDialog(make_site()), PlaceDialog])
def test_a_map_link_is_read_in_the_system_it_states(qtbot, make, pasted, crs, said) -> None:
    dialog = shown_dialog(qtbot, make())
    if isinstance(dialog, PlaceDialog):
        dialog.name.setText("单位门口")
    saved = saves_of(dialog)
    shown: list[LatLon] = []
    dialog.candidate_changed.connect(shown.append)
    other = Crs.WGS84 if crs is not Crs.WGS84 else Crs.BD09
    dialog.crs.set_crs(other)  # chosen before: the link says which system it is in
    paste_from_clipboard(dialog, pasted)
    assert shown == [to_wgs84(LINKED, crs)]  # 在地图上显示, converted from the link's system
    assert dialog.crs.crs() is crs and not dialog.crs.isEnabled()  # shown, not a choice
    status = (getattr(dialog, "result_label", None) or dialog.status).text()
    assert said in status and "保存为 WGS-84" in status
    dialog.save_button.click()
    point_and_crs = saved[0][1:3] if isinstance(dialog, PlaceDialog) else saved[0]
    assert point_and_crs == (to_wgs84(LINKED, crs), crs.value)


@pytest.mark.parametrize("make", [lambda: PositionDialog(make_site()), PlaceDialog])
def test_after_a_link_two_numbers_are_read_in_the_system_chosen(qtbot, make) -> None:
    dialog = shown_dialog(qtbot, make())
    shown: list[LatLon] = []
    dialog.candidate_changed.connect(shown.append)
    paste_from_clipboard(dialog, "https://uri.amap.com/marker?position=112.5489,37.8706")
    assert not dialog.crs.isEnabled()
    dialog.paste.selectAll()
    QTest.keyClicks(dialog.paste, PASTED)  # typing gives the choice back
    assert dialog.crs.isEnabled() and not dialog.save_button.isEnabled()
    dialog.crs.set_crs(Crs.BD09)
    QTest.keyClick(dialog.paste, Qt.Key.Key_Return)
    assert shown[-1] == bd09_to_wgs84(GIVEN)
