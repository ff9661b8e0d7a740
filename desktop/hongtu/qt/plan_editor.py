"""The plan editor: the theme on top, then 行程 (stops and their activities) and 基本信息.

Every control calls one ``PlanSession`` method; the editor only shows what ``plan_changed``
brings back. Typed text is debounced (``DebouncedText``) and flushed when the session asks.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QItemSelectionModel,
    QModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hongtu.core import limits, plan_edits
from hongtu.core.plans import ActivityKind, Plan, PlanStatus, TransportMode
from hongtu.qt import messages
from hongtu.qt.messages import plain_label
from hongtu.qt.number_fields import (
    NumberRange,
    counted_unit,
    hint_range,
    number_box,
    people_unit,
    range_problem,
)
from hongtu.qt.plan_fields import DebouncedText
from hongtu.qt.plan_gathering import GatheringEditor
from hongtu.qt.plan_list_model import status_label
from hongtu.qt.plan_models import (
    STOP_ID_ROLE,
    ActivityColumn,
    PlanStopsModel,
    StopActivitiesModel,
    StopColumn,
    activity_from_text,
    activity_kind_label,
    transport_label,
)
from hongtu.qt.plan_session import PlanSession
from hongtu.qt.site_model import SiteTableModel
from hongtu.qt.stop_search import StopSearchBox
from hongtu.qt.table_rows import compact_rows, rows_tall
from hongtu.qt.time_field import TimeField
from hongtu.qt.wheel_guard import guard_wheels


def tr(text: str) -> str:
    return QCoreApplication.translate("PlanEditor", text)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


#: However the plan pane is squeezed, the stops table shows this many stops whole
LEAST_STOP_ROWS = 4
#: … or this many while the conflict bar above the editor takes room: with four, the window
#: was taller than a 1366×768 laptop at 125 % leaves
LEAST_STOP_ROWS_UNDER_BAR = 2
#: … and this many before the warnings under the editor get more than a line
ROOMY_STOP_ROWS = 8


class ActivitiesView(QTableView):
    """The chosen stop's activities: two rows tall (one when room is short), so the stops
    above get the room a small screen has."""

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().sizeHint().width(), rows_tall(self, 2))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().minimumSizeHint().width(), rows_tall(self, 1))


class StopsView(QTableView):
    """The stops table; Ctrl+↑/↓ or Alt+↑/↓ move the current stop, Delete removes it."""

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDragDropOverwriteMode(False)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.verticalHeader().hide()
        self.setTabKeyNavigation(False)  # arrows move between stops; Tab goes on to the buttons
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )

    def current_stop_id(self) -> str | None:
        index = self.currentIndex()
        return index.data(STOP_ID_ROLE) if index.isValid() else None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        stop_id = self.current_stop_id()
        moving = event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if stop_id is not None and moving and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.session.move_stop_by(stop_id, -1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
            return
        if stop_id is not None and event.matches(QKeySequence.StandardKey.Delete):
            self.session.remove_stop(stop_id)
            event.accept()
            return
        super().keyPressEvent(event)


class PlanEditor(QWidget):
    site_requested = Signal(int)  # the add-stop box chose a site (PlanUi adds it)
    optimise_requested = Signal()  # 优化顺序 was pressed (PlanUi optimises off the GUI thread)

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.plan: Plan | None = None
        self._insert_after: str | None = None  # the stop the organiser chose; None: the end
        self._selecting = False
        self.stops_model = PlanStopsModel(session, self)
        self.activities_model = StopActivitiesModel(session, self)
        self._build_header()
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_itinerary_tab(), tr("行程安排"))
        self.tabs.addTab(self._build_info_tab(), tr("基本信息"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.header)
        layout.addWidget(self.tabs)
        self._texts = [
            self.title_text,
            self.branch_text,
            self.organiser_text,
            self.phone_text,
            self.notes_text,
            self.participants_text,
        ]
        session.plan_changed.connect(self._on_session_plan_changed)
        session.plan_closed.connect(self._on_session_plan_closed)
        session.flush_requested.connect(self.flush)
        self.stops_view.selectionModel().currentRowChanged.connect(self._on_stops_current_changed)
        guard_wheels(self)  # the wheel scrolls 基本信息; it changes only a field clicked into
        self.setEnabled(False)

    # ---- building ------------------------------------------------------------------------------
    def _build_header(self) -> None:
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(tr("活动主题（必填）"))
        # no maxLength: it counts UTF-16 units (an emoji twice) and cuts a paste silently;
        # an over-long title is refused in words instead (``_on_title_typed``)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title_text = DebouncedText(self.title, self._on_title_typed, self)
        self.title_problem = plain_label(parent=self)
        self.title_problem.setStyleSheet("color: #b00020;")
        self.title_problem.hide()
        self.header = QVBoxLayout()
        self.header.addWidget(self.title)
        self.header.addWidget(self.title_problem)

    def _build_itinerary_tab(self) -> QWidget:
        page = QWidget(self)
        self.stop_search = QLineEdit(page)
        self.stop_search.setPlaceholderText(tr("添加站点：输入名称或拼音首字母，回车加入"))
        self.stop_search.setClearButtonEnabled(True)
        self.search_box = StopSearchBox(self.stop_search, self)
        self.completer = self.search_box.completer
        self.search_box.site_chosen.connect(self._on_search_box_site_chosen)
        self.search_box.nothing_found.connect(self._on_search_box_nothing_found)
        self.search_problem = plain_label(parent=page)
        self.search_problem.setStyleSheet("color: #b00020;")
        self.search_problem.hide()
        self.stop_search.textEdited.connect(self.search_problem.hide)
        self.stops_view = StopsView(self.session, page)
        self.stops_view.setModel(self.stops_model)
        compact_rows(self.stops_view)
        self.stops_view.setMinimumHeight(rows_tall(self.stops_view, LEAST_STOP_ROWS))
        header = self.stops_view.horizontalHeader()
        header.setResizeContentsPrecision(30)  # a 200-stop day: size from the first rows
        header.setSectionResizeMode(StopColumn.PLACE, QHeaderView.ResizeMode.Stretch)
        for column in (StopColumn.NUMBER, StopColumn.MINUTES, StopColumn.PINNED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.up_button = QPushButton(tr("上移"), page)
        self.up_button.setToolTip(tr("上移所选站点（Ctrl+↑）"))
        self.down_button = QPushButton(tr("下移"), page)
        self.down_button.setToolTip(tr("下移所选站点（Ctrl+↓）"))
        self.remove_button = QPushButton(tr("移除"), page)
        self.remove_button.setToolTip(tr("从方案中移除所选站点（Delete，可撤销）"))
        self.optimise_button = QPushButton(tr("优化顺序"), page)
        self.optimise_button.setToolTip(tr("按路程最短重新排列站点；固定的站点不动（可撤销）"))
        buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.optimise_button)
        self.activities_title = plain_label(tr("活动（先选择一个站点）"), page)
        # a long stop name goes on to a second line: on one line it held the whole right-hand
        # pane (and the window) wider, squeezing the 日程 under the map to two characters
        self.activities_title.setWordWrap(True)
        self.activities_view = ActivitiesView(page)
        self.activities_view.setModel(self.activities_model)
        compact_rows(self.activities_view)
        self.activities_view.verticalHeader().hide()
        self.activities_view.setTabKeyNavigation(False)  # Tab goes on to the activity box
        self.activities_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.activities_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        activity_header = self.activities_view.horizontalHeader()
        activity_header.setSectionResizeMode(
            ActivityColumn.ACTIVITY, QHeaderView.ResizeMode.Stretch
        )
        activity_header.setSectionResizeMode(
            ActivityColumn.MINUTES, QHeaderView.ResizeMode.ResizeToContents
        )
        self.activity_choice = QComboBox(page)
        self.activity_choice.setEditable(True)
        self.activity_choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # as narrow as ten characters: as wide as its longest activity, it held the plan pane
        # (and so the 日程 under the map) wider in English
        self.activity_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.activity_choice.setMinimumContentsLength(10)
        for kind in ActivityKind:
            if kind is not ActivityKind.CUSTOM:
                self.activity_choice.addItem(activity_kind_label(kind), kind.value)
        activity_text = self.activity_choice.lineEdit()
        assert activity_text is not None  # an editable combo box always has its line edit
        activity_text.setMaxLength(limits.TEXT_LIMITS["label"])
        activity_text.setPlaceholderText(tr("选择或输入活动"))
        self.add_activity_button = QPushButton(tr("添加活动"), page)
        self.remove_activity_button = QPushButton(tr("删除活动"), page)
        activity_row = QHBoxLayout()
        activity_row.addWidget(self.activity_choice, 1)
        activity_row.addWidget(self.add_activity_button)
        activity_row.addWidget(self.remove_activity_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addWidget(self.stop_search)
        layout.addWidget(self.search_problem)
        layout.addWidget(self.stops_view, 3)  # the room goes to the stops first
        layout.addLayout(buttons)
        layout.addWidget(self.activities_title)
        layout.addWidget(self.activities_view, 1)
        layout.addLayout(activity_row)
        self.up_button.clicked.connect(lambda: self._move_current(-1))
        self.down_button.clicked.connect(lambda: self._move_current(1))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.optimise_button.clicked.connect(self.optimise_requested)
        self.add_activity_button.clicked.connect(self._on_add_activity_clicked)
        self.remove_activity_button.clicked.connect(self._on_remove_activity_clicked)
        activity_text.returnPressed.connect(self._on_add_activity_clicked)
        return page

    def _build_info_tab(self) -> QWidget:
        page = QWidget(self)
        self.branch = QLineEdit(page)
        self.branch.setPlaceholderText(tr("如：机关第一党支部"))
        self.branch.setMaxLength(limits.TEXT_LIMITS["branch"])
        self.date = QDateEdit(page)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd ddd")
        self.date.setDateRange(_qdate(limits.FIRST_DATE), _qdate(limits.LAST_DATE))
        # keeps what is typed (a box held to 1–1000 saved 5 for a typed -5 and 100 for 1001);
        # a number out of range is said beside it and not applied
        self.participants = number_box(page)
        counted_unit(self.participants, people_unit)
        hint_range(self.participants, self._participants_range())
        self.participants_problem = plain_label(parent=page)
        self.participants_problem.setStyleSheet("color: #b00020;")
        self.participants_problem.setWordWrap(True)
        self.participants_problem.hide()
        self.organiser = QLineEdit(page)
        self.organiser.setPlaceholderText(tr("联系人姓名"))
        self.organiser.setMaxLength(limits.TEXT_LIMITS["organiser"])
        self.phone = QLineEdit(page)
        self.phone.setPlaceholderText(tr("联系电话"))
        self.phone.setMaxLength(limits.TEXT_LIMITS["phone"])
        self.transport = QComboBox(page)
        for mode in TransportMode:
            self.transport.addItem(transport_label(mode), mode.value)
        self.gathering = GatheringEditor(self.session.set_gathering, page)
        self.gathering_time = TimeField(tr("集合时间"), page)  # typed as 8:00, 0800, 8点…
        self.gathering_time_problem = self._problem_label(page)
        self.returns = QCheckBox(tr("活动结束后返回集合地点"), page)
        # when the branch must be back (blank: not said): a later end is warned of
        self.return_by = TimeField(tr("返回时间（最晚）"), page, optional=True)
        self.return_by_problem = self._problem_label(page)
        self.status = QComboBox(page)
        for status in PlanStatus:
            self.status.addItem(status_label(status), status.value)
        self.notes = QPlainTextEdit(page)
        self.notes.setPlaceholderText(
            tr("工作要求 / 注意事项：着装、携带身份证、准时集合、安全纪律……")
        )
        contact = QHBoxLayout()
        contact.addWidget(self.organiser, 1)
        contact.addWidget(self.phone, 1)
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # a pane too narrow for a label and its field side by side (English at the first
        # window's size) puts the field under its label instead of cutting it off at the side
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(tr("党支部"), self.branch)
        form.addRow(tr("活动日期"), self.date)
        form.addRow(tr("参加人数"), self.participants)
        form.addRow("", self.participants_problem)
        form.addRow(tr("联系人"), contact)
        form.addRow(tr("交通方式"), self.transport)
        form.addRow(tr("集合地点"), self.gathering)
        form.addRow(tr("集合时间"), self.gathering_time)
        form.addRow("", self.gathering_time_problem)
        form.addRow("", self.returns)
        form.addRow(tr("返回时间（最晚）"), self.return_by)
        form.addRow("", self.return_by_problem)
        form.addRow(tr("状态"), self.status)
        form.addRow(tr("工作要求"), self.notes)
        self.notes_problem = plain_label(parent=page)  # a note pasted past its limit
        self.notes_problem.setStyleSheet("color: #b00020;")
        self.notes_problem.setWordWrap(True)
        self.notes_problem.hide()
        form.addRow("", self.notes_problem)
        self.branch_text = DebouncedText(self.branch, self._text_commit("branch"), self)
        self.organiser_text = DebouncedText(self.organiser, self._text_commit("organiser"), self)
        self.phone_text = DebouncedText(self.phone, self._text_commit("phone"), self)
        self.notes_text = DebouncedText(self.notes, self._on_notes_typed, self)
        editor = self.participants.lineEdit()
        assert editor is not None  # a spin box has one
        self.participants_text = DebouncedText(editor, self._commit_participants, self)
        editor.textChanged.connect(self._on_participants_shown)  # also text that is no number
        self.date.dateChanged.connect(self._on_date_changed)
        self.participants.stepped.connect(self._commit_participants)
        self.transport.activated.connect(self._on_transport_activated)
        self.gathering_time.time_typed.connect(self._on_gathering_time_typed)
        self.gathering_time.problem_changed.connect(
            lambda problem: self._show_problem(self.gathering_time_problem, problem)
        )
        self.returns.toggled.connect(self._on_returns_toggled)
        self.return_by.time_typed.connect(self._on_return_by_typed)
        self.return_by.problem_changed.connect(
            lambda problem: self._show_problem(self.return_by_problem, problem)
        )
        self.status.activated.connect(self._on_status_activated)
        # Scrolled, not squeezed: the form is ~450 px tall, and with it the window could not
        # be shorter than 724 px — taller than a 1366×768 or 1280×720 screen's room under a
        # title bar and a taskbar.
        scroll = QScrollArea(self)
        scroll.setWidget(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        return scroll

    def roomy_height(self) -> int:
        """The editor's height when its stops table shows ``ROOMY_STOP_ROWS`` stops."""
        least = self.stops_view.minimumHeight()
        return self.minimumSizeHint().height() - least + rows_tall(self.stops_view, ROOMY_STOP_ROWS)

    def leave_room_above(self, leave: bool) -> None:
        """While a bar above the editor (the conflict bar) needs the room, the stops table may
        show ``LEAST_STOP_ROWS_UNDER_BAR`` stops instead of ``LEAST_STOP_ROWS``."""
        rows = LEAST_STOP_ROWS_UNDER_BAR if leave else LEAST_STOP_ROWS
        self.stops_view.setMinimumHeight(rows_tall(self.stops_view, rows))
        # Said at once to every widget up to the window: Qt passes a new size on one widget
        # at a time, on later turns of the event loop (and not at all from a hidden page, as
        # behind 基本信息, where a conflict is often made), and meanwhile the window measured
        # the bar with the old table and grew to 594 px for good.
        widget: QWidget | None = self.stops_view
        while widget is not None and not widget.isWindow():
            widget.updateGeometry()
            widget = widget.parentWidget()

    # ---- content -------------------------------------------------------------------------------
    def set_site_model(self, model: SiteTableModel) -> None:
        self.search_box.set_site_model(model)
        self.site_model = model

    def flush(self) -> None:
        for text in self._texts:
            text.flush()
        self.gathering_time.commit()
        self.return_by.commit()
        self.gathering.flush()

    def selected_stop_id(self) -> str | None:
        return self.stops_view.current_stop_id()

    def select_stop(self, stop_id: str, *, chosen: bool = False) -> None:
        """Select and show a stop. ``chosen``: as if the organiser picked it, so new stops go
        after it; otherwise (a plan opened, a stop added at the end) they still go at the end."""
        row = self.stops_model.row_of(stop_id)
        if row is None:
            return
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        index = self.stops_model.index(row, StopColumn.PLACE)
        self._selecting = True
        try:
            self.stops_view.selectionModel().setCurrentIndex(index, flags)
        finally:
            self._selecting = False
        self.stops_view.scrollTo(index)
        if chosen:
            self._insert_after = stop_id

    def insert_position(self) -> int | None:
        """Where a new stop goes: after the stop the organiser chose, else None (the end)."""
        if self.plan is None or self._insert_after is None:
            return None
        if self.stops_model.row_of(self._insert_after) is None:
            self._insert_after = None
            return None
        return plan_edits.stop_index(self.plan, self._insert_after) + 1

    def add_site(self, site_id: int) -> str | None:
        """Add a catalogue site where ``insert_position`` says, select and show it.

        A site already in the plan is added again only if the organiser says so.
        """
        if self.plan is None:
            return None
        if any(stop.site_id == site_id for stop in self.plan.stops) and not messages.question(
            self,
            tr("站点已在方案中"),
            tr("“{0}”已在方案中。还要再加入一次吗？").format(self._site_name(site_id)),
        ):
            return None
        chosen = self._insert_after is not None
        stop_id = self.session.add_site_stop(site_id, self.insert_position())
        if stop_id is not None:
            self.select_stop(stop_id, chosen=chosen)
        return stop_id

    def _site_name(self, site_id: int) -> str:
        site = self.session.sites.get(site_id)
        return site.name if site is not None else str(site_id)

    def optimise(self) -> bool:
        """At once, on this thread (scripts, tests); the window optimises in the background."""
        return self.session.optimise_order()

    # ---- showing the plan ----------------------------------------------------------------------
    def _on_session_plan_changed(self, plan: Plan, _schedule: object, _warnings: object) -> None:
        opened = self.plan is None or self.plan.id != plan.id
        if opened:
            self._insert_after = None
        self.plan = plan
        self.setEnabled(True)
        self.stops_model.set_plan(plan)
        self._show_fields(plan, opened=opened)
        self.activities_model.show_stop(plan, self.selected_stop_id())
        if opened and plan.stops:
            self.select_stop(plan.stops[0].id)
        self._update_buttons()

    def _on_session_plan_closed(self) -> None:
        self.plan = None
        self._insert_after = None
        self.stops_model.set_plan(None)
        self.activities_model.show_stop(None, None)
        self.setEnabled(False)

    def _show_fields(self, plan: Plan, *, opened: bool = False) -> None:
        self.title_text.show_value(plan.title)
        self.title_problem.hide()
        if opened:
            self.notes_problem.hide()
        self.branch_text.show_value(plan.branch)
        self.organiser_text.show_value(plan.organiser)
        self.phone_text.show_value(plan.phone)
        self.notes_text.show_value(plan.notes)
        day, start = plan.date, plan.gathering_time
        setters: tuple[tuple[QWidget, Callable[[], None]], ...] = (
            (self.date, lambda: self.date.setDate(_qdate(day))),
            (self.participants, lambda: self._show_participants(plan.participants, opened)),
            (self.returns, lambda: self.returns.setChecked(plan.returns_to_gathering)),
            (self.transport, lambda: self.transport.setCurrentIndex(
                self.transport.findData(plan.transport.value))),
            (self.status, lambda: self.status.setCurrentIndex(
                self.status.findData(plan.status.value))),
        )  # fmt: skip
        for widget, setter in setters:
            widget.blockSignals(True)
            setter()
            widget.blockSignals(False)
        self.gathering_time.set_time(start)  # (sends no time_typed; a problem shown goes)
        self.return_by.set_time(plan.return_by)
        self.gathering.show_gathering(plan.gathering, opened=opened)

    def _update_buttons(self) -> None:
        stop_id = self.selected_stop_id()
        count = len(self.plan.stops) if self.plan is not None else 0
        row = self.stops_model.row_of(stop_id) if stop_id is not None else None
        self.up_button.setEnabled(row is not None and row > 0)
        self.down_button.setEnabled(row is not None and row < count - 1)
        self.remove_button.setEnabled(row is not None)
        self.optimise_button.setEnabled(count >= 2)
        has_stop = row is not None
        self.add_activity_button.setEnabled(has_stop)
        self.remove_activity_button.setEnabled(has_stop and self.activities_model.rowCount() > 0)
        if row is not None:
            name = self.stops_model.index(row, StopColumn.PLACE).data()
            self.activities_title.setText(tr("第{0}站 {1} 的活动").format(row + 1, name))
        else:
            self.activities_title.setText(tr("活动（先选择一个站点）"))

    # ---- slots ---------------------------------------------------------------------------------
    def _text_commit(self, name: str):  # type: ignore[no-untyped-def]
        def commit(text: str) -> None:
            self.session.set_plan_field(name, text.strip(), typing=True)

        return commit

    def _on_notes_typed(self, text: str) -> None:
        """The notes field has no length limit of its own: what the plan cannot keep is said."""
        limit = limits.TEXT_LIMITS["notes"]
        over = len(text.strip()) > limit
        self.notes_problem.setText(
            tr("工作要求最多 {0} 字，超出的部分没有保存。").format(f"{limit:,}") if over else ""
        )
        self.notes_problem.setVisible(over)
        self.session.set_plan_field("notes", text.strip(), typing=True)

    def _on_title_typed(self, text: str) -> None:
        limit = limits.TEXT_LIMITS["title"]
        if not text.strip():
            self.title_problem.setText(tr("活动主题不能为空；未保存空主题"))
            self.title_problem.show()
            return
        if len(text.strip()) > limit:
            self.title_problem.setText(
                tr("活动主题最多 {0} 字，现在是 {1} 字；请删减后再保存（未保存）").format(
                    limit, len(text.strip())
                )
            )
            self.title_problem.show()
            return
        self.title_problem.hide()
        self.session.set_plan_field("title", text.strip(), typing=True)

    def _on_date_changed(self, value: QDate) -> None:
        self.session.set_plan_field("date", value.toPython(), typing=True)

    def _show_participants(self, value: int, opened: bool) -> None:
        """The plan's number, unless the field holds one the organiser is still correcting
        (an edit elsewhere does not put the old number back over it)."""
        if opened or (self.participants_problem.isHidden() and not self.participants_text.pending):
            self._mark_participants(None)
            self.participants.setValue(value)

    def _mark_participants(self, problem: str | None) -> None:
        self.participants_problem.setText(problem or "")
        self.participants_problem.setVisible(problem is not None)
        self.participants.setStyleSheet("" if problem is None else "border: 1px solid #b00020;")

    def _participants_range(self) -> NumberRange:
        return NumberRange(
            tr("参加人数"), limits.MIN_PARTICIPANTS, limits.MAX_PARTICIPANTS, tr(" 人")
        )

    def _participants_problem(self) -> str | None:
        return range_problem(self.participants, self._participants_range())

    def _on_participants_shown(self, _text: str) -> None:
        """A number out of 1–1000 (or none) is said beside the field as soon as it is typed."""
        self._mark_participants(self._participants_problem())

    def _commit_participants(self, *_args: object) -> None:
        """Saved as typed (debounced like the text fields, so 1001 typed is not saved as 1,
        10, 100 on the way) when within 1–1000; otherwise the plan keeps its number."""
        problem = self._participants_problem()
        self._mark_participants(problem)
        if problem is None:
            self.session.set_plan_field("participants", self.participants.value(), typing=True)

    def _on_transport_activated(self, _index: int) -> None:
        self.session.set_plan_field("transport", TransportMode(self.transport.currentData()))

    def _on_gathering_time_typed(self, value: time) -> None:
        self.session.set_plan_field("gathering_time", value)

    @staticmethod
    def _problem_label(parent: QWidget) -> QLabel:
        """A red line under a field saying why what was typed was not taken (hidden until then)."""
        label = plain_label(parent=parent)
        label.setStyleSheet("color: #b00020;")
        label.setWordWrap(True)
        label.hide()
        return label

    @staticmethod
    def _show_problem(label: QLabel, problem: str) -> None:
        label.setText(problem)
        label.setVisible(bool(problem))

    def _on_return_by_typed(self, value: time | None) -> None:
        self.session.set_plan_field("return_by", value)

    def _on_returns_toggled(self, checked: bool) -> None:
        self.session.set_plan_field("returns_to_gathering", checked)

    def _on_status_activated(self, _index: int) -> None:
        self.session.set_plan_field("status", PlanStatus(self.status.currentData()))

    def _on_search_box_site_chosen(self, site_id: int) -> None:
        self.site_requested.emit(site_id)

    def _on_search_box_nothing_found(self, text: str) -> None:
        self.search_problem.setText(
            tr("没有找到“{0}”；请换个名称、别名或拼音首字母。").format(text)
        )
        self.search_problem.show()

    def _on_stops_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._selecting:
            self._insert_after = current.data(STOP_ID_ROLE) if current.isValid() else None
        self.activities_model.show_stop(self.plan, current.data(STOP_ID_ROLE))
        self._update_buttons()

    def _move_current(self, delta: int) -> None:
        stop_id = self.selected_stop_id()
        if stop_id is not None:
            self.session.move_stop_by(stop_id, delta)

    def _on_remove_clicked(self) -> None:
        stop_id = self.selected_stop_id()
        if stop_id is not None:
            self.session.remove_stop(stop_id)

    def _on_add_activity_clicked(self) -> None:
        stop_id = self.selected_stop_id()
        text = self.activity_choice.currentText().strip()
        if stop_id is None or not text:
            return
        kind = next(
            (k for k in ActivityKind if k is not ActivityKind.CUSTOM
             and activity_kind_label(k) == text),
            ActivityKind.CUSTOM,
        )  # fmt: skip
        activity = activity_from_text(text, plan_edits.DEFAULT_ACTIVITY_MINUTES[kind])
        if activity is not None:
            self.session.add_activity(stop_id, activity)

    def _on_remove_activity_clicked(self) -> None:
        stop_id = self.selected_stop_id()
        index = self.activities_view.currentIndex()
        row = index.row() if index.isValid() else self.activities_model.rowCount() - 1
        if stop_id is not None and row >= 0:
            self.session.remove_activity(stop_id, row)
