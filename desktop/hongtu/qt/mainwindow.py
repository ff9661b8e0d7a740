"""The main window wires the site list, the details panel and the map; it holds no logic.

The panels that plug into it (``PlanUi``, ``SiteEditing``) talk to it only through
``PanelHost`` (``panel_host.py``): a few signals and methods, never its widgets. The map page
is reached only through ``MapController``. Each piece of text in the status bar has one owner
here: the site counts (``_show_site_counts``), the base map (``_show_base_map``) and passing
notices (``notify``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCollator,
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from hongtu import __version__
from hongtu.core.sites import Site, SiteCategory
from hongtu.qt.map_controller import NOTICE_MS, MapController, basemap_status_text
from hongtu.qt.map_legend import district_label_payload, legend_spec
from hongtu.qt.mapview import MapView
from hongtu.qt.messages import plain_label
from hongtu.qt.panel_host import FileGroup, PanelHost
from hongtu.qt.site_details import SiteDetailsPanel
from hongtu.qt.site_markers import site_marker_data, site_markers
from hongtu.qt.site_model import (
    SITE_ID_ROLE,
    SiteColumn,
    SiteFilterProxy,
    SiteTableModel,
    category_label,
)
from hongtu.qt.table_rows import cell_padding, compact_rows
from hongtu.qt.window_shortcuts import WindowShortcuts
from hongtu.qt.window_state import (
    SIDE_PANES,
    pane_widths,
    restore_geometry,
    restore_splitter,
    restore_tab,
    save_geometry,
    save_splitters,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from hongtu.core.settings import Settings
    from hongtu.core.workspace import Workspace
    from hongtu.qt.branch_tools import BranchTools
    from hongtu.qt.ledger_ui import LedgerUi
    from hongtu.qt.offline_maps import OfflineMaps
    from hongtu.qt.plan_list import PlanListPanel
    from hongtu.qt.plan_ui import PlanUi
    from hongtu.qt.site_editing import SiteEditing


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


PLAN_FILE_SUFFIXES = (".hongtu.json", ".json")
_INSTALLED = object()  # what the tools' steps give when there are none left
# What ``install_tools`` imports (~50 modules): start-up imports them on a helper thread first,
# so the window (the plans list) answers meanwhile (``hongtu.qt.app``).
TOOL_MODULES = (
    "hongtu.qt.branch_tools",
    "hongtu.qt.ledger_ui",
    "hongtu.qt.offline_maps",
    "hongtu.qt.plan_ui",
    "hongtu.qt.site_editing",
)


def sites_status_text(sites: list[Site]) -> str:
    """The status bar's site counts: one wording, recomputed from the sites after every edit."""
    unplaced = sum(1 for s in sites if s.position is None)
    estimates = sum(1 for s in sites if s.position is not None and s.position_is_estimate)
    return tr("共 {0} 个站点：{1} 个位置待核实，{2} 个位置未知").format(
        len(sites), estimates, unplaced
    )


def dropped_plan_files(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> list[Path]:
    """The local plan files (``*.hongtu.json`` or ``*.json``) being dragged onto the window."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [
        Path(url.toLocalFile())
        for url in mime.urls()
        if url.isLocalFile() and url.toLocalFile().lower().endswith(PLAN_FILE_SUFFIXES)
    ]


#: The site list's columns sized to their contents (the name takes the rest of the width).
CONTENT_COLUMNS = (SiteColumn.DISTRICT, SiteColumn.CATEGORY, SiteColumn.POSITION)
# In a narrow list these give way, in this order, before the names do
GIVING_WAY = (SiteColumn.CATEGORY, SiteColumn.POSITION, SiteColumn.DISTRICT)
CELL_MARGINS = 12  # a cell's padding either side of its text
TABLE_LEAST = 300  # the site list's least width, when its words take no more
NAME_SAMPLE = "八路军驻晋办事处"  # a site name's characters, to measure a column by; never shown


@cache
def pinyin_collator() -> QCollator:
    """Puts Chinese names in pinyin order (古交市, 娄烦县, 五台县, 杏花岭区…), as a reader looks
    a district up; Python's own order is the characters' code points."""
    return QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))


class SearchBox(QLineEdit):
    """The site search; ↓ goes on into the list (``down_pressed``), as Enter does. Its own key
    handler rather than the panel's event filter, which was handed every event of the box
    while the window was built and shown (PySide looks each new kind of event's class up)."""

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if (
            event.key() == Qt.Key.Key_Down
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


class SiteListPanel(QWidget):
    """Search box, district and category filters, and the table of sites.

    When a search finds nothing, a button under the box offers to add the place
    (``add_place_requested`` with the typed text as its name).
    """

    add_place_requested = Signal(str)

    filter_changed = Signal()  # the sites shown changed: the map dims or hides the others

    def __init__(self, model: SiteTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = SiteFilterProxy(self)
        self.proxy.setSourceModel(model)
        self.search = SearchBox(self)
        self.search.setPlaceholderText(tr("搜索：名称、别名或拼音首字母"))
        self.search.setClearButtonEnabled(True)
        self.district = QComboBox(self)
        self.category = QComboBox(self)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        compact_rows(self.table)  # a line of text tall: more places show on a small screen
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # arrows move in the list; Tab goes on past it
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(SiteColumn.NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        header.setResizeContentsPrecision(50)  # thousands of places: size from the first rows
        self.table.setMinimumWidth(TABLE_LEAST)  # more when the words need it (_keep_words_room)
        # District, category and position are as wide as their entries, measured when the sites
        # change and not at each filter change: Qt's ResizeToContents measured them again at every
        # keystroke of a search (the list's repaint 12-32 ms -> 4-11 ms at 2,000 places).
        for column in CONTENT_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self._natural: dict[int, int] = {}  # the content columns' widths, as last measured
        # … and the widths of their cells and of their titles (``_measure_columns``)
        self._measured: dict[int, tuple[int, int]] = {}
        self._viewport: QWidget | None = None  # the table's, once asked for (_table_viewport)
        header.sortIndicatorChanged.connect(self._keep_names_readable)  # the arrow's room
        model.modelReset.connect(self._fit_columns)
        model.rowsInserted.connect(self._fit_columns)
        model.dataChanged.connect(self._on_sites_changed)
        self._measure_columns()
        if model.rowCount():
            self._keep_names_readable()
        else:  # the titles' widths until the sites come (the list is fitted to its pane then)
            for section, width in self._natural.items():
                self.table.setColumnWidth(section, width)
        filters = QHBoxLayout()
        filters.addWidget(self.district)
        filters.addWidget(self.category)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.not_found = QPushButton(self)
        self.not_found.setFlat(True)
        self.not_found.setStyleSheet("text-align:left; color:#1565c0")
        self.not_found.hide()
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.not_found)
        layout.addWidget(self.table)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.textChanged.connect(self._update_not_found)
        self.search.returnPressed.connect(self._go_to_list)
        self.search.down_pressed.connect(self._go_to_list)
        for signal in (
            self.proxy.modelReset,
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_not_found)
        self.not_found.clicked.connect(self._on_not_found_clicked)
        self.district.currentIndexChanged.connect(self._on_district_changed)
        self.category.currentIndexChanged.connect(self._on_category_changed)

    def _fit_columns(self, *_args: object) -> None:
        self._measure_columns()
        self._keep_words_room()
        self._keep_names_readable()  # sets each content column's width

    def _measure_columns(self) -> None:
        header = self.table.horizontalHeader()
        for column in CONTENT_COLUMNS:
            # as Qt's resizeColumnToContents measures; its title keeps the room of a sort
            # arrow, which only the sorted column draws: in English 20 px of the 79 of “Position”
            cells, title = self.table.sizeHintForColumn(column), header.sectionSizeHint(column)
            self._natural[column] = max(cells, title)
            self._measured[column] = (cells, title)

    def _table_viewport(self) -> QWidget:
        """The table's viewport, watched from the first time it is needed (the sites come):
        a narrower list keeps its names readable. Not while the window is built: the first
        plain QWidget of Qt's that reaches Python makes PySide build some sixty widget classes
        (~20 ms), which held up the first map."""
        if self._viewport is None:
            self._viewport = self.table.viewport()
            self._viewport.installEventFilter(self)
        return self._viewport

    def _names_least(self) -> int:
        """A name column that shows seven characters of a name (八路军驻晋办事…)."""
        metrics = self.table.fontMetrics()
        # Qt elides a text exactly as wide as its room too: one pixel more
        return metrics.horizontalAdvance(NAME_SAMPLE[:7] + "…") + 1 + cell_padding(self.table)

    def _words(self) -> tuple[dict[int, int], dict[int, int]]:
        """Each content column's width for its words: its cells' and its title's without the
        room Qt keeps for a sort arrow; and as shown, where the sorted column's title keeps
        its arrow beside it."""
        arrow = self._sort_arrow_room()
        sorted_column = self.table.horizontalHeader().sortIndicatorSection()
        words, shown = {}, {}
        for column, (cells, title) in self._measured.items():
            words[column] = max(cells, title - arrow)
            shown[column] = max(cells, title) if column == sorted_column else words[column]
        return words, shown

    def _keep_words_room(self) -> None:
        """The list is never narrower than seven characters of a name beside every district,
        category and position word whole, with room for a scroll bar: in English at 125 %
        the categories read “Revoluti…”, “Memori…”, and every word but the names gave way
        once a scroll bar came (a few places added)."""
        table = self.table
        scroll_bar = table.verticalScrollBar().sizeHint().width()
        words = self._names_least() + sum(self._words()[0].values())
        table.setMinimumWidth(max(TABLE_LEAST, words + scroll_bar + 2 * table.frameWidth()))

    def _sort_arrow_room(self) -> int:
        """What Qt adds to a title's width for the sort arrow (QHeaderView::
        sectionSizeFromContents: the title's height and a margin)."""
        from PySide6.QtWidgets import QStyle  # as in cell_padding: not on the way to the map

        header = self.table.horizontalHeader()
        if not header.isSortIndicatorShown():
            return 0
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        return header.sizeHint().height() + margin

    def sizeHint(self) -> QSize:  # noqa: N802
        """As wide as the district, category and position take and a name of eight characters
        (the main window's left pane is this wide, when it has the room)."""
        hint = super().sizeHint()
        table = self.table
        names = table.fontMetrics().horizontalAdvance(NAME_SAMPLE) + CELL_MARGINS
        scroll_bar = table.verticalScrollBar().sizeHint().width()
        margins = self.contentsMargins().left() + self.contentsMargins().right()
        chrome = scroll_bar + 2 * table.frameWidth() + margins
        return QSize(max(hint.width(), sum(self._natural.values()) + names + chrome), hint.height())

    def _keep_names_readable(self, *_args: object) -> None:
        """A narrow list (a small screen, English labels) first takes back the room the titles
        keep for a sort arrow (but the sorted column's), then the sorted title's arrow room
        (its title is elided beside the arrow, its cells' words stay whole), then cuts the
        category, then the position and the district short, never below four characters,
        before a name shows less than seven characters (八路军驻晋办事…): in English they took
        all but 48 px of a 330 px pane, and a name showed two characters; later five (八路军
        驻晋…) beside the whole “Revolutionary site”, and at 125 % the position “Unveri…”. The
        list is kept wide enough for the words (``_keep_words_room``): the cuts are for a
        window narrower than its panes need."""
        metrics = self.table.fontMetrics()
        least = metrics.horizontalAdvance(NAME_SAMPLE[:4]) + CELL_MARGINS
        over = sum(self._natural.values()) + self._names_least() - self._table_viewport().width()
        words, shown = self._words()
        widths = dict(self._natural)
        for needs in (shown, words):
            for column in widths:
                cut = max(0, min(over, widths[column] - needs[column]))
                widths[column] -= cut
                over -= cut
        for column in GIVING_WAY:
            cut = max(0, min(over, widths[column] - least))
            self.table.setColumnWidth(column, widths[column] - cut)
            over -= cut

    def _on_sites_changed(self, first: QModelIndex, last: QModelIndex, *_roles: object) -> None:
        # a site edited or moved, not the names marked 已在方案中 when a plan opens (3-4 ms)
        if last.column() >= min(CONTENT_COLUMNS) and first.column() <= max(CONTENT_COLUMNS):
            self._fit_columns()

    def fill_filters(self, sites: list[Site]) -> None:
        self.district.blockSignals(True)
        self.district.clear()
        self.district.addItem(tr("全部区县"), None)
        districts = {s.district for s in sites if s.district}
        for name in sorted(districts, key=pinyin_collator().sortKey):
            self.district.addItem(name, name)
        self.district.blockSignals(False)
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(tr("全部类别"), None)
        for category in SiteCategory:
            if any(s.category is category for s in sites):
                self.category.addItem(category_label(category), category.value)
        self.category.blockSignals(False)

    def _on_search_text_changed(self, text: str) -> None:
        self._filter(lambda: self.proxy.set_query(text))

    def _filter(self, change: Callable[[], None]) -> None:
        """A filter change. A site the filter hides is no longer selected: the window greys the
        site's actions and shows no details. Qt would pass a hidden current row on to its
        neighbour (a site the organiser never chose, shown and highlighted on the map), or, when
        the proxy re-maps the whole list, drop it without a signal; so the selection model is
        quiet while the filter changes, and what became of the selection is said here."""
        selection = self.table.selectionModel()
        chosen = self.current_site_id()
        had_selection = selection.hasSelection()
        was_blocked = selection.blockSignals(True)
        try:
            change()
        finally:
            selection.blockSignals(was_blocked)
        if chosen is not None and not self.shows(chosen):
            moved_on = selection.currentIndex().isValid()  # to a neighbour, silently
            still_selected = selection.hasSelection()
            selection.clear()  # says so itself for a current row or selection it still had
            if not moved_on:
                selection.currentRowChanged.emit(QModelIndex(), QModelIndex())
            if had_selection and not still_selected:
                selection.selectionChanged.emit(QItemSelection(), QItemSelection())
        self.filter_changed.emit()

    def current_site_id(self) -> int | None:
        """The site of the list's current row (the one whose details are shown)."""
        index = self.table.selectionModel().currentIndex()
        return index.data(SITE_ID_ROLE) if index.isValid() else None

    def shows(self, site_id: int) -> bool:
        """Whether the site's row is in the list as filtered now."""
        row = self.model.row_of(site_id)
        return row is not None and self.proxy.mapFromSource(self.model.index(row, 0)).isValid()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """A list resized keeps its names readable."""
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self._keep_names_readable()
        return super().eventFilter(watched, event)

    def _go_to_list(self) -> None:
        """Enter or ↓ in the search box: the first site found is selected, unless one shown
        already is, and the keys go to the list (arrows move, the site's actions apply)."""
        if self.proxy.rowCount() == 0:
            return
        if not self.table.selectionModel().selectedRows():
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.selectionModel().setCurrentIndex(self.proxy.index(0, 0), flags)
            self.table.scrollTo(self.proxy.index(0, 0))
        self.table.setFocus()

    def _update_not_found(self, *_args: object) -> None:
        query = self.search.text().strip()
        empty = bool(query) and self.proxy.rowCount() == 0
        if empty:
            self.not_found.setText(tr("没有找到“{0}”。添加地点…").format(query))
        self.not_found.setVisible(empty)

    def _on_not_found_clicked(self) -> None:
        self.add_place_requested.emit(self.search.text().strip())

    def _on_district_changed(self, _index: int) -> None:
        self._filter(lambda: self.proxy.set_district(self.district.currentData()))

    def _on_category_changed(self, _index: int) -> None:
        self._filter(lambda: self.proxy.set_category(self.category.currentData()))

    def selected_site_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(SITE_ID_ROLE) if rows else None

    def select_site(self, site_id: int) -> bool:
        """Select the site's row, clearing a filter that hides it; False if it is unknown."""
        row = self.model.row_of(site_id)
        if row is None:
            return False
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not proxy_index.isValid():
            self.search.clear()
            self.district.setCurrentIndex(0)
            self.category.setCurrentIndex(0)
            proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(proxy_index, flags)
        self.table.scrollTo(proxy_index)
        return True


class SidePanesSplitter(QSplitter):
    """The site list | the map (and the 日程 under it) | the details and the plan. The side
    panes keep their widths (as balanced, restored or dragged) while the window's size
    changes, and give way, down to what their own controls need, before the middle gets less
    than ``MIDDLE_SHARE`` (``pane_widths``): Qt took a narrower window's room off the middle,
    and on a 1366×768 laptop at 125 % the 日程 showed two letters of each item."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.wanted: tuple[int, int] | None = None  # restored or dragged; None: balanced
        self.splitterMoved.connect(self._on_splitter_moved)

    def keep(self) -> None:
        """The side panes' widths as they are now are the organiser's."""
        sizes = self.sizes()
        self.wanted = (sizes[0], sizes[-1])

    def fit(self, width: int) -> None:
        """The panes in a window ``width`` wide."""
        left, right = self.widget(0), self.widget(2)
        if left is None or right is None:
            return
        least = (
            max(left.minimumSizeHint().width(), left.minimumWidth()),
            max(right.minimumSizeHint().width(), right.minimumWidth()),
        )
        room = width - 2 * self.handleWidth()
        wanted = self.wanted or (
            max(SIDE_PANES[0], left.sizeHint().width(), room // 4),
            max(SIDE_PANES[1], room // 3),
        )  # a wide window: wider side panes too
        self.setSizes(pane_widths(room, least, wanted))

    def _on_splitter_moved(self, _position: int, _index: int) -> None:
        self.keep()  # dragged by hand

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit(self.width())


class MainWindow(PanelHost):
    sites_shown_on_map = Signal(int)  # how many markers the page drew

    def __init__(
        self,
        defer_tools: bool = False,
        settings: Settings | None = None,
        map_view: MapView | None = None,
    ) -> None:
        """``defer_tools``: build the plan and site-editing UI just after the first paint
        (the app does this to show its window sooner); otherwise build everything now.
        ``settings``: as the command line already read them; None: the site tools read the
        settings file (the window's one read of it).
        ``map_view``: a view whose page is already loading (start-up); None: a new one."""
        super().__init__()
        self._settings = settings
        self.setWindowTitle(tr("红途 — 太原红色教育基地主题党日规划"))
        self.workspace: Workspace | None = None
        self.setAcceptDrops(True)
        self.site_model = SiteTableModel(self)
        self.site_list = SiteListPanel(self.site_model, self)
        self.details = SiteDetailsPanel(self)
        self.map_view = map_view if map_view is not None else MapView(self)
        self.map_controller = MapController(self.map_view, self)
        splitter = SidePanesSplitter(self)
        splitter.addWidget(self.site_list)
        splitter.addWidget(self.map_view)
        splitter.addWidget(self.details)
        self.setCentralWidget(splitter)
        self.map_view.setAcceptDrops(False)  # a dropped plan file is the window's, not the page's
        restore_geometry(self)  # as left last time, or fitted to the screen
        self.status_sites = plain_label(parent=self)
        self.status_map = plain_label(parent=self)  # a package's attribution is its own text
        self.statusBar().addWidget(self.status_sites, 1)
        self.statusBar().addPermanentWidget(self.status_map)
        self._show_base_map()
        self._site_actions: list[QAction | None] = []  # the site list's context menu
        self._close_checks: list[Callable[[], bool]] = []  # the panels' (add_close_check)
        self.site_list.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.site_list.table.customContextMenuRequested.connect(self._on_table_context_menu)
        self.site_list.table.doubleClicked.connect(self._on_table_double_clicked)
        self.details.edit_info_requested.connect(self.site_info_requested)
        self._build_menus()
        self.shortcuts = WindowShortcuts(self)  # Ctrl+E and the rest work in the text boxes
        self.site_editing: SiteEditing | None = None
        self.plan_ui: PlanUi | None = None
        self.ledger_ui: LedgerUi | None = None
        self.branch_tools: BranchTools | None = None
        self.offline_maps: OfflineMaps | None = None
        self._installing: Iterator[None] | None = None  # the tools' steps, once begun
        self._plan_list: PlanListPanel | None = None
        self._left_tabs: QTabWidget | None = None
        self._right_tabs: QTabWidget | None = None  # 站点详情 | 当前方案, with the plan tools
        if not defer_tools:
            self.install_tools()
        self.site_list.table.selectionModel().currentRowChanged.connect(
            self._on_list_current_changed
        )
        self.site_list.table.selectionModel().selectionChanged.connect(self.site_selection_changed)
        self.site_list.add_place_requested.connect(self.add_place_requested)
        self.map_controller.site_clicked.connect(self._on_map_site_clicked)
        self.map_controller.ready.connect(self._on_map_ready)
        self.map_controller.page_lost.connect(self._on_map_page_lost)
        if self.map_controller.is_ready:  # its page came up before the window (start-up)
            self._on_map_ready()
        self.map_controller.base_map_changed.connect(self._on_map_base_map_changed)
        self.site_list.filter_changed.connect(self._on_site_filter_changed)

    def install_tools(self) -> None:
        """The plan editor and the site-editing tools (menus, panes, actions), at once; an
        installation begun step by step is finished. Idempotent."""
        for _step in self._tool_steps():
            pass

    def install_tools_stepwise(self, done: Callable[[], None]) -> None:
        """The same, one step per turn of the event loop, then ``done`` (start-up: the window
        just shown is never frozen for the whole build, ~0.1 s, but for its largest step)."""
        steps = self._tool_steps()

        def step() -> None:
            if next(steps, _INSTALLED) is _INSTALLED:
                done()
            else:
                QTimer.singleShot(0, self, step)

        step()

    def _tool_steps(self) -> Iterator[None]:
        if self.plan_ui is not None:
            return iter(())
        if self._installing is None:
            self._installing = self._install_tool_steps()
        return self._installing

    def _install_tool_steps(self) -> Iterator[None]:
        """The installation, pausing between its larger parts; the tools are the window's
        (``site_editing``, ``plan_ui`` …) only once the last part is done."""
        from hongtu.qt.branch_tools import install_branch_tools
        from hongtu.qt.ledger_ui import LedgerUi
        from hongtu.qt.offline_maps import OfflineMaps
        from hongtu.qt.plan_ui import PlanUi
        from hongtu.qt.site_editing import SiteEditing

        site_editing = SiteEditing(self, self.map_controller, self._settings)
        site_editing.install()
        yield
        plan_ui = PlanUi(self, self.map_controller, site_editing.settings)
        yield
        plan_ui.install()
        yield
        self.site_editing, self.plan_ui = site_editing, plan_ui
        self.branch_tools = install_branch_tools(self, plan_ui)
        site_editing.settings_changed.connect(plan_ui.set_settings)
        self.ledger_ui = LedgerUi(self)
        self.ledger_ui.install()
        self.offline_maps = OfflineMaps(self, site_editing, plan_ui.open_plan_points)
        self.offline_maps.install()
        self._installing = None
        if self.map_controller.is_ready:  # the page came up before the tools: catch them up
            site_editing.on_map_already_ready()
        self.map_view.keep_tab_outside()  # Tab goes from pane to pane, past the map
        if self.workspace is not None:
            site_editing.attach(self.workspace)
            plan_ui.attach(self.workspace)
            self.ledger_ui.attach(self.workspace)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(tr("文件(&F)"))
        # where each group's actions go: before its separator (an empty group's separator is
        # folded away by the menu)
        self._file_group_ends = {group: file_menu.addSeparator() for group in FileGroup}
        quit_action = file_menu.addAction(tr("退出(&Q)"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        if quit_action.shortcut().isEmpty():  # Windows has no standard key for it
            quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        self.file_menu = file_menu
        help_menu = self.menuBar().addMenu(tr("帮助(&H)"))
        about = help_menu.addAction(tr("关于红途(&A)"))
        about.triggered.connect(self._show_about)

    # ---- content ------------------------------------------------------------------------------
    def attach_workspace(self, workspace: Workspace) -> None:
        self.workspace = workspace
        sites = workspace.sites.list_sites()
        if sites != self.site_model.sites():  # the fast start-up path may already show them
            self.show_sites(sites)
        if self.plan_ui is None or self.site_editing is None:
            self.install_tools()  # attaches the workspace itself
        else:
            self.site_editing.attach(workspace)
            self.plan_ui.attach(workspace)
            if self.ledger_ui is not None:
                self.ledger_ui.attach(workspace)
        self.site_selection_changed.emit()  # a site selected before the workspace: editable now

    def show_sites(self, sites: list[Site]) -> None:
        self.show_markers(site_markers(sites))
        self.show_site_list(sites)

    def show_markers(self, markers: list[dict[str, Any]]) -> None:
        """The sites' markers on the map (start-up: before the list's sites are read)."""
        self.map_controller.show_sites(markers, callback=self._on_markers_drawn)

    def show_site_list(self, sites: list[Site]) -> None:
        """The sites in the list, its filters and counts; their markers are on the map."""
        self.site_model.set_sites(sites)
        self.site_list.fill_filters(sites)
        self._show_site_counts()
        self._on_site_filter_changed()
        self.sites_changed.emit(self.site_model.sites())

    def select_site(self, site_id: int) -> None:
        """Select the site and show it: its row (the 站点 tab) and its details (站点详情), also
        when the 方案 and 当前方案 tabs were in front (a place added while planning)."""
        if not self.site_list.select_site(site_id):
            return
        if self._left_tabs is not None:
            self._left_tabs.setCurrentWidget(self.site_list)
        if self._right_tabs is not None:
            self._right_tabs.setCurrentWidget(self.details)

    # ---- the panels' interface (PanelHost) -----------------------------------------------------
    def sites(self) -> list[Site]:
        return self.site_model.sites()

    def selected_site_id(self) -> int | None:
        return self.site_list.selected_site_id()

    def selected_site(self) -> Site | None:
        site_id = self.site_list.selected_site_id()
        row = self.site_model.row_of(site_id) if site_id is not None else None
        return self.site_model.site_at(row) if row is not None else None

    def update_site(self, site: Site) -> None:
        """A site was corrected, edited or added: the list, its marker, details and counts."""
        self.site_model.update_site(site)
        marker = site_marker_data(site)
        if marker is None:
            self.map_controller.remove_site(site.id)
        else:
            self.map_controller.update_site(marker)
        self._on_site_filter_changed()  # a new or renamed place may match the filter or not
        if self.site_list.selected_site_id() == site.id:
            self.details.show_site(site)
        self._show_site_counts()
        self.sites_changed.emit(self.site_model.sites())

    def mark_sites_in_plan(self, site_ids: frozenset[int]) -> None:
        """已在方案中 in the site list and the markers' popups."""
        self.site_model.set_in_plan(site_ids)
        self.map_controller.set_plan_sites(sorted(site_ids))

    def catalogue_model(self) -> SiteTableModel:
        """The sites as a model, for pickers that search the catalogue."""
        return self.site_model

    def plan_list_panel(self) -> PlanListPanel:
        """The 方案 list, in 站点 | 方案 tabs on the left; built once, and alone (no plan editor):
        at start-up the app fills it from the file before the plan tools exist."""
        if self._plan_list is not None:
            return self._plan_list
        from hongtu.qt.plan_list import PlanListPanel

        splitter = self.centralWidget()
        assert isinstance(splitter, SidePanesSplitter)
        self._plan_list = PlanListPanel(parent=self)
        self._left_tabs = QTabWidget(self)
        splitter.replaceWidget(0, self._left_tabs)
        self._left_tabs.addTab(self.site_list, tr("站点"))
        self._left_tabs.addTab(self._plan_list, tr("方案"))
        splitter.fit(self.width())
        restore_tab("left", self._left_tabs)  # the plans, if the organiser left them showing
        return self._plan_list

    def add_plan_panes(
        self, below_map: QWidget, plan_pane: QWidget
    ) -> tuple[QTabWidget, QSplitter, QTabWidget]:
        """站点 | 方案 tabs on the left, a pane below the map, 站点详情 | 当前方案 on the right."""
        self.plan_list_panel()
        assert self._left_tabs is not None
        splitter = self.centralWidget()
        assert isinstance(splitter, SidePanesSplitter)
        middle = QSplitter(Qt.Orientation.Vertical, self)
        splitter.replaceWidget(1, middle)
        middle.addWidget(self.map_view)
        middle.addWidget(below_map)
        middle.setStretchFactor(0, 3)
        middle.setStretchFactor(1, 2)
        right_tabs = QTabWidget(self)
        splitter.replaceWidget(2, right_tabs)
        right_tabs.addTab(self.details, tr("站点详情"))
        right_tabs.addTab(plan_pane, tr("当前方案"))
        self._right_tabs = right_tabs
        splitter.resize(self.width(), splitter.height())  # as wide as when it was saved
        if restore_splitter("main", splitter):  # as the organiser left the panes
            splitter.keep()
        splitter.fit(self.width())
        return self._left_tabs, middle, right_tabs

    def add_file_action(self, action: QAction, group: FileGroup) -> None:
        """An action in the 文件 menu: at the end of its group, above 退出."""
        self.file_menu.insertAction(self._file_group_ends[group], action)

    def add_menus(self, menus: list[QMenu], *, first: bool) -> None:
        """``first``: right after 文件 (in this order); otherwise just before 帮助."""
        menu_bar = self.menuBar()
        actions = menu_bar.actions()
        before = actions[1] if first and len(actions) > 1 else actions[-1]
        for menu in menus:
            menu_bar.insertMenu(before, menu)

    def add_toolbar(self, toolbar: QToolBar) -> None:
        self.addToolBar(toolbar)

    def add_site_list_widget(self, widget: QWidget) -> None:
        """A widget (a button) below the site table."""
        layout = self.site_list.layout()
        if layout is not None:
            layout.addWidget(widget)
        QWidget.setTabOrder(self.site_list.table, widget)  # Tab: the list, then its button

    def add_site_actions(self, actions: list[QAction | None]) -> None:
        """Actions on a site: in the table's context menu (None: a separator) and its shortcuts."""
        self._site_actions += actions
        for action in actions:
            if action is not None:
                self.site_list.table.addAction(action)

    def show_missing_font_notice(self) -> QMessageBox:
        """No font on this machine draws Chinese (``hongtu.qt.fonts``): said once in a box the
        organiser closes, and kept in the status bar. In English: Chinese would be boxes."""
        from hongtu.qt.fonts import NO_FONT_NOTICE, NO_FONT_STATUS
        from hongtu.qt.messages import notice_box

        self.status_font = plain_label(NO_FONT_STATUS, self)
        self.status_font.setToolTip(NO_FONT_NOTICE)
        self.status_font.setStyleSheet("color: #b00020; font-weight: bold")
        self.statusBar().addPermanentWidget(self.status_font)
        box = notice_box(self, "HongTu: no Chinese font", NO_FONT_NOTICE)
        box.open()
        return box

    def notify(self, text: str, ms: int = NOTICE_MS) -> None:
        """A passing notice in the status bar (0 ms: until the next one)."""
        self.statusBar().showMessage(text, ms)

    # ---- the status bar's lasting text ---------------------------------------------------------
    def _show_site_counts(self) -> None:
        sites = self.site_model.sites()
        self.status_sites.setText(sites_status_text(sites))
        self.map_controller.set_legend(legend_spec(sites))  # its 位置未知 count follows too

    def _show_base_map(self) -> None:
        self.status_map.setText(basemap_status_text(self.map_controller.basemap))

    # ---- slots -------------------------------------------------------------------------------
    def add_close_check(self, check: Callable[[], bool]) -> None:
        self._close_checks.append(check)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not all(check() for check in self._close_checks):
            event.ignore()
            return
        self.closing.emit()
        save_geometry(self)
        splitter = self.centralWidget()
        if isinstance(splitter, QSplitter):
            save_splitters({"main": splitter})
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if dropped_plan_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if dropped_plan_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        files = dropped_plan_files(event)
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        from hongtu.core.site_corrections import names_itself_corrections_file  # not at start-up

        corrections = [path for path in files if names_itself_corrections_file(path)]
        plans = [path for path in files if path not in corrections]
        if corrections:
            self.corrections_files_dropped.emit(corrections)
        if plans:
            self.plan_files_dropped.emit(plans)

    def _on_map_base_map_changed(self, _basemap_id: str) -> None:
        self._show_base_map()

    def _on_table_context_menu(self, pos: QPoint) -> None:
        if not self._site_actions:
            return
        menu = QMenu(self)
        for action in self._site_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(self.site_list.table.viewport().mapToGlobal(pos))

    def _on_table_double_clicked(self, _index: QModelIndex) -> None:
        site_id = self.site_list.selected_site_id()
        if site_id is not None:
            self.site_activated.emit(site_id)

    def _on_map_ready(self) -> None:
        self.map_controller.set_labels(
            {
                "estimate": tr("位置待核实"),
                "addStop": tr("加入方案"),
                "gathering": tr("集"),
                "inPlan": tr("已在方案中"),
            },
        )
        self.map_controller.show_district_labels(district_label_payload())

    def _on_map_page_lost(self, reloaded: bool) -> None:
        if reloaded:
            self.notify(tr("地图页面意外停止，已重新载入。"))
        else:
            self.notify(
                tr("地图页面多次意外停止，已不再载入。方案和站点不受影响；请重新启动红途。"), 0
            )

    def _on_site_filter_changed(self) -> None:
        self.map_controller.hide_sites(self.site_list.proxy.hidden_site_ids())

    def _on_markers_drawn(self, count: object) -> None:
        self.sites_shown_on_map.emit(int(count) if isinstance(count, int | float) else 0)

    def _on_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.details.show_placeholder()
            self.map_controller.clear_highlight()  # no marker stands out for a site not chosen
            return
        site = self.site_model.site_at(self.site_list.proxy.mapToSource(current).row())
        self.details.show_site(site)
        self.map_controller.highlight(site.id)
        self.site_selected.emit(site.id)

    def _on_map_site_clicked(self, site_id: int) -> None:
        # a marker the site list filters out is dimmed and takes no click; should one come
        # anyway, the organiser's search and filters stand (select_site would clear them)
        if self.site_list.shows(site_id):
            self.site_list.select_site(site_id)

    def _show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            tr("关于红途"),
            tr(
                "红途 HongTu {0}\n太原红色教育基地主题党日活动规划工具。\n"
                "站点坐标多为估计值（位置待核实），开放时间等信息请出行前电话确认。"
            ).format(__version__),
        )
