"""The list of plans (方案): new, copy, delete (asked first, and undoable), rename in place.

At start-up the window builds this list alone, before the plan editor, and fills it from the file
(``show_early``); the plan tools then give it their session (``bind``). Until then it can be
scrolled and searched, and a plan chosen meanwhile is opened once the workspace is.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hongtu.core.plan_edits import NEW_PLAN_TITLE, copy_title, default_plan_date
from hongtu.qt import messages
from hongtu.qt.plan_list_model import PLAN_ID_ROLE, PlanColumn, PlanFilterProxy, PlanListModel
from hongtu.qt.table_rows import compact_rows

if TYPE_CHECKING:  # the editor's modules are not needed to list plans (start-up)
    from hongtu.core.plans import Plan
    from hongtu.core.storage.plan_summary import PlanSummary
    from hongtu.qt.plan_session import PlanSession


def tr(text: str) -> str:
    return QCoreApplication.translate("PlanList", text)


RESIZE_ROWS = 30  # rows measured to size the date, status and stop-count columns


class PlanListPanel(QWidget):
    """``session``: the plan tools' session; None until they exist (``bind`` gives it)."""

    def __init__(self, session: PlanSession | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: PlanSession | None = None
        self.listed_early = False  # filled from the file before the workspace was open
        self._chosen_early: int | None = None
        self.model = PlanListModel(None, self)
        self.proxy = PlanFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("搜索方案"))
        self.search.setClearButtonEnabled(True)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.verticalHeader().hide()
        compact_rows(self.table)  # a line of text tall: more plans show on a small screen
        self.table.setTabKeyNavigation(False)  # arrows pick a plan; Tab goes on past the list
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(RESIZE_ROWS)  # not all 10,000 rows on every edit
        header.setSectionResizeMode(PlanColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (PlanColumn.DATE, PlanColumn.STATUS, PlanColumn.STOPS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # a header click sorts (the model sorts its list in one pass); newest first to begin
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(PlanColumn.DATE, Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self._on_sort_indicator_changed)
        self.new_button = QPushButton(tr("新建方案"), self)
        self.copy_button = QPushButton(tr("复制"), self)
        self.delete_button = QPushButton(tr("删除"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.delete_button)
        # the actions on the selected plan (记录活动…) go under the list, as 加入方案 goes under
        # the sites: beside 新建方案 复制 删除 they held the left pane wide (387 px in English),
        # and the 日程 under the map paid for it on a 1366×768 laptop at 125 %
        self.buttons = QHBoxLayout()
        self.action_buttons: list[QPushButton] = []
        self.empty = QLabel(tr("还没有方案。点击“新建方案”开始规划一次主题党日活动。"), self)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.search)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addLayout(self.buttons)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.new_button.clicked.connect(self.create_plan)
        self.copy_button.clicked.connect(self.duplicate_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self._update_buttons()
        if session is not None:
            self.bind(session)

    def bind(self, session: PlanSession) -> None:
        """The plan tools exist: plans can be opened, created, copied and deleted (once)."""
        if self.session is not None:
            return
        self.session = session
        self.model.session = session
        session.plans_changed.connect(self.refresh)
        session.plan_listed.connect(self._on_session_plan_listed)
        session.plan_changed.connect(self._on_session_plan_changed)
        session.plan_closed.connect(self._update_buttons)
        if session.attached:  # bound after the workspace: list its plans now
            self.refresh()
        self._update_buttons()

    def _attached(self) -> bool:
        return self.session is not None and self.session.attached

    def _open_plan_id(self) -> int | None:
        plan = self.session.plan if self.session is not None else None
        return plan.id if plan is not None else None

    # ---- use cases ----------------------------------------------------------------------------
    def show_early(self, plans: list[PlanSummary]) -> None:
        """Start-up: list the plans read straight from the file before the workspace is open.

        The list can be scrolled and filtered at once; a plan chosen meanwhile is opened as
        soon as the workspace is (``refresh``), and the buttons wait for it too."""
        if self._attached():
            return
        self.table.selectionModel().blockSignals(True)
        self.model.set_plans(plans)
        self.table.selectionModel().blockSignals(False)
        self.listed_early = True
        self.empty.setVisible(self.model.rowCount() == 0)
        self._update_buttons()

    def refresh(self) -> None:
        session = self.session
        if session is None:
            return
        current = self._open_plan_id()
        self.table.selectionModel().blockSignals(True)
        self.model.set_plans(session.list_plans())
        self.table.selectionModel().blockSignals(False)
        if current is None and self._chosen_early is not None and session.attached:
            current, self._chosen_early = self._chosen_early, None
            self._select(current)
            session.open(current)  # chosen while the workspace was opening
        elif current is not None:
            self._select(current)
        self.empty.setVisible(self.model.rowCount() == 0)
        self._update_buttons()

    def _on_search_text_changed(self, text: str) -> None:
        """Filter the list; hiding the open plan's row does not open another plan.

        The selection follows the open plan: its row when shown, no row when filtered out (so
        复制 and 删除 never act on a plan that merely slid under the cursor).
        """
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        self.proxy.set_query(text)
        open_id = self._open_plan_id()
        row = self.model.row_of(open_id) if open_id is not None else None
        shown = row is not None and self.proxy.mapFromSource(self.model.index(row, 0)).isValid()
        if not shown:
            selection.clear()
        selection.blockSignals(False)
        if shown and open_id is not None:
            self._select(open_id)
        self.table.viewport().update()
        self._update_buttons()

    def _on_sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        """A header clicked: the rows in that column's order; the open plan stays chosen."""
        current = self._open_plan_id()
        self.table.selectionModel().blockSignals(True)
        self.model.sort(column, order)
        self.table.selectionModel().blockSignals(False)
        if current is not None:
            self._select(current)
        self.table.scrollTo(self.table.currentIndex())

    def _on_search_return_pressed(self) -> None:
        """Enter in the search box: the first plan shown is chosen (opened), unless one
        already is, and the keys go to the list (arrows move, F2 renames)."""
        if self.proxy.rowCount() == 0:
            return
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, PlanColumn.TITLE))
        self.table.setFocus()

    def _on_session_plan_listed(self, plan_id: int) -> None:
        """One plan's line changed: update that row only (never a reload of every plan)."""
        if self.session is None:
            return
        current = self._open_plan_id()
        self.table.selectionModel().blockSignals(True)
        self.model.update_plan(plan_id, self.session.plan_summary(plan_id))
        self.table.selectionModel().blockSignals(False)
        if current is not None:
            self._select(current)
        self.empty.setVisible(self.model.rowCount() == 0)
        self._update_buttons()

    def create_plan(self) -> None:
        if self.session is not None and self.session.attached:
            self.session.create(NEW_PLAN_TITLE, default_plan_date(date.today()))

    def add_plan_action(self, action: QAction, button_text: str) -> None:
        """An action on the selected plan: in the list's context menu and as a button."""
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addAction(action)
        button = QPushButton(button_text, self)
        button.setToolTip(action.toolTip())
        button.setEnabled(action.isEnabled())
        button.clicked.connect(action.trigger)
        action.enabledChanged.connect(button.setEnabled)
        self.buttons.addWidget(button)
        self.action_buttons.append(button)

    def selected_plan_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(PLAN_ID_ROLE) if index.isValid() else None

    def duplicate_selected(self) -> None:
        plan_id = self.selected_plan_id()
        if plan_id is None or self.session is None or not self.session.attached:
            return
        title = self.model.summary_at(self.model.row_of(plan_id) or 0).title
        self.session.duplicate(plan_id, copy_title(title))

    def delete_selected(self) -> None:
        plan_id = self.selected_plan_id()
        row = self.model.row_of(plan_id) if plan_id is not None else None
        if plan_id is None or row is None or self.session is None or not self.session.attached:
            return
        title = self.model.summary_at(row).title
        text = tr("删除方案“{0}”？").format(title)
        if self.session.store.is_recorded(plan_id):
            text += "\n" + tr(
                "这个方案的活动已经记录：删除后，这一天的记录随方案移出台账，不再计入出勤。"
            )
        text += "\n" + tr("删除后可用“编辑 → 撤销”（Ctrl+Z）恢复。")
        if messages.question(self, tr("删除方案"), text):
            self.session.delete(plan_id)

    # ---- slots --------------------------------------------------------------------------------
    def _select(self, plan_id: int) -> None:
        row = self.model.row_of(plan_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid() or index.row() == self.table.currentIndex().row():
            return
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().blockSignals(True)
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.selectionModel().blockSignals(False)
        self.table.viewport().update()

    def _on_session_plan_changed(self, plan: Plan, _schedule: object, _warnings: object) -> None:
        if plan.id is not None:
            self._select(plan.id)
        self._update_buttons()

    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        plan_id = current.data(PLAN_ID_ROLE) if current.isValid() else None
        if plan_id is not None and (self.session is None or not self.session.attached):
            self._chosen_early = int(plan_id)  # listed early: opened once the workspace is
        elif plan_id is not None and self.session is not None:
            self.session.open(int(plan_id))
        self._update_buttons()

    def _update_buttons(self) -> None:
        attached = self._attached()
        selected = self.selected_plan_id() is not None
        self.new_button.setEnabled(attached)
        self.copy_button.setEnabled(attached and selected)
        self.delete_button.setEnabled(attached and selected)
