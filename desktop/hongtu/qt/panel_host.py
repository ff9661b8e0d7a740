"""What a panel may use of the main window: the narrow seam between them.

The panels that plug into the window (``PlanUi``, ``SiteEditing``) hold a ``PanelHost``: the
signals and methods below, and the window as the parent of their dialogs and menus. Its widgets,
models and status bar stay the window's own business; ``MainWindow`` implements this class, and
tests/test_architecture.py checks that a panel uses nothing else of it. Panels import this module,
not ``mainwindow``, so the window and its panels never import each other.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QSplitter, QTabWidget, QToolBar, QWidget

from hongtu.core.sites import Site
from hongtu.qt.map_controller import NOTICE_MS
from hongtu.qt.site_model import SiteTableModel

if TYPE_CHECKING:
    from hongtu.qt.plan_list import PlanListPanel


class FileGroup(IntEnum):
    """The 文件 menu's parts, the most used first: a plan file and the roster, then the backup,
    then the rarely used site-corrections files (then 退出)."""

    PLANS = 0  # 导入方案…, 成员名单…
    DATA = 1  # 备份数据…, 恢复数据…
    SITES = 2  # 导入核实信息…, 导出核实信息…


class PanelHost(QMainWindow):
    # ---- what happens in the window ------------------------------------------------------------
    site_selected = Signal(int)  # a site chosen in the list or on the map
    site_activated = Signal(int)  # a site's row double-clicked
    sites_changed = Signal(list)  # list[Site]: the catalogue as now shown
    site_info_requested = Signal(int)  # 编辑站点信息 asked for in the details pane
    site_selection_changed = Signal()  # selected, changed or cleared (a filter hid the row)
    add_place_requested = Signal(str)  # a search found nothing: add it (the typed name)
    plan_files_dropped = Signal(list)  # list[Path]: plan files dropped on the window
    corrections_files_dropped = Signal(list)  # list[Path]: site-corrections files dropped
    closing = Signal()  # the window is about to close: panels push what is being typed

    # ---- the catalogue as shown ----------------------------------------------------------------
    def sites(self) -> list[Site]:
        raise NotImplementedError

    def selected_site_id(self) -> int | None:
        raise NotImplementedError

    def selected_site(self) -> Site | None:
        raise NotImplementedError

    def update_site(self, site: Site) -> None:
        """A site was corrected, edited or added: the list, its marker, details and counts."""
        raise NotImplementedError

    def select_site(self, site_id: int) -> None:
        """Select the site in the list (clearing a filter that hides it), its details shown and
        its marker highlighted."""
        raise NotImplementedError

    def show_sites(self, sites: list[Site]) -> None:
        """The whole catalogue again (another program changed it): the list and the markers."""
        raise NotImplementedError

    def mark_sites_in_plan(self, site_ids: frozenset[int]) -> None:
        """已在方案中 in the site list and the markers' popups."""
        raise NotImplementedError

    def catalogue_model(self) -> SiteTableModel:
        """The sites as a model, for pickers that search the catalogue."""
        raise NotImplementedError

    # ---- putting a panel's widgets, menus and actions in place ---------------------------------
    def plan_list_panel(self) -> PlanListPanel:
        """The 方案 list (the window may build and fill it before the plan tools exist)."""
        raise NotImplementedError

    def add_plan_panes(
        self, below_map: QWidget, plan_pane: QWidget
    ) -> tuple[QTabWidget, QSplitter, QTabWidget]:
        """站点 | 方案 tabs on the left, a pane below the map, 站点详情 | 当前方案 on the right."""
        raise NotImplementedError

    def add_menus(self, menus: list[QMenu], *, first: bool) -> None:
        """``first``: right after 文件 (in this order); otherwise just before 帮助."""
        raise NotImplementedError

    def add_toolbar(self, toolbar: QToolBar) -> None:
        raise NotImplementedError

    def add_site_list_widget(self, widget: QWidget) -> None:
        """A widget (a button) below the site table."""
        raise NotImplementedError

    def add_close_check(self, check: Callable[[], bool]) -> None:
        """``check()`` is asked before the window closes; False keeps it open (changes not yet
        saved that the organiser chose to keep)."""
        raise NotImplementedError

    def add_site_actions(self, actions: list[QAction | None]) -> None:
        """Actions on a site: in the table's context menu (None: a separator) and its shortcuts."""
        raise NotImplementedError

    def add_file_action(self, action: QAction, group: FileGroup) -> None:
        """An action in the 文件 menu: at the end of its group, above 退出."""
        raise NotImplementedError

    # ---- the status bar ------------------------------------------------------------------------
    def notify(self, text: str, ms: int = NOTICE_MS) -> None:
        """A passing notice in the status bar (0 ms: until the next one)."""
        raise NotImplementedError


def panel_interface() -> frozenset[str]:
    """The names a panel may use of its host."""
    return frozenset(name for name in vars(PanelHost) if not name.startswith("_"))


__all__ = ["PanelHost", "panel_interface"]
