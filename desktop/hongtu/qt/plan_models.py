"""Table models over the open plan: its stops, one stop's activities, the schedule, the warnings.

The models only read the session's plan; an edit made in a view (a typed number, a drop, a
checkbox) is handed to the ``PlanSession`` and comes back as ``plan_changed``. When only the
order of the stops changed, the stop model re-orders its persistent indexes (``layoutChanged``)
so the selection follows the moved stop.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import time
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from hongtu.core import limits
from hongtu.core.clocktime import hhmm
from hongtu.core.document import DocumentLabels, says_its_kind, schedule_times
from hongtu.core.plans import (
    Activity,
    ActivityKind,
    ItemKind,
    Leg,
    Plan,
    Schedule,
    ScheduleItem,
    Stop,
    TransportMode,
)
from hongtu.core.routing import km_text
from hongtu.core.schedule import stop_place, visit_length
from hongtu.core.sites import DEFAULT_VISIT_MINUTES
from hongtu.core.text import ascii_digits
from hongtu.core.warnings import PlanWarning, Severity, WarningGroup, fold_warnings, worst_by_stop
from hongtu.qt.messages import plain_tooltip
from hongtu.qt.warning_text import group_text, severity_icon, severity_label

if TYPE_CHECKING:
    from hongtu.qt.plan_session import PlanSession

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole

STOP_ID_ROLE = Qt.ItemDataRole.UserRole + 20
OVERRIDDEN_ROLE = Qt.ItemDataRole.UserRole + 22
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 23  # "problem" | "warning" on a row with a mark
STOP_IDS_MIME = "application/x-hongtu-stop-ids"


def tr(text: str) -> str:
    return QCoreApplication.translate("PlanModels", text)


# ---- words -------------------------------------------------------------------------------------


def activity_kind_label(kind: ActivityKind) -> str:
    return {
        ActivityKind.TOUR: tr("参观学习"),
        ActivityKind.OATH: tr("重温入党誓词"),
        ActivityKind.WREATH: tr("敬献花篮"),
        ActivityKind.LESSON: tr("现场党课"),
        ActivityKind.DISCUSSION: tr("交流研讨"),
        ActivityKind.LUNCH: tr("午餐"),
        ActivityKind.CUSTOM: tr("其他活动"),
    }[kind]


def activity_label(activity: Activity) -> str:
    if activity.kind is ActivityKind.CUSTOM:
        return activity.label or activity_kind_label(activity.kind)
    if says_its_kind(activity.kind, activity.label):  # "现场党课：…": the kind said once
        return activity.label
    if activity.label:
        return tr("{0}（{1}）").format(activity_kind_label(activity.kind), activity.label)
    return activity_kind_label(activity.kind)


def activity_from_text(text: str, minutes: int) -> Activity | None:
    """A typed activity name: one of the usual ones, else a free-text activity."""
    text = text.strip()
    if not text:
        return None
    for kind in ActivityKind:
        if kind is not ActivityKind.CUSTOM and activity_kind_label(kind) == text:
            return Activity(kind, minutes)
    return Activity(ActivityKind.CUSTOM, minutes, text)


def transport_label(mode: TransportMode) -> str:
    return {
        TransportMode.COACH: tr("大巴"),
        TransportMode.CARS: tr("自驾"),
        TransportMode.WALK: tr("步行"),
        TransportMode.PUBLIC: tr("公交"),
    }[mode]


def travel_label(mode: TransportMode) -> str:
    return {
        TransportMode.COACH: tr("乘车"),
        TransportMode.CARS: tr("驾车"),
        TransportMode.WALK: tr("步行"),
        TransportMode.PUBLIC: tr("乘公交"),
    }[mode]


def parse_hhmm(text: str) -> time | None:
    """“9:30”, “09:30”, “9：30”, “０９：３０”, “0930”, “9点30”, “9点半”, “9点” → the time;
    anything else (“25:00”, Arabic-Indic digits) → ValueError. Blank → None."""
    text = ascii_digits(text).strip()
    if not text:
        return None
    spoken = _SPOKEN_TIME.fullmatch(text)
    if spoken is not None:
        minutes = "30" if spoken[2] == "半" else (spoken[2] or "0").removesuffix("分")
        text = f"{spoken[1]}:{int(minutes):02d}" if minutes.isascii() else text
    return limits.parse_time(text, loose=True)


_SPOKEN_TIME = re.compile(r"([0-9]{1,2})点(半|[0-9]{1,2}分?)?")


def minutes_refusal(value: object, clearing: str) -> str:
    """Why typed minutes were not taken, and what clearing the cell does."""
    return tr("请填写 0–{0} 之间的分钟数，现在填的是“{1}”；{2}。").format(
        limits.MAX_MINUTES, str(value).strip(), clearing
    )


def activity_minutes_refusal(value: object) -> str:
    """Why typed minutes were not taken as an activity's length."""
    words = tr("活动时长应在 1–{0} 分钟之间，现在填的是“{1}”；不需要这项活动可以删除。")
    return words.format(limits.MAX_MINUTES, str(value).strip())


def activity_minutes(value: object) -> int | None:
    """Typed minutes an activity may last (at least 1); None: not such a number (blank too)."""
    try:
        minutes = parse_minutes(value)
    except ValueError:
        return None
    return minutes if minutes is not None and minutes >= 1 else None


def parse_minutes(value: object) -> int | None:
    """A typed number of minutes (“25”, “25分钟”); blank → None; otherwise ValueError."""
    if isinstance(value, int) and not isinstance(value, bool):
        minutes = value
    else:
        text = ascii_digits(str(value)).strip().removesuffix("分钟").removesuffix("分").strip()
        if not text:
            return None
        minutes = limits.parse_minutes(text)  # ASCII digits only
    if not 0 <= minutes <= 24 * 60:
        raise ValueError(value)
    return minutes


def _bold_italic() -> QFont:
    font = QFont()
    font.setBold(True)
    font.setItalic(True)
    return font


# ---- the stops of the plan -------------------------------------------------------------------


class StopColumn(IntEnum):
    NUMBER = 0
    PLACE = 1
    MINUTES = 2
    PINNED = 3


class PlanStopsModel(QAbstractTableModel):
    """The stops in order. Rows can be dragged to re-order; visit minutes and the pin edited."""

    refused = Signal(str)  # why a typed value was not taken (the window says it)

    def __init__(self, session: PlanSession, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self._stops: list[Stop] = []
        self._marks: dict[str, Severity] = {}

    def set_plan(self, plan: Plan | None) -> None:
        self._marks = worst_by_stop(self.session.warnings) if plan is not None else {}
        stops = list(plan.stops) if plan is not None else []
        old_ids = [stop.id for stop in self._stops]
        new_ids = [stop.id for stop in stops]
        if old_ids == new_ids:
            self._stops = stops
            if stops:
                last = self.index(len(stops) - 1, len(StopColumn) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
        elif sorted(old_ids) == sorted(new_ids):
            self._reorder(stops, old_ids, new_ids)
        else:
            self.beginResetModel()
            self._stops = stops
            self.endResetModel()

    def _reorder(self, stops: list[Stop], old_ids: list[str], new_ids: list[str]) -> None:
        self.layoutAboutToBeChanged.emit()
        new_row = {stop_id: row for row, stop_id in enumerate(new_ids)}
        before = self.persistentIndexList()
        after = [self.index(new_row[old_ids[i.row()]], i.column()) for i in before]
        self._stops = stops
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def row_of(self, stop_id: str) -> int | None:
        return next((i for i, s in enumerate(self._stops) if s.id == stop_id), None)

    # ---- Qt model API --------------------------------------------------------------------------
    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._stops)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(StopColumn)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = DISPLAY
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != DISPLAY:
            return None
        titles = [tr("序号"), tr("站点"), tr("停留"), tr("固定")]
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )
        if index.column() == StopColumn.MINUTES:
            flags |= Qt.ItemFlag.ItemIsEditable
        if index.column() == StopColumn.PINNED:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._stops):
            return None
        stop = self._stops[index.row()]
        column = StopColumn(index.column())
        if role == STOP_ID_ROLE:
            return stop.id
        mark = self._marks.get(stop.id)
        if role == SEVERITY_ROLE:
            return mark.value if mark is not None else None
        if role == Qt.ItemDataRole.DecorationRole and column is StopColumn.NUMBER and mark:
            return severity_icon(mark)
        if role == Qt.ItemDataRole.ToolTipRole and column is StopColumn.NUMBER and mark:
            return plain_tooltip(tr("这一站有{0}，见“行程提醒”").format(severity_label(mark)))
        if role == DISPLAY:
            return self._display(index.row(), stop, column)
        if role == EDIT and column is StopColumn.MINUTES:  # text: a cleared cell is the default
            return str(self._visit_minutes(stop))
        if role == Qt.ItemDataRole.CheckStateRole and column is StopColumn.PINNED:
            return Qt.CheckState.Checked if stop.pinned else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(stop, column))
        if role == Qt.ItemDataRole.TextAlignmentRole and column is not StopColumn.PLACE:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _place_name(self, stop: Stop) -> str:
        name = stop_place(stop, self.session.sites).name
        if stop.custom is not None:
            return tr("{0}（自定义）").format(name)
        return name or tr("（站点已不在目录中）")

    def _visit_minutes(self, stop: Stop) -> int:
        if stop.visit_minutes is not None:
            return stop.visit_minutes
        site = stop_place(stop, self.session.sites).site
        return site.visit_minutes if site is not None else DEFAULT_VISIT_MINUTES

    def _display(self, row: int, stop: Stop, column: StopColumn) -> str:
        if column is StopColumn.NUMBER:
            return str(row + 1)
        if column is StopColumn.PLACE:
            return self._place_name(stop)
        if column is StopColumn.MINUTES:
            minutes = self._visit_minutes(stop)
            total = visit_length(stop, stop_place(stop, self.session.sites).site)
            if total > minutes:
                return tr("{0} 分钟（按活动）").format(total)
            if stop.visit_minutes is None:
                return tr("{0} 分钟（默认）").format(minutes)
            return tr("{0} 分钟").format(minutes)
        return ""

    def _tooltip(self, stop: Stop, column: StopColumn) -> str | None:
        if column is StopColumn.PINNED:
            return tr("固定：优化顺序时这一站不移动")
        if column is StopColumn.MINUTES:
            total = visit_length(stop, stop_place(stop, self.session.sites).site)
            if total > self._visit_minutes(stop):
                return tr("活动合计 {0} 分钟，长于计划停留，按 {0} 分钟安排").format(total)
            return tr("双击修改停留时间；清空则恢复站点默认值")
        if column is StopColumn.PLACE:
            return tr("拖动或按 Ctrl+↑/Ctrl+↓ 调整顺序")
        return None

    def setData(self, index: _Index, value: Any, role: int = EDIT) -> bool:  # noqa: N802
        if not index.isValid() or not 0 <= index.row() < len(self._stops):
            return False
        stop = self._stops[index.row()]
        if index.column() == StopColumn.MINUTES and role == EDIT:
            try:
                minutes = parse_minutes(value)
            except ValueError:
                self.refused.emit(minutes_refusal(value, tr("清空则恢复站点默认值")))
                return False
            self.session.set_stop_field(stop.id, "visit_minutes", minutes)
            return True
        if index.column() == StopColumn.PINNED and role == Qt.ItemDataRole.CheckStateRole:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
            self.session.set_pinned(stop.id, checked)
            return True
        return False

    # ---- drag and drop (re-ordering) ------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [STOP_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        rows = sorted({index.row() for index in indexes if index.isValid()})
        ids = [self._stops[row].id for row in rows]
        data = QMimeData()
        data.setData(STOP_IDS_MIME, QByteArray(json.dumps(ids).encode()))
        return data

    def canDropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        return data.hasFormat(STOP_IDS_MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        """Move the dragged stop to the drop position (one undo step)."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            ids = json.loads(bytes(data.data(STOP_IDS_MIME).data()).decode())
        except ValueError:
            return False
        if not isinstance(ids, list) or len(ids) != 1 or self.row_of(str(ids[0])) is None:
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._stops))
        source = self.row_of(str(ids[0]))
        assert source is not None
        if source < target:
            target -= 1  # the stop leaves its old row first
        if target != source:
            self.session.move_stop(str(ids[0]), target)
        return True


# ---- one stop's activities ---------------------------------------------------------------------


class ActivityColumn(IntEnum):
    ACTIVITY = 0
    MINUTES = 1


class StopActivitiesModel(QAbstractTableModel):
    """The activities of the selected stop, in order; names and minutes are edited in place."""

    refused = Signal(str)  # why a typed value was not taken (the window says it)

    def __init__(self, session: PlanSession, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.stop_id: str | None = None
        self._activities: list[Activity] = []

    def show_stop(self, plan: Plan | None, stop_id: str | None) -> None:
        stop = None
        if plan is not None and stop_id is not None:
            stop = next((s for s in plan.stops if s.id == stop_id), None)
        activities = list(stop.activities) if stop is not None else []
        new_id = stop.id if stop is not None else None
        if new_id == self.stop_id and len(activities) == len(self._activities):
            self._activities = activities
            if activities:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(activities) - 1, len(ActivityColumn) - 1)
                )
            return
        self.beginResetModel()
        self.stop_id = new_id
        self._activities = activities
        self.endResetModel()

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._activities)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(ActivityColumn)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = DISPLAY
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != DISPLAY:
            return None
        return [tr("活动"), tr("时长")][section] if 0 <= section < 2 else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._activities):
            return None
        activity = self._activities[index.row()]
        if index.column() == ActivityColumn.ACTIVITY and role in (DISPLAY, EDIT):
            return activity_label(activity)
        if index.column() == ActivityColumn.MINUTES:
            if role == DISPLAY:
                return tr("{0} 分钟").format(activity.minutes)
            if role == EDIT:
                return str(activity.minutes)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("双击修改；可输入任意活动名称")
        return None

    def setData(self, index: _Index, value: Any, role: int = EDIT) -> bool:  # noqa: N802
        if role != EDIT or not index.isValid() or self.stop_id is None:
            return False
        if not 0 <= index.row() < len(self._activities):
            return False
        activity = self._activities[index.row()]
        if index.column() == ActivityColumn.ACTIVITY:
            text = str(value).strip()
            if text == activity_label(activity):
                return True
            limit = limits.TEXT_LIMITS["label"]
            if len(text) > limit:
                words = tr("活动名称太长：最多 {0} 字，现在是 {1} 字。")
                self.refused.emit(words.format(limit, len(text)))
                return False
            changed = activity_from_text(text, activity.minutes)
            if changed is None:
                self.refused.emit(tr("活动名称不能为空；不需要这项活动可以删除。"))
                return False
        else:
            minutes = activity_minutes(value)
            if minutes is None:
                self.refused.emit(activity_minutes_refusal(value))
                return False
            changed = Activity(activity.kind, minutes, activity.label)
        self.session.change_activity(self.stop_id, index.row(), changed)
        return True


# ---- the timed schedule ------------------------------------------------------------------------


class ScheduleColumn(IntEnum):
    TIME = 0
    ITEM = 1
    PLACE = 2
    DISTANCE = 3
    MINUTES = 4


def time_words() -> DocumentLabels:
    """The documents' words for the schedule's times (次日, 第3天, 起, 待定) in the window's
    language: the table shows each time as the print-out does (``schedule_times``)."""
    return replace(
        DocumentLabels.zh_cn(),
        next_day_format=tr("次日{time}"),
        later_day_format=tr("第{day}天{time}"),
        pending_time_format=tr("{start} 起"),
        provisional_time_format=tr("{time}（待定）"),
    )


class PlanScheduleModel(QAbstractTableModel):
    """The timed day (compute_schedule's items). A stop's start, a leg's minutes and an
    activity's minutes are editable."""

    refused = Signal(str)  # why a typed value was not taken (the window says it)

    def __init__(self, session: PlanSession, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self._items: tuple[ScheduleItem, ...] = ()
        self._times: tuple[str, ...] = ()  # each item's time, as the documents print it
        self._transport = TransportMode.COACH
        self._marks: dict[str, Severity] = {}

    def set_schedule(self, plan: Plan | None, schedule: Schedule | None) -> None:
        self._marks = worst_by_stop(self.session.warnings) if plan is not None else {}
        items = schedule.items if schedule is not None else ()
        self._times = schedule_times(schedule, time_words()) if schedule is not None else ()
        self._transport = plan.transport if plan is not None else TransportMode.COACH
        same_shape = [(i.kind, i.stop_id) for i in items] == [
            (i.kind, i.stop_id) for i in self._items
        ]
        if same_shape:
            self._items = items
            if items:
                last = self.index(len(items) - 1, len(ScheduleColumn) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def item_at(self, row: int) -> ScheduleItem:
        return self._items[row]

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(ScheduleColumn)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = DISPLAY
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != DISPLAY:
            return None
        titles = [tr("时间"), tr("事项"), tr("地点"), tr("路程"), tr("用时")]
        return titles[section] if 0 <= section < len(titles) else None

    def _editable(self, item: ScheduleItem, column: int) -> bool:
        if column == ScheduleColumn.TIME:
            return item.kind is ItemKind.VISIT
        return column == ScheduleColumn.MINUTES and item.kind in (
            ItemKind.TRAVEL,
            ItemKind.ACTIVITY,
        )

    def _overridden(self, item: ScheduleItem, column: int) -> bool:
        return item.overridden and self._editable(item, column)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if 0 <= index.row() < len(self._items) and self._editable(
            self._items[index.row()], index.column()
        ):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = ScheduleColumn(index.column())
        if role == DISPLAY:
            if column is ScheduleColumn.TIME:
                return self._times[index.row()]
            return self._display(item, column)
        if role == EDIT:
            return self._edit_value(item, column)
        if role == STOP_ID_ROLE:
            return item.stop_id
        mark = self._marks.get(item.stop_id or "") if item.kind is ItemKind.VISIT else None
        if role == SEVERITY_ROLE:
            return mark.value if mark is not None else None
        if role == Qt.ItemDataRole.DecorationRole and column is ScheduleColumn.TIME and mark:
            return severity_icon(mark)
        if role == OVERRIDDEN_ROLE:
            return self._overridden(item, column)
        if role == Qt.ItemDataRole.FontRole and self._overridden(item, column):
            return _bold_italic()
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(item, column))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            ScheduleColumn.DISTANCE,
            ScheduleColumn.MINUTES,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, item: ScheduleItem, column: ScheduleColumn) -> str:
        """A cell's text other than the time (``schedule_times``)."""
        if column is ScheduleColumn.ITEM:
            return self._item_text(item)
        if column is ScheduleColumn.PLACE:
            return self._place_text(item)
        if column is ScheduleColumn.DISTANCE:
            if item.leg is None:
                return ""
            if not item.leg.distance_known:
                return tr("待定")
            return tr("约 {0} km").format(km_text(item.leg.road_km))
        if item.kind is ItemKind.RETURN:
            return ""
        if leg_pending(item.leg):
            return tr("待定")
        return tr("{0} 分钟").format(_minutes_between(item.start, item.end))

    def _item_text(self, item: ScheduleItem) -> str:
        if item.kind is ItemKind.GATHER:
            return tr("集合、乘车") if self._transport is not TransportMode.WALK else tr("集合")
        if item.kind is ItemKind.TRAVEL:
            if item.stop_number is None:
                return tr("返程")
            return tr("{0}前往第{1}站").format(travel_label(self._transport), item.stop_number)
        if item.kind is ItemKind.VISIT:
            return tr("第{0}站").format(item.stop_number)
        if item.kind is ItemKind.ACTIVITY:
            label = item.title
            if item.activity_kind is not None:
                label = activity_label(Activity(item.activity_kind, 0, item.title))
            return "　· " + label
        return tr("返回集合地点")

    def _place_text(self, item: ScheduleItem) -> str:
        if item.kind is ItemKind.TRAVEL and item.leg is not None:
            return f"{item.leg.from_name or '?'} → {item.leg.to_name or '?'}"
        if item.kind is ItemKind.ACTIVITY:
            return ""
        return item.title or tr("（未设置）")

    def _edit_value(self, item: ScheduleItem, column: ScheduleColumn) -> Any:
        if column is ScheduleColumn.TIME:
            return hhmm(item.start)
        if column is ScheduleColumn.MINUTES:  # text: a cleared cell is automatic again
            return str(_minutes_between(item.start, item.end))
        return self._display(item, column)

    def _tooltip(self, item: ScheduleItem, column: ScheduleColumn) -> str | None:
        if column in (ScheduleColumn.ITEM, ScheduleColumn.PLACE):  # whole, when cut short
            return self._display(item, column) or None
        if column is ScheduleColumn.TIME and item.provisional:
            return tr("前面有一段路程待定，这个时间没有算上它，实际会更晚")
        if self._overridden(item, column):
            return tr("手动设定（清空即恢复自动计算）")
        if self._editable(item, column):
            if column is ScheduleColumn.TIME:
                return tr("双击设定这一站的开始时间")
            if item.kind is ItemKind.ACTIVITY:
                return tr("双击修改这项活动的时长")
            return tr("双击手动设定这段路程的用时")
        if leg_pending(item.leg):
            return tr("一端没有坐标，路程待定；双击可手动设定用时")
        if column is ScheduleColumn.DISTANCE and item.leg is not None:
            return tr(
                "估算的道路里程，用时按它计算（直线距离 {0:.1f} km）；实际里程以导航为准"
            ).format(item.leg.km)
        return None

    def setData(self, index: _Index, value: Any, role: int = EDIT) -> bool:  # noqa: N802
        if role != EDIT or not index.isValid() or not 0 <= index.row() < len(self._items):
            return False
        item = self._items[index.row()]
        if not self._editable(item, index.column()):
            return False
        if index.column() == ScheduleColumn.TIME:
            try:
                start = parse_hhmm(str(value))
            except ValueError:
                self.refused.emit(
                    tr(
                        "“{0}”不是一个时间：请填写如 9:30、09:30 或 9点30（00:00–23:59）；"
                        "清空则恢复自动计算。"
                    ).format(str(value).strip())
                )
                return False
            assert item.stop_id is not None
            self.session.set_start_override(item.stop_id, start)
            return True
        if item.kind is ItemKind.ACTIVITY:
            return self._set_activity_minutes(index.row(), value)
        try:
            minutes = parse_minutes(value)
        except ValueError:
            self.refused.emit(minutes_refusal(value, tr("清空即恢复自动计算")))
            return False
        self.session.set_leg_minutes(item.stop_id, minutes)
        return True

    def _set_activity_minutes(self, row: int, value: Any) -> bool:
        """The activity's length, as in 行程安排 › 活动 › 时长."""
        item = self._items[row]
        plan = self.session.plan
        stop = next((s for s in plan.stops if s.id == item.stop_id), None) if plan else None
        # the stop's activities come in its order, one row each
        number = sum(
            1 for other in self._items[:row]
            if other.kind is ItemKind.ACTIVITY and other.stop_id == item.stop_id
        )  # fmt: skip
        if stop is None or number >= len(stop.activities):
            return False  # a schedule of another version of the plan
        minutes = activity_minutes(value)
        if minutes is None:
            self.refused.emit(activity_minutes_refusal(value))
            return False
        activity = stop.activities[number]
        if minutes != activity.minutes:
            changed = Activity(activity.kind, minutes, activity.label)
            self.session.change_activity(stop.id, number, changed)
        return True

    def clear_override(self, row: int) -> None:
        item = self._items[row]
        if item.kind is ItemKind.VISIT and item.stop_id is not None:
            self.session.set_start_override(item.stop_id, None)
        elif item.kind is ItemKind.TRAVEL:
            self.session.set_leg_minutes(item.stop_id, None)


def leg_pending(leg: Leg | None) -> bool:
    return leg is not None and leg.pending


def _minutes_between(start: time, end: time) -> int:
    return ((end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)) % (24 * 60)


# ---- warnings ----------------------------------------------------------------------------------


class PlanWarningsModel(QAbstractListModel):
    """The warnings worst first, the same notice for several stops folded into one line."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[WarningGroup] = []
        self._numbers: dict[str, int] = {}

    def set_warnings(self, plan: Plan | None, warnings: list[PlanWarning]) -> None:
        self.beginResetModel()
        self._numbers = {stop.id: n for n, stop in enumerate(plan.stops, 1)} if plan else {}
        self._rows = fold_warnings(warnings)
        self.endResetModel()

    def texts(self) -> list[str]:
        return [group_text(group, self._numbers) for group in self._rows]

    def group_at(self, row: int) -> WarningGroup:
        return self._rows[row]

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        group = self._rows[index.row()]
        if role == DISPLAY:
            return group_text(group, self._numbers)
        if role == Qt.ItemDataRole.DecorationRole:
            return severity_icon(group.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = severity_label(group.severity)
            if group.stop_ids:
                tip = tr("{0}（单击选中该站点）").format(tip)
            return plain_tooltip(tip)
        if role == SEVERITY_ROLE:
            return group.severity.value
        if role == STOP_ID_ROLE:
            return group.stop_ids[0] if group.stop_ids else None
        return None
