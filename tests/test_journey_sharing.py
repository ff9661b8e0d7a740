"""Journey: a colleague sends a plan file; the organiser imports it in the window (menu or drop),
sees where the colleague's corrected sites differ from the local catalogue and takes some.
"""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui_helpers import close_main_window, open_main_window
from hongtu.cli import main as cli_main
from hongtu.core.geo import Crs, LatLon
from hongtu.core.planfile import dump_plan
from hongtu.core.plans import GatheringPoint, Plan, Stop, TransportMode
from hongtu.core.sites import PositionOrigin, VisitRules
from hongtu.core.workspace import open_workspace
from hongtu.qt.plan_import_dialog import Column, SiteDifferencesDialog
from journey_helpers import drop, when_modal

pytestmark = [pytest.mark.gui, pytest.mark.webengine]

LONG_TITLE = ("学习贯彻党的二十大精神重温入党誓词传承红色基因" * 6)[:120]
MOVED = LatLon(37.8801, 112.5702)
RULES = VisitRules(
    opens=time(9, 0), closes=time(17, 0), closed_weekdays=frozenset({0}), max_group_size=40
)


def senders_file(tmp_path: Path) -> tuple[Path, list[str]]:
    """A colleague's plan: two catalogue sites, one moved and one with confirmed rules."""
    sender = open_workspace(str(tmp_path / "sender.sqlite3"))
    try:
        sites = [s for s in sender.sites.list_sites() if s.key and s.position][:2]
        sender.sites.set_position(sites[0].id, MOVED, Crs.GCJ02)
        sender.sites.set_rules(sites[1].id, RULES)
        plan = Plan(
            title=LONG_TITLE,
            date=date(2026, 7, 1),
            participants=30,
            transport=TransportMode.COACH,
            gathering=GatheringPoint(),
            gathering_time=time(8, 0),
            stops=[Stop(site_id=sites[0].id), Stop(site_id=sites[1].id)],
        )
        by_id = {s.id: s for s in sender.sites.list_sites()}
        path = tmp_path / "来自同事.hongtu.json"
        path.write_text(dump_plan(plan, by_id), "utf-8")
        return path, [s.key or "" for s in sites]
    finally:
        sender.close()


def site_by_key(window, key: str):  # type: ignore[no-untyped-def]
    return next(s for s in window.site_model.sites() if s.key == key)


def test_import_from_the_file_menu_and_choose_which_corrections_to_take(
    qtbot, tmp_path, monkeypatch
) -> None:
    path, keys = senders_file(tmp_path)
    window, controller = open_main_window(qtbot, str(tmp_path / "me.sqlite3"))
    try:
        window.resize(1366, 740)
        before = {key: site_by_key(window, key) for key in keys}
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
        )
        seen: dict[str, object] = {}

        def choose(dialog) -> None:  # type: ignore[no-untyped-def]
            assert isinstance(dialog, SiteDifferencesDialog)
            table = dialog.table
            rows = {table.item(r, Column.FIELD).text(): r for r in range(table.rowCount())}
            seen["rows"] = {
                field: (table.item(r, Column.SITE).text(), table.item(r, Column.THEIRS).text())
                for field, r in rows.items()
            }
            # leave the rules: focus that row's checkbox and press Space, as a person would
            table.setCurrentCell(rows["开放规则"], Column.TAKE)
            QTest.keyClick(table, Qt.Key.Key_Space)
            qtbot.mouseClick(dialog.take_button, Qt.MouseButton.LeftButton)

        when_modal(choose)
        file_menu = window.file_menu
        assert window.plan_ui.import_action in file_menu.actions()
        window.plan_ui.import_action.trigger()

        rows = seen["rows"]
        assert set(rows) == {"位置", "开放规则"}  # type: ignore[arg-type]
        site_name, theirs = rows["位置"]  # type: ignore[index]
        assert site_name == before[keys[0]].name
        assert "米" in theirs  # how far the colleague moved it
        assert "09:00–17:00" in rows["开放规则"][1]  # type: ignore[index]

        plan = window.plan_ui.session.plan
        assert plan is not None and plan.title == LONG_TITLE
        assert window.plan_ui.editor.title_text.text() == LONG_TITLE
        assert [s.site_id for s in plan.stops] == [before[k].id for k in keys]
        assert "已采用 1 处站点更正" in window.statusBar().currentMessage()

        moved = site_by_key(window, keys[0])
        assert moved.position is not None and moved.position.origin is PositionOrigin.USER
        stored = controller.workspace.sites.get(moved.id)
        assert stored.position is not None
        assert stored.position.point.lat == pytest.approx(MOVED.lat, abs=1e-6)
        assert controller.workspace.sites.get(before[keys[1]].id).rules == VisitRules()
        # undo takes the plan back out; the corrections stay (they are site edits)
        window.plan_ui.undo_action.trigger()
        assert window.plan_ui.session.plan is None
    finally:
        close_main_window(window, controller)


def test_dropping_a_file_imports_it_and_a_broken_one_says_what_the_cli_says(
    qtbot, tmp_path, capsys
) -> None:
    path, _keys = senders_file(tmp_path)
    broken = tmp_path / "坏文件.hongtu.json"
    broken.write_text('{"format": "hongtu-plan", "version": 1, "plan": {"title": 5}}', "utf-8")
    window, controller = open_main_window(qtbot, str(tmp_path / "me.sqlite3"))
    try:
        shown: list[str] = []

        def read_and_close(box) -> None:  # type: ignore[no-untyped-def]
            assert isinstance(box, QMessageBox)
            shown.append(box.text())
            box.button(QMessageBox.StandardButton.Ok).click()

        when_modal(read_and_close)
        drop(window, broken)
        assert window.plan_ui.session.plan is None
        assert len(shown) == 1 and "没有导入任何内容" in shown[0]

        code = cli_main(["--db", str(tmp_path / "cli.sqlite3"), "plans", "import", str(broken)])
        assert code == 2
        assert shown[0] in capsys.readouterr().err  # one message table

        when_modal(lambda dialog: dialog.take_button.click())  # take both corrections
        drop(window, path)
        plan = window.plan_ui.session.plan
        assert plan is not None and plan.title == LONG_TITLE
        assert "已采用 2 处站点更正" in window.statusBar().currentMessage()
    finally:
        close_main_window(window, controller)


def test_a_file_giving_the_title_twice_is_refused_by_menu_and_by_drop(
    qtbot, tmp_path, monkeypatch
) -> None:
    """A colleague's hand-edited file names "title" twice: the window does not take the last
    one silently; it says which key, through the menu and a drop, and opens nothing."""
    path, _keys = senders_file(tmp_path)
    text = path.read_text("utf-8")
    path.write_text(text.replace('"title":', '"title": "初稿",\n    "title":', 1), "utf-8")
    window, controller = open_main_window(qtbot, str(tmp_path / "me.sqlite3"))
    try:
        shown: list[str] = []

        def read_and_close(box) -> None:  # type: ignore[no-untyped-def]
            if not isinstance(box, QMessageBox):  # the import went on (a dialog of choices)
                shown.append(type(box).__name__)
                box.reject()
                return
            shown.append(box.text())
            box.button(QMessageBox.StandardButton.Ok).click()

        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
        )
        when_modal(read_and_close)
        window.plan_ui.import_action.trigger()
        when_modal(read_and_close)
        drop(window, path)
        said = "方案文件有问题：同一处出现了两个同名的项（位置：plan.title）。没有导入任何内容。"
        assert shown == [said, said]
        assert window.plan_ui.session.plan is None
        assert controller.workspace.plans.list_plans() == []
    finally:
        close_main_window(window, controller)


def test_the_window_refuses_to_take_other_files(qtbot, tmp_path) -> None:
    from hongtu.qt.mainwindow import MainWindow

    window = MainWindow(defer_tools=True)
    qtbot.addWidget(window)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "照片.jpg"))])
    enter = QDragEnterEvent(
        QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    window.event(enter)
    assert not enter.isAccepted()


def test_an_older_file_without_a_sites_section_imports_without_asking(qtbot, tmp_path) -> None:
    path, _keys = senders_file(tmp_path)
    text = path.read_text("utf-8")
    import json

    document = json.loads(text)
    document.pop("sites")
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    window, controller = open_main_window(qtbot, str(tmp_path / "me.sqlite3"))
    try:
        assert window.plan_ui.import_plan_file(path) is not None  # no dialog: nothing to choose
        assert window.plan_ui.session.plan is not None
        assert "站点更正" not in window.statusBar().currentMessage()
    finally:
        close_main_window(window, controller)
