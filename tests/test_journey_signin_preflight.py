"""Probe s28: 打印签到表 stopped first on “整个方案：还没有选择集合地点。”, one more click (or a
refusal) for a sheet that names the people; so did 导出 → 签到表, asked before the format was
even chosen.

Now the 签到表 alone is asked about only what it prints (a gathering time that looks like a
slip), the schedule and the 活动方案 still about the gathering point and the day's times — on
保存, once the formats are chosen; 返回修改 closes the export and shows the problem, and the names
typed for the 签到表 are there on the next export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QDialog

from hongtu.qt.plan_outputs import ExportDialog
from hongtu.qt.preflight import PreflightDialog
from journey_helpers import (
    TIMEOUT,
    click,
    ime_type,
    journey_window,
    new_plan_by_mouse,
    tr,
    type_export_path,
    when_shown,
)

pytestmark = [pytest.mark.gui, pytest.mark.webengine]


def next_dialog(act: Callable[[QDialog], None]) -> list[QDialog]:
    """Acts on the next modal dialog, whichever it is (a 打印前检查 where none is wanted is
    answered 返回修改 by ``act``, rather than left waiting)."""
    return when_shown(QDialog, act)


def press_ctrl_e(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)


def save(qtbot, dialog: ExportDialog) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))


def test_the_signin_sheet_is_not_stopped_for_the_gathering_point_the_schedule_is(
    qtbot, tmp_path: Path, lang
) -> None:
    out = tmp_path / "导出"
    out.mkdir()
    with journey_window(qtbot, str(tmp_path / "s.sqlite3")) as (window, _controller):
        ui = window.plan_ui
        new_plan_by_mouse(qtbot, window)
        box = ui.editor.stop_search
        click(qtbot, box)
        ime_type(box, "太原解放纪念馆")
        qtbot.keyClick(box, Qt.Key.Key_Return)
        assert len(ui.session.plan.stops) == 1
        plan = ui.session.plan
        assert plan.gathering.site_id is None and plan.gathering.custom is None

        # 打印签到表: straight to the preview
        previews = next_dialog(lambda dialog: dialog.reject())
        ui.print_signin_action.trigger()
        assert [type(d) for d in previews] == [QPrintPreviewDialog]

        # 导出 → 签到表 → 保存: written, nothing asked
        def export_signin(dialog: QDialog) -> None:
            assert isinstance(dialog, ExportDialog)
            dialog.format.setCurrentIndex(dialog.format.findData("signin"))
            type_export_path(qtbot, dialog, str(out / "签到表.pdf"))
            save(qtbot, dialog)
            qtbot.waitUntil(lambda: dialog.task is None, timeout=60_000)
            assert dialog.done_page.isVisible()
            click(qtbot, dialog.close_button)

        exports = next_dialog(export_signin)
        press_ctrl_e(qtbot, window)
        assert [type(d) for d in exports] == [ExportDialog]
        assert (out / "签到表.pdf").read_bytes().startswith(b"%PDF")
        assert window.findChildren(PreflightDialog) == []  # never asked

        # 导出 → 日程安排表 → 保存: the gathering point is asked about; 返回修改 writes nothing
        asked: list[list[str]] = []

        def go_back(dialog: QDialog) -> None:
            assert isinstance(dialog, PreflightDialog)
            assert dialog.go_button.text() == tr("Preflight", "仍然导出")
            asked.append([w.code.value for w in dialog.problems])
            click(qtbot, dialog.back_button)

        def export_schedule(dialog: QDialog) -> None:
            assert isinstance(dialog, ExportDialog)
            dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
            type_export_path(qtbot, dialog, str(out / "日程.pdf"))
            when_shown(PreflightDialog, go_back)
            save(qtbot, dialog)

        exports = next_dialog(export_schedule)
        press_ctrl_e(qtbot, window)
        assert len(asked) == 1 and "no_gathering" in asked[0]
        assert not exports[0].isVisible() and not (out / "日程.pdf").exists()
        assert ui.right_tabs.currentWidget() is ui.plan_pane
        assert ui.editor.tabs.currentIndex() == 1  # 基本信息, where the gathering point is

        # 导出全套 with names typed: asked too; after 返回修改 the names are still there
        def export_all(dialog: QDialog) -> None:
            assert isinstance(dialog, ExportDialog)
            dialog.format.setCurrentIndex(dialog.format.findData("bundle"))
            click(qtbot, dialog.names)
            ime_type(dialog.names, "周一\t组长\n吴二")
            type_export_path(qtbot, dialog, str(out))
            when_shown(PreflightDialog, go_back)
            save(qtbot, dialog)

        next_dialog(export_all)
        press_ctrl_e(qtbot, window)
        assert len(asked) == 2 and "no_gathering" in asked[1]
        assert sorted(p.name for p in out.iterdir()) == ["签到表.pdf"]
        typed: list[str] = []

        def look(dialog: QDialog) -> None:
            assert isinstance(dialog, ExportDialog)
            typed.append(dialog.names.toPlainText())
            dialog.reject()

        next_dialog(look)
        press_ctrl_e(qtbot, window)
        assert typed == ["周一\t组长\n吴二"]
