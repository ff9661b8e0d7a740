"""Recording a Party-day in the real window, for the journey tests (记录活动, then the 台账).

``seed_branch`` puts a branch's roster (read from a CSV file, as an organiser imports it) and
plans in a database before the window opens; ``open_record_dialog`` opens 记录活动 for a plan by
clicking, ``mark`` clicks 请假 (typing the reason) or 缺席 for a member, ``drop_files`` drops
files on a widget with real drag-and-drop events, and ``photo_file`` makes a JPEG with an EXIF
orientation."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from factories import custom_place, make_plan
from hongtu.core.geo import LatLon
from hongtu.core.members import read_member_file
from hongtu.core.plans import Activity, ActivityKind, Stop
from hongtu.core.records import Presence
from hongtu.qt.mainwindow import MainWindow
from hongtu.qt.plan_list_model import PLAN_ID_ROLE
from hongtu.qt.record_dialog import RecordDialog
from journey_helpers import TIMEOUT, click, ime_type

BRANCH = "第一党支部"
ROSTER_CSV = (
    "序号,姓名,职务,政治面貌\n"
    "1,张三,支部书记,正式党员\n"
    "2,李四,组织委员,正式党员\n"
    "3,王五,宣传委员,正式党员\n"
    "4,赵六,,预备党员\n"
    "5,钱七,,正式党员\n"
    "6,孙八,,入党积极分子\n"
)
ROSTER = ["张三", "李四", "王五", "赵六", "钱七", "孙八"]
EXIF_ORIENTATION = 0x0112


@dataclass
class SeededBranch:
    roster_file: Path
    past_plan: int  # dated a few days ago: recordable
    future_plan: int  # next week: refused
    past_day: date
    other_branch_plan: int | None = None  # a plan of a branch without a roster
    stops: list[str] = field(default_factory=list)


def seed_branch(db: str, folder: Path, *, today: date | None = None) -> SeededBranch:
    """The branch's roster imported from a CSV file, a past plan with two stops and activities,
    a future plan, and a past plan of a branch with no roster."""
    from hongtu.core.workspace import open_workspace

    today = today or date.today()
    roster = folder / "第一党支部名册.csv"
    roster.write_text(ROSTER_CSV, encoding="utf-8")
    stops = ["八路军太原办事处纪念馆", "双塔烈士陵园"]
    workspace = open_workspace(db)
    try:
        workspace.members.import_members(BRANCH, read_member_file(roster).members)
        past_day = today - timedelta(days=3)
        past = make_plan(
            [
                Stop(
                    custom=custom_place(stops[0], LatLon(37.8706, 112.5489)),
                    activities=[Activity(ActivityKind.TOUR, 60), Activity(ActivityKind.OATH, 15)],
                ),
                Stop(
                    custom=custom_place(stops[1], LatLon(37.8503, 112.5790)),
                    activities=[Activity(ActivityKind.WREATH, 20)],
                ),
            ],
            on=past_day,
        )
        past.title = "重温入党誓词主题党日"
        past_id = workspace.plans.save(past).id
        future = make_plan(on=today + timedelta(days=7))
        future.title = "下周的主题党日"
        future_id = workspace.plans.save(future).id
        other = make_plan(on=past_day)
        other.title = "第二党支部的主题党日"
        other.branch = "第二党支部"
        other_id = workspace.plans.save(other).id
    finally:
        workspace.close()
    assert past_id is not None and future_id is not None
    return SeededBranch(roster, past_id, future_id, past_day, other_id, stops)


def photo_file(path: Path, colour: tuple[int, int, int], *, orientation: int = 6) -> Path:
    """A 1200×800 JPEG taken 'sideways' (EXIF orientation 6: shown turned 90° clockwise)."""
    image = Image.new("RGB", (1200, 800), colour)
    exif = Image.Exif()
    exif[EXIF_ORIENTATION] = orientation
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, exif=exif)
    path.write_bytes(out.getvalue())
    return path


def drop_files(target: QWidget, files: list[Path]) -> bool:
    """Drag ``files`` over ``target`` and drop them (real QDragEnterEvent/QDropEvent); True if
    the drop was taken."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    centre = target.rect().center()
    enter = QDragEnterEvent(
        QPoint(centre), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(
        QPointF(centre), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(target, drop)
    return drop.isAccepted()


def select_plan(qtbot: Any, window: MainWindow, plan_id: int) -> None:
    """Show the 方案 tab and click the plan's row."""
    ui = window.plan_ui
    assert ui is not None
    tabs = ui.left_tabs
    bar = tabs.tabBar()
    click_tab = bar.tabRect(tabs.indexOf(ui.plan_list)).center()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=click_tab)
    table = ui.plan_list.table
    model = table.model()
    row = next(
        r for r in range(model.rowCount()) if model.index(r, 0).data(PLAN_ID_ROLE) == plan_id
    )
    rect = table.visualRect(model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: ui.session.plan is not None and ui.session.plan.id == plan_id,
                    timeout=TIMEOUT)  # fmt: skip


def record_button(window: MainWindow) -> QWidget:
    ui = window.plan_ui
    assert ui is not None
    return ui.plan_list.action_buttons[0]


def open_record_dialog(qtbot: Any, window: MainWindow, plan_id: int) -> RecordDialog:
    """Select the plan and click 记录活动; the dialog once it is shown."""
    select_plan(qtbot, window, plan_id)
    click(qtbot, record_button(window))
    ui = window.plan_ui
    assert ui is not None
    qtbot.waitUntil(lambda: ui.records.dialog is not None and ui.records.dialog.isVisible(),
                    timeout=TIMEOUT)  # fmt: skip
    dialog = ui.records.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow, timeout=TIMEOUT)  # typing goes to it
    return dialog


def mark(qtbot: Any, dialog: RecordDialog, name: str, presence: Presence, reason: str = "") -> None:
    """Click the member's 出席/请假/缺席 button; for 请假 type the reason where the cursor went."""
    row = dialog.attendance.row_of(name)
    assert row is not None, name
    dialog.attendance.scrollTo(dialog.attendance.model().index(row, 0))
    click(qtbot, dialog.attendance.presence_buttons[row].buttons[presence])
    if reason:
        box = dialog.attendance.reasons[row]
        assert box.hasFocus() or QApplication.focusWidget() is box or box.isEnabled()
        ime_type(box, reason)


def save(qtbot: Any, dialog: RecordDialog) -> None:
    """Click 保存 and wait for the dialog to close (it stays open if the record is refused)."""
    from PySide6.QtWidgets import QDialogButtonBox

    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
