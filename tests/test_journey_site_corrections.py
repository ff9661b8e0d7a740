"""Journey: the district office sends a site-corrections file; the organiser imports it in the
window (文件 → 导入核实信息…), leaves one value, takes the rest, and sees the moved marker and
where each fact came from in the details panel. The dialog fits a 1366×768 laptop in Chinese
and in English.
"""

from __future__ import annotations

import json
from datetime import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QFileDialog,
    QInputDialog,
    QMessageBox,
)

from gui_helpers import run_js
from hongtu.core.corrections_review import review_corrections
from hongtu.core.geo import Crs, LatLon
from hongtu.core.settings import load_settings
from hongtu.core.site_corrections import read_corrections
from hongtu.core.sites import VisitRules
from hongtu.core.workspace import open_workspace
from hongtu.corrections_files import export_corrections_file
from hongtu.qt.corrections_dialog import CorrectionsDialog
from hongtu.qt.plan_import_dialog import Column
from hongtu.qt.window_state import available_area
from journey_helpers import BoxAnswers, drop, journey_window, tr, when_modal

pytestmark = [pytest.mark.gui, pytest.mark.webengine]

OFFICE = "杏花岭区委组织部 王芳"
MOVED = LatLon(37.8864, 112.5702)
RULES = VisitRules(opens=time(9), closes=time(17), closed_weekdays=frozenset({0}))


def office_file(tmp_path: Path) -> tuple[Path, list[str]]:
    """The office moved one site, confirmed another's rules and phone, and added a place."""
    office = open_workspace(str(tmp_path / "office.sqlite3"))
    try:
        sites = [s for s in office.sites.list_sites() if s.key and s.position][:2]
        office.sites.set_position(sites[0].id, MOVED, Crs.WGS84)
        office.sites.set_rules(sites[1].id, RULES)
        office.sites.set_fact(sites[1].id, "phone", "0351-4040123")
        office.sites.add_place("太原工程队旧址", LatLon(37.886861, 112.570972), Crs.WGS84)
        path = tmp_path / "区里核实.json"
        assert export_corrections_file(path, office.sites, OFFICE).count == 3
        return path, [s.key or "" for s in sites]
    finally:
        office.close()


def test_import_leave_one_value_take_the_rest_and_see_where_facts_came_from(
    qtbot, tmp_path, monkeypatch
) -> None:
    path, keys = office_file(tmp_path)
    with journey_window(qtbot, str(tmp_path / "branch.sqlite3")) as (window, controller):
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
        )
        seen: dict[str, object] = {}

        def choose(dialog) -> None:  # type: ignore[no-untyped-def]
            assert isinstance(dialog, CorrectionsDialog)
            table = dialog.table
            rows = {
                (table.item(r, Column.SITE).text(), table.item(r, Column.FIELD).text()): r
                for r in range(table.rowCount())
            }
            seen["rows"] = set(rows)
            seen["source"] = table.item(0, Column.SOURCE).text()
            # leave the phone number: click its checkbox, as a person would
            phone_row = next(r for (_site, field), r in rows.items() if field == "电话")
            table.scrollToItem(table.item(phone_row, Column.TAKE))
            cell = table.visualItemRect(table.item(phone_row, Column.TAKE))
            QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
            if dialog.taken(phone_row):  # the click landed beside the box: use the keyboard
                table.setCurrentCell(phone_row, Column.TAKE)
                QTest.keyClick(table, Qt.Key.Key_Space)
            assert not dialog.taken(phone_row)
            qtbot.mouseClick(dialog.take_button, Qt.MouseButton.LeftButton)

        when_modal(choose)
        action = window.site_editing.import_corrections_action
        assert action in window.file_menu.actions() and action.isEnabled()
        action.trigger()

        names = {key: next(s.name for s in window.sites() if s.key == key) for key in keys}
        assert seen["rows"] == {
            (names[keys[0]], "位置"),
            (names[keys[1]], "电话"),
            (names[keys[1]], "开放规则"),
            ("太原工程队旧址", "新地点"),
        }
        assert OFFICE in str(seen["source"])
        assert "已采用 2 处核实信息，新增 1 个地点" in window.statusBar().currentMessage()

        moved = next(s for s in window.sites() if s.key == keys[0])
        drawn = LatLon(*json.loads(run_js(qtbot, window, "markerLatLng", moved.id)))
        assert drawn.lat == pytest.approx(MOVED.lat, abs=1e-6)
        assert drawn.lon == pytest.approx(MOVED.lon, abs=1e-6)

        window.select_site(moved.id)
        details = window.details.toPlainText()
        assert f"{MOVED.lat:.5f}, {MOVED.lon:.5f}" in details and OFFICE in details

        confirmed = next(s for s in window.sites() if s.key == keys[1])
        window.select_site(confirmed.id)
        details = window.details.toPlainText()
        assert "09:00" in details and OFFICE in details and "来源" in details
        assert "0351-4040123" not in details  # left, so still unknown here
        stored = controller.workspace.sites.get(confirmed.id)
        assert stored.phone.value is None and stored.rules == RULES
        assert any(s.name == "太原工程队旧址" and s.key is None for s in window.sites())


def test_a_broken_file_is_refused_with_the_message_the_cli_gives(
    qtbot, tmp_path, monkeypatch, capsys
) -> None:
    from hongtu.cli import main

    path, _keys = office_file(tmp_path)
    document = json.loads(path.read_text("utf-8"))
    document["corrections"][0]["position"]["lat"] = 91
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    with journey_window(qtbot, str(tmp_path / "branch.sqlite3")) as (window, controller):
        before = controller.workspace.sites.list_edits()
        answers = BoxAnswers()
        answers.answer(lambda box: box.button(QMessageBox.StandardButton.Ok))
        assert window.site_editing.import_corrections(path) is False
        assert len(answers.seen) == 1 and "第 1 条" in answers.seen[0]
        assert controller.workspace.sites.list_edits() == before
    assert main(["--db", str(tmp_path / "cli.sqlite3"), "sites", "import-corrections", str(path)])
    assert answers.seen[0] in capsys.readouterr().err


def test_the_dialog_fits_a_laptop_screen_and_ticks_all_or_none(qtbot, tmp_path, lang) -> None:
    path, _keys = office_file(tmp_path)
    branch = open_workspace(str(tmp_path / "branch.sqlite3"))
    try:
        review = review_corrections(read_corrections(path.read_bytes()), branch.sites.list_sites())
    finally:
        branch.close()
    dialog = CorrectionsDialog(review)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    area = available_area(dialog)
    assert area.width() == 1366
    assert area.contains(dialog.frameGeometry())
    for button in dialog.findChildren(QAbstractButton):
        if button.isVisible() and button.text():
            assert button.width() + 1 >= button.sizeHint().width(), (lang, button.text())
    header = dialog.table.horizontalHeaderItem(Column.SOURCE).text()
    assert header == tr("PlanImportDialog", "核实来源")
    if lang == "en":
        assert header == "Verified by"
    metrics = dialog.table.horizontalHeader().fontMetrics()
    assert metrics.horizontalAdvance(header) < dialog.table.columnWidth(Column.SOURCE)
    for row in range(dialog.table.rowCount()):  # rows fit their wrapped text, no more
        assert dialog.table.rowHeight(row) < 8 * metrics.height(), (lang, row)
    qtbot.mouseClick(dialog.select_none, Qt.MouseButton.LeftButton)
    assert dialog.chosen() == ([], [])
    qtbot.mouseClick(dialog.select_all, Qt.MouseButton.LeftButton)
    differences, places = dialog.chosen()
    assert len(differences) == 3 and len(places) == 1
    dialog.grab().save(str(tmp_path / f"corrections-{lang}.png"))


def test_export_from_the_file_menu_asks_who_confirmed_and_remembers_the_name(
    qtbot, tmp_path, monkeypatch
) -> None:
    target = tmp_path / "我的核实信息.json"
    asked: list[str] = []

    def ask_name(_parent, _title, _label, _mode, text):  # type: ignore[no-untyped-def]
        asked.append(text)
        return "机关第一党支部 李明", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(ask_name))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    with journey_window(qtbot, str(tmp_path / "branch.sqlite3")) as (window, controller):
        site = next(s for s in window.sites() if s.key and s.position)
        window.update_site(controller.workspace.sites.set_fact(site.id, "admission", "免费"))
        action = window.site_editing.export_corrections_action
        assert action in window.file_menu.actions()
        keys = [
            a.text().split("&")[1][0].lower() for a in window.file_menu.actions() if "&" in a.text()
        ]
        assert len(keys) == len(set(keys)), keys  # Alt+F then one letter reaches each item
        action.trigger()
        assert asked == [""]  # nobody remembered yet
        document = json.loads(target.read_text("utf-8"))
        [entry] = document["corrections"]
        assert entry["site"]["key"] == site.key and entry["facts"] == {"admission": "免费"}
        assert entry["confirmed_by"] == "机关第一党支部 李明"
        assert "已导出 1 条核实信息" in window.statusBar().currentMessage()
        assert load_settings().confirmer_name == "机关第一党支部 李明"
        action.trigger()
        assert asked[-1] == "机关第一党支部 李明"  # offered next time


def test_a_dropped_corrections_file_opens_the_corrections_dialog_not_the_plan_import(
    qtbot, tmp_path
) -> None:
    path, keys = office_file(tmp_path)
    with journey_window(qtbot, str(tmp_path / "branch.sqlite3")) as (window, controller):
        shown: list[object] = []

        def take_all(dialog) -> None:  # type: ignore[no-untyped-def]
            shown.append(dialog)
            qtbot.mouseClick(dialog.take_button, Qt.MouseButton.LeftButton)

        when_modal(take_all)
        drop(window, path)
        assert len(shown) == 1 and isinstance(shown[0], CorrectionsDialog)
        assert window.plan_ui.session.plan is None  # not read as a plan
        moved = controller.workspace.sites.list_sites()
        assert any(s.key == keys[0] and s.provenance_of("position") for s in moved)
