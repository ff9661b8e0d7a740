"""The plans list as a table model, and its search filter: light enough to build at start-up.

The model is a plain list of ``PlanSummary`` (one summary query, no stops loaded); ``data`` is
computed for the rows a view asks about, so ten thousand plans cost one list, not ten thousand
items. This module imports nothing of the plan editor (no schedule, warnings or optimiser): the
window builds the list from the file before the plan tools exist (``hongtu.qt.app``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QCoreApplication,
    QLocale,
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


_STATUS_WORDS = {PlanStatus.DRAFT: "草稿", PlanStatus.PLANNED: "已定", PlanStatus.DONE: "已完成"}
_AWAITING_WORD = "待记录"


def awaiting_record(summary: PlanSummary, today: date) -> bool:
    """A 已定 plan whose day has passed and that has no record yet: held, to be recorded."""
    return summary.status is PlanStatus.PLANNED and summary.day < today


def listed_status(summary: PlanSummary, today: date) -> str:
    """The status column: 待记录 for a 已定 plan whose day is past, else the status."""
    return tr("待记录") if awaiting_record(summary, today) else status_label(summary.status)


def _status_rank(summary: PlanSummary, today: date) -> int:
    """草稿, 已定, 待记录, 已完成: the order a plan goes through."""
    if awaiting_record(summary, today):
        return 2
    return {PlanStatus.DRAFT: 0, PlanStatus.PLANNED: 1, PlanStatus.DONE: 3}[summary.status]


def _date_words(day: date) -> tuple[str, ...]:
    """How a date may be searched for: 2026-09-15 (so 2026, 2026-09), 2026年9月15日, 9月15日."""
    return (
        day.isoformat(),
        f"{day.year}年{day.month}月{day.day}日",
        f"{day.month}月{day.day}日",
        f"{day.year}/{day.month}/{day.day}",
    )


StatusWords = dict[tuple[PlanStatus, bool], str]


def status_words() -> StatusWords:
    """Each status (and 待记录) as it is shown and as it is in Chinese, case-folded: either
    can be typed. Made once a search, not once a row."""
    words: StatusWords = {}
    for status, chinese in _STATUS_WORDS.items():
        words[(status, False)] = f"{status_label(status)}\n{chinese}".casefold()
    words[(PlanStatus.PLANNED, True)] = f"{tr('待记录')}\n{_AWAITING_WORD}".casefold()
    return words


def summary_matches(summary: PlanSummary, needle: str, today: date, words: StatusWords) -> bool:
    """Whether a plan is found by ``needle`` (case-folded): in its title, its status word, or
    the start of a way its date is written (“2026”, “2026-09”, “9月” — not 11月 for “1月”)."""
    if needle in summary.title.casefold():
        return True
    if needle in words[(summary.status, awaiting_record(summary, today))]:
        return True
    if not needle[0].isdigit():
        return False
    if needle.isdigit():  # a bare number is a year (2026), not any day's 1 or 12
        return summary.day.isoformat().startswith(needle)
    return any(word.startswith(needle) for word in _date_words(summary.day))


class PlanColumn(IntEnum):
    TITLE = 0
    DATE = 1
    STATUS = 2
    STOPS = 3


assert len(PlanColumn) == _COLUMNS

SortKey = Callable[["PlanSummary"], Any]


def _by_day(summary: PlanSummary) -> tuple[date, int]:
    return summary.day, summary.id


def _list_position(
    plans: list[PlanSummary],
    summary: PlanSummary,
    skip: int | None,
    key: SortKey = _by_day,
    descending: bool = True,
) -> int:
    """Where ``summary`` goes in ``plans`` (sorted by ``key``; the store's order is day, then
    id, descending) once row ``skip`` is out."""
    wanted = key(summary)
    others = [p for i, p in enumerate(plans) if i != skip] if skip is not None else plans
    low, high = 0, len(others)
    while low < high:
        middle = (low + high) // 2
        there = key(others[middle])
        if (there > wanted) if descending else (there < wanted):
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
        self._key: SortKey = _by_day  # the order the rows are in: the store's, or a header's
        self._descending = True

    def set_plans(self, plans: list[PlanSummary]) -> None:
        """List ``plans``; nothing happens when they are the ones listed (the workspace's list
        after the one read from the file at start-up), so views keep their place."""
        ordered = self._ordered(plans)
        if ordered == self._plans:
            return
        self.beginResetModel()
        self._plans = ordered
        self._rows = None
        self.endResetModel()

    def today(self) -> date:
        """What “past” is measured from (待记录): the plan tools' today, once they exist."""
        return self.session.today() if self.session is not None else date.today()

    def _ordered(self, plans: list[PlanSummary]) -> list[PlanSummary]:
        if self._key is _by_day and self._descending:
            return list(plans)  # the store's order already
        return sorted(plans, key=self._key, reverse=self._descending)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by a column (a header clicked): the title as the language sorts
        words, the date as dates, the status in the order a plan goes through it, the stops as
        numbers; equal ones by date. Sorted here in one pass, not by the proxy row by row."""
        self._key = self._sort_key(PlanColumn(column))
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._plans[index.row()].id for index in before]
        self._plans.sort(key=self._key, reverse=self._descending)
        self._rows = None
        after = [
            self.index(self.row_of(plan_id) or 0, index.column())
            for plan_id, index in zip(ids, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sort_key(self, column: PlanColumn) -> SortKey:
        if column == PlanColumn.TITLE:
            locale = QLocale()
            if locale.language() == QLocale.Language.C:  # no language chosen: HongTu's own
                locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
            collator = QCollator(locale)  # Chinese by pinyin
            collator.setNumericMode(True)  # 9月 before 12月, 第2期 before 第10期
            return lambda p: (collator.sortKey(p.title), p.day, p.id)
        if column == PlanColumn.STATUS:
            today = self.today()
            return lambda p: (_status_rank(p, today), p.day, p.id)
        if column == PlanColumn.STOPS:
            return lambda p: (p.stop_count, p.day, p.id)
        return _by_day

    def update_plan(self, plan_id: int, summary: PlanSummary | None) -> None:
        """One plan's line changed (``summary``), appeared, or went away (None).

        Only that row is touched, so a list of ten thousand plans is not reset by an edit. The
        order stays the one shown: the store's (newest day first, then newest id) or a header's.
        """
        row = self.row_of(plan_id)
        if summary is None:
            if row is not None:
                self.beginRemoveRows(_ROOT, row, row)
                del self._plans[row]
                self._rows = None
                self.endRemoveRows()
            return
        target = _list_position(self._plans, summary, row, self._key, self._descending)
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

    def row_matches(self, row: int, needle: str) -> bool:
        """Whether row ``row`` is found by ``needle`` (already case-folded): title, date or
        status (``summary_matches``)."""
        return summary_matches(self._plans[row], needle, self.today(), status_words())

    def rows_matching(self, needle: str) -> list[bool]:
        """``row_matches`` for every row, in one pass."""
        today, words = self.today(), status_words()
        return [summary_matches(plan, needle, today, words) for plan in self._plans]

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
                return listed_status(plan, self.today())
            return str(plan.stop_count)
        if role == PLAN_ID_ROLE:
            return plan.id
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and column == PlanColumn.STATUS
            and awaiting_record(plan, self.today())
        ):
            return plain_tooltip(
                tr("活动日期已过，还没有记录；开展后可用“记录活动”记下出勤和小结。")
            )
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
    """The plans found by the search text, ignoring case: in the title, the date (2026,
    2026-09, 9月) or the status (草稿, 已定, 待记录, 已完成, or the words shown).

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
            return model.row_matches(source_row, self._needle)
        return super().filterAcceptsRow(source_row, source_parent)
