"""The timed day (日程) under the map and the plan's warnings (行程提醒) beside the plan."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListView,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hongtu.core.clocktime import hhmm
from hongtu.core.document import end_time
from hongtu.core.plans import Plan, Schedule
from hongtu.core.routing import km_text
from hongtu.core.warnings import PlanWarning, Severity
from hongtu.qt.messages import plain_label
from hongtu.qt.plan_models import (
    OVERRIDDEN_ROLE,
    STOP_ID_ROLE,
    PlanScheduleModel,
    PlanWarningsModel,
    ScheduleColumn,
    time_words,
)
from hongtu.qt.plan_session import PlanSession
from hongtu.qt.table_rows import compact_rows
from hongtu.qt.warning_text import duration_text


def tr(text: str) -> str:
    return QCoreApplication.translate("PlanSchedule", text)


def tr_n(text: str, count: int) -> str:
    """``text`` with ``%n`` as ``count``, in the form its language gives that count
    (English: “1 stop”, “2 stops”)."""
    return QCoreApplication.translate("PlanSchedule", text, None, count)


def end_text(schedule: Schedule) -> str:
    """When the day ends, as the table's last row says it: ``15:11``, or ``次日02:41`` for a
    day that runs past midnight."""
    return end_time(schedule, time_words())


def totals_text(schedule: Schedule) -> str:
    """The day under the table. Legs of unknown length (待定) are not in the figures: the
    totals say "at least", and an end that comes after such a leg says it is not final.
    The km are the estimated road km the minutes are timed over, as the documents print."""
    end = tr("{0} 结束").format(end_text(schedule))
    if schedule.end_provisional:
        end = tr_n("最早 {0} 结束（未计入 %n 段待定路程，实际更晚）", schedule.pending_legs).format(
            end_text(schedule)
        )
    if not schedule.complete:
        figures = tr("全天至少 {0} · 路上至少 {1} · 已知路程约 {2} km（估算）")
    else:
        figures = tr("全天 {0} · 路上 {1} · 路程约 {2} km（估算）")
    figures = figures.format(
        duration_text(schedule.total_minutes),
        duration_text(schedule.travel_minutes),
        km_text(schedule.total_road_km),
    )
    return tr("{0} 集合").format(hhmm(schedule.start)) + " · " + end + " · " + figures


class PlanSchedulePanel(QGroupBox):
    """The timed schedule table with the day's totals under it."""

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(tr("日程"), parent)
        self.session = session
        self.schedule_model = PlanScheduleModel(session, self)
        self.table = QTableView(self)
        self.table.setModel(self.schedule_model)
        self.table.verticalHeader().hide()
        compact_rows(self.table)  # a line of text tall, as the stops above: more of the day shows
        self.table.setTabKeyNavigation(False)  # arrows move in the day; Tab leaves the table
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(30)  # a 200-stop day: size from the first rows
        for column in ScheduleColumn:  # the two texts share the room the numbers leave
            mode = QHeaderView.ResizeMode.ResizeToContents
            if column in (ScheduleColumn.ITEM, ScheduleColumn.PLACE):
                mode = QHeaderView.ResizeMode.Stretch
            header.setSectionResizeMode(column, mode)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu)
        self.totals = plain_label(parent=self)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.totals.setWordWrap(True)  # a long (incomplete) total must not widen the window
        font = self.totals.font()
        font.setBold(True)
        self.totals.setFont(font)
        self.totals.setWordWrap(True)  # long in English: never widen the window past the screen
        hint = QLabel(
            tr(
                "双击一站的时间、路程或活动的用时可以修改；手动设定的时间显示为粗斜体，"
                "右键可恢复自动计算。"
            ),
            self,
        )
        hint.setStyleSheet("color: palette(mid);")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table)
        layout.addWidget(self.totals)
        layout.addWidget(hint)
        session.plan_changed.connect(self._on_session_plan_changed)
        session.plan_closed.connect(self._on_session_plan_closed)

    def _on_session_plan_changed(self, plan: Plan, schedule: Schedule, _warnings: object) -> None:
        self.schedule_model.set_schedule(plan, schedule)
        self.totals.setText(totals_text(schedule))

    def _on_session_plan_closed(self) -> None:
        self.schedule_model.set_schedule(None, None)
        self.totals.clear()

    def _on_table_context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid() or not index.data(OVERRIDDEN_ROLE):
            return
        menu = QMenu(self)
        action = menu.addAction(tr("恢复自动计算"))
        action.triggered.connect(lambda: self.schedule_model.clear_override(index.row()))
        menu.popup(self.table.viewport().mapToGlobal(pos))


class PlanWarningsPanel(QGroupBox):
    """What could go wrong on the day, worst first; clicking one selects its stop."""

    stop_chosen = Signal(str)

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(tr("行程提醒"), parent)
        self.model = PlanWarningsModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setCursor(Qt.CursorShape.PointingHandCursor)
        self.view.clicked.connect(self._on_view_clicked)
        self.view.activated.connect(self._on_view_clicked)
        self.view.setSpacing(2)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        # three lines (a warning) at least, and a scroll bar for the rest, not Qt's 70 px: on a
        # small screen the plan's stops above get the room
        lines = 3 * self.view.fontMetrics().height()
        self.view.setMinimumHeight(lines + 2 * self.view.frameWidth())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view)
        session.plan_changed.connect(self._on_session_plan_changed)
        session.plan_closed.connect(self._on_session_plan_closed)

    def _on_session_plan_changed(
        self, plan: Plan, _schedule: object, warnings: list[PlanWarning]
    ) -> None:
        self.model.set_warnings(plan, warnings)
        lines = self.model.rowCount()  # a folded line counts once, as it is shown
        problems = sum(
            1 for r in range(lines) if self.model.group_at(r).severity is Severity.PROBLEM
        )
        if not warnings:
            title = tr("行程提醒：未发现问题")
        elif problems:
            title = tr_n("行程提醒（{0} 条，其中 %n 个问题）", problems).format(lines)
        else:
            title = tr("行程提醒（{0} 条）").format(lines)
        self.setTitle(title)

    def _on_view_clicked(self, index: QModelIndex) -> None:
        stop_id = index.data(STOP_ID_ROLE)
        if stop_id:
            self.stop_chosen.emit(str(stop_id))

    def _on_session_plan_closed(self) -> None:
        self.model.set_warnings(None, [])
        self.setTitle(tr("行程提醒"))
