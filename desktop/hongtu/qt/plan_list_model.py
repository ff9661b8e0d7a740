"""The plans list as a table model, and its search filter: light enough to build at start-up.

The model is a plain list of ``PlanSummary`` (one summary query, no stops loaded); ``data`` is
computed for the rows a view asks about, so ten thousand plans cost one list, not ten thousand
items. This module imports nothing of the plan editor (no schedule, warnings or optimiser): the
window builds the list from the file before the plan tools exist (``hongtu.qt.app``).
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from hongtu.core.plans import PlanStatus
from hongtu.qt.messages import plain_tooltip

if TYPE_CHECKING:
    from hongtu.core.storage.plan_summary import PlanSummary
    from hongtu.qt.plan_session import PlanSession

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
PLAN_ID_ROLE = Qt.ItemDataRole.UserRole + 21
_COLUMNS = 4


def tr(text: str) -> str:
    return QCoreApplication.translate("PlanModels", text)  # the plan models' words, one context


def status_label(status: PlanStatus) -> str:
    return {
        PlanStatus.DRAFT: tr("草稿"),
        PlanStatus.PLANNED: tr("已定"),
        PlanStatus.DONE: tr("已完成"),
    }[status]


class PlanColumn(IntEnum):
    TITLE = 0
    DATE = 1
    STATUS = 2
    STOPS = 3


assert len(PlanColumn) == _COLUMNS


def _list_position(plans: list[PlanSummary], summary: PlanSummary, skip: int | None) -> int:
    """Where ``summary`` goes in ``plans`` (day, then id, descending) once row ``skip`` is out."""
    key = (summary.day, summary.id)
    others = [p for i, p in enumerate(plans) if i != skip] if skip is not None else plans
    low, high = 0, len(others)
    while low < high:
        middle = (low + high) // 2
        if (others[middle].day, others[middle].id) > key:
            low = middle + 1
        else:
            high = middle
    return low


class PlanListModel(QAbstractTableModel):
    """``session``: None until the workspace's plans can be opened (start-up lists them from
    the file first); renaming in place waits for it."""

    def __init__(self, session: PlanSession | None, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self._plans: list[PlanSummary] = []
        self._rows: dict[int, int] | None = None  # plan id → row, rebuilt after a change

    def set_plans(self, plans: list[PlanSummary]) -> None:
        """List ``plans``; nothing happens when they are the ones listed (the workspace's list
        after the one read from the file at start-up), so views keep their place."""
        if plans == self._plans:
            return
        self.beginResetModel()
        self._plans = list(plans)
        self._rows = None
        self.endResetModel()

    def update_plan(self, plan_id: int, summary: PlanSummary | None) -> None:
        """One plan's line changed (``summary``), appeared, or went away (None).

        Only that row is touched, so a list of ten thousand plans is not reset by an edit. The
        order stays the store's: newest day first, then newest id.
        """
        row = self.row_of(plan_id)
        if summary is None:
            if row is not None:
                self.beginRemoveRows(_ROOT, row, row)
                del self._plans[row]
                self._rows = None
                self.endRemoveRows()
            return
        target = _list_position(self._plans, summary, skip=row)
        if row is not None and target == row:
            self._plans[row] = summary
            self.dataChanged.emit(self.index(row, 0), self.index(row, _COLUMNS - 1))
            return
        if row is not None:
            self.beginRemoveRows(_ROOT, row, row)
            del self._plans[row]
            self._rows = None
            self.endRemoveRows()
        self.beginInsertRows(_ROOT, target, target)
        self._plans.insert(target, summary)
        self._rows = None
        self.endInsertRows()

    def row_of(self, plan_id: int) -> int | None:
        if self._rows is None:
            self._rows = {plan.id: row for row, plan in enumerate(self._plans)}
        return self._rows.get(plan_id)

    def summary_at(self, row: int) -> PlanSummary:
        return self._plans[row]

    def title_matches(self, row: int, needle: str) -> bool:
        """Whether row ``row``'s title contains ``needle`` (already case-folded)."""
        return needle in self._plans[row].title.casefold()

    def rows_matching(self, needle: str) -> list[bool]:
        """``title_matches`` for every row, in one pass."""
        return [needle in plan.title.casefold() for plan in self._plans]

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._plans)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else _COLUMNS

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = DISPLAY
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != DISPLAY:
            return None
        titles = [tr("活动主题"), tr("日期"), tr("状态"), tr("站数")]
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        attached = self.session is not None and self.session.attached
        if index.column() == PlanColumn.TITLE and attached:  # renaming needs the workspace
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._plans):
            return None
        plan = self._plans[index.row()]
        column = index.column()
        if role in (DISPLAY, EDIT):  # only the asked column
            if column == PlanColumn.TITLE:
                return plan.title
            if column == PlanColumn.DATE:
                return plan.day.isoformat()
            if column == PlanColumn.STATUS:
                return status_label(plan.status)
            return str(plan.stop_count)
        if role == PLAN_ID_ROLE:
            return plan.id
        if role == Qt.ItemDataRole.ToolTipRole and column == PlanColumn.TITLE:
            return plain_tooltip(
                tr("{0}\n{1}　双击改名").format(plan.title, plan.branch or tr("（未填党支部）"))
            )
        return None

    def setData(self, index: _Index, value: Any, role: int = EDIT) -> bool:  # noqa: N802
        """Renaming in the list: the plan is opened and its title changed (one undo step)."""
        if role != EDIT or not index.isValid() or index.column() != PlanColumn.TITLE:
            return False
        title = str(value).strip()
        session = self.session
        if not title or session is None or not session.attached:
            return False
        plan_id = self._plans[index.row()].id
        session.open(plan_id)
        session.set_plan_field("title", title)
        return True


class PlanFilterProxy(QSortFilterProxyModel):
    """The plans whose title contains the search text, ignoring case.

    A new search text is matched against every title in one pass; Qt then asks once a row
    (Qt's own fixed-string filter asked the model for an index and its data per row, four calls:
    ~5× the CPU at ten thousand plans). Rows added later are matched as Qt asks for them.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._matching: list[bool] | None = None  # every row, while a new text is applied

    def set_query(self, text: str) -> None:
        needle = text.casefold()
        if needle == self._needle:
            return
        model = self.sourceModel()
        self.beginFilterChange()
        self._needle = needle
        if needle and isinstance(model, PlanListModel):
            self._matching = model.rows_matching(needle)
        try:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        finally:
            self._matching = None

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        if not self._needle:
            return True
        if self._matching is not None:
            return self._matching[source_row]
        model = self.sourceModel()
        if isinstance(model, PlanListModel) and not source_parent.isValid():
            return model.title_matches(source_row, self._needle)
        return super().filterAcceptsRow(source_row, source_parent)
