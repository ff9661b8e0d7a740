"""The site list: a table model with named columns and roles, behind a search/filter proxy."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from hongtu.core.search import matcher
from hongtu.core.sites import Site, SiteCategory
from hongtu.qt.messages import plain_tooltip

_Index = QModelIndex | QPersistentModelIndex

SITE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_KEYS_ROLE = Qt.ItemDataRole.UserRole + 2
DISTRICT_ROLE = Qt.ItemDataRole.UserRole + 3
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 4
ESTIMATE_ROLE = Qt.ItemDataRole.UserRole + 5


class SiteColumn(IntEnum):
    NAME = 0
    DISTRICT = 1
    CATEGORY = 2
    POSITION = 3


_COLUMNS = tuple(SiteColumn)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_CUSTOM_ROLES = (SITE_ID_ROLE, SEARCH_KEYS_ROLE, DISTRICT_ROLE, CATEGORY_ROLE, ESTIMATE_ROLE)
_ROLES_USED = frozenset({_DISPLAY, _TOOLTIP, _FOREGROUND, *map(int, _CUSTOM_ROLES)})


def tr(text: str) -> str:
    return QCoreApplication.translate("SiteModel", text)


def category_label(category: SiteCategory) -> str:
    labels = {
        SiteCategory.FORMER_RESIDENCE: tr("故居"),
        SiteCategory.REVOLUTIONARY_SITE: tr("革命旧址"),
        SiteCategory.MEMORIAL_HALL: tr("纪念馆"),
        SiteCategory.MARTYRS_CEMETERY: tr("烈士陵园"),
        SiteCategory.CUSTOM: tr("自定义地点"),
    }
    return labels[category]


def position_label(site: Site) -> str:
    if site.position is None:
        return tr("位置未知")
    if not site.position.verified:
        return tr("位置待核实")
    return tr("已核实")


class SiteTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sites: list[Site] = []
        self._in_plan: frozenset[int] = frozenset()

    def set_in_plan(self, site_ids: frozenset[int]) -> None:
        """The sites of the open plan: their names say 已在方案中."""
        if site_ids == self._in_plan:
            return
        changed = site_ids ^ self._in_plan
        self._in_plan = site_ids
        rows = [row for row, site in enumerate(self._sites) if site.id in changed]
        if rows:  # one signal for the span, not one per site (listeners refilter on each)
            first = self.index(min(rows), SiteColumn.NAME)
            last = self.index(max(rows), SiteColumn.NAME)
            self.dataChanged.emit(first, last, [Qt.ItemDataRole.DisplayRole])

    def in_plan(self, site_id: int) -> bool:
        return site_id in self._in_plan

    # --- content ---------------------------------------------------------------------------
    def set_sites(self, sites: list[Site]) -> None:
        self.beginResetModel()
        self._sites = list(sites)
        self.endResetModel()

    def update_site(self, site: Site) -> None:
        """Replace one site in place and announce only that row."""
        row = self.row_of(site.id)
        if row is None:
            self.beginInsertRows(QModelIndex(), len(self._sites), len(self._sites))
            self._sites.append(site)
            self.endInsertRows()
            return
        self._sites[row] = site
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(SiteColumn) - 1))

    def site_at(self, row: int) -> Site:
        return self._sites[row]

    def sites(self) -> list[Site]:
        return list(self._sites)

    def row_of(self, site_id: int) -> int | None:
        return next((i for i, s in enumerate(self._sites) if s.id == site_id), None)

    # --- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._sites)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(_COLUMNS)  # Qt asks for each index it makes

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            SiteColumn.NAME: tr("名称"),
            SiteColumn.DISTRICT: tr("区县"),
            SiteColumn.CATEGORY: tr("类别"),
            SiteColumn.POSITION: tr("位置"),
        }
        return titles.get(SiteColumn(section)) if 0 <= section < len(SiteColumn) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Asked for every role of every cell painted: the roles the list does not use (font,
        # alignment, decoration...) are answered before any work.
        if role not in _ROLES_USED:
            return None
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._sites):
            return None
        site = self._sites[row]
        if role == _DISPLAY:
            return self._display(site, _COLUMNS[index.column()])
        if role == _TOOLTIP:
            return plain_tooltip(self._tooltip(site, _COLUMNS[index.column()]))
        if role == _FOREGROUND:
            if _COLUMNS[index.column()] is SiteColumn.POSITION and site.position_is_estimate:
                return QBrush(QColor("#9a6700"))
            return None
        return self._custom_role(site, role)

    def _display(self, site: Site, column: SiteColumn) -> str:
        if column is SiteColumn.NAME:
            return (
                tr("{0}（已在方案中）").format(site.name) if site.id in self._in_plan else site.name
            )
        if column is SiteColumn.DISTRICT:
            return site.district
        if column is SiteColumn.CATEGORY:
            return category_label(site.category)
        return position_label(site)

    def _tooltip(self, site: Site, column: SiteColumn) -> str | None:
        if column is SiteColumn.NAME and site.aliases:
            return tr("又名：{0}").format(tr("、").join(site.aliases))
        if column is SiteColumn.POSITION and site.position_is_estimate:
            return tr("坐标是估计值，未经实地核实；可在地图上拖动标记或粘贴坐标来更正。")
        return None

    @staticmethod
    def _custom_role(site: Site, role: int) -> Any:
        return {
            SITE_ID_ROLE: site.id,
            SEARCH_KEYS_ROLE: site.search_keys,
            DISTRICT_ROLE: site.district,
            CATEGORY_ROLE: site.category.value,
            ESTIMATE_ROLE: site.position_is_estimate,
        }.get(role)


class SiteFilterProxy(QSortFilterProxyModel):
    """Search by Chinese name, alias or pinyin initials; filter by district and category."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._query = ""
        self._match = matcher("")
        self._district: str | None = None
        self._category: str | None = None
        self._accepted: list[bool] | None = None  # during a re-map only (``_change_filter``)
        self.setSortLocaleAware(True)

    # Beyond this many rows a filter change re-maps the whole list at once (one layout change)
    # instead of Qt's row-by-row removals and insertions: when the names shown before and after
    # interleave, those are hundreds of signals (10-25 ms for 2,000 places), a re-map 3-9 ms.
    # A selected row the new filter hides is then dropped from the selection without a
    # selectionChanged; ``SiteList`` tells the window itself (``_filter``).
    REMAP_ROWS = 300

    def set_query(self, text: str) -> None:
        self._change_filter(lambda: self._set_query(text))

    def _set_query(self, text: str) -> None:
        self._query = text.strip()
        self._match = matcher(self._query)

    def set_district(self, district: str | None) -> None:
        self._change_filter(lambda: setattr(self, "_district", district or None))

    def set_category(self, category: str | None) -> None:
        self._change_filter(lambda: setattr(self, "_category", category or None))

    @property
    def remaps(self) -> bool:
        """Whether a filter change re-maps the whole list (see ``REMAP_ROWS``)."""
        source = self.sourceModel()
        return source is not None and source.rowCount() > self.REMAP_ROWS

    def _change_filter(self, change: Callable[[], None]) -> None:
        if self.remaps:
            change()
            # Qt asks filterAcceptsRow for every row within this call: each site is judged
            # once here, in one loop, and Qt's calls only read the answer (2,000 places: the
            # re-map 10 -> 4 ms). Kept for this call alone: the sites may change afterwards.
            self._accepted = self._acceptance()
            try:
                self.invalidate()
            finally:
                self._accepted = None
            return
        self.beginFilterChange()
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _acceptance(self) -> list[bool] | None:
        """Whether each source row is shown; None when there is no filter or no site model."""
        model = self.sourceModel()
        if not self.filtering or not isinstance(model, SiteTableModel):
            return None
        accepts = self.accepts
        return [accepts(site) for site in model.sites()]

    @property
    def filtering(self) -> bool:
        return bool(self._query or self._district or self._category)

    def accepts(self, site: Site) -> bool:
        """Whether the list shows ``site`` (the map dims the markers of those it does not)."""
        if self._district and site.district != self._district:
            return False
        if self._category and site.category.value != self._category:
            return False
        return not self._query or self._match(site.search_keys or "")

    def hidden_site_ids(self) -> set[int]:
        model = self.sourceModel()
        if not self.filtering or not isinstance(model, SiteTableModel):
            return set()
        return {site.id for site in model.sites() if not self.accepts(site)}

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        accepted = self._accepted
        if accepted is not None and 0 <= source_row < len(accepted):
            return accepted[source_row]
        if not self.filtering:  # start-up fills 2,000 rows with no filter set: no calls into Qt
            return True
        model = self.sourceModel()
        if isinstance(model, SiteTableModel) and not source_parent.isValid():
            return self.accepts(model.site_at(source_row))  # the site itself, not 3 data() calls
        index = model.index(source_row, 0, source_parent)
        if self._district and model.data(index, DISTRICT_ROLE) != self._district:
            return False
        if self._category and model.data(index, CATEGORY_ROLE) != self._category:
            return False
        return not self._query or self._match(model.data(index, SEARCH_KEYS_ROLE) or "")
