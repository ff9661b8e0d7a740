"""The 台账 view: a branch's year at a glance.

A window (opened from 台账 › 年度台账…) with the branch and the year to show; twelve months
marked 已开展 / 未开展 / 待开展 (not over yet); each Party-day's 应到, 实到, 请假, 缺席 and
rate (of the Party members) and 列席 (the others who came), its sites and who was missing and
why; each member's months; charts of monthly attendance and the sites visited; and the year's
ledger exported as Word, Excel or PDF.

Everything shown comes from one ``YearLedger`` (``core.ledger.load_ledger``) and the texts of
``core.exports.ledger_summary``, the document the PDF prints, so the view and the exports show
the same figures. Only the year shown is loaded; the year list is one small query. Nothing is
scored or ranked: members stay in roster order and the tables do not sort.

The year follows the database as the plans list does: twice a second, off the GUI thread, the
window asks whether anything was committed and then reads ``RecordStore.stamp``, the branches and
the shown branch's years; a day recorded or corrected by the CLI or a colleague's HongTu is shown
within a second, and a year or a branch recorded there for the first time joins the lists (the
one chosen stays chosen). An export checks the stamp again first, so a file never carries
figures the database no longer has.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hongtu.cli.ledger import ledger_labels
from hongtu.core.atomic import ExportError
from hongtu.core.cancel import CancelledError
from hongtu.core.exports.ledger_labels import LedgerLabels
from hongtu.core.exports.ledger_summary import LedgerSummary, build_ledger_summary
from hongtu.core.ledger import MonthState, YearLedger, load_ledger, rate_text
from hongtu.core.storage.changes import ChangeProbe
from hongtu.qt import messages
from hongtu.qt.ledger_charts import attendance_chart, chart_view, places_chart
from hongtu.qt.ledger_record import RecordDialog
from hongtu.qt.ledger_tables import Shade, TextTable
from hongtu.qt.messages import plain_label
from hongtu.qt.plan_watch import WATCH_MS, StampWatcher
from hongtu.qt.tasks import ProgressTask, TaskRunner, ThreadPoolRunner
from hongtu.qt.window_state import fit_to_screen

if TYPE_CHECKING:
    from hongtu.core.cancel import ShouldStop
    from hongtu.core.workspace import Workspace

LEDGER_FORMATS = ("docx", "xlsx", "pdf")
PREFERRED = QSize(1180, 700)  # shrunk to a smaller screen
HELD_STYLE = "background:#f3e3e1; color:#8e1b1b; border:1px solid #d9a5a0; border-radius:3px"
NOT_HELD_STYLE = "background:#f5f5f5; color:#777777; border:1px solid #dddddd; border-radius:3px"
TO_COME_STYLE = "background:#ffffff; color:#999999; border:1px dashed #dddddd; border-radius:3px"


def tr(text: str) -> str:
    return QCoreApplication.translate("LedgerView", text)


def format_names() -> dict[str, str]:
    return {
        "docx": tr("Word 文档（每次活动一页活动记录）"),
        "xlsx": tr("Excel 表格（每次活动一行，成员逐月出勤）"),
        "pdf": tr("PDF（全年情况汇总，A4）"),
    }


def menu_names() -> dict[str, str]:
    """The 导出台账 menu's items: each asks where to save (…), each with a key of its own."""
    return {
        "docx": tr("Word 文档（每次活动一页活动记录）(&W)…"),
        "xlsx": tr("Excel 表格（每次活动一行，成员逐月出勤）(&E)…"),
        "pdf": tr("PDF（全年情况汇总，A4）(&P)…"),
    }


def totals_text(ledger: YearLedger) -> str:
    c = ledger.counts
    return tr(
        "全年开展 {0} 次主题党日：应到 {1}，实到 {2}，请假 {3}，缺席 {4}，出席率 {5}，列席 {6}"
    ).format(
        len(ledger.days),
        c.expected,
        c.present,
        c.leave,
        c.absent,
        rate_text(c.rate),
        c.observers,
    )


def window_labels() -> LedgerLabels:
    """The ledger's words as ``hongtu ledger show`` has them, with a member's month of 列席 short
    enough for the narrow month columns (in English "Obs.": "Observer" showed as "Obser…")."""
    labels: LedgerLabels = ledger_labels()
    return replace(labels, observer_mark=tr("列席"))


def members_note(labels: LedgerLabels) -> str:
    """Under the members × months: what a month's figures, marks and colours say."""
    return tr(
        "每月显示“实到/应到”：“{0}”（黄色）为请假，“{1}”（红色）为缺席，“{2}”为离开日期之后的"
        "月份。只有党员（正式党员和预备党员）计入应到，其他人出席显示“{3}”。"
    ).format(labels.leave_mark, labels.absent_mark, labels.left_mark, labels.observer_mark)


def month_shades(ledger: YearLedger) -> dict[tuple[int, int], Shade]:
    """Each member's months (row, column) on leave, absent (both: absent) or after they left."""
    shades = {}
    for row, member in enumerate(ledger.members):
        for column, month in enumerate(member.months, start=1):
            if month is not None and (month.absent or month.leave):
                shades[row, column] = Shade.ABSENT if month.absent else Shade.LEAVE
            elif month is None and member.left_in(ledger.year, column):
                shades[row, column] = Shade.LEFT
    return shades


SHOWN_NAMES = 10  # of the members of 政治面貌 其他; the count says how many there are


def others_text(names: list[str]) -> str:
    """Why members are 列席 and not in 应到: their 政治面貌 is 其他 (a roster without that
    column), and where to put it right."""
    return tr(
        "{0} 人的政治面貌是“其他”（名册没有填写政治面貌的也是“其他”），出席记为列席，"
        "不计入应到：{1}。如果其中有党员，请在“文件 › 成员名单…”中改正政治面貌。"
    ).format(len(names), tr("、").join(names[:SHOWN_NAMES]) + ("…" if names[SHOWN_NAMES:] else ""))


MONTH_STYLES = {
    MonthState.HELD: HELD_STYLE,
    MonthState.MISSED: NOT_HELD_STYLE,
    MonthState.TO_COME: TO_COME_STYLE,
    MonthState.NOT_RECORDED: TO_COME_STYLE,
}


def month_tip(state: MonthState) -> str:
    if state is MonthState.HELD:
        return tr("查看这个月的主题党日")
    if state is MonthState.TO_COME:
        return tr("这个月还没有过完，不算未开展")
    if state is MonthState.NOT_RECORDED:
        return tr("本支部在红途中首次记录活动之前的月份：没有记录，不算未开展")
    return ""


class Choices(NamedTuple):
    """What a look read: the shown year's ``RecordStore.stamp``, the branches there are and the
    years the shown branch recorded a Party-day in."""

    stamp: tuple[object, ...]
    branches: tuple[str, ...]
    years: tuple[int, ...]


class MonthGrid(QWidget):
    """Twelve months: 已开展 (with the month's 实到/应到), 未开展, or 待开展 (not over yet); a
    held month is a button that shows its Party-day."""

    month_clicked = Signal(int)  # 1..12

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(4)
        self.buttons: list[QToolButton] = []
        for month in range(1, 13):
            button = QToolButton(self)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.clicked.connect(lambda _checked=False, m=month: self.month_clicked.emit(m))
            layout.addWidget(button, 0, month - 1)
            self.buttons.append(button)

    def show_year(self, ledger: YearLedger, summary: LedgerSummary) -> None:
        for month, (button, (name, mark, figures)) in enumerate(
            zip(self.buttons, summary.months, strict=True), start=1
        ):
            state = ledger.month_state(month)
            button.setText(f"{name}\n{mark}\n{figures or ' '}")
            button.setEnabled(state is MonthState.HELD)
            button.setStyleSheet(MONTH_STYLES[state])
            button.setToolTip(month_tip(state))


def _table(model: TextTable, parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # arrows move between rows; Tab goes on to the buttons
    table.setSortingEnabled(False)  # by day and in roster order: never ranked
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.horizontalHeader().setMinimumSectionSize(36)
    return table


class LedgerWindow(QDialog):
    """The 台账 of one branch and year; ``workspace`` is read only."""

    ledger_shown = Signal()  # a branch's year is on screen (after every change of either)
    exported = Signal(Path)  # a ledger file was written

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        branch: str = "",
        runner: TaskRunner | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(tr("台账"))
        self.workspace = workspace
        self.labels = window_labels()
        self.ledger: YearLedger | None = None
        self.summary: LedgerSummary | None = None
        self.task: ProgressTask | None = None
        self._runner = runner or ThreadPoolRunner(self)
        self._today = today
        self._charts_stale = True
        self._stamp: tuple[object, ...] = ()
        # other programs' writes: looked for from before the first read, so none is missed
        self._watcher: StampWatcher | None = None
        self._watch()
        self.watch_timer = QTimer(self)
        self.watch_timer.setInterval(WATCH_MS)
        self.watch_timer.timeout.connect(self._look_for_changes)
        self._build()
        self._fill_branches(branch)

    # ---- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.branch = QComboBox(self)
        self.branch.setMinimumContentsLength(14)
        self.branch.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year = QComboBox(self)
        self.export_button = QPushButton(tr("导出台账"), self)
        menu = QMenu(self.export_button)
        self.export_actions = {}
        for fmt, name in menu_names().items():
            action = menu.addAction(name)
            action.triggered.connect(lambda _checked=False, f=fmt: self.ask_and_export(f))
            self.export_actions[fmt] = action
        self.export_button.setMenu(menu)
        top = QHBoxLayout()
        top.addWidget(plain_label(tr("党支部"), self))
        top.addWidget(self.branch)
        top.addSpacing(12)
        top.addWidget(plain_label(tr("年份"), self))
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.export_button)
        self.totals = plain_label("", self)
        self.totals.setWordWrap(True)
        font = self.totals.font()
        font.setBold(True)
        self.totals.setFont(font)
        self.months = MonthGrid(self)
        self.missing_months = plain_label("", self)
        self.missing_months.setWordWrap(True)
        self.others = plain_label("", self)  # members of 政治面貌 其他: why they are 列席
        self.others.setWordWrap(True)
        self.others.setStyleSheet("color: #7a4700;")
        self.others.hide()

        self.days_model = TextTable(range(3, 9), self)
        self.days = _table(self.days_model, self)
        self.days.setToolTip(tr("双击一次活动查看它的活动记录"))
        self.open_button = QPushButton(tr("查看活动记录…"), self)
        self.open_button.setEnabled(False)
        self.places = plain_label("", self)
        self.places.setWordWrap(True)
        # recorded days the roster now disagrees with (their figures stay as recorded)
        self.roster_notes = plain_label("", self)
        self.roster_notes.setWordWrap(True)
        self.roster_notes.setStyleSheet("color: #7a4700;")
        self.roster_notes.hide()
        days_page = QWidget(self)
        days_layout = QVBoxLayout(days_page)
        days_layout.addWidget(self.days, 1)
        days_layout.addWidget(self.roster_notes)
        below = QHBoxLayout()
        below.addWidget(self.places, 1)
        below.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        days_layout.addLayout(below)

        self.members_model = TextTable(range(1, 19), self)
        self.members = _table(self.members_model, self)
        self.members_note = plain_label(members_note(self.labels), self)
        self.members_note.setWordWrap(True)
        members_page = QWidget(self)
        members_layout = QVBoxLayout(members_page)
        members_layout.addWidget(self.members, 1)
        members_layout.addWidget(self.members_note)

        self.attendance_view = chart_view(self)
        self.places_view = chart_view(self)
        charts = QSplitter(Qt.Orientation.Horizontal, self)
        charts.addWidget(self.attendance_view)
        charts.addWidget(self.places_view)
        charts.setStretchFactor(0, 3)
        charts.setStretchFactor(1, 2)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(days_page, tr("每次活动"))
        self.tabs.addTab(members_page, tr("成员出勤"))
        self.tabs.addTab(charts, tr("图表"))
        self.charts_tab = charts

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.totals)
        layout.addWidget(self.months)
        layout.addWidget(self.missing_months)
        layout.addWidget(self.others)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

        self.branch.currentIndexChanged.connect(self._on_branch_changed)
        self.year.currentIndexChanged.connect(self._on_year_changed)
        self.months.month_clicked.connect(self.show_month)
        self.days.doubleClicked.connect(self._on_day_activated)
        self.days.selectionModel().selectionChanged.connect(self._on_day_selection)
        self.open_button.clicked.connect(self.open_selected_day)
        self.days.installEventFilter(self)  # Enter on a day opens its record
        self.tabs.currentChanged.connect(self._on_tab_changed)
        fit_to_screen(self, PREFERRED)

    # ---- choosing the branch and the year -----------------------------------------------------
    def _fill_branches(self, preferred: str) -> None:
        names = self.workspace.members.branches()
        preferred = preferred or self.workspace.records.latest_branch() or ""
        if preferred and preferred not in names:
            names.append(preferred)
        self.branch.blockSignals(True)
        self.branch.clear()
        self.branch.addItems(names)
        self.branch.setCurrentIndex(names.index(preferred) if preferred else 0)
        self.branch.blockSignals(False)
        self._on_branch_changed()

    def _on_branch_changed(self, _index: int = 0) -> None:
        years = self.workspace.records.years(self.branch.currentText())
        self._fill_years(years, years[0] if years else self._today().year)
        self._on_year_changed()

    def _fill_years(self, years: list[int], chosen: int) -> None:
        """The years recorded, this year and ``chosen`` (selected), newest first."""
        shown = sorted({*years, self._today().year, chosen}, reverse=True)
        self.year.blockSignals(True)
        self.year.clear()
        for year in shown:
            self.year.addItem(tr("{0}年").format(year), year)
        self.year.setCurrentIndex(shown.index(chosen))
        self.year.blockSignals(False)

    def _follow(self, choices: Choices) -> None:
        """The lists as the database has them now (another program recorded a day in a new year
        or for a new branch); the branch and year chosen stay chosen."""
        branch, year = self.branch.currentText(), self.year.currentData()
        if not branch:  # no branch yet: the first one there is now is shown
            if choices.branches:
                self._fill_branches("")
            return
        names = [*choices.branches, *([] if branch in choices.branches else [branch])]
        if names != [self.branch.itemText(i) for i in range(self.branch.count())]:
            self.branch.blockSignals(True)
            self.branch.clear()
            self.branch.addItems(names)
            self.branch.setCurrentIndex(names.index(branch))
            self.branch.blockSignals(False)
        if year is None:
            return
        shown = sorted({*choices.years, self._today().year, int(year)}, reverse=True)
        if shown != [self.year.itemData(i) for i in range(self.year.count())]:
            self._fill_years(list(choices.years), int(year))

    def _on_year_changed(self, _index: int = 0) -> None:
        branch, year = self.branch.currentText(), self.year.currentData()
        if not branch or year is None:
            self._stamp = ()
            self.show_ledger(None)
            return
        self._stamp = self.workspace.records.stamp(branch, int(year))
        self.show_ledger(load_ledger(self.workspace, branch, int(year), self._today()))

    def choose(self, branch: str, year: int) -> None:
        """Show ``branch``'s ``year`` (as if chosen in the two lists)."""
        index = self.branch.findText(branch)
        if index >= 0 and index != self.branch.currentIndex():
            self.branch.setCurrentIndex(index)
        year_index = self.year.findData(year)
        if year_index < 0:
            self.year.addItem(tr("{0}年").format(year), year)
            year_index = self.year.count() - 1
        self.year.setCurrentIndex(year_index)

    def refresh(self) -> None:
        """Reload the year shown (a record was saved or corrected), keeping the tab and the
        selected day."""
        rows = self.days.selectionModel().selectedRows()
        selected = rows[0].row() if rows else None
        self._on_year_changed()
        if selected is not None and selected < self.days_model.rowCount():
            self.days.selectRow(selected)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Coming back to the window (after 记录活动, or the CLI): the year is reloaded at once
        if its records or the roster changed meanwhile, and the lists follow the database. Not
        once it is closed: the platform may deliver its activation after that, when the
        workspace may be closed too (a read then opened a connection nothing closed)."""
        super().changeEvent(event)
        activated = event.type() == QEvent.Type.ActivationChange and self.isActiveWindow()
        if activated and self.isVisible():
            self._refresh_if_changed()

    def _refresh_if_changed(self) -> None:
        branch, year = self.branch.currentText(), self.year.currentData()
        self._take(self._read_choices(branch, year)(), branch, year)

    def _read_choices(self, branch: str, year: object) -> Callable[[], Choices]:
        """What a look reads for ``branch``'s ``year`` (none chosen: only the branches)."""
        records, members = self.workspace.records, self.workspace.members

        def read() -> Choices:
            stamp = records.stamp(branch, int(year)) if branch and isinstance(year, int) else ()
            years = tuple(records.years(branch)) if branch else ()
            return Choices(stamp, tuple(members.branches()), years)

        return read

    def _take(self, choices: Choices, branch: str, year: object) -> None:
        """What was read for ``branch``'s ``year``: the lists follow it, and the year is
        reloaded if its stamp moved (a branch shown for the first time is loaded already)."""
        self._follow(choices)
        shown = (self.branch.currentText(), self.year.currentData())
        if branch and shown == (branch, year) and choices.stamp != self._stamp:
            self.refresh()

    # ---- following other programs' writes ------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._watch()
        self.watch_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        """Closed (or hidden): no more looks, and the probe's connection is closed."""
        super().hideEvent(event)
        if not event.spontaneous():
            self._stop_watching()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Closed, even before it was ever shown (its probe watches from the start)."""
        super().closeEvent(event)
        if event.isAccepted():
            self._stop_watching()

    def _stop_watching(self) -> None:
        self.watch_timer.stop()
        if self._watcher is not None:
            self._watcher.close()
            self._watcher = None

    def _watch(self) -> None:
        if self._watcher is None:
            self._watcher = StampWatcher(ChangeProbe(self.workspace.database.url))

    def _look_for_changes(self) -> None:
        """A tick of ``watch_timer``: the year's stamp, the branches and the branch's years are
        read (off the GUI thread) when something was committed since the last look; the lists
        follow them and the year is reloaded if its stamp moved."""
        if self._watcher is None:
            return
        branch, year = self.branch.currentText(), self.year.currentData()

        def on_read(found: tuple[object, ...]) -> None:
            shown = (self.branch.currentText(), self.year.currentData())
            if shown == (branch, year) and isinstance(found, Choices):
                self._take(found, branch, year)

        self._watcher.start(self._read_choices(branch, year), on_read)

    # ---- showing a year ----------------------------------------------------------------------
    def show_ledger(self, ledger: YearLedger | None) -> None:
        self.ledger = ledger
        self.export_button.setEnabled(ledger is not None)
        if ledger is None:
            self.summary = None
            self.totals.setText(tr("还没有党支部：先在成员名单中导入名册，或记录一次活动。"))
            self.days_model.set_rows((), ())
            self.members_model.set_rows((), ())
            self.months.setVisible(False)
            self.others.hide()
            self.roster_notes.hide()
            self.ledger_shown.emit()
            return
        summary = build_ledger_summary(ledger, self.labels)
        self.summary = summary
        self.months.setVisible(True)
        self.setWindowTitle(summary.title)
        self.totals.setText(totals_text(ledger))
        self.months.show_year(ledger, summary)
        self.missing_months.setText(summary.months_without)
        others = ledger.others()
        self.others.setText(others_text(others))
        self.others.setVisible(bool(others))
        self.days_model.set_rows(summary.day_header, summary.day_rows, bold_last=True)
        self.roster_notes.setText("\n".join(summary.roster_notes))
        self.roster_notes.setVisible(bool(summary.roster_notes))
        self.members_model.set_rows(
            summary.member_header, summary.member_rows, shades=month_shades(ledger)
        )
        self.places.setText(
            self.labels.field_format.format(label=summary.places_heading, text=summary.places)
        )
        self._fit_columns()
        self._charts_stale = True
        if self.tabs.currentWidget() is self.charts_tab:
            self._draw_charts()
        self.ledger_shown.emit()

    def _fit_columns(self) -> None:
        header = self.days.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(9, QHeaderView.ResizeMode.Stretch)
        self.days.setColumnWidth(1, 170)
        self.days.setColumnWidth(2, 230)
        # the name and the year's figures sized to their text ("100.0%" whole at 125 %), the
        # twelve months share the rest
        members = self.members.horizontalHeader()
        members.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for month in range(1, 13):
            members.setSectionResizeMode(month, QHeaderView.ResizeMode.Stretch)

    def _on_tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.charts_tab and self._charts_stale:
            self._draw_charts()

    def _draw_charts(self) -> None:
        """The charts are drawn when their tab is first shown (the view opens sooner)."""
        if self.ledger is None or self.summary is None:
            return
        names = [name for name, _mark, _figures in self.summary.months]
        for view, chart in (
            (self.attendance_view, attendance_chart(self.ledger, names)),
            (self.places_view, places_chart(self.ledger)),
        ):
            old = view.chart()
            view.setChart(chart)
            if old is not None:
                old.deleteLater()
        self._charts_stale = False

    # ---- a day's record ------------------------------------------------------------------------
    def show_month(self, month: int) -> None:
        """The month's (first) Party-day, selected in 每次活动."""
        if self.ledger is None:
            return
        for row, day in enumerate(self.ledger.days):
            if day.day.month == month:
                self.tabs.setCurrentIndex(0)
                self.days.selectRow(row)
                self.days.setFocus()
                return

    def _on_day_selection(self, *_args: object) -> None:
        self.open_button.setEnabled(self._selected_day() is not None)

    def _selected_day(self) -> int | None:
        rows = self.days.selectionModel().selectedRows()
        if not rows or self.ledger is None or rows[0].row() >= len(self.ledger.days):
            return None  # nothing, or the year's totals
        return rows[0].row()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.days
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self._selected_day() is not None
        ):
            self.open_selected_day()
            return True
        return super().eventFilter(watched, event)

    def _on_day_activated(self, _index: QModelIndex) -> None:
        self.open_selected_day()

    def open_selected_day(self) -> RecordDialog | None:
        row = self._selected_day()
        if row is None or self.ledger is None:
            return None
        dialog = RecordDialog(self.ledger.days[row], self.labels, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ---- exports -----------------------------------------------------------------------------
    def default_file_name(self, fmt: str) -> str:
        title = self.summary.title if self.summary is not None else tr("台账")
        safe = "".join("_" if ch in '\\/:*?"<>|' else ch for ch in title)
        return f"{safe}.{fmt}"

    def ask_and_export(self, fmt: str) -> None:
        from hongtu.qt.plan_outputs import start_folder

        suffix = f"*.{fmt}"
        path, _filter = QFileDialog.getSaveFileName(
            self,
            tr("导出台账"),
            str(start_folder() / self.default_file_name(fmt)),
            f"{format_names()[fmt]} ({suffix})",
        )
        if path:
            target = Path(path)
            if target.suffix.lower() != f".{fmt}":
                target = target.with_name(target.name + f".{fmt}")
            self.export_to(fmt, target)

    def export_to(self, fmt: str, path: Path) -> None:
        """Writes the year shown as ``fmt`` to ``path`` (replacing it) on a worker thread;
        ``exported`` when done, a message when it fails (an old file stays as it was)."""
        if self.task is not None:
            return
        self._refresh_if_changed()  # written elsewhere since the last look: the file has it
        if self.ledger is None:
            return
        ledger = self.ledger
        if fmt == "pdf" and self.summary is not None:
            from hongtu.qt.plan_outputs import printable

            if not printable(self.summary, self):
                return

        def job(should_stop: ShouldStop) -> Path:
            # written in the export process: Qt's layout of the PDF and the DOCX writer's work hold
            # the GIL, which on a worker thread of this process froze the window
            from hongtu.qt.export_process import ExportTarget, LedgerExportRequest, write_exports

            request = LedgerExportRequest(ledger, (ExportTarget(fmt, path, True),))
            return write_exports(request, should_stop)[0]

        task = ProgressTask(
            self,
            self._runner,
            tr("正在导出台账…"),
            job,
            self._on_exported,
            self._on_export_failed,
        )
        self.task = None if task.done else task  # a synchronous runner has finished already

    def _on_exported(self, result: object) -> None:
        from hongtu.core.export_folder import remember_export_folder

        self.task = None
        assert isinstance(result, Path)
        remember_export_folder(result.parent)  # the next export, of a plan or a ledger, starts here
        self.exported.emit(result)

    def _on_export_failed(self, error: BaseException) -> None:
        from hongtu.qt.plan_outputs import export_error_text

        self.task = None
        if isinstance(error, CancelledError):
            return  # 取消 was pressed: any old file is as it was
        if isinstance(error, ExportError):
            text = export_error_text(error)
        elif isinstance(error, TimeoutError):
            text = tr("导出用时过长，已停止。原有文件没有被改动。")
        else:
            raise error  # a bug: the crash handler reports it
        messages.warning(self, tr("导出台账"), text)


__all__ = ["LEDGER_FORMATS", "LedgerWindow", "MonthGrid", "totals_text"]
